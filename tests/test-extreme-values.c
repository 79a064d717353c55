/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-extreme-values.c: the window at the ends of the doubles.
 *
 * Data near ±10³⁰⁸ (whose span and squares overflow) and near 10⁻³⁰⁸
 * (whose squares underflow) is loaded into the window, and the landscape
 * is zoomed and panned as a person does it: the wheel, a drag with the
 * primary and the middle button, the + − and Home keys, all through the
 * X server (slope-test-keys.c).  After each, both views must stay finite
 * and ordered, the data plot must still show its points (and, before
 * training, the line), and no axis may be labelled inf or nan.  Runs
 * under Xvfb, alone, as test-keys does.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <string.h>

#include "slope-application.h"
#include "slope-test-keys.h"
#include "slope-test-pixels.h"
#include "slope-test-ui.h"
#include "slope-window-private.h"

static SlopeApplication *app;

typedef struct
{
  const char *name;
  double      x[5];
  double      y[5];
  gsize       n;
} Data;

static const Data datasets[] = {
  { "huge", { -1e308, -5e307, 0.0, 5e307, 1e308 },
    { -1.5e308, -4e307, 1e307, 6e307, 1.7e308 }, 5 },
  { "edge", { -1.7e308, 0.0, 1.7e308 }, { -1.7e308, 0.0, 1.7e308 }, 3 },
  { "tiny", { 1e-308, 2e-308, 3e-308, 4e-308 }, { 2e-308, 4.5e-308, 5.9e-308, 8.1e-308 }, 4 },
};

static void
settle (SlopeWindow *window)
{
  slope_runner_sync (window->runner);
  slope_window_refresh (window);
}

/* The widget's own snapshot, as a frame draws it, into an image. */
static cairo_surface_t *
render_widget (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GskRenderNode *node;

  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 100);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  gsk_render_node_unref (node);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint
count_color (cairo_surface_t  *surface,
             const SlopeColor *color)
{
  SlopeTestRgb want = slope_test_rgb_of (color);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint n = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      n += slope_test_near_color (slope_test_pixel_at (surface, x + 0.5, y + 0.5), want, 24);
  return n;
}

/* What a renderer writes, as text: its axes' labels and the legend. */
static char *
drawn_text (void (*draw) (cairo_t *, int, int, gconstpointer),
            gconstpointer plot)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *dir = g_dir_make_tmp ("slope-extreme-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plot.pdf", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  char *text = NULL;
  int status;

  surface = cairo_pdf_surface_create (path, 640, 480);
  cr = cairo_create (surface);
  draw (cr, 640, 480, plot);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, path, "-", NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    &text, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  g_unlink (path);
  g_rmdir (dir);
  return text;
}

static void
draw_data (cairo_t       *cr,
           int            width,
           int            height,
           gconstpointer  plot)
{
  slope_data_plot_draw (cr, width, height, plot);
}

static void
draw_landscape (cairo_t       *cr,
                int            width,
                int            height,
                gconstpointer  plot)
{
  slope_landscape_plot_draw (cr, width, height, plot);
}

static void
assert_text_finite (const char *text,
                    const char *what)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    {
      g_test_message ("pdftotext not installed: the %s's labels not read", what);
      return;
    }
  /* Tick labels at least: digits. */
  g_assert_nonnull (strpbrk (text, "0123456789"));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* The legend says what the model is, nan included once diverged. */
      if (strstr (lines[i], "ŷ") != NULL || *lines[i] == '\0')
        continue;
      g_test_message ("%s label: %s", what, lines[i]);
      g_assert_null (strstr (lines[i], "inf"));
      g_assert_null (strstr (lines[i], "nan"));
      g_assert_null (strstr (lines[i], "∞"));
    }
}

/* Both views finite and ordered, the points drawn (and the line when
 * @with_line), and every axis label a number. */
static void
check (SlopeWindow *window,
       const char  *when,
       gboolean     with_line)
{
  const SlopeDataPlot *data = slope_data_view_get_plot (window->data_view);
  const SlopeLandscapePlot *land = slope_landscape_widget_get_plot (window->landscape_view);
  const SlopePalette *palette = data->palette ? data->palette : slope_palette_get (FALSE);
  g_autofree char *data_text = NULL;
  g_autofree char *land_text = NULL;
  cairo_surface_t *surface;
  guint points, line;

  g_test_message ("%s: data [%g, %g] × [%g, %g], landscape [%g, %g] × [%g, %g]", when,
                  data->view.x_min, data->view.x_max, data->view.y_min, data->view.y_max,
                  land->view.w_min, land->view.w_max, land->view.b_min, land->view.b_max);
  g_assert_true (isfinite (data->view.x_min) && isfinite (data->view.x_max));
  g_assert_true (isfinite (data->view.y_min) && isfinite (data->view.y_max));
  g_assert_cmpfloat (data->view.x_min, <, data->view.x_max);
  g_assert_cmpfloat (data->view.y_min, <, data->view.y_max);
  g_assert_true (isfinite (land->view.w_min) && isfinite (land->view.w_max));
  g_assert_true (isfinite (land->view.b_min) && isfinite (land->view.b_max));
  g_assert_cmpfloat (land->view.w_min, <, land->view.w_max);
  g_assert_cmpfloat (land->view.b_min, <, land->view.b_max);

  surface = render_widget (GTK_WIDGET (window->data_view));
  points = count_color (surface, &palette->points);
  line = count_color (surface, &palette->line);
  g_test_message ("%s: %u pixels of points, %u of the line", when, points, line);
  /* A dot covers about 45 pixels (fewer when cut by the frame): each
   * point must be there, none dropped. */
  g_assert_cmpuint (points, >=, 30 * slope_dataset_get_n (data->dataset));
  if (with_line)
    g_assert_cmpuint (line, >=, 100);
  cairo_surface_destroy (surface);

  surface = render_widget (GTK_WIDGET (window->landscape_view));
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  data_text = drawn_text (draw_data, data);
  assert_text_finite (data_text, "data plot");
  land_text = drawn_text (draw_landscape, land);
  assert_text_finite (land_text, "landscape");
}

