/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-run-slots.c: a widget's own copy of the compared runs.
 *
 * The window rebuilds its array of runs every frame, from its runners'
 * snapshots; the widgets copy it rather than point into it, so the
 * window's array may be a local variable and its labels temporaries.
 */
#include "config.h"

#include <string.h>

#include "slope-run-slots.h"

static void
copy_label (char       *dest,
            const char *label)
{
  const char *end;

  g_strlcpy (dest, label != NULL ? label : "", SLOPE_RUN_SLOT_LABEL_SIZE);
  /* Cut at the last whole character that fitted. */
  if (!g_utf8_validate (dest, -1, &end))
    dest[end - dest] = '\0';
}

/**
 * slope_run_slots_set:
 * @runs: (array length=n_runs) (nullable): the runs, copied
 *
 * Returns: %TRUE when a slot's history changed (a widget reading paths
 * from the histories reads them afresh).  Runs beyond
 * %SLOPE_RUN_TRACE_MAX are left out with a warning.
 */
gboolean
slope_run_slots_set (SlopeRunSlots       *slots,
                     const SlopeRunTrace *runs,
                     gsize                n_runs)
{
  gboolean histories_changed;

  g_return_val_if_fail (slots != NULL, FALSE);
  g_return_val_if_fail (runs != NULL || n_runs == 0, FALSE);

  if (n_runs > SLOPE_RUN_TRACE_MAX)
    {
      g_warning ("%" G_GSIZE_FORMAT " compared runs: only the first %d are drawn",
                 n_runs, SLOPE_RUN_TRACE_MAX);
      n_runs = SLOPE_RUN_TRACE_MAX;
    }
  histories_changed = n_runs != slots->n_runs;

  /* The new references are taken before the old ones go: the same
   * history may move from one slot to another. */
  for (gsize i = 0; i < n_runs; i++)
    if (runs[i].history != NULL)
      g_object_ref (runs[i].history);
  for (gsize i = 0; i < slots->n_runs; i++)
    {
      if (i >= n_runs || slots->runs[i].history != runs[i].history)
        histories_changed = TRUE;
      g_clear_object (&slots->runs[i].history);
    }

  for (gsize i = 0; i < n_runs; i++)
    {
      slots->runs[i] = runs[i];
      copy_label (slots->labels[i], runs[i].label);
      slots->runs[i].label = slots->labels[i];
    }
  for (gsize i = n_runs; i < SLOPE_RUN_TRACE_MAX; i++)
    memset (&slots->runs[i], 0, sizeof slots->runs[i]);
  slots->n_runs = n_runs;
  return histories_changed;
}

void
slope_run_slots_clear (SlopeRunSlots *slots)
{
  g_return_if_fail (slots != NULL);

  slope_run_slots_set (slots, NULL, 0);
}
