/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-sum.c: the epoch's one pass over the points, at the speed of
 * reading them.
 *
 * The order of the additions depends on n alone, never on the machine or
 * on how many threads help, so an epoch gives the same bits everywhere:
 *
 *  - below SMALL_N points, one running sum per quantity, from 0 upwards:
 *    PyTorch's own order for its sums of up to four elements, which keeps
 *    the lesson's three points bit for bit with PyTorch;
 *  - otherwise a pairwise tree: a range of more than LEAF points splits at
 *    the multiple of LEAF nearest above its middle; a leaf of at most LEAF
 *    points keeps LANES running sums, lane j taking the points i ≡ j
 *    (mod LANES) of the leaf, and adds them as
 *    ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)).
 *
 * The lanes are independent, so a leaf is one SIMD loop (GCC's vector
 * extensions: SSE2 on any x86-64, AVX2 or AVX-512 where the processor has
 * them, each lane doing the same IEEE operations, without contraction into
 * FMA).  Above POOL_MIN_N points the subtrees TASK_DEPTH levels down are
 * shared with one persistent helper thread, and added up in the tree's
 * order whoever computed them.  Nothing here allocates after the helper
 * starts, once per process.
 */
#include "config.h"

#include <string.h>

#include "slope-sum.h"

#define SMALL_N     8
#define LANES       8
#define LEAF        256
#define POOL_MIN_N  ((gsize) 1 << 17)
#define TASK_DEPTH  6
#define MAX_TASKS   (1 << TASK_DEPTH)
#define MIN_BACKOFF 16
#define MAX_BACKOFF 4096

typedef double Lanes __attribute__ ((vector_size (LANES * sizeof (double))));

/* The same loop compiled for wider vectors, picked once at load time.
 * Only on glibc, which resolves the choice through an ifunc.  Not under
 * ThreadSanitizer: it instruments the ifunc's resolver, which runs while
 * the program is relocated, before TSan's runtime is up, and crashes. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__GLIBC__) \
    && !defined(__SANITIZE_THREAD__)
#define LEAF_CLONES __attribute__ ((target_clones ("avx512f", "avx2", "default")))
#else
#define LEAF_CLONES
#endif

typedef struct
{
  const double *x;
  const double *y;
  double        w;
  double        b;
  double        inv_n;
} Job;

static inline void
add_sums (const SlopeResidualSums *lo,
          const SlopeResidualSums *hi,
          SlopeResidualSums       *out)
{
  out->r2 = lo->r2 + hi->r2;
  out->gx = lo->gx + hi->gx;
  out->g = lo->g + hi->g;
}

static inline double
add_lanes (const double *l)
{
  return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
}

/* PyTorch's operations in PyTorch's order, each rounded on its own (the
 * build turns off FMA contraction): x * W + b - y, then MeanBackward's
 * 1/N times PowBackward's 2·r. */
static void
sum_small (const Job         *job,
           gsize              n,
           SlopeResidualSums *out)
{
  double r2 = 0.0, gx = 0.0, g = 0.0;

  for (gsize i = 0; i < n; i++)
    {
      double h = job->x[i] * job->w + job->b;
      double d = h - job->y[i];
      double gi = job->inv_n * (2.0 * d);

      r2 += d * d;
      gx += gi * job->x[i];
      g += gi;
    }

  out->r2 = r2;
  out->gx = gx;
  out->g = g;
}

LEAF_CLONES
static void
sum_leaf (const double      *x,
          const double      *y,
          gsize              n,
          double             w,
          double             b,
          double             inv_n,
          SlopeResidualSums *out)
{
  Lanes r2 = { 0 }, gx = { 0 }, g = { 0 };
  double l_r2[LANES], l_gx[LANES], l_g[LANES];
  gsize i = 0;

  for (; i + LANES <= n; i += LANES)
    {
      Lanes xv, yv, h, d, gi;

      memcpy (&xv, x + i, sizeof xv);
      memcpy (&yv, y + i, sizeof yv);
      h = xv * w + b;
      d = h - yv;
      gi = inv_n * (2.0 * d);
      r2 += d * d;
      gx += gi * xv;
      g += gi;
    }

  memcpy (l_r2, &r2, sizeof l_r2);
  memcpy (l_gx, &gx, sizeof l_gx);
  memcpy (l_g, &g, sizeof l_g);

  /* The last n mod LANES points go to the first lanes, as a shorter
   * vector would have added them. */
  for (guint j = 0; i < n; i++, j++)
    {
      double h = x[i] * w + b;
      double d = h - y[i];
      double gi = inv_n * (2.0 * d);

      l_r2[j] += d * d;
      l_gx[j] += gi * x[i];
      l_g[j] += gi;
    }

  out->r2 = add_lanes (l_r2);
  out->gx = add_lanes (l_gx);
  out->g = add_lanes (l_g);
}

