/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-autograd.c: the tape against the lesson's printed gradients, hand
 * derivatives and finite differences, and the step-by-step backward against
 * the whole one. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-autograd.h"

static const double sample_w[] = { -2.0, -0.5, 0.0, 1.0, 2.0, 3.5 };

/* The notebook's code, built by hand:
 *   w = torch.tensor(2.0, requires_grad=True)
 *   y = w**2
 *   z = 2*y + 5 */
static SlopeTape *
notebook_tape (guint *w,
               guint *y,
               guint *z)
{
  SlopeTape *tape = slope_tape_new ();

  *w = slope_tape_variable (tape, "w", 2.0);
  *y = slope_tape_pow (tape, *w, 2);
  *z = slope_tape_add (tape,
                       slope_tape_mul (tape, slope_tape_constant (tape, 2), *y),
                       slope_tape_constant (tape, 5));
  return tape;
}

static void
test_notebook_gradient (void)
{
  guint w, y, z;
  g_autoptr(SlopeTape) tape = notebook_tape (&w, &y, &z);

  g_assert_cmpfloat (slope_tape_get_node (tape, y)->value, ==, 4.0);
  g_assert_cmpfloat (slope_tape_get_node (tape, z)->value, ==, 13.0);
  g_assert_false (slope_tape_has_grad (tape, w));

  slope_tape_backward (tape, z);

  g_assert_true (slope_tape_has_grad (tape, w));
  g_assert_cmpfloat (slope_tape_get_grad (tape, w), ==, 8.0);
  g_assert_cmpfloat (slope_tape_get_node (tape, z)->grad, ==, 1.0);
  g_assert_cmpfloat (slope_tape_get_node (tape, y)->grad, ==, 2.0);
  g_assert_false (slope_tape_backward_in_progress (tape));
}

/* for epoch in range(1, 21): z = 2*w; z.backward(); print(w.grad) */
static void
test_accumulation_twenty_epochs (void)
{
  g_autoptr(SlopeTape) tape = slope_tape_new ();
  guint w = slope_tape_variable (tape, "w", 2.0);

  for (guint epoch = 1; epoch <= 20; epoch++)
    {
      /* PyTorch records a new z each epoch; the old one stays on the tape
       * unused, which must not matter. */
      guint z = slope_tape_mul (tape, slope_tape_constant (tape, 2), w);

      slope_tape_backward (tape, z);
      g_assert_cmpfloat (slope_tape_get_grad (tape, w), ==, 2.0 * epoch);
    }

  /* The lab's way: one prebuilt z, backward pressed 20 times. */
  {
    guint w2, z2;
    g_autoptr(SlopeTape) lab = slope_tape_new_expression (SLOPE_EXPR_TWO_W, 2.0, &w2, &z2);

    for (guint epoch = 1; epoch <= 20; epoch++)
      {
        slope_tape_backward (lab, z2);
        g_assert_cmpfloat (slope_tape_get_grad (lab, w2), ==, 2.0 * epoch);
      }
    g_assert_cmpfloat (slope_tape_get_grad (lab, w2), ==, 40.0);
  }
}

static void
test_backward_twice_doubles (void)
{
  guint w, z;
  g_autoptr(SlopeTape) tape = slope_tape_new_expression (SLOPE_EXPR_NOTEBOOK, 2.0, &w, &z);

  for (guint i = 1; i <= 4; i++)
    {
      slope_tape_backward (tape, z);
      g_assert_cmpfloat (slope_tape_get_grad (tape, w), ==, 8.0 * i);
      /* Intermediate gradients are the latest pass's, not summed. */
      g_assert_cmpfloat (slope_tape_get_node (tape, z)->grad, ==, 1.0);
    }
}

