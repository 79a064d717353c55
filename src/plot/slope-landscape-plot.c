/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-landscape-plot.c: the cost over the (W, b) plane, and the descent
 * across it.
 *
 * The layout, the mapping between pixels and (W, b), and the two layers:
 * the map (colours, contours, axes), which a widget caches, and the path,
 * the optimum, the current point and its gradient, drawn every frame.
 *
 * The optimiser may produce W = 1e30 or NaN, and Cairo's fixed-point
 * coordinates overflow near ±2²³, so every coordinate is clipped
 * arithmetically before Cairo sees it.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "slope-landscape-private.h"
#include "slope-plot-frame.h"
#include "slope-plot-text.h"

#define PATH_MAX_DOTS      60
#define BATCH_PATH_MAX     600
#define ARROW_FRACTION     0.22
#define ARROW_LOG_K        1000.0
#define LIMIT              SLOPE_LANDSCAPE_VIEW_LIMIT

static const SlopeColor casing = { 0.07, 0.06, 0.12, 0.55 };
static const SlopeColor white = { 1.0, 1.0, 1.0, 1.0 };

void
slope_landscape_plot_init (SlopeLandscapePlot *plot)
{
  g_return_if_fail (plot != NULL);

  memset (plot, 0, sizeof *plot);
  plot->view = (SlopeLandscapeView) { -1.0, 3.0, -2.0, 2.0 };
  plot->font_scale = 1.0;
  plot->show_gradient = TRUE;
}

/* ------------------------------------------------------------------ */
/* Layout and mapping                                                  */

static const SlopePalette *
plot_palette (const SlopeLandscapePlot *plot)
{
  return plot->palette ? plot->palette : slope_palette_get (FALSE);
}

static void
effective_view (const SlopeLandscapePlot *plot,
                SlopeLandscapeView       *view)
{
  *view = plot->view;
  if (!slope_landscape_view_sane (view))
    {
      /* A hand-made or broken view: keep what is usable of it. */
      double w = isfinite (view->w_min + view->w_max) ? view->w_min / 2.0 + view->w_max / 2.0 : 1.0;
      double b = isfinite (view->b_min + view->b_max) ? view->b_min / 2.0 + view->b_max / 2.0 : 0.0;

      w = CLAMP (w, -LIMIT / 2.0, LIMIT / 2.0);
      b = CLAMP (b, -LIMIT / 2.0, LIMIT / 2.0);
      *view = (SlopeLandscapeView) { w - 2.0, w + 2.0, b - 2.0, b + 2.0 };
      if (!slope_landscape_view_sane (view))
        *view = (SlopeLandscapeView) { -1.0, 3.0, -2.0, 2.0 };
    }
}

static void
layout_scales (const SlopeLandscapePlot *plot,
               SlopeLandscapeLayout     *layout)
{
  const SlopePalette *palette = plot_palette (plot);

  layout->fs = plot->font_scale > 0.0 && isfinite (plot->font_scale) ? plot->font_scale : 1.0;
  layout->lw = palette->scale > 0.0 ? palette->scale : 1.0;
}

static void
fit_x_axis (SlopeLandscapeLayout *layout,
            const char           *font_family,
            double                gap)
{
  guint max_ticks = (guint) CLAMP (layout->area.width / (60.0 * layout->fs) + 1.0, 2.0, 16.0);

  for (; max_ticks >= 2; max_ticks--)
    {
      double spacing;

      slope_axis_init_linear (&layout->x_axis, layout->view.w_min, layout->view.w_max, max_ticks);
      if (layout->x_axis.n_ticks < 2)
        break;
      spacing = (layout->x_axis.ticks[1] - layout->x_axis.ticks[0])
                / (layout->view.w_max - layout->view.w_min) * layout->area.width;
      if (spacing >= slope_plot_frame_label_width (font_family, layout->fs, &layout->x_axis) + gap)
        break;
    }
}

/* Trained on scaled data, W and b are the line's on x′ and y′, not on the
 * data plot's x and y: the axes say so. */
static const char *
w_title (const SlopeLandscapePlot *plot)
{
  /* Translators: the landscape's axis when trained on scaled data */
  return plot->scaled ? _("W (on x′, y′)") : "W";
}

