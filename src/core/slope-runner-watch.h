/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-runner-watch.h: noticing divergence when it starts.
 *
 * Waiting for inf lets a run at lr = 0.2 on the lesson's data climb to a
 * cost of 10¹⁷² before anything is said.  The watch knows the stable
 * limit of the data being trained on and pauses a run the moment it is
 * both past that limit and clearly growing; inside the limit it never
 * does, and without optimizer.zero_grad() it notes once that the run will
 * swing without settling.  The runner and slope-train share it.
 */
#pragma once

#include "slope-runner.h"
#include "slope-types.h"

G_BEGIN_DECLS

typedef struct
{
  /* Of the dataset trained on. */
  double   limit_zero_grad;     /* 2/λmax */
  double   limit_accumulating;  /* 4/λmax */
  double   suggested_lr;
  gboolean badly_conditioned;
  /* Of the optimizer: momentum and weight decay move the limit, an
   * adaptive optimizer has none (slope_optimizer_stable_lr()). */
  SlopeOptimizerSettings optimizer;
  /* Of the run since the last reset. */
  gboolean past_limit;          /* the last epoch ran beyond its limit */
  double   start_cost;          /* its cost when it went past */
  double   last_cost;
  gboolean has_last_cost;
  guint64  diverged_epoch;
  double   diverged_limit;
  double   diverged_cost;
  double   diverged_start_cost;
  guint64  unsettled_epoch;
  /* How fast the run gets close to the least-squares line, for comparing
   * runs: the first epoch whose cost − cost* is at most
   * SLOPE_REACHED_FRACTION of its value at epoch 1. */
  double   optimum_cost;        /* cost*, NAN when there is no best line */
  double   first_excess;        /* cost − cost* at epoch 1 */
  gboolean has_first;
  guint64  reached_epoch;       /* 0: not (yet) */
} SlopeDivergenceWatch;

void     slope_divergence_watch_set_dataset (SlopeDivergenceWatch    *watch,
                                             SlopeDataset            *dataset);
void     slope_divergence_watch_set_optimizer (SlopeDivergenceWatch *watch,
                                             const SlopeOptimizerSettings *settings);
void     slope_divergence_watch_reset       (SlopeDivergenceWatch    *watch);
gboolean slope_divergence_watch_epoch       (SlopeDivergenceWatch    *watch,
                                             const SlopeEpochRecord  *rec);
void     slope_divergence_watch_publish     (const SlopeDivergenceWatch *watch,
                                             SlopeRunnerSnapshot     *snapshot);

G_END_DECLS
