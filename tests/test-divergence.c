/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-divergence.c: the runner pauses a run when it starts diverging,
 * and never one inside the stable limit.
 *
 * The epochs are PyTorch's: the first epoch whose cost reaches ten times
 * the first epoch's, found by running the lesson's loop in torch (float64).
 * The limits are worked by hand from the Hessian (2/3)·[[14, 6], [6, 3]]:
 * λmax = 11.09294, so 2/λmax = 0.180295 and 4/λmax = 0.360590.
 */
#include "config.h"

#include <math.h>

#include "slope-dataset.h"
#include "slope-runner.h"

typedef struct
{
  double   lr;
  gboolean zero_grad;
  guint64  pause_epoch;   /* 0: must run all 1000 epochs */
} Case;

static void
run_case (const Case          *c,
          SlopeRunnerSnapshot *snap)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autoptr(SlopeRunner) runner = slope_runner_new (data);

  slope_runner_set_speed (runner, 0);
  slope_runner_set_lr (runner, c->lr);
  slope_runner_set_zero_grad (runner, c->zero_grad);
  slope_runner_play (runner);
  slope_runner_wait_paused (runner);
  slope_runner_read (runner, snap);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  SlopeRunnerSnapshot snap = { 0 };

  run_case (c, &snap);
  g_assert_false (snap.playing);
  if (c->pause_epoch == 0)
    {
      g_assert_cmpint (snap.divergence, ==, SLOPE_DIVERGENCE_NONE);
      g_assert_cmpuint (snap.state.epoch, ==, 1000);
      return;
    }

  g_assert_cmpint (snap.divergence, ==, c->zero_grad ? SLOPE_DIVERGENCE_STEP_TOO_LARGE
                                                    : SLOPE_DIVERGENCE_ACCUMULATED);
  g_assert_cmpuint (snap.diverged_epoch, ==, c->pause_epoch);
  g_assert_cmpuint (snap.state.epoch, ==, c->pause_epoch);
  g_assert_cmpfloat (snap.diverged_lr, ==, c->lr);
  g_assert_cmpfloat_with_epsilon (snap.diverged_limit, c->zero_grad ? 0.18030 : 0.36059, 1e-5);
  g_assert_cmpfloat_with_epsilon (snap.diverged_start_cost, 18.666666666666668, 1e-12);
  g_assert_cmpfloat (snap.diverged_cost, >=, 10 * 18.666666666666668);
  g_assert_true (isfinite (snap.state.w));
  /* 2/(λmin + λmax) = 2/(2·14/3 + 2) = 3/17. */
  g_assert_cmpfloat_with_epsilon (snap.suggested_lr, 3.0 / 17.0, 1e-15);
  g_assert_false (snap.scaling_advised);
}

/* zero_grad off at 0.01 swings for ever but stays bounded: no pause, and
 * one note, at epoch 6 where PyTorch's cost first rises. */
static void
test_unsettled (void)
{
  Case c = { 0.01, FALSE, 0 };
  SlopeRunnerSnapshot snap = { 0 };

  run_case (&c, &snap);
  g_assert_cmpint (snap.divergence, ==, SLOPE_DIVERGENCE_NONE);
  g_assert_cmpuint (snap.unsettled_epoch, ==, 6);

  c.zero_grad = TRUE;
  run_case (&c, &snap);
  g_assert_cmpuint (snap.unsettled_epoch, ==, 0);
}

/* Play again after the pause: it runs on, and stops once more at the
 * first epoch whose numbers overflow, not at the end of the run.  PyTorch
 * (float64, lr 0.4) first prints a cost of inf at epoch 287, while W and
 * b are still finite (1.3×10¹⁵⁴ and 5.7×10¹⁵³). */
