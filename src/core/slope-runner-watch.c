/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-runner-watch.c: the stable limit, applied epoch by epoch.
 *
 * Gradient descent with a fixed rate multiplies the error along each of
 * the Hessian's eigenvectors by (1 − lr·λ); past 2/λmax (4/λmax when the
 * buffers accumulate) one of those factors exceeds 1 in size and the cost
 * grows geometrically.  Both conditions are asked for, the rate past the
 * limit and the cost ten times what it was when the rate went past, so
 * neither rounding on a converged run nor the first swings of a run that
 * is merely fast ever pause training.
 */
#include "config.h"

#include <math.h>

#include "slope-dataset.h"
#include "slope-runner-watch.h"
#include "slope-scaling.h"

/* The cost of the least-squares line, from the moments: (Syy − Sxy²/Sxx)/N
 * with centred sums, never below 0. */
static double
least_squares_cost (SlopeDataset *dataset)
{
  const SlopeMoments *m = slope_dataset_get_moments (dataset);
  double n = (double) m->n, sxx, sxy, syy;

  if (!slope_dataset_least_squares (dataset, NULL, NULL, NULL))
    return NAN;
  sxx = m->sum_xx - m->sum_x * m->sum_x / n;
  sxy = m->sum_xy - m->sum_x * m->sum_y / n;
  syy = m->sum_yy - m->sum_y * m->sum_y / n;
  return MAX (0.0, (syy - sxy * sxy / sxx) / n);
}

void
slope_divergence_watch_set_dataset (SlopeDivergenceWatch *watch,
                                    SlopeDataset         *dataset)
{
  if (!slope_dataset_stable_lr (dataset, &watch->limit_zero_grad, &watch->limit_accumulating))
    watch->limit_zero_grad = watch->limit_accumulating = INFINITY;
  if (!slope_dataset_suggested_lr (dataset, &watch->suggested_lr))
    watch->suggested_lr = NAN;
  watch->badly_conditioned = slope_dataset_badly_conditioned (dataset, NULL);
  watch->optimum_cost = least_squares_cost (dataset);
  /* New data makes a new valley: judge growth from here. */
  watch->past_limit = FALSE;
}

/* Plain SGD's limits come from the data; other settings' from
 * slope_optimizer_stable_lr(), INFINITY where it knows none. */
static double
watch_limit (const SlopeDivergenceWatch *watch,
             gboolean                    zero_grad)
{
  const SlopeOptimizerSettings *s = &watch->optimizer;
  double limit;

  if (s->kind == SLOPE_OPTIMIZER_SGD && s->momentum == 0.0 && s->weight_decay == 0.0)
    return zero_grad ? watch->limit_zero_grad : watch->limit_accumulating;
  if (!isfinite (watch->limit_zero_grad)
      || slope_optimizer_stable_lr (s, zero_grad, 2.0 / watch->limit_zero_grad, &limit)
         != SLOPE_STABILITY_EXACT)
    return INFINITY;
  return limit;
}

void
slope_divergence_watch_set_optimizer (SlopeDivergenceWatch         *watch,
                                      const SlopeOptimizerSettings *settings)
{
  watch->optimizer = *settings;
  watch->past_limit = FALSE;
}

void
slope_divergence_watch_reset (SlopeDivergenceWatch *watch)
{
  watch->past_limit = FALSE;
  watch->has_last_cost = FALSE;
  watch->diverged_epoch = 0;
  watch->diverged_limit = watch->diverged_cost = watch->diverged_start_cost = 0.0;
  watch->unsettled_epoch = 0;
  watch->has_first = FALSE;
  watch->reached_epoch = 0;
}

static void
watch_reached (SlopeDivergenceWatch   *watch,
               const SlopeEpochRecord *rec)
{
  double excess = rec->cost - watch->optimum_cost;

  if (!watch->has_first)
    {
      watch->has_first = TRUE;
      watch->first_excess = excess;
    }
  if (watch->reached_epoch == 0 && isfinite (excess)
      && excess <= SLOPE_REACHED_FRACTION * watch->first_excess)
    watch->reached_epoch = rec->epoch;
}

/**
 * slope_divergence_watch_epoch:
 *
 * Looks at one completed epoch.  Returns %TRUE the first time the run is
 * seen diverging (past the limit and the cost grown tenfold); the epoch
 * and the numbers that explain it are kept for publishing.
 */
gboolean
slope_divergence_watch_epoch (SlopeDivergenceWatch   *watch,
                              const SlopeEpochRecord *rec)
{
  double limit = watch_limit (watch, rec->zero_grad);
  gboolean rose = watch->has_last_cost && rec->cost > watch->last_cost;
  gboolean diverging = FALSE;

  watch->last_cost = rec->cost;
  watch->has_last_cost = TRUE;
  watch_reached (watch, rec);

  /* Overflow is divergence whatever the rate: data near 10¹⁶⁰ can get
   * there inside the limit. */
  if (!isfinite (rec->cost) || !isfinite (rec->w) || !isfinite (rec->b))
    {
      if (watch->diverged_epoch != 0)
        return FALSE;
      watch->diverged_epoch = rec->epoch;
      watch->diverged_limit = limit;
      watch->diverged_cost = rec->cost;
      watch->diverged_start_cost = watch->past_limit ? watch->start_cost : NAN;
      return TRUE;
    }

  if (!(rec->lr > limit))
    {
      watch->past_limit = FALSE;
      if (!rec->zero_grad && rose && watch->unsettled_epoch == 0)
        watch->unsettled_epoch = rec->epoch;
      return FALSE;
    }

  if (!watch->past_limit)
    {
      watch->past_limit = TRUE;
      watch->start_cost = rec->cost;
      return FALSE;
    }

  if (watch->diverged_epoch == 0 && isfinite (watch->start_cost)
      && rec->cost >= SLOPE_DIVERGENCE_GROWTH * watch->start_cost
      && rec->cost > watch->start_cost)
    {
      watch->diverged_epoch = rec->epoch;
      watch->diverged_limit = limit;
      watch->diverged_cost = rec->cost;
      watch->diverged_start_cost = watch->start_cost;
      diverging = TRUE;
    }
  return diverging;
}

void
slope_divergence_watch_publish (const SlopeDivergenceWatch *watch,
                                SlopeRunnerSnapshot        *snapshot)
{
  snapshot->diverged_limit = watch->diverged_limit;
  snapshot->diverged_cost = watch->diverged_cost;
  snapshot->diverged_start_cost = watch->diverged_start_cost;
  snapshot->suggested_lr = watch->suggested_lr;
  snapshot->scaling_advised = watch->badly_conditioned;
  snapshot->unsettled_epoch = watch->unsettled_epoch;
  snapshot->reached_epoch = watch->reached_epoch;
}
