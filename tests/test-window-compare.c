/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-compare.c: runs compared side by side in the window — the
 * one-click comparisons give the settings they promise, every run's
 * numbers after N epochs are PyTorch's (tests/reference/optim/compare-*,
 * written by make-optim-reference.py), Play, Step, Reset and looking back
 * act on all runs, a hidden run trains on, a removed run's worker is
 * joined, six runs at most, and a lesson keeps them.  Runs under Xvfb
 * (suite ui).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "slope-history.h"
#include "slope-test-ui.h"
#include "slope-window-private.h"
#include "slope-test-window.h"

static void
settle_all (SlopeWindow *window)
{
  slope_runner_sync (window->runner);
  for (guint i = 0; i < window->n_compared; i++)
    slope_runner_sync (window->compared[i].runner);
  slope_window_refresh (window);
}

static void
compare (SlopeWindow *window,
         const char  *what)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", "s", what);
  settle_all (window);
}

static void
assert_state_is (const SlopeTrainerState *st,
                 const char              *name,
                 guint                    epoch)
{
  double w, b, cost;

  slope_test_reference_row (name, epoch, &w, &b, &cost);
  g_assert_cmpuint (st->epoch, ==, epoch);
  g_assert_cmpfloat (st->w, ==, w);
  g_assert_cmpfloat (st->b, ==, b);
  g_assert_cmpfloat (st->cost, ==, cost);
}

/* The four runs of the screenshots: the notebook's, lr × 10, zero_grad
 * off and Adam, each as promised, and after 100 epochs each equal to
 * PyTorch's float64 run with those settings, bit for bit. */
static void
test_four_runs_are_pytorchs (void)
{
  SlopeWindow *window = slope_test_window_new ();
  SlopeRunSettings main_run;

  gtk_spin_button_set_value (window->epochs_spin, 100);
  _slope_window_get_run_settings (window, &main_run);
  compare (window, "lr-times-10");
  compare (window, "zero-grad-off");
  compare (window, "adam");
  g_assert_cmpuint (window->n_compared, ==, 3);

  /* lr × 10 exactly, nothing else changed. */
  g_assert_cmpfloat (window->compared[0].settings.lr, ==, 0.1);
  g_assert_true (window->compared[0].settings.zero_grad);
  g_assert_cmpint (window->compared[0].settings.optimizer.kind, ==, SLOPE_OPTIMIZER_SGD);
  g_assert_cmpstr (window->compared[0].label, ==, "lr 0.1");
  /* zero_grad off. */
  g_assert_cmpfloat (window->compared[1].settings.lr, ==, 0.01);
  g_assert_false (window->compared[1].settings.zero_grad);
  g_assert_cmpstr (window->compared[1].label, ==, "zero_grad off");
  /* Adam with PyTorch's defaults at the main run's rate. */
  g_assert_cmpint (window->compared[2].settings.optimizer.kind, ==, SLOPE_OPTIMIZER_ADAM);
  g_assert_cmpfloat (window->compared[2].settings.optimizer.beta1, ==, 0.9);
  g_assert_cmpfloat (window->compared[2].settings.optimizer.beta2, ==, 0.999);
  g_assert_cmpfloat (window->compared[2].settings.optimizer.eps, ==, 1e-8);
  g_assert_cmpfloat (window->compared[2].settings.lr, ==, 0.01);
  g_assert_true (window->compared[2].settings.zero_grad);
  g_assert_cmpstr (window->compared[2].label, ==, "Adam");
  /* Colours 1, 2, 3. */
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (window->compared[i].colour, ==, i + 1);

  /* Flat out to the end of the 100-epoch run, all four. */
  gtk_adjustment_set_value (window->speed_adjustment, gtk_adjustment_get_upper (window->speed_adjustment));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  slope_runner_wait_paused (window->runner);
  for (guint i = 0; i < window->n_compared; i++)
    slope_runner_wait_paused (window->compared[i].runner);
  settle_all (window);

  assert_state_is (&window->snapshot.state, "compare-sgd", 100);
  assert_state_is (&window->compared[0].snapshot.state, "compare-lr-0.1", 100);
  assert_state_is (&window->compared[1].snapshot.state, "compare-no-zero-grad", 100);
  assert_state_is (&window->compared[2].snapshot.state, "compare-adam", 100);
  /* lr 0.1 got within 1/10 000 of the way to the least-squares cost (0
   * on these points) at the first epoch PyTorch's log says it did. */
  {
    double w, b, cost, first;
    guint reached = 0;

    slope_test_reference_row ("compare-lr-0.1", 1, &w, &b, &first);
    for (guint e = 1; e <= 100 && reached == 0; e++)
      {
        slope_test_reference_row ("compare-lr-0.1", e, &w, &b, &cost);
        if (cost <= 1e-4 * first)
          reached = e;
      }
    g_assert_cmpuint (reached, >, 0);
    g_assert_cmpuint (window->compared[0].snapshot.reached_epoch, ==, reached);
    g_assert_cmpuint (g_ascii_strtoull (gtk_label_get_text (GTK_LABEL (window->compared[0].cells[4])), NULL, 10), ==, reached);
    /* The main run at 0.01 is not there yet after 100 epochs. */
    g_assert_cmpuint (window->snapshot.reached_epoch, ==, 0);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (window->compare_main_cells[4])), ==, "—");
  }
  /* The main run's own settings were not touched. */
  {
    SlopeRunSettings now;

    _slope_window_get_run_settings (window, &now);
    g_assert_cmpfloat (now.lr, ==, main_run.lr);
    g_assert_true (now.zero_grad);
    g_assert_cmpint (now.optimizer.kind, ==, SLOPE_OPTIMIZER_SGD);
  }

  slope_test_close_window (window);
}

