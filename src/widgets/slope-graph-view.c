/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-graph-view.c: a thin widget over the graph renderer, plus the one
 * thing a still picture cannot show: the gradient travelling backwards.
 *
 * After each step of the backward pass a dot runs from the consumer back
 * to the input along the arrow just processed, the direction gradients
 * go, which is the opposite of the arrows students have been reading
 * left to right.  Where the desktop asks for reduced motion the lit edge
 * alone says the same.
 */
#include "config.h"

#include <math.h>

#include "slope-graph-view.h"
#include "slope-widget-style.h"

/* Long enough to follow with the eye, short enough not to hold up a
 * teacher pressing Backward Step quickly. */
#define FLOW_USEC (600 * G_TIME_SPAN_MILLISECOND)

struct _SlopeGraphView
{
  GtkWidget      parent_instance;

  SlopeGraphPlot plot;          /* plot.tape is our reference */
  guint          flow_tick;
  gint64         flow_start;
  double         flow_progress;
};

G_DEFINE_FINAL_TYPE (SlopeGraphView, slope_graph_view, GTK_TYPE_WIDGET)

/* The dot passes under the edge's label, which must stay readable. */
static void
draw_flow (SlopeGraphView *self,
           cairo_t        *cr,
           int             width,
           int             height)
{
  g_autoptr(SlopeGraphLayout) layout = NULL;
  const SlopeGraphItem *label;
  SlopeEdge edge;
  double t = 1.0 - pow (1.0 - CLAMP (self->flow_progress, 0.0, 1.0), 3);

  if (!slope_tape_get_last_edge (self->plot.tape, &edge))
    return;

  layout = slope_graph_layout_new (&self->plot, width, height);
  label = slope_graph_layout_find (layout, SLOPE_GRAPH_ITEM_EDGE, edge.node, edge.input);
  for (guint i = 0; i < layout->arrows->len; i++)
    {
      const SlopeGraphArrow *a = &g_array_index (layout->arrows, SlopeGraphArrow, i);
      double r = 0.32 * layout->font_size;
      double x = a->x1 + t * (a->x0 - a->x1);
      double y = a->y1 + t * (a->y0 - a->y1);

      if (a->node != edge.node || a->input != edge.input)
        continue;
      if (label != NULL && x > label->x - r && x < label->x + label->width + r
          && y > label->y - r && y < label->y + label->height + r)
        continue;

      slope_palette_set_source_alpha (cr, &self->plot.palette->line, 0.3);
      cairo_arc (cr, x, y, 1.8 * r, 0, 2 * G_PI);
      cairo_fill (cr);
      slope_palette_set_source (cr, &self->plot.palette->line);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
slope_graph_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  SlopeGraphView *self = SLOPE_GRAPH_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  self->plot.palette = slope_widget_get_palette (widget);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  slope_graph_plot_draw (cr, width, height, &self->plot);
  if (self->flow_tick != 0 && self->plot.tape != NULL)
    draw_flow (self, cr, width, height);
  cairo_destroy (cr);
}

static gboolean
flow_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  SlopeGraphView *self = SLOPE_GRAPH_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->flow_start == 0)
    self->flow_start = now;
  self->flow_progress = (double) (now - self->flow_start) / FLOW_USEC;
  gtk_widget_queue_draw (widget);

  if (self->flow_progress < 1.0)
    return G_SOURCE_CONTINUE;

  self->flow_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
slope_graph_view_dispose (GObject *object)
{
  SlopeGraphView *self = SLOPE_GRAPH_VIEW (object);

  slope_graph_view_stop_flow (self);
  g_clear_object (&self->plot.tape);

  G_OBJECT_CLASS (slope_graph_view_parent_class)->dispose (object);
}

static void
slope_graph_view_class_init (SlopeGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slope_graph_view_dispose;
  widget_class->snapshot = slope_graph_view_snapshot;

  gtk_widget_class_set_css_name (widget_class, "slope-graph-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
slope_graph_view_init (SlopeGraphView *self)
{
  slope_graph_plot_init (&self->plot);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  /* The graph is a row of boxes: wide, not tall. */
  gtk_widget_set_size_request (GTK_WIDGET (self), 560, 240);
}

GtkWidget *
slope_graph_view_new (void)
{
  return g_object_new (SLOPE_TYPE_GRAPH_VIEW, NULL);
}

/* Shows @output's graph; @tape may be NULL for an empty view. */
void
slope_graph_view_set_tape (SlopeGraphView *self,
                           SlopeTape      *tape,
                           guint           output)
{
  g_return_if_fail (SLOPE_IS_GRAPH_VIEW (self));
  g_return_if_fail (tape == NULL || SLOPE_IS_TAPE (tape));

  slope_graph_view_stop_flow (self);
  g_set_object (&self->plot.tape, tape);
  self->plot.output = tape != NULL ? output : SLOPE_TAPE_NO_NODE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The tape ran forward or backward: draw it again. */
void
slope_graph_view_changed (SlopeGraphView *self)
{
  g_return_if_fail (SLOPE_IS_GRAPH_VIEW (self));

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Animates the gradient along the tape's last edge, unless the desktop
 * turned animations off. */
void
slope_graph_view_flow (SlopeGraphView *self)
{
  gboolean animate = TRUE;

  g_return_if_fail (SLOPE_IS_GRAPH_VIEW (self));

  slope_graph_view_stop_flow (self);
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-enable-animations", &animate, NULL);
  if (!animate)
    return;

  self->flow_start = 0;
  self->flow_progress = 0.0;
  self->flow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), flow_tick_cb, NULL, NULL);
}

void
slope_graph_view_stop_flow (SlopeGraphView *self)
{
  g_return_if_fail (SLOPE_IS_GRAPH_VIEW (self));

  if (self->flow_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->flow_tick);
      self->flow_tick = 0;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Larger for a projector; 1 is the normal size. */
void
slope_graph_view_set_font_scale (SlopeGraphView *self,
                                 double          scale)
{
  g_return_if_fail (SLOPE_IS_GRAPH_VIEW (self));
  g_return_if_fail (scale > 0.0);

  self->plot.font_scale = scale;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
