/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-private.h: the window's state, shared by the files that
 * make up the window (slope-window*.c). */
#pragma once

#include "slope-accumulation-lab.h"
#include "slope-autograd-lab.h"
#include "slope-code-view.h"
#include "slope-column-dialog.h"
#include "slope-cost-view.h"
#include "slope-math-view.h"
#include "slope-data-view.h"
#include "slope-landscape-view.h"
#include "slope-lesson.h"
#include "slope-lr-zone.h"
#include "slope-dataset.h"
#include "slope-edit-stack.h"
#include "slope-examples.h"
#include "slope-run-settings.h"
#include "slope-runner.h"
#include "slope-scaling.h"
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

/* While training plays, a new state is shown at most this often: every
 * other frame of a 60 Hz screen, every frame of a 30 Hz one.  A frame
 * repaints most of the window (readouts, line, curve and path all move),
 * so this halves what playing costs, and 30 pictures a second still
 * move smoothly. */
#define SLOPE_WINDOW_PLAYING_INTERVAL_US (G_USEC_PER_SEC / 30)

/* Whether the frame at @now_us may show a new state, the last one having
 * been shown at @shown_us: a quarter interval early still counts, so a
 * 60 Hz clock's 16.7 ms steps land on every other frame. */
static inline gboolean
slope_window_playing_frame_due (gint64 shown_us,
                                gint64 now_us)
{
  return now_us - shown_us >= SLOPE_WINDOW_PLAYING_INTERVAL_US * 3 / 4;
}

/* Characters of a readout's value: "−1.23457e+38" and a little room. */
#define SLOPE_WINDOW_READOUT_CHARS 14

/* Runs compared with the main one (slope-window-compare.c). */
#define SLOPE_WINDOW_MAX_COMPARED 5

typedef struct
{
  SlopeRunner          *runner;
  SlopeRunSettings      settings;
  guint                 colour;       /* 1..5, kept while the run lives */
  gboolean              hidden;       /* not drawn, still trained */
  SlopeRunnerSnapshot   snapshot;     /* read once per frame */
  SlopeTrainerState     shown;        /* the present, or the epoch looked back at */
  char                 *label;        /* what differs from the main run */
  GtkWidget            *cells[9];     /* its row of the table */
} SlopeComparedRun;

typedef enum
{
  SLOPE_COMPARE_PLAY,
  SLOPE_COMPARE_PAUSE,
  SLOPE_COMPARE_STEP,
  SLOPE_COMPARE_STEP_LINE,
  SLOPE_COMPARE_RESET,
  SLOPE_COMPARE_FOLLOW,       /* the main run's pace and plan of runs */
} SlopeComparePost;

