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
#include "slope-plot-key.h"
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

static gboolean
x_labels_fit (const SlopeLandscapeLayout *layout,
              const char                 *font_family,
              double                      gap)
{
  double spacing = (layout->x_axis.ticks[1] - layout->x_axis.ticks[0])
                   / (layout->view.w_max - layout->view.w_min) * layout->area.width;

  return spacing >= slope_plot_frame_label_width (font_family, layout->fs, &layout->x_axis) + gap;
}

typedef struct {
  const SlopeLandscapeLayout *layout;
  const char                 *font_family;
  double                      gap;
  double                      digit_height;
} Spacing;

/* A fallback x axis: labels @gap apart, or merely not touching. */
static gboolean
x_spaced (const SlopeAxis *axis,
          gboolean         strict,
          gpointer         data)
{
  const Spacing *s = data;

  return x_labels_fit (s->layout, s->font_family, strict ? s->gap : 2.0 * s->layout->fs);
}

/* A fallback y axis: labels a little more than a line apart, or, in a
 * very short plot, merely not touching. */
static gboolean
y_spaced (const SlopeAxis *axis,
          gboolean         strict,
          gpointer         data)
{
  const Spacing *s = data;
  const SlopeLandscapeView *v = &s->layout->view;
  double spacing = (axis->ticks[1] - axis->ticks[0]) / (v->b_max - v->b_min)
                   * s->layout->area.height;

  return spacing >= (strict ? 1.2 : 1.0) * s->digit_height;
}

/* About one tick per 60 px, fewer if their labels would touch; but two at
 * least, since one tick ("0") is no scale: a small presentation-mode
 * landscape has room for about two ticks, and a 1-2-5 step as wide as
 * the view often lands only once. */
static void
fit_x_axis (SlopeLandscapeLayout *layout,
            const char           *font_family,
            double                gap)
{
  guint max_ticks = (guint) CLAMP (layout->area.width / (60.0 * layout->fs) + 1.0, 2.0, 16.0);
  Spacing spacing = { layout, font_family, gap, 0.0 };

  for (guint m = max_ticks; m >= 2; m--)
    {
      slope_axis_init_linear (&layout->x_axis, layout->view.w_min, layout->view.w_max, m);
      if (layout->x_axis.n_ticks < 2 || x_labels_fit (layout, font_family, gap))
        break;
    }
  slope_axis_ensure_two_ticks (&layout->x_axis, layout->view.w_min, layout->view.w_max,
                               max_ticks, x_spaced, &spacing);
}

/* Labels a good two lines apart read as a scale, not a column; two ticks
 * at least, as on the x axis. */
