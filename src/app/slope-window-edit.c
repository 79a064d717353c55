/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-edit.c: adding, moving and removing points by hand, with
 * undo, and saving the result.
 *
 * A teacher drags a point away and the class watches the line follow, so
 * an edit never resets training: the window makes the edited dataset and
 * hands it to the runner, which goes on from the current W and b.  The
 * data view only reports what the pointer did; everything that has to stay
 * in step (the runner, the undo stack, the saved state) is kept here.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "slope-csv.h"
#include "slope-dialogs.h"
#include "slope-window-private.h"

typedef struct
{
  SlopeDataset *dataset;
  GFile        *file;
  char         *x_name;
  char         *y_name;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *sd = data;

  g_clear_object (&sd->dataset);
  g_clear_object (&sd->file);
  g_clear_pointer (&sd->x_name, g_free);
  g_clear_pointer (&sd->y_name, g_free);
  g_free (sd);
}

static void
update_edit_actions (SlopeWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.undo",
                                 slope_edit_stack_can_undo (self->edit_stack));
  gtk_widget_action_set_enabled (widget, "win.redo",
                                 slope_edit_stack_can_redo (self->edit_stack));
  gtk_widget_action_set_enabled (widget, "win.save-data", self->edit_save_cancellable == NULL);
}

/* Each edit copies the whole dataset, and the undo stack keeps copies. */
static gboolean
edit_allowed (SlopeWindow *self)
{
  gsize n = slope_dataset_get_n (self->dataset);
  g_autofree char *text = NULL;

  if (n <= SLOPE_WINDOW_EDIT_MAX_POINTS)
    return TRUE;

  text = g_strdup_printf (_("Editing points by hand is for data of up to %u points, because "
                            "every edit copies all of them; this data has %zu."),
                          (guint) SLOPE_WINDOW_EDIT_MAX_POINTS, n);
  slope_window_show_notice (self, text);
  return FALSE;
}

/* Shows @dataset and trains on it from where training is, with no reset
 * and no reframing: the plot must not jump under the pointer. */
static void
replace_dataset (SlopeWindow  *self,
                 SlopeDataset *dataset)
{
  g_set_object (&self->dataset, dataset);
  slope_window_scaling_data_changed (self);
  slope_runner_set_dataset (self->runner, slope_window_training_data (self), FALSE);
  slope_window_compare_set_dataset (self, slope_window_training_data (self), FALSE);
  slope_data_view_set_dataset (self->data_view, dataset, FALSE);
  /* The landscape and its star are the new data's, not the old. */
  slope_landscape_widget_set_dataset (self->landscape_view, slope_window_training_data (self));
  slope_window_controls_update_limits (self);
  update_edit_actions (self);
  slope_window_update_subtitle (self);
}

/* Records the data as it is now, before an edit. */
static void
push_undo (SlopeWindow *self)
{
  slope_edit_stack_push (self->edit_stack, self->dataset);
}

static void
on_add_point (SlopeDataView *view,
              double         x,
              double         y,
              SlopeWindow   *self)
{
  g_autoptr(SlopeDataset) edited = NULL;

  if (!self->edit_mode || !edit_allowed (self))
    return;

  push_undo (self);
  edited = slope_dataset_with_point (self->dataset, -1, x, y);
  replace_dataset (self, edited);
  slope_data_view_set_highlight (self->data_view, (gssize) slope_dataset_get_n (edited) - 1);
}

/* A drag is one step of undo, however many moves it makes. */
static void
on_move_begin (SlopeDataView *view,
               guint          index,
               SlopeWindow   *self)
{
  if (!self->edit_mode || !edit_allowed (self))
    return;
  if (index >= slope_dataset_get_n (self->dataset))
    return;

  push_undo (self);
  self->edit_dragging = TRUE;
}

