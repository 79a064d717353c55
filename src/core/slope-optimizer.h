/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-optimizer.h: the torch.optim optimizers the lesson can switch to,
 * for the two parameters W and b, computed as PyTorch 1.13 computes them
 * on float64 CPU tensors.
 *
 * Settings and state are plain structs: the trainer owns one of each, and
 * the command line, lesson files and script export read the settings.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SLOPE_OPTIMIZER_SGD,
  SLOPE_OPTIMIZER_ADAM,
  SLOPE_OPTIMIZER_ADAMW,
  SLOPE_OPTIMIZER_RMSPROP,
  SLOPE_OPTIMIZER_ADAGRAD,
} SlopeOptimizerKind;

#define SLOPE_N_OPTIMIZERS (SLOPE_OPTIMIZER_ADAGRAD + 1)

/* The keyword arguments of each constructor; those an optimizer does not
 * take are ignored by it. */
typedef struct
{
  SlopeOptimizerKind kind;
  double   momentum;                    /* SGD, RMSprop */
  double   dampening;                   /* SGD */
  gboolean nesterov;                    /* SGD */
  double   weight_decay;                /* all */
  double   beta1;                       /* Adam, AdamW */
  double   beta2;
  double   eps;                         /* Adam, AdamW, RMSprop, Adagrad */
  gboolean amsgrad;                     /* Adam, AdamW */
  double   alpha;                       /* RMSprop */
  gboolean centered;                    /* RMSprop */
  double   lr_decay;                    /* Adagrad */
  double   initial_accumulator_value;   /* Adagrad */
} SlopeOptimizerSettings;

/* What optimizer.state holds for one parameter. */
typedef struct
{
  gboolean has_momentum_buffer;   /* SGD's buffer is None before the first step */
  double   momentum_buffer;       /* SGD, RMSprop */
  double   exp_avg;               /* Adam, AdamW */
  double   exp_avg_sq;
  double   max_exp_avg_sq;
  double   square_avg;            /* RMSprop */
  double   grad_avg;
  double   sum;                   /* Adagrad */
} SlopeParamState;

typedef struct
{
  /* Adam, AdamW and Adagrad count steps in a float32 tensor, which stops
   * counting at 2²⁴; so does this. */
  float           step;
  SlopeParamState param[2];       /* W, b */
} SlopeOptimizerState;

/* What can be said about the largest learning rate that converges on a
 * least-squares cost whose Hessian has largest eigenvalue λmax. */
typedef enum
{
  SLOPE_STABILITY_EXACT,          /* converges for lr below *lr_max, diverges above */
  SLOPE_STABILITY_NOT_SIMPLE,     /* adaptive steps: no simple limit */
} SlopeStability;

void            slope_optimizer_settings_init     (SlopeOptimizerSettings       *settings,
                                                   SlopeOptimizerKind            kind);
gboolean        slope_optimizer_settings_equal    (const SlopeOptimizerSettings *a,
                                                   const SlopeOptimizerSettings *b);
gboolean        slope_optimizer_settings_validate (const SlopeOptimizerSettings *settings,
                                                   double                        lr,
                                                   GError                      **error);
const char     *slope_optimizer_kind_to_string    (SlopeOptimizerKind            kind);
gboolean        slope_optimizer_kind_from_string  (const char                   *name,
                                                   SlopeOptimizerKind           *kind);
gboolean        slope_optimizer_takes             (SlopeOptimizerKind            kind,
                                                   const char                   *keyword);
void            slope_optimizer_state_reset       (SlopeOptimizerState          *state,
                                                   const SlopeOptimizerSettings *settings);
void            slope_optimizer_step              (const SlopeOptimizerSettings *settings,
                                                   SlopeOptimizerState          *state,
                                                   double                        lr,
                                                   double                        params[2],
                                                   const double                  grads[2]);
SlopeStability  slope_optimizer_stable_lr         (const SlopeOptimizerSettings *settings,
                                                   gboolean                      zero_grad,
                                                   double                        lambda_max,
                                                   double                       *lr_max);
char           *slope_format_python_float         (double                        value);

G_END_DECLS
