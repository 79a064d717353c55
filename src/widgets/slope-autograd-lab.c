/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-autograd-lab.c: one expression, its computation graph, and what
 * z.backward() does to it, explained a step at a time.
 *
 * The issue was "explain every step": students copy z.backward() without
 * seeing that it is the chain rule run backwards along the graph.  So the
 * lab separates what PyTorch does in one call: Forward fills in the
 * values, Backward Step sends the gradient along one edge (a dot travels
 * back along the arrow) and says in words what was multiplied, and
 * pressing z.backward() again shows w.grad accumulating, 8.0, 16.0, 24.0.
 * Everything is computed by a SlopeTape, the same autograd the graph
 * renderer draws.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "slope-autograd-lab.h"
#include "slope-graph-view.h"
#include "slope-lab-common.h"

#define W_DEFAULT     2.0
#define W_LIMIT       10.0

/* Python, so never translated. */
#define PRINT_FORMAT  "수식을 w로 미분한 값 : %s"

/* What ran last, for the lit line of code and the explanation. */
typedef enum
{
  STAGE_NEW,        /* w = torch.tensor(…) */
  STAGE_FORWARD,    /* the lines computing z */
  STAGE_STEPPING,   /* z.backward(), part way */
  STAGE_DONE,       /* z.backward() finished */
  STAGE_ZEROED,     /* w.grad.zero_() */
} Stage;

struct _SlopeAutogradLab
{
  GtkWidget        parent_instance;

  GtkWidget       *box;
  GtkDropDown     *expression_dropdown;
  GtkSpinButton   *w_spin;
  SlopeLabCode    *code_view;
  SlopeGraphView  *graph_view;
  GtkLabel        *grad_label;
  GtkLabel        *print_label;
  GtkLabel        *explanation_label;

  SlopeExpression  expression;
  double           w;
  SlopeTape       *tape;
  guint            w_node;
  guint            z_node;
  Stage            stage;
  guint            n_steps;         /* edges done in this pass */
  gboolean         had_grad;        /* w.grad before this pass */
  double           grad_before;
  gboolean         syncing;         /* moving the controls to match */

  GtkCssProvider  *font_css;
};

G_DEFINE_FINAL_TYPE (SlopeAutogradLab, slope_autograd_lab, GTK_TYPE_WIDGET)

/* The picker shows each expression on one line, the notebook's too. */
static const char *
expression_title (SlopeExpression expression)
{
  if (expression == SLOPE_EXPR_NOTEBOOK)
    return "z = 2*(w**2) + 5";
  return slope_expression_get_code (expression);
}

static void
format_float (char   *buf,
              double  value)
{
  slope_lab_format_float (buf, SLOPE_LAB_FLOAT_MAX, value);
}

/* How the explanation names a node: z, y, 2·y, w². */
static const char *
node_name (SlopeAutogradLab *self,
           guint             id)
{
  const SlopeTapeNode *node = slope_tape_get_node (self->tape, id);

  return node->name != NULL ? node->name : node->expr;
}

/* ---- The code and the readouts --------------------------------------- */

static void
update_code (SlopeAutogradLab *self)
{
  const char *expression = slope_expression_get_code (self->expression);
  guint n_expression_lines = 1;
  char w[SLOPE_LAB_FLOAT_MAX];
  g_autofree char *code = NULL;
  int lit = SLOPE_LAB_NO_LINE;

  for (const char *p = expression; *p != '\0'; p++)
    n_expression_lines += *p == '\n';

  format_float (w, self->w);
  code = g_strdup_printf ("w = torch.tensor(%s, requires_grad=True)\n"
                          "%s\n"
                          "z.backward()\n"
                          "print('" PRINT_FORMAT "'.format(w.grad))",
                          w, expression, "{}");

  switch (self->stage)
    {
    case STAGE_NEW:
      lit = 0;
      break;
    case STAGE_FORWARD:
      lit = (int) n_expression_lines;
      break;
    case STAGE_STEPPING:
      lit = (int) n_expression_lines + 1;
      break;
    case STAGE_DONE:
      lit = (int) n_expression_lines + 2;
      break;
    case STAGE_ZEROED:
    default:
      break;
    }
  slope_lab_code_set (self->code_view, code, lit);
}

