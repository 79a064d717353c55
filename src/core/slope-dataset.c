/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-dataset.c: an immutable set of points and its moments.
 *
 * The moments (Σx, Σx², Σxy, …) are what the cost landscape, the stable
 * learning-rate range and the least-squares line are made of; computing
 * them once here keeps those features independent of the number of points.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "slope-dataset.h"

struct _SlopeDataset
{
  GObject       parent_instance;

  double       *x;
  double       *y;
  char         *title;
  char         *x_name;
  char         *y_name;
  SlopeMoments  moments;
};

G_DEFINE_FINAL_TYPE (SlopeDataset, slope_dataset, G_TYPE_OBJECT)

/* Neumaier's compensated sum: the error stays bounded whatever N is. */
typedef struct
{
  double sum;
  double c;
} Accumulator;

static inline void
accumulate (Accumulator *acc,
            double       v)
{
  double t = acc->sum + v;

  if (fabs (acc->sum) >= fabs (v))
    acc->c += (acc->sum - t) + v;
  else
    acc->c += (v - t) + acc->sum;
  acc->sum = t;
}

static void
compute_moments (SlopeDataset *self,
                 gsize         n)
{
  Accumulator sx = { 0 }, sy = { 0 }, sxx = { 0 }, sxy = { 0 }, syy = { 0 };
  SlopeMoments *m = &self->moments;

  m->n = n;
  m->x_min = m->y_min = n ? INFINITY : 0.0;
  m->x_max = m->y_max = n ? -INFINITY : 0.0;

  for (gsize i = 0; i < n; i++)
    {
      double xi = self->x[i];
      double yi = self->y[i];

      accumulate (&sx, xi);
      accumulate (&sy, yi);
      accumulate (&sxx, xi * xi);
      accumulate (&sxy, xi * yi);
      accumulate (&syy, yi * yi);
      m->x_min = MIN (m->x_min, xi);
      m->x_max = MAX (m->x_max, xi);
      m->y_min = MIN (m->y_min, yi);
      m->y_max = MAX (m->y_max, yi);
    }

  m->sum_x = sx.sum + sx.c;
  m->sum_y = sy.sum + sy.c;
  m->sum_xx = sxx.sum + sxx.c;
  m->sum_xy = sxy.sum + sxy.c;
  m->sum_yy = syy.sum + syy.c;
}

static void
slope_dataset_finalize (GObject *object)
{
  SlopeDataset *self = SLOPE_DATASET (object);

  g_clear_pointer (&self->x, g_free);
  g_clear_pointer (&self->y, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->x_name, g_free);
  g_clear_pointer (&self->y_name, g_free);

  G_OBJECT_CLASS (slope_dataset_parent_class)->finalize (object);
}

static void
slope_dataset_class_init (SlopeDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = slope_dataset_finalize;
}

static void
slope_dataset_init (SlopeDataset *self)
{
}

/**
 * slope_dataset_new_take:
 * @x: (transfer full): g_malloc'd x values
 * @y: (transfer full): g_malloc'd y values
 *
 * Makes a dataset that owns @x and @y, so a reader that already built
 * the arrays does not need a second copy of ten million points.
 */
SlopeDataset *
slope_dataset_new_take (double     *x,
                        double     *y,
                        gsize       n,
                        const char *title)
{
  SlopeDataset *self = g_object_new (SLOPE_TYPE_DATASET, NULL);

  self->x = x;
  self->y = y;
  self->title = g_strdup (title ? title : "");
  compute_moments (self, n);

  return self;
}

SlopeDataset *
slope_dataset_new (const double *x,
                   const double *y,
                   gsize         n,
                   const char   *title)
{
  return slope_dataset_new_take (g_memdup2 (x, n * sizeof (double)),
                                 g_memdup2 (y, n * sizeof (double)),
                                 n, title);
}

/* The lesson's x_train = [1, 2, 3], y_train = [2, 4, 6]. */
SlopeDataset *
slope_dataset_new_notebook (void)
{
  static const double x[] = { 1.0, 2.0, 3.0 };
  static const double y[] = { 2.0, 4.0, 6.0 };

  return slope_dataset_new (x, y, G_N_ELEMENTS (x), NULL);
}

gsize
slope_dataset_get_n (SlopeDataset *self)
{
  g_return_val_if_fail (SLOPE_IS_DATASET (self), 0);

  return self->moments.n;
}

const double *
slope_dataset_get_x (SlopeDataset *self)
{
  g_return_val_if_fail (SLOPE_IS_DATASET (self), NULL);

  return self->x;
}

