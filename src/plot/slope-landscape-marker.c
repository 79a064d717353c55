/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-landscape-marker.c: where training is now, on the landscape.
 *
 * The last part of the path layer, drawn every frame: the −∇cost arrow
 * at the current point, the compared runs' points, and the current
 * point's ring, or a chevron on the edge when a point is out of view, or
 * a word when W and b are no longer numbers.  The arrow's geometry and
 * the haloed text are shared with the optimum (slope-landscape-optimum.c):
 * its label keeps clear of the arrow, and is written as that word is.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "slope-landscape-private.h"
#include "slope-plot-frame.h"
#include "slope-plot-text.h"

#define ARROW_FRACTION     0.22
#define ARROW_LOG_K        1000.0

/* ------------------------------------------------------------------ */
/* The gradient arrow                                                  */

/* The arrow's direction is exactly −∇cost, mapped to the screen.  Its
 * length grows with the log of the gradient's size relative to the
 * steepest corner of the view, up to a fraction of the view, and never
 * reaches past 1.6 times the lowest point along its own line: the cost
 * there is back up to where it started only at 2 times, so the tip is
 * always downhill of the tail. */
gboolean
slope_landscape_arrow_geometry (const SlopeLandscapePlot   *plot,
                                const SlopeBowl            *bowl,
                                const SlopeLandscapeLayout *layout,
                                double                     *x0,
                                double                     *y0,
                                double                     *x1,
                                double                     *y1)
{
  const SlopeLandscapeView *v = &layout->view;
  const SlopeArea *a = &layout->area;
  double corners[4][2] = { { v->w_min, v->b_min }, { v->w_min, v->b_max },
                           { v->w_max, v->b_min }, { v->w_max, v->b_max } };
  double px, py, gw, gb, g, uw, ub, sx, sy, dx, dy, s, curve, reach, g_ref = 0.0, len, clear;

  if (!plot->show_gradient || !bowl->ok
      || !slope_landscape_view_to_pixel (v, a, plot->w, plot->b, &px, &py)
      || px < a->left || px > a->left + a->width || py < a->top || py > a->top + a->height)
    return FALSE;

  slope_bowl_gradient (bowl, plot->w, plot->b, &gw, &gb);
  g = hypot (gw, gb);
  if (!(g > 0.0) || !isfinite (g))
    return FALSE;
  uw = gw / g;
  ub = gb / g;

  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      double cw, cb;

      slope_bowl_gradient (bowl, corners[i][0], corners[i][1], &cw, &cb);
      if (isfinite (hypot (cw, cb)))
        g_ref = MAX (g_ref, hypot (cw, cb));
    }

  sx = a->width / (v->w_max - v->w_min);
  sy = a->height / (v->b_max - v->b_min);
  dx = -uw * sx;
  dy = ub * sy;
  s = hypot (dx, dy);
  if (!(s > 0.0) || !isfinite (s))
    return FALSE;

  /* uᵀHu for H = 2·[[vxx + x̄², x̄], [x̄, 1]]: the lowest point along −u is
   * g / uᵀHu away in (W, b), s times that in pixels. */
  curve = 2.0 * ((bowl->vxx + bowl->mx * bowl->mx) * uw * uw + 2.0 * bowl->mx * uw * ub + ub * ub);
  reach = curve > 0.0 ? 1.6 * g / curve * s : INFINITY;

  /* Measured from the edge of the ring round the point, so that any
   * gradient worth mentioning shows. */
  clear = (SLOPE_LANDSCAPE_RING_RADIUS + 3.0) * layout->fs;
  len = MAX (ARROW_FRACTION * MIN (a->width, a->height), 2.0 * clear) - clear;
  if (g_ref > 0.0)
    len *= MIN (1.0, log1p (ARROW_LOG_K * g / g_ref) / log1p (ARROW_LOG_K));
  len = MIN (len + clear, reach);
  if (!(len >= 1.0) || !isfinite (len))
    return FALSE;

  *x0 = px;
  *y0 = py;
  *x1 = px + dx / s * len;
  *y1 = py + dy / s * len;
  return TRUE;
}

