/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-log-csv.h: the training log, saved as CSV for pandas or a
 * spreadsheet.
 *
 * One row per stored epoch: epoch, W and b after the step, the cost and
 * this epoch's gradients before it, and the accumulated W.grad and b.grad
 * buffers.  Numbers read back bit-exact; a diverged run's values are
 * written as inf, -inf and nan, which pandas reads as floats.  (pandas'
 * default parser may be one ulp off; float_precision="round_trip" is not.)
 */
#pragma once

#include <gio/gio.h>

#include "slope-history.h"

G_BEGIN_DECLS

#define SLOPE_LOG_CSV_HEADER "epoch,W,b,cost,dW,db,W.grad,b.grad"

gboolean slope_log_csv_write (SlopeHistory  *history,
                              GFile         *file,
                              GError       **error);

gboolean slope_log_csv_write_stream (SlopeHistory   *history,
                                     GOutputStream  *stream,
                                     GError        **error);

G_END_DECLS