static inline gsize
split_point (gsize n)
{
  return (n / 2 + LEAF - 1) / LEAF * LEAF;
}

/* The recursion's depth is log2(N / LEAF): no heap, whatever N. */
static void
sum_tree (const Job         *job,
          gsize              start,
          gsize              n,
          SlopeResidualSums *out)
{
  SlopeResidualSums lo, hi;
  gsize half;

  if (n <= LEAF)
    {
      sum_leaf (job->x + start, job->y + start, n, job->w, job->b, job->inv_n, out);
      return;
    }

  half = split_point (n);
  sum_tree (job, start, half, &lo);
  sum_tree (job, start + half, n - half, &hi);
  add_sums (&lo, &hi, out);
}

/* ---- Sharing a large sum with a helper thread ---------------------------
 *
 * The tasks are the subtrees TASK_DEPTH levels below the root.  The caller
 * and the helper both take the next task from one counter, so a helper the
 * scheduler is slow to wake only takes fewer; the caller waits only for the
 * one task the helper may have started, a 64th of the sum.  (It cannot do
 * that task itself and leave: the helper would go on reading arrays the
 * caller may free.)  One caller uses the pool at a time; any
 * other computes on its own thread, with the same result.
 */

typedef struct
{
  gsize start;
  gsize n;
} Task;

typedef struct
{
  GMutex             lock;
  GCond              wake;            /* the helper waits here for work */
  GCond              done;            /* the owner waits here for the helper */
  guint              wake_generation; /* under lock */
  GThread           *helper;

  int                owned;           /* atomic: a caller is using the pool */
  guint32            generation;      /* the owner's */
  guint              skip;            /* the owner's: sums to do alone */
  guint              backoff;         /* the owner's: the next skip */

  /* Written by the owner before it publishes them through `claim`. */
  Job                job;
  Task               tasks[MAX_TASKS];
  SlopeResidualSums  results[MAX_TASKS];

  /* Atomic: generation << 32 | n_tasks << 16 | next task. */
  guint64            claim;
  guint              finished;        /* atomic */
} Pool;

static Pool pool = { .backoff = MIN_BACKOFF };
static guint max_threads;             /* atomic; 0 until first asked */
static int    reset_backoff;          /* atomic: set_max_threads was called */

