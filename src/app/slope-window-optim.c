/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-optim.c: the optimizer the window trains with — the side
 * panel's "Optimizer" section, its keyword arguments, PyTorch's refusals,
 * and the optimizer's state in the readouts.
 *
 * The section is one self-contained box, put under the zero_grad switch.
 * A change applies from the next line, as the learning-rate slider's does;
 * a changed optimizer starts with empty state, as building a new
 * torch.optim object would.  Settings PyTorch refuses are not applied:
 * the section says PyTorch's reason, and the last accepted ones train on.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stddef.h>
#include <string.h>

#include "slope-axis.h"
#include "slope-parse.h"
#include "slope-script.h"
#include "slope-window-private.h"

typedef enum
{
  PARAM_NUMBER,
  PARAM_FLAG,
} ParamType;

/* One keyword argument of one constructor: what it is called in the
 * GSettings dictionary and on screen, and where it lives in the settings. */
typedef struct
{
  SlopeOptimizerKind kind;
  const char        *key;
  const char        *label;
  ParamType          type;
  gsize              offset;
} Param;

#define NUMBER(k, key, label, field) \
  { k, key, label, PARAM_NUMBER, offsetof (SlopeOptimizerSettings, field) }
#define FLAG(k, key, field) \
  { k, key, key, PARAM_FLAG, offsetof (SlopeOptimizerSettings, field) }

static const Param params[SLOPE_WINDOW_N_OPTIM_PARAMS] = {
  NUMBER (SLOPE_OPTIMIZER_SGD, "momentum", "momentum", momentum),
  NUMBER (SLOPE_OPTIMIZER_SGD, "dampening", "dampening", dampening),
  NUMBER (SLOPE_OPTIMIZER_SGD, "weight_decay", "weight_decay", weight_decay),
  FLAG (SLOPE_OPTIMIZER_SGD, "nesterov", nesterov),
  NUMBER (SLOPE_OPTIMIZER_ADAM, "beta1", "betas[0]", beta1),
  NUMBER (SLOPE_OPTIMIZER_ADAM, "beta2", "betas[1]", beta2),
  NUMBER (SLOPE_OPTIMIZER_ADAM, "eps", "eps", eps),
  NUMBER (SLOPE_OPTIMIZER_ADAM, "weight_decay", "weight_decay", weight_decay),
  FLAG (SLOPE_OPTIMIZER_ADAM, "amsgrad", amsgrad),
  NUMBER (SLOPE_OPTIMIZER_ADAMW, "beta1", "betas[0]", beta1),
  NUMBER (SLOPE_OPTIMIZER_ADAMW, "beta2", "betas[1]", beta2),
  NUMBER (SLOPE_OPTIMIZER_ADAMW, "eps", "eps", eps),
  NUMBER (SLOPE_OPTIMIZER_ADAMW, "weight_decay", "weight_decay", weight_decay),
  FLAG (SLOPE_OPTIMIZER_ADAMW, "amsgrad", amsgrad),
  NUMBER (SLOPE_OPTIMIZER_RMSPROP, "alpha", "alpha", alpha),
  NUMBER (SLOPE_OPTIMIZER_RMSPROP, "eps", "eps", eps),
  NUMBER (SLOPE_OPTIMIZER_RMSPROP, "momentum", "momentum", momentum),
  NUMBER (SLOPE_OPTIMIZER_RMSPROP, "weight_decay", "weight_decay", weight_decay),
  FLAG (SLOPE_OPTIMIZER_RMSPROP, "centered", centered),
  NUMBER (SLOPE_OPTIMIZER_ADAGRAD, "lr_decay", "lr_decay", lr_decay),
  NUMBER (SLOPE_OPTIMIZER_ADAGRAD, "eps", "eps", eps),
  NUMBER (SLOPE_OPTIMIZER_ADAGRAD, "weight_decay", "weight_decay", weight_decay),
  NUMBER (SLOPE_OPTIMIZER_ADAGRAD, "initial_accumulator_value", "initial_accumulator_value",
          initial_accumulator_value),
};

static double *
number_field (SlopeOptimizerSettings *s,
              const Param            *p)
{
  return (double *) ((char *) s + p->offset);
}

