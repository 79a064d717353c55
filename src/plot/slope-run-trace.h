/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-run-trace.h: one compared run as the plots draw it.
 *
 * A window compares up to SLOPE_RUN_TRACE_MAX runs with its own (the
 * main run) on the same data.  Each plot takes an array of these beside
 * its main run's fields and draws every visible one in its palette
 * colour: its line on the data plot, its curve on the cost plot, its path
 * on the landscape.  With no runs every plot draws exactly what it drew
 * before runs existed.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "slope-history.h"
#include "slope-palette.h"

G_BEGIN_DECLS

/* Compared runs besides the main one. */
#define SLOPE_RUN_TRACE_MAX 5

typedef struct
{
  guint          colour;       /* 1..5: slope_palette_run_colour (palette, colour); 0 = the main run's own line colour */
  const char    *label;        /* short: "lr 0.1", "zero_grad off", "Adam"; borrowed */
  double         w;            /* its current (or rewound-to) model */
  double         b;
  SlopeHistory  *history;      /* its cost history (may be NULL) */
  const double  *path_w;       /* landscape path, (W, b) since reset; borrowed; the landscape WIDGET fills these from history */
  const double  *path_b;
  gsize          n_path;
  gboolean       has_marker;   /* the cost plot's marker at the shared current/rewound epoch */
  guint64        marker_epoch;
  double         marker_cost;
  gboolean       diverged;
  gboolean       hidden;       /* kept in the legend/table but not drawn */
} SlopeRunTrace;

/* The run's colour in @palette (NULL: the light one). */
const SlopeColor *slope_run_trace_colour     (const SlopeRunTrace *run,
                                              const SlopePalette  *palette);
/* TRUE if @run has something to draw: not hidden. */
gboolean          slope_run_trace_visible    (const SlopeRunTrace *run);

G_END_DECLS
