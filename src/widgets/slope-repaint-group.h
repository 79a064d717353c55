/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-repaint-group.h: a container repainted as one rectangle.
 *
 * GTK repaints what changed between two frames, as a list of rectangles;
 * past 30 of them it gives up and repaints the whole window.  The side
 * panel's readouts change ten labels an epoch, each its own rectangle
 * beside the plots', which is enough to tip every frame of a playing
 * window over into a full repaint.  Inside this group any change repaints
 * the group's own area instead, one rectangle however many labels moved.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SLOPE_TYPE_REPAINT_GROUP (slope_repaint_group_get_type ())
G_DECLARE_FINAL_TYPE (SlopeRepaintGroup, slope_repaint_group, SLOPE, REPAINT_GROUP, GtkWidget)

GtkWidget *slope_repaint_group_new       (void);
void       slope_repaint_group_set_child (SlopeRepaintGroup *self,
                                          GtkWidget         *child);
GtkWidget *slope_repaint_group_get_child (SlopeRepaintGroup *self);

G_END_DECLS
