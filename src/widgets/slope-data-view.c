/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-data-view.c: a thin widget over the data-plot renderer.
 *
 * The points do not move while training, so they are drawn once into a
 * render node that is reused every frame until the data, the size or the
 * style change; only the line and its residuals are drawn per frame.
 *
 * In edit mode it turns clicks and drags (slope-data-view-pointer.c) and
 * keys (slope-data-view-keys.c) into signals in data coordinates, and
 * leaves changing the data to its owner: the window keeps undo, the
 * runner and the saved state in step, which a widget could not.  This
 * file holds the model, the drawing and the type.
 */
#include "config.h"

#include <math.h>

#include "slope-data-view-private.h"
#include "slope-widget-style.h"

guint slope_data_view_signals[N_SIGNALS];

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
  slope_data_view_signals[SIGNAL_ADD_POINT] =
    g_signal_new ("add-point", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  /**
   * SlopeDataView::move-begin:
   * @index: the point about to be dragged
   *
   * A drag starts: the move-point signals up to move-end are one edit.
   */
  slope_data_view_signals[SIGNAL_MOVE_BEGIN] =
    g_signal_new ("move-begin", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * SlopeDataView::move-point:
   * @index: the point being dragged
   * @x: where it is now, in data coordinates
   * @y:
   */
  slope_data_view_signals[SIGNAL_MOVE_POINT] =
    g_signal_new ("move-point", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  slope_data_view_signals[SIGNAL_MOVE_END] =
    g_signal_new ("move-end", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * SlopeDataView::remove-point:
   * @index: the point right-clicked
   */
  slope_data_view_signals[SIGNAL_REMOVE_POINT] =
    g_signal_new ("remove-point", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  slope_data_view_add_key_bindings (widget_class);

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
  slope_data_view_setup_pointer (self);
  slope_data_view_setup_keys (self);
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
  slope_data_view_update_hover (self);
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
  slope_data_view_update_highlight (self);
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
    slope_data_view_end_key_move (self);
  self->edit_mode = edit_mode;
  if (!edit_mode)
    gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
  /* The ring marks what Delete would remove: it starts and ends with
   * editing. */
  self->selected = -1;
  slope_data_view_update_hover (self);
}

gboolean
slope_data_view_get_edit_mode (SlopeDataView *self)
{
  g_return_val_if_fail (SLOPE_IS_DATA_VIEW (self), FALSE);

  return self->edit_mode;
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
