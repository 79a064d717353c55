/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-data-view.c: a thin widget over the data-plot renderer.
 *
 * The points do not move while training, so they are drawn once into a
 * render node that is reused every frame until the data, the size or the
 * style change; only the line and its residuals are drawn per frame.
 *
 * In edit mode it turns clicks and drags into signals in data coordinates
 * and leaves changing the data to its owner: the window keeps undo, the
 * runner and the saved state in step, which a widget could not.  Its keys
 * do the same without a mouse: Page Up and Page Down ring the previous or
 * next point from left to right, the arrows move the ringed one (a key
 * held down is one move, as a drag is), Insert or A adds a point under
 * the pointer or, with the pointer elsewhere, in the middle of the plot.
 */
#include "config.h"

#include <math.h>

#include "slope-data-view.h"
#include "slope-cached-layer.h"
#include "slope-run-slots.h"
#include "slope-widget-style.h"

/* In pixels at font scale 1: a little more than a dot, for fingers. */
#define PICK_RADIUS     10.0
/* A press that moves less than this is a click, not a drag. */
#define DRAG_THRESHOLD  3.0
/* An arrow key moves a point this many pixels; with Shift, one. */
#define KEY_STEP        5.0

enum {
  SIGNAL_ADD_POINT,
  SIGNAL_MOVE_BEGIN,
  SIGNAL_MOVE_POINT,
  SIGNAL_MOVE_END,
  SIGNAL_REMOVE_POINT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

G_DEFINE_FINAL_TYPE (SlopeDataView, slope_data_view, GTK_TYPE_WIDGET)

static void
invalidate_points (SlopeDataView *self)
{
  slope_cached_layer_clear (&self->points_layer);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
draw_points_layer (cairo_t       *cr,
                   int            width,
                   int            height,
                   gconstpointer  plot)
{
  slope_data_plot_draw_points (cr, width, height, plot);
}

/* Ours times the desktop's text scaling; the points' layer depends on it
 * through the axes' margins. */
static void
update_font_scale (SlopeDataView *self)
{
  double scale = self->font_scale * slope_widget_get_text_scale (GTK_WIDGET (self));

  if (scale == self->plot.font_scale)
    return;
  self->plot.font_scale = scale;
  slope_cached_layer_clear (&self->points_layer);
}

static void
slope_data_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  SlopeDataView *self = SLOPE_DATA_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  SlopePaletteStyle style = slope_widget_get_palette_style (widget);
  SlopeArea area;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  update_font_scale (self);
  self->plot.palette = slope_palette_get_style (style);
  slope_cached_layer_append (&self->points_layer, snapshot, width, height,
                             gtk_widget_get_scale_factor (widget), style,
                             draw_points_layer, &self->plot);

  /* The model layer draws inside the plotting area only. */
  self->model_key = slope_data_plot_model_key (&self->plot, width, height);
  slope_data_plot_area (&self->plot, width, height, &area);
  cr = slope_snapshot_append_cairo_area (snapshot, area.left, area.top, area.width, area.height);
  slope_data_plot_draw_model (cr, width, height, &self->plot);
  cairo_destroy (cr);
}

static void
slope_data_view_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (slope_data_view_parent_class)->css_changed (widget, change);
  invalidate_points (SLOPE_DATA_VIEW (widget));
}

