/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plot-key.c: the fingerprints that decide whether a moving layer is
 * drawn again.  A change one could see (a pixel or more) changes the key;
 * a change no one could see (far below a sixteenth of a pixel) does not.
 * A key that failed the first would leave a stale line on the screen.
 */
#include "config.h"

#include <math.h>

#include "slope-cost-plot.h"
#include "slope-data-plot.h"
#include "slope-landscape-plot.h"

#define W 420
#define H 300

static SlopeDataset *
lesson (void)
{
  static const double x[] = { 1.0, 2.0, 3.0 }, y[] = { 2.0, 4.0, 6.0 };

  return slope_dataset_new (x, y, 3, NULL);
}

static void
test_data_model (void)
{
  g_autoptr(SlopeDataset) data = lesson ();
  SlopeDataPlot plot;
  guint64 key;

  slope_data_plot_init (&plot);
  plot.dataset = data;
  /* x from 0 to 4 and y from 0 to 8 over about 400 × 250 pixels: 0.01
   * in W moves the line's right end by several pixels. */
  plot.view = (SlopeViewport) { 0.0, 4.0, 0.0, 8.0 };
  /* Not on a round pixel: a key rounds positions, and a value exactly
   * between two sixteenths could go either way. */
  plot.w = 1.4837;
  plot.b = 0.2719;
  plot.show_line = TRUE;
  plot.show_equation = TRUE;
  key = slope_data_plot_model_key (&plot, W, H);

  plot.w = 1.4837 + 1e-12;
  g_assert_cmpuint (slope_data_plot_model_key (&plot, W, H), ==, key);
  plot.w = 1.4937;
  g_assert_cmpuint (slope_data_plot_model_key (&plot, W, H), !=, key);
  plot.w = 1.4837;
  plot.b = 0.2819;
  g_assert_cmpuint (slope_data_plot_model_key (&plot, W, H), !=, key);
  plot.b = 0.2719;
  g_assert_cmpuint (slope_data_plot_model_key (&plot, W, H), ==, key);

  /* The equation reads "ŷ = 1.484x + 0.2719": W = 1.4841 would read
   * 1.484 too, 1.4846 reads 1.485; without the line only the text moves. */
  plot.show_line = FALSE;
  key = slope_data_plot_model_key (&plot, W, H);
  plot.w = 1.4841;
  g_assert_cmpuint (slope_data_plot_model_key (&plot, W, H), ==, key);
  plot.w = 1.4846;
  g_assert_cmpuint (slope_data_plot_model_key (&plot, W, H), !=, key);
  plot.w = 1.4837;

  /* What else the layer shows. */
  plot.show_line = TRUE;
  key = slope_data_plot_model_key (&plot, W, H);
  plot.highlight = 1;
  g_assert_cmpuint (slope_data_plot_model_key (&plot, W, H), !=, key);
  plot.highlight = -1;
  plot.has_reference = TRUE;
  plot.reference_w = 2.0;
  g_assert_cmpuint (slope_data_plot_model_key (&plot, W, H), !=, key);
  plot.has_reference = FALSE;
  plot.palette = slope_palette_get_style (SLOPE_PALETTE_DARK);
  g_assert_cmpuint (slope_data_plot_model_key (&plot, W, H), !=, key);
  plot.palette = NULL;
  g_assert_cmpuint (slope_data_plot_model_key (&plot, W + 1, H), !=, key);
  g_assert_cmpuint (slope_data_plot_model_key (&plot, W, H), ==, key);
}

static void
append (SlopeHistory *history,
        guint64       epoch,
        double        cost)
{
  SlopeEpochRecord record = { 0 };

  record.epoch = epoch;
  record.run_epoch = (guint) epoch;
  record.run_length = 100;
  record.cost = cost;
  record.lr = 0.01;
  slope_history_append (history, &record, 1);
}

