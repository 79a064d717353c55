/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-optimizer.c: torch.optim's update rules on hand-worked steps, the
 * constructors' refusals in PyTorch's words, the stable learning rates
 * checked by training at either side of them, and Python's float repr. */
#include "config.h"

#include <gio/gio.h>
#include <math.h>

#include "slope-dataset.h"
#include "slope-optimizer.h"
#include "slope-trainer.h"

typedef struct
{
  SlopeOptimizerSettings s;
  SlopeOptimizerState    st;
  double                 p[2];
} Opt;

static void
opt_init (Opt                *o,
          SlopeOptimizerKind  kind,
          double              w,
          double              b)
{
  slope_optimizer_settings_init (&o->s, kind);
  o->p[0] = w;
  o->p[1] = b;
}

static void
opt_step (Opt    *o,
          double  lr,
          double  gw,
          double  gb)
{
  const double g[2] = { gw, gb };

  slope_optimizer_step (&o->s, &o->st, lr, o->p, g);
}

static void
test_defaults (void)
{
  SlopeOptimizerSettings s;

  /* torch.optim 1.13's constructors. */
  slope_optimizer_settings_init (&s, SLOPE_OPTIMIZER_ADAMW);
  g_assert_cmpfloat (s.weight_decay, ==, 1e-2);
  g_assert_cmpfloat (s.beta1, ==, 0.9);
  g_assert_cmpfloat (s.beta2, ==, 0.999);
  g_assert_cmpfloat (s.eps, ==, 1e-8);
  slope_optimizer_settings_init (&s, SLOPE_OPTIMIZER_ADAGRAD);
  g_assert_cmpfloat (s.eps, ==, 1e-10);
  g_assert_cmpfloat (s.weight_decay, ==, 0.0);
  slope_optimizer_settings_init (&s, SLOPE_OPTIMIZER_RMSPROP);
  g_assert_cmpfloat (s.alpha, ==, 0.99);
  g_assert_cmpfloat (s.momentum, ==, 0.0);
}

/* buf = g on the first step, then buf = μ·buf + (1 − d)·g. */
static void
test_sgd_momentum (void)
{
  Opt o = { 0 };

  opt_init (&o, SLOPE_OPTIMIZER_SGD, 0.0, 0.0);
  o.s.momentum = 0.9;
  slope_optimizer_state_reset (&o.st, &o.s);
  opt_step (&o, 0.1, 1.0, -2.0);
  g_assert_cmpfloat_with_epsilon (o.p[0], -0.1, 1e-15);
  g_assert_cmpfloat_with_epsilon (o.p[1], 0.2, 1e-15);
  opt_step (&o, 0.1, 1.0, -2.0);
  g_assert_cmpfloat_with_epsilon (o.st.param[0].momentum_buffer, 1.9, 1e-15);
  g_assert_cmpfloat_with_epsilon (o.p[0], -0.29, 1e-15);
  g_assert_cmpfloat_with_epsilon (o.p[1], 0.58, 1e-15);

  opt_init (&o, SLOPE_OPTIMIZER_SGD, 0.0, 0.0);
  o.s.momentum = 0.9;
  o.s.dampening = 0.5;
  slope_optimizer_state_reset (&o.st, &o.s);
  opt_step (&o, 0.1, 1.0, 0.0);
  opt_step (&o, 0.1, 1.0, 0.0);
  g_assert_cmpfloat_with_epsilon (o.st.param[0].momentum_buffer, 1.4, 1e-15);

  /* Nesterov steps along g + μ·buf. */
  opt_init (&o, SLOPE_OPTIMIZER_SGD, 0.0, 0.0);
  o.s.momentum = 0.9;
  o.s.nesterov = TRUE;
  slope_optimizer_state_reset (&o.st, &o.s);
  opt_step (&o, 0.1, 1.0, 0.0);
  g_assert_cmpfloat_with_epsilon (o.p[0], -0.19, 1e-15);
  g_assert_cmpfloat (o.p[1], ==, 0.0);

  /* Weight decay adds wd·W to a copy of the gradient. */
  opt_init (&o, SLOPE_OPTIMIZER_SGD, 2.0, 0.0);
  o.s.weight_decay = 0.5;
  slope_optimizer_state_reset (&o.st, &o.s);
  opt_step (&o, 0.1, 1.0, 0.0);
  g_assert_cmpfloat_with_epsilon (o.p[0], 1.8, 1e-15);
}

/* The first Adam step divides m̂ = g by √v̂ + eps = |g| + eps: a step of lr
 * against the gradient's sign, whatever its size. */