static const char *
b_title (const SlopeLandscapePlot *plot)
{
  /* Translators: the landscape's axis when trained on scaled data */
  return plot->scaled ? _("b (on x′, y′)") : "b";
}

static void
compute_layout (const SlopeLandscapePlot *plot,
                int                       width,
                int                       height,
                SlopeLandscapeLayout     *layout)
{
  SlopePlotMargins m;
  guint y_ticks;

  layout_scales (plot, layout);
  effective_view (plot, &layout->view);

  slope_plot_frame_margins (plot->font_family, layout->fs, b_title (plot), NULL, &m);
  layout->area.top = m.top;
  layout->area.height = MAX (1.0, floor (height - m.top - m.bottom));
  y_ticks = (guint) CLAMP (layout->area.height / (2.8 * m.digit_height) + 1.0, 2.0, 12.0);
  slope_axis_init_linear (&layout->y_axis, layout->view.b_min, layout->view.b_max, y_ticks);

  slope_plot_frame_margins (plot->font_family, layout->fs, b_title (plot), &layout->y_axis, &m);
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
slope_landscape_plot_area (const SlopeLandscapePlot *plot,
                           int                       width,
                           int                       height,
                           SlopeArea                *area)
{
  SlopeLandscapeLayout layout;

  g_return_if_fail (plot != NULL && area != NULL);

  compute_layout (plot, width, height, &layout);
  *area = layout.area;
}

void
slope_landscape_plot_to_pixel (const SlopeLandscapePlot *plot,
                               const SlopeArea          *area,
                               double                    w,
                               double                    b,
                               double                   *px,
                               double                   *py)
{
  SlopeLandscapeView v;
  double x = NAN, y = NAN;

  g_return_if_fail (plot != NULL && area != NULL);

  effective_view (plot, &v);
  slope_landscape_view_to_pixel (&v, area, w, b, &x, &y);
  if (px)
    *px = x;
  if (py)
    *py = y;
}

void
slope_landscape_plot_from_pixel (const SlopeLandscapePlot *plot,
                                 const SlopeArea          *area,
                                 double                    px,
                                 double                    py,
                                 double                   *w,
                                 double                   *b)
{
  SlopeLandscapeView v;

  g_return_if_fail (plot != NULL && area != NULL);

  effective_view (plot, &v);
  if (w)
    *w = v.w_min + (px - area->left) / area->width * (v.w_max - v.w_min);
  if (b)
    *b = v.b_max - (py - area->top) / area->height * (v.b_max - v.b_min);
}

/* ------------------------------------------------------------------ */
/* The gradient arrow                                                  */

/* The arrow's direction is exactly −∇cost, mapped to the screen.  Its
 * length grows with the log of the gradient's size relative to the
 * steepest corner of the view, up to a fraction of the view, and never
 * reaches past 1.6 times the lowest point along its own line: the cost
 * there is back up to where it started only at 2 times, so the tip is
 * always downhill of the tail. */
static gboolean
arrow_geometry (const SlopeLandscapePlot   *plot,
                const SlopeBowl            *bowl,
                const SlopeLandscapeLayout *layout,
                double                     *x0,
                double                     *y0,
                double                     *x1,
                double                     *y1)
{
  const SlopeLandscapeView *v = &layout->view;
  const SlopeArea *a = &layout->area;
  double corners[4][2] = { { v->w_min, v->b_min }, { v->w_min, v->b_max },
                           { v->w_max, v->b_min }, { v->w_max, v->b_max } };
  double px, py, gw, gb, g, uw, ub, sx, sy, dx, dy, s, curve, reach, g_ref = 0.0, len, clear;

  if (!plot->show_gradient || !bowl->ok
      || !slope_landscape_view_to_pixel (v, a, plot->w, plot->b, &px, &py)
      || px < a->left || px > a->left + a->width || py < a->top || py > a->top + a->height)
    return FALSE;

  slope_bowl_gradient (bowl, plot->w, plot->b, &gw, &gb);
  g = hypot (gw, gb);
  if (!(g > 0.0) || !isfinite (g))
    return FALSE;
  uw = gw / g;
  ub = gb / g;

  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      double cw, cb;

      slope_bowl_gradient (bowl, corners[i][0], corners[i][1], &cw, &cb);
      if (isfinite (hypot (cw, cb)))
        g_ref = MAX (g_ref, hypot (cw, cb));
    }

  sx = a->width / (v->w_max - v->w_min);
  sy = a->height / (v->b_max - v->b_min);
  dx = -uw * sx;
  dy = ub * sy;
  s = hypot (dx, dy);
  if (!(s > 0.0) || !isfinite (s))
    return FALSE;

  /* uᵀHu for H = 2·[[vxx + x̄², x̄], [x̄, 1]]: the lowest point along −u is
   * g / uᵀHu away in (W, b), s times that in pixels. */
  curve = 2.0 * ((bowl->vxx + bowl->mx * bowl->mx) * uw * uw + 2.0 * bowl->mx * uw * ub + ub * ub);
  reach = curve > 0.0 ? 1.6 * g / curve * s : INFINITY;

  /* Measured from the edge of the ring round the point, so that any
   * gradient worth mentioning shows. */
  clear = (SLOPE_LANDSCAPE_RING_RADIUS + 3.0) * layout->fs;
  len = MAX (ARROW_FRACTION * MIN (a->width, a->height), 2.0 * clear) - clear;
  if (g_ref > 0.0)
    len *= MIN (1.0, log1p (ARROW_LOG_K * g / g_ref) / log1p (ARROW_LOG_K));
  len = MIN (len + clear, reach);
  if (!(len >= 1.0) || !isfinite (len))
    return FALSE;

  *x0 = px;
  *y0 = py;
  *x1 = px + dx / s * len;
  *y1 = py + dy / s * len;
  return TRUE;
}

