/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-open.c: bringing data into the window.
 *
 * A file is previewed, then read, in GTask threads through the same CSV
 * reader as slope-train, with a progress bar and a Cancel button, so
 * neither ten million rows nor a header of 200 000 columns freezes the
 * window.  Until the new dataset is complete the old
 * one stays, untouched; a file that cannot be used only produces a message.
 * A file with more than two columns, or no obvious pair, goes through the
 * column picker (slope-column-dialog.c) first.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "slope-column-dialog.h"
#include "slope-csv.h"
#include "slope-dialogs.h"
#include "slope-window-private.h"

typedef struct
{
  GFile          *file;
  guint           x_column;     /* 1-based; 0: automatic */
  guint           y_column;
  SlopeCsvReport *report;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *ld = data;

  g_clear_object (&ld->file);
  g_clear_pointer (&ld->report, slope_csv_report_free);
  g_free (ld);
}

/* Called on the loading thread: only an atomic store, read by the tick. */
static void
on_load_progress (double   fraction,
                  gpointer user_data)
{
  SlopeWindow *self = user_data;

  g_atomic_int_set (&self->load_permille, (int) (fraction * 1000.0));
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *ld = task_data;
  SlopeCsvOptions options = { SLOPE_CSV_DELIMITER_AUTO, NULL, NULL };
  char x_text[16], y_text[16];
  GError *error = NULL;
  SlopeDataset *dataset;

  /* The reader takes columns as names or numbers in text, as typed at
   * slope-train's command line. */
  if (ld->x_column != 0)
    {
      g_snprintf (x_text, sizeof x_text, "%u", ld->x_column);
      options.x_column = x_text;
    }
  if (ld->y_column != 0)
    {
      g_snprintf (y_text, sizeof y_text, "%u", ld->y_column);
      options.y_column = y_text;
    }

  dataset = slope_csv_load (ld->file, &options, &ld->report, cancellable,
                            on_load_progress, source, &error);
  if (dataset != NULL)
    g_task_return_pointer (task, dataset, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
slope_window_show_notice (SlopeWindow *self,
                          const char  *text)
{
  if (text != NULL)
    gtk_label_set_text (self->notice_label, text);
  gtk_revealer_set_reveal_child (self->notice_revealer, text != NULL);
}

static void
on_load_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SlopeWindow *self = SLOPE_WINDOW (source);
  LoadData *ld = g_task_get_task_data (G_TASK (result));
  g_autoptr(SlopeDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  gboolean play = FALSE;

  /* A load superseded by a newer one was cancelled when that one began;
   * finishing late, it must not touch the newer one's Cancel, progress
   * bar or data. */
  if (g_task_get_cancellable (G_TASK (result)) != self->load_cancellable)
    return;

  g_clear_object (&self->load_cancellable);
  /* The window was closed while the file loaded. */
  if (self->runner == NULL)
    return;
  gtk_revealer_set_reveal_child (self->load_revealer, FALSE);

  dataset = g_task_propagate_pointer (G_TASK (result), &error);
  /* A cancelled load was replaced by another, which is the one to play. */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      play = self->play_after_load && dataset != NULL;
      self->play_after_load = FALSE;
    }
  if (dataset == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        slope_window_toast (self, _("Loading was cancelled; the data shown is unchanged."), NULL);
      else
        slope_dialogs_alert (GTK_WINDOW (self), _("This file cannot be used"), error->message);
      return;
    }

  slope_window_set_dataset (self, dataset);
  slope_window_forget_lesson (self);
  if (ld->report != NULL && ld->report->rows_skipped > 0)
    {
      g_autofree char *summary = slope_csv_report_summary (ld->report);
      g_autofree char *first = g_strndup (summary, strcspn (summary, "\n"));

      slope_window_show_notice (self, NULL);
      slope_window_toast (self, first, summary);
    }
  else
    slope_window_show_notice (self, NULL);
  if (play)
    {
      slope_runner_play (self->runner);
      slope_window_compare_post (self, SLOPE_COMPARE_PLAY);
    }

  uri = g_file_get_uri (ld->file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/**
 * slope_window_begin_load:
 *
 * Cancels any load in progress and shows the load bar for @file, with a
 * new #SlopeWindow:load_cancellable for the one that begins.  Every load
 * (CSV, preview, lesson) starts here, so a newer one always supersedes.
 */
void
slope_window_begin_load (SlopeWindow *self,
                         GFile       *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  slope_window_cancel_load (self);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  g_atomic_int_set (&self->load_permille, 0);
  /* Translators: shown while a file loads, e.g. "Loading data.csv…" */
  text = g_strdup_printf (_("Loading %s…"), name);
  gtk_label_set_text (self->load_label, text);
  gtk_progress_bar_set_fraction (self->load_progress, 0.0);
  gtk_revealer_set_reveal_child (self->load_revealer, TRUE);
}

/**
 * slope_window_load_file_with_columns:
 * @x_column: 1-based, or 0 for the reader's automatic choice
 * @y_column: 1-based, or 0 for the reader's automatic choice
 *
 * Loads @file in the background; the window keeps its data until the new
 * data is complete.  Files a person opens go through
 * slope_window_open_file() first, which may ask for the columns.
 */
void
slope_window_load_file_with_columns (SlopeWindow *self,
                                     GFile       *file,
                                     guint        x_column,
                                     guint        y_column)
{
  g_autoptr(GTask) task = NULL;
  LoadData *ld;

  g_return_if_fail (SLOPE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  slope_window_begin_load (self, file);

  ld = g_new0 (LoadData, 1);
  ld->file = g_object_ref (file);
  ld->x_column = x_column;
  ld->y_column = y_column;
  task = g_task_new (self, self->load_cancellable, on_load_done, NULL);
  g_task_set_source_tag (task, slope_window_load_file_with_columns);
  g_task_set_task_data (task, ld, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/* Loads @file with the columns the reader picks. */
void
slope_window_load_file (SlopeWindow *self,
                        GFile       *file)
{
  slope_window_load_file_with_columns (self, file, 0, 0);
}

static void
close_column_dialog (SlopeWindow *self)
{
  GtkWindow *dialog = GTK_WINDOW (self->column_dialog);

  if (dialog == NULL)
    return;
  g_clear_weak_pointer (&self->column_dialog);
  /* A destroyed GtkWindow that something still holds forgets its parent
   * only when finally disposed, by then perhaps freed: forget it now. */
  gtk_window_set_transient_for (dialog, NULL);
  gtk_window_destroy (dialog);
}

/* The weak pointer lives in the window: it must go before the window
 * does, even if something still holds the dialog. */
static void
on_window_destroy (SlopeColumnDialog *dialog,
                   SlopeWindow       *self)
{
  close_column_dialog (self);
}

static void
on_columns_chosen (SlopeColumnDialog *dialog,
                   guint              x_column,
                   guint              y_column,
                   SlopeWindow       *self)
{
  slope_window_load_file_with_columns (self, slope_column_dialog_get_file (dialog),
                                       x_column, y_column);
}

/* A pipe (slope <(cmd)) can be read only once, and a file without a
 * local path would be downloaded whole just to be previewed on this
 * thread: those are loaded directly, with the automatic columns. */
static gboolean
can_preview (GFile *file)
{
  const char *path = g_file_peek_path (file);

  if (path == NULL)
    return FALSE;
  return !g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* Guessing among three columns, or where the reader found no pair, would
 * fit a line the person did not ask for.  With one column or no rows
 * there is nothing to pick, and the loader's message says why. */
static gboolean
wants_column_dialog (const SlopeCsvPreview *preview)
{
  if (preview->n_columns < 2 || preview->rows->len == 0)
    return FALSE;
  return preview->n_columns > 2 || preview->x_column == 0 || preview->y_column == 0;
}

static void
show_column_dialog (SlopeWindow     *self,
                    GFile           *file,
                    SlopeCsvPreview *preview)
{
  SlopeColumnDialog *dialog;

  dialog = slope_column_dialog_new (GTK_WINDOW (self), file, preview);
  g_signal_connect_object (dialog, "columns-chosen", G_CALLBACK (on_columns_chosen), self, 0);
  g_signal_connect_object (self, "destroy", G_CALLBACK (on_window_destroy), dialog,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->column_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  SlopeWindow *self;
  GFile       *file;
} OpenData;

static void
open_data_free (OpenData *od)
{
  g_object_unref (od->self);
  g_object_unref (od->file);
  g_free (od);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

static void
on_preview_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(OpenData) od = user_data;
  SlopeWindow *self = od->self;
  GFile *file = od->file;
  g_autoptr(SlopeCsvPreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  preview = slope_csv_preview_finish (result, &error);
  /* Superseded by another file (or closed): nothing here is ours. */
  if (g_task_get_cancellable (G_TASK (result)) != self->load_cancellable)
    return;

  g_clear_object (&self->load_cancellable);
  gtk_revealer_set_reveal_child (self->load_revealer, FALSE);
  if (preview == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        slope_window_show_notice (self, _("Loading was cancelled; the data shown is unchanged."));
      else
        slope_dialogs_alert (GTK_WINDOW (self), _("This file cannot be used"), error->message);
      return;
    }
  if (!wants_column_dialog (preview))
    slope_window_load_file (self, file);
  else
    show_column_dialog (self, file, g_steal_pointer (&preview));
}

/**
 * slope_window_open_file:
 *
 * Opens a file a person chose (the file dialog, drag and drop, the
 * command line): reads its first rows on a worker thread and, when the
 * columns to use are not obvious, asks for them before loading.  Until
 * then the load bar shows, and Cancel stops the reading.  The data shown
 * stays until new data is complete; a file that cannot be read only
 * produces a message.
 */
void
slope_window_open_file (SlopeWindow *self,
                        GFile       *file)
{
  OpenData *od;

  g_return_if_fail (SLOPE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  close_column_dialog (self);
  /* A lesson, from the command line, a double-click or a drop. */
  if (slope_window_is_lesson_file (file))
    {
      slope_window_open_lesson (self, file);
      return;
    }
  if (!can_preview (file))
    {
      slope_window_load_file (self, file);
      return;
    }

  slope_window_begin_load (self, file);

  od = g_new0 (OpenData, 1);
  od->self = g_object_ref (self);
  od->file = g_object_ref (file);
  slope_csv_preview_async (file, SLOPE_COLUMN_DIALOG_PREVIEW_ROWS, self->load_cancellable,
                           on_preview_done, od);
}

/**
 * slope_window_set_play_after_load:
 *
 * `slope --autoplay FILE`: training starts once the next file opened has
 * loaded, after the column choice if one is asked for, and not on the
 * data shown meanwhile.  A file that cannot be loaded ends the wait.
 */
void
slope_window_set_play_after_load (SlopeWindow *self,
                                  gboolean     play)
{
  g_return_if_fail (SLOPE_IS_WINDOW (self));

  self->play_after_load = !!play;
}

gboolean
slope_window_is_loading (SlopeWindow *self)
{
  g_return_val_if_fail (SLOPE_IS_WINDOW (self), FALSE);

  return self->load_cancellable != NULL;
}

void
slope_window_cancel_load (SlopeWindow *self)
{
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
}

void
slope_window_update_load_progress (SlopeWindow *self)
{
  if (self->load_cancellable == NULL)
    return;
  gtk_progress_bar_set_fraction (self->load_progress,
                                 g_atomic_int_get (&self->load_permille) / 1000.0);
}

static void
on_open_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SlopeWindow *self = SLOPE_WINDOW (source);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = slope_dialogs_file_finish (result, &error);
  if (file != NULL)
    slope_window_open_file (self, file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    slope_dialogs_alert (GTK_WINDOW (self), _("The file could not be opened"), error->message);
}

void
slope_window_open_dialog (SlopeWindow *self)
{
  slope_dialogs_open_file (GTK_WINDOW (self), _("Open Data"), SLOPE_FILE_FILTER_CSV,
                           NULL, on_open_chosen, NULL);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SlopeWindow   *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;
  slope_window_open_file (self, G_FILE (files->data));
  return TRUE;
}

/* Dropping a file anywhere on the window opens it. */
void
slope_window_setup_drop (SlopeWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
