/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-lesson.c: lessons (.slope) and the run as a PyTorch script.
 *
 * A teacher prepares a lesson at home — data, settings, scaling, panels,
 * a title and a note — and opens it in class; the window puts all of it
 * back and shows the note.  The lesson is read whole on a worker thread
 * (slope_lesson_load() checks everything first), so a damaged file or one
 * from a newer Slope only produces a message naming the file: nothing in
 * the window changes until the lesson is known to be good.  Lessons and
 * scripts are written through slope-save, as every file Slope writes.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "slope-dialogs.h"
#include "slope-examples.h"
#include "slope-lesson.h"
#include "slope-save.h"
#include "slope-script.h"
#include "slope-window-private.h"

#define LESSON_SUFFIX ".slope"

/* By name, as a file manager does: the extension or the MIME database. */
gboolean
slope_window_is_lesson_file (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *folded = NULL;
  g_autofree char *type = NULL;

  if (base == NULL)
    return FALSE;
  folded = g_ascii_strdown (base, -1);
  if (g_str_has_suffix (folded, LESSON_SUFFIX))
    return TRUE;
  type = g_content_type_guess (base, NULL, 0, NULL);
  return g_content_type_equals (type, SLOPE_LESSON_MIME_TYPE);
}

/* The title in the header bar and the window's name; title and note in
 * the banner, until dismissed. */
static void
show_lesson_info (SlopeWindow *self,
                  gboolean     reveal)
{
  const char *title = self->lesson_title;
  gboolean has_title = title != NULL && *title != '\0';
  gboolean has_note = self->lesson_note != NULL && *self->lesson_note != '\0';
  g_autofree char *window_title = NULL;

  adw_window_title_set_title (self->window_title, has_title ? title : _("Slope"));
  /* Translators: the window's name with a lesson open: the lesson's title, then the application */
  window_title = has_title ? g_strdup_printf (_("%s — Slope"), title) : g_strdup (_("Slope"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);

  gtk_label_set_text (self->lesson_title_label, has_title ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->lesson_title_label), has_title);
  gtk_label_set_text (self->lesson_note_label, has_note ? self->lesson_note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->lesson_note_label), has_note);
  if (reveal || !(has_title || has_note))
    gtk_revealer_set_reveal_child (self->lesson_revealer, reveal && (has_title || has_note));
}

/**
 * slope_window_set_lesson_info:
 *
 * The title and note the next saved lesson carries, shown as an opened
 * lesson's are.
 */
void
slope_window_set_lesson_info (SlopeWindow *self,
                              const char  *title,
                              const char  *note)
{
  g_free (self->lesson_title);
  self->lesson_title = title != NULL && *title != '\0' ? g_strdup (title) : NULL;
  g_free (self->lesson_note);
  self->lesson_note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
  show_lesson_info (self, TRUE);
}

/* Other data came in (a CSV file): the lesson's title and file no longer
 * describe what the window shows. */
void
slope_window_forget_lesson (SlopeWindow *self)
{
  g_clear_object (&self->lesson_file);
  g_clear_object (&self->lesson_example_data);
  g_clear_pointer (&self->lesson_example_id, g_free);
  g_clear_pointer (&self->lesson_title, g_free);
  g_clear_pointer (&self->lesson_note, g_free);
  show_lesson_info (self, FALSE);
  slope_window_update_lesson_actions (self);
}

void
slope_window_update_lesson_actions (SlopeWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-lesson", self->lesson_file != NULL);
}

static gboolean
has_panel (const char * const *panels,
           const char         *name)
{
  return g_strv_contains (panels, name);
}

/* Which panels the window shows, by the names docs/LESSON-FORMAT.md gives. */
static GStrv
shown_panels (SlopeWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *tab = gtk_stack_get_visible_child_name (self->bottom_stack);

  if (self->show_explain)
    {
      g_strv_builder_add (builder, "code");
      g_strv_builder_add (builder, "math");
    }
  g_strv_builder_add (builder, g_strcmp0 (tab, "log") == 0 ? "log" : "landscape");
  if (gtk_check_button_get_active (self->residuals_check))
    g_strv_builder_add (builder, "residuals");
  return g_strv_builder_end (builder);
}

/* An empty list (a lesson written by hand without [Panels]) leaves the
 * panels as they are. */
static void
show_panels (SlopeWindow        *self,
             const char * const *panels)
{
  if (panels == NULL || panels[0] == NULL)
    return;
  slope_window_set_show_explain (self, has_panel (panels, "code") || has_panel (panels, "math"));
  if (has_panel (panels, "log") && !has_panel (panels, "landscape"))
    gtk_stack_set_visible_child_name (self->bottom_stack, "log");
  else
    gtk_stack_set_visible_child_name (self->bottom_stack, "landscape");
  gtk_check_button_set_active (self->residuals_check, has_panel (panels, "residuals"));
}

