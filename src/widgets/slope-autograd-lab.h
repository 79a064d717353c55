/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-autograd-lab.h: the lesson's second autograd experiment,
 * y = w**2; z = 2*y + 5; z.backward(), with its computation graph and the
 * backward pass shown one edge at a time.
 */
#pragma once

#include <gtk/gtk.h>

#include "slope-autograd.h"

G_BEGIN_DECLS

#define SLOPE_TYPE_AUTOGRAD_LAB (slope_autograd_lab_get_type ())

G_DECLARE_FINAL_TYPE (SlopeAutogradLab, slope_autograd_lab, SLOPE, AUTOGRAD_LAB, GtkWidget)

GtkWidget       *slope_autograd_lab_new              (void);
void             slope_autograd_lab_set_expression   (SlopeAutogradLab *self,
                                                      SlopeExpression   expression);
SlopeExpression  slope_autograd_lab_get_expression   (SlopeAutogradLab *self);
void             slope_autograd_lab_set_w            (SlopeAutogradLab *self,
                                                      double            w);
double           slope_autograd_lab_get_w            (SlopeAutogradLab *self);
void             slope_autograd_lab_forward          (SlopeAutogradLab *self);
gboolean         slope_autograd_lab_backward_step    (SlopeAutogradLab *self);
void             slope_autograd_lab_backward         (SlopeAutogradLab *self);
void             slope_autograd_lab_zero_grad        (SlopeAutogradLab *self);
double           slope_autograd_lab_get_w_grad       (SlopeAutogradLab *self);
char            *slope_autograd_lab_get_grad_text    (SlopeAutogradLab *self);
char            *slope_autograd_lab_get_printed_line (SlopeAutogradLab *self);
const char      *slope_autograd_lab_get_explanation  (SlopeAutogradLab *self);
SlopeTape       *slope_autograd_lab_get_tape         (SlopeAutogradLab *self);
void             slope_autograd_lab_set_font_scale   (SlopeAutogradLab *self,
                                                      double            scale);

G_END_DECLS
