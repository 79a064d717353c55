/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-cost-view.c: a thin widget over the cost-plot renderer.
 *
 * The history lives in the runner; this widget only points at it and is
 * told when to redraw.  The frame (axes, grid, labels) is a cached layer
 * keyed on what it shows, so a frame of training redraws the curve alone.  Dragging along it emits "epoch-picked", for
 * looking back at a past epoch; so do its keys, once it has the focus:
 * ← and → by an epoch, Page Down and Page Up by a hundred (as on a
 * slider), Home to the first epoch and End back to the newest.  At the
 * newest epoch → and End are left to the window (→ steps training).
 */
#include "config.h"

#include "slope-cost-view.h"
#include "slope-cached-layer.h"
#include "slope-history.h"
#include "slope-run-slots.h"
#include "slope-widget-style.h"

#define PAGE_EPOCHS 100

struct _SlopeCostView
{
  GtkWidget     parent_instance;

  SlopeCostPlot plot;
  SlopeCachedLayer frame_layer;   /* the axes, redrawn when they change */
  guint64       curve_key;    /* what the last frame showed */
  double        font_scale;   /* ours; the plot's adds the desktop's */
  SlopeRunSlots runs;         /* compared runs, the plot's runs */
};

G_DEFINE_FINAL_TYPE (SlopeCostView, slope_cost_view, GTK_TYPE_WIDGET)

enum {
  EPOCH_PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
draw_frame_layer (cairo_t       *cr,
                  int            width,
                  int            height,
                  gconstpointer  plot)
{
  slope_cost_plot_draw_frame (cr, width, height, plot);
}

static void
slope_cost_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  SlopeCostView *self = SLOPE_COST_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  SlopePaletteStyle style = slope_widget_get_palette_style (widget);
  double left, top, w, h;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  self->plot.font_scale = self->font_scale * slope_widget_get_text_scale (widget);
  self->plot.palette = slope_palette_get_style (style);
  /* The axes move only when their ticks or labels do. */
  slope_cached_layer_set_key (&self->frame_layer,
                              slope_cost_plot_frame_key (&self->plot, width, height));
  slope_cached_layer_append (&self->frame_layer, snapshot, width, height,
                             gtk_widget_get_scale_factor (widget), style,
                             draw_frame_layer, &self->plot);

  self->curve_key = slope_cost_plot_curve_key (&self->plot, width, height);
  slope_cost_plot_curve_area (&self->plot, width, height, &left, &top, &w, &h);
  cr = slope_snapshot_append_cairo_area (snapshot, left, top, w, h);
  slope_cost_plot_draw_curve (cr, width, height, &self->plot);
  cairo_destroy (cr);
}

/* The window passes on the marker every frame; a frame is drawn only if
 * the picture would change, which near the end of a long run it mostly
 * does not. */
static void
queue_draw_if_changed (SlopeCostView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0
      || slope_cost_plot_curve_key (&self->plot, width, height) != self->curve_key)
    gtk_widget_queue_draw (widget);
}

static void
pick_at (SlopeCostView *self,
         double         x)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint64 epoch = slope_cost_plot_epoch_at (&self->plot,
                                            gtk_widget_get_width (widget),
                                            gtk_widget_get_height (widget), x);

  g_signal_emit (self, signals[EPOCH_PICKED], 0, epoch);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SlopeCostView  *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  pick_at (self, x);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                SlopeCostView  *self)
{
  double x0, y0;

  gtk_gesture_drag_get_start_point (gesture, &x0, &y0);
  pick_at (self, x0 + dx);
}

/* Where a key takes the shown epoch, or 0 where it has nothing to do. */
static guint64
epoch_for_key (SlopeCostView *self,
               guint          keyval)
{
  guint64 last = self->plot.history ? slope_history_get_last_epoch (self->plot.history) : 0;
  guint64 shown = self->plot.has_marker ? MIN (self->plot.marker_epoch, last) : last;

  if (last == 0)
    return 0;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return shown > 1 ? shown - 1 : 1;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      return shown > PAGE_EPOCHS ? shown - PAGE_EPOCHS : 1;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      return 1;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return shown < last ? shown + 1 : 0;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      return shown < last ? MIN (shown + PAGE_EPOCHS, last) : 0;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      return shown < last ? last : 0;
    default:
      return 0;
    }
}

static gboolean
rewind_binding (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  SlopeCostView *self = SLOPE_COST_VIEW (widget);
  guint64 epoch = epoch_for_key (self, g_variant_get_uint32 (args));

  if (epoch == 0)
    return FALSE;
  g_signal_emit (self, signals[EPOCH_PICKED], 0, epoch);
  return TRUE;
}

