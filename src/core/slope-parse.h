/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-parse.h: strict, locale-independent parsing of numbers typed by a
 * person (command-line options, entries in the window).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most epochs one run may have: far beyond any lesson, and far below
 * where a 32-bit epoch counter could wrap. */
#define SLOPE_MAX_EPOCHS 1000000000u

gboolean slope_parse_double      (const char *text,
                                  double     *out);
gboolean slope_parse_uint        (const char *text,
                                  guint      *out);
gboolean slope_parse_epochs      (const char *text,
                                  guint      *out);
gboolean slope_parse_double_pair (const char *text,
                                  double     *first,
                                  double     *second);

G_END_DECLS
