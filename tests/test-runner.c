/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-runner.c: the training thread, driven as the window drives it.
 *
 * Every wait here is on the runner's own condition (sync, wait_paused),
 * never a sleep, and nothing depends on how fast the machine is.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-dataset.h"
#include "slope-history.h"
#include "slope-runner.h"

static SlopeRunner *
notebook_runner (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();

  return slope_runner_new (data);
}

static SlopeTrainer *
notebook_trainer (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  SlopeTrainer *trainer = slope_trainer_new (data);

  slope_trainer_reset (trainer);
  return trainer;
}

static void
test_steps (void)
{
  g_autoptr(SlopeRunner) runner = notebook_runner ();
  g_autoptr(SlopeTrainer) trainer = notebook_trainer ();
  SlopeRunnerSnapshot snap = { 0 };
  SlopeEpochRecord rec;

  for (guint i = 0; i < 3; i++)
    {
      slope_runner_step_epoch (runner);
      slope_trainer_epoch (trainer, &rec);
    }
  slope_runner_sync (runner);
  g_assert_true (slope_runner_read (runner, &snap));
  g_assert_cmpuint (snap.state.epoch, ==, 3);
  g_assert_cmpfloat (snap.state.w, ==, rec.w);
  g_assert_cmpfloat (snap.state.b, ==, rec.b);
  g_assert_cmpfloat (snap.state.cost, ==, rec.cost);
  g_assert_false (snap.playing);
  g_assert_cmpuint (slope_history_get_last_epoch (slope_runner_get_history (runner)), ==, 3);
  /* Nothing changed since: the same serial. */
  g_assert_false (slope_runner_read (runner, &snap));
}

static void
test_play_runs_and_continues (void)
{
  g_autoptr(SlopeRunner) runner = notebook_runner ();
  g_autoptr(SlopeTrainer) trainer = notebook_trainer ();
  g_autoptr(GString) log = g_string_new (NULL);
  SlopeRunnerSnapshot snap = { 0 };
  SlopeEpochRecord rec;
  guint64 cursor = 0;

  slope_runner_set_speed (runner, 0);
  slope_runner_set_epochs_per_run (runner, 200);
  slope_runner_play (runner);
  slope_runner_wait_paused (runner);
  slope_runner_read (runner, &snap);
  g_assert_cmpuint (snap.state.epoch, ==, 200);
  g_assert_false (snap.playing);

  /* Play after a finished run starts another, like running the cell again. */
  slope_runner_set_epochs_per_run (runner, 1000);
  slope_runner_play (runner);
  slope_runner_wait_paused (runner);
  slope_runner_read (runner, &snap);
  g_assert_cmpuint (snap.state.epoch, ==, 1200);
  g_assert_cmpuint (snap.state.run_epoch, ==, 1000);
  g_assert_cmpuint (snap.state.run_length, ==, 1000);

  for (guint i = 0; i < 1200; i++)
    slope_trainer_epoch (trainer, &rec);
  g_assert_cmpfloat (snap.state.w, ==, rec.w);

  /* The notebook's log, as slope-train prints it. */
  g_assert_cmpuint (slope_runner_read_log (runner, &cursor, log), ==, 12);
  g_assert_true (g_str_has_suffix (log->str,
                 "Epoch  900/1000 W: 1.977, b: 0.052 Cost: 0.000393\n"
                 "Epoch 1000/1000 W: 1.982, b: 0.041 Cost: 0.000243\n"));
  g_string_truncate (log, 0);
  g_assert_cmpuint (slope_runner_read_log (runner, &cursor, log), ==, 0);
}

/* The runs planned ahead, as the notebook's cell was executed: 200 epochs,
 * then 1000, then 1000 again (the last repeats); each Play is one run,
 * each log line says which run printed it, and a reset starts the plan
 * over.  The lines are tests/reference/notebook.txt's, from PyTorch. */
