/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plot-design.c: the plots against the design, with the design's
 * numbers written here as literals: the Okabe–Ito colours, the legend's
 * four significant digits and its corner, the warning colour of a diverged
 * model, the 1-2-5 rule of the axis ticks, and the exported SVG and PDF
 * holding the text, the points and the line where they belong.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "slope-axis.h"
#include "slope-data-plot.h"
#include "slope-plot-frame.h"
#include "slope-test-pixels.h"

#define WIDTH  600
#define HEIGHT 400

/* Okabe & Ito, "Color Universal Design" (2008), the palette the design
 * names (src/plot/slope-palette.c's comment). */
static const SlopeTestRgb okabe_ito_blue = { 0, 114, 178 };
static const SlopeTestRgb okabe_ito_vermillion = { 213, 94, 0 };
static const SlopeTestRgb okabe_ito_bluish_green = { 0, 158, 115 };
static const SlopeTestRgb okabe_ito_reddish_purple = { 204, 121, 167 };
static const SlopeTestRgb okabe_ito_orange = { 230, 159, 0 };
static const SlopeTestRgb okabe_ito_sky_blue = { 86, 180, 233 };
static const SlopeTestRgb okabe_ito_yellow = { 240, 228, 66 };

static void
assert_rgb (SlopeTestRgb got,
            SlopeTestRgb want)
{
  g_assert_cmpint (got.r, ==, want.r);
  g_assert_cmpint (got.g, ==, want.g);
  g_assert_cmpint (got.b, ==, want.b);
}

static void
test_palette_is_okabe_ito (void)
{
  const SlopePalette *light = slope_palette_get (FALSE);
  const SlopePalette *dark = slope_palette_get (TRUE);

  assert_rgb (slope_test_rgb_of (&light->points), okabe_ito_blue);
  assert_rgb (slope_test_rgb_of (&light->line), okabe_ito_vermillion);
  assert_rgb (slope_test_rgb_of (&light->cost), okabe_ito_bluish_green);
  assert_rgb (slope_test_rgb_of (&light->marker), okabe_ito_vermillion);
  assert_rgb (slope_test_rgb_of (&light->reference), okabe_ito_reddish_purple);
  assert_rgb (slope_test_rgb_of (&light->warning), okabe_ito_orange);

  assert_rgb (slope_test_rgb_of (&dark->points), okabe_ito_sky_blue);
  assert_rgb (slope_test_rgb_of (&dark->line), okabe_ito_orange);
  assert_rgb (slope_test_rgb_of (&dark->cost), okabe_ito_bluish_green);
  assert_rgb (slope_test_rgb_of (&dark->marker), okabe_ito_yellow);
  assert_rgb (slope_test_rgb_of (&dark->reference), okabe_ito_reddish_purple);
  assert_rgb (slope_test_rgb_of (&dark->warning), okabe_ito_yellow);
}

static void
notebook_plot (SlopeDataPlot *plot,
               SlopeDataset  *data,
               double         w,
               double         b)
{
  slope_data_plot_init (plot);
  plot->dataset = data;
  slope_viewport_fit (&plot->view, data);
  plot->w = w;
  plot->b = b;
  plot->show_residuals = FALSE;
}

static cairo_surface_t *
render (const SlopeDataPlot *plot)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  slope_data_plot_draw (cr, WIDTH, HEIGHT, plot);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

/* Pixels near @rgb in a rectangle. */
static guint
count_near (cairo_surface_t *surface,
            double           x0,
            double           y0,
            double           x1,
            double           y1,
            SlopeTestRgb     rgb)
{
  guint n = 0;

  for (double y = MAX (y0, 0); y < MIN (y1, HEIGHT); y++)
    for (double x = MAX (x0, 0); x < MIN (x1, WIDTH); x++)
      n += slope_test_near_color (slope_test_pixel_at (surface, x, y), rgb, 40);
  return n;
}

