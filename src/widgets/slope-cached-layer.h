/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-cached-layer.h: a plot layer drawn once and reused every frame.
 *
 * The data view's points and the landscape's heat map do not change while
 * training; each is recorded into a render node that is redrawn only when
 * the size or the style (light, dark, high contrast) changes, or its owner clears it.
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
  int            style;      /* a SlopePaletteStyle */
} SlopeCachedLayer;

void slope_cached_layer_append (SlopeCachedLayer   *layer,
                                GtkSnapshot        *snapshot,
                                int                 width,
                                int                 height,
                                int                 style,
                                SlopeLayerDrawFunc  draw,
                                gconstpointer       data);
void slope_cached_layer_clear  (SlopeCachedLayer   *layer);

G_END_DECLS
