/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-plot-frame.h: the grid, axes, ticks and titles around a plot.
 *
 * Private to src/plot.  The data plot and the cost plot share one look:
 * the same rules, the same type sizes, the same spacing.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "slope-axis.h"
#include "slope-palette.h"

G_BEGIN_DECLS

#define SLOPE_PLOT_TICK_FONT_PX  13.0
#define SLOPE_PLOT_TITLE_FONT_PX 14.0
#define SLOPE_PLOT_LEGEND_FONT_PX 16.0
#define SLOPE_PLOT_PADDING       12.0
#define SLOPE_PLOT_TICK_LENGTH   5.0
#define SLOPE_PLOT_LABEL_GAP     5.0

typedef struct
{
  double              left;     /* the plotting area, in user units */
  double              top;
  double              width;
  double              height;
  const SlopeAxis    *x_axis;
  const SlopeAxis    *y_axis;
  const char         *x_title;
  const char         *y_title;
  const char         *font_family;
  const SlopePalette *palette;
  double              fs;       /* font scale */
  double              lw;       /* line width scale */
} SlopePlotFrame;

typedef struct
{
  double left;
  double top;
  double right;
  double bottom;
  double digit_width;
  double digit_height;
} SlopePlotMargins;

/* One line of a legend: a swatch of the line it explains, then text. */
typedef struct
{
  const char *text;
  SlopeColor  color;
  gboolean    dashed;
  gboolean    struck;   /* a hidden run: greyed and struck through */
} SlopePlotLegendRow;

/* A corner of the plotting area: the bits say right and bottom. */
typedef enum
{
  SLOPE_PLOT_CORNER_TOP_LEFT     = 0,
  SLOPE_PLOT_CORNER_RIGHT        = 1 << 0,
  SLOPE_PLOT_CORNER_BOTTOM       = 1 << 1,
  SLOPE_PLOT_CORNER_TOP_RIGHT    = SLOPE_PLOT_CORNER_RIGHT,
  SLOPE_PLOT_CORNER_BOTTOM_LEFT  = SLOPE_PLOT_CORNER_BOTTOM,
  SLOPE_PLOT_CORNER_BOTTOM_RIGHT = SLOPE_PLOT_CORNER_RIGHT | SLOPE_PLOT_CORNER_BOTTOM,
} SlopePlotCorner;

void   slope_plot_frame_margins     (const char       *font_family,
                                     double            fs,
                                     const char       *y_title,
                                     const SlopeAxis  *y_axis,
                                     SlopePlotMargins *margins);
double slope_plot_frame_text_width  (const char      *font_family,
                                     double           fs,
                                     const char      *text);
double slope_plot_frame_label_width (const char      *font_family,
                                     double           fs,
                                     const SlopeAxis *axis);
void   slope_plot_frame_draw_grid   (cairo_t              *cr,
                                     const SlopePlotFrame *frame);
void   slope_plot_frame_draw_axes   (cairo_t              *cr,
                                     const SlopePlotFrame *frame);
void   slope_plot_frame_draw_legend (cairo_t                  *cr,
                                     const SlopePlotFrame     *frame,
                                     const SlopePlotLegendRow *rows,
                                     guint                     n_rows,
                                     gboolean                  right);
void   slope_plot_frame_draw_legend_at (cairo_t                  *cr,
                                        const SlopePlotFrame     *frame,
                                        const SlopePlotLegendRow *rows,
                                        guint                     n_rows,
                                        SlopePlotCorner           corner);
void   slope_plot_frame_legend_rect (cairo_t                  *cr,
                                     const SlopePlotFrame     *frame,
                                     const SlopePlotLegendRow *rows,
                                     guint                     n_rows,
                                     SlopePlotCorner           corner,
                                     cairo_rectangle_t        *rect);

G_END_DECLS
