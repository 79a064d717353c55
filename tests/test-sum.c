/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sum.c: the epoch's sums keep PyTorch's order for a few points,
 * follow their documented order bit for bit at any size and with any
 * number of threads, and stay within 1e-12 of the exact sums.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-sum.h"

static gboolean
same_bits (double a,
           double b)
{
  return memcmp (&a, &b, sizeof a) == 0;
}

static void
assert_same_sums (const SlopeResidualSums *a,
                  const SlopeResidualSums *b)
{
  if (!same_bits (a->r2, b->r2) || !same_bits (a->gx, b->gx) || !same_bits (a->g, b->g))
    g_error ("sums differ: r2 %a / %a, gx %a / %a, g %a / %a",
             a->r2, b->r2, a->gx, b->gx, a->g, b->g);
}

/* Four points where adding in pairs would give other bits than PyTorch's
 * running sum in all three sums.  Expected values printed by PyTorch 1.13
 * (float64): torch.mean((x * W + b - y) ** 2), W.grad, b.grad. */
static void
test_pytorch_four_points (void)
{
  static const double x[] = { 0x1.89374bc6a7efap-9, 0x1.3c0c1fc8f3238p+0,
                              0x1.47ae147ae147bp-7, 0x1.16872b020c49cp-6 };
  static const double y[] = { 0x1.999999999999ap-3, 0x1.0000000000000p-1,
                              0x1.6872b020c49bbp-7, 0x1.999999999999ap-5 };
  SlopeResidualSums s;

  slope_residual_sums (x, y, 4, 0.37, -0.21, 1.0 / 4.0, &s);
  g_assert_true (same_bits (s.r2 / 4.0, 0x1.5f20142a0eed9p-4));
  g_assert_true (same_bits (s.gx, -0x1.4801bd3993090p-3));
  g_assert_true (same_bits (s.g, -0x1.2213ae32add22p-1));
}

/* PyTorch forms each term as (1/N)·(2·r): 2·r first, which overflows for
 * a residual past DBL_MAX/2 even when the term itself would not.  PyTorch
 * (float64) on x = 0 … 0 and y = 0 … 0, −1e308 from W = b = 0 prints
 * cost inf, W.grad nan, b.grad inf for N = 3 and N = 9; (2/N)·r would give
 * b a finite gradient.  Three points take the short loop; of nine, the
 * last is one left over after the vector lanes. */
static void
test_pytorch_overflow_order (void)
{
  static const double x[9] = { 0 };
  double y[9] = { 0 };

  for (gsize n = 3; n <= 9; n += 6)
    {
      SlopeResidualSums s;

      y[n - 1] = -1e308;
      slope_residual_sums (x, y, n, 0.0, 0.0, 1.0 / (double) n, &s);
      g_assert_true (isinf (s.r2) && s.r2 > 0.0);
      g_assert_true (isnan (s.gx));
      g_assert_true (isinf (s.g) && s.g > 0.0);
      y[n - 1] = 0.0;
    }
}

/* ---- The documented order, written out plainly ----------------------- */

typedef struct
{
  const double *x;
  const double *y;
  double        w, b, inv_n;
} Data;

static void
terms (const Data *d,
       gsize       i,
       double     *r2,
       double     *gx,
       double     *g)
{
  double h = d->x[i] * d->w + d->b;
  double r = h - d->y[i];
  double gi = d->inv_n * (2.0 * r);

  *r2 = r * r;
  *gx = gi * d->x[i];
  *g = gi;
}

static void
plain_leaf (const Data        *d,
            gsize              start,
            gsize              n,
            SlopeResidualSums *out)
{
  double l[3][8] = { { 0 } };

  for (gsize k = 0; k < n; k++)
    {
      double t[3];

      terms (d, start + k, &t[0], &t[1], &t[2]);
      for (guint q = 0; q < 3; q++)
        l[q][k % 8] += t[q];
    }
  out->r2 = ((l[0][0] + l[0][1]) + (l[0][2] + l[0][3])) + ((l[0][4] + l[0][5]) + (l[0][6] + l[0][7]));
  out->gx = ((l[1][0] + l[1][1]) + (l[1][2] + l[1][3])) + ((l[1][4] + l[1][5]) + (l[1][6] + l[1][7]));
  out->g = ((l[2][0] + l[2][1]) + (l[2][2] + l[2][3])) + ((l[2][4] + l[2][5]) + (l[2][6] + l[2][7]));
}

static void
plain_tree (const Data        *d,
            gsize              start,
            gsize              n,
            SlopeResidualSums *out)
{
  SlopeResidualSums lo, hi;
  gsize half;

  if (n <= 256)
    {
      plain_leaf (d, start, n, out);
      return;
    }
  half = (n / 2 + 255) / 256 * 256;
  plain_tree (d, start, half, &lo);
  plain_tree (d, start + half, n - half, &hi);
  out->r2 = lo.r2 + hi.r2;
  out->gx = lo.gx + hi.gx;
  out->g = lo.g + hi.g;
}

static void
plain_sums (const Data        *d,
            gsize              n,
            SlopeResidualSums *out)
{
  if (n < 8)
    {
      /* One running sum each, as PyTorch adds a few elements. */
      out->r2 = out->gx = out->g = 0.0;
      for (gsize i = 0; i < n; i++)
        {
          double t[3];

          terms (d, i, &t[0], &t[1], &t[2]);
          out->r2 += t[0];
          out->gx += t[1];
          out->g += t[2];
        }
      return;
    }
  plain_tree (d, 0, n, out);
}