/* Step, Reset and looking back act on every run. */
static void
test_step_reset_rewind_all (void)
{
  SlopeWindow *window = slope_test_window_new ();
  SlopeEpochRecord rec;
  double w, b, cost;

  compare (window, "lr-times-10");
  compare (window, "copy");
  for (guint k = 0; k < 30; k++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  settle_all (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 30);
  for (guint i = 0; i < window->n_compared; i++)
    g_assert_cmpuint (window->compared[i].snapshot.state.epoch, ==, 30);
  /* The copy is the main run, number for number. */
  g_assert_cmpstr (window->compared[1].label, ==, "copy");
  g_assert_cmpfloat (window->compared[1].snapshot.state.w, ==, window->snapshot.state.w);
  assert_state_is (&window->compared[0].snapshot.state, "compare-lr-0.1", 30);

  /* Looking back at epoch 12 shows every run at 12. */
  slope_window_rewind_to (window, 12);
  slope_window_redraw (window);
  g_assert_cmpuint (window->shown.epoch, ==, 12);
  slope_test_reference_row ("compare-lr-0.1", 12, &w, &b, &cost);
  g_assert_cmpuint (window->compared[0].shown.epoch, ==, 12);
  g_assert_cmpfloat (window->compared[0].shown.w, ==, w);
  g_assert_cmpfloat (window->compared[0].shown.cost, ==, cost);
  g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (window->compared[0].cells[2])), ==, "12");
  slope_window_end_rewind (window);
  g_assert_cmpuint (window->compared[0].shown.epoch, ==, 30);

  /* A run that stopped earlier shows its last epoch: remove the copy's
   * epochs by a reset of it alone, then look back at 20. */
  slope_runner_reset (window->compared[1].runner);
  for (guint k = 0; k < 5; k++)
    slope_runner_step_epoch (window->compared[1].runner);
  settle_all (window);
  slope_window_rewind_to (window, 20);
  g_assert_cmpuint (window->compared[1].shown.epoch, ==, 5);
  g_assert_cmpuint (window->compared[0].shown.epoch, ==, 20);
  g_assert_true (slope_history_lookup (slope_runner_get_history (window->compared[0].runner), 20, &rec));
  g_assert_cmpfloat (window->compared[0].shown.w, ==, rec.w);
  slope_window_end_rewind (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reset", NULL);
  settle_all (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 0);
  for (guint i = 0; i < window->n_compared; i++)
    {
      g_assert_cmpuint (window->compared[i].snapshot.state.epoch, ==, 0);
      g_assert_cmpuint (slope_history_get_last_epoch (slope_runner_get_history (window->compared[i].runner)), ==, 0);
    }

  slope_test_close_window (window);
}

