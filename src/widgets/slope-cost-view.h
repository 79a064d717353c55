/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-cost-view.h: the widget showing the cost per epoch. */
#pragma once

#include <gtk/gtk.h>

#include "slope-cost-plot.h"

G_BEGIN_DECLS

#define SLOPE_TYPE_COST_VIEW (slope_cost_view_get_type ())

G_DECLARE_FINAL_TYPE (SlopeCostView, slope_cost_view, SLOPE, COST_VIEW, GtkWidget)

GtkWidget           *slope_cost_view_new            (void);
void                 slope_cost_view_set_history    (SlopeCostView *self,
                                                     SlopeHistory  *history);
void                 slope_cost_view_set_log_scale  (SlopeCostView *self,
                                                     gboolean       log_scale);
void                 slope_cost_view_set_marker     (SlopeCostView *self,
                                                     gboolean       has_marker,
                                                     guint64        epoch,
                                                     double         cost);
void                 slope_cost_view_set_x_max      (SlopeCostView *self,
                                                     guint64        epochs);
void                 slope_cost_view_set_font_scale (SlopeCostView *self,
                                                     double         scale);
void                 slope_cost_view_set_batches    (SlopeCostView *self,
                                                     const double  *x,
                                                     const double  *cost,
                                                     gsize          n);
void                 slope_cost_view_set_runs       (SlopeCostView       *self,
                                                     const SlopeRunTrace *runs,
                                                     gsize                n_runs);
const SlopeCostPlot *slope_cost_view_get_plot       (SlopeCostView *self);

G_END_DECLS
