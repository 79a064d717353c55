/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-density.c: millions of points as one image.
 *
 * The counts are accumulated straight into the pixels of the image surface
 * that is then painted, so ten million points cost one pass over the
 * arrays and one allocation the size of the plotting area, never one
 * allocation or one Cairo call per point.
 */
#include "config.h"

#include <math.h>

#include "slope-density.h"

/* A lone point must still be visible on a projector; the densest pixel is
 * fully opaque.  Counts in between are shaded by their logarithm, because
 * real data piles up by orders of magnitude near its centre. */
#define MIN_ALPHA 0.5

static guint32
count_points (guint32      *pixels,
              gsize         pitch,
              const double *x,
              const double *y,
              gsize         n,
              double        x_min,
              double        y_max,
              double        sx,
              double        sy,
              int           width,
              int           height)
{
  guint32 max_count = 0;

  for (gsize i = 0; i < n; i++)
    {
      /* In halves: for ±1.8e308 data the span overflows. */
      double fx = (x[i] / 2.0 - x_min / 2.0) * sx;
      double fy = (y_max / 2.0 - y[i] / 2.0) * sy;

      /* Written so that NaN, like anything out of view, fails the test. */
      if (fx >= 0.0 && fx <= width && fy >= 0.0 && fy <= height)
        {
          /* A point on the view's right or bottom edge goes in the last
           * cell, not nowhere. */
          guint32 *c = &pixels[(gsize) MIN (fy, height - 1) * pitch
                               + (gsize) MIN (fx, width - 1)];

          if (*c < G_MAXUINT32)
            (*c)++;
          max_count = MAX (max_count, *c);
        }
    }

  return max_count;
}

static void
shade_counts (guint32          *pixels,
              gsize             pitch,
              int               width,
              int               height,
              guint32           max_count,
              const SlopeColor *color)
{
  double range = log1p ((double) max_count - 1.0);
  double lut[256];

  /* Most pixels hold few points: look those up instead of calling log. */
  for (guint c = 1; c < G_N_ELEMENTS (lut); c++)
    lut[c] = range > 0.0 ? log1p ((double) c - 1.0) / range : 1.0;

  for (int row = 0; row < height; row++)
    {
      guint32 *p = pixels + row * pitch;

      for (int col = 0; col < width; col++)
        {
          guint32 c = p[col];
          double t, a;

          if (c == 0)
            continue;

          t = c < G_N_ELEMENTS (lut) ? lut[c] : log1p ((double) c - 1.0) / range;
          a = (MIN_ALPHA + (1.0 - MIN_ALPHA) * MIN (t, 1.0)) * color->a;

          /* CAIRO_FORMAT_ARGB32 is premultiplied, native-endian. */
          p[col] = ((guint32) lround (a * 255.0) << 24)
                 | ((guint32) lround (color->r * a * 255.0) << 16)
                 | ((guint32) lround (color->g * a * 255.0) << 8)
                 | ((guint32) lround (color->b * a * 255.0));
        }
    }
}

/**
 * slope_density_render:
 *
 * Returns: (transfer full): a @width × @height image of the points in
 * [x_min, x_max] × [y_min, y_max], y up; a surface in an error state if it
 * could not be made (cairo_set_source_surface() accepts those).
 */
cairo_surface_t *
slope_density_render (const double     *x,
                      const double     *y,
                      gsize             n,
                      double            x_min,
                      double            x_max,
                      double            y_min,
                      double            y_max,
                      int               width,
                      int               height,
                      const SlopeColor *color)
{
  cairo_surface_t *surface;
  guint32 *pixels;
  gsize pitch;
  guint32 max_count;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        MAX (width, 1), MAX (height, 1));
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS
      || !(x_max > x_min) || !(y_max > y_min))
    return surface;

  /* A new image surface is all zeroes: the counts start from there. */
  cairo_surface_flush (surface);
  pixels = (guint32 *) (gpointer) cairo_image_surface_get_data (surface);
  pitch = (gsize) cairo_image_surface_get_stride (surface) / sizeof (guint32);

  max_count = count_points (pixels, pitch, x, y, n, x_min, y_max,
                            width / (x_max / 2.0 - x_min / 2.0),
                            height / (y_max / 2.0 - y_min / 2.0),
                            width, height);
  if (max_count > 0)
    shade_counts (pixels, pitch, width, height, max_count, color);

  cairo_surface_mark_dirty (surface);

  return surface;
}
