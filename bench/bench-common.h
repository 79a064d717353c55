/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-common.h: helpers shared by the benchmarks in bench/. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     best_and_median     (double     *v,
                              guint       n,
                              double     *best,
                              double     *median);
double   process_cpu_seconds (void);
gint64   proc_status_kb      (const char *field);
gboolean reset_peak_rss      (void);
double   stream_read         (const double *x,
                              const double *y,
                              gsize         n);

G_END_DECLS
