/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-landscape-plot.c: the cost landscape, its framing and its mapping,
 * pixel by pixel.
 *
 * Set SLOPE_TEST_PNG_DIR to keep the images drawn here for a human to look
 * at; the assertions do not depend on it.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-landscape-plot.h"
#include "slope-trainer.h"
#include "slope-test-pixels.h"

#define WIDTH  640
#define HEIGHT 480

static double
luminance (SlopeTestRgb c)
{
  return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
}

static cairo_surface_t *
render (const SlopeLandscapePlot *plot,
        const char               *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  slope_landscape_plot_draw (cr, WIDTH, HEIGHT, plot);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  slope_test_maybe_save (surface, name);

  return surface;
}

/* The notebook's data, its optimum marked, the view fitted from (0, 0). */
static void
notebook_plot (SlopeLandscapePlot *plot)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();

  slope_landscape_plot_init (plot);
  plot->moments = *slope_dataset_get_moments (data);
  plot->has_optimum = slope_dataset_least_squares (data, &plot->optimum_w, &plot->optimum_b, NULL);
  g_assert_true (plot->has_optimum);
  slope_landscape_view_fit (&plot->view, &plot->moments, NULL, NULL, 0, 0.0, 0.0);
}

static void
test_optimum_marker (void)
{
  SlopeLandscapePlot plot;
  cairo_surface_t *surface;
  SlopeArea area;
  double px, py;

  notebook_plot (&plot);
  g_assert_cmpfloat_with_epsilon (plot.optimum_w, 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (plot.optimum_b, 0.0, 1e-12);

  surface = render (&plot, "landscape-optimum.png");
  slope_landscape_plot_area (&plot, WIDTH, HEIGHT, &area);
  slope_landscape_plot_to_pixel (&plot, &area, 2.0, 0.0, &px, &py);
  g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, px, py), (SlopeTestRgb) { 255, 255, 255 }, 8));
  cairo_surface_destroy (surface);

  /* Without the marker the same pixel is the map's, dark and bluish. */
  plot.has_optimum = FALSE;
  surface = render (&plot, "landscape-no-optimum.png");
  g_assert_cmpfloat (luminance (slope_test_pixel_at (surface, px, py)), <, 80.0);
  cairo_surface_destroy (surface);
}

static void
test_valley_darker (void)
{
  SlopeLandscapePlot plot;
  cairo_surface_t *surface;
  SlopeArea area;
  double px, py, at_optimum;

  notebook_plot (&plot);
  plot.has_optimum = FALSE;
  plot.w = plot.b = NAN;   /* nothing but the map */
  surface = render (&plot, "landscape-map.png");
  slope_landscape_plot_area (&plot, WIDTH, HEIGHT, &area);

  slope_landscape_plot_to_pixel (&plot, &area, 2.0, 0.0, &px, &py);
  at_optimum = luminance (slope_test_pixel_at (surface, px, py));
  /* Low cost is the dark end of the colour map, at every corner. */
  g_assert_cmpfloat (at_optimum + 60.0, <, luminance (slope_test_pixel_at (surface, area.left + 2, area.top + 2)));
  g_assert_cmpfloat (at_optimum + 60.0, <, luminance (slope_test_pixel_at (surface, area.left + 2,
                                                                area.top + area.height - 3)));
  g_assert_cmpfloat (at_optimum, <, luminance (slope_test_pixel_at (surface, area.left + area.width - 3,
                                                         area.top + 2)));
  cairo_surface_destroy (surface);
}

static void
test_path_drawn (void)
{
  const double pw[] = { 0.0, 1.0, 1.8 };
  const double pb[] = { 0.0, 1.0, 0.2 };
  SlopeLandscapePlot plot;
  cairo_surface_t *surface;
  SlopeArea area;
  double x0, y0, x1, y1;

  notebook_plot (&plot);
  plot.path_w = pw;
  plot.path_b = pb;
  plot.n_path = G_N_ELEMENTS (pw);
  plot.w = 1.9;
  plot.b = 0.1;
  plot.show_gradient = FALSE;
  slope_landscape_view_fit (&plot.view, &plot.moments, pw, pb, plot.n_path, plot.w, plot.b);
  surface = render (&plot, "landscape-path.png");
  slope_landscape_plot_area (&plot, WIDTH, HEIGHT, &area);

  /* Through the given points: white along both segments, at their
   * middles and at a third of the way, where no dot is drawn. */
  for (guint i = 0; i + 1 < G_N_ELEMENTS (pw); i++)
    for (double t = 1.0 / 3.0; t < 0.6; t += 1.0 / 6.0)
      {
        slope_landscape_plot_to_pixel (&plot, &area, pw[i], pb[i], &x0, &y0);
        slope_landscape_plot_to_pixel (&plot, &area, pw[i + 1], pb[i + 1], &x1, &y1);
        g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, x0 + t * (x1 - x0), y0 + t * (y1 - y0)),
                                   (SlopeTestRgb) { 255, 255, 255 }, 40));
      }

  /* Not elsewhere: off the first segment, across from its middle. */
  slope_landscape_plot_to_pixel (&plot, &area, 0.5, 0.5, &x0, &y0);
  g_assert_false (slope_test_near_color (slope_test_pixel_at (surface, x0, y0 + 25.0), (SlopeTestRgb) { 255, 255, 255 }, 40));
  cairo_surface_destroy (surface);
}

