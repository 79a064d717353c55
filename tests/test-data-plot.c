/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-data-plot.c: the scatter, the line and the equation, pixel by pixel.
 *
 * Set SLOPE_TEST_PNG_DIR to keep the images drawn here for a human to look
 * at; the assertions do not depend on it.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <float.h>
#include <glib/gstdio.h>
#include <math.h>

#include "slope-data-plot.h"
#include "slope-density.h"
#include "slope-test-pixels.h"

#define WIDTH  600
#define HEIGHT 400

static cairo_surface_t *
render (const SlopeDataPlot *plot,
        void               (*draw) (cairo_t *, int, int, const SlopeDataPlot *))
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  draw (cr, WIDTH, HEIGHT, plot);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

static void
notebook_plot (SlopeDataPlot *plot,
               SlopeDataset  *data)
{
  slope_data_plot_init (plot);
  plot->dataset = data;
  slope_viewport_fit (&plot->view, data);
  plot->w = 1.8;
  plot->b = 0.4;
}

static void
test_viewport_fit (void)
{
  g_autoptr(SlopeDataset) notebook = slope_dataset_new_notebook ();
  static const double one_x[] = { 2.0 }, one_y[] = { -7.0 };
  static const double flat_x[] = { 1.0, 2.0, 3.0 }, flat_y[] = { 5.0, 5.0, 5.0 };
  g_autoptr(SlopeDataset) one = slope_dataset_new (one_x, one_y, 1, NULL);
  g_autoptr(SlopeDataset) flat = slope_dataset_new (flat_x, flat_y, 3, NULL);
  SlopeViewport view;

  slope_viewport_fit (&view, notebook);
  /* The data and a margin of a few percent of its span, no more. */
  g_assert_cmpfloat (view.x_min, <, 1.0);
  g_assert_cmpfloat (view.x_min, >, 1.0 - 0.15 * 2.0);
  g_assert_cmpfloat (view.x_max, >, 3.0);
  g_assert_cmpfloat (view.x_max, <, 3.0 + 0.15 * 2.0);
  g_assert_cmpfloat (view.y_min, <, 2.0);
  g_assert_cmpfloat (view.y_min, >, 2.0 - 0.15 * 4.0);
  g_assert_cmpfloat (view.y_max, >, 6.0);
  g_assert_cmpfloat (view.y_max, <, 6.0 + 0.15 * 4.0);

  /* One point, or all y equal: a view with a span, around the data. */
  slope_viewport_fit (&view, one);
  g_assert_cmpfloat (view.x_min, <, 2.0);
  g_assert_cmpfloat (view.x_max, >, 2.0);
  g_assert_cmpfloat (view.y_min, <, -7.0);
  g_assert_cmpfloat (view.y_max, >, -7.0);

  slope_viewport_fit (&view, flat);
  g_assert_cmpfloat (view.y_min, <, 5.0);
  g_assert_cmpfloat (view.y_max, >, 5.0);

  slope_viewport_fit (&view, NULL);
  g_assert_cmpfloat (view.x_max, >, view.x_min);
  g_assert_cmpfloat (view.y_max, >, view.y_min);
}

static void
test_pixel_mapping (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  SlopeDataPlot plot;
  SlopeArea area;
  double px, py, x, y;

  notebook_plot (&plot, data);
  slope_data_plot_area (&plot, WIDTH, HEIGHT, &area);

  /* Room for labels on the left and below, but most of the window. */
  g_assert_cmpfloat (area.left, >, 20);
  g_assert_cmpfloat (area.top, >=, 4);
  g_assert_cmpfloat (area.left + area.width, <=, WIDTH);
  g_assert_cmpfloat (area.top + area.height, <, HEIGHT - 20);
  g_assert_cmpfloat (area.width, >, 0.8 * WIDTH);
  g_assert_cmpfloat (area.height, >, 0.75 * HEIGHT);

  slope_data_plot_to_pixel (&plot, &area, plot.view.x_min, plot.view.y_max, &px, &py);
  g_assert_cmpfloat_with_epsilon (px, area.left, 1e-9);
  g_assert_cmpfloat_with_epsilon (py, area.top, 1e-9);
  slope_data_plot_to_pixel (&plot, &area, plot.view.x_max, plot.view.y_min, &px, &py);
  g_assert_cmpfloat_with_epsilon (px, area.left + area.width, 1e-9);
  g_assert_cmpfloat_with_epsilon (py, area.top + area.height, 1e-9);

  slope_data_plot_to_pixel (&plot, &area, 2.5, 3.25, &px, &py);
  slope_data_plot_from_pixel (&plot, &area, px, py, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 2.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 3.25, 1e-12);
}