static gboolean *
flag_field (SlopeOptimizerSettings *s,
            const Param            *p)
{
  return (gboolean *) ((char *) s + p->offset);
}

/* ---- Widgets and settings ---------------------------------------------- */

static void
show_param (SlopeWindow                  *self,
            guint                         i,
            const SlopeOptimizerSettings *s)
{
  const Param *p = &params[i];
  GtkWidget *widget = self->optim_params[i];

  if (p->type == PARAM_FLAG)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (widget),
                                 *flag_field ((SlopeOptimizerSettings *) s, p));
  else
    {
      g_autofree char *text = slope_format_python_float (*number_field ((SlopeOptimizerSettings *) s, p));

      gtk_editable_set_text (GTK_EDITABLE (widget), text);
      gtk_widget_remove_css_class (widget, "error");
    }
}

/* The controls show @s: its kind chosen, its arguments in their places. */
static void
show_settings (SlopeWindow                  *self,
               const SlopeOptimizerSettings *s)
{
  self->updating_controls++;
  gtk_drop_down_set_selected (self->optim_drop_down, s->kind);
  for (guint k = 0; k < SLOPE_N_OPTIMIZERS; k++)
    gtk_widget_set_visible (self->optim_grids[k], k == s->kind);
  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    if (params[i].kind == s->kind)
      show_param (self, i, s);
  self->updating_controls--;
}

static GVariant *
settings_to_variant (const SlopeOptimizerSettings *s)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sd}"));
  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    {
      const Param *p = &params[i];

      if (p->kind != s->kind)
        continue;
      g_variant_builder_add (&builder, "{sd}", p->key,
                             p->type == PARAM_FLAG
                               ? (*flag_field ((SlopeOptimizerSettings *) s, p) ? 1.0 : 0.0)
                               : *number_field ((SlopeOptimizerSettings *) s, p));
    }
  return g_variant_builder_end (&builder);
}

static void
save_settings (SlopeWindow *self)
{
  g_settings_set_string (self->settings, "optimizer",
                         slope_optimizer_kind_to_string (self->optimizer.kind));
  g_settings_set_value (self->settings, "optimizer-parameters",
                        settings_to_variant (&self->optimizer));
}

/* The saved optimizer, or torch.optim's defaults for it where a saved
 * value is missing; plain SGD if what was saved is refused. */
static void
load_settings (SlopeWindow            *self,
               SlopeOptimizerSettings *s)
{
  g_autofree char *name = g_settings_get_string (self->settings, "optimizer");
  g_autoptr(GVariant) dict = g_settings_get_value (self->settings, "optimizer-parameters");
  SlopeOptimizerKind kind = SLOPE_OPTIMIZER_SGD;

  if (!slope_optimizer_kind_from_string (name, &kind))
    kind = SLOPE_OPTIMIZER_SGD;
  slope_optimizer_settings_init (s, kind);
  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    {
      const Param *p = &params[i];
      double value;

      if (p->kind != kind || !g_variant_lookup (dict, p->key, "d", &value))
        continue;
      if (p->type == PARAM_FLAG)
        *flag_field (s, p) = value != 0.0;
      else
        *number_field (s, p) = value;
    }
  if (!slope_optimizer_settings_validate (s, self->lr, NULL))
    slope_optimizer_settings_init (s, SLOPE_OPTIMIZER_SGD);
}

/* ---- Applying ---------------------------------------------------------- */

static void
show_refusal (SlopeWindow *self,
              const char  *reason)
{
  if (reason == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->optim_error), FALSE);
      return;
    }
  {
    /* Translators: %s is PyTorch's own message, in English, e.g. "Invalid momentum value: -1.0" */
    g_autofree char *text = g_strdup_printf (_("PyTorch refuses this: %s. Training goes on "
                                               "with the last settings it accepts."),
                                             reason);

    gtk_label_set_text (self->optim_error, text);
    gtk_widget_set_visible (GTK_WIDGET (self->optim_error), TRUE);
  }
}

/* What the controls of the chosen optimizer say, read as PyTorch would
 * read the keyword arguments; FALSE, with the entry marked, when one is
 * not a number. */