/* Play and pause reach every run; Space pauses them all when any plays. */
static void
test_play_pause_all (void)
{
  SlopeWindow *window = slope_test_window_new ();

  compare (window, "adam");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-play", NULL);
  settle_all (window);
  g_assert_true (window->snapshot.playing);
  g_assert_true (window->compared[0].snapshot.playing);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-play", NULL);
  settle_all (window);
  g_assert_false (window->snapshot.playing);
  g_assert_false (window->compared[0].snapshot.playing);

  slope_test_close_window (window);
}

/* Hidden: not drawn, still trained.  Removed: its worker stopped and
 * joined, the others keep their colours. */
static void
test_hide_and_remove (void)
{
  SlopeWindow *window = slope_test_window_new ();
  g_autoptr(SlopeRunner) removed = NULL;

  compare (window, "lr-times-10");
  compare (window, "zero-grad-off");
  compare (window, "adam");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (window->compared[0].cells[5]), FALSE);
  g_assert_true (window->compared[0].hidden);
  for (guint k = 0; k < 10; k++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  settle_all (window);
  assert_state_is (&window->compared[0].snapshot.state, "compare-lr-0.1", 10);

  removed = g_object_ref (window->compared[1].runner);
  g_signal_emit_by_name (window->compared[1].cells[7], "clicked");
  g_assert_cmpuint (window->n_compared, ==, 2);
  /* Joined: a stopped runner takes no more commands. */
  slope_runner_step_epoch (removed);
  slope_runner_sync (removed);
  {
    SlopeRunnerSnapshot snap;

    slope_runner_read (removed, &snap);
    g_assert_cmpuint (snap.state.epoch, ==, 10);
  }
  g_assert_cmpuint (window->compared[0].colour, ==, 1);
  g_assert_cmpuint (window->compared[1].colour, ==, 3);
  g_assert_cmpint (window->compared[1].settings.optimizer.kind, ==, SLOPE_OPTIMIZER_ADAM);
  g_assert_true (window->compared[0].hidden);
  /* The next run takes the free colour. */
  compare (window, "copy");
  g_assert_cmpuint (window->compared[2].colour, ==, 2);

  slope_test_close_window (window);
}

/* Six runs at most: the main one and five compared; then the buttons are
 * off, and on again after a removal. */
static void
test_six_at_most (void)
{
  SlopeWindow *window = slope_test_window_new ();
  SlopeRunSettings s;

  for (guint i = 0; i < 5; i++)
    {
      for (guint k = 0; k < 4; k++)
        g_assert_true (gtk_widget_is_sensitive (window->compare_buttons[k]));
      compare (window, "copy");
    }
  g_assert_cmpuint (window->n_compared, ==, 5);
  for (guint k = 0; k < 4; k++)
    g_assert_false (gtk_widget_is_sensitive (window->compare_buttons[k]));
  _slope_window_get_run_settings (window, &s);
  g_assert_cmpint (slope_window_compare_add (window, &s, FALSE), ==, -1);
  compare (window, "lr-times-10");
  g_assert_cmpuint (window->n_compared, ==, 5);

  slope_window_compare_remove (window, 0);
  for (guint k = 0; k < 4; k++)
    g_assert_true (gtk_widget_is_sensitive (window->compare_buttons[k]));
  compare (window, "lr-times-10");
  g_assert_cmpuint (window->n_compared, ==, 5);

  slope_test_close_window (window);
}