/* Everything the lesson holds goes into the window, and training starts
 * over on it; @file is NULL for a built-in example. */
static void
apply_lesson (SlopeWindow *self,
              SlopeLesson *lesson,
              GFile       *file,
              const char  *example_id)
{
  SlopeScaleMode mode = slope_lesson_get_scale_mode (lesson);
  SlopeRunSettings run;

  slope_runner_pause (self->runner);
  slope_window_end_rewind (self);
  /* The scaling first, so the data is scaled once, the lesson's way. */
  self->scale_mode = mode;
  gtk_drop_down_set_selected (self->scale_drop_down, mode);
  slope_window_set_dataset (self, slope_lesson_get_dataset (lesson));
  slope_lesson_get_run (lesson, &run);
  _slope_window_set_run_settings (self, &run);
  show_panels (self, slope_lesson_get_panels (lesson));
  /* The lesson's comparison replaces the window's, none included. */
  slope_window_compare_clear (self);
  for (guint i = 0; i < slope_lesson_get_n_compared (lesson); i++)
    {
      gboolean hidden;

      slope_lesson_get_compared (lesson, i, &run, &hidden);
      slope_window_compare_add (self, &run, hidden);
    }

  g_set_object (&self->lesson_file, file);
  g_clear_object (&self->lesson_example_data);
  g_clear_pointer (&self->lesson_example_id, g_free);
  if (example_id != NULL)
    {
      self->lesson_example_data = g_object_ref (slope_lesson_get_dataset (lesson));
      self->lesson_example_id = g_strdup (example_id);
    }
  slope_window_set_lesson_info (self, slope_lesson_get_title (lesson),
                                slope_lesson_get_note (lesson));
  slope_window_update_lesson_actions (self);
  slope_runner_reset (self->runner);
  slope_window_compare_post (self, SLOPE_COMPARE_RESET);
}

static void
lesson_load_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  SlopeLesson *lesson = slope_lesson_load (G_FILE (task_data), &error);

  if (lesson != NULL)
    g_task_return_pointer (task, lesson, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
on_lesson_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SlopeWindow *self = SLOPE_WINDOW (source);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(SlopeLesson) lesson = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  gboolean play;

  lesson = g_task_propagate_pointer (G_TASK (result), &error);
  /* Superseded by another file, or the window was closed. */
  if (g_task_get_cancellable (G_TASK (result)) != self->load_cancellable || self->runner == NULL)
    return;
  g_clear_object (&self->load_cancellable);
  gtk_revealer_set_reveal_child (self->load_revealer, FALSE);
  /* slope --autoplay FILE.slope: the lesson plays once it is in. */
  play = self->play_after_load && lesson != NULL;
  self->play_after_load = FALSE;

  if (lesson == NULL)
    {
      slope_dialogs_alert (GTK_WINDOW (self), _("This lesson cannot be opened"), error->message);
      return;
    }
  apply_lesson (self, lesson, file, NULL);
  if (play)
    {
      slope_runner_play (self->runner);
      slope_window_compare_post (self, SLOPE_COMPARE_PLAY);
    }
  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/**
 * slope_window_open_lesson:
 *
 * Reads @file on a worker thread, under the load bar, and then puts the
 * lesson into the window.  Until then, and for good if the file cannot be
 * used, the window keeps its data, settings and run.
 */
void
slope_window_open_lesson (SlopeWindow *self,
                          GFile       *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SLOPE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  slope_window_begin_load (self, file);

  task = g_task_new (self, self->load_cancellable, on_lesson_loaded, NULL);
  g_task_set_source_tag (task, slope_window_open_lesson);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, lesson_load_thread);
}

/**
 * slope_window_open_example:
 *
 * Opens a built-in example: a lesson compiled into Slope, small enough to
 * read at once.
 */
gboolean
slope_window_open_example (SlopeWindow  *self,
                           const char   *id,
                           GError      **error)
{
  g_autoptr(GFile) file = slope_examples_lesson_file (id, error);
  g_autoptr(SlopeLesson) lesson = NULL;
  const SlopeExample *example;

  if (file == NULL)
    return FALSE;
  lesson = slope_lesson_load (file, error);
  if (lesson == NULL)
    return FALSE;
  slope_window_cancel_load (self);
  apply_lesson (self, lesson, NULL, id);
  example = slope_examples_lookup (id);
  if (example->n_runs > 0)
    slope_window_notebook_begin (self, example);
  return TRUE;
}

/**
 * slope_window_to_lesson:
 *
 * The window as a lesson: its data (an unedited example by name, other
 * data written out), its run's settings, scaling and panels, and the
 * title and note.
 */
