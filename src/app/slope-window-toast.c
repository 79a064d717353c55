/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-toast.c: passing notices, as libadwaita toasts.
 *
 * What happened once (a file saved, rows skipped while loading, a load
 * cancelled) is told in a toast that goes away by itself; what stays true
 * (looking back at a past epoch, training diverged) keeps its banner.  A
 * toast whose story is longer than a line offers Details, which opens the
 * whole text in the notice banner.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "slope-window-private.h"

static void
show_details (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SlopeWindow *self = SLOPE_WINDOW (widget);

  if (self->toast_details != NULL)
    slope_window_show_notice (self, self->toast_details);
}

/**
 * slope_window_toast:
 * @text: one line, plain text
 * @details: (nullable): the whole story, plain text, shown on request
 */
void
slope_window_toast (SlopeWindow *self,
                    const char  *text,
                    const char  *details)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  g_free (self->toast_details);
  self->toast_details = g_strdup (details);
  if (details != NULL)
    {
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.show-toast-details");
    }
  g_set_weak_pointer (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
slope_window_toast_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-toast-details", NULL, show_details);
}

void
slope_window_toast_dispose (SlopeWindow *self)
{
  g_clear_weak_pointer (&self->last_toast);
  g_clear_pointer (&self->toast_details, g_free);
}
