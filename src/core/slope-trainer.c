/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-trainer.c: gradient descent on y = Wx + b, computed as PyTorch
 * computes it.
 *
 * Each line of the notebook's loop is a function here, so the window can
 * run them one at a time and a whole epoch is just the five in a row, or
 * with mini-batches the five once per batch, as in
 *
 *   for xb, yb in DataLoader(TensorDataset(x_train, y_train), batch_size=K)
 *
 * Nothing in an epoch allocates: one pass over a batch's points gives the
 * cost and both gradients, and shuffled batches are gathered into buffers
 * made when the batching or the data changes.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-dataset.h"
#include "slope-optimizer.h"
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
  SlopeOptimizerSettings optimizer;
  SlopeOptimizerState    opt_state;

  /* Mini-batches: 0 means all points in one batch, the notebook's loop. */
  gsize         batch_size;
  gboolean      shuffle;
  guint64       seed;
  guint32      *order;        /* the epoch's permutation, when shuffling */
  double       *xb;           /* a shuffled batch's points */
  double       *yb;
  SlopeBatchFunc batch_func;
  gpointer      batch_data;

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
  /* Within the epoch: the batch in progress, and what the epoch started
   * from, to start it over when the data or the batching changes. */
  gsize         batch;
  gsize         n_batches;
  gsize         batch_start;
  gsize         batch_len;
  double        batch_cost;
  double        cost_sum;
  double        w_grad_before;
  double        b_grad_before;
  SlopeOptimizerState opt_state_before;
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
slope_trainer_finalize (GObject *object)
{
  SlopeTrainer *self = SLOPE_TRAINER (object);

  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->xb, g_free);
  g_clear_pointer (&self->yb, g_free);

  G_OBJECT_CLASS (slope_trainer_parent_class)->finalize (object);
}

static void
slope_trainer_class_init (SlopeTrainerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = slope_trainer_dispose;
  object_class->finalize = slope_trainer_finalize;
}

static void
slope_trainer_init (SlopeTrainer *self)
{
  self->lr = SLOPE_DEFAULT_LR;
  self->zero_grad = TRUE;
  self->epochs_per_run = SLOPE_DEFAULT_EPOCHS;
  self->run_length = SLOPE_DEFAULT_EPOCHS;
  slope_optimizer_settings_init (&self->optimizer, SLOPE_OPTIMIZER_SGD);
  slope_optimizer_state_reset (&self->opt_state, &self->optimizer);
}

/* The scratch a shuffled epoch needs, made here so that no epoch
 * allocates. */
static void
update_scratch (SlopeTrainer *self)
{
  gsize n = slope_dataset_get_n (self->dataset);
  gsize k = self->batch_size == 0 ? n : MIN (self->batch_size, n);

  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->xb, g_free);
  g_clear_pointer (&self->yb, g_free);
  if (self->shuffle && k < n)
    {
      self->order = g_new (guint32, n);
      self->xb = g_new (double, k);
      self->yb = g_new (double, k);
    }
}

