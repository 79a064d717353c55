/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-examples.h: the datasets that ship with Slope.
 *
 * A lesson needs data that shows one thing clearly: the notebook's three
 * points, noise, outliers, Anscombe's quartet (four shapes, one fitted
 * line) and x around 1000 (why features are scaled).  They are CSV files
 * in a GResource compiled into the core, so any program can load them.
 */
#pragma once

#include <gio/gio.h>

#include "slope-types.h"

G_BEGIN_DECLS

#define SLOPE_EXAMPLE_MAX_RUNS 4

typedef struct
{
  const char *id;               /* "notebook", "noisy-line", … */
  const char *title;            /* untranslated: pass it through _() */
  const char *resource_path;
  /* Trained as the notebook did: the epochs of each execution of its
   * cell, in order (0 runs: one run of the window's length) … */
  guint       n_runs;
  guint       runs[SLOPE_EXAMPLE_MAX_RUNS];
  /* … and the lines the notebook printed for the last one, or NULL. */
  const char *printed_path;
} SlopeExample;

const SlopeExample *slope_examples_get    (guint       *n_examples);
const SlopeExample *slope_examples_lookup (const char  *id);
SlopeDataset       *slope_examples_load   (const char  *id,
                                           GError     **error);
GStrv               slope_examples_load_printed (const char  *id,
                                                 GError     **error);
GFile              *slope_examples_lesson_file (const char *id,
                                           GError     **error);

G_END_DECLS