static void
slope_cost_view_dispose (GObject *object)
{
  SlopeCostView *self = SLOPE_COST_VIEW (object);

  g_clear_object (&self->plot.history);
  slope_cached_layer_clear (&self->frame_layer);
  slope_run_slots_clear (&self->runs);
  self->plot.n_runs = 0;

  G_OBJECT_CLASS (slope_cost_view_parent_class)->dispose (object);
}

static void
slope_cost_view_class_init (SlopeCostViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slope_cost_view_dispose;
  widget_class->snapshot = slope_cost_view_snapshot;

  /**
   * SlopeCostView::epoch-picked:
   * @epoch: the epoch under the pointer
   *
   * The user pressed or dragged along the plot, or pressed one of its
   * keys; the newest epoch means back to the present.
   */
  signals[EPOCH_PICKED] =
    g_signal_new ("epoch-picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);

  {
    static const guint keyvals[] = {
      GDK_KEY_Left, GDK_KEY_KP_Left, GDK_KEY_Right, GDK_KEY_KP_Right,
      GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up,
      GDK_KEY_Home, GDK_KEY_KP_Home, GDK_KEY_End, GDK_KEY_KP_End,
    };

    for (guint i = 0; i < G_N_ELEMENTS (keyvals); i++)
      gtk_widget_class_add_binding (widget_class, keyvals[i], 0, rewind_binding, "u", keyvals[i]);
  }

  gtk_widget_class_set_css_name (widget_class, "slope-cost-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
slope_cost_view_init (SlopeCostView *self)
{
  self->font_scale = 1.0;
  GtkGesture *drag = gtk_gesture_drag_new ();

  slope_cost_plot_init (&self->plot);
  self->plot.log_scale = TRUE;
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 160, 140);

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

GtkWidget *
slope_cost_view_new (void)
{
  return g_object_new (SLOPE_TYPE_COST_VIEW, NULL);
}

void
slope_cost_view_set_history (SlopeCostView *self,
                             SlopeHistory  *history)
{
  g_return_if_fail (SLOPE_IS_COST_VIEW (self));

  g_set_object (&self->plot.history, history);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
slope_cost_view_set_log_scale (SlopeCostView *self,
                               gboolean       log_scale)
{
  g_return_if_fail (SLOPE_IS_COST_VIEW (self));

  self->plot.log_scale = !!log_scale;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
slope_cost_view_set_marker (SlopeCostView *self,
                            gboolean       has_marker,
                            guint64        epoch,
                            double         cost)
{
  g_return_if_fail (SLOPE_IS_COST_VIEW (self));

  self->plot.has_marker = !!has_marker;
  self->plot.marker_epoch = epoch;
  self->plot.marker_cost = cost;
  queue_draw_if_changed (self);
}

void
slope_cost_view_set_x_max (SlopeCostView *self,
                           guint64        epochs)
{
  g_return_if_fail (SLOPE_IS_COST_VIEW (self));

  self->plot.x_max_epoch = epochs;
  queue_draw_if_changed (self);
}

void
slope_cost_view_set_font_scale (SlopeCostView *self,
                                double         scale)
{
  g_return_if_fail (SLOPE_IS_COST_VIEW (self));

  self->font_scale = scale;
  self->plot.font_scale = scale * slope_widget_get_text_scale (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * slope_cost_view_set_batches:
 * @x: (array length=n) (nullable): where each batch ran, in epochs (see
 *   SlopeCostPlot), borrowed until the next call
 * @cost: (array length=n) (nullable): each batch's cost
 */
void
slope_cost_view_set_batches (SlopeCostView *self,
                             const double  *x,
                             const double  *cost,
                             gsize          n)
{
  g_return_if_fail (SLOPE_IS_COST_VIEW (self));

  self->plot.batch_x = x;
  self->plot.batch_cost = cost;
  self->plot.n_batches = x != NULL && cost != NULL ? n : 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * slope_cost_view_set_runs:
 * @runs: (array length=n_runs) (nullable): the compared runs, at most
 *   %SLOPE_RUN_TRACE_MAX
 *
 * Draws each visible run's curve from its history, and its marker, on the
 * main run's axes, widened to hold them.  The array and the labels are
 * copied and each history is reffed until the next call or dispose.  A
 * frame is drawn only if the picture would change.
 */
void
slope_cost_view_set_runs (SlopeCostView       *self,
                          const SlopeRunTrace *runs,
                          gsize                n_runs)
{
  g_return_if_fail (SLOPE_IS_COST_VIEW (self));
  g_return_if_fail (runs != NULL || n_runs == 0);

  slope_run_slots_set (&self->runs, runs, n_runs);
  self->plot.runs = self->runs.runs;
  self->plot.n_runs = self->runs.n_runs;
  queue_draw_if_changed (self);
}

const SlopeCostPlot *
slope_cost_view_get_plot (SlopeCostView *self)
{
  g_return_val_if_fail (SLOPE_IS_COST_VIEW (self), NULL);

  return &self->plot;
}