/**
 * slope_landscape_plot_arrow:
 *
 * Where the gradient arrow is drawn, tail (x0, y0) at the current point
 * and tip (x1, y1).  Returns %FALSE when there is none: the gradient is
 * off, zero or not finite, or the point is outside the view.
 */
gboolean
slope_landscape_plot_arrow (const SlopeLandscapePlot *plot,
                            const SlopeArea          *area,
                            double                   *x0,
                            double                   *y0,
                            double                   *x1,
                            double                   *y1)
{
  SlopeLandscapeLayout layout = { 0 };
  SlopeBowl bowl;
  double a, b, c, d;

  g_return_val_if_fail (plot != NULL && area != NULL, FALSE);

  slope_bowl_init (&bowl, &plot->moments);
  layout_scales (plot, &layout);
  effective_view (plot, &layout.view);
  layout.area = *area;
  if (!arrow_geometry (plot, &bowl, &layout, &a, &b, &c, &d))
    return FALSE;
  if (x0) *x0 = a;
  if (y0) *y0 = b;
  if (x1) *x1 = c;
  if (y1) *y1 = d;
  return TRUE;
}

/* Text with a dark halo, legible on every colour of the map. */
static void
draw_halo_text (cairo_t     *cr,
                PangoLayout *text,
                const char  *str,
                double       x,
                double       y,
                double       xalign,
                double       lw)
{
  SlopeTextSize size;

  slope_plot_text_measure (text, str, &size);
  cairo_save (cr);
  cairo_move_to (cr, round (x - xalign * size.width), round (y - size.height / 2.0));
  pango_cairo_layout_path (cr, text);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 3.5 * lw);
  cairo_set_source_rgba (cr, casing.r, casing.g, casing.b, 0.8);
  cairo_stroke_preserve (cr);
  slope_palette_set_source (cr, &white);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The least-squares optimum's label, where it goes now: its box's
 * top-left corner and size.  FALSE when the star is out of view or no
 * place round it is clear (slope-landscape-label.c). */
static gboolean
optimum_label (cairo_t                    *cr,
               const SlopeLandscapeLayout *layout,
               const SlopeLandscapePlot   *plot,
               const SlopeBowl            *bowl,
               PangoLayout               **text,
               double                      box[4])
{
  const SlopeArea *a = &layout->area;
  double px, py, r = 10.0 * layout->fs, gap = 0.75 * r, lx, ly, arrow[4];
  SlopeTextSize size;
  gboolean has_arrow;

  if (!plot->has_optimum
      || !slope_landscape_view_to_pixel (&layout->view, a, plot->optimum_w, plot->optimum_b, &px, &py)
      || px < a->left - r || px > a->left + a->width + r
      || py < a->top - r || py > a->top + a->height + r)
    return FALSE;

  *text = slope_plot_text_layout (cr, plot->font_family,
                                  SLOPE_PLOT_TICK_FONT_PX * 1.1 * layout->fs, PANGO_WEIGHT_BOLD);
  slope_plot_text_measure (*text, _("least squares"), &size);
  has_arrow = arrow_geometry (plot, bowl, layout, &arrow[0], &arrow[1], &arrow[2], &arrow[3]);
  if (!slope_landscape_place_label (layout, plot, has_arrow ? arrow : NULL, px, py, gap,
                                    size.width, size.height, &lx, &ly))
    return FALSE;
  /* As draw_halo_text puts it. */
  box[0] = round (lx - size.width / 2.0);
  box[1] = round (ly - size.height / 2.0);
  box[2] = size.width;
  box[3] = size.height;
  return TRUE;
}

