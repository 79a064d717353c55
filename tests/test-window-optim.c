/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-optim.c: the window's optimizers and mini-batches — the run
 * as one SlopeRunSettings, the optimizer section of the side panel, its
 * refusals, and the numbers after N epochs, which must be PyTorch's own
 * (tests/reference/optim/, written by make-optim-reference.py).  Runs
 * under Xvfb (suite ui).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-test-ui.h"
#include "slope-axis.h"
#include "slope-window-private.h"
#include "slope-test-window.h"

static void
play_to_end (SlopeWindow *window)
{
  slope_runner_set_speed (window->runner, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  slope_runner_wait_paused (window->runner);
  slope_test_settle (window);
}

/* On the lesson's points the window's numbers are PyTorch's bit for bit. */
static void
assert_reference (SlopeWindow *window,
                  const char  *name,
                  guint        epoch)
{
  double w, b, cost;

  slope_test_reference_row (name, epoch, &w, &b, &cost);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, epoch);
  g_assert_cmpfloat (window->snapshot.state.w, ==, w);
  g_assert_cmpfloat (window->snapshot.state.b, ==, b);
  g_assert_cmpfloat (window->snapshot.state.cost, ==, cost);
}

/* What the window trains with reads back as it was set, the controls
 * show it, and the run it makes is PyTorch's. */
static void
test_run_settings_round_trip (void)
{
  SlopeWindow *window = slope_test_window_new ();
  SlopeRunSettings in, out;

  _slope_window_get_run_settings (window, &out);
  slope_run_settings_init (&in);
  /* The notebook's run, untouched. */
  g_assert_cmpfloat (out.lr, ==, 0.01);
  g_assert_true (out.zero_grad);
  g_assert_cmpfloat (out.w0, ==, 0.0);
  g_assert_cmpuint (out.n_runs, ==, 1);
  g_assert_cmpuint (out.runs[0], ==, 1000);
  g_assert_cmpint (out.optimizer.kind, ==, SLOPE_OPTIMIZER_SGD);
  g_assert_cmpuint (out.batch_size, ==, 0);

  /* sgd-two-runs in cases.txt, its first run: momentum 0.8 from (1.5, −2). */
  in.lr = 0.01;
  in.w0 = 1.5;
  in.b0 = -2.0;
  in.runs[0] = 40;
  in.optimizer.momentum = 0.8;
  in.log_every = 10;
  _slope_window_set_run_settings (window, &in);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reset", NULL);
  _slope_window_get_run_settings (window, &out);
  g_assert_cmpfloat (out.lr, ==, 0.01);
  g_assert_cmpfloat (out.w0, ==, 1.5);
  g_assert_cmpfloat (out.b0, ==, -2.0);
  g_assert_cmpuint (out.runs[0], ==, 40);
  g_assert_cmpfloat (out.optimizer.momentum, ==, 0.8);
  g_assert_cmpuint (out.log_every, ==, 10);
  g_assert_true (slope_optimizer_settings_equal (&out.optimizer, &in.optimizer));
  g_assert_cmpfloat (gtk_spin_button_get_value (window->initial_w_spin), ==, 1.5);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (window->epochs_spin), ==, 40);

  play_to_end (window);
  assert_reference (window, "sgd-two-runs", 40);

  /* zero_grad off, another rate and batches of two. */
  in.lr = 0.05;
  in.zero_grad = FALSE;
  in.batch_size = 2;
  in.shuffle = TRUE;
  in.seed = 7;
  _slope_window_set_run_settings (window, &in);
  _slope_window_get_run_settings (window, &out);
  g_assert_cmpfloat (out.lr, ==, 0.05);
  g_assert_false (out.zero_grad);
  g_assert_false (gtk_switch_get_active (window->zero_grad_switch));
  g_assert_cmpuint (out.batch_size, ==, 2);
  g_assert_true (out.shuffle);
  g_assert_cmpuint (out.seed, ==, 7);
  slope_test_settle (window);
  g_assert_cmpfloat (window->snapshot.state.lr, ==, 0.05);
  g_assert_false (window->snapshot.state.zero_grad);

  slope_test_close_window (window);
}

/* Types @text into the entry of @kind's keyword argument @key and presses
 * Enter, as a person would. */
