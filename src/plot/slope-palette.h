/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-palette.h: the colours every plot uses.
 *
 * Okabe–Ito, so the line, the points and the cost stay distinguishable for
 * colour-blind students; a light and a dark variant follow the system style,
 * and a high-contrast one of each, for the desktop's high-contrast setting.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double r, g, b, a;
} SlopeColor;

/* The main run's colour (the line's) and five for compared runs. */
#define SLOPE_PALETTE_N_RUN_COLOURS 6

typedef struct
{
  SlopeColor background;
  SlopeColor foreground;   /* axes, labels */
  SlopeColor grid;
  SlopeColor points;       /* the data */
  SlopeColor line;         /* the model ŷ = Wx + b */
  SlopeColor residual;
  SlopeColor cost;
  SlopeColor marker;       /* the current epoch */
  SlopeColor reference;    /* the least-squares line */
  SlopeColor warning;
  SlopeColor run[SLOPE_PALETTE_N_RUN_COLOURS - 1];  /* compared runs 1.. */
  double     scale;        /* 1 normally; larger in presentation mode */
} SlopePalette;

/* Which of the four palettes: the desktop's style. */
typedef enum
{
  SLOPE_PALETTE_LIGHT,
  SLOPE_PALETTE_DARK,
  SLOPE_PALETTE_HIGH_CONTRAST,
  SLOPE_PALETTE_HIGH_CONTRAST_DARK,
} SlopePaletteStyle;

const SlopePalette *slope_palette_get          (gboolean           dark);
const SlopePalette *slope_palette_get_style    (SlopePaletteStyle  style);
void                slope_palette_set_source   (cairo_t           *cr,
                                                const SlopeColor  *color);
const SlopeColor   *slope_palette_run_colour   (const SlopePalette *palette,
                                                guint               index);
void                slope_palette_set_source_alpha (cairo_t       *cr,
                                                const SlopeColor  *color,
                                                double             alpha);

G_END_DECLS
