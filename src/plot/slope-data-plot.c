/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-data-plot.c: the points, the model's line and its residuals.
 *
 * Two layers: the points (background, grid, axes, scatter), which the
 * widget caches because they do not move while training, and the model
 * (line, residuals, equation), redrawn every frame.  Both are laid out by
 * compute_layout() alone, so the pixel a test or a click handler computes
 * is the pixel that was drawn.
 *
 * Anything the optimiser produces may be absurd (W = 1e30, b = NaN), and
 * Cairo's fixed-point coordinates overflow near ±2²³, so every line is
 * clipped to the view arithmetically before Cairo sees it.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "slope-axis.h"
#include "slope-data-plot.h"
#include "slope-data-plot-private.h"
#include "slope-density.h"
#include "slope-plot-frame.h"
#include "slope-run-trace-private.h"
#include "slope-plot-text.h"

#define POINT_RADIUS     SLOPE_DATA_PLOT_POINT_RADIUS
#define MAX_DENSITY_SIZE 8192

typedef SlopeDataPlotLayout Layout;

/* The columns' own names, when the data has them. */
static const char *
x_title (const SlopeDataPlot *plot)
{
  if (plot->x_label)
    return plot->x_label;
  return plot->dataset ? slope_dataset_get_x_name (plot->dataset) : "x";
}

static const char *
y_title (const SlopeDataPlot *plot)
{
  if (plot->y_label)
    return plot->y_label;
  return plot->dataset ? slope_dataset_get_y_name (plot->dataset) : "y";
}

const SlopePalette *
_slope_data_plot_palette (const SlopeDataPlot *plot)
{
  return plot->palette ? plot->palette : slope_palette_get (FALSE);
}

static double
plot_font_scale (const SlopeDataPlot *plot)
{
  return plot->font_scale > 0.0 && isfinite (plot->font_scale) ? plot->font_scale : 1.0;
}

void
slope_data_plot_init (SlopeDataPlot *plot)
{
  g_return_if_fail (plot != NULL);

  memset (plot, 0, sizeof *plot);
  plot->view = (SlopeViewport) { 0.0, 10.0, 0.0, 10.0 };
  plot->font_scale = 1.0;
  plot->show_line = TRUE;
  plot->show_equation = TRUE;
  plot->highlight = -1;
}

/* Gives one axis of the view a non-zero, finite span. */
static void
pad_range (double *lo,
           double *hi,
           double  margin)
{
  double a = *lo, b = *hi;
  double pad;

  if (!isfinite (a) || !isfinite (b) || a > b)
    {
      *lo = 0.0;
      *hi = 10.0;
      return;
    }

  /* Halved before subtracting so that ±DBL_MAX data cannot overflow. */
  pad = (b / 2.0 - a / 2.0) * 2.0 * margin;
  if (!(pad > 0.0))
    pad = a != 0.0 ? fabs (a) * 0.1 : 1.0;

  /* Near ±DBL_MAX the margin stops there, what is left of it. */
  *lo = isfinite (a - pad) ? a - pad : MIN (a, -DBL_MAX);
  *hi = isfinite (b + pad) ? b + pad : MAX (b, DBL_MAX);
}

void
slope_viewport_fit (SlopeViewport *view,
                    SlopeDataset  *dataset)
{
  const SlopeMoments *m;

  g_return_if_fail (view != NULL);

  if (dataset == NULL || slope_dataset_get_n (dataset) == 0)
    {
      *view = (SlopeViewport) { 0.0, 10.0, 0.0, 10.0 };
      return;
    }

  m = slope_dataset_get_moments (dataset);
  view->x_min = m->x_min;
  view->x_max = m->x_max;
  view->y_min = m->y_min;
  view->y_max = m->y_max;
  pad_range (&view->x_min, &view->x_max, 0.08);
  pad_range (&view->y_min, &view->y_max, 0.08);
}

/* The view as drawn: a caller may hand over a degenerate one. */
static void
effective_view (const SlopeDataPlot *plot,
                SlopeViewport       *view)
{
  *view = plot->view;
  if (!(view->x_max > view->x_min))
    pad_range (&view->x_min, &view->x_max, 0.0);
  if (!(view->y_max > view->y_min))
    pad_range (&view->y_min, &view->y_max, 0.0);
}