static gssize
pick_at (SlopeDataView *self,
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
static gboolean
pixel_to_data (SlopeDataView *self,
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
static void
update_highlight (SlopeDataView *self)
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

static void
update_hover (SlopeDataView *self)
{
  if (!self->edit_mode || !self->has_pointer)
    self->hover = -1;
  else if (self->drag_index >= 0 && self->drag_moved)
    self->hover = self->drag_index;
  else
    self->hover = pick_at (self, self->pointer_x, self->pointer_y);
  update_highlight (self);
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
    update_hover (self);
}

static void
on_leave (GtkEventControllerMotion *motion,
          SlopeDataView            *self)
{
  self->has_pointer = FALSE;
  update_hover (self);
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
  self->drag_index = pick_at (self, x, y);
  self->add_pending = self->drag_index < 0 && pixel_to_data (self, x, y, FALSE, &dx, &dy);
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
      update_highlight (self);
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
      g_signal_emit (self, signals[SIGNAL_MOVE_BEGIN], 0, (guint) self->drag_index);
    }
  /* The handler may have changed the data: check the point is still there. */
  if (self->drag_index < 0 || self->plot.dataset == NULL
      || (gsize) self->drag_index >= slope_dataset_get_n (self->plot.dataset))
    return;
  if (pixel_to_data (self, self->drag_origin_x + offset_x, self->drag_origin_y + offset_y,
                     TRUE, &x, &y))
    g_signal_emit (self, signals[SIGNAL_MOVE_POINT], 0, (guint) self->drag_index, x, y);
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
    g_signal_emit (self, signals[SIGNAL_MOVE_END], 0, (guint) index);
  else if (add && pixel_to_data (self, self->drag_start_x, self->drag_start_y, FALSE, &x, &y))
    g_signal_emit (self, signals[SIGNAL_ADD_POINT], 0, x, y);
  update_hover (self);
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
  index = pick_at (self, x, y);
  if (index < 0)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[SIGNAL_REMOVE_POINT], 0, (guint) index);
}

/* The ringed point's neighbour in x (ties in order of index), or with
 * none ringed the first (@dir > 0) or last point; -1 past the end. */
static gssize
neighbour (SlopeDataView *self,
           gssize         from,
           int            dir)
{
  const double *xs = slope_dataset_get_x (self->plot.dataset);
  gsize n = slope_dataset_get_n (self->plot.dataset);
  gssize best = -1;

  for (gsize i = 0; i < n; i++)
    {
      gssize j = (gssize) i;
      gboolean after, closer;

      if (from >= 0)
        {
          after = xs[j] > xs[from] || (xs[j] == xs[from] && j > from);
          if (dir < 0)
            after = xs[j] < xs[from] || (xs[j] == xs[from] && j < from);
          if (!after)
            continue;
        }
      if (best < 0)
        {
          best = j;
          continue;
        }
      closer = xs[j] < xs[best] || (xs[j] == xs[best] && j < best);
      if (dir < 0)
        closer = xs[j] > xs[best] || (xs[j] == xs[best] && j > best);
      if (closer)
        best = j;
    }
  return best;
}

static void
key_select (SlopeDataView *self,
            gssize         index)
{
  if (index < 0)
    return;
  self->selected = index;
  /* The keyboard's choice wins over whatever the pointer rests on. */
  self->hover = -1;
  update_highlight (self);
}

static void
end_key_move (SlopeDataView *self)
{
  gssize index = self->key_moving;

  if (index < 0)
    return;
  self->key_moving = -1;
  g_signal_emit (self, signals[SIGNAL_MOVE_END], 0, (guint) index);
}

static void
key_move (SlopeDataView *self,
          double         dx,
          double         dy)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  gssize index = self->selected;
  SlopeArea area;
  double px, py, x, y;

  if (index < 0 || (gsize) index >= slope_dataset_get_n (self->plot.dataset))
    {
      key_select (self, neighbour (self, -1, 1));
      return;
    }

  slope_data_plot_area (&self->plot, width, height, &area);
  slope_data_plot_to_pixel (&self->plot, &area, slope_dataset_get_x (self->plot.dataset)[index],
                            slope_dataset_get_y (self->plot.dataset)[index], &px, &py);
  if (!pixel_to_data (self, px + dx, py + dy, TRUE, &x, &y))
    return;
  if (self->key_moving != index)
    {
      end_key_move (self);
      self->key_moving = index;
      g_signal_emit (self, signals[SIGNAL_MOVE_BEGIN], 0, (guint) index);
    }
  /* The handler may have changed the data. */
  if (self->plot.dataset == NULL || (gsize) index >= slope_dataset_get_n (self->plot.dataset))
    return;
  g_signal_emit (self, signals[SIGNAL_MOVE_POINT], 0, (guint) index, x, y);
}

