/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-landscape-heat.c: the coloured map and the contour lines.
 *
 * The cost above the minimum is evaluated once per node of a grid a few
 * pixels apart, never per data point, and coloured on a log scale, so
 * nested contours stay evenly spaced all the way down into the valley
 * instead of one flat colour around the optimum.
 */
#include "config.h"

#include <math.h>

#include "slope-landscape-private.h"

#define HEAT_STEP            3.0    /* user px between evaluations of the cost */
#define HEAT_MAX_NODES       2048
#define COLOR_MAX_DECADES    8.0    /* the colour range below the view's peak */
#define COLOR_MIN_DECADES    1.0
#define COLOR_FLOOR_FRACTION 0.02
#define COLOR_BINS           400

/* Viridis in eleven stops: perceptually even, readable in grey and by
 * every common colour-vision deficiency.  Dark is low. */
static const guint8 viridis[11][3] = {
  { 0x44, 0x01, 0x54 }, { 0x48, 0x25, 0x76 }, { 0x41, 0x44, 0x87 }, { 0x35, 0x60, 0x8d },
  { 0x2a, 0x78, 0x8e }, { 0x21, 0x90, 0x8c }, { 0x22, 0xa8, 0x84 }, { 0x43, 0xbf, 0x71 },
  { 0x7a, 0xd1, 0x51 }, { 0xbb, 0xdf, 0x27 }, { 0xfd, 0xe7, 0x25 },
};

static guint32
colormap (double t)
{
  double x = (isnan (t) ? 1.0 : CLAMP (t, 0.0, 1.0)) * 10.0;
  int i = MIN ((int) x, 9);
  double f = x - i;
  guint32 rgb = 0xff000000;

  for (int k = 0; k < 3; k++)
    {
      double c = viridis[i][k] + f * (viridis[i + 1][k] - viridis[i][k]);

      rgb |= (guint32) lround (c) << (16 - 8 * k);
    }
  return rgb;
}

/* log₁₀ of the cost above the minimum, one value per node. */
typedef struct
{
  int     nx, ny;
  double  dx, dy;       /* px between nodes */
  double *v;
  double  lo, hi;       /* the colour range */
} Grid;

/* The colour range starts at the lowest few percent of the view, not at
 * its minimum: the optimum is a single point where the log is −∞, and an
 * ill-conditioned valley would otherwise be one flat band of darkness. */
static double
color_floor (const Grid *grid,
             double      hi)
{
  guint bins[COLOR_BINS] = { 0 };
  gsize n = (gsize) grid->nx * grid->ny, below = 0, seen;

  for (gsize k = 0; k < n; k++)
    {
      double f = (grid->v[k] - (hi - COLOR_MAX_DECADES)) / COLOR_MAX_DECADES * COLOR_BINS;

      if (!(f >= 0.0))
        below++;
      else
        bins[(gsize) MIN (f, COLOR_BINS - 1.0)]++;   /* +∞ too */
    }
  seen = below;
  for (guint i = 0; i < COLOR_BINS; i++)
    {
      seen += bins[i];
      if (seen >= n * COLOR_FLOOR_FRACTION)
        return hi - COLOR_MAX_DECADES + COLOR_MAX_DECADES * i / COLOR_BINS;
    }
  return hi - COLOR_MIN_DECADES;
}

static void
grid_compute (Grid                       *grid,
              const SlopeBowl            *bowl,
              const SlopeLandscapeLayout *layout)
{
  const SlopeLandscapeView *v = &layout->view;
  double lo = INFINITY, hi = -INFINITY;

  grid->nx = (int) CLAMP (ceil (layout->area.width / HEAT_STEP) + 1.0, 2.0, HEAT_MAX_NODES);
  grid->ny = (int) CLAMP (ceil (layout->area.height / HEAT_STEP) + 1.0, 2.0, HEAT_MAX_NODES);
  grid->dx = layout->area.width / (grid->nx - 1);
  grid->dy = layout->area.height / (grid->ny - 1);
  grid->v = g_new (double, (gsize) grid->nx * grid->ny);

  for (int j = 0; j < grid->ny; j++)
    for (int i = 0; i < grid->nx; i++)
      {
        double w = v->w_min + (v->w_max - v->w_min) * i / (grid->nx - 1);
        double b = v->b_max - (v->b_max - v->b_min) * j / (grid->ny - 1);
        double e = log10 (slope_bowl_excess (bowl, w, b));

        grid->v[j * grid->nx + i] = e;
        if (isfinite (e))
          {
            lo = MIN (lo, e);
            hi = MAX (hi, e);
          }
      }

  if (!isfinite (hi))
    lo = hi = 0.0;
  lo = MAX (lo, MIN (color_floor (grid, hi), hi - COLOR_MIN_DECADES));
  if (!(hi - lo >= COLOR_MIN_DECADES / 2.0))   /* a flat view: all one value */
    lo = hi - COLOR_MIN_DECADES;
  grid->lo = lo;
  grid->hi = hi;

  /* Zero at the optimum and overflow far away become the ends of the
   * range, so contouring only ever interpolates between finite values. */
  for (gsize k = 0; k < (gsize) grid->nx * grid->ny; k++)
    grid->v[k] = isnan (grid->v[k]) ? hi + 1.0 : CLAMP (grid->v[k], lo - 1.0, hi + 1.0);
}