/* Whether the x axis's labels stand @gap apart at least. */
static gboolean
x_labels_fit (const Layout *layout,
              const char   *font_family,
              double        gap)
{
  double spacing = (layout->x_axis.ticks[1] - layout->x_axis.ticks[0])
                   / 2.0 / half_span (layout->view.x_min, layout->view.x_max) * layout->area.width;

  return spacing >= slope_plot_frame_label_width (font_family, layout->fs, &layout->x_axis) + gap;
}

typedef struct {
  const Layout *layout;
  const char   *font_family;
  double        gap;
} XSpacing;

/* The data plot asks the same of a fallback axis as of the first. */
static gboolean
x_spaced (const SlopeAxis *axis,
          gboolean         strict,
          gpointer         data)
{
  const XSpacing *x = data;

  return x_labels_fit (x->layout, x->font_family, x->gap);
}

/* About one x tick per 80 px, fewer if their labels would touch; but two
 * at least where their labels fit, since one tick is no scale: a view
 * from 300 to 3700 with room for two ticks has a step of 2000 that
 * lands only once, where a step of 1000 has room for all three. */
static void
fit_x_axis (Layout     *layout,
            const char *font_family,
            double      gap)
{
  guint max_ticks = CLAMP ((guint) (layout->area.width / (80.0 * layout->fs)) + 1, 2, 16);
  XSpacing spacing = { layout, font_family, gap };

  for (guint m = max_ticks; m >= 2; m--)
    {
      slope_axis_init_linear (&layout->x_axis, layout->view.x_min, layout->view.x_max, m);
      if (layout->x_axis.n_ticks < 2 || x_labels_fit (layout, font_family, gap))
        break;
    }
  slope_axis_ensure_two_ticks (&layout->x_axis, layout->view.x_min, layout->view.x_max,
                               max_ticks, x_spaced, &spacing);
}

static void
compute_layout (const SlopeDataPlot *plot,
                int                  width,
                int                  height,
                Layout              *layout)
{
  const SlopePalette *palette = _slope_data_plot_palette (plot);
  SlopePlotMargins m;
  guint y_ticks;

  layout->fs = plot_font_scale (plot);
  layout->lw = palette->scale > 0.0 ? palette->scale : 1.0;
  effective_view (plot, &layout->view);

  slope_plot_frame_margins (plot->font_family, layout->fs, y_title (plot), NULL, &m);
  layout->area.top = m.top;
  layout->area.height = MAX (1.0, floor (height - m.top - m.bottom));

  /* Labels a good two lines apart read as a scale, not a column. */
  y_ticks = CLAMP ((guint) (layout->area.height / (2.8 * m.digit_height)) + 1, 2, 12);
  slope_axis_init_linear (&layout->y_axis, layout->view.y_min, layout->view.y_max, y_ticks);

  slope_plot_frame_margins (plot->font_family, layout->fs, y_title (plot), &layout->y_axis, &m);
  layout->area.left = m.left;
  layout->area.width = MAX (1.0, floor (width - m.left - m.right));

  fit_x_axis (layout, plot->font_family, 2.0 * m.digit_width + 8.0 * layout->fs);
  if (layout->x_axis.n_ticks > 0)
    {
      /* The last label is centred on its tick: leave room for its half. */
      double half = slope_plot_frame_text_width (plot->font_family, layout->fs,
                                                 layout->x_axis.labels[layout->x_axis.n_ticks - 1]) / 2.0;

      layout->area.width = MAX (1.0, floor (width - m.left - MAX (m.right, half + 2.0)));
    }
}

void
_slope_data_plot_layout_frame (const Layout        *layout,
                               const SlopeDataPlot *plot,
                               SlopePlotFrame      *frame)
{
  *frame = (SlopePlotFrame) {
    .left = layout->area.left,
    .top = layout->area.top,
    .width = layout->area.width,
    .height = layout->area.height,
    .x_axis = &layout->x_axis,
    .y_axis = &layout->y_axis,
    .x_title = x_title (plot),
    .y_title = y_title (plot),
    .font_family = plot->font_family,
    .palette = _slope_data_plot_palette (plot),
    .fs = layout->fs,
    .lw = layout->lw,
  };
}

