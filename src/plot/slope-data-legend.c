/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-data-legend.c: the data plot's equations, and the corner of the
 * plot they go in.
 *
 * The legend is drawn over the plot, so it goes where it hides least: a
 * corner with no points and none of the lines drawn under it when there
 * is one (with compared runs the lines fan out over the plot), else the
 * corner that hides the fewest.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-data-plot-private.h"
#include "slope-run-trace-private.h"

#define MINUS_SIGN "\xe2\x88\x92"

typedef SlopeDataPlotLayout Layout;

/* "1.982x", "−0.5x", "inf·x", "2×10³⁰·x": the product sign only where
 * juxtaposition would be misread. */
static void
append_term (GString *out,
             double   w)
{
  char num[64];

  slope_format_number_unicode (num, sizeof num, w, 4);
  g_string_append (out, num);
  if (!isfinite (w) || strstr (num, "\xc3\x97") != NULL)
    g_string_append (out, "·x");
  else
    g_string_append (out, "x");
}

/**
 * slope_format_equation:
 *
 * Returns: (transfer full): "ŷ = 1.982x − 0.041", or honest text such as
 * "ŷ = inf·x + nan" for a model that diverged.
 */
char *
slope_format_equation (double w,
                       double b)
{
  GString *out = g_string_new ("ŷ = ");
  char num[64];

  append_term (out, w);
  /* "− 0.041", not "+ −0.041"; NaN has no sign to show. */
  slope_format_number_unicode (num, sizeof num, fabs (b), 4);
  g_string_append (out, signbit (b) && !isnan (b) && b != 0.0 ? " " MINUS_SIGN " " : " + ");
  g_string_append (out, num);

  return g_string_free (out, FALSE);
}

/* Points under @rect, from at most LEGEND_SAMPLE of them: enough to see
 * whether a corner is free, and cheap with ten million. */
#define LEGEND_SAMPLE 4096

static gsize
points_under (const Layout            *layout,
              const SlopeDataPlot     *plot,
              const cairo_rectangle_t *rect)
{
  gsize n = plot->dataset != NULL ? slope_dataset_get_n (plot->dataset) : 0;
  gsize stride = MAX ((gsize) 1, n / LEGEND_SAMPLE);
  const double *xs, *ys;
  gsize count = 0;
  double margin;

  if (n == 0)
    return 0;
  xs = slope_dataset_get_x (plot->dataset);
  ys = slope_dataset_get_y (plot->dataset);
  /* A dot whose centre is just outside still shows under the box's edge. */
  margin = 6.0 * layout->fs;
  for (gsize i = 0; i < n; i += stride)
    {
      double px, py;

      view_to_pixel (&layout->view, &layout->area, xs[i], ys[i], &px, &py);
      if (px >= rect->x - margin && px <= rect->x + rect->width + margin
          && py >= rect->y - margin && py <= rect->y + rect->height + margin)
        count++;
    }
  return count;
}

/* How many pixels of the line y = w·x + b, as drawn, run under @rect
 * grown by @margin: the part of it inside the view, clipped to the box
 * (Liang–Barsky). */
static double
line_under (const Layout            *layout,
            double                   w,
            double                   b,
            const cairo_rectangle_t *rect,
            double                   margin)
{
  double x0, y0, x1, y1, px0, py0, px1, py1, dx, dy;
  double t0 = 0.0, t1 = 1.0;
  double p[4], q[4];

  if (!slope_clip_line (&layout->view, w, b, &x0, &y0, &x1, &y1))
    return 0.0;
  view_to_pixel (&layout->view, &layout->area, x0, y0, &px0, &py0);
  view_to_pixel (&layout->view, &layout->area, x1, y1, &px1, &py1);
  dx = px1 - px0;
  dy = py1 - py0;
  p[0] = -dx; q[0] = px0 - (rect->x - margin);
  p[1] = dx;  q[1] = rect->x + rect->width + margin - px0;
  p[2] = -dy; q[2] = py0 - (rect->y - margin);
  p[3] = dy;  q[3] = rect->y + rect->height + margin - py0;
  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0.0)
        {
          if (q[i] < 0.0)
            return 0.0;
          continue;
        }
      if (p[i] < 0.0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
    }
  if (!(t1 > t0))
    return 0.0;
  return (t1 - t0) * hypot (dx, dy);
}

/* What a legend at @rect would hide: each point under it counts one, and
 * each drawn line (the model's, the reference, every visible compared
 * run's) one per dot's width of its length under the box, so a line
 * crossing a corner weighs as the row of dots it would make. */
