/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-edit-stack.h: undo and redo for points edited by hand.
 *
 * Datasets never change, so a step back is simply the dataset from before
 * the edit.  Each one is a full copy, so the stack keeps at most a given
 * number of points in all and forgets the oldest steps beyond that.
 */
#pragma once

#include <glib-object.h>

#include "slope-dataset.h"

G_BEGIN_DECLS

#define SLOPE_TYPE_EDIT_STACK (slope_edit_stack_get_type ())

G_DECLARE_FINAL_TYPE (SlopeEditStack, slope_edit_stack, SLOPE, EDIT_STACK, GObject)

/* 16 bytes a point: about 64 MB of undo history. */
#define SLOPE_EDIT_STACK_DEFAULT_MAX_POINTS (4 * 1000 * 1000)

SlopeEditStack *slope_edit_stack_new          (gsize           max_points);
void            slope_edit_stack_push         (SlopeEditStack *self,
                                               SlopeDataset   *before);
SlopeDataset   *slope_edit_stack_undo         (SlopeEditStack *self,
                                               SlopeDataset   *current);
SlopeDataset   *slope_edit_stack_redo         (SlopeEditStack *self,
                                               SlopeDataset   *current);
gboolean        slope_edit_stack_can_undo     (SlopeEditStack *self);
gboolean        slope_edit_stack_can_redo     (SlopeEditStack *self);
guint           slope_edit_stack_get_n_undo   (SlopeEditStack *self);
guint           slope_edit_stack_get_n_redo   (SlopeEditStack *self);
gsize           slope_edit_stack_get_n_points (SlopeEditStack *self);
void            slope_edit_stack_clear        (SlopeEditStack *self);
void            slope_edit_stack_mark_saved   (SlopeEditStack *self);
gboolean        slope_edit_stack_is_modified  (SlopeEditStack *self);

G_END_DECLS