static void
test_zero_grad_clears (void)
{
  guint w, z;
  g_autoptr(SlopeTape) tape = slope_tape_new_expression (SLOPE_EXPR_NOTEBOOK, 2.0, &w, &z);

  slope_tape_backward (tape, z);
  slope_tape_backward (tape, z);
  g_assert_cmpfloat (slope_tape_get_grad (tape, w), ==, 16.0);

  slope_tape_zero_grad (tape);
  g_assert_cmpfloat (slope_tape_get_grad (tape, w), ==, 0.0);
  /* w.grad.zero_() leaves a tensor of zeros, not None. */
  g_assert_true (slope_tape_has_grad (tape, w));

  slope_tape_backward (tape, z);
  g_assert_cmpfloat (slope_tape_get_grad (tape, w), ==, 8.0);
}

static void
expected_expression (SlopeExpression expr,
                     double          w,
                     double         *value,
                     double         *grad)
{
  switch (expr)
    {
    case SLOPE_EXPR_NOTEBOOK:
      *value = 2 * w * w + 5;
      *grad = 2 * 2 * w;
      break;
    case SLOPE_EXPR_TWO_W:
      *value = 2 * w;
      *grad = 2;
      break;
    case SLOPE_EXPR_CUBIC:
      *value = w * w * w - 3 * w;
      *grad = 3 * w * w - 3;
      break;
    case SLOPE_EXPR_SQUARE_SHIFT:
      *value = 4 * (w - 1) * (w - 1);
      *grad = 8 * (w - 1);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_expressions (void)
{
  for (guint e = 0; e < SLOPE_N_EXPRESSIONS; e++)
    {
      guint w, z;
      g_autoptr(SlopeTape) tape = slope_tape_new_expression (e, 0.0, &w, &z);

      g_assert_nonnull (slope_expression_get_code (e));
      for (guint i = 0; i < G_N_ELEMENTS (sample_w); i++)
        {
          double value, grad;

          expected_expression (e, sample_w[i], &value, &grad);

          /* The window's way: change w, forward, backward, zero_grad. */
          slope_tape_set_value (tape, w, sample_w[i]);
          slope_tape_forward (tape);
          g_assert_cmpfloat_with_epsilon (slope_tape_get_node (tape, z)->value, value, 1e-12);

          slope_tape_zero_grad (tape);
          slope_tape_backward (tape, z);
          g_assert_cmpfloat_with_epsilon (slope_tape_get_grad (tape, w), grad, 1e-12);
        }
    }
}

static void
test_expression_labels (void)
{
  static const struct {
    SlopeExpression expr;
    const char *z_label;
    const char *code;
  } cases[] = {
    { SLOPE_EXPR_NOTEBOOK, "z = 2·y + 5", "y = w**2\nz = 2*y + 5" },
    { SLOPE_EXPR_TWO_W, "z = 2·w", "z = 2*w" },
    { SLOPE_EXPR_CUBIC, "z = w³ − 3·w", "z = w**3 - 3*w" },
    { SLOPE_EXPR_SQUARE_SHIFT, "z = 4·(w − 1)²", "z = 4*(w - 1)**2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint w, z;
      g_autoptr(SlopeTape) tape = slope_tape_new_expression (cases[i].expr, 2.0, &w, &z);

      g_assert_cmpstr (slope_tape_get_node (tape, z)->label, ==, cases[i].z_label);
      g_assert_cmpstr (slope_tape_get_node (tape, w)->label, ==, "w");
      g_assert_cmpstr (slope_expression_get_code (cases[i].expr), ==, cases[i].code);
    }
}

static void
test_labels (void)
{
  g_autoptr(SlopeTape) tape = slope_tape_new ();
  guint a = slope_tape_variable (tape, "a", 1.0);
  guint b = slope_tape_variable (tape, "b", 2.0);
  guint c = slope_tape_constant (tape, -1.5);
  guint ab = slope_tape_sub (tape, a, b);
  guint diff = slope_tape_sub (tape, a, ab);
  guint quot = slope_tape_div (tape, ab, slope_tape_mul (tape, a, b));
  guint p = slope_tape_pow (tape, c, -2);
  guint n = slope_tape_neg (tape, ab);

  g_assert_cmpstr (slope_tape_get_node (tape, c)->label, ==, "−1.5");
  g_assert_cmpstr (slope_tape_get_node (tape, ab)->label, ==, "a − b");
  g_assert_cmpstr (slope_tape_get_node (tape, diff)->label, ==, "a − (a − b)");
  g_assert_cmpstr (slope_tape_get_node (tape, quot)->label, ==, "(a − b) / (a·b)");
  g_assert_cmpstr (slope_tape_get_node (tape, p)->label, ==, "(−1.5)⁻²");
  g_assert_cmpstr (slope_tape_get_node (tape, n)->label, ==, "−(a − b)");

  slope_tape_set_name (tape, ab, "u");
  g_assert_cmpstr (slope_tape_get_node (tape, ab)->label, ==, "u = a − b");
  g_assert_cmpstr (slope_tape_get_node (tape, slope_tape_pow (tape, ab, 12))->label, ==, "u¹²");

  slope_tape_set_label (tape, ab, "difference");
  g_assert_cmpstr (slope_tape_get_node (tape, ab)->label, ==, "difference");
}

/* One operation on two variables x and y, checked against its hand
 * derivatives and a central finite difference. */
typedef guint (*BuildFunc) (SlopeTape *tape, guint x, guint y);

static guint build_add (SlopeTape *t, guint x, guint y) { return slope_tape_add (t, x, y); }
static guint build_sub (SlopeTape *t, guint x, guint y) { return slope_tape_sub (t, x, y); }
static guint build_mul (SlopeTape *t, guint x, guint y) { return slope_tape_mul (t, x, y); }
static guint build_div (SlopeTape *t, guint x, guint y) { return slope_tape_div (t, x, y); }
static guint build_neg (SlopeTape *t, guint x, guint y) { return slope_tape_neg (t, x); }
static guint build_pow0 (SlopeTape *t, guint x, guint y) { return slope_tape_pow (t, x, 0); }
static guint build_pow1 (SlopeTape *t, guint x, guint y) { return slope_tape_pow (t, x, 1); }
static guint build_pow2 (SlopeTape *t, guint x, guint y) { return slope_tape_pow (t, x, 2); }
static guint build_pow3 (SlopeTape *t, guint x, guint y) { return slope_tape_pow (t, x, 3); }
static guint build_pow_minus1 (SlopeTape *t, guint x, guint y) { return slope_tape_pow (t, x, -1); }

static double
central_difference (SlopeTape *tape,
                    guint      var,
                    guint      out)
{
  double v = slope_tape_get_node (tape, var)->value;
  double h = 1e-5 * MAX (1.0, fabs (v));
  double plus, minus;

  slope_tape_set_value (tape, var, v + h);
  slope_tape_forward (tape);
  plus = slope_tape_get_node (tape, out)->value;
  slope_tape_set_value (tape, var, v - h);
  slope_tape_forward (tape);
  minus = slope_tape_get_node (tape, out)->value;
  slope_tape_set_value (tape, var, v);
  slope_tape_forward (tape);

  return (plus - minus) / (2 * h);
}

static void
test_operations (void)
{
  static const struct {
    const char *name;
    BuildFunc build;
  } ops[] = {
    { "add", build_add }, { "sub", build_sub }, { "mul", build_mul },
    { "div", build_div }, { "neg", build_neg }, { "pow0", build_pow0 },
    { "pow1", build_pow1 }, { "pow2", build_pow2 }, { "pow3", build_pow3 },
    { "pow-1", build_pow_minus1 },
  };
  static const double points[][2] = {
    { 2.0, 3.0 }, { -1.5, 0.5 }, { 0.25, -4.0 }, { 3.0, 3.0 },
  };

  for (guint o = 0; o < G_N_ELEMENTS (ops); o++)
    for (guint p = 0; p < G_N_ELEMENTS (points); p++)
      {
        g_autoptr(SlopeTape) tape = slope_tape_new ();
        double x = points[p][0], y = points[p][1];
        guint xv = slope_tape_variable (tape, "x", x);
        guint yv = slope_tape_variable (tape, "y", y);
        guint out = ops[o].build (tape, xv, yv);
        double dx[] = { 1, 1, y, 1 / y, -1, 0, 1, 2 * x, 3 * x * x, -1 / (x * x) };
        double dy[] = { 1, -1, x, -x / (y * y), 0, 0, 0, 0, 0, 0 };
        double gx, gy;

        slope_tape_backward (tape, out);
        gx = slope_tape_get_grad (tape, xv);
        gy = slope_tape_get_grad (tape, yv);

        g_test_message ("%s at (%g, %g): %g %g", ops[o].name, x, y, gx, gy);
        g_assert_cmpfloat_with_epsilon (gx, dx[o], 1e-12 * MAX (1.0, fabs (dx[o])));
        g_assert_cmpfloat_with_epsilon (gy, dy[o], 1e-12 * MAX (1.0, fabs (dy[o])));
        g_assert_cmpfloat_with_epsilon (gx, central_difference (tape, xv, out),
                                        1e-6 * MAX (1.0, fabs (gx)));
        g_assert_cmpfloat_with_epsilon (gy, central_difference (tape, yv, out),
                                        1e-6 * MAX (1.0, fabs (gy)));
        /* A variable the output does not use gets no gradient, and its
         * .grad stays None, as in PyTorch. */
        g_assert_true (slope_tape_has_grad (tape, xv));
        g_assert_cmpint (slope_tape_has_grad (tape, yv), ==,
                         slope_tape_get_node (tape, out)->n_inputs == 2);
      }
}

static void
test_pow_zero_at_zero (void)
{
  g_autoptr(SlopeTape) tape = slope_tape_new ();
  guint w = slope_tape_variable (tape, "w", 0.0);
  guint out = slope_tape_pow (tape, w, 0);

  slope_tape_backward (tape, out);
  g_assert_cmpfloat (slope_tape_get_node (tape, out)->value, ==, 1.0);
  g_assert_cmpfloat (slope_tape_get_grad (tape, w), ==, 0.0);
}

static void
test_division_by_zero (void)
{
  g_autoptr(SlopeTape) tape = slope_tape_new ();
  guint w = slope_tape_variable (tape, "w", 0.0);
  guint one = slope_tape_constant (tape, 1.0);
  guint q = slope_tape_div (tape, one, w);
  guint p = slope_tape_pow (tape, w, -1);

  g_assert_true (isinf (slope_tape_get_node (tape, q)->value));
  g_assert_true (isinf (slope_tape_get_node (tape, p)->value));

  slope_tape_backward (tape, q);
  g_assert_true (isinf (slope_tape_get_grad (tape, w)));
  g_assert_cmpfloat (slope_tape_get_grad (tape, w), <, 0.0);

  slope_tape_zero_grad (tape);
  slope_tape_backward (tape, p);
  g_assert_true (isinf (slope_tape_get_grad (tape, w)));

  /* 0/0 */
  slope_tape_set_value (tape, one, 0.0);
  slope_tape_forward (tape);
  g_assert_true (isnan (slope_tape_get_node (tape, q)->value));
}

/* w*w uses w twice: both edges send gradient into w, which gets 2w. */
static void
test_shared_input (void)
{
  g_autoptr(SlopeTape) tape = slope_tape_new ();
  guint w = slope_tape_variable (tape, "w", 3.0);
  guint sq = slope_tape_mul (tape, w, w);
  /* And a node used by two consumers: (w·w) + (w·w)·w. */
  guint out = slope_tape_add (tape, sq, slope_tape_mul (tape, sq, w));
  SlopeEdge edge;
  guint n_into_w = 0;

  g_assert_cmpstr (slope_tape_get_node (tape, sq)->label, ==, "w·w");

  slope_tape_backward_begin (tape, out);
  while (slope_tape_backward_step (tape, &edge))
    if (edge.input_node == w)
      n_into_w++;

  g_assert_cmpuint (n_into_w, ==, 3);
  /* d/dw (w² + w³) = 2w + 3w² */
  g_assert_cmpfloat (slope_tape_get_grad (tape, w), ==, 2 * 3.0 + 3 * 9.0);
  g_assert_cmpfloat (slope_tape_get_node (tape, sq)->grad, ==, 1.0 + 3.0);
}

/* Two copies of a graph: one differentiated at once, one edge by edge. */
static void
check_steps_match_whole (SlopeTape *whole,
                         SlopeTape *stepped,
                         guint      output)
{
  guint n = slope_tape_get_n_nodes (stepped);
  g_autofree guint *visits = g_new0 (guint, 2 * n);
  guint n_grad_edges = 0;
  guint n_steps = 0;
  guint previous_node = output;
  SlopeEdge edge;

  slope_tape_backward (whole, output);

  slope_tape_backward_begin (stepped, output);
  g_assert_true (slope_tape_backward_in_progress (stepped) ||
                 slope_tape_get_node (stepped, output)->n_inputs == 0);
  while (slope_tape_backward_step (stepped, &edge))
    {
      const SlopeTapeNode *node = slope_tape_get_node (stepped, edge.node);
      const SlopeTapeNode *final = slope_tape_get_node (whole, edge.node);
      SlopeEdge last;

      n_steps++;
      visits[2 * edge.node + edge.input]++;
      g_assert_cmpuint (edge.input_node, ==, node->inputs[edge.input]);
      g_assert_true (node->edge_done[edge.input]);
      g_assert_cmpfloat (edge.local, ==, node->local[edge.input]);
      /* Reverse topological order: the consumer's gradient was complete. */
      g_assert_cmpfloat (edge.grad_out, ==, final->grad);
      g_assert_cmpuint (edge.node, <=, previous_node);
      previous_node = edge.node;
      g_assert_true (slope_tape_get_last_edge (stepped, &last));
      g_assert_cmpuint (last.node, ==, edge.node);
      g_assert_cmpuint (last.input, ==, edge.input);
    }
  g_assert_false (slope_tape_backward_in_progress (stepped));
  g_assert_false (slope_tape_backward_step (stepped, &edge));

  for (guint i = 0; i < n; i++)
    {
      const SlopeTapeNode *a = slope_tape_get_node (whole, i);
      const SlopeTapeNode *b = slope_tape_get_node (stepped, i);

      g_assert_cmpfloat (a->grad, ==, b->grad);
      g_assert_cmpint (a->grad_reached, ==, b->grad_reached);
      g_assert_cmpfloat (a->grad_buffer, ==, b->grad_buffer);
      for (guint k = 0; k < a->n_inputs; k++)
        {
          gboolean flows = i <= output && a->grad_reached &&
                           slope_tape_get_node (whole, a->inputs[k])->requires_grad;

          g_assert_cmpuint (visits[2 * i + k], ==, flows ? 1 : 0);
          g_assert_cmpint (a->edge_done[k], ==, flows);
          n_grad_edges += flows;
        }
    }
  g_assert_cmpuint (n_steps, ==, n_grad_edges);
}

static guint
build_two_variables (SlopeTape *tape)
{
  guint a = slope_tape_variable (tape, "a", 1.5);
  guint b = slope_tape_variable (tape, "b", -2.0);
  guint ab = slope_tape_mul (tape, a, b);
  guint num = slope_tape_add (tape, ab, slope_tape_pow (tape, a, 3));
  guint den = slope_tape_sub (tape, b, slope_tape_constant (tape, 4));

  return slope_tape_div (tape, slope_tape_neg (tape, num), den);
}

static void
test_steps_match_whole (void)
{
  for (guint e = 0; e < SLOPE_N_EXPRESSIONS; e++)
    for (guint i = 0; i < G_N_ELEMENTS (sample_w); i++)
      {
        guint w, z;
        g_autoptr(SlopeTape) whole = slope_tape_new_expression (e, sample_w[i], &w, &z);
        g_autoptr(SlopeTape) stepped = slope_tape_new_expression (e, sample_w[i], &w, &z);

        check_steps_match_whole (whole, stepped, z);
        /* And again, accumulating. */
        check_steps_match_whole (whole, stepped, z);
        g_assert_cmpfloat (slope_tape_get_grad (stepped, w), ==,
                           slope_tape_get_grad (whole, w));
      }

  {
    g_autoptr(SlopeTape) whole = slope_tape_new ();
    g_autoptr(SlopeTape) stepped = slope_tape_new ();
    guint out = build_two_variables (whole);

    g_assert_cmpuint (build_two_variables (stepped), ==, out);
    check_steps_match_whole (whole, stepped, out);
    /* An intermediate as the output: the later nodes take no part. */
    check_steps_match_whole (whole, stepped, out - 2);
  }
}

/* The notebook's backward, edge by edge, as the animation shows it. */
static void
test_notebook_steps (void)
{
  static const struct {
    const char *from;
    const char *to;
    double local;
    double flowed;
  } expected[] = {
    { "z = 2·y + 5", "2·y", 1.0, 1.0 },
    { "2·y", "y = w²", 2.0, 2.0 },
    { "y = w²", "w", 4.0, 8.0 },
  };
  guint w, z;
  g_autoptr(SlopeTape) tape = slope_tape_new_expression (SLOPE_EXPR_NOTEBOOK, 2.0, &w, &z);
  SlopeEdge edge;

  slope_tape_backward (tape, z);   /* w.grad = 8 from an earlier press */
  slope_tape_backward_begin (tape, z);
  g_assert_true (slope_tape_backward_in_progress (tape));
  g_assert_false (slope_tape_get_last_edge (tape, &edge));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpfloat (slope_tape_get_grad (tape, w), ==, 8.0);
      g_assert_true (slope_tape_backward_step (tape, &edge));
      g_assert_cmpstr (slope_tape_get_node (tape, edge.node)->label, ==, expected[i].from);
      g_assert_cmpstr (slope_tape_get_node (tape, edge.input_node)->label, ==, expected[i].to);
      g_assert_cmpfloat (edge.local, ==, expected[i].local);
      g_assert_cmpfloat (edge.flowed, ==, expected[i].flowed);
      g_assert_cmpfloat (slope_tape_get_node (tape, edge.input_node)->grad, ==, expected[i].flowed);
    }

  /* The last edge into w updated w.grad at once. */
  g_assert_false (slope_tape_backward_in_progress (tape));
  g_assert_cmpfloat (slope_tape_get_grad (tape, w), ==, 16.0);
  g_assert_false (slope_tape_backward_step (tape, &edge));
  g_assert_true (slope_tape_get_last_edge (tape, &edge));
  g_assert_cmpuint (edge.input_node, ==, w);
}

static void
test_set_value_then_forward (void)
{
  guint w, z;
  g_autoptr(SlopeTape) tape = slope_tape_new_expression (SLOPE_EXPR_NOTEBOOK, 2.0, &w, &z);

  g_assert_true (slope_tape_has_values (tape));
  slope_tape_backward (tape, z);

  slope_tape_set_value (tape, w, 3.0);
  g_assert_false (slope_tape_has_values (tape));
  g_assert_cmpfloat (slope_tape_get_node (tape, w)->value, ==, 3.0);
  /* The rest waits for forward; the old pass is forgotten, w.grad is not. */
  g_assert_cmpfloat (slope_tape_get_node (tape, z)->value, ==, 13.0);
  g_assert_false (slope_tape_get_node (tape, z)->grad_reached);
  g_assert_cmpfloat (slope_tape_get_grad (tape, w), ==, 8.0);

  slope_tape_forward (tape);
  g_assert_true (slope_tape_has_values (tape));
  g_assert_cmpfloat (slope_tape_get_node (tape, z)->value, ==, 23.0);

  /* backward_begin runs forward itself when a value changed. */
  slope_tape_set_value (tape, w, -1.0);
  slope_tape_zero_grad (tape);
  slope_tape_backward (tape, z);
  g_assert_true (slope_tape_has_values (tape));
  g_assert_cmpfloat (slope_tape_get_node (tape, z)->value, ==, 7.0);
  g_assert_cmpfloat (slope_tape_get_grad (tape, w), ==, -4.0);
}

/* A step-by-step pass interrupted by a new value leaves nothing half
 * applied. */
static void
test_interrupted_backward (void)
{
  guint w, z;
  g_autoptr(SlopeTape) tape = slope_tape_new_expression (SLOPE_EXPR_CUBIC, 2.0, &w, &z);
  SlopeEdge edge;

  slope_tape_backward_begin (tape, z);
  g_assert_true (slope_tape_backward_step (tape, &edge));
  slope_tape_set_value (tape, w, 1.0);
  g_assert_false (slope_tape_backward_in_progress (tape));
  g_assert_false (slope_tape_backward_step (tape, &edge));
  g_assert_false (slope_tape_has_grad (tape, w));

  slope_tape_backward (tape, z);
  g_assert_cmpfloat (slope_tape_get_grad (tape, w), ==, 0.0);
  g_assert_true (slope_tape_has_grad (tape, w));
}

static void
test_trivial_outputs (void)
{
  g_autoptr(SlopeTape) tape = slope_tape_new ();
  guint w = slope_tape_variable (tape, "w", 5.0);
  guint c = slope_tape_constant (tape, 7.0);
  guint sum = slope_tape_add (tape, c, c);

  /* w.backward() */
  slope_tape_backward (tape, w);
  g_assert_cmpfloat (slope_tape_get_grad (tape, w), ==, 1.0);

  /* Nothing requires grad: nothing flows (PyTorch would raise). */
  g_assert_false (slope_tape_get_node (tape, sum)->requires_grad);
  slope_tape_backward (tape, sum);
  g_assert_false (slope_tape_backward_in_progress (tape));
  g_assert_cmpfloat (slope_tape_get_grad (tape, w), ==, 1.0);
  g_assert_false (slope_tape_get_node (tape, sum)->edge_done[0]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/autograd/notebook-gradient", test_notebook_gradient);
  g_test_add_func ("/autograd/accumulation-twenty-epochs", test_accumulation_twenty_epochs);
  g_test_add_func ("/autograd/backward-twice-doubles", test_backward_twice_doubles);
  g_test_add_func ("/autograd/zero-grad-clears", test_zero_grad_clears);
  g_test_add_func ("/autograd/expressions", test_expressions);
  g_test_add_func ("/autograd/expression-labels", test_expression_labels);
  g_test_add_func ("/autograd/labels", test_labels);
  g_test_add_func ("/autograd/operations", test_operations);
  g_test_add_func ("/autograd/pow-zero-at-zero", test_pow_zero_at_zero);
  g_test_add_func ("/autograd/division-by-zero", test_division_by_zero);
  g_test_add_func ("/autograd/shared-input", test_shared_input);
  g_test_add_func ("/autograd/steps-match-whole", test_steps_match_whole);
  g_test_add_func ("/autograd/notebook-steps", test_notebook_steps);
  g_test_add_func ("/autograd/set-value-then-forward", test_set_value_then_forward);
  g_test_add_func ("/autograd/interrupted-backward", test_interrupted_backward);
  g_test_add_func ("/autograd/trivial-outputs", test_trivial_outputs);

  return g_test_run ();
}