static void
draw_optimum (cairo_t                    *cr,
              const SlopeLandscapeLayout *layout,
              const SlopeLandscapePlot   *plot,
              const SlopeBowl            *bowl)
{
  g_autoptr(PangoLayout) text = NULL;
  const SlopeArea *a = &layout->area;
  double px, py, r = 10.0 * layout->fs, box[4];

  if (!plot->has_optimum
      || !slope_landscape_view_to_pixel (&layout->view, a, plot->optimum_w, plot->optimum_b, &px, &py)
      || px < a->left - r || px > a->left + a->width + r
      || py < a->top - r || py > a->top + a->height + r)
    return;

  cairo_new_path (cr);
  for (int k = 0; k < 10; k++)
    {
      double angle = -G_PI / 2.0 + k * G_PI / 5.0, rr = k % 2 ? 0.45 * r : r;

      cairo_line_to (cr, px + rr * cos (angle), py + rr * sin (angle));
    }
  cairo_close_path (cr);
  slope_palette_set_source (cr, &white);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5 * layout->lw);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  slope_palette_set_source (cr, &casing);
  cairo_stroke (cr);

  if (optimum_label (cr, layout, plot, bowl, &text, box))
    draw_halo_text (cr, text, _("least squares"), box[0] + box[2] / 2.0, box[1] + box[3] / 2.0,
                    0.5, layout->lw);
}

/**
 * slope_landscape_plot_optimum_label:
 *
 * Where the "least squares" label is drawn at @width × @height: the
 * top-left corner of its box and its size, in pixels.  Returns %FALSE
 * when none is drawn (no optimum in view, or no place clear of the path).
 */
gboolean
slope_landscape_plot_optimum_label (const SlopeLandscapePlot *plot,
                                    int                       width,
                                    int                       height,
                                    double                   *x,
                                    double                   *y,
                                    double                   *label_width,
                                    double                   *label_height)
{
  g_autoptr(PangoLayout) text = NULL;
  SlopeLandscapeLayout layout;
  SlopeBowl bowl;
  cairo_surface_t *surface;
  cairo_t *cr;
  double box[4];
  gboolean shown;

  g_return_val_if_fail (plot != NULL, FALSE);

  if (width <= 0 || height <= 0)
    return FALSE;
  compute_layout (plot, width, height, &layout);
  slope_bowl_init (&bowl, &plot->moments);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  shown = optimum_label (cr, &layout, plot, &bowl, &text, box);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (!shown)
    return FALSE;
  if (x) *x = box[0];
  if (y) *y = box[1];
  if (label_width) *label_width = box[2];
  if (label_height) *label_height = box[3];
  return TRUE;
}

