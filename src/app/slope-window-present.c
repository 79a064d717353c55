/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-present.c: presentation mode, for a projector.
 *
 * Fullscreen, larger type and thicker lines in every plot and panel, and
 * the side panel trimmed to what a lecture needs: the readouts, the
 * learning rate and the optimizer.zero_grad() switch.
 */
#include "config.h"

#include "slope-window-private.h"

#define PRESENTATION_SCALE 1.6

void
slope_window_set_presentation (SlopeWindow *self,
                               gboolean     presentation)
{
  double scale = presentation ? PRESENTATION_SCALE : 1.0;

  presentation = !!presentation;
  if (self->presentation == presentation)
    return;
  self->presentation = presentation;

  if (presentation)
    {
      gtk_window_fullscreen (GTK_WINDOW (self));
      gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
    }
  else
    {
      gtk_window_unfullscreen (GTK_WINDOW (self));
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
    }

  slope_data_view_set_font_scale (self->data_view, scale);
  slope_cost_view_set_font_scale (self->cost_view, scale);
  slope_landscape_widget_set_font_scale (self->landscape_view, scale);
  slope_math_view_set_font_scale (self->math_view, scale);
  slope_code_view_set_font_scale (self->code_view, scale);
  slope_window_labs_set_font_scale (self, presentation ? 1.4 : 1.0);

  /* What a lecture does not need. */
  gtk_widget_set_visible (GTK_WIDGET (self->settings_grid), !presentation);
  gtk_widget_set_visible (GTK_WIDGET (self->lr_hint), !presentation);
  gtk_widget_set_visible (GTK_WIDGET (self->zero_grad_hint), !presentation);
  gtk_widget_set_visible (GTK_WIDGET (self->residuals_check), !presentation);

  g_object_notify (G_OBJECT (self), "presentation");
}