SlopeLesson *
slope_window_to_lesson (SlopeWindow *self)
{
  g_auto(GStrv) panels = shown_panels (self);
  SlopeRunSettings run;
  SlopeLesson *lesson;

  _slope_window_get_run_settings (self, &run);
  lesson = slope_lesson_new (self->dataset, &run);
  if (self->lesson_example_id != NULL && self->lesson_example_data == self->dataset)
    slope_lesson_set_data_example (lesson, self->lesson_example_id);
  /* The scaling in use: a mode the data could not take fell back to none. */
  slope_lesson_set_scale_mode (lesson, self->scaling.mode);
  slope_lesson_set_title (lesson, self->lesson_title);
  slope_lesson_set_note (lesson, self->lesson_note);
  slope_lesson_set_panels (lesson, (const char * const *) panels);
  for (guint i = 0; i < self->n_compared; i++)
    slope_lesson_add_compared (lesson, &self->compared[i].settings, self->compared[i].hidden);
  return lesson;
}

static void
saved_to (SlopeWindow *self,
          GFile       *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  g_set_object (&self->lesson_file, file);
  slope_window_update_lesson_actions (self);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  /* Translators: a toast after saving, e.g. "Saved week-3.slope" */
  text = g_strdup_printf (_("Saved %s"), name);
  slope_window_toast (self, text, NULL);
}

/* Saves at once; what the tests and Save Lesson use. */
gboolean
slope_window_save_lesson_to (SlopeWindow  *self,
                             GFile        *file,
                             GError      **error)
{
  g_autoptr(SlopeLesson) lesson = slope_window_to_lesson (self);

  if (!slope_lesson_save (lesson, file, error))
    return FALSE;
  saved_to (self, file);
  return TRUE;
}

/* The data, the settings and the code as they are now: for the tests and
 * the Export menu. */
gboolean
slope_window_export_script_to (SlopeWindow  *self,
                               GFile        *file,
                               GError      **error)
{
  SlopeRunSettings run;

  _slope_window_get_run_settings (self, &run);
  /* Training runs on the scaled points; so does the script. */
  return slope_script_save_scaled (slope_window_training_data (self), &run, &self->scaling,
                                   file, error);
}

static void
save_lesson_or_alert (SlopeWindow *self,
                      GFile       *file)
{
  g_autoptr(GError) error = NULL;

  if (!slope_window_save_lesson_to (self, file, &error))
    slope_dialogs_alert (GTK_WINDOW (self), _("The lesson could not be saved"), error->message);
}

/* What the details dialog asked, kept until a file is chosen. */
typedef struct
{
  char *title;
  char *note;
} LessonInfo;

static void
lesson_info_free (LessonInfo *info)
{
  g_free (info->title);
  g_free (info->note);
  g_free (info);
}

static void
on_lesson_file_chosen (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  SlopeWindow *self = SLOPE_WINDOW (source);
  LessonInfo *info = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = slope_dialogs_file_finish (result, &error);
  if (file != NULL)
    {
      g_autofree char *old_title = g_strdup (self->lesson_title);
      g_autofree char *old_note = g_strdup (self->lesson_note);

      slope_window_set_lesson_info (self, info->title, info->note);
      if (!slope_window_save_lesson_to (self, file, &error))
        {
          /* Not saved: the window keeps what it had. */
          slope_window_set_lesson_info (self, old_title, old_note);
          slope_dialogs_alert (GTK_WINDOW (self), _("The lesson could not be saved"),
                               error->message);
        }
    }
  lesson_info_free (info);
}

/* A file name from the title: what a person would type, or "lesson". */
static char *
suggested_name (const char *title,
                const char *suffix)
{
  g_autofree char *base = g_strdup (title != NULL && *title != '\0' ? title : _("lesson"));

  g_strdelimit (base, "/\\:*?\"<>|\n\r\t", '-');
  return g_strconcat (g_strstrip (base), suffix, NULL);
}

static void
on_details_save (GtkButton *button,
                 GtkWindow *dialog)
{
  SlopeWindow *self = SLOPE_WINDOW (gtk_window_get_transient_for (dialog));
  GtkEditable *title = g_object_get_data (G_OBJECT (dialog), "title");
  GtkTextBuffer *note = g_object_get_data (G_OBJECT (dialog), "note");
  g_autofree char *name = NULL;
  LessonInfo *info = g_new0 (LessonInfo, 1);
  GtkTextIter start, end;

  info->title = g_strdup (gtk_editable_get_text (title));
  gtk_text_buffer_get_bounds (note, &start, &end);
  info->note = gtk_text_buffer_get_text (note, &start, &end, FALSE);
  name = suggested_name (info->title, LESSON_SUFFIX);
  gtk_window_destroy (dialog);
  slope_dialogs_save_file (GTK_WINDOW (self), _("Save Lesson"), name, SLOPE_FILE_FILTER_LESSON,
                           NULL, on_lesson_file_chosen, info);
}

