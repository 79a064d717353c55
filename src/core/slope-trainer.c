/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-trainer.c: full-batch gradient descent on y = Wx + b, computed as
 * PyTorch computes it.
 *
 * Each line of the notebook's loop is a function here, so the window can
 * run them one at a time and a whole epoch is just the five in a row.
 * Nothing in an epoch allocates: one pass over the points gives the cost
 * and both gradients.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-dataset.h"
#include "slope-sum.h"
#include "slope-trainer.h"

struct _SlopeTrainer
{
  GObject       parent_instance;

  SlopeDataset *dataset;

  double        w0;
  double        b0;
  double        w;
  double        b;
  double        lr;
  double        w_grad;
  double        b_grad;
  gboolean      zero_grad;

  guint64       epoch;
  guint         run_epoch;
  guint         run_length;
  guint         epochs_per_run;

  /* The epoch in progress. */
  SlopeLine     line;
  SlopeResidualSums sums;
  double        cost;
  double        d_w;
  double        d_b;
  gboolean      has_cost;
  double        w_before;
  double        b_before;
};

G_DEFINE_FINAL_TYPE (SlopeTrainer, slope_trainer, G_TYPE_OBJECT)

static void
slope_trainer_dispose (GObject *object)
{
  SlopeTrainer *self = SLOPE_TRAINER (object);

  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (slope_trainer_parent_class)->dispose (object);
}

static void
slope_trainer_class_init (SlopeTrainerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = slope_trainer_dispose;
}

static void
slope_trainer_init (SlopeTrainer *self)
{
  self->lr = SLOPE_DEFAULT_LR;
  self->zero_grad = TRUE;
  self->epochs_per_run = SLOPE_DEFAULT_EPOCHS;
  self->run_length = SLOPE_DEFAULT_EPOCHS;
}

SlopeTrainer *
slope_trainer_new (SlopeDataset *dataset)
{
  SlopeTrainer *self;

  g_return_val_if_fail (SLOPE_IS_DATASET (dataset), NULL);

  self = g_object_new (SLOPE_TYPE_TRAINER, NULL);
  self->dataset = g_object_ref (dataset);

  return self;
}

SlopeDataset *
slope_trainer_get_dataset (SlopeTrainer *self)
{
  g_return_val_if_fail (SLOPE_IS_TRAINER (self), NULL);

  return self->dataset;
}

/* New data keeps W, b and the buffers, as replacing x_train between two
 * executions of the notebook's cell would; an epoch half-way through its
 * lines starts over on the new points. */
void
slope_trainer_set_dataset (SlopeTrainer *self,
                           SlopeDataset *dataset)
{
  g_return_if_fail (SLOPE_IS_TRAINER (self));
  g_return_if_fail (SLOPE_IS_DATASET (dataset));

  g_set_object (&self->dataset, dataset);
  if (self->line != SLOPE_LINE_NONE)
    {
      self->w = self->w_before;
      self->b = self->b_before;
      self->line = SLOPE_LINE_NONE;
    }
}

void
slope_trainer_set_lr (SlopeTrainer *self,
                      double        lr)
{
  g_return_if_fail (SLOPE_IS_TRAINER (self));

  self->lr = lr;
}

double
slope_trainer_get_lr (SlopeTrainer *self)
{
  g_return_val_if_fail (SLOPE_IS_TRAINER (self), 0.0);

  return self->lr;
}

void
slope_trainer_set_zero_grad (SlopeTrainer *self,
                             gboolean      zero_grad)
{
  g_return_if_fail (SLOPE_IS_TRAINER (self));

  self->zero_grad = !!zero_grad;
}

gboolean
slope_trainer_get_zero_grad (SlopeTrainer *self)
{
  g_return_val_if_fail (SLOPE_IS_TRAINER (self), FALSE);

  return self->zero_grad;
}

/* The starting point takes effect at the next reset. */
void
slope_trainer_set_initial (SlopeTrainer *self,
                           double        w0,
                           double        b0)
{
  g_return_if_fail (SLOPE_IS_TRAINER (self));

  self->w0 = w0;
  self->b0 = b0;
}

void
slope_trainer_get_initial (SlopeTrainer *self,
                           double       *w0,
                           double       *b0)
{
  g_return_if_fail (SLOPE_IS_TRAINER (self));

  if (w0)
    *w0 = self->w0;
  if (b0)
    *b0 = self->b0;
}

/* Takes effect at the next run; the run in progress keeps its length so
 * its log lines keep their "/N". */
