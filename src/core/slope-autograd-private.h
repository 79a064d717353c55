/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-autograd-private.h: what slope-autograd.c (the tape and its passes)
 * and slope-autograd-expressions.c (how nodes are written) share.
 *
 * Private to src/core: callers see only the read-only SlopeTapeNode.
 */
#pragma once

#include "slope-autograd.h"

G_BEGIN_DECLS

struct _SlopeTape
{
  GObject    parent_instance;

  GArray    *nodes;          /* SlopeTapeNode */
  gboolean   values_valid;   /* FALSE after set_value, until forward */

  /* The backward pass in progress: the next edge is
   * (cursor_node, cursor_input). */
  gboolean   in_progress;
  guint      cursor_node;
  guint      cursor_input;
  gboolean   has_last_edge;
  SlopeEdge  last_edge;
};

static inline SlopeTapeNode *
node_at (SlopeTape *self,
         guint      id)
{
  return &g_array_index (self->nodes, SlopeTapeNode, id);
}

static inline gboolean
valid_node (SlopeTape *self,
            guint      id)
{
  return id < self->nodes->len;
}

char *_slope_tape_compose_expr (SlopeTape           *self,
                                const SlopeTapeNode *node);
void  _slope_tape_update_label (SlopeTapeNode       *node);

G_END_DECLS