static void
test_points (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  const SlopePalette *palette = slope_palette_get (FALSE);
  cairo_surface_t *surface;
  SlopeDataPlot plot;
  SlopeArea area;

  notebook_plot (&plot, data);
  surface = render (&plot, slope_data_plot_draw_points);
  slope_data_plot_area (&plot, WIDTH, HEIGHT, &area);

  for (gsize i = 0; i < 3; i++)
    {
      double px, py;

      slope_data_plot_to_pixel (&plot, &area, slope_dataset_get_x (data)[i],
                                slope_dataset_get_y (data)[i], &px, &py);
      g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, px, py), slope_test_rgb_of (&palette->points), 8));
      /* A dot, not a blob: 12 px away is not the points' colour. */
      g_assert_false (slope_test_near_color (slope_test_pixel_at (surface, px + 12, py), slope_test_rgb_of (&palette->points), 60));
    }

  /* The middle of the area, between points, is background. */
  g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, area.left + area.width * 0.75 + 3,
                                       area.top + area.height * 0.75 + 3),
                             slope_test_rgb_of (&palette->background), 30));
  cairo_surface_destroy (surface);
}

static void
test_line (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  const SlopePalette *palette = slope_palette_get (FALSE);
  static const double xs[] = { 1.5, 2.4, 2.9 };
  cairo_surface_t *surface;
  SlopeDataPlot plot;
  SlopeArea area;

  notebook_plot (&plot, data);
  surface = render (&plot, slope_data_plot_draw);
  slope_test_maybe_save (surface, "data-plot-notebook.png");
  slope_data_plot_area (&plot, WIDTH, HEIGHT, &area);

  for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
    {
      double px, py;

      slope_data_plot_to_pixel (&plot, &area, xs[i], plot.w * xs[i] + plot.b, &px, &py);
      g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, px, py), slope_test_rgb_of (&palette->line), 12));
      g_assert_false (slope_test_near_color (slope_test_pixel_at (surface, px, py - 15), slope_test_rgb_of (&palette->line), 60));
      g_assert_false (slope_test_near_color (slope_test_pixel_at (surface, px, py + 15), slope_test_rgb_of (&palette->line), 60));
    }
  cairo_surface_destroy (surface);

  /* Hidden, it is not drawn. */
  plot.show_line = FALSE;
  surface = render (&plot, slope_data_plot_draw);
  {
    double px, py;

    slope_data_plot_to_pixel (&plot, &area, 1.5, 1.8 * 1.5 + 0.4, &px, &py);
    g_assert_false (slope_test_near_color (slope_test_pixel_at (surface, px, py), slope_test_rgb_of (&palette->line), 60));
  }
  cairo_surface_destroy (surface);
}

static void
test_reference_dashed (void)
{
  const SlopePalette *palette = slope_palette_get (FALSE);
  cairo_surface_t *surface;
  SlopeDataPlot plot;
  SlopeArea area;
  guint on = 0, off = 0, transitions = 0;
  gboolean last = FALSE;

  slope_data_plot_init (&plot);
  plot.view = (SlopeViewport) { 0.8, 3.2, 1.6, 6.4 };
  plot.show_line = FALSE;
  plot.show_equation = FALSE;
  plot.has_reference = TRUE;
  plot.reference_w = 2.0;
  plot.reference_b = 0.0;
  surface = render (&plot, slope_data_plot_draw);
  slope_data_plot_area (&plot, WIDTH, HEIGHT, &area);

  /* Walk along the line: on and off, again and again. */
  for (double x = 1.0; x <= 3.0; x += 0.005)
    {
      double px, py;
      gboolean hit;

      slope_data_plot_to_pixel (&plot, &area, x, 2.0 * x, &px, &py);
      hit = slope_test_near_color (slope_test_pixel_at (surface, px, py), slope_test_rgb_of (&palette->reference), 40);
      if (hit)
        on++;
      else
        off++;
      if (x > 1.0 && hit != last)
        transitions++;
      last = hit;
    }

  g_assert_cmpuint (on, >, 100);
  g_assert_cmpuint (off, >, 50);
  g_assert_cmpuint (transitions, >, 20);
  cairo_surface_destroy (surface);
}