void
slope_trainer_set_epochs_per_run (SlopeTrainer *self,
                                  guint         n_epochs)
{
  g_return_if_fail (SLOPE_IS_TRAINER (self));
  g_return_if_fail (n_epochs > 0);

  self->epochs_per_run = n_epochs;
  if (self->epoch == 0 && self->run_epoch == 0)
    self->run_length = n_epochs;
}

guint
slope_trainer_get_epochs_per_run (SlopeTrainer *self)
{
  g_return_val_if_fail (SLOPE_IS_TRAINER (self), 0);

  return self->epochs_per_run;
}

/* Back to W = W₀, b = b₀, empty buffers and epoch 0: a fresh kernel. */
void
slope_trainer_reset (SlopeTrainer *self)
{
  g_return_if_fail (SLOPE_IS_TRAINER (self));

  self->w = self->w0;
  self->b = self->b0;
  self->w_grad = 0.0;
  self->b_grad = 0.0;
  self->epoch = 0;
  self->run_epoch = 0;
  self->run_length = self->epochs_per_run;
  self->line = SLOPE_LINE_NONE;
  self->cost = self->d_w = self->d_b = 0.0;
  self->has_cost = FALSE;
}

/* One execution of the training cell: nb_epochs more epochs from here. */
void
slope_trainer_begin_run (SlopeTrainer *self,
                         guint         n_epochs)
{
  g_return_if_fail (SLOPE_IS_TRAINER (self));
  g_return_if_fail (n_epochs > 0);

  self->run_length = n_epochs;
  self->run_epoch = 0;
}

gboolean
slope_trainer_run_finished (SlopeTrainer *self)
{
  g_return_val_if_fail (SLOPE_IS_TRAINER (self), TRUE);

  return self->run_epoch >= self->run_length && self->line == SLOPE_LINE_NONE;
}

static void
line_predict (SlopeTrainer *self)
{
  /* The hypotheses are never stored: the one pass that forms them also
   * reduces them to the three sums the next lines need. */
  if (self->run_epoch >= self->run_length)
    slope_trainer_begin_run (self, self->epochs_per_run);
  self->w_before = self->w;
  self->b_before = self->b;
  slope_residual_sums (slope_dataset_get_x (self->dataset),
                       slope_dataset_get_y (self->dataset),
                       slope_dataset_get_n (self->dataset),
                       self->w, self->b,
                       1.0 / (double) slope_dataset_get_n (self->dataset),
                       &self->sums);
}

static void
line_cost (SlopeTrainer *self)
{
  double n = (double) slope_dataset_get_n (self->dataset);

  self->cost = self->sums.r2 / n;
  self->has_cost = TRUE;
}

static void
line_zero_grad (SlopeTrainer *self)
{
  if (self->zero_grad)
    {
      self->w_grad = 0.0;
      self->b_grad = 0.0;
    }
}

static void
line_backward (SlopeTrainer *self)
{
  /* ∂/∂ŷᵢ of the mean is 2(ŷᵢ − yᵢ)/N; the chain rule through ŷ = Wx + b
   * gives these two, which backward() adds to whatever the buffers hold. */
  self->d_w = self->sums.gx;
  self->d_b = self->sums.g;
  self->w_grad += self->d_w;
  self->b_grad += self->d_b;
}

static void
line_step (SlopeTrainer     *self,
           SlopeEpochRecord *record)
{
  /* optim.SGD's param.add_(grad, alpha=-lr) is one fused multiply-add on
   * PyTorch's CPU kernels; fma() rounds once just as it does, which keeps
   * even a diverging run equal to PyTorch's digit for digit. */
  self->w = fma (-self->lr, self->w_grad, self->w);
  self->b = fma (-self->lr, self->b_grad, self->b);
  self->epoch++;
  self->run_epoch++;

  if (record)
    {
      record->epoch = self->epoch;
      record->run_epoch = self->run_epoch;
      record->run_length = self->run_length;
      record->w_before = self->w_before;
      record->b_before = self->b_before;
      record->w = self->w;
      record->b = self->b;
      record->cost = self->cost;
      record->d_w = self->d_w;
      record->d_b = self->d_b;
      record->w_grad = self->w_grad;
      record->b_grad = self->b_grad;
      record->lr = self->lr;
      record->zero_grad = self->zero_grad;
    }
}

