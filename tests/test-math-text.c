/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-math-text.c: the math panel's text, line by line through the
 * notebook's first epoch, with a real trainer.
 *
 * The panel promises that a number appears only once the line computing it
 * has run, so every step checks both what must be there and what must not
 * be there yet.  Numbers are six significant digits with a real minus
 * sign (U+2212), as slope_format_number_unicode (…, 6) writes them.
 */
#include "config.h"

#include <pango/pango.h>
#include <string.h>

#include "slope-axis.h"
#include "slope-dataset.h"
#include "slope-math-text.h"
#include "slope-scaling.h"
#include "slope-trainer.h"

#define MINUS "\u2212"

typedef struct
{
  SlopeDataset *data;
  SlopeTrainer *trainer;
  SlopeTrainerState state;
  double        w_before;
  double        b_before;
  gboolean      completed;
} Stepper;

static void
stepper_init (Stepper      *s,
              SlopeDataset *data)
{
  s->data = g_object_ref (data);
  s->trainer = slope_trainer_new (data);
  slope_trainer_reset (s->trainer);
  slope_trainer_get_state (s->trainer, &s->state);
  s->w_before = s->state.w;
  s->b_before = s->state.b;
}

static void
stepper_clear (Stepper *s)
{
  g_clear_object (&s->trainer);
  g_clear_object (&s->data);
}

/* Runs one line and keeps what the window would pass: mid-epoch W and b
 * are still the ones the hypotheses used; after the step the record has
 * them. */
static void
stepper_line (Stepper *s)
{
  SlopeEpochRecord rec;

  s->completed = slope_trainer_step_line (s->trainer, &rec);
  slope_trainer_get_state (s->trainer, &s->state);
  if (s->completed)
    {
      s->w_before = rec.w_before;
      s->b_before = rec.b_before;
    }
  else
    {
      s->w_before = s->state.w;
      s->b_before = s->state.b;
    }
}

static char *
stepper_plain (Stepper *s)
{
  return slope_math_plain (&s->state, s->w_before, s->b_before, s->data,
                           SLOPE_MATH_DEFAULT_MAX_POINTS);
}

static char *
stepper_markup (Stepper *s)
{
  return slope_math_markup (&s->state, s->w_before, s->b_before, s->data,
                            SLOPE_MATH_DEFAULT_MAX_POINTS);
}

#define assert_has(text, what)                                                  \
  G_STMT_START {                                                                \
    if (strstr ((text), (what)) == NULL)                                        \
      g_error ("expected \"%s\" in:\n%s", (what), (text));                      \
  } G_STMT_END

#define assert_lacks(text, what)                                                \
  G_STMT_START {                                                                \
    if (strstr ((text), (what)) != NULL)                                        \
      g_error ("did not expect \"%s\" in:\n%s", (what), (text));                \
  } G_STMT_END

/* The markup parses, and says exactly what the plain text says. */
static void
assert_markup_matches (Stepper *s)
{
  g_autofree char *markup = stepper_markup (s);
  g_autofree char *plain = stepper_plain (s);
  g_autofree char *parsed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, &parsed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (parsed, ==, plain);
}

static void
test_fresh (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autofree char *plain = NULL;
  Stepper s = { 0 };

  stepper_init (&s, data);
  plain = stepper_plain (&s);
  assert_has (plain, "Epoch 1 / 1000");
  assert_has (plain, "not started");
  assert_has (plain, "ŷ₁\t= W·x₁ + b\t= 0 · 1 + 0\t= —\ty₁ = 2");
  assert_has (plain, "cost\t= (1/N) Σ (ŷᵢ − yᵢ)²\t\t= —");
  assert_has (plain, "W\t← W − lr·W.grad\t\t= —");
  assert_markup_matches (&s);
  stepper_clear (&s);
}

