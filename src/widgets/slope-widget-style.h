/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-widget-style.h: what the plot widgets share about the system style. */
#pragma once

#include <gtk/gtk.h>

#include "slope-palette.h"

G_BEGIN_DECLS

gboolean            slope_widget_is_dark            (GtkWidget *widget);
SlopePaletteStyle   slope_widget_get_palette_style  (GtkWidget *widget);
const SlopePalette *slope_widget_get_palette        (GtkWidget *widget);
double              slope_widget_get_text_scale     (GtkWidget *widget);

G_END_DECLS
