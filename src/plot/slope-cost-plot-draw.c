/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-cost-plot-draw.c: the cost plot drawn, in its two layers.
 *
 * The frame (background, grid, axes) and the curve over it: the band of
 * each column's spread, the curve through the columns, each batch's cost,
 * the diverged strip, the markers, and the compared runs under the main
 * one.  The layout and the columns come from slope-cost-plot.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "slope-cost-plot.h"
#include "slope-cost-plot-private.h"
#include "slope-plot-frame.h"
#include "slope-plot-text.h"

/* The spread of each column, lightly: where many epochs share a pixel. */
static void
draw_band (cairo_t            *cr,
           const SlopeCostLayout       *layout,
           const SlopeCostColumns      *columns,
           const SlopeColor   *colour)
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
        if (slope_cost_column_rows (layout, columns, c, &top, &bottom))
          cairo_line_to (cr, columns->x[c], top);
      for (gsize c = end; c > start; c--)
        if (slope_cost_column_rows (layout, columns, c - 1, &top, &bottom))
          cairo_line_to (cr, columns->x[c - 1], bottom);
      cairo_close_path (cr);
      slope_palette_set_source_alpha (cr, colour, 0.25);
      cairo_fill (cr);

      start = end + 1;
    }
}

/* Each column top to bottom, entered at the end nearer the previous one,
 * so a falling curve is a clean line and a noisy one fills its band. */
static void
draw_curve (cairo_t            *cr,
            const SlopeCostLayout       *layout,
            const SlopeCostColumns      *columns,
            const SlopeColor   *colour)
{
  gboolean started = FALSE;
  double prev = 0.0;

  cairo_new_path (cr);
  for (gsize c = 0; c < columns->n; c++)
    {
      double top, bottom, x = columns->x[c];

      if (isnan (columns->lo[c]))
        continue;
      if (!slope_cost_column_rows (layout, columns, c, &top, &bottom))
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
  slope_palette_set_source (cr, colour);
  cairo_stroke (cr);
}

/* Each batch's cost, thin and light under the epochs' bold curve: the
 * noise mini-batches bring, around the mean the epoch ends with. */
static void
draw_batches (cairo_t             *cr,
              const SlopeCostLayout        *layout,
              const SlopeCostPlot *plot,
              const SlopeColor    *colour)
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
      x = slope_cost_layout_epoch_x (layout, plot->batch_x[i]);
      y = slope_cost_layout_cost_y (layout, cost);
      if (started)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      started = TRUE;
    }
  cairo_set_line_width (cr, layout->lw);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  slope_palette_set_source_alpha (cr, colour, 0.35);
  cairo_stroke (cr);
}

/* inf and NaN costs have no height: a strip along the top edge says
 * where the run left every axis. */
static void
draw_diverged (cairo_t            *cr,
               const SlopeCostLayout       *layout,
               const SlopeCostColumns      *columns,
               const SlopeColor   *colour)
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

  slope_palette_set_source (cr, colour);
  cairo_fill (cr);
}