static void
test_residuals (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  const SlopePalette *palette = slope_palette_get (FALSE);
  cairo_surface_t *surface;
  SlopeDataPlot plot;
  SlopeArea area;
  double px, py_point, py_line;

  notebook_plot (&plot, data);
  plot.w = 1.0;
  plot.b = 1.0;
  plot.show_equation = FALSE;
  plot.show_residuals = TRUE;
  slope_data_plot_area (&plot, WIDTH, HEIGHT, &area);
  /* (3, 6) and its prediction 4: a segment between them. */
  slope_data_plot_to_pixel (&plot, &area, 3.0, 6.0, &px, &py_point);
  slope_data_plot_to_pixel (&plot, &area, 3.0, 4.0, &px, &py_line);

  surface = render (&plot, slope_data_plot_draw);
  slope_test_maybe_save (surface, "data-plot-residuals.png");
  g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, px, (py_point + py_line) / 2.0),
                             slope_test_rgb_of (&palette->residual), 40));
  cairo_surface_destroy (surface);

  plot.show_residuals = FALSE;
  surface = render (&plot, slope_data_plot_draw);
  g_assert_false (slope_test_near_color (slope_test_pixel_at (surface, px, (py_point + py_line) / 2.0),
                              slope_test_rgb_of (&palette->residual), 40));
  cairo_surface_destroy (surface);
}

