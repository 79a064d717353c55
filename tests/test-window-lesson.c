/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-lesson.c: lessons and PyTorch scripts from the window.
 *
 * A lesson saved from one window opens in another with the same data,
 * settings, scaling, panels, title and note, and trains to the same bits;
 * a damaged lesson or one from a newer Slope gives an error naming the
 * file and leaves the window exactly as it was; the examples open as
 * lessons; and the script exported from the window, run by PyTorch,
 * prints what slope-train prints for the same settings (skipped, saying
 * so, where python3 cannot import torch).  Runs under Xvfb (suite ui).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-test-cli.h"
#include "slope-test-ui.h"
#include "slope-window-private.h"
#include "slope-test-window.h"

static char *tmpdir;

/* Until the file being opened (a lesson is read on a worker) is in. */
static void
wait_loaded (SlopeWindow *window)
{
  while (slope_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
  slope_test_settle (window);
}

static GFile *
tmp_file (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);

  return g_file_new_for_path (path);
}

static void
assert_same_run (const SlopeRunSettings *a,
                 const SlopeRunSettings *b)
{
  g_assert_cmpfloat (a->lr, ==, b->lr);
  g_assert_cmpint (a->zero_grad, ==, b->zero_grad);
  g_assert_cmpfloat (a->w0, ==, b->w0);
  g_assert_cmpfloat (a->b0, ==, b->b0);
  g_assert_true (slope_optimizer_settings_equal (&a->optimizer, &b->optimizer));
  g_assert_cmpuint (a->batch_size, ==, b->batch_size);
  g_assert_cmpint (a->shuffle, ==, b->shuffle);
  g_assert_cmpuint (a->seed, ==, b->seed);
  g_assert_cmpuint (a->n_runs, ==, b->n_runs);
  g_assert_cmpuint (a->runs[0], ==, b->runs[0]);
  g_assert_cmpuint (a->log_every, ==, b->log_every);
}

/* Adam with its own betas on two-point batches, shuffled, from (0.5, −0.25):
 * nothing at its default. */
static void
lesson_run (SlopeRunSettings *rs)
{
  slope_run_settings_init (rs);
  rs->lr = 0.03;
  rs->zero_grad = FALSE;
  rs->w0 = 0.5;
  rs->b0 = -0.25;
  slope_optimizer_settings_init (&rs->optimizer, SLOPE_OPTIMIZER_ADAM);
  rs->optimizer.beta1 = 0.8;
  rs->optimizer.beta2 = 0.99;
  rs->batch_size = 2;
  rs->shuffle = TRUE;
  rs->seed = 7;
  rs->runs[0] = 250;
  rs->log_every = 50;
}

static SlopeDataset *
odd_points (void)
{
  const double x[] = { 0.1, 1.0 / 3.0, 2.5, 4.0, 7.25 };
  const double y[] = { 1.0, 1.5, 4.0, 6.5, 1e-3 };

  return slope_dataset_new (x, y, G_N_ELEMENTS (x), "다섯 점");
}

static void
on_recent_changed (GtkRecentManager *manager,
                   gboolean         *changed)
{
  *changed = TRUE;
}

