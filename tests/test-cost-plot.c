/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cost-plot.c: the cost curve, its axes and its marker, pixel by pixel.
 *
 * Set SLOPE_TEST_PNG_DIR to keep the images drawn here for a human to look
 * at; the assertions do not depend on it.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "slope-cost-plot.h"
#include "slope-test-pixels.h"

#define WIDTH  700
#define HEIGHT 320

static cairo_surface_t *
render (const SlopeCostPlot *plot)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  slope_cost_plot_draw (cr, WIDTH, HEIGHT, plot);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

static double
falling (guint64 epoch)
{
  return 18.67 * pow (0.98, (double) epoch - 1.0);
}

static void
fill (SlopeHistory *history,
      guint64       n_epochs,
      double      (*cost) (guint64))
{
  g_autofree SlopeEpochRecord *records = g_new0 (SlopeEpochRecord, 1024);
  guint64 epoch = 1;

  while (epoch <= n_epochs)
    {
      gsize n = 0;

      for (; n < 1024 && epoch <= n_epochs; n++, epoch++)
        {
          records[n].epoch = epoch;
          records[n].cost = cost (epoch);
        }
      slope_history_append (history, records, n);
    }
}

static void
falling_plot (SlopeCostPlot *plot,
              SlopeHistory  *history)
{
  slope_cost_plot_init (plot);
  plot->history = history;
  fill (history, 1000, falling);
}

/* The curve passes through (x, y) of each epoch, and not 10 px above. */
static void
check_curve (cairo_surface_t     *surface,
             const SlopeCostPlot *plot,
             guint64              epoch)
{
  const SlopePalette *palette = slope_palette_get (FALSE);
  double x = slope_cost_plot_epoch_to_x (plot, WIDTH, HEIGHT, epoch);
  double y = slope_cost_plot_cost_to_y (plot, WIDTH, HEIGHT, falling (epoch));

  g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, x, y), slope_test_rgb_of (&palette->cost), 16));
  g_assert_false (slope_test_near_color (slope_test_pixel_at (surface, x, y - 10), slope_test_rgb_of (&palette->cost), 60));
}

static void
test_log_curve (void)
{
  g_autoptr(SlopeHistory) history = slope_history_new_default ();
  cairo_surface_t *surface;
  SlopeCostPlot plot;
  double left, top, width, height;

  falling_plot (&plot, history);
  g_assert_true (plot.log_scale);
  surface = render (&plot);
  slope_test_maybe_save (surface, "cost-plot-log.png");
  slope_cost_plot_area (&plot, WIDTH, HEIGHT, &left, &top, &width, &height);

  /* Costs 18.67 … 3.3×10⁻⁸ on whole decades: 10⁻⁸ … 10². */
  for (guint64 epoch = 1; epoch <= 1000; epoch += 111)
    {
      double expected = top + (1.0 - (log10 (falling (epoch)) + 8.0) / 10.0) * height;

      g_assert_cmpfloat_with_epsilon (slope_cost_plot_cost_to_y (&plot, WIDTH, HEIGHT, falling (epoch)),
                                      expected, 1e-6);
    }
  check_curve (surface, &plot, 1);
  check_curve (surface, &plot, 500);
  check_curve (surface, &plot, 1000);

  /* The x axis ends at the last epoch. */
  g_assert_cmpfloat_with_epsilon (slope_cost_plot_epoch_to_x (&plot, WIDTH, HEIGHT, 1000),
                                  left + width, 1e-9);
  g_assert_cmpfloat_with_epsilon (slope_cost_plot_epoch_to_x (&plot, WIDTH, HEIGHT, 0),
                                  left, 1e-9);
  cairo_surface_destroy (surface);
}

static void
test_linear_curve (void)
{
  g_autoptr(SlopeHistory) history = slope_history_new_default ();
  cairo_surface_t *surface;
  SlopeCostPlot plot;
  double left, top, width, height;

  falling_plot (&plot, history);
  plot.log_scale = FALSE;
  surface = render (&plot);
  slope_test_maybe_save (surface, "cost-plot-linear.png");
  slope_cost_plot_area (&plot, WIDTH, HEIGHT, &left, &top, &width, &height);

  /* From 0 to the first nice step above 18.67. */
  g_assert_cmpfloat_with_epsilon (slope_cost_plot_cost_to_y (&plot, WIDTH, HEIGHT, 0.0),
                                  top + height, 1e-9);
  g_assert_cmpfloat_with_epsilon (slope_cost_plot_cost_to_y (&plot, WIDTH, HEIGHT, 20.0),
                                  top, 1e-9);
  check_curve (surface, &plot, 1);
  check_curve (surface, &plot, 50);
  cairo_surface_destroy (surface);
}

