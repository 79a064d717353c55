/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-repaint-group.c: see slope-repaint-group.h.
 *
 * GTK compares each frame's render nodes with the last frame's.  A cairo
 * node can never be compared, so a new one marks its whole bounds as
 * changed.  The group puts an empty one under its child, as large as the
 * group, made anew whenever the group is drawn again, which is exactly
 * when something inside it changed: the labels' own rectangles then fall
 * inside it and add nothing to the count.  While nothing inside changes,
 * GTK reuses the group's nodes and repaints nothing here.
 */
#include "config.h"

#include "slope-repaint-group.h"

/* Pixels beyond the group's area that count as its own. */
#define MARGIN 4

struct _SlopeRepaintGroup
{
  GtkWidget  parent_instance;

  GtkWidget *child;
};

G_DEFINE_FINAL_TYPE (SlopeRepaintGroup, slope_repaint_group, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
slope_repaint_group_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  SlopeRepaintGroup *self = SLOPE_REPAINT_GROUP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width > 0 && height > 0)
    {
      /* Drawn onto by no one: it only covers the group's area, and the
       * pixel GTK adds around a child placed at a fractional offset. */
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                               &GRAPHENE_RECT_INIT (-MARGIN, -MARGIN,
                                                                    width + 2 * MARGIN,
                                                                    height + 2 * MARGIN));

      cairo_destroy (cr);
    }
  if (self->child != NULL)
    gtk_widget_snapshot_child (widget, self->child, snapshot);
}

static void
slope_repaint_group_dispose (GObject *object)
{
  SlopeRepaintGroup *self = SLOPE_REPAINT_GROUP (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (slope_repaint_group_parent_class)->dispose (object);
}

static void
slope_repaint_group_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SlopeRepaintGroup *self = SLOPE_REPAINT_GROUP (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slope_repaint_group_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SlopeRepaintGroup *self = SLOPE_REPAINT_GROUP (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      slope_repaint_group_set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slope_repaint_group_class_init (SlopeRepaintGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slope_repaint_group_dispose;
  object_class->get_property = slope_repaint_group_get_property;
  object_class->set_property = slope_repaint_group_set_property;
  widget_class->snapshot = slope_repaint_group_snapshot;

  /**
   * SlopeRepaintGroup:child:
   *
   * The widget inside, sized and placed as the group is.
   */
  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "slope-repaint-group");
}

static void
slope_repaint_group_init (SlopeRepaintGroup *self)
{
}

GtkWidget *
slope_repaint_group_new (void)
{
  return g_object_new (SLOPE_TYPE_REPAINT_GROUP, NULL);
}

void
slope_repaint_group_set_child (SlopeRepaintGroup *self,
                               GtkWidget         *child)
{
  g_return_if_fail (SLOPE_IS_REPAINT_GROUP (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

GtkWidget *
slope_repaint_group_get_child (SlopeRepaintGroup *self)
{
  g_return_val_if_fail (SLOPE_IS_REPAINT_GROUP (self), NULL);

  return self->child;
}
