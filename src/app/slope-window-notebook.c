/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-notebook.c: the lesson run as the notebook ran it, and its
 * printed log beside Slope's.
 *
 * The notebook's log is the second execution of its training cell: a
 * first one ran 200 epochs and its output was replaced when the cell ran
 * again for 1000 more.  A teacher comparing the two needs to see that, and
 * to see at a glance that the lines agree, so under each line Slope prints
 * for that execution the log view shows the notebook's line, shaded like
 * a notebook's output, aligned character for character, with a mark: ✓
 * when it is the same line, ≠ with the differing characters lit when not.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "slope-examples.h"
#include "slope-window-private.h"

#define TAG_COMMENT  "notebook-comment"
#define TAG_PRINTED  "notebook-printed"
#define TAG_DIFFERS  "notebook-differs"
#define TAG_MARK     "notebook-mark"

gboolean
slope_window_notebook_active (SlopeWindow *self)
{
  return self->notebook_printed != NULL;
}

static void
ensure_tags (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GdkRGBA shade = { 0.5, 0.5, 0.5, 0.18 };
  GdkRGBA red = { 0.88, 0.11, 0.14, 0.45 };

  if (gtk_text_tag_table_lookup (table, TAG_COMMENT) != NULL)
    return;
  /* Comments wrap to the pane; the log lines never do, so they align. */
  gtk_text_buffer_create_tag (buffer, TAG_COMMENT,
                              "style", PANGO_STYLE_ITALIC,
                              "wrap-mode", GTK_WRAP_WORD_CHAR,
                              NULL);
  gtk_text_buffer_create_tag (buffer, TAG_PRINTED,
                              "paragraph-background-rgba", &shade,
                              NULL);
  gtk_text_buffer_create_tag (buffer, TAG_DIFFERS,
                              "background-rgba", &red,
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
  gtk_text_buffer_create_tag (buffer, TAG_MARK,
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
}

static void
insert_comment (GtkTextBuffer *buffer,
                const char    *text)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, "# ", -1, TAG_COMMENT, NULL);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1, TAG_COMMENT, NULL);
  gtk_text_buffer_insert (buffer, &end, "\n", 1);
}

static guint
run_length (SlopeWindow *self,
            guint        run)
{
  return self->notebook_runs[MIN (run, self->notebook_n_runs) - 1];
}

/* Says which execution of the cell the lines that follow come from. */
static void
insert_run_header (SlopeWindow   *self,
                   GtkTextBuffer *buffer,
                   guint          run)
{
  g_autofree char *text = NULL;

  if (run < self->notebook_n_runs)
    /* Translators: a comment in the training log; %u are the run's number and its epochs */
    text = g_strdup_printf (_("Run %u of the cell, nb_epochs = %u. The notebook shows no output "
                              "of it: running the cell again replaced it."),
                            run, run_length (self, run));
  else if (run == self->notebook_n_runs)
    /* Translators: a comment in the training log; the shaded lines are the notebook's */
    text = g_strdup_printf (_("Run %u of the cell, nb_epochs = %u, going on from run %u. "
                              "Under each line, shaded, the line the notebook printed."),
                            run, run_length (self, run), run - 1);
  else
    /* Translators: a comment in the training log */
    text = g_strdup_printf (_("Run %u of the cell: the notebook stopped after run %u."),
                            run, self->notebook_n_runs);
  insert_comment (buffer, text);
}

/* The notebook's line under Slope's, its differing characters lit. */
static void
insert_printed (SlopeWindow   *self,
                GtkTextBuffer *buffer,
                const char    *line)
{
  guint index = self->notebook_paired++;
  const char *printed = NULL;
  gboolean same;
  GtkTextIter end, start;
  int offset;

  if (index < g_strv_length (self->notebook_printed))
    printed = self->notebook_printed[index];
  same = g_strcmp0 (printed, line) == 0;
  if (!same)
    self->notebook_differ++;

  gtk_text_buffer_get_end_iter (buffer, &end);
  offset = gtk_text_iter_get_offset (&end);
  if (printed == NULL)
    gtk_text_buffer_insert (buffer, &end, _("(the notebook printed no more lines)"), -1);
  else
    gtk_text_buffer_insert (buffer, &end, printed, -1);

  /* The lines are ASCII: a byte is a character. */
  for (gsize i = 0; printed != NULL && printed[i] != '\0'; i++)
    if (i >= strlen (line) || line[i] != printed[i])
      {
        GtkTextIter a, b;

        gtk_text_buffer_get_iter_at_offset (buffer, &a, offset + (int) i);
        gtk_text_buffer_get_iter_at_offset (buffer, &b, offset + (int) i + 1);
        gtk_text_buffer_apply_tag_by_name (buffer, TAG_DIFFERS, &a, &b);
      }

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "  ", -1);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, same ? "✓" : "≠", -1,
                                            TAG_MARK, same ? NULL : TAG_DIFFERS, NULL);
  gtk_text_buffer_insert (buffer, &end, " ", -1);
  /* Translators: marks the notebook's printed line under Slope's in the log */
  gtk_text_buffer_insert (buffer, &end, C_("log", "notebook"), -1);
  gtk_text_buffer_insert (buffer, &end, "\n", 1);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_apply_tag_by_name (buffer, TAG_PRINTED, &start, &end);

  if (self->notebook_paired == g_strv_length (self->notebook_printed))
    {
      g_autofree char *text = NULL;
      guint n = self->notebook_paired;

      if (self->notebook_differ == 0)
        /* Translators: a comment in the training log, after the last line the notebook printed */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "✓ The %u line is the notebook’s, character for character.",
                                             "✓ All %u lines are the notebook’s, character for character.",
                                             n), n);
      else
        /* Translators: a comment in the training log: how many of the notebook's lines differ */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "≠ %u of %u line differs from the notebook’s.",
                                             "≠ %u of %u lines differ from the notebook’s.",
                                             n), self->notebook_differ, n);
      insert_comment (buffer, text);
    }
}