/* The notebook's first epoch: W = b = 0, lr = 0.01, x = 1, 2, 3, y = 2, 4, 6. */
static void
test_first_epoch (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  Stepper s = { 0 };
  char *plain;

  stepper_init (&s, data);

  stepper_line (&s);
  g_assert_cmpint (s.state.line, ==, SLOPE_LINE_PREDICT);
  plain = stepper_plain (&s);
  assert_has (plain, "after hypothesis = …");
  assert_has (plain, "ŷ₁\t= W·x₁ + b\t= 0 · 1 + 0\t= 0\ty₁ = 2");
  assert_has (plain, "ŷ₃\t= W·x₃ + b\t= 0 · 3 + 0\t= 0\ty₃ = 6");
  assert_has (plain, "cost\t= (1/N) Σ (ŷᵢ − yᵢ)²\t\t= —\tN = 3");
  assert_lacks (plain, "18.6667");
  assert_lacks (plain, MINUS "8");
  assert_lacks (plain, "0.186667");
  assert_lacks (plain, "0.08");
  assert_lacks (plain, "more point");
  assert_markup_matches (&s);
  g_free (plain);

  stepper_line (&s);
  g_assert_cmpint (s.state.line, ==, SLOPE_LINE_COST);
  plain = stepper_plain (&s);
  assert_has (plain, "cost\t= (1/N) Σ (ŷᵢ − yᵢ)²\t\t= 18.6667\tN = 3");
  assert_has (plain, "∂cost/∂W\t= (2/N) Σ (ŷᵢ − yᵢ)·xᵢ\t\t= —");
  assert_has (plain, "W.grad\t= 0 + ∂cost/∂W\t\t= —");
  assert_lacks (plain, MINUS "18.6667");
  assert_lacks (plain, MINUS "8");
  assert_lacks (plain, "0.186667");
  assert_markup_matches (&s);
  g_free (plain);

  stepper_line (&s);
  g_assert_cmpint (s.state.line, ==, SLOPE_LINE_ZERO_GRAD);
  plain = stepper_plain (&s);
  assert_has (plain, "W.grad\t\t\t= 0\tcleared by zero_grad()");
  assert_has (plain, "b.grad\t\t\t= 0\tcleared by zero_grad()");
  assert_has (plain, "∂cost/∂b\t= (2/N) Σ (ŷᵢ − yᵢ)\t\t= —");
  assert_lacks (plain, MINUS "18.6667");
  assert_lacks (plain, MINUS "8");
  assert_markup_matches (&s);
  g_free (plain);

  stepper_line (&s);
  g_assert_cmpint (s.state.line, ==, SLOPE_LINE_BACKWARD);
  plain = stepper_plain (&s);
  assert_has (plain, "∂cost/∂W\t= (2/N) Σ (ŷᵢ − yᵢ)·xᵢ\t\t= " MINUS "18.6667");
  assert_has (plain, "∂cost/∂b\t= (2/N) Σ (ŷᵢ − yᵢ)\t\t= " MINUS "8");
  assert_has (plain, "W.grad\t= 0 + ∂cost/∂W\t= 0 + (" MINUS "18.6667)\t= " MINUS "18.6667");
  assert_has (plain, "b.grad\t= 0 + ∂cost/∂b\t= 0 + (" MINUS "8)\t= " MINUS "8");
  assert_has (plain, "W\t← W − lr·W.grad\t= 0 − 0.01 · (" MINUS "18.6667)\t= —");
  assert_lacks (plain, "0.186667");
  assert_lacks (plain, "0.08");
  assert_markup_matches (&s);
  g_free (plain);

  stepper_line (&s);
  g_assert_true (s.completed);
  g_assert_cmpint (s.state.line, ==, SLOPE_LINE_NONE);
  plain = stepper_plain (&s);
  assert_has (plain, "Epoch 1 / 1000");
  assert_has (plain, "after optimizer.step()");
  /* The numbers. */
  assert_has (plain, "18.6667");
  assert_has (plain, MINUS "18.6667");
  assert_has (plain, MINUS "8");
  assert_has (plain, "0.186667");
  assert_has (plain, "0.08");
  /* The hypotheses stay those of the completed epoch. */
  assert_has (plain, "ŷ₂\t= W·x₂ + b\t= 0 · 2 + 0\t= 0\ty₂ = 4");
  assert_has (plain, "W\t← W − lr·W.grad\t= 0 − 0.01 · (" MINUS "18.6667)\t= 0.186667");
  assert_has (plain, "b\t← b − lr·b.grad\t= 0 − 0.01 · (" MINUS "8)\t= 0.08");
  assert_lacks (plain, "= —");
  assert_markup_matches (&s);
  g_free (plain);

  /* The next epoch's prediction uses the new W and b. */
  stepper_line (&s);
  plain = stepper_plain (&s);
  assert_has (plain, "Epoch 2 / 1000");
  assert_has (plain, "ŷ₁\t= W·x₁ + b\t= 0.186667 · 1 + 0.08\t= 0.266667\ty₁ = 2");
  g_free (plain);

  stepper_clear (&s);
}

