/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-palette.c: the plots' four palettes hold the design's colours.
 *
 * The expected values are the design's literals (Okabe–Ito, and the
 * high-contrast shades chosen for the projector), written out here as
 * bytes, not read back from the palette code.
 */
#include "config.h"

#include <math.h>

#include "slope-palette.h"

static void
assert_rgb (const SlopeColor *c,
            int               r,
            int               g,
            int               b)
{
  g_assert_cmpfloat_with_epsilon (c->r, r / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->g, g / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->b, b / 255.0, 1e-9);
  g_assert_cmpfloat (c->a, ==, 1.0);
}

static void
test_light_and_dark (void)
{
  const SlopePalette *light = slope_palette_get_style (SLOPE_PALETTE_LIGHT);
  const SlopePalette *dark = slope_palette_get_style (SLOPE_PALETTE_DARK);

  assert_rgb (&light->background, 255, 255, 255);
  assert_rgb (&light->points, 0, 114, 178);
  assert_rgb (&light->line, 213, 94, 0);
  assert_rgb (&light->cost, 0, 158, 115);
  assert_rgb (&dark->background, 36, 36, 36);
  assert_rgb (&dark->points, 86, 180, 233);
  assert_rgb (&dark->line, 230, 159, 0);
  assert_rgb (&dark->marker, 240, 228, 66);
  g_assert_cmpfloat (light->scale, ==, 1.0);
  g_assert_cmpfloat (dark->scale, ==, 1.0);
  /* The older entry point agrees. */
  g_assert_true (slope_palette_get (FALSE) == light);
  g_assert_true (slope_palette_get (TRUE) == dark);
}

static void
test_high_contrast (void)
{
  const SlopePalette *hc = slope_palette_get_style (SLOPE_PALETTE_HIGH_CONTRAST);
  const SlopePalette *hcd = slope_palette_get_style (SLOPE_PALETTE_HIGH_CONTRAST_DARK);

  assert_rgb (&hc->background, 255, 255, 255);
  assert_rgb (&hc->foreground, 0, 0, 0);
  assert_rgb (&hc->points, 0, 75, 130);
  assert_rgb (&hc->line, 160, 50, 0);
  assert_rgb (&hc->cost, 0, 100, 70);
  assert_rgb (&hc->reference, 130, 30, 100);
  g_assert_cmpfloat (hc->grid.a, ==, 0.35);
  g_assert_cmpfloat (hc->scale, ==, 1.5);

  assert_rgb (&hcd->background, 0, 0, 0);
  assert_rgb (&hcd->foreground, 255, 255, 255);
  assert_rgb (&hcd->points, 120, 200, 255);
  assert_rgb (&hcd->line, 255, 180, 40);
  assert_rgb (&hcd->cost, 60, 220, 170);
  assert_rgb (&hcd->marker, 255, 245, 100);
  g_assert_cmpfloat (hcd->grid.a, ==, 0.40);
  g_assert_cmpfloat (hcd->scale, ==, 1.5);
}

/* The compared runs' colours, as designed: index 0 is the model line's. */
static void
test_run_colours (void)
{
  static const struct { SlopePaletteStyle style; int rgb[5][3]; } design[] = {
    { SLOPE_PALETTE_LIGHT,
      { { 68, 51, 170 }, { 0, 150, 160 }, { 136, 34, 85 }, { 120, 120, 0 }, { 200, 0, 200 } } },
    { SLOPE_PALETTE_DARK,
      { { 170, 150, 255 }, { 80, 220, 220 }, { 255, 110, 110 }, { 150, 255, 150 }, { 255, 100, 255 } } },
    { SLOPE_PALETTE_HIGH_CONTRAST,
      { { 50, 30, 140 }, { 0, 105, 120 }, { 200, 0, 60 }, { 90, 90, 0 }, { 170, 0, 170 } } },
    { SLOPE_PALETTE_HIGH_CONTRAST_DARK,
      { { 190, 170, 255 }, { 110, 240, 240 }, { 255, 130, 130 }, { 180, 255, 140 }, { 255, 120, 255 } } },
  };

  for (guint p = 0; p < G_N_ELEMENTS (design); p++)
    {
      const SlopePalette *palette = slope_palette_get_style (design[p].style);

      g_assert_true (slope_palette_run_colour (palette, 0) == &palette->line);
      for (guint i = 1; i < SLOPE_PALETTE_N_RUN_COLOURS; i++)
        assert_rgb (slope_palette_run_colour (palette, i),
                    design[p].rgb[i - 1][0], design[p].rgb[i - 1][1], design[p].rgb[i - 1][2]);
    }
  /* NULL is the light palette. */
  g_assert_true (slope_palette_run_colour (NULL, 2)
                 == slope_palette_run_colour (slope_palette_get (FALSE), 2));
  g_assert_cmpint (SLOPE_PALETTE_N_RUN_COLOURS, ==, 6);
}