void
slope_data_plot_area (const SlopeDataPlot *plot,
                      int                  width,
                      int                  height,
                      SlopeArea           *area)
{
  Layout layout;

  g_return_if_fail (plot != NULL);
  g_return_if_fail (area != NULL);

  compute_layout (plot, width, height, &layout);
  *area = layout.area;
}

/**
 * slope_data_plot_x_axis:
 *
 * The x axis as the plot draws it at @width × @height: its ticks and
 * their labels.
 */
void
slope_data_plot_x_axis (const SlopeDataPlot *plot,
                        int                  width,
                        int                  height,
                        SlopeAxis           *axis)
{
  Layout layout;

  g_return_if_fail (plot != NULL && axis != NULL);

  compute_layout (plot, width, height, &layout);
  *axis = layout.x_axis;
}

void
slope_data_plot_to_pixel (const SlopeDataPlot *plot,
                          const SlopeArea     *area,
                          double               x,
                          double               y,
                          double              *px,
                          double              *py)
{
  SlopeViewport view;
  double a, b;

  g_return_if_fail (plot != NULL && area != NULL);

  effective_view (plot, &view);
  view_to_pixel (&view, area, x, y, &a, &b);
  if (px)
    *px = a;
  if (py)
    *py = b;
}

void
slope_data_plot_from_pixel (const SlopeDataPlot *plot,
                            const SlopeArea     *area,
                            double               px,
                            double               py,
                            double              *x,
                            double              *y)
{
  SlopeViewport view;

  g_return_if_fail (plot != NULL && area != NULL);

  effective_view (plot, &view);
  if (x)
    *x = view.x_min + (px - area->left) / area->width * 2.0 * half_span (view.x_min, view.x_max);
  if (y)
    *y = view.y_max - (py - area->top) / area->height * 2.0 * half_span (view.y_min, view.y_max);
}

gssize
slope_data_plot_pick (const SlopeDataPlot *plot,
                      int                  width,
                      int                  height,
                      double               px,
                      double               py,
                      double               radius)
{
  Layout layout;
  const double *xs, *ys;
  gsize n;
  gssize best = -1;
  double best_d2;

  g_return_val_if_fail (plot != NULL, -1);

  if (plot->dataset == NULL)
    return -1;

  compute_layout (plot, width, height, &layout);
  xs = slope_dataset_get_x (plot->dataset);
  ys = slope_dataset_get_y (plot->dataset);
  n = slope_dataset_get_n (plot->dataset);
  best_d2 = radius * radius;

  for (gsize i = 0; i < n; i++)
    {
      double qx, qy, d2;

      view_to_pixel (&layout.view, &layout.area, xs[i], ys[i], &qx, &qy);
      d2 = (qx - px) * (qx - px) + (qy - py) * (qy - py);
      /* <= so that of two points on the same pixel the later, drawn on
       * top, is the one picked. */
      if (d2 <= best_d2)
        {
          best_d2 = d2;
          best = (gssize) i;
        }
    }

  return best;
}

/**
 * slope_clip_line:
 *
 * The part of y = w·x + b inside @view, in data coordinates.  Computed from
 * where the line meets the view's edges, never by evaluating it far
 * outside, so W = 1e30 gives two finite ends a hair apart.  Returns %FALSE
 * when the line misses the view or w or b is not finite.
 */