/* The brightest pixel around (x, y): a thin line may fall between two. */
static double
brightest_near (cairo_surface_t *surface,
                double           x,
                double           y)
{
  double best = 0.0;

  for (int dx = -1; dx <= 1; dx++)
    for (int dy = -1; dy <= 1; dy++)
      best = MAX (best, luminance (slope_test_pixel_at (surface, x + dx, y + dy)));
  return best;
}

/* Mini-batches: the steps within the epochs, a zigzag between the ends
 * the epochs' path joins, are drawn lightly over the map — and only when
 * given. */
static void
test_batch_path (void)
{
  const double pw[] = { 0.0, 1.8 };
  const double pb[] = { 0.0, 0.2 };
  const double bw[] = { 0.6, 1.2, 1.8 };
  const double bb[] = { 1.2, -0.4, 0.2 };
  SlopeLandscapePlot plot;
  cairo_surface_t *with, *without;
  SlopeArea area;
  double x0, y0, x1, y1;

  notebook_plot (&plot);
  plot.path_w = pw;
  plot.path_b = pb;
  plot.n_path = G_N_ELEMENTS (pw);
  plot.w = 1.8;
  plot.b = 0.2;
  plot.show_gradient = FALSE;
  slope_landscape_view_fit (&plot.view, &plot.moments, bw, bb, G_N_ELEMENTS (bw), plot.w, plot.b);
  without = render (&plot, "landscape-no-batch-path.png");
  plot.batch_w = bw;
  plot.batch_b = bb;
  plot.n_batch_path = G_N_ELEMENTS (bw);
  with = render (&plot, "landscape-batch-path.png");
  slope_landscape_plot_area (&plot, WIDTH, HEIGHT, &area);

  /* Along the zigzag's middle step, from (0.6, 1.2) to (1.2, −0.4). */
  slope_landscape_plot_to_pixel (&plot, &area, bw[0], bb[0], &x0, &y0);
  slope_landscape_plot_to_pixel (&plot, &area, bw[1], bb[1], &x1, &y1);
  for (double t = 0.3; t < 0.75; t += 0.2)
    {
      double x = x0 + t * (x1 - x0), y = y0 + t * (y1 - y0);

      g_assert_cmpfloat (brightest_near (with, x, y), >, brightest_near (without, x, y) + 40.0);
    }
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

static gboolean
view_contains (const SlopeLandscapeView *v,
               double                    w,
               double                    b)
{
  return w > v->w_min && w < v->w_max && b > v->b_min && b < v->b_max;
}

static void
assert_sane_view (const SlopeLandscapeView *v)
{
  g_assert_true (isfinite (v->w_min) && isfinite (v->w_max));
  g_assert_true (isfinite (v->b_min) && isfinite (v->b_max));
  g_assert_cmpfloat (v->w_max, >, v->w_min);
  g_assert_cmpfloat (v->b_max, >, v->b_min);
}

static void
test_view_fit (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autoptr(SlopeTrainer) trainer = slope_trainer_new (data);
  const SlopeMoments *m = slope_dataset_get_moments (data);
  const double x_same[] = { 3.0, 3.0, 3.0 }, y_same[] = { 1.0, 2.0, 3.0 };
  g_autoptr(SlopeDataset) vertical = slope_dataset_new (x_same, y_same, 3, "same x");
  double pw[201], pb[201];
  SlopeMoments none = { 0 };
  SlopeLandscapeView v;

  /* A real run from (−3, 5), as the notebook would train it. */
  slope_trainer_set_initial (trainer, -3.0, 5.0);
  slope_trainer_reset (trainer);
  slope_trainer_begin_run (trainer, 200);
  pw[0] = -3.0;
  pb[0] = 5.0;
  for (guint i = 1; i <= 200; i++)
    {
      SlopeEpochRecord record;

      slope_trainer_epoch (trainer, &record);
      pw[i] = record.w;
      pb[i] = record.b;
    }

  slope_landscape_view_fit (&v, m, pw, pb, G_N_ELEMENTS (pw), pw[200], pb[200]);
  for (guint i = 0; i < G_N_ELEMENTS (pw); i++)
    g_assert_true (view_contains (&v, pw[i], pb[i]));
  g_assert_true (view_contains (&v, 2.0, 0.0));

  /* Fitted at reset, before any step, the view already holds the run. */
  slope_landscape_view_fit (&v, m, NULL, NULL, 0, -3.0, 5.0);
  for (guint i = 0; i < G_N_ELEMENTS (pw); i++)
    g_assert_true (view_contains (&v, pw[i], pb[i]));

  /* Starting at the optimum: a window with room round it, not a dot. */
  slope_landscape_view_fit (&v, m, NULL, NULL, 0, 2.0, 0.0);
  assert_sane_view (&v);
  g_assert_true (view_contains (&v, 2.0, 0.0));
  g_assert_cmpfloat (v.w_max - v.w_min, >, 0.1);
  g_assert_cmpfloat (v.b_max - v.b_min, >, 0.1);

  /* Degenerate data: no points, or every x the same. */
  slope_landscape_view_fit (&v, &none, NULL, NULL, 0, 0.0, 0.0);
  assert_sane_view (&v);
  slope_landscape_view_fit (&v, slope_dataset_get_moments (vertical), NULL, NULL, 0, 1.0, 1.0);
  assert_sane_view (&v);
  g_assert_true (view_contains (&v, 1.0, 1.0));
}

static void
test_view_fit_diverged (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  const double pw[] = { 0.0, 3.0, -20.0, 1e30, INFINITY, NAN, -1e300 };
  const double pb[] = { 0.0, 1.0, -9.0, -1e30, NAN, 1.0, 1e300 };
  SlopeLandscapeView v;

  slope_landscape_view_fit (&v, slope_dataset_get_moments (data), pw, pb,
                            G_N_ELEMENTS (pw), NAN, INFINITY);
  assert_sane_view (&v);
  /* The finite part is framed; the bowl is not lost to 10³⁰. */
  g_assert_true (view_contains (&v, -20.0, -9.0));
  g_assert_true (view_contains (&v, 2.0, 0.0));
  g_assert_cmpfloat (v.w_max - v.w_min, <, 1e6);
}

static void
test_round_trip (void)
{
  SlopeLandscapePlot plot;
  SlopeArea area;
  const double points[][2] = { { 0.0, 0.0 }, { 2.0, 0.0 }, { -0.1, 1.3 }, { 17.0, -40.0 } };

  notebook_plot (&plot);
  slope_landscape_plot_area (&plot, WIDTH, HEIGHT, &area);
  g_assert_cmpfloat (area.width, >, WIDTH / 2);
  g_assert_cmpfloat (area.height, >, HEIGHT / 2);

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double px, py, w, b;

      slope_landscape_plot_to_pixel (&plot, &area, points[i][0], points[i][1], &px, &py);
      slope_landscape_plot_from_pixel (&plot, &area, px, py, &w, &b);
      g_assert_cmpfloat_with_epsilon (w, points[i][0], 1e-9);
      g_assert_cmpfloat_with_epsilon (b, points[i][1], 1e-9);
    }

  /* W grows to the right and b upwards. */
  {
    double x0, y0, x1, y1;

    slope_landscape_plot_to_pixel (&plot, &area, 0.0, 0.0, &x0, &y0);
    slope_landscape_plot_to_pixel (&plot, &area, 1.0, 1.0, &x1, &y1);
    g_assert_cmpfloat (x1, >, x0);
    g_assert_cmpfloat (y1, <, y0);
  }
}

