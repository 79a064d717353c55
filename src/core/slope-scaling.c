/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-scaling.c: centring and standardising the data, the suggested
 * learning rate and the landscape's condition.
 *
 * The scaled values are formed as PyTorch forms (x - x.mean()) / x.std():
 * the mean is Σx/N, the standard deviation is torch.std's default, the
 * sample one with N − 1 (Bessel's correction), and each value is one
 * subtraction then one division, each rounded once.  Training on them is
 * then PyTorch's training on the scaled tensors, within the last bits of
 * the mean and the deviation (the tests hold it to 1e-12 relative).
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>

#include "slope-dataset.h"
#include "slope-scaling.h"

static const char * const mode_names[] = { "none", "center", "standardize" };

const char *
slope_scale_mode_to_string (SlopeScaleMode mode)
{
  g_return_val_if_fail (mode <= SLOPE_SCALE_STANDARDIZE, "none");

  return mode_names[mode];
}

/* Accepts the British spellings too: the window speaks of "centre". */
gboolean
slope_scale_mode_from_string (const char     *str,
                              SlopeScaleMode *mode)
{
  if (str == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (str, "none") == 0)
    *mode = SLOPE_SCALE_NONE;
  else if (g_ascii_strcasecmp (str, "center") == 0 || g_ascii_strcasecmp (str, "centre") == 0)
    *mode = SLOPE_SCALE_CENTER;
  else if (g_ascii_strcasecmp (str, "standardize") == 0
           || g_ascii_strcasecmp (str, "standardise") == 0)
    *mode = SLOPE_SCALE_STANDARDIZE;
  else
    return FALSE;
  return TRUE;
}

/* torch.std's default: Σ(v − mean)² / (N − 1), the second pass over the
 * centred values so that x near 10⁶ loses nothing to cancellation. */
static double
sample_std (const double *v,
            gsize         n,
            double        mean,
            double        unit)
{
  double sum = 0.0, c = 0.0;

  for (gsize i = 0; i < n; i++)
    {
      double d = (v[i] - mean) / unit;
      double sq = d * d;
      double t = sum + sq;

      /* Neumaier: every term is ≥ 0, so sum ≥ sq only matters for order. */
      c += sum >= sq ? (sum - t) + sq : (sq - t) + sum;
      sum = t;
    }
  return sqrt ((sum + c) / (double) (n - 1)) * unit;
}

/* The mean as PyTorch forms it, Σv/N; when Σv overflows (values near
 * 10³⁰⁸), Σ(v/N) instead, where PyTorch's would be inf. */
static double
column_mean (const double *v,
             gsize         n,
             double        sum)
{
  double mean = 0.0;

  if (isfinite (sum))
    return sum / (double) n;
  for (gsize i = 0; i < n; i++)
    mean += v[i] / (double) n;
  return mean;
}

/* Below this the squares of the deviations are subnormal: few bits. */
#define STD_TINY 1e-146

/* PyTorch's x.std(), unless its squares overflow (deviations near 10¹⁵⁴
 * and beyond give inf) or underflow (below about 10⁻¹⁴⁶ they keep few
 * bits, and different values near 10⁻³⁰⁸ give 0): then the deviations
 * are divided by the largest first, so the spread the data has is found.
 * Returns NAN when a deviation or the deviation itself overflows (values
 * from −1.7·10³⁰⁸ to 1.7·10³⁰⁸). */
static double
column_std (const double *v,
            gsize         n,
            double        mean,
            double        lo,
            double        hi)
{
  double std = sample_std (v, n, mean, 1.0), largest = 0.0;

  if ((std >= STD_TINY && isfinite (std)) || !(hi > lo))
    return std;
  for (gsize i = 0; i < n; i++)
    largest = MAX (largest, fabs (v[i] - mean));
  if (!isfinite (largest))
    return NAN;
  std = sample_std (v, n, mean, largest);
  return isfinite (std) ? std : NAN;
}

/* @scale: what column_std() gave, 0 or NAN */
static gboolean
set_spread_error (double     scale,
                  gboolean   is_x,
                  GError   **error)
{
  const char *message;

  if (isnan (scale))
    message = is_x ? _("Cannot standardise: the x values lie further apart than the largest "
                       "number a double holds (about 1.8·10³⁰⁸)")
                   : _("Cannot standardise: the y values lie further apart than the largest "
                       "number a double holds (about 1.8·10³⁰⁸)");
  else
    message = is_x ? _("Cannot standardise: every x is the same")
                   : _("Cannot standardise: every y is the same");
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
  return FALSE;
}

/**
 * slope_scaling_compute:
 *
 * The shift and scale of each column for @mode.  Fails, saying why, when
 * standardising needs a spread the data does not have (fewer than two
 * points, or a column whose values are all equal) or one no double holds.
 * Values whose squares overflow or underflow are still standardised.
 */
gboolean
slope_scaling_compute (SlopeDataset    *dataset,
                       SlopeScaleMode   mode,
                       SlopeScaling    *scaling,
                       GError         **error)
{
  const SlopeMoments *m;
  SlopeScaling s = SLOPE_SCALING_IDENTITY;

  g_return_val_if_fail (SLOPE_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (scaling != NULL, FALSE);

  m = slope_dataset_get_moments (dataset);
  s.mode = mode;
  if (mode != SLOPE_SCALE_NONE)
    {
      if (m->n == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("There are no points to scale"));
          return FALSE;
        }
      s.x_shift = column_mean (slope_dataset_get_x (dataset), m->n, m->sum_x);
      s.y_shift = column_mean (slope_dataset_get_y (dataset), m->n, m->sum_y);
    }
  if (mode == SLOPE_SCALE_STANDARDIZE)
    {
      if (m->n < 2)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Standardising needs at least two points"));
          return FALSE;
        }
      s.x_scale = column_std (slope_dataset_get_x (dataset), m->n, s.x_shift,
                              m->x_min, m->x_max);
      s.y_scale = column_std (slope_dataset_get_y (dataset), m->n, s.y_shift,
                              m->y_min, m->y_max);
      if (!(s.x_scale > 0.0) || !isfinite (s.x_scale))
        return set_spread_error (s.x_scale, TRUE, error);
      if (!(s.y_scale > 0.0) || !isfinite (s.y_scale))
        return set_spread_error (s.y_scale, FALSE, error);
    }

  *scaling = s;
  return TRUE;
}