static void
test_cost_curve (void)
{
  g_autoptr(SlopeHistory) history = slope_history_new_default ();
  SlopeCostPlot plot;
  guint64 key, frame_key;

  for (guint64 e = 1; e <= 40; e++)
    append (history, e, 21.37 * pow (0.8, (double) e));
  slope_cost_plot_init (&plot);
  plot.history = history;
  plot.x_max_epoch = 100;
  plot.has_marker = TRUE;
  plot.marker_epoch = 40;
  plot.marker_cost = 21.37 * pow (0.8, 40.0);
  key = slope_cost_plot_curve_key (&plot, W, H);
  g_assert_cmpuint (slope_cost_plot_curve_key (&plot, W, H), ==, key);

  /* One epoch of 100 across some 350 pixels: the marker moves visibly. */
  plot.marker_epoch = 41;
  g_assert_cmpuint (slope_cost_plot_curve_key (&plot, W, H), !=, key);
  plot.marker_epoch = 40;
  plot.marker_cost *= 1.0 + 1e-13;
  g_assert_cmpuint (slope_cost_plot_curve_key (&plot, W, H), ==, key);
  plot.marker_cost = NAN;
  g_assert_cmpuint (slope_cost_plot_curve_key (&plot, W, H), !=, key);
  plot.marker_cost = 21.37 * pow (0.8, 40.0);
  g_assert_cmpuint (slope_cost_plot_curve_key (&plot, W, H), ==, key);

  /* A new epoch on the curve. */
  append (history, 41, 21.37 * pow (0.8, 41.0));
  g_assert_cmpuint (slope_cost_plot_curve_key (&plot, W, H), !=, key);

  /* On a run of 10⁸ epochs one more epoch moves nothing, the same cost
   * again adds nothing, and a cost a decade lower does. */
  plot.x_max_epoch = 100000000;
  key = slope_cost_plot_curve_key (&plot, W, H);
  frame_key = slope_cost_plot_frame_key (&plot, W, H);
  plot.marker_epoch = 41;
  g_assert_cmpuint (slope_cost_plot_curve_key (&plot, W, H), ==, key);
  append (history, 42, 21.37 * pow (0.8, 41.0));
  g_assert_cmpuint (slope_cost_plot_curve_key (&plot, W, H), ==, key);
  /* A lower cost in the same decade: the axes stay, the column's foot
   * moves down. */
  append (history, 43, 0.6 * 21.37 * pow (0.8, 41.0));
  g_assert_cmpuint (slope_cost_plot_frame_key (&plot, W, H), ==, frame_key);
  g_assert_cmpuint (slope_cost_plot_curve_key (&plot, W, H), !=, key);
  key = slope_cost_plot_curve_key (&plot, W, H);
  append (history, 44, 2.137 * pow (0.8, 41.0));
  g_assert_cmpuint (slope_cost_plot_curve_key (&plot, W, H), !=, key);

  /* The frame's key follows the axes, not the marker. */
  key = slope_cost_plot_frame_key (&plot, W, H);
  plot.marker_epoch = 44;
  g_assert_cmpuint (slope_cost_plot_frame_key (&plot, W, H), ==, key);
  plot.log_scale = FALSE;
  g_assert_cmpuint (slope_cost_plot_frame_key (&plot, W, H), !=, key);
}

static void
test_landscape_path (void)
{
  g_autoptr(SlopeDataset) data = lesson ();
  double path_w[] = { 0.0, 0.28, 0.5 }, path_b[] = { 0.0, 0.12, 0.2 };
  SlopeLandscapePlot plot;
  guint64 key;

  slope_landscape_plot_init (&plot);
  plot.moments = *slope_dataset_get_moments (data);
  plot.view = (SlopeLandscapeView) { -1.0, 4.0, -2.0, 2.0 };
  plot.path_w = path_w;
  plot.path_b = path_b;
  plot.n_path = 2;
  plot.w = 0.5137;
  plot.b = 0.2063;
  plot.show_gradient = TRUE;
  key = slope_landscape_plot_path_key (&plot, W, H);

  plot.w = 0.5137 + 1e-12;
  g_assert_cmpuint (slope_landscape_plot_path_key (&plot, W, H), ==, key);
  plot.w = 0.5637;
  g_assert_cmpuint (slope_landscape_plot_path_key (&plot, W, H), !=, key);
  plot.w = 0.5137;
  /* A step of the path moved, as after a rewind and another run. */
  path_w[1] = 0.33;
  g_assert_cmpuint (slope_landscape_plot_path_key (&plot, W, H), !=, key);
  path_w[1] = 0.28;
  g_assert_cmpuint (slope_landscape_plot_path_key (&plot, W, H), ==, key);
  plot.n_path = 3;
  g_assert_cmpuint (slope_landscape_plot_path_key (&plot, W, H), !=, key);
  plot.n_path = 2;
  plot.show_gradient = FALSE;
  g_assert_cmpuint (slope_landscape_plot_path_key (&plot, W, H), !=, key);
  plot.show_gradient = TRUE;
  plot.has_optimum = TRUE;
  plot.optimum_w = 2.0;
  g_assert_cmpuint (slope_landscape_plot_path_key (&plot, W, H), !=, key);
  plot.has_optimum = FALSE;
  g_assert_cmpuint (slope_landscape_plot_path_key (&plot, W, H), ==, key);
}

/* A path that slows toward W = 2: steps fall under a pixel near its end.
 * The plot shows its first @n steps over the lesson's landscape, the
 * current point on the last of them. */
