/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-trainer-batches.c: mini-batches and optimizers inside the trainer:
 * one optimizer step per batch, the epoch's cost as the mean of its
 * batches', per-batch costs handed out, and changes mid-epoch starting the
 * epoch over. */
#include "config.h"

#include <math.h>

#include "slope-dataset.h"
#include "slope-optimizer.h"
#include "slope-trainer.h"

static SlopeTrainer *
notebook_trainer (gsize batch_size)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  SlopeTrainer *trainer = slope_trainer_new (data);

  slope_trainer_set_batching (trainer, batch_size, FALSE, 0);
  slope_trainer_reset (trainer);
  return trainer;
}

typedef struct
{
  guint  calls;
  double costs[8];
  gsize  n_batches;
} Batches;

static void
collect (const SlopeBatchRecord *rec,
         gpointer                data)
{
  Batches *b = data;

  g_assert_cmpuint (rec->batch, ==, b->calls);
  g_assert_cmpuint (rec->epoch, ==, 1);
  b->n_batches = rec->n_batches;
  b->costs[b->calls++] = rec->cost;
}

/* Batch size 1 on the lesson, worked by hand: three steps of plain SGD,
 * one point each, W = 0.513008, b = 0.223536, costs 4, 15.0544 and
 * 28.05609024. */