static GtkWidget *
field_label (const char *mnemonic,
             GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

/* Save Lesson As…: the title and the note first, then the file. */
GtkWindow *
slope_window_lesson_details_dialog (SlopeWindow *self)
{
  GtkWidget *dialog = gtk_window_new ();
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Choose File…"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_entry_new ();
  GtkWidget *note = gtk_text_view_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *hint;

  gtk_window_set_title (GTK_WINDOW (dialog), _("Save Lesson"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 520, -1);
  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), save);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_window_set_titlebar (GTK_WINDOW (dialog), header);
  gtk_window_set_default_widget (GTK_WINDOW (dialog), save);

  gtk_editable_set_text (GTK_EDITABLE (title), self->lesson_title ? self->lesson_title : "");
  gtk_entry_set_activates_default (GTK_ENTRY (title), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (note), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (note), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (note), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (note), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (note), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (note), 6);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (note)),
                            self->lesson_note ? self->lesson_note : "", -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), note);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_add_css_class (scroller, "card");
  hint = gtk_label_new (_("The title and the note are shown when the lesson opens, with the data, "
                          "the settings, the scaling and the panels as they are now."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0.0);
  gtk_widget_add_css_class (hint, "dim-label");

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_box_append (GTK_BOX (box), field_label (_("_Title"), title));
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), field_label (_("_Note"), note));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_window_set_child (GTK_WINDOW (dialog), box);

  g_object_set_data (G_OBJECT (dialog), "title", title);
  g_object_set_data (G_OBJECT (dialog), "note", gtk_text_view_get_buffer (GTK_TEXT_VIEW (note)));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), dialog);
  g_signal_connect (save, "clicked", G_CALLBACK (on_details_save), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
on_open_lesson_chosen (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = slope_dialogs_file_finish (result, &error);
  if (file != NULL)
    slope_window_open_lesson (SLOPE_WINDOW (source), file);
}

static void
on_script_chosen (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SlopeWindow *self = SLOPE_WINDOW (source);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  file = slope_dialogs_file_finish (result, &error);
  if (file == NULL)
    return;
  if (!slope_window_export_script_to (self, file, &error))
    {
      slope_dialogs_alert (GTK_WINDOW (self), _("The script could not be saved"), error->message);
      return;
    }
  name = g_file_get_basename (file);
  text = g_strdup_printf (_("Saved %s"), name);
  slope_window_toast (self, text, NULL);
}

static void
open_lesson_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  slope_dialogs_open_file (GTK_WINDOW (widget), _("Open Lesson"), SLOPE_FILE_FILTER_LESSON,
                           NULL, on_open_lesson_chosen, NULL);
}

static void
save_lesson_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SlopeWindow *self = SLOPE_WINDOW (widget);

  /* Enabled only with a file (slope_window_update_lesson_actions()). */
  if (self->lesson_file != NULL)
    save_lesson_or_alert (self, self->lesson_file);
}

/* Ctrl+S: the lesson's file again, or, the first time, where and under
 * what title (the menu's Save Lesson stays off until there is a file). */
static void
save_lesson_key_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SlopeWindow *self = SLOPE_WINDOW (widget);

  if (self->lesson_file != NULL)
    save_lesson_or_alert (self, self->lesson_file);
  else
    slope_window_lesson_details_dialog (self);
}

static void
save_lesson_as_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  slope_window_lesson_details_dialog (SLOPE_WINDOW (widget));
}

static void
export_script_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SlopeWindow *self = SLOPE_WINDOW (widget);
  g_autofree char *name = suggested_name (self->lesson_title ? self->lesson_title : "slope-run", ".py");

  slope_dialogs_save_file (GTK_WINDOW (self), _("Export as PyTorch Script"), name,
                           SLOPE_FILE_FILTER_PYTHON, NULL, on_script_chosen, NULL);
}

static void
dismiss_lesson_note (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (SLOPE_WINDOW (widget)->lesson_revealer, FALSE);
}

void
slope_window_lesson_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-lesson", NULL, open_lesson_action);
  gtk_widget_class_install_action (widget_class, "win.save-lesson", NULL, save_lesson_action);
  gtk_widget_class_install_action (widget_class, "win.save-lesson-as", NULL, save_lesson_as_action);
  gtk_widget_class_install_action (widget_class, "win.save-lesson-key", NULL, save_lesson_key_action);
  gtk_widget_class_install_action (widget_class, "win.export-script", NULL, export_script_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-lesson-note", NULL, dismiss_lesson_note);
}

void
slope_window_lesson_dispose (SlopeWindow *self)
{
  g_clear_object (&self->lesson_file);
  g_clear_object (&self->lesson_example_data);
  g_clear_pointer (&self->lesson_example_id, g_free);
  g_clear_pointer (&self->lesson_title, g_free);
  g_clear_pointer (&self->lesson_note, g_free);
}
