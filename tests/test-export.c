/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export.c: the plots saved as PNG, SVG and PDF files.
 *
 * Each test exports into its own temporary folder and checks the files by
 * their bytes, since a file that merely exists may still be empty or half
 * written.  Set SLOPE_TEST_PNG_DIR to keep the whole view as a PNG for a
 * human to look at; the assertions do not depend on it.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "slope-export.h"
#include "slope-history.h"
#include "slope-trainer.h"

#define WIDTH  640
#define HEIGHT 480

typedef struct
{
  char          *dir;
  SlopeDataset  *dataset;
  SlopeHistory  *history;
  SlopeDataPlot  data_plot;
  SlopeCostPlot  cost_plot;
} Fixture;

/* The notebook after 300 epochs: a line part way to y = 2x and a cost
 * curve with something to show. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SlopeTrainer) trainer = NULL;
  g_autoptr(GError) error = NULL;
  SlopeEpochRecord rec = { 0 };

  f->dir = g_dir_make_tmp ("slope-export-XXXXXX", &error);
  g_assert_no_error (error);

  f->dataset = slope_dataset_new_notebook ();
  f->history = slope_history_new_default ();
  trainer = slope_trainer_new (f->dataset);
  slope_trainer_reset (trainer);
  for (guint i = 0; i < 300; i++)
    {
      slope_trainer_epoch (trainer, &rec);
      slope_history_append (f->history, &rec, 1);
    }

  slope_data_plot_init (&f->data_plot);
  f->data_plot.dataset = f->dataset;
  slope_viewport_fit (&f->data_plot.view, f->dataset);
  f->data_plot.w = rec.w;
  f->data_plot.b = rec.b;
  f->data_plot.show_residuals = TRUE;

  slope_cost_plot_init (&f->cost_plot);
  f->cost_plot.history = f->history;
  f->cost_plot.x_max_epoch = rec.epoch;
  f->cost_plot.has_marker = TRUE;
  f->cost_plot.marker_epoch = rec.epoch;
  f->cost_plot.marker_cost = rec.cost;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);

  g_clear_pointer (&f->dir, g_free);
  g_clear_object (&f->dataset);
  g_clear_object (&f->history);
}

static GFile *
fixture_file (Fixture    *f,
              const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  return g_file_new_for_path (path);
}

static GBytes *
read_bytes (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static void
assert_starts_with (GFile      *file,
                    const char *magic,
                    gsize       magic_len)
{
  g_autoptr(GBytes) bytes = read_bytes (file);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_cmpuint (size, >, magic_len);
  g_assert_cmpmem (data, magic_len, magic, magic_len);
}

static void
assert_png_size (GFile *file,
                 int    width,
                 int    height)
{
  g_autofree char *path = g_file_get_path (file);
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  cairo_surface_destroy (surface);
}

static void
assert_svg (GFile *file)
{
  g_autoptr(GBytes) bytes = read_bytes (file);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = g_strndup (data, size);

  g_assert_true (g_str_has_prefix (text, "<?xml") || g_str_has_prefix (text, "<svg"));
  /* Sized in pixels, as the plot was laid out. */
  g_assert_nonnull (strstr (text, "width=\"640px\""));
  g_assert_nonnull (strstr (text, "</svg>"));
}

static void
assert_pdf (GFile *file)
{
  g_autoptr(GBytes) bytes = read_bytes (file);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *tail = g_strndup (data + size - MIN (size, 64), MIN (size, 64));

  assert_starts_with (file, "%PDF-", 5);
  /* A finished PDF ends with its trailer. */
  g_assert_nonnull (strstr (tail, "%%EOF"));
}

static void
test_png (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GFile) data_file = fixture_file (f, "data.png");
  g_autoptr(GFile) cost_file = fixture_file (f, "cost.PNG");
  g_autoptr(GFile) view_file = fixture_file (f, "view.png");
  g_autoptr(GError) error = NULL;

  g_assert_true (slope_export_data_plot (data_file, &f->data_plot, WIDTH, HEIGHT, &error));
  g_assert_no_error (error);
  g_assert_true (slope_export_cost_plot (cost_file, &f->cost_plot, 500, 200, &error));
  g_assert_no_error (error);
  g_assert_true (slope_export_view (view_file, &f->data_plot, &f->cost_plot,
                                    WIDTH, HEIGHT, &error));
  g_assert_no_error (error);

  assert_starts_with (data_file, "\x89PNG\r\n\x1a\n", 8);
  assert_starts_with (cost_file, "\x89PNG\r\n\x1a\n", 8);
  assert_starts_with (view_file, "\x89PNG\r\n\x1a\n", 8);
  assert_png_size (data_file, WIDTH, HEIGHT);
  assert_png_size (cost_file, 500, 200);
  assert_png_size (view_file, WIDTH, HEIGHT);
}

