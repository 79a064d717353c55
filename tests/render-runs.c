/* SPDX-License-Identifier: GPL-3.0-or-later */
/* render-runs.c: the three plots with compared runs, as PNGs to look at.
 *
 *   build/tests/render-runs DIR
 *
 * Trains four runs on the lesson's data for 1000 epochs — SGD lr 0.01
 * (the main run), lr 0.1, zero_grad off, and Adam lr 0.1 — and draws the
 * data, cost and landscape plots with them in the light and dark
 * palettes, with one run hidden in a last pair.  Not a test: a person
 * judges whether the pictures read well.
 */
#include "config.h"

#include <math.h>

#include "slope-cost-plot.h"
#include "slope-data-plot.h"
#include "slope-history.h"
#include "slope-landscape-plot.h"
#include "slope-optimizer.h"
#include "slope-trainer.h"

#define EPOCHS    1000
#define N_PATH    2000
#define N_RUNS    4

typedef struct
{
  const char   *label;
  double        lr;
  gboolean      zero_grad;
  SlopeOptimizerKind kind;
  SlopeHistory *history;
  double        w, b;
  double        path_w[N_PATH + 1];
  double        path_b[N_PATH + 1];
  gsize         n_path;
} Run;

static void
train (SlopeDataset *data,
       Run          *run)
{
  g_autoptr(SlopeTrainer) trainer = slope_trainer_new (data);
  SlopeOptimizerSettings settings;
  SlopeEpochRecord rec = { 0 };

  slope_optimizer_settings_init (&settings, run->kind);
  slope_trainer_set_optimizer (trainer, &settings);
  slope_trainer_set_lr (trainer, run->lr);
  slope_trainer_set_zero_grad (trainer, run->zero_grad);
  run->history = slope_history_new (4096, 4096);
  slope_trainer_begin_run (trainer, EPOCHS);
  for (guint e = 0; e < EPOCHS; e++)
    {
      slope_trainer_epoch (trainer, &rec);
      slope_history_append (run->history, &rec, 1);
    }
  run->w = rec.w;
  run->b = rec.b;
  /* The start, then the history's path, as the landscape widget reads it. */
  run->path_w[0] = run->path_b[0] = 0.0;
  run->n_path = 1 + slope_history_path (run->history, N_PATH, run->path_w + 1, run->path_b + 1);
}

static void
save (const char *dir,
      const char *name,
      int         width,
      int         height,
      void      (*draw) (cairo_t *, int, int, gconstpointer),
      gconstpointer plot)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  draw (cr, width, height, plot);
  cairo_destroy (cr);
  if (cairo_surface_write_to_png (surface, path) != CAIRO_STATUS_SUCCESS)
    g_printerr ("render-runs: cannot write %s\n", path);
  else
    g_print ("%s\n", path);
  cairo_surface_destroy (surface);
}

static void draw_data (cairo_t *cr, int w, int h, gconstpointer p) { slope_data_plot_draw (cr, w, h, p); }
static void draw_cost (cairo_t *cr, int w, int h, gconstpointer p) { slope_cost_plot_draw (cr, w, h, p); }
static void draw_land (cairo_t *cr, int w, int h, gconstpointer p) { slope_landscape_plot_draw (cr, w, h, p); }