static void
test_planned_runs (void)
{
  static const guint plan[] = { 200, 1000 };
  g_autoptr(SlopeRunner) runner = notebook_runner ();
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (guint));
  SlopeRunnerSnapshot snap = { 0 };
  guint64 cursor = 0;

  slope_runner_set_speed (runner, 0);
  slope_runner_set_runs (runner, plan, G_N_ELEMENTS (plan));
  slope_runner_sync (runner);
  slope_runner_read (runner, &snap);
  g_assert_cmpuint (snap.run, ==, 0);
  g_assert_cmpuint (snap.state.run_length, ==, 200);

  slope_runner_play (runner);
  slope_runner_wait_paused (runner);
  slope_runner_read (runner, &snap);
  g_assert_cmpuint (snap.state.epoch, ==, 200);
  g_assert_cmpuint (snap.run, ==, 1);
  g_assert_cmpuint (slope_runner_read_log_runs (runner, &cursor, log, runs), ==, 2);
  g_assert_cmpstr (log->str, ==,
                   "Epoch  100/200 W: 1.745, b: 0.579 Cost: 0.048403\n"
                   "Epoch  200/200 W: 1.800, b: 0.456 Cost: 0.029910\n");
  g_assert_cmpuint (g_array_index (runs, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (runs, guint, 1), ==, 1);

  slope_runner_play (runner);
  slope_runner_wait_paused (runner);
  slope_runner_read (runner, &snap);
  g_assert_cmpuint (snap.state.epoch, ==, 1200);
  g_assert_cmpuint (snap.run, ==, 2);
  g_assert_cmpuint (snap.state.run_length, ==, 1000);
  g_string_truncate (log, 0);
  g_array_set_size (runs, 0);
  g_assert_cmpuint (slope_runner_read_log_runs (runner, &cursor, log, runs), ==, 10);
  g_assert_true (g_str_has_prefix (log->str, "Epoch  100/1000 W: 1.842, b: 0.358 Cost: 0.018483\n"));
  g_assert_true (g_str_has_suffix (log->str, "Epoch 1000/1000 W: 1.982, b: 0.041 Cost: 0.000243\n"));
  for (guint i = 0; i < runs->len; i++)
    g_assert_cmpuint (g_array_index (runs, guint, i), ==, 2);

  /* Past the plan, its last run again. */
  slope_runner_play (runner);
  slope_runner_wait_paused (runner);
  slope_runner_read (runner, &snap);
  g_assert_cmpuint (snap.state.epoch, ==, 2200);
  g_assert_cmpuint (snap.run, ==, 3);
  g_array_set_size (runs, 0);
  g_assert_cmpuint (slope_runner_read_log_runs (runner, &cursor, log, runs), ==, 10);
  g_assert_cmpuint (g_array_index (runs, guint, 9), ==, 3);

  /* A reset starts the plan over: 200 epochs first again. */
  slope_runner_reset (runner);
  slope_runner_play (runner);
  slope_runner_wait_paused (runner);
  slope_runner_read (runner, &snap);
  g_assert_cmpuint (snap.state.epoch, ==, 200);
  g_assert_cmpuint (snap.run, ==, 1);
  g_string_truncate (log, 0);
  g_array_set_size (runs, 0);
  g_assert_cmpuint (slope_runner_read_log_runs (runner, &cursor, log, runs), ==, 2);
  g_assert_true (g_str_has_prefix (log->str, "Epoch  100/200 W: 1.745"));

  /* One length for every run from the next on, as the window's spin sets. */
  slope_runner_set_epochs_per_run (runner, 300);
  slope_runner_play (runner);
  slope_runner_wait_paused (runner);
  slope_runner_read (runner, &snap);
  g_assert_cmpuint (snap.state.epoch, ==, 500);
}

/* A new learning rate acts from the next epoch, with no reset. */
static void
test_lr_and_zero_grad_mid_run (void)
{
  g_autoptr(SlopeRunner) runner = notebook_runner ();
  g_autoptr(SlopeTrainer) trainer = notebook_trainer ();
  SlopeRunnerSnapshot snap = { 0 };
  SlopeEpochRecord rec;

  for (guint i = 0; i < 5; i++)
    slope_runner_step_epoch (runner);
  slope_runner_set_lr (runner, 0.05);
  slope_runner_set_zero_grad (runner, FALSE);
  for (guint i = 0; i < 5; i++)
    slope_runner_step_epoch (runner);
  slope_runner_sync (runner);

  for (guint i = 0; i < 5; i++)
    slope_trainer_epoch (trainer, &rec);
  slope_trainer_set_lr (trainer, 0.05);
  slope_trainer_set_zero_grad (trainer, FALSE);
  for (guint i = 0; i < 5; i++)
    slope_trainer_epoch (trainer, &rec);

  slope_runner_read (runner, &snap);
  g_assert_cmpuint (snap.state.epoch, ==, 10);
  g_assert_cmpfloat (snap.state.lr, ==, 0.05);
  g_assert_false (snap.state.zero_grad);
  g_assert_cmpfloat (snap.state.w, ==, rec.w);
  g_assert_cmpfloat (snap.state.w_grad, ==, rec.w_grad);
  g_assert_cmpfloat (snap.state.w_grad, !=, snap.state.d_w);
}

