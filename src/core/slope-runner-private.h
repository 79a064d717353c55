/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-runner-private.h: the runner's state, shared by its two sides.
 *
 * Private to src/core: slope-runner.c is the side the window calls (the
 * object, the commands it posts, the reads of what was published), and
 * slope-runner-worker.c the training thread that carries the commands out
 * and publishes.  What lies between them is this struct and its lock.
 */
#pragma once

#include "slope-history.h"
#include "slope-runner.h"
#include "slope-runner-watch.h"
#include "slope-run-settings.h"

G_BEGIN_DECLS

#define BATCH_RECORDS    1024
#define PENDING_LOG      32
#define PENDING_BATCHES  1024

typedef enum
{
  CMD_PLAY,
  CMD_PAUSE,
  CMD_STEP_EPOCH,
  CMD_STEP_LINE,
  CMD_RESET,
  CMD_LR,
  CMD_ZERO_GRAD,
  CMD_SPEED,
  CMD_RUNS,
  CMD_LOG_EVERY,
  CMD_INITIAL,
  CMD_DATASET,
  CMD_OPTIMIZER,
  CMD_BATCHING,
} CommandKind;

/* Commands are applied in the order they were posted, so a step posted
 * before a new learning rate runs with the old one. */
typedef struct
{
  CommandKind   kind;
  double        a;
  double        b;
  guint         n;
  SlopeDataset *dataset;
  guint64       seed;
  SlopeOptimizerSettings optimizer;
  guint         runs[SLOPE_MAX_RUNS];
} Command;

struct _SlopeRunner
{
  GObject              parent_instance;

  GThread             *thread;
  GMutex               lock;
  GCond                cond;

  /* Shared, under the lock. */
  GQueue               pending;     /* of Command */
  guint64              posted;
  guint64              applied;
  gboolean             quit;
  SlopeRunnerSnapshot  published;
  char               (*log_ring)[SLOPE_LOG_LINE_MAX];
  guint               *log_run_ring;  /* the run each line belongs to */
  guint64              log_written;
  guint64              log_floor;     /* lines before the last reset */
  SlopeBatchRecord    *batch_ring;    /* SLOPE_BATCH_RING_SIZE */
  guint64              batches_written;
  guint64              batch_floor;   /* batches before the last reset */

  /* Shared, with its own lock. */
  SlopeHistory        *history;

  /* The worker's alone. */
  SlopeTrainer        *trainer;
  SlopeEpochRecord    *batch;         /* BATCH_RECORDS, allocated once */
  gsize                batch_len;
  char               (*pending_log)[SLOPE_LOG_LINE_MAX];  /* PENDING_LOG */
  guint                pending_log_run[PENDING_LOG];
  guint                pending_log_len;
  SlopeBatchRecord    *pending_batches;   /* PENDING_BATCHES */
  guint                pending_batches_len;
  gboolean             playing;
  gboolean             play_started;
  double               speed;
  gint64               t0;
  guint64              done_since_t0;
  guint                log_every;
  /* The epochs of each execution of the cell; runs past the last repeat
   * it.  run_number counts the runs begun since the reset. */
  guint                runs[SLOPE_MAX_RUNS];
  guint                n_runs;
  guint                run_number;
  SlopeDivergence      divergence;
  guint64              diverged_epoch;
  double               diverged_lr;
  guint                resets;
  SlopeDivergenceWatch watch;
  gboolean             overflow_paused;
};

/* slope-runner.c */
void     slope_runner_command_free   (gpointer                data);

/* slope-runner-worker.c */
gpointer slope_runner_worker_main    (gpointer                data);
/* Publishes the trainer's state; the caller holds the lock, or the worker
 * has not started. */
void     slope_runner_publish_locked (SlopeRunner            *self);
/* The trainer's batch function: gathers the per-batch costs. */
void     slope_runner_record_batch   (const SlopeBatchRecord *rec,
                                      gpointer                data);

G_END_DECLS
