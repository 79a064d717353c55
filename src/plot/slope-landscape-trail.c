/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-landscape-trail.c: the descent's path across the landscape.
 *
 * The first part of the path layer: the epochs' path with dots on its
 * steps, the mini-batch steps over it and the compared runs' paths under
 * it, and the key that says when that picture changes.  A widget draws
 * this part into an image and keeps it while the path looks the same, so
 * the key follows what is drawn (vertices half a pixel apart, the dots),
 * not every epoch.  Every coordinate is clipped here before Cairo sees it:
 * a diverging run's W of 1e30 would overflow its fixed-point numbers.
 */
#include "config.h"

#include <math.h>

#include "slope-landscape-private.h"
#include "slope-plot-key.h"

#define PATH_MAX_DOTS      60
#define BATCH_PATH_MAX     600

/* Liang–Barsky: the part of a segment inside a rectangle. */
static gboolean
clip_segment (double  left,
              double  top,
              double  right,
              double  bottom,
              double *x0,
              double *y0,
              double *x1,
              double *y1)
{
  double dx = *x1 - *x0, dy = *y1 - *y0, t0 = 0.0, t1 = 1.0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { *x0 - left, right - *x0, *y0 - top, bottom - *y0 };

  for (int k = 0; k < 4; k++)
    {
      if (p[k] == 0.0 && q[k] < 0.0)
        return FALSE;     /* parallel to this edge, and outside it */
      if (p[k] < 0.0)
        t0 = MAX (t0, q[k] / p[k]);
      else if (p[k] > 0.0)
        t1 = MIN (t1, q[k] / p[k]);
    }
  if (t0 > t1)
    return FALSE;
  *x1 = *x0 + t1 * dx;
  *y1 = *y0 + t1 * dy;
  *x0 = *x0 + t0 * dx;
  *y0 = *y0 + t0 * dy;
  return TRUE;
}

/* The path, then the current point, broken where a value is not finite.
 * Points within half a pixel of the last one kept are left out: near the
 * optimum hundreds of steps share a pixel, and stroking each of them with
 * round joins would cost a frame for nothing one could see. */
static void
points_polyline (cairo_t                    *cr,
                 guint64                    *key,
                 const SlopeLandscapeLayout *layout,
                 const SlopeLandscapePlot   *plot,
                 const double               *path_w,
                 const double               *path_b,
                 gsize                       n_path,
                 gboolean                    to_current)
{
  const SlopeArea *a = &layout->area;
  double m = 20.0, pen_x = NAN, pen_y = NAN, qx = 0.0, qy = 0.0;
  gboolean have_q = FALSE;

  for (gsize i = 0; i < n_path + (to_current ? 1 : 0); i++)
    {
      double w = i < n_path ? path_w[i] : plot->w;
      double b = i < n_path ? path_b[i] : plot->b;
      double px, py, x0, y0, x1, y1;

      if (!slope_landscape_view_to_pixel (&layout->view, a, w, b, &px, &py))
        {
          have_q = FALSE;  /* NaN or inf: the line breaks here */
          continue;
        }
      if (have_q && i < plot->n_path && fabs (px - qx) < 0.5 && fabs (py - qy) < 0.5)
        continue;
      x0 = qx, y0 = qy, x1 = px, y1 = py;
      if (have_q && clip_segment (a->left - m, a->top - m, a->left + a->width + m,
                                  a->top + a->height + m, &x0, &y0, &x1, &y1))
        {
          /* Drawn, or (@cr NULL) added to the key of what is drawn. */
          if ((x0 != pen_x || y0 != pen_y) && cr != NULL)
            cairo_move_to (cr, x0, y0);
          else if (x0 != pen_x || y0 != pen_y)
            *key = slope_plot_key_pixel (slope_plot_key_pixel (slope_plot_key_mix (*key, 1), x0), y0);
          if (cr != NULL)
            cairo_line_to (cr, x1, y1);
          else
            *key = slope_plot_key_pixel (slope_plot_key_pixel (*key, x1), y1);
          pen_x = x1;
          pen_y = y1;
        }
      qx = px;
      qy = py;
      have_q = TRUE;
    }
}

