/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-export.c: drawing the renderers onto PNG, SVG and PDF files.
 *
 * The file is drawn into memory first and written only when Cairo has
 * succeeded, through slope_save_bytes(), which writes a temporary file
 * beside the real one and renames it: a failed export never leaves half an
 * image, nor destroys the one it was meant to replace.  A plot is at most a few
 * megabytes, so holding it in memory costs nothing worth saving.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "slope-export.h"
#include "slope-save.h"

typedef void (*BandDrawFunc) (cairo_t       *cr,
                              int            width,
                              int            height,
                              gconstpointer  plot);

G_DEFINE_QUARK (slope-export-error-quark, slope_export_error)

/**
 * slope_export_format_from_name:
 * @name: a file name or path
 *
 * Returns: the format its extension names (in any case), or
 * %SLOPE_EXPORT_FORMAT_AUTO when it names none.
 */
SlopeExportFormat
slope_export_format_from_name (const char *name)
{
  static const struct { const char *ext; SlopeExportFormat format; } known[] = {
    { ".png", SLOPE_EXPORT_FORMAT_PNG },
    { ".svg", SLOPE_EXPORT_FORMAT_SVG },
    { ".pdf", SLOPE_EXPORT_FORMAT_PDF },
  };
  const char *dot;

  g_return_val_if_fail (name != NULL, SLOPE_EXPORT_FORMAT_AUTO);

  dot = strrchr (name, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return SLOPE_EXPORT_FORMAT_AUTO;

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_ascii_strcasecmp (dot, known[i].ext) == 0)
      return known[i].format;

  return SLOPE_EXPORT_FORMAT_AUTO;
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
create_surface (SlopeExportFormat  format,
                int                width,
                int                height,
                GByteArray        *out)
{
  cairo_surface_t *surface = NULL;

  switch (format)
    {
    case SLOPE_EXPORT_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;

    case SLOPE_EXPORT_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_to_array, out, width, height);
      /* Cairo 1.16 sizes SVGs in points; the plot was laid out in pixels. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;

    case SLOPE_EXPORT_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_to_array, out, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                      "Slope " PACKAGE_VERSION);
      break;

    case SLOPE_EXPORT_FORMAT_AUTO:
    default:
      g_assert_not_reached ();
    }

  return surface;
}

/* Draws into @out, which holds the whole file on success. */
static gboolean
render (SlopeExportFormat     format,
        int                   width,
        int                   height,
        SlopeExportDrawFunc   draw,
        gpointer              user_data,
        GByteArray           *out,
        GError              **error)
{
  cairo_surface_t *surface = create_surface (format, width, height, out);
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      cairo_t *cr = cairo_create (surface);

      draw (cr, width, height, user_data);
      status = cairo_status (cr);
      cairo_destroy (cr);
    }

  /* Vector surfaces write their last pages only when finished. */
  if (status == CAIRO_STATUS_SUCCESS && format == SLOPE_EXPORT_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_to_array, out);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SLOPE_EXPORT_ERROR, SLOPE_EXPORT_ERROR_DRAWING,
                   _("Drawing failed: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/**
 * slope_export_draw:
 * @path: (nullable) (type filename): where to save, if @file is %NULL
 * @file: (nullable): where to save
 * @format: the format, or %SLOPE_EXPORT_FORMAT_AUTO for the one the file
 *   name's extension (.png, .svg, .pdf) names
 * @width: the image's width in pixels (points for a PDF)
 * @draw: (scope call): draws the image
 *
 * Draws with @draw onto a surface of the format and saves it, replacing
 * the file only once all has succeeded.
 *
 * Returns: %TRUE on success; %FALSE with @error set, its message naming
 * the file, otherwise.
 */
gboolean
slope_export_draw (const char           *path,
                   GFile                *file,
                   SlopeExportFormat     format,
                   int                   width,
                   int                   height,
                   SlopeExportDrawFunc   draw,
                   gpointer              user_data,
                   GError              **error)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GByteArray) out = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (path != NULL || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  target = file != NULL ? g_object_ref (file) : g_file_new_for_path (path);
  base = g_file_get_basename (target);
  display_name = g_filename_display_name (base ? base : "");

  if (format == SLOPE_EXPORT_FORMAT_AUTO)
    format = slope_export_format_from_name (base ? base : "");
  if (format == SLOPE_EXPORT_FORMAT_AUTO)
    {
      g_set_error (error, SLOPE_EXPORT_ERROR, SLOPE_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("%s: cannot tell which kind of image to save; "
                     "name the file .png, .svg or .pdf"),
                   display_name);
      return FALSE;
    }

  out = g_byte_array_new ();
  if (!render (format, width, height, draw, user_data, out, &local_error))
    goto failed;

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&out));
  if (!slope_save_bytes (target, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                         NULL, &local_error))
    goto failed;

  return TRUE;

failed:
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              _("%s: cannot export: "), display_name);
  return FALSE;
}

