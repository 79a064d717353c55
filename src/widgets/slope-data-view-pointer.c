/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-data-view-pointer.c: editing the data view's points by pointer.
 *
 * In edit mode a point under the pointer is ringed and can be dragged, a
 * click on empty space inside the axes adds a point there, and a right
 * click removes the point under it.  Each is a signal in data coordinates
 * (slope-data-view.c declares them), rounded to about a pixel; the owner
 * changes the data.  The mapping from pixels to data is here, and used by
 * the keys too (slope-data-view-keys.c).
 */
#include "config.h"

#include <math.h>

#include "slope-data-view-private.h"

/* In pixels at font scale 1: a little more than a dot, for fingers. */
#define PICK_RADIUS     10.0
/* A press that moves less than this is a click, not a drag. */
#define DRAG_THRESHOLD  3.0

gssize
slope_data_view_pick_at (SlopeDataView *self,
                         double         px,
                         double         py)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->plot.dataset == NULL || width <= 0 || height <= 0)
    return -1;
  return slope_data_plot_pick (&self->plot, width, height, px, py,
                               PICK_RADIUS * MAX (self->plot.font_scale, 1.0));
}

/* Rounds to the coarsest power of ten finer than a pixel, so a point put
 * by hand reads 1.47, not 1.4693757094211124, wherever it lands. */
static double
snap_to_pixel (double value,
               double pixel)
{
  int e;
  double scale;

  if (!(pixel > 0.0) || !isfinite (pixel))
    return value;
  e = (int) floor (log10 (pixel));
  /* Dividing by an exact power of ten rounds once: 1469 / 1000 is the
   * double nearest 1.469, where 1469 * 0.001 need not be. */
  scale = pow (10.0, ABS (e));
  if (e >= 0)
    return round (value / scale) * scale;
  if (!isfinite (value * scale))
    return value;   /* spans near the smallest doubles */
  return round (value * scale) / scale;
}

/* @clamp: a drag may leave the plot, but its point stays in view;
 * otherwise a pixel outside the plotting area (on the axes) is refused. */
gboolean
slope_data_view_pixel_to_data (SlopeDataView *self,
                               double         px,
                               double         py,
                               gboolean       clamp,
                               double        *x,
                               double        *y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  SlopeArea area;
  double x1, y1;

  if (width <= 0 || height <= 0)
    return FALSE;

  slope_data_plot_area (&self->plot, width, height, &area);
  if (clamp)
    {
      px = CLAMP (px, area.left, area.left + area.width);
      py = CLAMP (py, area.top, area.top + area.height);
    }
  else if (px < area.left || px > area.left + area.width
           || py < area.top || py > area.top + area.height)
    return FALSE;

  slope_data_plot_from_pixel (&self->plot, &area, px, py, x, y);
  slope_data_plot_from_pixel (&self->plot, &area, px + 1.0, py + 1.0, &x1, &y1);
  *x = snap_to_pixel (*x, fabs (x1 - *x));
  *y = snap_to_pixel (*y, fabs (*y - y1));
  return isfinite (*x) && isfinite (*y);
}

/* The ring goes on the point under the pointer, else on the last one
 * touched, which is also the one Delete removes. */