static void
test_adam_first_step (void)
{
  Opt o = { 0 };

  opt_init (&o, SLOPE_OPTIMIZER_ADAM, 0.0, 0.0);
  slope_optimizer_state_reset (&o.st, &o.s);
  opt_step (&o, 0.1, 1.0, -2000.0);
  g_assert_cmpfloat_with_epsilon (o.p[0], -0.1, 1e-8);
  g_assert_cmpfloat_with_epsilon (o.p[1], 0.1, 1e-8);
  g_assert_cmpfloat (o.st.step, ==, 1.0f);
  g_assert_cmpfloat_with_epsilon (o.st.param[1].exp_avg, -200.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (o.st.param[1].exp_avg_sq, 4000.0, 1e-9);

  /* AdamW shrinks the parameter by 1 − lr·wd first. */
  opt_init (&o, SLOPE_OPTIMIZER_ADAMW, 1.0, 1.0);
  o.s.weight_decay = 0.5;
  slope_optimizer_state_reset (&o.st, &o.s);
  opt_step (&o, 0.1, 1.0, -1.0);
  g_assert_cmpfloat_with_epsilon (o.p[0], 0.85, 1e-8);
  g_assert_cmpfloat_with_epsilon (o.p[1], 1.05, 1e-8);

  /* AMSGrad keeps the largest second moment. */
  opt_init (&o, SLOPE_OPTIMIZER_ADAM, 0.0, 0.0);
  o.s.amsgrad = TRUE;
  slope_optimizer_state_reset (&o.st, &o.s);
  opt_step (&o, 0.1, 10.0, 0.0);
  opt_step (&o, 0.1, 0.0, 0.0);
  g_assert_cmpfloat (o.st.param[0].max_exp_avg_sq, >, o.st.param[0].exp_avg_sq);
  g_assert_cmpfloat_with_epsilon (o.st.param[0].max_exp_avg_sq, 0.1, 1e-12);
}

/* Adam counts steps in float32, as torch.optim's state['step'] does. */
static void
test_float32_step (void)
{
  Opt o = { 0 };

  opt_init (&o, SLOPE_OPTIMIZER_ADAM, 0.0, 0.0);
  slope_optimizer_state_reset (&o.st, &o.s);
  o.st.step = 16777216.0f;
  opt_step (&o, 0.1, 1.0, 1.0);
  g_assert_cmpfloat (o.st.step, ==, 16777216.0f);
}

static void
test_rmsprop_adagrad (void)
{
  Opt o = { 0 };

  /* RMSprop's first step: √(0.01·g²) = 0.1·|g|, so lr·10 per step. */
  opt_init (&o, SLOPE_OPTIMIZER_RMSPROP, 0.0, 0.0);
  slope_optimizer_state_reset (&o.st, &o.s);
  opt_step (&o, 0.01, 3.0, -0.5);
  g_assert_cmpfloat_with_epsilon (o.p[0], -0.1, 1e-6);
  g_assert_cmpfloat_with_epsilon (o.p[1], 0.1, 1e-6);

  /* Centered: subtracts the mean gradient squared; first step √(0.01g² − 0.0001g²). */
  opt_init (&o, SLOPE_OPTIMIZER_RMSPROP, 0.0, 0.0);
  o.s.centered = TRUE;
  slope_optimizer_state_reset (&o.st, &o.s);
  opt_step (&o, 0.01, 1.0, 0.0);
  g_assert_cmpfloat_with_epsilon (o.p[0], -0.01 / sqrt (0.0099), 1e-6);

  /* Adagrad: sum = initial + g², step lr·g/√sum, lr / (1 + (t − 1)·decay). */
  opt_init (&o, SLOPE_OPTIMIZER_ADAGRAD, 0.0, 0.0);
  o.s.initial_accumulator_value = 3.0;
  o.s.lr_decay = 1.0;
  slope_optimizer_state_reset (&o.st, &o.s);
  g_assert_cmpfloat (o.st.param[0].sum, ==, 3.0);
  opt_step (&o, 0.5, 1.0, 0.0);
  g_assert_cmpfloat_with_epsilon (o.p[0], -0.25, 1e-9);
  opt_step (&o, 0.5, 0.0, 0.0);
  g_assert_cmpfloat_with_epsilon (o.p[0], -0.25, 1e-9);
  opt_step (&o, 0.5, 2.0, 0.0);
  /* t = 3: lr/3, sum = 4 + 0 + 4 = 8. */
  g_assert_cmpfloat_with_epsilon (o.p[0], -0.25 - (0.5 / 3.0) * 2.0 / sqrt (8.0), 1e-9);
}

static void
assert_refused (const SlopeOptimizerSettings *s,
                double                        lr,
                const char                   *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (slope_optimizer_settings_validate (s, lr, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, message);
}

/* The messages torch.optim 1.13's constructors raise, word for word. */
static void
test_validate (void)
{
  SlopeOptimizerSettings s;

  slope_optimizer_settings_init (&s, SLOPE_OPTIMIZER_SGD);
  g_assert_true (slope_optimizer_settings_validate (&s, 0.01, NULL));
  assert_refused (&s, -1.0, "Invalid learning rate: -1.0");
  s.nesterov = TRUE;
  assert_refused (&s, 0.01, "Nesterov momentum requires a momentum and zero dampening");
  s.momentum = 0.9;
  g_assert_true (slope_optimizer_settings_validate (&s, 0.01, NULL));
  s.dampening = 0.1;
  assert_refused (&s, 0.01, "Nesterov momentum requires a momentum and zero dampening");
  s.momentum = -0.5;
  assert_refused (&s, 0.01, "Invalid momentum value: -0.5");

  slope_optimizer_settings_init (&s, SLOPE_OPTIMIZER_ADAM);
  s.beta1 = 1.0;
  assert_refused (&s, 0.01, "Invalid beta parameter at index 0: 1.0");
  s.beta1 = 0.9;
  s.beta2 = -1e-05;
  assert_refused (&s, 0.01, "Invalid beta parameter at index 1: -1e-05");
  s.beta2 = 0.999;
  s.eps = -1.0;
  assert_refused (&s, 0.01, "Invalid epsilon value: -1.0");

  slope_optimizer_settings_init (&s, SLOPE_OPTIMIZER_RMSPROP);
  s.alpha = -0.25;
  assert_refused (&s, 0.01, "Invalid alpha value: -0.25");
  slope_optimizer_settings_init (&s, SLOPE_OPTIMIZER_ADAGRAD);
  s.initial_accumulator_value = -2.0;
  assert_refused (&s, 0.01, "Invalid initial_accumulator_value value: -2.0");
  s.initial_accumulator_value = 0.0;
  s.lr_decay = -3.0;
  assert_refused (&s, 0.01, "Invalid lr_decay value: -3.0");
  slope_optimizer_settings_init (&s, SLOPE_OPTIMIZER_ADAMW);
  s.weight_decay = -0.1;
  assert_refused (&s, 0.01, "Invalid weight_decay value: -0.1");

  g_assert_true (slope_optimizer_takes (SLOPE_OPTIMIZER_ADAM, "betas"));
  g_assert_false (slope_optimizer_takes (SLOPE_OPTIMIZER_SGD, "betas"));
  g_assert_false (slope_optimizer_takes (SLOPE_OPTIMIZER_ADAGRAD, "momentum"));
}

static void
test_names (void)
{
  SlopeOptimizerKind kind;

  g_assert_true (slope_optimizer_kind_from_string ("rmsprop", &kind));
  g_assert_cmpint (kind, ==, SLOPE_OPTIMIZER_RMSPROP);
  g_assert_cmpstr (slope_optimizer_kind_to_string (kind), ==, "RMSprop");
  g_assert_true (slope_optimizer_kind_from_string ("AdamW", &kind));
  g_assert_cmpint (kind, ==, SLOPE_OPTIMIZER_ADAMW);
  g_assert_false (slope_optimizer_kind_from_string ("LBFGS", &kind));
  g_assert_false (slope_optimizer_kind_from_string (NULL, &kind));
}

/* The limits, from the formulas worked by hand for λmax = 1. */
static void
test_stable_formulas (void)
{
  SlopeOptimizerSettings s;
  double lr = 0.0;

  slope_optimizer_settings_init (&s, SLOPE_OPTIMIZER_SGD);
  g_assert_cmpint (slope_optimizer_stable_lr (&s, TRUE, 1.0, &lr), ==, SLOPE_STABILITY_EXACT);
  g_assert_cmpfloat (lr, ==, 2.0);
  g_assert_cmpint (slope_optimizer_stable_lr (&s, FALSE, 1.0, &lr), ==, SLOPE_STABILITY_EXACT);
  g_assert_cmpfloat (lr, ==, 4.0);
  s.momentum = 0.5;
  g_assert_cmpint (slope_optimizer_stable_lr (&s, TRUE, 1.0, &lr), ==, SLOPE_STABILITY_EXACT);
  g_assert_cmpfloat (lr, ==, 3.0);
  g_assert_cmpint (slope_optimizer_stable_lr (&s, FALSE, 1.0, &lr), ==, SLOPE_STABILITY_NOT_SIMPLE);
  s.dampening = 0.5;
  slope_optimizer_stable_lr (&s, TRUE, 1.0, &lr);
  g_assert_cmpfloat (lr, ==, 6.0);
  s.dampening = 0.0;
  s.nesterov = TRUE;
  slope_optimizer_stable_lr (&s, TRUE, 1.0, &lr);
  g_assert_cmpfloat (lr, ==, 1.5);
  s.nesterov = FALSE;
  s.momentum = 0.0;
  s.weight_decay = 1.0;
  slope_optimizer_stable_lr (&s, TRUE, 1.0, &lr);
  g_assert_cmpfloat (lr, ==, 1.0);

  for (guint k = SLOPE_OPTIMIZER_ADAM; k < SLOPE_N_OPTIMIZERS; k++)
    {
      slope_optimizer_settings_init (&s, k);
      g_assert_cmpint (slope_optimizer_stable_lr (&s, TRUE, 1.0, &lr), ==, SLOPE_STABILITY_NOT_SIMPLE);
    }
}

/* Whether training the lesson from (0, 0) for many epochs ends near the
 * fit (TRUE) or far from it. */
static gboolean
converges (const SlopeOptimizerSettings *s,
           double                        lr)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autoptr(SlopeTrainer) trainer = slope_trainer_new (data);
  SlopeEpochRecord rec;

  slope_trainer_set_optimizer (trainer, s);
  slope_trainer_set_lr (trainer, lr);
  slope_trainer_reset (trainer);
  for (guint i = 0; i < 20000; i++)
    slope_trainer_epoch (trainer, &rec);
  return isfinite (rec.w) && fabs (rec.w - 2.0) < 1e-3;
}

/* The limits are where training really changes, on either side by 2 %. */
static void
test_stable_by_training (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  const struct { double momentum, dampening; gboolean nesterov; double wd; } cases[] = {
    { 0.0, 0.0, FALSE, 0.0 },
    { 0.5, 0.0, FALSE, 0.0 },
    { 0.9, 0.3, FALSE, 0.0 },
    { 0.7, 0.0, TRUE, 0.0 },
    { 0.0, 0.0, FALSE, 0.05 },
  };
  double lr_zero_grad, lambda_max;

  g_assert_true (slope_dataset_stable_lr (data, &lr_zero_grad, NULL));
  lambda_max = 2.0 / lr_zero_grad;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SlopeOptimizerSettings s;
      double limit = 0.0;

      slope_optimizer_settings_init (&s, SLOPE_OPTIMIZER_SGD);
      s.momentum = cases[i].momentum;
      s.dampening = cases[i].dampening;
      s.nesterov = cases[i].nesterov;
      s.weight_decay = cases[i].wd;
      g_assert_cmpint (slope_optimizer_stable_lr (&s, TRUE, lambda_max, &limit), ==,
                       SLOPE_STABILITY_EXACT);
      if (cases[i].wd == 0.0)
        g_assert_true (converges (&s, 0.98 * limit));
      g_assert_false (converges (&s, 1.02 * limit));
    }
}

