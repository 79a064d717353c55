/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plot-runs.c: compared runs on the data, cost and landscape plots.
 *
 * Where a run's line, curve or path must be is worked out by hand from
 * the view (a line ŷ = 0·x + 8 in a view of 0…10 sits 20% down the
 * plotting area); the colours are the design's literals.  With no runs
 * each plot must be drawn byte for byte as before runs existed
 * (tests/data/runs-before-*.png, see plot-runs-scenes.h).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "plot-runs-scenes.h"
#include "slope-export.h"
#include "slope-plot-key.h"
#include "slope-test-pixels.h"

#define W SCENE_WIDTH
#define H SCENE_HEIGHT

static const SlopeTestRgb white = { 255, 255, 255 };
/* The light palette's run colours 1 and 3, as designed. */
static const SlopeTestRgb indigo = { 68, 51, 170 };
static const SlopeTestRgb wine = { 136, 34, 85 };

static cairo_surface_t *
new_surface (void)
{
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
}

/* Pixels of @surface within @tolerance of @rgb. */
static guint
count_colour (cairo_surface_t *surface,
              SlopeTestRgb     rgb,
              int              tolerance)
{
  guint n = 0;

  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      n += slope_test_near_color (slope_test_pixel_at (surface, x + 0.5, y + 0.5), rgb, tolerance);
  return n;
}

static void
assert_pixel (cairo_surface_t *surface,
              double           x,
              double           y,
              SlopeTestRgb     rgb,
              int              tolerance)
{
  SlopeTestRgb got = slope_test_pixel_at (surface, x, y);

  if (!slope_test_near_color (got, rgb, tolerance))
    {
      slope_test_maybe_save (surface, "plot-runs-failure");
      g_error ("pixel at (%.1f, %.1f) is (%d, %d, %d), expected near (%d, %d, %d)",
               x, y, got.r, got.g, got.b, rgb.r, rgb.g, rgb.b);
    }
}

/* ------------------------------------------------------------------ */
/* No runs: as before                                                  */

static void
test_no_runs_as_before (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autoptr(SlopeHistory) history = scene_history (1.0);
  static const double path_w[] = { 0.0, 0.9, 1.5, 1.8, 1.95 };
  static const double path_b[] = { 0.0, 0.4, 0.3, 0.15, 0.08 };

  for (guint which = 0; which < 3; which++)
    {
      g_autofree char *name = g_strdup_printf ("runs-before-%u.png", which);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
      cairo_surface_t *before = cairo_image_surface_create_from_png (path);
      cairo_surface_t *now = scene_draw (which, data, history, path_w, path_b, G_N_ELEMENTS (path_w));
      const guchar *a, *b;

      g_assert_cmpint (cairo_surface_status (before), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (before), ==, W);
      g_assert_cmpint (cairo_image_surface_get_height (before), ==, H);
      cairo_surface_flush (before);
      cairo_surface_flush (now);
      a = cairo_image_surface_get_data (before);
      b = cairo_image_surface_get_data (now);
      for (int y = 0; y < H; y++)
        if (memcmp (a + y * cairo_image_surface_get_stride (before),
                    b + y * cairo_image_surface_get_stride (now), 4 * W) != 0)
          {
            slope_test_maybe_save (now, name);
            g_error ("%s: row %d differs from the drawing before runs", name, y);
          }
      cairo_surface_destroy (before);
      cairo_surface_destroy (now);
    }
}

/* ------------------------------------------------------------------ */
/* The data plot                                                       */

static void
data_plot_setup (SlopeDataPlot *plot,
                 SlopeDataset  *data,
                 SlopeRunTrace *runs,
                 gsize          n_runs)
{
  slope_data_plot_init (plot);
  plot->dataset = data;
  plot->view = (SlopeViewport) { 0.0, 10.0, 0.0, 10.0 };
  plot->w = 0.5;
  plot->b = 0.0;
  plot->show_equation = FALSE;
  plot->runs = runs;
  plot->n_runs = n_runs;
}

static cairo_surface_t *
draw_data (const SlopeDataPlot *plot)
{
  cairo_surface_t *surface = new_surface ();
  cairo_t *cr = cairo_create (surface);

  slope_data_plot_draw (cr, W, H, plot);
  cairo_destroy (cr);
  return surface;
}

