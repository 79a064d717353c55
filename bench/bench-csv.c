/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-csv.c: loading a ten-million-row CSV file.
 *
 * Opening a big file is the first thing a person does with ten million
 * points, and the loader runs it on a worker thread while the window
 * shows progress.  This writes such a file (two columns of doubles in
 * shortest round-trip form, as pandas writes them, plus a header) to a
 * temporary folder, loads it with slope_csv_load() several times and
 * reports the seconds, the MB/s, and the memory: the resident and peak
 * (VmHWM, reset before each load) growth against the 16 bytes a point
 * the dataset itself needs.  The folder is removed afterwards.
 *
 * Run: ./build-bench/bench/bench-csv [rows]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "slope-csv.h"
#include "slope-dataset.h"
#include "bench-common.h"

#define DEFAULT_ROWS 10000000u
#define REPS         5

/* Writes @n_rows of "x,y" with a header; returns the file's size. */
static gsize
write_csv (const char *path,
           guint       n_rows)
{
  FILE *f = fopen (path, "w");
  GRand *rand = g_rand_new_with_seed (7);
  char xs[G_ASCII_DTOSTR_BUF_SIZE], ys[G_ASCII_DTOSTR_BUF_SIZE];
  long size;

  if (f == NULL)
    g_error ("cannot write %s", path);
  fputs ("x,y\n", f);
  for (guint i = 0; i < n_rows; i++)
    {
      double x = g_rand_double_range (rand, -100.0, 100.0);
      double y = 2.0 * x + 1.0 + g_rand_double_range (rand, -5.0, 5.0);

      fputs (g_ascii_dtostr (xs, sizeof xs, x), f);
      fputc (',', f);
      fputs (g_ascii_dtostr (ys, sizeof ys, y), f);
      fputc ('\n', f);
    }
  size = ftell (f);
  if (fclose (f) != 0)
    g_error ("cannot write %s", path);
  g_rand_free (rand);

  return (gsize) size;
}

typedef struct
{
  double seconds;
  double cpu_seconds;
  double rss_mb;      /* resident growth with the dataset still held */
  double peak_mb;     /* peak growth during the load */
  double anon_mb;     /* anonymous (heap) growth with the dataset held */
} LoadResult;

static void
load_once (GFile      *file,
           guint       n_rows,
           LoadResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = NULL;
  gint64 rss0, anon0, t;
  double cpu;

  if (!reset_peak_rss ())
    g_printerr ("cannot reset VmHWM; the peak includes earlier loads\n");
  rss0 = proc_status_kb ("VmRSS");
  anon0 = proc_status_kb ("RssAnon");

  cpu = process_cpu_seconds ();
  t = g_get_monotonic_time ();
  dataset = slope_csv_load (file, NULL, &report, NULL, NULL, NULL, &error);
  t = g_get_monotonic_time () - t;
  cpu = process_cpu_seconds () - cpu;
  if (dataset == NULL)
    g_error ("load failed: %s", error->message);
  if (slope_dataset_get_n (dataset) != n_rows)
    g_error ("loaded %" G_GSIZE_FORMAT " rows of %u", slope_dataset_get_n (dataset), n_rows);

  result->seconds = (double) t / G_USEC_PER_SEC;
  result->cpu_seconds = cpu;
  result->rss_mb = (proc_status_kb ("VmRSS") - rss0) / 1024.0;
  result->anon_mb = (proc_status_kb ("RssAnon") - anon0) / 1024.0;
  result->peak_mb = (proc_status_kb ("VmHWM") - rss0) / 1024.0;
}

int
main (int    argc,
      char **argv)
{
  guint n_rows = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : DEFAULT_ROWS;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("slope-bench-csv-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  double seconds[REPS], cpu[REPS], rss[REPS], peak[REPS], anon[REPS];
  double best, median, cpu_best, cpu_median, rss_best, rss_median, peak_best, peak_median, anon_best, anon_median;
  double dataset_mb = n_rows * 16.0 / 1048576.0, file_mb;
  gint64 t;

  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "points.csv", NULL);
  file = g_file_new_for_path (path);

  t = g_get_monotonic_time ();
  file_mb = write_csv (path, n_rows) / 1048576.0;
  printf ("# bench-csv: slope_csv_load(), %u rows, %.1f MB file (written in %.1f s)\n",
          n_rows, file_mb, (double) (g_get_monotonic_time () - t) / G_USEC_PER_SEC);

  for (guint r = 0; r < REPS; r++)
    {
      LoadResult res;

      load_once (file, n_rows, &res);
      seconds[r] = res.seconds;
      cpu[r] = res.cpu_seconds;
      rss[r] = res.rss_mb;
      peak[r] = res.peak_mb;
      anon[r] = res.anon_mb;
    }

  g_unlink (path);
  g_rmdir (dir);

  best_and_median (seconds, REPS, &best, &median);
  best_and_median (cpu, REPS, &cpu_best, &cpu_median);
  best_and_median (rss, REPS, &rss_best, &rss_median);
  best_and_median (peak, REPS, &peak_best, &peak_median);
  best_and_median (anon, REPS, &anon_best, &anon_median);

  printf ("csv load         N=%-9u best %6.3f s (%6.1f MB/s, %5.1f M rows/s)"
          "  median %6.3f s (%6.1f MB/s)  (%d reps)\n",
          n_rows, best, file_mb / best, n_rows / best / 1e6, median, file_mb / median, REPS);
  printf ("csv load CPU     N=%-9u best %6.3f s (%6.1f MB/s)  median %6.3f s (%6.1f MB/s)\n",
          n_rows, cpu_best, file_mb / cpu_best, cpu_median, file_mb / cpu_median);
  printf ("csv memory       N=%-9u dataset needs %.1f MB (16 B/point);"
          " RSS growth held: min %.1f / median %.1f MB;"
          " anon growth held: min %.1f / median %.1f MB;"
          " peak growth while loading: min %.1f / median %.1f MB (%.1f B/point)\n",
          n_rows, dataset_mb, rss_best, rss_median, anon_best, anon_median,
          peak_best, peak_median, peak_median * 1048576.0 / n_rows);

  return 0;
}
