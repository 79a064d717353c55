/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-edit-stack.c: undo and redo for points edited by hand.
 *
 * The past holds the datasets from before each edit, oldest at the head;
 * the future holds the ones undone, the next to redo at the head.  Whether
 * there are unsaved edits is a matter of position: each push or redo moves
 * one step forward, each undo one step back, and the data is as saved when
 * the position is the one that was saved.
 */
#include "config.h"

#include "slope-edit-stack.h"

/* A saved state that no undo or redo can reach any more. */
#define UNREACHABLE G_MININT64

struct _SlopeEditStack
{
  GObject  parent_instance;

  GQueue   past;          /* SlopeDataset *, owned */
  GQueue   future;        /* SlopeDataset *, owned */
  gsize    n_points;      /* in past and future together */
  gsize    max_points;
  gint64   position;
  gint64   saved_position;
};

G_DEFINE_FINAL_TYPE (SlopeEditStack, slope_edit_stack, G_TYPE_OBJECT)

static SlopeDataset *
pop_head (SlopeEditStack *self,
          GQueue         *queue)
{
  SlopeDataset *dataset = g_queue_pop_head (queue);

  self->n_points -= slope_dataset_get_n (dataset);
  return dataset;
}

static SlopeDataset *
pop_tail (SlopeEditStack *self,
          GQueue         *queue)
{
  SlopeDataset *dataset = g_queue_pop_tail (queue);

  self->n_points -= slope_dataset_get_n (dataset);
  return dataset;
}

static void
push_head (SlopeEditStack *self,
           GQueue         *queue,
           SlopeDataset   *dataset)
{
  g_queue_push_head (queue, g_object_ref (dataset));
  self->n_points += slope_dataset_get_n (dataset);
}

static void
push_tail (SlopeEditStack *self,
           GQueue         *queue,
           SlopeDataset   *dataset)
{
  g_queue_push_tail (queue, g_object_ref (dataset));
  self->n_points += slope_dataset_get_n (dataset);
}

static void
drop_all (SlopeEditStack *self,
          GQueue         *queue)
{
  while (!g_queue_is_empty (queue))
    g_object_unref (pop_head (self, queue));
}

static void
slope_edit_stack_dispose (GObject *object)
{
  SlopeEditStack *self = SLOPE_EDIT_STACK (object);

  drop_all (self, &self->past);
  drop_all (self, &self->future);

  G_OBJECT_CLASS (slope_edit_stack_parent_class)->dispose (object);
}

static void
slope_edit_stack_class_init (SlopeEditStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = slope_edit_stack_dispose;
}

static void
slope_edit_stack_init (SlopeEditStack *self)
{
  g_queue_init (&self->past);
  g_queue_init (&self->future);
  self->max_points = SLOPE_EDIT_STACK_DEFAULT_MAX_POINTS;
}

/**
 * slope_edit_stack_new:
 * @max_points: how many points the kept datasets may hold in all; 0 for
 *   the default
 */
SlopeEditStack *
slope_edit_stack_new (gsize max_points)
{
  SlopeEditStack *self = g_object_new (SLOPE_TYPE_EDIT_STACK, NULL);

  if (max_points > 0)
    self->max_points = max_points;
  return self;
}

/**
 * slope_edit_stack_push:
 * @before: the dataset as it was before an edit
 *
 * Records one edit.  What was undone can no longer be redone, and the
 * oldest steps go when the stack holds too many points.
 */
void
slope_edit_stack_push (SlopeEditStack *self,
                       SlopeDataset   *before)
{
  g_return_if_fail (SLOPE_IS_EDIT_STACK (self));
  g_return_if_fail (SLOPE_IS_DATASET (before));

  drop_all (self, &self->future);
  if (self->saved_position > self->position)
    self->saved_position = UNREACHABLE;

  push_tail (self, &self->past, before);
  self->position++;

  while (self->n_points > self->max_points && !g_queue_is_empty (&self->past))
    g_object_unref (pop_head (self, &self->past));
}

/**
 * slope_edit_stack_undo:
 * @current: the dataset shown now, kept for redo
 *
 * Returns: (transfer full) (nullable): the dataset from before the last
 * edit, or %NULL if there is nothing to undo
 */
SlopeDataset *
slope_edit_stack_undo (SlopeEditStack *self,
                       SlopeDataset   *current)
{
  g_return_val_if_fail (SLOPE_IS_EDIT_STACK (self), NULL);
  g_return_val_if_fail (SLOPE_IS_DATASET (current), NULL);

  if (g_queue_is_empty (&self->past))
    return NULL;

  push_head (self, &self->future, current);
  self->position--;
  return pop_tail (self, &self->past);
}

/**
 * slope_edit_stack_redo:
 * @current: the dataset shown now, kept for undo
 *
 * Returns: (transfer full) (nullable): the dataset the last undo went back
 * from, or %NULL if there is nothing to redo
 */
SlopeDataset *
slope_edit_stack_redo (SlopeEditStack *self,
                       SlopeDataset   *current)
{
  g_return_val_if_fail (SLOPE_IS_EDIT_STACK (self), NULL);
  g_return_val_if_fail (SLOPE_IS_DATASET (current), NULL);

  if (g_queue_is_empty (&self->future))
    return NULL;

  push_tail (self, &self->past, current);
  self->position++;
  return pop_head (self, &self->future);
}

gboolean
slope_edit_stack_can_undo (SlopeEditStack *self)
{
  g_return_val_if_fail (SLOPE_IS_EDIT_STACK (self), FALSE);

  return !g_queue_is_empty (&self->past);
}

gboolean
slope_edit_stack_can_redo (SlopeEditStack *self)
{
  g_return_val_if_fail (SLOPE_IS_EDIT_STACK (self), FALSE);

  return !g_queue_is_empty (&self->future);
}

guint
slope_edit_stack_get_n_undo (SlopeEditStack *self)
{
  g_return_val_if_fail (SLOPE_IS_EDIT_STACK (self), 0);

  return self->past.length;
}

guint
slope_edit_stack_get_n_redo (SlopeEditStack *self)
{
  g_return_val_if_fail (SLOPE_IS_EDIT_STACK (self), 0);

  return self->future.length;
}

/* The points held by the kept datasets, not counting the current one. */
gsize
slope_edit_stack_get_n_points (SlopeEditStack *self)
{
  g_return_val_if_fail (SLOPE_IS_EDIT_STACK (self), 0);

  return self->n_points;
}

/* Forgets every step: new data, which is as saved. */
void
slope_edit_stack_clear (SlopeEditStack *self)
{
  g_return_if_fail (SLOPE_IS_EDIT_STACK (self));

  drop_all (self, &self->past);
  drop_all (self, &self->future);
  self->position = 0;
  self->saved_position = 0;
}

/* The current dataset has been written out. */
void
slope_edit_stack_mark_saved (SlopeEditStack *self)
{
  g_return_if_fail (SLOPE_IS_EDIT_STACK (self));

  self->saved_position = self->position;
}

gboolean
slope_edit_stack_is_modified (SlopeEditStack *self)
{
  g_return_val_if_fail (SLOPE_IS_EDIT_STACK (self), FALSE);

  return self->position != self->saved_position;
}