/* The epochs' path ends at its last step, and the marker's layer joins
 * it to the current point (slope_landscape_draw_connector()), so that the path, drawn
 * once into an image, stays still while the point moves.  With the
 * mini-batch steps drawn over it, which end at the current point and
 * change with it anyway, the path does too. */
static gboolean
path_to_current (const SlopeLandscapePlot *plot)
{
  return plot->batch_w != NULL && plot->batch_b != NULL && plot->n_batch_path > 0;
}

static void
path_polyline (cairo_t                    *cr,
               const SlopeLandscapeLayout *layout,
               const SlopeLandscapePlot   *plot)
{
  points_polyline (cr, NULL, layout, plot, plot->path_w, plot->path_b, plot->n_path,
                   path_to_current (plot));
}

/* Mini-batches: every step, thin over the epochs' path, which joins only
 * the ends of the epochs — the zigzag is what a small batch does. */
static void
draw_batch_path (cairo_t                    *cr,
                 const SlopeLandscapeLayout *layout,
                 const SlopeLandscapePlot   *plot)
{
  gsize n;

  if (plot->batch_w == NULL || plot->batch_b == NULL || plot->n_batch_path == 0)
    return;
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* The newest steps only: thousands of zigzags would paint the map
   * over. */
  n = MIN (plot->n_batch_path, (gsize) BATCH_PATH_MAX);
  points_polyline (cr, NULL, layout, plot, plot->batch_w + plot->n_batch_path - n,
                   plot->batch_b + plot->n_batch_path - n, n, TRUE);
  cairo_set_line_width (cr, layout->lw);
  slope_palette_set_source_alpha (cr, &slope_landscape_white, 0.7);
  cairo_stroke (cr);
}

static void
draw_dot (cairo_t *cr,
          double   x,
          double   y,
          double   r,
          double   lw)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0.0, 2.0 * G_PI);
  slope_palette_set_source (cr, &slope_landscape_white);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, lw);
  slope_palette_set_source (cr, &slope_landscape_casing);
  cairo_stroke (cr);
}

/* Dots on every k-th step, k a power of two that keeps them near
 * PATH_MAX_DOTS: as the path grows, k only doubles, so the dots already
 * drawn stay. */
static gsize
dot_every (gsize n_path)
{
  gsize every = 1;

  while (every * PATH_MAX_DOTS < n_path)
    every *= 2;
  return every;
}

/* Calls @func on each dot draw_path() draws, a dot within half a pixel of
 * the last one left out: near the optimum new steps land on a dot already
 * there, and the cached path is not drawn again for them. */
typedef void (*DotFunc) (gpointer data, gsize i, double px, double py);

static gboolean dot_at (const SlopeLandscapeLayout *layout,
                        const SlopeLandscapePlot   *plot,
                        gsize                       i,
                        double                     *px,
                        double                     *py);

static void
foreach_dot (const SlopeLandscapeLayout *layout,
             const SlopeLandscapePlot   *plot,
             DotFunc                     func,
             gpointer                    data)
{
  gsize every = dot_every (plot->n_path);
  double qx = NAN, qy = NAN;

  for (gsize i = 0; i < plot->n_path; i += every)
    {
      double px, py;

      if (!dot_at (layout, plot, i, &px, &py))
        continue;
      if (i > 0 && fabs (px - qx) < 0.5 && fabs (py - qy) < 0.5)
        continue;
      func (data, i, px, py);
      qx = px;
      qy = py;
    }
}