static void
type_param (SlopeWindow        *window,
            SlopeOptimizerKind  kind,
            const char         *key,
            const char         *text)
{
  GtkWidget *entry = slope_window_optim_param (window, kind, key);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

static void
set_epochs (SlopeWindow *window,
            guint        epochs)
{
  gtk_spin_button_set_value (window->epochs_spin, epochs);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reset", NULL);
  slope_test_settle (window);
}

static const char *
state_row (SlopeWindow *window,
           const char  *name)
{
  for (guint i = 0; i < SLOPE_WINDOW_N_STATE_ROWS; i++)
    if (gtk_widget_get_visible (GTK_WIDGET (window->state_names[i]))
        && g_str_equal (gtk_label_get_text (window->state_names[i]), name))
      return gtk_inscription_get_text (window->state_values[i]);
  return NULL;
}

static void
assert_state_row (SlopeWindow *window,
                  const char  *name,
                  double       value)
{
  char expected[64];

  slope_format_number (expected, sizeof expected, value, 6);
  g_assert_cmpstr (state_row (window, name), ==, expected);
}

static char *
code_line (SlopeWindow *window,
           guint        line)
{
  g_autofree char *code = slope_code_view_get_text (window->code_view);
  g_auto(GStrv) lines = g_strsplit (code, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), >, line);
  return g_strdup (lines[line]);
}

/* Adam at lr = 0.1 chosen in the panel: after one step its moments are
 * the hand-worked (1 − β₁)·g and (1 − β₂)·g² of the first gradient
 * (g = −56/3 for W, −8 for b); after 200 epochs W, b and the cost are
 * PyTorch's (adam.csv) bit for bit. */
