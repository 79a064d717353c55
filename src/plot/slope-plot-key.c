/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-plot-key.c: fingerprints of the data plot's model layer and the
 * landscape's path layer, from the renderers' own public geometry.
 *
 * Each covers what the layer draws and where: two pictures with the same
 * key differ by less than a sixteenth of a pixel anywhere.  (The cost
 * plot's is in slope-cost-plot.c, next to the envelope it reads.)
 */
#include "config.h"

#include "slope-data-plot.h"
#include "slope-landscape-plot.h"
#include "slope-landscape-private.h"
#include "slope-plot-key.h"

static guint64
key_line (guint64              key,
          const SlopeDataPlot *plot,
          const SlopeArea     *area,
          double               w,
          double               b)
{
  double x0, y0, x1, y1, px, py;

  if (!slope_clip_line (&plot->view, w, b, &x0, &y0, &x1, &y1))
    return slope_plot_key_mix (key, 1 + (guint64) (slope_line_offscreen (&plot->view, w, b) + 1));
  slope_data_plot_to_pixel (plot, area, x0, y0, &px, &py);
  key = slope_plot_key_pixel (slope_plot_key_pixel (key, px), py);
  slope_data_plot_to_pixel (plot, area, x1, y1, &px, &py);
  return slope_plot_key_pixel (slope_plot_key_pixel (key, px), py);
}

/* The compared runs: each one's line where it is visible, and what the
 * legend says of it, visible or not. */
static guint64
key_runs (guint64              key,
          const SlopeDataPlot *plot,
          const SlopeArea     *area)
{
  key = slope_plot_key_mix (key, plot->runs != NULL ? plot->n_runs : 0);
  if (plot->runs == NULL || plot->n_runs == 0)
    return key;
  key = slope_plot_key_string (key, plot->label);
  for (gsize i = 0; i < plot->n_runs; i++)
    {
      const SlopeRunTrace *run = &plot->runs[i];

      key = slope_plot_key_mix (key, (guint64) run->colour | (guint64) !!run->hidden << 32
                                     | (guint64) !!run->diverged << 33);
      key = slope_plot_key_string (key, run->label);
      if (slope_run_trace_visible (run))
        key = key_line (key, plot, area, run->w, run->b);
      if (plot->show_equation)
        {
          g_autofree char *equation = slope_format_equation (run->w, run->b);

          key = slope_plot_key_string (key, equation);
        }
    }
  return key;
}

/**
 * slope_data_plot_model_key:
 *
 * A fingerprint of what slope_data_plot_draw_model() shows: the line and
 * the reference line (which place the residuals too), the equations as
 * written, the ringed point, the flags and the plotting area; the
 * compared runs' lines and legend rows.
 */
guint64
slope_data_plot_model_key (const SlopeDataPlot *plot,
                           int                  width,
                           int                  height)
{
  guint64 key = SLOPE_PLOT_KEY_INIT;
  SlopeArea area;

  g_return_val_if_fail (plot != NULL, 0);

  slope_data_plot_area (plot, width, height, &area);
  key = slope_plot_key_pixel (slope_plot_key_pixel (key, area.left), area.top);
  key = slope_plot_key_pixel (slope_plot_key_pixel (key, area.width), area.height);
  key = slope_plot_key_mix (key, GPOINTER_TO_SIZE (plot->palette));
  key = slope_plot_key_mix (key, GPOINTER_TO_SIZE (plot->dataset));
  key = slope_plot_key_mix (key, (guint64) plot->show_line | (guint64) plot->show_residuals << 1
                                 | (guint64) plot->show_equation << 2
                                 | (guint64) plot->has_reference << 3
                                 | (guint64) (plot->w < 0.0) << 4);
  key = slope_plot_key_mix (key, (guint64) plot->highlight);
  key = slope_plot_key_mix (key, (guint64) (plot->font_scale * 4096.0));
  /* The residuals hang from the line, and are drawn only with it. */
  if (plot->show_line)
    key = key_line (key, plot, &area, plot->w, plot->b);
  if (plot->has_reference)
    key = key_line (key, plot, &area, plot->reference_w, plot->reference_b);
  key = key_runs (key, plot, &area);
  if (plot->show_equation)
    {
      g_autofree char *model = slope_format_equation (plot->w, plot->b);

      key = slope_plot_key_string (key, model);
      if (plot->has_reference)
        {
          g_autofree char *reference = slope_format_equation (plot->reference_w, plot->reference_b);

          key = slope_plot_key_string (key, reference);
        }
    }
  return key;
}

static guint64
key_point (guint64                   key,
           const SlopeLandscapePlot *plot,
           const SlopeArea          *area,
           double                    w,
           double                    b)
{
  double px, py;

  slope_landscape_plot_to_pixel (plot, area, w, b, &px, &py);
  return slope_plot_key_pixel (slope_plot_key_pixel (key, px), py);
}

/**
 * slope_landscape_plot_path_key:
 *
 * A fingerprint of what slope_landscape_plot_draw_path() shows: every
 * point of the path, the optimum, the gradient's arrow and the current
 * point, where they fall in the plotting area; each visible compared run's
 * path and point.
 */
guint64
slope_landscape_plot_path_key (const SlopeLandscapePlot *plot,
                               int                       width,
                               int                       height)
{
  guint64 key = SLOPE_PLOT_KEY_INIT;
  double x0, y0, x1, y1;
  SlopeArea area;

  g_return_val_if_fail (plot != NULL, 0);

  slope_landscape_plot_area (plot, width, height, &area);
  key = slope_plot_key_pixel (slope_plot_key_pixel (key, area.left), area.top);
  key = slope_plot_key_pixel (slope_plot_key_pixel (key, area.width), area.height);
  key = slope_plot_key_mix (key, GPOINTER_TO_SIZE (plot->palette));
  key = slope_plot_key_mix (key, (guint64) (plot->font_scale * 4096.0));
  key = slope_landscape_plot_key_path (key, plot, width, height);
  key = slope_plot_key_mix (key, (guint64) plot->has_optimum | (guint64) plot->show_gradient << 1);
  if (plot->has_optimum)
    key = key_point (key, plot, &area, plot->optimum_w, plot->optimum_b);
  key = key_point (key, plot, &area, plot->w, plot->b);
  key = slope_plot_key_mix (key, plot->runs != NULL ? plot->n_runs : 0);
  for (gsize r = 0; plot->runs != NULL && r < plot->n_runs; r++)
    {
      const SlopeRunTrace *run = &plot->runs[r];

      key = slope_plot_key_mix (key, (guint64) run->colour | (guint64) !!run->hidden << 32);
      if (!slope_run_trace_visible (run))
        continue;
      key = slope_plot_key_mix (key, run->path_w != NULL && run->path_b != NULL ? run->n_path : 0);
      for (gsize i = 0; run->path_w != NULL && run->path_b != NULL && i < run->n_path; i++)
        key = key_point (key, plot, &area, run->path_w[i], run->path_b[i]);
      key = key_point (key, plot, &area, run->w, run->b);
    }
  if (slope_landscape_plot_arrow (plot, &area, &x0, &y0, &x1, &y1))
    {
      key = slope_plot_key_pixel (slope_plot_key_pixel (key, x0), y0);
      key = slope_plot_key_pixel (slope_plot_key_pixel (key, x1), y1);
    }
  return key;
}