/**
 * slope_landscape_plot_arrow:
 *
 * Where the gradient arrow is drawn, tail (x0, y0) at the current point
 * and tip (x1, y1).  Returns %FALSE when there is none: the gradient is
 * off, zero or not finite, or the point is outside the view.
 */
gboolean
slope_landscape_plot_arrow (const SlopeLandscapePlot *plot,
                            const SlopeArea          *area,
                            double                   *x0,
                            double                   *y0,
                            double                   *x1,
                            double                   *y1)
{
  SlopeLandscapeLayout layout = { 0 };
  SlopeBowl bowl;
  double a, b, c, d;

  g_return_val_if_fail (plot != NULL && area != NULL, FALSE);

  slope_bowl_init (&bowl, &plot->moments);
  slope_landscape_layout_scales (plot, &layout);
  slope_landscape_effective_view (plot, &layout.view);
  layout.area = *area;
  if (!slope_landscape_arrow_geometry (plot, &bowl, &layout, &a, &b, &c, &d))
    return FALSE;
  if (x0) *x0 = a;
  if (y0) *y0 = b;
  if (x1) *x1 = c;
  if (y1) *y1 = d;
  return TRUE;
}

/* Text with a dark halo, legible on every colour of the map. */
void
slope_landscape_draw_halo_text (cairo_t     *cr,
                                PangoLayout *text,
                                const char  *str,
                                double       x,
                                double       y,
                                double       xalign,
                                double       lw)
{
  SlopeTextSize size;

  slope_plot_text_measure (text, str, &size);
  cairo_save (cr);
  cairo_move_to (cr, round (x - xalign * size.width), round (y - size.height / 2.0));
  pango_cairo_layout_path (cr, text);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 3.5 * lw);
  cairo_set_source_rgba (cr, slope_landscape_casing.r, slope_landscape_casing.g,
                         slope_landscape_casing.b, 0.8);
  cairo_stroke_preserve (cr);
  slope_palette_set_source (cr, &slope_landscape_white);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* The marks                                                           */

static void
draw_arrow (cairo_t                    *cr,
            const SlopeLandscapeLayout *layout,
            const SlopeLandscapePlot   *plot,
            const SlopeBowl            *bowl,
            const SlopeColor           *color)
{
  double x0, y0, x1, y1, len, ux, uy, head;

  if (!slope_landscape_arrow_geometry (plot, bowl, layout, &x0, &y0, &x1, &y1))
    return;

  len = hypot (x1 - x0, y1 - y0);
  ux = (x1 - x0) / len;
  uy = (y1 - y0) / len;
  head = MIN (13.0 * layout->fs, 0.5 * len);

  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1 - ux * head * 0.8, y1 - uy * head * 0.8);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  slope_landscape_stroke_cased (cr, 6.0 * layout->lw, 3.0 * layout->lw, color);

  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x1 - ux * head - uy * head * 0.5, y1 - uy * head + ux * head * 0.5);
  cairo_line_to (cr, x1 - ux * head + uy * head * 0.5, y1 - uy * head - ux * head * 0.5);
  cairo_close_path (cr);
  slope_palette_set_source (cr, color);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5 * layout->lw);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  slope_palette_set_source (cr, &slope_landscape_casing);
  cairo_stroke (cr);
}

