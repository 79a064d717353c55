/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-graph-plot.c: the computation graph drawn into image surfaces, for
 * each of the lab's expressions and each moment of a backward pass.
 *
 * Set SLOPE_GRAPH_PNG_DIR to also write the images there, to look at. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-graph-plot.h"

/* GDK defines these; the plot tests do not link GTK. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

typedef enum
{
  MOMENT_FORWARD,
  MOMENT_MID_BACKWARD,
  MOMENT_AFTER_BACKWARD,
  MOMENT_ACCUMULATED,
  N_MOMENTS,
} Moment;

static const char *const moment_names[] = {
  "forward", "mid-backward", "after-backward", "accumulated",
};

static const int sizes[][2] = { { 800, 400 }, { 400, 300 }, { 1600, 800 } };

static SlopeTape *
tape_at (SlopeExpression  expr,
         Moment           moment,
         guint           *w,
         guint           *z)
{
  SlopeTape *tape = slope_tape_new_expression (expr, 2.0, w, z);

  switch (moment)
    {
    case MOMENT_FORWARD:
      break;
    case MOMENT_MID_BACKWARD:
      slope_tape_backward_begin (tape, *z);
      g_assert_true (slope_tape_backward_step (tape, NULL));
      break;
    case MOMENT_ACCUMULATED:
      slope_tape_backward (tape, *z);
      slope_tape_backward (tape, *z);
      G_GNUC_FALLTHROUGH;
    case MOMENT_AFTER_BACKWARD:
      slope_tape_backward (tape, *z);
      break;
    default:
      g_assert_not_reached ();
    }

  return tape;
}

static gboolean
rects_overlap (const SlopeGraphItem *a,
               const SlopeGraphItem *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
check_layout (const SlopeGraphPlot *plot,
              guint                 w,
              int                   width,
              int                   height)
{
  g_autoptr(SlopeGraphLayout) layout = slope_graph_layout_new (plot, width, height);
  const SlopeGraphItem *w_box = slope_graph_layout_find (layout, SLOPE_GRAPH_ITEM_NODE, w, 0);
  const SlopeGraphItem *z_box = slope_graph_layout_find (layout, SLOPE_GRAPH_ITEM_NODE, plot->output, 0);

  g_assert_nonnull (w_box);
  g_assert_nonnull (z_box);
  g_assert_cmpfloat (z_box->x, >=, w_box->x + w_box->width);

  g_test_message ("%s at %d×%d: %.1f px", slope_tape_get_node (plot->tape, plot->output)->label,
                  width, height, layout->font_size);
  /* Readable from the back of the room at the reference size, and the
   * text grows with the plot. */
  g_assert_cmpfloat (layout->font_size, >=, 16.0 * MIN (width / 800.0, height / 400.0));

  for (guint i = 0; i < layout->items->len; i++)
    {
      const SlopeGraphItem *a = &g_array_index (layout->items, SlopeGraphItem, i);

      g_assert_cmpfloat (a->width, >, 0);
      g_assert_cmpfloat (a->height, >, 0);
      g_assert_cmpfloat (a->x, >=, 0);
      g_assert_cmpfloat (a->y, >=, 0);
      g_assert_cmpfloat (a->x + a->width, <=, width);
      g_assert_cmpfloat (a->y + a->height, <=, height);
      for (guint j = i + 1; j < layout->items->len; j++)
        {
          const SlopeGraphItem *b = &g_array_index (layout->items, SlopeGraphItem, j);

          if (rects_overlap (a, b))
            g_error ("“%s” overlaps “%s” at %d×%d", a->text, b->text, width, height);
        }
    }

  /* Every edge of the graph has an arrow going left to right. */
  for (guint i = 0; i < layout->arrows->len; i++)
    {
      const SlopeGraphArrow *arrow = &g_array_index (layout->arrows, SlopeGraphArrow, i);

      g_assert_cmpfloat (arrow->x0, <, arrow->x1);
    }
}

static gboolean
surface_has_ink (cairo_surface_t *surface)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint32 background = *(const guint32 *) data;
  guint differing = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      differing += *(const guint32 *) (data + y * stride + 4 * x) != background;

  /* Boxes and text, not a stray pixel. */
  return differing > (guint) (width * height) / 100;
}

static void
render (const SlopeGraphPlot *plot,
        int                   width,
        int                   height,
        const char           *png_name)
{
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  g_autoptr(cairo_t) cr = cairo_create (surface);
  const char *dir = g_getenv ("SLOPE_GRAPH_PNG_DIR");

  slope_graph_plot_draw (cr, width, height, plot);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  g_assert_true (surface_has_ink (surface));

  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, png_name, NULL);

      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
    }
}