static void
fit_y_axis (SlopeLandscapeLayout *layout,
            double                digit_height)
{
  guint max_ticks = (guint) CLAMP (layout->area.height / (2.8 * digit_height) + 1.0, 2.0, 12.0);
  Spacing spacing = { layout, NULL, 0.0, digit_height };

  slope_axis_init_linear (&layout->y_axis, layout->view.b_min, layout->view.b_max, max_ticks);
  slope_axis_ensure_two_ticks (&layout->y_axis, layout->view.b_min, layout->view.b_max,
                               max_ticks, y_spaced, &spacing);
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

  layout_scales (plot, layout);
  effective_view (plot, &layout->view);

  slope_plot_frame_margins (plot->font_family, layout->fs, b_title (plot), NULL, &m);
  layout->area.top = m.top;
  layout->area.height = MAX (1.0, floor (height - m.top - m.bottom));
  fit_y_axis (layout, m.digit_height);

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
slope_landscape_plot_axes (const SlopeLandscapePlot *plot,
                           int                       width,
                           int                       height,
                           SlopeAxis                *w_axis,
                           SlopeAxis                *b_axis)
{
  SlopeLandscapeLayout layout;

  g_return_if_fail (plot != NULL);

  compute_layout (plot, width, height, &layout);
  if (w_axis)
    *w_axis = layout.x_axis;
  if (b_axis)
    *b_axis = layout.y_axis;
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
  for (int i = 0; i < 10; i++)
    {
      double angle = -G_PI / 2.0 + i * G_PI / 5.0, rr = i % 2 ? 0.45 * r : r;

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
 * it to the current point (draw_connector()), so that the path, drawn
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
  cairo_set_line_width (cr, 6.0 * layout->lw);
  slope_palette_set_source (cr, &casing);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 3.0 * layout->lw);
  slope_palette_set_source (cr, plot->runs != NULL && plot->n_runs > 0
                                ? slope_palette_run_colour (plot_palette (plot), 0) : &white);
  cairo_stroke (cr);

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
  compute_layout (plot, width, height, &layout);
  points_polyline (NULL, &key, &layout, plot, plot->path_w, plot->path_b, plot->n_path,
                   path_to_current (plot));
  key = slope_plot_key_mix (key, 2);
  foreach_dot (&layout, plot, key_one_dot, &key);
  return key;
}

/* From the path's last step to the current point, when the path stops
 * short of it: white over the casing's sides, the casing cut square at
 * the step so it does not darken the path's end under it. */
static void
draw_connector (cairo_t                    *cr,
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
  slope_palette_set_source (cr, &casing);
  cairo_stroke_preserve (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 3.0 * layout->lw);
  slope_palette_set_source (cr, &white);
  cairo_stroke (cr);
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
      cairo_set_line_width (cr, 4.5 * layout->lw);
      slope_palette_set_source (cr, &casing);
      cairo_stroke_preserve (cr);
      cairo_set_line_width (cr, 2.0 * layout->lw);
      slope_palette_set_source (cr, slope_run_trace_colour (run, plot_palette (plot)));
      cairo_stroke (cr);
    }
}

/* Each compared run's (W, b) as a dot in its colour, or a chevron on the
 * edge pointing at it; a run that diverged has no point to show. */
static void
draw_run_points (cairo_t                    *cr,
                 const SlopeLandscapeLayout *layout,
                 const SlopeLandscapePlot   *plot)
{
  const SlopeArea *a = &layout->area;

  for (gsize i = plot->runs != NULL ? plot->n_runs : 0; i > 0; i--)
    {
      const SlopeRunTrace *run = &plot->runs[i - 1];
      const SlopeColor *colour = slope_run_trace_colour (run, plot_palette (plot));
      double px, py;

      if (!slope_run_trace_visible (run)
          || !slope_landscape_view_to_pixel (&layout->view, a, run->w, run->b, &px, &py))
        continue;
      if (px < a->left || px > a->left + a->width || py < a->top || py > a->top + a->height)
        {
          draw_off_view (cr, layout, px, py, colour);
          continue;
        }
      cairo_new_sub_path (cr);
      cairo_arc (cr, px, py, 5.5 * layout->fs, 0.0, 2.0 * G_PI);
      slope_palette_set_source (cr, colour);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 2.0 * layout->lw);
      slope_palette_set_source (cr, &casing);
      cairo_stroke (cr);
    }
}

enum {
  PART_TRAIL   = 1 << 0,
  PART_OPTIMUM = 1 << 1,
  PART_MARKER  = 1 << 2,
};

static void
draw_parts (cairo_t                  *cr,
            int                       width,
            int                       height,
            const SlopeLandscapePlot *plot,
            guint                     parts)
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
 if (parts & PART_TRAIL)
    {
      draw_run_paths (cr, &layout, plot);
      draw_path (cr, &layout, plot);
      draw_batch_path (cr, &layout, plot);
    }
  if (parts & PART_OPTIMUM)
    draw_optimum (cr, &layout, plot, &bowl);
  if (parts & PART_MARKER)
    {
      draw_connector (cr, &layout, plot);
      draw_arrow (cr, &layout, plot, &bowl, &palette->line);
      draw_run_points (cr, &layout, plot);
      draw_current (cr, &layout, plot, &palette->marker);
    }
  cairo_restore (cr);
}