static gboolean
pool_claim (guint32  generation,
            guint   *task)
{
  guint64 cur = __atomic_load_n (&pool.claim, __ATOMIC_ACQUIRE);

  for (;;)
    {
      guint next = cur & 0xFFFF;
      guint n_tasks = (cur >> 16) & 0xFFFF;

      if ((guint32) (cur >> 32) != generation || next >= n_tasks)
        return FALSE;
      if (__atomic_compare_exchange_n (&pool.claim, &cur, cur + 1, TRUE,
                                       __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        {
          *task = next;
          return TRUE;
        }
    }
}

/* Runs tasks of @generation until none is left; returns how many. */
static guint
pool_run_tasks (guint32 generation)
{
  guint task, n_done = 0;

  while (pool_claim (generation, &task))
    {
      const Task *t = &pool.tasks[task];

      sum_tree (&pool.job, t->start, t->n, &pool.results[task]);
      __atomic_fetch_add (&pool.finished, 1, __ATOMIC_RELEASE);
      n_done++;
    }
  return n_done;
}

static gpointer
pool_helper (gpointer data)
{
  guint seen = 0;

  for (;;)
    {
      g_mutex_lock (&pool.lock);
      while (pool.wake_generation == seen)
        g_cond_wait (&pool.wake, &pool.lock);
      seen = pool.wake_generation;
      g_mutex_unlock (&pool.lock);

      if (pool_run_tasks (seen) > 0)
        {
          g_mutex_lock (&pool.lock);
          g_cond_signal (&pool.done);
          g_mutex_unlock (&pool.lock);
        }
    }

  return NULL;
}

static gboolean
pool_start (void)
{
  static gsize started = 0;

  if (g_once_init_enter (&started))
    {
      g_mutex_init (&pool.lock);
      g_cond_init (&pool.wake);
      g_cond_init (&pool.done);
      /* Lives as long as the process; never joined. */
      pool.helper = g_thread_try_new ("slope-sum", pool_helper, NULL, NULL);
      g_once_init_leave (&started, 1);
    }
  return pool.helper != NULL;
}

static guint
collect_tasks (gsize  start,
               gsize  n,
               guint  depth,
               guint  k)
{
  gsize half;

  if (depth == 0 || n <= LEAF)
    {
      pool.tasks[k].start = start;
      pool.tasks[k].n = n;
      return k + 1;
    }
  half = split_point (n);
  k = collect_tasks (start, half, depth - 1, k);
  return collect_tasks (start + half, n - half, depth - 1, k);
}

/* Adds the tasks' results as sum_tree would have added them. */
static guint
combine_tasks (gsize              n,
               guint              depth,
               guint              k,
               SlopeResidualSums *out)
{
  SlopeResidualSums lo, hi;
  gsize half;

  if (depth == 0 || n <= LEAF)
    {
      *out = pool.results[k];
      return k + 1;
    }
  half = split_point (n);
  k = combine_tasks (half, depth - 1, k, &lo);
  k = combine_tasks (n - half, depth - 1, k, &hi);
  add_sums (&lo, &hi, out);
  return k;
}

static gboolean
pool_sum (const Job         *job,
          gsize              n,
          SlopeResidualSums *out)
{
  int unowned = 0;
  guint n_tasks;
  gint64 start, waiting, end;

  if (!pool_start ()
      || !__atomic_compare_exchange_n (&pool.owned, &unowned, 1, FALSE,
                                       __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
    return FALSE;

  if (__atomic_exchange_n (&reset_backoff, 0, __ATOMIC_RELAXED))
    {
      pool.skip = 0;
      pool.backoff = MIN_BACKOFF;
    }
  if (pool.skip > 0)
    {
      pool.skip--;
      __atomic_store_n (&pool.owned, 0, __ATOMIC_RELEASE);
      return FALSE;
    }

  start = g_get_monotonic_time ();
  pool.generation++;
  pool.job = *job;
  n_tasks = collect_tasks (0, n, TASK_DEPTH, 0);
  __atomic_store_n (&pool.finished, 0, __ATOMIC_RELAXED);
  __atomic_store_n (&pool.claim,
                    (guint64) pool.generation << 32 | (guint64) n_tasks << 16,
                    __ATOMIC_RELEASE);

  g_mutex_lock (&pool.lock);
  pool.wake_generation = pool.generation;
  g_cond_signal (&pool.wake);
  g_mutex_unlock (&pool.lock);

  pool_run_tasks (pool.generation);

  waiting = g_get_monotonic_time ();
  g_mutex_lock (&pool.lock);
  while (__atomic_load_n (&pool.finished, __ATOMIC_ACQUIRE) < n_tasks)
    g_cond_wait (&pool.done, &pool.lock);
  g_mutex_unlock (&pool.lock);
  end = g_get_monotonic_time ();

  combine_tasks (n, TASK_DEPTH, 0, out);

  /* On a machine with no idle core the helper may be scheduled out in the
   * middle of its task, and waiting for it costs more than it saved: then
   * go alone for a while, longer each time it happens again. */
  if (4 * (end - waiting) > end - start)
    {
      pool.skip = pool.backoff;
      pool.backoff = MIN (pool.backoff * 2, MAX_BACKOFF);
    }
  else
    pool.backoff = MIN_BACKOFF;

  __atomic_store_n (&pool.owned, 0, __ATOMIC_RELEASE);
  return TRUE;
}

/* ---- The public functions ----------------------------------------------- */

void
slope_sum_set_max_threads (guint n_threads)
{
  __atomic_store_n (&max_threads, CLAMP (n_threads, 1, 2), __ATOMIC_RELAXED);
  __atomic_store_n (&reset_backoff, 1, __ATOMIC_RELAXED);
}

guint
slope_sum_get_max_threads (void)
{
  guint n = __atomic_load_n (&max_threads, __ATOMIC_RELAXED);

  if (n == 0)
    {
      n = MIN (g_get_num_processors (), 2);
      __atomic_store_n (&max_threads, n, __ATOMIC_RELAXED);
    }
  return n;
}

void
slope_residual_sums (const double      *x,
                     const double      *y,
                     gsize              n,
                     double             w,
                     double             b,
                     double             inv_n,
                     SlopeResidualSums *out)
{
  Job job = { x, y, w, b, inv_n };

  if (n < SMALL_N)
    sum_small (&job, n, out);
  else if (n < POOL_MIN_N || slope_sum_get_max_threads () < 2 || !pool_sum (&job, n, out))
    sum_tree (&job, 0, n, out);
}