/* The points in the design's blue, where the data puts them. */
static void
test_points_drawn_in_design_blue (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  SlopeDataPlot plot;
  SlopeArea area;
  cairo_surface_t *surface;

  notebook_plot (&plot, data, 0.0, 0.0);
  surface = render (&plot);
  slope_data_plot_area (&plot, WIDTH, HEIGHT, &area);
  for (guint i = 0; i < 3; i++)
    {
      double px, py;

      slope_data_plot_to_pixel (&plot, &area, i + 1.0, 2.0 * (i + 1.0), &px, &py);
      g_assert_true (slope_test_near_color (slope_test_pixel_at (surface, px, py),
                                            okabe_ito_blue, 8));
    }
  cairo_surface_destroy (surface);
}

/* The legend's equation: four significant digits, a true minus sign, the
 * product sign only where juxtaposition would mislead. */
static void
test_legend_digits (void)
{
  static const struct { double w, b; const char *text; } cases[] = {
    { 1.98234, -0.041234, "ŷ = 1.982x − 0.04123" },
    { 0.18666666666666665, 0.08, "ŷ = 0.1867x + 0.08" },
    { -2.0, -0.0, "ŷ = −2x + 0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = slope_format_equation (cases[i].w, cases[i].b);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The legend sits in the top corner the line leaves free: top left for a
 * rising line; a diverged model's legend is in the warning orange. */
static void
test_legend_corner_and_colour (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  SlopeDataPlot plot;
  SlopeArea area;
  cairo_surface_t *surface;
  double left, right, top, bottom;

  /* A rising line that stays low: the top left is the legend's alone. */
  notebook_plot (&plot, data, 0.5, 0.0);
  slope_data_plot_area (&plot, WIDTH, HEIGHT, &area);
  left = area.left;
  right = area.left + area.width;
  top = area.top;
  bottom = area.top + 0.2 * area.height;

  surface = render (&plot);
  g_assert_cmpuint (count_near (surface, left, top, left + area.width / 2, bottom,
                                okabe_ito_vermillion), >, 20);
  g_assert_cmpuint (count_near (surface, right - area.width / 3, top, right, bottom,
                                okabe_ito_vermillion), ==, 0);
  g_assert_cmpuint (count_near (surface, left, top, right, bottom, okabe_ito_orange), ==, 0);
  cairo_surface_destroy (surface);

  /* Diverged: no line, the equation in orange and not in vermillion. */
  notebook_plot (&plot, data, INFINITY, NAN);
  surface = render (&plot);
  g_assert_cmpuint (count_near (surface, left, top, right, bottom, okabe_ito_orange), >, 20);
  g_assert_cmpuint (count_near (surface, left, top, right, area.top + area.height,
                                okabe_ito_vermillion), ==, 0);
  cairo_surface_destroy (surface);
}

/* A view grown to follow a line far below the points (a diverging run on
 * real data) leaves the points in a band along the top: the legend goes
 * to a bottom corner rather than over them. */
static void
test_legend_avoids_points (void)
{
  double x[41], y[41];
  g_autoptr(SlopeDataset) data = NULL;
  SlopeDataPlot plot;
  SlopeArea area;
  cairo_surface_t *surface;
  double left, right, top, bottom;

  for (guint i = 0; i < G_N_ELEMENTS (x); i++)
    {
      x[i] = i;
      y[i] = 10.0 + (i % 3) * 0.5;
    }
  data = slope_dataset_new (x, y, G_N_ELEMENTS (x), NULL);
  /* Falling, far below: only its arrow shows, at the bottom's middle. */
  notebook_plot (&plot, data, -1e-9, -1e6);
  plot.view.y_min = -100.0;
  plot.view.y_max = 12.0;
  slope_data_plot_area (&plot, WIDTH, HEIGHT, &area);
  left = area.left;
  right = area.left + area.width;
  top = area.top;
  bottom = area.top + area.height;

  surface = render (&plot);
  /* The legend's swatch in the line's vermillion: bottom left, and not in
   * the top right a falling line would leave free. */
  g_assert_cmpuint (count_near (surface, left, bottom - 0.2 * area.height, left + area.width / 3,
                                bottom, okabe_ito_vermillion), >, 20);
  g_assert_cmpuint (count_near (surface, left, top, right, top + 0.2 * area.height,
                                okabe_ito_vermillion), ==, 0);
  cairo_surface_destroy (surface);
}

/* A plot narrower than its legend (1024 px in presentation mode with the
 * explain pane open) shrinks the legend to fit inside the plotting area
 * rather than cutting it at the area's right edge. */
static void
test_legend_fits_narrow_plot (void)
{
  const SlopePlotLegendRow rows[] = {
    { "ŷ = 1.879x + 0.2761", { 0.835, 0.369, 0.0, 1.0 }, FALSE },
    { "ŷ = 2x + 0", { 0.835, 0.369, 0.0, 1.0 }, TRUE },
  };
  SlopePlotFrame frame = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  guint inked_outside = 0, inked_inside = 0;
  int stride;
  guchar *pixels;

  frame.left = 10.0;
  frame.top = 10.0;
  frame.width = 180.0;
  frame.height = 200.0;
  frame.font_family = "Sans";
  frame.palette = slope_palette_get (FALSE);
  frame.fs = 1.6;
  frame.lw = 1.6;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 220);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_paint (cr);
  slope_plot_frame_draw_legend (cr, &frame, rows, G_N_ELEMENTS (rows), FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  stride = cairo_image_surface_get_stride (surface);
  pixels = cairo_image_surface_get_data (surface);
  for (int y = 0; y < 220; y++)
    for (int x = 0; x < 400; x++)
      {
        guint32 px = *(guint32 *) (pixels + y * stride + 4 * x);

        if ((px & 0xffffff) == 0xffffff)
          continue;
        if (x >= frame.left + frame.width)
          inked_outside++;
        else
          inked_inside++;
      }
  cairo_surface_destroy (surface);

  g_assert_cmpuint (inked_inside, >, 200);
  g_assert_cmpuint (inked_outside, ==, 0);
}

/* Ticks: the smallest step of 1, 2 or 5 × 10ᵏ that fits the room, every
 * multiple of it in the range, labels with the step's decimals. */
static void
assert_ticks (double              lo,
              double              hi,
              guint               max_ticks,
              const char * const *labels)
{
  SlopeAxis axis;
  guint n = g_strv_length ((char **) labels);

  slope_axis_init_linear (&axis, lo, hi, max_ticks);
  g_assert_cmpuint (axis.n_ticks, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (axis.labels[i], ==, labels[i]);
}

static void
test_axis_one_two_five (void)
{
  const char *tenths[] = { "0", "0.2", "0.4", "0.6", "0.8", "1", NULL };
  const char *twos[] = { "0", "2", "4", "6", "8", "10", NULL };
  const char *fifties[] = { "0", "50", "100", NULL };
  const char *zero[] = { "0", NULL };
  const char *half[] = { "0.5", NULL };
  const char *evens[] = { "4", "6", "8", "10", NULL };

  /* 1/5 = 0.2 exactly fits: not rounded up to 0.5. */
  assert_ticks (0.0, 1.0, 6, tenths);
  assert_ticks (0.0, 10.0, 6, twos);
  /* 100/3 = 33.3: 50. */
  assert_ticks (0.0, 100.0, 4, fifties);
  /* 12/2 = 6 → 10, which leaves one tick: one is something to read, so the
   * step stays (only none at all takes the step before). */
  assert_ticks (-6.0, 6.0, 3, zero);
  /* 0.1 … 0.9 with room for two: step 1 has none, so 0.5. */
  assert_ticks (0.1, 0.9, 2, half);
  /* 7.7/7 = 1.1: step 2, its multiples inside 2.5 … 10.2. */
  assert_ticks (2.5, 10.2, 8, evens);

  g_assert_cmpfloat (slope_nice_step (1.0, 6), ==, 0.2);
  g_assert_cmpfloat (slope_nice_step (1.0, 2), ==, 1.0);
  g_assert_cmpfloat (slope_nice_step (10.0, 3), ==, 5.0);
  g_assert_cmpfloat (slope_nice_step (7.0, 8), ==, 1.0);
  g_assert_cmpfloat (slope_nice_step (35.0, 8), ==, 5.0);
  g_assert_cmpfloat (slope_nice_step (0.03, 4), ==, 0.01);
}

/* Error contexts: a renderer handed a broken cairo_t draws nothing. */
static void
test_error_context_draws_nothing (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  SlopeDataPlot plot;
  const guint8 *pixels;
  int stride = cairo_image_surface_get_stride (surface);

  notebook_plot (&plot, data, 1.8, 0.4);
  cairo_restore (cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_INVALID_RESTORE);
  slope_data_plot_draw (cr, WIDTH, HEIGHT, &plot);
  slope_data_plot_draw (cr, 0, 0, &plot);
  /* The error is the one it was handed, and the surface is untouched. */
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_INVALID_RESTORE);
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < stride; x++)
      g_assert_cmpuint (pixels[y * stride + x], ==, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* SVG: what cairo writes for our drawing ---------------------------------- */

typedef struct
{
  guint    n_glyph_uses;
  GArray  *blue_paths;      /* first point of each path filled in the points' blue */
  GArray  *line_paths;      /* every point of paths stroked in vermillion */
} SvgContent;

static gboolean
style_has (const char  *style,
           const char  *property,
           SlopeTestRgb rgb)
{
  g_autofree char *needle = g_strdup_printf ("%s:rgb(", property);
  const char *p;
  double r, g, b;

  if (style == NULL || (p = strstr (style, needle)) == NULL)
    return FALSE;
  if (sscanf (p + strlen (needle), "%lf%%,%lf%%,%lf%%)", &r, &g, &b) != 3)
    return FALSE;
  return fabs (r * 2.55 - rgb.r) < 1.0 && fabs (g * 2.55 - rgb.g) < 1.0
         && fabs (b * 2.55 - rgb.b) < 1.0;
}

/* The numbers of a path's d attribute, as (x, y) pairs. */
static void
path_points (const char *d,
             GArray     *out,
             gboolean    first_only)
{
  const char *p = d;

  while (*p != '\0')
    {
      char *end;
      double x, y;

      while (*p != '\0' && !(g_ascii_isdigit (*p) || *p == '-' || *p == '.'))
        p++;
      if (*p == '\0')
        break;
      x = g_ascii_strtod (p, &end);
      p = end;
      while (*p == ' ' || *p == ',')
        p++;
      y = g_ascii_strtod (p, &end);
      if (end == p)
        break;
      p = end;
      g_array_append_val (out, x);
      g_array_append_val (out, y);
      if (first_only)
        break;
    }
}

static void
svg_start (GMarkupParseContext *context,
           const char          *element,
           const char         **names,
           const char         **values,
           gpointer             user_data,
           GError             **error)
{
  SvgContent *svg = user_data;
  const char *style = NULL, *d = NULL, *href = NULL, *fill = NULL, *stroke = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], "style") == 0)
        style = values[i];
      else if (strcmp (names[i], "d") == 0)
        d = values[i];
      else if (strcmp (names[i], "xlink:href") == 0 || strcmp (names[i], "href") == 0)
        href = values[i];
      else if (strcmp (names[i], "fill") == 0)
        fill = values[i];
      else if (strcmp (names[i], "stroke") == 0)
        stroke = values[i];
    }
  if (strcmp (element, "use") == 0 && href != NULL && g_str_has_prefix (href, "#glyph"))
    svg->n_glyph_uses++;
  if (strcmp (element, "path") == 0 && d != NULL)
    {
      g_autofree char *fill_style = fill ? g_strdup_printf ("fill:%s", fill) : NULL;
      g_autofree char *stroke_style = stroke ? g_strdup_printf ("stroke:%s", stroke) : NULL;

      if (style_has (style, "fill", okabe_ito_blue) || style_has (fill_style, "fill", okabe_ito_blue))
        path_points (d, svg->blue_paths, TRUE);
      if (style_has (style, "stroke", okabe_ito_vermillion)
          || style_has (stroke_style, "stroke", okabe_ito_vermillion))
        path_points (d, svg->line_paths, FALSE);
    }
}

