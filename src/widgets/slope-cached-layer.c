/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-cached-layer.c: see slope-cached-layer.h. */
#include "config.h"

#include "slope-cached-layer.h"

/* Appends the layer to @snapshot, drawing it first when it is missing or
 * was drawn for another size or style. */
void
slope_cached_layer_append (SlopeCachedLayer   *layer,
                           GtkSnapshot        *snapshot,
                           int                 width,
                           int                 height,
                           int                 style,
                           SlopeLayerDrawFunc  draw,
                           gconstpointer       data)
{
  if (layer->node == NULL || width != layer->width || height != layer->height
      || style != layer->style)
    {
      cairo_t *cr;

      g_clear_pointer (&layer->node, gsk_render_node_unref);
      layer->node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
      cr = gsk_cairo_node_get_draw_context (layer->node);
      draw (cr, width, height, data);
      cairo_destroy (cr);
      layer->width = width;
      layer->height = height;
      layer->style = style;
    }
  gtk_snapshot_append_node (snapshot, layer->node);
}

void
slope_cached_layer_clear (SlopeCachedLayer *layer)
{
  g_clear_pointer (&layer->node, gsk_render_node_unref);
}
