/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-slope.c: Slope's side of bench/compare.
 *
 * bench/compare generates the data, runs the peers (PyTorch, pandas) in
 * Python and this program for Slope, on the same files in the same run,
 * and divides.  Each command prints one line of JSON per measurement so
 * the script reads them without guessing at formats.
 *
 *   bench-slope epoch X.f64 Y.f64 REPS      epochs (with and without the
 *                                           helper thread) and a streaming
 *                                           read of the same arrays, taking
 *                                           turns, per repetition
 *   bench-slope trajectory X.f64 Y.f64 K    W and b after K epochs of the
 *                                           lesson's SGD from 0, 0 (hex)
 *   bench-slope write-csv X.f64 Y.f64 OUT   x,y in shortest round-trip form
 *   bench-slope csv FILE REPS               slope_csv_load, wall and CPU
 *                                           seconds, and a hash of the bits
 *
 * .f64 files are raw little-endian doubles, as numpy's tofile() writes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slope-csv.h"
#include "slope-dataset.h"
#include "slope-sum.h"
#include "slope-trainer.h"
#include "bench-common.h"

#define TARGET_REP_USEC 200000

static SlopeDataset *
load_arrays (const char *x_path,
             const char *y_path)
{
  g_autoptr(GError) error = NULL;
  char *x = NULL, *y = NULL;
  gsize x_len, y_len;

  if (!g_file_get_contents (x_path, &x, &x_len, &error)
      || !g_file_get_contents (y_path, &y, &y_len, &error))
    g_error ("%s", error->message);
  if (x_len != y_len || x_len % sizeof (double) != 0 || x_len == 0)
    g_error ("%s and %s: not two arrays of doubles of one length", x_path, y_path);

  return slope_dataset_new_take ((double *) x, (double *) y, x_len / sizeof (double), NULL);
}

static SlopeTrainer *
lesson_trainer (SlopeDataset *dataset)
{
  SlopeTrainer *trainer = slope_trainer_new (dataset);

  slope_trainer_set_epochs_per_run (trainer, G_MAXUINT);
  slope_trainer_reset (trainer);
  return trainer;
}

enum { EPOCH, EPOCH_1_THREAD, STREAM_READ, N_KINDS };
static const char * const kind_names[] = { "epoch", "epoch_1_thread", "stream_read" };

static double
time_kind (SlopeTrainer *trainer,
           SlopeDataset *dataset,
           guint         kind,
           guint64       k)
{
  const double *x = slope_dataset_get_x (dataset), *y = slope_dataset_get_y (dataset);
  gsize n = slope_dataset_get_n (dataset);
  volatile double sink = 0.0;
  SlopeEpochRecord rec;
  gint64 t;

  slope_sum_set_max_threads (kind == EPOCH_1_THREAD ? 1 : 2);
  t = g_get_monotonic_time ();
  for (guint64 i = 0; i < k; i++)
    {
      if (kind == STREAM_READ)
        sink += stream_read (x, y, n);
      else
        slope_trainer_epoch (trainer, &rec);
    }
  t = g_get_monotonic_time () - t;
  slope_sum_set_max_threads (2);
  (void) sink;
  return (double) t * 1e3 / (double) k;
}

static void
command_epoch (const char *x_path,
               const char *y_path,
               guint       reps)
{
  g_autoptr(SlopeDataset) dataset = load_arrays (x_path, y_path);
  g_autoptr(SlopeTrainer) trainer = lesson_trainer (dataset);
  SlopeEpochRecord rec;
  guint64 k;
  gint64 t;

  /* Epochs per repetition: enough for TARGET_REP_USEC. */
  slope_trainer_epoch (trainer, &rec);
  for (k = 1; ; k *= 2)
    {
      t = g_get_monotonic_time ();
      for (guint64 i = 0; i < k; i++)
        slope_trainer_epoch (trainer, &rec);
      t = g_get_monotonic_time () - t;
      if (t >= TARGET_REP_USEC / 10)
        break;
    }
  k = MAX (k * TARGET_REP_USEC / MAX (t, 1), 1);

  for (guint r = 0; r < reps; r++)
    for (guint kind = 0; kind < N_KINDS; kind++)
      printf ("{\"kind\": \"%s\", \"n\": %" G_GSIZE_FORMAT ", \"rep\": %u, \"epochs\": %"
              G_GUINT64_FORMAT ", \"ns\": %.1f}\n",
              kind_names[kind], slope_dataset_get_n (dataset), r, k,
              time_kind (trainer, dataset, kind, k));
}