static void
check_divergence (gboolean        zero_grad,
                  SlopeDivergence expected)
{
  g_autoptr(SlopeRunner) runner = notebook_runner ();
  g_autoptr(SlopeTrainer) trainer = notebook_trainer ();
  SlopeRunnerSnapshot snap = { 0 };
  SlopeEpochRecord rec;
  guint64 first_bad = 0;

  slope_trainer_set_lr (trainer, 0.4);
  slope_trainer_set_zero_grad (trainer, zero_grad);
  for (guint i = 0; i < 1000 && first_bad == 0; i++)
    {
      slope_trainer_epoch (trainer, &rec);
      if (!isfinite (rec.w) || !isfinite (rec.b) || !isfinite (rec.cost))
        first_bad = rec.epoch;
    }
  g_assert_cmpuint (first_bad, >, 0);

  slope_runner_set_speed (runner, 0);
  slope_runner_set_lr (runner, 0.4);
  slope_runner_set_zero_grad (runner, zero_grad);
  slope_runner_play (runner);
  slope_runner_wait_paused (runner);
  slope_runner_read (runner, &snap);

  g_assert_false (snap.playing);
  g_assert_cmpint (snap.divergence, ==, expected);
  /* It paused itself when the cost passed ten times its first value
   * (epoch 2 in PyTorch's run), long before W and b overflow. */
  g_assert_cmpuint (snap.diverged_epoch, ==, 2);
  g_assert_cmpuint (snap.diverged_epoch, <, first_bad);
  g_assert_cmpfloat (snap.diverged_lr, ==, 0.4);
  g_assert_cmpuint (snap.state.epoch, ==, 2);

  slope_runner_reset (runner);
  slope_runner_sync (runner);
  slope_runner_read (runner, &snap);
  g_assert_cmpint (snap.divergence, ==, SLOPE_DIVERGENCE_NONE);
  g_assert_cmpuint (snap.state.epoch, ==, 0);
  g_assert_cmpuint (snap.resets, ==, 1);
}

static void
test_divergence_step_too_large (void)
{
  check_divergence (TRUE, SLOPE_DIVERGENCE_STEP_TOO_LARGE);
}

static void
test_divergence_accumulated (void)
{
  check_divergence (FALSE, SLOPE_DIVERGENCE_ACCUMULATED);
}

static void
test_step_lines (void)
{
  g_autoptr(SlopeRunner) runner = notebook_runner ();
  SlopeRunnerSnapshot snap = { 0 };

  for (guint i = 0; i < 4; i++)
    slope_runner_step_line (runner);
  slope_runner_sync (runner);
  slope_runner_read (runner, &snap);
  g_assert_cmpuint (snap.state.epoch, ==, 0);
  g_assert_cmpint (snap.state.line, ==, SLOPE_LINE_BACKWARD);
  g_assert_cmpfloat_with_epsilon (snap.state.w_grad, -18.666667, 1e-6);
  g_assert_cmpfloat (snap.state.w, ==, 0.0);

  slope_runner_step_line (runner);
  slope_runner_sync (runner);
  slope_runner_read (runner, &snap);
  g_assert_cmpuint (snap.state.epoch, ==, 1);
  g_assert_cmpfloat_with_epsilon (snap.state.w, 0.186667, 1e-6);
}

/* The ring keeps the newest lines; a slow reader loses only old ones. */
static void
test_log_ring_bounded (void)
{
  g_autoptr(SlopeRunner) runner = notebook_runner ();
  g_autoptr(GString) log = g_string_new (NULL);
  guint64 cursor = 0;
  guint n;

  slope_runner_set_speed (runner, 0);
  slope_runner_set_log_every (runner, 1);
  slope_runner_set_epochs_per_run (runner, 5000);
  slope_runner_play (runner);
  slope_runner_wait_paused (runner);

  n = slope_runner_read_log (runner, &cursor, log);
  g_assert_cmpuint (n, ==, SLOPE_LOG_RING_SIZE);
  g_assert_cmpuint (cursor, ==, 5000);
  g_assert_true (g_str_has_prefix (log->str, "Epoch 4745/5000 "));
  g_assert_nonnull (strstr (log->str, "Epoch 5000/5000 W: 2.000"));
}

