/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-landscape-optimum.c: the least-squares star and its label.
 *
 * The second part of the path layer.  The star stays where the data put
 * it, but its label moves out of the way of the path and the marker
 * (where to: slope-landscape-label.c), so a widget keeps this part as an
 * image and draws it again only when the key here, the star's pixel and
 * where the label went, changes.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "slope-landscape-private.h"
#include "slope-plot-frame.h"
#include "slope-plot-key.h"
#include "slope-plot-text.h"

/* The least-squares optimum's label, where it goes now: its box's
 * top-left corner and size.  FALSE when the star is out of view or no
 * place round it is clear (slope-landscape-label.c). */
static gboolean
optimum_label (cairo_t                    *cr,
               const SlopeLandscapeLayout *layout,
               const SlopeLandscapePlot   *plot,
               const SlopeBowl            *bowl,
               PangoLayout               **text,
               double                      box[4])
{
  const SlopeArea *a = &layout->area;
  double px, py, r = 10.0 * layout->fs, gap = 0.75 * r, lx, ly, arrow[4];
  SlopeTextSize size;
  gboolean has_arrow;

  if (!plot->has_optimum
      || !slope_landscape_view_to_pixel (&layout->view, a, plot->optimum_w, plot->optimum_b, &px, &py)
      || px < a->left - r || px > a->left + a->width + r
      || py < a->top - r || py > a->top + a->height + r)
    return FALSE;

  *text = slope_plot_text_layout (cr, plot->font_family,
                                  SLOPE_PLOT_TICK_FONT_PX * 1.1 * layout->fs, PANGO_WEIGHT_BOLD);
  slope_plot_text_measure (*text, _("least squares"), &size);
  has_arrow = slope_landscape_arrow_geometry (plot, bowl, layout, &arrow[0], &arrow[1], &arrow[2], &arrow[3]);
  if (!slope_landscape_place_label (layout, plot, has_arrow ? arrow : NULL, px, py, gap,
                                    size.width, size.height, &lx, &ly))
    return FALSE;
  /* As slope_landscape_draw_halo_text() puts it. */
  box[0] = round (lx - size.width / 2.0);
  box[1] = round (ly - size.height / 2.0);
  box[2] = size.width;
  box[3] = size.height;
  return TRUE;
}

void
slope_landscape_draw_optimum (cairo_t                    *cr,
                              const SlopeLandscapeLayout *layout,
                              const SlopeLandscapePlot   *plot,
                              const SlopeBowl            *bowl)
{
  g_autoptr(PangoLayout) text = NULL;
  const SlopeArea *a = &layout->area;
  double px, py, r = 10.0 * layout->fs, box[4];

  if (!plot->has_optimum
      || !slope_landscape_view_to_pixel (&layout->view, a, plot->optimum_w, plot->optimum_b, &px, &py)
      || px < a->left - r || px > a->left + a->width + r
      || py < a->top - r || py > a->top + a->height + r)
    return;

  cairo_new_path (cr);
  for (int i = 0; i < 10; i++)
    {
      double angle = -G_PI / 2.0 + i * G_PI / 5.0, rr = i % 2 ? 0.45 * r : r;

      cairo_line_to (cr, px + rr * cos (angle), py + rr * sin (angle));
    }
  cairo_close_path (cr);
  slope_palette_set_source (cr, &slope_landscape_white);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5 * layout->lw);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  slope_palette_set_source (cr, &slope_landscape_casing);
  cairo_stroke (cr);

  if (optimum_label (cr, layout, plot, bowl, &text, box))
    slope_landscape_draw_halo_text (cr, text, _("least squares"), box[0] + box[2] / 2.0,
                                    box[1] + box[3] / 2.0, 0.5, layout->lw);
}

/**
 * slope_landscape_plot_optimum_label:
 *
 * Where the "least squares" label is drawn at @width × @height: the
 * top-left corner of its box and its size, in pixels.  Returns %FALSE
 * when none is drawn (no optimum in view, or no place clear of the path).
 */
gboolean
slope_landscape_plot_optimum_label (const SlopeLandscapePlot *plot,
                                    int                       width,
                                    int                       height,
                                    double                   *x,
                                    double                   *y,
                                    double                   *label_width,
                                    double                   *label_height)
{
  g_autoptr(PangoLayout) text = NULL;
  SlopeLandscapeLayout layout;
  SlopeBowl bowl;
  cairo_surface_t *surface;
  cairo_t *cr;
  double box[4];
  gboolean shown;

  g_return_val_if_fail (plot != NULL, FALSE);

  if (width <= 0 || height <= 0)
    return FALSE;
  slope_landscape_compute_layout (plot, width, height, &layout);
  slope_bowl_init (&bowl, &plot->moments);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  shown = optimum_label (cr, &layout, plot, &bowl, &text, box);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (!shown)
    return FALSE;
  if (x) *x = box[0];
  if (y) *y = box[1];
  if (label_width) *label_width = box[2];
  if (label_height) *label_height = box[3];
  return TRUE;
}

/**
 * slope_landscape_plot_optimum_key:
 *
 * A fingerprint of what slope_landscape_plot_draw_optimum() shows: where
 * the star and its label fall, the size, the palette and the text scale.
 */
guint64
slope_landscape_plot_optimum_key (const SlopeLandscapePlot *plot,
                                  int                       width,
                                  int                       height)
{
  guint64 key = SLOPE_PLOT_KEY_INIT;
  SlopeLandscapeLayout layout;
  double px, py, x, y, r;

  g_return_val_if_fail (plot != NULL, 0);

  key = slope_plot_key_mix (slope_plot_key_mix (key, (guint64) width), (guint64) height);
  key = slope_plot_key_mix (key, GPOINTER_TO_SIZE (plot->palette));
  key = slope_plot_key_mix (key, (guint64) (plot->font_scale * 4096.0));
  key = slope_plot_key_string (key, plot->font_family);
  if (width <= 0 || height <= 0)
    return key;
  slope_landscape_compute_layout (plot, width, height, &layout);
  key = slope_plot_key_pixel (slope_plot_key_pixel (key, layout.area.left), layout.area.top);
  key = slope_plot_key_pixel (slope_plot_key_pixel (key, layout.area.width), layout.area.height);
  r = 10.0 * layout.fs;
  if (!plot->has_optimum
      || !slope_landscape_view_to_pixel (&layout.view, &layout.area, plot->optimum_w,
                                         plot->optimum_b, &px, &py)
      || px < layout.area.left - r || px > layout.area.left + layout.area.width + r
      || py < layout.area.top - r || py > layout.area.top + layout.area.height + r)
    return slope_plot_key_mix (key, 1);
  key = slope_plot_key_pixel (slope_plot_key_pixel (key, px), py);
  /* Where the label went, clear of the path and the marker, if anywhere. */
  if (!slope_landscape_plot_optimum_label (plot, width, height, &x, &y, NULL, NULL))
    return slope_plot_key_mix (key, 2);
  return slope_plot_key_pixel (slope_plot_key_pixel (key, x), y);
}
