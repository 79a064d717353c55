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
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "slope-axis.h"
#include "slope-cost-plot.h"
#include "slope-plot-frame.h"
#include "slope-plot-key.h"
#include "slope-plot-text.h"

#define MARKER_RADIUS  4.5
#define MAX_COLUMNS    8192
#define MIN_EXPONENT   (-307)   /* 10⁻³⁰⁷ is still a normal double */
#define MAX_EXPONENT   308

typedef struct
{
  double    left;
  double    top;
  double    width;
  double    height;
  guint64   x_max;      /* the epoch at the right edge */
  SlopeAxis x_axis;
  SlopeAxis y_axis;
  double    fs;
  double    lw;
} Layout;

static const SlopePalette *
plot_palette (const SlopeCostPlot *plot)
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

  /* A fresh plot still shows a sensible scale. */
  return x_max > 0 ? x_max : 10;
}

/* The history's cost range, widened upwards to hold each batch's cost: a
 * batch is noisier than the mean its epoch ends with. */
static gboolean
cost_range (const SlopeCostPlot *plot,
            double              *min_positive,
            double              *max_finite)
{
  gboolean any = FALSE;
  double lo = INFINITY, hi = -INFINITY;

  if (plot->history != NULL && slope_history_cost_range (plot->history, &lo, &hi))
    any = TRUE;
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
init_x_axis (Layout *layout,
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

static void
compute_layout (const SlopeCostPlot *plot,
                int                  width,
                int                  height,
                Layout              *layout)
{
  const SlopePalette *palette = plot_palette (plot);
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

static double
epoch_to_x (const Layout *layout,
            double        epoch)
{
  return layout->left + epoch / (double) layout->x_max * layout->width;
}

/* Costs outside the axis, zero on a log axis included, sit on its edge;
 * callers deal with inf and NaN before asking. */
static double
cost_to_y (const Layout *layout,
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
  Layout layout;

  g_return_if_fail (plot != NULL);

  compute_layout (plot, width, height, &layout);
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
  Layout layout;

  g_return_if_fail (plot != NULL && axis != NULL);

  compute_layout (plot, width, height, &layout);
  *axis = layout.x_axis;
}

guint64
slope_cost_plot_epoch_at (const SlopeCostPlot *plot,
                          int                  width,
                          int                  height,
                          double               px)
{
  Layout layout;
  double f;

  g_return_val_if_fail (plot != NULL, 0);

  compute_layout (plot, width, height, &layout);
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
  Layout layout;

  g_return_val_if_fail (plot != NULL, 0.0);

  compute_layout (plot, width, height, &layout);
  return epoch_to_x (&layout, (double) epoch);
}

double
slope_cost_plot_cost_to_y (const SlopeCostPlot *plot,
                           int                  width,
                           int                  height,
                           double               cost)
{
  Layout layout;

  g_return_val_if_fail (plot != NULL, 0.0);

  compute_layout (plot, width, height, &layout);
  if (isnan (cost) || (isinf (cost) && cost > 0.0))
    return layout.top;
  return cost_to_y (&layout, cost);
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

typedef struct
{
  gsize   n;
  double *lo;       /* per column: NaN empty, +inf only diverged costs */
  double *hi;       /* +inf when the column holds an inf or NaN cost */
  double *x;        /* where the column's epochs are, in user units */
} Columns;

static void
columns_clear (Columns *columns)
{
  /* hi and x live in the same block as lo. */
  g_clear_pointer (&columns->lo, g_free);
  columns->hi = columns->x = NULL;
}

/* One column per pixel of the plotting area, each placed at the middle of
 * the whole epochs it holds: with fewer epochs than pixels, that is
 * exactly each epoch's own x. */
static void
columns_fill (Columns      *columns,
              const Layout *layout,
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

      columns->x[c] = epoch_to_x (layout, last >= first ? (first + last) / 2.0 : first);
    }
}

/* The finite part of a column, as pixel rows: top ≤ bottom. */
static gboolean
column_rows (const Layout  *layout,
             const Columns *columns,
             gsize          c,
             double        *top,
             double        *bottom)
{
  double lo = columns->lo[c], hi = columns->hi[c];

  if (!isfinite (lo))
    return FALSE;

  *bottom = cost_to_y (layout, lo);
  *top = isfinite (hi) ? cost_to_y (layout, hi) : *bottom;
  return TRUE;
}

/* The spread of each column, lightly: where many epochs share a pixel. */
static void
draw_band (cairo_t            *cr,
           const Layout       *layout,
           const Columns      *columns,
           const SlopePalette *palette)
{
  gsize start = 0;

  while (start < columns->n)
    {
      gsize end = start;
      double top, bottom;

      /* A run of columns with finite costs, through empty ones. */
      while (end < columns->n
             && (isnan (columns->lo[end]) || isfinite (columns->lo[end])))
        end++;

      cairo_new_path (cr);
      for (gsize c = start; c < end; c++)
        if (column_rows (layout, columns, c, &top, &bottom))
          cairo_line_to (cr, columns->x[c], top);
      for (gsize c = end; c > start; c--)
        if (column_rows (layout, columns, c - 1, &top, &bottom))
          cairo_line_to (cr, columns->x[c - 1], bottom);
      cairo_close_path (cr);
      slope_palette_set_source_alpha (cr, &palette->cost, 0.25);
      cairo_fill (cr);

      start = end + 1;
    }
}

/* Each column top to bottom, entered at the end nearer the previous one,
 * so a falling curve is a clean line and a noisy one fills its band. */
static void
draw_curve (cairo_t            *cr,
            const Layout       *layout,
            const Columns      *columns,
            const SlopePalette *palette)
{
  gboolean started = FALSE;
  double prev = 0.0;

  cairo_new_path (cr);
  for (gsize c = 0; c < columns->n; c++)
    {
      double top, bottom, x = columns->x[c];

      if (isnan (columns->lo[c]))
        continue;
      if (!column_rows (layout, columns, c, &top, &bottom))
        {
          started = FALSE;
          continue;
        }

      if (!started)
        cairo_move_to (cr, x, top);
      if (!started || fabs (prev - top) <= fabs (prev - bottom))
        {
          cairo_line_to (cr, x, top);
          cairo_line_to (cr, x, bottom);
          prev = bottom;
        }
      else
        {
          cairo_line_to (cr, x, bottom);
          cairo_line_to (cr, x, top);
          prev = top;
        }
      started = TRUE;
    }

  cairo_set_line_width (cr, 2.0 * layout->lw);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  slope_palette_set_source (cr, &palette->cost);
  cairo_stroke (cr);
}

/* Each batch's cost, thin and light under the epochs' bold curve: the
 * noise mini-batches bring, around the mean the epoch ends with. */
static void
draw_batches (cairo_t             *cr,
              const Layout        *layout,
              const SlopeCostPlot *plot,
              const SlopePalette  *palette)
{
  gboolean started = FALSE;

  cairo_new_path (cr);
  for (gsize i = 0; i < plot->n_batches; i++)
    {
      double cost = plot->batch_cost[i];
      double x, y;

      if (!isfinite (cost) || !isfinite (plot->batch_x[i]))
        {
          started = FALSE;
          continue;
        }
      x = epoch_to_x (layout, plot->batch_x[i]);
      y = cost_to_y (layout, cost);
      if (started)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      started = TRUE;
    }
  cairo_set_line_width (cr, layout->lw);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  slope_palette_set_source_alpha (cr, &palette->cost, 0.35);
  cairo_stroke (cr);
}

/* inf and NaN costs have no height: a strip along the top edge says
 * where the run left every axis. */
static void
draw_diverged (cairo_t            *cr,
               const Layout       *layout,
               const Columns      *columns,
               const SlopePalette *palette)
{
  double h = 4.0 * layout->fs;
  gsize c = 0;

  while (c < columns->n)
    {
      gsize end;

      if (!(columns->hi[c] == INFINITY))
        {
          c++;
          continue;
        }
      for (end = c; end < columns->n; end++)
        if (!(columns->hi[end] == INFINITY || isnan (columns->lo[end])))
          break;

      cairo_rectangle (cr, columns->x[c] - 1.0, layout->top,
                       columns->x[end - 1] - columns->x[c] + 2.0, h);
      /* A notch pointing down where the run first left the axis. */
      cairo_move_to (cr, columns->x[c] - h, layout->top);
      cairo_line_to (cr, columns->x[c] + h, layout->top);
      cairo_line_to (cr, columns->x[c], layout->top + 2.0 * h);
      cairo_close_path (cr);
      c = end;
    }

  slope_palette_set_source (cr, &palette->warning);
  cairo_fill (cr);
}

static void
draw_marker (cairo_t             *cr,
             const Layout        *layout,
             const SlopeCostPlot *plot,
             const SlopePalette  *palette)
{
  double x = epoch_to_x (layout, (double) MIN (plot->marker_epoch, layout->x_max));
  double cost = plot->marker_cost;
  gboolean diverged = isnan (cost) || cost == INFINITY;
  double y = diverged ? layout->top : cost_to_y (layout, cost);
  double r = MARKER_RADIUS * layout->fs;

  cairo_set_line_width (cr, layout->lw);
  x = slope_plot_snap (cr, x, TRUE, layout->lw);
  cairo_move_to (cr, x, layout->top);
  cairo_line_to (cr, x, layout->top + layout->height);
  slope_palette_set_source_alpha (cr, &palette->marker, 0.6);
  cairo_stroke (cr);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0.0, 2.0 * G_PI);
  slope_palette_set_source (cr, diverged ? &palette->warning : &palette->marker);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5 * layout->lw);
  slope_palette_set_source (cr, &palette->background);
  cairo_stroke (cr);
}

static void
layout_frame (const Layout        *layout,
              const SlopeCostPlot *plot,
              SlopePlotFrame      *frame)
{
  *frame = (SlopePlotFrame) {
    .left = layout->left, .top = layout->top,
    .width = layout->width, .height = layout->height,
    .x_axis = &layout->x_axis, .y_axis = &layout->y_axis,
    .x_title = _("epoch"), .y_title = _("cost"),
    .font_family = plot->font_family, .palette = plot_palette (plot),
    .fs = layout->fs, .lw = layout->lw,
  };
}

/* Where the curve and the marker may draw: the plotting area, and wide
 * enough that the marker on an edge is not cut in half. */
static void
curve_bounds (const Layout *layout,
              double       *left,
              double       *top,
              double       *width,
              double       *height)
{
  double margin = MARKER_RADIUS * layout->fs + 2.0 * layout->lw;

  *left = layout->left - margin;
  *top = layout->top - margin;
  *width = layout->width + 2.0 * margin;
  *height = layout->height + 2.0 * margin;
}

/**
 * slope_cost_plot_frame_key:
 *
 * A fingerprint of everything slope_cost_plot_draw_frame() draws: the
 * area, both axes' ticks and labels, the palette, the font.  While it
 * stays the same the frame need not be drawn again; the history changes
 * it only when an axis does.
 */
guint64
slope_cost_plot_frame_key (const SlopeCostPlot *plot,
                           int                  width,
                           int                  height)
{
  /* The axes' label buffers are hashed whole: zeroed first, so bytes
   * past a label's end are the same from call to call. */
  g_autofree Layout *layout = g_new0 (Layout, 1);
  const guint8 *bytes = (const guint8 *) layout;
  guint64 key = SLOPE_PLOT_KEY_INIT;

  g_return_val_if_fail (plot != NULL, 0);

  compute_layout (plot, width, height, layout);
  for (gsize i = 0; i < sizeof *layout; i++)
    key = (key ^ bytes[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  key = slope_plot_key_string (key, plot->font_family);
  key = slope_plot_key_mix (key, GPOINTER_TO_SIZE (plot_palette (plot)));
  return slope_plot_key_mix (key, (guint64) width << 32 | (guint) height);
}

/**
 * slope_cost_plot_curve_key:
 *
 * A fingerprint of what slope_cost_plot_draw_curve() shows, to a
 * sixteenth of a pixel: each column's rows, the marker, and the frame's
 * key (which places them).  Costs a pass over the history's envelope,
 * not a drawing.
 */
guint64
slope_cost_plot_curve_key (const SlopeCostPlot *plot,
                           int                  width,
                           int                  height)
{
  guint64 key;
  Layout layout;

  g_return_val_if_fail (plot != NULL, 0);

  key = slope_cost_plot_frame_key (plot, width, height);
  compute_layout (plot, width, height, &layout);
  if (plot->history != NULL && slope_history_get_last_epoch (plot->history) > 0)
    {
      Columns columns = { 0 };

      columns_fill (&columns, &layout, plot->history);
      for (gsize c = 0; c < columns.n; c++)
        {
          double top, bottom;

          if (column_rows (&layout, &columns, c, &top, &bottom))
            key = slope_plot_key_pixel (slope_plot_key_pixel (key, top), bottom);
          else
            key = slope_plot_key_mix (key, isnan (columns.lo[c]) ? 1 : 2);
          key = slope_plot_key_mix (key, columns.hi[c] == INFINITY);
        }
      columns_clear (&columns);
    }
  key = slope_plot_key_mix (key, plot->has_marker);
  if (plot->has_marker)
    {
      double cost = plot->marker_cost;
      gboolean diverged = isnan (cost) || cost == INFINITY;

      key = slope_plot_key_pixel (key, epoch_to_x (&layout, (double) MIN (plot->marker_epoch,
                                                                         layout.x_max)));
      key = slope_plot_key_pixel (key, diverged ? -1.0 : cost_to_y (&layout, cost));
    }
  return key;
}

/**
 * slope_cost_plot_curve_area:
 *
 * The box slope_cost_plot_draw_curve() draws in, in user units.
 */
void
slope_cost_plot_curve_area (const SlopeCostPlot *plot,
                            int                  width,
                            int                  height,
                            double              *left,
                            double              *top,
                            double              *area_width,
                            double              *area_height)
{
  Layout layout;

  g_return_if_fail (plot != NULL);

  compute_layout (plot, width, height, &layout);
  curve_bounds (&layout, left, top, area_width, area_height);
}

/* The background, grid, axes, ticks and titles: what stays put while the
 * curve grows. */
void
slope_cost_plot_draw_frame (cairo_t             *cr,
                            int                  width,
                            int                  height,
                            const SlopeCostPlot *plot)
{
  SlopePlotFrame frame;
  Layout layout;

  g_return_if_fail (plot != NULL);

  if (!slope_plot_cairo_ok (cr) || width <= 0 || height <= 0)
    return;

  compute_layout (plot, width, height, &layout);
  layout_frame (&layout, plot, &frame);

  /* Nothing outside the box given, even if it is too small for labels. */
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  slope_palette_set_source (cr, &frame.palette->background);
  cairo_paint (cr);
  slope_plot_frame_draw_grid (cr, &frame);
  /* Axes before the curve: the first epoch sits on the y axis, and must show. */
  slope_plot_frame_draw_axes (cr, &frame);
  cairo_restore (cr);
}

/* The curve, its band, the diverged strip and the marker, over the frame. */
void
slope_cost_plot_draw_curve (cairo_t             *cr,
                            int                  width,
                            int                  height,
                            const SlopeCostPlot *plot)
{
  const SlopePalette *palette;
  Layout layout;
  double left, top, w, h;

  g_return_if_fail (plot != NULL);

  if (!slope_plot_cairo_ok (cr) || width <= 0 || height <= 0)
    return;

  palette = plot_palette (plot);
  compute_layout (plot, width, height, &layout);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  curve_bounds (&layout, &left, &top, &w, &h);
  cairo_rectangle (cr, left, top, w, h);
  cairo_clip (cr);
  if (plot->history != NULL && slope_history_get_last_epoch (plot->history) > 0)
    {
      Columns columns = { 0 };

      columns_fill (&columns, &layout, plot->history);
      if (plot->n_batches > 0)
        draw_batches (cr, &layout, plot, palette);
      draw_band (cr, &layout, &columns, palette);
      draw_curve (cr, &layout, &columns, palette);
      draw_diverged (cr, &layout, &columns, palette);
      columns_clear (&columns);
    }
  if (plot->has_marker)
    draw_marker (cr, &layout, plot, palette);
  cairo_restore (cr);
}

void
slope_cost_plot_draw (cairo_t             *cr,
                      int                  width,
                      int                  height,
                      const SlopeCostPlot *plot)
{
  slope_cost_plot_draw_frame (cr, width, height, plot);
  slope_cost_plot_draw_curve (cr, width, height, plot);
}
