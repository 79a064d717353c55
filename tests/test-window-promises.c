/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-promises.c: what the window promises, each against a truth
 * from outside the code: the log of a whole session against PyTorch
 * (tests/reference/window-session.txt), every setting through a restart,
 * every documented key, the numbers the controls show as the design writes
 * them.  Runs under Xvfb (suite ui).
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "slope-test-ui.h"
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

static char *
log_text (SlopeWindow *window)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (window->log_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
type_lr (SlopeWindow *window,
         const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (window->lr_entry), text);
  g_signal_emit_by_name (window->lr_entry, "activate");
}

static void
step (SlopeWindow *window,
      guint        n)
{
  for (guint i = 0; i < n; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  settle (window);
}

static void
play_to_end (SlopeWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  slope_runner_wait_paused (window->runner);
  settle (window);
}

static void
reset_all_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

/* The session of make-reference.py's WINDOW_SESSION, driven through the
 * controls: a run of 150, then a run of 300 in which the learning rate
 * changes after 120 epochs and zero_grad goes off after 200, then a run of
 * 250 with both changed back.  The log is PyTorch's, line for line, and
 * W and b are PyTorch's to the bit. */
static void
test_session_log_matches_pytorch (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", "window-session.txt",
                                                 NULL);
  g_autofree char *reference = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  double want_w = NAN, want_b = NAN;
  SlopeWindow *window;

  g_assert_true (g_file_get_contents (path, &reference, NULL, NULL));
  lines = g_strsplit (reference, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "# final W b "))
        {
          g_auto(GStrv) f = g_strsplit (lines[i] + strlen ("# final W b "), " ", 2);

          want_w = g_ascii_strtod (f[0], NULL);
          want_b = g_ascii_strtod (f[1], NULL);
        }
      else if (lines[i][0] != '#' && lines[i][0] != '\0')
        g_string_append_printf (expected, "%s\n", lines[i]);
    }
  g_assert_true (isfinite (want_w) && isfinite (want_b));

  reset_all_settings ();
  window = new_window ();
  gtk_adjustment_set_value (window->speed_adjustment, 5.0);   /* flat out */

  gtk_spin_button_set_value (window->epochs_spin, 150);
  play_to_end (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 150);

  gtk_spin_button_set_value (window->epochs_spin, 300);
  step (window, 120);
  type_lr (window, "0.05");
  step (window, 80);
  gtk_switch_set_active (window->zero_grad_switch, FALSE);
  play_to_end (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 450);
  g_assert_cmpuint (window->snapshot.state.run_epoch, ==, 300);

  gtk_spin_button_set_value (window->epochs_spin, 250);
  type_lr (window, "0.02");
  gtk_switch_set_active (window->zero_grad_switch, TRUE);
  play_to_end (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 700);

  text = log_text (window);
  g_assert_cmpstr (text, ==, expected->str);
  g_assert_cmpfloat (window->snapshot.state.w, ==, want_w);
  g_assert_cmpfloat (window->snapshot.state.b, ==, want_b);

  gtk_window_destroy (GTK_WINDOW (window));
  reset_all_settings ();
}

/* Every setting the window saves comes back in a new window, as after a
 * restart, and takes effect there (the memory backend lives as long as
 * the process). */
