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