static void
test_zoom_fixed_point (void)
{
  SlopeLandscapePlot plot;
  SlopeLandscapeView before;
  SlopeArea area;
  const double factors[] = { 0.5, 2.0, 1.15, 1.0 / 1.15 };

  notebook_plot (&plot);
  slope_landscape_plot_area (&plot, WIDTH, HEIGHT, &area);

  for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
    {
      double x0, y0, x1, y1;

      before = plot.view;
      slope_landscape_plot_to_pixel (&plot, &area, 1.3, 0.4, &x0, &y0);
      g_assert_true (slope_landscape_view_zoom (&plot.view, 1.3, 0.4, factors[i]));
      slope_landscape_plot_to_pixel (&plot, &area, 1.3, 0.4, &x1, &y1);
      g_assert_cmpfloat_with_epsilon (x1, x0, 1e-6);
      g_assert_cmpfloat_with_epsilon (y1, y0, 1e-6);
      g_assert_cmpfloat_with_epsilon ((plot.view.w_max - plot.view.w_min)
                                      / (before.w_max - before.w_min), factors[i], 1e-9);
      g_assert_cmpfloat_with_epsilon ((plot.view.b_max - plot.view.b_min)
                                      / (before.b_max - before.b_min), factors[i], 1e-9);
    }

  /* Absurd factors are refused and leave the view alone. */
  before = plot.view;
  g_assert_false (slope_landscape_view_zoom (&plot.view, 1.0, 0.0, 0.0));
  g_assert_false (slope_landscape_view_zoom (&plot.view, 1.0, 0.0, NAN));
  g_assert_false (slope_landscape_view_zoom (&plot.view, 1.0, 0.0, 1e300));
  g_assert_true (memcmp (&before, &plot.view, sizeof before) == 0);
}

