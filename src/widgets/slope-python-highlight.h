/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-python-highlight.h: colouring the few lines of Python that the
 * code panel and the labs show. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void slope_python_highlight_line (GtkTextBuffer *buffer,
                                  int            line,
                                  const char    *text);

G_END_DECLS
