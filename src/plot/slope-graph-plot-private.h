/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-graph-plot-private.h: what the graph's layout
 * (slope-graph-layout.c) and its drawing (slope-graph-plot.c) share: the
 * fonts and the text of values, gradients and edge labels.
 *
 * Private to src/plot.  Both sides must produce the same strings at the
 * same sizes, or the drawn text would not fit the boxes measured for it.
 */
#pragma once

#include <pango/pangocairo.h>

#include "slope-graph-plot.h"

G_BEGIN_DECLS

/* Gradients and edge labels, relative to the node labels. */
#define SMALL_FONT    0.85

typedef enum
{
  FONT_LABEL,
  FONT_VALUE,
  FONT_GRAD,
  FONT_EDGE,
  N_FONTS,
} Font;

void         _slope_graph_format_number (char                *buf,
                                         gsize                size,
                                         double               v,
                                         gboolean             as_tensor);
char        *_slope_graph_edge_parts    (SlopeTape           *tape,
                                         guint                node,
                                         guint                input,
                                         char               **numerator,
                                         char               **denominator,
                                         char               **equals);
char        *_slope_graph_grad_text     (const SlopeTapeNode *node,
                                         gboolean             for_room);
PangoLayout *_slope_graph_font_layout   (cairo_t             *cr,
                                         Font                 font,
                                         double               size);

G_END_DECLS
