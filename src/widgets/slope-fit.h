/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-fit.h: a single child shrunk to fit its parent's width.
 *
 * The explain pane's code and math are tables whose lines must not wrap:
 * when the pane is narrower than a table, the child is laid out at its
 * natural width and drawn scaled down (never up), so nothing is clipped
 * and no horizontal scrollbar appears.  Below @min_scale the parent asks
 * for more width instead.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

double slope_fit_scale    (int             width,
                           int             natural_width,
                           double          min_scale);
void   slope_fit_measure  (GtkWidget      *child,
                           int             natural_width,
                           double          min_scale,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural);
GtkSizeRequestMode slope_fit_get_request_mode (GtkWidget *widget);
void   slope_fit_allocate (GtkWidget      *child,
                           int             natural_width,
                           double          min_scale,
                           int             width,
                           int             height);

G_END_DECLS