/* Everything a lesson holds goes out of one window and into another. */
static void
test_round_trip (void)
{
  const char *title = "Adam on five points";
  const char *note = "First line of the note.\nSecond line: 모멘텀";
  SlopeWindow *a = slope_test_window_new ();
  SlopeWindow *b = slope_test_window_new ();
  g_autoptr(SlopeDataset) points = odd_points ();
  g_autoptr(GFile) file = tmp_file ("round-trip.slope");
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentManager *recent = gtk_recent_manager_get_default ();
  gboolean recent_changed = FALSE;
  SlopeRunSettings want, got;
  SlopeDataset *data;

  slope_window_set_dataset (a, points);
  slope_window_set_scale_mode (a, SLOPE_SCALE_STANDARDIZE);
  lesson_run (&want);
  _slope_window_set_run_settings (a, &want);
  slope_window_set_show_explain (a, TRUE);
  gtk_stack_set_visible_child_name (a->bottom_stack, "log");
  gtk_check_button_set_active (a->residuals_check, TRUE);
  slope_window_set_lesson_info (a, title, note);
  g_signal_connect (recent, "changed", G_CALLBACK (on_recent_changed), &recent_changed);
  g_assert_true (slope_window_save_lesson_to (a, file, &error));
  g_assert_no_error (error);
  /* The recent-files list is written in the background: until it says so. */
  while (!recent_changed)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (recent, on_recent_changed, &recent_changed);
  g_assert_true (gtk_recent_manager_has_item (recent, uri));

  /* The other window starts as a fresh one does, then opens the file as
   * `slope FILE.slope` and a double-click do. */
  slope_window_set_show_explain (b, FALSE);
  gtk_check_button_set_active (b->residuals_check, FALSE);
  slope_window_open_file (b, file);
  wait_loaded (b);

  data = slope_window_get_dataset (b);
  g_assert_cmpuint (slope_dataset_get_n (data), ==, 5);
  g_assert_cmpmem (slope_dataset_get_x (data), 5 * sizeof (double),
                   slope_dataset_get_x (points), 5 * sizeof (double));
  g_assert_cmpmem (slope_dataset_get_y (data), 5 * sizeof (double),
                   slope_dataset_get_y (points), 5 * sizeof (double));
  g_assert_cmpstr (slope_dataset_get_title (data), ==, "다섯 점");
  g_assert_cmpint (b->scaling.mode, ==, SLOPE_SCALE_STANDARDIZE);
  g_assert_cmpuint (gtk_drop_down_get_selected (b->scale_drop_down), ==, SLOPE_SCALE_STANDARDIZE);
  _slope_window_get_run_settings (b, &got);
  assert_same_run (&want, &got);
  g_assert_true (b->show_explain);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (b->bottom_stack), ==, "log");
  g_assert_true (gtk_check_button_get_active (b->residuals_check));

  /* The title names the window; the note is shown. */
  g_assert_cmpstr (adw_window_title_get_title (b->window_title), ==, title);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (b)), title));
  g_assert_true (gtk_revealer_get_reveal_child (b->lesson_revealer));
  g_assert_cmpstr (gtk_label_get_text (b->lesson_title_label), ==, title);
  g_assert_cmpstr (gtk_label_get_text (b->lesson_note_label), ==, note);

  /* Same settings, same numbers: ten epochs in each, bit for bit. */
  for (guint i = 0; i < 10; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (a), "win.step", NULL);
      gtk_widget_activate_action (GTK_WIDGET (b), "win.step", NULL);
    }
  slope_test_settle (a);
  slope_test_settle (b);
  g_assert_cmpuint (b->snapshot.state.epoch, ==, 10);
  g_assert_cmpuint (a->snapshot.state.epoch, ==, 10);
  g_assert_cmpmem (&a->snapshot.state.w, sizeof (double), &b->snapshot.state.w, sizeof (double));
  g_assert_cmpmem (&a->snapshot.state.b, sizeof (double), &b->snapshot.state.b, sizeof (double));
  g_assert_cmpfloat (b->snapshot.state.w, !=, 0.5);

  slope_test_close_window (a);
  slope_test_close_window (b);
  g_file_delete (file, NULL, NULL);
}

/* The first alert the window shows, closed; its text and detail. */
static char *
take_alert (SlopeWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  char *text = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && text == NULL; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (toplevel)
          && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        {
          g_autofree char *message = NULL, *detail = NULL;

          g_object_get (toplevel, "text", &message, "secondary-text", &detail, NULL);
          text = g_strdup_printf ("%s\n%s", message, detail);
          gtk_window_destroy (toplevel);
        }
    }
  return text;
}

