/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-cost-plot.c: the cost per epoch since reset.
 *
 * The curve is drawn from the history's envelope, one column per pixel,
 * so a million epochs cost what a hundred do.  Each column is drawn as a
 * vertical stroke from its smallest to its largest cost, joined to the
 * next at the nearer end: exactly what plotting every epoch would show,
 * without the epochs.  A run that diverged has inf or NaN costs; those
 * have no place on any axis, so they are marked along the top edge in the
 * warning colour instead.
 *
 * This file holds the layout (the axes and where things go) and the
 * columns; slope-cost-plot-draw.c draws, slope-cost-plot-key.c says when
 * a drawing would change.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "slope-axis.h"
#include "slope-cost-plot.h"
#include "slope-cost-plot-private.h"
#include "slope-plot-frame.h"
#include "slope-plot-text.h"

#define MAX_COLUMNS    8192
#define MIN_EXPONENT   (-307)   /* 10⁻³⁰⁷ is still a normal double */
#define MAX_EXPONENT   308

const SlopePalette *
slope_cost_plot_palette (const SlopeCostPlot *plot)
{
  return plot->palette ? plot->palette : slope_palette_get (FALSE);
}

void
slope_cost_plot_init (SlopeCostPlot *plot)
{
  g_return_if_fail (plot != NULL);

  memset (plot, 0, sizeof *plot);
  plot->font_scale = 1.0;
  plot->log_scale = TRUE;
}

static guint64
plot_x_max (const SlopeCostPlot *plot)
{
  guint64 x_max = plot->x_max_epoch;

  if (plot->history != NULL)
    x_max = MAX (x_max, slope_history_get_last_epoch (plot->history));
  for (gsize i = 0; plot->runs != NULL && i < plot->n_runs; i++)
    if (slope_run_trace_visible (&plot->runs[i]) && plot->runs[i].history != NULL)
      x_max = MAX (x_max, slope_history_get_last_epoch (plot->runs[i].history));

  /* A fresh plot still shows a sensible scale. */
  return x_max > 0 ? x_max : 10;
}

/* The history's cost range, widened to hold every visible compared run's
 * and upwards to hold each batch's cost: a batch is noisier than the mean
 * its epoch ends with. */
static gboolean
cost_range (const SlopeCostPlot *plot,
            double              *min_positive,
            double              *max_finite)
{
  gboolean any = FALSE;
  double lo = INFINITY, hi = -INFINITY;

  if (plot->history != NULL && slope_history_cost_range (plot->history, &lo, &hi))
    any = TRUE;
  for (gsize i = 0; plot->runs != NULL && i < plot->n_runs; i++)
    {
      double run_lo, run_hi;

      if (!slope_run_trace_visible (&plot->runs[i]) || plot->runs[i].history == NULL
          || !slope_history_cost_range (plot->runs[i].history, &run_lo, &run_hi))
        continue;
      lo = MIN (lo, run_lo);
      hi = MAX (hi, run_hi);
      any = TRUE;
    }
  for (gsize i = 0; i < plot->n_batches; i++)
    {
      double c = plot->batch_cost[i];

      /* Only upwards: one point's cost can come near zero, and a log
       * axis stretched down to it would flatten the epochs' curve. */
      if (!isfinite (c))
        continue;
      if (c > hi)
        hi = c;
      any = TRUE;
    }
  if (min_positive != NULL)
    *min_positive = lo;
  if (max_finite != NULL)
    *max_finite = hi;
  return any;
}

/* Whole decades around the finite costs, so the axis ends on labels. */
static void
log_range (const SlopeCostPlot *plot,
           double              *lo,
           double              *hi)
{
  double min_positive, max_finite;
  int e0, e1;

  if (!cost_range (plot, &min_positive, &max_finite))
    {
      *lo = 1e-3;
      *hi = 1e2;
      return;
    }

  /* Every finite cost exactly zero: any decade will do, zero sits below. */
  if (!(max_finite > 0.0))
    max_finite = 1.0;
  if (!isfinite (min_positive) || min_positive > max_finite)
    min_positive = max_finite / 1e3;

  e0 = CLAMP ((int) floor (log10 (min_positive) + 1e-9), MIN_EXPONENT, MAX_EXPONENT - 1);
  e1 = CLAMP ((int) ceil (log10 (max_finite) - 1e-9), MIN_EXPONENT + 1, MAX_EXPONENT);
  if (e1 <= e0)
    e1 = e0 + 1;

  *lo = pow (10.0, e0);
  *hi = pow (10.0, e1);
}

static void
init_y_axis (const SlopeCostPlot *plot,
             SlopeAxis           *axis,
             guint                max_ticks)
{
  double lo, hi, max_finite, step;

  if (plot->log_scale)
    {
      log_range (plot, &lo, &hi);
      slope_axis_init_log (axis, lo, hi, max_ticks);
      return;
    }

  if (!cost_range (plot, NULL, &max_finite) || !(max_finite > 0.0))
    max_finite = 1.0;

  /* Round the top up to a tick so that it carries a label. */
  step = slope_nice_step (max_finite, max_ticks);
  hi = ceil (max_finite / step - 1e-9) * step;
  slope_axis_init_linear (axis, 0.0, isfinite (hi) && hi > 0.0 ? hi : max_finite, max_ticks);
}

