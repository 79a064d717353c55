/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window.h: the main window, where training is watched. */
#pragma once

#include <adwaita.h>

#include "slope-application.h"
#include "slope-runner.h"

G_BEGIN_DECLS

#define SLOPE_TYPE_WINDOW (slope_window_get_type ())

G_DECLARE_FINAL_TYPE (SlopeWindow, slope_window, SLOPE, WINDOW, AdwApplicationWindow)

SlopeWindow  *slope_window_new            (SlopeApplication          *app,
                                           const SlopeLaunchOptions  *options);
SlopeDataset *slope_window_get_dataset    (SlopeWindow               *self);
void          slope_window_set_dataset    (SlopeWindow               *self,
                                           SlopeDataset              *dataset);
void          slope_window_refresh        (SlopeWindow               *self);
void          slope_window_open_file      (SlopeWindow               *self,
                                           GFile                     *file);
void          slope_window_load_file      (SlopeWindow               *self,
                                           GFile                     *file);
void          slope_window_load_file_with_columns (SlopeWindow       *self,
                                           GFile                     *file,
                                           guint                      x_column,
                                           guint                      y_column);
gboolean      slope_window_is_loading     (SlopeWindow               *self);
void          slope_window_set_play_after_load (SlopeWindow          *self,
                                           gboolean                   play);
void          slope_window_set_accels     (GtkApplication            *app);

G_END_DECLS
