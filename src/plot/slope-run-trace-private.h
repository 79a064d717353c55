/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-run-trace-private.h: the compared runs' legend rows, private to
 * src/plot (the legend's row type is the plot frame's). */
#pragma once

#include "slope-plot-frame.h"
#include "slope-run-trace.h"

G_BEGIN_DECLS

guint slope_run_trace_legend_rows (const SlopeRunTrace *runs,
                                   gsize                n_runs,
                                   const char          *main_label,
                                   const SlopePalette  *palette,
                                   SlopePlotLegendRow  *rows,
                                   char               **texts);

G_END_DECLS