static void
draw_heat (cairo_t                    *cr,
           const SlopeLandscapeLayout *layout,
           const Grid                 *grid)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, grid->nx, grid->ny);
  const SlopeArea *a = &layout->area;
  guint8 *data;
  int stride;

  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (image);
      return;
    }

  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int j = 0; j < grid->ny; j++)
    {
      guint32 *row = (guint32 *) (gpointer) (data + j * stride);

      for (int i = 0; i < grid->nx; i++)
        row[i] = colormap ((grid->v[j * grid->nx + i] - grid->lo) / (grid->hi - grid->lo));
    }
  cairo_surface_mark_dirty (image);

  /* Each image pixel's centre sits on its node; bilinear filtering then
   * shades the cells between them smoothly. */
  cairo_save (cr);
  cairo_rectangle (cr, a->left, a->top, a->width, a->height);
  cairo_clip (cr);
  cairo_translate (cr, a->left - grid->dx / 2.0, a->top - grid->dy / 2.0);
  cairo_scale (cr, grid->dx, grid->dy);
  cairo_set_source_surface (cr, image, 0.0, 0.0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (image);
}

/* Marching squares on one cell, corners clockwise from the top left. */
static void
contour_cell (cairo_t         *cr,
              const Grid      *grid,
              const SlopeArea *a,
              int              i,
              int              j,
              double           level)
{
  const double *v = grid->v;
  double c[4] = { v[j * grid->nx + i], v[j * grid->nx + i + 1],
                  v[(j + 1) * grid->nx + i + 1], v[(j + 1) * grid->nx + i] };
  double cx[4], cy[4], ex[4], ey[4];
  int n = 0;

  cx[0] = cx[3] = a->left + i * grid->dx;
  cx[1] = cx[2] = cx[0] + grid->dx;
  cy[0] = cy[1] = a->top + j * grid->dy;
  cy[2] = cy[3] = cy[0] + grid->dy;

  for (int k = 0; k < 4; k++)
    {
      int k2 = (k + 1) & 3;

      if ((c[k] > level) != (c[k2] > level))
        {
          double t = (level - c[k]) / (c[k2] - c[k]);

          ex[n] = cx[k] + t * (cx[k2] - cx[k]);
          ey[n] = cy[k] + t * (cy[k2] - cy[k]);
          n++;
        }
    }

  if (n == 2)
    {
      cairo_move_to (cr, ex[0], ey[0]);
      cairo_line_to (cr, ex[1], ey[1]);
    }
  else if (n == 4)
    {
      /* A saddle: the cell's mean decides which corners are joined. */
      gboolean joined = ((c[0] + c[1] + c[2] + c[3]) / 4.0 > level) == (c[0] > level);
      int first = joined ? 0 : 3;

      cairo_move_to (cr, ex[first], ey[first]);
      cairo_line_to (cr, ex[(first + 1) & 3], ey[(first + 1) & 3]);
      cairo_move_to (cr, ex[(first + 2) & 3], ey[(first + 2) & 3]);
      cairo_line_to (cr, ex[(first + 3) & 3], ey[(first + 3) & 3]);
    }
}

/* Levels at multiples of a round fraction of a decade, so they stay on
 * the same curves when the view is zoomed or panned. */
static double
level_step (double range)
{
  static const double steps[] = { 1.0, 2.0, 2.5, 10.0 / 3.0, 5.0, 10.0 };
  double raw = range / 10.0, p = pow (10.0, floor (log10 (raw)));

  for (guint k = 0; k < G_N_ELEMENTS (steps); k++)
    if (raw <= steps[k] * p * 1.0001)
      return steps[k] * p;
  return 10.0 * p;
}

static void
draw_contours (cairo_t                    *cr,
               const SlopeLandscapeLayout *layout,
               const Grid                 *grid)
{
  double step = level_step (grid->hi - grid->lo);

  cairo_save (cr);
  cairo_set_line_width (cr, 1.2 * layout->lw);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (double level = ceil (grid->lo / step) * step; level < grid->hi; level += step)
    {
      double t = (level - grid->lo) / (grid->hi - grid->lo);

      for (int j = 0; j + 1 < grid->ny; j++)
        for (int i = 0; i + 1 < grid->nx; i++)
          contour_cell (cr, grid, &layout->area, i, j, level);
      /* Light on the dark end of the map, dark on the light end. */
      if (t < 0.62)
        cairo_set_source_rgba (cr, 1.0, 1.0, 1.0, 0.42);
      else
        cairo_set_source_rgba (cr, 0.05, 0.05, 0.15, 0.38);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* The coloured map and its contours, clipped to the plotting area. */
void
slope_landscape_draw_heat_map (cairo_t                    *cr,
                               const SlopeBowl            *bowl,
                               const SlopeLandscapeLayout *layout)
{
  Grid grid;

  grid_compute (&grid, bowl, layout);
  draw_heat (cr, layout, &grid);
  draw_contours (cr, layout, &grid);
  g_free (grid.v);
}
