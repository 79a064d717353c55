/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-advice.c: the window's words on real data — the divergence
 * banner with the limit and the suggested rate, the one-time note that a
 * run without zero_grad will not settle, scaling offered on load of badly
 * conditioned data, a learning-rate key that holds what the window
 * accepts, and a slider that reaches the data's limit. */
#include "config.h"

#include "slope-test-ui.h"

#include <math.h>
#include <string.h>

#include "slope-csv.h"
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

/* The lesson at lr = 0.2 and 0.4 (limit 0.18): paused within 20 epochs
 * (PyTorch's cost reaches ten times its first at epochs 7 and 2), and the
 * banner names the rate, the limit and 3/17 ≈ 0.176. */
static void
test_divergence_banner (void)
{
  static const struct
  {
    double      lr;
    const char *lr_text;
    guint64     epoch;
  } rates[] = {
    { 0.2, "0.2 ", 7 },
    { 0.4, "0.4 ", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      SlopeWindow *window = new_window ();
      const char *text;

      slope_runner_set_speed (window->runner, 0);
      slope_window_set_lr (window, rates[i].lr);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
      slope_runner_wait_paused (window->runner);
      settle (window);

      g_assert_false (window->snapshot.playing);
      g_assert_cmpuint (window->snapshot.state.epoch, ==, rates[i].epoch);
      g_assert_cmpuint (window->snapshot.state.epoch, <=, 20);
      g_assert_true (gtk_revealer_get_reveal_child (window->divergence_revealer));
      text = gtk_label_get_text (window->divergence_label);
      g_test_message ("%s", text);
      g_assert_nonnull (strstr (text, rates[i].lr_text));
      g_assert_nonnull (strstr (text, "0.18"));
      g_assert_nonnull (strstr (text, "0.176"));
      /* The lesson's data needs no scaling, and is not told it does. */
      g_assert_null (strstr (text, "standardis"));
      g_settings_reset (window->settings, "learning-rate");
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* zero_grad off at 0.01: never paused, told once why it swings. */
static void
test_unsettled_note (void)
{
  SlopeWindow *window = new_window ();

  slope_runner_set_speed (window->runner, 0);
  gtk_switch_set_active (window->zero_grad_switch, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  slope_runner_wait_paused (window->runner);
  settle (window);

  g_assert_cmpint (window->snapshot.divergence, ==, SLOPE_DIVERGENCE_NONE);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 1000);
  g_assert_false (gtk_revealer_get_reveal_child (window->divergence_revealer));
  g_assert_true (gtk_revealer_get_reveal_child (window->notice_revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (window->notice_label), "will not settle"));

  /* Once: dismissed, it does not come back in the same run. */
  slope_window_show_notice (window, NULL);
  slope_window_redraw (window);
  g_assert_false (gtk_revealer_get_reveal_child (window->notice_revealer));
  g_settings_reset (window->settings, "zero-grad");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* x around 1000: scaling is offered on load, the slider reaches below the
 * limit, and the key stores a rate that small. */
static void
test_badly_conditioned (void)
{
  SlopeWindow *window = new_window ();
  g_autoptr(SlopeDataset) data = slope_examples_load ("large-x", NULL);
  double lr_2;

  g_assert_nonnull (data);
  slope_window_set_dataset (window, data);
  settle (window);
  slope_window_redraw (window);
  g_assert_true (gtk_revealer_get_reveal_child (window->notice_revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (window->notice_label), "Standardise"));

  g_assert_true (slope_dataset_stable_lr (data, &lr_2, NULL));
  g_assert_cmpfloat (lr_2, <, 1e-4);
  g_assert_cmpfloat (pow (10.0, gtk_adjustment_get_lower (window->lr_adjustment)), <, lr_2);

  slope_window_set_lr (window, lr_2 / 2.0);
  g_assert_cmpfloat (g_settings_get_double (window->settings, "learning-rate"), ==, lr_2 / 2.0);
  g_assert_cmpfloat_with_epsilon (pow (10.0, gtk_adjustment_get_value (window->lr_adjustment)),
                                  lr_2 / 2.0, lr_2 * 1e-9);
  g_settings_reset (window->settings, "learning-rate");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An edit moves the landscape's star to the new least squares at once:
 * x = 1, 2, 3, 4 and y = 2, 4, 6, 0 give W* = −0.4, b* = 4 (by hand:
 * Sxy = −2, Sxx = 5). */
static void
test_edit_updates_landscape (void)
{
  SlopeWindow *window = new_window ();
  const SlopeLandscapePlot *plot;

  g_action_group_change_action_state (G_ACTION_GROUP (window), "edit-mode",
                                      g_variant_new_boolean (TRUE));
  g_signal_emit_by_name (window->data_view, "add-point", 4.0, 0.0);
  settle (window);
  plot = slope_landscape_widget_get_plot (window->landscape_view);
  g_assert_true (plot->has_optimum);
  g_assert_cmpfloat_with_epsilon (plot->optimum_w, -0.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (plot->optimum_b, 4.0, 1e-12);
  g_assert_cmpuint (plot->moments.n, ==, 4);
  g_action_group_change_action_state (G_ACTION_GROUP (window), "edit-mode",
                                      g_variant_new_boolean (FALSE));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* houses.csv at the notebook's lr = 0.01 (limit 2.49e-07): paused at
 * PyTorch's epoch 2, and the banner offers standardising; the notice that
 * offered it on load goes, so it is not said twice, one above the other. */
static void
test_houses_diverge_said_once (void)
{
  SlopeWindow *window = new_window ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", "houses.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SlopeDataset) data = slope_csv_load (file, NULL, NULL, NULL, NULL, NULL, NULL);
  const char *text;

  g_assert_nonnull (data);
  slope_runner_set_speed (window->runner, 0);
  slope_window_set_lr (window, 0.01);
  slope_window_set_dataset (window, data);
  settle (window);
  slope_window_redraw (window);
  g_assert_true (gtk_revealer_get_reveal_child (window->notice_revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (window->notice_label), "Standardise"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  slope_runner_wait_paused (window->runner);
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 2);
  g_assert_true (gtk_revealer_get_reveal_child (window->divergence_revealer));
  text = gtk_label_get_text (window->divergence_label);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "0.01 "));
  g_assert_nonnull (strstr (text, "2.49e-07"));
  g_assert_nonnull (strstr (text, "Standardise"));
  g_assert_false (gtk_revealer_get_reveal_child (window->notice_revealer));
  g_settings_reset (window->settings, "learning-rate");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* houses.csv standardised, at the suggested rate: the plot's line in the
 * data's units reaches numpy's least squares (tests/reference/
 * houses-standardize.txt) within 1000 epochs. */
static void
test_standardise_houses (void)
{
  SlopeWindow *window = new_window ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", "houses.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SlopeDataset) data = slope_csv_load (file, NULL, NULL, NULL, NULL, NULL, NULL);
  const SlopeDataPlot *plot;
  SlopeDataset *train;
  const char *math;
  double lr_raw, lr_scaled;

  g_assert_nonnull (data);
  slope_runner_set_speed (window->runner, 0);
  slope_window_set_dataset (window, data);
  settle (window);
  g_assert_true (slope_window_training_data (window) == data);
  g_assert_true (slope_dataset_stable_lr (data, &lr_raw, NULL));

  slope_window_redraw (window);
  g_assert_true (gtk_revealer_get_reveal_child (window->notice_revealer));
  gtk_drop_down_set_selected (window->scale_drop_down, SLOPE_SCALE_STANDARDIZE);
  /* The offer to scale, taken, goes away. */
  g_assert_false (gtk_revealer_get_reveal_child (window->notice_revealer));
  train = slope_window_training_data (window);
  g_assert_true (train != data);
  g_assert_cmpuint (slope_dataset_get_n (train), ==, 40);
  g_assert_cmpfloat_with_epsilon (slope_dataset_get_moments (train)->sum_x, 0.0, 1e-12);
  g_assert_true (slope_dataset_stable_lr (train, &lr_scaled, NULL));
  g_assert_cmpfloat (lr_scaled, >, 1e5 * lr_raw);
  g_assert_nonnull (strstr (gtk_label_get_text (window->scale_hint), "round bowl"));
  /* The landscape's axes say W and b are on x′, y′; the data plot keeps
   * the columns' names and units. */
  g_assert_true (slope_landscape_widget_get_plot (window->landscape_view)->scaled);
  g_assert_cmpstr (slope_dataset_get_x_name (slope_data_view_get_plot (window->data_view)->dataset),
                   ==, "size_m2");

  /* Suggest: N/(2N − 1) for standardised data, 40/79 here. */
  slope_window_suggest_lr (window);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (window->settings, "learning-rate"),
                                  40.0 / 79.0, 1e-12);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  slope_runner_wait_paused (window->runner);
  settle (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 1000);
  g_assert_cmpint (window->snapshot.divergence, ==, SLOPE_DIVERGENCE_NONE);
  plot = slope_data_view_get_plot (window->data_view);
  g_assert_true (plot->dataset == data);
  g_assert_cmpfloat_with_epsilon (plot->w, 141.0696383665879, 1e-9 * 141.07);
  g_assert_cmpfloat_with_epsilon (plot->b, 63732.521107491266, 1e-9 * 63732.5);

  /* The math panel (F9) works on what training sees: the transformation
   * with the data's mean and torch.std (1857.15, 763.771; 325720,
   * 112228 by Python's statistics module), the first point scaled
   * ((525.9 − 1857.15) / 763.771 = −1.743), and the line in both units. */
  slope_window_set_show_explain (window, TRUE);
  settle (window);
  math = slope_math_view_get_text (window->math_view);
  g_test_message ("%s", math);
  g_assert_nonnull (strstr (math, "x′\t= (x − 1857.15) / 763.771\n"));
  g_assert_nonnull (strstr (math, "y′\t= (y − 325720) / 112228\n"));
  g_assert_nonnull (strstr (math, "· (−1.743) + "));
  g_assert_nonnull (strstr (math, "y′₁ = −1.77246"));
  g_assert_nonnull (strstr (math, "= 141.1x + 63733\tthe line drawn now"));

  /* Back to none: training sees the data itself again. */
  gtk_drop_down_set_selected (window->scale_drop_down, SLOPE_SCALE_NONE);
  g_assert_true (slope_window_training_data (window) == data);
  g_assert_false (slope_landscape_widget_get_plot (window->landscape_view)->scaled);
  g_settings_reset (window->settings, "learning-rate");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  slope_test_init (&argc, &argv);
  slope_test_gtk_init_or_skip ();

  g_test_add_func ("/window-advice/divergence-banner", test_divergence_banner);
  g_test_add_func ("/window-advice/unsettled-note", test_unsettled_note);
  g_test_add_func ("/window-advice/badly-conditioned", test_badly_conditioned);
  g_test_add_func ("/window-advice/edit-updates-landscape", test_edit_updates_landscape);
  g_test_add_func ("/window-advice/standardise-houses", test_standardise_houses);
  g_test_add_func ("/window-advice/houses-diverge-said-once", test_houses_diverge_said_once);

  return g_test_run ();
}
