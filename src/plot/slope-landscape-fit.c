/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-landscape-fit.c: the cost as a function of (W, b), and the
 * window onto it.
 *
 * With means x̄, ȳ and (co)variances vxx, vxy, vyy of the data,
 *
 *   cost(W, b) = c_min + vxx·(W − W*)² + (x̄·W + b − ȳ)²
 *
 * where W* = vxy / vxx and c_min is the least-squares cost.  This is the
 * raw moment formula with its square completed: it never subtracts two
 * large numbers, so the bowl stays smooth even for x near 10⁶, and it
 * gives the height above the minimum directly, which the map is coloured
 * by.  Framing uses the same form: the gradient flow from the start, and
 * the contour ellipse through it, are known in closed form.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-landscape-private.h"

#define FIT_MARGIN         0.12
#define FIT_MIN_FRACTION   0.10   /* of the start's contour ellipse */
#define FIT_FOLLOW_LIMIT   50.0   /* a diverging path is framed this far */
#define INCLUDE_MARGIN     0.04
#define LIMIT              SLOPE_LANDSCAPE_VIEW_LIMIT

void
slope_bowl_init (SlopeBowl          *bowl,
                 const SlopeMoments *m)
{
  double n = (double) m->n;

  memset (bowl, 0, sizeof *bowl);
  if (m->n == 0)
    return;

  bowl->mx = m->sum_x / n;
  bowl->my = m->sum_y / n;
  bowl->vxx = MAX (0.0, m->sum_xx / n - bowl->mx * bowl->mx);
  bowl->vxy = m->sum_xy / n - bowl->mx * bowl->my;
  bowl->vyy = MAX (0.0, m->sum_yy / n - bowl->my * bowl->my);
  /* Equal x values leave a rounding crumb, not a curvature. */
  if (bowl->vxx <= 1e-13 * (m->sum_xx / n))
    bowl->vxx = bowl->vxy = 0.0;
  bowl->w_star = bowl->vxx > 0.0 ? bowl->vxy / bowl->vxx : 0.0;
  bowl->c_min = bowl->vxx > 0.0 ? MAX (0.0, bowl->vyy - bowl->vxy * bowl->w_star) : bowl->vyy;
  bowl->ok = isfinite (bowl->mx) && isfinite (bowl->my) && isfinite (bowl->vxx)
             && isfinite (bowl->w_star) && isfinite (bowl->c_min);
}

/* The cost above its minimum: ≥ 0, exactly 0 at the optimum. */
double
slope_bowl_excess (const SlopeBowl *bowl,
                   double           w,
                   double           b)
{
  double dw = w - bowl->w_star, r = bowl->mx * w + b - bowl->my;

  return bowl->vxx * dw * dw + r * r;
}

void
slope_bowl_gradient (const SlopeBowl *bowl,
                     double           w,
                     double           b,
                     double          *d_w,
                     double          *d_b)
{
  double r = bowl->mx * w + b - bowl->my;

  *d_w = 2.0 * bowl->vxx * (w - bowl->w_star) + 2.0 * bowl->mx * r;
  *d_b = 2.0 * r;
}

double
slope_landscape_cost (const SlopeMoments *m,
                      double              w,
                      double              b)
{
  SlopeBowl bowl;

  g_return_val_if_fail (m != NULL, NAN);

  slope_bowl_init (&bowl, m);
  return bowl.ok ? bowl.c_min + slope_bowl_excess (&bowl, w, b) : NAN;
}

void
slope_landscape_gradient (const SlopeMoments *m,
                          double              w,
                          double              b,
                          double             *d_w,
                          double             *d_b)
{
  SlopeBowl bowl;
  double gw = NAN, gb = NAN;

  g_return_if_fail (m != NULL);

  slope_bowl_init (&bowl, m);
  if (bowl.ok)
    slope_bowl_gradient (&bowl, w, b, &gw, &gb);
  if (d_w)
    *d_w = gw;
  if (d_b)
    *d_b = gb;
}

/* ------------------------------------------------------------------ */
/* Framing                                                             */

typedef struct
{
  double lo[2];
  double hi[2];
} Box;

static void
box_add (Box   *box,
         double w,
         double b)
{
  if (!(fabs (w) <= LIMIT && fabs (b) <= LIMIT))   /* also NaN */
    return;
  box->lo[0] = MIN (box->lo[0], w);
  box->hi[0] = MAX (box->hi[0], w);
  box->lo[1] = MIN (box->lo[1], b);
  box->hi[1] = MAX (box->hi[1], b);
}

/* Where plain gradient descent with a small step would go from (w, b):
 * the gradient flow, in closed form along the Hessian's eigenvectors.
 * Framing it at reset means the view need not grow once training runs. */
