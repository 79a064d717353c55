/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-graph-layout.c: where the computation graph's boxes, labels and
 * arrows go.
 *
 * The text must be read from the back of a classroom, so the layout is
 * measured, not guessed: every label is measured with Pango at a large
 * size, columns and the gaps between them (where the edge labels go) are
 * sized from that, and the font shrinks until nothing overlaps.  Gradient
 * items are laid out even while hidden so that nothing moves during the
 * backward animation.
 */
#include "config.h"

#include <math.h>

#include "slope-graph-plot-private.h"
#include "slope-plot-text.h"

/* Pixels at font_scale 1 for an 800×400 plot, before shrinking to fit. */
#define BASE_FONT_PX  20.0
#define MIN_FONT_PX   6.0

typedef struct
{
  gboolean shown;
  gboolean has_row;
  guint    column;
  guint    row;
  double   cx, cy;      /* the box's centre */
  guint    node_item;   /* index in the layout's items */
} NodeInfo;

/* Everything one layout pass needs. */
typedef struct
{
  const SlopeGraphPlot *plot;
  SlopeTape            *tape;
  PangoLayout          *measure[N_FONTS];
  double                font;
  guint                 n_nodes;
  NodeInfo             *info;
  guint                 n_columns;
  guint                 n_rows;
  SlopeGraphLayout     *layout;
} LayoutBuilder;

static void
item_clear (gpointer data)
{
  SlopeGraphItem *item = data;

  g_clear_pointer (&item->text, g_free);
  g_clear_pointer (&item->value, g_free);
}

void
slope_graph_layout_free (SlopeGraphLayout *layout)
{
  if (layout == NULL)
    return;

  g_clear_pointer (&layout->items, g_array_unref);
  g_clear_pointer (&layout->arrows, g_array_unref);
  g_free (layout);
}

/**
 * slope_graph_layout_find:
 * @input: for EDGE items, which input of @node; ignored otherwise
 *
 * Returns: (nullable): the item, or %NULL if there is none
 */
const SlopeGraphItem *
slope_graph_layout_find (const SlopeGraphLayout *layout,
                         SlopeGraphItemKind      kind,
                         guint                   node,
                         guint                   input)
{
  g_return_val_if_fail (layout != NULL, NULL);

  for (guint i = 0; i < layout->items->len; i++)
    {
      const SlopeGraphItem *item = &g_array_index (layout->items, SlopeGraphItem, i);

      if (item->kind == kind && item->node == node &&
          (kind != SLOPE_GRAPH_ITEM_EDGE || item->input == input))
        return item;
    }

  return NULL;
}

static SlopeTextSize
measure (LayoutBuilder *b,
         Font           font,
         const char    *text)
{
  SlopeTextSize size;

  slope_plot_text_measure (b->measure[font], text, &size);
  return size;
}

/* ---- Layout ---------------------------------------------------------- */

static gboolean
is_constant (LayoutBuilder *b,
             guint          id)
{
  return slope_tape_get_node (b->tape, id)->op == SLOPE_OP_CONST;
}

static SlopeGraphItem *
item_at (LayoutBuilder *b,
         guint          i)
{
  return &g_array_index (b->layout->items, SlopeGraphItem, i);
}

/* The output and what it is computed from, a column per depth.  Constants
 * go just left of their leftmost consumer rather than at depth 0, where
 * their arrows would cross everything. */
static void
assign_columns (LayoutBuilder *b)
{
  b->info[b->plot->output].shown = TRUE;
  for (guint id = 0; id < b->n_nodes; id++)
    {
      const SlopeTapeNode *node = slope_tape_get_node (b->tape, id);

      b->info[id].column = is_constant (b, id) ? G_MAXUINT : 0;
      for (guint i = 0; i < node->n_inputs; i++)
        {
          guint in = b->info[node->inputs[i]].column;

          b->info[id].column = MAX (b->info[id].column, in == G_MAXUINT ? 1 : in + 1);
        }
    }

  for (guint id = b->n_nodes; id-- > 0;)
    {
      const SlopeTapeNode *node = slope_tape_get_node (b->tape, id);
      NodeInfo *info = &b->info[id];

      if (!info->shown)
        continue;
      if (info->column == G_MAXUINT)   /* a constant output */
        info->column = 0;
      for (guint i = 0; i < node->n_inputs; i++)
        {
          NodeInfo *in = &b->info[node->inputs[i]];

          in->shown = TRUE;
          if (is_constant (b, node->inputs[i]))
            in->column = MIN (in->column, info->column - 1);
        }
      b->n_columns = MAX (b->n_columns, info->column + 1);
    }
}