gboolean
slope_clip_line (const SlopeViewport *view,
                 double               w,
                 double               b,
                 double              *x0,
                 double              *y0,
                 double              *x1,
                 double              *y1)
{
  double lo, hi, ya, yb;

  g_return_val_if_fail (view != NULL, FALSE);

  if (!isfinite (w) || !isfinite (b)
      || !(view->x_max > view->x_min) || !(view->y_max > view->y_min))
    return FALSE;

  lo = view->x_min;
  hi = view->x_max;
  ya = yb = b;
  if (w != 0.0)
    {
      /* The x interval where the line is inside the view's y range. */
      double xa = (view->y_min - b) / w;
      double xb = (view->y_max - b) / w;

      lo = MAX (lo, MIN (xa, xb));
      hi = MIN (hi, MAX (xa, xb));

      /* An end on the top or bottom edge is exactly there: for W = 1e30
       * evaluating W·x + b would lose the whole view to rounding. */
      ya = MIN (xa, xb) > view->x_min ? (w > 0.0 ? view->y_min : view->y_max) : w * lo + b;
      yb = MAX (xa, xb) < view->x_max ? (w > 0.0 ? view->y_max : view->y_min) : w * hi + b;
    }
  else if (b < view->y_min || b > view->y_max)
    {
      return FALSE;
    }

  if (!(lo <= hi))
    return FALSE;

  /* Rounding may put an end a hair outside the view: clamp it back. */
  ya = CLAMP (ya, view->y_min, view->y_max);
  yb = CLAMP (yb, view->y_min, view->y_max);

  if (x0) *x0 = lo;
  if (y0) *y0 = ya;
  if (x1) *x1 = hi;
  if (y1) *y1 = yb;

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The points layer                                                    */

/* Many dots on a raster target: draw one dot into a small image and
 * stamp it at each point, which costs a blit instead of two
 * rasterisations per point.  Vector targets (SVG, PDF) keep real arcs. */
#define SPRITE_MIN_POINTS 64

static cairo_surface_t *
make_dot_sprite (cairo_t            *cr,
                 const Layout       *layout,
                 const SlopePalette *palette,
                 double              r,
                 double             *half)
{
  double sx = 1.0, sy = 1.0;
  cairo_surface_t *sprite;
  cairo_t *scr;
  int side;

  cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
  *half = ceil (r + 1.25 * layout->lw);
  side = (int) ceil (2.0 * *half * MAX (sx, sy));
  sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, side, side);
  cairo_surface_set_device_scale (sprite, MAX (sx, sy), MAX (sx, sy));

  scr = cairo_create (sprite);
  cairo_arc (scr, *half, *half, r, 0.0, 2.0 * G_PI);
  slope_palette_set_source (scr, &palette->points);
  cairo_fill_preserve (scr);
  cairo_set_line_width (scr, 1.25 * layout->lw);
  slope_palette_set_source (scr, &palette->background);
  cairo_stroke (scr);
  cairo_destroy (scr);

  return sprite;
}

static void
draw_dots (cairo_t            *cr,
           const Layout       *layout,
           const SlopePalette *palette,
           const double       *xs,
           const double       *ys,
           gsize               n)
{
  const SlopeArea *a = &layout->area;
  double r = POINT_RADIUS * layout->fs;
  cairo_surface_t *sprite = NULL;
  double half = 0.0;

  if (n >= SPRITE_MIN_POINTS
      && cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE)
    sprite = make_dot_sprite (cr, layout, palette, r, &half);

  /* A ring of background colour keeps overlapping points apart. */
  cairo_set_line_width (cr, 1.25 * layout->lw);
  for (gsize i = 0; i < n; i++)
    {
      double px, py;

      view_to_pixel (&layout->view, a, xs[i], ys[i], &px, &py);
      /* Also rejects NaN, and keeps Cairo away from huge coordinates. */
      if (!(px > a->left - 2 * r && px < a->left + a->width + 2 * r
            && py > a->top - 2 * r && py < a->top + a->height + 2 * r))
        continue;

      if (sprite != NULL)
        {
          double x0 = round (px - half), y0 = round (py - half);

          cairo_set_source_surface (cr, sprite, x0, y0);
          cairo_rectangle (cr, x0, y0, 2.0 * half, 2.0 * half);
          cairo_fill (cr);
          continue;
        }
      cairo_new_sub_path (cr);
      cairo_arc (cr, px, py, r, 0.0, 2.0 * G_PI);
      slope_palette_set_source (cr, &palette->points);
      cairo_fill_preserve (cr);
      slope_palette_set_source (cr, &palette->background);
      cairo_stroke (cr);
    }
  g_clear_pointer (&sprite, cairo_surface_destroy);
}