static void
grad_number (SlopeAutogradLab *self,
             char             *buf)
{
  if (slope_tape_has_grad (self->tape, self->w_node))
    format_float (buf, slope_tape_get_grad (self->tape, self->w_node));
  else
    g_strlcpy (buf, "None", SLOPE_LAB_FLOAT_MAX);
}

static void
update_readouts (SlopeAutogradLab *self)
{
  g_autofree char *grad = slope_autograd_lab_get_grad_text (self);
  g_autofree char *printed = slope_autograd_lab_get_printed_line (self);
  g_autofree char *description = NULL;

  gtk_label_set_text (self->grad_label, grad);
  gtk_label_set_text (self->print_label, printed);

  /* TRANSLATORS: the graph's name for screen readers, e.g.
   * "Computation graph of z = 2*w; w.grad = 2.0" */
  description = g_strdup_printf (_("Computation graph of %s; %s"),
                                 expression_title (self->expression), grad);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->graph_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "autograd.zero-grad",
                                 slope_tape_has_grad (self->tape, self->w_node));
  update_code (self);
  slope_graph_view_changed (self->graph_view);
}

static void
explain (SlopeAutogradLab *self,
         const char       *text)
{
  gtk_label_set_text (self->explanation_label, text);
}

/* ---- What each button does ------------------------------------------- */

/* A new tensor, as re-running the notebook's cell makes: w.grad is None
 * and z is not computed until Forward. */
static void
rebuild (SlopeAutogradLab *self)
{
  g_clear_object (&self->tape);
  self->tape = slope_tape_new_expression (self->expression, self->w,
                                          &self->w_node, &self->z_node);
  /* The graph then shows "?" for the values Forward will compute. */
  slope_tape_set_value (self->tape, self->w_node, self->w);
  slope_graph_view_set_tape (self->graph_view, self->tape, self->z_node);
  self->stage = STAGE_NEW;
  self->n_steps = 0;

  explain (self, _("A new tensor w, with w.grad = None. Press Forward to compute z, "
                   "then Backward Step to send the gradient back one edge at a time."));
  update_readouts (self);
}

static void
begin_pass (SlopeAutogradLab *self)
{
  self->had_grad = slope_tape_has_grad (self->tape, self->w_node);
  self->grad_before = slope_tape_get_grad (self->tape, self->w_node);
  self->n_steps = 0;
}

/* What the finished pass did to w.grad: set it, or add to it. */
static char *
done_text (SlopeAutogradLab *self)
{
  char dz_dw[SLOPE_LAB_FLOAT_MAX];
  char before[SLOPE_LAB_FLOAT_MAX];
  char after[SLOPE_LAB_FLOAT_MAX];

  format_float (dz_dw, slope_tape_get_node (self->tape, self->w_node)->grad);
  format_float (before, self->grad_before);
  format_float (after, slope_tape_get_grad (self->tape, self->w_node));

  if (self->had_grad && self->grad_before != 0.0)
    return g_strdup_printf (_("Done. This pass found ∂z/∂w = %s and added it to the %s "
                              "already in w.grad, making %s: gradients accumulate until "
                              "w.grad.zero_()."),
                            dz_dw, before, after);
  return g_strdup_printf (_("Done: ∂z/∂w = %s, now in w.grad. Press z.backward() again "
                            "and watch it accumulate."),
                          dz_dw);
}

