/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-plot-key.h: fingerprints of what a layer shows.
 *
 * A widget redraws a moving layer (the line, the marker, the path) only
 * when its fingerprint changes: one made of the pixels the layer puts
 * things at, in sixteenths of a pixel, so a change no one could see
 * (training near the optimum moves W by 1e-12) costs no frame.
 */
#pragma once

#include <glib.h>
#include <math.h>

G_BEGIN_DECLS

#define SLOPE_PLOT_KEY_INIT   G_GUINT64_CONSTANT (0xcbf29ce484222325)
/* Positions closer than this, in pixels, look the same. */
#define SLOPE_PLOT_KEY_PIXEL  (1.0 / 16.0)

static inline guint64
slope_plot_key_mix (guint64 key,
                    guint64 value)
{
  /* FNV-1a over the value's eight bytes. */
  for (int i = 0; i < 8; i++)
    key = (key ^ ((value >> (8 * i)) & 0xff)) * G_GUINT64_CONSTANT (0x100000001b3);
  return key;
}

static inline guint64
slope_plot_key_pixel (guint64 key,
                      double  px)
{
  double q = px / SLOPE_PLOT_KEY_PIXEL;

  /* Off-screen coordinates (up to ±1e6 px) and inf or NaN each count
   * as one value of their own. */
  if (!isfinite (q) || fabs (q) > 1e15)
    return slope_plot_key_mix (key, isnan (q) ? 1 : q > 0 ? 2 : 3);
  return slope_plot_key_mix (key, (guint64) (gint64) llround (q) + 4);
}

static inline guint64
slope_plot_key_string (guint64     key,
                       const char *text)
{
  for (const char *c = text ? text : ""; *c != '\0'; c++)
    key = (key ^ (guint8) *c) * G_GUINT64_CONSTANT (0x100000001b3);
  return slope_plot_key_mix (key, 0);
}

G_END_DECLS
