/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-runner.c: training flat out through the worker thread, and the
 * memory a very long run needs.
 *
 * At speed 0 the window's runner runs epochs as fast as it can, with every
 * epoch appended to the SlopeHistory, a log line formatted every
 * log_every epochs and the state published every ~8 ms.  This measures the
 * epochs per second that whole path sustains on the notebook's three
 * points, with the default log interval and with logging effectively off,
 * and then runs 100 million epochs to check that the history stays bounded:
 * the peak RSS (VmHWM) must not grow with the run's length.
 *
 * Run: ./build-bench/bench/bench-runner
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "slope-dataset.h"
#include "slope-history.h"
#include "slope-runner.h"
#include "bench-common.h"

#define RATE_EPOCHS  20000000u
#define LONG_EPOCHS 100000000u

/* Runs @n_epochs from a reset; returns the wall time in seconds, and the
 * CPU time (the worker's, essentially: the caller only waits) in @cpu. */
static double
run_epochs (SlopeRunner *runner,
            guint        n_epochs,
            double      *cpu)
{
  SlopeRunnerSnapshot snap = { 0 };
  gint64 t;

  slope_runner_reset (runner);
  slope_runner_set_epochs_per_run (runner, n_epochs);
  slope_runner_sync (runner);

  *cpu = process_cpu_seconds ();
  t = g_get_monotonic_time ();
  slope_runner_play (runner);
  slope_runner_wait_paused (runner);
  t = g_get_monotonic_time () - t;
  *cpu = process_cpu_seconds () - *cpu;

  slope_runner_read (runner, &snap);
  if (snap.state.epoch != n_epochs)
    g_error ("ran %" G_GUINT64_FORMAT " epochs, expected %u", snap.state.epoch, n_epochs);
  if (slope_history_get_last_epoch (slope_runner_get_history (runner)) != n_epochs)
    g_error ("the history ends at epoch %" G_GUINT64_FORMAT,
             slope_history_get_last_epoch (slope_runner_get_history (runner)));

  return (double) t / G_USEC_PER_SEC;
}

static void
bench_rate (const char *what,
            guint       log_every,
            guint       reps)
{
  g_autoptr(SlopeDataset) dataset = slope_dataset_new_notebook ();
  g_autoptr(SlopeRunner) runner = slope_runner_new (dataset);
  g_autoptr(GString) log = g_string_new (NULL);
  double *seconds = g_new (double, reps);
  double *cpu = g_new (double, reps);
  double best, median, cpu_best, cpu_median;
  guint64 cursor = 0;

  slope_runner_set_speed (runner, 0.0);
  slope_runner_set_log_every (runner, log_every);

  for (guint r = 0; r < reps; r++)
    {
      seconds[r] = run_epochs (runner, RATE_EPOCHS, &cpu[r]);
      /* Drain the log ring as the window would (outside the timing). */
      slope_runner_read_log (runner, &cursor, log);
      g_string_truncate (log, 0);
    }
  best_and_median (seconds, reps, &best, &median);
  best_and_median (cpu, reps, &cpu_best, &cpu_median);

  printf ("runner %-17s N=%-9d %u epochs: best %6.3f s (%6.2f M epochs/s)"
          "  median %6.3f s (%6.2f M epochs/s)  (%u reps)\n",
          what, 3, RATE_EPOCHS, best, RATE_EPOCHS / best / 1e6,
          median, RATE_EPOCHS / median / 1e6, reps);
  printf ("runner %-17s N=%-9d CPU time: best %6.3f s (%6.2f M epochs/s)"
          "  median %6.3f s (%6.2f M epochs/s)\n",
          what, 3, cpu_best, RATE_EPOCHS / cpu_best / 1e6,
          cpu_median, RATE_EPOCHS / cpu_median / 1e6);
  g_free (seconds);
  g_free (cpu);
  slope_runner_stop (runner);
}

/* One 100-million-epoch run; the peak RSS must not depend on its length. */
static void
bench_long_run (void)
{
  g_autoptr(SlopeDataset) dataset = slope_dataset_new_notebook ();
  g_autoptr(SlopeRunner) runner = slope_runner_new (dataset);
  gsize history_bytes = slope_history_get_memory_size (slope_runner_get_history (runner));
  gint64 hwm_start = proc_status_kb ("VmHWM");
  gint64 rss_start = proc_status_kb ("VmRSS");
  gint64 hwm_mid, hwm_end, rss_end;
  double first, second, first_cpu, second_cpu;

  slope_runner_set_speed (runner, 0.0);

  /* Half the run, then the whole run again: a history that grew with the
   * epochs would show a higher peak the second time. */
  first = run_epochs (runner, LONG_EPOCHS / 2, &first_cpu);
  hwm_mid = proc_status_kb ("VmHWM");
  second = run_epochs (runner, LONG_EPOCHS, &second_cpu);
  hwm_end = proc_status_kb ("VmHWM");
  rss_end = proc_status_kb ("VmRSS");

  printf ("runner long run  N=%-9d %u epochs in %.2f s (%.2f M epochs/s, CPU %.2f s);"
          " %u epochs in %.2f s (CPU %.2f s)\n",
          3, LONG_EPOCHS, second, LONG_EPOCHS / second / 1e6, second_cpu,
          LONG_EPOCHS / 2, first, first_cpu);
  printf ("runner memory    N=%-9d history %.1f MB (allocated at creation);"
          " VmRSS %.1f -> %.1f MB; VmHWM %.1f MB at start, %.1f MB after %u epochs,"
          " %.1f MB after %u\n",
          3, history_bytes / 1048576.0, rss_start / 1024.0, rss_end / 1024.0,
          hwm_start / 1024.0, hwm_mid / 1024.0, LONG_EPOCHS / 2,
          hwm_end / 1024.0, LONG_EPOCHS);
  slope_runner_stop (runner);
}

int
main (int    argc,
      char **argv)
{
  printf ("# bench-runner: SlopeRunner at speed 0, notebook data; best and median\n");
  printf ("process start    VmHWM %.1f MB\n", proc_status_kb ("VmHWM") / 1024.0);
  bench_long_run ();
  bench_rate ("(log every 100)", SLOPE_DEFAULT_LOG_EVERY, 5);
  bench_rate ("(log off)", G_MAXUINT, 5);

  return 0;
}
