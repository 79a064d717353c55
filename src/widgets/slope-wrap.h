/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-wrap.h: wrapping between words only, never inside one or inside
 * a formula.
 *
 * Pango may break Korean between any two syllables ("초기화합니/다") and a
 * formula at any space ("(R² = ⏎ 0.8717)").  These attributes keep every
 * word whole, and every parenthesised group and "a = b", "a − b" together;
 * lines break only at the other spaces.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

PangoAttrList *slope_wrap_attributes      (const char *text);
void           slope_wrap_keep_words      (GtkLabel   *label);
void           slope_wrap_keep_words_in   (GtkWidget  *root);

G_END_DECLS