/* Make main: the compared run's settings go to the side panel, the main
 * run's to the table, and every run starts over. */
static void
test_make_main (void)
{
  SlopeWindow *window = slope_test_window_new ();
  SlopeRunSettings now;

  compare (window, "adam");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  settle_all (window);
  g_signal_emit_by_name (window->compared[0].cells[6], "clicked");
  settle_all (window);
  _slope_window_get_run_settings (window, &now);
  g_assert_cmpint (now.optimizer.kind, ==, SLOPE_OPTIMIZER_ADAM);
  g_assert_cmpint (window->compared[0].settings.optimizer.kind, ==, SLOPE_OPTIMIZER_SGD);
  g_assert_cmpstr (window->compared[0].label, ==, "SGD");
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 0);
  g_assert_cmpuint (window->compared[0].snapshot.state.epoch, ==, 0);
  /* Then its rate is the side panel's to change. */
  slope_window_set_lr (window, 0.05);
  settle_all (window);
  g_assert_cmpstr (window->compared[0].label, ==, "SGD, lr 0.01");

  slope_test_close_window (window);
}

/* A run that diverges says where, in the table; the others go on. */
static void
test_diverged_shown (void)
{
  SlopeWindow *window = slope_test_window_new ();

  gtk_spin_button_set_value (window->epochs_spin, 50);
  slope_window_set_lr (window, 0.02);
  compare (window, "lr-times-10");
  g_assert_cmpfloat (window->compared[0].settings.lr, ==, 0.2);
  gtk_adjustment_set_value (window->speed_adjustment, gtk_adjustment_get_upper (window->speed_adjustment));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  slope_runner_wait_paused (window->runner);
  slope_runner_wait_paused (window->compared[0].runner);
  settle_all (window);
  /* lr 0.2 on the lesson's points: paused at epoch 7 (README). */
  g_assert_cmpuint (window->compared[0].snapshot.diverged_epoch, ==, 7);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (window->compared[0].cells[4])), ==, "diverged at 7");
  g_assert_true (gtk_widget_has_css_class (window->compared[0].cells[4], "readout-diverged"));
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 50);
  g_assert_false (gtk_widget_has_css_class (window->compare_main_cells[4], "readout-diverged"));

  slope_test_close_window (window);
}

/* A click in the landscape starts the comparison there: the runs that
 * started where the main run did move with it, one with a start of its
 * own keeps it. */
static void
test_start_picked (void)
{
  SlopeWindow *window = slope_test_window_new ();
  SlopeRunSettings own;

  compare (window, "lr-times-10");
  _slope_window_get_run_settings (window, &own);
  own.w0 = -1.0;
  own.b0 = 2.0;
  slope_window_compare_add (window, &own, FALSE);
  g_signal_emit_by_name (window->landscape_view, "start-picked", 0.5, -0.25);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  settle_all (window);
  g_assert_cmpfloat (window->compared[0].settings.w0, ==, 0.5);
  g_assert_cmpfloat (window->compared[0].settings.b0, ==, -0.25);
  g_assert_cmpfloat (window->compared[1].settings.w0, ==, -1.0);
  /* Epoch 1's cost is the start's: mean((0.5x − 0.25 − 2x)²) on x = 1, 2, 3
   * = mean(1.75², 3.25², 4.75²) = 36.1875/3 = 12.0625. */
  g_assert_cmpfloat (window->compared[0].snapshot.state.cost, ==, 12.0625);
  g_assert_cmpstr (window->compared[0].label, ==, "lr 0.1");

  slope_test_close_window (window);
}