static void
test_data_lines (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  SlopeRunTrace runs[2] = {
    { .colour = 1, .label = "lr 0.1", .w = 0.0, .b = 8.0 },
    { .colour = 3, .label = "Adam", .w = 0.0, .b = 1.3, .hidden = TRUE },
  };
  SlopeDataPlot plot;
  cairo_surface_t *surface;
  SlopeArea a;

  data_plot_setup (&plot, data, runs, G_N_ELEMENTS (runs));
  slope_data_plot_area (&plot, W, H, &a);
  surface = draw_data (&plot);
  /* ŷ = 8 in a view of 0…10: 20% down; x = 6.5 is off every grid line. */
  assert_pixel (surface, a.left + 0.65 * a.width, a.top + 0.2 * a.height, indigo, 24);
  /* The hidden run: nothing where its line would be, nothing in its colour. */
  assert_pixel (surface, a.left + 0.65 * a.width, a.top + 0.87 * a.height, white, 8);
  g_assert_cmpuint (count_colour (surface, wine, 24), ==, 0);
  cairo_surface_destroy (surface);

  /* Shown, it is there. */
  runs[1].hidden = FALSE;
  surface = draw_data (&plot);
  assert_pixel (surface, a.left + 0.65 * a.width, a.top + 0.87 * a.height, wine, 24);
  g_assert_cmpuint (count_colour (surface, wine, 24), >, 200);
  cairo_surface_destroy (surface);
}

/* The legend names every run, hidden ones too, with its equation: read
 * back from a PDF by poppler (cairo 1.16's SVG writes glyph outlines, not
 * text). */
static void
test_data_legend (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autofree char *dir = g_dir_make_tmp ("slope-runs-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "runs.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  SlopeRunTrace runs[2] = {
    { .colour = 1, .label = "lr 0.1", .w = 2.0, .b = 0.5 },
    { .colour = 2, .label = "zero_grad off", .w = 1.25, .b = -1.0, .hidden = TRUE },
  };
  SlopeDataPlot plot;

  data_plot_setup (&plot, data, runs, G_N_ELEMENTS (runs));
  plot.show_equation = TRUE;
  plot.label = "lr 0.01";
  g_assert_true (slope_export_data_plot (file, &plot, 720, 460, &error));
  g_assert_no_error (error);

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext not installed: the legend's text not checked");
    }
  else
    {
      const char *argv[] = { pdftotext, pdf, "-", NULL };
      g_autofree char *out = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (out, "lr 0.01: ŷ = 0.5x + 0"));
      g_assert_nonnull (strstr (out, "lr 0.1: ŷ = 2x + 0.5"));
      g_assert_nonnull (strstr (out, "zero_grad off: ŷ = 1.25x − 1"));
    }
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_data_key (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  SlopeRunTrace runs[1] = { { .colour = 1, .label = "lr 0.1", .w = 0.0, .b = 8.0 } };
  SlopeDataPlot plot;
  guint64 key, none;

  data_plot_setup (&plot, data, NULL, 0);
  none = slope_data_plot_model_key (&plot, W, H);
  plot.runs = runs;
  plot.n_runs = 1;
  key = slope_data_plot_model_key (&plot, W, H);
  g_assert_cmpuint (key, !=, none);

  /* A move no one could see is free; one of a pixel is not. */
  runs[0].b = 8.0 + 1e-12;
  g_assert_cmpuint (slope_data_plot_model_key (&plot, W, H), ==, key);
  runs[0].b = 8.5;
  g_assert_cmpuint (slope_data_plot_model_key (&plot, W, H), !=, key);
  runs[0].b = 8.0;
  g_assert_cmpuint (slope_data_plot_model_key (&plot, W, H), ==, key);

  runs[0].hidden = TRUE;
  g_assert_cmpuint (slope_data_plot_model_key (&plot, W, H), !=, key);
  runs[0].hidden = FALSE;
  runs[0].colour = 2;
  g_assert_cmpuint (slope_data_plot_model_key (&plot, W, H), !=, key);
  runs[0].colour = 1;
  plot.show_equation = TRUE;
  key = slope_data_plot_model_key (&plot, W, H);
  runs[0].label = "lr 0.2";
  g_assert_cmpuint (slope_data_plot_model_key (&plot, W, H), !=, key);
}

