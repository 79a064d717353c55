/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-parse.h: strict, locale-independent parsing of numbers typed by a
 * person (command-line options, entries in the window).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean slope_parse_double      (const char *text,
                                  double     *out);
gboolean slope_parse_uint        (const char *text,
                                  guint      *out);
gboolean slope_parse_double_pair (const char *text,
                                  double     *first,
                                  double     *second);

G_END_DECLS