static void
test_settings_survive_restart (void)
{
  SlopeWindow *window;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  reset_all_settings ();
  window = new_window ();
  type_lr (window, "0.0123");
  gtk_switch_set_active (window->zero_grad_switch, FALSE);
  gtk_spin_button_set_value (window->epochs_spin, 345);
  gtk_adjustment_set_value (window->speed_adjustment, log10 (2.5));
  gtk_spin_button_set_value (window->initial_w_spin, 1.5);
  gtk_spin_button_set_value (window->initial_b_spin, -0.75);
  gtk_check_button_set_active (window->log_scale_check, FALSE);
  gtk_check_button_set_active (window->residuals_check, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-explain", NULL);
  g_assert_true (window->show_explain);
  settle (window);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The keys hold the values, each under its own name. */
  g_assert_cmpfloat (g_settings_get_double (settings, "learning-rate"), ==, 0.0123);
  g_assert_false (g_settings_get_boolean (settings, "zero-grad"));
  g_assert_cmpuint (g_settings_get_uint (settings, "epochs-per-run"), ==, 345);
  g_assert_cmpfloat (g_settings_get_double (settings, "speed"), ==, 2.5);
  g_assert_cmpfloat (g_settings_get_double (settings, "initial-w"), ==, 1.5);
  g_assert_cmpfloat (g_settings_get_double (settings, "initial-b"), ==, -0.75);
  g_assert_false (g_settings_get_boolean (settings, "cost-log-scale"));
  g_assert_false (g_settings_get_boolean (settings, "show-residuals"));
  g_assert_true (g_settings_get_boolean (settings, "show-math-panel"));

  window = new_window ();
  settle (window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->lr_entry)), ==, "0.0123");
  g_assert_cmpfloat (window->snapshot.state.lr, ==, 0.0123);
  g_assert_false (gtk_switch_get_active (window->zero_grad_switch));
  g_assert_false (window->snapshot.state.zero_grad);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (window->epochs_spin), ==, 345);
  g_assert_cmpfloat (window->snapshot.speed, ==, 2.5);
  g_assert_cmpstr (gtk_label_get_text (window->speed_label), ==, "2.5 epochs/s");
  g_assert_cmpfloat (gtk_spin_button_get_value (window->initial_w_spin), ==, 1.5);
  g_assert_cmpfloat (gtk_spin_button_get_value (window->initial_b_spin), ==, -0.75);
  g_assert_cmpfloat (window->snapshot.state.w, ==, 1.5);
  g_assert_cmpfloat (window->snapshot.state.b, ==, -0.75);
  g_assert_false (gtk_check_button_get_active (window->log_scale_check));
  g_assert_false (slope_cost_view_get_plot (window->cost_view)->log_scale);
  g_assert_false (gtk_check_button_get_active (window->residuals_check));
  g_assert_false (slope_data_view_get_plot (window->data_view)->show_residuals);
  g_assert_true (window->show_explain);
  step (window, 1);
  g_assert_cmpuint (window->snapshot.state.run_length, ==, 345);
  gtk_window_destroy (GTK_WINDOW (window));

  /* And back: the defaults come back too. */
  reset_all_settings ();
  window = new_window ();
  settle (window);
  g_assert_true (gtk_check_button_get_active (window->log_scale_check));
  g_assert_true (slope_cost_view_get_plot (window->cost_view)->log_scale);
  g_assert_true (slope_data_view_get_plot (window->data_view)->show_residuals);
  g_assert_cmpfloat (window->snapshot.state.lr, ==, 0.01);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A key press as the window's own shortcuts take it (test-keys presses
 * real keys through every phase). */
static gboolean
press (SlopeWindow     *window,
       guint            keyval,
       GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (GTK_IS_EVENT_CONTROLLER_KEY (c)
          && gtk_event_controller_get_propagation_phase (c) == GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (c, "key-pressed", keyval, 0, state, &handled);
          if (handled)
            return TRUE;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);
      guint n_shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (c))
        continue;
      n_shortcuts = g_list_model_get_n_items (G_LIST_MODEL (c));
      for (guint k = 0; k < n_shortcuts; k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (c), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == state)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (window),
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* Whether @accel is among the application accelerators Slope sets for
 * @action_name, without pressing it (Ctrl+O opens a file chooser). */
static gboolean
has_accel (const char *action_name,
           const char *accel)
{
  g_autoptr(GtkApplication) app = gtk_application_new (NULL, G_APPLICATION_NON_UNIQUE);
  g_auto(GStrv) accels = NULL;

  slope_window_set_accels (app);
  accels = gtk_application_get_accels_for_action (app, action_name);
  return g_strv_contains ((const char * const *) accels, accel);
}

/* The README's keys: L steps one line of the loop, E edit mode; F9 (the
 * loop and the math), F11 (presentation) and Ctrl+O (Open) are
 * accelerators of the application. */
