/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-train-optim.h: slope-train's options for the optimizer and the
 * mini-batches, kept apart from the notebook's own options.
 */
#pragma once

#include <glib.h>

#include "slope-optimizer.h"

G_BEGIN_DECLS

typedef struct
{
  SlopeOptimizerSettings optimizer;
  gsize                  batch_size;   /* 0: all points */
  gboolean               shuffle;
  guint64                seed;
} SlopeTrainOptim;

const GOptionEntry *slope_train_optim_entries (void);
gboolean            slope_train_optim_given   (void);
gboolean            slope_train_optim_resolve (double            lr,
                                               SlopeTrainOptim  *out,
                                               GError          **error);

G_END_DECLS