static void
converging_path (SlopeLandscapePlot *plot,
                 SlopeDataset       *data,
                 double             *path_w,
                 double             *path_b,
                 guint               n_steps,
                 guint               n)
{
  for (guint i = 0; i < n_steps; i++)
    {
      path_w[i] = 2.0 - 2.0 * pow (0.95, i);
      path_b[i] = 0.3 * pow (0.95, i) * i / 10.0;
    }
  slope_landscape_plot_init (plot);
  plot->moments = *slope_dataset_get_moments (data);
  plot->view = (SlopeLandscapeView) { -1.0, 4.0, -2.0, 2.0 };
  plot->path_w = path_w;
  plot->path_b = path_b;
  plot->n_path = n;
  plot->w = path_w[n - 1];
  plot->b = path_b[n - 1];
}

/* Near the optimum hundreds of steps share a pixel and the renderer
 * leaves them out; one more such step draws nothing new, so the key
 * must not change with the step count alone.  The path is long enough
 * (101 steps, a dot every second) that the new step gets no dot. */
static void
test_landscape_path_unseen_step (void)
{
  g_autoptr(SlopeDataset) data = lesson ();
  double path_w[102], path_b[102];
  SlopeLandscapePlot plot;
  guint64 key;

  converging_path (&plot, data, path_w, path_b, 101, 101);
  /* A millionth of a unit from the last step: far under a pixel here. */
  path_w[101] = path_w[100] + 1e-6;
  path_b[101] = path_b[100];
  key = slope_landscape_plot_path_key (&plot, W, H);

  plot.n_path = 102;
  g_assert_cmpuint (slope_landscape_plot_path_key (&plot, W, H), ==, key);
  /* A step one could see still counts. */
  path_w[101] = path_w[100] + 0.05;
  g_assert_cmpuint (slope_landscape_plot_path_key (&plot, W, H), !=, key);
}

/* The dots keep their steps as the path grows: every 4th step from 121
 * steps to 240 (a power of two that only doubles), so the 181st step
 * moves no dot (every 3rd, then every 4th, would have moved them all), and
 * a new dot within half a pixel of the last one is left out.  The steps
 * near the end of this path are thousandths of a pixel apart. */
static void
test_landscape_path_dots_stay (void)
{
  g_autoptr(SlopeDataset) data = lesson ();
  double path_w[181], path_b[181];
  SlopeLandscapePlot plot;
  guint64 key;

  converging_path (&plot, data, path_w, path_b, 181, 180);
  key = slope_landscape_plot_path_key (&plot, W, H);

  plot.n_path = 181;
  g_assert_cmpuint (slope_landscape_plot_path_key (&plot, W, H), ==, key);
  /* A step one could see still gets its dot. */
  path_w[180] = path_w[179] + 0.05;
  g_assert_cmpuint (slope_landscape_plot_path_key (&plot, W, H), !=, key);
}

/* The path is drawn once into an image and joined to the marker in the
 * marker's layer: the marker moving leaves the path's key alone, a step of
 * the path moving does not. */
static void
test_landscape_trail (void)
{
  g_autoptr(SlopeDataset) data = lesson ();
  double path_w[] = { 0.0, 0.28, 0.5 }, path_b[] = { 0.0, 0.12, 0.2 };
  SlopeLandscapePlot plot;
  guint64 key, whole;

  slope_landscape_plot_init (&plot);
  plot.moments = *slope_dataset_get_moments (data);
  plot.view = (SlopeLandscapeView) { -1.0, 4.0, -2.0, 2.0 };
  plot.path_w = path_w;
  plot.path_b = path_b;
  plot.n_path = 3;
  plot.w = 0.5137;
  plot.b = 0.2063;
  plot.show_gradient = TRUE;
  key = slope_landscape_plot_trail_key (&plot, W, H);
  whole = slope_landscape_plot_path_key (&plot, W, H);

  plot.w = 0.9;
  plot.b = 0.6;
  g_assert_cmpuint (slope_landscape_plot_trail_key (&plot, W, H), ==, key);
  /* While the whole layer's key, which decides whether to draw, moves. */
  g_assert_cmpuint (slope_landscape_plot_path_key (&plot, W, H), !=, whole);
  plot.w = 0.5137;
  plot.b = 0.2063;
  path_w[1] = 0.33;
  g_assert_cmpuint (slope_landscape_plot_trail_key (&plot, W, H), !=, key);
  path_w[1] = 0.28;
  g_assert_cmpuint (slope_landscape_plot_trail_key (&plot, W, H), ==, key);
  g_assert_cmpuint (slope_landscape_plot_trail_key (&plot, W + 10, H), !=, key);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plot-key/data-model", test_data_model);
  g_test_add_func ("/plot-key/cost-curve", test_cost_curve);
  g_test_add_func ("/plot-key/landscape-path", test_landscape_path);
  g_test_add_func ("/plot-key/landscape-path-unseen-step", test_landscape_path_unseen_step);
  g_test_add_func ("/plot-key/landscape-path-dots-stay", test_landscape_path_dots_stay);
  g_test_add_func ("/plot-key/landscape-trail", test_landscape_trail);

  return g_test_run ();
}
