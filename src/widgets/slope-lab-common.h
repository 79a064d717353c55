/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-lab-common.h: what the two autograd labs share: numbers printed the
 * way Python prints them, a highlighted code block, and the stylesheet and
 * projector scaling of their text.
 *
 * Private to src/widgets.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Room for any double as Python's repr writes it, e.g. "-1.7976931348623157e+308". */
#define SLOPE_LAB_FLOAT_MAX 40

/* No line lit in a code block. */
#define SLOPE_LAB_NO_LINE (-1)

/* A code block as wide as its longest line: a text view alone asks for no
 * width at all and would be squeezed until the code is clipped. */
#define SLOPE_TYPE_LAB_CODE (slope_lab_code_get_type ())

G_DECLARE_FINAL_TYPE (SlopeLabCode, slope_lab_code, SLOPE, LAB_CODE, GtkWidget)

void       slope_lab_format_float       (char            *buf,
                                         gsize            size,
                                         double           value);
void       slope_lab_ensure_style       (void);
void       slope_lab_set_font_scale     (GtkWidget       *lab,
                                         GtkCssProvider **provider,
                                         double           scale);
GtkWidget *slope_lab_heading_new        (const char      *text);
GtkWidget *slope_lab_code_new           (const char      *accessible_label);
void       slope_lab_code_set           (SlopeLabCode    *self,
                                         const char      *code,
                                         int              lit_line);
char      *slope_lab_code_get_text      (SlopeLabCode    *self);
GtkWidget *slope_lab_button_new         (const char      *label,
                                         const char      *action_name,
                                         const char      *description,
                                         gboolean         is_code);

G_END_DECLS