static void
test_clip_line (void)
{
  const SlopeViewport view = { 0.0, 4.0, 0.0, 8.0 };
  double x0, y0, x1, y1;

  /* Crossing the whole view. */
  g_assert_true (slope_clip_line (&view, 2.0, 0.0, &x0, &y0, &x1, &y1));
  g_assert_cmpfloat_with_epsilon (x0, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (y0, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (x1, 4.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (y1, 8.0, 1e-12);

  /* Leaving through the top. */
  g_assert_true (slope_clip_line (&view, 4.0, 0.0, &x0, &y0, &x1, &y1));
  g_assert_cmpfloat_with_epsilon (x1, 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (y1, 8.0, 1e-12);

  /* Horizontal. */
  g_assert_true (slope_clip_line (&view, 0.0, 3.0, &x0, &y0, &x1, &y1));
  g_assert_cmpfloat (y0, ==, 3.0);
  g_assert_cmpfloat (y1, ==, 3.0);
  g_assert_false (slope_clip_line (&view, 0.0, 9.0, &x0, &y0, &x1, &y1));

  /* Missing the view. */
  g_assert_false (slope_clip_line (&view, 1.0, 20.0, &x0, &y0, &x1, &y1));
  g_assert_false (slope_clip_line (&view, -1.0, -1.0, &x0, &y0, &x1, &y1));

  /* Nearly vertical through x = 2: two finite ends inside the view. */
  g_assert_true (slope_clip_line (&view, 1e30, -2e30, &x0, &y0, &x1, &y1));
  g_assert_true (isfinite (x0) && isfinite (y0) && isfinite (x1) && isfinite (y1));
  g_assert_cmpfloat_with_epsilon (x0, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (x1, 2.0, 1e-9);
  g_assert_cmpfloat (y0, >=, 0.0);
  g_assert_cmpfloat (y1, <=, 8.0);
  g_assert_cmpfloat (fabs (y1 - y0), >, 7.0);

  /* W = 1e30 through the origin just touches the corner. */
  if (slope_clip_line (&view, 1e30, 0.0, &x0, &y0, &x1, &y1))
    {
      g_assert_true (x0 >= 0.0 && x1 <= 4.0 && y0 >= 0.0 && y1 <= 8.0);
      g_assert_true (isfinite (x0) && isfinite (y0) && isfinite (x1) && isfinite (y1));
    }
  g_assert_false (slope_clip_line (&view, 1e300, 1e300, &x0, &y0, &x1, &y1));
  g_assert_false (slope_clip_line (&view, 1e-300, -1e300, &x0, &y0, &x1, &y1));

  /* Not a line at all. */
  g_assert_false (slope_clip_line (&view, INFINITY, 0.0, &x0, &y0, &x1, &y1));
  g_assert_false (slope_clip_line (&view, 1.0, NAN, &x0, &y0, &x1, &y1));
  g_assert_false (slope_clip_line (&view, NAN, NAN, &x0, &y0, &x1, &y1));
}

static void
test_equation (void)
{
  static const struct { double w, b; const char *text; } cases[] = {
    { 1.982, 0.041, "ŷ = 1.982x + 0.041" },
    { 1.982, -0.041, "ŷ = 1.982x − 0.041" },
    { 1.8, 0.4, "ŷ = 1.8x + 0.4" },
    { -0.5, 0.0, "ŷ = −0.5x + 0" },
    { 2.0, -0.0, "ŷ = 2x + 0" },
    { INFINITY, NAN, "ŷ = inf·x + nan" },
    { NAN, -INFINITY, "ŷ = nan·x − inf" },
    { 1e30, 1.0, "ŷ = 1×10³⁰·x + 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = slope_format_equation (cases[i].w, cases[i].b);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_diverged (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  static const double models[][2] = {
    { 1e30, NAN }, { INFINITY, 0.0 }, { -INFINITY, INFINITY }, { NAN, NAN },
    { 1e30, -2e30 }, { 1e300, -1e300 }, { -1e-300, 1e300 }, { 1e15, 1e15 },
  };
  const SlopePalette *palette = slope_palette_get (FALSE);
  SlopeDataPlot plot;
  SlopeArea area;

  notebook_plot (&plot, data);
  plot.show_residuals = TRUE;
  plot.highlight = 2;
  slope_data_plot_area (&plot, WIDTH, HEIGHT, &area);

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    {
      cairo_surface_t *surface;

      plot.w = models[i][0];
      plot.b = models[i][1];
      surface = render (&plot, slope_data_plot_draw);
      if (i == 0)
        slope_test_maybe_save (surface, "data-plot-diverged.png");

      /* Whatever the model, the points are drawn where they belong, in
       * the design's blue (Okabe–Ito 0, 114, 178)... */
      for (guint k = 0; k < 3; k++)
        {
          double px, py;

          if (k == 2)
            continue;   /* highlighted: ringed */
          slope_data_plot_to_pixel (&plot, &area, k + 1.0, 2.0 * (k + 1.0), &px, &py);
          /* Beside the centre: a vertical residual may cross it. */
          g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, px + 3, py),
                                                (SlopeTestRgb) { 0, 114, 178 }, 8));
        }
      /* ...and a model that is not finite says so in the warning orange
       * (230, 159, 0) in the legend, at the top of the plot. */
      if (!isfinite (plot.w) || !isfinite (plot.b))
        {
          guint orange = 0;

          for (double y = area.top; y < area.top + 0.2 * area.height; y++)
            for (double x = area.left; x < area.left + area.width; x++)
              orange += slope_test_near_color (slope_test_pixel_at (surface, x, y),
                                               (SlopeTestRgb) { 230, 159, 0 }, 40);
          g_assert_cmpuint (orange, >, 20);
        }

      /* The vertical line W = 1e30, b = −2e30 is at x = 2, drawn. */
      if (i == 4)
        {
          double px, py;

          slope_data_plot_to_pixel (&plot, &area, 2.0, 5.0, &px, &py);
          g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, px, py), slope_test_rgb_of (&palette->line), 12));
        }
      cairo_surface_destroy (surface);
    }
}

static void
test_pick (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  SlopeDataPlot plot;
  SlopeArea area;
  double px, py;

  notebook_plot (&plot, data);
  slope_data_plot_area (&plot, WIDTH, HEIGHT, &area);

  for (gsize i = 0; i < 3; i++)
    {
      slope_data_plot_to_pixel (&plot, &area, slope_dataset_get_x (data)[i],
                                slope_dataset_get_y (data)[i], &px, &py);
      g_assert_cmpint (slope_data_plot_pick (&plot, WIDTH, HEIGHT, px + 3, py - 2, 8), ==, (gssize) i);
      g_assert_cmpint (slope_data_plot_pick (&plot, WIDTH, HEIGHT, px + 20, py, 8), ==, -1);
    }

  plot.dataset = NULL;
  g_assert_cmpint (slope_data_plot_pick (&plot, WIDTH, HEIGHT, px, py, 8), ==, -1);
}

