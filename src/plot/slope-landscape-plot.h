/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-landscape-plot.h: the cost over the (W, b) plane, and the descent
 * across it.
 *
 * A renderer, not a widget.  The cost of a line is a quadratic in W and b
 * whose coefficients are the data's moments, so the whole landscape is
 * known from six sums: drawing it costs the same for three points as for
 * ten million.  Like the data plot it comes in two layers, so a widget can
 * cache the map (colours, contours, axes, the optimum) and redraw only the
 * path, the current point and its gradient each frame.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "slope-data-plot.h"
#include "slope-dataset.h"
#include "slope-palette.h"
#include "slope-run-trace.h"

G_BEGIN_DECLS

/* The window onto the plane: W across, b up. */
typedef struct
{
  double w_min;
  double w_max;
  double b_min;
  double b_max;
} SlopeLandscapeView;

typedef struct
{
  SlopeMoments        moments;        /* n == 0: axes only */
  SlopeLandscapeView  view;
  const double       *path_w;         /* borrowed; (W, b) since reset */
  const double       *path_b;
  gsize               n_path;
  double              w;              /* the current point */
  double              b;
  gboolean            has_optimum;    /* mark the least-squares (W, b) */
  double              optimum_w;
  double              optimum_b;
  const SlopePalette *palette;        /* NULL: the light palette */
  double              font_scale;     /* 1.0; larger on a projector */
  gboolean            show_gradient;  /* the −∇cost arrow at (w, b) */
  const char         *font_family;    /* NULL: "Sans" */
  gboolean            scaled;         /* trained on x′, y′: the axes say so */
  const double       *batch_w;        /* borrowed; (W, b) after each mini-batch */
  const double       *batch_b;
  gsize               n_batch_path;   /* 0: none drawn */
  /* Compared runs, each path and point in its colour over the same map;
   * borrowed, 0 draws none.  The view is the main run's. */
  const SlopeRunTrace *runs;
  gsize               n_runs;
} SlopeLandscapePlot;

void     slope_landscape_plot_init       (SlopeLandscapePlot       *plot);

double   slope_landscape_cost            (const SlopeMoments       *m,
                                          double                    w,
                                          double                    b);
void     slope_landscape_gradient        (const SlopeMoments       *m,
                                          double                    w,
                                          double                    b,
                                          double                   *d_w,
                                          double                   *d_b);

void     slope_landscape_view_fit        (SlopeLandscapeView       *view,
                                          const SlopeMoments       *m,
                                          const double             *path_w,
                                          const double             *path_b,
                                          gsize                     n_path,
                                          double                    w,
                                          double                    b);
gboolean slope_landscape_view_include    (SlopeLandscapeView       *view,
                                          double                    w,
                                          double                    b,
                                          double                    growth);
/* @factor below 1 zooms in; (w, b) stays on its pixel. */
gboolean slope_landscape_view_zoom       (SlopeLandscapeView       *view,
                                          double                    w,
                                          double                    b,
                                          double                    factor);
gboolean slope_landscape_view_pan        (SlopeLandscapeView       *view,
                                          const SlopeArea          *area,
                                          double                    dx,
                                          double                    dy);

void     slope_landscape_plot_area       (const SlopeLandscapePlot *plot,
                                          int                       width,
                                          int                       height,
                                          SlopeArea                *area);
/* The W (horizontal) and b axes' ticks and labels at that size. */
void     slope_landscape_plot_axes       (const SlopeLandscapePlot *plot,
                                          int                       width,
                                          int                       height,
                                          SlopeAxis                *w_axis,
                                          SlopeAxis                *b_axis);
void     slope_landscape_plot_to_pixel   (const SlopeLandscapePlot *plot,
                                          const SlopeArea          *area,
                                          double                    w,
                                          double                    b,
                                          double                   *px,
                                          double                   *py);
void     slope_landscape_plot_from_pixel (const SlopeLandscapePlot *plot,
                                          const SlopeArea          *area,
                                          double                    px,
                                          double                    py,
                                          double                   *w,
                                          double                   *b);
gboolean slope_landscape_plot_arrow      (const SlopeLandscapePlot *plot,
                                          const SlopeArea          *area,
                                          double                   *x0,
                                          double                   *y0,
                                          double                   *x1,
                                          double                   *y1);
gboolean slope_landscape_plot_optimum_label (const SlopeLandscapePlot *plot,
                                             int                       width,
                                             int                       height,
                                             double                   *x,
                                             double                   *y,
                                             double                   *label_width,
                                             double                   *label_height);

guint64  slope_landscape_plot_path_key   (const SlopeLandscapePlot *plot,
                                          int                       width,
                                          int                       height);

/* The map layer is what a widget caches; the path layer is per frame. */
void     slope_landscape_plot_draw_map   (cairo_t                  *cr,
                                          int                       width,
                                          int                       height,
                                          const SlopeLandscapePlot *plot);
void     slope_landscape_plot_draw_path  (cairo_t                  *cr,
                                          int                       width,
                                          int                       height,
                                          const SlopeLandscapePlot *plot);
/* The path layer in three parts, drawn in this order: what a widget that
 * caches the optimum's star and label draws around it. */
void     slope_landscape_plot_draw_trail   (cairo_t                  *cr,
                                            int                       width,
                                            int                       height,
                                            const SlopeLandscapePlot *plot);
void     slope_landscape_plot_draw_optimum (cairo_t                  *cr,
                                            int                       width,
                                            int                       height,
                                            const SlopeLandscapePlot *plot);
void     slope_landscape_plot_draw_marker  (cairo_t                  *cr,
                                            int                       width,
                                            int                       height,
                                            const SlopeLandscapePlot *plot);
guint64  slope_landscape_plot_trail_key    (const SlopeLandscapePlot *plot,
                                            int                       width,
                                            int                       height);
guint64  slope_landscape_plot_optimum_key  (const SlopeLandscapePlot *plot,
                                            int                       width,
                                            int                       height);
void     slope_landscape_plot_draw       (cairo_t                  *cr,
                                          int                       width,
                                          int                       height,
                                          const SlopeLandscapePlot *plot);

G_END_DECLS