/* sRGB to CIELAB (D65), from the standard's formulas. */
static void
to_lab (const SlopeColor *c,
        double            lab[3])
{
  double rgb[3] = { c->r, c->g, c->b }, xyz[3], f[3];
  static const double white[3] = { 0.95047, 1.0, 1.08883 };

  for (int i = 0; i < 3; i++)
    rgb[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);
  xyz[0] = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2];
  xyz[1] = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  xyz[2] = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2];
  for (int i = 0; i < 3; i++)
    {
      double t = xyz[i] / white[i];

      f[i] = t > 0.008856 ? cbrt (t) : 7.787 * t + 16.0 / 116.0;
    }
  lab[0] = 116.0 * f[1] - 16.0;
  lab[1] = 500.0 * (f[0] - f[1]);
  lab[2] = 200.0 * (f[1] - f[2]);
}

/* CIE76 colour difference: about 2.3 is just noticeable. */
static double
delta_e (const SlopeColor *a,
         const SlopeColor *b)
{
  double la[3], lb[3];

  to_lab (a, la);
  to_lab (b, lb);
  return sqrt ((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1])
               + (la[2] - lb[2]) * (la[2] - lb[2]));
}

/* WCAG's contrast ratio. */
static double
contrast (const SlopeColor *a,
          const SlopeColor *b)
{
  double ya, yb;
  double rgb[2][3] = { { a->r, a->g, a->b }, { b->r, b->g, b->b } };

  for (int k = 0; k < 2; k++)
    for (int i = 0; i < 3; i++)
      rgb[k][i] = rgb[k][i] <= 0.04045 ? rgb[k][i] / 12.92 : pow ((rgb[k][i] + 0.055) / 1.055, 2.4);
  ya = 0.2126 * rgb[0][0] + 0.7152 * rgb[0][1] + 0.0722 * rgb[0][2];
  yb = 0.2126 * rgb[1][0] + 0.7152 * rgb[1][1] + 0.0722 * rgb[1][2];
  return (MAX (ya, yb) + 0.05) / (MIN (ya, yb) + 0.05);
}

/* Each run's colour stands apart from the others (ΔE ≥ 30), from the
 * points, the least-squares line, the cost curve and the warning (ΔE ≥
 * 25), and from the background (3:1, the contrast WCAG asks of graphics). */
static void
test_run_colours_distinct (void)
{
  for (SlopePaletteStyle style = SLOPE_PALETTE_LIGHT; style <= SLOPE_PALETTE_HIGH_CONTRAST_DARK; style++)
    {
      const SlopePalette *palette = slope_palette_get_style (style);
      const SlopeColor *others[] = { &palette->points, &palette->reference, &palette->cost, &palette->warning };

      for (guint i = 0; i < SLOPE_PALETTE_N_RUN_COLOURS; i++)
        {
          const SlopeColor *c = slope_palette_run_colour (palette, i);

          g_assert_cmpfloat (contrast (c, &palette->background), >=, 3.0);
          for (guint j = i + 1; j < SLOPE_PALETTE_N_RUN_COLOURS; j++)
            g_assert_cmpfloat (delta_e (c, slope_palette_run_colour (palette, j)), >=, 30.0);
          for (guint k = 0; i > 0 && k < G_N_ELEMENTS (others); k++)
            g_assert_cmpfloat (delta_e (c, others[k]), >=, 25.0);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/palette/light-and-dark", test_light_and_dark);
  g_test_add_func ("/palette/high-contrast", test_high_contrast);
  g_test_add_func ("/palette/run-colours", test_run_colours);
  g_test_add_func ("/palette/run-colours-distinct", test_run_colours_distinct);

  return g_test_run ();
}
