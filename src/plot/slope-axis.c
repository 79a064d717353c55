/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-axis.c: tick positions and labels for linear and log axes.
 *
 * Labels are what a student reads off the projector, so they carry just
 * as many decimals as the step needs ("0.5", "1", "1.5"), switch to
 * "2×10⁶" only when plain decimals would be unreadable, use a real minus
 * sign and never say "−0".  Formatting is locale-independent: a German
 * desktop must not turn 0.5 into "0,5" in one label and not in another.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "slope-axis.h"

#define MINUS_SIGN "\xe2\x88\x92"   /* U+2212 − */
#define TIMES_TEN  "\xc3\x97" "10"  /* ×10 */

static const char * const superscript_digits[] = {
  "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹",
};

/* "⁻¹²" for -12. */
static void
append_superscript (GString *out,
                    int      exponent)
{
  char digits[16];

  if (exponent < 0)
    g_string_append (out, "⁻");
  g_snprintf (digits, sizeof digits, "%d", ABS (exponent));
  for (const char *p = digits; *p; p++)
    g_string_append (out, superscript_digits[*p - '0']);
}

static void
copy_out (char       *buf,
          gsize       size,
          const char *text)
{
  if (size > 0)
    g_strlcpy (buf, text, size);
}

/* "1.500" → "1.5", "2.000" → "2", "-0" → "0". */
void
slope_format_tidy (char *text)
{
  char *dot = strchr (text, '.');

  if (dot != NULL && strchr (text, 'e') == NULL)
    {
      char *end = text + strlen (text) - 1;

      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
    }

  if (strcmp (text, "-0") == 0)
    strcpy (text, "0");
}

/* ASCII '-' to the typographic minus, which is as wide as '+'. */
static void
append_with_minus (GString    *out,
                   const char *ascii)
{
  if (ascii[0] == '-')
    {
      g_string_append (out, MINUS_SIGN);
      ascii++;
    }
  g_string_append (out, ascii);
}

static gboolean
format_special (char       *buf,
                gsize       size,
                double      value,
                const char *minus)
{
  if (isnan (value))
    copy_out (buf, size, "nan");
  else if (isinf (value) && value > 0)
    copy_out (buf, size, "inf");
  else if (isinf (value))
    {
      g_autofree char *text = g_strconcat (minus, "inf", NULL);
      copy_out (buf, size, text);
    }
  else
    return FALSE;

  return TRUE;
}

/**
 * slope_format_number:
 *
 * @value to @significant digits with '.' whatever the locale, as %g
 * would, but never "-0".  "nan", "inf" and "-inf" as Python prints them,
 * since that is what a student comparing with the notebook sees.
 */
void
slope_format_number (char   *buf,
                     gsize   size,
                     double  value,
                     int     significant)
{
  char format[16];
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (format_special (buf, size, value, "-"))
    return;

  g_snprintf (format, sizeof format, "%%.%dg", CLAMP (significant, 1, 17));
  g_ascii_formatd (text, sizeof text, format, value);
  slope_format_tidy (text);
  copy_out (buf, size, text);
}

/**
 * slope_format_number_unicode:
 *
 * @value to @significant digits for people: plain decimals from 0.0001 to
 * a million ("12345", not "1.234×10⁴"), "1.5×10⁻⁹" beyond, a real minus.
 */
void
slope_format_number_unicode (char   *buf,
                             gsize   size,
                             double  value,
                             int     significant)
{
  g_autoptr(GString) out = g_string_new (NULL);
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  char *e;

  if (format_special (buf, size, value, MINUS_SIGN))
    return;

  significant = CLAMP (significant, 1, 17);
  slope_format_number (text, sizeof text, value, significant);
  e = strchr (text, 'e');
  if (e == NULL)
    {
      append_with_minus (out, text);
    }
  else if (fabs (value) >= 1e-4 && fabs (value) < 1e6)
    {
      /* %g went scientific only for want of digits: print them all. */
      int exponent = atoi (e + 1);
      char format[16];

      g_snprintf (format, sizeof format, "%%.%df", MAX (0, significant - 1 - exponent));
      g_ascii_formatd (text, sizeof text, format, value);
      slope_format_tidy (text);
      append_with_minus (out, text);
    }
  else
    {
      int exponent = atoi (e + 1);

      *e = '\0';
      append_with_minus (out, text);
      g_string_append (out, TIMES_TEN);
      append_superscript (out, exponent);
    }
  copy_out (buf, size, out->str);
}

