/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-train-optim.c: --optimizer and its keyword arguments, and the
 * mini-batch options.
 *
 * Each value is remembered with whether it was given, because torch.optim
 * refuses a keyword its optimizer does not take (SGD has no betas) and
 * slope-train says so just as PyTorch would.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "slope-parse.h"
#include "slope-train-optim.h"

typedef struct
{
  gboolean given;
  double   value;
} Number;

static struct
{
  char     *optimizer;
  Number    momentum, dampening, weight_decay, beta1, beta2, eps, alpha;
  Number    lr_decay, initial_accumulator_value;
  gboolean  nesterov, amsgrad, centered, shuffle;
  gboolean  betas_given;
  guint     batch_size;
  gboolean  batch_size_given;
  guint64   seed;
  gboolean  seed_given;
} opt;

/* The option a number belongs to, from its name. */
static Number *
number_for (const char *name)
{
  static const struct { const char *name; Number *number; } table[] = {
    { "--momentum", &opt.momentum },
    { "--dampening", &opt.dampening },
    { "--weight-decay", &opt.weight_decay },
    { "--eps", &opt.eps },
    { "--alpha", &opt.alpha },
    { "--lr-decay", &opt.lr_decay },
    { "--initial-accumulator-value", &opt.initial_accumulator_value },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_strcmp0 (name, table[i].name) == 0)
      return table[i].number;
  return NULL;
}

static gboolean
parse_number (const char  *name,
              const char  *value,
              gpointer     data,
              GError     **error)
{
  Number *number = number_for (name);

  g_assert (number != NULL);
  if (!slope_parse_double (value, &number->value))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s must be a number, not “%s”"), name, value);
      return FALSE;
    }
  number->given = TRUE;
  return TRUE;
}

static gboolean
parse_betas (const char  *name,
             const char  *value,
             gpointer     data,
             GError     **error)
{
  if (!slope_parse_double_pair (value, &opt.beta1.value, &opt.beta2.value))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--betas must be two numbers B1,B2 such as 0.9,0.999, not “%s”"), value);
      return FALSE;
    }
  opt.betas_given = TRUE;
  return TRUE;
}

static gboolean
parse_batch_size (const char  *name,
                  const char  *value,
                  gpointer     data,
                  GError     **error)
{
  if (!slope_parse_uint (value, &opt.batch_size) || opt.batch_size < 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--batch-size must be a whole number of at least 1, not “%s”"), value);
      return FALSE;
    }
  opt.batch_size_given = TRUE;
  return TRUE;
}

static gboolean
parse_seed (const char  *name,
            const char  *value,
            gpointer     data,
            GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (value));

  if (!g_ascii_string_to_unsigned (copy, 10, 0, G_MAXUINT64, &opt.seed, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--seed must be a whole number of at least 0, not “%s”"), value);
      return FALSE;
    }
  opt.seed_given = TRUE;
  return TRUE;
}

static const GOptionEntry entries[] = {
  { "optimizer", 0, 0, G_OPTION_ARG_STRING, &opt.optimizer,
    N_("The torch.optim optimizer: SGD (default), Adam, AdamW, RMSprop or Adagrad"), N_("NAME") },
  { "momentum", 0, 0, G_OPTION_ARG_CALLBACK, parse_number,
    N_("SGD, RMSprop: momentum (default 0)"), N_("M") },
  { "dampening", 0, 0, G_OPTION_ARG_CALLBACK, parse_number,
    N_("SGD: dampening of the momentum (default 0)"), N_("D") },
  { "nesterov", 0, 0, G_OPTION_ARG_NONE, &opt.nesterov,
    N_("SGD: Nesterov momentum"), NULL },
  { "weight-decay", 0, 0, G_OPTION_ARG_CALLBACK, parse_number,
    N_("All: weight decay (default 0; AdamW 0.01)"), N_("WD") },
  { "betas", 0, 0, G_OPTION_ARG_CALLBACK, parse_betas,
    N_("Adam, AdamW: the moments' decay rates (default 0.9,0.999)"), N_("B1,B2") },
  { "eps", 0, 0, G_OPTION_ARG_CALLBACK, parse_number,
    N_("Adam, AdamW, RMSprop, Adagrad: added to the denominator (default 1e-8; Adagrad 1e-10)"),
    N_("EPS") },
  { "amsgrad", 0, 0, G_OPTION_ARG_NONE, &opt.amsgrad,
    N_("Adam, AdamW: the AMSGrad variant"), NULL },
  { "alpha", 0, 0, G_OPTION_ARG_CALLBACK, parse_number,
    N_("RMSprop: smoothing constant (default 0.99)"), N_("A") },
  { "centered", 0, 0, G_OPTION_ARG_NONE, &opt.centered,
    N_("RMSprop: divide by the gradient's estimated variance"), NULL },
  { "lr-decay", 0, 0, G_OPTION_ARG_CALLBACK, parse_number,
    N_("Adagrad: learning-rate decay (default 0)"), N_("D") },
  { "initial-accumulator-value", 0, 0, G_OPTION_ARG_CALLBACK, parse_number,
    N_("Adagrad: the sums' starting value (default 0)"), N_("V") },
  { "batch-size", 0, 0, G_OPTION_ARG_CALLBACK, parse_batch_size,
    N_("Points per optimizer step, as DataLoader(…, batch_size=K) (default: all)"), N_("K") },
  { "shuffle", 0, 0, G_OPTION_ARG_NONE, &opt.shuffle,
    N_("Take the batches in a new order every epoch"), NULL },
  { "seed", 0, 0, G_OPTION_ARG_CALLBACK, parse_seed,
    N_("What --shuffle draws its orders from (default 0)"), N_("S") },
  { NULL }
};