/* A dense cluster and one lone point far from it. */
/* x and y at ±1.7e308, whose span overflows a double: the view's margin
 * stops at ±DBL_MAX, so the points sit a fraction (DBL_MAX − 1.7e308) /
 * (2·DBL_MAX) ≈ 0.0272 in from the area's corners, at its middle and at
 * 0.5 ± 0.85e308 / (2·DBL_MAX).  Drawn as dots, and with the same five
 * points repeated past the density threshold. */
static void
test_huge_span (void)
{
  const SlopePalette *palette = slope_palette_get (FALSE);
  SlopeTestRgb points = slope_test_rgb_of (&palette->points);
  static const double fx[] = { 0.0, 0.5, 1.0, 0.75, 0.25 };
  static const double fy[] = { 0.0, 0.5, 1.0, 0.25, 0.75 };

  for (guint pass = 0; pass < 2; pass++)
    {
      gsize n = pass == 0 ? 5 : 2 * SLOPE_DATA_PLOT_DENSITY_THRESHOLD;
      double *x = g_new (double, n), *y = g_new (double, n);
      g_autoptr(SlopeDataset) data = NULL;
      cairo_surface_t *surface;
      SlopeDataPlot plot;
      SlopeArea area;

      /* -1.7e308, 0, 1.7e308, 0.85e308, -0.85e308 in x; y likewise. */
      for (gsize i = 0; i < n; i++)
        {
          x[i] = (fx[i % 5] - 0.5) * 2.0 * 1.7e308;
          y[i] = (fy[i % 5] - 0.5) * 2.0 * 1.7e308;
        }
      data = slope_dataset_new_take (x, y, n, "huge");
      slope_data_plot_init (&plot);
      plot.dataset = data;
      plot.show_line = FALSE;
      slope_viewport_fit (&plot.view, data);
      surface = render (&plot, slope_data_plot_draw_points);
      slope_test_maybe_save (surface, pass == 0 ? "data-plot-huge.png" : "data-plot-huge-density.png");
      slope_data_plot_area (&plot, WIDTH, HEIGHT, &area);

      for (guint k = 0; k < 5; k++)
        {
          /* The density's cells are a pixel: look around. */
          double ex = 0.5 + (fx[k] - 0.5) * 2.0 * (1.7e308 / 2.0 / DBL_MAX);
          double ey = 0.5 + (fy[k] - 0.5) * 2.0 * (1.7e308 / 2.0 / DBL_MAX);
          double px = area.left + ex * area.width;
          double py = area.top + (1.0 - ey) * area.height;
          gboolean found = FALSE;

          for (int dy = -2; dy <= 2; dy++)
            for (int dx = -2; dx <= 2; dx++)
              found |= slope_test_near_color (slope_test_pixel_at (surface, px + dx, py + dy), points, 30);
          if (!found)
            g_test_message ("pass %u: no point near %g, %g", pass, px, py);
          g_assert_true (found);
        }
      /* Not everywhere: halfway between the middle and a corner is empty. */
      g_assert_false (slope_test_near_color (slope_test_pixel_at (surface, area.left + area.width * 0.375,
                                                                  area.top + area.height * 0.375),
                                             points, 60));
      cairo_surface_destroy (surface);
    }
}

/* A point on the view's right or bottom edge, (10, 0) in [0, 10]², is
 * counted in the last cell, (9, 9) of 10 × 10; one past it is not. */
static void
test_density_edges (void)
{
  const SlopePalette *palette = slope_palette_get (FALSE);
  static const double x[] = { 10.0, 10.5 }, y[] = { 0.0, -0.5 };
  cairo_surface_t *image;
  guint32 *pixels;
  int stride;

  image = slope_density_render (x, y, 2, 0.0, 10.0, 0.0, 10.0, 10, 10, &palette->points);
  cairo_surface_flush (image);
  pixels = (guint32 *) (gpointer) cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image) / 4;
  g_assert_cmphex (pixels[9 * stride + 9] >> 24, ==, 0xff);
  for (int i = 0; i < 10; i++)
    for (int j = 0; j < 10; j++)
      if (i != 9 || j != 9)
        g_assert_cmphex (pixels[i * stride + j], ==, 0);
  cairo_surface_destroy (image);
}

