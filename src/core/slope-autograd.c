/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-autograd.c: a tape of scalar operations and its backward pass.
 *
 * Nodes are appended in the order they are built, so every node's inputs
 * have smaller ids and walking the ids downwards from the output is a
 * reverse topological order: when the walk reaches a node, every consumer
 * has already sent it its share of the gradient.  That makes the
 * step-by-step backward (for the animation) a cursor over (node, input)
 * and the whole backward just that cursor run to the end, so the two can
 * never disagree.
 *
 * How nodes are written, and the lab's prebuilt expressions, are in
 * slope-autograd-expressions.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-autograd-private.h"

G_DEFINE_FINAL_TYPE (SlopeTape, slope_tape, G_TYPE_OBJECT)

static void
slope_tape_node_clear (gpointer data)
{
  SlopeTapeNode *node = data;

  g_clear_pointer (&node->name, g_free);
  g_clear_pointer (&node->expr, g_free);
  g_clear_pointer (&node->label, g_free);
}

static void
slope_tape_finalize (GObject *object)
{
  SlopeTape *self = SLOPE_TAPE (object);

  g_clear_pointer (&self->nodes, g_array_unref);

  G_OBJECT_CLASS (slope_tape_parent_class)->finalize (object);
}

static void
slope_tape_class_init (SlopeTapeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = slope_tape_finalize;
}

static void
slope_tape_init (SlopeTape *self)
{
  self->nodes = g_array_new (FALSE, TRUE, sizeof (SlopeTapeNode));
  g_array_set_clear_func (self->nodes, slope_tape_node_clear);
  self->values_valid = TRUE;
}

/**
 * slope_tape_new:
 *
 * Returns: (transfer full): an empty tape
 */
SlopeTape *
slope_tape_new (void)
{
  return g_object_new (SLOPE_TYPE_TAPE, NULL);
}

/* ---- Forward --------------------------------------------------------- */

/* The node's value and the local derivatives of its edges, from its
 * inputs' values. */
