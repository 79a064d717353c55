/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-line-view.c: keeping the model's line in view.
 *
 * Fitting the view to the data alone hides the line a teacher narrates:
 * ŷ = 0x + 0 at epoch 0 lies far below prices in the hundreds of
 * thousands, and so do the first steps.  The view therefore grows to take
 * in the line over the data's x range, in jumps a quarter larger than
 * needed so it does not move every epoch, and never beyond ten data spans
 * past the data, so the points stay readable.  A line further out than
 * that is shown by an arrow at the edge, pointing to where it went.
 */
#include "config.h"

#include <math.h>

#include "slope-data-plot.h"

#define GROW_MARGIN   0.25
#define MAX_STRETCH   10.0

/**
 * slope_viewport_follow_line:
 * @view: (inout): the view, as fitted to the data or grown since
 *
 * Grows @view's y range to show ŷ = @w·x + @b across the data's x range,
 * within bounds.  Never shrinks it: only a reset or new data refit it.
 * Returns %TRUE when the view changed.
 */
gboolean
slope_viewport_follow_line (SlopeViewport *view,
                            SlopeDataset  *dataset,
                            double         w,
                            double         b)
{
  const SlopeMoments *m;
  SlopeViewport fit;
  double y0, y1, lo, hi, span, bound_lo, bound_hi, grow;
  gboolean changed = FALSE;

  g_return_val_if_fail (view != NULL, FALSE);

  if (dataset == NULL || slope_dataset_get_n (dataset) == 0)
    return FALSE;
  m = slope_dataset_get_moments (dataset);
  y0 = w * m->x_min + b;
  y1 = w * m->x_max + b;
  slope_viewport_fit (&fit, dataset);
  span = fit.y_max - fit.y_min;
  if (!isfinite (span) || !(span > 0.0))
    return FALSE;

  /* inf and nan (a diverged model) clamp to the bounds or are ignored. */
  lo = isnan (y0) || isnan (y1) ? NAN : MIN (y0, y1);
  hi = isnan (y0) || isnan (y1) ? NAN : MAX (y0, y1);
  if (isnan (lo))
    return FALSE;
  bound_lo = fit.y_min - MAX_STRETCH * span;
  bound_hi = fit.y_max + MAX_STRETCH * span;
  lo = CLAMP (lo, bound_lo, bound_hi);
  hi = CLAMP (hi, bound_lo, bound_hi);
  grow = GROW_MARGIN * (view->y_max - view->y_min);

  if (lo < view->y_min)
    {
      view->y_min = MAX (lo - grow, bound_lo);
      changed = TRUE;
    }
  if (hi > view->y_max)
    {
      view->y_max = MIN (hi + grow, bound_hi);
      changed = TRUE;
    }
  return changed;
}

/**
 * slope_line_offscreen:
 *
 * Where ŷ = @w·x + @b is when it does not cross @view: +1 above it, −1
 * below it, 0 when it shows (or is nowhere, being nan).
 */
int
slope_line_offscreen (const SlopeViewport *view,
                      double               w,
                      double               b)
{
  double x0, y0, x1, y1, mid;

  if (slope_clip_line (view, w, b, &x0, &y0, &x1, &y1))
    return 0;
  mid = w * ((view->x_min + view->x_max) / 2.0) + b;
  if (isnan (mid))
    {
      /* inf·0: take the sign of what grew. */
      mid = isfinite (b) ? w : b;
      if (isnan (mid))
        return 0;
    }
  return mid > view->y_max ? 1 : mid < view->y_min ? -1 : 0;
}

/* An arrow at the top or bottom edge, in the middle, pointing out. */
void
slope_draw_offscreen_arrow (cairo_t         *cr,
                            const SlopeArea *area,
                            int              direction,
                            double           size)
{
  double cx = area->left + area->width / 2.0;
  double tip = direction > 0 ? area->top + 4.0 : area->top + area->height - 4.0;
  double base = tip + (direction > 0 ? 1.0 : -1.0) * size;

  cairo_move_to (cr, cx, tip);
  cairo_line_to (cr, cx - size * 0.6, base);
  cairo_line_to (cr, cx - size * 0.2, base);
  cairo_line_to (cr, cx - size * 0.2, base + (direction > 0 ? 1.0 : -1.0) * size * 0.8);
  cairo_line_to (cr, cx + size * 0.2, base + (direction > 0 ? 1.0 : -1.0) * size * 0.8);
  cairo_line_to (cr, cx + size * 0.2, base);
  cairo_line_to (cr, cx + size * 0.6, base);
  cairo_close_path (cr);
  cairo_fill (cr);
}