/* A point off the view is shown by a chevron on the edge, pointing at it. */
static void
draw_off_view (cairo_t                    *cr,
               const SlopeLandscapeLayout *layout,
               double                      px,
               double                      py,
               const SlopeColor           *color)
{
  const SlopeArea *a = &layout->area;
  double cx = a->left + a->width / 2.0, cy = a->top + a->height / 2.0;
  double r = 11.0 * layout->fs, dx = px - cx, dy = py - cy, d = hypot (dx, dy), t;

  if (!(d > 0.0))
    return;
  dx /= d;
  dy /= d;
  t = MIN (fabs (dx) > 0.0 ? (a->width / 2.0 - r) / fabs (dx) : INFINITY,
           fabs (dy) > 0.0 ? (a->height / 2.0 - r) / fabs (dy) : INFINITY);
  cx += dx * t;
  cy += dy * t;

  cairo_move_to (cr, cx + dx * r, cy + dy * r);
  cairo_line_to (cr, cx - dx * r * 0.6 - dy * r * 0.8, cy - dy * r * 0.6 + dx * r * 0.8);
  cairo_line_to (cr, cx - dx * r * 0.6 + dy * r * 0.8, cy - dy * r * 0.6 - dx * r * 0.8);
  cairo_close_path (cr);
  slope_palette_set_source (cr, color);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5 * layout->lw);
  slope_palette_set_source (cr, &slope_landscape_casing);
  cairo_stroke (cr);
}

static void
draw_current (cairo_t                    *cr,
              const SlopeLandscapeLayout *layout,
              const SlopeLandscapePlot   *plot,
              const SlopeColor           *color)
{
  const SlopeArea *a = &layout->area;
  double px, py, r = SLOPE_LANDSCAPE_RING_RADIUS * layout->fs;

  if (!isfinite (plot->w) || !isfinite (plot->b)
      || !slope_landscape_view_to_pixel (&layout->view, a, plot->w, plot->b, &px, &py))
    {
      g_autoptr(PangoLayout) text = slope_plot_text_layout (cr, plot->font_family,
                                                            SLOPE_PLOT_LEGEND_FONT_PX * layout->fs,
                                                            PANGO_WEIGHT_BOLD);

      slope_landscape_draw_halo_text (cr, text, _("W and b have diverged"),
                                      a->left + a->width / 2.0,
                                      a->top + 2.0 * SLOPE_PLOT_LEGEND_FONT_PX * layout->fs,
                                      0.5, layout->lw);
      return;
    }
  if (px < a->left || px > a->left + a->width || py < a->top || py > a->top + a->height)
    {
      draw_off_view (cr, layout, px, py, color);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, px, py, r, 0.0, 2.0 * G_PI);
  slope_landscape_stroke_cased (cr, 7.0 * layout->lw, 3.5 * layout->lw, color);
}

/* Each compared run's (W, b) as a dot in its colour, or a chevron on the
 * edge pointing at it; a run that diverged has no point to show. */
static void
draw_run_points (cairo_t                    *cr,
                 const SlopeLandscapeLayout *layout,
                 const SlopeLandscapePlot   *plot)
{
  const SlopeArea *a = &layout->area;

  for (gsize i = plot->runs != NULL ? plot->n_runs : 0; i > 0; i--)
    {
      const SlopeRunTrace *run = &plot->runs[i - 1];
      const SlopeColor *colour = slope_run_trace_colour (run, slope_landscape_palette (plot));
      double px, py;

      if (!slope_run_trace_visible (run)
          || !slope_landscape_view_to_pixel (&layout->view, a, run->w, run->b, &px, &py))
        continue;
      if (px < a->left || px > a->left + a->width || py < a->top || py > a->top + a->height)
        {
          draw_off_view (cr, layout, px, py, colour);
          continue;
        }
      cairo_new_sub_path (cr);
      cairo_arc (cr, px, py, 5.5 * layout->fs, 0.0, 2.0 * G_PI);
      slope_palette_set_source (cr, colour);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 2.0 * layout->lw);
      slope_palette_set_source (cr, &slope_landscape_casing);
      cairo_stroke (cr);
    }
}

/* Over the trail and the optimum: the arrow, then the compared runs'
 * points, then the current point on top of them all. */
void
slope_landscape_draw_marker (cairo_t                    *cr,
                             const SlopeLandscapeLayout *layout,
                             const SlopeLandscapePlot   *plot,
                             const SlopeBowl            *bowl)
{
  const SlopePalette *palette = slope_landscape_palette (plot);

  draw_arrow (cr, layout, plot, bowl, &palette->line);
  draw_run_points (cr, layout, plot);
  draw_current (cr, layout, plot, &palette->marker);
}
