/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-keys.c: the keyboard, pressed as a person presses it.
 *
 * Every key here goes through the X server (slope-test-keys.c) into the
 * window that has the input focus, and from there through GTK's whole
 * chain: the application's accelerators, the capture phase, the focused
 * widget, the bubble phase.  So each test says what a key does with a
 * given kind of control focused, not what a handler does when called.
 * One test clicks the mouse the same way (the landscape's click).
 * Runs under Xvfb, alone (is_parallel: false), since the input focus is
 * the X server's.
 */
#include "config.h"

#include "slope-test-ui.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "slope-application.h"
#include "slope-test-keys.h"
#include "slope-window-private.h"

static SlopeApplication *app;

static SlopeWindow *
new_window (void)
{
  SlopeWindow *window = slope_window_new (app, NULL);
  GtkWidget *data_view;

  slope_test_keys_focus_window (GTK_WINDOW (window));
  /* The window can be active before its first full-size layout: until
   * then the data plot is a sliver, and pixels measured in it mean
   * nothing (a point moved 5 pixels measured 0.006 in a 1-pixel area). */
  data_view = GTK_WIDGET (window->data_view);
  while (gtk_widget_get_width (data_view) < 200 || gtk_widget_get_height (data_view) < 150)
    g_main_context_iteration (NULL, TRUE);
  return window;
}

static void
settle (SlopeWindow *window)
{
  slope_runner_sync (window->runner);
  slope_window_refresh (window);
}

static void
press (SlopeWindow     *window,
       guint            keyval,
       GdkModifierType  state)
{
  slope_test_keys_press (GTK_WINDOW (window), keyval, state);
}

/* The key went to @widget (or a child of it, as an entry's text). */
static void
focus (SlopeWindow *window,
       gpointer     widget)
{
  gtk_widget_grab_focus (GTK_WIDGET (widget));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (widget))
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                            GTK_WIDGET (widget)));
}

static gboolean
focus_within (SlopeWindow *window,
              gpointer     widget)
{
  GtkWidget *f = gtk_root_get_focus (GTK_ROOT (window));

  return f != NULL && (f == widget || gtk_widget_is_ancestor (f, GTK_WIDGET (widget)));
}

