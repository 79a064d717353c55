/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the window driven through its actions and widgets, as a
 * person or a screen reader would, and the real `slope` program started and
 * quit.  Runs under Xvfb (suite ui).
 *
 * The window reads the runner once per frame; here the tests wait for the
 * runner with slope_runner_sync() and then call slope_window_refresh(),
 * which is exactly what the frame clock's tick does.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "slope-test-ui.h"
#include "slope-axis.h"
#include "slope-examples.h"
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

static const char *
readout (SlopeWindow *window,
         guint        which)
{
  return gtk_inscription_get_text (window->readout_values[which]);
}

static void
assert_readout (SlopeWindow *window,
                guint        which,
                double       value)
{
  char expected[64];

  slope_format_number (expected, sizeof expected, value, 6);
  g_assert_cmpstr (readout (window, which), ==, expected);
}

/* Set the learning rate with the slider and the entry, flip zero_grad,
 * step three times: the readouts show what the trainer computes. */
static void
test_drive_controls (void)
{
  SlopeWindow *window = new_window ();
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autoptr(SlopeTrainer) trainer = slope_trainer_new (data);
  SlopeEpochRecord rec;

  gtk_adjustment_set_value (window->lr_adjustment, log10 (0.05));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->lr_entry)), ==, "0.05");
  gtk_editable_set_text (GTK_EDITABLE (window->lr_entry), "0.03");
  g_signal_emit_by_name (window->lr_entry, "activate");
  gtk_switch_set_active (window->zero_grad_switch, FALSE);
  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  settle (window);

  slope_trainer_reset (trainer);
  slope_trainer_set_lr (trainer, 0.03);
  slope_trainer_set_zero_grad (trainer, FALSE);
  for (guint i = 0; i < 3; i++)
    slope_trainer_epoch (trainer, &rec);

  g_assert_cmpuint (window->snapshot.state.epoch, ==, 3);
  g_assert_cmpfloat (window->snapshot.state.w, ==, rec.w);
  g_assert_cmpfloat (window->snapshot.state.lr, ==, 0.03);
  g_assert_cmpstr (readout (window, READOUT_EPOCH), ==, "3 / 1000");
  assert_readout (window, READOUT_W, rec.w);
  assert_readout (window, READOUT_B, rec.b);
  assert_readout (window, READOUT_COST, rec.cost);
  assert_readout (window, READOUT_D_W, rec.d_w);
  assert_readout (window, READOUT_W_GRAD, rec.w_grad);
  assert_readout (window, READOUT_B_GRAD, rec.b_grad);
  /* zero_grad off: the buffers part ways with the epoch's gradients. */
  g_assert_cmpstr (readout (window, READOUT_W_GRAD), !=, readout (window, READOUT_D_W));

  /* The settings remember the last choices. */
  g_assert_cmpfloat (g_settings_get_double (window->settings, "learning-rate"), ==, 0.03);
  g_assert_false (g_settings_get_boolean (window->settings, "zero-grad"));
  g_settings_reset (window->settings, "learning-rate");
  g_settings_reset (window->settings, "zero-grad");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A malformed learning rate is refused where it was typed. */
