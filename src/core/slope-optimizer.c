/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-optimizer.c: torch.optim's update rules, operation for operation.
 *
 * Each rule follows the single-tensor code path of PyTorch 1.13 (the one
 * taken on the CPU, foreach=False) with every tensor operation rounded as
 * PyTorch's float64 CPU kernels round it, checked value by value against
 * PyTorch:
 *
 *   a.add_(b, alpha=s)          fma (s, b, a)
 *   a.addcmul_(b, c, value=s)   fma (s * b, c, a)
 *   a.addcdiv_(b, c, value=s)   a + (s * b) / c
 *   a.mul_(s), a / s, sqrt(a)   each rounded once
 *
 * Python-side arithmetic on plain floats (1 - beta1, lr / bias_correction1,
 * beta1 ** step) is ordinary double arithmetic, and ** is C's pow().
 */
#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "slope-optimizer.h"

static const char * const kind_names[SLOPE_N_OPTIMIZERS] = {
  "SGD", "Adam", "AdamW", "RMSprop", "Adagrad",
};

/* The keyword arguments each constructor accepts besides lr. */
static const char * const keywords[SLOPE_N_OPTIMIZERS][6] = {
  { "momentum", "dampening", "nesterov", "weight_decay", NULL },
  { "betas", "eps", "weight_decay", "amsgrad", NULL },
  { "betas", "eps", "weight_decay", "amsgrad", NULL },
  { "alpha", "eps", "weight_decay", "momentum", "centered", NULL },
  { "lr_decay", "weight_decay", "initial_accumulator_value", "eps", NULL },
};

/* torch.optim's defaults for everything but lr. */
void
slope_optimizer_settings_init (SlopeOptimizerSettings *settings,
                               SlopeOptimizerKind      kind)
{
  g_return_if_fail (settings != NULL);
  g_return_if_fail (kind < SLOPE_N_OPTIMIZERS);

  memset (settings, 0, sizeof *settings);
  settings->kind = kind;
  settings->beta1 = 0.9;
  settings->beta2 = 0.999;
  settings->eps = kind == SLOPE_OPTIMIZER_ADAGRAD ? 1e-10 : 1e-8;
  settings->alpha = 0.99;
  if (kind == SLOPE_OPTIMIZER_ADAMW)
    settings->weight_decay = 1e-2;
}

gboolean
slope_optimizer_settings_equal (const SlopeOptimizerSettings *a,
                                const SlopeOptimizerSettings *b)
{
  return a->kind == b->kind
         && a->momentum == b->momentum && a->dampening == b->dampening
         && !a->nesterov == !b->nesterov && a->weight_decay == b->weight_decay
         && a->beta1 == b->beta1 && a->beta2 == b->beta2 && a->eps == b->eps
         && !a->amsgrad == !b->amsgrad && a->alpha == b->alpha
         && !a->centered == !b->centered && a->lr_decay == b->lr_decay
         && a->initial_accumulator_value == b->initial_accumulator_value;
}

const char *
slope_optimizer_kind_to_string (SlopeOptimizerKind kind)
{
  g_return_val_if_fail (kind < SLOPE_N_OPTIMIZERS, NULL);

  return kind_names[kind];
}

