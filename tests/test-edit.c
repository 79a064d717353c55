/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-edit.c: points added, moved and removed by hand while training goes
 * on, undone and redone, saved, and the question on closing with unsaved
 * edits.  Runs under Xvfb (suite ui).
 *
 * The data view's signals are emitted here as its gestures emit them, so
 * the window's side is tested exactly; the view's own hit testing is
 * tested through slope_data_view_pick().
 */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "slope-test-ui.h"
#include "slope-csv.h"
#include "slope-window-private.h"

static SlopeWindow *
new_window (void)
{
  SlopeWindow *window = slope_window_new (NULL, NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
settle (SlopeWindow *window)
{
  slope_runner_sync (window->runner);
  slope_window_refresh (window);
}

static void
set_edit_mode (SlopeWindow *window,
               gboolean     on)
{
  g_autoptr(GVariant) state = NULL;

  g_action_group_change_action_state (G_ACTION_GROUP (window), "edit-mode",
                                      g_variant_new_boolean (on));
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "edit-mode");
  g_assert_true (g_variant_get_boolean (state) == window->edit_mode);
}

static void
assert_points (SlopeDataset *dataset,
               const double *x,
               const double *y,
               gsize         n)
{
  g_assert_cmpuint (slope_dataset_get_n (dataset), ==, n);
  for (gsize i = 0; i < n; i++)
    {
      g_assert_cmpfloat (slope_dataset_get_x (dataset)[i], ==, x[i]);
      g_assert_cmpfloat (slope_dataset_get_y (dataset)[i], ==, y[i]);
    }
}

static void
assert_same_points (SlopeDataset *a,
                    SlopeDataset *b)
{
  gsize n = slope_dataset_get_n (a);

  g_assert_cmpuint (slope_dataset_get_n (b), ==, n);
  g_assert_cmpmem (slope_dataset_get_x (a), n * sizeof (double),
                   slope_dataset_get_x (b), n * sizeof (double));
  g_assert_cmpmem (slope_dataset_get_y (a), n * sizeof (double),
                   slope_dataset_get_y (b), n * sizeof (double));
}

static double
mse (SlopeDataset *dataset,
     double        w,
     double        b)
{
  const double *x = slope_dataset_get_x (dataset);
  const double *y = slope_dataset_get_y (dataset);
  gsize n = slope_dataset_get_n (dataset);
  double sum = 0.0;

  for (gsize i = 0; i < n; i++)
    sum += (w * x[i] + b - y[i]) * (w * x[i] + b - y[i]);
  return sum / (double) n;
}

/* add (4, 8), drag point 0 to (1, 5), remove point 1. */
static void
make_three_edits (SlopeWindow *window)
{
  g_signal_emit_by_name (window->data_view, "add-point", 4.0, 8.0);
  g_signal_emit_by_name (window->data_view, "move-begin", 0u);
  g_signal_emit_by_name (window->data_view, "move-point", 0u, 1.5, 2.5);
  g_signal_emit_by_name (window->data_view, "move-point", 0u, 1.0, 5.0);
  g_signal_emit_by_name (window->data_view, "move-end", 0u);
  g_signal_emit_by_name (window->data_view, "remove-point", 1u);
}

/* Edits while training: the epoch goes on, the next step's cost is the
 * new data's; three undos give the data back point for point. */
static void
test_edit_undo_redo (void)
{
  static const double edited_x[] = { 1.0, 3.0, 4.0 };
  static const double edited_y[] = { 5.0, 6.0, 8.0 };
  SlopeWindow *window = new_window ();
  g_autoptr(SlopeDataset) original = g_object_ref (window->dataset);
  g_autoptr(SlopeDataset) edited = NULL;
  double w, b;

  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 3);

  /* Outside edit mode the window ignores the view. */
  g_signal_emit_by_name (window->data_view, "add-point", 4.0, 8.0);
  g_assert_true (window->dataset == original);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-mode", NULL);
  g_assert_true (window->edit_mode);
  g_assert_true (slope_data_view_get_edit_mode (window->data_view));

  make_three_edits (window);
  assert_points (window->dataset, edited_x, edited_y, 3);
  g_assert_true (slope_data_view_get_dataset (window->data_view) == window->dataset);
  g_assert_cmpuint (slope_edit_stack_get_n_undo (window->edit_stack), ==, 3);
  g_assert_true (slope_edit_stack_is_modified (window->edit_stack));

  /* Training goes on from where it was, on the new points. */
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 3);
  w = window->snapshot.state.w;
  b = window->snapshot.state.b;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 4);
  g_assert_cmpfloat_with_epsilon (window->snapshot.state.cost, mse (window->dataset, w, b),
                                  1e-12 * mse (window->dataset, w, b));
  g_assert_cmpfloat (fabs (window->snapshot.state.cost - mse (original, w, b)), >, 1.0);

  edited = g_object_ref (window->dataset);
  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  assert_same_points (window->dataset, original);
  g_assert_false (slope_edit_stack_can_undo (window->edit_stack));
  g_assert_false (slope_edit_stack_is_modified (window->edit_stack));
  /* Nothing more to undo: no change. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  assert_same_points (window->dataset, original);
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 4);

  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  assert_same_points (window->dataset, edited);
  g_assert_false (slope_edit_stack_can_redo (window->edit_stack));
  g_assert_true (slope_data_view_get_dataset (window->data_view) == window->dataset);

  /* The runner trains on what is shown. */
  w = window->snapshot.state.w;
  b = window->snapshot.state.b;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 5);
  g_assert_cmpfloat_with_epsilon (window->snapshot.state.cost, mse (edited, w, b),
                                  1e-12 * mse (edited, w, b));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* However many moves a drag makes it is one undo step; a move outside a
 * drag is a step of its own; a new edit drops what could be redone. */
