/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-present.c: presentation mode, for a projector.
 *
 * Fullscreen, larger type and thicker lines in every plot and panel; the
 * side panel keeps every control, the readouts, the learning rate and the
 * optimizer.zero_grad() switch at its top, and scrolls for the rest
 * (slope-window-panel.c).
 */
#include "config.h"

#include <math.h>

#include "slope-window-private.h"

#define PRESENTATION_SCALE 1.6
/* Below these window widths the explain pane and the side panel leave the
 * plots too little room for the cost plot and the landscape side by side. */
#define FIT_WIDTH_NORMAL       1100
#define FIT_WIDTH_PRESENTATION 1400
#define FIT_PLOTS_SHARE        0.38
/* The data plot's share of the plots' height; the rest goes to the cost
 * plot and the landscape, whose labels grow more in presentation mode. */
#define DATA_SHARE_NORMAL       0.6
#define DATA_SHARE_PRESENTATION 0.55

/* The split between the data plot and the plots under it follows the
 * window's height until the user drags it. */
static void
fit_plots_split (SlopeWindow *self)
{
  GtkPaned *paned = self->plots_paned;
  int height = gtk_widget_get_height (GTK_WIDGET (paned));
  int now = gtk_paned_get_position (paned), min = 0, max = 0, want;

  if (height <= 0 || self->plots_split_dragged)
    return;
  g_object_get (paned, "min-position", &min, "max-position", &max, NULL);
  if (self->plots_split_set > 0 && max > min
      && now != CLAMP (self->plots_split_set, min, max))
    {
      self->plots_split_dragged = TRUE;
      return;
    }
  want = (int) lround ((self->presentation ? DATA_SHARE_PRESENTATION : DATA_SHARE_NORMAL) * height);
  if (want != self->plots_split_set)
    {
      self->plots_split_set = want;
      gtk_paned_set_position (paned, want);
    }
}

/* The tick sees the window's size only after a frame has been laid out
 * and painted with the pane's own split (the data plot 43 px too tall at
 * 1024×768); split as soon as the pane first knows its size, which GTK
 * lays out again before that frame is painted.  Only then: afterwards
 * the tick follows the size, and a split set from inside an allocation
 * would lay the window out again. */
static void
on_plots_paned_size (GObject     *paned,
                     GParamSpec  *pspec,
                     SlopeWindow *self)
{
  fit_plots_split (self);
  if (self->plots_split_set > 0 || self->plots_split_dragged)
    g_signal_handlers_disconnect_by_func (paned, on_plots_paned_size, self);
}

/**
 * slope_window_fit_layout:
 *
 * With the explain pane open in a narrow window (a 1024×768 projector)
 * the Landscape/Log tabs step aside so that the cost plot gets the whole
 * width under the data plot; closing the pane or a wider window brings
 * them back.  In presentation mode the side panel steps aside too: its
 * readouts are in the math, written out with the real numbers, which
 * would otherwise shrink past reading from the back of a classroom.
 * Called once per frame from the tick, since a fullscreen window's size
 * changes without its default size changing.
 */
void
slope_window_fit_layout (SlopeWindow *self)
{
  int limit = self->presentation ? FIT_WIDTH_PRESENTATION : FIT_WIDTH_NORMAL;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean narrow = self->show_explain && width > 0 && width < limit;
  GtkWidget *plots = gtk_widget_get_parent (GTK_WIDGET (self->data_view));
  int request = narrow ? (int) (FIT_PLOTS_SHARE * width) : -1, old_request;

  gboolean no_panel = narrow && self->presentation;

  if (!self->plots_split_follows)
    {
      self->plots_split_follows = TRUE;
      g_signal_connect_object (self->plots_paned, "notify::max-position",
                               G_CALLBACK (on_plots_paned_size), self, 0);
    }
  if (gtk_widget_get_visible (self->landscape_box) == narrow)
    gtk_widget_set_visible (self->landscape_box, !narrow);
  if (gtk_widget_get_visible (GTK_WIDGET (self->side_scroller)) == no_panel)
    gtk_widget_set_visible (GTK_WIDGET (self->side_scroller), !no_panel);
  /* The pane otherwise splits by natural widths, and the code's natural
   * width would take the room the landscape just gave back. */
  gtk_widget_get_size_request (plots, &old_request, NULL);
  if (old_request != request)
    gtk_widget_set_size_request (plots, request, -1);
  fit_plots_split (self);
}

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
  slope_window_fit_layout (self);

  /* The panel's type and what fits change with the mode. */
  slope_window_panel_reset (self);

  g_object_notify (G_OBJECT (self), "presentation");
}