/* "0", "500", "10k", "2.5M": epochs are counted, not measured. */
static void
epoch_label (char   *buf,
             gsize   size,
             double  value,
             double  step,
             double  x_max)
{
  static const struct { double unit; const char *suffix; } units[] = {
    { 1e9, "G" }, { 1e6, "M" }, { 1e3, "k" }, { 1.0, "" },
  };
  char format[16];
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  guint u = 0;

  if (value == 0.0)
    {
      g_strlcpy (buf, "0", size);
      return;
    }

  /* Thousands only from 10k on: "5000" reads better than "5k". */
  while (u + 1 < G_N_ELEMENTS (units)
         && x_max < (units[u].unit == 1e3 ? 1e4 : units[u].unit))
    u++;

  g_snprintf (format, sizeof format, "%%.%df",
              CLAMP ((int) -floor (log10 (step / units[u].unit) + 1e-9), 0, 6));
  g_ascii_formatd (text, sizeof text, format, value / units[u].unit);
  slope_format_tidy (text);
  g_snprintf (buf, size, "%s%s", text, units[u].suffix);
}

static void
init_x_axis (SlopeCostLayout *layout,
             guint   max_ticks)
{
  SlopeAxis *axis = &layout->x_axis;
  double x_max = (double) layout->x_max;
  double step;

  slope_axis_init_linear (axis, 0.0, x_max, max_ticks);
  /* No tick between two epochs. */
  if (axis->n_ticks >= 2 && axis->ticks[1] - axis->ticks[0] < 1.0)
    slope_axis_init_linear (axis, 0.0, x_max, (guint) x_max + 1);
  /* A narrow plot may have room for one step of 1-2-5 only past the
   * end (150 epochs, a step of 200): the first and the last epoch then,
   * so the axis still says how long the run is. */
  if (axis->n_ticks < 2)
    {
      axis->n_ticks = 2;
      axis->ticks[0] = 0.0;
      axis->ticks[1] = x_max;
    }

  step = axis->n_ticks >= 2 ? axis->ticks[1] - axis->ticks[0] : 1.0;
  for (guint i = 0; i < axis->n_ticks; i++)
    epoch_label (axis->labels[i], sizeof axis->labels[i], axis->ticks[i], step, x_max);
}

void
slope_cost_layout_compute (const SlopeCostPlot *plot,
                int                  width,
                int                  height,
                SlopeCostLayout              *layout)
{
  const SlopePalette *palette = slope_cost_plot_palette (plot);
  SlopePlotMargins m;
  guint x_ticks;

  layout->fs = plot->font_scale > 0.0 && isfinite (plot->font_scale) ? plot->font_scale : 1.0;
  layout->lw = palette->scale > 0.0 ? palette->scale : 1.0;
  layout->x_max = plot_x_max (plot);

  slope_plot_frame_margins (plot->font_family, layout->fs, _("cost"), NULL, &m);
  layout->top = m.top;
  layout->height = MAX (1.0, floor (height - m.top - m.bottom));

  init_y_axis (plot, &layout->y_axis,
               CLAMP ((guint) (layout->height / (2.4 * m.digit_height)) + 1, 2, 12));

  slope_plot_frame_margins (plot->font_family, layout->fs, _("cost"), &layout->y_axis, &m);
  layout->left = m.left;
  /* Room for half of the last epoch label ("1.5M") past the edge. */
  layout->width = MAX (1.0, floor (width - m.left - m.right - 1.5 * m.digit_width));

  x_ticks = CLAMP ((guint) (layout->width / (70.0 * layout->fs)) + 1, 2, 12);
  init_x_axis (layout, x_ticks);
  while (x_ticks > 2 && layout->x_axis.n_ticks >= 2
         && slope_plot_frame_label_width (plot->font_family, layout->fs, &layout->x_axis)
            + 2.0 * m.digit_width
            > (layout->x_axis.ticks[1] - layout->x_axis.ticks[0]) / layout->x_max * layout->width)
    init_x_axis (layout, --x_ticks);
}

double
slope_cost_layout_epoch_x (const SlopeCostLayout *layout,
            double        epoch)
{
  return layout->left + epoch / (double) layout->x_max * layout->width;
}

/* Costs outside the axis, zero on a log axis included, sit on its edge;
 * callers deal with inf and NaN before asking. */
double
slope_cost_layout_cost_y (const SlopeCostLayout *layout,
           double        cost)
{
  double f = slope_axis_fraction (&layout->y_axis, cost);

  f = isnan (f) ? 1.0 : CLAMP (f, 0.0, 1.0);
  return layout->top + (1.0 - f) * layout->height;
}