static void
test_drag_is_one_step (void)
{
  SlopeWindow *window = new_window ();
  g_autoptr(SlopeDataset) original = g_object_ref (window->dataset);

  set_edit_mode (window, TRUE);
  g_signal_emit_by_name (window->data_view, "move-begin", 2u);
  for (guint i = 0; i < 50; i++)
    g_signal_emit_by_name (window->data_view, "move-point", 2u, 3.0 + i * 0.1, 6.0 - i * 0.1);
  g_signal_emit_by_name (window->data_view, "move-end", 2u);
  g_assert_cmpuint (slope_edit_stack_get_n_undo (window->edit_stack), ==, 1);
  g_assert_cmpfloat (slope_dataset_get_x (window->dataset)[2], ==, 3.0 + 49 * 0.1);

  g_signal_emit_by_name (window->data_view, "move-point", 1u, 2.0, 0.0);
  g_signal_emit_by_name (window->data_view, "move-point", 1u, 2.0, 1.0);
  g_assert_cmpuint (slope_edit_stack_get_n_undo (window->edit_stack), ==, 3);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  assert_same_points (window->dataset, original);
  g_assert_true (slope_edit_stack_can_redo (window->edit_stack));

  g_signal_emit_by_name (window->data_view, "add-point", 0.5, 0.5);
  g_assert_false (slope_edit_stack_can_redo (window->edit_stack));
  g_assert_cmpuint (slope_dataset_get_n (window->dataset), ==, 4);
  /* The new point is the ringed one. */
  g_assert_cmpint (slope_data_view_get_plot (window->data_view)->highlight, ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkGesture *
drag_gesture_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (c))
        return GTK_GESTURE (c);
    }
  return NULL;
}

static void
on_move_end_count (SlopeDataView *view,
                   guint          index,
                   int           *ended)
{
  ended[index]++;
}

/* A drag through the view's own gesture, of the first point and of the
 * last: each drag ends (one "move-end" for its point, one undo step), so
 * a move after it is a step of its own. */