static gboolean
read_controls (SlopeWindow            *self,
               SlopeOptimizerSettings *s)
{
  SlopeOptimizerKind kind = gtk_drop_down_get_selected (self->optim_drop_down);
  gboolean ok = TRUE;

  slope_optimizer_settings_init (s, kind);
  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    {
      const Param *p = &params[i];
      GtkWidget *widget = self->optim_params[i];

      if (p->kind != kind)
        continue;
      if (p->type == PARAM_FLAG)
        *flag_field (s, p) = gtk_check_button_get_active (GTK_CHECK_BUTTON (widget));
      else if (slope_parse_double (gtk_editable_get_text (GTK_EDITABLE (widget)), number_field (s, p)))
        gtk_widget_remove_css_class (widget, "error");
      else
        {
          gtk_widget_add_css_class (widget, "error");
          ok = FALSE;
        }
    }
  return ok;
}

static void
apply_controls (SlopeWindow *self)
{
  SlopeOptimizerSettings s;

  if (self->updating_controls || self->runner == NULL)
    return;
  if (!read_controls (self, &s))
    {
      show_refusal (self, _("a value is not a number"));
      return;
    }
  slope_window_set_optimizer (self, &s);
}

/**
 * slope_window_set_optimizer:
 *
 * Trains with @settings from the next line on, if PyTorch would accept
 * them with the window's learning rate: the controls show them, the
 * settings keep them.  When PyTorch would refuse them the controls show
 * them too, with PyTorch's reason, and training goes on with the last
 * accepted ones; returns %FALSE then.
 */
gboolean
slope_window_set_optimizer (SlopeWindow                  *self,
                            const SlopeOptimizerSettings *settings)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SLOPE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (settings != NULL && settings->kind < SLOPE_N_OPTIMIZERS, FALSE);

  show_settings (self, settings);
  if (!slope_optimizer_settings_validate (settings, self->lr, &error))
    {
      show_refusal (self, error->message);
      return FALSE;
    }
  show_refusal (self, NULL);
  self->optimizer = *settings;
  save_settings (self);
  slope_runner_set_optimizer (self->runner, settings);
  slope_window_controls_update_limits (self);
  slope_window_optim_update_code (self);
  return TRUE;
}

/* ---- Building the section ---------------------------------------------- */

static void
on_kind_selected (GtkDropDown *drop_down,
                  GParamSpec  *pspec,
                  SlopeWindow *self)
{
  guint kind = gtk_drop_down_get_selected (drop_down);

  for (guint k = 0; k < SLOPE_N_OPTIMIZERS; k++)
    gtk_widget_set_visible (self->optim_grids[k], k == kind);
  apply_controls (self);
}

static void
on_entry_leave (GtkEventControllerFocus *controller,
                SlopeWindow             *self)
{
  /* Closing the window takes the focus away too, after dispose. */
  if (self->runner == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  apply_controls (self);
}

static GtkWidget *
build_param (SlopeWindow *self,
             guint        i)
{
  const Param *p = &params[i];
  GtkWidget *widget;

  if (p->type == PARAM_FLAG)
    {
      widget = gtk_check_button_new_with_label (p->label);
      gtk_widget_add_css_class (widget, "monospace");
      gtk_widget_add_css_class (widget, "caption");
      g_signal_connect_swapped (widget, "toggled", G_CALLBACK (apply_controls), self);
    }
  else
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      widget = gtk_entry_new ();
      gtk_editable_set_width_chars (GTK_EDITABLE (widget), 3);
      gtk_entry_set_input_purpose (GTK_ENTRY (widget), GTK_INPUT_PURPOSE_NUMBER);
      gtk_widget_set_hexpand (widget, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, p->label, -1);
      g_signal_connect_swapped (widget, "activate", G_CALLBACK (apply_controls), self);
      g_signal_connect (focus, "leave", G_CALLBACK (on_entry_leave), self);
      gtk_widget_add_controller (widget, focus);
    }
  self->optim_params[i] = widget;
  return widget;
}

/* One grid per optimizer: a keyword argument a row, its name beside an
 * entry wide enough for what a person types ("0.9995", "1e-10"); the
 * panel scrolls rather than cut a value short.  A flag is a check box. */