static void
box_add_flow (Box             *box,
              const SlopeBowl *bowl,
              double           w,
              double           b)
{
  double a = bowl->vxx + bowl->mx * bowl->mx, c = bowl->mx;
  double mid = (a + 1.0) / 2.0, rad = hypot ((a - 1.0) / 2.0, c);
  double l1 = mid + rad, l2 = MAX (mid - rad, 0.0);
  double th = 0.5 * atan2 (2.0 * c, a - 1.0), c1 = cos (th), s1 = sin (th);
  double ob = bowl->my - bowl->mx * bowl->w_star;
  double dw = w - bowl->w_star, db = b - ob;
  double p1 = c1 * dw + s1 * db, p2 = -s1 * dw + c1 * db;
  double t_lo = 0.01 / l1, t_hi = 10.0 / MAX (l2, 1e-6 * l1);

  if (!(l1 > 0.0) || !isfinite (l1))
    return;
  for (int k = 0; k <= 64; k++)
    {
      double t = t_lo * pow (t_hi / t_lo, k / 64.0);
      double q1 = p1 * exp (-2.0 * l1 * t), q2 = p2 * exp (-2.0 * l2 * t);

      box_add (box, bowl->w_star + c1 * q1 - s1 * q2, ob + s1 * q1 + c1 * q2);
    }
}

/* Pads [lo, hi] by the margin, and to at least min_span around its middle. */
static void
pad_axis (double *lo,
          double *hi,
          double  min_span)
{
  double mid = *lo / 2.0 + *hi / 2.0, span = *hi - *lo;

  span = MAX (span * (1.0 + 2.0 * FIT_MARGIN), min_span);
  span = MAX (span, 1e-9 * MAX (1.0, fabs (mid)));
  *lo = MAX (mid - span / 2.0, -LIMIT);
  *hi = MIN (mid + span / 2.0, LIMIT);
}

/* A tenth of the bounding box of the contour through (w, b): enough of
 * the bowl to see its shape when the path is still a dot. */
static void
min_spans (const SlopeBowl *bowl,
           double           w,
           double           b,
           double          *span_w,
           double          *span_b)
{
  double e = bowl->ok ? slope_bowl_excess (bowl, w, b) : 0.0;

  if (!(e > 0.0) || !isfinite (e))
    e = bowl->ok ? bowl->vyy + bowl->my * bowl->my : 1.0;
  if (!(e > 0.0) || !isfinite (e))
    e = 1.0;

  if (bowl->vxx > 0.0)
    {
      *span_w = 2.0 * FIT_MIN_FRACTION * sqrt (e / bowl->vxx);
      *span_b = 2.0 * FIT_MIN_FRACTION * sqrt (e * (1.0 + bowl->mx * bowl->mx / bowl->vxx));
    }
  else
    {
      *span_w = *span_b = 2.0 * FIT_MIN_FRACTION * sqrt (e) / MAX (1.0, fabs (bowl->mx));
    }
  if (!isfinite (*span_w) || !isfinite (*span_b))
    *span_w = *span_b = 1.0;
}

/**
 * slope_landscape_view_fit:
 * @path_w: (array length=n_path) (nullable): W since reset
 * @w: the current W, also the start when the path is empty
 *
 * Frames the start, the current point, the optimum and the path, and the
 * gradient flow from the start, so a run with a small step stays inside
 * the frame from its first epoch.  A diverging path is followed only so
 * far: the bowl must stay visible.
 */
void
slope_landscape_view_fit (SlopeLandscapeView *view,
                          const SlopeMoments *m,
                          const double       *path_w,
                          const double       *path_b,
                          gsize               n_path,
                          double              w,
                          double              b)
{
  Box box = { { INFINITY, INFINITY }, { -INFINITY, -INFINITY } }, reach;
  double sw = w, sb = b, span_w, span_b;
  SlopeBowl bowl;

  g_return_if_fail (view != NULL && m != NULL);

  slope_bowl_init (&bowl, m);
  for (gsize i = 0; path_w && path_b && i < n_path; i++)
    if (isfinite (path_w[i]) && isfinite (path_b[i]))
      {
        sw = path_w[i];
        sb = path_b[i];
        break;
      }
  if (!(fabs (sw) <= LIMIT && fabs (sb) <= LIMIT))
    sw = sb = 0.0;

  box_add (&box, sw, sb);
  box_add (&box, w, b);
  if (bowl.ok && bowl.vxx > 0.0)
    box_add (&box, bowl.w_star, bowl.my - bowl.mx * bowl.w_star);
  if (bowl.ok)
    box_add_flow (&box, &bowl, sw, sb);
  min_spans (&bowl, sw, sb, &span_w, &span_b);

  reach = box;
  pad_axis (&reach.lo[0], &reach.hi[0], span_w);
  pad_axis (&reach.lo[1], &reach.hi[1], span_b);
  for (gsize i = 0; path_w && path_b && i < n_path; i++)
    {
      double v[2] = { path_w[i], path_b[i] };

      if (!isfinite (v[0]) || !isfinite (v[1]))
        continue;
      for (int k = 0; k < 2; k++)
        {
          double half = (reach.hi[k] - reach.lo[k]) * FIT_FOLLOW_LIMIT / 2.0;
          double mid = reach.lo[k] / 2.0 + reach.hi[k] / 2.0;

          v[k] = CLAMP (v[k], mid - half, mid + half);
          box.lo[k] = MIN (box.lo[k], v[k]);
          box.hi[k] = MAX (box.hi[k], v[k]);
        }
    }

  pad_axis (&box.lo[0], &box.hi[0], span_w);
  pad_axis (&box.lo[1], &box.hi[1], span_b);
  *view = (SlopeLandscapeView) { box.lo[0], box.hi[0], box.lo[1], box.hi[1] };
}

