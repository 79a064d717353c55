/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-accumulation-lab.c: z.backward() pressed again and again, with
 * the notebook's printout growing beside the code.
 *
 * Students meet optimizer.zero_grad() as a line to copy; this lab is where
 * they see why it is there.  The numbers come from a real SlopeTape of
 * z = 2*w, so what accumulates is exactly what autograd computes, and the
 * printout is the notebook's own print, character for character.  The
 * "Show it on the line" button hands over to the main view, where the
 * same accumulation makes the fitted line overshoot.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "slope-accumulation-lab.h"
#include "slope-autograd.h"
#include "slope-lab-common.h"

#define W_START  2.0
/* The bars under the printout are full at the notebook's last value. */
#define BAR_FULL (2.0 * SLOPE_ACCUMULATION_LAB_EPOCHS)

/* Python, so never translated. */
#define PRINT_FORMAT "수식을 w로 미분한 값 : %s"

/* Lines of the shown code. */
#define LINE_BACKWARD 4

struct _SlopeAccumulationLab
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkWidget         *backward_button;   /* where the keyboard starts */
  SlopeLabCode      *code_view;
  GtkLabel          *grad_label;
  GtkLabel          *count_label;
  GtkListBox        *output_list;
  GtkScrolledWindow *output_scroller;
  GtkSizeGroup      *output_text_group;   /* so the bars line up */

  SlopeTape         *tape;
  guint              w_node;
  guint              z_node;
  GPtrArray         *lines;        /* char *, the printout */
  guint              n_backward;   /* since the new tensor or zero_() */
  GtkCssProvider    *font_css;
};

G_DEFINE_FINAL_TYPE (SlopeAccumulationLab, slope_accumulation_lab, GTK_TYPE_WIDGET)

enum
{
  DEMONSTRATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
build_code (void)
{
  char w[SLOPE_LAB_FLOAT_MAX];

  slope_lab_format_float (w, sizeof w, W_START);
  return g_strdup_printf ("w = torch.tensor(%s, requires_grad=True)\n"
                          "nb_epochs = %d\n"
                          "for epoch in range(1, nb_epochs + 1):\n"
                          "  %s\n"
                          "  z.backward()\n"
                          "  print('" PRINT_FORMAT "'.format(w.grad))",
                          w, SLOPE_ACCUMULATION_LAB_EPOCHS,
                          slope_expression_get_code (SLOPE_EXPR_TWO_W), "{}");
}

static void
update_code (SlopeAccumulationLab *self)
{
  g_autofree char *code = build_code ();

  slope_lab_code_set (self->code_view, code,
                      self->n_backward > 0 ? LINE_BACKWARD : SLOPE_LAB_NO_LINE);
}

/* print(w.grad) and what it adds up to. */
static void
update_readout (SlopeAccumulationLab *self)
{
  gboolean defined = slope_tape_has_grad (self->tape, self->w_node);
  char grad[SLOPE_LAB_FLOAT_MAX] = "None";
  g_autofree char *readout = NULL;
  g_autofree char *count = NULL;

  if (defined)
    slope_lab_format_float (grad, sizeof grad, slope_tape_get_grad (self->tape, self->w_node));
  readout = g_strdup_printf ("w.grad = %s", grad);
  gtk_label_set_text (self->grad_label, readout);

  if (!defined)
    {
      count = g_strdup (_("No backward() yet, so w.grad is None."));
    }
  else if (self->n_backward == 0)
    {
      count = g_strdup (_("w.grad.zero_() set it back to zero: the next backward() starts over."));
    }
  else
    {
      char step[SLOPE_LAB_FLOAT_MAX];

      /* This pass's ∂z/∂w, which each backward adds again. */
      slope_lab_format_float (step, sizeof step,
                              slope_tape_get_node (self->tape, self->w_node)->grad);
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u backward() so far, each adding ∂z/∂w = %s",
                                            "%u backward() so far, each adding ∂z/∂w = %s",
                                            self->n_backward),
                               self->n_backward, step);
    }
  gtk_label_set_text (self->count_label, count);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accumulation.zero-grad", defined);
  update_code (self);
}