void
slope_data_view_update_highlight (SlopeDataView *self)
{
  gssize index = self->hover >= 0 ? self->hover : self->selected;

  if (self->plot.highlight == index)
    return;
  self->plot.highlight = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_cursor (SlopeDataView *self)
{
  const char *name = NULL;   /* outside edit mode: the parent's */

  if (self->edit_mode)
    name = self->drag_index >= 0 ? "grabbing" : self->hover >= 0 ? "grab" : "crosshair";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

void
slope_data_view_update_hover (SlopeDataView *self)
{
  if (!self->edit_mode || !self->has_pointer)
    self->hover = -1;
  else if (self->drag_index >= 0 && self->drag_moved)
    self->hover = self->drag_index;
  else
    self->hover = slope_data_view_pick_at (self, self->pointer_x, self->pointer_y);
  slope_data_view_update_highlight (self);
  update_cursor (self);
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           SlopeDataView            *self)
{
  self->has_pointer = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  if (self->edit_mode)
    slope_data_view_update_hover (self);
}

static void
on_leave (GtkEventControllerMotion *motion,
          SlopeDataView            *self)
{
  self->has_pointer = FALSE;
  slope_data_view_update_hover (self);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SlopeDataView  *self)
{
  double dx, dy;

  if (!self->edit_mode)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_start_x = x;
  self->drag_start_y = y;
  self->drag_moved = FALSE;
  self->drag_index = slope_data_view_pick_at (self, x, y);
  self->add_pending = self->drag_index < 0
                      && slope_data_view_pixel_to_data (self, x, y, FALSE, &dx, &dy);
  if (self->drag_index >= 0)
    {
      int width = gtk_widget_get_width (GTK_WIDGET (self));
      int height = gtk_widget_get_height (GTK_WIDGET (self));
      SlopeArea area;

      /* The point keeps its place relative to the pointer: no jump by
       * however far off its centre it was grabbed. */
      slope_data_plot_area (&self->plot, width, height, &area);
      slope_data_plot_to_pixel (&self->plot, &area,
                                slope_dataset_get_x (self->plot.dataset)[self->drag_index],
                                slope_dataset_get_y (self->plot.dataset)[self->drag_index],
                                &self->drag_origin_x, &self->drag_origin_y);
      self->selected = self->drag_index;
      slope_data_view_update_highlight (self);
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  update_cursor (self);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                SlopeDataView  *self)
{
  double x, y;

  if (hypot (offset_x, offset_y) < DRAG_THRESHOLD && !self->drag_moved)
    return;

  /* Dragging across empty space is not a click to add a point. */
  self->add_pending = FALSE;
  if (self->drag_index < 0)
    return;

  if (!self->drag_moved)
    {
      self->drag_moved = TRUE;
      g_signal_emit (self, slope_data_view_signals[SIGNAL_MOVE_BEGIN], 0, (guint) self->drag_index);
    }
  /* The handler may have changed the data: check the point is still there. */
  if (self->drag_index < 0 || self->plot.dataset == NULL
      || (gsize) self->drag_index >= slope_dataset_get_n (self->plot.dataset))
    return;
  if (slope_data_view_pixel_to_data (self, self->drag_origin_x + offset_x,
                                     self->drag_origin_y + offset_y, TRUE, &x, &y))
    g_signal_emit (self, slope_data_view_signals[SIGNAL_MOVE_POINT], 0, (guint) self->drag_index, x, y);
}

/* Ends a press: a drag that moved is over; a click on empty space adds. */
static void
finish_drag (SlopeDataView *self,
             gboolean       completed)
{
  gssize index = self->drag_index;
  gboolean moved = self->drag_moved;
  gboolean add = self->add_pending && completed;
  double x, y;

  self->drag_index = -1;
  self->drag_moved = FALSE;
  self->add_pending = FALSE;

  if (index >= 0 && moved)
    g_signal_emit (self, slope_data_view_signals[SIGNAL_MOVE_END], 0, (guint) index);
  else if (add && slope_data_view_pixel_to_data (self, self->drag_start_x, self->drag_start_y,
                                                 FALSE, &x, &y))
    g_signal_emit (self, slope_data_view_signals[SIGNAL_ADD_POINT], 0, x, y);
  slope_data_view_update_hover (self);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             SlopeDataView  *self)
{
  finish_drag (self, TRUE);
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                SlopeDataView    *self)
{
  finish_drag (self, FALSE);
}

static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      SlopeDataView   *self)
{
  gssize index;

  if (!self->edit_mode || self->drag_index >= 0)
    return;
  index = slope_data_view_pick_at (self, x, y);
  if (index < 0)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, slope_data_view_signals[SIGNAL_REMOVE_POINT], 0, (guint) index);
}

void
slope_data_view_setup_pointer (SlopeDataView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (self->drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (self->drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (self->drag, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/**
 * slope_data_view_pick:
 * @px: a position in the widget, in pixels
 * @py:
 *
 * Returns: the point drawn nearest (@px, @py) within reach of a click, or
 * -1: what a click there would take hold of.
 */
gssize
slope_data_view_pick (SlopeDataView *self,
                      double         px,
                      double         py)
{
  g_return_val_if_fail (SLOPE_IS_DATA_VIEW (self), -1);

  return slope_data_view_pick_at (self, px, py);
}

/**
 * slope_data_view_to_data:
 * @px: a position in the widget, in pixels
 * @py:
 * @x: (out): the data coordinates there, rounded to about a pixel
 * @y: (out):
 *
 * Returns: %FALSE outside the axes: where a click adds no point.
 */
gboolean
slope_data_view_to_data (SlopeDataView *self,
                         double         px,
                         double         py,
                         double        *x,
                         double        *y)
{
  g_return_val_if_fail (SLOPE_IS_DATA_VIEW (self), FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  return slope_data_view_pixel_to_data (self, px, py, FALSE, x, y);
}