/* One edge in words: the chain rule's multiplication, with its numbers. */
static char *
step_text (SlopeAutogradLab *self,
           const SlopeEdge  *edge)
{
  const SlopeTapeNode *input = slope_tape_get_node (self->tape, edge->input_node);
  char grad[SLOPE_LAB_FLOAT_MAX], local[SLOPE_LAB_FLOAT_MAX], flowed[SLOPE_LAB_FLOAT_MAX];
  char total[SLOPE_LAB_FLOAT_MAX];
  GString *text = g_string_new (NULL);

  format_float (grad, edge->grad_out);
  format_float (local, edge->local);
  format_float (flowed, edge->flowed);
  /* TRANSLATORS: one step of the backward pass, e.g. "Step 2, from 2·y
   * back to y: gradient 1.0 × local derivative 2.0 = 2.0." */
  g_string_append_printf (text, _("Step %u, from %s back to %s: gradient %s × local "
                                  "derivative %s = %s."),
                          self->n_steps, node_name (self, edge->node),
                          node_name (self, edge->input_node), grad, local, flowed);

  /* w used twice (w³ − 3·w): the multivariable chain rule adds. */
  if (input->grad != edge->flowed)
    {
      format_float (total, input->grad);
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("%s already had a gradient from another edge; "
                                      "they add up to %s."),
                              node_name (self, edge->input_node), total);
    }

  return g_string_free (text, FALSE);
}

static void
forward_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  slope_autograd_lab_forward (SLOPE_AUTOGRAD_LAB (widget));
}

static void
backward_step_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  slope_autograd_lab_backward_step (SLOPE_AUTOGRAD_LAB (widget));
}

static void
backward_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  slope_autograd_lab_backward (SLOPE_AUTOGRAD_LAB (widget));
}

static void
zero_grad_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  slope_autograd_lab_zero_grad (SLOPE_AUTOGRAD_LAB (widget));
}

static void
on_expression_selected (GtkDropDown      *dropdown,
                        GParamSpec       *pspec,
                        SlopeAutogradLab *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (!self->syncing && selected < SLOPE_N_EXPRESSIONS)
    slope_autograd_lab_set_expression (self, (SlopeExpression) selected);
}

static void
on_w_changed (GtkSpinButton    *spin,
              SlopeAutogradLab *self)
{
  if (!self->syncing)
    slope_autograd_lab_set_w (self, gtk_spin_button_get_value (spin));
}

/* ---- The widget ------------------------------------------------------ */

static void
slope_autograd_lab_dispose (GObject *object)
{
  SlopeAutogradLab *self = SLOPE_AUTOGRAD_LAB (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->expression_dropdown = NULL;
  self->w_spin = NULL;
  self->code_view = NULL;
  self->graph_view = NULL;
  self->grad_label = NULL;
  self->print_label = NULL;
  self->explanation_label = NULL;
  g_clear_object (&self->tape);
  g_clear_object (&self->font_css);

  G_OBJECT_CLASS (slope_autograd_lab_parent_class)->dispose (object);
}

static void
slope_autograd_lab_class_init (SlopeAutogradLabClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slope_autograd_lab_dispose;

  gtk_widget_class_install_action (widget_class, "autograd.forward", NULL,
                                   forward_activated);
  gtk_widget_class_install_action (widget_class, "autograd.backward-step", NULL,
                                   backward_step_activated);
  gtk_widget_class_install_action (widget_class, "autograd.backward", NULL,
                                   backward_activated);
  gtk_widget_class_install_action (widget_class, "autograd.zero-grad", NULL,
                                   zero_grad_activated);

  gtk_widget_class_set_css_name (widget_class, "slope-autograd-lab");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
labelled (const char *mnemonic,
          GtkWidget  *widget)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), widget);
  return row;
}

