/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-cached-layer.c: see slope-cached-layer.h. */
#include "config.h"

#include <math.h>

#include "slope-cached-layer.h"

/* The layer is drawn into an image once; the node GTK gets records a
 * single paint of that image.  On GTK 4.8's cairo renderer that is the
 * cheapest way to put cached pixels on the screen: a recorded drawing is
 * replayed operation by operation on every frame, and a texture node is
 * converted pixel by pixel through floats on every frame. */
static cairo_surface_t *
draw_image (int                 width,
            int                 height,
            int                 scale,
            SlopeLayerDrawFunc  draw,
            gconstpointer       data)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  draw (cr, width, height, data);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static GskRenderNode *
image_node_new (cairo_surface_t *image,
                int              width,
                int              height)
{
  GskRenderNode *node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_t *cr = gsk_cairo_node_get_draw_context (node);

  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);

  return node;
}

/* Appends the layer to @snapshot, drawing it first when it is missing or
 * was drawn for another size, scale or style.  The same node goes into
 * every frame, so GTK sees nothing changed under it. */
void
slope_cached_layer_append (SlopeCachedLayer   *layer,
                           GtkSnapshot        *snapshot,
                           int                 width,
                           int                 height,
                           int                 scale,
                           int                 style,
                           SlopeLayerDrawFunc  draw,
                           gconstpointer       data)
{
  scale = MAX (scale, 1);
  if (layer->node == NULL || width != layer->width || height != layer->height
      || scale != layer->scale || style != layer->style)
    {
      cairo_surface_t *image = draw_image (width, height, scale, draw, data);

      slope_cached_layer_clear (layer);
      if (image == NULL)
        return;
      layer->node = image_node_new (image, width, height);
      cairo_surface_destroy (image);
      layer->width = width;
      layer->height = height;
      layer->scale = scale;
      layer->style = style;
    }
  gtk_snapshot_append_node (snapshot, layer->node);
}

/* Clears the layer if @key differs from the one it was drawn with. */
void
slope_cached_layer_set_key (SlopeCachedLayer *layer,
                            guint64           key)
{
  if (key != layer->key)
    slope_cached_layer_clear (layer);
  layer->key = key;
}

void
slope_cached_layer_clear (SlopeCachedLayer *layer)
{
  g_clear_pointer (&layer->node, gsk_render_node_unref);
}

/* The layer that moves each frame, bounded by the plotting area it is
 * clipped to: GTK repaints what a frame's nodes cover, and a bound as
 * large as the widget would repaint the axes under it every frame too. */
cairo_t *
slope_snapshot_append_cairo_area (GtkSnapshot *snapshot,
                                  double       left,
                                  double       top,
                                  double       width,
                                  double       height)
{
  double x0 = floor (left), y0 = floor (top);
  double x1 = ceil (left + width), y1 = ceil (top + height);

  return gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x0, y0, MAX (x1 - x0, 1.0),
                                                                    MAX (y1 - y0, 1.0)));
}

/**
 * slope_snapshot_append_drawn:
 * @clip: where @draw may draw, in widget pixels
 *
 * A layer that moves each frame but covers little (a marker, an arrow):
 * its node is only as large as what @draw drew, found by drawing it once
 * into a recording first, so a frame repaints that much and no more.
 * Appends nothing when nothing was drawn.
 */
void
slope_snapshot_append_drawn (GtkSnapshot           *snapshot,
                             const graphene_rect_t *clip,
                             int                    width,
                             int                    height,
                             SlopeLayerDrawFunc     draw,
                             gconstpointer          data)
{
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (recording);
  double x, y, w, h, x0, y0, x1, y1;

  draw (cr, width, height, data);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
  cairo_surface_destroy (recording);
  if (!(w > 0.0 && h > 0.0))
    return;

  /* A pixel around it for antialiasing, whole pixels, within @clip. */
  x0 = MAX (floor (x) - 1.0, floor (clip->origin.x));
  y0 = MAX (floor (y) - 1.0, floor (clip->origin.y));
  x1 = MIN (ceil (x + w) + 1.0, ceil (clip->origin.x + clip->size.width));
  y1 = MIN (ceil (y + h) + 1.0, ceil (clip->origin.y + clip->size.height));
  if (x1 <= x0 || y1 <= y0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
  draw (cr, width, height, data);
  cairo_destroy (cr);
}