static GtkWidget *
build_grid (SlopeWindow        *self,
            SlopeOptimizerKind  kind)
{
  GtkWidget *grid = gtk_grid_new ();
  int row = 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    {
      const Param *p = &params[i];
      GtkWidget *widget;

      if (p->kind != kind)
        continue;
      widget = build_param (self, i);
      if (p->type == PARAM_FLAG)
        gtk_grid_attach (GTK_GRID (grid), widget, 0, row, 2, 1);
      else
        {
          GtkWidget *label = gtk_label_new (p->label);

          gtk_label_set_xalign (GTK_LABEL (label), 0.0);
          gtk_widget_add_css_class (label, "monospace");
          gtk_widget_add_css_class (label, "caption");
          gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                          GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
          gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), widget, 1, row, 1, 1);
        }
      row++;
    }
  return grid;
}

static GtkWidget *
build_section (SlopeWindow *self)
{
  static const char * const names[] = { "SGD", "Adam", "AdamW", "RMSprop", "Adagrad", NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Optimizer"));

  gtk_widget_add_css_class (box, "optimizer-section");
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  self->optim_drop_down = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (names));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->optim_drop_down));
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->optim_drop_down));
  gtk_box_append (GTK_BOX (box), row);

  self->optim_params_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  for (guint k = 0; k < SLOPE_N_OPTIMIZERS; k++)
    {
      self->optim_grids[k] = build_grid (self, k);
      gtk_box_append (GTK_BOX (self->optim_params_box), self->optim_grids[k]);
    }
  gtk_box_append (GTK_BOX (box), self->optim_params_box);

  self->optim_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->optim_error, TRUE);
  gtk_label_set_xalign (self->optim_error, 0.0);
  gtk_label_set_max_width_chars (self->optim_error, 36);
  gtk_widget_add_css_class (GTK_WIDGET (self->optim_error), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->optim_error), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->optim_error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->optim_error));

  g_signal_connect (self->optim_drop_down, "notify::selected", G_CALLBACK (on_kind_selected), self);
  return box;
}

/* A group of the side panel of its own, after the learning rate's and
 * optimizer.zero_grad()'s (the panel draws the rule between groups). */
static void
insert_section (SlopeWindow *self,
                GtkWidget   *section)
{
  GtkWidget *group = gtk_widget_get_parent (GTK_WIDGET (self->zero_grad_hint));

  gtk_widget_add_css_class (section, "panel-group");
  if (GTK_IS_BOX (self->side_panel) && gtk_widget_get_parent (group) == self->side_panel)
    gtk_box_insert_child_after (GTK_BOX (self->side_panel), section, group);
  else
    gtk_grid_attach_next_to (self->settings_grid, section, NULL, GTK_POS_BOTTOM, 2, 1);
}

void
slope_window_optim_init (SlopeWindow *self)
{
  SlopeOptimizerSettings s;

  self->optim_section = build_section (self);
  insert_section (self, self->optim_section);
  slope_window_optim_state_init (self);

  /* Every optimizer's controls start at torch.optim's defaults, so
   * choosing one trains with them. */
  self->updating_controls++;
  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    {
      slope_optimizer_settings_init (&s, params[i].kind);
      show_param (self, i, &s);
    }
  self->updating_controls--;
  load_settings (self, &s);
  show_settings (self, &s);
  self->optimizer = s;
  slope_runner_set_optimizer (self->runner, &s);
  slope_window_controls_update_limits (self);
  slope_window_optim_update_code (self);
}

/* The control of @kind's keyword argument @key ("beta1" for betas[0]). */
GtkWidget *
slope_window_optim_param (SlopeWindow        *self,
                          SlopeOptimizerKind  kind,
                          const char         *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    if (params[i].kind == kind && g_str_equal (params[i].key, key))
      return self->optim_params[i];
  g_return_val_if_reached (NULL);
}

/* The code panel's first line: the optimizer as the script would build it. */
void
slope_window_optim_update_code (SlopeWindow *self)
{
  g_autofree char *call = slope_optimizer_to_python (&self->optimizer, self->lr);
  g_autofree char *line = g_strconcat ("optimizer = ", call, NULL);

  slope_code_view_set_optimizer (self->code_view, line);
}
