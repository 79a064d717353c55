/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-widget-style.c: light or dark, high contrast or not, so the plots
 * follow whatever style the desktop applies.
 *
 * Under libadwaita (the application calls adw_init()) its style manager
 * says both; without it (a widget in a plain GtkWindow) the theme's own
 * foreground colour says light or dark. */
#include "config.h"

#include <adwaita.h>

#include "slope-widget-style.h"

gboolean
slope_widget_is_dark (GtkWidget *widget)
{
  GdkRGBA fg;

  if (adw_is_initialized ())
    return adw_style_manager_get_dark (adw_style_manager_get_for_display (gtk_widget_get_display (widget)));

  /* A light foreground means a dark background. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  return 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5;
}

SlopePaletteStyle
slope_widget_get_palette_style (GtkWidget *widget)
{
  gboolean dark = slope_widget_is_dark (widget);
  gboolean high_contrast = FALSE;

  if (adw_is_initialized ())
    high_contrast = adw_style_manager_get_high_contrast (
        adw_style_manager_get_for_display (gtk_widget_get_display (widget)));
  if (high_contrast)
    return dark ? SLOPE_PALETTE_HIGH_CONTRAST_DARK : SLOPE_PALETTE_HIGH_CONTRAST;
  return dark ? SLOPE_PALETTE_DARK : SLOPE_PALETTE_LIGHT;
}

const SlopePalette *
slope_widget_get_palette (GtkWidget *widget)
{
  return slope_palette_get_style (slope_widget_get_palette_style (widget));
}

/* The desktop's text scaling (GNOME's "Large Text", a higher font DPI):
 * GTK's own text follows gtk-xft-dpi, the plots' pixel-sized text is
 * multiplied by this. */
double
slope_widget_get_text_scale (GtkWidget *widget)
{
  int dpi = -1;

  g_object_get (gtk_widget_get_settings (widget), "gtk-xft-dpi", &dpi, NULL);
  return dpi > 0 ? dpi / 1024.0 / 96.0 : 1.0;
}
