/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-accumulation-lab.h: the lesson's first autograd experiment,
 * z = 2*w and z.backward() twenty times, where w.grad grows 2.0, 4.0, …
 * 40.0 because gradients accumulate.
 *
 * Signals:
 *   demonstrate: the "Show it on the line" button was pressed; the window
 *     turns zero_grad off in the main view and plays, so the class sees
 *     what accumulated gradients do to training.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SLOPE_TYPE_ACCUMULATION_LAB (slope_accumulation_lab_get_type ())

G_DECLARE_FINAL_TYPE (SlopeAccumulationLab, slope_accumulation_lab, SLOPE, ACCUMULATION_LAB, GtkWidget)

/* The notebook's loop count. */
#define SLOPE_ACCUMULATION_LAB_EPOCHS 20

GtkWidget *slope_accumulation_lab_new            (void);
void       slope_accumulation_lab_backward       (SlopeAccumulationLab *self);
void       slope_accumulation_lab_zero_grad      (SlopeAccumulationLab *self);
void       slope_accumulation_lab_run            (SlopeAccumulationLab *self);
guint      slope_accumulation_lab_get_n_lines    (SlopeAccumulationLab *self);
char      *slope_accumulation_lab_get_text       (SlopeAccumulationLab *self);
double     slope_accumulation_lab_get_w_grad     (SlopeAccumulationLab *self);
void       slope_accumulation_lab_set_font_scale (SlopeAccumulationLab *self,
                                                  double                scale);

G_END_DECLS