static double
w_span (SlopeWindow *window)
{
  const SlopeLandscapePlot *land = slope_landscape_widget_get_plot (window->landscape_view);

  return land->view.w_max - land->view.w_min;
}

static double
w_middle (SlopeWindow *window)
{
  const SlopeLandscapePlot *land = slope_landscape_widget_get_plot (window->landscape_view);

  return land->view.w_min / 2.0 + land->view.w_max / 2.0;
}

static void
test_pan_and_zoom (gconstpointer user_data)
{
  const Data *d = user_data;
  SlopeWindow *window = slope_window_new (app, NULL);
  g_autoptr(SlopeDataset) dataset = slope_dataset_new (d->x, d->y, d->n, d->name);
  GtkWindow *win = GTK_WINDOW (window);
  GtkWidget *land = GTK_WIDGET (window->landscape_view);
  double cx, cy, span, middle;

  gtk_window_set_default_size (win, 1280, 800);
  slope_test_keys_focus_window (win);
  slope_window_set_dataset (window, dataset);
  settle (window);
  /* Until the first frame has laid the plots out. */
  while (gtk_widget_get_width (GTK_WIDGET (window->data_view)) == 0
         || gtk_widget_get_width (land) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (land));
  cx = gtk_widget_get_width (land) * 0.6;
  cy = gtk_widget_get_height (land) * 0.45;
  check (window, "loaded", TRUE);

  /* The wheel towards the person zooms out, about the pointer. */
  span = w_span (window);
  slope_test_keys_scroll (win, land, cx, cy, 40);
  g_assert_cmpfloat (w_span (window), >, 100.0 * span);
  check (window, "zoomed out", TRUE);

  /* A primary drag to the left brings larger W into view. */
  middle = w_middle (window);
  slope_test_keys_drag (win, land, 1, cx, cy, cx - 120.0, cy + 60.0);
  g_assert_cmpfloat (w_middle (window), >, middle);
  check (window, "panned", TRUE);

  /* Away from the person, until the view will not shrink further. */
  span = w_span (window);
  slope_test_keys_scroll (win, land, cx, cy, -400);
  g_assert_cmpfloat (w_span (window), <, span / 1e6);
  check (window, "zoomed in", TRUE);

  /* A middle drag to the right, zoomed in as far as it goes. */
  middle = w_middle (window);
  slope_test_keys_drag (win, land, 2, cx, cy, cx + 150.0, cy - 80.0);
  g_assert_cmpfloat (w_middle (window), <, middle);
  check (window, "panned zoomed in", TRUE);

  /* Far out by the keys, until the view will not grow further. */
  gtk_widget_grab_focus (land);
  for (int i = 0; i < 150; i++)
    slope_test_keys_press (win, GDK_KEY_minus, 0);
  check (window, "zoomed out by keys", TRUE);
  slope_test_keys_drag (win, land, 1, cx, cy, cx + 200.0, cy + 100.0);
  check (window, "panned far out", TRUE);
  for (int i = 0; i < 10; i++)
    slope_test_keys_press (win, GDK_KEY_plus, 0);
  slope_test_keys_press (win, GDK_KEY_Home, 0);
  check (window, "fitted", TRUE);

  /* Training on such data overflows at once: the views stay whole. */
  for (int i = 0; i < 3; i++)
    slope_test_keys_press (win, GDK_KEY_s, 0);
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, >=, 1);
  slope_test_keys_scroll (win, land, cx, cy, 10);
  slope_test_keys_drag (win, land, 1, cx, cy, cx - 50.0, cy - 50.0);
  check (window, "trained", FALSE);

  slope_test_keys_move_pointer (win, NULL, 0, 0);
  gtk_window_destroy (win);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  slope_test_init (&argc, &argv);
  slope_test_gtk_init_or_skip ();
  app = slope_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (datasets); i++)
    {
      g_autofree char *path = g_strdup_printf ("/extreme-values/pan-and-zoom/%s", datasets[i].name);

      g_test_add_data_func (path, &datasets[i], test_pan_and_zoom);
    }

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
