/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-lr-zone.c: a strip under the learning-rate slider, on the same
 * logarithmic scale, coloured where training converges and where it
 * diverges for the data shown.  The limit moves with the data and with
 * the optimizer.zero_grad() switch: 2/λmax with it, 4/λmax without.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "slope-axis.h"
#include "slope-lr-zone.h"
#include "slope-palette.h"
#include "slope-widget-style.h"

/* GtkScale's slider travels inside its trough: this keeps the strip's
 * scale aligned with the slider's centre at both ends. */
#define SLIDER_INSET 10.0

struct _SlopeLrZone
{
  GtkWidget parent_instance;

  double    log_lo;
  double    log_hi;
  double    limit;      /* NAN when unknown */
  gboolean  zero_grad;
  double    lr;
};

G_DEFINE_FINAL_TYPE (SlopeLrZone, slope_lr_zone, GTK_TYPE_WIDGET)

double
slope_lr_zone_fraction (SlopeLrZone *self,
                        double       lr)
{
  g_return_val_if_fail (SLOPE_IS_LR_ZONE (self), 0.0);

  if (!(lr > 0.0))
    return 0.0;
  return CLAMP ((log10 (lr) - self->log_lo) / (self->log_hi - self->log_lo), 0.0, 1.0);
}

/* Whether training converges (zero_grad on) or at least stays bounded
 * (zero_grad off) at @lr on this data. */
gboolean
slope_lr_zone_is_stable (SlopeLrZone *self,
                         double       lr)
{
  g_return_val_if_fail (SLOPE_IS_LR_ZONE (self), FALSE);

  return !isfinite (self->limit) || lr < self->limit;
}

static void
slope_lr_zone_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SlopeLrZone *self = SLOPE_LR_ZONE (widget);
  const SlopePalette *palette = slope_widget_get_palette (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double x0 = SLIDER_INSET, span = MAX (width - 2 * SLIDER_INSET, 1.0);
  double split = isfinite (self->limit) ? x0 + span * slope_lr_zone_fraction (self, self->limit)
                                        : x0 + span;
  double x_lr = x0 + span * slope_lr_zone_fraction (self, self->lr);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Converges (or stays bounded): the cost colour; diverges: warning. */
  slope_palette_set_source_alpha (cr, &palette->cost, 0.45);
  cairo_rectangle (cr, x0, 0, split - x0, height);
  cairo_fill (cr);
  slope_palette_set_source_alpha (cr, &palette->warning, 0.55);
  cairo_rectangle (cr, split, 0, x0 + span - split, height);
  cairo_fill (cr);

  slope_palette_set_source (cr, &palette->foreground);
  cairo_set_line_width (cr, 2.0);
  cairo_move_to (cr, round (x_lr) + 0.0, 0);
  cairo_line_to (cr, round (x_lr) + 0.0, height);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
slope_lr_zone_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 60 : 6;
}

static void
update_description (SlopeLrZone *self)
{
  g_autofree char *text = NULL;
  char limit[32];

  if (!isfinite (self->limit))
    return;
  /* The number is formatted without the locale, as everywhere in Slope. */
  slope_format_number (limit, sizeof limit, self->limit, 3);
  text = g_strdup_printf (self->zero_grad
                          ? _("Converges for learning rates below %s; diverges above")
                          : _("Without zero_grad, blows up for learning rates above %s"),
                          limit);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
}

static void
slope_lr_zone_class_init (SlopeLrZoneClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = slope_lr_zone_snapshot;
  widget_class->measure = slope_lr_zone_measure;
  gtk_widget_class_set_css_name (widget_class, "slope-lr-zone");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
slope_lr_zone_init (SlopeLrZone *self)
{
  self->log_lo = -4.0;
  self->log_hi = 0.0;
  self->limit = NAN;
  self->zero_grad = TRUE;
  self->lr = 0.01;
}

GtkWidget *
slope_lr_zone_new (void)
{
  return g_object_new (SLOPE_TYPE_LR_ZONE, NULL);
}

void
slope_lr_zone_set_range (SlopeLrZone *self,
                         double       log_lo,
                         double       log_hi)
{
  g_return_if_fail (SLOPE_IS_LR_ZONE (self));
  g_return_if_fail (log_hi > log_lo);

  self->log_lo = log_lo;
  self->log_hi = log_hi;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* @lr_limit: 2/λmax with zero_grad, 4/λmax without; NAN when unknown */
void
slope_lr_zone_set_limit (SlopeLrZone *self,
                         double       lr_limit,
                         gboolean     zero_grad)
{
  g_return_if_fail (SLOPE_IS_LR_ZONE (self));

  self->limit = lr_limit;
  self->zero_grad = !!zero_grad;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
slope_lr_zone_set_lr (SlopeLrZone *self,
                      double       lr)
{
  g_return_if_fail (SLOPE_IS_LR_ZONE (self));

  self->lr = lr;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