/* ------------------------------------------------------------------ */
/* The cost plot                                                       */

static cairo_surface_t *
draw_cost (const SlopeCostPlot *plot)
{
  cairo_surface_t *surface = new_surface ();
  cairo_t *cr = cairo_create (surface);

  slope_cost_plot_draw (cr, W, H, plot);
  cairo_destroy (cr);
  return surface;
}

static void
test_cost_curves (void)
{
  /* The main run's cost 10/e², the run's 10⁴/e², epochs 1 to 300. */
  g_autoptr(SlopeHistory) main_history = scene_history (1.0);
  g_autoptr(SlopeHistory) run_history = scene_history (1000.0);
  SlopeRunTrace runs[1] = { { .colour = 1, .label = "lr 0.1", .history = run_history } };
  SlopeCostPlot plot;
  cairo_surface_t *surface;
  double left, top, width, height, x, y;

  slope_cost_plot_init (&plot);
  plot.history = main_history;
  plot.x_max_epoch = 400;

  /* Alone, whole decades around 1.1×10⁻⁴ … 10: 10⁻⁴ to 10¹, so 1 sits
   * a fifth of the way down. */
  slope_cost_plot_area (&plot, W, H, &left, &top, &width, &height);
  g_assert_cmpfloat_with_epsilon (slope_cost_plot_cost_to_y (&plot, W, H, 1.0), top + height / 5.0, 1e-9);

  /* With the run, 10⁻⁴ to 10⁴: 1 in the middle, 10⁴ on top, not clipped. */
  plot.runs = runs;
  plot.n_runs = 1;
  slope_cost_plot_area (&plot, W, H, &left, &top, &width, &height);
  g_assert_cmpfloat_with_epsilon (slope_cost_plot_cost_to_y (&plot, W, H, 1.0), top + height / 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (slope_cost_plot_cost_to_y (&plot, W, H, 1e4), top, 1e-9);

  /* The run's curve at epoch 150: cost 10⁴/150², x at 150/400. */
  surface = draw_cost (&plot);
  x = left + 150.0 / 400.0 * width;
  y = top + height * (4.0 - log10 (1e4 / (150.0 * 150.0))) / 8.0;
  assert_pixel (surface, x, y, indigo, 30);
  cairo_surface_destroy (surface);

  /* Hidden: not drawn, and the axis is the main run's again. */
  runs[0].hidden = TRUE;
  surface = draw_cost (&plot);
  g_assert_cmpuint (count_colour (surface, indigo, 30), ==, 0);
  slope_cost_plot_area (&plot, W, H, &left, &top, &width, &height);
  g_assert_cmpfloat_with_epsilon (slope_cost_plot_cost_to_y (&plot, W, H, 1.0), top + height / 5.0, 1e-9);
  cairo_surface_destroy (surface);
}

/* A run that outlasts the main one stretches the epochs' axis. */
static void
test_cost_x_range (void)
{
  g_autoptr(SlopeHistory) main_history = scene_history (1.0);
  g_autoptr(SlopeHistory) run_history = slope_history_new (1024, 1024);
  SlopeRunTrace runs[1] = { { .colour = 2, .history = run_history } };
  SlopeCostPlot plot;
  double left, top, width, height;

  for (guint e = 1; e <= 800; e++)
    {
      SlopeEpochRecord rec = { .epoch = e, .cost = 1.0 };

      slope_history_append (run_history, &rec, 1);
    }
  slope_cost_plot_init (&plot);
  plot.history = main_history;
  plot.runs = runs;
  plot.n_runs = 1;
  slope_cost_plot_area (&plot, W, H, &left, &top, &width, &height);
  g_assert_cmpfloat_with_epsilon (slope_cost_plot_epoch_to_x (&plot, W, H, 800), left + width, 1e-9);
  g_assert_cmpfloat_with_epsilon (slope_cost_plot_epoch_to_x (&plot, W, H, 400), left + width / 2.0, 1e-9);
}

/* A diverged run's inf costs are marked along the top in its colour, as
 * the main run's are in the warning colour; its finite part is drawn. */
static void
test_cost_diverged (void)
{
  g_autoptr(SlopeHistory) main_history = scene_history (1.0);
  g_autoptr(SlopeHistory) run_history = slope_history_new (1024, 1024);
  SlopeRunTrace runs[1] = { { .colour = 1, .history = run_history, .diverged = TRUE } };
  SlopeCostPlot plot;
  cairo_surface_t *surface;
  double left, top, width, height;

  for (guint e = 1; e <= 300; e++)
    {
      SlopeEpochRecord rec = { .epoch = e, .cost = e <= 100 ? pow (1.1, e) : INFINITY };

      slope_history_append (run_history, &rec, 1);
    }
  slope_cost_plot_init (&plot);
  plot.history = main_history;
  plot.x_max_epoch = 400;
  plot.runs = runs;
  plot.n_runs = 1;
  surface = draw_cost (&plot);
  slope_cost_plot_area (&plot, W, H, &left, &top, &width, &height);
  /* The strip, 4 px high along the top, over epochs 101 to 300. */
  assert_pixel (surface, left + 250.0 / 400.0 * width, top + 1.5, indigo, 30);
  /* The finite part: 1.1⁵⁰ = 117.4 at epoch 50. */
  assert_pixel (surface, left + 50.0 / 400.0 * width,
                slope_cost_plot_cost_to_y (&plot, W, H, pow (1.1, 50)), indigo, 40);
  cairo_surface_destroy (surface);
}

static void
test_cost_key (void)
{
  g_autoptr(SlopeHistory) main_history = scene_history (1.0);
  g_autoptr(SlopeHistory) run_history = scene_history (1.0);
  SlopeRunTrace runs[1] = { { .colour = 1, .history = run_history, .has_marker = TRUE,
                              .marker_epoch = 100, .marker_cost = 1e-3 } };
  SlopeCostPlot plot;
  SlopeEpochRecord rec = { .epoch = 301, .cost = 2e-4 };
  guint64 key, frame;

  slope_cost_plot_init (&plot);
  plot.history = main_history;
  plot.x_max_epoch = 1000;
  plot.runs = runs;
  plot.n_runs = 1;
  key = slope_cost_plot_curve_key (&plot, W, H);
  frame = slope_cost_plot_frame_key (&plot, W, H);
  g_assert_cmpuint (slope_cost_plot_curve_key (&plot, W, H), ==, key);

  /* The run's history grows: its curve moves, the axes stay. */
  slope_history_append (run_history, &rec, 1);
  g_assert_cmpuint (slope_cost_plot_curve_key (&plot, W, H), !=, key);
  g_assert_cmpuint (slope_cost_plot_frame_key (&plot, W, H), ==, frame);
  key = slope_cost_plot_curve_key (&plot, W, H);

  runs[0].marker_epoch = 200;
  g_assert_cmpuint (slope_cost_plot_curve_key (&plot, W, H), !=, key);
  runs[0].marker_epoch = 100;
  g_assert_cmpuint (slope_cost_plot_curve_key (&plot, W, H), ==, key);
  runs[0].hidden = TRUE;
  g_assert_cmpuint (slope_cost_plot_curve_key (&plot, W, H), !=, key);
  runs[0].hidden = FALSE;

  /* A run whose cost goes far above the main run's changes the axes. */
  rec = (SlopeEpochRecord) { .epoch = 302, .cost = 1e6 };
  slope_history_append (run_history, &rec, 1);
  g_assert_cmpuint (slope_cost_plot_frame_key (&plot, W, H), !=, frame);
}

/* ------------------------------------------------------------------ */
/* The landscape                                                       */

static cairo_surface_t *
draw_landscape (const SlopeLandscapePlot *plot)
{
  cairo_surface_t *surface = new_surface ();
  cairo_t *cr = cairo_create (surface);

  slope_landscape_plot_draw (cr, W, H, plot);
  cairo_destroy (cr);
  return surface;
}

static void
landscape_setup (SlopeLandscapePlot *plot,
                 SlopeDataset       *data,
                 SlopeRunTrace      *runs,
                 gsize               n_runs)
{
  slope_landscape_plot_init (plot);
  plot->moments = *slope_dataset_get_moments (data);
  plot->view = (SlopeLandscapeView) { 0.0, 4.0, -2.0, 2.0 };
  plot->show_gradient = FALSE;
  plot->w = 3.5;
  plot->b = 1.5;
  plot->runs = runs;
  plot->n_runs = n_runs;
}

static void
test_landscape_paths (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  static const double path_w[] = { 0.0, 2.0 };
  static const double path_b[] = { 0.0, 1.0 };
  SlopeRunTrace runs[2] = {
    { .colour = 1, .w = 3.0, .b = -1.0, .path_w = path_w, .path_b = path_b, .n_path = 2 },
    { .colour = 3, .w = 1.0, .b = -1.5, .path_w = path_w, .path_b = path_b, .n_path = 1, .hidden = TRUE },
  };
  SlopeLandscapePlot plot;
  cairo_surface_t *surface;
  SlopeArea a;

  landscape_setup (&plot, data, runs, G_N_ELEMENTS (runs));
  slope_landscape_plot_area (&plot, W, H, &a);
  surface = draw_landscape (&plot);
  /* Halfway along (0, 0) → (2, 1), at (1, 0.5): a quarter across, 37.5% down. */
  assert_pixel (surface, a.left + 0.25 * a.width, a.top + 0.375 * a.height, indigo, 30);
  /* Halfway along (2, 1) → (3, −1), the segment to its current point. */
  assert_pixel (surface, a.left + 0.625 * a.width, a.top + 0.5 * a.height, indigo, 30);
  /* Its current point, a dot in its colour at (3, −1). */
  assert_pixel (surface, a.left + 0.75 * a.width, a.top + 0.75 * a.height, indigo, 30);
  /* The hidden run is nowhere. */
  g_assert_cmpuint (count_colour (surface, wine, 30), ==, 0);
  cairo_surface_destroy (surface);

  runs[1].hidden = FALSE;
  surface = draw_landscape (&plot);
  /* From (0, 0) to (1, −1.5): at (0.5, −0.75). */
  assert_pixel (surface, a.left + 0.125 * a.width, a.top + 0.6875 * a.height, wine, 30);
  cairo_surface_destroy (surface);
}

static void
test_landscape_key (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  double path_w[] = { 0.0, 2.0 };
  double path_b[] = { 0.0, 1.0 };
  SlopeRunTrace runs[1] = {
    { .colour = 1, .w = 3.0, .b = -1.0, .path_w = path_w, .path_b = path_b, .n_path = 2 },
  };
  SlopeLandscapePlot plot;
  guint64 key;

  landscape_setup (&plot, data, runs, 1);
  key = slope_landscape_plot_path_key (&plot, W, H);
  path_w[1] = 2.0 + 1e-13;
  g_assert_cmpuint (slope_landscape_plot_path_key (&plot, W, H), ==, key);
  path_w[1] = 2.1;
  g_assert_cmpuint (slope_landscape_plot_path_key (&plot, W, H), !=, key);
  path_w[1] = 2.0;
  runs[0].w = 3.1;
  g_assert_cmpuint (slope_landscape_plot_path_key (&plot, W, H), !=, key);
  runs[0].w = 3.0;
  runs[0].n_path = 1;
  g_assert_cmpuint (slope_landscape_plot_path_key (&plot, W, H), !=, key);
  runs[0].n_path = 2;
  runs[0].hidden = TRUE;
  g_assert_cmpuint (slope_landscape_plot_path_key (&plot, W, H), !=, key);
  runs[0].hidden = FALSE;
  g_assert_cmpuint (slope_landscape_plot_path_key (&plot, W, H), ==, key);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plot-runs/no-runs-as-before", test_no_runs_as_before);
  g_test_add_func ("/plot-runs/data/lines", test_data_lines);
  g_test_add_func ("/plot-runs/data/legend", test_data_legend);
  g_test_add_func ("/plot-runs/data/key", test_data_key);
  g_test_add_func ("/plot-runs/cost/curves", test_cost_curves);
  g_test_add_func ("/plot-runs/cost/x-range", test_cost_x_range);
  g_test_add_func ("/plot-runs/cost/diverged", test_cost_diverged);
  g_test_add_func ("/plot-runs/cost/key", test_cost_key);
  g_test_add_func ("/plot-runs/landscape/paths", test_landscape_paths);
  g_test_add_func ("/plot-runs/landscape/key", test_landscape_key);

  return g_test_run ();
}