static void
command_trajectory (const char *x_path,
                    const char *y_path,
                    guint       n_epochs)
{
  g_autoptr(SlopeDataset) dataset = load_arrays (x_path, y_path);
  g_autoptr(SlopeTrainer) trainer = lesson_trainer (dataset);
  SlopeEpochRecord rec = { 0 };

  for (guint i = 0; i < n_epochs; i++)
    slope_trainer_epoch (trainer, &rec);
  printf ("{\"kind\": \"trajectory\", \"epochs\": %u, \"w\": \"%a\", \"b\": \"%a\", \"cost\": \"%a\"}\n",
          n_epochs, rec.w, rec.b, rec.cost);
}

static void
command_write_csv (const char *x_path,
                   const char *y_path,
                   const char *out_path)
{
  g_autoptr(SlopeDataset) dataset = load_arrays (x_path, y_path);
  const double *x = slope_dataset_get_x (dataset), *y = slope_dataset_get_y (dataset);
  char xs[G_ASCII_DTOSTR_BUF_SIZE], ys[G_ASCII_DTOSTR_BUF_SIZE];
  FILE *f = fopen (out_path, "w");

  if (f == NULL)
    g_error ("cannot write %s", out_path);
  fputs ("x,y\n", f);
  for (gsize i = 0; i < slope_dataset_get_n (dataset); i++)
    fprintf (f, "%s,%s\n", g_ascii_dtostr (xs, sizeof xs, x[i]), g_ascii_dtostr (ys, sizeof ys, y[i]));
  if (fclose (f) != 0)
    g_error ("cannot write %s", out_path);
}

/* The sum of the arrays' bit patterns modulo 2^64, as numpy computes it
 * with .view(np.uint64).sum(): equal hashes, equal numbers (in practice). */
static guint64
bits_hash (const double *v,
           gsize         n)
{
  guint64 h = 0, bits;

  for (gsize i = 0; i < n; i++)
    {
      memcpy (&bits, &v[i], sizeof bits);
      h += bits;
    }
  return h;
}

static void
command_csv (const char *path,
             guint       reps)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint r = 0; r < reps; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SlopeDataset) dataset = NULL;
      double cpu;
      gint64 t;
      gsize n;

      reset_peak_rss ();
      cpu = process_cpu_seconds ();
      t = g_get_monotonic_time ();

      dataset = slope_csv_load (file, NULL, NULL, NULL, NULL, NULL, &error);
      t = g_get_monotonic_time () - t;
      cpu = process_cpu_seconds () - cpu;
      if (dataset == NULL)
        g_error ("%s", error->message);
      n = slope_dataset_get_n (dataset);
      printf ("{\"kind\": \"csv\", \"rep\": %u, \"rows\": %" G_GSIZE_FORMAT
              ", \"seconds\": %.4f, \"cpu_seconds\": %.4f, \"x_hash\": %" G_GUINT64_FORMAT
              ", \"y_hash\": %" G_GUINT64_FORMAT ", \"peak_rss_kb\": %" G_GINT64_FORMAT "}\n",
              r, n, t / 1e6, cpu, bits_hash (slope_dataset_get_x (dataset), n),
              bits_hash (slope_dataset_get_y (dataset), n), proc_status_kb ("VmHWM"));
      fflush (stdout);
    }
}

int
main (int    argc,
      char **argv)
{
  if (argc == 5 && strcmp (argv[1], "epoch") == 0)
    command_epoch (argv[2], argv[3], (guint) atoi (argv[4]));
  else if (argc == 5 && strcmp (argv[1], "trajectory") == 0)
    command_trajectory (argv[2], argv[3], (guint) atoi (argv[4]));
  else if (argc == 5 && strcmp (argv[1], "write-csv") == 0)
    command_write_csv (argv[2], argv[3], argv[4]);
  else if (argc == 4 && strcmp (argv[1], "csv") == 0)
    command_csv (argv[2], (guint) atoi (argv[3]));
  else
    {
      fprintf (stderr, "usage: %s epoch|trajectory X.f64 Y.f64 N | write-csv X.f64 Y.f64 OUT"
               " | csv FILE REPS\n", argv[0]);
      return 2;
    }
  return 0;
}
