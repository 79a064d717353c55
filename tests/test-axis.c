/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-axis.c: tick steps, positions and labels, linear and log. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "slope-axis.h"

/* Is @step 1, 2 or 5 times a power of ten? */
static gboolean
is_nice (double step)
{
  double base = pow (10.0, floor (log10 (step) + 1e-9));
  double m = step / base;

  return fabs (m - 1.0) < 1e-9 || fabs (m - 2.0) < 1e-9 || fabs (m - 5.0) < 1e-9;
}

static void
test_nice_step (void)
{
  static const struct { double span; guint max_ticks; double step; } cases[] = {
    { 1.0, 6, 0.2 },
    { 1.0, 11, 0.1 },
    { 7.0, 6, 2.0 },
    { 7.0, 8, 1.0 },
    { 6.0, 7, 1.0 },
    { 1e-9, 6, 2e-10 },
    { 1e6, 6, 2e5 },
    { 3.7e6, 5, 1e6 },
    { 100.0, 3, 50.0 },
    { 0.003, 4, 1e-3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double step = slope_nice_step (cases[i].span, cases[i].max_ticks);

      g_assert_cmpfloat_with_epsilon (step, cases[i].step, cases[i].step * 1e-9);
    }

  /* Nothing to divide: still a usable step, never 0 or NaN. */
  g_assert_cmpfloat (slope_nice_step (0.0, 5), >, 0.0);
  g_assert_cmpfloat (slope_nice_step (NAN, 5), >, 0.0);
}

static void
check_linear (double lo,
              double hi,
              guint  max_ticks)
{
  SlopeAxis axis;
  double step;

  slope_axis_init_linear (&axis, lo, hi, max_ticks);

  g_assert_false (axis.log_scale);
  g_assert_cmpuint (axis.n_ticks, <=, max_ticks);
  if (max_ticks >= 6)
    g_assert_cmpuint (axis.n_ticks, >=, 2);
  else
    g_assert_cmpuint (axis.n_ticks, >=, 1);

  step = axis.n_ticks >= 2 ? axis.ticks[1] - axis.ticks[0] : 0.0;
  if (axis.n_ticks >= 2)
    g_assert_true (is_nice (step));

  for (guint i = 0; i < axis.n_ticks; i++)
    {
      double slack = (hi - lo) * 1e-9;

      g_assert_cmpfloat (axis.ticks[i], >=, lo - slack);
      g_assert_cmpfloat (axis.ticks[i], <=, hi + slack);
      if (i > 0)
        g_assert_cmpfloat_with_epsilon (axis.ticks[i] - axis.ticks[i - 1], step, step * 1e-6);
      g_assert_cmpstr (axis.labels[i], !=, "");
      g_assert_cmpstr (axis.labels[i], !=, "-0");
      g_assert_cmpstr (axis.labels[i], !=, "−0");
      g_assert_true (g_utf8_validate (axis.labels[i], -1, NULL));
    }
}

static void
test_linear_ticks (void)
{
  static const double ranges[][2] = {
    { 0, 1 }, { 0, 7 }, { -3, 3 }, { 1e-9, 2e-9 }, { 0, 1e6 }, { 2e6, 9.5e6 },
    { -1e6, 3e6 }, { 0.84, 3.16 }, { -0.7, 0.1 }, { 0.1, 0.9 }, { 1e-300, 3e-300 },
    { 1e15, 1e15 + 8 }, { -1e300, 1e300 }, { 12345, 12346 },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    for (guint max = 2; max <= 12; max++)
      check_linear (ranges[i][0], ranges[i][1], max);

  for (guint i = 0; i < 2000; i++)
    {
      double scale = pow (10.0, g_rand_int_range (rand, -12, 12));
      double lo = g_rand_double_range (rand, -10, 10) * scale;
      double hi = lo + g_rand_double_range (rand, 0.01, 10) * scale;

      check_linear (lo, hi, g_rand_int_range (rand, 2, 16));
    }
}

static void
check_labels (double              lo,
              double              hi,
              guint               max_ticks,
              const char * const *expected)
{
  SlopeAxis axis;

  slope_axis_init_linear (&axis, lo, hi, max_ticks);
  g_assert_cmpuint (axis.n_ticks, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < axis.n_ticks; i++)
    g_assert_cmpstr (axis.labels[i], ==, expected[i]);
}

static void
test_linear_labels (void)
{
  const char * const halves[] = { "0", "0.5", "1", "1.5", "2", NULL };
  const char * const signed_[] = { "−3", "−2", "−1", "0", "1", "2", "3", NULL };
  const char * const tenths[] = { "−0.6", "−0.4", "−0.2", "0", NULL };
  const char * const tiny[] = { "1×10⁻⁹", "1.2×10⁻⁹", "1.4×10⁻⁹", "1.6×10⁻⁹",
                                "1.8×10⁻⁹", "2×10⁻⁹", NULL };
  const char * const millions[] = { "0", "2×10⁶", "4×10⁶", "6×10⁶", "8×10⁶",
                                    "1×10⁷", NULL };
  const char * const decimals[] = { "1", "1.5", "2", "2.5", "3", NULL };

  check_labels (0, 2, 5, halves);
  check_labels (-3, 3, 7, signed_);
  check_labels (-0.7, 0.1, 5, tenths);
  check_labels (1e-9, 2e-9, 6, tiny);
  check_labels (0, 1e7, 6, millions);
  check_labels (0.84, 3.16, 6, decimals);
}

static void
test_degenerate (void)
{
  SlopeAxis axis;

  /* All values equal, or nonsense in: an axis with a span and ticks. */
  slope_axis_init_linear (&axis, 5, 5, 6);
  g_assert_cmpfloat (axis.hi, >, axis.lo);
  g_assert_cmpuint (axis.n_ticks, >=, 2);

  slope_axis_init_linear (&axis, 0, 0, 6);
  g_assert_cmpfloat (axis.hi, >, axis.lo);

  slope_axis_init_linear (&axis, NAN, INFINITY, 6);
  g_assert_true (isfinite (axis.lo) && isfinite (axis.hi));
  g_assert_cmpfloat (axis.hi, >, axis.lo);

  slope_axis_init_linear (&axis, 3, 1, 6);
  g_assert_cmpfloat (axis.lo, ==, 1);
  g_assert_cmpfloat (axis.hi, ==, 3);

  slope_axis_init_log (&axis, 0, -1, 6);
  g_assert_true (axis.log_scale);
  g_assert_cmpfloat (axis.lo, >, 0);
  g_assert_cmpfloat (axis.hi, >, axis.lo);
  g_assert_cmpuint (axis.n_ticks, >=, 2);
}

static void
test_log_wide (void)
{
  SlopeAxis axis;

  for (guint max = 2; max <= 20; max++)
    {
      slope_axis_init_log (&axis, 1e-12, 1e30, max);
      g_assert_true (axis.log_scale);
      g_assert_cmpuint (axis.n_ticks, <=, max);
      g_assert_cmpuint (axis.n_ticks, >=, 2);
      for (guint i = 0; i < axis.n_ticks; i++)
        {
          g_assert_cmpfloat (axis.ticks[i], >=, 1e-12 * (1 - 1e-9));
          g_assert_cmpfloat (axis.ticks[i], <=, 1e30 * (1 + 1e-9));
          g_assert_true (g_str_has_prefix (axis.labels[i], "10"));
        }
    }

  /* Every sixth decade: both ends and 10⁰ labelled. */
  slope_axis_init_log (&axis, 1e-12, 1e30, 8);
  g_assert_cmpuint (axis.n_ticks, ==, 8);
  g_assert_cmpstr (axis.labels[0], ==, "10⁻¹²");
  g_assert_cmpstr (axis.labels[2], ==, "10⁰");
  g_assert_cmpstr (axis.labels[7], ==, "10³⁰");

  slope_axis_init_log (&axis, 1e-12, 1e30, SLOPE_AXIS_MAX_TICKS);
  g_assert_cmpuint (axis.n_ticks, ==, 43);
  g_assert_cmpstr (axis.labels[0], ==, "10⁻¹²");
  g_assert_cmpstr (axis.labels[42], ==, "10³⁰");
}

static void
test_log_decades (void)
{
  const char * const labels[] = { "10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹", "10²" };
  SlopeAxis axis;
  gboolean has_minor_3e_2 = FALSE;

  slope_axis_init_log (&axis, 1e-3, 1e2, 10);
  g_assert_cmpuint (axis.n_ticks, ==, G_N_ELEMENTS (labels));
  for (guint i = 0; i < axis.n_ticks; i++)
    {
      g_assert_cmpfloat_with_epsilon (axis.ticks[i], pow (10.0, (int) i - 3), 1e-12 * axis.ticks[i] + 1e-18);
      g_assert_cmpstr (axis.labels[i], ==, labels[i]);
    }

  /* Minor ticks 2…9 between decades, all inside the axis. */
  g_assert_cmpuint (axis.n_minor, >, 0);
  for (guint i = 0; i < axis.n_minor; i++)
    {
      g_assert_cmpfloat (axis.minor[i], >=, axis.lo);
      g_assert_cmpfloat (axis.minor[i], <=, axis.hi);
      has_minor_3e_2 |= fabs (axis.minor[i] - 3e-2) < 1e-12;
    }
  g_assert_true (has_minor_3e_2);
}

static void
test_log_narrow (void)
{
  const char * const labels[] = { "10", "20", "50", "100" };
  SlopeAxis axis;

  /* Less than a couple of decades: 1-2-5 mantissas, plain numbers. */
  slope_axis_init_log (&axis, 10, 100, 8);
  g_assert_cmpuint (axis.n_ticks, ==, G_N_ELEMENTS (labels));
  for (guint i = 0; i < axis.n_ticks; i++)
    g_assert_cmpstr (axis.labels[i], ==, labels[i]);

  /* Within one decade, still at least two ticks inside. */
  slope_axis_init_log (&axis, 0.31, 0.93, 8);
  g_assert_cmpuint (axis.n_ticks, >=, 2);
  for (guint i = 0; i < axis.n_ticks; i++)
    {
      g_assert_cmpfloat (axis.ticks[i], >=, 0.31);
      g_assert_cmpfloat (axis.ticks[i], <=, 0.93);
    }
}

static void
test_fraction_round_trip (void)
{
  SlopeAxis linear, log_axis;

  slope_axis_init_linear (&linear, -3, 5, 6);
  slope_axis_init_log (&log_axis, 1e-12, 1e30, 8);

  g_assert_cmpfloat_with_epsilon (slope_axis_fraction (&linear, -3), 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (slope_axis_fraction (&linear, 5), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (slope_axis_fraction (&linear, 1), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (slope_axis_fraction (&log_axis, 1e-12), 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (slope_axis_fraction (&log_axis, 1e30), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (slope_axis_fraction (&log_axis, 1e9), 0.5, 1e-12);
  /* Zero and below have no place on a log axis: below its start. */
  g_assert_cmpfloat (slope_axis_fraction (&log_axis, 0.0), <, 0.0);

  for (double f = -0.5; f <= 1.5; f += 0.125)
    {
      g_assert_cmpfloat_with_epsilon (slope_axis_fraction (&linear, slope_axis_value (&linear, f)), f, 1e-12);
      g_assert_cmpfloat_with_epsilon (slope_axis_fraction (&log_axis, slope_axis_value (&log_axis, f)), f, 1e-9);
    }
}

static void
check_format (double      value,
              int         significant,
              const char *expected,
              const char *expected_unicode)
{
  char buf[64];

  slope_format_number (buf, sizeof buf, value, significant);
  g_assert_cmpstr (buf, ==, expected);
  slope_format_number_unicode (buf, sizeof buf, value, significant);
  g_assert_cmpstr (buf, ==, expected_unicode);
}

static void
test_format_number (void)
{
  char small[4];

  check_format (0.5, 6, "0.5", "0.5");
  check_format (1.98234, 4, "1.982", "1.982");
  check_format (-0.041, 4, "-0.041", "−0.041");
  check_format (-0.0, 6, "0", "0");
  check_format (0.0, 6, "0", "0");
  check_format (18.666666666666668, 6, "18.6667", "18.6667");
  check_format (12345.0, 4, "1.234e+04", "12345");
  check_format (1e30, 6, "1e+30", "1×10³⁰");
  check_format (-1.5e-9, 6, "-1.5e-09", "−1.5×10⁻⁹");
  check_format (NAN, 6, "nan", "nan");
  check_format (INFINITY, 6, "inf", "inf");
  check_format (-INFINITY, 6, "-inf", "−inf");

  /* A short buffer is truncated, never overrun. */
  slope_format_number (small, sizeof small, 123456.0, 6);
  g_assert_cmpuint (strlen (small), ==, 3);
}

static void
test_format_locale (void)
{
  char buf[64];
  SlopeAxis axis;

  /* A locale with a decimal comma must not leak into plots or readouts. */
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL
      && setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("no locale with a decimal comma installed");
      return;
    }

  slope_format_number (buf, sizeof buf, 0.5, 6);
  g_assert_cmpstr (buf, ==, "0.5");
  slope_axis_init_linear (&axis, 0, 2, 5);
  g_assert_cmpstr (axis.labels[1], ==, "0.5");
  setlocale (LC_NUMERIC, "C");
}

/* A span past DBL_MAX is measured in halves, and the step raised until
 * the ticks fit, still along 1-2-5.  By hand for ±0.9×10³⁰⁸ and six
 * ticks: half the span over five gaps is 1.8×10³⁰⁷, so 2×10³⁰⁷ first,
 * which gives nine ticks; the next step, 5×10³⁰⁷, gives three. */
static void
test_past_dbl_max (void)
{
  static const double want[] = { -5e307, 0.0, 5e307 };
  SlopeAxis axis;

  slope_axis_init_linear (&axis, -0.9e308, 0.9e308, 6);
  g_assert_cmpuint (axis.n_ticks, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    g_assert_cmpfloat_with_epsilon (axis.ticks[i], want[i], 1e-12 * 5e307);
}

/* Spacing answers for slope_axis_ensure_two_ticks(): always, never, or
 * only when loosened. */
static gboolean
spaced_always (const SlopeAxis *axis, gboolean strict, gpointer data)
{
  (*(guint *) data)++;
  return TRUE;
}

static gboolean
spaced_never (const SlopeAxis *axis, gboolean strict, gpointer data)
{
  (*(guint *) data)++;
  return FALSE;
}

static gboolean
spaced_loosely (const SlopeAxis *axis, gboolean strict, gpointer data)
{
  (*(guint *) data)++;
  return !strict;
}

/* 300 … 3700 with at most two ticks: a step of 2000 lands once, at 2000.
 * More ticks give a step of 1000: 1000, 2000, 3000. */
static void
test_two_ticks (void)
{
  SlopeAxis axis;
  guint asked = 0;

  slope_axis_init_linear (&axis, 300, 3700, 2);
  g_assert_cmpuint (axis.n_ticks, ==, 1);
  g_assert_cmpstr (axis.labels[0], ==, "2000");

  slope_axis_ensure_two_ticks (&axis, 300, 3700, 2, spaced_always, &asked);
  g_assert_cmpuint (asked, ==, 1);
  g_assert_cmpuint (axis.n_ticks, ==, 3);
  g_assert_cmpstr (axis.labels[0], ==, "1000");
  g_assert_cmpstr (axis.labels[1], ==, "2000");
  g_assert_cmpstr (axis.labels[2], ==, "3000");

  /* Two ticks already: left alone, nothing asked. */
  asked = 0;
  slope_axis_ensure_two_ticks (&axis, 300, 3700, 2, spaced_never, &asked);
  g_assert_cmpuint (asked, ==, 0);
  g_assert_cmpuint (axis.n_ticks, ==, 3);

  /* No candidate spaced: the single tick stays. */
  slope_axis_init_linear (&axis, 300, 3700, 2);
  slope_axis_ensure_two_ticks (&axis, 300, 3700, 2, spaced_never, &asked);
  g_assert_cmpuint (asked, >, 0);
  g_assert_cmpuint (axis.n_ticks, ==, 1);
  g_assert_cmpstr (axis.labels[0], ==, "2000");

  /* Spaced only when loosened: the second pass finds 1000, 2000, 3000. */
  slope_axis_init_linear (&axis, 300, 3700, 2);
  slope_axis_ensure_two_ticks (&axis, 300, 3700, 2, spaced_loosely, &asked);
  g_assert_cmpuint (axis.n_ticks, ==, 3);
  g_assert_cmpstr (axis.labels[0], ==, "1000");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/axis/nice-step", test_nice_step);
  g_test_add_func ("/axis/linear/ticks", test_linear_ticks);
  g_test_add_func ("/axis/linear/labels", test_linear_labels);
  g_test_add_func ("/axis/degenerate", test_degenerate);
  g_test_add_func ("/axis/past-dbl-max", test_past_dbl_max);
  g_test_add_func ("/axis/log/wide", test_log_wide);
  g_test_add_func ("/axis/log/decades", test_log_decades);
  g_test_add_func ("/axis/log/narrow", test_log_narrow);
  g_test_add_func ("/axis/fraction-round-trip", test_fraction_round_trip);
  g_test_add_func ("/axis/format-number", test_format_number);
  g_test_add_func ("/axis/format-locale", test_format_locale);
  g_test_add_func ("/axis/two-ticks", test_two_ticks);

  return g_test_run ();
}
