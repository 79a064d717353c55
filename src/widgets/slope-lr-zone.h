/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-lr-zone.h: the stable range of the learning rate, shaded under
 * the learning-rate slider. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SLOPE_TYPE_LR_ZONE (slope_lr_zone_get_type ())

G_DECLARE_FINAL_TYPE (SlopeLrZone, slope_lr_zone, SLOPE, LR_ZONE, GtkWidget)

GtkWidget *slope_lr_zone_new          (void);
void       slope_lr_zone_set_range    (SlopeLrZone *self,
                                       double       log_lo,
                                       double       log_hi);
void       slope_lr_zone_set_limit    (SlopeLrZone *self,
                                       double       lr_limit,
                                       gboolean     zero_grad);
void       slope_lr_zone_set_lr       (SlopeLrZone *self,
                                       double       lr);
gboolean   slope_lr_zone_is_stable    (SlopeLrZone *self,
                                       double       lr);
double     slope_lr_zone_fraction     (SlopeLrZone *self,
                                       double       lr);

G_END_DECLS
