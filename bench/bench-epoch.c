/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-epoch.c: the cost of one training epoch, and proof it allocates
 * nothing.
 *
 * slope_trainer_epoch() is the inner loop of everything: the window runs it
 * flat out on the notebook's three points and once per frame on ten
 * million.  This measures the time per epoch and per point at N = 3, 1e3,
 * 1e6 and 1e7, how many epochs a second the three points allow, and counts
 * the heap allocations made by 1000 epochs two ways that do not go through
 * GLib: malloc() interposed in this executable, and mallinfo2().
 *
 * Run: ./build-bench/bench/bench-epoch
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>

#include "slope-dataset.h"
#include "slope-sum.h"
#include "slope-trainer.h"
#include "bench-common.h"

/* ---- Counting allocations ---------------------------------------------
 *
 * Defining malloc() and friends in the executable interposes them for
 * every library in the process, GLib included, whatever allocator vtable
 * GLib uses.  They only count and forward to glibc's own entry points.
 */

extern void *__libc_malloc (size_t size);
extern void *__libc_calloc (size_t nmemb, size_t size);
extern void *__libc_realloc (void *ptr, size_t size);
extern void  __libc_free (void *ptr);

static guint64 n_mallocs;
static guint64 n_frees;

void *
malloc (size_t size)
{
  __atomic_fetch_add (&n_mallocs, 1, __ATOMIC_RELAXED);
  return __libc_malloc (size);
}

void *
calloc (size_t nmemb,
        size_t size)
{
  __atomic_fetch_add (&n_mallocs, 1, __ATOMIC_RELAXED);
  return __libc_calloc (nmemb, size);
}

void *
realloc (void   *ptr,
         size_t  size)
{
  __atomic_fetch_add (&n_mallocs, 1, __ATOMIC_RELAXED);
  return __libc_realloc (ptr, size);
}

void
free (void *ptr)
{
  if (ptr != NULL)
    __atomic_fetch_add (&n_frees, 1, __ATOMIC_RELAXED);
  __libc_free (ptr);
}

/* ---- Helpers ------------------------------------------------------------ */

#define TARGET_REP_USEC 100000   /* each repetition runs about this long */

/* y = 2x + 1 plus a little noise, x in [-1, 1]: a well-behaved fit whose
 * numbers stay normal (no denormals, no divergence) however long it runs. */
static SlopeDataset *
make_dataset (gsize n)
{
  GRand *rand;
  double *x, *y;

  if (n == 3)
    return slope_dataset_new_notebook ();

  rand = g_rand_new_with_seed (42);
  x = g_new (double, n);
  y = g_new (double, n);
  for (gsize i = 0; i < n; i++)
    {
      x[i] = g_rand_double_range (rand, -1.0, 1.0);
      y[i] = 2.0 * x[i] + 1.0 + g_rand_double_range (rand, -0.1, 0.1);
    }
  g_rand_free (rand);

  return slope_dataset_new_take (x, y, n, NULL);
}

static SlopeTrainer *
make_trainer (SlopeDataset *dataset)
{
  SlopeTrainer *trainer = slope_trainer_new (dataset);

  slope_trainer_set_epochs_per_run (trainer, G_MAXUINT);
  slope_trainer_reset (trainer);

  return trainer;
}

/* ---- Time per epoch ----------------------------------------------------- */

/* What one repetition times: an epoch with the helper thread allowed or
 * not, or a plain streaming read of the same two arrays. */
enum { EPOCH_2_THREADS, EPOCH_1_THREAD, STREAM_READ, N_KINDS };

static const char * const kind_names[N_KINDS] = {
  "epoch", "epoch 1 thread", "stream read",
};

static double
time_reps (SlopeTrainer *trainer,
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

  return (double) t * 1e3 / (double) k; /* ns */
}