/* New data: every run starts over on it. */
static void
test_new_data_resets_all (void)
{
  SlopeWindow *window = slope_test_window_new ();
  double x[] = { 0, 1, 2, 3 }, y[] = { 1, 3, 5, 7 };
  g_autoptr(SlopeDataset) data = slope_dataset_new (x, y, 4, "four");

  compare (window, "lr-times-10");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  settle_all (window);
  g_assert_cmpuint (window->compared[0].snapshot.state.epoch, ==, 1);
  slope_window_set_dataset (window, data);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  settle_all (window);
  g_assert_cmpuint (window->compared[0].snapshot.state.epoch, ==, 1);
  /* Its first epoch on the new data: cost mean(y²) = 84/4 from W = b = 0. */
  g_assert_cmpfloat (window->compared[0].snapshot.state.cost, ==, 21.0);

  slope_test_close_window (window);
}

/* A lesson keeps the compared runs and which are hidden; opening one
 * without runs drops the window's. */
static void
test_lesson_keeps_runs (void)
{
  SlopeWindow *window = slope_test_window_new ();
  g_autofree char *dir = g_dir_make_tmp ("slope-compare-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "runs.slope", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SlopeLesson) lesson = NULL;
  g_autoptr(GError) error = NULL;
  SlopeWindow *other;

  compare (window, "lr-times-10");
  compare (window, "adam");
  slope_window_compare_set_hidden (window, 1, TRUE);
  g_assert_true (slope_window_save_lesson_to (window, file, &error));
  g_assert_no_error (error);

  other = slope_test_window_new ();
  compare (other, "zero-grad-off");
  compare (other, "zero-grad-off");
  compare (other, "zero-grad-off");
  slope_window_open_lesson (other, file);
  while (slope_window_is_loading (other))
    g_main_context_iteration (NULL, TRUE);
  settle_all (other);
  g_assert_cmpuint (other->n_compared, ==, 2);
  g_assert_cmpfloat (other->compared[0].settings.lr, ==, 0.1);
  g_assert_false (other->compared[0].hidden);
  g_assert_cmpint (other->compared[1].settings.optimizer.kind, ==, SLOPE_OPTIMIZER_ADAM);
  g_assert_true (other->compared[1].hidden);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (other->compared[1].cells[5])));

  slope_test_close_window (other);
  slope_test_close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static GtkWindow *
dialog_of (SlopeWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (w) == GTK_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

/* Ctrl+S's action: the first time it asks for the title, note and file;
 * once the lesson has a file it writes it again, compared runs included. */
static void
test_save_key (void)
{
  SlopeWindow *window = slope_test_window_new ();
  g_autofree char *dir = g_dir_make_tmp ("slope-compare-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "key.slope", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-lesson-key", NULL);
  dialog = dialog_of (window);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);

  g_assert_true (slope_window_save_lesson_to (window, file, &error));
  compare (window, "adam");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-lesson-key", NULL);
  g_assert_null (dialog_of (window));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "[Compared Run 1]\nOptimizer=Adam\n"));

  slope_test_close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  slope_test_init (&argc, &argv);
  slope_test_gtk_init_or_skip ();

  g_test_add_func ("/window-compare/four-runs-are-pytorchs", test_four_runs_are_pytorchs);
  g_test_add_func ("/window-compare/step-reset-rewind-all", test_step_reset_rewind_all);
  g_test_add_func ("/window-compare/play-pause-all", test_play_pause_all);
  g_test_add_func ("/window-compare/hide-and-remove", test_hide_and_remove);
  g_test_add_func ("/window-compare/six-at-most", test_six_at_most);
  g_test_add_func ("/window-compare/make-main", test_make_main);
  g_test_add_func ("/window-compare/diverged-shown", test_diverged_shown);
  g_test_add_func ("/window-compare/start-picked", test_start_picked);
  g_test_add_func ("/window-compare/new-data-resets-all", test_new_data_resets_all);
  g_test_add_func ("/window-compare/lesson-keeps-runs", test_lesson_keeps_runs);
  g_test_add_func ("/window-compare/save-key", test_save_key);

  return g_test_run ();
}
