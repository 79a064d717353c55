/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-notebook.c: the lesson run as the notebook ran it, and the
 * notebook's printed log beside Slope's in the window's log view.
 * Runs under Xvfb (suite ui).
 *
 * The expected lines are typed in from outside the code: the notebook's
 * printed lines from the lesson itself (the seed notebook's output of its
 * training cell), and the first run's two lines from PyTorch
 * (tests/reference/notebook.txt, made by make-reference.py).
 */
#include "config.h"

#include <string.h>

#include "slope-test-ui.h"
#include "slope-window-private.h"
#include "slope-test-window.h"

/* What the notebook printed, character for character. */
static const char * const notebook_printed[] = {
  "Epoch  100/1000 W: 1.842, b: 0.358 Cost: 0.018483",
  "Epoch  200/1000 W: 1.876, b: 0.281 Cost: 0.011421",
  "Epoch  300/1000 W: 1.903, b: 0.221 Cost: 0.007058",
  "Epoch  400/1000 W: 1.923, b: 0.174 Cost: 0.004361",
  "Epoch  500/1000 W: 1.940, b: 0.137 Cost: 0.002695",
  "Epoch  600/1000 W: 1.953, b: 0.107 Cost: 0.001665",
  "Epoch  700/1000 W: 1.963, b: 0.084 Cost: 0.001029",
  "Epoch  800/1000 W: 1.971, b: 0.066 Cost: 0.000636",
  "Epoch  900/1000 W: 1.977, b: 0.052 Cost: 0.000393",
  "Epoch 1000/1000 W: 1.982, b: 0.041 Cost: 0.000243",
};

static SlopeWindow *
new_window (void)
{
  SlopeWindow *window = slope_window_new (NULL, NULL);

  gtk_window_present (GTK_WINDOW (window));
  slope_runner_set_speed (window->runner, 0);
  return window;
}

/* One execution of the cell: Play, to the end of the run. */
static void
run_cell (SlopeWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  slope_runner_wait_paused (window->runner);
  slope_test_settle (window);
}

