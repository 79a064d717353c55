/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-runner-worker.c: the runner's training thread.
 *
 * The worker owns the trainer.  It takes the commands posted since it
 * last looked under the lock, then lets go of it to carry them out in
 * order and to run the epochs that are due.  It takes the lock again
 * only for moments: to publish the newest state, the log lines and the
 * per-batch costs (gathered first in its own buffers, so that is rare),
 * to mark where a reset cuts the logs, and to count the commands done.
 * It watches each epoch for divergence and pauses the run there.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-runner-private.h"

#define SLICE_USEC       8000

void
slope_runner_publish_locked (SlopeRunner *self)
{
  SlopeRunnerSnapshot *snap = &self->published;

  slope_trainer_get_state (self->trainer, &snap->state);
  snap->playing = self->playing;
  snap->divergence = self->divergence;
  snap->diverged_epoch = self->diverged_epoch;
  snap->diverged_lr = self->diverged_lr;
  slope_divergence_watch_publish (&self->watch, snap);
  snap->speed = self->speed;
  snap->resets = self->resets;
  snap->run = self->run_number;
  snap->serial++;
}

/* Per-batch costs, from inside the epoch: gathered here and moved to the
 * shared ring a thousand at a time, so the lock is taken rarely. */
static void
flush_batches (SlopeRunner *self)
{
  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->pending_batches_len; i++)
    self->batch_ring[self->batches_written++ % SLOPE_BATCH_RING_SIZE] = self->pending_batches[i];
  g_mutex_unlock (&self->lock);
  self->pending_batches_len = 0;
}

void
slope_runner_record_batch (const SlopeBatchRecord *rec,
                           gpointer                data)
{
  SlopeRunner *self = data;

  self->pending_batches[self->pending_batches_len++] = *rec;
  if (self->pending_batches_len == PENDING_BATCHES)
    flush_batches (self);
}

static void
flush (SlopeRunner *self)
{
  flush_batches (self);
  slope_history_append (self->history, self->batch, self->batch_len);
  self->batch_len = 0;

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->pending_log_len; i++)
    {
      memcpy (self->log_ring[self->log_written % SLOPE_LOG_RING_SIZE],
              self->pending_log[i], SLOPE_LOG_LINE_MAX);
      self->log_run_ring[self->log_written % SLOPE_LOG_RING_SIZE] = self->pending_log_run[i];
      self->log_written++;
    }
  self->pending_log_len = 0;
  slope_runner_publish_locked (self);
  g_mutex_unlock (&self->lock);
}

/* The length of the run after the one numbered run_number. */
static guint
next_run_length (SlopeRunner *self)
{
  return self->runs[MIN (self->run_number, self->n_runs - 1)];
}

static void
record_epoch (SlopeRunner            *self,
              const SlopeEpochRecord *rec)
{
  self->batch[self->batch_len++] = *rec;

  if (rec->run_epoch == 1)
    {
      self->run_number++;
      slope_trainer_set_epochs_per_run (self->trainer, next_run_length (self));
    }
  if (rec->run_epoch % self->log_every == 0)
    {
      self->pending_log_run[self->pending_log_len] = self->run_number;
      slope_format_log_line (self->pending_log[self->pending_log_len++], SLOPE_LOG_LINE_MAX,
                             rec->run_epoch, rec->run_length, rec->w, rec->b, rec->cost);
    }

  if (self->divergence == SLOPE_DIVERGENCE_NONE
      && slope_divergence_watch_epoch (&self->watch, rec))
    {
      self->divergence = rec->zero_grad ? SLOPE_DIVERGENCE_STEP_TOO_LARGE
                                        : SLOPE_DIVERGENCE_ACCUMULATED;
      self->diverged_epoch = rec->epoch;
      self->diverged_lr = rec->lr;
      /* Divergence is a lesson: stop and let the window explain it. */
      self->playing = FALSE;
    }
  else if (self->divergence != SLOPE_DIVERGENCE_NONE && !self->overflow_paused
           && (!isfinite (rec->w) || !isfinite (rec->b) || !isfinite (rec->cost)))
    {
      /* Played on past the warning: stop once more where the numbers end. */
      self->overflow_paused = TRUE;
      self->playing = FALSE;
    }

  if (self->batch_len == BATCH_RECORDS || self->pending_log_len == PENDING_LOG)
    flush (self);
}

static void
run_epoch (SlopeRunner *self)
{
  SlopeEpochRecord rec;

  slope_trainer_epoch (self->trainer, &rec);
  record_epoch (self, &rec);
}

static void
do_reset (SlopeRunner *self)
{
  self->run_number = 0;
  slope_trainer_set_epochs_per_run (self->trainer, next_run_length (self));
  slope_trainer_reset (self->trainer);
  slope_history_clear (self->history);
  self->batch_len = 0;
  self->pending_log_len = 0;
  self->pending_batches_len = 0;
  self->divergence = SLOPE_DIVERGENCE_NONE;
  self->diverged_epoch = 0;
  slope_divergence_watch_reset (&self->watch);
  self->overflow_paused = FALSE;
  self->playing = FALSE;
  self->resets++;

  /* Lines of the old run that nobody read yet are not shown after it. */
  g_mutex_lock (&self->lock);
  self->log_floor = self->log_written;
  self->batch_floor = self->batches_written;
  g_mutex_unlock (&self->lock);
}