struct _SlopeWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkButton            *play_button;
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
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
  SlopeLrZone          *lr_zone;
  GtkSwitch            *zero_grad_switch;
  GtkLabel             *zero_grad_hint;
  GtkSpinButton        *epochs_spin;
  GtkScale             *speed_scale;
  GtkAdjustment        *speed_adjustment;
  GtkLabel             *speed_label;
  GtkSpinButton        *initial_w_spin;
  GtkSpinButton        *initial_b_spin;
  GtkCheckButton       *residuals_check;
  GtkGrid              *settings_grid;
  GtkScrolledWindow    *side_scroller;
  GtkPaned             *plots_paned;
  GtkWidget            *side_panel;
  GtkWidget            *lr_group;
  GtkWidget            *data_group;
  GtkButton            *suggest_button;
  GtkScrolledWindow    *explain_scroller;
  SlopeCodeView        *code_view;
  SlopeMathView        *math_view;
  SlopeLandscapeWidget *landscape_view;
  GtkStack             *bottom_stack;
  GtkWidget            *landscape_box;
  GtkMenuButton        *menu_button;
  GMenu                *examples_menu;
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
  GtkInscription       *readout_values[N_READOUTS];
  guint64               log_cursor;
  gboolean              log_follow;       /* the log view shows its end */
  guint                 shown_resets;
  guint                 tick_id;
  gint64                shown_at;         /* frame time of the last state shown */
  guint                 updating_controls;
  gboolean              quit_after_run;
  gboolean              show_explain;
  gboolean              presentation;
  GtkLabel             *reference_label;
  GtkInscription       *reference_distance; /* W − W*, b − b*: every frame */

  /* The labs' window (slope-window-labs.c), made on first use */
  GtkWindow            *labs_window;
  GtkStack             *labs_stack;
  SlopeAccumulationLab *accumulation_lab;
  SlopeAutogradLab     *autograd_lab;

  /* What the views show: the present, or a past epoch (rewinding) */
  SlopeTrainerState     shown;
  double                shown_w_before;
  double                shown_b_before;
  gboolean              rewinding;
  guint64               rewind_epoch;
  GCancellable         *load_cancellable;   /* non-NULL while loading */
  gboolean              play_after_load;    /* slope --autoplay FILE */
  int                   load_permille;      /* written by the loading thread */

  /* Editing points by hand (slope-window-edit.c) */
  SlopeEditStack       *edit_stack;
  GCancellable         *edit_save_cancellable;  /* non-NULL while saving */
  gboolean              edit_mode;
  gboolean              edit_dragging;          /* a drag's start is on the stack */
  gboolean              edit_asking;            /* “Save changes?” is open */
  gboolean              edit_discarded;         /* close without saving */
  gboolean              edit_close_after_save;

  /* The plots' accessible descriptions (slope-window-a11y.c) */
  char                 *described[3];

  /* Toasts (slope-window-toast.c) */
  AdwToast             *last_toast;             /* weak: while shown */
  char                 *toast_details;

  /* Column picker (slope-column-dialog.c) */
  SlopeColumnDialog    *column_dialog;          /* weak: open while asking */

  /* Advice on real data (slope-window-advice.c) */
  SlopeDataset         *advice_dataset;         /* the data last advised on */
  guint                 advice_resets;
  gboolean              advice_unsettled;       /* said this run */

  /* The side panel fitted to the window (slope-window-panel.c) */
  int                   panel_fit_height;       /* the scroller's, last fitted */
  int                   panel_fit_width;
  int                   panel_fit_need;         /* the panel's height then */
  gboolean              panel_fit_presentation;
  gboolean              panel_roomy;            /* larger type, presentation */
  int                   panel_roomy_failed;     /* the height it did not fit */
  int                   plots_split_set;        /* the data plot's height, as set */
  gboolean              plots_split_dragged;    /* by the user: leave it */
  gboolean              plots_split_follows;    /* split again as the pane is allocated */

  /* Scaling (slope-window-scaling.c) */
  SlopeScaleMode        scale_mode;
  SlopeScaling          scaling;
  SlopeDataset         *train_dataset;          /* scaled, or NULL: the data */
  GtkDropDown          *scale_drop_down;
  GtkLabel             *scale_hint;

  /* Run as the notebook did (slope-window-notebook.c) */
  char                **notebook_printed;       /* NULL: not comparing */
  guint                 notebook_runs[SLOPE_EXAMPLE_MAX_RUNS];
  guint                 notebook_n_runs;
  guint                 notebook_shown_run;     /* whose header the log shows */
  guint                 notebook_told_run;      /* “press Play” said after it */
  guint                 notebook_paired;        /* printed lines shown so far */
  guint                 notebook_differ;        /* how many of them differ */
  /* The run's settings the controls do not hold themselves
   * (slope-window-run.c, slope-window-optim.c) */
  double                lr;                     /* exactly as set */
  SlopeOptimizerSettings optimizer;             /* the one in use: valid */
  guint                 batch_size;             /* 0: all points */
  gboolean              shuffle;
  guint64               seed;
  guint                 log_every;

  /* Lessons (slope-window-lesson.c) */
  GtkRevealer          *lesson_revealer;
  GtkLabel             *lesson_title_label;
  GtkLabel             *lesson_note_label;
  GFile                *lesson_file;            /* opened or saved: Save Lesson writes it */
  char                 *lesson_title;
  char                 *lesson_note;
  char                 *lesson_example_id;      /* the example opened, while its data is shown */
  SlopeDataset         *lesson_example_data;    /* that data, to tell it from an edit */

  /* The side panel's optimizer section (slope-window-optim.c) */
