/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-math-view.h: the epoch's arithmetic, written out with its numbers. */
#pragma once

#include <gtk/gtk.h>

#include "slope-scaling.h"
#include "slope-trainer.h"

G_BEGIN_DECLS

#define SLOPE_TYPE_MATH_VIEW (slope_math_view_get_type ())

G_DECLARE_FINAL_TYPE (SlopeMathView, slope_math_view, SLOPE, MATH_VIEW, GtkWidget)

GtkWidget  *slope_math_view_new            (void);
void        slope_math_view_update         (SlopeMathView           *self,
                                            const SlopeTrainerState *state,
                                            double                   w_before,
                                            double                   b_before,
                                            SlopeDataset            *dataset,
                                            const SlopeScaling      *scaling);
void        slope_math_view_set_font_scale (SlopeMathView           *self,
                                            double                   scale);
double      slope_math_view_get_font_scale (SlopeMathView           *self);
double      slope_math_view_get_fit_scale  (SlopeMathView           *self);
gboolean    slope_math_view_get_stacked    (SlopeMathView           *self);
const char *slope_math_view_get_text       (SlopeMathView           *self);

G_END_DECLS