static SlopeDataset *
big_dataset (gsize n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  double *x = g_new (double, n), *y = g_new (double, n);

  for (gsize i = 0; i + 1 < n; i++)
    {
      x[i] = g_rand_double_range (rand, 0.0, 50.0);
      y[i] = 2.0 * x[i] + g_rand_double_range (rand, -5.0, 5.0);
    }
  x[n - 1] = 95.0;
  y[n - 1] = 10.0;

  return slope_dataset_new_take (x, y, n, "big");
}

static void
test_density (void)
{
  g_autoptr(SlopeDataset) data = big_dataset (200000);
  const SlopePalette *palette = slope_palette_get (FALSE);
  SlopeTestRgb points = slope_test_rgb_of (&palette->points);
  SlopeTestRgb background = slope_test_rgb_of (&palette->background);
  cairo_surface_t *surface;
  SlopeDataPlot plot;
  SlopeArea area;
  double px, py;
  guint shaded = 0, full = 0;

  g_assert_cmpuint (slope_dataset_get_n (data), >, SLOPE_DATA_PLOT_DENSITY_THRESHOLD);
  slope_data_plot_init (&plot);
  plot.dataset = data;
  plot.view = (SlopeViewport) { 0.0, 100.0, -10.0, 110.0 };
  surface = render (&plot, slope_data_plot_draw_points);
  slope_test_maybe_save (surface, "data-plot-density.png");
  slope_data_plot_area (&plot, WIDTH, HEIGHT, &area);

  /* Not blank: the cluster shades thousands of pixels, the densest in
   * the points' own colour. */
  for (int y = (int) area.top + 1; y < area.top + area.height; y++)
    for (int x = (int) area.left + 1; x < area.left + area.width; x++)
      {
        SlopeTestRgb c = slope_test_pixel_at (surface, x + 0.5, y + 0.5);

        shaded += !slope_test_near_color (c, background, 40);
        full += slope_test_near_color (c, points, 10);
      }
  g_assert_cmpuint (shaded, >, 5000);
  g_assert_cmpuint (full, >, 0);

  /* The lone point is one pixel of an image, not a 5 px dot. */
  slope_data_plot_to_pixel (&plot, &area, 95.0, 10.0, &px, &py);
  g_assert_false (slope_test_near_color (slope_test_pixel_at (surface, px, py), slope_test_rgb_of (&palette->background), 10));
  g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, px + 3, py), slope_test_rgb_of (&palette->background), 10));
  g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, px, py + 3), slope_test_rgb_of (&palette->background), 10));
  cairo_surface_destroy (surface);
}

static void
test_hidpi (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  const SlopePalette *palette = slope_palette_get (TRUE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2 * WIDTH, 2 * HEIGHT);
  cairo_t *cr = cairo_create (surface);
  SlopeDataPlot plot;
  SlopeArea area;
  double px, py;

  /* As a GTK snapshot at scale 2 gives it: device scale on the surface. */
  cairo_surface_set_device_scale (surface, 2.0, 2.0);
  notebook_plot (&plot, data);
  plot.palette = palette;
  slope_data_plot_draw (cr, WIDTH, HEIGHT, &plot);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  slope_test_maybe_save (surface, "data-plot-hidpi-dark.png");

  slope_data_plot_area (&plot, WIDTH, HEIGHT, &area);
  slope_data_plot_to_pixel (&plot, &area, 3.0, 6.0, &px, &py);
  g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, 2 * px, 2 * py), slope_test_rgb_of (&palette->points), 8));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