static void
test_adam (void)
{
  SlopeWindow *window = slope_test_window_new ();
  g_autofree char *line = NULL;
  const char *math;

  gtk_drop_down_set_selected (window->optim_drop_down, SLOPE_OPTIMIZER_ADAM);
  slope_window_set_lr (window, 0.1);
  set_epochs (window, 200);
  line = code_line (window, 0);
  g_assert_cmpstr (line, ==, "optimizer = optim.Adam([W, b], lr=0.1)");
  g_assert_nonnull (strstr (gtk_label_get_text (window->lr_hint), "no simple limit"));
  g_assert_false (gtk_widget_is_visible (slope_window_optim_param (window, SLOPE_OPTIMIZER_SGD,
                                                                    "momentum")));
  g_assert_true (gtk_widget_is_visible (slope_window_optim_param (window, SLOPE_OPTIMIZER_ADAM,
                                                                  "amsgrad")));

  g_assert_cmpstr (state_row (window, "step"), ==, "—");
  slope_window_set_show_explain (window, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  slope_test_settle (window);
  g_assert_cmpstr (state_row (window, "step"), ==, "1");
  assert_state_row (window, "exp_avg W", -1.86667);
  assert_state_row (window, "exp_avg b", -0.8);
  assert_state_row (window, "exp_avg_sq W", 0.348444);
  assert_state_row (window, "exp_avg_sq b", 0.064);
  g_assert_null (state_row (window, "max_exp_avg_sq W"));
  math = slope_math_view_get_text (window->math_view);
  g_assert_nonnull (strstr (math, "exp_avg W"));
  g_assert_nonnull (strstr (math, "−1.86667"));
  g_assert_nonnull (strstr (math, "β₁·m + (1 − β₁)·g"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reset", NULL);
  play_to_end (window);
  assert_reference (window, "adam", 200);
  g_assert_cmpstr (state_row (window, "step"), ==, "200");

  slope_test_close_window (window);
}

/* SGD with momentum 0.9 typed into the panel: the code line, the exact
 * limit 2(1 + μ)/λmax = 3.8/λmax ≈ 0.343 on the lesson's points
 * (λmax = (17 + √265)/3), the buffers, and PyTorch's numbers after 100
 * epochs (sgd-momentum.csv). */
static void
test_sgd_momentum (void)
{
  SlopeWindow *window = slope_test_window_new ();
  g_autofree char *line = NULL;

  set_epochs (window, 100);
  g_assert_null (state_row (window, "momentum_buffer W"));
  type_param (window, SLOPE_OPTIMIZER_SGD, "momentum", "0.9");
  slope_test_settle (window);
  line = code_line (window, 0);
  g_assert_cmpstr (line, ==, "optimizer = optim.SGD([W, b], lr=0.01, momentum=0.9)");
  g_assert_nonnull (strstr (gtk_label_get_text (window->lr_hint), "0.343"));
  g_assert_cmpfloat (window->snapshot.state.optimizer_settings.momentum, ==, 0.9);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  slope_test_settle (window);
  /* The first step: buf = g. */
  assert_state_row (window, "momentum_buffer W", -18.6667);
  assert_state_row (window, "momentum_buffer b", -8.0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reset", NULL);
  play_to_end (window);
  assert_reference (window, "sgd-momentum", 100);

  slope_test_close_window (window);
}

/* Batches of one, in order: three steps an epoch, each batch's cost on
 * the cost plot and each step on the landscape, and after 100 epochs
 * PyTorch's DataLoader(batch_size=1) loop (sgd-batch-1.csv). */
static void
test_batch_1 (void)
{
  SlopeWindow *window = slope_test_window_new ();
  const SlopeCostPlot *cost;
  const SlopeLandscapePlot *landscape;

  set_epochs (window, 100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->batch_spin)), ==, "all");
  g_assert_null (strstr (gtk_label_get_text (window->lr_hint), "mini-batches"));
  gtk_spin_button_set_value (window->batch_spin, 1);
  /* The limit shown is the whole data's, and the hint says so. */
  g_assert_nonnull (strstr (gtk_label_get_text (window->lr_hint), "mini-batches"));
  play_to_end (window);
  assert_reference (window, "sgd-batch-1", 100);
  g_assert_cmpuint (window->snapshot.state.n_batches, ==, 3);

  cost = slope_cost_view_get_plot (window->cost_view);
  landscape = slope_landscape_widget_get_plot (window->landscape_view);
  g_assert_cmpuint (cost->n_batches, ==, 300);
  g_assert_cmpuint (landscape->n_batch_path, ==, 300);
  /* The last step is the epoch's end, and lands where the run did. */
  g_assert_cmpfloat (cost->batch_x[299], ==, 100.0);
  g_assert_cmpfloat (cost->batch_x[0], ==, 1.0 / 3.0);
  g_assert_cmpfloat (landscape->batch_w[299], ==, window->snapshot.state.w);
  g_assert_cmpfloat (landscape->batch_b[299], ==, window->snapshot.state.b);
  g_assert_cmpuint (g_settings_get_uint (window->settings, "batch-size"), ==, 1);

  /* Reset forgets the batches; all points again draws none. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reset", NULL);
  slope_test_settle (window);
  g_assert_cmpuint (cost->n_batches, ==, 0);
  gtk_spin_button_set_value (window->batch_spin, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  slope_test_settle (window);
  g_assert_cmpuint (cost->n_batches, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->batch_spin)), ==, "all");

  slope_test_close_window (window);
}

/* optimizer.zero_grad() switched off works with each optimizer as in
 * PyTorch: W.grad sums every gradient and the optimizer steps on the sum
 * (adam-, rmsprop- and adagrad-no-zero-grad.csv, 200 epochs each). */
static void
test_no_zero_grad (void)
{
  static const struct {
    SlopeOptimizerKind kind;
    double             lr;
    const char        *reference;
  } cases[] = {
    { SLOPE_OPTIMIZER_ADAM, 0.1, "adam-no-zero-grad" },
    { SLOPE_OPTIMIZER_RMSPROP, 0.01, "rmsprop-no-zero-grad" },
    { SLOPE_OPTIMIZER_ADAGRAD, 0.5, "adagrad-no-zero-grad" },
  };
  SlopeWindow *window = slope_test_window_new ();

  gtk_switch_set_active (window->zero_grad_switch, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gtk_drop_down_set_selected (window->optim_drop_down, cases[i].kind);
      slope_window_set_lr (window, cases[i].lr);
      set_epochs (window, 200);
      play_to_end (window);
      g_test_message ("%s", cases[i].reference);
      assert_reference (window, cases[i].reference, 200);
    }
  slope_test_close_window (window);
}

/* What PyTorch refuses is refused with PyTorch's words, and training goes
 * on with the last accepted optimizer; a typo is marked where it was
 * typed. */
static void
test_refusals (void)
{
  SlopeWindow *window = slope_test_window_new ();
  GtkWidget *nesterov = slope_window_optim_param (window, SLOPE_OPTIMIZER_SGD, "nesterov");
  GtkWidget *momentum = slope_window_optim_param (window, SLOPE_OPTIMIZER_SGD, "momentum");

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->optim_error)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (nesterov), TRUE);
  slope_test_settle (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->optim_error)));
  g_assert_nonnull (strstr (gtk_label_get_text (window->optim_error),
                            "Nesterov momentum requires a momentum and zero dampening"));
  g_assert_false (window->optimizer.nesterov);
  g_assert_false (window->snapshot.state.optimizer_settings.nesterov);
  g_assert_cmpstr (g_settings_get_string (window->settings, "optimizer"), ==, "SGD");

  /* With a momentum Nesterov is fine. */
  type_param (window, SLOPE_OPTIMIZER_SGD, "momentum", "0.5");
  slope_test_settle (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->optim_error)));
  g_assert_true (window->snapshot.state.optimizer_settings.nesterov);

  type_param (window, SLOPE_OPTIMIZER_SGD, "momentum", "-1");
  slope_test_settle (window);
  g_assert_nonnull (strstr (gtk_label_get_text (window->optim_error),
                            "Invalid momentum value: -1.0"));
  g_assert_cmpfloat (window->snapshot.state.optimizer_settings.momentum, ==, 0.5);

  type_param (window, SLOPE_OPTIMIZER_SGD, "momentum", "fast");
  g_assert_true (gtk_widget_has_css_class (momentum, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->optim_error)));
  g_assert_cmpfloat (window->optimizer.momentum, ==, 0.5);

  /* Adam's betas lie in [0, 1). */
  gtk_drop_down_set_selected (window->optim_drop_down, SLOPE_OPTIMIZER_ADAM);
  type_param (window, SLOPE_OPTIMIZER_ADAM, "beta2", "1");
  slope_test_settle (window);
  g_assert_nonnull (strstr (gtk_label_get_text (window->optim_error),
                            "Invalid beta parameter at index 1: 1.0"));
  g_assert_cmpint (window->snapshot.state.optimizer, ==, SLOPE_OPTIMIZER_ADAM);
  g_assert_cmpfloat (window->snapshot.state.optimizer_settings.beta2, ==, 0.999);

  slope_test_close_window (window);
}