/* Where the dot of step @i goes, if it is near enough the map to show. */
static gboolean
dot_at (const SlopeLandscapeLayout *layout,
        const SlopeLandscapePlot   *plot,
        gsize                       i,
        double                     *px,
        double                     *py)
{
  const SlopeArea *a = &layout->area;

  return slope_landscape_view_to_pixel (&layout->view, a, plot->path_w[i], plot->path_b[i], px, py)
         && *px > a->left - 10 && *px < a->left + a->width + 10
         && *py > a->top - 10 && *py < a->top + a->height + 10;
}

typedef struct {
  cairo_t                    *cr;
  const SlopeLandscapeLayout *layout;
} DrawDots;

static void
draw_one_dot (gpointer data,
              gsize    i,
              double   px,
              double   py)
{
  DrawDots *d = data;

  draw_dot (d->cr, px, py, (i == 0 ? 4.0 : 2.6) * d->layout->fs, 1.2 * d->layout->lw);
}

static void
key_one_dot (gpointer data,
             gsize    i,
             double   px,
             double   py)
{
  guint64 *key = data;

  *key = slope_plot_key_pixel (slope_plot_key_pixel (*key, px), py);
}

static void
draw_path (cairo_t                    *cr,
           const SlopeLandscapeLayout *layout,
           const SlopeLandscapePlot   *plot)
{

  if (plot->path_w == NULL || plot->path_b == NULL || plot->n_path == 0)
    return;

  /* A dark casing under a white line reads on every colour of the map;
   * with compared runs the line takes the main run's colour, as on the
   * other plots. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  path_polyline (cr, layout, plot);
  slope_landscape_stroke_cased (cr, 6.0 * layout->lw, 3.0 * layout->lw,
                                plot->runs != NULL && plot->n_runs > 0
                                ? slope_palette_run_colour (slope_landscape_palette (plot), 0)
                                : &slope_landscape_white);

  /* Dots show the steps: far apart where the slope is steep. */
  {
    DrawDots dots = { cr, layout };

    foreach_dot (layout, plot, draw_one_dot, &dots);
  }
}

/**
 * slope_landscape_plot_key_path:
 *
 * Adds to @key the path as draw_path() draws it: the vertices it strokes
 * (steps within half a pixel of the last one left out) and its dots.  Not
 * every epoch: near the optimum hundreds of steps share a pixel, and a
 * key of all of them would redraw the layer on each one.
 */
guint64
slope_landscape_plot_key_path (guint64                   key,
                               const SlopeLandscapePlot *plot,
                               int                       width,
                               int                       height)
{
  SlopeLandscapeLayout layout;

  if (plot->path_w == NULL || plot->path_b == NULL || plot->n_path == 0)
    return slope_plot_key_mix (key, 0);
  slope_landscape_compute_layout (plot, width, height, &layout);
  points_polyline (NULL, &key, &layout, plot, plot->path_w, plot->path_b, plot->n_path,
                   path_to_current (plot));
  key = slope_plot_key_mix (key, 2);
  foreach_dot (&layout, plot, key_one_dot, &key);
  return key;
}

/* From the path's last step to the current point, when the path stops
 * short of it: white over the casing's sides, the casing cut square at
 * the step so it does not darken the path's end under it. */
void
slope_landscape_draw_connector (cairo_t                    *cr,
                                const SlopeLandscapeLayout *layout,
                                const SlopeLandscapePlot   *plot)
{
  double x0, y0, x1, y1;

  if (path_to_current (plot) || plot->path_w == NULL || plot->path_b == NULL || plot->n_path == 0
      || !slope_landscape_view_to_pixel (&layout->view, &layout->area, plot->path_w[plot->n_path - 1],
                                         plot->path_b[plot->n_path - 1], &x0, &y0)
      || !slope_landscape_view_to_pixel (&layout->view, &layout->area, plot->w, plot->b, &x1, &y1)
      || (fabs (x1 - x0) < 0.5 && fabs (y1 - y0) < 0.5))
    return;
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_width (cr, 6.0 * layout->lw);
  slope_palette_set_source (cr, &slope_landscape_casing);
  cairo_stroke_preserve (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 3.0 * layout->lw);
  slope_palette_set_source (cr, &slope_landscape_white);
  cairo_stroke (cr);
}