#define SLOPE_WINDOW_N_OPTIM_PARAMS 23
  GtkWidget            *optim_section;
  GtkDropDown          *optim_drop_down;
  GtkWidget            *optim_params_box;      /* the grids; the panel may leave it out */
  GtkWidget            *optim_grids[SLOPE_N_OPTIMIZERS];
  GtkWidget            *optim_params[SLOPE_WINDOW_N_OPTIM_PARAMS];
  GtkLabel             *optim_error;
  /* The optimizer's state in the readouts (slope-window-optim-state.c) */
#define SLOPE_WINDOW_N_STATE_ROWS 7
  GtkLabel             *state_names[SLOPE_WINDOW_N_STATE_ROWS];
  GtkInscription       *state_values[SLOPE_WINDOW_N_STATE_ROWS];
  /* Mini-batches (slope-window-batch.c) */
  GtkWidget            *batch_section;
  GtkSpinButton        *batch_spin;
  GtkCheckButton       *shuffle_check;
  GtkSpinButton        *seed_spin;
  guint64               batch_cursor;
  guint                 batch_resets;
  double               *batch_x;                /* one block: x, cost, W, b */
  double               *batch_cost;
  double               *batch_w;
  double               *batch_b;
  gsize                 batch_len;
  SlopeBatchRecord     *batch_records;          /* read from the runner */

  /* Compared runs (slope-window-compare.c) */
  SlopeComparedRun      compared[SLOPE_WINDOW_MAX_COMPARED];
  guint                 n_compared;
  double                speed;                  /* epochs per second, every run's */
  GtkGrid              *compare_grid;
  GtkWidget            *compare_main_cells[9];
  GtkWidget            *compare_empty;
  GtkWidget            *compare_buttons[4];     /* lr × 10, zero_grad off, Adam, copy */
};

/* slope-window-lesson.c */
gboolean     slope_window_is_lesson_file     (GFile          *file);
void         slope_window_open_lesson        (SlopeWindow    *self,
                                              GFile          *file);
SlopeLesson *slope_window_to_lesson          (SlopeWindow    *self);
gboolean     slope_window_save_lesson_to     (SlopeWindow    *self,
                                              GFile          *file,
                                              GError        **error);
gboolean     slope_window_export_script_to   (SlopeWindow    *self,
                                              GFile          *file,
                                              GError        **error);
void         slope_window_set_lesson_info    (SlopeWindow    *self,
                                              const char     *title,
                                              const char     *note);
void         slope_window_forget_lesson      (SlopeWindow    *self);
void         slope_window_update_lesson_actions (SlopeWindow *self);
GtkWindow   *slope_window_lesson_details_dialog (SlopeWindow *self);
void         slope_window_lesson_class_init  (GtkWidgetClass *widget_class);
void         slope_window_lesson_dispose     (SlopeWindow    *self);

/* slope-window-scaling.c */
SlopeDataset *slope_window_training_data      (SlopeWindow    *self);
void          slope_window_model_to_data      (SlopeWindow    *self,
                                               double          w,
                                               double          b,
                                               double         *w_data,
                                               double         *b_data);
void          slope_window_scaling_data_changed (SlopeWindow  *self);
void          slope_window_set_scale_mode     (SlopeWindow    *self,
                                               SlopeScaleMode  mode);
void          slope_window_suggest_lr         (SlopeWindow    *self);
void          slope_window_scaling_init       (SlopeWindow    *self);
void          slope_window_scaling_dispose    (SlopeWindow    *self);

/* slope-window-notebook.c */
gboolean slope_window_notebook_active     (SlopeWindow        *self);
void     slope_window_notebook_begin      (SlopeWindow        *self,
                                           const SlopeExample *example);
void     slope_window_notebook_end        (SlopeWindow        *self);
void     slope_window_notebook_insert     (SlopeWindow        *self,
                                           GtkTextBuffer      *buffer,
                                           const char         *text,
                                           GArray             *runs);