static void
test_documented_keys (void)
{
  SlopeWindow *window;

  reset_all_settings ();
  window = new_window ();
  gtk_widget_grab_focus (GTK_WIDGET (window->lr_scale));

  g_assert_true (press (window, GDK_KEY_l, 0));
  settle (window);
  g_assert_cmpint (window->snapshot.state.line, ==, SLOPE_LINE_PREDICT);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 0);
  g_assert_true (press (window, GDK_KEY_l, 0));
  settle (window);
  g_assert_cmpint (window->snapshot.state.line, ==, SLOPE_LINE_COST);

  /* F11 and F9 act even from a text field: application accelerators,
   * pressed for real in test-keys. */
  g_assert_true (has_accel ("win.presentation", "F11"));
  g_assert_true (has_accel ("win.show-explain", "F9"));
  g_assert_true (has_accel ("win.open", "<Control>o"));

  g_assert_true (press (window, GDK_KEY_e, 0));
  g_assert_true (window->edit_mode);
  g_assert_true (press (window, GDK_KEY_e, 0));
  g_assert_false (window->edit_mode);

  gtk_window_destroy (GTK_WINDOW (window));
  reset_all_settings ();
}

/* The slider gives three significant digits (it is for exploring), the
 * entry shows up to six of what was typed. */
static void
test_rate_digits (void)
{
  SlopeWindow *window;

  reset_all_settings ();
  window = new_window ();
  gtk_adjustment_set_value (window->lr_adjustment, log10 (0.0123456));
  settle (window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->lr_entry)), ==, "0.0123");
  g_assert_cmpfloat (window->snapshot.state.lr, ==, 0.0123);

  slope_window_set_lr (window, 0.0123456);
  settle (window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->lr_entry)), ==, "0.0123456");
  g_assert_cmpfloat (window->snapshot.state.lr, ==, 0.0123456);

  gtk_window_destroy (GTK_WINDOW (window));
  reset_all_settings ();
}

/* The speed slider: 10^position epochs per second to two decimals, flat
 * out at its right end. */
static void
test_speed_values (void)
{
  SlopeWindow *window;

  reset_all_settings ();
  window = new_window ();
  gtk_adjustment_set_value (window->speed_adjustment, log10 (12.34));
  settle (window);
  g_assert_cmpfloat (window->snapshot.speed, ==, 12.34);
  g_assert_cmpstr (gtk_label_get_text (window->speed_label), ==, "12.3 epochs/s");
  gtk_test_accessible_assert_property (window->speed_scale, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                       "12.3 epochs per second");

  /* Whole epochs from 100 on. */
  gtk_adjustment_set_value (window->speed_adjustment, log10 (2500.0));
  settle (window);
  g_assert_cmpstr (gtk_label_get_text (window->speed_label), ==, "2500 epochs/s");

  gtk_adjustment_set_value (window->speed_adjustment, 4.95);
  settle (window);
  g_assert_cmpfloat (window->snapshot.speed, ==, 0.0);
  g_assert_cmpstr (gtk_label_get_text (window->speed_label), ==, "Full speed");
  gtk_test_accessible_assert_property (window->speed_scale, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                       "As fast as it goes");

  gtk_window_destroy (GTK_WINDOW (window));
  reset_all_settings ();
}

/* The strip under the slider as the screen shows it: the stable range in
 * the cost's bluish green (Okabe–Ito 0, 158, 115), beyond the limit the
 * warning orange (230, 159, 0), both translucent over the window. */
static void
hue_at (cairo_surface_t *surface,
        int              x,
        int              y,
        double          *r,
        double          *g,
        double          *b)
{
  const guint8 *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);
  guint32 p = ((const guint32 *) row)[x];
  double a = (p >> 24) / 255.0;

  g_assert_cmpfloat (a, >, 0.2);
  /* Unpremultiplied, 0 … 255. */
  *r = ((p >> 16) & 0xff) / a;
  *g = ((p >> 8) & 0xff) / a;
  *b = (p & 0xff) / a;
}