/**
 * slope_trainer_step_line:
 * @record: (out) (optional): filled when this line completed an epoch
 *
 * Runs the next line of the loop.  Returns %TRUE when that line was
 * optimizer.step(), i.e. an epoch is complete and @record holds it.
 */
gboolean
slope_trainer_step_line (SlopeTrainer     *self,
                         SlopeEpochRecord *record)
{
  g_return_val_if_fail (SLOPE_IS_TRAINER (self), FALSE);

  switch (self->line)
    {
    case SLOPE_LINE_NONE:
    case SLOPE_LINE_STEP:
      line_predict (self);
      self->line = SLOPE_LINE_PREDICT;
      return FALSE;
    case SLOPE_LINE_PREDICT:
      line_cost (self);
      self->line = SLOPE_LINE_COST;
      return FALSE;
    case SLOPE_LINE_COST:
      line_zero_grad (self);
      self->line = SLOPE_LINE_ZERO_GRAD;
      return FALSE;
    case SLOPE_LINE_ZERO_GRAD:
      line_backward (self);
      self->line = SLOPE_LINE_BACKWARD;
      return FALSE;
    case SLOPE_LINE_BACKWARD:
    default:
      line_step (self, record);
      self->line = SLOPE_LINE_NONE;
      return TRUE;
    }
}

/**
 * slope_trainer_epoch:
 * @record: (out) (optional): the completed epoch
 *
 * Runs the rest of the current epoch, or a whole one when between epochs.
 * A finished run is followed by a new one of the configured length.
 */
void
slope_trainer_epoch (SlopeTrainer     *self,
                     SlopeEpochRecord *record)
{
  g_return_if_fail (SLOPE_IS_TRAINER (self));

  while (!slope_trainer_step_line (self, record))
    ;
}

void
slope_trainer_get_state (SlopeTrainer      *self,
                         SlopeTrainerState *state)
{
  g_return_if_fail (SLOPE_IS_TRAINER (self));
  g_return_if_fail (state != NULL);

  state->epoch = self->epoch;
  state->run_epoch = self->run_epoch;
  state->run_length = self->run_length;
  state->w = self->w;
  state->b = self->b;
  state->lr = self->lr;
  state->zero_grad = self->zero_grad;
  state->w_grad = self->w_grad;
  state->b_grad = self->b_grad;
  state->line = self->line;
  state->cost = self->cost;
  state->d_w = self->d_w;
  state->d_b = self->d_b;
  state->has_cost = self->has_cost;
}

/* The cost of any (W, b) from the dataset's moments, without a pass over
 * the points: mean((Wx + b − y)²) expanded. */
double
slope_trainer_cost_at (SlopeTrainer *self,
                       double        w,
                       double        b)
{
  const SlopeMoments *m;
  double n;

  g_return_val_if_fail (SLOPE_IS_TRAINER (self), NAN);

  m = slope_dataset_get_moments (self->dataset);
  n = (double) m->n;

  return (w * w * m->sum_xx + 2.0 * w * b * m->sum_x - 2.0 * w * m->sum_xy
          + n * b * b - 2.0 * b * m->sum_y + m->sum_yy) / n;
}

gboolean
slope_state_diverged (const SlopeTrainerState *state)
{
  return !isfinite (state->w) || !isfinite (state->b)
         || (state->has_cost && !isfinite (state->cost));
}

/**
 * slope_format_log_line:
 *
 * The notebook's
 *   'Epoch {:4d}/{} W: {:.3f}, b: {:.3f} Cost: {:.6f}'
 * written with a '.' whatever the locale, so the window on a German desktop
 * prints the same bytes as the notebook.  Returns the length written.
 */
gsize
slope_format_log_line (char   *buf,
                       gsize   size,
                       guint   run_epoch,
                       guint   run_length,
                       double  w,
                       double  b,
                       double  cost)
{
  /* %f of the largest double has 309 integer digits. */
  char ws[SLOPE_LOG_NUMBER_MAX];
  char bs[SLOPE_LOG_NUMBER_MAX];
  char cs[SLOPE_LOG_NUMBER_MAX];
  int len;

  g_ascii_formatd (ws, sizeof ws, "%.3f", w);
  g_ascii_formatd (bs, sizeof bs, "%.3f", b);
  g_ascii_formatd (cs, sizeof cs, "%.6f", cost);

  len = g_snprintf (buf, size, "Epoch %4u/%u W: %s, b: %s Cost: %s",
                    run_epoch, run_length, ws, bs, cs);

  return (gsize) MAX (len, 0);
}
