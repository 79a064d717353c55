/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-graph-plot.h: the computation graph of a SlopeTape, as the autograd
 * lab shows it.
 *
 * Inputs on the left, the output on the right, one column per depth; each
 * node a box with its label and forward value.  During and after a
 * backward pass the edges already processed light up with their local
 * derivative ("∂z/∂y = 2") and each node shows the gradient that reached
 * it, the variable its .grad buffer ("w.grad = 8.0").
 *
 * A renderer, not a widget: it draws into any cairo_t.  The layout is
 * available on its own so tests (and a widget, for hit-testing) can see
 * where everything goes.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "slope-autograd.h"
#include "slope-palette.h"

G_BEGIN_DECLS

typedef struct
{
  SlopeTape          *tape;            /* may be NULL: background only */
  guint               output;          /* z; the graph is z and what it uses */
  const SlopePalette *palette;         /* NULL: the light palette */
  double              font_scale;      /* 1.0; larger on a projector */
  gboolean            show_gradients;  /* FALSE: the forward pass only */
} SlopeGraphPlot;

typedef enum
{
  SLOPE_GRAPH_ITEM_NODE,   /* a node's box: label, and value below it */
  SLOPE_GRAPH_ITEM_GRAD,   /* under a node: "grad 2.0", or "w.grad = 8.0" */
  SLOPE_GRAPH_ITEM_EDGE,   /* on an edge: "∂z/∂y = 2" */
} SlopeGraphItemKind;

/* A rectangle the renderer fills, in pixels.  GRAD and EDGE items have
 * their place even while hidden, so nothing moves as the backward pass
 * goes on. */
typedef struct
{
  SlopeGraphItemKind kind;
  guint              node;
  guint              input;     /* EDGE: which of node's inputs */
  gboolean           visible;
  double             x;
  double             y;
  double             width;
  double             height;
  char              *text;      /* NODE: the label */
  char              *value;     /* NODE: the value line; NULL for constants */
} SlopeGraphItem;

/* An arrow from an input's box to its consumer's. */
typedef struct
{
  guint  node;
  guint  input;
  double x0, y0;
  double x1, y1;
} SlopeGraphArrow;

typedef struct
{
  double  font_size;   /* pixels, after shrinking to fit */
  GArray *items;       /* SlopeGraphItem */
  GArray *arrows;      /* SlopeGraphArrow */
} SlopeGraphLayout;

void                  slope_graph_plot_init       (SlopeGraphPlot         *plot);
SlopeGraphLayout     *slope_graph_layout_new      (const SlopeGraphPlot   *plot,
                                                   int                     width,
                                                   int                     height);
void                  slope_graph_layout_free     (SlopeGraphLayout       *layout);
const SlopeGraphItem *slope_graph_layout_find     (const SlopeGraphLayout *layout,
                                                   SlopeGraphItemKind      kind,
                                                   guint                   node,
                                                   guint                   input);
void                  slope_graph_plot_draw       (cairo_t                *cr,
                                                   int                     width,
                                                   int                     height,
                                                   const SlopeGraphPlot   *plot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlopeGraphLayout, slope_graph_layout_free)

G_END_DECLS