static void
evaluate (SlopeTape *self,
          guint      id)
{
  SlopeTapeNode *node = node_at (self, id);
  double a = node->n_inputs > 0 ? node_at (self, node->inputs[0])->value : 0.0;
  double b = node->n_inputs > 1 ? node_at (self, node->inputs[1])->value : 0.0;
  int k = node->exponent;

  switch (node->op)
    {
    case SLOPE_OP_CONST:
    case SLOPE_OP_VAR:
      break;
    case SLOPE_OP_ADD:
      node->value = a + b;
      node->local[0] = 1.0;
      node->local[1] = 1.0;
      break;
    case SLOPE_OP_SUB:
      node->value = a - b;
      node->local[0] = 1.0;
      node->local[1] = -1.0;
      break;
    case SLOPE_OP_MUL:
      node->value = a * b;
      node->local[0] = b;
      node->local[1] = a;
      break;
    case SLOPE_OP_DIV:
      node->value = a / b;
      node->local[0] = 1.0 / b;
      node->local[1] = -a / (b * b);
      break;
    case SLOPE_OP_POW:
      node->value = pow (a, k);
      /* PyTorch special-cases k = 0 so that 0⁰ does not give 0·0⁻¹ = nan. */
      node->local[0] = k == 0 ? 0.0 : k * pow (a, k - 1);
      break;
    case SLOPE_OP_NEG:
      node->value = -a;
      node->local[0] = -1.0;
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Forgets the latest backward pass: its gradients belong to the old
 * forward values. */
static void
reset_pass (SlopeTape *self)
{
  for (guint i = 0; i < self->nodes->len; i++)
    {
      SlopeTapeNode *node = node_at (self, i);

      node->grad = 0.0;
      node->grad_reached = FALSE;
      node->edge_done[0] = node->edge_done[1] = FALSE;
    }
  self->in_progress = FALSE;
  self->has_last_edge = FALSE;
}

static guint
append_node (SlopeTape *self,
             SlopeOp    op,
             guint      n_inputs,
             guint      a,
             guint      b,
             int        exponent,
             double     value)
{
  SlopeTapeNode node = { 0, };
  guint id = self->nodes->len;

  node.op = op;
  node.n_inputs = n_inputs;
  node.inputs[0] = a;
  node.inputs[1] = b;
  node.exponent = exponent;
  node.value = value;
  node.requires_grad = op == SLOPE_OP_VAR;
  for (guint i = 0; i < n_inputs; i++)
    node.requires_grad |= node_at (self, node.inputs[i])->requires_grad;
  node.expr = _slope_tape_compose_expr (self, &node);
  _slope_tape_update_label (&node);

  g_array_append_val (self->nodes, node);
  evaluate (self, id);

  return id;
}

/**
 * slope_tape_variable:
 * @name: how expressions and views call it, e.g. "w"
 * @value: its initial value
 *
 * Adds a leaf that requires grad, like torch.tensor(value,
 * requires_grad=True).  Its .grad starts undefined ("None").
 */
guint
slope_tape_variable (SlopeTape  *self,
                     const char *name,
                     double      value)
{
  guint id;

  g_return_val_if_fail (SLOPE_IS_TAPE (self), SLOPE_TAPE_NO_NODE);
  g_return_val_if_fail (name != NULL, SLOPE_TAPE_NO_NODE);

  id = append_node (self, SLOPE_OP_VAR, 0, 0, 0, 0, value);
  slope_tape_set_name (self, id, name);
  return id;
}

guint
slope_tape_constant (SlopeTape *self,
                     double     value)
{
  g_return_val_if_fail (SLOPE_IS_TAPE (self), SLOPE_TAPE_NO_NODE);

  return append_node (self, SLOPE_OP_CONST, 0, 0, 0, 0, value);
}

static guint
binary (SlopeTape *self,
        SlopeOp    op,
        guint      a,
        guint      b)
{
  g_return_val_if_fail (SLOPE_IS_TAPE (self), SLOPE_TAPE_NO_NODE);
  g_return_val_if_fail (valid_node (self, a), SLOPE_TAPE_NO_NODE);
  g_return_val_if_fail (valid_node (self, b), SLOPE_TAPE_NO_NODE);

  return append_node (self, op, 2, a, b, 0, 0.0);
}

guint
slope_tape_add (SlopeTape *self,
                guint      a,
                guint      b)
{
  return binary (self, SLOPE_OP_ADD, a, b);
}

guint
slope_tape_sub (SlopeTape *self,
                guint      a,
                guint      b)
{
  return binary (self, SLOPE_OP_SUB, a, b);
}

guint
slope_tape_mul (SlopeTape *self,
                guint      a,
                guint      b)
{
  return binary (self, SLOPE_OP_MUL, a, b);
}

/* Division by zero gives inf or nan, as in C and PyTorch. */
guint
slope_tape_div (SlopeTape *self,
                guint      a,
                guint      b)
{
  return binary (self, SLOPE_OP_DIV, a, b);
}

/**
 * slope_tape_pow:
 * @k: the exponent, any integer; negative ones divide, so a zero base
 *   gives inf as in C
 */
guint
slope_tape_pow (SlopeTape *self,
                guint      a,
                int        k)
{
  g_return_val_if_fail (SLOPE_IS_TAPE (self), SLOPE_TAPE_NO_NODE);
  g_return_val_if_fail (valid_node (self, a), SLOPE_TAPE_NO_NODE);

  return append_node (self, SLOPE_OP_POW, 1, a, 0, k, 0.0);
}

guint
slope_tape_neg (SlopeTape *self,
                guint      a)
{
  g_return_val_if_fail (SLOPE_IS_TAPE (self), SLOPE_TAPE_NO_NODE);
  g_return_val_if_fail (valid_node (self, a), SLOPE_TAPE_NO_NODE);

  return append_node (self, SLOPE_OP_NEG, 1, a, 0, 0, 0.0);
}

/**
 * slope_tape_set_value:
 * @var: a variable or constant
 *
 * Changes a leaf.  The other nodes keep their old values, as they would in
 * PyTorch until the expression is evaluated again: call
 * slope_tape_forward() (slope_tape_backward_begin() does it if needed).
 * Any backward pass is forgotten, but .grad buffers are kept.
 */
void
slope_tape_set_value (SlopeTape *self,
                      guint      var,
                      double     value)
{
  SlopeTapeNode *n;

  g_return_if_fail (SLOPE_IS_TAPE (self));
  g_return_if_fail (valid_node (self, var));

  n = node_at (self, var);
  g_return_if_fail (n->n_inputs == 0);

  n->value = value;
  self->values_valid = FALSE;
  reset_pass (self);
}

/* FALSE between slope_tape_set_value() and the next forward. */
gboolean
slope_tape_has_values (SlopeTape *self)
{
  g_return_val_if_fail (SLOPE_IS_TAPE (self), FALSE);

  return self->values_valid;
}

/* Recomputes every value and local derivative, and forgets the latest
 * backward pass (a new forward is a new graph in PyTorch). */
void
slope_tape_forward (SlopeTape *self)
{
  g_return_if_fail (SLOPE_IS_TAPE (self));

  for (guint i = 0; i < self->nodes->len; i++)
    evaluate (self, i);
  self->values_valid = TRUE;
  reset_pass (self);
}

/* ---- Backward -------------------------------------------------------- */

/* What flows along an edge.  Mostly grad · local, but division is computed
 * as PyTorch's DivBackward does, so the results round the same way. */
static double
edge_flow (const SlopeTapeNode *node,
           guint                input,
           double               a,
           double               b)
{
  if (node->op == SLOPE_OP_DIV)
    return input == 0 ? node->grad / b : (-node->grad * a) / (b * b);

  return node->grad * node->local[input];
}

/* Moves the cursor to the next edge gradient flows along.  A variable's
 * gradient is complete once the cursor is past it (all its consumers have
 * larger ids), so that is when it is added to the .grad buffer. */
static void
advance_cursor (SlopeTape *self)
{
  while (self->in_progress)
    {
      SlopeTapeNode *node = node_at (self, self->cursor_node);

      if (node->grad_reached)
        {
          for (; self->cursor_input < node->n_inputs; self->cursor_input++)
            {
              guint input = node->inputs[self->cursor_input];

              if (node_at (self, input)->requires_grad)
                return;
            }

          if (node->op == SLOPE_OP_VAR)
            {
              node->grad_buffer += node->grad;
              node->grad_defined = TRUE;
            }
        }

      if (self->cursor_node == 0)
        self->in_progress = FALSE;
      else
        self->cursor_node--;
      self->cursor_input = 0;
    }
}

/**
 * slope_tape_backward_begin:
 * @output: the node to differentiate, z in z.backward()
 *
 * Starts a backward pass: seeds ∂z/∂z = 1 and clears the previous pass's
 * intermediate gradients, but not the variables' .grad buffers.  Runs the
 * forward pass first if a value changed since the last one.  Nothing flows
 * if @output does not depend on any variable (PyTorch would raise).
 */
void
slope_tape_backward_begin (SlopeTape *self,
                           guint      output)
{
  SlopeTapeNode *out;

  g_return_if_fail (SLOPE_IS_TAPE (self));
  g_return_if_fail (valid_node (self, output));

  if (!self->values_valid)
    slope_tape_forward (self);
  reset_pass (self);

  out = node_at (self, output);
  out->grad = 1.0;
  out->grad_reached = TRUE;

  self->cursor_node = output;
  self->cursor_input = 0;
  self->in_progress = TRUE;
  advance_cursor (self);
}

/**
 * slope_tape_backward_step:
 * @edge: (out) (optional): the edge just processed
 *
 * Sends the gradient along one edge, from a node whose gradient is complete
 * to one of its inputs.  When the last edge into a variable has been
 * processed its .grad buffer is updated in the same call.
 *
 * Returns: FALSE, doing nothing, if no pass is in progress
 */
gboolean
slope_tape_backward_step (SlopeTape *self,
                          SlopeEdge *edge)
{
  SlopeTapeNode *node;
  SlopeTapeNode *input;
  SlopeEdge step;

  g_return_val_if_fail (SLOPE_IS_TAPE (self), FALSE);

  if (!self->in_progress)
    return FALSE;

  node = node_at (self, self->cursor_node);
  input = node_at (self, node->inputs[self->cursor_input]);

  step.node = self->cursor_node;
  step.input = self->cursor_input;
  step.input_node = node->inputs[self->cursor_input];
  step.local = node->local[step.input];
  step.grad_out = node->grad;
  step.flowed = edge_flow (node, step.input,
                           node_at (self, node->inputs[0])->value,
                           node->n_inputs > 1 ? node_at (self, node->inputs[1])->value : 0.0);

  input->grad += step.flowed;
  input->grad_reached = TRUE;
  node->edge_done[step.input] = TRUE;
  self->last_edge = step;
  self->has_last_edge = TRUE;

  self->cursor_input++;
  advance_cursor (self);

  if (edge != NULL)
    *edge = step;
  return TRUE;
}

/* TRUE while edges remain; FALSE as soon as the last one is processed. */
gboolean
slope_tape_backward_in_progress (SlopeTape *self)
{
  g_return_val_if_fail (SLOPE_IS_TAPE (self), FALSE);

  return self->in_progress;
}

/**
 * slope_tape_get_last_edge:
 * @edge: (out): the edge the latest step processed
 *
 * For views that emphasise the edge being animated.
 *
 * Returns: FALSE if no edge was processed since the last backward_begin,
 *   forward or set_value
 */
gboolean
slope_tape_get_last_edge (SlopeTape *self,
                          SlopeEdge *edge)
{
  g_return_val_if_fail (SLOPE_IS_TAPE (self), FALSE);
  g_return_val_if_fail (edge != NULL, FALSE);

  if (self->has_last_edge)
    *edge = self->last_edge;
  return self->has_last_edge;
}

/**
 * slope_tape_backward:
 * @output: z in z.backward()
 *
 * The whole pass at once: adds ∂output/∂v into each variable v's .grad.
 * Abandons a step-by-step pass in progress.
 */
void
slope_tape_backward (SlopeTape *self,
                     guint      output)
{
  g_return_if_fail (SLOPE_IS_TAPE (self));
  g_return_if_fail (valid_node (self, output));

  slope_tape_backward_begin (self, output);
  while (slope_tape_backward_step (self, NULL))
    ;
}

/* w.grad: 0.0 while undefined, check slope_tape_has_grad(). */
double
slope_tape_get_grad (SlopeTape *self,
                     guint      var)
{
  g_return_val_if_fail (SLOPE_IS_TAPE (self), 0.0);
  g_return_val_if_fail (valid_node (self, var), 0.0);

  return node_at (self, var)->grad_buffer;
}

/* FALSE while w.grad would print None: no backward has reached it yet. */
gboolean
slope_tape_has_grad (SlopeTape *self,
                     guint      var)
{
  g_return_val_if_fail (SLOPE_IS_TAPE (self), FALSE);
  g_return_val_if_fail (valid_node (self, var), FALSE);

  return node_at (self, var)->grad_defined;
}

/* w.grad.zero_() for every variable: the buffers stay defined, at 0.  The
 * latest pass's intermediate gradients are left for views to show. */
void
slope_tape_zero_grad (SlopeTape *self)
{
  g_return_if_fail (SLOPE_IS_TAPE (self));

  for (guint i = 0; i < self->nodes->len; i++)
    node_at (self, i)->grad_buffer = 0.0;
}

guint
slope_tape_get_n_nodes (SlopeTape *self)
{
  g_return_val_if_fail (SLOPE_IS_TAPE (self), 0);

  return self->nodes->len;
}

/**
 * slope_tape_get_node:
 *
 * Returns: (transfer none): the node, valid until another is added
 */
const SlopeTapeNode *
slope_tape_get_node (SlopeTape *self,
                     guint      node)
{
  g_return_val_if_fail (SLOPE_IS_TAPE (self), NULL);
  g_return_val_if_fail (valid_node (self, node), NULL);

  return node_at (self, node);
}