static gboolean
row_taken (LayoutBuilder *b,
           guint          column,
           guint          row)
{
  for (guint id = 0; id < b->n_nodes; id++)
    if (b->info[id].has_row && b->info[id].column == column && b->info[id].row == row)
      return TRUE;

  return FALSE;
}

/* Each input goes on its consumer's row if its column has room there, else
 * below: the main chain is a straight line and constants sit under it. */
static void
assign_rows (LayoutBuilder *b,
             guint          id,
             guint          row)
{
  const SlopeTapeNode *node = slope_tape_get_node (b->tape, id);
  NodeInfo *info = &b->info[id];

  if (info->has_row)
    return;

  while (row_taken (b, info->column, row))
    row++;
  info->row = row;
  info->has_row = TRUE;
  b->n_rows = MAX (b->n_rows, row + 1);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < node->n_inputs; i++)
      if (is_constant (b, node->inputs[i]) == (pass == 1))
        assign_rows (b, node->inputs[i], row);
}

static SlopeGraphItem *
add_item (LayoutBuilder      *b,
          SlopeGraphItemKind  kind,
          guint               node,
          guint               input,
          gboolean            visible,
          char               *text)
{
  SlopeGraphItem item = { kind, node, input, visible, .text = text };

  g_array_append_val (b->layout->items, item);
  return item_at (b, b->layout->items->len - 1);
}

/* A box: the label, and the value unless it is a constant's label. */
static void
add_node_item (LayoutBuilder *b,
               guint          id)
{
  const SlopeTapeNode *node = slope_tape_get_node (b->tape, id);
  SlopeGraphItem *item = add_item (b, SLOPE_GRAPH_ITEM_NODE, id, 0, TRUE, g_strdup (node->label));
  SlopeTextSize label = measure (b, FONT_LABEL, item->text);
  SlopeTextSize value = { 0, 0 };

  b->info[id].node_item = b->layout->items->len - 1;
  if (node->op != SLOPE_OP_CONST)
    {
      char number[64] = "?";

      if (slope_tape_has_values (b->tape) || node->n_inputs == 0)
        _slope_graph_format_number (number, sizeof number, node->value, TRUE);
      item->value = g_strdup (number);
      value = measure (b, FONT_VALUE, number);
    }

  item->width = MAX (label.width, value.width) + 0.8 * b->font;
  item->height = label.height + value.height + 0.5 * b->font;
}

static void
add_grad_item (LayoutBuilder *b,
               guint          id)
{
  const SlopeTapeNode *node = slope_tape_get_node (b->tape, id);
  /* A variable's .grad is always there to see, even as None. */
  gboolean visible = b->plot->show_gradients && (node->op == SLOPE_OP_VAR || node->grad_reached);
  SlopeGraphItem *item = add_item (b, SLOPE_GRAPH_ITEM_GRAD, id, 0, visible,
                                   _slope_graph_grad_text (node, FALSE));
  g_autofree char *room = _slope_graph_grad_text (node, TRUE);
  SlopeTextSize size = measure (b, FONT_GRAD, item->text);

  item->width = MAX (size.width, measure (b, FONT_GRAD, room).width);
  item->height = size.height;
}