static void
test_batch_one_by_hand (void)
{
  g_autoptr(SlopeTrainer) trainer = notebook_trainer (1);
  Batches seen = { 0 };
  SlopeEpochRecord rec;

  g_assert_cmpuint (slope_trainer_get_n_batches (trainer), ==, 3);
  slope_trainer_set_batch_func (trainer, collect, &seen);
  slope_trainer_epoch (trainer, &rec);

  g_assert_cmpuint (seen.calls, ==, 3);
  g_assert_cmpuint (seen.n_batches, ==, 3);
  g_assert_cmpfloat_with_epsilon (seen.costs[0], 4.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (seen.costs[1], 15.0544, 1e-12);
  g_assert_cmpfloat_with_epsilon (seen.costs[2], 28.05609024, 1e-12);
  g_assert_cmpfloat_with_epsilon (rec.cost, (4.0 + 15.0544 + 28.05609024) / 3.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (rec.w, 0.513008, 1e-12);
  g_assert_cmpfloat_with_epsilon (rec.b, 0.223536, 1e-12);
  /* The last batch's own gradient. */
  g_assert_cmpfloat_with_epsilon (rec.d_w, -31.7808, 1e-12);
  g_assert_cmpfloat_with_epsilon (rec.d_b, -10.5936, 1e-12);
  g_assert_cmpuint (rec.epoch, ==, 1);
}

/* Line by line, an epoch of three batches is five lines per batch, and
 * only the last step completes it. */
static void
test_lines_per_batch (void)
{
  g_autoptr(SlopeTrainer) trainer = notebook_trainer (1);
  SlopeTrainerState st;
  SlopeEpochRecord rec;
  guint lines = 1;

  while (!slope_trainer_step_line (trainer, &rec))
    {
      lines++;
      slope_trainer_get_state (trainer, &st);
      g_assert_cmpuint (st.n_batches, ==, 3);
      g_assert_cmpuint (st.batch, ==, (lines - 1) / 5);
    }
  g_assert_cmpuint (lines, ==, 15);
  g_assert_cmpuint (rec.epoch, ==, 1);
  slope_trainer_get_state (trainer, &st);
  g_assert_cmpint (st.line, ==, SLOPE_LINE_NONE);
  g_assert_cmpuint (st.batch, ==, 0);
}

/* With all points in one batch the epoch's cost is the notebook's cost,
 * 18.666667 on the first epoch. */
static void
test_one_batch_is_the_notebook (void)
{
  g_autoptr(SlopeTrainer) trainer = notebook_trainer (0);
  Batches seen = { 0 };
  SlopeEpochRecord rec;

  slope_trainer_set_batch_func (trainer, collect, &seen);
  slope_trainer_epoch (trainer, &rec);
  g_assert_cmpuint (seen.calls, ==, 1);
  g_assert_cmpfloat (rec.cost, ==, seen.costs[0]);
  g_assert_cmpfloat_with_epsilon (rec.cost, 56.0 / 3.0, 1e-12);
}

/* Changing the optimizer half-way through an epoch starts the epoch over
 * from where it began, with a fresh optimizer: the same as changing it
 * before the epoch. */
static void
test_change_mid_epoch (void)
{
  g_autoptr(SlopeTrainer) a = notebook_trainer (1);
  g_autoptr(SlopeTrainer) b = notebook_trainer (1);
  SlopeOptimizerSettings adam;
  SlopeEpochRecord ra, rb;

  slope_optimizer_settings_init (&adam, SLOPE_OPTIMIZER_ADAM);
  slope_trainer_epoch (a, &ra);
  slope_trainer_epoch (b, &rb);

  for (guint i = 0; i < 7; i++)
    slope_trainer_step_line (a, NULL);
  slope_trainer_set_optimizer (a, &adam);
  slope_trainer_set_optimizer (b, &adam);
  slope_trainer_epoch (a, &ra);
  slope_trainer_epoch (b, &rb);

  g_assert_cmpuint (ra.epoch, ==, 2);
  g_assert_cmpfloat (ra.w, ==, rb.w);
  g_assert_cmpfloat (ra.b, ==, rb.b);
  g_assert_cmpfloat (ra.cost, ==, rb.cost);
  g_assert_cmpfloat (ra.w_grad, ==, rb.w_grad);
}

typedef struct
{
  guint  calls;
  double weighted;     /* Σ batch cost × batch size */
} Totals;

static void
add_up (const SlopeBatchRecord *rec,
        gpointer                data)
{
  Totals *t = data;

  /* 7 points in batches of 2: the last holds one. */
  t->weighted += rec->cost * (rec->batch == 3 ? 1.0 : 2.0);
  t->calls++;
}

/* Shuffled batches visit every point once per epoch, in orders that
 * change.  With lr 0 and ŷ = 1 everywhere, the squared error is 0 at the
 * first point and 1 at the six others: the batch costs always add up to 6
 * points' worth, and the epoch's mean of four batch costs is 0.875 when
 * the zero shares a batch, 0.75 when it is the batch of one. */
static void
test_shuffle_visits_every_point (void)
{
  const double x[] = { 1, 2, 3, 4, 5, 6, 7 };
  const double y[] = { 1, 0, 0, 0, 0, 0, 0 };
  g_autoptr(SlopeDataset) data = slope_dataset_new (x, y, 7, "one");
  g_autoptr(SlopeTrainer) trainer = slope_trainer_new (data);
  guint alone = 0, shared = 0;

  slope_trainer_set_lr (trainer, 0.0);
  slope_trainer_set_batching (trainer, 2, TRUE, 42);
  slope_trainer_set_initial (trainer, 0.0, 1.0);
  slope_trainer_reset (trainer);
  for (guint e = 0; e < 60; e++)
    {
      Totals t = { 0 };
      SlopeEpochRecord rec;

      slope_trainer_set_batch_func (trainer, add_up, &t);
      slope_trainer_epoch (trainer, &rec);
      g_assert_cmpuint (t.calls, ==, 4);
      g_assert_cmpfloat (t.weighted, ==, 6.0);
      if (rec.cost == 0.75)
        alone++;
      else
        {
          g_assert_cmpfloat (rec.cost, ==, 0.875);
          shared++;
        }
    }
  g_assert_cmpuint (alone, >, 0);
  g_assert_cmpuint (shared, >, alone);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trainer-batches/batch-one-by-hand", test_batch_one_by_hand);
  g_test_add_func ("/trainer-batches/lines-per-batch", test_lines_per_batch);
  g_test_add_func ("/trainer-batches/one-batch-is-the-notebook", test_one_batch_is_the_notebook);
  g_test_add_func ("/trainer-batches/change-mid-epoch", test_change_mid_epoch);
  g_test_add_func ("/trainer-batches/shuffle-visits-every-point", test_shuffle_visits_every_point);

  return g_test_run ();
}
