/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-dialogs.h: file choosers and alerts, whatever the GTK version.
 *
 * GtkFileDialog and GtkAlertDialog arrived in GTK 4.10; Debian 12 has 4.8.
 * Everything version-dependent is in slope-dialogs.c and nowhere else.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  SLOPE_FILE_FILTER_CSV,      /* CSV, TSV and text; all files */
  SLOPE_FILE_FILTER_IMAGE,    /* PNG, SVG, PDF */
  SLOPE_FILE_FILTER_LESSON,   /* .slope lessons */
  SLOPE_FILE_FILTER_PYTHON,   /* .py scripts */
} SlopeFileFilter;

/* The answer to “Save changes?”; closing the question is CANCEL. */
typedef enum
{
  SLOPE_SAVE_CHOICE_CANCEL,
  SLOPE_SAVE_CHOICE_DISCARD,
  SLOPE_SAVE_CHOICE_SAVE,
} SlopeSaveChoice;

void   slope_dialogs_open_file        (GtkWindow           *parent,
                                       const char          *title,
                                       SlopeFileFilter      filter,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
void   slope_dialogs_save_file        (GtkWindow           *parent,
                                       const char          *title,
                                       const char          *initial_name,
                                       SlopeFileFilter      filter,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
GFile *slope_dialogs_file_finish      (GAsyncResult        *result,
                                       GError             **error);
void   slope_dialogs_alert            (GtkWindow           *parent,
                                       const char          *message,
                                       const char          *detail);
void   slope_dialogs_ask_save         (GtkWindow           *parent,
                                       const char          *message,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
SlopeSaveChoice slope_dialogs_ask_save_finish (GAsyncResult *result);

G_END_DECLS
