/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-history.h: every epoch since reset, in bounded memory.
 *
 * Recent epochs are kept exactly; the whole run is kept as buckets that
 * double in width whenever they fill, each with the cost's min and max and
 * its last epoch's record.  The memory is fixed when the history is made,
 * so appending never allocates, and a run of any length fits.
 *
 * The training thread appends and the window reads; every call takes the
 * history's own lock for as long as it copies, never longer.
 */
#pragma once

#include <glib-object.h>

#include "slope-types.h"

G_BEGIN_DECLS

#define SLOPE_TYPE_HISTORY (slope_history_get_type ())

G_DECLARE_FINAL_TYPE (SlopeHistory, slope_history, SLOPE, HISTORY, GObject)

SlopeHistory *slope_history_new             (gsize                   n_recent,
                                             gsize                   n_buckets);
SlopeHistory *slope_history_new_default     (void);
gsize         slope_history_get_memory_size (SlopeHistory           *self);
void          slope_history_clear           (SlopeHistory           *self);
void          slope_history_append          (SlopeHistory           *self,
                                             const SlopeEpochRecord *records,
                                             gsize                   n_records);
guint64       slope_history_get_last_epoch  (SlopeHistory           *self);
guint64       slope_history_get_serial      (SlopeHistory           *self);
gboolean      slope_history_lookup          (SlopeHistory           *self,
                                             guint64                 epoch,
                                             SlopeEpochRecord       *record);
gboolean      slope_history_cost_range      (SlopeHistory           *self,
                                             double                 *min_positive,
                                             double                 *max_finite);
gsize         slope_history_envelope        (SlopeHistory           *self,
                                             guint64                 first_epoch,
                                             guint64                 last_epoch,
                                             gsize                   n_columns,
                                             double                 *lo,
                                             double                 *hi);
gsize         slope_history_path            (SlopeHistory           *self,
                                             gsize                   max_points,
                                             double                 *w,
                                             double                 *b);

G_END_DECLS
