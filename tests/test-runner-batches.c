/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-runner-batches.c: the training thread with an optimizer and
 * mini-batches, and the per-batch costs it hands to the window.  Waits
 * only on the runner's own condition (sync). */
#include "config.h"

#include <math.h>

#include "slope-dataset.h"
#include "slope-runner.h"

static SlopeRunner *
notebook_runner (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();

  return slope_runner_new (data);
}

/* Batch size 1, two epochs: six batches, with the hand-worked costs of
 * the first epoch (4, 15.0544, 28.05609024, as in test-trainer-batches). */
static void
test_batch_costs (void)
{
  g_autoptr(SlopeRunner) runner = notebook_runner ();
  SlopeBatchRecord recs[16];
  SlopeRunnerSnapshot snap;
  guint64 cursor = 0;
  gsize n;

  slope_runner_set_batching (runner, 1, FALSE, 0);
  slope_runner_step_epoch (runner);
  slope_runner_step_epoch (runner);
  slope_runner_sync (runner);

  n = slope_runner_read_batches (runner, &cursor, recs, G_N_ELEMENTS (recs));
  g_assert_cmpuint (n, ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_assert_cmpuint (recs[i].epoch, ==, 1 + i / 3);
      g_assert_cmpuint (recs[i].batch, ==, i % 3);
      g_assert_cmpuint (recs[i].n_batches, ==, 3);
    }
  g_assert_cmpfloat_with_epsilon (recs[0].cost, 4.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (recs[1].cost, 15.0544, 1e-12);
  g_assert_cmpfloat_with_epsilon (recs[2].cost, 28.05609024, 1e-12);
  g_assert_cmpfloat_with_epsilon (recs[2].w, 0.513008, 1e-12);

  /* Nothing new until more is trained. */
  g_assert_cmpuint (slope_runner_read_batches (runner, &cursor, recs, 16), ==, 0);
  g_assert_true (slope_runner_read (runner, &snap));
  g_assert_cmpuint (snap.state.epoch, ==, 2);
  g_assert_cmpuint (snap.state.n_batches, ==, 3);

  /* A reset forgets them. */
  slope_runner_reset (runner);
  slope_runner_sync (runner);
  cursor = 0;
  g_assert_cmpuint (slope_runner_read_batches (runner, &cursor, recs, 16), ==, 0);
}

/* The ring keeps the newest SLOPE_BATCH_RING_SIZE, read in pieces. */
static void
test_batch_ring_bounded (void)
{
  g_autoptr(SlopeRunner) runner = notebook_runner ();
  g_autofree SlopeBatchRecord *recs = g_new (SlopeBatchRecord, 1000);
  guint64 epochs = SLOPE_BATCH_RING_SIZE / 3 + 100, cursor = 0, total = 0, last_epoch = 0;
  gsize n;

  slope_runner_set_batching (runner, 1, TRUE, 5);
  slope_runner_set_lr (runner, 0.001);
  for (guint64 i = 0; i < epochs; i++)
    slope_runner_step_epoch (runner);
  slope_runner_sync (runner);

  while ((n = slope_runner_read_batches (runner, &cursor, recs, 1000)) > 0)
    {
      total += n;
      last_epoch = recs[n - 1].epoch;
      g_assert_cmpuint (n, <=, 1000);
    }
  g_assert_cmpuint (total, ==, SLOPE_BATCH_RING_SIZE);
  g_assert_cmpuint (last_epoch, ==, epochs);
}

/* The optimizer set through the runner is the one the trainer uses. */
static void
test_optimizer (void)
{
  g_autoptr(SlopeRunner) runner = notebook_runner ();
  SlopeOptimizerSettings adam;
  SlopeRunnerSnapshot snap;

  slope_optimizer_settings_init (&adam, SLOPE_OPTIMIZER_ADAM);
  slope_runner_set_optimizer (runner, &adam);
  slope_runner_set_lr (runner, 0.1);
  slope_runner_step_epoch (runner);
  slope_runner_sync (runner);
  g_assert_true (slope_runner_read (runner, &snap));
  g_assert_cmpint (snap.state.optimizer, ==, SLOPE_OPTIMIZER_ADAM);
  g_assert_cmpfloat (snap.state.opt_state.step, ==, 1.0f);
  /* Adam's first step is lr against the gradient's sign. */
  g_assert_cmpfloat_with_epsilon (snap.state.w, 0.1, 1e-8);
  g_assert_cmpfloat_with_epsilon (snap.state.b, 0.1, 1e-8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/runner-batches/batch-costs", test_batch_costs);
  g_test_add_func ("/runner-batches/ring-bounded", test_batch_ring_bounded);
  g_test_add_func ("/runner-batches/optimizer", test_optimizer);

  return g_test_run ();
}