/* Under the pointer when it is over the axes, else in their middle. */
static void
key_add (SlopeDataView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  SlopeArea area;
  double x, y;

  if (self->has_pointer && pixel_to_data (self, self->pointer_x, self->pointer_y, FALSE, &x, &y))
    {
      g_signal_emit (self, signals[SIGNAL_ADD_POINT], 0, x, y);
      return;
    }
  slope_data_plot_area (&self->plot, width, height, &area);
  if (pixel_to_data (self, area.left + area.width / 2.0, area.top + area.height / 2.0, FALSE,
                     &x, &y))
    g_signal_emit (self, signals[SIGNAL_ADD_POINT], 0, x, y);
}

static gboolean
editing_by_keys (SlopeDataView *self)
{
  return self->edit_mode && self->plot.dataset != NULL && self->drag_index < 0;
}

/* Arguments: the move in pixels, (dx, dy). */
static gboolean
move_binding (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  SlopeDataView *self = SLOPE_DATA_VIEW (widget);
  double dx, dy;

  if (!editing_by_keys (self))
    return FALSE;
  g_variant_get (args, "(dd)", &dx, &dy);
  key_move (self, dx, dy);
  return TRUE;
}

/* Argument: +1 for the next point to the right, -1 for the previous. */
static gboolean
select_binding (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  SlopeDataView *self = SLOPE_DATA_VIEW (widget);

  if (!editing_by_keys (self))
    return FALSE;
  end_key_move (self);
  key_select (self, neighbour (self, self->selected, g_variant_get_int32 (args)));
  return TRUE;
}

static gboolean
add_binding (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  SlopeDataView *self = SLOPE_DATA_VIEW (widget);

  if (!editing_by_keys (self))
    return FALSE;
  end_key_move (self);
  key_add (self);
  return TRUE;
}

static void
add_key_bindings (GtkWidgetClass *widget_class)
{
  static const struct
  {
    guint  keyval;
    double dx, dy;
  } arrows[] = {
    { GDK_KEY_Left, -1, 0 }, { GDK_KEY_KP_Left, -1, 0 },
    { GDK_KEY_Right, 1, 0 }, { GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_Up, 0, -1 }, { GDK_KEY_KP_Up, 0, -1 },
    { GDK_KEY_Down, 0, 1 }, { GDK_KEY_KP_Down, 0, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      gtk_widget_class_add_binding (widget_class, arrows[i].keyval, 0, move_binding, "(dd)",
                                    arrows[i].dx * KEY_STEP, arrows[i].dy * KEY_STEP);
      gtk_widget_class_add_binding (widget_class, arrows[i].keyval, GDK_SHIFT_MASK, move_binding,
                                    "(dd)", arrows[i].dx, arrows[i].dy);
    }
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, select_binding, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Page_Down, 0, select_binding, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, select_binding, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Page_Up, 0, select_binding, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Insert, 0, add_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Insert, 0, add_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_a, 0, add_binding, NULL);
}

/* Letting go of the arrow ends the move: one step of undo. */
static void
on_key_released (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 SlopeDataView         *self)
{
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      end_key_move (self);
      break;
    default:
      break;
    }
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                SlopeDataView           *self)
{
  end_key_move (self);
}

