/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-runner.c: the training thread.
 *
 * One lock guards what the two threads share: the commands posted by the
 * window, the last published state and the ring of log lines.  The worker
 * holds it only to take commands and to publish; epochs run outside it, so
 * posting a command or reading the state never waits for an epoch.
 *
 * While playing at a set speed the worker sleeps until the next epoch is
 * due; flat out it runs batches of about 8 ms and publishes after each,
 * which is far more often than any screen refreshes.
 *
 * This file is the window's side: the object, the commands, the reads.
 * The worker's side is slope-runner-worker.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-dataset.h"
#include "slope-runner-private.h"

G_DEFINE_FINAL_TYPE (SlopeRunner, slope_runner, G_TYPE_OBJECT)

static void
slope_runner_dispose (GObject *object)
{
  SlopeRunner *self = SLOPE_RUNNER (object);

  slope_runner_stop (self);
  g_clear_object (&self->trainer);
  g_clear_object (&self->history);
  g_queue_clear_full (&self->pending, slope_runner_command_free);

  G_OBJECT_CLASS (slope_runner_parent_class)->dispose (object);
}

static void
slope_runner_finalize (GObject *object)
{
  SlopeRunner *self = SLOPE_RUNNER (object);

  g_clear_pointer (&self->log_ring, g_free);
  g_clear_pointer (&self->log_run_ring, g_free);
  g_clear_pointer (&self->pending_log, g_free);
  g_clear_pointer (&self->batch, g_free);
  g_clear_pointer (&self->batch_ring, g_free);
  g_clear_pointer (&self->pending_batches, g_free);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (slope_runner_parent_class)->finalize (object);
}

static void
slope_runner_class_init (SlopeRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = slope_runner_dispose;
  object_class->finalize = slope_runner_finalize;
}

static void
slope_runner_init (SlopeRunner *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->log_ring = g_malloc0 (SLOPE_LOG_RING_SIZE * sizeof *self->log_ring);
  self->log_run_ring = g_new0 (guint, SLOPE_LOG_RING_SIZE);
  self->pending_log = g_malloc0 (PENDING_LOG * sizeof *self->pending_log);
  self->batch = g_new0 (SlopeEpochRecord, BATCH_RECORDS);
  self->batch_ring = g_new0 (SlopeBatchRecord, SLOPE_BATCH_RING_SIZE);
  self->pending_batches = g_new0 (SlopeBatchRecord, PENDING_BATCHES);
  self->log_every = SLOPE_DEFAULT_LOG_EVERY;
  self->runs[0] = SLOPE_DEFAULT_EPOCHS;
  self->n_runs = 1;
  self->speed = 100.0;
}

SlopeRunner *
slope_runner_new (SlopeDataset *dataset)
{
  SlopeRunner *self;

  g_return_val_if_fail (SLOPE_IS_DATASET (dataset), NULL);

  self = g_object_new (SLOPE_TYPE_RUNNER, NULL);
  self->trainer = slope_trainer_new (dataset);
  slope_trainer_reset (self->trainer);
  slope_trainer_set_batch_func (self->trainer, slope_runner_record_batch, self);
  slope_divergence_watch_set_dataset (&self->watch, dataset);
  self->history = slope_history_new_default ();
  slope_runner_publish_locked (self);
  self->thread = g_thread_new ("slope-trainer", slope_runner_worker_main, self);

  return self;
}

SlopeHistory *
slope_runner_get_history (SlopeRunner *self)
{
  g_return_val_if_fail (SLOPE_IS_RUNNER (self), NULL);

  return self->history;
}

void
slope_runner_command_free (gpointer data)
{
  Command *cmd = data;

  g_clear_object (&cmd->dataset);
  g_free (cmd);
}

/* Every command goes through here: queue it, count it, wake the worker. */
static void
post_command (SlopeRunner *self,
              Command     *cmd)
{
  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->pending, cmd);
  self->posted++;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

static void
post (SlopeRunner  *self,
      CommandKind   kind,
      double        a,
      double        b,
      guint         n,
      SlopeDataset *dataset)
{
  Command *cmd = g_new0 (Command, 1);

  cmd->kind = kind;
  cmd->a = a;
  cmd->b = b;
  cmd->n = n;
  cmd->dataset = dataset ? g_object_ref (dataset) : NULL;
  post_command (self, cmd);
}

void
slope_runner_play (SlopeRunner *self)
{
  g_return_if_fail (SLOPE_IS_RUNNER (self));
  post (self, CMD_PLAY, 0, 0, 0, NULL);
}

void
slope_runner_pause (SlopeRunner *self)
{
  g_return_if_fail (SLOPE_IS_RUNNER (self));
  post (self, CMD_PAUSE, 0, 0, 0, NULL);
}

/* Stepping pauses: a step is a look at one epoch, not a push. */
void
slope_runner_step_epoch (SlopeRunner *self)
{
  g_return_if_fail (SLOPE_IS_RUNNER (self));
  post (self, CMD_STEP_EPOCH, 0, 0, 0, NULL);
}

