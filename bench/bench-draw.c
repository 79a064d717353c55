/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-draw.c: what the three plots cost to draw at 1280×720.
 *
 * The window redraws the model line and the landscape's path every frame
 * while training, and the points and the landscape's map whenever the data
 * or the view changes.  At 60 frames a second a frame has 16.7 ms for
 * everything, so this measures each layer on a 1280×720 image surface:
 *  - the data plot's points layer for N = 3, 1e3, 2000, 5000 (dots) and
 *    1e5, 1e6, 1e7 (a density image), and its model layer (line,
 *    equation, reference line, residuals up to 2000 points);
 *  - the cost plot after 1e8 epochs, its SlopeHistory filled by appends of
 *    synthetic records (whose rate is reported too);
 *  - the landscape of 10 million points' moments: map, path, both.
 * Each draw is warmed up once (fonts, glyph caches), then repeated.
 *
 * Run: ./build-bench/bench/bench-draw
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "slope-cost-plot.h"
#include "slope-data-plot.h"
#include "slope-dataset.h"
#include "slope-history.h"
#include "slope-landscape-plot.h"
#include "slope-trainer.h"
#include "bench-common.h"

#define WIDTH            1280
#define HEIGHT           720
#define TARGET_REP_USEC  50000     /* each repetition runs about this long */
#define REPS             11
#define HISTORY_EPOCHS   100000000u
#define APPEND_BATCH     1024      /* as the runner appends */
#define PATH_POINTS      2000      /* as the landscape view asks for */

typedef void (*DrawFunc) (cairo_t       *cr,
                          int            width,
                          int            height,
                          gconstpointer  plot);

/* Times @draw: a warm-up, then REPS repetitions of enough draws to last
 * about TARGET_REP_USEC (at least one); prints the best and median
 * milliseconds a draw. */
static void
bench_draw (const char    *what,
            gsize          n,
            cairo_t       *cr,
            DrawFunc       draw,
            gconstpointer  plot)
{
  double ms[REPS], best, median;
  guint64 k;
  gint64 t;

  draw (cr, WIDTH, HEIGHT, plot);
  for (k = 1; ; k *= 2)
    {
      t = g_get_monotonic_time ();
      for (guint64 i = 0; i < k; i++)
        draw (cr, WIDTH, HEIGHT, plot);
      cairo_surface_flush (cairo_get_target (cr));
      t = g_get_monotonic_time () - t;
      if (t >= TARGET_REP_USEC / 10)
        break;
    }
  k = MAX (k * TARGET_REP_USEC / MAX (t, 1), 1);

  for (guint r = 0; r < REPS; r++)
    {
      t = g_get_monotonic_time ();
      for (guint64 i = 0; i < k; i++)
        draw (cr, WIDTH, HEIGHT, plot);
      cairo_surface_flush (cairo_get_target (cr));
      ms[r] = (double) (g_get_monotonic_time () - t) / 1e3 / (double) k;
    }
  best_and_median (ms, REPS, &best, &median);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    g_error ("%s: %s", what, cairo_status_to_string (cairo_status (cr)));

  printf ("%-30s N=%-10" G_GSIZE_FORMAT " best %9.3f ms  median %9.3f ms"
          "  (%d reps x %" G_GUINT64_FORMAT ")\n", what, n, best, median, REPS, k);
}

/* The renderers, with one signature. */

static void
draw_points (cairo_t       *cr,
             int            width,
             int            height,
             gconstpointer  plot)
{
  slope_data_plot_draw_points (cr, width, height, plot);
}

static void
draw_model (cairo_t       *cr,
            int            width,
            int            height,
            gconstpointer  plot)
{
  slope_data_plot_draw_model (cr, width, height, plot);
}

static void
draw_cost (cairo_t       *cr,
           int            width,
           int            height,
           gconstpointer  plot)
{
  slope_cost_plot_draw (cr, width, height, plot);
}

static void
draw_map (cairo_t       *cr,
          int            width,
          int            height,
          gconstpointer  plot)
{
  slope_landscape_plot_draw_map (cr, width, height, plot);
}

static void
draw_path (cairo_t       *cr,
           int            width,
           int            height,
           gconstpointer  plot)
{
  slope_landscape_plot_draw_path (cr, width, height, plot);
}

static void
draw_landscape (cairo_t       *cr,
                int            width,
                int            height,
                gconstpointer  plot)
{
  slope_landscape_plot_draw (cr, width, height, plot);
}

/* ---- Data ---------------------------------------------------------------- */

/* y = 2x + 1 with Gaussian noise: a cloud that is dense in the middle, so
 * the density image has the full range of counts. */
static SlopeDataset *
make_dataset (gsize n)
{
  GRand *rand = g_rand_new_with_seed (42);
  double *x = g_new (double, n);
  double *y = g_new (double, n);

  for (gsize i = 0; i < n; i++)
    {
      double u = g_rand_double_range (rand, 1e-12, 1.0);
      double v = g_rand_double (rand);
      double noise = sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);

      x[i] = g_rand_double_range (rand, -10.0, 10.0);
      y[i] = 2.0 * x[i] + 1.0 + 3.0 * noise;
    }
  g_rand_free (rand);

  return slope_dataset_new_take (x, y, n, NULL);
}

/* A descent from (0, 0) towards (2, 1), with a cost that decays and
 * wiggles; appended in batches as the runner does.  Returns the appends
 * per second. */
