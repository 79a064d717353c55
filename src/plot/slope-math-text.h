/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-math-text.h: the notebook's quantities for one epoch, written out
 * with the real numbers, as Pango markup and as plain text.
 *
 * Pure text generation with no GTK, so the exact wording and digits can be
 * tested without a display and read out by a screen reader.  Every number
 * is slope_format_number_unicode (…, 6): the readouts' six significant
 * digits, with a real minus sign (U+2212).
 *
 * The text is a table: rows end with '\n' and the cells of a row are
 * separated by '\t': name, formula, the formula with numbers, value and
 * an optional note.  Rows without a tab are headings.  In the markup every cell is well-formed on its own, so a
 * view may measure cells one by one to place its tab stops.
 */
#pragma once

#include <glib.h>

#include "slope-scaling.h"
#include "slope-trainer.h"
#include "slope-types.h"

G_BEGIN_DECLS

/* All points are written out up to this many; beyond, the first half of it
 * and "…". */
#define SLOPE_MATH_DEFAULT_MAX_POINTS 10

void  slope_math_text_build        (const SlopeTrainerState *state,
                                    double                   w_before,
                                    double                   b_before,
                                    SlopeDataset            *dataset,
                                    const SlopeScaling      *scaling,
                                    guint                    max_points,
                                    char                   **markup,
                                    char                   **plain);
char *slope_math_markup            (const SlopeTrainerState *state,
                                    double                   w_before,
                                    double                   b_before,
                                    SlopeDataset            *dataset,
                                    guint                    max_points);
char *slope_math_plain             (const SlopeTrainerState *state,
                                    double                   w_before,
                                    double                   b_before,
                                    SlopeDataset            *dataset,
                                    guint                    max_points);
void  slope_math_state_apply_record (SlopeTrainerState      *state,
                                    const SlopeEpochRecord  *record);

G_END_DECLS