double
slope_nice_step (double span,
                 guint  max_ticks)
{
  static const double multiples[] = { 1.0, 2.0, 5.0, 10.0 };
  double raw, base;

  max_ticks = CLAMP (max_ticks, 2, SLOPE_AXIS_MAX_TICKS);
  span = fabs (span);
  if (!(span > 0.0) || !isfinite (span))
    return 1.0;

  raw = span / (max_ticks - 1);
  base = pow (10.0, floor (log10 (raw)));
  for (guint i = 0; i < G_N_ELEMENTS (multiples); i++)
    {
      /* The tolerance keeps 1 / 5 = 0.2 from being rounded up to 0.5. */
      if (multiples[i] * base >= raw * (1.0 - 1e-9))
        return multiples[i] * base;
    }

  return 10.0 * base;
}

/* The next 1-2-5 step after @step. */
static double
next_step (double step)
{
  double base = pow (10.0, floor (log10 (step) + 1e-9));
  double m = step / base;

  if (m < 1.5)
    return 2.0 * base;
  if (m < 3.5)
    return 5.0 * base;
  return 10.0 * base;
}

/* The 1-2-5 step before @step. */
static double
previous_step (double step)
{
  double base = pow (10.0, floor (log10 (step) + 1e-9));
  double m = step / base;

  if (m > 3.5)
    return 2.0 * base;
  if (m > 1.5)
    return base;
  return 0.5 * base;
}

static void
linear_label (char   *buf,
              gsize   size,
              double  value,
              double  step,
              double  max_abs)
{
  g_autoptr(GString) out = g_string_new (NULL);
  char format[16];
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  int step_exp = (int) floor (log10 (step) + 1e-9);

  if (value == 0.0)
    {
      copy_out (buf, size, "0");
      return;
    }

  if (max_abs >= 1e6 || max_abs < 1e-3)
    {
      /* Normalised per label, with the step's precision: "8×10⁶",
       * "1×10⁷", "1.2×10⁷" rather than "0.8×10⁷". */
      int exponent = (int) floor (log10 (fabs (value)) + 1e-12);
      double mantissa = value / pow (10.0, exponent);

      if (fabs (mantissa) >= 10.0 - 1e-9)
        {
          mantissa /= 10.0;
          exponent++;
        }
      g_snprintf (format, sizeof format, "%%.%df", CLAMP (exponent - step_exp, 0, 16));
      g_ascii_formatd (text, sizeof text, format, mantissa);
      slope_format_tidy (text);
      append_with_minus (out, text);
      if (exponent != 0)
        {
          g_string_append (out, TIMES_TEN);
          append_superscript (out, exponent);
        }
    }
  else
    {
      g_snprintf (format, sizeof format, "%%.%df", CLAMP (-step_exp, 0, 17));
      g_ascii_formatd (text, sizeof text, format, value);
      slope_format_tidy (text);
      append_with_minus (out, text);
    }

  copy_out (buf, size, out->str);
}

static void
sanitize_linear (double *lo,
                 double *hi)
{
  double a = *lo, b = *hi;

  if (!isfinite (a) || !isfinite (b))
    {
      a = isfinite (a) ? a : (isfinite (b) ? b - 1.0 : 0.0);
      b = isfinite (b) ? b : a + 1.0;
    }
  if (a > b)
    {
      double t = a;
      a = b;
      b = t;
    }
  /* An interval wider than DBL_MAX (±1.8e308 data) is kept: every
   * use of it halves before subtracting. */
  if (!(b / 2.0 - a / 2.0 > 0.0))
    {
      /* Degenerate: an interval around the value. */
      double half = a != 0.0 ? fabs (a) * 0.1 : 1.0;

      a = isfinite (a - half) ? a - half : a;
      b = isfinite (b + half) ? b + half : b;
    }

  *lo = a;
  *hi = b;
}

