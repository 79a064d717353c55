/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-history.c: bounded memory, exact recent epochs, honest envelopes. */
#include "config.h"

#include <math.h>

#include "slope-history.h"

static void
fill (SlopeHistory *history,
      guint64       first,
      guint64       last,
      double      (*cost) (guint64))
{
  SlopeEpochRecord batch[64];
  gsize n = 0;

  for (guint64 e = first; e <= last; e++)
    {
      SlopeEpochRecord rec = { 0 };

      rec.epoch = e;
      rec.cost = cost (e);
      rec.w = (double) e;
      rec.b = -(double) e;
      batch[n++] = rec;
      if (n == G_N_ELEMENTS (batch) || e == last)
        {
          slope_history_append (history, batch, n);
          n = 0;
        }
    }
}

static double
cost_decay (guint64 e)
{
  return 100.0 * pow (0.99, (double) e);
}

static double
cost_spike (guint64 e)
{
  return e == 7777 ? 1e6 : 1.0;
}

static double
cost_diverge (guint64 e)
{
  return e < 50 ? 1.0 : e < 60 ? INFINITY : NAN;
}

static void
test_exact_then_bounded (void)
{
  g_autoptr(SlopeHistory) h = slope_history_new (16, 8);
  SlopeEpochRecord rec;
  gsize size = slope_history_get_memory_size (h);

  fill (h, 1, 1000, cost_decay);
  g_assert_cmpuint (slope_history_get_last_epoch (h), ==, 1000);
  /* Memory is fixed at creation, whatever the run length. */
  g_assert_cmpuint (slope_history_get_memory_size (h), ==, size);

  /* The last 16 epochs are exact. */
  for (guint64 e = 985; e <= 1000; e++)
    {
      g_assert_true (slope_history_lookup (h, e, &rec));
      g_assert_cmpuint (rec.epoch, ==, e);
      g_assert_cmpfloat (rec.cost, ==, cost_decay (e));
    }
  /* Older ones: the nearest stored epoch at or after it, within a bucket. */
  g_assert_true (slope_history_lookup (h, 10, &rec));
  g_assert_cmpuint (rec.epoch, >=, 10);
  g_assert_cmpuint (rec.epoch - 10, <, 1000 / 4);
  g_assert_false (slope_history_lookup (h, 0, &rec));
  g_assert_false (slope_history_lookup (h, 1001, &rec));
}

static void
test_envelope_keeps_spikes (void)
{
  g_autoptr(SlopeHistory) h = slope_history_new (4, 64);
  double lo[10], hi[10];
  gsize filled;

  fill (h, 1, 100000, cost_spike);
  filled = slope_history_envelope (h, 1, 100000, 10, lo, hi);
  g_assert_cmpuint (filled, ==, 10);
  /* Column 0 covers epochs 1…10000, which hold the spike at 7777. */
  g_assert_cmpfloat (hi[0], ==, 1e6);
  g_assert_cmpfloat (lo[0], ==, 1.0);
  for (guint c = 1; c < 10; c++)
    g_assert_cmpfloat (hi[c], ==, 1.0);
}

static void
test_envelope_empty_columns (void)
{
  g_autoptr(SlopeHistory) h = slope_history_new (4, 64);
  double lo[100], hi[100];

  fill (h, 1, 10, cost_decay);
  g_assert_cmpuint (slope_history_envelope (h, 1, 1000, 100, lo, hi), ==, 1);
  g_assert_false (isnan (lo[0]));
  g_assert_true (isnan (lo[50]));
  g_assert_true (isnan (hi[99]));
}

static void
test_divergence (void)
{
  g_autoptr(SlopeHistory) h = slope_history_new (8, 16);
  double lo[4], hi[4], min_pos, max_fin;

  fill (h, 1, 80, cost_diverge);
  g_assert_true (slope_history_cost_range (h, &min_pos, &max_fin));
  g_assert_cmpfloat (min_pos, ==, 1.0);
  g_assert_cmpfloat (max_fin, ==, 1.0);
  slope_history_envelope (h, 1, 80, 4, lo, hi);
  g_assert_cmpfloat (hi[0], ==, 1.0);
  g_assert_true (isinf (hi[3]));
}

static void
test_clear_and_path (void)
{
  g_autoptr(SlopeHistory) h = slope_history_new (8, 16);
  double w[5], b[5];
  guint64 serial = slope_history_get_serial (h);

  fill (h, 1, 100, cost_decay);
  g_assert_cmpuint (slope_history_get_serial (h), !=, serial);
  g_assert_cmpuint (slope_history_path (h, 5, w, b), ==, 5);
  g_assert_cmpfloat (w[4], ==, 100.0);
  g_assert_cmpfloat (b[4], ==, -100.0);
  g_assert_cmpfloat (w[0], <, w[1]);

  slope_history_clear (h);
  g_assert_cmpuint (slope_history_get_last_epoch (h), ==, 0);
  g_assert_false (slope_history_cost_range (h, NULL, NULL));
  fill (h, 1, 3, cost_decay);
  g_assert_cmpuint (slope_history_get_last_epoch (h), ==, 3);
}

static void
test_default_under_64_mb (void)
{
  g_autoptr(SlopeHistory) h = slope_history_new_default ();

  g_assert_cmpuint (slope_history_get_memory_size (h), <, 64u * 1024 * 1024);
}

static void
test_out_of_order_refused (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(SlopeHistory) h = slope_history_new (8, 16);
      SlopeEpochRecord rec = { .epoch = 5 };

      slope_history_append (h, &rec, 1);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*expected epoch 1, got 5*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/history/exact-then-bounded", test_exact_then_bounded);
  g_test_add_func ("/history/envelope-keeps-spikes", test_envelope_keeps_spikes);
  g_test_add_func ("/history/envelope-empty-columns", test_envelope_empty_columns);
  g_test_add_func ("/history/divergence", test_divergence);
  g_test_add_func ("/history/clear-and-path", test_clear_and_path);
  g_test_add_func ("/history/default-under-64-mb", test_default_under_64_mb);
  g_test_add_func ("/history/out-of-order-refused", test_out_of_order_refused);

  return g_test_run ();
}
