/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-optim-state.c: what the optimizer holds between steps
 * (optimizer.state: momentum buffers, moments, sums), shown under the
 * readouts, and what can be said about its stable learning rate.
 *
 * The rows are made once and shown as the optimizer in use has them, in
 * PyTorch's names, so they can be read against print(optimizer.state).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "slope-axis.h"
#include "slope-window-private.h"

typedef enum
{
  FIELD_STEP,
  FIELD_MOMENTUM_BUFFER,
  FIELD_EXP_AVG,
  FIELD_EXP_AVG_SQ,
  FIELD_MAX_EXP_AVG_SQ,
  FIELD_SQUARE_AVG,
  FIELD_GRAD_AVG,
  FIELD_SUM,
} Field;

static const char * const field_names[] = {
  [FIELD_STEP] = "step",
  [FIELD_MOMENTUM_BUFFER] = "momentum_buffer",
  [FIELD_EXP_AVG] = "exp_avg",
  [FIELD_EXP_AVG_SQ] = "exp_avg_sq",
  [FIELD_MAX_EXP_AVG_SQ] = "max_exp_avg_sq",
  [FIELD_SQUARE_AVG] = "square_avg",
  [FIELD_GRAD_AVG] = "grad_avg",
  [FIELD_SUM] = "sum",
};

/* The fields @s keeps, in PyTorch's order; returns how many. */
static guint
fields_of (const SlopeOptimizerSettings *s,
           Field                         out[4])
{
  guint n = 0;

  switch (s->kind)
    {
    case SLOPE_OPTIMIZER_SGD:
      if (s->momentum != 0.0)
        out[n++] = FIELD_MOMENTUM_BUFFER;
      break;
    case SLOPE_OPTIMIZER_ADAM:
    case SLOPE_OPTIMIZER_ADAMW:
      out[n++] = FIELD_STEP;
      out[n++] = FIELD_EXP_AVG;
      out[n++] = FIELD_EXP_AVG_SQ;
      if (s->amsgrad)
        out[n++] = FIELD_MAX_EXP_AVG_SQ;
      break;
    case SLOPE_OPTIMIZER_RMSPROP:
      out[n++] = FIELD_SQUARE_AVG;
      if (s->momentum > 0.0)
        out[n++] = FIELD_MOMENTUM_BUFFER;
      if (s->centered)
        out[n++] = FIELD_GRAD_AVG;
      break;
    case SLOPE_OPTIMIZER_ADAGRAD:
    default:
      out[n++] = FIELD_STEP;
      out[n++] = FIELD_SUM;
      break;
    }
  return n;
}

static double
field_value (const SlopeParamState *p,
             Field                  field)
{
  switch (field)
    {
    case FIELD_MOMENTUM_BUFFER:
      return p->momentum_buffer;
    case FIELD_EXP_AVG:
      return p->exp_avg;
    case FIELD_EXP_AVG_SQ:
      return p->exp_avg_sq;
    case FIELD_MAX_EXP_AVG_SQ:
      return p->max_exp_avg_sq;
    case FIELD_SQUARE_AVG:
      return p->square_avg;
    case FIELD_GRAD_AVG:
      return p->grad_avg;
    case FIELD_SUM:
      return p->sum;
    case FIELD_STEP:
    default:
      g_assert_not_reached ();
    }
}

/* Rows under the eight readouts, above the least-squares caption. */
void
slope_window_optim_state_init (SlopeWindow *self)
{
  for (guint i = 0; i < SLOPE_WINDOW_N_STATE_ROWS; i++)
    {
      GtkWidget *name = gtk_label_new (NULL);
      GtkWidget *value = slope_window_readout_new (SLOPE_WINDOW_READOUT_CHARS);

      gtk_label_set_xalign (GTK_LABEL (name), 0.0);
      gtk_widget_add_css_class (name, "readout-name");
      gtk_widget_add_css_class (name, "optimizer-state");
      gtk_widget_add_css_class (value, "readout-value");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (value),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, NULL, -1);
      gtk_widget_set_visible (name, FALSE);
      gtk_widget_set_visible (value, FALSE);
      gtk_grid_attach (self->readouts, name, 0, N_READOUTS + (int) i, 1, 1);
      gtk_grid_attach (self->readouts, value, 1, N_READOUTS + (int) i, 1, 1);
      self->state_names[i] = GTK_LABEL (name);
      self->state_values[i] = GTK_INSCRIPTION (value);
    }
}

static void
set_row (SlopeWindow *self,
         guint        row,
         const char  *name,
         const char  *value)
{
  slope_window_label_set_text (self->state_names[row], name);
  slope_window_readout_set_text (GTK_WIDGET (self->state_values[row]), value);
  gtk_widget_set_visible (GTK_WIDGET (self->state_names[row]), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->state_values[row]), TRUE);
}

