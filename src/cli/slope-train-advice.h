/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-train-advice.h: what slope-train says besides the notebook's log:
 * the rate --lr auto chose, the moment a run starts diverging, and the
 * fitted line in the data's units when it trained on scaled numbers.
 * Kept apart from slope-train.c so its stdout stays the notebook's.
 */
#pragma once

#include <stdio.h>

#include "slope-runner-watch.h"
#include "slope-scaling.h"

G_BEGIN_DECLS

typedef struct
{
  SlopeDivergenceWatch watch;
  SlopeScaleMode       scale;
  gboolean             lr_auto;
  gboolean             said;      /* the divergence line, once */
} SlopeTrainAdvice;

void     slope_train_advice_init        (SlopeTrainAdvice       *advice,
                                         SlopeDataset           *trained_on,
                                         SlopeScaleMode          scale,
                                         gboolean                lr_auto);
void     slope_train_advice_epoch       (SlopeTrainAdvice       *advice,
                                         const SlopeEpochRecord *rec,
                                         FILE                   *err);
void     slope_train_advice_chosen_lr   (double                  lr,
                                         FILE                   *err);
void     slope_train_advice_data_line   (const SlopeScaling     *scaling,
                                         double                  w,
                                         double                  b,
                                         FILE                   *out);

G_END_DECLS