/* Without zero_grad the buffers are running sums, and the panel says so. */
static void
test_accumulating (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  Stepper s = { 0 };
  double sum_w = 0.0, sum_b = 0.0;

  stepper_init (&s, data);
  slope_trainer_set_zero_grad (s.trainer, FALSE);

  for (guint epoch = 0; epoch < 4; epoch++)
    {
      for (guint line = 0; line < 5; line++)
        {
          g_autofree char *plain = NULL;
          char held[64], gradient[64], total[64], expected[256];

          stepper_line (&s);
          plain = stepper_plain (&s);
          if (s.state.line == SLOPE_LINE_ZERO_GRAD)
            {
              slope_format_number_unicode (total, sizeof total, sum_w, 6);
              g_snprintf (expected, sizeof expected,
                          "W.grad\t\t\t= %s\tnot cleared: zero_grad() is off", total);
              assert_has (plain, expected);
            }
          if (s.state.line != SLOPE_LINE_BACKWARD)
            continue;

          slope_format_number_unicode (held, sizeof held, sum_w, 6);
          sum_w += s.state.d_w;
          sum_b += s.state.d_b;
          g_assert_cmpfloat (s.state.w_grad, ==, sum_w);
          g_assert_cmpfloat (s.state.b_grad, ==, sum_b);

          slope_format_number_unicode (gradient, sizeof gradient, s.state.d_w, 6);
          slope_format_number_unicode (total, sizeof total, sum_w, 6);
          g_snprintf (expected, sizeof expected,
                      "W.grad\t= W.grad + ∂cost/∂W\t= %s + (%s)\t= %s\t",
                      held, gradient, total);
          assert_has (plain, expected);
          slope_format_number_unicode (total, sizeof total, sum_b, 6);
          g_snprintf (expected, sizeof expected, "\t= %s\trunning sum", total);
          assert_has (plain, expected);
          assert_has (plain, "running sum: zero_grad() is off");
        }
      g_assert_true (s.completed);
    }

  stepper_clear (&s);
}

static SlopeDataset *
make_line_dataset (gsize n)
{
  double *x = g_new (double, n);
  double *y = g_new (double, n);

  for (gsize i = 0; i < n; i++)
    {
      x[i] = (double) (i + 1);
      y[i] = 2.0 * (double) (i + 1) + 1.0;
    }
  return slope_dataset_new_take (x, y, n, NULL);
}

static void
test_ten_points_all_shown (void)
{
  g_autoptr(SlopeDataset) data = make_line_dataset (10);
  g_autofree char *plain = NULL;
  Stepper s = { 0 };

  stepper_init (&s, data);
  slope_trainer_epoch (s.trainer, NULL);
  slope_trainer_get_state (s.trainer, &s.state);
  plain = stepper_plain (&s);
  assert_has (plain, "ŷ₁₀\t");
  assert_has (plain, "y₁₀ = 21");
  assert_lacks (plain, "more point");
  stepper_clear (&s);
}

static void
test_twelve_points_truncated (void)
{
  g_autoptr(SlopeDataset) data = make_line_dataset (12);
  g_autofree char *plain = NULL;
  Stepper s = { 0 };

  stepper_init (&s, data);
  stepper_line (&s);
  plain = stepper_plain (&s);
  assert_has (plain, "ŷ₁\t");
  assert_has (plain, "ŷ₅\t");
  assert_lacks (plain, "ŷ₆");
  assert_lacks (plain, "ŷ₁₂");
  assert_has (plain, "…\t\tand 7 more points");
  assert_has (plain, "N = 12");
  assert_markup_matches (&s);
  stepper_clear (&s);
}

/* Only the shown points are visited: the rest comes from the state. */
static void
test_ten_million_points (void)
{
  g_autoptr(SlopeDataset) data = make_line_dataset (10000000);
  g_autofree char *plain = NULL;
  Stepper s = { 0 };

  stepper_init (&s, data);
  for (guint i = 0; i < 5; i++)
    stepper_line (&s);
  g_assert_true (s.completed);
  plain = stepper_plain (&s);
  assert_has (plain, "ŷ₅\t= W·x₅ + b\t= 0 · 5 + 0\t= 0\ty₅ = 11");
  assert_has (plain, "…\t\tand 9999995 more points");
  assert_has (plain, "N = 10000000");
  assert_lacks (plain, "ŷ₆");
  assert_markup_matches (&s);
  stepper_clear (&s);
}

/* A diverged run shows inf and nan, and its markup still parses. */
static void
test_diverged (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autofree char *plain = NULL;
  Stepper s = { 0 };

  stepper_init (&s, data);
  slope_trainer_set_lr (s.trainer, 10.0);
  for (guint i = 0; i < 2000 && !slope_state_diverged (&s.state); i++)
    stepper_line (&s);
  while (!s.completed)
    stepper_line (&s);
  g_assert_true (slope_state_diverged (&s.state));
  plain = stepper_plain (&s);
  g_assert_true (strstr (plain, "inf") != NULL || strstr (plain, "nan") != NULL);
  assert_markup_matches (&s);
  stepper_clear (&s);
}

/* Between epochs the learning rate may already be the next epoch's; the
 * record's state shows the one the step used. */