static void
test_marker (void)
{
  g_autoptr(SlopeHistory) history = slope_history_new_default ();
  const SlopePalette *palette = slope_palette_get (FALSE);
  cairo_surface_t *surface;
  SlopeCostPlot plot;
  double x, y, top;

  falling_plot (&plot, history);
  plot.has_marker = TRUE;
  plot.marker_epoch = 400;
  plot.marker_cost = falling (400);
  surface = render (&plot);
  slope_cost_plot_area (&plot, WIDTH, HEIGHT, NULL, &top, NULL, NULL);

  x = slope_cost_plot_epoch_to_x (&plot, WIDTH, HEIGHT, 400);
  y = slope_cost_plot_cost_to_y (&plot, WIDTH, HEIGHT, falling (400));
  g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, x, y), slope_test_rgb_of (&palette->marker), 16));
  /* Its thin line runs up to the top, where the curve is not. */
  g_assert_false (slope_test_near_color (slope_test_pixel_at (surface, x, top + 5), slope_test_rgb_of (&palette->background), 30));
  g_assert_false (slope_test_near_color (slope_test_pixel_at (surface, x + 10, top + 5), slope_test_rgb_of (&palette->marker), 60));
  cairo_surface_destroy (surface);

  plot.has_marker = FALSE;
  surface = render (&plot);
  g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, x, top + 5), slope_test_rgb_of (&palette->background), 30));
  cairo_surface_destroy (surface);
}

static double
diverging (guint64 epoch)
{
  /* Up by 10× an epoch: inf after about 300, then NaN. */
  if (epoch > 400)
    return NAN;
  return 18.67 * pow (10.0, (double) epoch - 1.0);
}

static void
test_diverged (void)
{
  g_autoptr(SlopeHistory) history = slope_history_new_default ();
  const SlopePalette *palette = slope_palette_get (FALSE);
  SlopeCostPlot plot;
  double top;

  slope_cost_plot_init (&plot);
  plot.history = history;
  fill (history, 500, diverging);
  plot.has_marker = TRUE;
  plot.marker_epoch = 500;
  plot.marker_cost = NAN;

  for (int log_scale = 0; log_scale <= 1; log_scale++)
    {
      cairo_surface_t *surface;
      double x = slope_cost_plot_epoch_to_x (&plot, WIDTH, HEIGHT, 450);

      plot.log_scale = log_scale;
      surface = render (&plot);
      slope_test_maybe_save (surface, log_scale ? "cost-plot-diverged-log.png" : "cost-plot-diverged-linear.png");
      slope_cost_plot_area (&plot, WIDTH, HEIGHT, NULL, &top, NULL, NULL);

      /* The epochs past the overflow are marked along the top edge. */
      g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, x, top + 1), slope_test_rgb_of (&palette->warning), 16));
      /* While the finite ones are still a curve, not a mark. */
      x = slope_cost_plot_epoch_to_x (&plot, WIDTH, HEIGHT, 100);
      g_assert_false (slope_test_near_color (slope_test_pixel_at (surface, x, top + 1), slope_test_rgb_of (&palette->warning), 60));
      cairo_surface_destroy (surface);
    }

  /* NaN and inf have no y but a finite one: the top edge. */
  g_assert_cmpfloat (slope_cost_plot_cost_to_y (&plot, WIDTH, HEIGHT, NAN), ==, top);
  g_assert_cmpfloat (slope_cost_plot_cost_to_y (&plot, WIDTH, HEIGHT, INFINITY), ==, top);
}

static double
reaching_zero (guint64 epoch)
{
  return epoch >= 50 ? 0.0 : 10.0 / (double) epoch;
}