void
slope_landscape_plot_draw_path (cairo_t                  *cr,
                                int                       width,
                                int                       height,
                                const SlopeLandscapePlot *plot)
{
  draw_parts (cr, width, height, plot, PART_TRAIL | PART_OPTIMUM | PART_MARKER);
}

/**
 * slope_landscape_plot_draw_trail:
 *
 * The first part of slope_landscape_plot_draw_path(): the paths, compared
 * runs' first, and the mini-batch steps.
 */
void
slope_landscape_plot_draw_trail (cairo_t                  *cr,
                                 int                       width,
                                 int                       height,
                                 const SlopeLandscapePlot *plot)
{
  draw_parts (cr, width, height, plot, PART_TRAIL);
}

/**
 * slope_landscape_plot_draw_optimum:
 *
 * The second part: the least-squares star and its label, which move only
 * when the view does or the marker comes near the label
 * (slope_landscape_plot_optimum_key()).
 */
void
slope_landscape_plot_draw_optimum (cairo_t                  *cr,
                                   int                       width,
                                   int                       height,
                                   const SlopeLandscapePlot *plot)
{
  draw_parts (cr, width, height, plot, PART_OPTIMUM);
}

/**
 * slope_landscape_plot_draw_marker:
 *
 * The last part: the gradient's arrow, the compared runs' points and the
 * current point.
 */
void
slope_landscape_plot_draw_marker (cairo_t                  *cr,
                                  int                       width,
                                  int                       height,
                                  const SlopeLandscapePlot *plot)
{
  draw_parts (cr, width, height, plot, PART_MARKER);
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
  compute_layout (plot, width, height, &layout);
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

/**
 * slope_landscape_plot_optimum_key:
 *
 * A fingerprint of what slope_landscape_plot_draw_optimum() shows: where
 * the star and its label fall, the size, the palette and the text scale.
 */
guint64
slope_landscape_plot_optimum_key (const SlopeLandscapePlot *plot,
                                  int                       width,
                                  int                       height)
{
  guint64 key = SLOPE_PLOT_KEY_INIT;
  SlopeLandscapeLayout layout;
  double px, py, x, y, r;

  g_return_val_if_fail (plot != NULL, 0);

  key = slope_plot_key_mix (slope_plot_key_mix (key, (guint64) width), (guint64) height);
  key = slope_plot_key_mix (key, GPOINTER_TO_SIZE (plot->palette));
  key = slope_plot_key_mix (key, (guint64) (plot->font_scale * 4096.0));
  key = slope_plot_key_string (key, plot->font_family);
  if (width <= 0 || height <= 0)
    return key;
  compute_layout (plot, width, height, &layout);
  key = slope_plot_key_pixel (slope_plot_key_pixel (key, layout.area.left), layout.area.top);
  key = slope_plot_key_pixel (slope_plot_key_pixel (key, layout.area.width), layout.area.height);
  r = 10.0 * layout.fs;
  if (!plot->has_optimum
      || !slope_landscape_view_to_pixel (&layout.view, &layout.area, plot->optimum_w,
                                         plot->optimum_b, &px, &py)
      || px < layout.area.left - r || px > layout.area.left + layout.area.width + r
      || py < layout.area.top - r || py > layout.area.top + layout.area.height + r)
    return slope_plot_key_mix (key, 1);
  key = slope_plot_key_pixel (slope_plot_key_pixel (key, px), py);
  /* Where the label went, clear of the path and the marker, if anywhere. */
  if (!slope_landscape_plot_optimum_label (plot, width, height, &x, &y, NULL, NULL))
    return slope_plot_key_mix (key, 2);
  return slope_plot_key_pixel (slope_plot_key_pixel (key, x), y);
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