static void
restart_clock (SlopeRunner *self)
{
  self->t0 = g_get_monotonic_time ();
  self->done_since_t0 = 0;
}

static void
apply_command (SlopeRunner   *self,
               const Command *cmd)
{
  SlopeTrainerState st;
  SlopeEpochRecord rec;

  switch (cmd->kind)
    {
    case CMD_PLAY:
      if (!self->playing)
        {
          self->playing = TRUE;
          self->play_started = TRUE;
          restart_clock (self);
        }
      break;
    case CMD_PAUSE:
      self->playing = FALSE;
      break;
    case CMD_STEP_EPOCH:
      /* A step is a look at one epoch: it pauses. */
      self->playing = FALSE;
      run_epoch (self);
      break;
    case CMD_STEP_LINE:
      self->playing = FALSE;
      if (slope_trainer_step_line (self->trainer, &rec))
        record_epoch (self, &rec);
      break;
    case CMD_RESET:
      do_reset (self);
      break;
    case CMD_LR:
      slope_trainer_set_lr (self->trainer, cmd->a);
      break;
    case CMD_ZERO_GRAD:
      slope_trainer_set_zero_grad (self->trainer, cmd->n);
      break;
    case CMD_SPEED:
      self->speed = cmd->a;
      restart_clock (self);
      break;
    case CMD_RUNS:
      memcpy (self->runs, cmd->runs, cmd->n * sizeof *self->runs);
      self->n_runs = cmd->n;
      slope_trainer_set_epochs_per_run (self->trainer, next_run_length (self));
      break;
    case CMD_LOG_EVERY:
      self->log_every = cmd->n;
      break;
    case CMD_INITIAL:
      slope_trainer_set_initial (self->trainer, cmd->a, cmd->b);
      slope_trainer_get_state (self->trainer, &st);
      if (st.epoch == 0 && st.line == SLOPE_LINE_NONE)
        do_reset (self);
      break;
    case CMD_DATASET:
      slope_trainer_set_dataset (self->trainer, cmd->dataset);
      slope_divergence_watch_set_dataset (&self->watch, cmd->dataset);
      if (cmd->n)
        do_reset (self);
      break;
    case CMD_OPTIMIZER:
      slope_trainer_set_optimizer (self->trainer, &cmd->optimizer);
      slope_divergence_watch_set_optimizer (&self->watch, &cmd->optimizer);
      break;
    case CMD_BATCHING:
      slope_trainer_set_batching (self->trainer, cmd->n, cmd->a != 0.0, cmd->seed);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Runs the epochs that are due, for at most one slice of time. */
static void
advance (SlopeRunner *self)
{
  gint64 start = g_get_monotonic_time ();
  guint64 due = G_MAXUINT64;

  if (self->speed > 0.0)
    {
      double elapsed = (double) (start - self->t0) / G_USEC_PER_SEC;
      guint64 total = (guint64) (elapsed * self->speed) + 1;

      due = total > self->done_since_t0 ? total - self->done_since_t0 : 0;
    }

  for (guint64 k = 0; k < due && self->playing; k++)
    {
      /* A finished run ends play; the next Play starts another. */
      if (!self->play_started && slope_trainer_run_finished (self->trainer))
        {
          self->playing = FALSE;
          break;
        }
      self->play_started = FALSE;
      run_epoch (self);
      self->done_since_t0++;
      if (slope_trainer_run_finished (self->trainer))
        {
          self->playing = FALSE;
          break;
        }
      if ((k & 63) == 63 && g_get_monotonic_time () - start > SLICE_USEC)
        break;
    }
}

/* When the next epoch is due, in monotonic microseconds. */
static gint64
next_due (SlopeRunner *self)
{
  if (self->speed <= 0.0)
    return 0;
  return self->t0 + (gint64) ((double) self->done_since_t0 / self->speed * G_USEC_PER_SEC);
}

gpointer
slope_runner_worker_main (gpointer data)
{
  SlopeRunner *self = data;

  g_mutex_lock (&self->lock);
  for (;;)
    {
      GQueue commands = G_QUEUE_INIT;
      guint64 posted;
      Command *cmd;

      while (!self->quit && g_queue_is_empty (&self->pending))
        {
          gint64 due;

          if (!self->playing)
            g_cond_wait (&self->cond, &self->lock);
          else if ((due = next_due (self)) > g_get_monotonic_time ())
            g_cond_wait_until (&self->cond, &self->lock, due);
          else
            break;
        }
      if (self->quit)
        break;

      commands = self->pending;
      g_queue_init (&self->pending);
      posted = self->posted;
      g_mutex_unlock (&self->lock);

      while ((cmd = g_queue_pop_head (&commands)))
        {
          apply_command (self, cmd);
          slope_runner_command_free (cmd);
        }
      if (self->playing)
        advance (self);
      flush (self);

      g_mutex_lock (&self->lock);
      self->applied = posted;
      g_cond_broadcast (&self->cond);
    }
  self->applied = self->posted;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);

  return NULL;
}
