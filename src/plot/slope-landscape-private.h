/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-landscape-private.h: what the landscape plot's files share.
 *
 * Private to src/plot: the renderer is split by concern (the maths of the
 * bowl and its framing, the heat map, the layout and overlays) to keep
 * each file short, and these are the seams between them.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "slope-axis.h"
#include "slope-landscape-plot.h"

G_BEGIN_DECLS

/* Views beyond this are refused: Cairo and the axis code need spans that
 * are finite with room to spare. */
#define SLOPE_LANDSCAPE_VIEW_LIMIT 1e15

/* The cost as c_min + vxx·(W − W*)² + (x̄·W + b − ȳ)². */
typedef struct
{
  gboolean ok;              /* FALSE without data */
  double   mx, my;          /* the means */
  double   vxx, vxy, vyy;   /* the (co)variances */
  double   w_star;          /* 0 when all x are equal */
  double   c_min;
} SlopeBowl;

typedef struct
{
  SlopeArea          area;
  SlopeLandscapeView view;
  SlopeAxis          x_axis;
  SlopeAxis          y_axis;
  double             fs;    /* font scale */
  double             lw;    /* line width scale */
} SlopeLandscapeLayout;

void     slope_bowl_init                (SlopeBowl                  *bowl,
                                         const SlopeMoments         *m);
double   slope_bowl_excess              (const SlopeBowl            *bowl,
                                         double                      w,
                                         double                      b);
void     slope_bowl_gradient            (const SlopeBowl            *bowl,
                                         double                      w,
                                         double                      b,
                                         double                     *d_w,
                                         double                     *d_b);
gboolean slope_landscape_view_sane      (const SlopeLandscapeView   *view);
void     slope_landscape_draw_heat_map  (cairo_t                    *cr,
                                         const SlopeBowl            *bowl,
                                         const SlopeLandscapeLayout *layout);
/* The path as drawn, added to a key (slope-plot-key.c). */
guint64  slope_landscape_plot_key_path  (guint64                     key,
                                         const SlopeLandscapePlot   *plot,
                                         int                         width,
                                         int                         height);

G_END_DECLS