static void
setup_controllers (SlopeDataView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
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

  g_signal_connect (keys, "key-released", G_CALLBACK (on_key_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

static void
slope_data_view_dispose (GObject *object)
{
  SlopeDataView *self = SLOPE_DATA_VIEW (object);

  slope_cached_layer_clear (&self->points_layer);
  g_clear_object (&self->plot.dataset);
  slope_run_slots_clear (&self->runs);
  self->plot.n_runs = 0;

  G_OBJECT_CLASS (slope_data_view_parent_class)->dispose (object);
}

static void
slope_data_view_class_init (SlopeDataViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slope_data_view_dispose;
  widget_class->snapshot = slope_data_view_snapshot;
  widget_class->css_changed = slope_data_view_css_changed;

  /**
   * SlopeDataView::add-point:
   * @x: where, in data coordinates
   * @y:
   *
   * In edit mode, a click on empty space inside the axes.
   */
  signals[SIGNAL_ADD_POINT] =
    g_signal_new ("add-point", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  /**
   * SlopeDataView::move-begin:
   * @index: the point about to be dragged
   *
   * A drag starts: the move-point signals up to move-end are one edit.
   */
  signals[SIGNAL_MOVE_BEGIN] =
    g_signal_new ("move-begin", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * SlopeDataView::move-point:
   * @index: the point being dragged
   * @x: where it is now, in data coordinates
   * @y:
   */
  signals[SIGNAL_MOVE_POINT] =
    g_signal_new ("move-point", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[SIGNAL_MOVE_END] =
    g_signal_new ("move-end", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * SlopeDataView::remove-point:
   * @index: the point right-clicked
   */
  signals[SIGNAL_REMOVE_POINT] =
    g_signal_new ("remove-point", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  add_key_bindings (widget_class);

  gtk_widget_class_set_css_name (widget_class, "slope-data-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
slope_data_view_init (SlopeDataView *self)
{
  self->font_scale = 1.0;
  slope_data_plot_init (&self->plot);
  self->plot.show_line = TRUE;
  self->plot.show_residuals = TRUE;
  self->plot.show_equation = TRUE;
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 240, 200);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  self->hover = -1;
  self->selected = -1;
  self->drag_index = -1;
  self->key_moving = -1;
  setup_controllers (self);
}

GtkWidget *
slope_data_view_new (void)
{
  return g_object_new (SLOPE_TYPE_DATA_VIEW, NULL);
}

/* @refit: frame the new data; otherwise keep the view (an edit by hand
 * must not make the plot jump under the pointer). */
void
slope_data_view_set_dataset (SlopeDataView *self,
                             SlopeDataset  *dataset,
                             gboolean       refit)
{
  g_return_if_fail (SLOPE_IS_DATA_VIEW (self));

  g_set_object (&self->plot.dataset, dataset);
  if (refit)
    self->key_moving = -1;
  if (refit && dataset != NULL)
    {
      slope_viewport_fit (&self->plot.view, dataset);
      slope_viewport_follow_line (&self->plot.view, dataset, self->plot.w, self->plot.b);
    }
  /* Indices into other data mean nothing: only an edit keeps them. */
  if (dataset == NULL
      || (self->selected >= 0 && (gsize) self->selected >= slope_dataset_get_n (dataset)))
    self->selected = -1;
  invalidate_points (self);
  update_hover (self);
}

/* Back to the data alone, as after a reset: the line's excursions are
 * forgotten. */
void
slope_data_view_refit (SlopeDataView *self)
{
  g_return_if_fail (SLOPE_IS_DATA_VIEW (self));

  if (self->plot.dataset == NULL)
    return;
  slope_viewport_fit (&self->plot.view, self->plot.dataset);
  /* The line of before the reset is stale: the next model sets the view. */
  self->plot.w = self->plot.b = NAN;
  invalidate_points (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

SlopeDataset *
slope_data_view_get_dataset (SlopeDataView *self)
{
  g_return_val_if_fail (SLOPE_IS_DATA_VIEW (self), NULL);

  return self->plot.dataset;
}

void
slope_data_view_set_model (SlopeDataView *self,
                           double         w,
                           double         b)
{
  g_return_if_fail (SLOPE_IS_DATA_VIEW (self));

  if (self->plot.w == w && self->plot.b == b)
    return;
  self->plot.w = w;
  self->plot.b = b;
  /* The line stays in view; the points move only when the view grows. */
  if (slope_viewport_follow_line (&self->plot.view, self->plot.dataset, w, b))
    invalidate_points (self);
  else if (self->points_layer.node != NULL
           && slope_data_plot_model_key (&self->plot, gtk_widget_get_width (GTK_WIDGET (self)),
                                         gtk_widget_get_height (GTK_WIDGET (self)))
              == self->model_key)
    return;   /* a step too small to see: no frame */
  
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
slope_data_view_set_show_residuals (SlopeDataView *self,
                                    gboolean       show)
{
  g_return_if_fail (SLOPE_IS_DATA_VIEW (self));

  self->plot.show_residuals = !!show;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
slope_data_view_set_reference (SlopeDataView *self,
                               gboolean       has_reference,
                               double         w,
                               double         b)
{
  g_return_if_fail (SLOPE_IS_DATA_VIEW (self));

  self->plot.has_reference = !!has_reference;
  self->plot.reference_w = w;
  self->plot.reference_b = b;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
slope_data_view_set_font_scale (SlopeDataView *self,
                                double         scale)
{
  g_return_if_fail (SLOPE_IS_DATA_VIEW (self));

  self->font_scale = scale;
  update_font_scale (self);
  invalidate_points (self);
}

/* Rings point @index (or none, -1), the one Delete removes in edit mode;
 * the point under the pointer is ringed instead while there is one. */
void
slope_data_view_set_highlight (SlopeDataView *self,
                               gssize         index)
{
  g_return_if_fail (SLOPE_IS_DATA_VIEW (self));

  self->selected = MAX (index, -1);
  update_highlight (self);
}

const SlopeDataPlot *
slope_data_view_get_plot (SlopeDataView *self)
{
  g_return_val_if_fail (SLOPE_IS_DATA_VIEW (self), NULL);

  return &self->plot;
}

void
slope_data_view_set_edit_mode (SlopeDataView *self,
                               gboolean       edit_mode)
{
  g_return_if_fail (SLOPE_IS_DATA_VIEW (self));

  edit_mode = !!edit_mode;
  if (self->edit_mode == edit_mode)
    return;
  if (!edit_mode)
    end_key_move (self);
  self->edit_mode = edit_mode;
  if (!edit_mode)
    gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
  /* The ring marks what Delete would remove: it starts and ends with
   * editing. */
  self->selected = -1;
  update_hover (self);
}

gboolean
slope_data_view_get_edit_mode (SlopeDataView *self)
{
  g_return_val_if_fail (SLOPE_IS_DATA_VIEW (self), FALSE);

  return self->edit_mode;
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

  return pick_at (self, px, py);
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

  return pixel_to_data (self, px, py, FALSE, x, y);
}

/**
 * slope_data_view_set_runs:
 * @runs: (array length=n_runs) (nullable): the compared runs, at most
 *   %SLOPE_RUN_TRACE_MAX
 *
 * Draws each visible run's line in its colour, and lists every run in the
 * legend.  The array and the labels are copied; the histories are reffed
 * until the next call or dispose (the data plot does not read them).  A
 * frame is drawn only if the picture would change.
 */
void
slope_data_view_set_runs (SlopeDataView       *self,
                          const SlopeRunTrace *runs,
                          gsize                n_runs)
{
  GtkWidget *widget = GTK_WIDGET (self);

  g_return_if_fail (SLOPE_IS_DATA_VIEW (self));
  g_return_if_fail (runs != NULL || n_runs == 0);

  slope_run_slots_set (&self->runs, runs, n_runs);
  self->plot.runs = self->runs.runs;
  self->plot.n_runs = self->runs.n_runs;
  if (self->points_layer.node != NULL
      && slope_data_plot_model_key (&self->plot, gtk_widget_get_width (widget),
                                    gtk_widget_get_height (widget)) == self->model_key)
    return;
  gtk_widget_queue_draw (widget);
}

/**
 * slope_data_view_set_label:
 * @label: (nullable): the main run's label ("lr 0.01"), copied
 *
 * Names the main run in the legend when there are compared runs; with
 * none the legend is as it was.
 */
void
slope_data_view_set_label (SlopeDataView *self,
                           const char    *label)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const char *end;

  g_return_if_fail (SLOPE_IS_DATA_VIEW (self));

  g_strlcpy (self->label, label != NULL ? label : "", sizeof self->label);
  if (!g_utf8_validate (self->label, -1, &end))
    self->label[end - self->label] = '\0';
  self->plot.label = label != NULL ? self->label : NULL;
  if (self->points_layer.node != NULL
      && slope_data_plot_model_key (&self->plot, gtk_widget_get_width (widget),
                                    gtk_widget_get_height (widget)) == self->model_key)
    return;
  gtk_widget_queue_draw (widget);
}