gboolean
slope_landscape_view_sane (const SlopeLandscapeView *v)
{
  /* Written so that NaN anywhere fails. */
  return fabs (v->w_min) <= LIMIT && fabs (v->w_max) <= LIMIT
         && fabs (v->b_min) <= LIMIT && fabs (v->b_max) <= LIMIT
         && v->w_max - v->w_min > 1e-12 * MAX (fabs (v->w_min), fabs (v->w_max))
         && v->b_max - v->b_min > 1e-12 * MAX (fabs (v->b_min), fabs (v->b_max))
         && v->w_max - v->w_min > 1e-200 && v->b_max - v->b_min > 1e-200;
}

static gboolean
grow_axis (double *lo,
           double *hi,
           double  v,
           double  growth)
{
  double span = *hi - *lo, inner = INCLUDE_MARGIN * span;

  if (v >= *lo + inner && v <= *hi - inner)
    return FALSE;
  /* The far edge stays put, so what was on screen moves as little as
   * possible, and the view grows ahead of the point. */
  if (v > *hi - inner)
    *hi = *lo + MAX (span, v - *lo) * growth;
  else
    *lo = *hi - MAX (span, *hi - v) * growth;
  return TRUE;
}

/**
 * slope_landscape_view_include:
 * @growth: how much room to make beyond the point, e.g. 1.35
 *
 * Grows the view, never shrinks it, when (w, b) comes within a few
 * percent of an edge.  Growing by a generous factor rather than just
 * enough means the view changes rarely while training: it does not jump
 * about.  Returns %TRUE if the view changed.
 */
gboolean
slope_landscape_view_include (SlopeLandscapeView *view,
                              double              w,
                              double              b,
                              double              growth)
{
  SlopeLandscapeView grown;
  gboolean changed;

  g_return_val_if_fail (view != NULL, FALSE);

  if (!isfinite (w) || !isfinite (b) || !(growth >= 1.0) || !isfinite (growth)
      || !slope_landscape_view_sane (view))
    return FALSE;

  grown = *view;
  changed = grow_axis (&grown.w_min, &grown.w_max, w, growth);
  changed |= grow_axis (&grown.b_min, &grown.b_max, b, growth);
  if (!changed || !slope_landscape_view_sane (&grown))
    return FALSE;
  *view = grown;
  return TRUE;
}

/* @factor: below 1 zooms in.  (w, b) stays on the same pixel. */
gboolean
slope_landscape_view_zoom (SlopeLandscapeView *view,
                           double              w,
                           double              b,
                           double              factor)
{
  SlopeLandscapeView z;

  g_return_val_if_fail (view != NULL, FALSE);

  if (!(factor > 0.0) || !isfinite (factor) || !isfinite (w) || !isfinite (b))
    return FALSE;
  z.w_min = w + (view->w_min - w) * factor;
  z.w_max = w + (view->w_max - w) * factor;
  z.b_min = b + (view->b_min - b) * factor;
  z.b_max = b + (view->b_max - b) * factor;
  if (!slope_landscape_view_sane (&z))
    return FALSE;
  *view = z;
  return TRUE;
}

/* Moves the content by (dx, dy) pixels of @area: a drag to the right
 * brings smaller W into view. */
gboolean
slope_landscape_view_pan (SlopeLandscapeView *view,
                          const SlopeArea    *area,
                          double              dx,
                          double              dy)
{
  SlopeLandscapeView p;
  double sw, sb;

  g_return_val_if_fail (view != NULL && area != NULL, FALSE);

  if (!(area->width > 0.0) || !(area->height > 0.0) || !isfinite (dx) || !isfinite (dy))
    return FALSE;
  sw = -dx / area->width * (view->w_max - view->w_min);
  sb = dy / area->height * (view->b_max - view->b_min);
  p = (SlopeLandscapeView) { view->w_min + sw, view->w_max + sw,
                             view->b_min + sb, view->b_max + sb };
  if (!slope_landscape_view_sane (&p))
    return FALSE;
  *view = p;
  return TRUE;
}