static void
test_pan (void)
{
  SlopeLandscapePlot plot;
  SlopeArea area;
  double x0, y0, x1, y1;

  notebook_plot (&plot);
  slope_landscape_plot_area (&plot, WIDTH, HEIGHT, &area);
  slope_landscape_plot_to_pixel (&plot, &area, 1.0, 0.5, &x0, &y0);
  g_assert_true (slope_landscape_view_pan (&plot.view, &area, 40.0, -25.0));
  slope_landscape_plot_to_pixel (&plot, &area, 1.0, 0.5, &x1, &y1);
  /* The content follows the pointer. */
  g_assert_cmpfloat_with_epsilon (x1 - x0, 40.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (y1 - y0, -25.0, 1e-6);
}

static void
test_include (void)
{
  SlopeLandscapeView v = { 0.0, 2.0, -1.0, 1.0 }, before = v;

  /* Inside: nothing moves. */
  g_assert_false (slope_landscape_view_include (&v, 1.0, 0.0, 1.6));
  g_assert_true (memcmp (&before, &v, sizeof v) == 0);

  /* Past the right edge: the view grows ahead of the point, keeping its
   * left edge, and then has room for the next steps. */
  g_assert_true (slope_landscape_view_include (&v, 2.5, 0.0, 1.6));
  g_assert_true (view_contains (&v, 2.5, 0.0));
  g_assert_cmpfloat (v.w_min, ==, 0.0);
  g_assert_cmpfloat (v.w_max, >=, 2.5 * 1.6 - 1e-12);
  g_assert_cmpfloat (v.b_min, ==, -1.0);
  g_assert_cmpfloat (v.b_max, ==, 1.0);
  before = v;
  g_assert_false (slope_landscape_view_include (&v, 2.7, 0.1, 1.6));
  g_assert_true (memcmp (&before, &v, sizeof v) == 0);

  /* Below the bottom, and never for values that are not numbers. */
  g_assert_true (slope_landscape_view_include (&v, 1.0, -3.0, 1.6));
  g_assert_true (view_contains (&v, 1.0, -3.0));
  before = v;
  g_assert_false (slope_landscape_view_include (&v, NAN, 0.0, 1.6));
  g_assert_false (slope_landscape_view_include (&v, 1.0, INFINITY, 1.6));
  g_assert_true (memcmp (&before, &v, sizeof v) == 0);
}

/* The landscape is drawn from six sums: ten million points draw like three. */
static void
test_ten_million (void)
{
  SlopeMoments m = { 0 };
  SlopeLandscapePlot plot;
  cairo_surface_t *surface;
  SlopeArea area;
  double px, py;

  for (guint i = 0; i < 10000000; i++)
    {
      double x = 1.0 + (i % 1000) / 500.0, y = 2.0 * x + ((i % 7) - 3.0) * 0.01;

      m.n++;
      m.sum_x += x;
      m.sum_y += y;
      m.sum_xx += x * x;
      m.sum_xy += x * y;
      m.sum_yy += y * y;
    }

  slope_landscape_plot_init (&plot);
  plot.moments = m;
  plot.has_optimum = TRUE;
  plot.optimum_w = 2.0;
  plot.optimum_b = 0.0;
  slope_landscape_view_fit (&plot.view, &m, NULL, NULL, 0, 0.0, 0.0);
  surface = render (&plot, "landscape-ten-million.png");

  slope_landscape_plot_area (&plot, WIDTH, HEIGHT, &area);
  slope_landscape_plot_to_pixel (&plot, &area, 2.0, 0.0, &px, &py);
  g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, px, py), (SlopeTestRgb) { 255, 255, 255 }, 8));
  cairo_surface_destroy (surface);
}