gboolean slope_window_notebook_refresh    (SlopeWindow        *self,
                                           GtkTextBuffer      *buffer);
void     slope_window_notebook_log_cleared (SlopeWindow       *self);

/* slope-window-advice.c */
void  slope_window_follow_lr_range   (SlopeWindow               *self,
                                      double                     lr_2,
                                      double                     lr_4);
char *slope_window_lr_hint           (SlopeWindow               *self,
                                      const char                *limit);
char *slope_window_divergence_text   (SlopeWindow               *self,
                                      const SlopeRunnerSnapshot *snap);
void  slope_window_advice_refresh    (SlopeWindow               *self);

/* slope-window-actions.c */
void slope_window_class_install_actions (GtkWidgetClass *widget_class);
void slope_window_update_actions        (SlopeWindow    *self);
void slope_window_install_key_controller (SlopeWindow   *self);

/* slope-window-open.c */
void slope_window_open_dialog           (SlopeWindow    *self);
void slope_window_cancel_load           (SlopeWindow    *self);
void slope_window_begin_load            (SlopeWindow    *self,
                                         GFile          *file);
void slope_window_update_load_progress  (SlopeWindow    *self);
void slope_window_show_notice           (SlopeWindow    *self,
                                         const char     *text);
void slope_window_setup_drop            (SlopeWindow    *self);

/* slope-window-edit.c */
/* Each edit copies the dataset: beyond this many points it is refused. */
#define SLOPE_WINDOW_EDIT_MAX_POINTS 100000

void     slope_window_edit_class_init         (GtkWidgetClass *widget_class);
void     slope_window_edit_init               (SlopeWindow    *self);
void     slope_window_edit_reset              (SlopeWindow    *self);
void     slope_window_edit_dispose            (SlopeWindow    *self);
gboolean slope_window_edit_confirm_close      (SlopeWindow    *self);
gboolean slope_window_edit_delete_highlighted (SlopeWindow    *self);
gboolean slope_window_save_data_to            (SlopeWindow    *self,
                                               GFile          *file,
                                               GError        **error);

/* slope-window.c */
void slope_window_set_show_explain      (SlopeWindow    *self,
                                         gboolean        show);
void slope_window_redraw                (SlopeWindow    *self);
void slope_window_update_subtitle       (SlopeWindow    *self);

/* slope-window-rewind.c */
void     slope_window_compute_shown     (SlopeWindow    *self);
gboolean slope_window_is_rewinding      (SlopeWindow    *self);
void     slope_window_rewind_to         (SlopeWindow    *self,
                                         guint64         epoch);
void     slope_window_end_rewind        (SlopeWindow    *self);

/* slope-window-labs.c */
void     slope_window_show_lab          (SlopeWindow    *self,
                                         const char     *page);
void     slope_window_labs_set_font_scale (SlopeWindow  *self,
                                         double          scale);
void     slope_window_labs_dispose      (SlopeWindow    *self);

/* slope-window-export.c */
void     slope_window_fill_examples_menu (GMenu         *menu);
gboolean slope_window_open_example      (SlopeWindow    *self,
                                         const char     *id,
                                         GError        **error);
gboolean slope_window_export_to         (SlopeWindow    *self,
                                         const char     *what,
                                         GFile          *file,
                                         GError        **error);
void     slope_window_export_dialog     (SlopeWindow    *self,
                                         const char     *what);

/* slope-window-a11y.c */
void     slope_window_update_descriptions (SlopeWindow  *self);
void     slope_window_a11y_dispose      (SlopeWindow    *self);

/* slope-window-toast.c */
void     slope_window_toast             (SlopeWindow    *self,
                                         const char     *text,
                                         const char     *details);
void     slope_window_toast_class_init  (GtkWidgetClass *widget_class);
void     slope_window_toast_dispose     (SlopeWindow    *self);

/* slope-window-present.c */
void     slope_window_set_presentation  (SlopeWindow    *self,
                                         gboolean        presentation);