void
slope_cost_plot_area (const SlopeCostPlot *plot,
                      int                  width,
                      int                  height,
                      double              *left,
                      double              *top,
                      double              *area_width,
                      double              *area_height)
{
  SlopeCostLayout layout;

  g_return_if_fail (plot != NULL);

  slope_cost_layout_compute (plot, width, height, &layout);
  if (left)
    *left = layout.left;
  if (top)
    *top = layout.top;
  if (area_width)
    *area_width = layout.width;
  if (area_height)
    *area_height = layout.height;
}

/**
 * slope_cost_plot_epoch_axis:
 *
 * The epoch axis as the plot draws it at @width × @height: its ticks and
 * their labels.
 */
void
slope_cost_plot_epoch_axis (const SlopeCostPlot *plot,
                            int                  width,
                            int                  height,
                            SlopeAxis           *axis)
{
  SlopeCostLayout layout;

  g_return_if_fail (plot != NULL && axis != NULL);

  slope_cost_layout_compute (plot, width, height, &layout);
  *axis = layout.x_axis;
}

guint64
slope_cost_plot_epoch_at (const SlopeCostPlot *plot,
                          int                  width,
                          int                  height,
                          double               px)
{
  SlopeCostLayout layout;
  double f;

  g_return_val_if_fail (plot != NULL, 0);

  slope_cost_layout_compute (plot, width, height, &layout);
  f = (px - layout.left) / layout.width;
  f = isnan (f) ? 0.0 : CLAMP (f, 0.0, 1.0);

  return (guint64) llround (f * (double) layout.x_max);
}

double
slope_cost_plot_epoch_to_x (const SlopeCostPlot *plot,
                            int                  width,
                            int                  height,
                            guint64              epoch)
{
  SlopeCostLayout layout;

  g_return_val_if_fail (plot != NULL, 0.0);

  slope_cost_layout_compute (plot, width, height, &layout);
  return slope_cost_layout_epoch_x (&layout, (double) epoch);
}

double
slope_cost_plot_cost_to_y (const SlopeCostPlot *plot,
                           int                  width,
                           int                  height,
                           double               cost)
{
  SlopeCostLayout layout;

  g_return_val_if_fail (plot != NULL, 0.0);

  slope_cost_layout_compute (plot, width, height, &layout);
  if (isnan (cost) || (isinf (cost) && cost > 0.0))
    return layout.top;
  return slope_cost_layout_cost_y (&layout, cost);
}

/* ------------------------------------------------------------------ */
/* Columns: the history's envelope at the plot's pixels                */

void
slope_cost_columns_clear (SlopeCostColumns *columns)
{
  /* hi and x live in the same block as lo. */
  g_clear_pointer (&columns->lo, g_free);
  columns->hi = columns->x = NULL;
}

/* One column per pixel of the plotting area, each placed at the middle of
 * the whole epochs it holds: with fewer epochs than pixels, that is
 * exactly each epoch's own x. */
void
slope_cost_columns_fill (SlopeCostColumns      *columns,
              const SlopeCostLayout *layout,
              SlopeHistory *history)
{
  double span = (double) layout->x_max;
  gsize n = (gsize) CLAMP (layout->width, 1, MAX_COLUMNS);

  columns->n = n;
  columns->lo = g_new (double, 3 * n);
  columns->hi = columns->lo + n;
  columns->x = columns->hi + n;

  slope_history_envelope (history, 1, layout->x_max, n, columns->lo, columns->hi);

  for (gsize c = 0; c < n; c++)
    {
      double first = ceil (1.0 + (double) c * span / n - 1e-9);
      double last = ceil (1.0 + (double) (c + 1) * span / n - 1e-9) - 1.0;

      columns->x[c] = slope_cost_layout_epoch_x (layout, last >= first ? (first + last) / 2.0 : first);
    }
}

/* Another history's envelope into the same columns: the x of each column
 * depends on the layout alone. */
void
slope_cost_columns_refill (SlopeCostColumns      *columns,
                const SlopeCostLayout *layout,
                SlopeHistory *history)
{
  slope_history_envelope (history, 1, layout->x_max, columns->n, columns->lo, columns->hi);
}

/* The finite part of a column, as pixel rows: top ≤ bottom. */
gboolean
slope_cost_column_rows (const SlopeCostLayout  *layout,
             const SlopeCostColumns *columns,
             gsize          c,
             double        *top,
             double        *bottom)
{
  double lo = columns->lo[c], hi = columns->hi[c];

  if (!isfinite (lo))
    return FALSE;

  *bottom = slope_cost_layout_cost_y (layout, lo);
  *top = isfinite (hi) ? slope_cost_layout_cost_y (layout, hi) : *bottom;
  return TRUE;
}

/* Where a marker's dot sits: a diverged cost on the top edge. */
double
slope_cost_layout_marker_y (const SlopeCostLayout *layout,
          double        cost)
{
  return isnan (cost) || cost == INFINITY ? layout->top : slope_cost_layout_cost_y (layout, cost);
}
