/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-data-plot.h: the points, the model's line and its residuals.
 *
 * A renderer, not a widget: it draws into any cairo_t (the window, a PNG,
 * SVG or PDF file, a test's image surface).  It comes in two layers so the
 * widget can cache the points, which do not move while training, and redraw
 * only the line each frame.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "slope-axis.h"
#include "slope-dataset.h"
#include "slope-palette.h"
#include "slope-plot-frame.h"
#include "slope-run-trace.h"

G_BEGIN_DECLS

/* Above this many points the scatter is a density image, not dots. */
#define SLOPE_DATA_PLOT_DENSITY_THRESHOLD 5000
/* Above this many points residual segments are not drawn. */
#define SLOPE_DATA_PLOT_RESIDUAL_LIMIT    2000

typedef struct
{
  double x_min;
  double x_max;
  double y_min;
  double y_max;
} SlopeViewport;

typedef struct
{
  double left;     /* the plotting area inside the axes, in pixels */
  double top;
  double width;
  double height;
} SlopeArea;

typedef struct
{
  SlopeDataset       *dataset;        /* may be NULL: axes only */
  SlopeViewport       view;
  const SlopePalette *palette;        /* NULL: the light palette */
  double              font_scale;     /* 1.0; larger on a projector */
  double              w;              /* the model ŷ = W·x + b */
  double              b;
  gboolean            show_line;
  gboolean            show_residuals;
  gboolean            show_equation;
  gboolean            has_reference;  /* the least-squares line, dashed */
  double              reference_w;
  double              reference_b;
  gssize              highlight;      /* a point to ring (editing), or -1 */
  const char         *x_label;        /* NULL: "x" */
  const char         *y_label;        /* NULL: "y" */
  const char         *font_family;    /* NULL: "Sans" */
  /* Compared runs, each line in its colour; borrowed, 0 draws none. */
  const SlopeRunTrace *runs;
  gsize               n_runs;
  const char         *label;          /* the main run's, in the legend when there are runs; may be NULL */
} SlopeDataPlot;

void     slope_data_plot_init          (SlopeDataPlot       *plot);
void     slope_viewport_fit            (SlopeViewport       *view,
                                        SlopeDataset        *dataset);
void     slope_data_plot_x_axis        (const SlopeDataPlot *plot,
                                        int                  width,
                                        int                  height,
                                        SlopeAxis           *axis);
void     slope_data_plot_area          (const SlopeDataPlot *plot,
                                        int                  width,
                                        int                  height,
                                        SlopeArea           *area);
void     slope_data_plot_to_pixel      (const SlopeDataPlot *plot,
                                        const SlopeArea     *area,
                                        double               x,
                                        double               y,
                                        double              *px,
                                        double              *py);
void     slope_data_plot_from_pixel    (const SlopeDataPlot *plot,
                                        const SlopeArea     *area,
                                        double               px,
                                        double               py,
                                        double              *x,
                                        double              *y);
gssize   slope_data_plot_pick          (const SlopeDataPlot *plot,
                                        int                  width,
                                        int                  height,
                                        double               px,
                                        double               py,
                                        double               radius);
gboolean slope_viewport_follow_line    (SlopeViewport       *view,
                                        SlopeDataset        *dataset,
                                        double               w,
                                        double               b);
int      slope_line_offscreen          (const SlopeViewport *view,
                                        double               w,
                                        double               b);
void     slope_draw_offscreen_arrow    (cairo_t             *cr,
                                        const SlopeArea     *area,
                                        int                  direction,
                                        double               size);
gboolean slope_clip_line               (const SlopeViewport *view,
                                        double               w,
                                        double               b,
                                        double              *x0,
                                        double              *y0,
                                        double              *x1,
                                        double              *y1);
/* The corner the equations go in at that size: where they hide no point
 * and no drawn line, else where they hide least. */
SlopePlotCorner slope_data_plot_legend_corner (cairo_t             *cr,
                                               int                  width,
                                               int                  height,
                                               const SlopeDataPlot *plot);
char    *slope_format_equation         (double               w,
                                        double               b);
void     slope_data_plot_draw_points   (cairo_t             *cr,
                                        int                  width,
                                        int                  height,
                                        const SlopeDataPlot *plot);
void     slope_data_plot_draw_model    (cairo_t             *cr,
                                        int                  width,
                                        int                  height,
                                        const SlopeDataPlot *plot);
guint64  slope_data_plot_model_key     (const SlopeDataPlot *plot,
                                        int                  width,
                                        int                  height);
void     slope_data_plot_draw          (cairo_t             *cr,
                                        int                  width,
                                        int                  height,
                                        const SlopeDataPlot *plot);

G_END_DECLS