static GtkWidget *
build_controls (SlopeAutogradLab *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  const char *titles[SLOPE_N_EXPRESSIONS + 1] = { NULL, };
  GtkWidget *dropdown, *spin;

  for (guint i = 0; i < SLOPE_N_EXPRESSIONS; i++)
    titles[i] = expression_title ((SlopeExpression) i);
  dropdown = gtk_drop_down_new_from_strings (titles);
  gtk_widget_add_css_class (dropdown, "lab-code-button");
  self->expression_dropdown = GTK_DROP_DOWN (dropdown);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_expression_selected), self);
  gtk_box_append (GTK_BOX (row), labelled (_("_Expression"), dropdown));

  spin = gtk_spin_button_new_with_range (-W_LIMIT, W_LIMIT, 0.5);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), W_DEFAULT);
  gtk_widget_add_css_class (spin, "lab-code-button");
  self->w_spin = GTK_SPIN_BUTTON (spin);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_w_changed), self);
  gtk_box_append (GTK_BOX (row), labelled ("_w =", spin));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The value w starts from; changing it makes a new tensor"),
                                  -1);

  gtk_widget_set_margin_start (gtk_widget_get_last_child (row), 16);
  return row;
}

/* In the order the notebook runs them. */
static GtkWidget *
build_actions (void)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *backward;

  gtk_box_append (GTK_BOX (row),
                  slope_lab_button_new (_("_Forward"), "autograd.forward",
                                        _("Compute every node's value from w"), FALSE));
  gtk_box_append (GTK_BOX (row),
                  slope_lab_button_new (_("Backward _Step"), "autograd.backward-step",
                                        _("Send the gradient back along one edge of the graph"),
                                        FALSE));
  backward = slope_lab_button_new ("z.backward()", "autograd.backward",
                                   _("Run the whole backward pass: adds ∂z/∂w to w.grad"),
                                   TRUE);
  gtk_widget_add_css_class (backward, "suggested-action");
  gtk_box_append (GTK_BOX (row), backward);
  gtk_box_append (GTK_BOX (row),
                  slope_lab_button_new ("w.grad.zero_()", "autograd.zero-grad",
                                        _("Set w.grad back to zero"), TRUE));
  return row;
}

/* The readouts and what just happened, beside the code. */
static GtkWidget *
build_readouts (SlopeAutogradLab *self)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grad = gtk_label_new (NULL);
  GtkWidget *output = gtk_label_new (NULL);
  GtkWidget *explanation = gtk_label_new (NULL);
  GtkWidget *output_heading = gtk_label_new (_("Output"));

  self->grad_label = GTK_LABEL (grad);
  gtk_label_set_xalign (self->grad_label, 0.0);
  gtk_label_set_selectable (self->grad_label, TRUE);
  gtk_widget_add_css_class (grad, "lab-readout");
  gtk_box_append (GTK_BOX (column), grad);

  gtk_label_set_xalign (GTK_LABEL (output_heading), 0.0);
  gtk_widget_add_css_class (output_heading, "lab-caption");
  gtk_box_append (GTK_BOX (column), output_heading);
  self->print_label = GTK_LABEL (output);
  gtk_label_set_xalign (self->print_label, 0.0);
  gtk_label_set_selectable (self->print_label, TRUE);
  gtk_widget_add_css_class (output, "lab-output");
  gtk_box_append (GTK_BOX (column), output);

  self->explanation_label = GTK_LABEL (explanation);
  gtk_label_set_wrap (self->explanation_label, TRUE);
  gtk_label_set_xalign (self->explanation_label, 0.0);
  gtk_widget_add_css_class (explanation, "lab-explanation");
  gtk_widget_set_margin_top (explanation, 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (explanation),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("What just happened"),
                                  -1);
  gtk_box_append (GTK_BOX (column), explanation);

  gtk_widget_set_hexpand (column, TRUE);
  return column;
}