void     slope_window_fit_layout        (SlopeWindow    *self);

/* slope-window-panel.c */
void     slope_window_panel_fit         (SlopeWindow    *self);
void     slope_window_panel_reset       (SlopeWindow    *self);

/* slope-window-controls.c */
void slope_window_controls_init         (SlopeWindow    *self);
void slope_window_controls_apply_launch (SlopeWindow    *self,
                                         const SlopeLaunchOptions *options);
void slope_window_controls_update_limits (SlopeWindow   *self);
void slope_window_set_lr                (SlopeWindow    *self,
                                         double          lr);
void slope_window_set_initial           (SlopeWindow    *self,
                                         double          w0,
                                         double          b0);

/* slope-window-run.c */
void _slope_window_get_run_settings     (SlopeWindow            *self,
                                         SlopeRunSettings       *out);
void _slope_window_set_run_settings     (SlopeWindow            *self,
                                         const SlopeRunSettings *in);

/* slope-window-optim.c */
void     slope_window_optim_init        (SlopeWindow                  *self);
gboolean slope_window_set_optimizer     (SlopeWindow                  *self,
                                         const SlopeOptimizerSettings *settings);
void     slope_window_optim_update_code (SlopeWindow                  *self);
GtkWidget *slope_window_optim_param     (SlopeWindow                  *self,
                                         SlopeOptimizerKind            kind,
                                         const char                   *key);

/* slope-window-optim-state.c */
void     slope_window_optim_state_init  (SlopeWindow                  *self);
void     slope_window_optim_update_state (SlopeWindow                 *self);
char    *slope_window_optim_limit_hint  (SlopeWindow                  *self,
                                         double                        lr_2,
                                         double                       *limit);

/* slope-window-batch.c */
void     slope_window_batch_init        (SlopeWindow                  *self);
void     slope_window_set_batching      (SlopeWindow                  *self,
                                         guint                         batch_size,
                                         gboolean                      shuffle,
                                         guint64                       seed);
void     slope_window_batch_refresh     (SlopeWindow                  *self);
void     slope_window_batch_dispose     (SlopeWindow                  *self);

/* slope-window-compare.c */
void     slope_window_compare_init      (SlopeWindow            *self);
void     slope_window_compare_class_init (GtkWidgetClass        *widget_class);
void     slope_window_compare_dispose   (SlopeWindow            *self);
int      slope_window_compare_add       (SlopeWindow            *self,
                                         const SlopeRunSettings *settings,
                                         gboolean                hidden);
void     slope_window_compare_remove    (SlopeWindow            *self,
                                         guint                   index);
void     slope_window_compare_clear     (SlopeWindow            *self);
void     slope_window_compare_set_hidden (SlopeWindow           *self,
                                         guint                   index,
                                         gboolean                hidden);
void     slope_window_compare_make_main (SlopeWindow            *self,
                                         guint                   index);
char    *slope_window_compare_describe  (const SlopeRunSettings *run,
                                         const SlopeRunSettings *main);
void     slope_window_compare_post      (SlopeWindow            *self,
                                         SlopeComparePost        what);
gboolean slope_window_compare_any_playing (SlopeWindow          *self);
void     slope_window_compare_set_dataset (SlopeWindow          *self,
                                         SlopeDataset           *dataset,
                                         gboolean                reset);
void     slope_window_compare_follow_start (SlopeWindow       *self,
                                         double                  old_w0,
                                         double                  old_b0,
                                         double                  w0,
                                         double                  b0);
void     slope_window_compare_sync      (SlopeWindow            *self);
gboolean slope_window_compare_read      (SlopeWindow            *self);
void     slope_window_compare_update    (SlopeWindow            *self);

/* Numbers that change every frame (slope-window-readout.c) */
GtkWidget *slope_window_readout_new     (guint                   min_chars);
gboolean slope_window_readout_set_text  (GtkWidget              *readout,
                                         const char             *text);
void     slope_window_label_set_text    (GtkLabel               *label,
                                         const char             *text);

G_END_DECLS