static void
test_play_on_to_overflow (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autoptr(SlopeRunner) runner = slope_runner_new (data);
  SlopeRunnerSnapshot snap = { 0 };

  slope_runner_set_speed (runner, 0);
  slope_runner_set_lr (runner, 0.4);
  slope_runner_play (runner);
  slope_runner_wait_paused (runner);
  slope_runner_read (runner, &snap);
  g_assert_cmpuint (snap.state.epoch, ==, 2);

  slope_runner_play (runner);
  slope_runner_wait_paused (runner);
  slope_runner_read (runner, &snap);
  g_assert_cmpuint (snap.state.epoch, ==, 287);
  g_assert_true (isinf (snap.state.cost));
  g_assert_true (isfinite (snap.state.w) && isfinite (snap.state.b));
  g_assert_cmpuint (snap.diverged_epoch, ==, 2);
}

/* Raising the rate past the limit on a run that had converged pauses it
 * too; judged from the cost when the rate went past, not the first. */
static void
test_raised_mid_run (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autoptr(SlopeRunner) runner = slope_runner_new (data);
  SlopeRunnerSnapshot snap = { 0 };

  slope_runner_set_speed (runner, 0);
  slope_runner_set_lr (runner, 0.1);
  for (guint i = 0; i < 300; i++)
    slope_runner_step_epoch (runner);
  slope_runner_set_lr (runner, 0.2);
  slope_runner_play (runner);
  slope_runner_wait_paused (runner);
  slope_runner_read (runner, &snap);

  g_assert_cmpint (snap.divergence, ==, SLOPE_DIVERGENCE_STEP_TOO_LARGE);
  g_assert_cmpuint (snap.diverged_epoch, >, 301);
  g_assert_cmpfloat (snap.diverged_start_cost, <, 1e-3);
  g_assert_cmpfloat (snap.diverged_cost, >=, 10 * snap.diverged_start_cost);

  /* After a reset the run is judged afresh. */
  slope_runner_reset (runner);
  slope_runner_set_lr (runner, 0.17);
  slope_runner_play (runner);
  slope_runner_wait_paused (runner);
  slope_runner_read (runner, &snap);
  g_assert_cmpint (snap.divergence, ==, SLOPE_DIVERGENCE_NONE);
  g_assert_cmpuint (snap.diverged_epoch, ==, 0);
}

/* x in the thousands: the runner says the data calls for scaling. */
static void
test_scaling_advised (void)
{
  static const double x[] = { 500, 1200, 1800, 2500, 3000 };
  static const double y[] = { 120000, 230000, 330000, 420000, 560000 };
  g_autoptr(SlopeDataset) data = slope_dataset_new (x, y, 5, "houses");
  g_autoptr(SlopeRunner) runner = slope_runner_new (data);
  SlopeRunnerSnapshot snap = { 0 };

  slope_runner_set_speed (runner, 0);
  slope_runner_play (runner);
  slope_runner_wait_paused (runner);
  slope_runner_read (runner, &snap);
  g_assert_cmpint (snap.divergence, ==, SLOPE_DIVERGENCE_STEP_TOO_LARGE);
  g_assert_cmpuint (snap.diverged_epoch, <=, 3);
  g_assert_true (snap.scaling_advised);
}

static const Case cases[] = {
  /* Past 2/λmax = 0.1803. */
  { 0.2, TRUE, 7 },
  { 0.4, TRUE, 2 },
  { 0.19, TRUE, 13 },
  { 0.181, TRUE, 150 },
  /* Inside it. */
  { 0.18, TRUE, 0 },
  { 0.17, TRUE, 0 },
  { 0.01, TRUE, 0 },
  /* Without zero_grad: past 4/λmax = 0.3606 … */
  { 0.37, FALSE, 3 },
  { 0.4, FALSE, 2 },
  /* … and inside, though its cost swings up to 600 times the first. */
  { 0.36, FALSE, 0 },
  { 0.01, FALSE, 0 },
};

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/divergence/lr-%g%s", cases[i].lr,
                                               cases[i].zero_grad ? "" : "-no-zero-grad");
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/divergence/unsettled", test_unsettled);
  g_test_add_func ("/divergence/play-on-to-overflow", test_play_on_to_overflow);
  g_test_add_func ("/divergence/raised-mid-run", test_raised_mid_run);
  g_test_add_func ("/divergence/scaling-advised", test_scaling_advised);

  return g_test_run ();
}
