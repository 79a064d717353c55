/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-density.h: millions of points as one image.
 *
 * Private to src/plot.  Past a few thousand points a scatter of circles
 * is both slow and unreadable (one solid blob); counting the points that
 * land in each pixel and shading by the count shows where the data is.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "slope-palette.h"

G_BEGIN_DECLS

cairo_surface_t *slope_density_render (const double     *x,
                                       const double     *y,
                                       gsize             n,
                                       double            x_min,
                                       double            x_max,
                                       double            y_min,
                                       double            y_max,
                                       int               width,
                                       int               height,
                                       const SlopeColor *color);

G_END_DECLS
