/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-run-slots.h: a widget's own copy of the compared runs.
 *
 * The three plot widgets take the window's compared runs as an array of
 * SlopeRunTrace and keep a copy in fixed slots, so that setting the runs
 * every frame allocates nothing.  Each slot holds a reference on its
 * run's history and a copy of its label; the path arrays stay borrowed.
 */
#pragma once

#include <glib.h>

#include "slope-run-trace.h"

G_BEGIN_DECLS

/* Longer labels are cut, at a character's boundary. */
#define SLOPE_RUN_SLOT_LABEL_SIZE 64

typedef struct
{
  SlopeRunTrace runs[SLOPE_RUN_TRACE_MAX];
  char          labels[SLOPE_RUN_TRACE_MAX][SLOPE_RUN_SLOT_LABEL_SIZE];
  gsize         n_runs;
} SlopeRunSlots;

gboolean slope_run_slots_set   (SlopeRunSlots       *slots,
                                const SlopeRunTrace *runs,
                                gsize                n_runs);
void     slope_run_slots_clear (SlopeRunSlots       *slots);

G_END_DECLS
