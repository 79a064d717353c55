/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-frames.c: what a frame of the playing window repaints.
 *
 * GTK repaints the rectangles whose render nodes changed and, past 30 of
 * them, the whole window.  These tests check the window's parts that keep
 * that count low without timing anything: the readouts repaint as one
 * rectangle (slope-repaint-group.c).  Runs under Xvfb (suite ui).
 */
#include "config.h"

#include "slope-test-ui.h"

#include "slope-repaint-group.h"

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

int
main (int   argc,
      char *argv[])
{
  slope_test_init (&argc, &argv);
  slope_test_gtk_init_or_skip ();

  g_test_add_func ("/frames/repaint-group-covers", test_repaint_group_covers);

  return g_test_run ();
}