static void
test_python_float (void)
{
  /* What Python 3's repr() prints for each. */
  const struct { double v; const char *text; } cases[] = {
    { 0.01, "0.01" }, { 1e-8, "1e-08" }, { 1e-05, "1e-05" }, { 0.0001, "0.0001" },
    { 1.0, "1.0" }, { -0.5, "-0.5" }, { 1e16, "1e+16" }, { 1e15, "1000000000000000.0" },
    { 123456789012345678.0, "1.2345678901234568e+17" }, { 0.1 + 0.2, "0.30000000000000004" },
    { 2.5e-300, "2.5e-300" }, { -0.0, "-0.0" }, { 100.0, "100.0" }, { 1.5e-7, "1.5e-07" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = slope_format_python_float (cases[i].v);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/optimizer/defaults", test_defaults);
  g_test_add_func ("/optimizer/sgd-momentum", test_sgd_momentum);
  g_test_add_func ("/optimizer/adam-first-step", test_adam_first_step);
  g_test_add_func ("/optimizer/float32-step", test_float32_step);
  g_test_add_func ("/optimizer/rmsprop-adagrad", test_rmsprop_adagrad);
  g_test_add_func ("/optimizer/validate", test_validate);
  g_test_add_func ("/optimizer/names", test_names);
  g_test_add_func ("/optimizer/stable-formulas", test_stable_formulas);
  g_test_add_func ("/optimizer/stable-by-training", test_stable_by_training);
  g_test_add_func ("/optimizer/python-float", test_python_float);

  return g_test_run ();
}
