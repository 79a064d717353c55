/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-history.c: bounded memory, exact recent epochs, honest envelopes. */
#include "config.h"

#include <math.h>
#include <string.h>

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
  /* 100 epochs in buckets of 8 (16 merged twice): 13 buckets, ending at
   * epochs 8, 16, …, 96 and 100.  Five points at most: every 4th bucket
   * (every 2nd would be 7), and the last is among them. */
  g_assert_cmpuint (slope_history_path (h, 5, w, b), ==, 4);
  g_assert_cmpfloat (w[0], ==, 8.0);
  g_assert_cmpfloat (w[1], ==, 40.0);
  g_assert_cmpfloat (w[2], ==, 72.0);
  g_assert_cmpfloat (w[3], ==, 100.0);
  g_assert_cmpfloat (b[3], ==, -100.0);

  slope_history_clear (h);
  g_assert_cmpuint (slope_history_get_last_epoch (h), ==, 0);
  g_assert_false (slope_history_cost_range (h, NULL, NULL));
  fill (h, 1, 3, cost_decay);
  g_assert_cmpuint (slope_history_get_last_epoch (h), ==, 3);
}

/* A growing run keeps the path's earlier points where they were, so the
 * landscape's cached path is drawn again only when it changed: epochs
 * 1…10 in buckets of one give buckets 0, 4, 8 and 9 (epochs 1, 5, 9 and
 * 10) for four points; epoch 11 moves only the last (0, 4, 8, 10). */
static void
test_path_keeps_points (void)
{
  g_autoptr(SlopeHistory) h = slope_history_new (8, 64);
  double w[4], b[4];

  fill (h, 1, 10, cost_decay);
  g_assert_cmpuint (slope_history_path (h, 4, w, b), ==, 4);
  g_assert_cmpfloat (w[0], ==, 1.0);
  g_assert_cmpfloat (w[1], ==, 5.0);
  g_assert_cmpfloat (w[2], ==, 9.0);
  g_assert_cmpfloat (w[3], ==, 10.0);

  fill (h, 11, 11, cost_decay);
  g_assert_cmpuint (slope_history_path (h, 4, w, b), ==, 4);
  g_assert_cmpfloat (w[0], ==, 1.0);
  g_assert_cmpfloat (w[1], ==, 5.0);
  g_assert_cmpfloat (w[2], ==, 9.0);
  g_assert_cmpfloat (w[3], ==, 11.0);

  /* One point: the last epoch. */
  g_assert_cmpuint (slope_history_path (h, 1, w, b), ==, 1);
  g_assert_cmpfloat (w[0], ==, 11.0);
}

/* The process's peak resident memory, from the kernel. */
static gsize
vm_hwm_bytes (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmHWM:");
  g_assert_nonnull (line);
  return (gsize) g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10) * 1024;
}

/* Measured, not computed: a fresh process makes the default history and
 * fills it past every merge; its peak resident memory grows by less than
 * 64 MB (about 25 MB is what ARCHITECTURE.md says). */
static void
test_default_under_64_mb (void)
{
#if defined(__SANITIZE_THREAD__)
  g_test_skip ("ThreadSanitizer's shadow memory grows the peak with every page touched");
  return;
#endif
  if (g_test_subprocess ())
    {
      gsize before = vm_hwm_bytes (), after;
      g_autoptr(SlopeHistory) h = slope_history_new_default ();

      fill (h, 1, 400000, cost_decay);
      after = vm_hwm_bytes ();
      g_test_message ("VmHWM grew by %.1f MB", (after - before) / 1048576.0);
      g_print ("VmHWM grew by %.1f MB\n", (after - before) / 1048576.0);
      g_assert_cmpuint (after - before, <, 64u * 1024 * 1024);
      /* The measurement sees the history at all: it touched its memory. */
      g_assert_cmpuint (after - before, >, 8u * 1024 * 1024);
      g_assert_cmpuint (slope_history_get_memory_size (h), <, 64u * 1024 * 1024);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*VmHWM grew by *");
}

/* The default history past 131 072 epochs, when its buckets merge: each
 * merged bucket keeps the min and max of both halves, the smallest positive
 * cost, and the later half's last record.  The spike, the dip and the tiny
 * cost (and an inf) sit in the first bucket of a pair, the half a merge
 * could drop. */
static double
cost_marked (guint64 e)
{
  return e == 1 ? 1e6 : e == 5 ? -3.0 : e == 9 ? 1e-9 : e == 100001 ? INFINITY : 1.0;
}

static void
test_merges_keep_old_extremes (void)
{
  g_autoptr(SlopeHistory) h = slope_history_new_default ();
  double lo[4], hi[4], min_pos, max_fin;
  SlopeEpochRecord rec;

  /* 300 000 epochs in 131 072 buckets: two merges, width 4. */
  fill (h, 1, 300000, cost_marked);
  g_assert_cmpuint (slope_history_envelope (h, 1, 300000, 4, lo, hi), ==, 4);
  g_assert_cmpfloat (hi[0], ==, 1e6);
  g_assert_cmpfloat (lo[0], ==, -3.0);
  /* Epoch 100 001, in the second column, was inf. */
  g_assert_true (isinf (hi[1]));
  g_assert_cmpfloat (lo[1], ==, 1.0);
  for (guint c = 2; c < 4; c++)
    {
      g_assert_cmpfloat (hi[c], ==, 1.0);
      g_assert_cmpfloat (lo[c], ==, 1.0);
    }
  g_assert_true (slope_history_cost_range (h, &min_pos, &max_fin));
  g_assert_cmpfloat (min_pos, ==, 1e-9);
  g_assert_cmpfloat (max_fin, ==, 1e6);

  /* Epoch 2 lies in the bucket of epochs 1…4: its record is epoch 4's. */
  g_assert_true (slope_history_lookup (h, 2, &rec));
  g_assert_cmpuint (rec.epoch, ==, 4);
  g_assert_cmpfloat (rec.w, ==, 4.0);
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
  g_test_add_func ("/history/path-keeps-points", test_path_keeps_points);
  g_test_add_func ("/history/default-under-64-mb", test_default_under_64_mb);
  g_test_add_func ("/history/merges-keep-old-extremes", test_merges_keep_old_extremes);
  g_test_add_func ("/history/out-of-order-refused", test_out_of_order_refused);

  return g_test_run ();
}
