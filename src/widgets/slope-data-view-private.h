/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-data-view-private.h: the data view's state, shared by the files
 * that make up the widget.
 *
 * Private to src/widgets: slope-data-view.c draws and holds the model,
 * slope-data-view-pointer.c turns the pointer's hovers, drags and clicks
 * into edits, and slope-data-view-keys.c does the same from the keyboard;
 * the edits are signals, emitted from all three.
 */
#pragma once

#include "slope-data-view.h"
#include "slope-cached-layer.h"
#include "slope-run-slots.h"

G_BEGIN_DECLS

enum {
  SIGNAL_ADD_POINT,
  SIGNAL_MOVE_BEGIN,
  SIGNAL_MOVE_POINT,
  SIGNAL_MOVE_END,
  SIGNAL_REMOVE_POINT,
  N_SIGNALS
};

extern guint slope_data_view_signals[N_SIGNALS];

struct _SlopeDataView
{
  GtkWidget      parent_instance;

  SlopeDataPlot  plot;
  SlopeCachedLayer points_layer;   /* the points, redrawn on change */
  guint64        model_key;        /* what the last frame's line showed */
  double         font_scale;       /* ours; the plot's adds the desktop's */
  SlopeRunSlots  runs;             /* compared runs, the plot's runs */
  char           label[SLOPE_RUN_SLOT_LABEL_SIZE];  /* the main run's, copied */

  /* Editing */
  gboolean       edit_mode;
  gssize         hover;           /* the point under the pointer, or -1 */
  gssize         selected;        /* the last one touched, or -1 */
  gboolean       has_pointer;
  double         pointer_x;
  double         pointer_y;
  gssize         drag_index;      /* the point pressed on, or -1 */
  gboolean       drag_moved;      /* past the threshold: move-begin sent */
  gboolean       add_pending;     /* pressed on empty space */
  double         drag_start_x;    /* where the press was */
  double         drag_start_y;
  double         drag_origin_x;   /* where the pressed point was, in pixels */
  double         drag_origin_y;
  GtkGesture    *drag;
  gssize         key_moving;      /* the point an arrow key is moving, or -1 */
};

/* slope-data-view-pointer.c */
gssize   slope_data_view_pick_at          (SlopeDataView  *self,
                                           double          px,
                                           double          py);
gboolean slope_data_view_pixel_to_data    (SlopeDataView  *self,
                                           double          px,
                                           double          py,
                                           gboolean        clamp,
                                           double         *x,
                                           double         *y);
void     slope_data_view_update_highlight (SlopeDataView  *self);
void     slope_data_view_update_hover     (SlopeDataView  *self);
void     slope_data_view_setup_pointer    (SlopeDataView  *self);

/* slope-data-view-keys.c */
void     slope_data_view_end_key_move     (SlopeDataView  *self);
void     slope_data_view_add_key_bindings (GtkWidgetClass *widget_class);
void     slope_data_view_setup_keys       (SlopeDataView  *self);

G_END_DECLS
