/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plot-runs-scenes.h: three plots as they were drawn before compared runs
 * existed, set up with the fields of that time only.
 *
 * test-plot-runs draws them with no runs and compares every byte with
 * tests/data/runs-before-*.png, which make-runs-before.c drew with the
 * renderers of main at 1808ed2 (before runs), on Debian 12's fonts;
 * runs-before-2.png (the landscape) was drawn again at main 3ad715c,
 * whose slope-landscape-label.c places the optimum's label elsewhere.
 */
#pragma once

#include <cairo.h>

#include "slope-cost-plot.h"
#include "slope-data-plot.h"
#include "slope-history.h"
#include "slope-landscape-plot.h"

#define SCENE_WIDTH  480
#define SCENE_HEIGHT 320

static inline SlopeHistory *
scene_history (double scale)
{
  SlopeHistory *history = slope_history_new (1024, 1024);

  for (guint e = 1; e <= 300; e++)
    {
      SlopeEpochRecord rec = { .epoch = e, .run_epoch = e, .run_length = 300,
                               .w = 2.0 - 1.0 / e, .b = 0.5 / e, .cost = scale * 10.0 / (e * e) };

      slope_history_append (history, &rec, 1);
    }
  return history;
}

static inline cairo_surface_t *
scene_draw (guint          which,
            SlopeDataset  *data,
            SlopeHistory  *history,
            const double  *path_w,
            const double  *path_b,
            gsize          n_path)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SCENE_WIDTH, SCENE_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  if (which == 0)
    {
      SlopeDataPlot plot;

      slope_data_plot_init (&plot);
      plot.dataset = data;
      slope_viewport_fit (&plot.view, data);
      plot.w = 1.5;
      plot.b = 0.25;
      plot.show_residuals = TRUE;
      plot.has_reference = slope_dataset_least_squares (data, &plot.reference_w, &plot.reference_b, NULL);
      slope_data_plot_draw (cr, SCENE_WIDTH, SCENE_HEIGHT, &plot);
    }
  else if (which == 1)
    {
      SlopeCostPlot plot;

      slope_cost_plot_init (&plot);
      plot.history = history;
      plot.x_max_epoch = 400;
      plot.has_marker = TRUE;
      plot.marker_epoch = 200;
      plot.marker_cost = 10.0 / (200.0 * 200.0);
      slope_cost_plot_draw (cr, SCENE_WIDTH, SCENE_HEIGHT, &plot);
    }
  else
    {
      SlopeLandscapePlot plot;

      slope_landscape_plot_init (&plot);
      plot.moments = *slope_dataset_get_moments (data);
      plot.has_optimum = slope_dataset_least_squares (data, &plot.optimum_w, &plot.optimum_b, NULL);
      plot.path_w = path_w;
      plot.path_b = path_b;
      plot.n_path = n_path;
      plot.w = path_w[n_path - 1];
      plot.b = path_b[n_path - 1];
      slope_landscape_view_fit (&plot.view, &plot.moments, path_w, path_b, n_path, plot.w, plot.b);
      slope_landscape_plot_draw (cr, SCENE_WIDTH, SCENE_HEIGHT, &plot);
    }
  cairo_destroy (cr);
  return surface;
}
