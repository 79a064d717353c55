/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-widget-style.c: light or dark, read from the theme's own colours
 * so the plots follow whatever style the system applies. */
#include "config.h"

#include "slope-widget-style.h"

gboolean
slope_widget_is_dark (GtkWidget *widget)
{
  GdkRGBA fg;

  /* A light foreground means a dark background. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  return 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5;
}
