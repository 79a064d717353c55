/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-autograd.h: reverse-mode automatic differentiation of scalar
 * expressions, the way PyTorch's autograd does it.
 *
 * The lesson's second half is about what z.backward() actually does, so the
 * tape keeps every intermediate (values, local derivatives, the gradient
 * that reached each node) where a view can show it, and can run the
 * backward pass one edge at a time for the animation.
 *
 * Semantics follow PyTorch: building a node computes its value at once
 * (define-by-run); backward() adds ∂output/∂w into each variable's .grad,
 * which keeps accumulating across calls until zero_grad(); the gradients of
 * intermediate nodes are those of the latest backward pass only.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SLOPE_TYPE_TAPE (slope_tape_get_type ())

G_DECLARE_FINAL_TYPE (SlopeTape, slope_tape, SLOPE, TAPE, GObject)

/* Returned instead of a node id when there is none. */
#define SLOPE_TAPE_NO_NODE G_MAXUINT

typedef enum
{
  SLOPE_OP_CONST,   /* a number; no gradient flows into it */
  SLOPE_OP_VAR,     /* a leaf with requires_grad=True and a .grad buffer */
  SLOPE_OP_ADD,
  SLOPE_OP_SUB,
  SLOPE_OP_MUL,
  SLOPE_OP_DIV,
  SLOPE_OP_POW,     /* a ** k, k an integer */
  SLOPE_OP_NEG,
} SlopeOp;

/* One node, read-only for callers.  The pointer stays valid until the
 * next node is added to the tape. */
typedef struct
{
  SlopeOp   op;
  guint     n_inputs;        /* 0, 1 or 2 */
  guint     inputs[2];       /* node ids, always smaller than this node's */
  int       exponent;        /* POW only */
  char     *name;            /* "w", "y", "z"; NULL for unnamed temporaries */
  char     *expr;            /* "w²", "2·y", "(w − 1)²"; a number for CONST */
  char     *label;           /* what a view shows: "y = w²", "2·y", "w", "2" */
  gboolean  requires_grad;   /* a variable, or depends on one */
  double    value;           /* forward value */
  double    local[2];        /* ∂node/∂inputs[i] at the forward values */
  /* The latest backward pass (reset by backward_begin and forward): */
  double    grad;            /* ∂output/∂node, summed over the edges done */
  gboolean  grad_reached;    /* some gradient arrived (or this is the output) */
  gboolean  edge_done[2];    /* inputs[i]'s edge has been processed */
  /* VAR only: PyTorch's w.grad, which survives backward passes. */
  double    grad_buffer;
  gboolean  grad_defined;    /* FALSE until a backward reaches it: "None" */
} SlopeTapeNode;

/* One step of the backward pass: gradient flowing from node to one of its
 * inputs. */
typedef struct
{
  guint  node;         /* the consumer, whose gradient is complete */
  guint  input;        /* 0 or 1: which of its inputs */
  guint  input_node;   /* the node the gradient flows into */
  double local;        /* ∂node/∂input_node */
  double grad_out;     /* ∂output/∂node */
  double flowed;       /* grad_out · local, added to input_node's grad */
} SlopeEdge;

/* The autograd lab's expressions. */
typedef enum
{
  SLOPE_EXPR_NOTEBOOK,       /* y = w**2; z = 2*y + 5 */
  SLOPE_EXPR_TWO_W,          /* z = 2*w */
  SLOPE_EXPR_CUBIC,          /* z = w**3 - 3*w */
  SLOPE_EXPR_SQUARE_SHIFT,   /* z = 4*(w - 1)**2 */
} SlopeExpression;

#define SLOPE_N_EXPRESSIONS 4

SlopeTape           *slope_tape_new                 (void);

/* Building.  Each returns the new node's id. */
guint                slope_tape_variable            (SlopeTape       *self,
                                                     const char      *name,
                                                     double           value);
guint                slope_tape_constant            (SlopeTape       *self,
                                                     double           value);
guint                slope_tape_add                 (SlopeTape       *self,
                                                     guint            a,
                                                     guint            b);
guint                slope_tape_sub                 (SlopeTape       *self,
                                                     guint            a,
                                                     guint            b);
guint                slope_tape_mul                 (SlopeTape       *self,
                                                     guint            a,
                                                     guint            b);
guint                slope_tape_div                 (SlopeTape       *self,
                                                     guint            a,
                                                     guint            b);
guint                slope_tape_pow                 (SlopeTape       *self,
                                                     guint            a,
                                                     int              k);
guint                slope_tape_neg                 (SlopeTape       *self,
                                                     guint            a);
void                 slope_tape_set_name            (SlopeTape       *self,
                                                     guint            node,
                                                     const char      *name);
void                 slope_tape_set_label           (SlopeTape       *self,
                                                     guint            node,
                                                     const char      *label);

/* Forward. */
void                 slope_tape_set_value           (SlopeTape       *self,
                                                     guint            var,
                                                     double           value);
gboolean             slope_tape_has_values          (SlopeTape       *self);
void                 slope_tape_forward             (SlopeTape       *self);

/* Backward. */
void                 slope_tape_backward            (SlopeTape       *self,
                                                     guint            output);
void                 slope_tape_backward_begin      (SlopeTape       *self,
                                                     guint            output);
gboolean             slope_tape_backward_step       (SlopeTape       *self,
                                                     SlopeEdge       *edge);
gboolean             slope_tape_backward_in_progress (SlopeTape      *self);
gboolean             slope_tape_get_last_edge       (SlopeTape       *self,
                                                     SlopeEdge       *edge);
guint                slope_tape_get_backward_output (SlopeTape       *self);
double               slope_tape_get_grad            (SlopeTape       *self,
                                                     guint            var);
gboolean             slope_tape_has_grad            (SlopeTape       *self,
                                                     guint            var);
void                 slope_tape_zero_grad           (SlopeTape       *self);

/* Reading, for views. */
guint                slope_tape_get_n_nodes         (SlopeTape       *self);
const SlopeTapeNode *slope_tape_get_node            (SlopeTape       *self,
                                                     guint            node);

/* The lab's expressions. */
SlopeTape           *slope_tape_new_expression      (SlopeExpression  expr,
                                                     double           w,
                                                     guint           *w_node,
                                                     guint           *output_node);
const char          *slope_expression_get_code      (SlopeExpression  expr);

G_END_DECLS