static void
bench_epoch_at (gsize n,
                guint reps)
{
  g_autoptr(SlopeDataset) dataset = make_dataset (n);
  g_autoptr(SlopeTrainer) trainer = make_trainer (dataset);
  SlopeEpochRecord rec;
  double *ns[N_KINDS], *ratio = g_new (double, reps);
  double best, median;
  guint64 k;
  gint64 t;

  for (guint kind = 0; kind < N_KINDS; kind++)
    ns[kind] = g_new (double, reps);

  /* Warm up (page in the arrays), then double the epochs per repetition
   * until one lasts a tenth of the target, and scale up to it. */
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

  /* The three kinds take turns, so a burst of load hits them alike. */
  for (guint r = 0; r < reps; r++)
    {
      for (guint kind = 0; kind < N_KINDS; kind++)
        ns[kind][r] = time_reps (trainer, dataset, kind, k);
      ratio[r] = ns[EPOCH_2_THREADS][r] / ns[STREAM_READ][r];
    }

  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      best_and_median (ns[kind], reps, &best, &median);
      printf ("%-16s N=%-9" G_GSIZE_FORMAT
              " best %12.1f ns/epoch  median %12.1f ns/epoch"
              "  best %6.3f ns/point  median %6.3f ns/point"
              "  (%u reps x %" G_GUINT64_FORMAT ")\n",
              kind_names[kind], n, best, median, best / (double) n, median / (double) n,
              reps, k);
      g_free (ns[kind]);
    }
  best_and_median (ratio, reps, &best, &median);
  printf ("epoch/read       N=%-9" G_GSIZE_FORMAT " best %12.2f          median %12.2f"
          "          (epoch with the helper over a streaming read, same repetition)\n",
          n, best, median);
  g_free (ratio);
}

/* How many epochs a second the notebook's three points run, in ~1 s. */
static void
bench_epochs_per_second (guint reps)
{
  g_autoptr(SlopeDataset) dataset = make_dataset (3);
  g_autoptr(SlopeTrainer) trainer = make_trainer (dataset);
  SlopeEpochRecord rec;
  double *rate = g_new (double, reps);
  double best, median;

  for (guint r = 0; r < reps; r++)
    {
      gint64 start = g_get_monotonic_time (), elapsed;
      guint64 done = 0;

      do
        {
          for (guint i = 0; i < 4096; i++)
            slope_trainer_epoch (trainer, &rec);
          done += 4096;
          elapsed = g_get_monotonic_time () - start;
        }
      while (elapsed < G_USEC_PER_SEC);
      /* Stored negated so the sort puts the fastest first. */
      rate[r] = -(double) done / ((double) elapsed / G_USEC_PER_SEC);
    }
  best_and_median (rate, reps, &best, &median);

  printf ("epochs/s         N=%-9d best %12.3g epochs/s   median %12.3g epochs/s"
          "   (%u reps of ~1 s)\n", 3, -best, -median, reps);
  g_free (rate);
}

/* ---- Allocations -------------------------------------------------------- */

static void
bench_allocations (gsize n,
                   guint n_epochs)
{
  g_autoptr(SlopeDataset) dataset = make_dataset (n);
  g_autoptr(SlopeTrainer) trainer = make_trainer (dataset);
  SlopeEpochRecord rec;
  struct mallinfo2 before, after;
  guint64 mallocs, frees, check;

  slope_trainer_epoch (trainer, &rec);

  before = mallinfo2 ();
  mallocs = __atomic_load_n (&n_mallocs, __ATOMIC_RELAXED);
  frees = __atomic_load_n (&n_frees, __ATOMIC_RELAXED);
  for (guint i = 0; i < n_epochs; i++)
    slope_trainer_epoch (trainer, &rec);
  mallocs = __atomic_load_n (&n_mallocs, __ATOMIC_RELAXED) - mallocs;
  frees = __atomic_load_n (&n_frees, __ATOMIC_RELAXED) - frees;
  after = mallinfo2 ();

  /* The counter must see what GLib allocates, or a zero proves nothing. */
  check = __atomic_load_n (&n_mallocs, __ATOMIC_RELAXED);
  g_free (g_strdup ("counted"));
  if (__atomic_load_n (&n_mallocs, __ATOMIC_RELAXED) == check)
    g_error ("the malloc() interposer does not see g_malloc()");

  printf ("allocations      N=%-9" G_GSIZE_FORMAT
          " %u epochs: %" G_GUINT64_FORMAT " malloc/calloc/realloc, %"
          G_GUINT64_FORMAT " free; mallinfo2 delta: uordblks %+lld B,"
          " hblkhd %+lld B, arena %+lld B\n",
          n, n_epochs, mallocs, frees,
          (long long) after.uordblks - (long long) before.uordblks,
          (long long) after.hblkhd - (long long) before.hblkhd,
          (long long) after.arena - (long long) before.arena);
}

int
main (int    argc,
      char **argv)
{
  static const gsize sizes[] = { 3, 1000, 1000000, 10000000 };

  printf ("# bench-epoch: slope_trainer_epoch(); best and median over repetitions\n");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    bench_epoch_at (sizes[i], sizes[i] >= 10000000 ? 9 : 15);
  bench_epochs_per_second (5);
  bench_allocations (3, 1000);
  bench_allocations (1000000, 1000);
  bench_allocations (10000000, 100);

  return 0;
}
