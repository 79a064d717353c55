/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-cost-plot-private.h: what the cost plot's files share.
 *
 * Private to src/plot: the plot is split into its layout and columns
 * (slope-cost-plot.c), its drawing (slope-cost-plot-draw.c) and its keys
 * (slope-cost-plot-key.c), and these are the seams between them.
 */
#pragma once

#include "slope-cost-plot.h"

G_BEGIN_DECLS

/* A marker's dot, times the font scale. */
#define SLOPE_COST_MARKER_RADIUS 4.5

typedef struct
{
  double    left;
  double    top;
  double    width;
  double    height;
  guint64   x_max;      /* the epoch at the right edge */
  SlopeAxis x_axis;
  SlopeAxis y_axis;
  double    fs;
  double    lw;
} SlopeCostLayout;

typedef struct
{
  gsize   n;
  double *lo;       /* per column: NaN empty, +inf only diverged costs */
  double *hi;       /* +inf when the column holds an inf or NaN cost */
  double *x;        /* where the column's epochs are, in user units */
} SlopeCostColumns;

const SlopePalette *slope_cost_plot_palette     (const SlopeCostPlot    *plot);
void                slope_cost_layout_compute   (const SlopeCostPlot    *plot,
                                                 int                     width,
                                                 int                     height,
                                                 SlopeCostLayout        *layout);
double              slope_cost_layout_epoch_x   (const SlopeCostLayout  *layout,
                                                 double                  epoch);
double              slope_cost_layout_cost_y    (const SlopeCostLayout  *layout,
                                                 double                  cost);
double              slope_cost_layout_marker_y  (const SlopeCostLayout  *layout,
                                                 double                  cost);
void                slope_cost_columns_fill     (SlopeCostColumns       *columns,
                                                 const SlopeCostLayout  *layout,
                                                 SlopeHistory           *history);
void                slope_cost_columns_refill   (SlopeCostColumns       *columns,
                                                 const SlopeCostLayout  *layout,
                                                 SlopeHistory           *history);
void                slope_cost_columns_clear    (SlopeCostColumns       *columns);
gboolean            slope_cost_column_rows      (const SlopeCostLayout  *layout,
                                                 const SlopeCostColumns *columns,
                                                 gsize                   c,
                                                 double                 *top,
                                                 double                 *bottom);

G_END_DECLS
