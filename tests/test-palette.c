/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-palette.c: the plots' four palettes hold the design's colours.
 *
 * The expected values are the design's literals (Okabe–Ito, and the
 * high-contrast shades chosen for the projector), written out here as
 * bytes, not read back from the palette code.
 */
#include "config.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/palette/light-and-dark", test_light_and_dark);
  g_test_add_func ("/palette/high-contrast", test_high_contrast);

  return g_test_run ();
}