/**
 * slope_window_optim_update_state:
 *
 * The shown state's optimizer.state, one row per field and parameter
 * ("exp_avg W").  Rewound to a past epoch, whose state the history does
 * not keep, the rows show "—"; so they do before the first step, when
 * PyTorch's state is still empty.
 */
void
slope_window_optim_update_state (SlopeWindow *self)
{
  const SlopeTrainerState *st = &self->shown;
  const SlopeOptimizerState *os = &st->opt_state;
  gboolean known = !self->rewinding && st->optimizer == self->optimizer.kind;
  Field fields[4];
  guint n = fields_of (&self->optimizer, fields);
  guint row = 0;

  for (guint f = 0; f < n; f++)
    {
      if (fields[f] == FIELD_STEP)
        {
          char buf[32];

          if (known && os->step > 0.0f)
            g_snprintf (buf, sizeof buf, "%.0f", (double) os->step);
          else
            g_strlcpy (buf, "—", sizeof buf);
          set_row (self, row++, "step", buf);
          continue;
        }
      for (guint p = 0; p < 2; p++)
        {
          g_autofree char *name = g_strdup_printf ("%s %s", field_names[fields[f]], p == 0 ? "W" : "b");
          char buf[64];
          gboolean have = known && os->step > 0.0f;

          /* SGD's and RMSprop's buffers exist once a step made them. */
          if (fields[f] == FIELD_MOMENTUM_BUFFER)
            have = known && os->param[p].has_momentum_buffer;
          else if (self->optimizer.kind == SLOPE_OPTIMIZER_RMSPROP)
            have = known && st->epoch > 0;
          if (have)
            slope_format_number (buf, sizeof buf, field_value (&os->param[p], fields[f]), 6);
          else
            g_strlcpy (buf, "—", sizeof buf);
          set_row (self, row++, name, buf);
        }
    }
  for (; row < SLOPE_WINDOW_N_STATE_ROWS; row++)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->state_names[row]), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->state_values[row]), FALSE);
    }
}

/**
 * slope_window_optim_limit_hint:
 * @lr_2: 2/λmax of the data trained on
 * @limit: (out): the limit on the learning rate, or NAN when there is
 *   no simple one
 *
 * The sentence under the learning-rate slider for an optimizer other than
 * plain SGD, or %NULL for plain SGD, whose sentences the advice has.
 */
char *
slope_window_optim_limit_hint (SlopeWindow *self,
                               double       lr_2,
                               double      *limit)
{
  const SlopeOptimizerSettings *s = &self->optimizer;
  gboolean zero_grad = gtk_switch_get_active (self->zero_grad_switch);
  char mu[32], value[32];

  *limit = NAN;
  if (s->kind == SLOPE_OPTIMIZER_SGD && s->momentum == 0.0 && s->weight_decay == 0.0)
    return NULL;

  if (slope_optimizer_stable_lr (s, zero_grad, 2.0 / lr_2, limit) != SLOPE_STABILITY_EXACT)
    {
      *limit = NAN;
      if (s->kind != SLOPE_OPTIMIZER_SGD)
        /* Translators: %s is an optimizer's class name, e.g. Adam */
        return g_strdup_printf (_("%s divides each step by a running size of the gradient, so "
                                  "no learning rate is stable or unstable as such: there is no "
                                  "simple limit to show. Watch the cost."),
                                slope_optimizer_kind_to_string (s->kind));
      return g_strdup (_("With these settings the step is no longer a fixed multiple of the "
                         "gradient's history that a simple limit describes. Watch the cost."));
    }

  slope_format_number (mu, sizeof mu, s->momentum, 3);
  slope_format_number (value, sizeof value, *limit, 3);
  if (s->momentum != 0.0 && s->nesterov)
    return g_strdup_printf (_("With Nesterov momentum μ = %s it converges below %s "
                              "(2(1 + μ)/((1 + 2μ)λmax)) on these points; diverges above it."),
                            mu, value);
  if (s->momentum != 0.0 && s->dampening != 0.0)
    return g_strdup_printf (_("With momentum μ = %s and dampening d it converges below %s "
                              "(2(1 + μ)/((1 − d)λmax)) on these points; diverges above it."),
                            mu, value);
  if (s->momentum != 0.0)
    return g_strdup_printf (_("With momentum μ = %s it converges below %s (2(1 + μ)/λmax) "
                              "on these points; diverges above it."),
                            mu, value);
  return g_strdup_printf (_("With weight decay it converges below %s (2/(λmax + weight_decay)) "
                            "on these points; diverges above it."),
                          value);
}