static const struct
{
  const char *name;
  const char *text;
  const char *says;
} bad_lessons[] = {
  { "damaged.slope", "[Slope Lesson]\nVersion=1\n[Data]\nX=1;2;3\nY=2;4\n",
    "damaged.slope: [Data] Y: has 2 values but X has 3" },
  { "newer.slope", "[Slope Lesson]\nVersion=3\n[Data]\nX=1;2;3\nY=2;4;6\n",
    "newer.slope was saved by a newer Slope (lesson format 3; this Slope reads up to format 2)" },
  { "garbage.slope", "\x89PNG\r\n\x1a\n",
    "garbage.slope: not a Slope lesson" },
};

/* A lesson that cannot be used: the error names the file, and the data,
 * the settings, the run and the title stay as they were. */
static void
test_bad_lesson_changes_nothing (void)
{
  SlopeWindow *window = slope_test_window_new ();
  g_autoptr(SlopeDataset) points = odd_points ();
  SlopeRunSettings before, after;
  SlopeTrainerState state;

  slope_window_set_dataset (window, points);
  slope_window_set_scale_mode (window, SLOPE_SCALE_CENTER);
  slope_window_set_lr (window, 0.07);
  gtk_spin_button_set_value (window->epochs_spin, 123);
  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  slope_test_settle (window);
  _slope_window_get_run_settings (window, &before);
  state = window->snapshot.state;
  g_assert_cmpuint (state.epoch, ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (bad_lessons); i++)
    {
      g_autoptr(GFile) file = tmp_file (bad_lessons[i].name);
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *alert = NULL;

      g_assert_true (g_file_set_contents (path, bad_lessons[i].text, -1, NULL));
      slope_window_open_file (window, file);
      wait_loaded (window);
      alert = take_alert (window);
      g_test_message ("%s", alert ? alert : "(no alert)");
      g_assert_nonnull (alert);
      g_assert_true (g_str_has_prefix (alert, "This lesson cannot be opened\n"));
      g_assert_nonnull (strstr (alert, bad_lessons[i].says));

      g_assert_true (slope_window_get_dataset (window) == points);
      g_assert_cmpint (window->scaling.mode, ==, SLOPE_SCALE_CENTER);
      _slope_window_get_run_settings (window, &after);
      assert_same_run (&before, &after);
      g_assert_cmpfloat (g_settings_get_double (window->settings, "learning-rate"), ==, 0.07);
      g_assert_cmpuint (window->snapshot.state.epoch, ==, state.epoch);
      g_assert_cmpfloat (window->snapshot.state.w, ==, state.w);
      g_assert_cmpfloat (window->snapshot.state.b, ==, state.b);
      g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "Slope");
      g_assert_false (gtk_revealer_get_reveal_child (window->lesson_revealer));
      g_assert_null (window->lesson_file);
      g_file_delete (file, NULL, NULL);
    }

  slope_test_close_window (window);
}

/* The example menu opens lessons: their title and note, their run; an
 * unedited example is saved by name, edited data is written out. */
