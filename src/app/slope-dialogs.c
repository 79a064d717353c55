/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-dialogs.c: the one place that knows which GTK it was built with.
 *
 * On GTK ≥ 4.10 it uses GtkFileDialog and GtkAlertDialog; on 4.8 it uses
 * GtkFileChooserNative and GtkMessageDialog.  Both paths end in the same
 * GTask, so callers see one asynchronous API.
 */
#include "config.h"

/* This file alone may use API newer than the 4.8 the build is pinned to. */
#undef GDK_VERSION_MAX_ALLOWED
#define GDK_VERSION_MAX_ALLOWED G_ENCODE_VERSION (4, 99)

#include <glib/gi18n.h>

#include "slope-dialogs.h"

static GListStore *
make_filters (SlopeFileFilter which)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) main_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (which == SLOPE_FILE_FILTER_CSV)
    {
      gtk_file_filter_set_name (main_filter, _("CSV, TSV and text files"));
      gtk_file_filter_add_mime_type (main_filter, "text/csv");
      gtk_file_filter_add_mime_type (main_filter, "text/tab-separated-values");
      gtk_file_filter_add_mime_type (main_filter, "text/plain");
      gtk_file_filter_add_suffix (main_filter, "csv");
      gtk_file_filter_add_suffix (main_filter, "tsv");
      gtk_file_filter_add_suffix (main_filter, "txt");
    }
  else if (which == SLOPE_FILE_FILTER_LESSON)
    {
      gtk_file_filter_set_name (main_filter, _("Slope lessons"));
      gtk_file_filter_add_mime_type (main_filter, "application/x-slope-lesson");
      gtk_file_filter_add_suffix (main_filter, "slope");
    }
  else if (which == SLOPE_FILE_FILTER_PYTHON)
    {
      gtk_file_filter_set_name (main_filter, _("Python scripts"));
      gtk_file_filter_add_mime_type (main_filter, "text/x-python");
      gtk_file_filter_add_suffix (main_filter, "py");
    }
  else
    {
      gtk_file_filter_set_name (main_filter, _("PNG, SVG and PDF files"));
      gtk_file_filter_add_suffix (main_filter, "png");
      gtk_file_filter_add_suffix (main_filter, "svg");
      gtk_file_filter_add_suffix (main_filter, "pdf");
    }
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  g_list_store_append (filters, main_filter);
  g_list_store_append (filters, all);
  return filters;
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
on_dialog_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GFile *file;

  if (g_task_get_source_tag (task) == slope_dialogs_open_file)
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);
  else
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);

  if (file != NULL)
    g_task_return_pointer (task, file, g_object_unref);
  else if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED)
           || g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    {
      g_clear_error (&error);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "%s", _("No file was chosen"));
    }
  else
    g_task_return_error (task, error);
}

static void
run_file_dialog (GtkWindow       *parent,
                 const char      *title,
                 const char      *initial_name,
                 SlopeFileFilter  filter,
                 GCancellable    *cancellable,
                 GTask           *task)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = make_filters (filter);

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  if (initial_name != NULL)
    {
      gtk_file_dialog_set_initial_name (dialog, initial_name);
      gtk_file_dialog_save (dialog, parent, cancellable, on_dialog_done, task);
    }
  else
    gtk_file_dialog_open (dialog, parent, cancellable, on_dialog_done, task);
}

void
slope_dialogs_alert (GtkWindow  *parent,
                     const char *message,
                     const char *detail)
{
  g_autoptr(GtkAlertDialog) dialog = gtk_alert_dialog_new ("%s", message);

  gtk_alert_dialog_set_detail (dialog, detail);
  gtk_alert_dialog_show (dialog, parent);
}

static void
on_question_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  /* The buttons, in the order given below. */
  static const SlopeSaveChoice choices[] = {
    SLOPE_SAVE_CHOICE_CANCEL, SLOPE_SAVE_CHOICE_DISCARD, SLOPE_SAVE_CHOICE_SAVE,
  };
  int button = gtk_alert_dialog_choose_finish (GTK_ALERT_DIALOG (source), result, &error);

  if (button >= 0 && button < (int) G_N_ELEMENTS (choices))
    g_task_return_int (task, choices[button]);
  else
    g_task_return_int (task, SLOPE_SAVE_CHOICE_CANCEL);
}

static void
run_question (GtkWindow  *parent,
              const char *message,
              const char *detail,
              GTask      *task)
{
  const char *buttons[] = { _("_Cancel"), _("_Discard"), _("_Save"), NULL };
  g_autoptr(GtkAlertDialog) dialog = gtk_alert_dialog_new ("%s", message);

  gtk_alert_dialog_set_detail (dialog, detail);
  gtk_alert_dialog_set_buttons (dialog, buttons);
  gtk_alert_dialog_set_cancel_button (dialog, 0);
  gtk_alert_dialog_set_default_button (dialog, 2);
  gtk_alert_dialog_set_modal (dialog, TRUE);
  gtk_alert_dialog_choose (dialog, parent, NULL, on_question_done, task);
}