static void
on_move_point (SlopeDataView *view,
               guint          index,
               double         x,
               double         y,
               SlopeWindow   *self)
{
  g_autoptr(SlopeDataset) edited = NULL;

  if (!self->edit_mode || !edit_allowed (self))
    return;
  if (index >= slope_dataset_get_n (self->dataset))
    return;

  /* A move on its own, outside a drag, is a step of its own. */
  if (!self->edit_dragging)
    push_undo (self);
  edited = slope_dataset_with_moved_point (self->dataset, index, x, y);
  replace_dataset (self, edited);
  slope_data_view_set_highlight (self->data_view, index);
}

static void
on_move_end (SlopeDataView *view,
             guint          index,
             SlopeWindow   *self)
{
  self->edit_dragging = FALSE;
}

static void
on_remove_point (SlopeDataView *view,
                 guint          index,
                 SlopeWindow   *self)
{
  g_autoptr(SlopeDataset) edited = NULL;
  gsize n = slope_dataset_get_n (self->dataset);

  if (!self->edit_mode || !edit_allowed (self) || index >= n)
    return;
  if (n <= 1)
    {
      slope_window_show_notice (self, _("The last point stays: with no points there is "
                                        "nothing to fit."));
      return;
    }

  push_undo (self);
  edited = slope_dataset_without_point (self->dataset, index);
  replace_dataset (self, edited);
  slope_data_view_set_highlight (self->data_view, -1);
}

/**
 * slope_window_edit_delete_highlighted:
 *
 * Delete and BackSpace in edit mode: removes the ringed point.
 *
 * Returns: %TRUE if the key was used
 */
gboolean
slope_window_edit_delete_highlighted (SlopeWindow *self)
{
  gssize index;

  g_return_val_if_fail (SLOPE_IS_WINDOW (self), FALSE);

  if (!self->edit_mode)
    return FALSE;
  index = slope_data_view_get_plot (self->data_view)->highlight;
  if (index < 0)
    return FALSE;
  on_remove_point (self->data_view, (guint) index, self);
  return TRUE;
}

static void
set_edit_mode (SlopeWindow *self,
               gboolean     on)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "edit-mode");

  if (on && !edit_allowed (self))
    on = FALSE;
  self->edit_mode = on;
  self->edit_dragging = FALSE;
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (on));
  slope_data_view_set_edit_mode (self->data_view, on);
}

static void
change_edit_mode (GSimpleAction *action,
                  GVariant      *value,
                  gpointer       user_data)
{
  set_edit_mode (SLOPE_WINDOW (user_data), g_variant_get_boolean (value));
}

static void
undo_edit (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  SlopeWindow *self = SLOPE_WINDOW (widget);
  g_autoptr(SlopeDataset) previous = NULL;

  /* Mid-drag the stack's top is the drag's own start. */
  if (self->edit_dragging)
    return;
  previous = slope_edit_stack_undo (self->edit_stack, self->dataset);
  if (previous == NULL)
    return;
  replace_dataset (self, previous);
  slope_data_view_set_highlight (self->data_view, -1);
}

static void
redo_edit (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  SlopeWindow *self = SLOPE_WINDOW (widget);
  g_autoptr(SlopeDataset) next = NULL;

  if (self->edit_dragging)
    return;
  next = slope_edit_stack_redo (self->edit_stack, self->dataset);
  if (next == NULL)
    return;
  replace_dataset (self, next);
  slope_data_view_set_highlight (self->data_view, -1);
}

/* @dataset is what was written: edits made meanwhile are not in the file. */
static void
finish_save (SlopeWindow  *self,
             SlopeDataset *dataset,
             GFile        *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (name ? name : "");
  g_autofree char *text = NULL;

  if (dataset == self->dataset)
    slope_edit_stack_mark_saved (self->edit_stack);
  update_edit_actions (self);
  slope_window_update_subtitle (self);

  /* Translators: shown after saving, e.g. "Saved the data as “points.csv”." */
  text = g_strdup_printf (_("Saved the data as “%s”."), display);
  slope_window_toast (self, text, NULL);
}