/* Draws @draw's plot in a band of the image: each plot paints its own
 * background, which must not spill over the other. */
static void
draw_band (cairo_t       *cr,
           int            top,
           int            width,
           int            height,
           BandDrawFunc   draw,
           gconstpointer  plot)
{
  if (height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, top, width, height);
  cairo_clip (cr);
  cairo_translate (cr, 0, top);
  draw (cr, width, height, plot);
  cairo_restore (cr);
}

static void
draw_data_plot (cairo_t       *cr,
                int            width,
                int            height,
                gconstpointer  plot)
{
  slope_data_plot_draw (cr, width, height, plot);
}

static void
draw_cost_plot (cairo_t       *cr,
                int            width,
                int            height,
                gconstpointer  plot)
{
  slope_cost_plot_draw (cr, width, height, plot);
}

/**
 * slope_export_draw_view:
 *
 * The whole view as the window shows it: the data plot on top
 * (%SLOPE_EXPORT_VIEW_DATA_SHARE of the height) and the cost plot below.
 */
void
slope_export_draw_view (cairo_t             *cr,
                        int                  width,
                        int                  height,
                        const SlopeDataPlot *data_plot,
                        const SlopeCostPlot *cost_plot)
{
  int top_height;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data_plot != NULL);
  g_return_if_fail (cost_plot != NULL);

  top_height = (int) lround (height * SLOPE_EXPORT_VIEW_DATA_SHARE);
  draw_band (cr, 0, width, top_height, draw_data_plot, data_plot);
  draw_band (cr, top_height, width, height - top_height, draw_cost_plot, cost_plot);
}

static void
export_data_plot_cb (cairo_t  *cr,
                     int       width,
                     int       height,
                     gpointer  user_data)
{
  slope_data_plot_draw (cr, width, height, user_data);
}

static void
export_cost_plot_cb (cairo_t  *cr,
                     int       width,
                     int       height,
                     gpointer  user_data)
{
  slope_cost_plot_draw (cr, width, height, user_data);
}

typedef struct
{
  const SlopeDataPlot *data_plot;
  const SlopeCostPlot *cost_plot;
} ViewPlots;

static void
export_view_cb (cairo_t  *cr,
                int       width,
                int       height,
                gpointer  user_data)
{
  const ViewPlots *plots = user_data;

  slope_export_draw_view (cr, width, height, plots->data_plot, plots->cost_plot);
}

/**
 * slope_export_data_plot:
 *
 * Saves the data plot in the format @file's extension names.
 */
gboolean
slope_export_data_plot (GFile                *file,
                        const SlopeDataPlot  *plot,
                        int                   width,
                        int                   height,
                        GError              **error)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (plot != NULL, FALSE);

  return slope_export_draw (NULL, file, SLOPE_EXPORT_FORMAT_AUTO, width, height,
                            export_data_plot_cb, (gpointer) plot, error);
}

/**
 * slope_export_cost_plot:
 *
 * Saves the cost plot in the format @file's extension names.
 */
gboolean
slope_export_cost_plot (GFile                *file,
                        const SlopeCostPlot  *plot,
                        int                   width,
                        int                   height,
                        GError              **error)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (plot != NULL, FALSE);

  return slope_export_draw (NULL, file, SLOPE_EXPORT_FORMAT_AUTO, width, height,
                            export_cost_plot_cb, (gpointer) plot, error);
}

/**
 * slope_export_view:
 *
 * Saves the whole view (see slope_export_draw_view()) in the format
 * @file's extension names.
 */
gboolean
slope_export_view (GFile                *file,
                   const SlopeDataPlot  *data_plot,
                   const SlopeCostPlot  *cost_plot,
                   int                   width,
                   int                   height,
                   GError              **error)
{
  ViewPlots plots = { data_plot, cost_plot };

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data_plot != NULL, FALSE);
  g_return_val_if_fail (cost_plot != NULL, FALSE);

  return slope_export_draw (NULL, file, SLOPE_EXPORT_FORMAT_AUTO, width, height,
                            export_view_cb, &plots, error);
}
