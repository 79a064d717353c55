/* SPDX-License-Identifier: GPL-3.0-or-later */
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

/* Relative closeness: |got − want| ≤ rel·|want|, and the same kind of
 * non-finite value when PyTorch's is inf or nan. */
static gboolean
close_relative (double got,
                double want,
                double rel)
{
  if (isnan (want))
    return isnan (got);
  if (isinf (want))
    return got == want;
  return fabs (got - want) <= rel * fabs (want);
}

#define assert_close_relative(got, want, rel) \
  G_STMT_START { \
    double g_ = (got), w_ = (want); \
    if (!close_relative (g_, w_, (rel))) \
      g_error ("%s = %.17g, PyTorch %.17g (relative difference %.3g > %g)", #got, g_, w_, \
               fabs (g_ - w_) / fabs (w_), (double) (rel)); \
  } G_STMT_END

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
      /* On the lesson's data the values are PyTorch's to the bit; the
       * relative bound says how far "not the same formula" would be. */
      assert_close_relative (rec.cost, accumulated[i][0], 1e-15);
      assert_close_relative (rec.w_grad, accumulated[i][1], 1e-15);
      assert_close_relative (rec.b_grad, accumulated[i][2], 1e-15);
      assert_close_relative (rec.w, accumulated[i][3], 1e-15);
      assert_close_relative (rec.b, accumulated[i][4], 1e-15);
      g_assert_cmpfloat (rec.cost, ==, accumulated[i][0]);
      g_assert_cmpfloat (rec.w, ==, accumulated[i][3]);
      g_assert_cmpfloat (rec.b, ==, accumulated[i][4]);
      /* The buffer is the running sum of the epochs' own gradients, as
       * PyTorch's grad += new grad: exactly. */
      g_assert_cmpfloat (rec.w_grad, ==, prev_w_grad + rec.d_w);
      prev_w_grad = rec.w_grad;
    }
}

/* PyTorch on generated data -------------------------------------------------
 *
 * tests/reference/datasets.txt holds PyTorch float64 trajectories on data
 * sets of 5 to 100 000 points, made by make-reference.py from the same
 * integers as make_points() below.  From 5 points up PyTorch sums in
 * another order than SlopeTrainer's pairwise sums, so the promise is 1e-12
 * relative, not the bit.
 */