void
slope_axis_init_linear (SlopeAxis *axis,
                        double     lo,
                        double     hi,
                        guint      max_ticks)
{
  double step, max_abs, k0, k1;
  guint n;

  g_return_if_fail (axis != NULL);

  memset (axis, 0, sizeof *axis);
  sanitize_linear (&lo, &hi);
  axis->log_scale = FALSE;
  axis->lo = lo;
  axis->hi = hi;

  max_ticks = CLAMP (max_ticks, 2, SLOPE_AXIS_MAX_TICKS);
  /* Past DBL_MAX the span is halved: the step found for that half is
   * too small, and the loop below raises it until the ticks fit. */
  step = slope_nice_step (isfinite (hi - lo) ? hi - lo : hi / 2.0 - lo / 2.0, max_ticks);
  max_abs = MAX (fabs (lo), fabs (hi));

  /* Too many ticks: a bigger step.  None at all (0.1 … 0.9 in steps of
   * 1): a smaller one, a few times at most, so there is something to read. */
  for (guint tries = 0; ; tries++)
    {
      k0 = ceil (lo / step - 1e-9);
      k1 = floor (hi / step + 1e-9);
      if (k1 - k0 + 1.0 > max_ticks)
        step = next_step (step);
      else if (k1 < k0 && tries < 4)
        step = previous_step (step);
      else
        break;
    }

  /* Counted in integers: near 10¹⁷, k + 1 == k in doubles. */
  n = k1 >= k0 ? (guint) (k1 - k0 + 1.0) : 0;
  for (guint i = 0; i < n; i++)
    {
      double v = (k0 + i) * step;

      /* 3 × 0.1 is 0.30000000000000004 and -0.0 is not zero enough for
       * a label: tidy both. */
      if (fabs (v) < step * 1e-9)
        v = 0.0;
      axis->ticks[axis->n_ticks] = v;
      linear_label (axis->labels[axis->n_ticks], sizeof axis->labels[0],
                    v, step, max_abs);
      axis->n_ticks++;
    }
}

/* The number of multiples of @k in [e0, e1]. */
static int
count_multiples (int e0,
                 int e1,
                 int k)
{
  return (int) (floor ((double) e1 / k) - ceil ((double) e0 / k)) + 1;
}

static void
add_minor (SlopeAxis *axis,
           double     v)
{
  if (axis->n_minor < SLOPE_AXIS_MAX_MINOR && v >= axis->lo && v <= axis->hi)
    axis->minor[axis->n_minor++] = v;
}

static void
add_log_tick (SlopeAxis *axis,
              double     v,
              gboolean   decade)
{
  if (decade)
    {
      g_autoptr(GString) out = g_string_new ("10");
      int exponent = (int) lround (log10 (v));

      append_superscript (out, exponent);
      copy_out (axis->labels[axis->n_ticks], sizeof axis->labels[0], out->str);
    }
  else
    {
      slope_format_number_unicode (axis->labels[axis->n_ticks],
                                   sizeof axis->labels[0], v, 1);
    }
  axis->ticks[axis->n_ticks++] = v;
}

