/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-frames.c: what a frame of the playing window repaints.
 *
 * GTK repaints the rectangles whose render nodes changed and, past 30 of
 * them, the whole window.  These tests check the window's parts that keep
 * that count low without timing anything: the readouts repaint as one
 * rectangle (slope-repaint-group.c); a new epoch's numbers ask for no
 * new size; while training plays, a new state shows every other frame of
 * a 60 Hz screen.  Runs under Xvfb (suite ui).
 */
#include "config.h"

#include "slope-test-ui.h"

#include "slope-repaint-group.h"
#include "slope-test-window.h"

/* Shown in a window of its own, so its children draw. */
static GtkWidget *
show_in_window (GtkWidget *widget,
                int        width,
                int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) <= 0)
    g_main_context_iteration (NULL, TRUE);
  return window;
}

static GskRenderNode *
snapshot_widget (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

/* The group's frame starts with a node GTK cannot compare, covering the
 * group and the pixel GTK adds around a child at a fractional offset, so
 * whatever changes inside counts as that one rectangle. */
static void
test_repaint_group_covers (void)
{
  GtkWidget *group = slope_repaint_group_new ();
  GtkWidget *label = gtk_label_new ("0.123456");
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderNode *first;
  graphene_rect_t bounds;
  GtkWidget *window;
  int w, h;

  slope_repaint_group_set_child (SLOPE_REPAINT_GROUP (group), label);
  g_assert_true (gtk_widget_get_parent (label) == group);
  window = show_in_window (group, 200, 60);
  w = gtk_widget_get_width (group);
  h = gtk_widget_get_height (group);

  node = snapshot_widget (group);
  g_assert_nonnull (node);
  g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_CONTAINER_NODE);
  first = gsk_container_node_get_child (node, 0);
  g_assert_cmpint (gsk_render_node_get_node_type (first), ==, GSK_CAIRO_NODE);
  gsk_render_node_get_bounds (first, &bounds);
  g_assert_true (graphene_rect_contains_rect (&bounds, &GRAPHENE_RECT_INIT (-1, -1, w + 2, h + 2)));
  /* Not much more: the panel's other groups are a few pixels away. */
  g_assert_true (graphene_rect_contains_rect (&GRAPHENE_RECT_INIT (-8, -8, w + 16, h + 16), &bounds));
  /* And the label is drawn over it. */
  g_assert_cmpuint (gsk_container_node_get_n_children (node), ==, 2);

  /* A frame drawn again is a new node: that is what marks the area. */
  {
    g_autoptr(GskRenderNode) again = snapshot_widget (group);

    g_assert_true (gsk_container_node_get_child (again, 0) != first);
  }

  g_object_ref (label);
  slope_repaint_group_set_child (SLOPE_REPAINT_GROUP (group), NULL);
  g_assert_null (gtk_widget_get_parent (label));
  g_object_unref (label);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_call (gpointer counter)
{
  (*(guint *) counter)++;
}

/* Runs the window's frames until @n more have been painted. */
static void
paint_frames (GtkWidget *widget,
              guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint painted = 0;
  gulong id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (count_call), &painted);

  while (painted < n)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, id);
}

/* The readouts' group, measured through a layout that counts: a widget
 * inside that asks for a new size (as a GtkLabel does whenever its text
 * changes) makes GTK measure the group again on the next frame.  Other
 * clients on the display (the suite runs tests side by side) can make the
 * window itself lay out again; they do not touch the readouts' sizes. */
static guint group_measured;

static void
count_measure (GtkWidget      *widget,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural,
               int            *minimum_baseline,
               int            *natural_baseline)
{
  group_measured++;
  gtk_widget_measure (gtk_widget_get_first_child (widget), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
allocate_child (GtkWidget *widget,
                int        width,
                int        height,
                int        baseline)
{
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}

/* Epochs change every number in the readouts (and in the distance to the
 * least-squares line under them), and none may relayout the window: they
 * are fixed-width readouts that only repaint. */
static void
test_numbers_relayout_nothing (void)
{
  SlopeWindow *window = slope_test_window_new ();
  GtkWidget *group = gtk_widget_get_parent (GTK_WIDGET (window->readouts));
  g_autofree char *before = NULL;

  g_assert_true (SLOPE_IS_REPAINT_GROUP (group));
  gtk_widget_set_layout_manager (group, gtk_custom_layout_new (NULL, count_measure,
                                                               allocate_child));
  /* The first step shows what only it changes (the gradients appear, the
   * rewind becomes possible); the ones after it change only numbers. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  slope_test_settle (window);
  paint_frames (GTK_WIDGET (window), 3);
  g_assert_cmpuint (group_measured, >, 0);
  group_measured = 0;
  before = g_strdup (gtk_inscription_get_text (window->readout_values[READOUT_COST]));

  for (guint i = 0; i < 5; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
      slope_test_settle (window);
      paint_frames (GTK_WIDGET (window), 2);
    }
  /* The numbers did change: epoch 6, a lower cost, another distance. */
  g_assert_cmpstr (gtk_inscription_get_text (window->readout_values[READOUT_EPOCH]), ==, "6 / 1000");
  g_assert_cmpstr (gtk_inscription_get_text (window->readout_values[READOUT_COST]), !=, before);
  g_assert_cmpuint (group_measured, ==, 0);

  slope_test_close_window (window);
}

/* The pace while playing, in frame times (µs): at 60 Hz every other
 * frame, at 30 Hz every frame, never twice in 25 ms. */
static void
test_playing_pace (void)
{
  g_assert_false (slope_window_playing_frame_due (0, 16667));
  g_assert_true (slope_window_playing_frame_due (0, 33333));
  g_assert_true (slope_window_playing_frame_due (1000000, 1033334));
  g_assert_true (slope_window_playing_frame_due (0, 25000));
  g_assert_false (slope_window_playing_frame_due (0, 24000));
}

int
main (int   argc,
      char *argv[])
{
  slope_test_init (&argc, &argv);
  slope_test_gtk_init_or_skip ();

  g_test_add_func ("/frames/repaint-group-covers", test_repaint_group_covers);
  g_test_add_func ("/frames/numbers-relayout-nothing", test_numbers_relayout_nothing);
  g_test_add_func ("/frames/playing-pace", test_playing_pace);

  return g_test_run ();
}