static void
test_examples_are_lessons (void)
{
  SlopeWindow *window = slope_test_window_new ();
  g_autoptr(GFile) file = tmp_file ("example.slope");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(SlopeDataset) edited = odd_points ();
  SlopeRunSettings rs;

  slope_window_set_lr (window, 0.3);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", "s", "large-x");
  slope_test_settle (window);
  g_assert_cmpuint (slope_dataset_get_n (slope_window_get_dataset (window)), ==, 20);
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==,
                   "x around 1000: a lesson in scaling");
  g_assert_true (gtk_revealer_get_reveal_child (window->lesson_revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (window->lesson_note_label), "Standardise"));
  /* The lesson's rate, the notebook's, not the one set before. */
  _slope_window_get_run_settings (window, &rs);
  g_assert_cmpfloat (rs.lr, ==, 0.01);
  /* A built-in example has no file for Save Lesson to write to. */
  g_assert_null (window->lesson_file);

  g_assert_true (slope_window_save_lesson_to (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, "\nExample=large-x\n"));
  g_assert_null (strstr (text, "\nX="));
  g_assert_nonnull (strstr (text, "\nTitle=x around 1000: a lesson in scaling\n"));
  g_clear_pointer (&text, g_free);

  slope_window_set_dataset (window, edited);
  g_assert_true (slope_window_save_lesson_to (window, file, &error));
  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  g_assert_null (strstr (text, "Example="));
  g_assert_nonnull (strstr (text, "\nX=0.1;0.3333333333333333;2.5;4;7.25;\n"));

  /* A CSV file is other data: the lesson's title goes. */
  {
    g_autoptr(GFile) csv = tmp_file ("points.csv");
    g_autofree char *csv_path = g_file_get_path (csv);

    g_assert_true (g_file_set_contents (csv_path, "x,y\n1,1\n2,3\n3,2\n", -1, NULL));
    slope_window_open_file (window, csv);
    wait_loaded (window);
    g_assert_cmpuint (slope_dataset_get_n (slope_window_get_dataset (window)), ==, 3);
    g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "Slope");
    g_assert_false (gtk_revealer_get_reveal_child (window->lesson_revealer));
    g_assert_null (window->lesson_file);
    g_file_delete (csv, NULL, NULL);
  }

  slope_test_close_window (window);
  g_file_delete (file, NULL, NULL);
}

/* Save Lesson As… asks for the title and the note first, showing the
 * current ones; Save Lesson is off until there is a lesson file, then
 * writes it again without asking. */
static GtkWindow *
details_dialog (SlopeWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel != GTK_WINDOW (window) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window)
          && g_object_get_data (G_OBJECT (toplevel), "title") != NULL)
        return toplevel;
    }
  return NULL;
}

static void
test_save_actions (void)
{
  SlopeWindow *window = slope_test_window_new ();
  g_autoptr(GFile) file = tmp_file ("again.slope");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWindow *dialog;

  slope_window_set_lesson_info (window, "Week 3", "Bring a calculator.");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-lesson", NULL);
  g_assert_null (details_dialog (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-lesson-as", NULL);
  dialog = details_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "title")), ==, "Week 3");
  gtk_window_destroy (dialog);
  g_assert_null (details_dialog (window));

  g_assert_true (slope_window_save_lesson_to (window, file, &error));
  slope_window_set_lr (window, 0.125);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-lesson", NULL);
  g_assert_null (details_dialog (window));
  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, "\nLearningRate=0.125\n"));
  g_assert_nonnull (strstr (text, "\nTitle=Week 3\n"));

  slope_test_close_window (window);
  g_file_delete (file, NULL, NULL);
}

/* slope --autoplay FILE.slope: training starts once the lesson is in;
 * a lesson that cannot be used starts nothing. */