const GOptionEntry *
slope_train_optim_entries (void)
{
  return entries;
}

/* Whether any of these options was on the command line. */
gboolean
slope_train_optim_given (void)
{
  return opt.optimizer != NULL || opt.momentum.given || opt.dampening.given
         || opt.weight_decay.given || opt.eps.given || opt.alpha.given
         || opt.lr_decay.given || opt.initial_accumulator_value.given
         || opt.nesterov || opt.amsgrad || opt.centered || opt.betas_given
         || opt.batch_size_given || opt.shuffle || opt.seed_given;
}

/* A keyword the chosen optimizer does not take: PyTorch's TypeError. */
static gboolean
check_takes (SlopeOptimizerKind   kind,
             gboolean             given,
             const char          *keyword,
             GError             **error)
{
  if (!given || slope_optimizer_takes (kind, keyword))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "%s.__init__() got an unexpected keyword argument '%s'",
               slope_optimizer_kind_to_string (kind), keyword);
  return FALSE;
}

/**
 * slope_train_optim_resolve:
 *
 * The optimizer and batching the options ask for, or an error with
 * PyTorch's reason when torch.optim would refuse them.
 */
gboolean
slope_train_optim_resolve (double            lr,
                           SlopeTrainOptim  *out,
                           GError          **error)
{
  SlopeOptimizerKind kind = SLOPE_OPTIMIZER_SGD;
  SlopeOptimizerSettings *s = &out->optimizer;

  if (opt.optimizer != NULL && !slope_optimizer_kind_from_string (opt.optimizer, &kind))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--optimizer must be SGD, Adam, AdamW, RMSprop or Adagrad, not “%s”"),
                   opt.optimizer);
      return FALSE;
    }
  if (opt.seed_given && !opt.shuffle)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--seed needs --shuffle"));
      return FALSE;
    }

  if (!check_takes (kind, opt.momentum.given, "momentum", error)
      || !check_takes (kind, opt.dampening.given, "dampening", error)
      || !check_takes (kind, opt.nesterov, "nesterov", error)
      || !check_takes (kind, opt.betas_given, "betas", error)
      || !check_takes (kind, opt.eps.given, "eps", error)
      || !check_takes (kind, opt.amsgrad, "amsgrad", error)
      || !check_takes (kind, opt.alpha.given, "alpha", error)
      || !check_takes (kind, opt.centered, "centered", error)
      || !check_takes (kind, opt.lr_decay.given, "lr_decay", error)
      || !check_takes (kind, opt.initial_accumulator_value.given, "initial_accumulator_value", error))
    return FALSE;

  slope_optimizer_settings_init (s, kind);
#define TAKE(field) if (opt.field.given) s->field = opt.field.value
  TAKE (momentum);
  TAKE (dampening);
  TAKE (weight_decay);
  TAKE (eps);
  TAKE (alpha);
  TAKE (lr_decay);
  TAKE (initial_accumulator_value);
#undef TAKE
  if (opt.betas_given)
    {
      s->beta1 = opt.beta1.value;
      s->beta2 = opt.beta2.value;
    }
  s->nesterov = opt.nesterov;
  s->amsgrad = opt.amsgrad;
  s->centered = opt.centered;

  if (!slope_optimizer_settings_validate (s, lr, error))
    return FALSE;

  out->batch_size = opt.batch_size_given ? opt.batch_size : 0;
  out->shuffle = opt.shuffle;
  out->seed = opt.seed;
  return TRUE;
}