static void
test_bad_lr_entry (void)
{
  SlopeWindow *window = new_window ();

  gtk_editable_set_text (GTK_EDITABLE (window->lr_entry), "fast");
  g_signal_emit_by_name (window->lr_entry, "activate");
  settle (window);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window->lr_entry), "error"));
  g_assert_cmpfloat (window->snapshot.state.lr, ==, 0.01);

  /* A hex float, which a CSV cell refuses too. */
  gtk_editable_set_text (GTK_EDITABLE (window->lr_entry), "0x1p-7");
  g_signal_emit_by_name (window->lr_entry, "activate");
  settle (window);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window->lr_entry), "error"));
  g_assert_cmpfloat (window->snapshot.state.lr, ==, 0.01);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_play_pause (void)
{
  SlopeWindow *window = new_window ();

  /* One epoch per second: it cannot finish before it is paused. */
  gtk_adjustment_set_value (window->speed_adjustment, 0.0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-play", NULL);
  settle (window);
  g_assert_true (window->snapshot.playing);
  g_assert_cmpstr (gtk_button_get_icon_name (window->play_button), ==,
                   "media-playback-pause-symbolic");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-play", NULL);
  slope_runner_wait_paused (window->runner);
  slope_window_refresh (window);
  g_assert_false (window->snapshot.playing);
  g_assert_cmpuint (window->snapshot.state.epoch, <, 1000);
  g_assert_cmpstr (gtk_button_get_icon_name (window->play_button), ==,
                   "media-playback-start-symbolic");

  g_settings_reset (window->settings, "speed");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Play to the end of a run: the log shows the notebook's lines; Play
 * again continues from there; Reset goes back to the start. */
static void
test_run_log_and_reset (void)
{
  SlopeWindow *window = new_window ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (window->log_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_adjustment_set_value (window->speed_adjustment, 5.0);
  gtk_spin_button_set_value (window->epochs_spin, 200);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  slope_runner_wait_paused (window->runner);
  gtk_spin_button_set_value (window->epochs_spin, 1000);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  slope_runner_wait_paused (window->runner);
  settle (window);

  g_assert_cmpuint (window->snapshot.state.epoch, ==, 1200);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_true (g_str_has_prefix (text, "Epoch  100/200 W: 1.745, b: 0.579 Cost: 0.048403\n"));
  g_assert_true (g_str_has_suffix (text, "Epoch 1000/1000 W: 1.982, b: 0.041 Cost: 0.000243\n"));
  g_assert_cmpstr (readout (window, READOUT_EPOCH), ==, "1000 / 1000 (1200 in all)");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reset", NULL);
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 0);
  g_assert_cmpfloat (window->snapshot.state.w, ==, 0.0);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_assert_true (gtk_text_iter_equal (&start, &end));

  g_settings_reset (window->settings, "speed");
  g_settings_reset (window->settings, "epochs-per-run");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* lr = 0.4 pauses itself and says why, naming the limit. */
static void
test_divergence_message (void)
{
  SlopeWindow *window = new_window ();
  const char *text;

  gtk_adjustment_set_value (window->speed_adjustment, 5.0);
  slope_window_set_lr (window, 0.4);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  slope_runner_wait_paused (window->runner);
  settle (window);

  g_assert_false (window->snapshot.playing);
  g_assert_cmpint (window->snapshot.divergence, ==, SLOPE_DIVERGENCE_STEP_TOO_LARGE);
  g_assert_true (gtk_revealer_get_reveal_child (window->divergence_revealer));
  text = gtk_label_get_text (window->divergence_label);
  g_assert_nonnull (strstr (text, "overshoots"));
  g_assert_nonnull (strstr (text, "0.18"));
  g_assert_nonnull (strstr (text, "0.4"));
  /* Caught when it starts (epoch 2 in PyTorch's costs), not at inf. */
  g_assert_cmpuint (window->snapshot.diverged_epoch, <=, 20);
  g_assert_true (isfinite (window->snapshot.state.w));

  /* The plots still draw. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->data_view)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reset", NULL);
  settle (window);
  g_assert_false (gtk_revealer_get_reveal_child (window->divergence_revealer));

  g_settings_reset (window->settings, "speed");
  g_settings_reset (window->settings, "learning-rate");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The shaded range under the slider: lr = 0.2 lies beyond 2/λmax ≈ 0.180
 * on the lesson's data, and inside 4/λmax ≈ 0.361 once zero_grad is off. */
static void
test_stable_zone (void)
{
  SlopeWindow *window = new_window ();

  g_assert_true (slope_lr_zone_is_stable (window->lr_zone, 0.17));
  g_assert_false (slope_lr_zone_is_stable (window->lr_zone, 0.2));
  /* λmax = (17 + √265)/3 by hand, so 2/λmax = 0.1803 and 4/λmax = 0.3606,
   * to three digits in the strip's tooltip. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (window->lr_zone)), ==,
                   "Converges for learning rates below 0.18; diverges above");
  gtk_switch_set_active (window->zero_grad_switch, FALSE);
  g_assert_true (slope_lr_zone_is_stable (window->lr_zone, 0.2));
  g_assert_false (slope_lr_zone_is_stable (window->lr_zone, 0.37));
  g_assert_nonnull (strstr (gtk_label_get_text (window->lr_hint), "0.361"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (window->lr_zone)), ==,
                   "Without zero_grad, blows up for learning rates above 0.361");
  /* The strip's scale is the slider's: 0.01 sits half-way along 10⁻⁴…1. */
  g_assert_cmpfloat_with_epsilon (slope_lr_zone_fraction (window->lr_zone, 0.01), 0.5, 1e-12);

  g_settings_reset (window->settings, "zero-grad");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closing remembers the window's size for the next start. */
static void
test_remembers_size (void)
{
  SlopeWindow *window = new_window ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  SlopeWindow *second;
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 1111, 777);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1111);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 777);

  second = slope_window_new (NULL, NULL);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 1111);
  g_assert_cmpint (height, ==, 777);
  gtk_window_destroy (GTK_WINDOW (second));
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* The saved choice makes a new window ask to be maximized: GTK records a
 * maximize asked for before the window is shown, so this needs no window
 * manager (test-window-manager follows it through openbox). */
static void
test_remembers_maximized (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  SlopeWindow *window;

  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  window = slope_window_new (NULL, NULL);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_set_boolean (settings, "window-maximized", TRUE);
  window = slope_window_new (NULL, NULL);
  g_assert_true (gtk_window_is_maximized (GTK_WINDOW (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "window-maximized");
}

/* Options from the command line apply without being saved. */
static void
test_launch_options_not_saved (void)
{
  SlopeLaunchOptions options = { .has_lr = TRUE, .lr = 0.2, .has_epochs = TRUE, .epochs = 50,
                                 .no_zero_grad = TRUE };
  SlopeWindow *window = slope_window_new (NULL, &options);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  settle (window);
  g_assert_cmpfloat (window->snapshot.state.lr, ==, 0.2);
  g_assert_false (window->snapshot.state.zero_grad);
  g_assert_cmpuint (window->snapshot.state.run_length, ==, 50);
  g_assert_cmpfloat (g_settings_get_double (settings, "learning-rate"), ==, 0.01);
  g_assert_true (g_settings_get_boolean (settings, "zero-grad"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* --autoplay: the log fills as the run goes, from the first frame on. */
static void
test_autoplay_log (void)
{
  SlopeLaunchOptions options = { .has_speed = TRUE, .speed = 0, .has_epochs = TRUE,
                                 .epochs = 200, .autoplay = TRUE };
  SlopeWindow *window = slope_window_new (NULL, &options);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (window->log_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_window_present (GTK_WINDOW (window));
  slope_runner_wait_paused (window->runner);
  slope_window_refresh (window);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "Epoch  100/200 W: 1.745, b: 0.579 Cost: 0.048403\n"
                             "Epoch  200/200 W: 1.800, b: 0.456 Cost: 0.029910\n");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Stepping line by line through the notebook's first epoch: the code
 * panel lights each line, the math panel and the readouts show the same
 * numbers, and the five lines end where one whole epoch ends. */
static void
test_step_lines_explained (void)
{
  SlopeWindow *window = new_window ();
  static const char *lit[] = {
    "hypothesis = x_train * W + b",
    "cost = torch.mean",
    "optimizer.zero_grad()",
    "cost.backward()",
    "for epoch in range",
  };
  const char *math;

  g_assert_false (window->show_explain);
  for (guint i = 0; i < G_N_ELEMENTS (lit); i++)
    {
      g_autofree char *code = NULL;
      g_auto(GStrv) lines = NULL;
      int n;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.step-line", NULL);
      settle (window);
      code = slope_code_view_get_text (window->code_view);
      lines = g_strsplit (code, "\n", -1);
      n = slope_code_view_get_lit_line (window->code_view);
      g_assert_cmpint (n, >=, 0);
      g_assert_nonnull (strstr (lines[n], lit[i]));
    }
  g_assert_true (window->show_explain);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 1);

  math = slope_math_view_get_text (window->math_view);
  g_assert_nonnull (strstr (math, "18.6667"));
  g_assert_nonnull (strstr (math, "−18.6667"));
  g_assert_nonnull (strstr (math, "−8"));
  g_assert_nonnull (strstr (math, "0.186667"));
  g_assert_nonnull (strstr (math, "0.08"));
  /* The new line, as the plot's legend writes it. */
  g_assert_nonnull (strstr (math, "0.1867x + 0.08"));
  /* The readouts agree with the panel. */
  g_assert_nonnull (strstr (math, readout (window, READOUT_W)));
  g_assert_cmpstr (readout (window, READOUT_COST), ==, "18.6667");

  g_settings_reset (window->settings, "show-math-panel");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Dragging along the cost plot shows a past epoch in every view; Play
 * returns to the present and continues from there. */
static void
test_rewind (void)
{
  SlopeWindow *window = new_window ();
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autoptr(SlopeTrainer) trainer = slope_trainer_new (data);
  SlopeEpochRecord rec;
  char expected[64];

  gtk_adjustment_set_value (window->speed_adjustment, 5.0);
  gtk_spin_button_set_value (window->epochs_spin, 300);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  slope_runner_wait_paused (window->runner);
  settle (window);

  slope_trainer_reset (trainer);
  for (guint i = 0; i < 120; i++)
    slope_trainer_epoch (trainer, &rec);

  g_signal_emit_by_name (window->cost_view, "epoch-picked", (guint64) 120);
  g_assert_true (slope_window_is_rewinding (window));
  g_assert_cmpuint (window->shown.epoch, ==, 120);
  g_assert_cmpfloat (window->shown.w, ==, rec.w);
  g_assert_cmpstr (readout (window, READOUT_EPOCH), ==, "120 / 300");
  assert_readout (window, READOUT_W, rec.w);
  assert_readout (window, READOUT_COST, rec.cost);
  g_assert_cmpfloat (slope_data_view_get_plot (window->data_view)->w, ==, rec.w);
  g_assert_cmpuint (slope_cost_view_get_plot (window->cost_view)->marker_epoch, ==, 120);
  g_assert_true (gtk_revealer_get_reveal_child (window->notice_revealer));
  /* The trainer itself is untouched. */
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 300);

  /* Escape, then Play: the present, and training goes on from epoch 300. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back-to-present", NULL);
  g_assert_false (slope_window_is_rewinding (window));
  g_assert_cmpuint (window->shown.epoch, ==, 300);
  g_signal_emit_by_name (window->cost_view, "epoch-picked", (guint64) 10);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  settle (window);
  g_assert_false (slope_window_is_rewinding (window));
  g_assert_cmpuint (window->shown.epoch, ==, 301);

  slope_format_number (expected, sizeof expected, window->snapshot.state.w, 6);
  g_assert_cmpstr (readout (window, READOUT_W), ==, expected);

  g_settings_reset (window->settings, "speed");
  g_settings_reset (window->settings, "epochs-per-run");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The least-squares line is drawn and its distance shown; degenerate data
 * says so instead. */
static void
test_least_squares_reference (void)
{
  static const double x[] = { 2, 2, 2 };
  static const double y[] = { 1, 2, 3 };
  SlopeWindow *window = new_window ();
  g_autoptr(SlopeDataset) flat = slope_dataset_new (x, y, 3, "flat");
  const SlopeDataPlot *plot = slope_data_view_get_plot (window->data_view);

  settle (window);
  slope_window_redraw (window);
  g_assert_true (plot->has_reference);
  g_assert_cmpfloat_with_epsilon (plot->reference_w, 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (plot->reference_b, 0.0, 1e-12);
  g_assert_nonnull (strstr (gtk_label_get_text (window->reference_label), "R² = 1"));

  slope_window_set_dataset (window, flat);
  settle (window);
  slope_window_redraw (window);
  g_assert_false (plot->has_reference);
  g_assert_nonnull (strstr (gtk_label_get_text (window->reference_label), "equal"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* F11: larger type everywhere and a side panel that keeps what fits (see
 * test-appearance's layout tests); F11 again undoes it. */
static void
test_presentation (void)
{
  SlopeWindow *window = new_window ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL);
  g_assert_true (window->presentation);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  g_assert_cmpfloat (slope_data_view_get_plot (window->data_view)->font_scale, >, 1.2);
  g_assert_cmpfloat (slope_cost_view_get_plot (window->cost_view)->font_scale, >, 1.2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->zero_grad_switch)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back-to-present", NULL);
  g_assert_false (window->presentation);
  g_assert_cmpfloat (slope_data_view_get_plot (window->data_view)->font_scale, ==, 1.0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->settings_grid)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The accumulation lab's "Show it on the line" flips the main view's
 * switch and plays. */
static void
test_lab_demonstrates (void)
{
  SlopeWindow *window = new_window ();

  gtk_adjustment_set_value (window->speed_adjustment, 0.0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-lab", "s", "accumulation");
  g_assert_nonnull (window->labs_window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->labs_window)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->labs_stack), ==, "accumulation");
  for (guint i = 0; i < 20; i++)
    slope_accumulation_lab_backward (window->accumulation_lab);
  g_assert_cmpuint (slope_accumulation_lab_get_n_lines (window->accumulation_lab), ==, 20);

  g_signal_emit_by_name (window->accumulation_lab, "demonstrate");
  settle (window);
  g_assert_false (gtk_switch_get_active (window->zero_grad_switch));
  g_assert_false (window->snapshot.state.zero_grad);
  g_assert_true (window->snapshot.playing);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-lab", "s", "autograd");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->labs_stack), ==, "autograd");
  slope_autograd_lab_backward (window->autograd_lab);
  g_assert_cmpfloat (slope_autograd_lab_get_w_grad (window->autograd_lab), ==, 8.0);

  g_settings_reset (window->settings, "speed");
  g_settings_reset (window->settings, "zero-grad");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Examples menu lists every example and opening one frames it. */
static void
test_examples_and_export (void)
{
  SlopeWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("slope-export-XXXXXX", NULL);
  const char *what[] = { "data", "cost", "view", "log" };
  const char *names[] = { "d.png", "c.svg", "v.pdf", "log.csv" };
  const char *magic[] = { "\x89PNG", "<?xml", "%PDF", "epoch,W,b" };
  const SlopeDataPlot *plot = slope_data_view_get_plot (window->data_view);
  g_autoptr(GMenuModel) section = NULL;
  guint n_examples;

  slope_examples_get (&n_examples);
  section = g_menu_model_get_item_link (G_MENU_MODEL (window->examples_menu), 0,
                                        G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, (int) n_examples);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", "s", "anscombe-1");
  settle (window);
  g_assert_cmpuint (slope_dataset_get_n (window->dataset), ==, 11);
  g_assert_cmpfloat (plot->view.x_max, >=, 14.0);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 0);

  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  settle (window);

  for (guint i = 0; i < G_N_ELEMENTS (what); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;

      g_assert_true (slope_window_export_to (window, what[i], file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, magic[i]));
      g_remove (path);
    }
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closing in the middle of a flat-out run stops and joins the thread. */
static void
test_close_while_playing (void)
{
  SlopeWindow *window = new_window ();
  SlopeRunner *runner = g_object_ref (window->runner);
  SlopeRunnerSnapshot snap = { 0 };

  gtk_adjustment_set_value (window->speed_adjustment, 5.0);
  gtk_spin_button_set_value (window->epochs_spin, 100000000);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  slope_runner_sync (runner);
  slope_runner_read (runner, &snap);
  g_assert_true (snap.playing);

  g_settings_reset (window->settings, "speed");
  g_settings_reset (window->settings, "epochs-per-run");
  gtk_window_destroy (GTK_WINDOW (window));
  /* The window's dispose joined the worker: nothing is appended any more,
   * and posting now changes nothing. */
  {
    SlopeHistory *history = slope_runner_get_history (runner);
    guint64 last = slope_history_get_last_epoch (history);
    SlopeRunnerSnapshot after = { 0 };

    g_assert_cmpuint (last, >, 0);
    slope_runner_step_epoch (runner);
    slope_runner_sync (runner);
    for (guint i = 0; i < 1000; i++)
      g_thread_yield ();
    g_assert_cmpuint (slope_history_get_last_epoch (history), ==, last);
    slope_runner_read (runner, &after);
    g_assert_cmpuint (after.state.epoch, <=, last);
  }
  g_object_unref (runner);
}

static void
run_slope (const char * const *args,
           int                *status,
           char              **out,
           char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("SLOPE_BIN"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  *status = g_subprocess_get_exit_status (proc);
}

/* The real program: trains a whole run on its own and quits cleanly. */
static void
test_real_binary_autoplay (void)
{
  const char *args[] = { "--autoplay", "--speed", "0", "--epochs", "3000",
                         "--quit-after-run", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  run_slope (args, &status, &out, &err);
  g_test_message ("stderr: %s", err);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (strstr (err, "CRITICAL"));
  g_assert_null (strstr (err, "WARNING"));
}

/* What `slope --autoplay … FILE` did, seen as its window closes. */
typedef struct
{
  gboolean  choose_columns;   /* answer the column picker: x = 3, y = 4 */
  gboolean  asked;            /* the picker was open, training waiting */
  SlopeWindow *window;        /* weak */
  gsize     n;
  double    last_x;
  double    last_y;
  guint64   epoch;
} AutoplayRun;

static void
on_autoplay_window_destroy (SlopeWindow *window,
                            AutoplayRun *run)
{
  run->n = slope_dataset_get_n (window->dataset);
  run->last_x = slope_dataset_get_x (window->dataset)[run->n - 1];
  run->last_y = slope_dataset_get_y (window->dataset)[run->n - 1];
  run->epoch = window->snapshot.state.epoch;
}

/* Picks the columns as a person would, once the picker is up.  The
 * lesson's data is behind it, and nothing may train on it. */
static gboolean
answer_picker (gpointer data)
{
  AutoplayRun *run = data;
  SlopeWindow *window = run->window;
  SlopeRunnerSnapshot snap;

  if (window == NULL)
    return G_SOURCE_REMOVE;
  if (window->column_dialog == NULL)
    return G_SOURCE_CONTINUE;
  slope_runner_sync (window->runner);
  slope_runner_read (window->runner, &snap);
  g_assert_false (snap.playing);
  g_assert_cmpuint (snap.state.epoch, ==, 0);
  run->asked = TRUE;
  slope_column_dialog_choose (window->column_dialog, 3, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->column_dialog), "columns.open",
                                             NULL));
  return G_SOURCE_REMOVE;
}

static void
on_autoplay_window_added (GtkApplication *app,
                          GtkWindow      *window,
                          AutoplayRun    *run)
{
  /* Before dispose lets go of the data. */
  g_signal_connect (window, "unrealize", G_CALLBACK (on_autoplay_window_destroy), run);
  run->window = SLOPE_WINDOW (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &run->window);
  if (run->choose_columns)
    g_idle_add (answer_picker, run);
}

static gboolean
autoplay_guard (gpointer data)
{
  g_error ("slope --autoplay FILE never finished its run");
  return G_SOURCE_REMOVE;
}

static void
run_autoplay (const char  *contents,
              AutoplayRun *run)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("slope-autoplay-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "data.csv", NULL);
  g_autoptr(SlopeApplication) app = slope_application_new ();
  char *argv[] = { "slope", "--autoplay", "--speed", "0", "--epochs", "40",
                   "--quit-after-run", path, NULL };
  guint guard;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_signal_connect (app, "window-added", G_CALLBACK (on_autoplay_window_added), run);
  guard = g_timeout_add_seconds (60, autoplay_guard, NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv), ==, 0);
  g_source_remove (guard);
  g_unlink (path);
  g_rmdir (dir);
}

/* `slope --autoplay FILE` trains the file, not the lesson: at once for
 * two columns, after the column choice for more. */
static void
test_autoplay_file (void)
{
  AutoplayRun two = { FALSE };
  AutoplayRun four = { TRUE };

  run_autoplay ("x,y\n1,3\n2,5\n3,7\n4,9\n", &two);
  g_assert_cmpuint (two.n, ==, 4);
  g_assert_cmpfloat (two.last_x, ==, 4.0);
  g_assert_cmpfloat (two.last_y, ==, 9.0);
  g_assert_cmpuint (two.epoch, ==, 40);

  /* Heights in metres: at the default rate, training in centimetres would
   * diverge and pause well before epoch 40. */
  run_autoplay ("id,name,height,weight\n1,Ada,1.5,5.0\n2,Bo,1.6,5.8\n3,Cy,1.7,6.6\n", &four);
  g_assert_true (four.asked);
  g_assert_cmpuint (four.n, ==, 3);
  g_assert_cmpfloat (four.last_x, ==, 1.7);
  g_assert_cmpfloat (four.last_y, ==, 6.6);
  g_assert_cmpuint (four.epoch, ==, 40);
}

static void
test_real_binary_bad_options (void)
{
  static const char *bad[][3] = {
    { "--lr", "abc" }, { "--lr", "-1" }, { "--epochs", "0" }, { "--speed", "fast" },
    /* Past the bound that keeps the run's loop correct (issue 11). */
    { "--epochs", "4294967295" },
    /* The number syntax of a CSV cell: no hex floats. */
    { "--lr", "0x1p-7" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      run_slope (bad[i], &status, &out, &err);
      g_assert_cmpint (status, ==, 2);
      g_assert_true (g_str_has_prefix (err, "slope: "));
      g_assert_nonnull (strstr (err, bad[i][0]));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  slope_test_init (&argc, &argv);
  slope_test_gtk_init_or_skip ();

  g_test_add_func ("/window/drive-controls", test_drive_controls);
  g_test_add_func ("/window/bad-lr-entry", test_bad_lr_entry);
  g_test_add_func ("/window/play-pause", test_play_pause);
  g_test_add_func ("/window/run-log-and-reset", test_run_log_and_reset);
  g_test_add_func ("/window/divergence-message", test_divergence_message);
  g_test_add_func ("/window/stable-zone", test_stable_zone);
  g_test_add_func ("/window/remembers-size", test_remembers_size);
  g_test_add_func ("/window/remembers-maximized", test_remembers_maximized);
  g_test_add_func ("/window/launch-options-not-saved", test_launch_options_not_saved);
  g_test_add_func ("/window/autoplay-log", test_autoplay_log);
  g_test_add_func ("/window/step-lines-explained", test_step_lines_explained);
  g_test_add_func ("/window/rewind", test_rewind);
  g_test_add_func ("/window/least-squares-reference", test_least_squares_reference);
  g_test_add_func ("/window/presentation", test_presentation);
  g_test_add_func ("/window/lab-demonstrates", test_lab_demonstrates);
  g_test_add_func ("/window/examples-and-export", test_examples_and_export);
  g_test_add_func ("/window/close-while-playing", test_close_while_playing);
  g_test_add_func ("/window/real-binary-autoplay", test_real_binary_autoplay);
  g_test_add_func ("/window/real-binary-bad-options", test_real_binary_bad_options);
  g_test_add_func ("/window/autoplay-file", test_autoplay_file);

  return g_test_run ();
}