/* The optimizer and the batching are kept in GSettings and a new window
 * starts with them. */
static void
test_settings_round_trip (void)
{
  SlopeWindow *window = slope_test_window_new ();
  SlopeWindow *second;
  g_autoptr(GVariant) parameters = NULL;
  double beta1;

  gtk_drop_down_set_selected (window->optim_drop_down, SLOPE_OPTIMIZER_ADAMW);
  type_param (window, SLOPE_OPTIMIZER_ADAMW, "beta1", "0.8");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (slope_window_optim_param (window, SLOPE_OPTIMIZER_ADAMW,
                                                                            "amsgrad")), TRUE);
  gtk_spin_button_set_value (window->batch_spin, 2);
  gtk_check_button_set_active (window->shuffle_check, TRUE);
  gtk_spin_button_set_value (window->seed_spin, 7);

  g_assert_cmpstr (g_settings_get_string (window->settings, "optimizer"), ==, "AdamW");
  parameters = g_settings_get_value (window->settings, "optimizer-parameters");
  g_assert_true (g_variant_lookup (parameters, "beta1", "d", &beta1));
  g_assert_cmpfloat (beta1, ==, 0.8);
  g_assert_cmpuint (g_settings_get_uint (window->settings, "batch-size"), ==, 2);
  g_assert_true (g_settings_get_boolean (window->settings, "shuffle"));
  g_assert_cmpuint (g_settings_get_uint64 (window->settings, "shuffle-seed"), ==, 7);

  second = slope_test_window_new ();
  g_assert_true (slope_optimizer_settings_equal (&second->optimizer, &window->optimizer));
  g_assert_cmpint (second->optimizer.kind, ==, SLOPE_OPTIMIZER_ADAMW);
  g_assert_cmpfloat (second->optimizer.beta1, ==, 0.8);
  g_assert_true (second->optimizer.amsgrad);
  /* AdamW's own default, not Adam's. */
  g_assert_cmpfloat (second->optimizer.weight_decay, ==, 0.01);
  g_assert_cmpuint (gtk_drop_down_get_selected (second->optim_drop_down), ==, SLOPE_OPTIMIZER_ADAMW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (slope_window_optim_param (second, SLOPE_OPTIMIZER_ADAMW,
                                                                                   "beta1"))), ==, "0.8");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (second->batch_spin), ==, 2);
  g_assert_true (gtk_check_button_get_active (second->shuffle_check));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (second->seed_spin), ==, 7);
  slope_test_settle (second);
  g_assert_cmpint (second->snapshot.state.optimizer, ==, SLOPE_OPTIMIZER_ADAMW);
  g_assert_true (second->snapshot.state.optimizer_settings.amsgrad);

  gtk_window_destroy (GTK_WINDOW (second));
  slope_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  slope_test_init (&argc, &argv);
  slope_test_gtk_init_or_skip ();

  g_test_add_func ("/window-optim/run-settings-round-trip", test_run_settings_round_trip);
  g_test_add_func ("/window-optim/adam", test_adam);
  g_test_add_func ("/window-optim/sgd-momentum", test_sgd_momentum);
  g_test_add_func ("/window-optim/batch-1", test_batch_1);
  g_test_add_func ("/window-optim/no-zero-grad", test_no_zero_grad);
  g_test_add_func ("/window-optim/refusals", test_refusals);
  g_test_add_func ("/window-optim/settings-round-trip", test_settings_round_trip);

  return g_test_run ();
}