const double *
slope_dataset_get_y (SlopeDataset *self)
{
  g_return_val_if_fail (SLOPE_IS_DATASET (self), NULL);

  return self->y;
}

const char *
slope_dataset_get_title (SlopeDataset *self)
{
  g_return_val_if_fail (SLOPE_IS_DATASET (self), NULL);

  return self->title;
}

/**
 * slope_dataset_set_names:
 * @x_name: (nullable): the x column's name, NULL or "" for "x"
 * @y_name: (nullable): the y column's name, NULL or "" for "y"
 *
 * Names the columns for the axes, the legend and the exports.  Only for
 * the maker of the dataset, before anyone else holds it: a dataset that
 * other threads read never changes.
 */
void
slope_dataset_set_names (SlopeDataset *self,
                         const char   *x_name,
                         const char   *y_name)
{
  char *x = x_name != NULL && *x_name != '\0' ? g_strdup (x_name) : NULL;
  char *y = y_name != NULL && *y_name != '\0' ? g_strdup (y_name) : NULL;

  g_return_if_fail (SLOPE_IS_DATASET (self));

  g_free (self->x_name);
  g_free (self->y_name);
  self->x_name = x;
  self->y_name = y;
}

/* The x column's name, "x" when the data did not name it. */
const char *
slope_dataset_get_x_name (SlopeDataset *self)
{
  g_return_val_if_fail (SLOPE_IS_DATASET (self), "x");

  return self->x_name != NULL ? self->x_name : "x";
}

const char *
slope_dataset_get_y_name (SlopeDataset *self)
{
  g_return_val_if_fail (SLOPE_IS_DATASET (self), "y");

  return self->y_name != NULL ? self->y_name : "y";
}

/* Whether the columns carry names of their own. */
gboolean
slope_dataset_has_names (SlopeDataset *self)
{
  g_return_val_if_fail (SLOPE_IS_DATASET (self), FALSE);

  return self->x_name != NULL || self->y_name != NULL;
}

const SlopeMoments *
slope_dataset_get_moments (SlopeDataset *self)
{
  g_return_val_if_fail (SLOPE_IS_DATASET (self), NULL);

  return &self->moments;
}

/**
 * slope_dataset_least_squares:
 *
 * The closed-form line minimising the cost.  Returns %FALSE when the x
 * values are all equal (or there are fewer than two points): then no single
 * line is best and the caller must say so rather than draw one.  Also when
 * the moments overflow or underflow: then the line is not known, and
 * slope_dataset_moments_overflow() and _underflow() say why.
 */
gboolean
slope_dataset_least_squares (SlopeDataset *self,
                             double       *w,
                             double       *b,
                             double       *r_squared)
{
  const SlopeMoments *m;
  double n, sxx, sxy, syy;

  g_return_val_if_fail (SLOPE_IS_DATASET (self), FALSE);

  m = &self->moments;
  if (m->n < 2 || !(m->x_max > m->x_min) || slope_dataset_moments_underflow (self))
    return FALSE;

  n = (double) m->n;
  /* Centred sums: the raw Σx² − (Σx)²/N would cancel badly for x near 1000. */
  sxx = m->sum_xx - m->sum_x * m->sum_x / n;
  sxy = m->sum_xy - m->sum_x * m->sum_y / n;
  syy = m->sum_yy - m->sum_y * m->sum_y / n;
  if (!(sxx > 0.0))
    return FALSE;

  if (w)
    *w = sxy / sxx;
  if (b)
    *b = (m->sum_y - (sxy / sxx) * m->sum_x) / n;
  if (r_squared)
    *r_squared = syy > 0.0 ? (sxy * sxy) / (sxx * syy) : 1.0;

  return TRUE;
}

/**
 * slope_dataset_moments_overflow:
 *
 * Whether a sum of squares or products (Σx², Σxy, Σy²) or a plain sum
 * went past the largest double, as it does for values near 10¹⁵⁴ and
 * beyond: the least-squares line and the stable learning rates cannot be
 * computed then, and the reason is the size of the numbers, not their
 * being equal.  (Every point is finite: the reader and the editor accept
 * nothing else.)
 */
gboolean
slope_dataset_moments_overflow (SlopeDataset *self)
{
  const SlopeMoments *m;

  g_return_val_if_fail (SLOPE_IS_DATASET (self), FALSE);

  m = &self->moments;
  return !isfinite (m->sum_x) || !isfinite (m->sum_y) || !isfinite (m->sum_xx)
         || !isfinite (m->sum_xy) || !isfinite (m->sum_yy);
}