static void
test_lr_zone_colours (void)
{
  SlopeWindow *window;
  GtkWidget *zone;
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width, height;
  double r, g, b;

  reset_all_settings ();
  window = new_window ();
  zone = GTK_WIDGET (window->lr_zone);
  while (gtk_widget_get_width (zone) < 100)
    g_main_context_iteration (NULL, TRUE);
  width = gtk_widget_get_width (zone);
  height = gtk_widget_get_height (zone);

  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (zone)->snapshot (zone, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* 2/λmax ≈ 0.180 on the slider's 10⁻⁴ … 1 sits at 81% of the strip:
   * 10⁻³ (25%) is stable, 0.5 (92%) is not. */
  hue_at (surface, (int) (10 + 0.25 * (width - 20)), height / 2, &r, &g, &b);
  g_assert_cmpfloat (fabs (r - 0), <, 12);
  g_assert_cmpfloat (fabs (g - 158), <, 12);
  g_assert_cmpfloat (fabs (b - 115), <, 12);
  hue_at (surface, (int) (10 + 0.92 * (width - 20)), height / 2, &r, &g, &b);
  g_assert_cmpfloat (fabs (r - 230), <, 12);
  g_assert_cmpfloat (fabs (g - 159), <, 12);
  g_assert_cmpfloat (fabs (b - 0), <, 12);

  cairo_surface_destroy (surface);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_epoch_picked (SlopeCostView *view,
                 guint64        epoch,
                 guint64       *picked)
{
  *picked = epoch;
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

/* The cost view starts on a log scale, and a press on it picks the epoch
 * under the pointer: the right end of 300 epochs is epoch 300, the left
 * end epoch 1, a point at epoch 120's x is 120. */
static void
test_cost_view_picks (void)
{
  GtkWidget *fresh = g_object_ref_sink (slope_cost_view_new ());
  SlopeWindow *window;
  GtkWidget *view;
  GtkGesture *drag;
  guint64 picked = 0;
  int width, height;
  double left, top, area_width, area_height;

  g_assert_true (slope_cost_view_get_plot (SLOPE_COST_VIEW (fresh))->log_scale);
  g_object_unref (fresh);

  reset_all_settings ();
  window = new_window ();
  view = GTK_WIDGET (window->cost_view);
  gtk_adjustment_set_value (window->speed_adjustment, 5.0);
  gtk_spin_button_set_value (window->epochs_spin, 300);
  play_to_end (window);
  while (gtk_widget_get_width (view) < 100)
    g_main_context_iteration (NULL, TRUE);
  width = gtk_widget_get_width (view);
  height = gtk_widget_get_height (view);
  slope_cost_plot_area (slope_cost_view_get_plot (window->cost_view), width, height,
                        &left, &top, &area_width, &area_height);
  drag = drag_gesture_of (view);
  g_assert_nonnull (drag);
  g_signal_connect (view, "epoch-picked", G_CALLBACK (on_epoch_picked), &picked);

  g_signal_emit_by_name (drag, "drag-begin", left + area_width, top + 10.0);
  g_assert_cmpuint (picked, ==, 300);
  g_signal_emit_by_name (drag, "drag-begin", left, top + 10.0);
  g_assert_cmpuint (picked, <=, 1);
  g_signal_emit_by_name (drag, "drag-begin",
                         slope_cost_plot_epoch_to_x (slope_cost_view_get_plot (window->cost_view),
                                                     width, height, 120), top + 10.0);
  g_assert_cmpuint (picked, ==, 120);
  g_assert_cmpuint (window->shown.epoch, ==, 120);

  gtk_window_destroy (GTK_WINDOW (window));
  reset_all_settings ();
}

int
main (int   argc,
      char *argv[])
{
  slope_test_init (&argc, &argv);
  slope_test_gtk_init_or_skip ();

  g_test_add_func ("/window-promises/session-log-matches-pytorch", test_session_log_matches_pytorch);
  g_test_add_func ("/window-promises/settings-survive-restart", test_settings_survive_restart);
  g_test_add_func ("/window-promises/documented-keys", test_documented_keys);
  g_test_add_func ("/window-promises/rate-digits", test_rate_digits);
  g_test_add_func ("/window-promises/speed-values", test_speed_values);
  g_test_add_func ("/window-promises/lr-zone-colours", test_lr_zone_colours);
  g_test_add_func ("/window-promises/cost-view-picks", test_cost_view_picks);

  return g_test_run ();
}
