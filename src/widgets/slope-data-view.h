/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-data-view.h: the widget showing the points and the model's line.
 *
 * In edit mode it reports clicks and drags as signals in data coordinates
 * (add-point, move-begin, move-point, move-end, remove-point); its owner
 * changes the data and hands the new dataset back.
 */
#pragma once

#include <gtk/gtk.h>

#include "slope-data-plot.h"

G_BEGIN_DECLS

#define SLOPE_TYPE_DATA_VIEW (slope_data_view_get_type ())

G_DECLARE_FINAL_TYPE (SlopeDataView, slope_data_view, SLOPE, DATA_VIEW, GtkWidget)

GtkWidget           *slope_data_view_new            (void);
void                 slope_data_view_set_dataset    (SlopeDataView *self,
                                                     SlopeDataset  *dataset,
                                                     gboolean       refit);
SlopeDataset        *slope_data_view_get_dataset    (SlopeDataView *self);
void                 slope_data_view_refit          (SlopeDataView *self);
void                 slope_data_view_set_model      (SlopeDataView *self,
                                                     double         w,
                                                     double         b);
void                 slope_data_view_set_show_residuals (SlopeDataView *self,
                                                     gboolean       show);
void                 slope_data_view_set_reference  (SlopeDataView *self,
                                                     gboolean       has_reference,
                                                     double         w,
                                                     double         b);
void                 slope_data_view_set_font_scale (SlopeDataView *self,
                                                     double         scale);
void                 slope_data_view_set_highlight  (SlopeDataView *self,
                                                     gssize         index);
const SlopeDataPlot *slope_data_view_get_plot       (SlopeDataView *self);
void                 slope_data_view_set_edit_mode  (SlopeDataView *self,
                                                     gboolean       edit_mode);
gboolean             slope_data_view_get_edit_mode  (SlopeDataView *self);
gssize               slope_data_view_pick           (SlopeDataView *self,
                                                     double         px,
                                                     double         py);
void                 slope_data_view_set_label      (SlopeDataView       *self,
                                                     const char          *label);
void                 slope_data_view_set_runs       (SlopeDataView       *self,
                                                     const SlopeRunTrace *runs,
                                                     gsize                n_runs);
gboolean             slope_data_view_to_data        (SlopeDataView *self,
                                                     double         px,
                                                     double         py,
                                                     double        *x,
                                                     double        *y);

G_END_DECLS