static void
reset_settings (SlopeWindow *window)
{
  const char *keys[] = { "learning-rate", "speed", "epochs-per-run", "zero-grad",
                         "show-residuals", "show-math-panel", "initial-w", "initial-b" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (window->settings, keys[i]);
}

/* The learning-rate slider keeps its arrows: → moves the slider, not
 * training; Space, which a slider has no use for, still plays. */
static void
test_slider_focused (void)
{
  SlopeWindow *window = new_window ();
  double before = gtk_adjustment_get_value (window->lr_adjustment);
  double moved;

  focus (window, window->lr_scale);
  press (window, GDK_KEY_Right, 0);
  settle (window);
  moved = gtk_adjustment_get_value (window->lr_adjustment);
  g_assert_cmpfloat (moved, >, before);
  g_assert_cmpfloat (window->snapshot.state.lr, >, 0.01);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 0);
  press (window, GDK_KEY_Left, 0);
  settle (window);
  g_assert_cmpfloat (gtk_adjustment_get_value (window->lr_adjustment), <, moved);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 0);

  press (window, GDK_KEY_space, 0);
  settle (window);
  g_assert_true (window->snapshot.playing);
  press (window, GDK_KEY_space, 0);
  slope_runner_wait_paused (window->runner);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->lr_scale)));

  reset_settings (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Space toggles the focused check box or switch, never training; the
 * arrows leave training alone too. */
static void
test_toggles_focused (void)
{
  SlopeWindow *window = new_window ();
  gboolean residuals = gtk_check_button_get_active (window->residuals_check);
  gboolean zero_grad = gtk_switch_get_active (window->zero_grad_switch);

  focus (window, window->residuals_check);
  press (window, GDK_KEY_space, 0);
  settle (window);
  g_assert_true (gtk_check_button_get_active (window->residuals_check) == !residuals);
  g_assert_false (window->snapshot.playing);
  g_assert_true (slope_data_view_get_plot (window->data_view)->show_residuals == !residuals);
  press (window, GDK_KEY_space, 0);
  g_assert_true (gtk_check_button_get_active (window->residuals_check) == residuals);

  focus (window, window->zero_grad_switch);
  press (window, GDK_KEY_space, 0);
  settle (window);
  g_assert_true (gtk_switch_get_active (window->zero_grad_switch) == !zero_grad);
  g_assert_false (window->snapshot.playing);
  press (window, GDK_KEY_Return, 0);
  settle (window);
  g_assert_true (gtk_switch_get_active (window->zero_grad_switch) == zero_grad);
  g_assert_false (window->snapshot.playing);

  press (window, GDK_KEY_Right, 0);
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 0);

  reset_settings (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A focused button takes Space and Enter for itself (the play button
 * plays because that is what it does) and arrows move the focus. */
static void
test_button_focused (void)
{
  SlopeWindow *window = new_window ();

  focus (window, window->play_button);
  press (window, GDK_KEY_Return, 0);
  settle (window);
  g_assert_true (window->snapshot.playing);
  press (window, GDK_KEY_space, 0);
  slope_runner_wait_paused (window->runner);
  settle (window);
  g_assert_false (window->snapshot.playing);

  press (window, GDK_KEY_r, 0);
  focus (window, window->play_button);
  press (window, GDK_KEY_Right, 0);
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 0);
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (window->play_button)));

  /* Single letters mean nothing to a button: they act. */
  focus (window, window->play_button);
  press (window, GDK_KEY_s, 0);
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 1);

  reset_settings (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The entry keeps every key for typing; Enter uses the rate and Escape
 * drops the typing, and both hand the keys back to the plots. */
static void
test_entry_focused (void)
{
  SlopeWindow *window = new_window ();
  GtkEditable *entry = GTK_EDITABLE (window->lr_entry);

  focus (window, window->lr_entry);
  gtk_editable_set_text (entry, "0.0");
  gtk_editable_set_position (entry, -1);
  press (window, GDK_KEY_5, 0);
  press (window, GDK_KEY_space, 0);
  press (window, GDK_KEY_s, 0);
  press (window, GDK_KEY_r, 0);
  press (window, GDK_KEY_BackSpace, 0);
  press (window, GDK_KEY_BackSpace, 0);
  press (window, GDK_KEY_BackSpace, 0);
  press (window, GDK_KEY_Left, 0);
  press (window, GDK_KEY_Right, 0);
  settle (window);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "0.05");
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 0);
  g_assert_false (window->snapshot.playing);

  press (window, GDK_KEY_Return, 0);
  settle (window);
  g_assert_cmpfloat (window->snapshot.state.lr, ==, 0.05);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->data_view)));
  /* The keys are the plots' again. */
  press (window, GDK_KEY_s, 0);
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 1);

  /* A bad rate keeps the focus, to be corrected. */
  focus (window, window->lr_entry);
  gtk_editable_set_text (entry, "abc");
  press (window, GDK_KEY_Return, 0);
  g_assert_true (focus_within (window, window->lr_entry));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window->lr_entry), "error"));

  /* Escape: the rate in use comes back, and nothing else happens. */
  g_object_set (window, "presentation", TRUE, NULL);
  press (window, GDK_KEY_Escape, 0);
  settle (window);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "0.05");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window->lr_entry), "error"));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->data_view)));
  g_assert_true (window->presentation);
  g_assert_cmpfloat (window->snapshot.state.lr, ==, 0.05);
  press (window, GDK_KEY_Escape, 0);
  g_assert_false (window->presentation);

  reset_settings (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A click on the landscape starts there: the W under the pointer becomes
 * W₀ and the b under it b₀, to within two pixels of the map. */
static void
test_landscape_click (void)
{
  SlopeWindow *window = new_window ();
  GtkWidget *view = GTK_WIDGET (window->landscape_view);
  const SlopeLandscapePlot *plot = slope_landscape_widget_get_plot (window->landscape_view);
  SlopeArea area;
  double w, b, px, py, dw, db;

  reset_settings (window);
  while (gtk_widget_get_width (view) < 100 || gtk_widget_get_height (view) < 100)
    g_main_context_iteration (NULL, TRUE);
  /* The window fits its panel over its first frames: the map is where
   * it stays once three frames have left its size alone. */
  for (int quiet = 0, width = -1, height = -1; quiet < 3;)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (view);
      gint64 frame = gdk_frame_clock_get_frame_counter (clock);

      while (gdk_frame_clock_get_frame_counter (clock) == frame)
        g_main_context_iteration (NULL, TRUE);
      quiet = gtk_widget_get_width (view) == width && gtk_widget_get_height (view) == height
              ? quiet + 1 : 0;
      width = gtk_widget_get_width (view);
      height = gtk_widget_get_height (view);
    }
  slope_landscape_plot_area (plot, gtk_widget_get_width (view), gtk_widget_get_height (view),
                             &area);
  /* A quarter across and three quarters up the map: W and b far apart. */
  w = plot->view.w_min + 0.25 * (plot->view.w_max - plot->view.w_min);
  b = plot->view.b_min + 0.75 * (plot->view.b_max - plot->view.b_min);
  dw = 2.0 * (plot->view.w_max - plot->view.w_min) / area.width;
  db = 2.0 * (plot->view.b_max - plot->view.b_min) / area.height;
  g_assert_cmpfloat (fabs (w - b), >, 10.0 * MAX (dw, db));
  slope_landscape_plot_to_pixel (plot, &area, w, b, &px, &py);

  slope_test_keys_click (GTK_WINDOW (window), view, px, py, GDK_BUTTON_PRIMARY);
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 0);
  g_assert_cmpfloat (fabs (window->snapshot.state.w - w), <, dw);
  g_assert_cmpfloat (fabs (window->snapshot.state.b - b), <, db);

  reset_settings (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The plots have the keys from the start: Space, →, S, R, L. */
static void
test_plot_focused (void)
{
  SlopeWindow *window = new_window ();

  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->data_view)));
  press (window, GDK_KEY_Right, 0);
  press (window, GDK_KEY_s, 0);
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 2);
  press (window, GDK_KEY_r, 0);
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 0);

  press (window, GDK_KEY_space, 0);
  settle (window);
  g_assert_true (window->snapshot.playing);
  press (window, GDK_KEY_space, 0);
  slope_runner_wait_paused (window->runner);
  press (window, GDK_KEY_r, 0);
  settle (window);

  press (window, GDK_KEY_l, 0);
  settle (window);
  g_assert_true (window->show_explain);
  g_assert_cmpint (window->snapshot.state.line, ==, SLOPE_LINE_PREDICT);

  focus (window, window->landscape_view);
  press (window, GDK_KEY_Right, 0);
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 1);

  /* The landscape's own keys: + and = zoom in, − out, Home fits. */
  {
    const SlopeLandscapePlot *plot = slope_landscape_widget_get_plot (window->landscape_view);
    double span = plot->view.w_max - plot->view.w_min;

    press (window, GDK_KEY_plus, 0);
    g_assert_cmpfloat (plot->view.w_max - plot->view.w_min, <, span);
    press (window, GDK_KEY_minus, 0);
    press (window, GDK_KEY_minus, 0);
    g_assert_cmpfloat (plot->view.w_max - plot->view.w_min, >, span);
    press (window, GDK_KEY_equal, 0);
    press (window, GDK_KEY_Home, 0);
    g_assert_cmpfloat (fabs (plot->view.w_max - plot->view.w_min - span), <, 1e-9 * span);
  }

  reset_settings (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* On the focused cost plot: ← and → by an epoch, Page Down and Up by a
 * hundred, Home and End; at the newest epoch → steps training. */
static void
on_epoch_picked (SlopeCostView *view,
                 guint64        epoch,
                 guint64       *picked)
{
  *picked = epoch;
}

static void
test_rewind_keys (void)
{
  SlopeWindow *window = new_window ();
  guint64 picked = 0;

  gtk_adjustment_set_value (window->speed_adjustment, 5.0);
  gtk_spin_button_set_value (window->epochs_spin, 300);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  slope_runner_wait_paused (window->runner);
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 300);

  focus (window, window->cost_view);
  press (window, GDK_KEY_Left, 0);
  g_assert_true (slope_window_is_rewinding (window));
  g_assert_cmpuint (window->shown.epoch, ==, 299);
  g_assert_cmpstr (gtk_inscription_get_text (window->readout_values[READOUT_EPOCH]), ==, "299 / 300");
  press (window, GDK_KEY_Page_Down, 0);
  g_assert_cmpuint (window->shown.epoch, ==, 199);
  press (window, GDK_KEY_Page_Down, 0);
  press (window, GDK_KEY_Page_Down, 0);
  g_assert_cmpuint (window->shown.epoch, ==, 1);
  press (window, GDK_KEY_Right, 0);
  g_assert_cmpuint (window->shown.epoch, ==, 2);
  press (window, GDK_KEY_Page_Up, 0);
  g_assert_cmpuint (window->shown.epoch, ==, 102);
  press (window, GDK_KEY_End, 0);
  g_assert_false (slope_window_is_rewinding (window));
  g_assert_cmpuint (window->shown.epoch, ==, 300);
  /* Page Up a hundred short of the end stops at the newest epoch, 300:
   * the view names no epoch past it. */
  g_signal_connect (window->cost_view, "epoch-picked", G_CALLBACK (on_epoch_picked), &picked);
  press (window, GDK_KEY_Left, 0);
  g_assert_cmpuint (picked, ==, 299);
  press (window, GDK_KEY_Page_Up, 0);
  g_assert_cmpuint (picked, ==, 300);
  g_assert_false (slope_window_is_rewinding (window));
  press (window, GDK_KEY_Home, 0);
  g_assert_true (slope_window_is_rewinding (window));
  g_assert_cmpuint (window->shown.epoch, ==, 1);
  /* Escape is the way back, too. */
  press (window, GDK_KEY_Escape, 0);
  g_assert_false (slope_window_is_rewinding (window));

  /* At the newest epoch there is nothing later to show: → steps. */
  press (window, GDK_KEY_Right, 0);
  settle (window);
  g_assert_false (slope_window_is_rewinding (window));
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 301);
  g_assert_cmpuint (window->shown.epoch, ==, 301);

  reset_settings (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
assert_point (SlopeDataset *dataset,
              guint         i,
              double        x,
              double        y)
{
  g_assert_cmpfloat (slope_dataset_get_x (dataset)[i], ==, x);
  g_assert_cmpfloat (slope_dataset_get_y (dataset)[i], ==, y);
}

/* Where point @i of the window's data is drawn, in pixels. */
static void
point_pixel (SlopeWindow *window,
             guint        i,
             double      *px,
             double      *py)
{
  const SlopeDataPlot *plot = slope_data_view_get_plot (window->data_view);
  SlopeArea area;

  slope_data_plot_area (plot, gtk_widget_get_width (GTK_WIDGET (window->data_view)),
                        gtk_widget_get_height (GTK_WIDGET (window->data_view)), &area);
  slope_data_plot_to_pixel (plot, &area, slope_dataset_get_x (window->dataset)[i],
                            slope_dataset_get_y (window->dataset)[i], px, py);
}

/* The same, through the view and plot area as they were when @before was
 * copied: an edit may refit the view, and the pixels a key moved a point
 * are those of the view the key acted in. */
static void
point_pixel_before (SlopeWindow         *window,
                    const SlopeDataPlot *before,
                    const SlopeArea     *area,
                    guint                i,
                    double              *px,
                    double              *py)
{
  slope_data_plot_to_pixel (before, area, slope_dataset_get_x (window->dataset)[i],
                            slope_dataset_get_y (window->dataset)[i], px, py);
}

/* Edit mode by keys alone: ring a point, move it, add one, remove it,
 * undo all of it; each key press is one step of undo. */
static void
test_edit_points_by_keys (void)
{
  SlopeWindow *window = new_window ();
  double px0, py0, px, py, x_right, y_up;
  SlopeDataPlot before;
  SlopeArea before_area;

  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->data_view)));
  /* Outside edit mode the editing keys do nothing to the data. */
  press (window, GDK_KEY_Page_Down, 0);
  press (window, GDK_KEY_Insert, 0);
  press (window, GDK_KEY_Delete, 0);
  g_assert_cmpuint (slope_dataset_get_n (window->dataset), ==, 3);
  g_assert_cmpint (slope_data_view_get_plot (window->data_view)->highlight, ==, -1);

  press (window, GDK_KEY_e, 0);
  g_assert_true (window->edit_mode);

  /* Page Down rings the points left to right; Page Up goes back. */
  press (window, GDK_KEY_Page_Down, 0);
  g_assert_cmpint (slope_data_view_get_plot (window->data_view)->highlight, ==, 0);
  press (window, GDK_KEY_Page_Down, 0);
  g_assert_cmpint (slope_data_view_get_plot (window->data_view)->highlight, ==, 1);
  press (window, GDK_KEY_Page_Down, 0);
  press (window, GDK_KEY_Page_Down, 0);
  g_assert_cmpint (slope_data_view_get_plot (window->data_view)->highlight, ==, 2);
  press (window, GDK_KEY_Page_Up, 0);
  g_assert_cmpint (slope_data_view_get_plot (window->data_view)->highlight, ==, 1);

  /* → moves (2, 4) right by five pixels, rounded to the pixel's digits;
   * ↑ moves it up, Shift+↓ down by one pixel. */
  before = *slope_data_view_get_plot (window->data_view);
  slope_data_plot_area (&before, gtk_widget_get_width (GTK_WIDGET (window->data_view)),
                        gtk_widget_get_height (GTK_WIDGET (window->data_view)), &before_area);
  point_pixel_before (window, &before, &before_area, 1, &px0, &py0);
  press (window, GDK_KEY_Right, 0);
  x_right = slope_dataset_get_x (window->dataset)[1];
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 0);
  point_pixel_before (window, &before, &before_area, 1, &px, &py);
  g_assert_cmpfloat_with_epsilon (px - px0, 5.0, 1.0);
  g_assert_cmpfloat (slope_dataset_get_y (window->dataset)[1], ==, 4.0);
  g_assert_cmpfloat (slope_dataset_get_x (window->dataset)[1], >, 2.0);
  before = *slope_data_view_get_plot (window->data_view);
  slope_data_plot_area (&before, gtk_widget_get_width (GTK_WIDGET (window->data_view)),
                        gtk_widget_get_height (GTK_WIDGET (window->data_view)), &before_area);
  point_pixel_before (window, &before, &before_area, 1, &px0, &py0);
  press (window, GDK_KEY_Up, 0);
  point_pixel_before (window, &before, &before_area, 1, &px, &py);
  g_assert_cmpfloat_with_epsilon (py - py0, -5.0, 1.0);
  y_up = slope_dataset_get_y (window->dataset)[1];
  before = *slope_data_view_get_plot (window->data_view);
  slope_data_plot_area (&before, gtk_widget_get_width (GTK_WIDGET (window->data_view)),
                        gtk_widget_get_height (GTK_WIDGET (window->data_view)), &before_area);
  point_pixel_before (window, &before, &before_area, 1, &px0, &py0);
  press (window, GDK_KEY_Down, GDK_SHIFT_MASK);
  point_pixel_before (window, &before, &before_area, 1, &px, &py);
  g_assert_cmpfloat_with_epsilon (py - py0, 1.0, 1.0);
  assert_point (window->dataset, 0, 1.0, 2.0);
  assert_point (window->dataset, 2, 3.0, 6.0);

  /* Insert adds a point under the pointer, ringed; with the pointer
   * away from the plot, A adds one in the middle of the axes. */
  {
    const SlopeDataPlot *plot = slope_data_view_get_plot (window->data_view);
    SlopeArea area;

    slope_data_plot_area (plot, gtk_widget_get_width (GTK_WIDGET (window->data_view)),
                          gtk_widget_get_height (GTK_WIDGET (window->data_view)), &area);
    slope_test_keys_move_pointer (GTK_WINDOW (window), GTK_WIDGET (window->data_view),
                                  area.left + 40, area.top + 30);
    press (window, GDK_KEY_Insert, 0);
    g_assert_cmpuint (slope_dataset_get_n (window->dataset), ==, 4);
    g_assert_cmpint (plot->highlight, ==, 3);
    point_pixel (window, 3, &px, &py);
    g_assert_cmpfloat (fabs (px - (area.left + 40)), <, 1.0);
    g_assert_cmpfloat (fabs (py - (area.top + 30)), <, 1.0);

    slope_test_keys_move_pointer (GTK_WINDOW (window), NULL, 0, 0);
    press (window, GDK_KEY_a, 0);
    g_assert_cmpuint (slope_dataset_get_n (window->dataset), ==, 5);
    g_assert_cmpint (plot->highlight, ==, 4);
    point_pixel (window, 4, &px, &py);
    g_assert_cmpfloat (fabs (px - (area.left + area.width / 2)), <, 1.0);
    g_assert_cmpfloat (fabs (py - (area.top + area.height / 2)), <, 1.0);
  }
  press (window, GDK_KEY_Delete, 0);
  g_assert_cmpuint (slope_dataset_get_n (window->dataset), ==, 4);
  press (window, GDK_KEY_BackSpace, 0);
  g_assert_cmpuint (slope_dataset_get_n (window->dataset), ==, 4);
  /* The leftmost point now is the one added near the left edge. */
  press (window, GDK_KEY_Page_Down, 0);
  g_assert_cmpint (slope_data_view_get_plot (window->data_view)->highlight, ==, 3);
  press (window, GDK_KEY_BackSpace, 0);
  g_assert_cmpuint (slope_dataset_get_n (window->dataset), ==, 3);

  /* Seven edits: remove, remove, add, add, ↓, ↑, →. */
  for (guint i = 0; i < 4; i++)
    press (window, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (slope_dataset_get_n (window->dataset), ==, 3);
  assert_point (window->dataset, 0, 1.0, 2.0);
  g_assert_cmpfloat (slope_dataset_get_y (window->dataset)[1], >, 4.0);
  /* Each arrow press was a step of its own. */
  press (window, GDK_KEY_z, GDK_CONTROL_MASK);
  assert_point (window->dataset, 1, x_right, y_up);
  press (window, GDK_KEY_z, GDK_CONTROL_MASK);
  assert_point (window->dataset, 1, x_right, 4.0);
  press (window, GDK_KEY_z, GDK_CONTROL_MASK);
  assert_point (window->dataset, 0, 1.0, 2.0);
  assert_point (window->dataset, 1, 2.0, 4.0);
  assert_point (window->dataset, 2, 3.0, 6.0);
  g_assert_false (slope_edit_stack_can_undo (window->edit_stack));
  press (window, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpfloat (slope_dataset_get_x (window->dataset)[1], >, 2.0);

  press (window, GDK_KEY_e, 0);
  g_assert_false (window->edit_mode);
  /* Out of edit mode the arrows are training's again. */
  press (window, GDK_KEY_Right, 0);
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 1);

  window->edit_discarded = TRUE;
  reset_settings (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
help_overlay_shown (gpointer window)
{
  GtkWidget *overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (window));

  return overlay != NULL && gtk_widget_get_visible (overlay);
}

/* Function keys and accelerators act wherever the focus is, the entry
 * included; Ctrl+Z there is the entry's own undo. */
static void
test_accelerators (void)
{
  SlopeWindow *window = new_window ();
  GtkWindow *overlay;

  focus (window, window->lr_entry);
  press (window, GDK_KEY_F9, 0);
  g_assert_true (window->show_explain);
  press (window, GDK_KEY_F9, 0);
  g_assert_false (window->show_explain);
  press (window, GDK_KEY_F11, 0);
  g_assert_true (window->presentation);
  press (window, GDK_KEY_F11, 0);
  g_assert_false (window->presentation);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-mode", NULL);
  g_signal_emit_by_name (window->data_view, "add-point", 0.5, 0.5);
  g_assert_cmpuint (slope_dataset_get_n (window->dataset), ==, 4);
  press (window, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (slope_dataset_get_n (window->dataset), ==, 4);
  focus (window, window->data_view);
  press (window, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (slope_dataset_get_n (window->dataset), ==, 3);

  g_assert_false (help_overlay_shown (window));
  slope_test_keys_press_until (GTK_WINDOW (window), GDK_KEY_question, GDK_CONTROL_MASK,
                               help_overlay_shown, window);
  overlay = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  gtk_window_close (overlay);

  reset_settings (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkWindow *except[2];
  GtkWindow *found;
} NewToplevel;

/* A toplevel that was not there before (a file chooser). */
static gboolean
new_toplevel_shown (gpointer data)
{
  NewToplevel *nt = data;
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != nt->except[0] && l->data != nt->except[1]
        && gtk_widget_get_visible (l->data))
      {
        nt->found = l->data;
        return TRUE;
      }
  return FALSE;
}

static gboolean
window_gone (gpointer data)
{
  return *(GtkWindow **) data == NULL;
}

static gboolean
window_hidden (gpointer data)
{
  GtkWindow **window = data;

  return *window == NULL || !gtk_widget_get_visible (GTK_WIDGET (*window));
}

/* Escape, as a person leaves a file chooser: cancelled, no message. */
static void
cancel_chooser (SlopeWindow *window,
                GtkWindow   *chooser)
{
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  slope_test_keys_focus_window (chooser);
  slope_test_keys_press_until (chooser, GDK_KEY_Escape, 0, window_hidden, &chooser);
  if (chooser != NULL)
    g_object_remove_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  slope_test_keys_focus_window (GTK_WINDOW (window));
}

/* Ctrl+O and Ctrl+Shift+S open their file choosers; Ctrl+Q closes. */
static void
test_file_accelerators (void)
{
  SlopeWindow *window = new_window ();
  GtkWindow *weak = GTK_WINDOW (window);
  NewToplevel nt = { { GTK_WINDOW (window), NULL }, NULL };
  const char *title;

  g_assert_false (new_toplevel_shown (&nt));
  slope_test_keys_press_until (GTK_WINDOW (window), GDK_KEY_s,
                               GDK_CONTROL_MASK | GDK_SHIFT_MASK, new_toplevel_shown, &nt);
  g_assert_cmpstr (gtk_window_get_title (nt.found), ==, "Save Data As");
  cancel_chooser (window, nt.found);
  nt.found = NULL;

  slope_test_keys_press_until (GTK_WINDOW (window), GDK_KEY_o, GDK_CONTROL_MASK,
                               new_toplevel_shown, &nt);
  title = gtk_window_get_title (nt.found);
  g_assert_cmpstr (title, ==, "Open Data");
  cancel_chooser (window, nt.found);
  /* Cancelled: no message about it. */
  nt.found = NULL;
  g_assert_false (new_toplevel_shown (&nt));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  reset_settings (window);
  slope_test_keys_press_until (GTK_WINDOW (window), GDK_KEY_q, GDK_CONTROL_MASK,
                               window_gone, &weak);
}

/* The accumulation lab: → runs z.backward() once, Space the cell. */
static void
test_lab_keys (void)
{
  SlopeWindow *window = new_window ();
  GtkWindow *labs;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-lab", "s", "accumulation");
  labs = window->labs_window;
  slope_test_keys_focus_window (labs);
  slope_test_keys_press (labs, GDK_KEY_Right, 0);
  g_assert_cmpuint (slope_accumulation_lab_get_n_lines (window->accumulation_lab), ==, 1);
  slope_test_keys_press (labs, GDK_KEY_Right, 0);
  g_assert_cmpuint (slope_accumulation_lab_get_n_lines (window->accumulation_lab), ==, 2);
  /* The focus starts on z.backward(): Space presses that button. */
  slope_test_keys_press (labs, GDK_KEY_space, 0);
  g_assert_cmpuint (slope_accumulation_lab_get_n_lines (window->accumulation_lab), ==, 3);

  /* With no button focused (one would take Space for itself), Space
   * plays the whole cell: a new w, twenty backward passes. */
  gtk_window_set_focus (labs, NULL);
  slope_test_keys_press (labs, GDK_KEY_space, 0);
  g_assert_cmpuint (slope_accumulation_lab_get_n_lines (window->accumulation_lab), ==,
                    SLOPE_ACCUMULATION_LAB_EPOCHS);
  /* The main window's training was not touched. */
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A key as "<Control>z", its keypad twin as the main key. */
static char *
key_name (guint           keyval,
          GdkModifierType modifiers)
{
  static const guint keypad[][2] = {
    { GDK_KEY_KP_Left, GDK_KEY_Left }, { GDK_KEY_KP_Right, GDK_KEY_Right },
    { GDK_KEY_KP_Up, GDK_KEY_Up }, { GDK_KEY_KP_Down, GDK_KEY_Down },
    { GDK_KEY_KP_Page_Up, GDK_KEY_Page_Up }, { GDK_KEY_KP_Page_Down, GDK_KEY_Page_Down },
    { GDK_KEY_KP_Home, GDK_KEY_Home }, { GDK_KEY_KP_End, GDK_KEY_End },
    { GDK_KEY_KP_Insert, GDK_KEY_Insert }, { GDK_KEY_KP_Delete, GDK_KEY_Delete },
    { GDK_KEY_KP_Add, GDK_KEY_plus }, { GDK_KEY_KP_Subtract, GDK_KEY_minus },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keypad); i++)
    if (keyval == keypad[i][0])
      keyval = keypad[i][1];
  return gtk_accelerator_name (gdk_keyval_to_lower (keyval), modifiers);
}

static void
add_accelerators (GHashTable *set,
                  const char *accelerators)
{
  g_auto(GStrv) tokens = g_strsplit (accelerators, " ", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      static const guint arrows[] = { GDK_KEY_Left, GDK_KEY_Right, GDK_KEY_Up, GDK_KEY_Down };
      g_auto(GStrv) range = NULL;
      guint keyval, last;
      GdkModifierType modifiers, last_modifiers;

      if (*tokens[i] == '\0')
        continue;
      /* A range, drawn "← ⋯ ↓": only the arrow keys are written so. */
      range = g_strsplit (tokens[i], "...", 2);
      g_assert_true (gtk_accelerator_parse (range[0], &keyval, &modifiers));
      if (range[1] == NULL)
        {
          g_hash_table_add (set, key_name (keyval, modifiers));
          continue;
        }
      g_assert_true (gtk_accelerator_parse (range[1], &last, &last_modifiers));
      g_assert_cmpuint (keyval, ==, GDK_KEY_Left);
      g_assert_cmpuint (last, ==, GDK_KEY_Down);
      g_assert_cmpuint (modifiers, ==, last_modifiers);
      for (guint k = 0; k < G_N_ELEMENTS (arrows); k++)
        g_hash_table_add (set, key_name (arrows[k], modifiers));
    }
}

/* What the shortcuts window shows. */
static void
collect_listed (GtkWidget  *widget,
                GHashTable *set)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      g_assert_nonnull (accelerator);
      add_accelerators (set, accelerator);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_listed (c, set);
}

/* Slope's own keys: its shortcut controllers (the switch's keys are the
 * ones every check box has) and its widgets' class shortcuts. */
static gboolean
is_slopes (GtkWidget          *widget,
           GtkEventController *controller)
{
  const char *name = gtk_event_controller_get_name (controller);

  if (name == NULL)
    return FALSE;
  if (g_str_has_prefix (name, "slope-"))
    return strcmp (name, "slope-switch-keys") != 0;
  return strcmp (name, "gtk-widget-class-shortcuts") == 0
         && g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Slope") && !SLOPE_IS_WINDOW (widget);
}

static void
collect_controllers (GtkWidget  *widget,
                     GHashTable *set)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (c) || !is_slopes (widget, c))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (c)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (c), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          g_assert_true (GTK_IS_KEYVAL_TRIGGER (trigger));
          g_hash_table_add (set,
                            key_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                      gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))));
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_controllers (c, set);
}

