/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-cost-plot-key.c: fingerprints of what the cost plot would draw.
 *
 * A widget keeps its last picture while the key it was drawn for still
 * matches: the frame changes only with an axis, the curve only when a
 * column moves by a sixteenth of a pixel or a marker moves.
 */
#include "config.h"

#include <math.h>

#include "slope-cost-plot.h"
#include "slope-cost-plot-private.h"
#include "slope-plot-key.h"

/**
 * slope_cost_plot_frame_key:
 *
 * A fingerprint of everything slope_cost_plot_draw_frame() draws: the
 * area, both axes' ticks and labels, the palette, the font.  While it
 * stays the same the frame need not be drawn again; the history changes
 * it only when an axis does.
 */
guint64
slope_cost_plot_frame_key (const SlopeCostPlot *plot,
                           int                  width,
                           int                  height)
{
  /* The axes' label buffers are hashed whole: zeroed first, so bytes
   * past a label's end are the same from call to call. */
  g_autofree SlopeCostLayout *layout = g_new0 (SlopeCostLayout, 1);
  const guint8 *bytes = (const guint8 *) layout;
  guint64 key = SLOPE_PLOT_KEY_INIT;

  g_return_val_if_fail (plot != NULL, 0);

  slope_cost_layout_compute (plot, width, height, layout);
  for (gsize i = 0; i < sizeof *layout; i++)
    key = (key ^ bytes[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  key = slope_plot_key_string (key, plot->font_family);
  key = slope_plot_key_mix (key, GPOINTER_TO_SIZE (slope_cost_plot_palette (plot)));
  return slope_plot_key_mix (key, (guint64) width << 32 | (guint) height);
}

/* Each compared run: its colour, whether it shows, its columns and its
 * marker. */
static guint64
runs_key (guint64              key,
          const SlopeCostPlot *plot,
          const SlopeCostLayout        *layout)
{
  SlopeCostColumns columns = { 0 };

  key = slope_plot_key_mix (key, plot->runs != NULL ? plot->n_runs : 0);
  for (gsize i = 0; plot->runs != NULL && i < plot->n_runs; i++)
    {
      const SlopeRunTrace *run = &plot->runs[i];

      key = slope_plot_key_mix (key, (guint64) run->colour | (guint64) !!run->hidden << 32
                                     | (guint64) !!run->has_marker << 33);
      if (!slope_run_trace_visible (run))
        continue;
      if (run->history != NULL && slope_history_get_last_epoch (run->history) > 0)
        {
          if (columns.lo == NULL)
            slope_cost_columns_fill (&columns, layout, run->history);
          else
            slope_cost_columns_refill (&columns, layout, run->history);
          for (gsize c = 0; c < columns.n; c++)
            {
              double top, bottom;

              if (slope_cost_column_rows (layout, &columns, c, &top, &bottom))
                key = slope_plot_key_pixel (slope_plot_key_pixel (key, top), bottom);
              else
                key = slope_plot_key_mix (key, isnan (columns.lo[c]) ? 1 : 2);
              key = slope_plot_key_mix (key, columns.hi[c] == INFINITY);
            }
        }
      if (run->has_marker)
        {
          key = slope_plot_key_pixel (key, slope_cost_layout_epoch_x (layout, (double) MIN (run->marker_epoch,
                                                                              layout->x_max)));
          key = slope_plot_key_pixel (key, slope_cost_layout_marker_y (layout, run->marker_cost));
        }
    }
  slope_cost_columns_clear (&columns);
  return key;
}

/**
 * slope_cost_plot_curve_key:
 *
 * A fingerprint of what slope_cost_plot_draw_curve() shows, to a
 * sixteenth of a pixel: each column's rows, the marker, and the frame's
 * key (which places them).  Costs a pass over the history's envelope,
 * not a drawing.
 */
guint64
slope_cost_plot_curve_key (const SlopeCostPlot *plot,
                           int                  width,
                           int                  height)
{
  guint64 key;
  SlopeCostLayout layout;

  g_return_val_if_fail (plot != NULL, 0);

  key = slope_cost_plot_frame_key (plot, width, height);
  slope_cost_layout_compute (plot, width, height, &layout);
  if (plot->history != NULL && slope_history_get_last_epoch (plot->history) > 0)
    {
      SlopeCostColumns columns = { 0 };

      slope_cost_columns_fill (&columns, &layout, plot->history);
      for (gsize c = 0; c < columns.n; c++)
        {
          double top, bottom;

          if (slope_cost_column_rows (&layout, &columns, c, &top, &bottom))
            key = slope_plot_key_pixel (slope_plot_key_pixel (key, top), bottom);
          else
            key = slope_plot_key_mix (key, isnan (columns.lo[c]) ? 1 : 2);
          key = slope_plot_key_mix (key, columns.hi[c] == INFINITY);
        }
      slope_cost_columns_clear (&columns);
    }
  key = runs_key (key, plot, &layout);
  key = slope_plot_key_mix (key, plot->has_marker);
  if (plot->has_marker)
    {
      double cost = plot->marker_cost;
      gboolean diverged = isnan (cost) || cost == INFINITY;

      key = slope_plot_key_pixel (key, slope_cost_layout_epoch_x (&layout, (double) MIN (plot->marker_epoch,
                                                                         layout.x_max)));
      key = slope_plot_key_pixel (key, diverged ? -1.0 : slope_cost_layout_cost_y (&layout, cost));
    }
  return key;
}
