/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-palette.c: Okabe–Ito colours for light and dark backgrounds, and
 * their high-contrast variants. */
#include "config.h"

#include "slope-palette.h"

#define RGB(r, g, b) { (r) / 255.0, (g) / 255.0, (b) / 255.0, 1.0 }

static const SlopePalette light = {
  .background = RGB (255, 255, 255),
  .foreground = RGB (40, 40, 40),
  .grid       = { 0, 0, 0, 0.10 },
  .points     = RGB (0, 114, 178),    /* blue */
  .line       = RGB (213, 94, 0),     /* vermillion */
  .residual   = { 0.55, 0.55, 0.55, 0.9 },
  .cost       = RGB (0, 158, 115),    /* bluish green */
  .marker     = RGB (213, 94, 0),
  .reference  = RGB (204, 121, 167),  /* reddish purple */
  .warning    = RGB (230, 159, 0),    /* orange */
  /* Compared runs: indigo, teal, wine, olive, magenta. */
  .run        = { RGB (68, 51, 170), RGB (0, 150, 160), RGB (136, 34, 85),
                  RGB (120, 120, 0), RGB (200, 0, 200) },
  .scale      = 1.0,
};

static const SlopePalette dark = {
  .background = RGB (36, 36, 36),
  .foreground = RGB (235, 235, 235),
  .grid       = { 1, 1, 1, 0.12 },
  .points     = RGB (86, 180, 233),   /* sky blue */
  .line       = RGB (230, 159, 0),    /* orange */
  .residual   = { 0.65, 0.65, 0.65, 0.9 },
  .cost       = RGB (0, 158, 115),
  .marker     = RGB (240, 228, 66),   /* yellow */
  .reference  = RGB (204, 121, 167),
  .warning    = RGB (240, 228, 66),
  /* Lavender, cyan, salmon, mint, pink: light enough for the dark ground. */
  .run        = { RGB (170, 150, 255), RGB (80, 220, 220), RGB (255, 110, 110),
                  RGB (150, 255, 150), RGB (255, 100, 255) },
  .scale      = 1.0,
};

/* High contrast: black on white or white on black, a darker (lighter) shade
 * of each hue, an opaque grid and lines half again as thick. */
static const SlopePalette high_contrast = {
  .background = RGB (255, 255, 255),
  .foreground = RGB (0, 0, 0),
  .grid       = { 0, 0, 0, 0.35 },
  .points     = RGB (0, 75, 130),     /* dark blue */
  .line       = RGB (160, 50, 0),     /* dark vermillion */
  .residual   = RGB (64, 64, 64),
  .cost       = RGB (0, 100, 70),     /* dark bluish green */
  .marker     = RGB (160, 50, 0),
  .reference  = RGB (130, 30, 100),   /* dark reddish purple */
  .warning    = RGB (150, 90, 0),     /* dark orange */
  .run        = { RGB (50, 30, 140), RGB (0, 105, 120), RGB (200, 0, 60),
                  RGB (90, 90, 0), RGB (170, 0, 170) },
  .scale      = 1.5,
};

static const SlopePalette high_contrast_dark = {
  .background = RGB (0, 0, 0),
  .foreground = RGB (255, 255, 255),
  .grid       = { 1, 1, 1, 0.40 },
  .points     = RGB (120, 200, 255),  /* light sky blue */
  .line       = RGB (255, 180, 40),   /* light orange */
  .residual   = RGB (200, 200, 200),
  .cost       = RGB (60, 220, 170),   /* light bluish green */
  .marker     = RGB (255, 245, 100),  /* light yellow */
  .reference  = RGB (255, 150, 210),  /* light reddish purple */
  .warning    = RGB (255, 245, 100),
  .run        = { RGB (190, 170, 255), RGB (110, 240, 240), RGB (255, 130, 130),
                  RGB (180, 255, 140), RGB (255, 120, 255) },
  .scale      = 1.5,
};

const SlopePalette *
slope_palette_get (gboolean is_dark)
{
  return is_dark ? &dark : &light;
}

const SlopePalette *
slope_palette_get_style (SlopePaletteStyle style)
{
  switch (style)
    {
    case SLOPE_PALETTE_DARK:
      return &dark;
    case SLOPE_PALETTE_HIGH_CONTRAST:
      return &high_contrast;
    case SLOPE_PALETTE_HIGH_CONTRAST_DARK:
      return &high_contrast_dark;
    case SLOPE_PALETTE_LIGHT:
    default:
      return &light;
    }
}

void
slope_palette_set_source (cairo_t          *cr,
                          const SlopeColor *color)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
}

void
slope_palette_set_source_alpha (cairo_t          *cr,
                                const SlopeColor *color,
                                double            alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a * alpha);
}

/**
 * slope_palette_run_colour:
 * @palette: (nullable): a palette; %NULL is the light one
 * @index: 0 for the main run (the model line's colour), 1 to
 *   %SLOPE_PALETTE_N_RUN_COLOURS − 1 for a compared run
 *
 * The colour of a run's line, curve and path.  The compared runs' colours
 * differ from each other and from the points, the least-squares line and
 * the cost curve, and stand out on the background (3:1 at least).
 */
const SlopeColor *
slope_palette_run_colour (const SlopePalette *palette,
                          guint               index)
{
  if (palette == NULL)
    palette = &light;
  g_return_val_if_fail (index < SLOPE_PALETTE_N_RUN_COLOURS, &palette->line);

  return index == 0 ? &palette->line : &palette->run[index - 1];
}