static void
draw_density (cairo_t            *cr,
              const Layout       *layout,
              const SlopePalette *palette,
              const double       *xs,
              const double       *ys,
              gsize               n)
{
  const SlopeArea *a = &layout->area;
  cairo_surface_t *image;
  int w, h;

  /* One bin per pixel of the area in user units, not device pixels: a
   * lone outlier must stay visible on a HiDPI screen too. */
  w = (int) CLAMP (ceil (a->width), 1, MAX_DENSITY_SIZE);
  h = (int) CLAMP (ceil (a->height), 1, MAX_DENSITY_SIZE);

  image = slope_density_render (xs, ys, n,
                                layout->view.x_min, layout->view.x_max,
                                layout->view.y_min, layout->view.y_max,
                                w, h, &palette->points);

  cairo_save (cr);
  cairo_translate (cr, a->left, a->top);
  cairo_scale (cr, a->width / w, a->height / h);
  cairo_set_source_surface (cr, image, 0.0, 0.0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_restore (cr);

  cairo_surface_destroy (image);
}

void
slope_data_plot_draw_points (cairo_t             *cr,
                             int                  width,
                             int                  height,
                             const SlopeDataPlot *plot)
{
  const SlopePalette *palette;
  SlopePlotFrame frame;
  Layout layout;

  g_return_if_fail (plot != NULL);

  if (!slope_plot_cairo_ok (cr) || width <= 0 || height <= 0)
    return;

  palette = _slope_data_plot_palette (plot);
  compute_layout (plot, width, height, &layout);

  /* Nothing outside the box given, even if it is too small for labels. */
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  slope_palette_set_source (cr, &palette->background);
  cairo_paint (cr);

  _slope_data_plot_layout_frame (&layout, plot, &frame);
  slope_plot_frame_draw_grid (cr, &frame);

  if (plot->dataset != NULL && slope_dataset_get_n (plot->dataset) > 0)
    {
      const double *xs = slope_dataset_get_x (plot->dataset);
      const double *ys = slope_dataset_get_y (plot->dataset);
      gsize n = slope_dataset_get_n (plot->dataset);

      cairo_save (cr);
      cairo_rectangle (cr, layout.area.left, layout.area.top,
                       layout.area.width, layout.area.height);
      cairo_clip (cr);
      if (n > SLOPE_DATA_PLOT_DENSITY_THRESHOLD)
        draw_density (cr, &layout, palette, xs, ys, n);
      else
        draw_dots (cr, &layout, palette, xs, ys, n);
      cairo_restore (cr);
    }

  slope_plot_frame_draw_axes (cr, &frame);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* The model layer                                                     */

static void
draw_residuals (cairo_t             *cr,
                const Layout        *layout,
                const SlopeDataPlot *plot,
                const SlopePalette  *palette)
{
  const SlopeViewport *v = &layout->view;
  const double *xs = slope_dataset_get_x (plot->dataset);
  const double *ys = slope_dataset_get_y (plot->dataset);
  gsize n = slope_dataset_get_n (plot->dataset);
  /* A reach of one view height beyond each edge, stopping at DBL_MAX. */
  double span = 2.0 * half_span (v->y_min, v->y_max);
  double reach_lo = isfinite (v->y_min - span) ? v->y_min - span : -DBL_MAX;
  double reach_hi = isfinite (v->y_max + span) ? v->y_max + span : DBL_MAX;

  cairo_set_line_width (cr, layout->lw);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  slope_palette_set_source (cr, &palette->residual);
  for (gsize i = 0; i < n; i++)
    {
      double yhat = plot->w * xs[i] + plot->b;
      double px, py0, py1;

      if (!isfinite (xs[i]) || !isfinite (ys[i]) || xs[i] < v->x_min || xs[i] > v->x_max)
        continue;

      /* A prediction far off the plot still gets a segment to the edge,
       * and Cairo only ever sees coordinates near the view. */
      yhat = CLAMP (isnan (yhat) ? ys[i] : yhat, reach_lo, reach_hi);
      view_to_pixel (v, &layout->area, xs[i], CLAMP (ys[i], reach_lo, reach_hi),
                     &px, &py0);
      view_to_pixel (v, &layout->area, xs[i], yhat, &px, &py1);
      px = slope_plot_snap (cr, px, TRUE, layout->lw);
      cairo_move_to (cr, px, py0);
      cairo_line_to (cr, px, py1);
    }
  cairo_stroke (cr);
}

static void
draw_line (cairo_t            *cr,
           const Layout       *layout,
           double              w,
           double              b)
{
  double x0, y0, x1, y1, px0, py0, px1, py1;

  if (!slope_clip_line (&layout->view, w, b, &x0, &y0, &x1, &y1))
    return;

  view_to_pixel (&layout->view, &layout->area, x0, y0, &px0, &py0);
  view_to_pixel (&layout->view, &layout->area, x1, y1, &px1, &py1);
  cairo_move_to (cr, px0, py0);
  cairo_line_to (cr, px1, py1);
  cairo_stroke (cr);
}

static void
draw_highlight (cairo_t             *cr,
                const Layout        *layout,
                const SlopeDataPlot *plot,
                const SlopePalette  *palette)
{
  double px, py;

  if (plot->highlight < 0 || (gsize) plot->highlight >= slope_dataset_get_n (plot->dataset))
    return;

  view_to_pixel (&layout->view, &layout->area,
                 slope_dataset_get_x (plot->dataset)[plot->highlight],
                 slope_dataset_get_y (plot->dataset)[plot->highlight], &px, &py);
  if (!(fabs (px) < 1e6 && fabs (py) < 1e6))
    return;

  cairo_new_sub_path (cr);
  cairo_arc (cr, px, py, (POINT_RADIUS + 4.0) * layout->fs, 0.0, 2.0 * G_PI);
  cairo_set_line_width (cr, 2.0 * layout->lw);
  slope_palette_set_source (cr, &palette->foreground);
  cairo_stroke (cr);
}

SlopePlotCorner
slope_data_plot_legend_corner (cairo_t             *cr,
                               int                  width,
                               int                  height,
                               const SlopeDataPlot *plot)
{
  Layout layout;

  g_return_val_if_fail (cr != NULL && plot != NULL, SLOPE_PLOT_CORNER_TOP_LEFT);

  compute_layout (plot, width, height, &layout);
  return _slope_data_plot_legend_corner (cr, &layout, plot);
}

void
slope_data_plot_draw_model (cairo_t             *cr,
                            int                  width,
                            int                  height,
                            const SlopeDataPlot *plot)
{
  const SlopePalette *palette;
  Layout layout;
  gboolean has_points;
  int direction;

  g_return_if_fail (plot != NULL);

  if (!slope_plot_cairo_ok (cr) || width <= 0 || height <= 0)
    return;

  palette = _slope_data_plot_palette (plot);
  compute_layout (plot, width, height, &layout);
  has_points = plot->dataset != NULL && slope_dataset_get_n (plot->dataset) > 0;

  cairo_save (cr);
  cairo_rectangle (cr, layout.area.left, layout.area.top,
                   layout.area.width, layout.area.height);
  cairo_clip (cr);

  if (has_points && plot->show_residuals && plot->show_line
      && isfinite (plot->w) && isfinite (plot->b)
      && slope_dataset_get_n (plot->dataset) <= SLOPE_DATA_PLOT_RESIDUAL_LIMIT)
    draw_residuals (cr, &layout, plot, palette);

  /* The compared runs under the reference and the main run's line. */
  for (gsize i = 0; plot->runs != NULL && i < plot->n_runs; i++)
    if (slope_run_trace_visible (&plot->runs[i]))
      {
        cairo_set_line_width (cr, 2.5 * layout.lw);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        slope_palette_set_source (cr, slope_run_trace_colour (&plot->runs[i], palette));
        draw_line (cr, &layout, plot->runs[i].w, plot->runs[i].b);
      }

  if (plot->has_reference)
    {
      double dash[] = { 8.0 * layout.lw, 6.0 * layout.lw };

      cairo_save (cr);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0.0);
      cairo_set_line_width (cr, 2.0 * layout.lw);
      slope_palette_set_source (cr, &palette->reference);
      draw_line (cr, &layout, plot->reference_w, plot->reference_b);
      cairo_restore (cr);
    }

  if (plot->show_line)
    {
      cairo_set_line_width (cr, 3.0 * layout.lw);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      slope_palette_set_source (cr, &palette->line);
      draw_line (cr, &layout, plot->w, plot->b);
      direction = slope_line_offscreen (&layout.view, plot->w, plot->b);
      if (direction != 0)
        slope_draw_offscreen_arrow (cr, &layout.area, direction, 16.0 * layout.fs);
    }

  if (has_points)
    draw_highlight (cr, &layout, plot, palette);

  if (plot->show_equation)
    _slope_data_plot_draw_legend (cr, &layout, plot, palette);

  cairo_restore (cr);
}

void
slope_data_plot_draw (cairo_t             *cr,
                      int                  width,
                      int                  height,
                      const SlopeDataPlot *plot)
{
  slope_data_plot_draw_points (cr, width, height, plot);
  slope_data_plot_draw_model (cr, width, height, plot);
}
