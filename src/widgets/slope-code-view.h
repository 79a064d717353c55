/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-code-view.h: the notebook's training loop, with the line that just
 * ran lit. */
#pragma once

#include <gtk/gtk.h>

#include "slope-trainer.h"

G_BEGIN_DECLS

#define SLOPE_TYPE_CODE_VIEW (slope_code_view_get_type ())

G_DECLARE_FINAL_TYPE (SlopeCodeView, slope_code_view, SLOPE, CODE_VIEW, GtkWidget)

GtkWidget *slope_code_view_new            (void);
void       slope_code_view_set_line       (SlopeCodeView *self,
                                           SlopeLine      line,
                                           gboolean       zero_grad);
void       slope_code_view_set_font_scale (SlopeCodeView *self,
                                           double         scale);
int        slope_code_view_get_lit_line   (SlopeCodeView *self);
char      *slope_code_view_get_text       (SlopeCodeView *self);
void       slope_code_view_set_optimizer  (SlopeCodeView *self,
                                           const char    *line);

G_END_DECLS