static char *
log_text (SlopeWindow *window)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (window->log_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
line_has_tag (SlopeWindow *window,
              int          line,
              const char  *tag_name,
              int          offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (window->log_view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, line, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

static void
count_frame (guint *frames)
{
  (*frames)++;
}

static void
reset_settings (SlopeWindow *window)
{
  g_settings_reset (window->settings, "learning-rate");
  g_settings_reset (window->settings, "zero-grad");
  g_settings_reset (window->settings, "initial-w");
  g_settings_reset (window->settings, "initial-b");
}

/* The example, played twice as the cell was executed twice: run 1 of 200
 * epochs, a word on running it again, run 2 of 1000 with the notebook's
 * ten lines each under Slope's own, all marked the same. */
static void
test_as_the_notebook_ran_it (void)
{
  SlopeWindow *window = new_window ();
  g_autofree char *after_first = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint first_pair;

  /* Settings a student left behind do not change the notebook's run. */
  slope_window_set_lr (window, 0.05);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", "s", "notebook-runs");
  slope_test_settle (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->bottom_stack), ==, "log");
  g_assert_cmpfloat (g_settings_get_double (window->settings, "learning-rate"), ==, 0.01);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (window->epochs_spin), ==, 1000);
  g_assert_cmpuint (window->snapshot.state.run_length, ==, 200);

  run_cell (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 200);
  after_first = log_text (window);
  g_test_message ("%s", after_first);
  g_assert_cmpstr (after_first, ==,
                   "# Run 1 of the cell, nb_epochs = 200. The notebook shows no output of it: "
                   "running the cell again replaced it.\n"
                   "Epoch  100/200 W: 1.745, b: 0.579 Cost: 0.048403\n"
                   "Epoch  200/200 W: 1.800, b: 0.456 Cost: 0.029910\n"
                   "# Press Play to run the cell again with nb_epochs = 1000, as the notebook did.\n");

  run_cell (window);
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 1200);
  text = log_text (window);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, after_first));
  lines = g_strsplit (text + strlen (after_first), "\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "# Run 2 of the cell, nb_epochs = 1000, going on from run 1. "
                   "Under each line, shaded, the line the notebook printed.");
  /* The buffer's line of Slope's first line in run 2: after the header. */
  first_pair = 1;
  for (const char *p = after_first; *p != '\0'; p++)
    first_pair += *p == '\n';
  for (guint k = 0; k < G_N_ELEMENTS (notebook_printed); k++)
    {
      g_autofree char *marked = g_strconcat (notebook_printed[k], "  ✓ notebook", NULL);
      int slope_line = (int) (first_pair + 2 * k);

      /* Slope's line, and under it the notebook's. */
      g_assert_cmpstr (lines[1 + 2 * k], ==, notebook_printed[k]);
      g_assert_cmpstr (lines[2 + 2 * k], ==, marked);
      g_assert_false (line_has_tag (window, slope_line, "notebook-printed", 0));
      g_assert_true (line_has_tag (window, slope_line + 1, "notebook-printed", 0));
      for (int c = 0; c < (int) strlen (marked); c++)
        g_assert_false (line_has_tag (window, slope_line + 1, "notebook-differs", c));
    }
  g_assert_cmpstr (lines[21], ==, "# ✓ All 10 lines are the notebook’s, character for character.");
  g_assert_cmpstr (lines[22], ==, "");
  g_assert_null (lines[23]);

  /* Scrolled to the end once laid out: the count and the last pair show. */
  {
    GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->log_view));

    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
    guint frames = 0;
    gulong id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (count_frame), &frames);

    /* A few frames: layout, the text's heights, the scroll. */
    while (frames < 5)
      {
        gtk_widget_queue_draw (GTK_WIDGET (window));
        g_main_context_iteration (NULL, TRUE);
      }
    g_signal_handler_disconnect (clock, id);
    g_assert_cmpfloat (gtk_adjustment_get_upper (v), >, gtk_adjustment_get_page_size (v));
    g_assert_cmpfloat (gtk_adjustment_get_value (v) + gtk_adjustment_get_page_size (v),
                       >=, gtk_adjustment_get_upper (v) - 1.0);
  }

  reset_settings (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Another rate gives other lines: each is marked ≠, the differing
 * characters lit, and the count says so.  Then other data: the log is
 * Slope's alone, and runs are the settings' length again. */
static void
test_mismatch_marked (void)
{
  SlopeWindow *window = new_window ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *plain = NULL;
  int pair = -1;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", "s", "notebook-runs");
  slope_test_settle (window);
  slope_window_set_lr (window, 0.011);
  run_cell (window);
  run_cell (window);
  text = log_text (window);
  g_test_message ("%s", text);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_suffix (lines[i], "  ≠ notebook") && pair < 0)
      pair = (int) i;
  g_assert_cmpint (pair, >, 0);
  g_assert_null (strstr (text, "✓ notebook"));
  g_assert_nonnull (strstr (text, "# ≠ 10 of 10 lines differ from the notebook’s.\n"));
  /* The notebook's line as printed, under Slope's other one. */
  g_assert_true (g_str_has_prefix (lines[pair], notebook_printed[0]));
  g_assert_cmpstr (lines[pair - 1], !=, notebook_printed[0]);
  for (int c = 0; c < (int) strlen (notebook_printed[0]); c++)
    g_assert_cmpint (line_has_tag (window, pair, "notebook-differs", c), ==,
                     lines[pair - 1][c] != notebook_printed[0][c]);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", "s", "noisy-line");
  slope_test_settle (window);
  g_assert_false (slope_window_notebook_active (window));
  g_assert_cmpuint (window->snapshot.state.run_length,
                    ==, g_settings_get_uint (window->settings, "epochs-per-run"));
  run_cell (window);
  plain = log_text (window);
  g_assert_null (strstr (plain, "notebook"));
  g_assert_null (strstr (plain, "#"));
  g_assert_true (g_str_has_prefix (plain, "Epoch  100/1000 "));

  reset_settings (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  slope_test_init (&argc, &argv);
  slope_test_gtk_init_or_skip ();

  g_test_add_func ("/window-notebook/as-the-notebook-ran-it", test_as_the_notebook_ran_it);
  g_test_add_func ("/window-notebook/mismatch-marked", test_mismatch_marked);

  return g_test_run ();
}
