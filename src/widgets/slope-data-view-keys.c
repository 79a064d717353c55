/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-data-view-keys.c: editing the data view's points without a mouse.
 *
 * In edit mode, Page Up and Page Down ring the previous or next point
 * from left to right, the arrows move the ringed one (a key held down is
 * one move, as a drag is), Insert or A adds a point under the pointer
 * or, with the pointer elsewhere, in the middle of the plot.  They emit
 * the same signals as the pointer's edits (slope-data-view-pointer.c).
 */
#include "config.h"

#include "slope-data-view-private.h"

/* An arrow key moves a point this many pixels; with Shift, one. */
#define KEY_STEP        5.0

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
  slope_data_view_update_highlight (self);
}

void
slope_data_view_end_key_move (SlopeDataView *self)
{
  gssize index = self->key_moving;

  if (index < 0)
    return;
  self->key_moving = -1;
  g_signal_emit (self, slope_data_view_signals[SIGNAL_MOVE_END], 0, (guint) index);
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
  if (!slope_data_view_pixel_to_data (self, px + dx, py + dy, TRUE, &x, &y))
    return;
  if (self->key_moving != index)
    {
      slope_data_view_end_key_move (self);
      self->key_moving = index;
      g_signal_emit (self, slope_data_view_signals[SIGNAL_MOVE_BEGIN], 0, (guint) index);
    }
  /* The handler may have changed the data. */
  if (self->plot.dataset == NULL || (gsize) index >= slope_dataset_get_n (self->plot.dataset))
    return;
  g_signal_emit (self, slope_data_view_signals[SIGNAL_MOVE_POINT], 0, (guint) index, x, y);
}

/* Under the pointer when it is over the axes, else in their middle. */
static void
key_add (SlopeDataView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  SlopeArea area;
  double x, y;

  if (self->has_pointer
      && slope_data_view_pixel_to_data (self, self->pointer_x, self->pointer_y, FALSE, &x, &y))
    {
      g_signal_emit (self, slope_data_view_signals[SIGNAL_ADD_POINT], 0, x, y);
      return;
    }
  slope_data_plot_area (&self->plot, width, height, &area);
  if (slope_data_view_pixel_to_data (self, area.left + area.width / 2.0,
                                     area.top + area.height / 2.0, FALSE, &x, &y))
    g_signal_emit (self, slope_data_view_signals[SIGNAL_ADD_POINT], 0, x, y);
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
  slope_data_view_end_key_move (self);
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
  slope_data_view_end_key_move (self);
  key_add (self);
  return TRUE;
}

void
slope_data_view_add_key_bindings (GtkWidgetClass *widget_class)
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
      slope_data_view_end_key_move (self);
      break;
    default:
      break;
    }
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                SlopeDataView           *self)
{
  slope_data_view_end_key_move (self);
}

void
slope_data_view_setup_keys (SlopeDataView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (keys, "key-released", G_CALLBACK (on_key_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}
