/* SPDX-License-Identifier: GPL-3.0-or-later */
/* make-runs-before.c: draws tests/data/runs-before-{0,1,2}.png.
 *
 * Built by hand against the renderers before compared runs (main at
 * 1808ed2), so test-plot-runs can check that a plot without runs is drawn
 * exactly as it was:
 *
 *   cc -I… tests/make-runs-before.c libslope-plot.a libslope-core.a … -o make-runs-before
 *   ./make-runs-before tests/data
 */
#include "config.h"

#include "plot-runs-scenes.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autoptr(SlopeHistory) history = scene_history (1.0);
  static const double path_w[] = { 0.0, 0.9, 1.5, 1.8, 1.95 };
  static const double path_b[] = { 0.0, 0.4, 0.3, 0.15, 0.08 };

  for (guint which = 0; which < 3; which++)
    {
      g_autofree char *name = g_strdup_printf ("runs-before-%u.png", which);
      g_autofree char *path = g_build_filename (argc > 1 ? argv[1] : ".", name, NULL);
      cairo_surface_t *surface = scene_draw (which, data, history, path_w, path_b,
                                             G_N_ELEMENTS (path_w));

      if (cairo_surface_write_to_png (surface, path) != CAIRO_STATUS_SUCCESS)
        return 1;
      cairo_surface_destroy (surface);
    }
  return 0;
}