static void
test_autoplay (void)
{
  SlopeWindow *window = slope_test_window_new ();
  g_autoptr(GFile) good = tmp_file ("play.slope");
  g_autoptr(GFile) bad = tmp_file ("bad.slope");
  g_autofree char *good_path = g_file_get_path (good);
  g_autofree char *bad_path = g_file_get_path (bad);
  g_autofree char *alert = NULL;

  g_assert_true (g_file_set_contents (good_path, "[Slope Lesson]\nVersion=1\n[Data]\nExample=notebook\n"
                                      "[Run]\nEpochs=50\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad_path, "[Slope Lesson]\nVersion=3\n", -1, NULL));

  slope_window_set_play_after_load (window, TRUE);
  slope_window_open_file (window, bad);
  wait_loaded (window);
  alert = take_alert (window);
  g_assert_nonnull (alert);
  g_assert_false (window->snapshot.playing);
  g_assert_false (window->play_after_load);

  slope_window_set_play_after_load (window, TRUE);
  slope_window_open_file (window, good);
  wait_loaded (window);
  g_assert_true (window->snapshot.playing);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.pause", NULL);

  slope_test_close_window (window);
  g_file_delete (good, NULL, NULL);
  g_file_delete (bad, NULL, NULL);
}

/* The window's run as a script: PyTorch prints slope-train's lines for
 * the same settings, the scaled run too (whose last line, the fit in the
 * data's units, is slope-train's alone). */
static void
test_script (void)
{
  static const struct
  {
    SlopeScaleMode  mode;
    const char     *scale;
  } cases[] = {
    { SLOPE_SCALE_NONE, "none" },
    { SLOPE_SCALE_STANDARDIZE, "standardize" },
  };
  g_autofree char *python = slope_test_find_torch_python ();

  if (python == NULL)
    {
      g_test_skip ("python3 with torch is not installed (Debian: python3-torch): "
                   "the exported script is not run");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SlopeWindow *window = slope_test_window_new ();
      g_autoptr(GFile) file = tmp_file ("run.py");
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autofree char *train_out = NULL;
      SlopeRunSettings rs;
      const char *py_argv[] = { python, path, NULL };
      const char *train_argv[] = {
        g_getenv ("SLOPE_TRAIN"), "--example", "noisy-line", "--lr", "0.01",
        "--epochs", "300", "--init", "0.5,-1", "--momentum", "0.5", "--batch-size", "7",
        "--log-every", "25", "--scale", cases[i].scale, NULL,
      };
      Result py = { 0 }, train = { 0 };

      gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", "s", "noisy-line");
      slope_window_set_scale_mode (window, cases[i].mode);
      slope_run_settings_init (&rs);
      rs.lr = 0.01;
      rs.w0 = 0.5;
      rs.b0 = -1.0;
      rs.optimizer.momentum = 0.5;
      rs.batch_size = 7;
      rs.runs[0] = 300;
      rs.log_every = 25;
      _slope_window_set_run_settings (window, &rs);
      g_assert_true (slope_window_export_script_to (window, file, &error));
      g_assert_no_error (error);

      /* The header says the points are scaled, and how. */
      {
        g_autofree char *script = NULL;

        g_assert_true (g_file_load_contents (file, NULL, &script, NULL, NULL, NULL));
        if (cases[i].mode == SLOPE_SCALE_NONE)
          g_assert_null (strstr (script, "# Scaled"));
        else
          g_assert_nonnull (strstr (script, "\n# Scaled (standardize): x' = (x - "));
      }

      slope_test_run (py_argv, &py);
      slope_test_run (train_argv, &train);
      g_assert_cmpint (py.status, ==, 0);
      g_assert_cmpint (train.status, ==, 0);
      g_assert_true (g_str_has_prefix (py.out, "Epoch   25/300 W: "));
      g_assert_null (strstr (py.out, "nan"));
      train_out = g_strdup (train.out);
      if (cases[i].mode != SLOPE_SCALE_NONE)
        {
          char *last = g_strrstr (train_out, "\nŷ = ");

          g_assert_nonnull (last);
          last[1] = '\0';
        }
      g_assert_cmpstr (py.out, ==, train_out);

      result_clear (&py);
      result_clear (&train);
      slope_test_close_window (window);
      g_file_delete (file, NULL, NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  slope_test_init (&argc, &argv);
  slope_test_gtk_init_or_skip ();
  tmpdir = g_dir_make_tmp ("slope-window-lesson-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/window-lesson/round-trip", test_round_trip);
  g_test_add_func ("/window-lesson/bad-lesson-changes-nothing", test_bad_lesson_changes_nothing);
  g_test_add_func ("/window-lesson/examples-are-lessons", test_examples_are_lessons);
  g_test_add_func ("/window-lesson/save-actions", test_save_actions);
  g_test_add_func ("/window-lesson/autoplay", test_autoplay);
  g_test_add_func ("/window-lesson/script", test_script);

  status = g_test_run ();
  g_rmdir (tmpdir);
  g_free (tmpdir);
  return status;
}