static void
test_diverged (void)
{
  const double pw[] = { 0.0, 5.0, -80.0, 1e30, -1e300, INFINITY, NAN, 1.0 };
  const double pb[] = { 0.0, 2.0, -30.0, 1e30, 1e300, 0.0, NAN, -INFINITY };
  const double states[][2] = { { NAN, NAN }, { 1e30, -1e30 }, { INFINITY, 0.0 },
                               { 1e300, 1e-300 }, { 2.5, 0.5 } };
  const SlopeLandscapeView views[] = {
    { NAN, NAN, NAN, NAN }, { 1.0, 1.0, 0.0, 0.0 }, { -1e300, 1e300, -1e300, 1e300 },
    { 0.0, 4.0, -2.0, 2.0 },
  };
  SlopeLandscapePlot plot;

  notebook_plot (&plot);
  plot.path_w = pw;
  plot.path_b = pb;
  plot.n_path = G_N_ELEMENTS (pw);

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    for (guint j = 0; j < G_N_ELEMENTS (views); j++)
      {
        cairo_surface_t *surface;
        SlopeArea area;

        plot.w = states[i][0];
        plot.b = states[i][1];
        plot.view = views[j];
        surface = render (&plot, "landscape-diverged.png");   /* asserts no error */
        slope_landscape_plot_area (&plot, WIDTH, HEIGHT, &area);
        g_assert_true (area.width > 0.0 && isfinite (area.width));
        /* Whatever the numbers, a whole picture: every pixel painted,
         * opaque (no hole where a NaN fell). */
        cairo_surface_flush (surface);
        for (int y = 0; y < HEIGHT; y++)
          for (int x = 0; x < WIDTH; x++)
            g_assert_cmpuint (((const guint32 *) (cairo_image_surface_get_data (surface)
                                                  + y * cairo_image_surface_get_stride (surface)))[x]
                              >> 24, ==, 0xff);
        cairo_surface_destroy (surface);
      }

  /* Absurd moments too. */
  plot.moments.sum_xx = INFINITY;
  plot.moments.sum_xy = NAN;
  cairo_surface_destroy (render (&plot, "landscape-absurd.png"));
}

static void
test_arrow_downhill (void)
{
  const double points[][2] = { { 0.0, 0.0 }, { -3.0, 5.0 }, { 1.745, 0.579 },
                               { 3.5, -1.0 }, { 2.3, 0.2 } };
  SlopeLandscapePlot plot;
  SlopeArea area;

  notebook_plot (&plot);
  plot.view = (SlopeLandscapeView) { -4.0, 4.0, -2.0, 6.0 };
  plot.show_gradient = TRUE;
  slope_landscape_plot_area (&plot, WIDTH, HEIGHT, &area);

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double x0, y0, x1, y1, w0, b0, w1, b1, dw, db, sx, sy, cross;
      cairo_surface_t *surface;
      double len, ux, uy, back;

      plot.w = points[i][0];
      plot.b = points[i][1];
      g_assert_true (slope_landscape_plot_arrow (&plot, &area, &x0, &y0, &x1, &y1));

      /* The tail is the point; the tip is downhill of it. */
      slope_landscape_plot_from_pixel (&plot, &area, x0, y0, &w0, &b0);
      slope_landscape_plot_from_pixel (&plot, &area, x1, y1, &w1, &b1);
      g_assert_cmpfloat_with_epsilon (w0, plot.w, 1e-9);
      g_assert_cmpfloat_with_epsilon (b0, plot.b, 1e-9);
      g_assert_cmpfloat (slope_landscape_cost (&plot.moments, w1, b1), <,
                         slope_landscape_cost (&plot.moments, w0, b0));

      /* Exactly along −∇cost, mapped to the screen. */
      slope_landscape_gradient (&plot.moments, plot.w, plot.b, &dw, &db);
      sx = area.width / (plot.view.w_max - plot.view.w_min);
      sy = area.height / (plot.view.b_max - plot.view.b_min);
      cross = (x1 - x0) * (db * sy) - (y1 - y0) * (-dw * sx);
      g_assert_cmpfloat (fabs (cross) / hypot (x1 - x0, y1 - y0) / hypot (dw * sx, db * sy), <, 1e-9);
      g_assert_cmpfloat ((x1 - x0) * -dw, >=, 0.0);

      /* And it is drawn: inside its head, a little over half way back
       * from the tip (the head is at most half the arrow), is the arrow's
       * colour. */
      surface = render (&plot, "landscape-arrow.png");
      len = hypot (x1 - x0, y1 - y0);
      ux = (x1 - x0) / len;
      uy = (y1 - y0) / len;
      back = 0.6 * MIN (13.0, 0.5 * len);
      g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, x1 - back * ux, y1 - back * uy),
                                 slope_test_rgb_of (&slope_palette_get (FALSE)->line), 40));
      cairo_surface_destroy (surface);
    }

  /* None at the optimum, where there is nothing to follow. */
  plot.w = 2.0;
  plot.b = 0.0;
  g_assert_false (slope_landscape_plot_arrow (&plot, &area, NULL, NULL, NULL, NULL));
  plot.w = -1.0;
  plot.show_gradient = FALSE;
  g_assert_false (slope_landscape_plot_arrow (&plot, &area, NULL, NULL, NULL, NULL));
}

