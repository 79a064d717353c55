/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-plot-text.h: labels and crisp lines shared by the plot renderers.
 *
 * Private to src/plot.  Text is measured with a context that does not
 * depend on the cairo_t, so a plot's layout (where its axes go) is the same
 * whether it is asked for by a widget, drawn into a PNG or hit-tested.
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

#define SLOPE_PLOT_DEFAULT_FONT "Sans"

typedef struct
{
  double width;
  double height;
} SlopeTextSize;

PangoLayout *slope_plot_text_layout      (cairo_t       *cr,
                                          const char    *family,
                                          double         size_px,
                                          PangoWeight    weight);
void         slope_plot_text_measure     (PangoLayout   *layout,
                                          const char    *text,
                                          SlopeTextSize *size);
void         slope_plot_text_draw        (cairo_t       *cr,
                                          PangoLayout   *layout,
                                          const char    *text,
                                          double         x,
                                          double         y,
                                          double         xalign,
                                          double         yalign);
void         slope_plot_text_draw_rotated (cairo_t      *cr,
                                          PangoLayout   *layout,
                                          const char    *text,
                                          double         cx,
                                          double         cy);
double       slope_plot_snap             (cairo_t       *cr,
                                          double         v,
                                          gboolean       vertical,
                                          double         line_width);
void         slope_plot_rounded_rect     (cairo_t       *cr,
                                          double         x,
                                          double         y,
                                          double         width,
                                          double         height,
                                          double         radius);
gboolean     slope_plot_cairo_ok         (cairo_t       *cr);

G_END_DECLS
