/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-test-pixels.c: what the plot tests share for reading images back.
 *
 * Set SLOPE_TEST_PNG_DIR to keep the images the tests draw, for a person
 * to look at; no assertion depends on it.
 */
#include "config.h"

#include <math.h>

#include "slope-test-pixels.h"

SlopeTestRgb
slope_test_rgb_of (const SlopeColor *color)
{
  return (SlopeTestRgb) { (int) lround (color->r * 255), (int) lround (color->g * 255),
                         (int) lround (color->b * 255) };
}

/* The colour at (x, y), composited on white as the window would show it. */
SlopeTestRgb
slope_test_pixel_at (cairo_surface_t *surface,
                     double           x,
                     double           y)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  const guint8 *data;
  guint32 p;
  int a;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  p = *(const guint32 *) (gconstpointer) (data + iy * cairo_image_surface_get_stride (surface) + ix * 4);
  a = p >> 24;

  /* Premultiplied: add white for what is transparent. */
  return (SlopeTestRgb) { ((p >> 16) & 0xff) + 255 - a, ((p >> 8) & 0xff) + 255 - a, (p & 0xff) + 255 - a };
}

gboolean
slope_test_near_color (SlopeTestRgb a,
                       SlopeTestRgb b,
                       int          tolerance)
{
  return ABS (a.r - b.r) <= tolerance && ABS (a.g - b.g) <= tolerance
         && ABS (a.b - b.b) <= tolerance;
}

/* How many pixels of two images the same size differ, in any channel
 * (alpha included, premultiplied as stored), by more than @tolerance. */
guint
slope_test_count_different (cairo_surface_t *a,
                            cairo_surface_t *b,
                            int              tolerance)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  const guint8 *da, *db;
  guint count = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  da = cairo_image_surface_get_data (a);
  db = cairo_image_surface_get_data (b);

  for (int y = 0; y < height; y++)
    {
      const guint8 *ra = da + y * cairo_image_surface_get_stride (a);
      const guint8 *rb = db + y * cairo_image_surface_get_stride (b);

      for (int x = 0; x < width; x++)
        for (int c = 0; c < 4; c++)
          if (ABS (ra[4 * x + c] - rb[4 * x + c]) > tolerance)
            {
              count++;
              break;
            }
    }
  return count;
}

void
slope_test_maybe_save (cairo_surface_t *surface,
                       const char      *name)
{
  const char *dir = g_getenv ("SLOPE_TEST_PNG_DIR");

  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
    }
}

/* Draws @plot and checks that neither the context nor the surface ended up
 * in an error state. */