/**
 * slope_dataset_moments_underflow:
 *
 * Whether the x values differ but are all so small (below about 10⁻¹⁵⁴)
 * that their squares and products fall under the smallest normal double
 * and lose their spread: Σx² and the centred sums round to zero or keep
 * only a few bits.  The least-squares line cannot be computed from them
 * then, and the reason is the size of the numbers, not their being equal.
 */
gboolean
slope_dataset_moments_underflow (SlopeDataset *self)
{
  const SlopeMoments *m;

  g_return_val_if_fail (SLOPE_IS_DATASET (self), FALSE);

  m = &self->moments;
  return m->n >= 2 && m->x_max > m->x_min
         && MAX (fabs (m->x_min), fabs (m->x_max)) < sqrt (DBL_MIN);
}

/**
 * slope_dataset_stable_lr:
 * @lr_zero_grad: (out): 2/λmax, above which plain gradient descent diverges
 * @lr_accumulating: (out): 4/λmax, above which it diverges without
 *   optimizer.zero_grad()
 *
 * The cost's Hessian is (2/N)·[[Σx², Σx], [Σx, N]] everywhere.  Gradient
 * descent shrinks the error along each eigenvector by (1 − lr·λ), so it
 * converges while lr < 2/λmax.  With the buffers never cleared the update
 * is momentum with no friction; its iteration matrix has eigenvalues on
 * the unit circle while lr·λ < 4, so it swings forever, and beyond that
 * it grows.
 */
gboolean
slope_dataset_stable_lr (SlopeDataset *self,
                         double       *lr_zero_grad,
                         double       *lr_accumulating)
{
  const SlopeMoments *m;
  double n, a, d, c, lambda_max;

  g_return_val_if_fail (SLOPE_IS_DATASET (self), FALSE);

  m = &self->moments;
  if (m->n == 0)
    return FALSE;

  n = (double) m->n;
  a = 2.0 * m->sum_xx / n;
  d = 2.0;
  c = 2.0 * m->sum_x / n;
  lambda_max = (a + d) / 2.0 + sqrt ((a - d) * (a - d) / 4.0 + c * c);
  if (!(lambda_max > 0.0) || !isfinite (lambda_max))
    return FALSE;

  if (lr_zero_grad)
    *lr_zero_grad = 2.0 / lambda_max;
  if (lr_accumulating)
    *lr_accumulating = 4.0 / lambda_max;
  return TRUE;
}

static SlopeDataset *
dataset_edited (SlopeDataset *self,
                gsize         n,
                gsize         skip,
                gssize        insert_at,
                double        ix,
                double        iy)
{
  double *x = g_new (double, n);
  double *y = g_new (double, n);
  SlopeDataset *edited;
  gsize j = 0;

  for (gsize i = 0; i <= self->moments.n; i++)
    {
      if ((gssize) i == insert_at)
        {
          x[j] = ix;
          y[j] = iy;
          j++;
        }
      if (i < self->moments.n && i != skip)
        {
          x[j] = self->x[i];
          y[j] = self->y[i];
          j++;
        }
    }
  g_assert (j == n);

  edited = slope_dataset_new_take (x, y, n, self->title);
  slope_dataset_set_names (edited, self->x_name, self->y_name);
  return edited;
}

/* A copy with (x, y) inserted at @index, or appended when @index < 0. */
SlopeDataset *
slope_dataset_with_point (SlopeDataset *self,
                          gssize        index,
                          double        x,
                          double        y)
{
  g_return_val_if_fail (SLOPE_IS_DATASET (self), NULL);

  if (index < 0 || (gsize) index > self->moments.n)
    index = (gssize) self->moments.n;

  return dataset_edited (self, self->moments.n + 1, G_MAXSIZE, index, x, y);
}

SlopeDataset *
slope_dataset_without_point (SlopeDataset *self,
                             gsize         index)
{
  g_return_val_if_fail (SLOPE_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->moments.n, NULL);

  return dataset_edited (self, self->moments.n - 1, index, -1, 0, 0);
}

SlopeDataset *
slope_dataset_with_moved_point (SlopeDataset *self,
                                gsize         index,
                                double        x,
                                double        y)
{
  g_return_val_if_fail (SLOPE_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->moments.n, NULL);

  return dataset_edited (self, self->moments.n, index, (gssize) index, x, y);
}