static void
test_apply_record (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autoptr(SlopeTrainer) trainer = slope_trainer_new (data);
  g_autofree char *plain = NULL;
  SlopeTrainerState state;
  SlopeEpochRecord rec;

  slope_trainer_reset (trainer);
  slope_trainer_epoch (trainer, &rec);
  slope_trainer_set_lr (trainer, 0.05);
  slope_trainer_set_zero_grad (trainer, FALSE);
  slope_trainer_get_state (trainer, &state);
  g_assert_cmpfloat (state.lr, ==, 0.05);

  slope_math_state_apply_record (&state, &rec);
  g_assert_cmpfloat (state.lr, ==, 0.01);
  g_assert_true (state.zero_grad);
  plain = slope_math_plain (&state, rec.w_before, rec.b_before, data,
                            SLOPE_MATH_DEFAULT_MAX_POINTS);
  assert_has (plain, "0 − 0.01 · (" MINUS "18.6667)\t= 0.186667");
  assert_has (plain, "cleared by zero_grad() first");
  assert_lacks (plain, "0.05");
}

/* Standardised houses (sizes around 1 812.5 m², prices around 300 000):
 * the panel writes the transformation with its numbers, calls the trained
 * variables x′ and y′, and gives the line in the data's units as well.
 * The points here are already scaled (−1, −1) and (1, 1): one epoch at
 * lr = 0.01 from 0 gives W = 0.02, b = 0 by hand, which is the line
 * ŷ = (100 000 · 0.02 / 702.3) x + 300 000 − 1 812.5 · that slope,
 * 2.847785846504343x + 294838.38815321086 (worked in Python), written to
 * the legend's four digits. */
static void
test_scaled (void)
{
  static const double x[] = { -1.0, 1.0 };
  static const double y[] = { -1.0, 1.0 };
  static const SlopeScaling standardise = {
    SLOPE_SCALE_STANDARDIZE, 1812.5, 702.3, 300000.0, 100000.0
  };
  static const SlopeScaling centre = {
    SLOPE_SCALE_CENTER, 1812.5, 1.0, 300000.0, 1.0
  };
  static const SlopeScaling none = SLOPE_SCALING_IDENTITY;
  g_autoptr(SlopeDataset) data = slope_dataset_new (x, y, 2, NULL);
  g_autofree char *plain = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *parsed = NULL;
  g_autofree char *centred = NULL;
  g_autofree char *unscaled = NULL;
  Stepper s = { 0 };

  stepper_init (&s, data);
  while (!s.completed)
    stepper_line (&s);
  slope_math_text_build (&s.state, s.w_before, s.b_before, data, &standardise,
                         SLOPE_MATH_DEFAULT_MAX_POINTS, &markup, &plain);
  g_test_message ("%s", plain);
  assert_has (plain, "Standardised");
  assert_has (plain, "x′\t= (x − 1812.5) / 702.3\n");
  assert_has (plain, "y′\t= (y − 300000) / 100000\n");
  assert_has (plain, "ŷ′₁\t= W·x′₁ + b\t= 0 · (" MINUS "1) + 0\t= 0\ty′₁ = " MINUS "1");
  assert_has (plain, "cost\t= (1/N) Σ (ŷ′ᵢ − y′ᵢ)²");
  assert_has (plain, "∂cost/∂W\t= (2/N) Σ (ŷ′ᵢ − y′ᵢ)·x′ᵢ\t\t= " MINUS "2");
  assert_has (plain, "ŷ′\t= W·x′ + b\t\t= 0.02·x′ + 0");
  assert_has (plain, "\tthe same line in x and y\t\t= 2.848x + 294838\tthe line drawn now");
  assert_lacks (plain, "W·x₁");
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, &parsed, NULL, NULL));
  g_assert_cmpstr (parsed, ==, plain);

  slope_math_text_build (&s.state, s.w_before, s.b_before, data, &centre,
                         SLOPE_MATH_DEFAULT_MAX_POINTS, NULL, &centred);
  assert_has (centred, "Centred");
  assert_has (centred, "x′\t= x − 1812.5\n");
  assert_has (centred, "y′\t= y − 300000\n");

  /* None: the notebook's own names, no transformation. */
  slope_math_text_build (&s.state, s.w_before, s.b_before, data, &none,
                         SLOPE_MATH_DEFAULT_MAX_POINTS, NULL, &unscaled);
  assert_lacks (unscaled, "′");
  assert_has (unscaled, "ŷ₁\t= W·x₁ + b");
  stepper_clear (&s);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/math-text/fresh", test_fresh);
  g_test_add_func ("/math-text/first-epoch", test_first_epoch);
  g_test_add_func ("/math-text/accumulating", test_accumulating);
  g_test_add_func ("/math-text/ten-points", test_ten_points_all_shown);
  g_test_add_func ("/math-text/twelve-points", test_twelve_points_truncated);
  g_test_add_func ("/math-text/ten-million-points", test_ten_million_points);
  g_test_add_func ("/math-text/diverged", test_diverged);
  g_test_add_func ("/math-text/apply-record", test_apply_record);
  g_test_add_func ("/math-text/scaled", test_scaled);

  return g_test_run ();
}
