/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-runner.h: training in a worker thread, steered by the window.
 *
 * The worker owns the trainer.  The window posts commands (play, step,
 * a new learning rate …) that the worker applies before its next epoch,
 * and once per frame reads the newest published state; neither side ever
 * waits for the other's work.
 */
#pragma once

#include <glib-object.h>

#include "slope-trainer.h"
#include "slope-types.h"

G_BEGIN_DECLS

#define SLOPE_TYPE_RUNNER (slope_runner_get_type ())

G_DECLARE_FINAL_TYPE (SlopeRunner, slope_runner, SLOPE, RUNNER, GObject)

typedef enum
{
  SLOPE_DIVERGENCE_NONE,
  SLOPE_DIVERGENCE_STEP_TOO_LARGE,    /* zero_grad on, lr above 2/λmax */
  SLOPE_DIVERGENCE_ACCUMULATED,       /* zero_grad off: the buffers grew */
} SlopeDivergence;

typedef struct
{
  SlopeTrainerState state;
  gboolean          playing;
  SlopeDivergence   divergence;
  guint64           diverged_epoch;   /* the epoch training paused at */
  double            diverged_lr;
  double            diverged_limit;   /* 2/λmax, or 4/λmax without zero_grad */
  double            diverged_cost;    /* cost at that epoch … */
  double            diverged_start_cost; /* … and when the rate went past the limit */
  double            suggested_lr;     /* 2/(λmin + λmax) of the data trained on */
  gboolean          scaling_advised;  /* that data is badly conditioned */
  /* zero_grad off inside the limit: it swings for ever, bounded.  Set at
   * the first epoch whose cost rose, once per reset. */
  guint64           unsettled_epoch;  /* 0: not (yet) */
  /* The first epoch whose cost − cost* (the least-squares cost) was at
   * most SLOPE_REACHED_FRACTION of its value at epoch 1; 0: not yet. */
  guint64           reached_epoch;
  double            speed;            /* epochs per second; 0 = flat out */
  guint             resets;           /* how many resets so far */
  guint             run;              /* runs begun since the reset, 1 the first */
  guint64           serial;           /* changes with every publication */
} SlopeRunnerSnapshot;

#define SLOPE_LOG_RING_SIZE 256
#define SLOPE_BATCH_RING_SIZE 65536

/* A run past the stable limit pauses once its cost reaches this many
 * times the cost it had when it went past. */
#define SLOPE_DIVERGENCE_GROWTH 10.0

/* Comparing runs: "reached" the least-squares line once the cost's excess
 * over the least-squares cost has shrunk to this fraction of where it
 * started.  A relative tolerance on the cost itself would never be met on
 * the lesson's points, whose least-squares cost is 0. */
#define SLOPE_REACHED_FRACTION 1e-4

SlopeRunner  *slope_runner_new            (SlopeDataset        *dataset);
SlopeHistory *slope_runner_get_history    (SlopeRunner         *self);
void          slope_runner_play           (SlopeRunner         *self);
void          slope_runner_pause          (SlopeRunner         *self);
void          slope_runner_step_epoch     (SlopeRunner         *self);
void          slope_runner_step_line      (SlopeRunner         *self);
void          slope_runner_reset          (SlopeRunner         *self);
void          slope_runner_set_lr         (SlopeRunner         *self,
                                           double               lr);
void          slope_runner_set_zero_grad  (SlopeRunner         *self,
                                           gboolean             zero_grad);
void          slope_runner_set_speed      (SlopeRunner         *self,
                                           double               epochs_per_second);
void          slope_runner_set_epochs_per_run (SlopeRunner     *self,
                                           guint                n_epochs);
void          slope_runner_set_runs       (SlopeRunner         *self,
                                           const guint         *runs,
                                           guint                n_runs);
void          slope_runner_set_log_every  (SlopeRunner         *self,
                                           guint                log_every);
void          slope_runner_set_initial    (SlopeRunner         *self,
                                           double               w0,
                                           double               b0);
void          slope_runner_set_dataset    (SlopeRunner         *self,
                                           SlopeDataset        *dataset,
                                           gboolean             reset);
void          slope_runner_set_optimizer  (SlopeRunner         *self,
                                           const SlopeOptimizerSettings *settings);
void          slope_runner_set_batching   (SlopeRunner         *self,
                                           guint                batch_size,
                                           gboolean             shuffle,
                                           guint64              seed);
gsize         slope_runner_read_batches   (SlopeRunner         *self,
                                           guint64             *cursor,
                                           SlopeBatchRecord    *out,
                                           gsize                max);
void          slope_runner_sync           (SlopeRunner         *self);
void          slope_runner_wait_paused    (SlopeRunner         *self);
gboolean      slope_runner_read           (SlopeRunner         *self,
                                           SlopeRunnerSnapshot *snapshot);
guint         slope_runner_read_log       (SlopeRunner         *self,
                                           guint64             *cursor,
                                           GString             *out);
guint         slope_runner_read_log_runs  (SlopeRunner         *self,
                                           guint64             *cursor,
                                           GString             *out,
                                           GArray              *runs);
void          slope_runner_stop           (SlopeRunner         *self);

G_END_DECLS