static double
cover (const Layout            *layout,
       const SlopeDataPlot     *plot,
       const cairo_rectangle_t *rect)
{
  double dot = 2.0 * SLOPE_DATA_PLOT_POINT_RADIUS * layout->fs;
  double margin = 2.0 * layout->lw;
  double length = 0.0;

  if (plot->show_line)
    length += line_under (layout, plot->w, plot->b, rect, margin);
  if (plot->has_reference)
    length += line_under (layout, plot->reference_w, plot->reference_b, rect, margin);
  for (gsize i = 0; plot->runs != NULL && i < plot->n_runs; i++)
    if (slope_run_trace_visible (&plot->runs[i]))
      length += line_under (layout, plot->runs[i].w, plot->runs[i].b, rect, margin);

  return (double) points_under (layout, plot, rect) + length / dot;
}

/* The legend's rows: the model's equation, each compared run's, the
 * reference's.  The texts are freed by legend_rows_clear(). */
typedef struct
{
  SlopePlotLegendRow rows[2 + SLOPE_RUN_TRACE_MAX];
  guint              n_rows;
  char              *model;
  char              *reference;
  char              *run_text[SLOPE_RUN_TRACE_MAX + 1];
} LegendRows;

static void
legend_rows_init (LegendRows          *legend,
                  const SlopeDataPlot *plot,
                  const SlopePalette  *palette)
{
  gboolean diverged = !isfinite (plot->w) || !isfinite (plot->b);

  memset (legend, 0, sizeof *legend);
  legend->model = slope_format_equation (plot->w, plot->b);
  legend->rows[legend->n_rows++] = (SlopePlotLegendRow) {
    legend->model, diverged ? palette->warning : palette->line, FALSE
  };
  legend->n_rows += slope_run_trace_legend_rows (plot->runs, plot->n_runs, plot->label, palette,
                                                 legend->rows, legend->run_text);
  if (plot->has_reference)
    {
      legend->reference = slope_format_equation (plot->reference_w, plot->reference_b);
      legend->rows[legend->n_rows++] = (SlopePlotLegendRow) {
        legend->reference, palette->reference, TRUE
      };
    }
}

static void
legend_rows_clear (LegendRows *legend)
{
  g_free (legend->model);
  g_free (legend->reference);
  for (guint i = 0; i < G_N_ELEMENTS (legend->run_text); i++)
    g_free (legend->run_text[i]);
}

/* The corner that hides least: of the top ones first the one the line
 * leaves free (top left when it rises, top right when it falls), then a
 * bottom one, since a view grown to follow a line far away leaves the
 * points in a band and the bottom free.  The first free corner in that
 * order wins, else the least covered, the earlier on a tie. */
static SlopePlotCorner
choose_corner (cairo_t             *cr,
               const Layout        *layout,
               const SlopeDataPlot *plot,
               const LegendRows    *legend)
{
  SlopePlotCorner side = plot->w < 0.0 ? SLOPE_PLOT_CORNER_RIGHT : SLOPE_PLOT_CORNER_TOP_LEFT;
  SlopePlotCorner order[4] = {
    side, side ^ SLOPE_PLOT_CORNER_RIGHT,
    (side ^ SLOPE_PLOT_CORNER_RIGHT) | SLOPE_PLOT_CORNER_BOTTOM, side | SLOPE_PLOT_CORNER_BOTTOM,
  };
  SlopePlotCorner corner = side;
  double least = G_MAXDOUBLE;
  SlopePlotFrame frame;

  _slope_data_plot_layout_frame (layout, plot, &frame);
  for (guint i = 0; i < G_N_ELEMENTS (order) && least > 0.0; i++)
    {
      cairo_rectangle_t rect;
      double c;

      slope_plot_frame_legend_rect (cr, &frame, legend->rows, legend->n_rows, order[i], &rect);
      c = cover (layout, plot, &rect);
      if (c < least)
        {
          least = c;
          corner = order[i];
        }
    }
  return corner;
}

SlopePlotCorner
_slope_data_plot_legend_corner (cairo_t             *cr,
                                const Layout        *layout,
                                const SlopeDataPlot *plot)
{
  LegendRows legend;
  SlopePlotCorner corner;

  legend_rows_init (&legend, plot, _slope_data_plot_palette (plot));
  corner = choose_corner (cr, layout, plot, &legend);
  legend_rows_clear (&legend);
  return corner;
}

void
_slope_data_plot_draw_legend (cairo_t             *cr,
                              const Layout        *layout,
                              const SlopeDataPlot *plot,
                              const SlopePalette  *palette)
{
  LegendRows legend;
  SlopePlotFrame frame;
  SlopePlotCorner corner;

  legend_rows_init (&legend, plot, palette);
  corner = choose_corner (cr, layout, plot, &legend);
  _slope_data_plot_layout_frame (layout, plot, &frame);
  slope_plot_frame_draw_legend_at (cr, &frame, legend.rows, legend.n_rows, corner);
  legend_rows_clear (&legend);
}