void
slope_landscape_plot_draw_map (cairo_t                  *cr,
                               int                       width,
                               int                       height,
                               const SlopeLandscapePlot *plot)
{
  const SlopePalette *palette;
  SlopePlotFrame frame;
  SlopeLandscapeLayout layout;
  SlopeBowl bowl;

  g_return_if_fail (plot != NULL);

  if (!slope_plot_cairo_ok (cr) || width <= 0 || height <= 0)
    return;

  palette = plot_palette (plot);
  compute_layout (plot, width, height, &layout);
  slope_bowl_init (&bowl, &plot->moments);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  slope_palette_set_source (cr, &palette->background);
  cairo_paint (cr);

  if (bowl.ok)
    slope_landscape_draw_heat_map (cr, &bowl, &layout);

  frame = (SlopePlotFrame) {
    .left = layout.area.left, .top = layout.area.top,
    .width = layout.area.width, .height = layout.area.height,
    .x_axis = &layout.x_axis, .y_axis = &layout.y_axis,
    .x_title = w_title (plot), .y_title = b_title (plot),
    .font_family = plot->font_family, .palette = palette,
    .fs = layout.fs, .lw = layout.lw,
  };
  slope_plot_frame_draw_axes (cr, &frame);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* The path layer                                                      */

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
                 const SlopeLandscapeLayout *layout,
                 const SlopeLandscapePlot   *plot,
                 const double               *path_w,
                 const double               *path_b,
                 gsize                       n_path)
{
  const SlopeArea *a = &layout->area;
  double m = 20.0, pen_x = NAN, pen_y = NAN, qx = 0.0, qy = 0.0;
  gboolean have_q = FALSE;

  for (gsize i = 0; i <= n_path; i++)
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
          if (x0 != pen_x || y0 != pen_y)
            cairo_move_to (cr, x0, y0);
          cairo_line_to (cr, x1, y1);
          pen_x = x1;
          pen_y = y1;
        }
      qx = px;
      qy = py;
      have_q = TRUE;
    }
}

static void
path_polyline (cairo_t                    *cr,
               const SlopeLandscapeLayout *layout,
               const SlopeLandscapePlot   *plot)
{
  points_polyline (cr, layout, plot, plot->path_w, plot->path_b, plot->n_path);
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
  points_polyline (cr, layout, plot, plot->batch_w + plot->n_batch_path - n,
                   plot->batch_b + plot->n_batch_path - n, n);
  cairo_set_line_width (cr, layout->lw);
  slope_palette_set_source_alpha (cr, &white, 0.7);
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
  slope_palette_set_source (cr, &white);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, lw);
  slope_palette_set_source (cr, &casing);
  cairo_stroke (cr);
}

static void
draw_path (cairo_t                    *cr,
           const SlopeLandscapeLayout *layout,
           const SlopeLandscapePlot   *plot)
{
  const SlopeArea *a = &layout->area;
  gsize every = MAX ((gsize) 1, (plot->n_path + PATH_MAX_DOTS - 1) / PATH_MAX_DOTS);

  if (plot->path_w == NULL || plot->path_b == NULL || plot->n_path == 0)
    return;

  /* A dark casing under a white line reads on every colour of the map. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  path_polyline (cr, layout, plot);
  cairo_set_line_width (cr, 6.0 * layout->lw);
  slope_palette_set_source (cr, &casing);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 3.0 * layout->lw);
  slope_palette_set_source (cr, &white);
  cairo_stroke (cr);

  /* Dots show the steps: far apart where the slope is steep. */
  for (gsize i = 0; i < plot->n_path; i += every)
    {
      double px, py;

      if (slope_landscape_view_to_pixel (&layout->view, a, plot->path_w[i], plot->path_b[i], &px, &py)
          && px > a->left - 10 && px < a->left + a->width + 10
          && py > a->top - 10 && py < a->top + a->height + 10)
        draw_dot (cr, px, py, (i == 0 ? 4.0 : 2.6) * layout->fs, 1.2 * layout->lw);
    }
}

static void
draw_arrow (cairo_t                    *cr,
            const SlopeLandscapeLayout *layout,
            const SlopeLandscapePlot   *plot,
            const SlopeBowl            *bowl,
            const SlopeColor           *color)
{
  double x0, y0, x1, y1, len, ux, uy, head;

  if (!arrow_geometry (plot, bowl, layout, &x0, &y0, &x1, &y1))
    return;

  len = hypot (x1 - x0, y1 - y0);
  ux = (x1 - x0) / len;
  uy = (y1 - y0) / len;
  head = MIN (13.0 * layout->fs, 0.5 * len);

  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1 - ux * head * 0.8, y1 - uy * head * 0.8);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_width (cr, 6.0 * layout->lw);
  slope_palette_set_source (cr, &casing);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 3.0 * layout->lw);
  slope_palette_set_source (cr, color);
  cairo_stroke (cr);

  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x1 - ux * head - uy * head * 0.5, y1 - uy * head + ux * head * 0.5);
  cairo_line_to (cr, x1 - ux * head + uy * head * 0.5, y1 - uy * head - ux * head * 0.5);
  cairo_close_path (cr);
  slope_palette_set_source (cr, color);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5 * layout->lw);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  slope_palette_set_source (cr, &casing);
  cairo_stroke (cr);
}