/* Less than two decades in view: ticks at 1, 2, 5 (or 1…9) × 10ᵏ. */
static gboolean
init_log_mantissas (SlopeAxis *axis,
                    guint      max_ticks)
{
  static const double fine[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
  static const double coarse[] = { 1, 2, 5 };
  const double *sets[] = { coarse, fine };
  const guint lengths[] = { G_N_ELEMENTS (coarse), G_N_ELEMENTS (fine) };
  int e0 = (int) floor (log10 (axis->lo)) - 1;
  int e1 = (int) ceil (log10 (axis->hi));

  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      double values[SLOPE_AXIS_MAX_TICKS];
      guint n = 0;

      for (int e = e0; e <= e1; e++)
        for (guint i = 0; i < lengths[s]; i++)
          {
            double v = sets[s][i] * pow (10.0, e);

            if (v >= axis->lo * (1 - 1e-12) && v <= axis->hi * (1 + 1e-12)
                && n < G_N_ELEMENTS (values))
              values[n++] = v;
          }

      if (n >= 2 && n <= max_ticks)
        {
          for (guint i = 0; i < n; i++)
            add_log_tick (axis, values[i], FALSE);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * slope_axis_ensure_two_ticks:
 * @axis: an axis slope_axis_init_linear() made over @lo … @hi with at
 *   most @max_ticks ticks
 * @spaced: whether a candidate's labels stand apart
 *
 * One tick is no scale, yet a 1-2-5 step as wide as a short view often
 * lands only once.  Given a single tick, tries more ticks (up to 16) for
 * the first axis with two or more whose labels @spaced accepts, strictly
 * and then loosely; keeps the single tick when none does.
 */
void
slope_axis_ensure_two_ticks (SlopeAxis       *axis,
                             double           lo,
                             double           hi,
                             guint            max_ticks,
                             SlopeAxisSpaced  spaced,
                             gpointer         data)
{
  SlopeAxis single;

  g_return_if_fail (axis != NULL && spaced != NULL);

  if (axis->n_ticks >= 2)
    return;
  single = *axis;
  for (guint pass = 0; pass < 2; pass++)
    for (guint m = max_ticks + 1; m <= 16; m++)
      {
        slope_axis_init_linear (axis, lo, hi, m);
        if (axis->n_ticks >= 2 && spaced (axis, pass == 0, data))
          return;
      }
  *axis = single;
}

void
slope_axis_init_log (SlopeAxis *axis,
                     double     lo,
                     double     hi,
                     guint      max_ticks)
{
  static const int steps[] = { 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 25, 30, 50, 100, 200 };
  int e0, e1, k = 0;

  g_return_if_fail (axis != NULL);

  if (!(hi > 0.0) || !isfinite (hi))
    hi = isfinite (hi) ? 1.0 : DBL_MAX;
  if (!(lo > 0.0) || !isfinite (lo) || lo >= hi)
    lo = MAX (hi / 1e3, DBL_MIN);
  if (!(hi > lo))
    hi = lo * 10.0;

  memset (axis, 0, sizeof *axis);
  axis->log_scale = TRUE;
  axis->lo = lo;
  axis->hi = hi;
  max_ticks = CLAMP (max_ticks, 2, SLOPE_AXIS_MAX_TICKS);

  e0 = (int) ceil (log10 (lo) - 1e-9);
  e1 = (int) floor (log10 (hi) + 1e-9);

  /* Two decade labels make a poor scale: 10, 20, 50, 100 is better. */
  if (e1 - e0 + 1 < 3 && init_log_mantissas (axis, max_ticks))
    return;

  if (e1 < e0)
    {
      /* Not even one decade and no mantissa fits: plain linear ticks. */
      SlopeAxis linear;

      slope_axis_init_linear (&linear, lo, hi, max_ticks);
      memcpy (axis->ticks, linear.ticks, sizeof linear.ticks);
      memcpy (axis->labels, linear.labels, sizeof linear.labels);
      axis->n_ticks = linear.n_ticks;
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (steps) && k == 0; i++)
    if (count_multiples (e0, e1, steps[i]) <= (int) max_ticks)
      k = steps[i];
  if (k == 0)
    k = (e1 - e0) / (int) max_ticks + 1;

  for (int e = e0; e <= e1; e++)
    {
      double decade = pow (10.0, e);

      /* Multiples of k, so 10⁰ is always among them when it is in view;
       * the skipped decades as minor ticks, while they are few. */
      if (e % k == 0)
        add_log_tick (axis, decade, TRUE);
      else if (k <= 3)
        add_minor (axis, decade);
    }

  if (k == 1 && (e1 - e0 + 2) * 8 <= SLOPE_AXIS_MAX_MINOR)
    for (int e = e0 - 1; e <= e1; e++)
      for (int m = 2; m <= 9; m++)
        add_minor (axis, m * pow (10.0, e));
}

double
slope_axis_fraction (const SlopeAxis *axis,
                     double           value)
{
  g_return_val_if_fail (axis != NULL, NAN);

  if (axis->log_scale)
    {
      double l0 = log10 (axis->lo);

      if (value <= 0.0)
        return -INFINITY;
      return (log10 (value) - l0) / (log10 (axis->hi) - l0);
    }

  /* Divided separately so that ±DBL_MAX/2 spans do not overflow. */
  return (value / 2.0 - axis->lo / 2.0) / (axis->hi / 2.0 - axis->lo / 2.0);
}

double
slope_axis_value (const SlopeAxis *axis,
                  double           fraction)
{
  g_return_val_if_fail (axis != NULL, NAN);

  if (axis->log_scale)
    {
      double l0 = log10 (axis->lo);

      return pow (10.0, l0 + fraction * (log10 (axis->hi) - l0));
    }

  return axis->lo + fraction * 2.0 * (axis->hi / 2.0 - axis->lo / 2.0);
}