static guint64
splitmix64 (guint64 *state)
{
  guint64 z;

  *state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  z = *state;
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static SlopeDataset *
make_points (guint   n,
             guint64 seed,
             gint64  slope,
             gint64  offset)
{
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  guint64 state = seed;

  for (guint i = 0; i < n; i++)
    {
      gint64 k = (gint64) (splitmix64 (&state) % 6145) - 3072;
      gint64 noise = (gint64) (splitmix64 (&state) % 8193) - 4096;

      x[i] = (double) k / 1024.0;
      y[i] = (double) (slope * k * 4 + offset * 4096 + noise) / 4096.0;
    }
  return slope_dataset_new (x, y, n, NULL);
}

typedef struct
{
  guint   checked;
  guint   same_bits;
  double  worst;        /* relative, of W, b and the cost */
  double  worst_grad;   /* relative to the size of the gradient's terms */
} Agreement;

/* @scale: the size below which a difference is rounding.  For W, b and
 * the cost it is the value itself; a gradient near the optimum is a sum of
 * terms that cancel, so there it is the sum of the terms' sizes. */
static void
compare_value (Agreement  *agreement,
               const char *what,
               guint64     epoch,
               double      got,
               double      want,
               double      scale)
{
  agreement->checked++;
  if (memcmp (&got, &want, sizeof got) == 0)
    agreement->same_bits++;
  else if (isfinite (want) && scale > 0.0)
    agreement->worst_grad = MAX (agreement->worst_grad, fabs (got - want) / MAX (scale, fabs (want)));
  else if (isfinite (want) && want != 0.0)
    agreement->worst = MAX (agreement->worst, fabs (got - want) / fabs (want));
  if (!close_relative (got, want, 1e-12) &&
      !(isfinite (want) && fabs (got - want) <= 1e-12 * scale))
    g_error ("epoch %" G_GUINT64_FORMAT " %s: %a (%.17g), PyTorch %a (%.17g)",
             epoch, what, got, got, want, want);
}

static void
check_dataset (char     **fields,
               GPtrArray *rows)
{
  guint n = (guint) g_ascii_strtoull (fields[2], NULL, 10);
  g_autoptr(SlopeDataset) data = make_points (n, g_ascii_strtoull (fields[3], NULL, 10),
                                              g_ascii_strtoll (fields[4], NULL, 10),
                                              g_ascii_strtoll (fields[5], NULL, 10));
  g_autoptr(SlopeTrainer) trainer = slope_trainer_new (data);
  Agreement agreement = { 0 };
  const double *x = slope_dataset_get_x (data);
  const double *y = slope_dataset_get_y (data);
  gboolean zero_grad = fields[7][0] == '1';
  double scale_w = 0.0, scale_b = 0.0;
  guint row = 0;

  g_assert_cmpuint (slope_dataset_get_n (data), ==, n);
  slope_trainer_set_lr (trainer, g_ascii_strtod (fields[6], NULL));
  slope_trainer_set_zero_grad (trainer, zero_grad);
  slope_trainer_set_initial (trainer, g_ascii_strtod (fields[8], NULL),
                             g_ascii_strtod (fields[9], NULL));
  slope_trainer_reset (trainer);
  for (guint r = 10; fields[r] != NULL; r++)
    {
      guint length = (guint) g_ascii_strtoull (fields[r], NULL, 10);

      slope_trainer_begin_run (trainer, length);
      for (guint e = 0; e < length; e++)
        {
          SlopeEpochRecord rec;
          g_auto(GStrv) want = NULL;

          slope_trainer_epoch (trainer, &rec);
          if (zero_grad)
            scale_w = scale_b = 0.0;
          for (guint i = 0; i < n; i++)
            {
              double res = rec.w_before * x[i] + rec.b_before - y[i];

              scale_w += 2.0 * fabs (res * x[i]) / n;
              scale_b += 2.0 * fabs (res) / n;
            }
          if (row >= rows->len)
            continue;
          want = g_strsplit (g_ptr_array_index (rows, row), " ", -1);
          if (g_ascii_strtoull (want[0], NULL, 10) != rec.epoch)
            continue;
          compare_value (&agreement, "cost", rec.epoch, rec.cost,
                         g_ascii_strtod (want[1], NULL), 0.0);
          compare_value (&agreement, "W.grad", rec.epoch, rec.w_grad,
                         g_ascii_strtod (want[2], NULL), scale_w);
          compare_value (&agreement, "b.grad", rec.epoch, rec.b_grad,
                         g_ascii_strtod (want[3], NULL), scale_b);
          compare_value (&agreement, "W", rec.epoch, rec.w, g_ascii_strtod (want[4], NULL), 0.0);
          compare_value (&agreement, "b", rec.epoch, rec.b, g_ascii_strtod (want[5], NULL), 0.0);
          row++;
        }
    }
  /* Every checkpoint was reached: the runs' lengths add up. */
  g_assert_cmpuint (row, ==, rows->len);
  g_assert_cmpuint (agreement.checked, ==, 5 * rows->len);
  g_test_message ("%s: %u points, %u of %u values identical to the bit, worst relative "
                  "difference %.3g (gradients: %.3g of their terms' size)", fields[1], n,
                  agreement.same_bits, agreement.checked, agreement.worst, agreement.worst_grad);
}

static void
test_datasets_match_pytorch (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", "datasets.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint datasets = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; ; i++)
    {
      const char *line = lines[i];

      if (line == NULL || g_str_has_prefix (line, "dataset "))
        {
          if (header != NULL)
            {
              check_dataset (header, rows);
              datasets++;
            }
          g_clear_pointer (&header, g_strfreev);
          g_ptr_array_set_size (rows, 0);
          if (line == NULL)
            break;
          header = g_strsplit (line, " ", -1);
          g_assert_cmpuint (g_strv_length (header), >=, 11);
        }
      else if (line[0] != '#' && line[0] != '\0')
        g_ptr_array_add (rows, (gpointer) line);
    }
  g_assert_cmpuint (datasets, >=, 8);
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
  /* Divergence prints every digit, as Python's str.format does in the
   * lesson: the expectation is Python's
   * '{:.3f}'.format(-1e300), pasted. */
  slope_format_log_line (buf, sizeof buf, 7, 10, INFINITY, -1e300, NAN);
  g_assert_cmpstr (buf, ==,
    "Epoch    7/10 W: inf, b: "
    "-10000000000000000525047602552044202487044685811081591549158"
    "541155118024579889081957863713750804478640437044438328838781"
    "769425232353604305756447921847867069828483872009265758037378"
    "302337947880900593689532349707999450811190389676408800746527"
    "427801424945792587888200568428381156694721963868654594005401"
    "60.000"
    " Cost: nan");
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
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/trainer/first-epoch", test_first_epoch);
  g_test_add_func ("/trainer/accumulation-matches-pytorch", test_accumulation_matches_pytorch);
  g_test_add_func ("/trainer/datasets-match-pytorch", test_datasets_match_pytorch);
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
