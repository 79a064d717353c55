/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-cached-layer.h: a plot layer drawn once and reused every frame.
 *
 * The data view's points, the landscape's heat map and the cost plot's
 * axes do not change while training.  Each is drawn once into an image,
 * which a renderer copies instead of drawing the layer again, in one
 * render node reused from frame to frame.  The layer is drawn
 * again when the size, the scale factor, the style (light, dark, high
 * contrast) or the owner's key changes, or its owner clears it.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*SlopeLayerDrawFunc) (cairo_t       *cr,
                                    int            width,
                                    int            height,
                                    gconstpointer  data);

typedef struct
{
  GskRenderNode *node;
  int            width;
  int            height;
  int            scale;      /* device pixels per widget pixel */
  int            style;      /* a SlopePaletteStyle */
  guint64        key;        /* the owner's fingerprint of what it drew */
} SlopeCachedLayer;

void slope_cached_layer_append  (SlopeCachedLayer   *layer,
                                 GtkSnapshot        *snapshot,
                                 int                 width,
                                 int                 height,
                                 int                 scale,
                                 int                 style,
                                 SlopeLayerDrawFunc  draw,
                                 gconstpointer       data);
void slope_cached_layer_set_key (SlopeCachedLayer   *layer,
                                 guint64             key);
void slope_cached_layer_clear   (SlopeCachedLayer   *layer);

cairo_t *slope_snapshot_append_cairo_area (GtkSnapshot *snapshot,
                                           double       left,
                                           double       top,
                                           double       width,
                                           double       height);
void     slope_snapshot_append_drawn      (GtkSnapshot           *snapshot,
                                          const graphene_rect_t *clip,
                                          int                    width,
                                          int                    height,
                                          SlopeLayerDrawFunc     draw,
                                          gconstpointer          data);

G_END_DECLS