/* The compared runs' paths, under the main run's, each in its colour on
 * the same dark casing. */
static void
draw_run_paths (cairo_t                    *cr,
                const SlopeLandscapeLayout *layout,
                const SlopeLandscapePlot   *plot)
{
  for (gsize i = 0; plot->runs != NULL && i < plot->n_runs; i++)
    {
      const SlopeRunTrace *run = &plot->runs[i];
      SlopeLandscapePlot own = *plot;

      if (!slope_run_trace_visible (run))
        continue;
      /* The polyline ends at the plot's current point: the run's. */
      own.w = run->w;
      own.b = run->b;
      own.n_path = run->path_w != NULL && run->path_b != NULL ? run->n_path : 0;
      cairo_new_path (cr);
      points_polyline (cr, NULL, layout, &own, run->path_w, run->path_b, own.n_path, TRUE);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      slope_landscape_stroke_cased (cr, 4.5 * layout->lw, 2.0 * layout->lw,
                                    slope_run_trace_colour (run, slope_landscape_palette (plot)));
    }
}

/* The compared runs' paths, then the main run's and its mini-batch
 * steps over it. */
void
slope_landscape_draw_trail (cairo_t                    *cr,
                            const SlopeLandscapeLayout *layout,
                            const SlopeLandscapePlot   *plot)
{
  draw_run_paths (cr, layout, plot);
  draw_path (cr, layout, plot);
  draw_batch_path (cr, layout, plot);
}

/**
 * slope_landscape_plot_trail_key:
 *
 * A fingerprint of what slope_landscape_plot_draw_trail() shows: the
 * path as drawn, the compared runs' paths and the mini-batch steps, the
 * size, the palette and the text scale.  Without mini-batches the current
 * point is not in it: the path stops at its last step.
 */
guint64
slope_landscape_plot_trail_key (const SlopeLandscapePlot *plot,
                                int                       width,
                                int                       height)
{
  guint64 key = SLOPE_PLOT_KEY_INIT;
  SlopeLandscapeLayout layout;

  g_return_val_if_fail (plot != NULL, 0);

  key = slope_plot_key_mix (slope_plot_key_mix (key, (guint64) width), (guint64) height);
  key = slope_plot_key_mix (key, GPOINTER_TO_SIZE (plot->palette));
  key = slope_plot_key_mix (key, (guint64) (plot->font_scale * 4096.0));
  if (width <= 0 || height <= 0)
    return key;
  slope_landscape_compute_layout (plot, width, height, &layout);
  key = slope_plot_key_pixel (slope_plot_key_pixel (key, layout.area.left), layout.area.top);
  key = slope_plot_key_pixel (slope_plot_key_pixel (key, layout.area.width), layout.area.height);
  key = slope_landscape_plot_key_path (key, plot, width, height);
  if (path_to_current (plot))
    {
      gsize n = MIN (plot->n_batch_path, (gsize) BATCH_PATH_MAX);

      points_polyline (NULL, &key, &layout, plot, plot->batch_w + plot->n_batch_path - n,
                       plot->batch_b + plot->n_batch_path - n, n, TRUE);
    }
  for (gsize r = 0; plot->runs != NULL && r < plot->n_runs; r++)
    {
      const SlopeRunTrace *run = &plot->runs[r];
      SlopeLandscapePlot own = *plot;

      key = slope_plot_key_mix (key, (guint64) run->colour | (guint64) !!run->hidden << 32);
      if (!slope_run_trace_visible (run))
        continue;
      own.w = run->w;
      own.b = run->b;
      own.n_path = run->path_w != NULL && run->path_b != NULL ? run->n_path : 0;
      points_polyline (NULL, &key, &layout, &own, run->path_w, run->path_b, own.n_path, TRUE);
      key = slope_plot_key_mix (key, 3);
    }
  return key;
}
