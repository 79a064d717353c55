/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-autograd-expressions.c: how the tape writes its nodes, and the
 * lab's prebuilt expressions.
 *
 * Views show each node as the lesson writes it ("y = w²", "2·y"), so the
 * text is composed as nodes are added, with only the parentheses the
 * binding strengths need; naming a node is what makes later nodes refer to
 * it by name, as a Python variable would.  The autograd lab's four
 * expressions are built here too, next to the code text they come from.
 */
#include "config.h"

#include <math.h>

#include "slope-autograd-private.h"

/* Binding strength, for parentheses in the generated expressions. */
enum
{
  PREC_SUM = 1,
  PREC_PRODUCT,
  PREC_UNARY,
  PREC_POWER,
  PREC_ATOM,
};

/* ---- Text ------------------------------------------------------------ */

static void
format_constant (GString *out,
                 double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.6g", fabs (value));
  if (signbit (value) && value != 0.0)
    g_string_append (out, "−");
  g_string_append (out, buf);
}

static void
append_superscript (GString *out,
                    int      k)
{
  static const char *const digits[] = {
    "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹",
  };
  char buf[16];

  g_snprintf (buf, sizeof buf, "%d", k);
  for (const char *p = buf; *p != '\0'; p++)
    g_string_append (out, *p == '-' ? "⁻" : digits[*p - '0']);
}

static int
node_precedence (const SlopeTapeNode *node)
{
  if (node->name != NULL)
    return PREC_ATOM;

  switch (node->op)
    {
    case SLOPE_OP_CONST:
      return node->value < 0 ? PREC_UNARY : PREC_ATOM;
    case SLOPE_OP_VAR:
      return PREC_ATOM;
    case SLOPE_OP_ADD:
    case SLOPE_OP_SUB:
      return PREC_SUM;
    case SLOPE_OP_MUL:
    case SLOPE_OP_DIV:
      return PREC_PRODUCT;
    case SLOPE_OP_NEG:
      return PREC_UNARY;
    case SLOPE_OP_POW:
      return PREC_POWER;
    default:
      g_assert_not_reached ();
    }
}

/* How a consumer refers to a node: by its name if it has one. */
static void
append_operand (GString             *out,
                const SlopeTapeNode *node,
                gboolean             parenthesize)
{
  const char *text = node->name != NULL ? node->name : node->expr;

  if (parenthesize)
    g_string_append_printf (out, "(%s)", text);
  else
    g_string_append (out, text);
}

/* A new node's expression, from how its inputs are written; called before
 * the node is on the tape, so it cannot look itself up. */
