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

/* The settings a test changed go back to their defaults, so the next
 * test's window starts as a person's first one would. */
static void
close_window (SlopeWindow *window)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (window->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (window->settings, keys[i]);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Row @epoch of PyTorch's log tests/reference/optim/@name.csv: W, b and
 * the cost after that epoch. */
static void
reference_row (const char *name,
               guint       epoch,
               double     *w,
               double     *b,
               double     *cost)
{
  g_autofree char *file = g_strconcat (name, ".csv", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", "optim", file, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "epoch,W,b,cost,dW,db,W.grad,b.grad");
  g_assert_cmpuint (g_strv_length (lines), >, epoch);
  fields = g_strsplit (lines[epoch], ",", -1);
  g_assert_cmpuint (g_ascii_strtoull (fields[0], NULL, 10), ==, epoch);
  *w = g_ascii_strtod (fields[1], NULL);
  *b = g_ascii_strtod (fields[2], NULL);
  *cost = g_ascii_strtod (fields[3], NULL);
}

/* Plays the run to its end, flat out. */
static void
play_to_end (SlopeWindow *window)
{
  slope_runner_set_speed (window->runner, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  slope_runner_wait_paused (window->runner);
  settle (window);
}

/* On the lesson's points the window's numbers are PyTorch's bit for bit. */
static void
assert_reference (SlopeWindow *window,
                  const char  *name,
                  guint        epoch)
{
  double w, b, cost;

  reference_row (name, epoch, &w, &b, &cost);
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
  SlopeWindow *window = new_window ();
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
  settle (window);
  g_assert_cmpfloat (window->snapshot.state.lr, ==, 0.05);
  g_assert_false (window->snapshot.state.zero_grad);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  slope_test_init (&argc, &argv);
  slope_test_gtk_init_or_skip ();

  g_test_add_func ("/window-optim/run-settings-round-trip", test_run_settings_round_trip);

  return g_test_run ();
}
