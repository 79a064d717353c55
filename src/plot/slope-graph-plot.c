/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-graph-plot.c: draws a tape's computation graph, and writes the
 * numbers and derivatives it shows.
 *
 * Where everything goes is decided in slope-graph-layout.c; this file
 * paints that layout, so a test can check the layout and trust that the
 * drawing puts the text exactly there.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "slope-graph-plot-private.h"
#include "slope-plot-text.h"

void
slope_graph_plot_init (SlopeGraphPlot *plot)
{
  g_return_if_fail (plot != NULL);

  *plot = (SlopeGraphPlot) {
    .output = SLOPE_TAPE_NO_NODE,
    .font_scale = 1.0,
    .show_gradients = TRUE,
  };
}

/* ---- Text ------------------------------------------------------------ */

/* Values and gradients as PyTorch prints them (8.0, not 8), local
 * derivatives as plain numbers (∂z/∂y = 2); with a real minus sign. */
void
_slope_graph_format_number (char     *buf,
                            gsize     size,
                            double    v,
                            gboolean  as_tensor)
{
  char digits[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (v))
    {
      g_strlcpy (buf, "nan", size);
      return;
    }

  if (as_tensor && fabs (v) < 1e6 && v == nearbyint (v))
    g_ascii_formatd (digits, sizeof digits, "%.1f", fabs (v));
  else
    g_ascii_formatd (digits, sizeof digits, "%.4g", fabs (v));
  g_snprintf (buf, size, "%s%s", v < 0 ? "−" : "", digits);
}

/* How ∂ notation refers to a node: "y", "w³", "(3·w)". */
static char *
node_symbol (const SlopeTapeNode *node)
{
  if (node->name != NULL)
    return g_strdup_printf ("∂%s", node->name);
  if (node->op == SLOPE_OP_CONST || node->op == SLOPE_OP_VAR || node->op == SLOPE_OP_POW)
    return g_strdup_printf ("∂%s", node->expr);
  return g_strdup_printf ("∂(%s)", node->expr);
}

/* An edge's label is drawn as a fraction, ∂z over ∂y, then "= 2": about
 * half the width of "∂z/∂y = 2", which lets the longer ones fit at a
 * readable size.  Returns the one-line form. */
char *
_slope_graph_edge_parts (SlopeTape  *tape,
                         guint       node,
                         guint       input,
                         char      **numerator,
                         char      **denominator,
                         char      **equals)
{
  const SlopeTapeNode *n = slope_tape_get_node (tape, node);
  char number[64];

  _slope_graph_format_number (number, sizeof number, n->local[input], FALSE);
  *numerator = node_symbol (n);
  *denominator = node_symbol (slope_tape_get_node (tape, n->inputs[input]));
  *equals = g_strdup_printf ("= %s", number);

  return g_strdup_printf ("%s/%s %s", *numerator, *denominator, *equals);
}

/* "w.grad = 8.0" for a variable, "grad 2.0" for the others; @for_room
 * gives the widest text the item may need later. */
char *
_slope_graph_grad_text (const SlopeTapeNode *node,
                        gboolean             for_room)
{
  char number[64];

  if (node->op == SLOPE_OP_VAR)
    {
      /* print(w.grad): Python, so not translated.  "None" also reserves
       * room for "16.0" so the graph does not shift as it accumulates. */
      if (node->grad_defined && !for_room)
        _slope_graph_format_number (number, sizeof number, node->grad_buffer, TRUE);
      else
        g_strlcpy (number, "None", sizeof number);
      return g_strdup_printf ("%s.grad = %s", node->name, number);
    }

  _slope_graph_format_number (number, sizeof number, node->grad, TRUE);
  /* TRANSLATORS: the gradient that reached a node, e.g. "grad 2.0" */
  return g_strdup_printf (_("grad %s"), number);
}

/* With @cr NULL, a layout for measuring that does not depend on any
 * surface (see slope-plot-text.h). */