draw_to_vector (cairo_surface_t     *surface,
                const SlopeDataPlot *plot)
{
  cairo_t *cr = cairo_create (surface);

  slope_data_plot_draw (cr, WIDTH, HEIGHT, plot);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_vector_surfaces (void)
{
  g_autoptr(SlopeDataset) small = slope_dataset_new_notebook ();
  g_autoptr(SlopeDataset) big = big_dataset (20000);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("slope-plot-XXXXXX", &error);
  SlopeDataset *sets[] = { small, big };

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      g_autofree char *svg = g_strdup_printf ("%s/plot-%u.svg", dir, i);
      g_autofree char *pdf = g_strdup_printf ("%s/plot-%u.pdf", dir, i);
      SlopeDataPlot plot;
      GStatBuf st;

      notebook_plot (&plot, sets[i]);
      plot.has_reference = TRUE;
      plot.reference_w = 2.0;
      plot.show_residuals = TRUE;
      plot.w = 1e30;

      draw_to_vector (cairo_svg_surface_create (svg, WIDTH, HEIGHT), &plot);
      draw_to_vector (cairo_pdf_surface_create (pdf, WIDTH, HEIGHT), &plot);

      g_assert_cmpint (g_stat (svg, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 1000);
      /* The points are there: three shapes in the design's blue (0, 114,
       * 178 as cairo writes it), or above 5 000 points the density image.
       * /plot-design/vector-content checks places, the line and text. */
      {
        g_autofree char *text = NULL;
        const char *blue = "fill:rgb(0%,44.705882%,69.803922%)";
        guint n_blue = 0;

        g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
        for (const char *p = strstr (text, blue); p != NULL; p = strstr (p + 1, blue))
          n_blue++;
        if (i == 0)
          g_assert_cmpuint (n_blue, ==, 3);
        else
          g_assert_nonnull (strstr (text, "<image"));
        g_assert_nonnull (strstr (text, "</svg>"));
      }
      g_assert_cmpint (g_stat (pdf, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 1000);
      g_assert_cmpint (g_remove (svg), ==, 0);
      g_assert_cmpint (g_remove (pdf), ==, 0);
    }

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_error_context (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  SlopeDataPlot plot;

  /* Handed a broken context, a renderer draws nothing and says nothing. */
  notebook_plot (&plot, data);
  cairo_restore (cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_INVALID_RESTORE);
  slope_data_plot_draw (cr, WIDTH, HEIGHT, &plot);

  /* Nor does a zero-sized one trouble it. */
  slope_data_plot_draw (cr, 0, 0, &plot);

  /* The context keeps its own error, and not one pixel was touched. */
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_INVALID_RESTORE);
  cairo_surface_flush (surface);
  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      g_assert_cmpuint (((const guint32 *) (cairo_image_surface_get_data (surface)
                                            + y * cairo_image_surface_get_stride (surface)))[x],
                        ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* At least two x ticks where their labels fit: house sizes from 300 to
 * 3700 square feet in a small presentation-sized plot are labelled 1000,
 * 2000 and 3000, not 2000 alone. */
static void
test_x_ticks_two (void)
{
  SlopeDataPlot plot;
  SlopeAxis axis;

  slope_data_plot_init (&plot);
  plot.view = (SlopeViewport) { 300.0, 3700.0, -100000.0, 650000.0 };
  plot.font_scale = 1.6;
  slope_data_plot_x_axis (&plot, 630, 360, &axis);
  g_assert_cmpuint (axis.n_ticks, ==, 3);
  g_assert_cmpstr (axis.labels[0], ==, "1000");
  g_assert_cmpstr (axis.labels[1], ==, "2000");
  g_assert_cmpstr (axis.labels[2], ==, "3000");

  /* Normal and presentation type, from 500 px up (the data plot at
   * 1024×768 in presentation mode is about 630 px wide). */
  for (int width = 500; width <= 1200; width += 37)
    for (guint f = 0; f < 2; f++)
      {
        plot.font_scale = f == 0 ? 1.0 : 1.6;
        slope_data_plot_x_axis (&plot, width, 360, &axis);
        if (axis.n_ticks < 2)
          g_error ("%d px, font ×%g: %u x tick(s)", width, plot.font_scale, axis.n_ticks);
      }
}

/* The equations' corner, worked by hand on an 800 × 600 plot of a
 * 0…10 view (about 73 px a unit across, 54 down): a two-row legend is
 * about 2 units wide and 1 high, inset a few pixels in its corner, so a
 * point 0.6 to 1 unit in from a corner lies under it and one at the
 * centre under none. */
static SlopePlotCorner
corner_for (SlopeDataPlot *plot)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
  cairo_t *cr = cairo_create (surface);
  SlopePlotCorner corner = slope_data_plot_legend_corner (cr, 800, 600, plot);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return corner;
}

static void
test_legend_corner (void)
{
  static const double mid_x[] = { 4.5, 5.0, 5.5 };
  static const double mid_y[] = { 5.0, 5.0, 5.0 };
  /* Three points top left, one top right, two at each bottom corner. */
  static const double cx[] = { 0.8, 1.0, 0.6, 9.2, 9.2, 9.0, 0.8, 1.0 };
  static const double cy[] = { 9.4, 9.5, 9.3, 9.4, 0.6, 0.5, 0.6, 0.5 };
  g_autoptr(SlopeDataset) middle = slope_dataset_new (mid_x, mid_y, 3, NULL);
  g_autoptr(SlopeDataset) corners = slope_dataset_new (cx, cy, G_N_ELEMENTS (cx), NULL);
  SlopeRunTrace run = { .colour = 1, .label = "lr × 10" };
  SlopeDataPlot plot;

  slope_data_plot_init (&plot);
  plot.view = (SlopeViewport) { 0.0, 10.0, 0.0, 10.0 };
  plot.dataset = middle;

  /* Points only in the middle; ŷ = x rises from the bottom left corner to
   * the top right one: the top left is free, and first. */
  plot.w = 1.0;
  plot.b = 0.0;
  g_assert_cmpint (corner_for (&plot), ==, SLOPE_PLOT_CORNER_TOP_LEFT);

  /* A compared run's ŷ = 9.5 runs through both top corners, ŷ = x
   * through the bottom left: the bottom right is the one free. */
  run.w = 0.0;
  run.b = 9.5;
  plot.runs = &run;
  plot.n_runs = 1;
  g_assert_cmpint (corner_for (&plot), ==, SLOPE_PLOT_CORNER_BOTTOM_RIGHT);
  /* Hidden, it is not drawn and hides nothing. */
  run.hidden = TRUE;
  g_assert_cmpint (corner_for (&plot), ==, SLOPE_PLOT_CORNER_TOP_LEFT);
  run.hidden = FALSE;

  /* The model's own line counts too: ŷ = 9.5 alone. */
  plot.runs = NULL;
  plot.n_runs = 0;
  plot.w = 0.0;
  plot.b = 9.5;
  g_assert_cmpint (corner_for (&plot), ==, SLOPE_PLOT_CORNER_BOTTOM_RIGHT);

  /* Points in every corner and a flat model line through the middle:
   * the top right has the fewest points (one). */
  plot.dataset = corners;
  plot.w = 0.0;
  plot.b = 5.0;
  g_assert_cmpint (corner_for (&plot), ==, SLOPE_PLOT_CORNER_TOP_RIGHT);
  /* A run's ŷ = 2x − 8.5 crosses the top right corner (through (9, 9.5))
   * and no other: a stretch of it as long as the box is high, 54 px, is
   * five dots' worth, so the top right hides 1 + 5 or more; the bottom
   * ones two points each, the bottom right first in the order. */
  run.w = 2.0;
  run.b = -8.5;
  plot.runs = &run;
  plot.n_runs = 1;
  g_assert_cmpint (corner_for (&plot), ==, SLOPE_PLOT_CORNER_BOTTOM_RIGHT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/data-plot/viewport-fit", test_viewport_fit);
  g_test_add_func ("/data-plot/pixel-mapping", test_pixel_mapping);
  g_test_add_func ("/data-plot/points", test_points);
  g_test_add_func ("/data-plot/line", test_line);
  g_test_add_func ("/data-plot/reference-dashed", test_reference_dashed);
  g_test_add_func ("/data-plot/residuals", test_residuals);
  g_test_add_func ("/data-plot/clip-line", test_clip_line);
  g_test_add_func ("/data-plot/equation", test_equation);
  g_test_add_func ("/data-plot/diverged", test_diverged);
  g_test_add_func ("/data-plot/pick", test_pick);
  g_test_add_func ("/data-plot/density", test_density);
  g_test_add_func ("/data-plot/huge-span", test_huge_span);
  g_test_add_func ("/data-plot/density-edges", test_density_edges);
  g_test_add_func ("/data-plot/hidpi", test_hidpi);
  g_test_add_func ("/data-plot/vector-surfaces", test_vector_surfaces);
  g_test_add_func ("/data-plot/error-context", test_error_context);
  g_test_add_func ("/data-plot/x-ticks-two", test_x_ticks_two);
  g_test_add_func ("/data-plot/legend-corner", test_legend_corner);

  return g_test_run ();
}
