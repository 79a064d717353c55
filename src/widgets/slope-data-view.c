/* slope-data-view.c: a thin widget over the data-plot renderer.
 *
 * The points do not move while training, so they are drawn once into a
 * render node that is reused every frame until the data, the size or the
 * style change; only the line and its residuals are drawn per frame.
 */
#include "config.h"

#include "slope-data-view.h"
#include "slope-widget-style.h"

struct _SlopeDataView
{
  GtkWidget      parent_instance;

  SlopeDataPlot  plot;
  GskRenderNode *points_node;
  int            cached_width;
  int            cached_height;
  gboolean       cached_dark;
};

G_DEFINE_FINAL_TYPE (SlopeDataView, slope_data_view, GTK_TYPE_WIDGET)

static void
invalidate_points (SlopeDataView *self)
{
  g_clear_pointer (&self->points_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
slope_data_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  SlopeDataView *self = SLOPE_DATA_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = slope_widget_is_dark (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  self->plot.palette = slope_palette_get (dark);
  if (self->points_node == NULL || width != self->cached_width
      || height != self->cached_height || dark != self->cached_dark)
    {
      g_clear_pointer (&self->points_node, gsk_render_node_unref);
      self->points_node = gsk_cairo_node_new (&bounds);
      cr = gsk_cairo_node_get_draw_context (self->points_node);
      slope_data_plot_draw_points (cr, width, height, &self->plot);
      cairo_destroy (cr);
      self->cached_width = width;
      self->cached_height = height;
      self->cached_dark = dark;
    }
  gtk_snapshot_append_node (snapshot, self->points_node);

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
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

  g_clear_pointer (&self->points_node, gsk_render_node_unref);
  g_clear_object (&self->plot.dataset);

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

  gtk_widget_class_set_css_name (widget_class, "slope-data-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
slope_data_view_init (SlopeDataView *self)
{
  slope_data_plot_init (&self->plot);
  self->plot.show_line = TRUE;
  self->plot.show_residuals = TRUE;
  self->plot.show_equation = TRUE;
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, 240);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
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
  if (refit && dataset != NULL)
    slope_viewport_fit (&self->plot.view, dataset);
  invalidate_points (self);
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

  self->plot.font_scale = scale;
  invalidate_points (self);
}

void
slope_data_view_set_highlight (SlopeDataView *self,
                               gssize         index)
{
  g_return_if_fail (SLOPE_IS_DATA_VIEW (self));

  if (self->plot.highlight == index)
    return;
  self->plot.highlight = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const SlopeDataPlot *
slope_data_view_get_plot (SlopeDataView *self)
{
  g_return_val_if_fail (SLOPE_IS_DATA_VIEW (self), NULL);

  return &self->plot;
}