/* A point off the view is shown by a chevron on the edge, pointing at it. */
static void
draw_off_view (cairo_t                    *cr,
               const SlopeLandscapeLayout *layout,
               double                      px,
               double                      py,
               const SlopeColor           *color)
{
  const SlopeArea *a = &layout->area;
  double cx = a->left + a->width / 2.0, cy = a->top + a->height / 2.0;
  double r = 11.0 * layout->fs, dx = px - cx, dy = py - cy, d = hypot (dx, dy), t;

  if (!(d > 0.0))
    return;
  dx /= d;
  dy /= d;
  t = MIN (fabs (dx) > 0.0 ? (a->width / 2.0 - r) / fabs (dx) : INFINITY,
           fabs (dy) > 0.0 ? (a->height / 2.0 - r) / fabs (dy) : INFINITY);
  cx += dx * t;
  cy += dy * t;

  cairo_move_to (cr, cx + dx * r, cy + dy * r);
  cairo_line_to (cr, cx - dx * r * 0.6 - dy * r * 0.8, cy - dy * r * 0.6 + dx * r * 0.8);
  cairo_line_to (cr, cx - dx * r * 0.6 + dy * r * 0.8, cy - dy * r * 0.6 - dx * r * 0.8);
  cairo_close_path (cr);
  slope_palette_set_source (cr, color);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5 * layout->lw);
  slope_palette_set_source (cr, &casing);
  cairo_stroke (cr);
}

static void
draw_current (cairo_t                    *cr,
              const SlopeLandscapeLayout *layout,
              const SlopeLandscapePlot   *plot,
              const SlopeColor           *color)
{
  const SlopeArea *a = &layout->area;
  double px, py, r = SLOPE_LANDSCAPE_RING_RADIUS * layout->fs;

  if (!isfinite (plot->w) || !isfinite (plot->b)
      || !slope_landscape_view_to_pixel (&layout->view, a, plot->w, plot->b, &px, &py))
    {
      g_autoptr(PangoLayout) text = slope_plot_text_layout (cr, plot->font_family,
                                                            SLOPE_PLOT_LEGEND_FONT_PX * layout->fs,
                                                            PANGO_WEIGHT_BOLD);

      draw_halo_text (cr, text, _("W and b have diverged"), a->left + a->width / 2.0,
                      a->top + 2.0 * SLOPE_PLOT_LEGEND_FONT_PX * layout->fs, 0.5, layout->lw);
      return;
    }
  if (px < a->left || px > a->left + a->width || py < a->top || py > a->top + a->height)
    {
      draw_off_view (cr, layout, px, py, color);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, px, py, r, 0.0, 2.0 * G_PI);
  cairo_set_line_width (cr, 7.0 * layout->lw);
  slope_palette_set_source (cr, &casing);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 3.5 * layout->lw);
  slope_palette_set_source (cr, color);
  cairo_stroke (cr);
}

void
slope_landscape_plot_draw_path (cairo_t                  *cr,
                                int                       width,
                                int                       height,
                                const SlopeLandscapePlot *plot)
{
  const SlopePalette *palette;
  SlopeLandscapeLayout layout;
  SlopeBowl bowl;

  g_return_if_fail (plot != NULL);

  if (!slope_plot_cairo_ok (cr) || width <= 0 || height <= 0)
    return;

  palette = plot_palette (plot);
  compute_layout (plot, width, height, &layout);
  slope_bowl_init (&bowl, &plot->moments);

  cairo_save (cr);
  cairo_rectangle (cr, layout.area.left, layout.area.top, layout.area.width, layout.area.height);
  cairo_clip (cr);
  draw_path (cr, &layout, plot);
  draw_batch_path (cr, &layout, plot);
  draw_optimum (cr, &layout, plot, &bowl);
  draw_arrow (cr, &layout, plot, &bowl, &palette->line);
  draw_current (cr, &layout, plot, &palette->marker);
  cairo_restore (cr);
}

void
slope_landscape_plot_draw (cairo_t                  *cr,
                           int                       width,
                           int                       height,
                           const SlopeLandscapePlot *plot)
{
  slope_landscape_plot_draw_map (cr, width, height, plot);
  slope_landscape_plot_draw_path (cr, width, height, plot);
}
