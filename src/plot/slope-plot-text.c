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

/* Measuring runs on every frame (the plots lay themselves out from their
 * labels' sizes), mostly on the same few labels: each thread keeps one
 * measuring context and the sizes it measured, which depend only on the
 * font and the text.  Bounded: cleared whole when it fills. */
#define MEASURE_CACHE_MAX 4096

static GQuark
measure_quark (void)
{
  static gsize quark;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("slope-plot-text-measure"));
  return (GQuark) quark;
}
static GPrivate measure_context_key = G_PRIVATE_INIT (g_object_unref);
static GPrivate measure_cache_key = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

static PangoContext *
measure_context (void)
{
  PangoContext *context = g_private_get (&measure_context_key);
  cairo_font_options_t *options;

  if (context != NULL)
    return context;

  /* The default font map is per thread, so an export thread gets its own. */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  g_private_set (&measure_context_key, context);

  return context;
}

static GHashTable *
measure_cache (void)
{
  GHashTable *cache = g_private_get (&measure_cache_key);

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_private_set (&measure_cache_key, cache);
    }
  else if (g_hash_table_size (cache) >= MEASURE_CACHE_MAX)
    {
      g_hash_table_remove_all (cache);
    }
  return cache;
}

/**
 * slope_plot_text_layout:
 * @cr: (nullable): the context to draw on, or %NULL to measure only
 *
 * A layout in @family at @size_px user units, whatever the resolution.
 * One made to measure only (@cr %NULL) has its sizes remembered: do not
 * change its attributes, width or wrapping.
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
      layout = pango_layout_new (measure_context ());
    }

  pango_font_description_set_family (desc, family ? family : SLOPE_PLOT_DEFAULT_FONT);
  pango_font_description_set_absolute_size (desc, MAX (1.0, size_px) * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  /* A measuring layout's font, as its sizes' key: made once, here, not
   * on every measurement (it was a tenth of a playing frame's work). */
  if (cr == NULL)
    g_object_set_qdata_full (G_OBJECT (layout), measure_quark (),
                             pango_font_description_to_string (desc), g_free);

  return layout;
}

static void
measure_layout (PangoLayout   *layout,
                const char    *text,
                SlopeTextSize *size)
{
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  size->width = (double) logical.width / PANGO_SCALE;
  size->height = (double) logical.height / PANGO_SCALE;
}

void
slope_plot_text_measure (PangoLayout   *layout,
                         const char    *text,
                         SlopeTextSize *size)
{
  const char *font = g_object_get_qdata (G_OBJECT (layout), measure_quark ());
  g_autofree char *key = NULL;
  GHashTable *cache;
  SlopeTextSize *known;

  if (font == NULL)
    {
      measure_layout (layout, text, size);
      return;
    }

  key = g_strconcat (font, "\x1f", text, NULL);
  cache = measure_cache ();
  known = g_hash_table_lookup (cache, key);
  if (known == NULL)
    {
      known = g_new (SlopeTextSize, 1);
      measure_layout (layout, text, known);
      g_hash_table_insert (cache, g_steal_pointer (&key), known);
    }
  *size = *known;
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
