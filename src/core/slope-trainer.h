/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-trainer.h: the notebook's training loop, one epoch (or one line of
 * it) at a time.
 *
 *   hypothesis = x_train * W + b
 *   cost = torch.mean((hypothesis - y_train) ** 2)
 *   optimizer.zero_grad()
 *   cost.backward()
 *   optimizer.step()
 */
#pragma once

#include <glib-object.h>

#include "slope-optimizer.h"
#include "slope-types.h"

G_BEGIN_DECLS

#define SLOPE_TYPE_TRAINER (slope_trainer_get_type ())

G_DECLARE_FINAL_TYPE (SlopeTrainer, slope_trainer, SLOPE, TRAINER, GObject)

/* The lines of the loop, in the order they run.  NONE means "between
 * epochs": the next line to run is PREDICT. */
typedef enum
{
  SLOPE_LINE_NONE,
  SLOPE_LINE_PREDICT,
  SLOPE_LINE_COST,
  SLOPE_LINE_ZERO_GRAD,
  SLOPE_LINE_BACKWARD,
  SLOPE_LINE_STEP,
} SlopeLine;

#define SLOPE_DEFAULT_LR          0.01
#define SLOPE_DEFAULT_EPOCHS      1000
#define SLOPE_DEFAULT_LOG_EVERY   100

/* Room for one log line even when W and b are near DBL_MAX. */
#define SLOPE_LOG_NUMBER_MAX      330
#define SLOPE_LOG_LINE_MAX        (3 * SLOPE_LOG_NUMBER_MAX + 64)

/* Everything a view needs to show one moment of training. */
typedef struct
{
  guint64   epoch;        /* epochs completed since reset */
  guint     run_epoch;    /* epochs completed in the current run */
  guint     run_length;
  double    w;
  double    b;
  double    lr;
  gboolean  zero_grad;
  double    w_grad;       /* the buffers */
  double    b_grad;
  SlopeLine line;         /* the last line that ran within the epoch */
  /* The epoch in progress (line != NONE) or the last one completed. */
  double    cost;
  double    d_w;
  double    d_b;
  gboolean  has_cost;     /* FALSE before anything ran since reset */
  /* Mini-batches: the batch in progress (0-based) of n_batches; cost is
   * that batch's cost within an epoch, the mean over its batches after. */
  gsize     batch;
  gsize     n_batches;
  double    batch_cost;
  SlopeOptimizerKind  optimizer;
  SlopeOptimizerState opt_state;
  SlopeOptimizerSettings optimizer_settings;  /* its keyword arguments */
} SlopeTrainerState;

/* One optimizer step within an epoch. */
typedef struct
{
  guint64 epoch;          /* the epoch it belongs to, 1-based */
  gsize   batch;          /* 0-based */
  gsize   n_batches;
  double  w;              /* after the step */
  double  b;
  double  cost;           /* the batch's cost, before the step */
} SlopeBatchRecord;

typedef void (*SlopeBatchFunc) (const SlopeBatchRecord *record,
                                gpointer                data);

SlopeTrainer  *slope_trainer_new                (SlopeDataset      *dataset);
SlopeDataset  *slope_trainer_get_dataset        (SlopeTrainer      *self);
void           slope_trainer_set_dataset        (SlopeTrainer      *self,
                                                 SlopeDataset      *dataset);
void           slope_trainer_set_lr             (SlopeTrainer      *self,
                                                 double             lr);
double         slope_trainer_get_lr             (SlopeTrainer      *self);
void           slope_trainer_set_zero_grad      (SlopeTrainer      *self,
                                                 gboolean           zero_grad);
gboolean       slope_trainer_get_zero_grad      (SlopeTrainer      *self);
void           slope_trainer_set_initial        (SlopeTrainer      *self,
                                                 double             w0,
                                                 double             b0);
void           slope_trainer_get_initial        (SlopeTrainer      *self,
                                                 double            *w0,
                                                 double            *b0);
void           slope_trainer_set_epochs_per_run (SlopeTrainer      *self,
                                                 guint              n_epochs);
guint          slope_trainer_get_epochs_per_run (SlopeTrainer      *self);
void           slope_trainer_reset              (SlopeTrainer      *self);
void           slope_trainer_begin_run          (SlopeTrainer      *self,
                                                 guint              n_epochs);
gboolean       slope_trainer_run_finished       (SlopeTrainer      *self);
void           slope_trainer_epoch              (SlopeTrainer      *self,
                                                 SlopeEpochRecord  *record);
gboolean       slope_trainer_step_line          (SlopeTrainer      *self,
                                                 SlopeEpochRecord  *record);
void           slope_trainer_get_state          (SlopeTrainer      *self,
                                                 SlopeTrainerState *state);
double         slope_trainer_cost_at            (SlopeTrainer      *self,
                                                 double             w,
                                                 double             b);

void           slope_trainer_set_optimizer      (SlopeTrainer      *self,
                                                 const SlopeOptimizerSettings *settings);
void           slope_trainer_get_optimizer      (SlopeTrainer      *self,
                                                 SlopeOptimizerSettings *settings);
void           slope_trainer_set_batching       (SlopeTrainer      *self,
                                                 gsize              batch_size,
                                                 gboolean           shuffle,
                                                 guint64            seed);
void           slope_trainer_get_batching       (SlopeTrainer      *self,
                                                 gsize             *batch_size,
                                                 gboolean          *shuffle,
                                                 guint64           *seed);
gsize          slope_trainer_get_n_batches      (SlopeTrainer      *self);
void           slope_trainer_set_batch_func     (SlopeTrainer      *self,
                                                 SlopeBatchFunc     func,
                                                 gpointer           data);

gboolean       slope_state_diverged             (const SlopeTrainerState *state);
gsize          slope_format_log_line            (char              *buf,
                                                 gsize              size,
                                                 guint              run_epoch,
                                                 guint              run_length,
                                                 double             w,
                                                 double             b,
                                                 double             cost);

G_END_DECLS
