/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-landscape-view.h: the widget showing the cost over the (W, b)
 * plane and the descent across it.
 *
 * The widget is SlopeLandscapeWidget: SlopeLandscapeView is the plot's
 * window onto the plane (slope-landscape-plot.h).
 */
#pragma once

#include <gtk/gtk.h>

#include "slope-history.h"
#include "slope-landscape-plot.h"

G_BEGIN_DECLS

#define SLOPE_TYPE_LANDSCAPE_WIDGET (slope_landscape_widget_get_type ())

G_DECLARE_FINAL_TYPE (SlopeLandscapeWidget, slope_landscape_widget, SLOPE, LANDSCAPE_WIDGET, GtkWidget)

GtkWidget                *slope_landscape_widget_new               (void);
void                      slope_landscape_widget_set_dataset       (SlopeLandscapeWidget *self,
                                                                    SlopeDataset         *dataset);
void                      slope_landscape_widget_set_state         (SlopeLandscapeWidget *self,
                                                                    double                w,
                                                                    double                b);
void                      slope_landscape_widget_set_history       (SlopeLandscapeWidget *self,
                                                                    SlopeHistory         *history);
void                      slope_landscape_widget_refit             (SlopeLandscapeWidget *self);
void                      slope_landscape_widget_set_font_scale    (SlopeLandscapeWidget *self,
                                                                    double                scale);
void                      slope_landscape_widget_set_scaled        (SlopeLandscapeWidget *self,
                                                                    gboolean              scaled);
const SlopeLandscapePlot *slope_landscape_widget_get_plot          (SlopeLandscapeWidget *self);
void                      slope_landscape_widget_set_batch_path    (SlopeLandscapeWidget *self,
                                                                    const double         *w,
                                                                    const double         *b,
                                                                    gsize                 n);
void                      slope_landscape_widget_set_runs          (SlopeLandscapeWidget *self,
                                                                    const SlopeRunTrace  *runs,
                                                                    gsize                 n_runs);

G_END_DECLS