static GtkWidget *
output_row_new (SlopeAccumulationLab *self,
                guint                 number,
                const char           *line,
                double                grad)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *epoch = g_strdup_printf ("%u", number);
  GtkWidget *epoch_label = gtk_label_new (epoch);
  GtkWidget *text = gtk_label_new (line);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0.0, BAR_FULL);

  gtk_label_set_width_chars (GTK_LABEL (epoch_label), 3);
  gtk_label_set_xalign (GTK_LABEL (epoch_label), 1.0);
  gtk_widget_add_css_class (epoch_label, "lab-output-number");
  /* The printed line says it all for a screen reader. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (epoch_label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  gtk_label_set_xalign (GTK_LABEL (text), 0.0);
  gtk_label_set_selectable (GTK_LABEL (text), FALSE);
  gtk_widget_add_css_class (text, "lab-output");
  gtk_size_group_add_widget (self->output_text_group, text);

  /* How big the step would be: the bars lengthen as the sum grows. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (grad, 0.0, BAR_FULL));
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 60, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  gtk_box_append (GTK_BOX (row), epoch_label);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), bar);
  return row;
}

static void
clear_output (SlopeAccumulationLab *self)
{
  GtkListBoxRow *row;

  g_ptr_array_set_size (self->lines, 0);
  /* gtk_list_box_remove_all() is GTK 4.12. */
  while ((row = gtk_list_box_get_row_at_index (self->output_list, 0)) != NULL)
    gtk_list_box_remove (self->output_list, GTK_WIDGET (row));
}

/* A new w = torch.tensor(2.0, requires_grad=True): w.grad is None. */
static void
new_tensor (SlopeAccumulationLab *self)
{
  g_clear_object (&self->tape);
  self->tape = slope_tape_new_expression (SLOPE_EXPR_TWO_W, W_START,
                                          &self->w_node, &self->z_node);
  self->n_backward = 0;
  clear_output (self);
}

static void
backward_once (SlopeAccumulationLab *self)
{
  double grad;
  char number[SLOPE_LAB_FLOAT_MAX];
  char *line;

  slope_tape_backward (self->tape, self->z_node);
  self->n_backward++;

  grad = slope_tape_get_grad (self->tape, self->w_node);
  slope_lab_format_float (number, sizeof number, grad);
  line = g_strdup_printf (PRINT_FORMAT, number);
  g_ptr_array_add (self->lines, line);
  gtk_list_box_append (self->output_list, output_row_new (self, self->lines->len, line, grad));
}

/* Keeps the newest printed line in sight, as a notebook's output does. */
static void
on_output_upper_changed (GtkAdjustment        *adjustment,
                         GParamSpec           *pspec,
                         SlopeAccumulationLab *self)
{
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                        - gtk_adjustment_get_page_size (adjustment));
}

static void
backward_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  slope_accumulation_lab_backward (SLOPE_ACCUMULATION_LAB (widget));
}

static void
zero_grad_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  slope_accumulation_lab_zero_grad (SLOPE_ACCUMULATION_LAB (widget));
}

static void
run_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  slope_accumulation_lab_run (SLOPE_ACCUMULATION_LAB (widget));
}

static void
demonstrate_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_signal_emit (widget, signals[DEMONSTRATE], 0);
}

/* The focus goes to z.backward(): Space presses it, → as well, and the
 * code's text view does not swallow the arrows. */
static gboolean
slope_accumulation_lab_grab_focus (GtkWidget *widget)
{
  SlopeAccumulationLab *self = SLOPE_ACCUMULATION_LAB (widget);

  if (self->backward_button == NULL)
    return FALSE;
  return gtk_widget_grab_focus (self->backward_button);
}