static void
test_new_dataset (void)
{
  static const double x[] = { 0, 1, 2, 3 };
  static const double y[] = { 1, 1, 1, 1 };
  g_autoptr(SlopeRunner) runner = notebook_runner ();
  g_autoptr(SlopeDataset) flat = slope_dataset_new (x, y, 4, "flat");
  SlopeRunnerSnapshot snap = { 0 };

  for (guint i = 0; i < 3; i++)
    slope_runner_step_epoch (runner);
  /* An edit keeps going from the current W and b … */
  slope_runner_set_dataset (runner, flat, FALSE);
  slope_runner_step_epoch (runner);
  slope_runner_sync (runner);
  slope_runner_read (runner, &snap);
  g_assert_cmpuint (snap.state.epoch, ==, 4);

  /* … a new file starts over. */
  slope_runner_set_dataset (runner, flat, TRUE);
  slope_runner_step_epoch (runner);
  slope_runner_sync (runner);
  slope_runner_read (runner, &snap);
  g_assert_cmpuint (snap.state.epoch, ==, 1);
  /* Cost of W = b = 0 on four points at y = 1. */
  g_assert_cmpfloat (snap.state.cost, ==, 1.0);
}

static void
test_initial_applies_at_epoch_zero (void)
{
  g_autoptr(SlopeRunner) runner = notebook_runner ();
  SlopeRunnerSnapshot snap = { 0 };

  slope_runner_set_initial (runner, 3.0, -2.0);
  slope_runner_sync (runner);
  slope_runner_read (runner, &snap);
  g_assert_cmpfloat (snap.state.w, ==, 3.0);
  g_assert_cmpfloat (snap.state.b, ==, -2.0);
}

/* Quitting in the middle of an endless run stops and joins the thread. */
static void
test_stop_while_playing (void)
{
  SlopeRunner *runner = notebook_runner ();
  SlopeRunnerSnapshot snap = { 0 };

  g_autoptr(SlopeHistory) history = g_object_ref (slope_runner_get_history (runner));
  guint64 last;

  slope_runner_set_speed (runner, 0);
  slope_runner_set_epochs_per_run (runner, 100000000);
  slope_runner_play (runner);
  slope_runner_sync (runner);
  slope_runner_read (runner, &snap);
  g_assert_true (snap.playing);

  /* The last reference goes: the runner is finalized (the worker held
   * none), and the worker has stopped appending: the history it fed no
   * longer moves. */
  g_object_add_weak_pointer (G_OBJECT (runner), (gpointer *) &runner);
  g_object_unref (runner);
  g_assert_null (runner);
  last = slope_history_get_last_epoch (history);
  for (guint i = 0; i < 1000; i++)
    g_thread_yield ();
  g_assert_cmpuint (slope_history_get_last_epoch (history), ==, last);
}

/* A paced run plays only a few epochs before it is paused; no timing is
 * asserted beyond "not all of them". */
static void
test_pause (void)
{
  g_autoptr(SlopeRunner) runner = notebook_runner ();
  SlopeRunnerSnapshot snap = { 0 };

  slope_runner_set_speed (runner, 1);
  slope_runner_play (runner);
  slope_runner_pause (runner);
  slope_runner_wait_paused (runner);
  slope_runner_read (runner, &snap);
  g_assert_false (snap.playing);
  g_assert_cmpuint (snap.state.epoch, <, 1000);
  g_assert_cmpfloat (snap.speed, ==, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/runner/steps", test_steps);
  g_test_add_func ("/runner/play-runs-and-continues", test_play_runs_and_continues);
  g_test_add_func ("/runner/planned-runs", test_planned_runs);
  g_test_add_func ("/runner/lr-and-zero-grad-mid-run", test_lr_and_zero_grad_mid_run);
  g_test_add_func ("/runner/divergence/step-too-large", test_divergence_step_too_large);
  g_test_add_func ("/runner/divergence/accumulated", test_divergence_accumulated);
  g_test_add_func ("/runner/step-lines", test_step_lines);
  g_test_add_func ("/runner/log-ring-bounded", test_log_ring_bounded);
  g_test_add_func ("/runner/new-dataset", test_new_dataset);
  g_test_add_func ("/runner/initial-applies-at-epoch-zero", test_initial_applies_at_epoch_zero);
  g_test_add_func ("/runner/stop-while-playing", test_stop_while_playing);
  g_test_add_func ("/runner/pause", test_pause);

  return g_test_run ();
}