/**
 * slope_window_notebook_insert:
 * @text: log lines, each ending in a newline
 * @runs: (element-type guint): the run each line of @text belongs to
 *
 * Appends the log lines to the log view as the notebook comparison shows
 * them.
 */
void
slope_window_notebook_insert (SlopeWindow   *self,
                              GtkTextBuffer *buffer,
                              const char    *text,
                              GArray        *runs)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  ensure_tags (buffer);
  for (guint i = 0; lines[i] != NULL && i < runs->len; i++)
    {
      guint run = g_array_index (runs, guint, i);
      GtkTextIter end;

      if (run != self->notebook_shown_run)
        {
          self->notebook_shown_run = run;
          insert_run_header (self, buffer, run);
        }
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, lines[i], -1);
      gtk_text_buffer_insert (buffer, &end, "\n", 1);
      if (run == self->notebook_n_runs)
        insert_printed (self, buffer, lines[i]);
    }
}

/**
 * slope_window_notebook_refresh:
 *
 * When a run before the notebook's printed one has ended, says how to go
 * on as the notebook did: once per run.  Returns whether it said so.
 */
gboolean
slope_window_notebook_refresh (SlopeWindow   *self,
                               GtkTextBuffer *buffer)
{
  const SlopeRunnerSnapshot *snap = &self->snapshot;
  g_autofree char *text = NULL;

  if (!slope_window_notebook_active (self) || snap->playing
      || snap->run == 0 || snap->run >= self->notebook_n_runs
      || snap->run == self->notebook_told_run
      || snap->state.run_epoch < snap->state.run_length
      || snap->divergence != SLOPE_DIVERGENCE_NONE)
    return FALSE;
  self->notebook_told_run = snap->run;
  ensure_tags (buffer);
  /* Translators: a comment in the training log; %u is the next run's epochs */
  text = g_strdup_printf (_("Press Play to run the cell again with nb_epochs = %u, as the notebook did."),
                          run_length (self, snap->run + 1));
  insert_comment (buffer, text);
  return TRUE;
}

/* The log view was emptied (a reset): the runs start over. */
void
slope_window_notebook_log_cleared (SlopeWindow *self)
{
  self->notebook_shown_run = 0;
  self->notebook_told_run = 0;
  self->notebook_paired = 0;
  self->notebook_differ = 0;
}

/**
 * slope_window_notebook_begin:
 *
 * Trains @example as the notebook did: its settings (lr 0.01, zero_grad,
 * W = b = 0, unscaled), its executions of the cell, and its printed log
 * beside Slope's in the log view, which is brought forward.
 */
void
slope_window_notebook_begin (SlopeWindow        *self,
                             const SlopeExample *example)
{
  g_autoptr(GError) error = NULL;
  guint last;

  g_return_if_fail (example->n_runs > 0);

  g_clear_pointer (&self->notebook_printed, g_strfreev);
  self->notebook_printed = slope_examples_load_printed (example->id, &error);
  if (self->notebook_printed == NULL)
    {
      /* A resource compiled into the program: cannot fail but by a bug. */
      g_critical ("%s: %s", example->id, error != NULL ? error->message : "no printed log");
      return;
    }
  memcpy (self->notebook_runs, example->runs, example->n_runs * sizeof *example->runs);
  self->notebook_n_runs = example->n_runs;
  slope_window_notebook_log_cleared (self);

  slope_window_set_scale_mode (self, SLOPE_SCALE_NONE);
  slope_window_set_lr (self, SLOPE_DEFAULT_LR);
  gtk_switch_set_active (self->zero_grad_switch, TRUE);
  slope_window_set_initial (self, 0.0, 0.0);
  /* Shown, not saved: the next file trains as the settings say. */
  last = example->runs[example->n_runs - 1];
  self->updating_controls++;
  gtk_spin_button_set_value (self->epochs_spin, last);
  self->updating_controls--;
  slope_runner_set_runs (self->runner, example->runs, example->n_runs);
  slope_runner_reset (self->runner);
  slope_window_compare_post (self, SLOPE_COMPARE_FOLLOW);
  slope_window_compare_post (self, SLOPE_COMPARE_RESET);
  gtk_stack_set_visible_child_name (self->bottom_stack, "log");
}

/* Other data: the log is Slope's alone again, runs as the settings say. */
void
slope_window_notebook_end (SlopeWindow *self)
{
  guint epochs;

  if (!slope_window_notebook_active (self))
    return;
  g_clear_pointer (&self->notebook_printed, g_strfreev);
  epochs = g_settings_get_uint (self->settings, "epochs-per-run");
  self->updating_controls++;
  gtk_spin_button_set_value (self->epochs_spin, epochs);
  self->updating_controls--;
  slope_runner_set_epochs_per_run (self->runner, epochs);
  slope_window_compare_post (self, SLOPE_COMPARE_FOLLOW);
}
