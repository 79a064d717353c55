/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-run-settings.h: everything that decides a run's numbers besides
 * the data, in one struct that lesson files, script export and slope-train
 * share.
 */
#pragma once

#include <glib.h>
#include <string.h>

#include "slope-optimizer.h"
#include "slope-trainer.h"

G_BEGIN_DECLS

/* Enough executions of the training cell for any lesson. */
#define SLOPE_MAX_RUNS 32

typedef struct
{
  double   lr;
  gboolean zero_grad;
  double   w0;
  double   b0;
  SlopeOptimizerSettings optimizer;
  guint    batch_size;            /* 0: all points in one batch */
  gboolean shuffle;
  guint64  seed;
  guint    n_runs;
  guint    runs[SLOPE_MAX_RUNS];  /* the epochs of each execution, in order */
  guint    log_every;
} SlopeRunSettings;

/* The notebook's run: SGD, lr 0.01, zero_grad, 1000 epochs from W = b = 0. */
static inline void
slope_run_settings_init (SlopeRunSettings *s)
{
  memset (s, 0, sizeof *s);
  s->lr = SLOPE_DEFAULT_LR;
  s->zero_grad = TRUE;
  slope_optimizer_settings_init (&s->optimizer, SLOPE_OPTIMIZER_SGD);
  s->n_runs = 1;
  s->runs[0] = SLOPE_DEFAULT_EPOCHS;
  s->log_every = SLOPE_DEFAULT_LOG_EVERY;
}

G_END_DECLS