static void
add_edge_item (LayoutBuilder *b,
               guint          id,
               guint          input)
{
  const SlopeTapeNode *node = slope_tape_get_node (b->tape, id);
  gboolean visible = b->plot->show_gradients && node->edge_done[input];
  g_autofree char *top = NULL;
  g_autofree char *bottom = NULL;
  g_autofree char *equals = NULL;
  char *text = _slope_graph_edge_parts (b->tape, id, input, &top, &bottom, &equals);
  SlopeGraphItem *item = add_item (b, SLOPE_GRAPH_ITEM_EDGE, id, input, visible, text);
  SlopeTextSize t = measure (b, FONT_EDGE, top);
  SlopeTextSize u = measure (b, FONT_EDGE, bottom);
  double small = SMALL_FONT * b->font;

  item->width = MAX (t.width, u.width) + measure (b, FONT_EDGE, equals).width + small;
  item->height = t.height + u.height + 0.5 * small;
}

/* Columns as wide as their widest box, gaps as wide as their widest edge
 * label plus room for the arrow, spare room shared out evenly.  Gradients
 * under the boxes can be wider than them; in a @compact layout they may
 * reach into the gaps (layout_is_clear() then checks no edge label is in
 * the way), never into the margins.  FALSE if too wide. */
static gboolean
place_columns (LayoutBuilder *b,
               int            width,
               gboolean       compact,
               double        *col_center,
               double        *gap_center)
{
  g_autofree double *left = g_new0 (double, b->n_columns);
  g_autofree double *right = g_new0 (double, b->n_columns);
  g_autofree double *text_half = g_new0 (double, b->n_columns);
  g_autofree double *gap = g_new0 (double, b->n_columns);
  guint last = b->n_columns - 1;
  double margin = 0.4 * b->font;
  double total = 0, slot, x;

  for (guint i = 0; i < b->layout->items->len; i++)
    {
      const SlopeGraphItem *item = item_at (b, i);
      guint col = b->info[item->node].column;

      if (item->kind == SLOPE_GRAPH_ITEM_EDGE)
        gap[col - 1] = MAX (gap[col - 1], item->width + 1.5 * b->font);
      else if (item->kind == SLOPE_GRAPH_ITEM_NODE)
        left[col] = right[col] = MAX (left[col], item->width / 2);
      else
        text_half[col] = MAX (text_half[col], item->width / 2);
    }

  for (guint c = 0; c <= last; c++)
    {
      if (!compact || c == 0)
        left[c] = MAX (left[c], text_half[c]);
      if (!compact || c == last)
        right[c] = MAX (right[c], text_half[c]);
      if (c < last)
        gap[c] = MAX (gap[c], 2.4 * b->font);
      total += left[c] + right[c] + (c < last ? gap[c] : 0);
    }
  if (total > width - 2 * margin)
    return FALSE;

  slot = (width - 2 * margin - total) / (b->n_columns + 1);
  x = margin + slot;
  for (guint c = 0; c <= last; c++)
    {
      col_center[c] = x + left[c];
      x += left[c] + right[c];
      if (c < last)
        gap_center[c] = x + (gap[c] + slot) / 2;
      if (c < last)
        x += gap[c] + slot;
    }

  return TRUE;
}

/* Rows as tall as the tallest box and the gradient under it, a little
 * apart and centred.  FALSE if too tall. */
static gboolean
place_nodes (LayoutBuilder *b,
             int            width,
             int            height,
             gboolean       compact,
             double        *gap_center)
{
  g_autofree double *col_center = g_new0 (double, b->n_columns);
  double margin = 0.4 * b->font;
  double avail = height - 2 * margin;
  double box = 0, below = 0, block, gap, top;

  if (!place_columns (b, width, compact, col_center, gap_center))
    return FALSE;

  for (guint i = 0; i < b->layout->items->len; i++)
    {
      const SlopeGraphItem *item = item_at (b, i);

      if (item->kind == SLOPE_GRAPH_ITEM_NODE)
        box = MAX (box, item->height);
      else if (item->kind == SLOPE_GRAPH_ITEM_GRAD)
        below = MAX (below, 0.15 * b->font + item->height);
    }

  block = box + below;
  if (b->n_rows * block + (b->n_rows - 1) * 0.5 * b->font > avail)
    return FALSE;
  gap = b->n_rows > 1 ? (avail - b->n_rows * block) / (b->n_rows - 1) : 0;
  gap = CLAMP (gap, 0.5 * b->font, 2.0 * b->font);
  top = margin + (avail - b->n_rows * block - (b->n_rows - 1) * gap) / 2;

  /* A node comes before its gradient in the array. */
  for (guint i = 0; i < b->layout->items->len; i++)
    {
      SlopeGraphItem *item = item_at (b, i);
      NodeInfo *info = &b->info[item->node];

      if (item->kind == SLOPE_GRAPH_ITEM_NODE)
        {
          info->cx = col_center[info->column];
          info->cy = top + info->row * (block + gap) + box / 2;
          item->y = info->cy - item->height / 2;
        }
      else if (item->kind == SLOPE_GRAPH_ITEM_GRAD)
        {
          item->y = info->cy + item_at (b, info->node_item)->height / 2 + 0.15 * b->font;
        }
      if (item->kind != SLOPE_GRAPH_ITEM_EDGE)
        item->x = info->cx - item->width / 2;
    }

  return TRUE;
}