static void
test_svg (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GFile) data_file = fixture_file (f, "data.svg");
  g_autoptr(GFile) cost_file = fixture_file (f, "cost.svg");
  g_autoptr(GFile) view_file = fixture_file (f, "view.Svg");
  g_autoptr(GError) error = NULL;

  g_assert_true (slope_export_data_plot (data_file, &f->data_plot, WIDTH, HEIGHT, &error));
  g_assert_no_error (error);
  g_assert_true (slope_export_cost_plot (cost_file, &f->cost_plot, WIDTH, HEIGHT, &error));
  g_assert_no_error (error);
  g_assert_true (slope_export_view (view_file, &f->data_plot, &f->cost_plot,
                                    WIDTH, HEIGHT, &error));
  g_assert_no_error (error);

  assert_svg (data_file);
  assert_svg (cost_file);
  assert_svg (view_file);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GFile) data_file = fixture_file (f, "data.pdf");
  g_autoptr(GFile) cost_file = fixture_file (f, "cost.pdf");
  g_autoptr(GFile) view_file = fixture_file (f, "view.PDF");
  g_autoptr(GError) error = NULL;

  g_assert_true (slope_export_data_plot (data_file, &f->data_plot, WIDTH, HEIGHT, &error));
  g_assert_no_error (error);
  g_assert_true (slope_export_cost_plot (cost_file, &f->cost_plot, WIDTH, HEIGHT, &error));
  g_assert_no_error (error);
  g_assert_true (slope_export_view (view_file, &f->data_plot, &f->cost_plot,
                                    WIDTH, HEIGHT, &error));
  g_assert_no_error (error);

  assert_pdf (data_file);
  assert_pdf (cost_file);
  assert_pdf (view_file);
}

static void
draw_data_cb (cairo_t  *cr,
              int       width,
              int       height,
              gpointer  user_data)
{
  slope_data_plot_draw (cr, width, height, user_data);
}

static void
draw_cost_cb (cairo_t  *cr,
              int       width,
              int       height,
              gpointer  user_data)
{
  slope_cost_plot_draw (cr, width, height, user_data);
}

static cairo_surface_t *
draw_image (int                  width,
            int                  height,
            SlopeExportDrawFunc  draw,
            gpointer             user_data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  draw (cr, width, height, user_data);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Rows @top … of @view against all of @part.  The plots are opaque, so
 * the trip through PNG (which stores them as RGB) keeps every colour. */
static void
assert_band_equal (cairo_surface_t *view,
                   int              top,
                   cairo_surface_t *part)
{
  int width = cairo_image_surface_get_width (part);
  int height = cairo_image_surface_get_height (part);
  const guint8 *a = cairo_image_surface_get_data (view);
  const guint8 *b = cairo_image_surface_get_data (part);
  int stride_a = cairo_image_surface_get_stride (view);
  int stride_b = cairo_image_surface_get_stride (part);
  gsize n_different = 0;

  g_assert_cmpint (cairo_image_surface_get_width (view), ==, width);
  g_assert_cmpint (top + height, <=, cairo_image_surface_get_height (view));
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = *(const guint32 *) (gconstpointer) (a + (gsize) (top + y) * stride_a + x * 4);
        guint32 q = *(const guint32 *) (gconstpointer) (b + (gsize) y * stride_b + x * 4);

        g_assert_cmphex (q >> 24, ==, 0xff);
        n_different += (p & 0xffffff) != (q & 0xffffff);
      }
  g_assert_cmpuint (n_different, ==, 0);
}

/* The whole view is the data plot above the cost plot, each exactly as it
 * would be drawn alone at its share of the size. */
static void
test_view_is_both_plots (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file (f, "view.png");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  int top = (int) lround (HEIGHT * SLOPE_EXPORT_VIEW_DATA_SHARE);
  cairo_surface_t *view, *data_part, *cost_part;
  const char *keep_dir = g_getenv ("SLOPE_TEST_PNG_DIR");

  g_assert_true (slope_export_view (file, &f->data_plot, &f->cost_plot, WIDTH, HEIGHT, &error));
  g_assert_no_error (error);

  view = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (view), ==, CAIRO_STATUS_SUCCESS);
  data_part = draw_image (WIDTH, top, draw_data_cb, &f->data_plot);
  cost_part = draw_image (WIDTH, HEIGHT - top, draw_cost_cb, &f->cost_plot);

  assert_band_equal (view, 0, data_part);
  assert_band_equal (view, top, cost_part);

  if (keep_dir != NULL)
    {
      g_autofree char *kept = g_build_filename (keep_dir, "export-view.png", NULL);
      g_autoptr(GFile) kept_file = g_file_new_for_path (kept);

      g_assert_true (slope_export_view (kept_file, &f->data_plot, &f->cost_plot,
                                        WIDTH, HEIGHT, &error));
      g_assert_no_error (error);
    }

  cairo_surface_destroy (view);
  cairo_surface_destroy (data_part);
  cairo_surface_destroy (cost_part);
}

