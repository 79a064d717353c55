/* test-trainer.c: the notebook's loop, number for number. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-dataset.h"
#include "slope-sum.h"
#include "slope-trainer.h"

static SlopeTrainer *
notebook_trainer (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  SlopeTrainer *trainer = slope_trainer_new (data);

  slope_trainer_reset (trainer);
  return trainer;
}

/* The numbers: cost 18.666667, ∂W −18.666667, ∂b −8, then
 * W = 0.186667 and b = 0.08 after the first step. */
static void
test_first_epoch (void)
{
  g_autoptr(SlopeTrainer) trainer = notebook_trainer ();
  SlopeEpochRecord rec;

  slope_trainer_epoch (trainer, &rec);

  g_assert_cmpuint (rec.epoch, ==, 1);
  g_assert_cmpfloat_with_epsilon (rec.cost, 18.666667, 1e-6);
  g_assert_cmpfloat_with_epsilon (rec.d_w, -18.666667, 1e-6);
  g_assert_cmpfloat_with_epsilon (rec.d_b, -8.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (rec.w, 0.186667, 1e-6);
  g_assert_cmpfloat_with_epsilon (rec.b, 0.08, 1e-12);
  g_assert_cmpfloat (rec.w_before, ==, 0.0);
  g_assert_cmpfloat (rec.w_grad, ==, rec.d_w);
}

/* PyTorch float64, the notebook's loop without optimizer.zero_grad():
 * cost, W.grad, b.grad after backward, W and b after step. */
static const double accumulated[][5] = {
  { 18.666666666666668, -18.666666666666664, -8, 0.18666666666666665, 0.080000000000000002 },
  { 14.770962962962964, -35.271111111111111, -15.093333333333334, 0.53937777777777773, 0.23093333333333335 },
  { 8.6600520586008241, -47.979851851851848, -20.473955555555555, 1.0191762962962962, 0.43567288888888889 },
  { 2.9699416563325252, -55.391514864197525, -23.525904592592592, 1.5730914449382716, 0.67093193481481483 },
  { 0.15494759693760116, -56.692266972181066, -23.891674943209878, 2.1400141146600822, 0.90984868424691367 },
};

static void
test_accumulation_matches_pytorch (void)
{
  g_autoptr(SlopeTrainer) trainer = notebook_trainer ();
  double prev_w_grad = 0.0;

  slope_trainer_set_zero_grad (trainer, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (accumulated); i++)
    {
      SlopeEpochRecord rec;

      slope_trainer_epoch (trainer, &rec);
      g_assert_cmpfloat_with_epsilon (rec.cost, accumulated[i][0], 1e-12);
      g_assert_cmpfloat_with_epsilon (rec.w_grad, accumulated[i][1], 1e-12);
      g_assert_cmpfloat_with_epsilon (rec.b_grad, accumulated[i][2], 1e-12);
      g_assert_cmpfloat_with_epsilon (rec.w, accumulated[i][3], 1e-12);
      g_assert_cmpfloat_with_epsilon (rec.b, accumulated[i][4], 1e-12);
      /* The buffer is the running sum of the epochs' own gradients. */
      g_assert_cmpfloat_with_epsilon (rec.w_grad, prev_w_grad + rec.d_w, 1e-12);
      prev_w_grad = rec.w_grad;
    }
}

static void
test_zero_grad_clears (void)
{
  g_autoptr(SlopeTrainer) trainer = notebook_trainer ();

  for (guint i = 0; i < 5; i++)
    {
      SlopeEpochRecord rec;

      slope_trainer_epoch (trainer, &rec);
      g_assert_cmpfloat (rec.w_grad, ==, rec.d_w);
      g_assert_cmpfloat (rec.b_grad, ==, rec.d_b);
    }
}

static void
test_reset (void)
{
  g_autoptr(SlopeTrainer) trainer = notebook_trainer ();
  SlopeTrainerState st;

  slope_trainer_set_zero_grad (trainer, FALSE);
  for (guint i = 0; i < 7; i++)
    slope_trainer_epoch (trainer, NULL);
  slope_trainer_get_state (trainer, &st);
  g_assert_cmpuint (st.epoch, ==, 7);
  g_assert_cmpfloat (st.w_grad, !=, 0.0);

  slope_trainer_set_initial (trainer, 0.5, -1.0);
  slope_trainer_reset (trainer);
  slope_trainer_get_state (trainer, &st);
  g_assert_cmpuint (st.epoch, ==, 0);
  g_assert_cmpuint (st.run_epoch, ==, 0);
  g_assert_cmpfloat (st.w, ==, 0.5);
  g_assert_cmpfloat (st.b, ==, -1.0);
  g_assert_cmpfloat (st.w_grad, ==, 0.0);
  g_assert_cmpfloat (st.b_grad, ==, 0.0);
  g_assert_false (st.has_cost);
}

/* A run is one execution of the cell; the next continues from its W, b. */
static void
test_runs_continue (void)
{
  g_autoptr(SlopeTrainer) a = notebook_trainer ();
  g_autoptr(SlopeTrainer) b = notebook_trainer ();
  SlopeEpochRecord ra, rb;

  slope_trainer_begin_run (a, 200);
  for (guint i = 0; i < 200; i++)
    slope_trainer_epoch (a, &ra);
  g_assert_true (slope_trainer_run_finished (a));
  g_assert_cmpuint (ra.run_epoch, ==, 200);
  slope_trainer_begin_run (a, 1000);
  for (guint i = 0; i < 1000; i++)
    slope_trainer_epoch (a, &ra);
  g_assert_cmpuint (ra.run_epoch, ==, 1000);
  g_assert_cmpuint (ra.run_length, ==, 1000);
  g_assert_cmpuint (ra.epoch, ==, 1200);

  for (guint i = 0; i < 1200; i++)
    slope_trainer_epoch (b, &rb);
  g_assert_cmpfloat (ra.w, ==, rb.w);
  g_assert_cmpfloat (ra.b, ==, rb.b);

  /* Without begin_run, epoch 1001 started a second run of the default
   * length; once it finishes the next run has the configured length. */
  g_assert_cmpuint (rb.run_epoch, ==, 200);
  slope_trainer_set_epochs_per_run (b, 50);
  for (guint i = 0; i < 800; i++)
    slope_trainer_epoch (b, &rb);
  g_assert_cmpuint (rb.run_length, ==, 1000);
  g_assert_true (slope_trainer_run_finished (b));
  slope_trainer_epoch (b, &rb);
  g_assert_cmpuint (rb.run_epoch, ==, 1);
  g_assert_cmpuint (rb.run_length, ==, 50);
}

/* Stepping line by line ends where a whole epoch ends, with and without
 * optimizer.zero_grad(). */
static void
test_lines_equal_epoch (void)
{
  for (int zg = 0; zg <= 1; zg++)
    {
      g_autoptr(SlopeTrainer) a = notebook_trainer ();
      g_autoptr(SlopeTrainer) b = notebook_trainer ();
      SlopeEpochRecord ra, rb;
      SlopeTrainerState st;

      slope_trainer_set_zero_grad (a, zg);
      slope_trainer_set_zero_grad (b, zg);
      for (guint e = 0; e < 3; e++)
        {
          guint lines = 0;

          slope_trainer_epoch (a, &ra);
          while (!slope_trainer_step_line (b, &rb))
            {
              lines++;
              slope_trainer_get_state (b, &st);
              g_assert_cmpint (st.line, ==, lines);
            }
          g_assert_cmpuint (lines, ==, 4);
          g_assert_cmpfloat (ra.w, ==, rb.w);
          g_assert_cmpfloat (ra.b, ==, rb.b);
          g_assert_cmpfloat (ra.w_grad, ==, rb.w_grad);
          g_assert_cmpfloat (ra.cost, ==, rb.cost);
        }
    }
}

/* The sums must not drift with N: a million copies of the notebook's
 * points have exactly the notebook's cost and gradients up to rounding. */
static void
test_sums_large_n (void)
{
  const gsize n = 3 * 1000 * 1000;
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  SlopeResidualSums s;

  for (gsize i = 0; i < n; i++)
    {
      x[i] = 1.0 + (double) (i % 3) + 0.1;
      y[i] = 2.0 * x[i];
    }
  slope_residual_sums (x, y, n, 0.0, 0.0, 1.0 / (double) n, &s);
  /* Mean of (2x)² over x ∈ {1.1, 2.1, 3.1} is 4·(1.21 + 4.41 + 9.61)/3. */
  g_assert_cmpfloat_with_epsilon (s.r2 / (double) n, 4.0 * 15.23 / 3.0, 1e-11);
  g_assert_cmpfloat_with_epsilon (s.g, -2.0 * 2.0 * 2.1, 1e-11);
}

static void
test_cost_from_moments (void)
{
  g_autoptr(SlopeTrainer) trainer = notebook_trainer ();
  SlopeEpochRecord rec;

  slope_trainer_set_initial (trainer, 0.7, -0.3);
  slope_trainer_reset (trainer);
  slope_trainer_epoch (trainer, &rec);
  g_assert_cmpfloat_with_epsilon (slope_trainer_cost_at (trainer, 0.7, -0.3), rec.cost, 1e-12);
}

static void
test_least_squares (void)
{
  static const double x[] = { 1, 2, 3, 4 };
  static const double y[] = { 3.1, 4.9, 7.2, 8.8 };
  static const double same[] = { 2, 2, 2 };
  g_autoptr(SlopeDataset) data = slope_dataset_new (x, y, 4, NULL);
  g_autoptr(SlopeDataset) flat = slope_dataset_new (same, y, 3, NULL);
  double w, b, r2;

  g_assert_true (slope_dataset_least_squares (data, &w, &b, &r2));
  g_assert_cmpfloat_with_epsilon (w, 1.94, 1e-12);
  g_assert_cmpfloat_with_epsilon (b, 1.15, 1e-12);
  g_assert_cmpfloat (r2, >, 0.99);
  g_assert_false (slope_dataset_least_squares (flat, &w, &b, &r2));
}

/* The limits for the notebook's data: 2/λmax ≈ 0.180 and
 * 4/λmax ≈ 0.361, and the trainer agrees on either side of them. */
static gboolean
diverges (double   lr,
          gboolean zero_grad,
          guint    epochs)
{
  g_autoptr(SlopeTrainer) trainer = notebook_trainer ();
  SlopeEpochRecord rec = { 0 };

  slope_trainer_set_lr (trainer, lr);
  slope_trainer_set_zero_grad (trainer, zero_grad);
  for (guint i = 0; i < epochs; i++)
    slope_trainer_epoch (trainer, &rec);
  return !isfinite (rec.cost) || fabs (rec.w) > 1e6;
}

static void
test_stable_lr (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  double lr2, lr4;

  g_assert_true (slope_dataset_stable_lr (data, &lr2, &lr4));
  g_assert_cmpfloat_with_epsilon (lr2, 0.180, 0.0005);
  g_assert_cmpfloat_with_epsilon (lr4, 0.361, 0.0005);

  g_assert_false (diverges (lr2 * 0.98, TRUE, 20000));
  g_assert_true (diverges (lr2 * 1.02, TRUE, 20000));
  g_assert_false (diverges (lr4 * 0.98, FALSE, 20000));
  g_assert_true (diverges (lr4 * 1.02, FALSE, 20000));
}

static void
test_log_line (void)
{
  char buf[SLOPE_LOG_LINE_MAX];

  slope_format_log_line (buf, sizeof buf, 100, 1000, 1.8421, 0.35849, 0.0184829);
  g_assert_cmpstr (buf, ==, "Epoch  100/1000 W: 1.842, b: 0.358 Cost: 0.018483");
  /* Divergence prints what C prints, digits and all. */
  {
    char expected[SLOPE_LOG_LINE_MAX];

    g_snprintf (expected, sizeof expected, "Epoch    7/10 W: inf, b: %.3f Cost: %.6f", -1e300, NAN);
    slope_format_log_line (buf, sizeof buf, 7, 10, INFINITY, -1e300, NAN);
    g_assert_cmpstr (buf, ==, expected);
    g_assert_cmpuint (strlen (buf), >, 300);
  }
  /* Python's format() writes every NaN as "nan", sign bit or not, where
   * C writes "-nan"; a diverged run's NaN usually has it set. */
  slope_format_log_line (buf, sizeof buf, 400, 2000, -NAN, NAN, -NAN);
  g_assert_cmpstr (buf, ==, "Epoch  400/2000 W: nan, b: nan Cost: nan");
  slope_format_log_line (buf, sizeof buf, 1, 2, -INFINITY, INFINITY, INFINITY);
  g_assert_cmpstr (buf, ==, "Epoch    1/2 W: -inf, b: inf Cost: inf");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trainer/first-epoch", test_first_epoch);
  g_test_add_func ("/trainer/accumulation-matches-pytorch", test_accumulation_matches_pytorch);
  g_test_add_func ("/trainer/zero-grad-clears", test_zero_grad_clears);
  g_test_add_func ("/trainer/reset", test_reset);
  g_test_add_func ("/trainer/runs-continue", test_runs_continue);
  g_test_add_func ("/trainer/lines-equal-epoch", test_lines_equal_epoch);
  g_test_add_func ("/trainer/sums-large-n", test_sums_large_n);
  g_test_add_func ("/trainer/cost-from-moments", test_cost_from_moments);
  g_test_add_func ("/trainer/least-squares", test_least_squares);
  g_test_add_func ("/trainer/stable-lr", test_stable_lr);
  g_test_add_func ("/trainer/log-line", test_log_line);

  return g_test_run ();
}
