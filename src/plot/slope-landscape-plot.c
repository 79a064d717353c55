/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-landscape-plot.c: the cost over the (W, b) plane, and the descent
 * across it.
 *
 * The layout, the mapping between pixels and (W, b), and the two layers:
 * the map (colours, contours, axes), which a widget caches, and the path,
 * the optimum, the current point and its gradient, drawn every frame.
 * This file holds the layout, the map and the entry points; the path
 * layer's three parts are drawn by slope-landscape-trail.c,
 * slope-landscape-optimum.c and slope-landscape-marker.c.
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

#define LIMIT              SLOPE_LANDSCAPE_VIEW_LIMIT

const SlopeColor slope_landscape_casing = { 0.07, 0.06, 0.12, 0.55 };
const SlopeColor slope_landscape_white = { 1.0, 1.0, 1.0, 1.0 };

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

const SlopePalette *
slope_landscape_palette (const SlopeLandscapePlot *plot)
{
  return plot->palette ? plot->palette : slope_palette_get (FALSE);
}

void
slope_landscape_effective_view (const SlopeLandscapePlot *plot,
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

void
slope_landscape_layout_scales (const SlopeLandscapePlot *plot,
                               SlopeLandscapeLayout     *layout)
{
  const SlopePalette *palette = slope_landscape_palette (plot);

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

void
slope_landscape_compute_layout (const SlopeLandscapePlot *plot,
                                int                       width,
                                int                       height,
                                SlopeLandscapeLayout     *layout)
{
  SlopePlotMargins m;

  slope_landscape_layout_scales (plot, layout);
  slope_landscape_effective_view (plot, &layout->view);

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

  slope_landscape_compute_layout (plot, width, height, &layout);
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

  slope_landscape_compute_layout (plot, width, height, &layout);
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

  slope_landscape_effective_view (plot, &v);
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

  slope_landscape_effective_view (plot, &v);
  if (w)
    *w = v.w_min + (px - area->left) / area->width * (v.w_max - v.w_min);
  if (b)
    *b = v.b_max - (py - area->top) / area->height * (v.b_max - v.b_min);
}

/* ------------------------------------------------------------------ */
/* The map layer                                                       */

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

  palette = slope_landscape_palette (plot);
  slope_landscape_compute_layout (plot, width, height, &layout);
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
/* The path layer, in its three parts                                  */

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
  SlopeLandscapeLayout layout;
  SlopeBowl bowl;

  g_return_if_fail (plot != NULL);

  if (!slope_plot_cairo_ok (cr) || width <= 0 || height <= 0)
    return;

  slope_landscape_compute_layout (plot, width, height, &layout);
  slope_bowl_init (&bowl, &plot->moments);

  cairo_save (cr);
  cairo_rectangle (cr, layout.area.left, layout.area.top, layout.area.width, layout.area.height);
  cairo_clip (cr);
  if (parts & PART_TRAIL)
    slope_landscape_draw_trail (cr, &layout, plot);
  if (parts & PART_OPTIMUM)
    slope_landscape_draw_optimum (cr, &layout, plot, &bowl);
  if (parts & PART_MARKER)
    {
      slope_landscape_draw_connector (cr, &layout, plot);
      slope_landscape_draw_marker (cr, &layout, plot, &bowl);
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

void
slope_landscape_plot_draw (cairo_t                  *cr,
                           int                       width,
                           int                       height,
                           const SlopeLandscapePlot *plot)
{
  slope_landscape_plot_draw_map (cr, width, height, plot);
  slope_landscape_plot_draw_path (cr, width, height, plot);
}