void
slope_runner_step_line (SlopeRunner *self)
{
  g_return_if_fail (SLOPE_IS_RUNNER (self));
  post (self, CMD_STEP_LINE, 0, 0, 0, NULL);
}

void
slope_runner_reset (SlopeRunner *self)
{
  g_return_if_fail (SLOPE_IS_RUNNER (self));
  post (self, CMD_RESET, 0, 0, 0, NULL);
}

void
slope_runner_set_lr (SlopeRunner *self,
                     double       lr)
{
  g_return_if_fail (SLOPE_IS_RUNNER (self));
  g_return_if_fail (lr > 0.0 && isfinite (lr));
  post (self, CMD_LR, lr, 0, 0, NULL);
}

void
slope_runner_set_zero_grad (SlopeRunner *self,
                            gboolean     zero_grad)
{
  g_return_if_fail (SLOPE_IS_RUNNER (self));
  post (self, CMD_ZERO_GRAD, 0, 0, !!zero_grad, NULL);
}

/* @epochs_per_second: 0 (or anything not positive) means as fast as it goes. */
void
slope_runner_set_speed (SlopeRunner *self,
                        double       epochs_per_second)
{
  g_return_if_fail (SLOPE_IS_RUNNER (self));
  post (self, CMD_SPEED, epochs_per_second > 0.0 ? epochs_per_second : 0.0, 0, 0, NULL);
}

/* Every run from the next on has @n_epochs epochs. */
void
slope_runner_set_epochs_per_run (SlopeRunner *self,
                                 guint        n_epochs)
{
  g_return_if_fail (SLOPE_IS_RUNNER (self));
  g_return_if_fail (n_epochs > 0);
  slope_runner_set_runs (self, &n_epochs, 1);
}

/**
 * slope_runner_set_runs:
 * @runs: (array length=n_runs): the epochs of each run since the reset
 *
 * Runs as a notebook's cell executed several times, each with its own
 * nb_epochs, each going on from where the last stopped; runs past the
 * last repeat it.  The run in progress keeps its length; the next one
 * takes its length from @runs by its number.
 */
void
slope_runner_set_runs (SlopeRunner *self,
                       const guint *runs,
                       guint        n_runs)
{
  Command *cmd;

  g_return_if_fail (SLOPE_IS_RUNNER (self));
  g_return_if_fail (runs != NULL);
  g_return_if_fail (n_runs > 0 && n_runs <= SLOPE_MAX_RUNS);
  for (guint i = 0; i < n_runs; i++)
    g_return_if_fail (runs[i] > 0);

  cmd = g_new0 (Command, 1);
  cmd->kind = CMD_RUNS;
  cmd->n = n_runs;
  memcpy (cmd->runs, runs, n_runs * sizeof *runs);
  post_command (self, cmd);
}

void
slope_runner_set_log_every (SlopeRunner *self,
                            guint        log_every)
{
  g_return_if_fail (SLOPE_IS_RUNNER (self));
  g_return_if_fail (log_every > 0);
  post (self, CMD_LOG_EVERY, 0, 0, log_every, NULL);
}

/* Takes effect at the next reset, or at once while nothing has run. */
void
slope_runner_set_initial (SlopeRunner *self,
                          double       w0,
                          double       b0)
{
  g_return_if_fail (SLOPE_IS_RUNNER (self));
  post (self, CMD_INITIAL, w0, b0, 0, NULL);
}

/* @reset: start over on the new data (a newly opened file) rather than
 * go on training with it (an edit). */
void
slope_runner_set_dataset (SlopeRunner  *self,
                          SlopeDataset *dataset,
                          gboolean      reset)
{
  g_return_if_fail (SLOPE_IS_RUNNER (self));
  g_return_if_fail (SLOPE_IS_DATASET (dataset));
  post (self, CMD_DATASET, 0, 0, !!reset, dataset);
}

/* A new optimizer from the next line on; see slope_trainer_set_optimizer(). */
void
slope_runner_set_optimizer (SlopeRunner                  *self,
                            const SlopeOptimizerSettings *settings)
{
  Command *cmd;

  g_return_if_fail (SLOPE_IS_RUNNER (self));
  g_return_if_fail (settings != NULL);

  cmd = g_new0 (Command, 1);
  cmd->kind = CMD_OPTIMIZER;
  cmd->optimizer = *settings;
  post_command (self, cmd);
}

/* See slope_trainer_set_batching(). */
void
slope_runner_set_batching (SlopeRunner *self,
                           guint        batch_size,
                           gboolean     shuffle,
                           guint64      seed)
{
  Command *cmd;

  g_return_if_fail (SLOPE_IS_RUNNER (self));

  cmd = g_new0 (Command, 1);
  cmd->kind = CMD_BATCHING;
  cmd->n = batch_size;
  cmd->a = shuffle ? 1.0 : 0.0;
  cmd->seed = seed;
  post_command (self, cmd);
}