/* A path instead of a GFile, and a format that overrides the name. */
static void
test_path_and_explicit_format (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "plot.dat", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (slope_export_draw (path, NULL, SLOPE_EXPORT_FORMAT_PDF, 300, 200,
                                    draw_data_cb, &f->data_plot, &error));
  g_assert_no_error (error);
  assert_starts_with (file, "%PDF-", 5);

  /* Replacing a file that exists, in another format. */
  g_assert_true (slope_export_draw (path, NULL, SLOPE_EXPORT_FORMAT_PNG, 300, 200,
                                    draw_data_cb, &f->data_plot, &error));
  g_assert_no_error (error);
  assert_starts_with (file, "\x89PNG", 4);
  assert_png_size (file, 300, 200);
}

static void
test_format_from_name (void)
{
  g_assert_cmpint (slope_export_format_from_name ("a.png"), ==, SLOPE_EXPORT_FORMAT_PNG);
  g_assert_cmpint (slope_export_format_from_name ("/x/y/A.PNG"), ==, SLOPE_EXPORT_FORMAT_PNG);
  g_assert_cmpint (slope_export_format_from_name ("plot.svg"), ==, SLOPE_EXPORT_FORMAT_SVG);
  g_assert_cmpint (slope_export_format_from_name ("plot.Pdf"), ==, SLOPE_EXPORT_FORMAT_PDF);
  g_assert_cmpint (slope_export_format_from_name ("plot.jpg"), ==, SLOPE_EXPORT_FORMAT_AUTO);
  g_assert_cmpint (slope_export_format_from_name ("plot"), ==, SLOPE_EXPORT_FORMAT_AUTO);
  g_assert_cmpint (slope_export_format_from_name ("plot.png.txt"), ==, SLOPE_EXPORT_FORMAT_AUTO);
  g_assert_cmpint (slope_export_format_from_name ("/my.png/plot"), ==, SLOPE_EXPORT_FORMAT_AUTO);
  g_assert_cmpint (slope_export_format_from_name (""), ==, SLOPE_EXPORT_FORMAT_AUTO);
}

static void
test_unknown_extension (Fixture       *f,
                        gconstpointer  data)
{
  const char *names[] = { "plot.jpg", "plot", "plot.png.bak" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GFile) file = fixture_file (f, names[i]);
      g_autoptr(GError) error = NULL;

      g_assert_false (slope_export_data_plot (file, &f->data_plot, WIDTH, HEIGHT, &error));
      g_assert_error (error, SLOPE_EXPORT_ERROR, SLOPE_EXPORT_ERROR_UNKNOWN_FORMAT);
      g_assert_nonnull (strstr (error->message, names[i]));
      g_assert_nonnull (strstr (error->message, ".png"));
      g_assert_false (g_file_query_exists (file, NULL));
    }
}

static void
test_missing_directory (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (folder, "lesson-plot.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (slope_export_view (file, &f->data_plot, &f->cost_plot, WIDTH, HEIGHT, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "lesson-plot.png"));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Leaves the context in an error state, as running out of memory would. */
static void
draw_failing (cairo_t  *cr,
              int       width,
              int       height,
              gpointer  user_data)
{
  slope_data_plot_draw (cr, width, height, user_data);
  cairo_restore (cr);
}

/* A failed export leaves an existing file as it was, and creates none. */
static void
test_failure_keeps_file (Fixture       *f,
                         gconstpointer  data)
{
  static const char precious[] = "last week's plot";
  g_autofree char *path = g_build_filename (f->dir, "keep.png", NULL);
  g_autofree char *new_path = g_build_filename (f->dir, "new.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, precious, -1, &error));
  g_assert_no_error (error);

  g_assert_false (slope_export_draw (NULL, file, SLOPE_EXPORT_FORMAT_AUTO, WIDTH, HEIGHT,
                                     draw_failing, &f->data_plot, &error));
  g_assert_error (error, SLOPE_EXPORT_ERROR, SLOPE_EXPORT_ERROR_DRAWING);
  g_assert_nonnull (strstr (error->message, "keep.png"));
  g_clear_error (&error);

  /* Too large for an image surface. */
  g_assert_false (slope_export_data_plot (file, &f->data_plot, 40000, 10, &error));
  g_assert_error (error, SLOPE_EXPORT_ERROR, SLOPE_EXPORT_ERROR_DRAWING);
  g_assert_nonnull (strstr (error->message, "keep.png"));
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, precious);

  g_assert_false (slope_export_draw (new_path, NULL, SLOPE_EXPORT_FORMAT_AUTO, WIDTH, HEIGHT,
                                     draw_failing, &f->data_plot, &error));
  g_assert_error (error, SLOPE_EXPORT_ERROR, SLOPE_EXPORT_ERROR_DRAWING);
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/export/png", test_png);
  ADD ("/export/svg", test_svg);
  ADD ("/export/pdf", test_pdf);
  ADD ("/export/view-is-both-plots", test_view_is_both_plots);
  ADD ("/export/path-and-explicit-format", test_path_and_explicit_format);
  ADD ("/export/unknown-extension", test_unknown_extension);
  ADD ("/export/missing-directory", test_missing_directory);
  ADD ("/export/failure-keeps-file", test_failure_keeps_file);
  g_test_add_func ("/export/format-from-name", test_format_from_name);

#undef ADD

  return g_test_run ();
}