#else /* GTK 4.8 */

static void
on_native_response (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    g_task_return_pointer (task, gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native)),
                           g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "%s", _("No file was chosen"));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
run_file_dialog (GtkWindow       *parent,
                 const char      *title,
                 const char      *initial_name,
                 SlopeFileFilter  filter,
                 GCancellable    *cancellable,
                 GTask           *task)
{
  GtkFileChooserAction action = initial_name ? GTK_FILE_CHOOSER_ACTION_SAVE
                                             : GTK_FILE_CHOOSER_ACTION_OPEN;
  GtkFileChooserNative *native;
  g_autoptr(GListStore) filters = make_filters (filter);

  native = gtk_file_chooser_native_new (title, parent, action,
                                        initial_name ? _("_Save") : _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filters)); i++)
    {
      g_autoptr(GtkFileFilter) f = g_list_model_get_item (G_LIST_MODEL (filters), i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), f);
    }
  if (initial_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);

  g_signal_connect (native, "response", G_CALLBACK (on_native_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_alert_response (GtkDialog *dialog,
                   int        response,
                   gpointer   user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
slope_dialogs_alert (GtkWindow  *parent,
                     const char *message,
                     const char *detail)
{
  GtkWidget *dialog = gtk_message_dialog_new (parent,
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                              "%s", message);

  if (detail != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", detail);
  g_signal_connect (dialog, "response", G_CALLBACK (on_alert_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Answers the question once, whether by a button or by the dialog going
 * away with its parent. */
static void
return_choice (GtkWidget       *dialog,
               SlopeSaveChoice  choice)
{
  g_autoptr(GTask) task = g_object_steal_data (G_OBJECT (dialog), "slope-task");

  if (task != NULL)
    g_task_return_int (task, choice);
}

static void
on_question_response (GtkDialog *dialog,
                      int        response,
                      gpointer   user_data)
{
  SlopeSaveChoice choice = SLOPE_SAVE_CHOICE_CANCEL;

  if (response == GTK_RESPONSE_ACCEPT)
    choice = SLOPE_SAVE_CHOICE_SAVE;
  else if (response == GTK_RESPONSE_REJECT)
    choice = SLOPE_SAVE_CHOICE_DISCARD;
  return_choice (GTK_WIDGET (dialog), choice);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_question_destroy (GtkWidget *dialog,
                     gpointer   user_data)
{
  return_choice (dialog, SLOPE_SAVE_CHOICE_CANCEL);
}

static void
run_question (GtkWindow  *parent,
              const char *message,
              const char *detail,
              GTask      *task)
{
  GtkWidget *dialog = gtk_message_dialog_new (parent,
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                              "%s", message);
  GtkWidget *discard;

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", detail);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  discard = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_REJECT);
  gtk_widget_add_css_class (discard, "destructive-action");
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Save"), GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);

  g_object_set_data_full (G_OBJECT (dialog), "slope-task", task, g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_question_response), NULL);
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_question_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

#endif

void
slope_dialogs_open_file (GtkWindow           *parent,
                         const char          *title,
                         SlopeFileFilter      filter,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task = g_task_new (parent, cancellable, callback, user_data);

  g_task_set_source_tag (task, slope_dialogs_open_file);
  run_file_dialog (parent, title, NULL, filter, cancellable, task);
}

void
slope_dialogs_save_file (GtkWindow           *parent,
                         const char          *title,
                         const char          *initial_name,
                         SlopeFileFilter      filter,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task = g_task_new (parent, cancellable, callback, user_data);

  g_task_set_source_tag (task, slope_dialogs_save_file);
  run_file_dialog (parent, title, initial_name ? initial_name : "", filter, cancellable, task);
}

/* Returns the chosen file, or NULL with G_IO_ERROR_CANCELLED when the
 * user closed the dialog without choosing. */
GFile *
slope_dialogs_file_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * slope_dialogs_ask_save:
 * @message: the question, e.g. “Save changes to the data before closing?”
 *
 * Asks whether to save, discard or cancel; finish with
 * slope_dialogs_ask_save_finish().
 */
void
slope_dialogs_ask_save (GtkWindow           *parent,
                        const char          *message,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (parent, NULL, callback, user_data);

  g_task_set_source_tag (task, slope_dialogs_ask_save);
  run_question (parent, message,
                _("If you do not save, the points added, moved or removed will be lost."),
                task);
}

SlopeSaveChoice
slope_dialogs_ask_save_finish (GAsyncResult *result)
{
  gssize choice = g_task_propagate_int (G_TASK (result), NULL);

  return choice < 0 ? SLOPE_SAVE_CHOICE_CANCEL : (SlopeSaveChoice) choice;
}