static void
test_cost_formula (void)
{
  const double x[] = { 1000.0, 1001.0, 1002.5, 1004.0 }, y[] = { 5.0, 7.0, 8.0, 11.0 };
  g_autoptr(SlopeDataset) notebook = slope_dataset_new_notebook ();
  g_autoptr(SlopeDataset) far = slope_dataset_new (x, y, G_N_ELEMENTS (x), "far");
  g_autoptr(SlopeTrainer) trainer = slope_trainer_new (notebook);
  const SlopeMoments *m = slope_dataset_get_moments (notebook);
  const SlopeMoments *mf = slope_dataset_get_moments (far);
  const double offsets[] = { -1e-5, -1e-6, -1e-7, 1e-7, 1e-6, 1e-5 };
  double w_star, b_star, h = 1e-6;

  /* The same cost the notebook computes, with its gradient. */
  for (double w = -3.0; w <= 5.0; w += 1.25)
    for (double b = -2.0; b <= 3.0; b += 0.75)
      {
        double dw, db;

        g_assert_cmpfloat_with_epsilon (slope_landscape_cost (m, w, b),
                                        slope_trainer_cost_at (trainer, w, b), 1e-9);
        slope_landscape_gradient (m, w, b, &dw, &db);
        g_assert_cmpfloat_with_epsilon (dw, (slope_landscape_cost (m, w + h, b)
                                             - slope_landscape_cost (m, w - h, b)) / (2 * h), 1e-5);
        g_assert_cmpfloat_with_epsilon (db, (slope_landscape_cost (m, w, b + h)
                                             - slope_landscape_cost (m, w, b - h)) / (2 * h), 1e-5);
      }

  /* For x near 1000 the raw moment formula's terms are 10⁶ times the
   * cost and cancel: near the optimum it dips below its own minimum, which
   * would draw as speckle.  The landscape's form does not: nothing is
   * below the least-squares cost, however close. */
  g_assert_true (slope_dataset_least_squares (far, &w_star, &b_star, NULL));
  for (guint j = 0; j < G_N_ELEMENTS (offsets); j++)
    {
      double d = offsets[j];
      const double dirs[][2] = { { d, 0.0 }, { 0.0, d }, { d, -1001.875 * d }, { d, d } };

      for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
        g_assert_cmpfloat (slope_landscape_cost (mf, w_star + dirs[i][0], b_star + dirs[i][1]), >=,
                           slope_landscape_cost (mf, w_star, b_star));
    }
  {
    double direct = 0.0;

    for (guint i = 0; i < G_N_ELEMENTS (x); i++)
      {
        double r = w_star * x[i] + b_star - y[i];

        direct += r * r / G_N_ELEMENTS (x);
      }
    g_assert_cmpfloat (direct, >, 0.1);
    g_assert_cmpfloat (fabs (slope_landscape_cost (mf, w_star, b_star) - direct), <, 1e-6 * direct);
  }
}

