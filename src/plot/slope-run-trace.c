/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-run-trace.c: what the three plots share about compared runs. */
#include "config.h"

#include "slope-data-plot.h"
#include "slope-run-trace-private.h"

const SlopeColor *
slope_run_trace_colour (const SlopeRunTrace *run,
                        const SlopePalette  *palette)
{
  g_return_val_if_fail (run != NULL, slope_palette_run_colour (palette, 0));

  return slope_palette_run_colour (palette, MIN (run->colour, SLOPE_PALETTE_N_RUN_COLOURS - 1));
}

gboolean
slope_run_trace_visible (const SlopeRunTrace *run)
{
  return run != NULL && !run->hidden;
}

static char *
row_text (const char *label,
          double      w,
          double      b)
{
  g_autofree char *equation = slope_format_equation (w, b);

  if (label == NULL || label[0] == '\0')
    return g_steal_pointer (&equation);
  return g_strdup_printf ("%s: %s", label, equation);
}

/**
 * slope_run_trace_legend_rows:
 * @rows: the legend, whose first row is the main run's equation; the
 *   runs' rows are written after it
 * @texts: (out caller-allocates): %SLOPE_RUN_TRACE_MAX + 1 strings for
 *   the caller to free
 *
 * With compared runs the main run's row gets its label, and each run a
 * row of its own with its label and equation, greyed and struck through
 * when it is hidden.  Returns the number of rows added.
 */
guint
slope_run_trace_legend_rows (const SlopeRunTrace *runs,
                             gsize                n_runs,
                             const char          *main_label,
                             const SlopePalette  *palette,
                             SlopePlotLegendRow  *rows,
                             char               **texts)
{
  guint n = 0;

  if (runs == NULL || n_runs == 0)
    return 0;
  if (main_label != NULL && main_label[0] != '\0')
    {
      texts[0] = g_strdup_printf ("%s: %s", main_label, rows[0].text);
      rows[0].text = texts[0];
    }
  for (gsize i = 0; i < MIN (n_runs, (gsize) SLOPE_RUN_TRACE_MAX); i++)
    {
      texts[1 + i] = row_text (runs[i].label, runs[i].w, runs[i].b);
      rows[1 + n++] = (SlopePlotLegendRow) {
        .text = texts[1 + i],
        .color = *slope_run_trace_colour (&runs[i], palette),
        .struck = runs[i].hidden,
      };
    }
  return n;
}