static double
fill_history (SlopeHistory *history,
              guint64       n_epochs)
{
  SlopeEpochRecord *batch = g_new0 (SlopeEpochRecord, APPEND_BATCH);
  gint64 t = g_get_monotonic_time ();
  guint64 epoch = 0;

  while (epoch < n_epochs)
    {
      gsize len = MIN (APPEND_BATCH, n_epochs - epoch);

      for (gsize i = 0; i < len; i++)
        {
          SlopeEpochRecord *rec = &batch[i];
          double decay = exp (-(double) (epoch + 1) / 2e6);

          epoch++;
          rec->epoch = epoch;
          rec->run_epoch = (guint) epoch;
          rec->run_length = (guint) n_epochs;
          rec->w_before = rec->w;
          rec->b_before = rec->b;
          rec->w = 2.0 - 2.0 * decay;
          rec->b = 1.0 - decay;
          rec->cost = 9.0 + 40.0 * decay * (1.0 + 0.1 * sin ((double) epoch * 1e-3));
          rec->d_w = rec->d_b = rec->w_grad = rec->b_grad = -decay;
          rec->lr = SLOPE_DEFAULT_LR;
          rec->zero_grad = TRUE;
        }
      slope_history_append (history, batch, len);
    }
  t = g_get_monotonic_time () - t;
  g_free (batch);

  return (double) n_epochs / ((double) t / G_USEC_PER_SEC);
}

/* ---- The plots ----------------------------------------------------------- */

static void
bench_data_plot (cairo_t      *cr,
                 SlopeDataset *dataset)
{
  gsize n = slope_dataset_get_n (dataset);
  SlopeDataPlot plot;

  slope_data_plot_init (&plot);
  plot.dataset = dataset;
  slope_viewport_fit (&plot.view, dataset);
  plot.w = 1.5;
  plot.b = 0.5;
  plot.show_line = TRUE;
  plot.show_residuals = TRUE;
  plot.show_equation = TRUE;
  plot.has_reference = slope_dataset_least_squares (dataset, &plot.reference_w,
                                                    &plot.reference_b, NULL);

  bench_draw ("data plot: draw_points", n, cr, draw_points, &plot);
  bench_draw ("data plot: draw_model", n, cr, draw_model, &plot);
}

static void
bench_cost_plot (cairo_t      *cr,
                 SlopeHistory *history)
{
  guint64 last = slope_history_get_last_epoch (history);
  SlopeEpochRecord rec;
  SlopeCostPlot plot;

  slope_cost_plot_init (&plot);
  plot.history = history;
  plot.x_max_epoch = last;
  if (slope_history_lookup (history, last, &rec))
    {
      plot.has_marker = TRUE;
      plot.marker_epoch = last;
      plot.marker_cost = rec.cost;
    }

  bench_draw ("cost plot: draw (linear)", last, cr, draw_cost, &plot);
  plot.log_scale = TRUE;
  bench_draw ("cost plot: draw (log)", last, cr, draw_cost, &plot);
}

static void
bench_landscape_plot (cairo_t      *cr,
                      SlopeDataset *dataset,
                      SlopeHistory *history)
{
  double *path_w = g_new (double, PATH_POINTS);
  double *path_b = g_new (double, PATH_POINTS);
  gsize n = slope_dataset_get_n (dataset);
  SlopeLandscapePlot plot;
  gint64 t;

  slope_landscape_plot_init (&plot);
  plot.moments = *slope_dataset_get_moments (dataset);

  t = g_get_monotonic_time ();
  plot.n_path = slope_history_path (history, PATH_POINTS, path_w, path_b);
  printf ("%-30s N=%-10" G_GUINT64_FORMAT " %.3f ms for %" G_GSIZE_FORMAT " points (once)\n",
          "history: path", slope_history_get_last_epoch (history),
          (double) (g_get_monotonic_time () - t) / 1e3, plot.n_path);
  plot.path_w = path_w;
  plot.path_b = path_b;
  plot.w = plot.n_path ? path_w[plot.n_path - 1] : 0.0;
  plot.b = plot.n_path ? path_b[plot.n_path - 1] : 0.0;
  plot.has_optimum = slope_dataset_least_squares (dataset, &plot.optimum_w,
                                                  &plot.optimum_b, NULL);
  plot.show_gradient = TRUE;
  slope_landscape_view_fit (&plot.view, &plot.moments, path_w, path_b,
                            plot.n_path, plot.w, plot.b);

  bench_draw ("landscape: draw_map", n, cr, draw_map, &plot);
  bench_draw ("landscape: draw_path", n, cr, draw_path, &plot);
  bench_draw ("landscape: draw (both)", n, cr, draw_landscape, &plot);

  g_free (path_w);
  g_free (path_b);
}

int
main (int    argc,
      char **argv)
{
  /* 2000 and 5000: the largest with residuals and with dots drawn. */
  static const gsize sizes[] = { 1000, 2000, 5000, 100000, 1000000, 10000000 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(SlopeDataset) notebook = slope_dataset_new_notebook ();
  g_autoptr(SlopeDataset) largest = NULL;
  g_autoptr(SlopeHistory) history = slope_history_new_default ();
  double rate;

  printf ("# bench-draw: %dx%d ARGB32 image surface; ms per draw, best and median\n",
          WIDTH, HEIGHT);

  bench_data_plot (cr, notebook);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(SlopeDataset) dataset = make_dataset (sizes[i]);

      bench_data_plot (cr, dataset);
      if (i + 1 == G_N_ELEMENTS (sizes))
        largest = g_steal_pointer (&dataset);
    }

  rate = fill_history (history, HISTORY_EPOCHS);
  printf ("%-30s N=%-10u %.1f M records/s (synthetic, batches of %d; %.1f MB)\n",
          "history: append", HISTORY_EPOCHS, rate / 1e6, APPEND_BATCH,
          slope_history_get_memory_size (history) / 1048576.0);
  bench_cost_plot (cr, history);
  bench_landscape_plot (cr, largest, history);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return 0;
}