static void
test_dark_and_empty (void)
{
  const SlopePalette *dark = slope_palette_get (TRUE);
  SlopeLandscapePlot plot;
  cairo_surface_t *surface;
  SlopeArea area;
  double px, py;

  notebook_plot (&plot);
  plot.palette = dark;
  surface = render (&plot, "landscape-dark.png");
  g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, 2, 2), slope_test_rgb_of (&dark->background), 2));
  /* The map itself is the same on either background. */
  slope_landscape_plot_area (&plot, WIDTH, HEIGHT, &area);
  slope_landscape_plot_to_pixel (&plot, &area, -0.2, 1.2, &px, &py);
  g_assert_cmpfloat (luminance (slope_test_pixel_at (surface, px, py)), >, 120.0);
  cairo_surface_destroy (surface);

  /* No data: axes on the background, nothing else, no error. */
  slope_landscape_plot_init (&plot);
  surface = render (&plot, "landscape-empty.png");
  slope_landscape_plot_area (&plot, WIDTH, HEIGHT, &area);
  g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, area.left + area.width / 2, area.top + area.height / 2),
                             slope_test_rgb_of (&slope_palette_get (FALSE)->background), 2));
  cairo_surface_destroy (surface);
}

/* The optimum's label never covers the current point: with the point just
 * below the star, where the label would go first, the label moves and the
 * pixels around the point are the same with and without the optimum. */
static void
test_label_clears_current (void)
{
  SlopeLandscapePlot plot;
  cairo_surface_t *with, *without;
  SlopeArea area;
  double px, py, cy;
  guint differ = 0;

  notebook_plot (&plot);
  slope_landscape_plot_area (&plot, WIDTH, HEIGHT, &area);
  slope_landscape_plot_to_pixel (&plot, &area, plot.optimum_w, plot.optimum_b, &px, &py);
  cy = py + 30.0;
  slope_landscape_plot_from_pixel (&plot, &area, px, cy, &plot.w, &plot.b);

  with = render (&plot, "landscape-label-current.png");
  plot.has_optimum = FALSE;
  without = render (&plot, "landscape-label-current-none.png");

  /* A band 100 px wide and 36 px high centred on the point, outside the
   * star's own 10 px. */
  for (int y = (int) cy - 18; y <= (int) cy + 18; y++)
    for (int x = (int) px - 50; x <= (int) px + 50; x++)
      {
        SlopeTestRgb a = slope_test_pixel_at (with, x, y);
        SlopeTestRgb b = slope_test_pixel_at (without, x, y);

        if (hypot (x - px, y - py) > 12.0 && !slope_test_near_color (a, b, 8))
          differ++;
      }
  g_assert_cmpuint (differ, ==, 0);
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

/* Dark pixels (axis text) in a rectangle. */
static guint
count_ink (cairo_surface_t *surface,
           int              x0,
           int              y0,
           int              x1,
           int              y1)
{
  guint ink = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, HEIGHT); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, WIDTH); x++)
      if (luminance (slope_test_pixel_at (surface, x, y)) < 128.0)
        ink++;
  return ink;
}

/* Trained on scaled data, the axes are titled "W (on x′, y′)" and
 * "b (on x′, y′)": more ink under the plot and left of it than "W" and
 * "b", in the same place, with the map itself untouched. */
static void
test_scaled_titles (void)
{
  SlopeLandscapePlot plot;
  cairo_surface_t *plain, *scaled;
  SlopeArea area, scaled_area;
  int bottom, left;
  guint plain_x, scaled_x, plain_y, scaled_y;

  notebook_plot (&plot);
  slope_landscape_plot_area (&plot, WIDTH, HEIGHT, &area);
  plain = render (&plot, "landscape-titles.png");
  plot.scaled = TRUE;
  slope_landscape_plot_area (&plot, WIDTH, HEIGHT, &scaled_area);
  scaled = render (&plot, "landscape-titles-scaled.png");

  g_assert_cmpfloat (scaled_area.left, ==, area.left);
  g_assert_cmpfloat (scaled_area.width, ==, area.width);
  g_assert_cmpfloat (scaled_area.height, ==, area.height);
  bottom = (int) (area.top + area.height) + 1;
  left = (int) area.left - 1;
  plain_x = count_ink (plain, left, bottom, WIDTH, HEIGHT);
  scaled_x = count_ink (scaled, left, bottom, WIDTH, HEIGHT);
  plain_y = count_ink (plain, 0, 0, left, bottom);
  scaled_y = count_ink (scaled, 0, 0, left, bottom);
  g_test_message ("ink under %u → %u, left %u → %u", plain_x, scaled_x, plain_y, scaled_y);
  g_assert_cmpuint (scaled_x, >, plain_x + 100);
  g_assert_cmpuint (scaled_y, >, plain_y + 100);
  for (int i = 0; i < 20; i++)
    {
      int x = (int) (area.left + area.width * (i + 0.5) / 20.0);
      int y = (int) (area.top + area.height * (i + 0.5) / 20.0);

      g_assert_true (slope_test_near_color (slope_test_pixel_at (plain, x, y),
                                            slope_test_pixel_at (scaled, x, y), 0));
    }
  cairo_surface_destroy (plain);
  cairo_surface_destroy (scaled);
}

