/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-cost-plot.h: the cost per epoch since reset, and with
 * mini-batches each batch's cost, lightly.
 *
 * Drawn from a SlopeHistory's min/max envelope, one column per pixel, so
 * its cost does not depend on how many epochs have run.  In two layers,
 * so a widget can keep the frame (axes, grid, labels) while the curve
 * grows: draw_frame then draw_curve is draw.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "slope-axis.h"
#include "slope-history.h"
#include "slope-palette.h"

G_BEGIN_DECLS

typedef struct
{
  SlopeHistory       *history;        /* may be NULL or empty: axes only */
  const SlopePalette *palette;        /* NULL: the light palette */
  double              font_scale;
  gboolean            log_scale;
  guint64             x_max_epoch;    /* the right end; at least the last epoch */
  gboolean            has_marker;     /* the current (or rewound-to) epoch */
  guint64             marker_epoch;
  double              marker_cost;
  const char         *font_family;    /* NULL: "Sans" */
  /* Mini-batches: each step's batch cost, drawn lightly under the
   * epochs' curve; batch_x is where it ran, in epochs (epoch e's batch k
   * of n at e − 1 + (k + 1)/n).  Borrowed; n_batches 0 draws none. */
  const double       *batch_x;
  const double       *batch_cost;
  gsize               n_batches;
} SlopeCostPlot;

void     slope_cost_plot_init          (SlopeCostPlot       *plot);
void     slope_cost_plot_area          (const SlopeCostPlot *plot,
                                        int                  width,
                                        int                  height,
                                        double              *left,
                                        double              *top,
                                        double              *area_width,
                                        double              *area_height);
void     slope_cost_plot_epoch_axis    (const SlopeCostPlot *plot,
                                        int                  width,
                                        int                  height,
                                        SlopeAxis           *axis);
guint64  slope_cost_plot_epoch_at      (const SlopeCostPlot *plot,
                                        int                  width,
                                        int                  height,
                                        double               px);
double   slope_cost_plot_epoch_to_x    (const SlopeCostPlot *plot,
                                        int                  width,
                                        int                  height,
                                        guint64              epoch);
double   slope_cost_plot_cost_to_y     (const SlopeCostPlot *plot,
                                        int                  width,
                                        int                  height,
                                        double               cost);
guint64  slope_cost_plot_frame_key     (const SlopeCostPlot *plot,
                                        int                  width,
                                        int                  height);
guint64  slope_cost_plot_curve_key     (const SlopeCostPlot *plot,
                                        int                  width,
                                        int                  height);
void     slope_cost_plot_curve_area    (const SlopeCostPlot *plot,
                                        int                  width,
                                        int                  height,
                                        double              *left,
                                        double              *top,
                                        double              *area_width,
                                        double              *area_height);
void     slope_cost_plot_draw_frame    (cairo_t             *cr,
                                        int                  width,
                                        int                  height,
                                        const SlopeCostPlot *plot);
void     slope_cost_plot_draw_curve    (cairo_t             *cr,
                                        int                  width,
                                        int                  height,
                                        const SlopeCostPlot *plot);
void     slope_cost_plot_draw          (cairo_t             *cr,
                                        int                  width,
                                        int                  height,
                                        const SlopeCostPlot *plot);

G_END_DECLS
