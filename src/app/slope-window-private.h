/* slope-window-private.h: the window's state, shared by the files that
 * make up the window (slope-window*.c). */
#pragma once

#include "slope-cost-view.h"
#include "slope-data-view.h"
#include "slope-dataset.h"
#include "slope-runner.h"
#include "slope-window.h"

G_BEGIN_DECLS

enum {
  READOUT_EPOCH,
  READOUT_W,
  READOUT_B,
  READOUT_COST,
  READOUT_D_W,
  READOUT_D_B,
  READOUT_W_GRAD,
  READOUT_B_GRAD,
  N_READOUTS
};

struct _SlopeWindow
{
  GtkApplicationWindow  parent_instance;

  /* Template widgets */
  GtkButton            *play_button;
  GtkLabel             *subtitle_label;
  GtkRevealer          *divergence_revealer;
  GtkLabel             *divergence_label;
  SlopeDataView        *data_view;
  SlopeCostView        *cost_view;
  GtkCheckButton       *log_scale_check;
  GtkTextView          *log_view;
  GtkGrid              *readouts;
  GtkScale             *lr_scale;
  GtkAdjustment        *lr_adjustment;
  GtkEntry             *lr_entry;
  GtkLabel             *lr_hint;
  GtkSwitch            *zero_grad_switch;
  GtkLabel             *zero_grad_hint;
  GtkSpinButton        *epochs_spin;
  GtkScale             *speed_scale;
  GtkAdjustment        *speed_adjustment;
  GtkLabel             *speed_label;
  GtkSpinButton        *initial_w_spin;
  GtkSpinButton        *initial_b_spin;
  GtkCheckButton       *residuals_check;
  GtkRevealer          *load_revealer;
  GtkLabel             *load_label;
  GtkProgressBar       *load_progress;
  GtkRevealer          *notice_revealer;
  GtkLabel             *notice_label;

  /* Model */
  GSettings            *settings;
  SlopeRunner          *runner;
  SlopeDataset         *dataset;
  SlopeRunnerSnapshot   snapshot;
  GtkLabel             *readout_values[N_READOUTS];
  guint64               log_cursor;
  guint                 shown_resets;
  guint                 tick_id;
  guint                 updating_controls;
  GCancellable         *load_cancellable;   /* non-NULL while loading */
  int                   load_permille;      /* written by the loading thread */

  /* Editing points by hand (slope-window-edit.c) */
  gpointer              edit_reserved;
};

/* slope-window-actions.c */
void slope_window_class_install_actions (GtkWidgetClass *widget_class);
void slope_window_update_actions        (SlopeWindow    *self);
void slope_window_install_key_controller (SlopeWindow   *self);

/* slope-window-open.c */
void slope_window_open_dialog           (SlopeWindow    *self);
void slope_window_cancel_load           (SlopeWindow    *self);
void slope_window_update_load_progress  (SlopeWindow    *self);
void slope_window_show_notice           (SlopeWindow    *self,
                                         const char     *text);
void slope_window_setup_drop            (SlopeWindow    *self);

/* slope-window-edit.c */
/* (declarations of slope-window-edit.c go here) */

/* slope-window-controls.c */
void slope_window_controls_init         (SlopeWindow    *self);
void slope_window_controls_apply_launch (SlopeWindow    *self,
                                         const SlopeLaunchOptions *options);
void slope_window_controls_update_limits (SlopeWindow   *self);
void slope_window_set_lr                (SlopeWindow    *self,
                                         double          lr);

G_END_DECLS
