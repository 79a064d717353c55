/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-line-view.c: the data plot keeps the model's line in view, grows
 * with hysteresis, stays within bounds and points to a line beyond them. */
#include "config.h"

#include <math.h>

#include "slope-data-plot.h"
#include "slope-test-pixels.h"

#define WIDTH  600
#define HEIGHT 400

static const double house_x[] = { 500, 1200, 1800, 2500, 3000 };
static const double house_y[] = { 120000, 230000, 330000, 420000, 560000 };

/* Epoch 0 on house prices: ŷ = 0x + 0 lies 120 000 below the lowest
 * point; the view must take it in, and then stay put. */
static void
test_epoch_zero_in_view (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new (house_x, house_y, 5, NULL);
  SlopeViewport view, fitted;

  slope_viewport_fit (&view, data);
  fitted = view;
  g_assert_cmpfloat (view.y_min, >, 0.0);
  g_assert_true (slope_viewport_follow_line (&view, data, 0.0, 0.0));
  g_assert_cmpfloat (view.y_min, <, 0.0);
  g_assert_cmpfloat (view.y_max, ==, fitted.y_max);
  g_assert_cmpfloat (view.x_min, ==, fitted.x_min);

  /* The first steps, ŷ rising a little: no change, no jump. */
  g_assert_false (slope_viewport_follow_line (&view, data, 2.0, 10.0));
  g_assert_false (slope_viewport_follow_line (&view, data, 0.0, 0.0));
  g_assert_false (slope_viewport_follow_line (&view, data, 150.0, 46000.0));
  /* Never shrinks by itself. */
  g_assert_cmpfloat (view.y_min, <, 0.0);
}

/* A line far outside: the view stops at ten data spans past the data and
 * an arrow points to the line. */
static void
test_bounded_with_arrow (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new (house_x, house_y, 5, NULL);
  const SlopePalette *palette = slope_palette_get (FALSE);
  cairo_surface_t *surface;
  SlopeViewport fitted;
  SlopeDataPlot plot;
  SlopeArea area;
  double span;

  slope_data_plot_init (&plot);
  plot.dataset = data;
  slope_viewport_fit (&plot.view, data);
  fitted = plot.view;
  span = fitted.y_max - fitted.y_min;
  plot.w = 1e9;
  plot.b = 0.0;
  plot.show_equation = FALSE;
  g_assert_true (slope_viewport_follow_line (&plot.view, data, plot.w, plot.b));
  g_assert_cmpfloat (plot.view.y_max, <=, fitted.y_max + 10.0 * span);
  g_assert_cmpfloat (plot.view.y_max, >=, fitted.y_max + 9.9 * span);
  g_assert_cmpint (slope_line_offscreen (&plot.view, plot.w, plot.b), ==, 1);
  g_assert_cmpint (slope_line_offscreen (&plot.view, -plot.w, plot.b), ==, -1);
  g_assert_cmpint (slope_line_offscreen (&plot.view, 150.0, 46000.0), ==, 0);
  g_assert_cmpint (slope_line_offscreen (&plot.view, INFINITY, 0.0), ==, 1);
  g_assert_cmpint (slope_line_offscreen (&plot.view, NAN, NAN), ==, 0);
  /* A diverged model does not blow the view up either. */
  g_assert_false (slope_viewport_follow_line (&plot.view, data, NAN, 1.0));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  {
    cairo_t *cr = cairo_create (surface);

    slope_data_plot_draw (cr, WIDTH, HEIGHT, &plot);
    cairo_destroy (cr);
  }
  slope_test_maybe_save (surface, "line-view-arrow.png");
  slope_data_plot_area (&plot, WIDTH, HEIGHT, &area);
  /* The arrow's shaft, in the line's colour, just below the top edge. */
  g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, area.left + area.width / 2.0,
                                                             area.top + 4.0 + 20.0),
                                        slope_test_rgb_of (&palette->line), 12));
  cairo_surface_destroy (surface);

  /* The same plot with the line in view has no arrow there. */
  plot.w = 150.0;
  plot.b = 46000.0;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  {
    cairo_t *cr = cairo_create (surface);

    slope_data_plot_draw (cr, WIDTH, HEIGHT, &plot);
    cairo_destroy (cr);
  }
  g_assert_false (slope_test_near_color (slope_test_pixel_at (surface, area.left + area.width / 2.0,
                                                              area.top + 4.0 + 20.0),
                                         slope_test_rgb_of (&palette->line), 60));
  cairo_surface_destroy (surface);
}

/* The axes carry the columns' names. */
static void
test_axis_names (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new (house_x, house_y, 5, NULL);
  g_autoptr(SlopeDataset) unnamed = slope_dataset_new (house_x, house_y, 5, NULL);

  slope_dataset_set_names (data, "size_m2", "price");
  g_assert_cmpstr (slope_dataset_get_x_name (data), ==, "size_m2");
  g_assert_cmpstr (slope_dataset_get_x_name (unnamed), ==, "x");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/line-view/epoch-zero-in-view", test_epoch_zero_in_view);
  g_test_add_func ("/line-view/bounded-with-arrow", test_bounded_with_arrow);
  g_test_add_func ("/line-view/axis-names", test_axis_names);

  return g_test_run ();
}