/* Back to where the epoch in progress began, so it runs again whole. */
static void
restart_epoch (SlopeTrainer *self)
{
  if (self->line == SLOPE_LINE_NONE)
    return;
  self->w = self->w_before;
  self->b = self->b_before;
  self->w_grad = self->w_grad_before;
  self->b_grad = self->b_grad_before;
  self->opt_state = self->opt_state_before;
  self->line = SLOPE_LINE_NONE;
  self->batch = 0;
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

/* New data keeps W, b, the buffers and the optimizer's state, as replacing
 * x_train between two executions of the notebook's cell would; an epoch
 * half-way through its lines starts over on the new points. */
void
slope_trainer_set_dataset (SlopeTrainer *self,
                           SlopeDataset *dataset)
{
  g_return_if_fail (SLOPE_IS_TRAINER (self));
  g_return_if_fail (SLOPE_IS_DATASET (dataset));

  restart_epoch (self);
  g_set_object (&self->dataset, dataset);
  update_scratch (self);
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

/* Back to W = W₀, b = b₀, empty buffers, a new optimizer and epoch 0: a
 * fresh kernel. */
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
  self->batch = 0;
  self->cost = self->d_w = self->d_b = 0.0;
  self->batch_cost = 0.0;
  self->has_cost = FALSE;
  slope_optimizer_state_reset (&self->opt_state, &self->optimizer);
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

/* SplitMix64: a generator small enough to write again in the exported
 * Python script, which must shuffle exactly as Slope does. */
static guint64
splitmix64 (guint64 *state)
{
  guint64 z;

  *state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  z = *state;
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* The order of the points in epoch @epoch (1-based since reset): a
 * Fisher–Yates shuffle of 0 … n−1 drawn from the seed and the epoch, so
 * a reset replays the same batches. */
static void
shuffle_order (SlopeTrainer *self,
               guint64       epoch,
               gsize         n)
{
  guint64 state = self->seed + epoch * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  for (gsize i = 0; i < n; i++)
    self->order[i] = (guint32) i;
  for (gsize i = n - 1; i > 0; i--)
    {
      gsize j = (gsize) (splitmix64 (&state) % (guint64) (i + 1));
      guint32 t = self->order[i];

      self->order[i] = self->order[j];
      self->order[j] = t;
    }
}

static void
begin_epoch (SlopeTrainer *self,
             gsize         n,
             gsize         k)
{
  if (self->run_epoch >= self->run_length)
    slope_trainer_begin_run (self, self->epochs_per_run);
  self->w_before = self->w;
  self->b_before = self->b;
  self->w_grad_before = self->w_grad;
  self->b_grad_before = self->b_grad;
  self->opt_state_before = self->opt_state;
  self->n_batches = (n + k - 1) / k;
  self->cost_sum = 0.0;
  if (self->order != NULL)
    shuffle_order (self, self->epoch + 1, n);
}

static void
line_predict (SlopeTrainer *self)
{
  const double *x = slope_dataset_get_x (self->dataset);
  const double *y = slope_dataset_get_y (self->dataset);
  gsize n = slope_dataset_get_n (self->dataset);
  gsize k = self->batch_size == 0 ? n : MIN (self->batch_size, n);

  if (self->batch == 0)
    begin_epoch (self, n, k);

  self->batch_start = self->batch * k;
  self->batch_len = MIN (k, n - self->batch_start);
  if (self->order != NULL)
    {
      const guint32 *idx = self->order + self->batch_start;

      for (gsize i = 0; i < self->batch_len; i++)
        {
          self->xb[i] = x[idx[i]];
          self->yb[i] = y[idx[i]];
        }
      x = self->xb;
      y = self->yb;
    }
  else
    {
      x += self->batch_start;
      y += self->batch_start;
    }

  /* The hypotheses are never stored: the one pass that forms them also
   * reduces them to the three sums the next lines need. */
  slope_residual_sums (x, y, self->batch_len, self->w, self->b,
                       1.0 / (double) self->batch_len, &self->sums);
}

static void
line_cost (SlopeTrainer *self)
{
  self->batch_cost = self->sums.r2 / (double) self->batch_len;
  self->cost_sum += self->batch_cost;
  self->cost = self->batch_cost;
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

/* Returns TRUE when this step ended the epoch. */
static gboolean
line_step (SlopeTrainer     *self,
           SlopeEpochRecord *record)
{
  double params[2] = { self->w, self->b };
  const double grads[2] = { self->w_grad, self->b_grad };

  /* optim.SGD's param.add_(grad, alpha=-lr) is one fused multiply-add on
   * PyTorch's CPU kernels, and so on for the other optimizers; see
   * slope-optimizer.c.  That keeps even a diverging run equal to
   * PyTorch's digit for digit. */
  slope_optimizer_step (&self->optimizer, &self->opt_state, self->lr, params, grads);
  self->w = params[0];
  self->b = params[1];

  if (self->batch_func != NULL)
    {
      SlopeBatchRecord br = { self->epoch + 1, self->batch, self->n_batches,
                              self->w, self->b, self->batch_cost };

      self->batch_func (&br, self->batch_data);
    }

  if (++self->batch < self->n_batches)
    return FALSE;

  /* The epoch's cost is the mean of its batches' costs: with one batch,
   * the notebook's cost itself. */
  self->batch = 0;
  self->cost = self->cost_sum / (double) self->n_batches;
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
  return TRUE;
}

/**
 * slope_trainer_step_line:
 * @record: (out) (optional): filled when this line completed an epoch
 *
 * Runs the next line of the loop.  Returns %TRUE when that line was the
 * epoch's last optimizer.step(), i.e. an epoch is complete and @record
 * holds it.
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
      if (!line_step (self, record))
        {
          /* More batches to go: the next line is the next batch's predict. */
          self->line = SLOPE_LINE_STEP;
          return FALSE;
        }
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
  state->batch = self->line == SLOPE_LINE_NONE ? 0 : self->batch;
  state->n_batches = self->line == SLOPE_LINE_NONE ? slope_trainer_get_n_batches (self)
                                                   : self->n_batches;
  state->batch_cost = self->batch_cost;
  state->optimizer = self->optimizer.kind;
  state->opt_state = self->opt_state;
  state->optimizer_settings = self->optimizer;
}

/* How many optimizer steps make one epoch with the current batching. */
gsize
slope_trainer_get_n_batches (SlopeTrainer *self)
{
  gsize n, k;

  g_return_val_if_fail (SLOPE_IS_TRAINER (self), 0);

  n = slope_dataset_get_n (self->dataset);
  k = self->batch_size == 0 ? n : MIN (self->batch_size, n);
  return (n + k - 1) / k;
}

/**
 * slope_trainer_set_optimizer:
 *
 * Switches to the optimizer @settings describe.  Different settings make
 * a new optimizer, as building a new torch.optim object would: its state
 * starts empty.  The epoch in progress starts over.
 */
void
slope_trainer_set_optimizer (SlopeTrainer                 *self,
                             const SlopeOptimizerSettings *settings)
{
  g_return_if_fail (SLOPE_IS_TRAINER (self));
  g_return_if_fail (settings != NULL);

  if (slope_optimizer_settings_equal (&self->optimizer, settings))
    return;
  restart_epoch (self);
  self->optimizer = *settings;
  slope_optimizer_state_reset (&self->opt_state, &self->optimizer);
}

void
slope_trainer_get_optimizer (SlopeTrainer           *self,
                             SlopeOptimizerSettings *settings)
{
  g_return_if_fail (SLOPE_IS_TRAINER (self));

  *settings = self->optimizer;
}

/**
 * slope_trainer_set_batching:
 * @batch_size: points per optimizer step; 0 for all of them
 * @shuffle: draw the batches in a new order every epoch
 * @seed: what the orders are drawn from
 *
 * The epoch in progress starts over with the new batches.
 */
void
slope_trainer_set_batching (SlopeTrainer *self,
                            gsize         batch_size,
                            gboolean      shuffle,
                            guint64       seed)
{
  g_return_if_fail (SLOPE_IS_TRAINER (self));

  restart_epoch (self);
  self->batch_size = batch_size;
  self->shuffle = !!shuffle;
  self->seed = seed;
  update_scratch (self);
}

void
slope_trainer_get_batching (SlopeTrainer *self,
                            gsize        *batch_size,
                            gboolean     *shuffle,
                            guint64      *seed)
{
  g_return_if_fail (SLOPE_IS_TRAINER (self));

  if (batch_size)
    *batch_size = self->batch_size;
  if (shuffle)
    *shuffle = self->shuffle;
  if (seed)
    *seed = self->seed;
}

/**
 * slope_trainer_set_batch_func:
 *
 * @func is called from inside the epoch after every optimizer step, with
 * that batch's cost: what a plot of per-batch costs needs.  It runs on the
 * trainer's thread and must not allocate or block.
 */
void
slope_trainer_set_batch_func (SlopeTrainer   *self,
                              SlopeBatchFunc  func,
                              gpointer        data)
{
  g_return_if_fail (SLOPE_IS_TRAINER (self));

  self->batch_func = func;
  self->batch_data = data;
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

/* As Python's format() writes it: C writes a NaN whose sign bit is set
 * (as a diverged run's usually is) as "-nan", Python always as "nan". */
static void
format_log_number (char       *buf,
                   gsize       size,
                   const char *format,
                   double      value)
{
  if (isnan (value))
    g_strlcpy (buf, "nan", size);
  else
    g_ascii_formatd (buf, size, format, value);
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

  format_log_number (ws, sizeof ws, "%.3f", w);
  format_log_number (bs, sizeof bs, "%.3f", b);
  format_log_number (cs, sizeof cs, "%.6f", cost);

  len = g_snprintf (buf, size, "Epoch %4u/%u W: %s, b: %s Cost: %s",
                    run_epoch, run_length, ws, bs, cs);

  return (gsize) MAX (len, 0);
}