static void
slope_accumulation_lab_dispose (GObject *object)
{
  SlopeAccumulationLab *self = SLOPE_ACCUMULATION_LAB (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->code_view = NULL;
  self->backward_button = NULL;
  self->grad_label = NULL;
  self->count_label = NULL;
  self->output_list = NULL;
  self->output_scroller = NULL;
  g_clear_object (&self->output_text_group);
  g_clear_object (&self->tape);
  g_clear_object (&self->font_css);

  G_OBJECT_CLASS (slope_accumulation_lab_parent_class)->dispose (object);
}

static void
slope_accumulation_lab_finalize (GObject *object)
{
  SlopeAccumulationLab *self = SLOPE_ACCUMULATION_LAB (object);

  g_clear_pointer (&self->lines, g_ptr_array_unref);

  G_OBJECT_CLASS (slope_accumulation_lab_parent_class)->finalize (object);
}

static void
slope_accumulation_lab_class_init (SlopeAccumulationLabClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = slope_accumulation_lab_dispose;
  object_class->finalize = slope_accumulation_lab_finalize;
  widget_class->grab_focus = slope_accumulation_lab_grab_focus;

  signals[DEMONSTRATE] = g_signal_new ("demonstrate",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "accumulation.backward", NULL,
                                   backward_activated);
  gtk_widget_class_install_action (widget_class, "accumulation.zero-grad", NULL,
                                   zero_grad_activated);
  gtk_widget_class_install_action (widget_class, "accumulation.run", NULL,
                                   run_activated);
  gtk_widget_class_install_action (widget_class, "accumulation.demonstrate", NULL,
                                   demonstrate_activated);

  gtk_widget_class_set_css_name (widget_class, "slope-accumulation-lab");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
build_buttons (SlopeAccumulationLab *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *backward;

  backward = slope_lab_button_new ("z.backward()", "accumulation.backward",
                                   _("Run z.backward() once: it adds ∂z/∂w = 2 to w.grad"),
                                   TRUE);

  gtk_widget_add_css_class (backward, "suggested-action");
  self->backward_button = backward;
  gtk_box_append (GTK_BOX (row), backward);
  gtk_box_append (GTK_BOX (row),
                  slope_lab_button_new (_("_Run 20 Times"), "accumulation.run",
                                        _("Run the notebook's cell: a new w, then twenty "
                                          "backward passes"),
                                        FALSE));
  gtk_box_append (GTK_BOX (row),
                  slope_lab_button_new ("w.grad.zero_()", "accumulation.zero-grad",
                                        _("Set w.grad back to zero and clear the output"),
                                        TRUE));
  return row;
}

static GtkWidget *
build_lesson_column (SlopeAccumulationLab *self)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller;
  GtkWidget *code = slope_lab_code_new (_("The notebook's code"));
  GtkWidget *grad = gtk_label_new (NULL);
  GtkWidget *count = wrapped_label (NULL, "lab-caption");
  GtkWidget *demonstrate = slope_lab_button_new (_("_Show It on the Line"),
                                                 "accumulation.demonstrate",
                                                 _("Train the line with zero_grad turned off"),
                                                 FALSE);

  gtk_box_append (GTK_BOX (column), slope_lab_heading_new (_("Gradients Add Up")));
  gtk_box_append (GTK_BOX (column),
                  wrapped_label (_("The lesson's first experiment: the same backward pass, "
                                   "again and again, without clearing w.grad."),
                                 "lab-caption"));
  self->code_view = SLOPE_LAB_CODE (code);
  gtk_box_append (GTK_BOX (column), code);
  gtk_box_append (GTK_BOX (column), build_buttons (self));

  self->grad_label = GTK_LABEL (grad);
  gtk_label_set_xalign (self->grad_label, 0.0);
  gtk_widget_add_css_class (grad, "lab-readout");
  gtk_widget_set_margin_top (grad, 6);
  gtk_box_append (GTK_BOX (column), grad);
  self->count_label = GTK_LABEL (count);
  gtk_box_append (GTK_BOX (column), count);

  gtk_box_append (GTK_BOX (column), slope_lab_heading_new (_("Why This Breaks Training")));
  gtk_box_append (GTK_BOX (column),
                  wrapped_label (_("PyTorch never replaces w.grad: every backward() adds its "
                                   "gradient to what is already there. That is why the training "
                                   "loop calls optimizer.zero_grad() before cost.backward(). "
                                   "Leave it out, and each step uses the sum of all the "
                                   "gradients so far. The steps keep growing in the old "
                                   "direction, so the line overshoots the data and swings back "
                                   "and forth instead of settling."),
                                 "lab-explanation"));
  gtk_widget_set_halign (demonstrate, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (column), demonstrate);

  /* Scrolls rather than clips when a projector scale makes it tall. */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), column);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_hexpand (scroller, TRUE);
  return scroller;
}