static void
test_zero_cost (void)
{
  g_autoptr(SlopeHistory) history = slope_history_new_default ();
  const SlopePalette *palette = slope_palette_get (FALSE);
  cairo_surface_t *surface;
  SlopeCostPlot plot;
  double top, height, x;

  slope_cost_plot_init (&plot);
  plot.history = history;
  fill (history, 100, reaching_zero);
  surface = render (&plot);
  slope_cost_plot_area (&plot, WIDTH, HEIGHT, NULL, &top, NULL, &height);

  /* log 0 is −∞: the cost sits on the bottom edge, drawn. */
  g_assert_cmpfloat (slope_cost_plot_cost_to_y (&plot, WIDTH, HEIGHT, 0.0), ==, top + height);
  x = slope_cost_plot_epoch_to_x (&plot, WIDTH, HEIGHT, 80);
  g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, x, top + height - 0.5), slope_test_rgb_of (&palette->cost), 30));
  cairo_surface_destroy (surface);
}

static void
test_empty (void)
{
  g_autoptr(SlopeHistory) history = slope_history_new_default ();
  const SlopePalette *palette = slope_palette_get (FALSE);
  SlopeCostPlot plot;

  slope_cost_plot_init (&plot);

  for (int i = 0; i < 4; i++)
    {
      cairo_surface_t *surface;
      double left, top, width, height;
      guint curve = 0, ink = 0;

      /* No history, then an empty one; log then linear. */
      plot.history = i % 2 ? history : NULL;
      plot.log_scale = i < 2;
      surface = render (&plot);
      if (i == 0)
        slope_test_maybe_save (surface, "cost-plot-empty.png");
      slope_cost_plot_area (&plot, WIDTH, HEIGHT, &left, &top, &width, &height);
      g_assert_cmpfloat (width, >, WIDTH / 2);
      g_assert_cmpfloat (height, >, HEIGHT / 2);

      for (int y = 0; y < HEIGHT; y++)
        for (int x = 0; x < WIDTH; x++)
          {
            SlopeTestRgb c = slope_test_pixel_at (surface, x, y);

            curve += slope_test_near_color (c, slope_test_rgb_of (&palette->cost), 40);
            ink += !slope_test_near_color (c, slope_test_rgb_of (&palette->background), 20);
          }
      /* Axes and labels, and no curve. */
      g_assert_cmpuint (curve, ==, 0);
      g_assert_cmpuint (ink, >, 500);
      cairo_surface_destroy (surface);
    }
}

/* The pixel among (x, y − 1), (x, y), (x, y + 1) farthest from the
 * background: a one-pixel line may fall between two rows. */
static SlopeTestRgb
inked_pixel (cairo_surface_t *surface,
             double           x,
             double           y,
             SlopeTestRgb     background)
{
  SlopeTestRgb best = background;
  int best_d = -1;

  for (int dy = -1; dy <= 1; dy++)
    {
      SlopeTestRgb p = slope_test_pixel_at (surface, x, y + dy);
      int d = abs (p.r - background.r) + abs (p.g - background.g) + abs (p.b - background.b);

      if (d > best_d)
        best = p, best_d = d;
    }
  return best;
}

/* Mini-batches: twenty epochs of three batches whose costs sit at 0.45
 * times the epoch's.  Each batch's cost is drawn lightly — the cost's
 * colour at 35 % over the background, as designed — where it ran
 * (epoch e's batch k at e − 1 + (k + 1)/3), and the epochs' curve stays
 * bold in the cost's own colour; with no batches nothing is drawn there.
 * A batch costlier than every epoch widens the y axis rather than sit
 * clamped on its top edge. */