/**
 * slope_runner_read_batches:
 * @cursor: (inout): 0 at first, then what the last call left in it
 * @out: (out caller-allocates): room for @max records
 *
 * The per-batch costs recorded since the last call, oldest first: at most
 * the newest %SLOPE_BATCH_RING_SIZE, and none from before the last reset.
 * Batches still inside the epoch in progress arrive with the next
 * publication.  Returns how many were copied into @out; call again while
 * it returns @max.
 */
gsize
slope_runner_read_batches (SlopeRunner      *self,
                           guint64          *cursor,
                           SlopeBatchRecord *out,
                           gsize             max)
{
  guint64 first;
  gsize n = 0;

  g_return_val_if_fail (SLOPE_IS_RUNNER (self), 0);

  g_mutex_lock (&self->lock);
  if (*cursor > self->batches_written)
    *cursor = 0;
  first = MAX (*cursor, self->batches_written > SLOPE_BATCH_RING_SIZE
                          ? self->batches_written - SLOPE_BATCH_RING_SIZE : 0);
  first = MAX (first, self->batch_floor);
  for (guint64 i = first; i < self->batches_written && n < max; i++)
    out[n++] = self->batch_ring[i % SLOPE_BATCH_RING_SIZE];
  *cursor = first + n;
  g_mutex_unlock (&self->lock);

  return n;
}

/**
 * slope_runner_sync:
 *
 * Blocks until the worker has carried out every command posted so far,
 * steps included.  For tests and for exporting a consistent state; the
 * window's frame loop never calls it.
 */
void
slope_runner_sync (SlopeRunner *self)
{
  guint64 target;

  g_return_if_fail (SLOPE_IS_RUNNER (self));

  g_mutex_lock (&self->lock);
  target = self->posted;
  while (self->applied < target && self->thread != NULL)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
}

/**
 * slope_runner_wait_paused:
 *
 * Blocks until play has stopped by itself (the run finished or diverged)
 * or was paused.  For tests and for slope-train-like scripted use.
 */
void
slope_runner_wait_paused (SlopeRunner *self)
{
  g_return_if_fail (SLOPE_IS_RUNNER (self));

  slope_runner_sync (self);
  g_mutex_lock (&self->lock);
  while (self->published.playing && self->thread != NULL)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
}

/**
 * slope_runner_read:
 *
 * Copies the newest published state.  Returns %TRUE when it differs from
 * what @snapshot held (by its serial), so a view can skip redrawing.
 */
gboolean
slope_runner_read (SlopeRunner         *self,
                   SlopeRunnerSnapshot *snapshot)
{
  gboolean changed;

  g_return_val_if_fail (SLOPE_IS_RUNNER (self), FALSE);

  g_mutex_lock (&self->lock);
  changed = snapshot->serial != self->published.serial;
  *snapshot = self->published;
  g_mutex_unlock (&self->lock);

  return changed;
}

/**
 * slope_runner_read_log:
 * @cursor: (inout): lines already read; start from 0
 *
 * Appends the log lines written since @cursor to @out, one per line.  The
 * ring keeps the newest SLOPE_LOG_RING_SIZE lines: a reader that fell
 * further behind skips the oldest, and lines from before a reset are
 * never returned after it.  Returns the number of lines appended.
 */
guint
slope_runner_read_log (SlopeRunner *self,
                       guint64     *cursor,
                       GString     *out)
{
  return slope_runner_read_log_runs (self, cursor, out, NULL);
}

/**
 * slope_runner_read_log_runs:
 * @runs: (nullable) (element-type guint): receives, for each line
 *   appended, the run it belongs to (1 for the first since the reset)
 *
 * slope_runner_read_log(), telling which execution of the cell printed
 * each line.
 */
guint
slope_runner_read_log_runs (SlopeRunner *self,
                            guint64     *cursor,
                            GString     *out,
                            GArray      *runs)
{
  guint n = 0;
  guint64 first;

  g_return_val_if_fail (SLOPE_IS_RUNNER (self), 0);

  g_mutex_lock (&self->lock);
  if (*cursor > self->log_written)
    *cursor = 0;
  first = MAX (*cursor, self->log_written > SLOPE_LOG_RING_SIZE
                          ? self->log_written - SLOPE_LOG_RING_SIZE : 0);
  first = MAX (first, self->log_floor);
  for (guint64 i = first; i < self->log_written; i++, n++)
    {
      g_string_append (out, self->log_ring[i % SLOPE_LOG_RING_SIZE]);
      g_string_append_c (out, '\n');
      if (runs != NULL)
        g_array_append_val (runs, self->log_run_ring[i % SLOPE_LOG_RING_SIZE]);
    }
  *cursor = self->log_written;
  g_mutex_unlock (&self->lock);

  return n;
}

/* Stops and joins the worker; safe to call more than once. */
void
slope_runner_stop (SlopeRunner *self)
{
  GThread *thread;

  g_return_if_fail (SLOPE_IS_RUNNER (self));

  g_mutex_lock (&self->lock);
  self->quit = TRUE;
  thread = g_steal_pointer (&self->thread);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);

  if (thread != NULL)
    g_thread_join (thread);
}
