/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-panel.c: the side panel fitted to the window's height.
 *
 * A 1024×768 projector leaves the panel about 700 pixels, less than all
 * of it takes.  Every control stays in it, reachable: the panel scrolls
 * (vertically; it keeps its width), with the readouts, the learning rate
 * and optimizer.zero_grad() at its top, so what a lecture points at shows
 * without scrolling.  To scroll as little as it can, the panel first
 * leaves out the sentences under the controls, one at a time in a fixed
 * order (each becomes its control's tooltip while it is left out), and
 * brings them back, in the reverse order, as soon as there is room; in
 * presentation mode a screen with room to spare even then gets the panel
 * in larger type.
 */
#include "config.h"

#include "slope-window-private.h"

#define MAX_OPTIONAL 4
/* Below this share of the height, a presentation panel's type grows by
 * the factor in style.css (.side-panel.roomy), 1.2. */
#define ROOMY_SHARE 0.75

/* What may be left out now, first to go first: sentences only, never a
 * control.  A new group's explanations go here too. */
static guint
optional_items (SlopeWindow *self,
                GtkWidget  **items)
{
  guint n = 0;

  items[n++] = GTK_WIDGET (self->zero_grad_hint);
  if (self->scale_hint != NULL)
    items[n++] = GTK_WIDGET (self->scale_hint);
  items[n++] = GTK_WIDGET (self->lr_hint);
  g_assert (n <= MAX_OPTIONAL);
  return n;
}

/* The panel's height at its width, as things are shown now. */
static int
panel_height (SlopeWindow *self,
              int          width)
{
  int min_width = 0, height = 0;

  gtk_widget_measure (self->side_panel, GTK_ORIENTATION_HORIZONTAL, -1,
                      &min_width, NULL, NULL, NULL);
  gtk_widget_measure (self->side_panel, GTK_ORIENTATION_VERTICAL, MAX (width, min_width),
                      &height, NULL, NULL, NULL);
  return height;
}

/* A hint left out is still there as its control's tooltip. */
static void
mirror_hint (GtkLabel  *hint,
             GtkWidget *control)
{
  const char *text = NULL;
  const char *now;

  if (hint == NULL || control == NULL)
    return;
  if (!gtk_widget_get_visible (GTK_WIDGET (hint)))
    text = gtk_label_get_text (hint);
  now = gtk_widget_get_tooltip_text (control);
  if (g_strcmp0 (now, text) != 0)
    gtk_widget_set_tooltip_text (control, text);
}

static void
mirror_hints (SlopeWindow *self)
{
  mirror_hint (self->zero_grad_hint, GTK_WIDGET (self->zero_grad_switch));
  mirror_hint (self->scale_hint, GTK_WIDGET (self->scale_drop_down));
  mirror_hint (self->lr_hint, GTK_WIDGET (self->lr_scale));
}

/**
 * slope_window_panel_fit:
 *
 * Leaves out or brings back the side panel's explanations so that it
 * scrolls as little as it can in the height it was given.  Called once per frame from the tick; it
 * measures, and changes something only when the height, the width or the
 * panel's content changed since the last time.
 */
void
slope_window_panel_fit (SlopeWindow *self)
{
  GtkWidget *items[MAX_OPTIONAL];
  int height, width, need;
  guint n;

  if (self->side_panel == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  mirror_hints (self);
  height = gtk_widget_get_height (GTK_WIDGET (self->side_scroller));
  width = gtk_widget_get_width (self->side_panel);
  if (height <= 0 || width <= 0)
    return;
  need = panel_height (self, width);
  if (height == self->panel_fit_height && width == self->panel_fit_width
      && need == self->panel_fit_need && self->presentation == self->panel_fit_presentation)
    return;

  /* Larger type first goes when room is short, and is not tried again at
   * this height. */
  if (self->panel_roomy && need > height)
    {
      gtk_widget_remove_css_class (self->side_panel, "roomy");
      self->panel_roomy = FALSE;
      self->panel_roomy_failed = height;
      self->panel_fit_height = -1;
      return;
    }

  n = optional_items (self, items);
  for (guint i = 0; i < n && need > height; i++)
    if (gtk_widget_get_visible (items[i]))
      {
        gtk_widget_set_visible (items[i], FALSE);
        need = panel_height (self, width);
      }
  /* Left out are the first few: bring back the last of them while it
   * fits. */
  for (guint i = n; i-- > 0;)
    {
      int with;

      if (gtk_widget_get_visible (items[i]))
        continue;
      gtk_widget_set_visible (items[i], TRUE);
      with = panel_height (self, width);
      if (with > height)
        {
          gtk_widget_set_visible (items[i], FALSE);
          break;
        }
      need = with;
    }

  /* Presentation mode on a large screen: everything shown and room to
   * spare, so the panel's type grows like the plots'; the next frame
   * measures it. */
  if (self->presentation && !self->panel_roomy && height != self->panel_roomy_failed
      && gtk_widget_get_visible (items[0]) && need < ROOMY_SHARE * height)
    {
      gtk_widget_add_css_class (self->side_panel, "roomy");
      self->panel_roomy = TRUE;
    }

  self->panel_fit_height = height;
  self->panel_fit_width = width;
  self->panel_fit_need = need;
  self->panel_fit_presentation = self->presentation;
  mirror_hints (self);
}

/**
 * slope_window_panel_reset:
 *
 * Shows every item again, e.g. when presentation mode changes the set of
 * items that may go; the next frame fits the panel anew.
 */
void
slope_window_panel_reset (SlopeWindow *self)
{
  GtkWidget *items[MAX_OPTIONAL];
  guint n = optional_items (self, items);

  for (guint i = 0; i < n; i++)
    gtk_widget_set_visible (items[i], TRUE);
  gtk_widget_remove_css_class (self->side_panel, "roomy");
  self->panel_roomy = FALSE;
  self->panel_roomy_failed = -1;
  self->panel_fit_height = -1;
}
