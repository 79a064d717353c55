/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-widget-style.h: what the plot widgets share about the system style. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean slope_widget_is_dark (GtkWidget *widget);

G_END_DECLS