static void
draw_marker (cairo_t             *cr,
             const SlopeCostLayout        *layout,
             const SlopeCostPlot *plot,
             const SlopePalette  *palette)
{
  double x = slope_cost_layout_epoch_x (layout, (double) MIN (plot->marker_epoch, layout->x_max));
  double cost = plot->marker_cost;
  gboolean diverged = isnan (cost) || cost == INFINITY;
  double y = diverged ? layout->top : slope_cost_layout_cost_y (layout, cost);
  double r = SLOPE_COST_MARKER_RADIUS * layout->fs;

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

/* The main run's curve is the cost colour alone, and with compared runs
 * its own line's colour, as on the data plot and the landscape, so that
 * each run has one colour everywhere. */
static const SlopeColor *
main_colour (const SlopeCostPlot *plot,
             const SlopePalette  *palette)
{
  return plot->runs != NULL && plot->n_runs > 0 ? slope_palette_run_colour (palette, 0)
                                                : &palette->cost;
}

/* The compared runs' curves, under the main run's: each without its
 * band, and its diverged strip in its own colour, so it says whose. */
static void
draw_run_curves (cairo_t             *cr,
                 const SlopeCostLayout        *layout,
                 const SlopeCostPlot *plot,
                 const SlopePalette  *palette)
{
  SlopeCostColumns columns = { 0 };

  for (gsize i = 0; plot->runs != NULL && i < plot->n_runs; i++)
    {
      const SlopeRunTrace *run = &plot->runs[i];

      if (!slope_run_trace_visible (run) || run->history == NULL
          || slope_history_get_last_epoch (run->history) == 0)
        continue;
      if (columns.lo == NULL)
        slope_cost_columns_fill (&columns, layout, run->history);
      else
        slope_cost_columns_refill (&columns, layout, run->history);
      draw_curve (cr, layout, &columns, slope_run_trace_colour (run, palette));
      draw_diverged (cr, layout, &columns, slope_run_trace_colour (run, palette));
    }
  slope_cost_columns_clear (&columns);
}

/* Each compared run's dot at the shared epoch, under the main run's. */
static void
draw_run_markers (cairo_t             *cr,
                  const SlopeCostLayout        *layout,
                  const SlopeCostPlot *plot,
                  const SlopePalette  *palette)
{
  double r = SLOPE_COST_MARKER_RADIUS * layout->fs;

  for (gsize i = plot->runs != NULL ? plot->n_runs : 0; i > 0; i--)
    {
      const SlopeRunTrace *run = &plot->runs[i - 1];
      double x;

      if (!slope_run_trace_visible (run) || !run->has_marker)
        continue;
      x = slope_cost_layout_epoch_x (layout, (double) MIN (run->marker_epoch, layout->x_max));
      x = slope_plot_snap (cr, x, TRUE, layout->lw);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, slope_cost_layout_marker_y (layout, run->marker_cost), r, 0.0, 2.0 * G_PI);
      slope_palette_set_source (cr, slope_run_trace_colour (run, palette));
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1.5 * layout->lw);
      slope_palette_set_source (cr, &palette->background);
      cairo_stroke (cr);
    }
}

static void
layout_frame (const SlopeCostLayout        *layout,
              const SlopeCostPlot *plot,
              SlopePlotFrame      *frame)
{
  *frame = (SlopePlotFrame) {
    .left = layout->left, .top = layout->top,
    .width = layout->width, .height = layout->height,
    .x_axis = &layout->x_axis, .y_axis = &layout->y_axis,
    .x_title = _("epoch"), .y_title = _("cost"),
    .font_family = plot->font_family, .palette = slope_cost_plot_palette (plot),
    .fs = layout->fs, .lw = layout->lw,
  };
}

/* Where the curve and the marker may draw: the plotting area, and wide
 * enough that the marker on an edge is not cut in half. */
static void
curve_bounds (const SlopeCostLayout *layout,
              double       *left,
              double       *top,
              double       *width,
              double       *height)
{
  double margin = SLOPE_COST_MARKER_RADIUS * layout->fs + 2.0 * layout->lw;

  *left = layout->left - margin;
  *top = layout->top - margin;
  *width = layout->width + 2.0 * margin;
  *height = layout->height + 2.0 * margin;
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
  SlopeCostLayout layout;

  g_return_if_fail (plot != NULL);

  slope_cost_layout_compute (plot, width, height, &layout);
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
  SlopeCostLayout layout;

  g_return_if_fail (plot != NULL);

  if (!slope_plot_cairo_ok (cr) || width <= 0 || height <= 0)
    return;

  slope_cost_layout_compute (plot, width, height, &layout);
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
  SlopeCostLayout layout;
  double left, top, w, h;

  g_return_if_fail (plot != NULL);

  if (!slope_plot_cairo_ok (cr) || width <= 0 || height <= 0)
    return;

  palette = slope_cost_plot_palette (plot);
  slope_cost_layout_compute (plot, width, height, &layout);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  curve_bounds (&layout, &left, &top, &w, &h);
  cairo_rectangle (cr, left, top, w, h);
  cairo_clip (cr);
  draw_run_curves (cr, &layout, plot, palette);
  if (plot->history != NULL && slope_history_get_last_epoch (plot->history) > 0)
    {
      SlopeCostColumns columns = { 0 };

      slope_cost_columns_fill (&columns, &layout, plot->history);
      if (plot->n_batches > 0)
        draw_batches (cr, &layout, plot, main_colour (plot, palette));
      draw_band (cr, &layout, &columns, main_colour (plot, palette));
      draw_curve (cr, &layout, &columns, main_colour (plot, palette));
      draw_diverged (cr, &layout, &columns, &palette->warning);
      slope_cost_columns_clear (&columns);
    }
  if (plot->has_marker)
    draw_marker (cr, &layout, plot, palette);
  draw_run_markers (cr, &layout, plot, palette);
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