static void
test_batches (void)
{
  g_autoptr(SlopeHistory) history = slope_history_new_default ();
  const SlopePalette *palette = slope_palette_get (FALSE);
  SlopeTestRgb bg = slope_test_rgb_of (&palette->background);
  SlopeTestRgb full = slope_test_rgb_of (&palette->cost);
  SlopeTestRgb light = {
    (int) lround (bg.r + 0.35 * (full.r - bg.r)),
    (int) lround (bg.g + 0.35 * (full.g - bg.g)),
    (int) lround (bg.b + 0.35 * (full.b - bg.b)),
  };
  double batch_x[60], batch_cost[60];
  SlopeCostPlot plot;
  cairo_surface_t *surface;
  double x, y;

  slope_cost_plot_init (&plot);
  plot.history = history;
  plot.log_scale = FALSE;
  fill (history, 20, falling);
  for (guint e = 1; e <= 20; e++)
    for (guint k = 0; k < 3; k++)
      {
        batch_x[(e - 1) * 3 + k] = e - 1.0 + (k + 1.0) / 3.0;
        batch_cost[(e - 1) * 3 + k] = 0.45 * falling (e);
      }
  plot.batch_x = batch_x;
  plot.batch_cost = batch_cost;
  plot.n_batches = G_N_ELEMENTS (batch_x);

  surface = render (&plot);
  slope_test_maybe_save (surface, "cost-plot-batches.png");
  /* Between epoch 5's second and third batches the line is flat. */
  x = slope_cost_plot_epoch_to_x (&plot, WIDTH, HEIGHT, 5) - 0.5
      * (slope_cost_plot_epoch_to_x (&plot, WIDTH, HEIGHT, 1)
         - slope_cost_plot_epoch_to_x (&plot, WIDTH, HEIGHT, 0)) / 3.0;
  y = slope_cost_plot_cost_to_y (&plot, WIDTH, HEIGHT, 0.45 * falling (5));
  g_assert_true (slope_test_near_color (inked_pixel (surface, x, y, bg), light, 40));
  g_assert_false (slope_test_near_color (inked_pixel (surface, x, y, bg), full, 60));
  /* The epochs' own curve, bold. */
  check_curve (surface, &plot, 5);
  cairo_surface_destroy (surface);

  plot.n_batches = 0;
  surface = render (&plot);
  slope_test_maybe_save (surface, "cost-plot-no-batches.png");
  g_assert_true (slope_test_near_color (inked_pixel (surface, x, y, bg), bg, 8));
  cairo_surface_destroy (surface);

  {
    double top;

    batch_cost[13] = 3.0 * falling (5);
    plot.n_batches = G_N_ELEMENTS (batch_x);
    slope_cost_plot_area (&plot, WIDTH, HEIGHT, NULL, &top, NULL, NULL);
    g_assert_cmpfloat (slope_cost_plot_cost_to_y (&plot, WIDTH, HEIGHT, batch_cost[13]), >, top + 5.0);
    plot.log_scale = TRUE;
    g_assert_cmpfloat (slope_cost_plot_cost_to_y (&plot, WIDTH, HEIGHT, batch_cost[13]), >, top + 5.0);
  }
}

static void
test_epoch_at (void)
{
  g_autoptr(SlopeHistory) history = slope_history_new_default ();
  static const guint64 epochs[] = { 0, 1, 2, 250, 999, 1000 };
  SlopeCostPlot plot;
  double left, width;

  falling_plot (&plot, history);
  slope_cost_plot_area (&plot, WIDTH, HEIGHT, &left, NULL, &width, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (epochs); i++)
    {
      double x = slope_cost_plot_epoch_to_x (&plot, WIDTH, HEIGHT, epochs[i]);

      g_assert_cmpuint (slope_cost_plot_epoch_at (&plot, WIDTH, HEIGHT, x), ==, epochs[i]);
    }

  /* Dragging past either end holds at that end. */
  g_assert_cmpuint (slope_cost_plot_epoch_at (&plot, WIDTH, HEIGHT, left - 50), ==, 0);
  g_assert_cmpuint (slope_cost_plot_epoch_at (&plot, WIDTH, HEIGHT, left + width + 50), ==, 1000);
  g_assert_cmpuint (slope_cost_plot_epoch_at (&plot, WIDTH, HEIGHT, NAN), ==, 0);

  /* x_max_epoch widens the axis past the last epoch. */
  plot.x_max_epoch = 4000;
  g_assert_cmpuint (slope_cost_plot_epoch_at (&plot, WIDTH, HEIGHT, left + width), ==, 4000);
  g_assert_cmpuint (slope_cost_plot_epoch_at (&plot, WIDTH, HEIGHT, left + width / 2), ==, 2000);
}

static double
long_run (guint64 epoch)
{
  return 2.0 + sin ((double) epoch) * exp (-(double) epoch / 2e5) + 10.0 * exp (-(double) epoch / 1e3);
}