static gboolean
items_overlap (const SlopeGraphItem *a,
               const SlopeGraphItem *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Arrows between the same boxes (w·w) would put their labels on top of
 * each other: push overlapping labels apart until none overlap. */
static void
separate_edge_labels (LayoutBuilder *b)
{
  gboolean moved = TRUE;

  for (guint pass = 0; moved && pass < 16; pass++)
    {
      moved = FALSE;
      for (guint i = 0; i < b->layout->items->len; i++)
        for (guint j = i + 1; j < b->layout->items->len; j++)
          {
            SlopeGraphItem *p = item_at (b, i);
            SlopeGraphItem *q = item_at (b, j);
            SlopeGraphItem *upper = p->y <= q->y ? p : q;
            SlopeGraphItem *lower = upper == p ? q : p;
            double overlap = upper->y + upper->height + 0.2 * b->font - lower->y;

            if (p->kind == SLOPE_GRAPH_ITEM_EDGE && q->kind == SLOPE_GRAPH_ITEM_EDGE &&
                items_overlap (p, q))
              {
                upper->y -= overlap / 2;
                lower->y += overlap / 2;
                moved = TRUE;
              }
          }
    }
}

/* Arrows from the right of each input's box to the left of its consumer's;
 * two inputs arrive one above the other, in the order of their sources so
 * the arrows do not cross.  An edge's label sits on its arrow, in the gap
 * just left of the consumer. */
static void
place_arrows (LayoutBuilder *b,
              const double  *gap_center)
{
  for (guint id = 0; id < b->n_nodes; id++)
    {
      const SlopeTapeNode *node = slope_tape_get_node (b->tape, id);
      const NodeInfo *info = &b->info[id];
      const SlopeGraphItem *dst = item_at (b, info->node_item);
      gboolean swap;

      if (!info->shown)
        continue;

      swap = node->n_inputs == 2 && b->info[node->inputs[1]].cy < b->info[node->inputs[0]].cy;
      for (guint k = 0; k < node->n_inputs; k++)
        {
          guint i = swap ? 1 - k : k;
          const NodeInfo *src = &b->info[node->inputs[i]];
          double offset = node->n_inputs == 2 ? (k == 0 ? -1 : 1) * dst->height / 5 : 0;
          const SlopeGraphItem *src_box = item_at (b, src->node_item);
          SlopeGraphArrow arrow = {
            id, i, src_box->x + src_box->width, src->cy, dst->x, info->cy + offset,
          };
          SlopeGraphItem *label = (SlopeGraphItem *)
            slope_graph_layout_find (b->layout, SLOPE_GRAPH_ITEM_EDGE, id, i);

          g_array_append_val (b->layout->arrows, arrow);
          if (label != NULL)
            {
              double gx = gap_center[info->column - 1];
              double t = CLAMP ((gx - arrow.x0) / MAX (arrow.x1 - arrow.x0, 1.0), 0.0, 1.0);

              /* A little left of centre: the arrowhead must show. */
              label->x = gx - 0.25 * b->font - label->width / 2;
              label->y = arrow.y0 + t * (arrow.y1 - arrow.y0) - label->height / 2;
            }
        }
    }

  separate_edge_labels (b);
}

/* Hidden items count: they will show up later in the same place. */
static gboolean
layout_is_clear (const SlopeGraphLayout *layout,
                 int                     width,
                 int                     height)
{
  for (guint i = 0; i < layout->items->len; i++)
    {
      const SlopeGraphItem *a = &g_array_index (layout->items, SlopeGraphItem, i);

      if (a->x < 0 || a->y < 0 || a->x + a->width > width || a->y + a->height > height)
        return FALSE;
      for (guint j = i + 1; j < layout->items->len; j++)
        if (items_overlap (a, &g_array_index (layout->items, SlopeGraphItem, j)))
          return FALSE;
    }

  return TRUE;
}

static SlopeGraphLayout *
build_layout (const SlopeGraphPlot *plot,
              int                   width,
              int                   height,
              double                font,
              gboolean             *fits)
{
  LayoutBuilder b = { .plot = plot, .tape = plot->tape, .font = font };
  g_autofree NodeInfo *info = NULL;
  g_autofree double *gap_center = NULL;

  b.layout = g_new0 (SlopeGraphLayout, 1);
  b.layout->font_size = font;
  b.layout->items = g_array_new (FALSE, TRUE, sizeof (SlopeGraphItem));
  g_array_set_clear_func (b.layout->items, item_clear);
  b.layout->arrows = g_array_new (FALSE, TRUE, sizeof (SlopeGraphArrow));

  *fits = TRUE;
  if (b.tape == NULL || plot->output >= slope_tape_get_n_nodes (b.tape))
    return b.layout;

  b.n_nodes = plot->output + 1;
  b.info = info = g_new0 (NodeInfo, b.n_nodes);
  assign_columns (&b);
  assign_rows (&b, plot->output, 0);

  for (guint f = 0; f < N_FONTS; f++)
    b.measure[f] = _slope_graph_font_layout (NULL, f, font);
  for (guint id = 0; id < b.n_nodes; id++)
    {
      const SlopeTapeNode *node = slope_tape_get_node (b.tape, id);

      if (!info[id].shown)
        continue;
      add_node_item (&b, id);
      if (node->requires_grad)
        add_grad_item (&b, id);
      for (guint i = 0; i < node->n_inputs; i++)
        if (slope_tape_get_node (b.tape, node->inputs[i])->requires_grad)
          add_edge_item (&b, id, i);
    }
  for (guint f = 0; f < N_FONTS; f++)
    g_clear_object (&b.measure[f]);

  /* Compact first; if a gradient then runs into an edge label, not. */
  gap_center = g_new0 (double, b.n_columns);
  *fits = FALSE;
  for (guint compact = 2; compact-- > 0 && !*fits;)
    {
      g_array_set_size (b.layout->arrows, 0);
      if (place_nodes (&b, width, height, compact, gap_center))
        {
          place_arrows (&b, gap_center);
          *fits = layout_is_clear (b.layout, width, height);
        }
    }

  return b.layout;
}

/**
 * slope_graph_layout_new:
 *
 * Where slope_graph_plot_draw() puts everything at this size: with the
 * largest font, up to the base size, at which nothing overlaps.
 *
 * Returns: (transfer full): the layout
 */
SlopeGraphLayout *
slope_graph_layout_new (const SlopeGraphPlot *plot,
                        int                   width,
                        int                   height)
{
  double scale, font;

  g_return_val_if_fail (plot != NULL, NULL);

  /* Bigger on a bigger plot, up to twice the base size. */
  scale = plot->font_scale > 0 ? plot->font_scale : 1.0;
  font = BASE_FONT_PX * scale * CLAMP (MIN (width / 800.0, height / 400.0), 1.0, 2.0);

  for (;;)
    {
      gboolean fits;
      SlopeGraphLayout *layout = build_layout (plot, width, height, font, &fits);

      if (fits || font <= MIN_FONT_PX)
        return layout;

      slope_graph_layout_free (layout);
      font = MAX (0.92 * font, MIN_FONT_PX);
    }
}