static void
slope_autograd_lab_init (SlopeAutogradLab *self)
{
  GtkWidget *info_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *code_column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *code = slope_lab_code_new (_("The notebook's code"));
  GtkWidget *graph = slope_graph_view_new ();

  slope_lab_ensure_style ();
  self->expression = SLOPE_EXPR_NOTEBOOK;
  self->w = W_DEFAULT;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 14);
  gtk_widget_add_css_class (self->box, "slope-lab");
  gtk_box_append (GTK_BOX (self->box),
                  slope_lab_heading_new (_("What z.backward() Computes")));
  gtk_box_append (GTK_BOX (self->box), build_controls (self));

  self->code_view = SLOPE_LAB_CODE (code);
  gtk_box_append (GTK_BOX (code_column), code);
  gtk_box_append (GTK_BOX (code_column), build_actions ());
  gtk_box_append (GTK_BOX (info_row), code_column);
  gtk_box_append (GTK_BOX (info_row), build_readouts (self));
  gtk_box_append (GTK_BOX (self->box), info_row);
  self->graph_view = SLOPE_GRAPH_VIEW (graph);
  gtk_widget_add_css_class (graph, "lab-graph");
  gtk_widget_set_overflow (graph, GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (self->box), graph);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  rebuild (self);
}

GtkWidget *
slope_autograd_lab_new (void)
{
  return g_object_new (SLOPE_TYPE_AUTOGRAD_LAB, NULL);
}

/* A new expression is a new graph and a new w: grads start as None. */
void
slope_autograd_lab_set_expression (SlopeAutogradLab *self,
                                   SlopeExpression   expression)
{
  g_return_if_fail (SLOPE_IS_AUTOGRAD_LAB (self));
  g_return_if_fail ((guint) expression < SLOPE_N_EXPRESSIONS);

  self->expression = expression;
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->expression_dropdown, expression);
  self->syncing = FALSE;
  rebuild (self);
}

SlopeExpression
slope_autograd_lab_get_expression (SlopeAutogradLab *self)
{
  g_return_val_if_fail (SLOPE_IS_AUTOGRAD_LAB (self), SLOPE_EXPR_NOTEBOOK);

  return self->expression;
}

/* torch.tensor(w, requires_grad=True) again: grads start as None. */
void
slope_autograd_lab_set_w (SlopeAutogradLab *self,
                          double            w)
{
  g_return_if_fail (SLOPE_IS_AUTOGRAD_LAB (self));
  g_return_if_fail (isfinite (w));

  self->w = w;
  self->syncing = TRUE;
  gtk_spin_button_set_value (self->w_spin, w);
  self->syncing = FALSE;
  rebuild (self);
}

double
slope_autograd_lab_get_w (SlopeAutogradLab *self)
{
  g_return_val_if_fail (SLOPE_IS_AUTOGRAD_LAB (self), 0.0);

  return self->w;
}

/* Runs the lines that compute z.  Forgets a backward pass in progress, as
 * a new forward builds a new graph in PyTorch; w.grad stays. */
void
slope_autograd_lab_forward (SlopeAutogradLab *self)
{
  char z[SLOPE_LAB_FLOAT_MAX];
  g_autofree char *text = NULL;

  g_return_if_fail (SLOPE_IS_AUTOGRAD_LAB (self));

  slope_graph_view_stop_flow (self->graph_view);
  slope_tape_forward (self->tape);
  self->stage = STAGE_FORWARD;
  self->n_steps = 0;

  format_float (z, slope_tape_get_node (self->tape, self->z_node)->value);
  text = g_strdup_printf (_("Forward: each node is computed from its inputs, left to right, "
                            "giving z = %s. Nothing is differentiated yet."),
                          z);
  explain (self, text);
  update_readouts (self);
}

/**
 * slope_autograd_lab_backward_step:
 *
 * Sends the gradient along the next edge, starting a backward pass (and
 * the forward one, if needed) when none is in progress.
 *
 * Returns: TRUE while edges of this pass remain, FALSE once the step just
 *   taken finished it and w.grad was updated
 */
