/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-landscape-private.h: what the landscape plot's files share.
 *
 * Private to src/plot: the renderer is split by concern (the maths of the
 * bowl and its framing, the heat map, the layout and the map layer, and
 * the path layer's trail, optimum and marker) to keep each file short,
 * and these are the seams between them.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <math.h>

#include <pango/pangocairo.h>

#include "slope-axis.h"
#include "slope-landscape-plot.h"

G_BEGIN_DECLS

/* Views beyond this are refused: Cairo and the axis code need spans that
 * are finite with room to spare. */
#define SLOPE_LANDSCAPE_VIEW_LIMIT 1e15
/* The current point's ring, times the font scale. */
#define SLOPE_LANDSCAPE_RING_RADIUS 8.0

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

/* Fractions far outside the view are cut at a million view widths: the
 * direction of a segment to them stays right to well under a pixel. */
static inline gboolean
slope_landscape_view_to_pixel (const SlopeLandscapeView *v,
                               const SlopeArea          *area,
                               double                    w,
                               double                    b,
                               double                   *px,
                               double                   *py)
{
  double fx = (w - v->w_min) / (v->w_max - v->w_min);
  double fy = (v->b_max - b) / (v->b_max - v->b_min);

  if (!isfinite (fx) || !isfinite (fy))
    return FALSE;
  *px = area->left + CLAMP (fx, -1e6, 1e6) * area->width;
  *py = area->top + CLAMP (fy, -1e6, 1e6) * area->height;
  return TRUE;
}

/* A dark casing under white lines and marks reads on every colour of the
 * map (slope-landscape-plot.c). */
extern const SlopeColor slope_landscape_casing;
extern const SlopeColor slope_landscape_white;

/* A coloured line over a wider dark casing, so that it shows on every
 * colour of the map: the paths, the arrow, the current point.  Widths in
 * user units. */
static inline void
slope_landscape_stroke_cased (cairo_t          *cr,
                              double            casing_width,
                              double            width,
                              const SlopeColor *colour)
{
  cairo_set_line_width (cr, casing_width);
  slope_palette_set_source (cr, &slope_landscape_casing);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, width);
  slope_palette_set_source (cr, colour);
  cairo_stroke (cr);
}

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
gboolean slope_landscape_place_label    (const SlopeLandscapeLayout *layout,
                                         const SlopeLandscapePlot   *plot,
                                         const double               *arrow,
                                         double                      px,
                                         double                      py,
                                         double                      gap,
                                         double                      width,
                                         double                      height,
                                         double                     *lx,
                                         double                     *ly);
void     slope_landscape_draw_heat_map  (cairo_t                    *cr,
                                         const SlopeBowl            *bowl,
                                         const SlopeLandscapeLayout *layout);
/* slope-landscape-plot.c: the layout every part is drawn by. */
const SlopePalette *slope_landscape_palette (const SlopeLandscapePlot *plot);
void     slope_landscape_effective_view (const SlopeLandscapePlot   *plot,
                                         SlopeLandscapeView         *view);
void     slope_landscape_layout_scales  (const SlopeLandscapePlot   *plot,
                                         SlopeLandscapeLayout       *layout);
void     slope_landscape_compute_layout (const SlopeLandscapePlot   *plot,
                                         int                         width,
                                         int                         height,
                                         SlopeLandscapeLayout       *layout);

/* The path layer's three parts, in the order they are drawn. */
void     slope_landscape_draw_trail     (cairo_t                    *cr,
                                         const SlopeLandscapeLayout *layout,
                                         const SlopeLandscapePlot   *plot);
void     slope_landscape_draw_optimum   (cairo_t                    *cr,
                                         const SlopeLandscapeLayout *layout,
                                         const SlopeLandscapePlot   *plot,
                                         const SlopeBowl            *bowl);
/* The path's last step to the current point, drawn with the marker. */
void     slope_landscape_draw_connector (cairo_t                    *cr,
                                         const SlopeLandscapeLayout *layout,
                                         const SlopeLandscapePlot   *plot);
void     slope_landscape_draw_marker    (cairo_t                    *cr,
                                         const SlopeLandscapeLayout *layout,
                                         const SlopeLandscapePlot   *plot,
                                         const SlopeBowl            *bowl);

/* slope-landscape-marker.c: the gradient arrow, which the optimum's
 * label keeps clear of, and text legible on every colour of the map. */
gboolean slope_landscape_arrow_geometry (const SlopeLandscapePlot   *plot,
                                         const SlopeBowl            *bowl,
                                         const SlopeLandscapeLayout *layout,
                                         double                     *x0,
                                         double                     *y0,
                                         double                     *x1,
                                         double                     *y1);
void     slope_landscape_draw_halo_text (cairo_t                    *cr,
                                         PangoLayout                *text,
                                         const char                 *str,
                                         double                      x,
                                         double                      y,
                                         double                      xalign,
                                         double                      lw);

/* The path as drawn, added to a key (slope-plot-key.c). */
guint64  slope_landscape_plot_key_path  (guint64                     key,
                                         const SlopeLandscapePlot   *plot,
                                         int                         width,
                                         int                         height);

G_END_DECLS