static void
test_million_epochs (void)
{
  g_autoptr(SlopeHistory) history = slope_history_new_default ();
  const SlopePalette *palette = slope_palette_get (FALSE);
  cairo_surface_t *surface;
  SlopeCostPlot plot;
  double x, y_lo, y_hi;
  guint filled = 0;

  slope_cost_plot_init (&plot);
  plot.history = history;
  plot.log_scale = FALSE;
  fill (history, 1000000, long_run);
  surface = render (&plot);
  slope_test_maybe_save (surface, "cost-plot-million.png");

  /* Early on, where each pixel holds thousands of noisy epochs, the band
   * spans the noise: solid between its min and max. */
  x = slope_cost_plot_epoch_to_x (&plot, WIDTH, HEIGHT, 100000);
  y_lo = slope_cost_plot_cost_to_y (&plot, WIDTH, HEIGHT, 2.0 - 0.5);
  y_hi = slope_cost_plot_cost_to_y (&plot, WIDTH, HEIGHT, 2.0 + 0.5);
  for (double y = y_hi; y <= y_lo; y++)
    filled += slope_test_near_color (slope_test_pixel_at (surface, x, y), slope_test_rgb_of (&palette->cost), 40);
  g_assert_cmpuint (filled, >=, (guint) (0.9 * (y_lo - y_hi)));

  /* The end of the run is drawn too. */
  x = slope_cost_plot_epoch_to_x (&plot, WIDTH, HEIGHT, 999999);
  g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, x - 1, slope_cost_plot_cost_to_y (&plot, WIDTH, HEIGHT, 2.0)),
                             slope_test_rgb_of (&palette->cost), 40));
  cairo_surface_destroy (surface);
}

/* The epoch axis says where the run starts and how far it goes at any
 * size: two ticks at least, from epoch 0.  A presentation-sized plot of
 * 150 epochs too narrow for a step of 100 (whose labels would touch) has
 * the first and the last epoch. */
static void
test_epoch_ticks (void)
{
  static const guint64 runs[] = { 1, 3, 150, 1000, 1500, 123457 };
  static const double scales[] = { 1.0, 1.6, 2.4 };
  g_autoptr(SlopeHistory) history = slope_history_new_default ();
  SlopeCostPlot plot;
  SlopeAxis axis;

  slope_cost_plot_init (&plot);
  plot.history = history;
  fill (history, 150, falling);
  plot.font_scale = 1.6;
  slope_cost_plot_epoch_axis (&plot, 170, 150, &axis);
  g_assert_cmpuint (axis.n_ticks, ==, 2);
  g_assert_cmpstr (axis.labels[0], ==, "0");
  g_assert_cmpstr (axis.labels[1], ==, "150");
  g_assert_cmpfloat (axis.ticks[1], ==, 150.0);
  /* Where there is room, a step of 100 as before. */
  plot.font_scale = 1.0;
  slope_cost_plot_epoch_axis (&plot, 400, 150, &axis);
  g_assert_cmpuint (axis.n_ticks, >=, 2);
  g_assert_cmpstr (axis.labels[1], ==, "50");

  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
      for (int width = 90; width <= 1000; width += 13)
        {
          plot.history = NULL;
          plot.x_max_epoch = runs[r];
          plot.font_scale = scales[s];
          slope_cost_plot_epoch_axis (&plot, width, 150, &axis);
          if (axis.n_ticks < 2)
            g_error ("%" G_GUINT64_FORMAT " epochs at %d px, font ×%g: %u tick(s)", runs[r], width,
                     scales[s], axis.n_ticks);
          g_assert_cmpfloat (axis.ticks[0], ==, 0.0);
          g_assert_cmpstr (axis.labels[0], ==, "0");
          g_assert_cmpfloat (axis.ticks[axis.n_ticks - 1], <=, (double) runs[r]);
          g_assert_cmpstr (axis.labels[axis.n_ticks - 1], !=, "");
        }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cost-plot/log-curve", test_log_curve);
  g_test_add_func ("/cost-plot/linear-curve", test_linear_curve);
  g_test_add_func ("/cost-plot/marker", test_marker);
  g_test_add_func ("/cost-plot/diverged", test_diverged);
  g_test_add_func ("/cost-plot/zero-cost", test_zero_cost);
  g_test_add_func ("/cost-plot/empty", test_empty);
  g_test_add_func ("/cost-plot/epoch-at", test_epoch_at);
  g_test_add_func ("/cost-plot/batches", test_batches);
  g_test_add_func ("/cost-plot/million-epochs", test_million_epochs);
  g_test_add_func ("/cost-plot/epoch-ticks", test_epoch_ticks);

  return g_test_run ();
}
