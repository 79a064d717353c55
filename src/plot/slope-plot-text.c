/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-plot-text.c: labels and crisp lines shared by the plot renderers.
 *
 * The plots are laid out from text sizes measured on a private Pango
 * context with metric hinting off, not on the cairo_t being drawn to, so
 * that the plotting area computed for hit-testing equals the one drawn, on
 * screen, in a PNG or in a PDF.
 */
#include "config.h"

#include <math.h>

#include "slope-plot-text.h"

static PangoContext *
measure_context_new (void)
{
  /* The default font map is per thread, so an export thread gets its own. */
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  return context;
}

/**
 * slope_plot_text_layout:
 * @cr: (nullable): the context to draw on, or %NULL to measure only
 *
 * A layout in @family at @size_px user units, whatever the resolution.
 */
PangoLayout *
slope_plot_text_layout (cairo_t     *cr,
                        const char  *family,
                        double       size_px,
                        PangoWeight  weight)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_new ();
  PangoLayout *layout;

  if (cr != NULL)
    {
      layout = pango_cairo_create_layout (cr);
    }
  else
    {
      PangoContext *context = measure_context_new ();

      layout = pango_layout_new (context);
      g_object_unref (context);
    }

  pango_font_description_set_family (desc, family ? family : SLOPE_PLOT_DEFAULT_FONT);
  pango_font_description_set_absolute_size (desc, MAX (1.0, size_px) * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);

  return layout;
}

void
slope_plot_text_measure (PangoLayout   *layout,
                         const char    *text,
                         SlopeTextSize *size)
{
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  size->width = (double) logical.width / PANGO_SCALE;
  size->height = (double) logical.height / PANGO_SCALE;
}

/* Draws @text with the point (x, y) at (xalign, yalign) of its logical box:
 * (0.5, 0) centres it below a tick, (1, 0.5) puts it left of one. */
void
slope_plot_text_draw (cairo_t     *cr,
                      PangoLayout *layout,
                      const char  *text,
                      double       x,
                      double       y,
                      double       xalign,
                      double       yalign)
{
  SlopeTextSize size;

  slope_plot_text_measure (layout, text, &size);
  /* Whole pixels keep the glyphs sharp on image surfaces. */
  cairo_move_to (cr,
                 round (x - xalign * size.width),
                 round (y - yalign * size.height));
  pango_cairo_show_layout (cr, layout);
}

/* An axis title reading bottom to top, centred on (cx, cy). */
void
slope_plot_text_draw_rotated (cairo_t     *cr,
                              PangoLayout *layout,
                              const char  *text,
                              double       cx,
                              double       cy)
{
  SlopeTextSize size;

  slope_plot_text_measure (layout, text, &size);
  cairo_save (cr);
  cairo_translate (cr, round (cx), round (cy));
  cairo_rotate (cr, -G_PI / 2.0);
  pango_cairo_update_layout (cr, layout);
  cairo_move_to (cr, -round (size.width / 2.0), -round (size.height / 2.0));
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  pango_cairo_update_layout (cr, layout);
}

/**
 * slope_plot_snap:
 * @vertical: %TRUE for a vertical line (snaps x), %FALSE for a horizontal one
 *
 * Moves the coordinate of a line @line_width wide so that it covers whole
 * device pixels: a 1 px grid line on a pixel centre is one crisp row instead
 * of two half-grey ones.  Works at any device scale (HiDPI snapshots).
 */
double
slope_plot_snap (cairo_t  *cr,
                 double    v,
                 gboolean  vertical,
                 double    line_width)
{
  double x = vertical ? v : 0.0;
  double y = vertical ? 0.0 : v;
  double wx = line_width, wy = line_width;
  double device_width, d;

  cairo_user_to_device_distance (cr, &wx, &wy);
  device_width = MAX (1.0, round (fabs (vertical ? wx : wy)));

  cairo_user_to_device (cr, &x, &y);
  d = vertical ? x : y;
  if (fmod (device_width, 2.0) == 1.0)
    d = floor (d) + 0.5;
  else
    d = round (d);
  if (vertical)
    x = d;
  else
    y = d;
  cairo_device_to_user (cr, &x, &y);

  return vertical ? x : y;
}

void
slope_plot_rounded_rect (cairo_t *cr,
                         double   x,
                         double   y,
                         double   width,
                         double   height,
                         double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2.0);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2.0, 0.0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0.0, G_PI / 2.0);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2.0, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 1.5 * G_PI);
  cairo_close_path (cr);
}

/* A renderer given a context already in an error state draws nothing:
 * every call would be ignored anyway, and this keeps the log quiet. */
gboolean
slope_plot_cairo_ok (cairo_t *cr)
{
  return cr != NULL && cairo_status (cr) == CAIRO_STATUS_SUCCESS;
}