static void
test_expressions (void)
{
  for (guint e = 0; e < SLOPE_N_EXPRESSIONS; e++)
    for (guint m = 0; m < N_MOMENTS; m++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (guint dark = 0; dark < 2; dark++)
          {
            guint w, z;
            g_autoptr(SlopeTape) tape = tape_at (e, m, &w, &z);
            g_autofree char *name = g_strdup_printf ("graph-%u-%s-%dx%d%s.png", e, moment_names[m],
                                                     sizes[s][0], sizes[s][1], dark ? "-dark" : "");
            SlopeGraphPlot plot;

            slope_graph_plot_init (&plot);
            plot.tape = tape;
            plot.output = z;
            plot.palette = slope_palette_get (dark);

            check_layout (&plot, w, sizes[s][0], sizes[s][1]);
            render (&plot, sizes[s][0], sizes[s][1], name);
          }
}

/* Gradient items are laid out from the start, shown as the pass reaches
 * them, and do not move. */
static void
test_items_follow_backward (void)
{
  guint w, z;
  g_autoptr(SlopeTape) tape = slope_tape_new_expression (SLOPE_EXPR_NOTEBOOK, 2.0, &w, &z);
  g_autoptr(SlopeGraphLayout) before = NULL;
  g_autoptr(SlopeGraphLayout) after = NULL;
  const SlopeGraphItem *grad;
  SlopeGraphPlot plot;
  guint n_edges = 0;

  slope_graph_plot_init (&plot);
  plot.tape = tape;
  plot.output = z;

  before = slope_graph_layout_new (&plot, 800, 400);
  grad = slope_graph_layout_find (before, SLOPE_GRAPH_ITEM_GRAD, w, 0);
  g_assert_nonnull (grad);
  g_assert_true (grad->visible);
  g_assert_cmpstr (grad->text, ==, "w.grad = None");
  g_assert_false (slope_graph_layout_find (before, SLOPE_GRAPH_ITEM_GRAD, z, 0)->visible);

  for (guint i = 0; i < before->items->len; i++)
    {
      const SlopeGraphItem *item = &g_array_index (before->items, SlopeGraphItem, i);

      if (item->kind == SLOPE_GRAPH_ITEM_EDGE)
        {
          g_assert_false (item->visible);
          n_edges++;
        }
    }
  g_assert_cmpuint (n_edges, ==, 3);

  slope_tape_backward (tape, z);
  after = slope_graph_layout_new (&plot, 800, 400);
  g_assert_cmpuint (after->items->len, ==, before->items->len);
  for (guint i = 0; i < after->items->len; i++)
    {
      const SlopeGraphItem *a = &g_array_index (before->items, SlopeGraphItem, i);
      const SlopeGraphItem *b = &g_array_index (after->items, SlopeGraphItem, i);

      g_assert_true (b->visible);
      if (a->kind == SLOPE_GRAPH_ITEM_NODE)
        {
          g_assert_cmpfloat_with_epsilon (a->x, b->x, 0.5 * after->font_size);
          g_assert_cmpfloat_with_epsilon (a->y, b->y, 1e-9);
        }
    }

  g_assert_cmpstr (slope_graph_layout_find (after, SLOPE_GRAPH_ITEM_GRAD, w, 0)->text, ==, "w.grad = 8.0");
  g_assert_cmpstr (slope_graph_layout_find (after, SLOPE_GRAPH_ITEM_NODE, z, 0)->value, ==, "13.0");
  g_assert_cmpstr (slope_graph_layout_find (after, SLOPE_GRAPH_ITEM_EDGE, 1, 0)->text, ==, "∂y/∂w = 4");
  g_assert_null (slope_graph_layout_find (after, SLOPE_GRAPH_ITEM_GRAD, 2, 0));   /* the constant 2 */

  /* Hiding gradients hides them all, but keeps their places. */
  plot.show_gradients = FALSE;
  {
    g_autoptr(SlopeGraphLayout) hidden = slope_graph_layout_new (&plot, 800, 400);

    for (guint i = 0; i < hidden->items->len; i++)
      {
        const SlopeGraphItem *item = &g_array_index (hidden->items, SlopeGraphItem, i);

        g_assert_cmpint (item->visible, ==, item->kind == SLOPE_GRAPH_ITEM_NODE);
      }
    render (&plot, 800, 400, "graph-hidden.png");
  }
}

/* A stale forward shows "?" rather than old values. */
static void
test_stale_values (void)
{
  guint w, z;
  g_autoptr(SlopeTape) tape = slope_tape_new_expression (SLOPE_EXPR_CUBIC, 2.0, &w, &z);
  g_autoptr(SlopeGraphLayout) layout = NULL;
  SlopeGraphPlot plot;

  slope_graph_plot_init (&plot);
  plot.tape = tape;
  plot.output = z;

  slope_tape_set_value (tape, w, -1.5);
  layout = slope_graph_layout_new (&plot, 800, 400);
  g_assert_cmpstr (slope_graph_layout_find (layout, SLOPE_GRAPH_ITEM_NODE, w, 0)->value, ==, "−1.5");
  g_assert_cmpstr (slope_graph_layout_find (layout, SLOPE_GRAPH_ITEM_NODE, z, 0)->value, ==, "?");
  render (&plot, 800, 400, "graph-stale.png");
}

/* Other tapes: an output that is a variable, a shared input, odd values,
 * an output that is not the last node, and no tape at all. */
static void
test_other_graphs (void)
{
  g_autoptr(SlopeTape) tape = slope_tape_new ();
  guint w = slope_tape_variable (tape, "w", 0.0);
  guint sq = slope_tape_mul (tape, w, w);
  guint inv = slope_tape_div (tape, slope_tape_constant (tape, 1), w);
  guint out = slope_tape_add (tape, sq, inv);
  SlopeGraphPlot plot;

  slope_tape_constant (tape, 42);   /* after the output: not drawn */
  slope_tape_backward (tape, out);

  slope_graph_plot_init (&plot);
  plot.tape = tape;
  plot.output = out;
  check_layout (&plot, w, 800, 400);
  render (&plot, 800, 400, "graph-inf.png");

  plot.output = sq;
  check_layout (&plot, w, 800, 400);
  render (&plot, 800, 400, "graph-square.png");

  plot.output = w;
  {
    g_autoptr(SlopeGraphLayout) layout = slope_graph_layout_new (&plot, 800, 400);

    g_assert_nonnull (slope_graph_layout_find (layout, SLOPE_GRAPH_ITEM_NODE, w, 0));
    g_assert_cmpuint (layout->arrows->len, ==, 0);
    render (&plot, 800, 400, "graph-leaf.png");
  }

  plot.tape = NULL;
  {
    g_autoptr(SlopeGraphLayout) layout = slope_graph_layout_new (&plot, 800, 400);
    g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
    g_autoptr(cairo_t) cr = cairo_create (surface);

    g_assert_cmpuint (layout->items->len, ==, 0);
    slope_graph_plot_draw (cr, 100, 100, &plot);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  }
}

/* Tiny sizes shrink the text to the minimum, never crash. */
static void
test_tiny (void)
{
  guint w, z;
  g_autoptr(SlopeTape) tape = tape_at (SLOPE_EXPR_SQUARE_SHIFT, MOMENT_AFTER_BACKWARD, &w, &z);
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 60, 30);
  g_autoptr(cairo_t) cr = cairo_create (surface);
  SlopeGraphPlot plot;

  slope_graph_plot_init (&plot);
  plot.tape = tape;
  plot.output = z;
  plot.font_scale = 2.0;
  slope_graph_plot_draw (cr, 60, 30, &plot);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  /* Too small for the graph: it still draws (something is painted), and
   * all of it inside the 60 × 30 it was given, the context's state as it
   * was handed over (no save without its restore). */
  {
    guint painted = 0;
    double x1, y1, x2, y2;

    cairo_surface_flush (surface);
    for (int y = 0; y < 30; y++)
      for (int x = 0; x < 60; x++)
        painted += ((const guint32 *) (cairo_image_surface_get_data (surface)
                                       + y * cairo_image_surface_get_stride (surface)))[x] != 0;
    g_test_message ("%u of 1800 pixels painted", painted);
    g_assert_cmpuint (painted, >, 0);
    cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
    g_assert_cmpfloat (x1, ==, 0.0);
    g_assert_cmpfloat (y1, ==, 0.0);
    g_assert_cmpfloat (x2, ==, 60.0);
    g_assert_cmpfloat (y2, ==, 30.0);
    cairo_restore (cr);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_INVALID_RESTORE);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/graph-plot/expressions", test_expressions);
  g_test_add_func ("/graph-plot/items-follow-backward", test_items_follow_backward);
  g_test_add_func ("/graph-plot/stale-values", test_stale_values);
  g_test_add_func ("/graph-plot/other-graphs", test_other_graphs);
  g_test_add_func ("/graph-plot/tiny", test_tiny);

  return g_test_run ();
}
