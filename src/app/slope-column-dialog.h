/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-column-dialog.h: choosing the x and y columns of a CSV file.
 *
 * When a file has more than two columns, or the reader cannot tell which
 * two to use, guessing would fit the wrong line without a word; this
 * dialog shows the first rows instead and lets the person pick.
 */
#pragma once

#include <gtk/gtk.h>

#include "slope-csv.h"

G_BEGIN_DECLS

/* Data rows shown in the preview (the header is not one). */
#define SLOPE_COLUMN_DIALOG_PREVIEW_ROWS 20

#define SLOPE_TYPE_COLUMN_DIALOG (slope_column_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SlopeColumnDialog, slope_column_dialog, SLOPE, COLUMN_DIALOG, GtkWindow)

SlopeColumnDialog     *slope_column_dialog_new         (GtkWindow          *parent,
                                                        GFile              *file,
                                                        SlopeCsvPreview    *preview);
GFile                 *slope_column_dialog_get_file    (SlopeColumnDialog  *self);
const SlopeCsvPreview *slope_column_dialog_get_preview (SlopeColumnDialog  *self);
void                   slope_column_dialog_choose      (SlopeColumnDialog  *self,
                                                        guint               x_column,
                                                        guint               y_column);
void                   slope_column_dialog_get_choice  (SlopeColumnDialog  *self,
                                                        guint              *x_column,
                                                        guint              *y_column);
gboolean               slope_column_dialog_can_open    (SlopeColumnDialog  *self);

G_END_DECLS