gboolean
slope_autograd_lab_backward_step (SlopeAutogradLab *self)
{
  SlopeEdge edge;
  g_autofree char *text = NULL;
  gboolean done;

  g_return_val_if_fail (SLOPE_IS_AUTOGRAD_LAB (self), FALSE);

  if (!slope_tape_backward_in_progress (self->tape))
    {
      begin_pass (self);
      slope_tape_backward_begin (self->tape, self->z_node);
    }
  if (!slope_tape_backward_step (self->tape, &edge))
    return FALSE;

  self->n_steps++;
  done = !slope_tape_backward_in_progress (self->tape);
  self->stage = done ? STAGE_DONE : STAGE_STEPPING;
  text = step_text (self, &edge);
  if (done)
    {
      g_autofree char *step = g_steal_pointer (&text);
      g_autofree char *finished = done_text (self);

      text = g_strdup_printf ("%s\n%s", step, finished);
    }
  explain (self, text);
  slope_graph_view_flow (self->graph_view);
  update_readouts (self);

  return !done;
}

/* The whole pass, as one call of z.backward(): w.grad += ∂z/∂w. */
void
slope_autograd_lab_backward (SlopeAutogradLab *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SLOPE_IS_AUTOGRAD_LAB (self));

  slope_graph_view_stop_flow (self->graph_view);
  begin_pass (self);
  slope_tape_backward (self->tape, self->z_node);
  self->stage = STAGE_DONE;

  text = done_text (self);
  explain (self, text);
  update_readouts (self);
}

void
slope_autograd_lab_zero_grad (SlopeAutogradLab *self)
{
  g_return_if_fail (SLOPE_IS_AUTOGRAD_LAB (self));

  slope_tape_zero_grad (self->tape);
  self->stage = STAGE_ZEROED;
  explain (self, _("w.grad.zero_() set w.grad to 0.0: the next backward pass starts "
                   "from zero instead of adding to the old gradient."));
  update_readouts (self);
}

/* 0.0 while w.grad is None. */
double
slope_autograd_lab_get_w_grad (SlopeAutogradLab *self)
{
  g_return_val_if_fail (SLOPE_IS_AUTOGRAD_LAB (self), 0.0);

  return slope_tape_get_grad (self->tape, self->w_node);
}

/* Returns: (transfer full): "w.grad = 8.0", or "w.grad = None" */
char *
slope_autograd_lab_get_grad_text (SlopeAutogradLab *self)
{
  char grad[SLOPE_LAB_FLOAT_MAX];

  g_return_val_if_fail (SLOPE_IS_AUTOGRAD_LAB (self), NULL);

  grad_number (self, grad);
  return g_strdup_printf ("w.grad = %s", grad);
}

/* Returns: (transfer full): the notebook's print, as it would print now */
char *
slope_autograd_lab_get_printed_line (SlopeAutogradLab *self)
{
  char grad[SLOPE_LAB_FLOAT_MAX];

  g_return_val_if_fail (SLOPE_IS_AUTOGRAD_LAB (self), NULL);

  grad_number (self, grad);
  return g_strdup_printf (PRINT_FORMAT, grad);
}

/* What the lab says about the last thing that happened. */
const char *
slope_autograd_lab_get_explanation (SlopeAutogradLab *self)
{
  g_return_val_if_fail (SLOPE_IS_AUTOGRAD_LAB (self), NULL);

  return gtk_label_get_text (self->explanation_label);
}

/* Returns: (transfer none): the tape, replaced by set_w and set_expression */
SlopeTape *
slope_autograd_lab_get_tape (SlopeAutogradLab *self)
{
  g_return_val_if_fail (SLOPE_IS_AUTOGRAD_LAB (self), NULL);

  return self->tape;
}

/* Larger for a projector; 1 is the normal size. */
void
slope_autograd_lab_set_font_scale (SlopeAutogradLab *self,
                                   double            scale)
{
  g_return_if_fail (SLOPE_IS_AUTOGRAD_LAB (self));
  g_return_if_fail (scale > 0.0);

  slope_graph_view_set_font_scale (self->graph_view, scale);
  slope_lab_set_font_scale (GTK_WIDGET (self), &self->font_css, scale);
}