char *
_slope_tape_compose_expr (SlopeTape           *self,
                          const SlopeTapeNode *node)
{
  static const char *const symbols[] = {
    [SLOPE_OP_ADD] = " + ",
    [SLOPE_OP_SUB] = " − ",
    [SLOPE_OP_MUL] = "·",
    [SLOPE_OP_DIV] = " / ",
  };
  GString *out = g_string_new (NULL);
  const SlopeTapeNode *a = node->n_inputs > 0 ? node_at (self, node->inputs[0]) : NULL;
  const SlopeTapeNode *b = node->n_inputs > 1 ? node_at (self, node->inputs[1]) : NULL;

  switch (node->op)
    {
    case SLOPE_OP_CONST:
      format_constant (out, node->value);
      break;

    case SLOPE_OP_VAR:
      /* Named right after it is added. */
      if (node->name != NULL)
        g_string_append (out, node->name);
      break;

    case SLOPE_OP_NEG:
      g_string_append (out, "−");
      append_operand (out, a, node_precedence (a) < PREC_ATOM);
      break;

    case SLOPE_OP_POW:
      append_operand (out, a, node_precedence (a) < PREC_ATOM);
      append_superscript (out, node->exponent);
      break;

    case SLOPE_OP_ADD:
    case SLOPE_OP_SUB:
    case SLOPE_OP_MUL:
    case SLOPE_OP_DIV:
      {
        int prec = node_precedence (node);
        /* a − (b − c) and a / (b / c) need their parentheses. */
        gboolean right_strict = node->op == SLOPE_OP_SUB || node->op == SLOPE_OP_DIV;

        append_operand (out, a, node_precedence (a) < prec);
        g_string_append (out, symbols[node->op]);
        append_operand (out, b, node_precedence (b) < prec ||
                                (right_strict && node_precedence (b) == prec));
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return g_string_free (out, FALSE);
}

/* "y = w²" for a named intermediate, the bare expression otherwise. */
void
_slope_tape_update_label (SlopeTapeNode *node)
{
  g_free (node->label);
  if (node->name != NULL && node->op != SLOPE_OP_VAR)
    node->label = g_strdup_printf ("%s = %s", node->name, node->expr);
  else
    node->label = g_strdup (node->expr);
}

/* ---- Names ----------------------------------------------------------- */

/**
 * slope_tape_set_name:
 * @name: a short name, e.g. "y"
 *
 * Names a node as a Python variable would: its label becomes
 * "y = w²" and nodes built from it afterwards say "2·y", not "2·w²".
 */
void
slope_tape_set_name (SlopeTape  *self,
                     guint       node,
                     const char *name)
{
  SlopeTapeNode *n;

  g_return_if_fail (SLOPE_IS_TAPE (self));
  g_return_if_fail (valid_node (self, node));
  g_return_if_fail (name != NULL);

  n = node_at (self, node);
  g_free (n->name);
  n->name = g_strdup (name);
  if (n->op == SLOPE_OP_VAR)
    {
      g_free (n->expr);
      n->expr = g_strdup (name);
    }
  _slope_tape_update_label (n);
}

/* Overrides what views show; the expression text is unchanged. */
void
slope_tape_set_label (SlopeTape  *self,
                      guint       node,
                      const char *label)
{
  SlopeTapeNode *n;

  g_return_if_fail (SLOPE_IS_TAPE (self));
  g_return_if_fail (valid_node (self, node));
  g_return_if_fail (label != NULL);

  n = node_at (self, node);
  g_free (n->label);
  n->label = g_strdup (label);
}

/* ---- The lab's expressions ------------------------------------------- */

static guint
build_expression (SlopeTape       *tape,
                  SlopeExpression  expr,
                  guint            w)
{
  guint y, z;

  switch (expr)
    {
    case SLOPE_EXPR_NOTEBOOK:
      y = slope_tape_pow (tape, w, 2);
      slope_tape_set_name (tape, y, "y");
      z = slope_tape_add (tape,
                          slope_tape_mul (tape, slope_tape_constant (tape, 2), y),
                          slope_tape_constant (tape, 5));
      break;

    case SLOPE_EXPR_TWO_W:
      z = slope_tape_mul (tape, slope_tape_constant (tape, 2), w);
      break;

    case SLOPE_EXPR_CUBIC:
      z = slope_tape_sub (tape,
                          slope_tape_pow (tape, w, 3),
                          slope_tape_mul (tape, slope_tape_constant (tape, 3), w));
      break;

    case SLOPE_EXPR_SQUARE_SHIFT:
      z = slope_tape_mul (tape,
                          slope_tape_constant (tape, 4),
                          slope_tape_pow (tape,
                                          slope_tape_sub (tape, w, slope_tape_constant (tape, 1)),
                                          2));
      break;

    default:
      g_return_val_if_reached (SLOPE_TAPE_NO_NODE);
    }

  slope_tape_set_name (tape, z, "z");
  return z;
}

/**
 * slope_tape_new_expression:
 * @w: the variable's initial value
 * @w_node: (out) (optional): the variable w
 * @output_node: (out) (optional): z
 *
 * Builds one of the lab's expressions as PyTorch would record it, with
 * its values computed.
 *
 * Returns: (transfer full): the tape
 */
SlopeTape *
slope_tape_new_expression (SlopeExpression  expr,
                           double           w,
                           guint           *w_node,
                           guint           *output_node)
{
  g_autoptr(SlopeTape) tape = NULL;
  guint w_id;
  guint z_id;

  g_return_val_if_fail ((guint) expr < SLOPE_N_EXPRESSIONS, NULL);

  tape = slope_tape_new ();
  w_id = slope_tape_variable (tape, "w", w);
  z_id = build_expression (tape, expr, w_id);

  if (w_node != NULL)
    *w_node = w_id;
  if (output_node != NULL)
    *output_node = z_id;
  return g_steal_pointer (&tape);
}

/* The expression as the lesson writes it in PyTorch, one statement a
 * line. */
const char *
slope_expression_get_code (SlopeExpression expr)
{
  switch (expr)
    {
    case SLOPE_EXPR_NOTEBOOK:
      return "y = w**2\nz = 2*y + 5";
    case SLOPE_EXPR_TWO_W:
      return "z = 2*w";
    case SLOPE_EXPR_CUBIC:
      return "z = w**3 - 3*w";
    case SLOPE_EXPR_SQUARE_SHIFT:
      return "z = 4*(w - 1)**2";
    default:
      g_return_val_if_reached (NULL);
    }
}