/**
 * slope_window_save_data_to:
 *
 * Writes the data shown as CSV (a header, then x,y rows that read back as
 * the very same numbers).  On failure the file as it was is left alone.
 * The Save Data As dialog does the same on a worker thread.
 */
gboolean
slope_window_save_data_to (SlopeWindow  *self,
                           GFile        *file,
                           GError      **error)
{
  const SlopeDataPlot *plot;
  g_autoptr(SlopeDataset) dataset = NULL;

  g_return_val_if_fail (SLOPE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  plot = slope_data_view_get_plot (self->data_view);
  dataset = g_object_ref (self->dataset);
  if (!slope_csv_save (dataset, file, plot->x_label, plot->y_label, NULL, error))
    return FALSE;
  finish_save (self, dataset, file);
  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *sd = task_data;
  GError *error = NULL;

  if (slope_csv_save (sd->dataset, sd->file, sd->x_name, sd->y_name, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_save_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SlopeWindow *self = SLOPE_WINDOW (source);
  SaveData *sd = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean close_after = self->edit_close_after_save;

  g_clear_object (&self->edit_save_cancellable);
  self->edit_close_after_save = FALSE;
  /* The window went while the file was written. */
  if (self->edit_stack == NULL)
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        slope_dialogs_alert (GTK_WINDOW (self), _("The data could not be saved"), error->message);
      update_edit_actions (self);
      return;
    }

  finish_save (self, sd->dataset, sd->file);
  if (close_after)
    gtk_window_close (GTK_WINDOW (self));
}

/* Written on a thread: ten million loaded points take a while. */
static void
save_data_in_thread (SlopeWindow *self,
                     GFile       *file)
{
  const SlopeDataPlot *plot = slope_data_view_get_plot (self->data_view);
  g_autoptr(GTask) task = NULL;
  SaveData *sd = g_new0 (SaveData, 1);

  sd->dataset = g_object_ref (self->dataset);
  sd->file = g_object_ref (file);
  sd->x_name = g_strdup (plot->x_label);
  sd->y_name = g_strdup (plot->y_label);

  self->edit_save_cancellable = g_cancellable_new ();
  update_edit_actions (self);

  task = g_task_new (self, self->edit_save_cancellable, on_save_done, NULL);
  g_task_set_source_tag (task, save_data_in_thread);
  g_task_set_task_data (task, sd, save_data_free);
  g_task_run_in_thread (task, save_thread);
}

static void
on_save_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SlopeWindow *self = SLOPE_WINDOW (source);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = slope_dialogs_file_finish (result, &error);
  if (self->edit_stack == NULL)
    return;
  if (file == NULL)
    {
      self->edit_close_after_save = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        slope_dialogs_alert (GTK_WINDOW (self), _("The data could not be saved"), error->message);
      return;
    }
  save_data_in_thread (self, file);
}

/* “points.csv” for data from points.tsv; “data.csv” for the lesson's. */
static char *
suggest_file_name (SlopeWindow *self)
{
  const char *title = slope_dataset_get_title (self->dataset);
  g_autofree char *stem = NULL;
  char *dot;

  if (title == NULL || *title == '\0' || strchr (title, G_DIR_SEPARATOR) != NULL)
    /* Translators: the file name first offered when saving the points */
    return g_strdup (_("data.csv"));

  stem = g_strdup (title);
  dot = strrchr (stem, '.');
  if (dot != NULL && dot != stem)
    *dot = '\0';
  return g_strconcat (stem, ".csv", NULL);
}

static void
open_save_dialog (SlopeWindow *self)
{
  g_autofree char *name = suggest_file_name (self);

  slope_dialogs_save_file (GTK_WINDOW (self), _("Save Data As"), name, SLOPE_FILE_FILTER_CSV,
                           NULL, on_save_chosen, NULL);
}

static void
save_data (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  SlopeWindow *self = SLOPE_WINDOW (widget);

  if (self->edit_save_cancellable != NULL)
    return;
  self->edit_close_after_save = FALSE;
  open_save_dialog (self);
}

static void
on_close_answered (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SlopeWindow *self = SLOPE_WINDOW (source);
  SlopeSaveChoice choice = slope_dialogs_ask_save_finish (result);

  self->edit_asking = FALSE;
  if (self->edit_stack == NULL)
    return;

  switch (choice)
    {
    case SLOPE_SAVE_CHOICE_SAVE:
      self->edit_close_after_save = TRUE;
      open_save_dialog (self);
      break;
    case SLOPE_SAVE_CHOICE_DISCARD:
      self->edit_discarded = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;
    case SLOPE_SAVE_CHOICE_CANCEL:
    default:
      break;
    }
}

/**
 * slope_window_edit_confirm_close:
 *
 * Returns: %TRUE if the window may close now; %FALSE while the person is
 * asked whether to save the edited points, after which the close is
 * tried again (or not, on Cancel).
 */
gboolean
slope_window_edit_confirm_close (SlopeWindow *self)
{
  g_return_val_if_fail (SLOPE_IS_WINDOW (self), TRUE);

  if (self->edit_stack == NULL || self->edit_discarded
      || !slope_edit_stack_is_modified (self->edit_stack))
    return TRUE;

  if (!self->edit_asking && self->edit_save_cancellable == NULL)
    {
      self->edit_asking = TRUE;
      slope_dialogs_ask_save (GTK_WINDOW (self), _("Save changes to the data before closing?"),
                              on_close_answered, NULL);
    }
  return FALSE;
}

/* New data (a file, an example): its edits start from nothing. */
void
slope_window_edit_reset (SlopeWindow *self)
{
  g_return_if_fail (SLOPE_IS_WINDOW (self));

  if (self->edit_stack == NULL)
    return;
  slope_edit_stack_clear (self->edit_stack);
  self->edit_dragging = FALSE;
  self->edit_discarded = FALSE;
  if (self->edit_mode && slope_dataset_get_n (self->dataset) > SLOPE_WINDOW_EDIT_MAX_POINTS)
    set_edit_mode (self, FALSE);
  slope_data_view_set_highlight (self->data_view, -1);
  update_edit_actions (self);
}

/* Stops a save in progress; the file it would replace stays as it was. */
void
slope_window_edit_dispose (SlopeWindow *self)
{
  if (self->edit_save_cancellable != NULL)
    g_cancellable_cancel (self->edit_save_cancellable);
  g_clear_object (&self->edit_stack);
}

static const GActionEntry edit_actions[] = {
  { "edit-mode", NULL, NULL, "false", change_edit_mode },
};

void
slope_window_edit_init (SlopeWindow *self)
{
  self->edit_stack = slope_edit_stack_new (0);

  /* Stateful, so the header bar's toggle shows it: an instance action. */
  g_action_map_add_action_entries (G_ACTION_MAP (self), edit_actions,
                                   G_N_ELEMENTS (edit_actions), self);

  g_signal_connect (self->data_view, "add-point", G_CALLBACK (on_add_point), self);
  g_signal_connect (self->data_view, "move-begin", G_CALLBACK (on_move_begin), self);
  g_signal_connect (self->data_view, "move-point", G_CALLBACK (on_move_point), self);
  g_signal_connect (self->data_view, "move-end", G_CALLBACK (on_move_end), self);
  g_signal_connect (self->data_view, "remove-point", G_CALLBACK (on_remove_point), self);

  update_edit_actions (self);
}

void
slope_window_edit_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_edit);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_edit);
  gtk_widget_class_install_action (widget_class, "win.save-data", NULL, save_data);
  /* Their keys: slope-window-actions.c. */
}