/* Values over many orders of magnitude, so every change of order shows. */
static void
fill_random (double *x,
             double *y,
             gsize   n,
             guint32 seed)
{
  GRand *rand = g_rand_new_with_seed (seed);

  for (gsize i = 0; i < n; i++)
    {
      x[i] = g_rand_double_range (rand, -1.0, 1.0) * exp2 (g_rand_int_range (rand, -20, 21));
      y[i] = g_rand_double_range (rand, -1.0, 1.0) * exp2 (g_rand_int_range (rand, -20, 21));
    }
  g_rand_free (rand);
}

static const gsize sizes[] = {
  0, 1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 255, 256, 257, 1000, 1023, 1024, 1025, 2047, 2049, 5000,
  131071, 131072, 131073, 300007, 1000003,
};

static void
test_documented_order (void)
{
  const gsize max_n = 1000003;
  g_autofree double *x = g_new (double, max_n);
  g_autofree double *y = g_new (double, max_n);

  fill_random (x, y, max_n, 1);
  for (guint threads = 1; threads <= 2; threads++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          gsize n = sizes[i];
          Data d = { x, y, 0.75, -0.5, n ? 1.0 / (double) n : 0.0 };
          SlopeResidualSums ours, plain;

          /* Each time, so the helper takes part however slow it was. */
          slope_sum_set_max_threads (threads);
          g_test_message ("N = %" G_GSIZE_FORMAT ", %u thread(s)", n, threads);
          slope_residual_sums (x, y, n, d.w, d.b, d.inv_n, &ours);
          plain_sums (&d, n, &plain);
          assert_same_sums (&ours, &plain);
        }
    }
  slope_sum_set_max_threads (2);
}

/* ---- Accuracy ----------------------------------------------------------- */

/* Neumaier's compensated sum in long double: far closer to the exact sum
 * than the 1e-12 asked of the code under test. */
typedef struct
{
  long double sum;
  long double carry;
  long double magnitude;
} Exact;

static void
exact_add (Exact  *e,
           double  v)
{
  long double t = e->sum + v;

  if (fabsl (e->sum) >= fabsl ((long double) v))
    e->carry += (e->sum - t) + v;
  else
    e->carry += ((long double) v - t) + e->sum;
  e->sum = t;
  e->magnitude += fabsl ((long double) v);
}

static void
assert_close (double       ours,
              const Exact *e,
              const char  *what)
{
  long double exact = e->sum + e->carry;
  long double error = fabsl ((long double) ours - exact);

  if (error > 1e-12L * e->magnitude)
    g_error ("%s: %.17g, exact %.17Lg, error %Lg of Σ|terms| %Lg",
             what, ours, exact, error, e->magnitude);
}

static void
test_accuracy (void)
{
  const gsize max_n = 3000017;
  g_autofree double *x = g_new (double, max_n);
  g_autofree double *y = g_new (double, max_n);
  static const gsize accuracy_sizes[] = { 9, 1000, 77777, 1048577, 3000017 };

  fill_random (x, y, max_n, 2);
  for (guint i = 0; i < G_N_ELEMENTS (accuracy_sizes); i++)
    {
      gsize n = accuracy_sizes[i];
      Data d = { x, y, 1.25, 3.0, 1.0 / (double) n };
      Exact r2 = { 0 }, gx = { 0 }, g = { 0 };
      SlopeResidualSums ours;

      for (gsize k = 0; k < n; k++)
        {
          double t[3];

          terms (&d, k, &t[0], &t[1], &t[2]);
          exact_add (&r2, t[0]);
          exact_add (&gx, t[1]);
          exact_add (&g, t[2]);
        }
      slope_residual_sums (x, y, n, d.w, d.b, d.inv_n, &ours);
      g_test_message ("N = %" G_GSIZE_FORMAT, n);
      /* Σ r² has no cancellation: relative to the sum itself. */
      assert_close (ours.r2, &r2, "Σ r²");
      assert_close (ours.gx, &gx, "Σ g·x");
      assert_close (ours.g, &g, "Σ g");
    }
}

/* ---- Several callers at once -------------------------------------------- */

typedef struct
{
  const double      *x;
  const double      *y;
  gsize              n;
  SlopeResidualSums  expected;
  guint              mismatches;
} Shared;

static gpointer
call_many_times (gpointer data)
{
  Shared *shared = data;
  guint mismatches = 0;

  for (guint i = 0; i < 50; i++)
    {
      SlopeResidualSums s;

      slope_residual_sums (shared->x, shared->y, shared->n, 0.75, -0.5,
                           1.0 / (double) shared->n, &s);
      if (!same_bits (s.r2, shared->expected.r2) || !same_bits (s.gx, shared->expected.gx)
          || !same_bits (s.g, shared->expected.g))
        mismatches++;
    }
  __atomic_fetch_add (&shared->mismatches, mismatches, __ATOMIC_RELAXED);
  return NULL;
}

/* Threads contend for the helper; whoever gets it or not, every result is
 * the documented one. */
static void
test_concurrent_callers (void)
{
  const gsize n = 400009;
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  Data d = { x, y, 0.75, -0.5, 1.0 / (double) n };
  Shared shared = { x, y, n, { 0 }, 0 };
  GThread *threads[4];

  fill_random (x, y, n, 3);
  plain_sums (&d, n, &shared.expected);
  slope_sum_set_max_threads (2);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("caller", call_many_times, &shared);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_assert_cmpuint (shared.mismatches, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sum/pytorch-four-points", test_pytorch_four_points);
  g_test_add_func ("/sum/pytorch-overflow-order", test_pytorch_overflow_order);
  g_test_add_func ("/sum/documented-order", test_documented_order);
  g_test_add_func ("/sum/accuracy", test_accuracy);
  g_test_add_func ("/sum/concurrent-callers", test_concurrent_callers);

  return g_test_run ();
}