/* The class name as torch.optim spells it, in any case. */
gboolean
slope_optimizer_kind_from_string (const char         *name,
                                  SlopeOptimizerKind *kind)
{
  for (guint i = 0; i < SLOPE_N_OPTIMIZERS; i++)
    if (name != NULL && g_ascii_strcasecmp (name, kind_names[i]) == 0)
      {
        *kind = (SlopeOptimizerKind) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
slope_optimizer_takes (SlopeOptimizerKind  kind,
                       const char         *keyword)
{
  g_return_val_if_fail (kind < SLOPE_N_OPTIMIZERS, FALSE);

  for (guint i = 0; keywords[kind][i] != NULL; i++)
    if (strcmp (keywords[kind][i], keyword) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
invalid (GError     **error,
         const char  *what,
         double       value)
{
  g_autofree char *text = slope_format_python_float (value);

  /* PyTorch's own words, which a student may search for. */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Invalid %s: %s", what, text);
  return FALSE;
}

/**
 * slope_optimizer_settings_validate:
 *
 * Refuses what the torch.optim constructor refuses, with its message
 * (“Invalid beta parameter at index 0: 1.0”), checked in its order.
 */
gboolean
slope_optimizer_settings_validate (const SlopeOptimizerSettings  *s,
                                   double                         lr,
                                   GError                       **error)
{
  g_return_val_if_fail (s != NULL && s->kind < SLOPE_N_OPTIMIZERS, FALSE);

  if (!(lr >= 0.0))
    return invalid (error, "learning rate", lr);

  switch (s->kind)
    {
    case SLOPE_OPTIMIZER_SGD:
      if (!(s->momentum >= 0.0))
        return invalid (error, "momentum value", s->momentum);
      if (!(s->weight_decay >= 0.0))
        return invalid (error, "weight_decay value", s->weight_decay);
      if (s->nesterov && (s->momentum <= 0.0 || s->dampening != 0.0))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Nesterov momentum requires a momentum and zero dampening");
          return FALSE;
        }
      return TRUE;

    case SLOPE_OPTIMIZER_ADAM:
    case SLOPE_OPTIMIZER_ADAMW:
      if (!(s->eps >= 0.0))
        return invalid (error, "epsilon value", s->eps);
      if (!(s->beta1 >= 0.0 && s->beta1 < 1.0))
        return invalid (error, "beta parameter at index 0", s->beta1);
      if (!(s->beta2 >= 0.0 && s->beta2 < 1.0))
        return invalid (error, "beta parameter at index 1", s->beta2);
      if (!(s->weight_decay >= 0.0))
        return invalid (error, "weight_decay value", s->weight_decay);
      return TRUE;

    case SLOPE_OPTIMIZER_RMSPROP:
      if (!(s->eps >= 0.0))
        return invalid (error, "epsilon value", s->eps);
      if (!(s->momentum >= 0.0))
        return invalid (error, "momentum value", s->momentum);
      if (!(s->weight_decay >= 0.0))
        return invalid (error, "weight_decay value", s->weight_decay);
      if (!(s->alpha >= 0.0))
        return invalid (error, "alpha value", s->alpha);
      return TRUE;

    case SLOPE_OPTIMIZER_ADAGRAD:
    default:
      if (!(s->lr_decay >= 0.0))
        return invalid (error, "lr_decay value", s->lr_decay);
      if (!(s->weight_decay >= 0.0))
        return invalid (error, "weight_decay value", s->weight_decay);
      if (!(s->initial_accumulator_value >= 0.0))
        return invalid (error, "initial_accumulator_value value", s->initial_accumulator_value);
      if (!(s->eps >= 0.0))
        return invalid (error, "epsilon value", s->eps);
      return TRUE;
    }
}

/* A fresh optimizer's state, as its constructor and first step make it. */
void
slope_optimizer_state_reset (SlopeOptimizerState          *state,
                             const SlopeOptimizerSettings *settings)
{
  memset (state, 0, sizeof *state);
  if (settings->kind == SLOPE_OPTIMIZER_ADAGRAD)
    for (guint i = 0; i < 2; i++)
      state->param[i].sum = settings->initial_accumulator_value;
}

/* torch.maximum: NaN wins, unlike fmax(). */
static double
maximum (double a,
         double b)
{
  if (isnan (a) || isnan (b))
    return NAN;
  return a > b ? a : b;
}

static double
step_sgd (const SlopeOptimizerSettings *s,
          SlopeParamState              *st,
          double                        lr,
          double                        param,
          double                        grad)
{
  double d_p = grad;

  if (s->weight_decay != 0.0)
    d_p = fma (s->weight_decay, param, d_p);

  if (s->momentum != 0.0)
    {
      if (!st->has_momentum_buffer)
        {
          st->momentum_buffer = d_p;
          st->has_momentum_buffer = TRUE;
        }
      else
        st->momentum_buffer = fma (1.0 - s->dampening, d_p, st->momentum_buffer * s->momentum);

      if (s->nesterov)
        d_p = fma (s->momentum, st->momentum_buffer, d_p);
      else
        d_p = st->momentum_buffer;
    }

  return fma (-lr, d_p, param);
}

/* Adam and AdamW differ only in where the weight decay goes. */
static double
step_adam (const SlopeOptimizerSettings *s,
           SlopeParamState              *st,
           double                        step,
           double                        lr,
           double                        param,
           double                        grad)
{
  double bias_correction1, bias_correction2, step_size, bias_correction2_sqrt, denom;

  if (s->kind == SLOPE_OPTIMIZER_ADAMW)
    param = param * (1.0 - lr * s->weight_decay);
  else if (s->weight_decay != 0.0)
    grad = fma (s->weight_decay, param, grad);

  st->exp_avg = fma (1.0 - s->beta1, grad, st->exp_avg * s->beta1);
  st->exp_avg_sq = fma ((1.0 - s->beta2) * grad, grad, st->exp_avg_sq * s->beta2);

  bias_correction1 = 1.0 - pow (s->beta1, step);
  bias_correction2 = 1.0 - pow (s->beta2, step);
  step_size = lr / bias_correction1;
  bias_correction2_sqrt = sqrt (bias_correction2);

  if (s->amsgrad)
    {
      st->max_exp_avg_sq = maximum (st->max_exp_avg_sq, st->exp_avg_sq);
      denom = sqrt (st->max_exp_avg_sq) / bias_correction2_sqrt + s->eps;
    }
  else
    denom = sqrt (st->exp_avg_sq) / bias_correction2_sqrt + s->eps;

  return param + (-step_size * st->exp_avg) / denom;
}

static double
step_rmsprop (const SlopeOptimizerSettings *s,
              SlopeParamState              *st,
              double                        lr,
              double                        param,
              double                        grad)
{
  double avg;

  if (s->weight_decay != 0.0)
    grad = fma (s->weight_decay, param, grad);

  st->square_avg = fma ((1.0 - s->alpha) * grad, grad, st->square_avg * s->alpha);

  if (s->centered)
    {
      st->grad_avg = fma (1.0 - s->alpha, grad, st->grad_avg * s->alpha);
      avg = sqrt (fma (-1.0 * st->grad_avg, st->grad_avg, st->square_avg));
    }
  else
    avg = sqrt (st->square_avg);
  avg = avg + s->eps;

  if (s->momentum > 0.0)
    {
      st->momentum_buffer = st->momentum_buffer * s->momentum + (1.0 * grad) / avg;
      return fma (-lr, st->momentum_buffer, param);
    }
  return param + (-lr * grad) / avg;
}

static double
step_adagrad (const SlopeOptimizerSettings *s,
              SlopeParamState              *st,
              double                        step,
              double                        lr,
              double                        param,
              double                        grad)
{
  double clr, std;

  if (s->weight_decay != 0.0)
    grad = fma (s->weight_decay, param, grad);

  clr = lr / (1.0 + (step - 1.0) * s->lr_decay);
  st->sum = fma (1.0 * grad, grad, st->sum);
  std = sqrt (st->sum) + s->eps;

  return param + (-clr * grad) / std;
}

/**
 * slope_optimizer_step:
 * @params: (inout): W and b
 * @grads: W.grad and b.grad, left unchanged as PyTorch leaves them
 *
 * optimizer.step() with learning rate @lr.
 */
void
slope_optimizer_step (const SlopeOptimizerSettings *settings,
                      SlopeOptimizerState          *state,
                      double                        lr,
                      double                        params[2],
                      const double                  grads[2])
{
  double step;

  g_return_if_fail (settings != NULL && state != NULL);

  /* step_t += 1 on a float32 tensor, then step_t.item(). */
  state->step = state->step + 1.0f;
  step = (double) state->step;

  for (guint i = 0; i < 2; i++)
    {
      SlopeParamState *st = &state->param[i];

      switch (settings->kind)
        {
        case SLOPE_OPTIMIZER_SGD:
          params[i] = step_sgd (settings, st, lr, params[i], grads[i]);
          break;
        case SLOPE_OPTIMIZER_ADAM:
        case SLOPE_OPTIMIZER_ADAMW:
          params[i] = step_adam (settings, st, step, lr, params[i], grads[i]);
          break;
        case SLOPE_OPTIMIZER_RMSPROP:
          params[i] = step_rmsprop (settings, st, lr, params[i], grads[i]);
          break;
        case SLOPE_OPTIMIZER_ADAGRAD:
        default:
          params[i] = step_adagrad (settings, st, step, lr, params[i], grads[i]);
          break;
        }
    }
}

/**
 * slope_optimizer_stable_lr:
 * @lambda_max: the largest eigenvalue of the cost's Hessian
 * @lr_max: (out): the limit, when there is one
 *
 * On a quadratic cost each eigen-direction of the Hessian evolves on its
 * own, and for SGD the update is linear, so the limit is exact:
 *
 *   heavy-ball momentum μ, dampening d:  lr·(1 − d)·(λ + wd) < 2(1 + μ)
 *   Nesterov momentum μ:                 lr·(λ + wd) < 2(1 + μ)/(1 + 2μ)
 *
 * which for μ = 0 is the familiar lr < 2/λmax.  Without zero_grad, plain
 * SGD's buffer sums every gradient, which acts as momentum 1: lr < 4/λmax.
 * Adam, AdamW, RMSprop and Adagrad divide each step by a running size of
 * the gradient, so no learning rate is stable or unstable as such.
 */
SlopeStability
slope_optimizer_stable_lr (const SlopeOptimizerSettings *s,
                           gboolean                      zero_grad,
                           double                        lambda_max,
                           double                       *lr_max)
{
  double lambda = lambda_max + s->weight_decay;
  double mu = s->momentum;

  /* Momentum of 1 or more, or dampening of 1 or more, leaves the
   * recurrence without the simple bound below. */
  if (s->kind != SLOPE_OPTIMIZER_SGD || !(lambda > 0.0) || !(mu < 1.0) || !(s->dampening < 1.0))
    return SLOPE_STABILITY_NOT_SIMPLE;

  if (!zero_grad)
    {
      if (mu != 0.0 || s->weight_decay != 0.0)
        return SLOPE_STABILITY_NOT_SIMPLE;
      *lr_max = 4.0 / lambda;
      return SLOPE_STABILITY_EXACT;
    }

  if (mu != 0.0 && s->nesterov)
    *lr_max = 2.0 * (1.0 + mu) / ((1.0 + 2.0 * mu) * lambda);
  else if (mu != 0.0)
    *lr_max = 2.0 * (1.0 + mu) / ((1.0 - s->dampening) * lambda);
  else
    *lr_max = 2.0 / lambda;
  return SLOPE_STABILITY_EXACT;
}

/**
 * slope_format_python_float:
 *
 * @value as Python's repr() writes a float: the shortest digits that read
 * back to it, "1.0" for a whole number, exponents from 1e-05 and 1e+16 on.
 * Used for PyTorch's messages and for the numbers in exported scripts.
 */
char *
slope_format_python_float (double value)
{
  char buf[40], digits[24];
  const char *e;
  int precision, exponent, n_digits, decpt;
  GString *out;

  if (isnan (value))
    return g_strdup ("nan");
  if (isinf (value))
    return g_strdup (value > 0 ? "inf" : "-inf");

  /* g_ascii_formatd writes a '.' whatever the locale. */
  for (precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%de", precision - 1);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  /* buf is [-]d[.ddd]e±XX; take its digits and exponent apart. */
  n_digits = 0;
  for (const char *p = buf; *p != 'e'; p++)
    if (g_ascii_isdigit (*p))
      digits[n_digits++] = *p;
  while (n_digits > 1 && digits[n_digits - 1] == '0')
    n_digits--;
  digits[n_digits] = '\0';
  e = strchr (buf, 'e');
  exponent = atoi (e + 1);
  decpt = exponent + 1;

  out = g_string_new (signbit (value) ? "-" : "");
  if (decpt <= -4 || decpt > 16)
    {
      g_string_append_c (out, digits[0]);
      if (n_digits > 1)
        g_string_append_printf (out, ".%s", digits + 1);
      g_string_append_printf (out, "e%c%02d", exponent < 0 ? '-' : '+', ABS (exponent));
    }
  else if (decpt <= 0)
    {
      g_string_append (out, "0.");
      for (int i = 0; i < -decpt; i++)
        g_string_append_c (out, '0');
      g_string_append (out, digits);
    }
  else if (decpt >= n_digits)
    {
      g_string_append (out, digits);
      for (int i = n_digits; i < decpt; i++)
        g_string_append_c (out, '0');
      g_string_append (out, ".0");
    }
  else
    {
      g_string_append_len (out, digits, decpt);
      g_string_append_printf (out, ".%s", digits + decpt);
    }

  return g_string_free (out, FALSE);
}