/* A small landscape in presentation type once showed a lone "0" on each
 * axis.  Worked by hand for W in [−0.7, 1.4] and b in [−0.8, 1.3] (a span
 * of 2.1 each) at 260 × 220 px and type × 1.6, whose plotting area is
 * 150 × 107 px: room for two ticks (150 / 96 + 1 and 107 / 56 + 1, both
 * 2), and a 1-2-5 step for two ticks over 2.1 is 5, for three 2, which
 * land only on 0; for four it is 1, which lands on 0 and 1, 71 px apart
 * across and 51 px down, room for one-digit labels either way. */
static void
test_axes_two_ticks (void)
{
  static const SlopeLandscapeView views[] = {
    { -0.7, 1.4, -0.8, 1.3 },
    { -0.35, 0.7, -120.0, 95.0 },
    { 40.0, 290.0, -90000.0, 140000.0 },
  };
  SlopeLandscapePlot plot;
  SlopeAxis w_axis, b_axis;

  slope_landscape_plot_init (&plot);
  plot.view = views[0];
  plot.font_scale = 1.6;
  slope_landscape_plot_axes (&plot, 260, 220, &w_axis, &b_axis);
  g_assert_cmpuint (w_axis.n_ticks, ==, 2);
  g_assert_cmpstr (w_axis.labels[0], ==, "0");
  g_assert_cmpstr (w_axis.labels[1], ==, "1");
  g_assert_cmpuint (b_axis.n_ticks, ==, 2);
  g_assert_cmpstr (b_axis.labels[0], ==, "0");
  g_assert_cmpstr (b_axis.labels[1], ==, "1");

  /* The sizes a window shows the landscape at, from 1024 × 768 up, in
   * normal and presentation type (× 1.6): the smallest, in presentation
   * mode at 1024 × 768, about 400 × 220 px. */
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    for (int width = 300; width <= 900; width += 23)
      for (int height = 200; height <= 700; height += 41)
        for (guint f = 0; f < 2; f++)
          {
            plot.view = views[v];
            plot.font_scale = f == 0 ? 1.0 : 1.6;
            slope_landscape_plot_axes (&plot, width, height, &w_axis, &b_axis);
            if (w_axis.n_ticks < 2 || b_axis.n_ticks < 2)
              g_error ("view %u, %d × %d px, type × %g: %u W tick(s), %u b tick(s)",
                       v, width, height, plot.font_scale, w_axis.n_ticks, b_axis.n_ticks);
          }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/landscape-plot/optimum-marker", test_optimum_marker);
  g_test_add_func ("/landscape-plot/label-clears-current", test_label_clears_current);
  g_test_add_func ("/landscape-plot/valley-darker", test_valley_darker);
  g_test_add_func ("/landscape-plot/path-drawn", test_path_drawn);
  g_test_add_func ("/landscape-plot/view-fit", test_view_fit);
  g_test_add_func ("/landscape-plot/view-fit-diverged", test_view_fit_diverged);
  g_test_add_func ("/landscape-plot/round-trip", test_round_trip);
  g_test_add_func ("/landscape-plot/zoom-fixed-point", test_zoom_fixed_point);
  g_test_add_func ("/landscape-plot/pan", test_pan);
  g_test_add_func ("/landscape-plot/include", test_include);
  g_test_add_func ("/landscape-plot/ten-million", test_ten_million);
  g_test_add_func ("/landscape-plot/diverged", test_diverged);
  g_test_add_func ("/landscape-plot/arrow-downhill", test_arrow_downhill);
  g_test_add_func ("/landscape-plot/cost-formula", test_cost_formula);
  g_test_add_func ("/landscape-plot/dark-and-empty", test_dark_and_empty);
  g_test_add_func ("/landscape-plot/scaled-titles", test_scaled_titles);
  g_test_add_func ("/landscape-plot/batch-path", test_batch_path);
  g_test_add_func ("/landscape-plot/axes-two-ticks", test_axes_two_ticks);

  return g_test_run ();
}