static void
render (const char   *dir,
        const char   *suffix,
        guint64       epoch,
        gboolean      dark,
        SlopeDataset *data,
        Run          *runs,
        SlopeRunTrace *traces,
        gsize          n_traces)
{
  SlopeDataPlot dp;
  SlopeCostPlot cp;
  SlopeLandscapePlot lp;
  SlopeEpochRecord now = { 0 };
  g_autofree char *d = g_strdup_printf ("runs-data-%s.png", suffix);
  g_autofree char *c = g_strdup_printf ("runs-cost-%s.png", suffix);
  g_autofree char *l = g_strdup_printf ("runs-landscape-%s.png", suffix);

  slope_data_plot_init (&dp);
  dp.dataset = data;
  slope_viewport_fit (&dp.view, data);
  dp.palette = slope_palette_get (dark);
  /* The main run as rewound to @epoch, as the window shows it. */
  slope_history_lookup (runs[0].history, epoch, &now);
  dp.w = now.w;
  dp.b = now.b;
  dp.show_residuals = TRUE;
  dp.has_reference = slope_dataset_least_squares (data, &dp.reference_w, &dp.reference_b, NULL);
  dp.label = runs[0].label;
  dp.runs = traces;
  dp.n_runs = n_traces;
  save (dir, d, 720, 460, draw_data, &dp);

  slope_cost_plot_init (&cp);
  cp.history = runs[0].history;
  cp.palette = dp.palette;
  cp.x_max_epoch = EPOCHS;
  cp.has_marker = TRUE;
  cp.marker_epoch = epoch;
  cp.marker_cost = now.cost;
  cp.runs = traces;
  cp.n_runs = n_traces;
  save (dir, c, 720, 300, draw_cost, &cp);

  slope_landscape_plot_init (&lp);
  lp.moments = *slope_dataset_get_moments (data);
  lp.has_optimum = slope_dataset_least_squares (data, &lp.optimum_w, &lp.optimum_b, NULL);
  lp.path_w = runs[0].path_w;
  lp.path_b = runs[0].path_b;
  lp.n_path = runs[0].n_path;
  lp.w = now.w;
  lp.b = now.b;
  slope_landscape_view_fit (&lp.view, &lp.moments, lp.path_w, lp.path_b, lp.n_path, lp.w, lp.b);
  lp.palette = dp.palette;
  lp.runs = traces;
  lp.n_runs = n_traces;
  save (dir, l, 560, 460, draw_land, &lp);
}

/* Each compared run as the window passes it at @epoch (rewound). */
static void
set_traces (Run           *runs,
            SlopeRunTrace *traces,
            guint64        epoch)
{
  for (guint i = 1; i < N_RUNS; i++)
    {
      SlopeEpochRecord rec = { 0 };

      slope_history_lookup (runs[i].history, epoch, &rec);
      traces[i - 1] = (SlopeRunTrace) {
        .colour = i, .label = runs[i].label, .w = rec.w, .b = rec.b,
        .history = runs[i].history,
        .path_w = runs[i].path_w, .path_b = runs[i].path_b, .n_path = runs[i].n_path,
        .has_marker = TRUE, .marker_epoch = epoch, .marker_cost = rec.cost,
        .diverged = !isfinite (rec.cost),
      };
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  static Run runs[N_RUNS] = {
    { "lr 0.01", 0.01, TRUE, SLOPE_OPTIMIZER_SGD },
    { "lr 0.1", 0.1, TRUE, SLOPE_OPTIMIZER_SGD },
    { "zero_grad off", 0.01, FALSE, SLOPE_OPTIMIZER_SGD },
    { "Adam lr 0.1", 0.1, TRUE, SLOPE_OPTIMIZER_ADAM },
  };
  SlopeRunTrace traces[N_RUNS - 1];

  if (argc != 2)
    {
      g_printerr ("usage: render-runs DIR\n");
      return 2;
    }
  g_mkdir_with_parents (argv[1], 0755);

  for (guint i = 0; i < N_RUNS; i++)
    train (data, &runs[i]);
  set_traces (runs, traces, EPOCHS);
  render (argv[1], "light", EPOCHS, FALSE, data, runs, traces, N_RUNS - 1);
  render (argv[1], "dark", EPOCHS, TRUE, data, runs, traces, N_RUNS - 1);
  traces[1].hidden = TRUE;
  render (argv[1], "light-hidden", EPOCHS, FALSE, data, runs, traces, N_RUNS - 1);
  /* Rewound to epoch 30, where the runs are still far apart. */
  set_traces (runs, traces, 30);
  render (argv[1], "light-e30", 30, FALSE, data, runs, traces, N_RUNS - 1);
  render (argv[1], "dark-e30", 30, TRUE, data, runs, traces, N_RUNS - 1);

  for (guint i = 0; i < N_RUNS; i++)
    g_clear_object (&runs[i].history);
  return 0;
}
