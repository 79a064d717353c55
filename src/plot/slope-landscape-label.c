/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-landscape-label.c: where the landscape's "least squares" label
 * goes.
 *
 * The label names the star at the optimum, but training runs towards that
 * star: its path ends there and the current point's ring sits on it, so a
 * label in one fixed place covers what the class is watching, the more so
 * in a small plot with presentation mode's large type.  The label takes
 * the first of eight places round the star that stays inside the map and
 * clear of the path, its dots and the ring, and of the gradient arrow when
 * that can be had too; where no place is clear, the star goes unlabelled.
 */
#include "config.h"

#include <math.h>

#include "slope-landscape-private.h"

typedef struct
{
  double l, t, r, b;
} Box;

/* Whether the segment from (x0, y0) to (x1, y1) meets @box (clipped as
 * Liang and Barsky do; a point is a segment of length 0). */
static gboolean
segment_meets (double     x0,
               double     y0,
               double     x1,
               double     y1,
               const Box *box)
{
  const double p[4] = { x0 - x1, x1 - x0, y0 - y1, y1 - y0 };
  const double q[4] = { x0 - box->l, box->r - x0, y0 - box->t, box->b - y0 };
  double t0 = 0.0, t1 = 1.0;

  for (guint i = 0; i < 4; i++)
    {
      double t;

      if (p[i] == 0.0)
        {
          if (q[i] < 0.0)
            return FALSE;
          continue;
        }
      t = q[i] / p[i];
      if (p[i] < 0.0)
        t0 = MAX (t0, t);
      else
        t1 = MIN (t1, t);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

static Box
grown (const Box *box,
       double     by)
{
  return (Box) { box->l - by, box->t - by, box->r + by, box->b + by };
}

/* Whether the path as drawn, from its first point to the current one,
 * comes into @box: its line (6 px of casing), its dots (up to 4 px) and
 * the current point's ring, each grown by the room they take. */
static gboolean
path_meets (const SlopeLandscapeLayout *layout,
            const SlopeLandscapePlot   *plot,
            const Box                  *box)
{
  const SlopeArea *a = &layout->area;
  Box line = grown (box, MAX (4.0 * layout->fs + 0.6 * layout->lw, 3.0 * layout->lw) + 1.0);
  Box ring = grown (box, SLOPE_LANDSCAPE_RING_RADIUS * layout->fs + 3.5 * layout->lw + 2.0);
  double qx = 0.0, qy = 0.0;
  gboolean have_q = FALSE;
  gsize n = plot->path_w != NULL && plot->path_b != NULL ? plot->n_path : 0;

  for (gsize i = 0; i <= n; i++)
    {
      double w = i < n ? plot->path_w[i] : plot->w;
      double b = i < n ? plot->path_b[i] : plot->b;
      double px, py;

      if (!slope_landscape_view_to_pixel (&layout->view, a, w, b, &px, &py))
        {
          have_q = FALSE;
          continue;
        }
      if (i == n && segment_meets (px, py, px, py, &ring))
        return TRUE;
      /* Steps that share a pixel near the optimum are one point. */
      if (have_q && i < n && fabs (px - qx) < 0.5 && fabs (py - qy) < 0.5)
        continue;
      if (segment_meets (have_q ? qx : px, have_q ? qy : py, px, py, &line))
        return TRUE;
      qx = px;
      qy = py;
      have_q = TRUE;
    }
  return FALSE;
}

/**
 * slope_landscape_place_label:
 * @arrow: (nullable): the gradient arrow's tail and tip, x0 y0 x1 y1
 * @px, @py: the star
 * @width, @height: the label's size
 * @lx, @ly: (out): the label's centre
 *
 * Below the star first, where the valley usually runs on and paths
 * rarely come from; then above, right, left and the four corners; then
 * the same eight places farther out, past the current point's ring.
 * Returns %FALSE when no place is inside the map and clear of the path.
 */
gboolean
slope_landscape_place_label (const SlopeLandscapeLayout *layout,
                             const SlopeLandscapePlot   *plot,
                             const double               *arrow,
                             double                      px,
                             double                      py,
                             double                      gap,
                             double                      width,
                             double                      height,
                             double                     *lx,
                             double                     *ly)
{
  const SlopeArea *a = &layout->area;
  double hw = width / 2.0, hh = height / 2.0;
  /* Near the star, then clear of a ring round it: at the end of a run
   * the current point sits on the star. */
  const double gaps[2] = {
    gap, SLOPE_LANDSCAPE_RING_RADIUS * layout->fs + 3.5 * layout->lw + 4.0,
  };
  const double directions[8][2] = {
    { 0, 1 }, { 0, -1 }, { 1, 0 }, { -1, 0 }, { 1, 1 }, { -1, 1 }, { 1, -1 }, { -1, -1 },
  };

  /* With the arrow among what to keep clear, then without it: the arrow
   * is drawn over the label, the path is not. */
  for (guint pass = arrow != NULL ? 0 : 1; pass < 2; pass++)
    for (guint k = 0; k < G_N_ELEMENTS (directions) * G_N_ELEMENTS (gaps); k++)
      {
        const double *dir = directions[k % G_N_ELEMENTS (directions)];
        double g = gaps[k / G_N_ELEMENTS (directions)] * (dir[0] != 0 && dir[1] != 0 ? 0.7 : 1.0);
        double x = px + dir[0] * (g + hw), y = py + dir[1] * (g + hh);
        Box box = { x - hw, y - hh, x + hw, y + hh };
        Box head = grown (&box, 7.0 * layout->fs + layout->lw);

        if (box.l < a->left + 2.0 || box.r > a->left + a->width - 2.0
            || box.t < a->top || box.b > a->top + a->height)
          continue;
        if (pass == 0 && segment_meets (arrow[0], arrow[1], arrow[2], arrow[3], &head))
          continue;
        if (path_meets (layout, plot, &box))
          continue;
        *lx = x;
        *ly = y;
        return TRUE;
      }
  return FALSE;
}
