/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-graph-view.h: the widget showing a tape's computation graph. */
#pragma once

#include <gtk/gtk.h>

#include "slope-graph-plot.h"

G_BEGIN_DECLS

#define SLOPE_TYPE_GRAPH_VIEW (slope_graph_view_get_type ())

G_DECLARE_FINAL_TYPE (SlopeGraphView, slope_graph_view, SLOPE, GRAPH_VIEW, GtkWidget)

GtkWidget            *slope_graph_view_new            (void);
void                  slope_graph_view_set_tape       (SlopeGraphView *self,
                                                       SlopeTape      *tape,
                                                       guint           output);
void                  slope_graph_view_changed        (SlopeGraphView *self);
void                  slope_graph_view_flow           (SlopeGraphView *self);
void                  slope_graph_view_stop_flow      (SlopeGraphView *self);
void                  slope_graph_view_set_font_scale (SlopeGraphView *self,
                                                       double          scale);

G_END_DECLS