PangoLayout *
_slope_graph_font_layout (cairo_t *cr,
                          Font     font,
                          double   size)
{
  gboolean small = font == FONT_GRAD || font == FONT_EDGE;
  gboolean bold = font == FONT_GRAD || font == FONT_VALUE;

  return slope_plot_text_layout (cr, NULL, small ? SMALL_FONT * size : size,
                                 bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
}

/* ---- Drawing --------------------------------------------------------- */

/* Grey arrows for the forward pass; those the backward pass has been
 * through in the gradient colour, the latest one with a halo. */
static void
draw_arrows (cairo_t                *cr,
             const SlopeGraphPlot   *plot,
             const SlopePalette     *palette,
             const SlopeGraphLayout *layout)
{
  double font = layout->font_size;
  double head = 0.55 * font;
  SlopeEdge last;
  gboolean has_last = plot->show_gradients && slope_tape_get_last_edge (plot->tape, &last);

  for (guint i = 0; i < layout->arrows->len; i++)
    {
      const SlopeGraphArrow *a = &g_array_index (layout->arrows, SlopeGraphArrow, i);
      gboolean done = plot->show_gradients &&
                      slope_tape_get_node (plot->tape, a->node)->edge_done[a->input];
      double len = hypot (a->x1 - a->x0, a->y1 - a->y0);
      double ux = (a->x1 - a->x0) / len, uy = (a->y1 - a->y0) / len;
      double bx = a->x1 - ux * head, by = a->y1 - uy * head;

      if (len < head)
        continue;

      if (done && has_last && last.node == a->node && last.input == a->input)
        {
          slope_palette_set_source_alpha (cr, &palette->line, 0.25);
          cairo_set_line_width (cr, 0.5 * font);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
          cairo_move_to (cr, a->x0, a->y0);
          cairo_line_to (cr, a->x1, a->y1);
          cairo_stroke (cr);
        }

      if (done)
        slope_palette_set_source (cr, &palette->line);
      else
        slope_palette_set_source_alpha (cr, &palette->foreground, 0.45);
      cairo_set_line_width (cr, (done ? 0.15 : 0.08) * font);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, a->x0, a->y0);
      cairo_line_to (cr, bx, by);
      cairo_stroke (cr);

      cairo_move_to (cr, a->x1, a->y1);
      cairo_line_to (cr, bx - uy * head / 2, by + ux * head / 2);
      cairo_line_to (cr, bx + uy * head / 2, by - ux * head / 2);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
}

/* Variables in the data colour, the output in the cost colour, constants
 * dashed: the three kinds of node the lesson talks about. */
static void
draw_box (cairo_t              *cr,
          const SlopeGraphPlot *plot,
          const SlopePalette   *palette,
          const SlopeGraphItem *item,
          double                font)
{
  SlopeOp op = slope_tape_get_node (plot->tape, item->node)->op;
  const SlopeColor *accent = &palette->foreground;
  gboolean plain = TRUE;
  double dash = 0.25 * font;

  if (op == SLOPE_OP_VAR)
    accent = &palette->points, plain = FALSE;
  else if (item->node == plot->output)
    accent = &palette->cost, plain = FALSE;

  slope_plot_rounded_rect (cr, item->x, item->y, item->width, item->height, 0.4 * font);
  if (op != SLOPE_OP_CONST)
    {
      slope_palette_set_source_alpha (cr, accent, plain ? 0.05 : 0.12);
      cairo_fill_preserve (cr);
    }
  slope_palette_set_source_alpha (cr, accent, plain ? 0.6 : 1.0);
  cairo_set_line_width (cr, (plain ? 0.07 : 0.12) * font);
  cairo_set_dash (cr, &dash, op == SLOPE_OP_CONST ? 1 : 0, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* ∂z over ∂y, a bar between, then "= 2", on a pill that hides the arrow
 * beneath. */
static void
draw_edge_label (cairo_t              *cr,
                 const SlopeGraphPlot *plot,
                 const SlopePalette   *palette,
                 const SlopeGraphItem *item,
                 PangoLayout          *text,
                 double                font)
{
  g_autofree char *top = NULL;
  g_autofree char *bottom = NULL;
  g_autofree char *equals = NULL;
  g_autofree char *line = _slope_graph_edge_parts (plot->tape, item->node, item->input,
                                                   &top, &bottom, &equals);
  double small = SMALL_FONT * font;
  SlopeTextSize t, u;
  double fraction, left, bar;

  slope_plot_text_measure (text, top, &t);
  slope_plot_text_measure (text, bottom, &u);
  fraction = MAX (t.width, u.width);
  left = item->x + 0.35 * small;
  bar = item->y + 0.25 * small + t.height;

  slope_plot_rounded_rect (cr, item->x, item->y, item->width, item->height, 0.4 * font);
  slope_palette_set_source (cr, &palette->background);
  cairo_fill_preserve (cr);
  slope_palette_set_source_alpha (cr, &palette->line, 0.6);
  cairo_set_line_width (cr, 0.06 * font);
  cairo_stroke (cr);

  slope_palette_set_source (cr, &palette->line);
  slope_plot_text_draw (cr, text, top, left + fraction / 2, bar - 0.05 * small, 0.5, 1);
  slope_plot_text_draw (cr, text, bottom, left + fraction / 2, bar + 0.05 * small, 0.5, 0);
  slope_plot_text_draw (cr, text, equals, left + fraction + 0.3 * small, bar, 0, 0.5);
  cairo_move_to (cr, left, bar);
  cairo_line_to (cr, left + fraction, bar);
  cairo_stroke (cr);
}

static void
draw_items (cairo_t                *cr,
            const SlopeGraphPlot   *plot,
            const SlopePalette     *palette,
            const SlopeGraphLayout *layout)
{
  double font = layout->font_size;
  PangoLayout *text[N_FONTS];

  for (guint f = 0; f < N_FONTS; f++)
    text[f] = _slope_graph_font_layout (cr, f, font);

  for (guint i = 0; i < layout->items->len; i++)
    {
      const SlopeGraphItem *item = &g_array_index (layout->items, SlopeGraphItem, i);
      double cx = item->x + item->width / 2;

      if (!item->visible)
        continue;

      if (item->kind == SLOPE_GRAPH_ITEM_NODE)
        {
          draw_box (cr, plot, palette, item, font);
          slope_palette_set_source (cr, &palette->foreground);
          slope_plot_text_draw (cr, text[FONT_LABEL], item->text, cx, item->y + 0.25 * font, 0.5, 0);
          if (item->value != NULL)
            slope_plot_text_draw (cr, text[FONT_VALUE], item->value,
                                  cx, item->y + item->height - 0.25 * font, 0.5, 1);
        }
      else if (item->kind == SLOPE_GRAPH_ITEM_GRAD)
        {
          slope_palette_set_source (cr, &palette->line);
          slope_plot_text_draw (cr, text[FONT_GRAD], item->text, cx, item->y, 0.5, 0);
        }
      else
        {
          draw_edge_label (cr, plot, palette, item, text[FONT_EDGE], font);
        }
    }

  for (guint f = 0; f < N_FONTS; f++)
    g_clear_object (&text[f]);
}

/**
 * slope_graph_plot_draw:
 *
 * Paints the background and the graph of @plot->output.
 */
void
slope_graph_plot_draw (cairo_t              *cr,
                       int                   width,
                       int                   height,
                       const SlopeGraphPlot *plot)
{
  const SlopePalette *palette;
  g_autoptr(SlopeGraphLayout) layout = NULL;

  g_return_if_fail (plot != NULL);

  if (!slope_plot_cairo_ok (cr))
    return;

  palette = plot->palette != NULL ? plot->palette : slope_palette_get (FALSE);
  layout = slope_graph_layout_new (plot, width, height);

  cairo_save (cr);
  slope_palette_set_source (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  if (layout->items->len > 0)
    {
      draw_arrows (cr, plot, palette, layout);
      draw_items (cr, plot, palette, layout);
    }
  cairo_restore (cr);
}