static void
test_drag_by_gesture (void)
{
  SlopeWindow *window = new_window ();
  GtkWidget *view = GTK_WIDGET (window->data_view);
  const SlopeDataPlot *plot = slope_data_view_get_plot (window->data_view);
  static const guint dragged[] = { 0, 2 };
  int ended[3] = { 0, 0, 0 };
  GtkGesture *drag;

  while (gtk_widget_get_width (view) <= 0)
    g_main_context_iteration (NULL, TRUE);
  set_edit_mode (window, TRUE);
  drag = drag_gesture_of (view);
  g_assert_nonnull (drag);
  g_signal_connect (view, "move-end", G_CALLBACK (on_move_end_count), ended);

  for (guint k = 0; k < G_N_ELEMENTS (dragged); k++)
    {
      guint i = dragged[k];
      SlopeArea area;
      double px, py;

      slope_data_plot_area (plot, gtk_widget_get_width (view), gtk_widget_get_height (view), &area);
      /* The lesson's points are (1, 2), (2, 4), (3, 6). */
      slope_data_plot_to_pixel (plot, &area, i + 1.0, 2.0 * (i + 1.0), &px, &py);
      g_signal_emit_by_name (drag, "drag-begin", px, py);
      g_signal_emit_by_name (drag, "drag-update", 0.0, -30.0);
      g_signal_emit_by_name (drag, "drag-end", 0.0, -30.0);
      g_assert_cmpint (ended[i], ==, 1);
      g_assert_cmpfloat (slope_dataset_get_x (window->dataset)[i], ==, i + 1.0);
      g_assert_cmpfloat (slope_dataset_get_y (window->dataset)[i], >, 2.0 * (i + 1.0));
      g_assert_cmpuint (slope_edit_stack_get_n_undo (window->edit_stack), ==, 2 * k + 1);

      /* The drag is over: a move now is an undo step of its own. */
      g_signal_emit_by_name (view, "move-point", 1u, 2.0, 4.5 + k);
      g_assert_cmpuint (slope_edit_stack_get_n_undo (window->edit_stack), ==, 2 * k + 2);
    }
  g_assert_cmpint (ended[1], ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Saved through the dialog's own code: reads back identical, and the
 * edits count as saved; a failed save changes nothing. */
static void
test_save (void)
{
  SlopeWindow *window = new_window ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("slope-edit-XXXXXX", &error);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autoptr(SlopeDataset) loaded = NULL;
  g_autoptr(SlopeDataset) before = NULL;
  g_autofree char *text = NULL;
  SlopeCsvOptions options = { SLOPE_CSV_DELIMITER_AUTO, NULL, NULL };

  g_assert_no_error (error);
  file = g_file_new_build_filename (dir, "points.csv", NULL);
  bad = g_file_new_build_filename (dir, "missing", "points.csv", NULL);

  set_edit_mode (window, TRUE);
  make_three_edits (window);
  /* A value that only 17 digits carry. */
  g_signal_emit_by_name (window->data_view, "add-point", 0.1 + 0.2, -1.0 / 3.0);
  before = g_object_ref (window->dataset);

  g_assert_false (slope_window_save_data_to (window, bad, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (window->dataset == before);
  g_assert_true (slope_edit_stack_is_modified (window->edit_stack));

  g_assert_true (slope_window_save_data_to (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (slope_edit_stack_is_modified (window->edit_stack));
  g_assert_true (slope_window_edit_confirm_close (window));

  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "x,y\n"));
  loaded = slope_csv_load (file, &options, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_points (loaded, window->dataset);

  /* Undo after saving: unsaved again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (slope_edit_stack_is_modified (window->edit_stack));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_false (slope_edit_stack_is_modified (window->edit_stack));

  g_file_delete (file, NULL, NULL);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

#if !GTK_CHECK_VERSION (4, 10, 0)
static GtkDialog *
find_question (SlopeWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkDialog *found = NULL;
  guint n_found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (toplevel)
          && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        {
          found = GTK_DIALOG (toplevel);
          n_found++;
        }
    }
  g_assert_cmpuint (n_found, <=, 1);
  return found;
}
#endif

/* No edits: close at once.  Unsaved edits: ask, and keep the window
 * until the answer; Discard then closes it. */
static void
test_confirm_close (void)
{
  SlopeWindow *window = new_window ();

  g_assert_true (slope_window_edit_confirm_close (window));

  set_edit_mode (window, TRUE);
  g_signal_emit_by_name (window->data_view, "add-point", 4.0, 8.0);
  g_assert_false (slope_window_edit_confirm_close (window));
  g_assert_true (window->edit_asking);
  /* Asking again does not stack a second question. */
  g_assert_false (slope_window_edit_confirm_close (window));

#if !GTK_CHECK_VERSION (4, 10, 0)
  {
    SlopeWindow *alive = window;

    g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &alive);

    /* The window's close button asks too, and stays open on Cancel. */
    gtk_dialog_response (find_question (window), GTK_RESPONSE_CANCEL);
    while (window->edit_asking)
      g_main_context_iteration (NULL, TRUE);
    g_assert_null (find_question (window));
    gtk_window_close (GTK_WINDOW (window));
    g_assert_nonnull (alive);
    g_assert_true (window->edit_asking);

    gtk_dialog_response (find_question (window), GTK_RESPONSE_REJECT);
    while (alive != NULL)
      g_main_context_iteration (NULL, TRUE);
    return;
  }
#else
  /* On Discard the window would close; here it is simply destroyed. */
  gtk_window_destroy (GTK_WINDOW (window));
#endif
}

/* Above the limit, edit mode is refused with a notice; new data clears
 * the undo steps and leaves edit mode if it is too large. */
static void
test_limits_and_new_data (void)
{
  SlopeWindow *window = new_window ();
  gsize n = SLOPE_WINDOW_EDIT_MAX_POINTS + 1;
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  g_autoptr(SlopeDataset) big = NULL;
  g_autoptr(SlopeDataset) small = slope_dataset_new_notebook ();

  for (gsize i = 0; i < n; i++)
    {
      x[i] = (double) i;
      y[i] = 2.0 * (double) i;
    }
  big = slope_dataset_new (x, y, n, "big.csv");

  set_edit_mode (window, TRUE);
  g_signal_emit_by_name (window->data_view, "add-point", 4.0, 8.0);
  g_assert_true (slope_edit_stack_can_undo (window->edit_stack));

  slope_window_set_dataset (window, big);
  g_assert_false (slope_edit_stack_can_undo (window->edit_stack));
  g_assert_false (slope_edit_stack_is_modified (window->edit_stack));
  g_assert_false (window->edit_mode);

  set_edit_mode (window, TRUE);
  g_assert_false (window->edit_mode);
  g_assert_true (gtk_revealer_get_reveal_child (window->notice_revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (window->notice_label), "100000"));

  slope_window_set_dataset (window, small);
  set_edit_mode (window, TRUE);
  g_assert_true (window->edit_mode);

  gtk_window_destroy (GTK_WINDOW (window));
}

static const char *
subtitle (SlopeWindow *window)
{
  return adw_window_title_get_subtitle (window->window_title);
}

/* The subtitle speaks of the data shown now: after each edit, undo, save,
 * load and change of scaling. */
static void
test_subtitle (void)
{
  SlopeWindow *window = new_window ();
  g_autoptr(SlopeDataset) big = NULL;
  g_autofree char *dir = g_dir_make_tmp ("slope-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "points.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  static const double x[] = { 500.0, 1000.0, 2000.0, 3000.0, 2500.0 };
  static const double y[] = { 1e5, 2e5, 3.5e5, 6e5, 4.5e5 };

  g_assert_cmpstr (subtitle (window), ==, "The lesson’s data: x = 1, 2, 3 and y = 2, 4, 6");

  set_edit_mode (window, TRUE);
  g_signal_emit_by_name (window->data_view, "add-point", 4.0, 8.0);
  g_assert_cmpstr (subtitle (window), ==, "The lesson’s data, edited · 4 points");
  g_signal_emit_by_name (window->data_view, "remove-point", 0u);
  g_signal_emit_by_name (window->data_view, "remove-point", 0u);
  g_signal_emit_by_name (window->data_view, "remove-point", 0u);
  g_assert_cmpstr (subtitle (window), ==, "The lesson’s data, edited · 1 point");
  g_signal_emit_by_name (window->data_view, "move-point", 0u, 5.0, 9.0);
  g_assert_cmpstr (subtitle (window), ==, "The lesson’s data, edited · 1 point");
  for (guint i = 0; i < 5; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (subtitle (window), ==, "The lesson’s data: x = 1, 2, 3 and y = 2, 4, 6");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpstr (subtitle (window), ==, "The lesson’s data, edited · 4 points");

  /* Saved: still four points, no longer unsaved edits. */
  g_assert_true (slope_window_save_data_to (window, file, NULL));
  g_assert_cmpstr (subtitle (window), ==, "The lesson’s data · 4 points");
  set_edit_mode (window, FALSE);

  big = slope_dataset_new (x, y, G_N_ELEMENTS (x), "houses.csv");
  slope_window_set_dataset (window, big);
  g_assert_cmpstr (subtitle (window), ==, "houses.csv · 5 points");
  slope_window_set_scale_mode (window, SLOPE_SCALE_STANDARDIZE);
  g_assert_cmpstr (subtitle (window), ==, "houses.csv · 5 points · standardised");
  slope_window_set_scale_mode (window, SLOPE_SCALE_CENTER);
  g_assert_cmpstr (subtitle (window), ==, "houses.csv · 5 points · centred");
  slope_window_set_scale_mode (window, SLOPE_SCALE_NONE);
  g_assert_cmpstr (subtitle (window), ==, "houses.csv · 5 points");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* What a click at a pixel would take hold of. */
static void
test_pick (void)
{
  SlopeWindow *window = new_window ();
  SlopeDataView *view = window->data_view;
  const SlopeDataPlot *plot = slope_data_view_get_plot (view);
  SlopeArea area;
  double px, py, qx, qy;

  while (gtk_widget_get_width (GTK_WIDGET (view)) <= 0)
    g_main_context_iteration (NULL, TRUE);

  slope_data_plot_area (plot, gtk_widget_get_width (GTK_WIDGET (view)),
                        gtk_widget_get_height (GTK_WIDGET (view)), &area);
  for (guint i = 0; i < 3; i++)
    {
      slope_data_plot_to_pixel (plot, &area, slope_dataset_get_x (window->dataset)[i],
                                slope_dataset_get_y (window->dataset)[i], &px, &py);
      g_assert_cmpint (slope_data_view_pick (view, px, py), ==, i);
      g_assert_cmpint (slope_data_view_pick (view, px + 4.0, py - 4.0), ==, i);
      g_assert_cmpint (slope_data_view_pick (view, px + 40.0, py + 40.0), ==, -1);
    }

  /* Empty space at the middle of (1, 2) and (2, 4), off the points. */
  slope_data_plot_to_pixel (plot, &area, 1.5, 3.0, &px, &py);
  g_assert_cmpint (slope_data_view_pick (view, px, py), ==, -1);

  /* A click there would add a point at about (1.5, 3), to the pixel,
   * with no more digits than a pixel carries; not on the axes. */
  g_assert_true (slope_data_view_to_data (view, px, py, &qx, &qy));
  g_assert_cmpfloat (fabs (qx - 1.5), <, 2.0 / area.width * 2.0);
  g_assert_cmpfloat (fabs (qy - 3.0), <, 2.0 / area.height * 4.0);
  g_assert_cmpfloat (fabs (qx * 1000.0 - round (qx * 1000.0)), <, 1e-9);
  g_assert_false (slope_data_view_to_data (view, area.left - 5.0, py, &qx, &qy));
  g_assert_false (slope_data_view_to_data (view, px, area.top + area.height + 5.0, &qx, &qy));

  /* After an edit the moved point is found where it went. */
  set_edit_mode (window, TRUE);
  g_signal_emit_by_name (view, "move-point", 0u, 1.5, 3.0);
  g_assert_cmpint (slope_data_view_pick (view, px, py), ==, 0);
  slope_data_plot_to_pixel (plot, &area, 1.0, 2.0, &qx, &qy);
  g_assert_cmpint (slope_data_view_pick (view, qx, qy), ==, -1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  slope_test_init (&argc, &argv);
  slope_test_gtk_init_or_skip ();

  g_test_add_func ("/edit/undo-redo", test_edit_undo_redo);
  g_test_add_func ("/edit/drag-is-one-step", test_drag_is_one_step);
  g_test_add_func ("/edit/drag-by-gesture", test_drag_by_gesture);
  g_test_add_func ("/edit/save", test_save);
  g_test_add_func ("/edit/confirm-close", test_confirm_close);
  g_test_add_func ("/edit/limits-and-new-data", test_limits_and_new_data);
  g_test_add_func ("/edit/pick", test_pick);
  g_test_add_func ("/edit/subtitle", test_subtitle);

  return g_test_run ();
}
