/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-data-plot-private.h: the data plot's layout, shared by its two
 * source files (the plot, and its legend in slope-data-legend.c) so the
 * legend is placed by the same pixels the plot draws. */
#pragma once

#include "slope-data-plot.h"
#include "slope-plot-frame.h"

G_BEGIN_DECLS

/* A dot's radius at font scale 1. */
#define SLOPE_DATA_PLOT_POINT_RADIUS 5.0

typedef struct
{
  SlopeArea     area;
  SlopeViewport view;
  SlopeAxis     x_axis;
  SlopeAxis     y_axis;
  double        fs;        /* font scale */
  double        lw;        /* line width scale */
} SlopeDataPlotLayout;

/* Half the width of [lo, hi]: finite even for ±1.8e308, where hi − lo
 * overflows.  Every mapping of the plot works in halves. */
static inline double
half_span (double lo,
           double hi)
{
  return hi / 2.0 - lo / 2.0;
}

static inline void
view_to_pixel (const SlopeViewport *view,
               const SlopeArea     *area,
               double               x,
               double               y,
               double              *px,
               double              *py)
{
  *px = area->left + (x / 2.0 - view->x_min / 2.0)
                     / half_span (view->x_min, view->x_max) * area->width;
  *py = area->top + (view->y_max / 2.0 - y / 2.0)
                    / half_span (view->y_min, view->y_max) * area->height;
}

const SlopePalette *_slope_data_plot_palette      (const SlopeDataPlot       *plot);
void                _slope_data_plot_layout_frame (const SlopeDataPlotLayout *layout,
                                                   const SlopeDataPlot       *plot,
                                                   SlopePlotFrame            *frame);
SlopePlotCorner     _slope_data_plot_legend_corner (cairo_t                   *cr,
                                                    const SlopeDataPlotLayout *layout,
                                                    const SlopeDataPlot       *plot);
void                _slope_data_plot_draw_legend  (cairo_t                   *cr,
                                                   const SlopeDataPlotLayout *layout,
                                                   const SlopeDataPlot       *plot,
                                                   const SlopePalette        *palette);

G_END_DECLS
