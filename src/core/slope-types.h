/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-types.h: forward declarations shared by every layer.
 *
 * Headers include this instead of each other so that the core stays a
 * flat set of objects with no include cycles.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SlopeDataset     SlopeDataset;
typedef struct _SlopeTrainer     SlopeTrainer;
typedef struct _SlopeHistory     SlopeHistory;
typedef struct _SlopeRunner      SlopeRunner;

/* One epoch as the notebook sees it.  The cost and gradients are the ones
 * computed before the step; W and b are the values after it. */
typedef struct
{
  guint64 epoch;        /* epochs since reset, 1-based */
  guint   run_epoch;    /* position within the current run, 1-based */
  guint   run_length;   /* nb_epochs of the current run */
  double  w_before;
  double  b_before;
  double  w;            /* after optimizer.step() */
  double  b;
  double  cost;         /* before optimizer.step() */
  double  d_w;          /* this epoch's ∂cost/∂W */
  double  d_b;          /* this epoch's ∂cost/∂b */
  double  w_grad;       /* W.grad after cost.backward() */
  double  b_grad;       /* b.grad after cost.backward() */
  double  lr;           /* learning rate used for this step */
  guint   zero_grad : 1;
} SlopeEpochRecord;

G_END_DECLS