static void
collect_accels (GHashTable *set)
{
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                   actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        add_accelerators (set, accels[j]);
    }
}

/* The shortcuts window lists every key there is, and only those: the
 * application's accelerators and every shortcut controller of Slope's,
 * in the main window and the labs. */
static void
test_shortcuts_listed (void)
{
  SlopeWindow *window = new_window ();
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) actual = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  GHashTableIter iter;
  const char *key;

  g_assert_nonnull (overlay);
  collect_listed (overlay, listed);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-lab", "s", "accumulation");
  collect_controllers (GTK_WIDGET (window), actual);
  collect_controllers (GTK_WIDGET (window->labs_window), actual);
  collect_accels (actual);
  /* Enter in the rate entry is the entry's own activation (see
   * /keys/entry-focused), not a shortcut. */
  g_hash_table_add (actual, g_strdup ("Return"));

  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (!g_hash_table_contains (listed, key))
      g_error ("%s is a key of Slope's but the shortcuts window leaves it out", key);
  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (!g_hash_table_contains (actual, key))
      g_error ("the shortcuts window lists %s, which no accelerator or shortcut has", key);
  /* Sanity: the keys of each kind are there. */
  g_assert_true (g_hash_table_contains (actual, "F9"));
  g_assert_true (g_hash_table_contains (actual, "Page_Up"));
  g_assert_true (g_hash_table_contains (actual, "<Shift>Left"));
  g_assert_true (g_hash_table_contains (actual, "space"));

  gtk_window_destroy (GTK_WINDOW (window));
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

  g_test_add_func ("/keys/slider-focused", test_slider_focused);
  g_test_add_func ("/keys/toggles-focused", test_toggles_focused);
  g_test_add_func ("/keys/button-focused", test_button_focused);
  g_test_add_func ("/keys/entry-focused", test_entry_focused);
  g_test_add_func ("/keys/plot-focused", test_plot_focused);
  g_test_add_func ("/keys/landscape-click", test_landscape_click);
  g_test_add_func ("/keys/rewind", test_rewind_keys);
  g_test_add_func ("/keys/edit-points", test_edit_points_by_keys);
  g_test_add_func ("/keys/accelerators", test_accelerators);
  g_test_add_func ("/keys/file-accelerators", test_file_accelerators);
  g_test_add_func ("/keys/lab", test_lab_keys);
  g_test_add_func ("/keys/shortcuts-listed", test_shortcuts_listed);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