static GtkWidget *
build_output_column (SlopeAccumulationLab *self)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = slope_lab_heading_new (_("Output"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *placeholder = wrapped_label (_("Press z.backward() to run the loop's body once."),
                                          "lab-caption");
  GtkAdjustment *vadjustment;

  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_valign (placeholder, GTK_ALIGN_START);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Printed output"), -1);
  self->output_list = GTK_LIST_BOX (list);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_add_css_class (scroller, "lab-output-list");
  gtk_widget_set_overflow (scroller, GTK_OVERFLOW_HIDDEN);
  self->output_scroller = GTK_SCROLLED_WINDOW (scroller);
  vadjustment = gtk_scrolled_window_get_vadjustment (self->output_scroller);
  g_signal_connect_object (vadjustment, "notify::upper",
                           G_CALLBACK (on_output_upper_changed), self, 0);

  gtk_widget_set_size_request (column, 280, -1);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (column), heading);
  gtk_box_append (GTK_BOX (column), scroller);
  return column;
}

static void
slope_accumulation_lab_init (SlopeAccumulationLab *self)
{
  slope_lab_ensure_style ();
  self->lines = g_ptr_array_new_with_free_func (g_free);
  self->output_text_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  gtk_widget_add_css_class (self->box, "slope-lab");
  gtk_box_append (GTK_BOX (self->box), build_lesson_column (self));
  gtk_box_append (GTK_BOX (self->box), build_output_column (self));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  new_tensor (self);
  update_readout (self);
}

GtkWidget *
slope_accumulation_lab_new (void)
{
  return g_object_new (SLOPE_TYPE_ACCUMULATION_LAB, NULL);
}

/* One press of z.backward(): w.grad += 2, and the loop body's print. */
void
slope_accumulation_lab_backward (SlopeAccumulationLab *self)
{
  g_return_if_fail (SLOPE_IS_ACCUMULATION_LAB (self));

  backward_once (self);
  update_readout (self);
}

/* w.grad.zero_(): the sum starts over, and so does the printout. */
void
slope_accumulation_lab_zero_grad (SlopeAccumulationLab *self)
{
  g_return_if_fail (SLOPE_IS_ACCUMULATION_LAB (self));

  slope_tape_zero_grad (self->tape);
  self->n_backward = 0;
  clear_output (self);
  update_readout (self);
}

/* The notebook's whole cell, run afresh: a new w, then the loop. */
void
slope_accumulation_lab_run (SlopeAccumulationLab *self)
{
  g_return_if_fail (SLOPE_IS_ACCUMULATION_LAB (self));

  new_tensor (self);
  for (guint i = 0; i < SLOPE_ACCUMULATION_LAB_EPOCHS; i++)
    backward_once (self);
  update_readout (self);
}

guint
slope_accumulation_lab_get_n_lines (SlopeAccumulationLab *self)
{
  g_return_val_if_fail (SLOPE_IS_ACCUMULATION_LAB (self), 0);

  return self->lines->len;
}

/**
 * slope_accumulation_lab_get_text:
 *
 * Returns: (transfer full): the printed lines joined by '\n', no newline
 *   after the last
 */
char *
slope_accumulation_lab_get_text (SlopeAccumulationLab *self)
{
  GString *text;

  g_return_val_if_fail (SLOPE_IS_ACCUMULATION_LAB (self), NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < self->lines->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (self->lines, i));
    }
  return g_string_free (text, FALSE);
}

/* 0.0 while w.grad is None. */
double
slope_accumulation_lab_get_w_grad (SlopeAccumulationLab *self)
{
  g_return_val_if_fail (SLOPE_IS_ACCUMULATION_LAB (self), 0.0);

  return slope_tape_get_grad (self->tape, self->w_node);
}

/* Larger for a projector; 1 is the normal size. */
void
slope_accumulation_lab_set_font_scale (SlopeAccumulationLab *self,
                                       double                scale)
{
  g_return_if_fail (SLOPE_IS_ACCUMULATION_LAB (self));
  g_return_if_fail (scale > 0.0);

  slope_lab_set_font_scale (GTK_WIDGET (self), &self->font_css, scale);
}