static void
test_vector_content (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autofree char *dir = g_dir_make_tmp ("slope-design-XXXXXX", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "plot.svg", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "plot.pdf", NULL);
  g_autofree char *contents = NULL;
  static const GMarkupParser parser = { svg_start, NULL, NULL, NULL, NULL };
  SvgContent svg = { 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  SlopeDataPlot plot;
  SlopeArea area;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  notebook_plot (&plot, data, 1.8, 0.4);
  slope_data_plot_area (&plot, WIDTH, HEIGHT, &area);

  surface = cairo_svg_surface_create (svg_path, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  slope_data_plot_draw (cr, WIDTH, HEIGHT, &plot);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  surface = cairo_pdf_surface_create (pdf_path, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  slope_data_plot_draw (cr, WIDTH, HEIGHT, &plot);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  /* The SVG parses; each point is a blue shape at its place; the line's
   * path lies on y = 1.8x + 0.4; the text is there as glyphs. */
  svg.blue_paths = g_array_new (FALSE, FALSE, sizeof (double));
  svg.line_paths = g_array_new (FALSE, FALSE, sizeof (double));
  g_assert_true (g_file_get_contents (svg_path, &contents, NULL, NULL));
  context = g_markup_parse_context_new (&parser, 0, &svg, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));

  for (guint i = 0; i < 3; i++)
    {
      double px, py;
      gboolean found = FALSE;

      slope_data_plot_to_pixel (&plot, &area, i + 1.0, 2.0 * (i + 1.0), &px, &py);
      for (guint k = 0; k + 1 < svg.blue_paths->len; k += 2)
        found |= hypot (g_array_index (svg.blue_paths, double, k) - px,
                        g_array_index (svg.blue_paths, double, k + 1) - py) < 12.0;
      g_assert_true (found);
    }
  g_assert_cmpuint (svg.line_paths->len, >=, 4);
  {
    guint on_line = 0;

    for (guint k = 0; k + 1 < svg.line_paths->len; k += 2)
      {
        double px = g_array_index (svg.line_paths, double, k);
        double py = g_array_index (svg.line_paths, double, k + 1);
        double x0, y0, x1, y1;

        /* Map the model at this pixel's x back through the plot. */
        slope_data_plot_to_pixel (&plot, &area, 0.0, 0.4, &x0, &y0);
        slope_data_plot_to_pixel (&plot, &area, 1.0, 2.2, &x1, &y1);
        on_line += fabs (y0 + (px - x0) * (y1 - y0) / (x1 - x0) - py) < 1.5;
      }
    g_assert_cmpuint (on_line, >=, 2);
  }
  /* "ŷ = 1.8x + 0.4" and the tick labels: more than 20 glyphs. */
  g_assert_cmpuint (svg.n_glyph_uses, >, 20);

  /* The PDF's text, read back by poppler where it is installed. */
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, pdf_path, "-", NULL };
      g_autofree char *out = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (out, "ŷ = 1.8x + 0.4"));
    }
  else
    g_test_message ("pdftotext not installed: the PDF's text not checked");

  g_array_unref (svg.blue_paths);
  g_array_unref (svg.line_paths);
  g_assert_cmpint (g_remove (svg_path), ==, 0);
  g_assert_cmpint (g_remove (pdf_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/plot-design/palette-is-okabe-ito", test_palette_is_okabe_ito);
  g_test_add_func ("/plot-design/points-drawn-in-design-blue", test_points_drawn_in_design_blue);
  g_test_add_func ("/plot-design/legend-digits", test_legend_digits);
  g_test_add_func ("/plot-design/legend-corner-and-colour", test_legend_corner_and_colour);
  g_test_add_func ("/plot-design/legend-avoids-points", test_legend_avoids_points);
  g_test_add_func ("/plot-design/legend-fits-narrow-plot", test_legend_fits_narrow_plot);
  g_test_add_func ("/plot-design/axis-one-two-five", test_axis_one_two_five);
  g_test_add_func ("/plot-design/error-context-draws-nothing", test_error_context_draws_nothing);
  g_test_add_func ("/plot-design/vector-content", test_vector_content);

  return g_test_run ();
}
