/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-test-pixels.h: reading back what a renderer drew, for the plot
 * tests: a pixel's colour as the window would show it, colour comparison
 * with a tolerance, and saving the image when a person wants to look. */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "slope-palette.h"

G_BEGIN_DECLS

typedef struct
{
  int r, g, b;
} SlopeTestRgb;

SlopeTestRgb slope_test_rgb_of      (const SlopeColor *color);
SlopeTestRgb slope_test_pixel_at    (cairo_surface_t  *surface,
                                     double            x,
                                     double            y);
gboolean     slope_test_near_color  (SlopeTestRgb      a,
                                     SlopeTestRgb      b,
                                     int               tolerance);
guint        slope_test_count_different (cairo_surface_t *a,
                                         cairo_surface_t *b,
                                         int              tolerance);
void         slope_test_maybe_save  (cairo_surface_t  *surface,
                                     const char       *name);

G_END_DECLS