/**
 * slope_scaling_apply:
 *
 * The dataset training sees: a new one of the scaled points, or another
 * reference to @dataset when nothing is scaled.  It keeps the title and
 * the columns' names.
 */
SlopeDataset *
slope_scaling_apply (const SlopeScaling *scaling,
                     SlopeDataset       *dataset)
{
  const double *x, *y;
  double *sx, *sy;
  gsize n;
  SlopeDataset *scaled;

  g_return_val_if_fail (SLOPE_IS_DATASET (dataset), NULL);

  if (scaling == NULL || scaling->mode == SLOPE_SCALE_NONE)
    return g_object_ref (dataset);

  n = slope_dataset_get_n (dataset);
  x = slope_dataset_get_x (dataset);
  y = slope_dataset_get_y (dataset);
  sx = g_new (double, MAX (n, 1));
  sy = g_new (double, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    {
      sx[i] = (x[i] - scaling->x_shift) / scaling->x_scale;
      sy[i] = (y[i] - scaling->y_shift) / scaling->y_scale;
    }
  scaled = slope_dataset_new_take (sx, sy, n, slope_dataset_get_title (dataset));
  slope_dataset_set_names (scaled, slope_dataset_get_x_name (dataset),
                           slope_dataset_get_y_name (dataset));
  return scaled;
}

/* y' = W·x' + b with x' = (x − mx)/sx, y' = (y − my)/sy is
 * y = (sy·W/sx)·x + my + sy·b − (sy·W/sx)·mx. */
void
slope_scaling_line_to_data (const SlopeScaling *scaling,
                            double              w,
                            double              b,
                            double             *w_data,
                            double             *b_data)
{
  double slope;

  if (scaling == NULL || scaling->mode == SLOPE_SCALE_NONE)
    {
      *w_data = w;
      *b_data = b;
      return;
    }
  slope = scaling->y_scale * w / scaling->x_scale;
  *w_data = slope;
  *b_data = scaling->y_shift + scaling->y_scale * b - slope * scaling->x_shift;
}

void
slope_scaling_line_to_scaled (const SlopeScaling *scaling,
                              double              w_data,
                              double              b_data,
                              double             *w,
                              double             *b)
{
  if (scaling == NULL || scaling->mode == SLOPE_SCALE_NONE)
    {
      *w = w_data;
      *b = b_data;
      return;
    }
  *w = w_data * scaling->x_scale / scaling->y_scale;
  *b = (w_data * scaling->x_shift + b_data - scaling->y_shift) / scaling->y_scale;
}

/**
 * slope_dataset_hessian_eigen:
 *
 * The eigenvalues of the cost's Hessian (2/N)·[[Σx², Σx], [Σx, N]].  The
 * smaller comes from the determinant, 4·var(x), rather than from the
 * difference of two nearly equal numbers.
 */
gboolean
slope_dataset_hessian_eigen (SlopeDataset *dataset,
                             double       *lambda_min,
                             double       *lambda_max)
{
  const SlopeMoments *m;
  double n, mean, a, c, hi, var;

  g_return_val_if_fail (SLOPE_IS_DATASET (dataset), FALSE);

  m = slope_dataset_get_moments (dataset);
  if (m->n == 0)
    return FALSE;
  n = (double) m->n;
  mean = m->sum_x / n;
  a = 2.0 * m->sum_xx / n;
  c = 2.0 * mean;
  hi = (a + 2.0) / 2.0 + sqrt ((a - 2.0) * (a - 2.0) / 4.0 + c * c);
  if (!(hi > 0.0) || !isfinite (hi))
    return FALSE;
  var = MAX (m->sum_xx / n - mean * mean, 0.0);
  if (lambda_min)
    *lambda_min = 4.0 * var / hi;
  if (lambda_max)
    *lambda_max = hi;
  return TRUE;
}

/**
 * slope_dataset_suggested_lr:
 *
 * 2/(λmin + λmax): the fixed step that shrinks the slowest and the fastest
 * direction by the same factor, the fastest rate that is stable for both.
 * λmin + λmax is the Hessian's trace, 2·Σx²/N + 2.
 */
gboolean
slope_dataset_suggested_lr (SlopeDataset *dataset,
                            double       *lr)
{
  const SlopeMoments *m;
  double trace;

  g_return_val_if_fail (SLOPE_IS_DATASET (dataset), FALSE);

  m = slope_dataset_get_moments (dataset);
  if (m->n == 0)
    return FALSE;
  trace = 2.0 * m->sum_xx / (double) m->n + 2.0;
  if (!isfinite (trace))
    return FALSE;
  *lr = 2.0 / trace;
  return TRUE;
}

/**
 * slope_dataset_badly_conditioned:
 * @condition: (out) (optional): λmax/λmin, +inf when every x is equal
 *
 * Whether the landscape is a valley so thin that plain gradient descent
 * would need a rate far below the slider's and epochs beyond counting:
 * the moment to offer scaling.
 */
gboolean
slope_dataset_badly_conditioned (SlopeDataset *dataset,
                                 double       *condition)
{
  double lo, hi, kappa;

  g_return_val_if_fail (SLOPE_IS_DATASET (dataset), FALSE);

  if (!slope_dataset_hessian_eigen (dataset, &lo, &hi))
    {
      if (condition)
        *condition = NAN;
      return FALSE;
    }
  kappa = lo > 0.0 ? hi / lo : INFINITY;
  if (condition)
    *condition = kappa;
  /* All x equal is not a scaling problem: no line is best there. */
  return isfinite (kappa) && kappa > SLOPE_BAD_CONDITION;
}

/**
 * slope_format_line_equation:
 *
 * "ŷ = 153.6x + 46331": the fitted line with %.6g numbers and a '.'
 * whatever the locale, as slope-train's last line prints it.
 */
char *
slope_format_line_equation (double w,
                            double b)
{
  char ws[G_ASCII_DTOSTR_BUF_SIZE];
  char bs[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (ws, sizeof ws, "%.6g", w);
  g_ascii_formatd (bs, sizeof bs, "%.6g", fabs (b));

  return g_strdup_printf ("ŷ = %sx %s %s", ws, b < 0.0 ? "-" : "+", bs);
}
