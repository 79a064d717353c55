/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-fuzz-csv.h: one fuzzed input through the CSV reader, shared by the
 * libFuzzer target and the replay test of the normal suite.
 */
#pragma once

#include <glib.h>

/* The first two bytes choose the options (delimiter; x and y columns),
 * the rest is the file.  Returns TRUE when the file loaded; aborts on any
 * inconsistency between what the reader reports and what it returns. */
gboolean slope_fuzz_csv_one (const guint8 *data,
                             gsize         size);
