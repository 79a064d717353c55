/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-plot-frame.c: the grid, axes, ticks and titles around a plot.
 *
 * Rules are snapped to device pixels so a 1 px grid line is one crisp row
 * on a projector, not two grey ones; labels are a notch lighter than the
 * titles so the data stays the first thing the eye finds.
 */
#include "config.h"

#include <math.h>

#include "slope-plot-frame.h"
#include "slope-plot-text.h"

static PangoLayout *
tick_layout (cairo_t    *cr,
             const char *font_family,
             double      fs)
{
  return slope_plot_text_layout (cr, font_family, SLOPE_PLOT_TICK_FONT_PX * fs,
                                 PANGO_WEIGHT_NORMAL);
}

static PangoLayout *
title_layout (cairo_t    *cr,
              const char *font_family,
              double      fs)
{
  return slope_plot_text_layout (cr, font_family, SLOPE_PLOT_TITLE_FONT_PX * fs,
                                 PANGO_WEIGHT_NORMAL);
}

/* The width of a tick label, for the text of one. */
double
slope_plot_frame_text_width (const char *font_family,
                             double      fs,
                             const char *text)
{
  g_autoptr(PangoLayout) layout = tick_layout (NULL, font_family, fs);
  SlopeTextSize size;

  slope_plot_text_measure (layout, text, &size);
  return size.width;
}

double
slope_plot_frame_label_width (const char      *font_family,
                              double           fs,
                              const SlopeAxis *axis)
{
  g_autoptr(PangoLayout) text = tick_layout (NULL, font_family, fs);
  double widest = 0.0;

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      SlopeTextSize size;

      slope_plot_text_measure (text, axis->labels[i], &size);
      widest = MAX (widest, size.width);
    }

  return widest;
}

/**
 * slope_plot_frame_margins:
 * @y_axis: (nullable): the y axis, or %NULL before it is known
 *
 * The space around the plotting area.  The vertical margins do not depend
 * on the y axis, which needs the area's height to choose its ticks; call
 * again with it to get the left margin, which must fit its labels.
 */
void
slope_plot_frame_margins (const char       *font_family,
                          double            fs,
                          const char       *y_title,
                          const SlopeAxis  *y_axis,
                          SlopePlotMargins *margins)
{
  g_autoptr(PangoLayout) ticks = tick_layout (NULL, font_family, fs);
  g_autoptr(PangoLayout) title = title_layout (NULL, font_family, fs);
  SlopeTextSize digit, title_size;
  double labels = 0.0;

  slope_plot_text_measure (ticks, "0", &digit);
  slope_plot_text_measure (title, y_title, &title_size);
  if (y_axis != NULL)
    labels = slope_plot_frame_label_width (font_family, fs, y_axis);

  margins->digit_width = digit.width;
  margins->digit_height = digit.height;
  /* The top label is centred on the edge, and superscripts stand tall. */
  margins->top = round (MAX (SLOPE_PLOT_PADDING * fs, digit.height / 2.0 + 4.0 * fs));
  margins->bottom = SLOPE_PLOT_PADDING * fs + title_size.height + digit.height
                    + (2.0 * SLOPE_PLOT_LABEL_GAP + SLOPE_PLOT_TICK_LENGTH) * fs;
  margins->left = round (SLOPE_PLOT_PADDING * fs + title_size.height + labels
                         + (3.0 * SLOPE_PLOT_LABEL_GAP + SLOPE_PLOT_TICK_LENGTH) * fs);
  margins->right = SLOPE_PLOT_PADDING * fs;
}

static double
frame_x (const SlopePlotFrame *frame,
         double                value)
{
  return frame->left + slope_axis_fraction (frame->x_axis, value) * frame->width;
}

static double
frame_y (const SlopePlotFrame *frame,
         double                value)
{
  return frame->top + (1.0 - slope_axis_fraction (frame->y_axis, value)) * frame->height;
}

void
slope_plot_frame_draw_grid (cairo_t              *cr,
                            const SlopePlotFrame *frame)
{
  const SlopePalette *palette = frame->palette;
  double lw = frame->lw;

  cairo_save (cr);
  cairo_set_line_width (cr, lw);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint i = 0; i < frame->x_axis->n_ticks; i++)
    {
      double v = frame->x_axis->ticks[i];
      double x = slope_plot_snap (cr, frame_x (frame, v), TRUE, lw);

      cairo_move_to (cr, x, frame->top);
      cairo_line_to (cr, x, frame->top + frame->height);
      /* x = 0 is where the line crosses at b: worth a stronger rule. */
      slope_palette_set_source_alpha (cr, &palette->grid,
                                      v == 0.0 && !frame->x_axis->log_scale ? 2.5 : 1.0);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < frame->y_axis->n_ticks; i++)
    {
      double v = frame->y_axis->ticks[i];
      double y = slope_plot_snap (cr, frame_y (frame, v), FALSE, lw);

      cairo_move_to (cr, frame->left, y);
      cairo_line_to (cr, frame->left + frame->width, y);
      slope_palette_set_source_alpha (cr, &palette->grid,
                                      v == 0.0 && !frame->y_axis->log_scale ? 2.5 : 1.0);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
stroke_rules (cairo_t              *cr,
              const SlopePlotFrame *frame,
              double                left,
              double                bottom)
{
  double tick = SLOPE_PLOT_TICK_LENGTH * frame->fs, lw = frame->lw;

  cairo_move_to (cr, left, frame->top);
  cairo_line_to (cr, left, bottom);
  cairo_line_to (cr, frame->left + frame->width, bottom);
  for (guint i = 0; i < frame->x_axis->n_ticks; i++)
    {
      double x = slope_plot_snap (cr, frame_x (frame, frame->x_axis->ticks[i]), TRUE, lw);

      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x, bottom + tick);
    }
  for (guint i = 0; i < frame->y_axis->n_ticks; i++)
    {
      double y = slope_plot_snap (cr, frame_y (frame, frame->y_axis->ticks[i]), FALSE, lw);

      cairo_move_to (cr, left - tick, y);
      cairo_line_to (cr, left, y);
    }
  /* Minor ticks are short and unlabelled: 2…9 between the decades. */
  for (guint i = 0; i < frame->y_axis->n_minor; i++)
    {
      double y = slope_plot_snap (cr, frame_y (frame, frame->y_axis->minor[i]), FALSE, lw);

      cairo_move_to (cr, left - tick / 2.0, y);
      cairo_line_to (cr, left, y);
    }
  cairo_stroke (cr);
}

/* The layouts space the ticks for their labels; these checks only matter
 * in a window squeezed smaller than that, where labels would collide. */
static void
draw_x_labels (cairo_t              *cr,
               const SlopePlotFrame *frame,
               PangoLayout          *ticks,
               double                y,
               double                gap)
{
  double last_right = -G_MAXDOUBLE;

  for (guint i = 0; i < frame->x_axis->n_ticks; i++)
    {
      double x = frame_x (frame, frame->x_axis->ticks[i]);
      SlopeTextSize size;

      slope_plot_text_measure (ticks, frame->x_axis->labels[i], &size);
      if (x - size.width / 2.0 < last_right + gap)
        continue;
      slope_plot_text_draw (cr, ticks, frame->x_axis->labels[i], x, y, 0.5, 0.0);
      last_right = x + size.width / 2.0;
    }
}

static void
draw_y_labels (cairo_t              *cr,
               const SlopePlotFrame *frame,
               PangoLayout          *ticks,
               double                x,
               double                line_height)
{
  double last_y = G_MAXDOUBLE;

  for (guint i = 0; i < frame->y_axis->n_ticks; i++)
    {
      double y = frame_y (frame, frame->y_axis->ticks[i]);

      if (last_y - y < line_height)
        continue;
      slope_plot_text_draw (cr, ticks, frame->y_axis->labels[i], x, y, 1.0, 0.5);
      last_y = y;
    }
}

void
slope_plot_frame_draw_axes (cairo_t              *cr,
                            const SlopePlotFrame *frame)
{
  g_autoptr(PangoLayout) ticks = tick_layout (cr, frame->font_family, frame->fs);
  g_autoptr(PangoLayout) title = title_layout (cr, frame->font_family, frame->fs);
  const SlopePalette *palette = frame->palette;
  double fs = frame->fs, lw = frame->lw;
  double tick = SLOPE_PLOT_TICK_LENGTH * fs, gap = SLOPE_PLOT_LABEL_GAP * fs;
  double bottom = frame->top + frame->height;
  SlopeTextSize digit, size;

  cairo_save (cr);
  cairo_set_line_width (cr, lw);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  slope_palette_set_source_alpha (cr, &palette->foreground, 0.55);
  stroke_rules (cr, frame,
                slope_plot_snap (cr, frame->left, TRUE, lw),
                slope_plot_snap (cr, bottom, FALSE, lw));

  slope_plot_text_measure (ticks, "0", &digit);
  slope_palette_set_source_alpha (cr, &palette->foreground, 0.8);
  draw_x_labels (cr, frame, ticks, bottom + tick + gap, digit.width);
  draw_y_labels (cr, frame, ticks, frame->left - tick - gap, digit.height);

  slope_palette_set_source (cr, &palette->foreground);
  slope_plot_text_draw (cr, title, frame->x_title,
                        frame->left + frame->width / 2.0,
                        bottom + tick + 2.0 * gap + digit.height, 0.5, 0.0);
  slope_plot_text_measure (title, frame->y_title, &size);
  slope_plot_text_draw_rotated (cr, title, frame->y_title,
                                SLOPE_PLOT_PADDING * fs + size.height / 2.0,
                                frame->top + frame->height / 2.0);
  cairo_restore (cr);
}

static void
draw_swatch (cairo_t                  *cr,
             const SlopePlotLegendRow *row,
             double                    x,
             double                    y,
             double                    length,
             double                    lw)
{
  double dash[] = { 5.0 * lw, 3.0 * lw };

  cairo_save (cr);
  slope_palette_set_source_alpha (cr, &row->color, row->struck ? 0.3 : 1.0);
  cairo_set_line_width (cr, (row->dashed ? 2.0 : 3.0) * lw);
  cairo_set_line_cap (cr, row->dashed ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  if (row->dashed)
    cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0.0);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + length, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The legend's type size, padding and box, shrunk to fit a narrow plot. */
static PangoLayout *
measure_legend (cairo_t                  *cr,
                const SlopePlotFrame     *frame,
                const SlopePlotLegendRow *rows,
                guint                     n_rows,
                double                   *fs_out,
                double                   *box_w_out,
                double                   *row_h_out)
{
  PangoLayout *text = NULL;
  double fs = frame->fs, pad = 8.0 * fs, swatch = 22.0 * fs;
  double box_w = 0.0, row_h = 0.0;

  /* A narrow plot (a projector's 1024 px with the explain pane open)
   * gets a smaller legend rather than one cut off at the plot's edge;
   * below half size it would be unreadable, so it stops shrinking there. */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      double avail = frame->width - 2.0 * pad;

      g_clear_object (&text);
      box_w = row_h = 0.0;
      text = slope_plot_text_layout (cr, frame->font_family, SLOPE_PLOT_LEGEND_FONT_PX * fs,
                                     PANGO_WEIGHT_NORMAL);
      for (guint i = 0; i < n_rows; i++)
        {
          SlopeTextSize size;

          slope_plot_text_measure (text, rows[i].text, &size);
          box_w = MAX (box_w, size.width);
          row_h = MAX (row_h, size.height);
        }
      box_w += 3.0 * pad + swatch;
      if (box_w <= avail || fs <= 0.5 * frame->fs)
        break;
      fs = MAX (0.5 * frame->fs, fs * avail / box_w * 0.97);
      pad = 8.0 * fs;
      swatch = 22.0 * fs;
    }
  *fs_out = fs;
  *box_w_out = box_w;
  *row_h_out = row_h;
  return text;
}

/* Where the legend's box goes in @corner. */
static void
legend_box (const SlopePlotFrame *frame,
            SlopePlotCorner       corner,
            double                fs,
            double                box_w,
            double                box_h,
            double               *x,
            double               *y)
{
  double pad = 8.0 * fs;

  *x = corner & SLOPE_PLOT_CORNER_RIGHT ? frame->left + frame->width - box_w - pad
                                        : frame->left + pad;
  *x = round (MAX (*x, frame->left));
  *y = corner & SLOPE_PLOT_CORNER_BOTTOM ? frame->top + frame->height - box_h - pad
                                         : frame->top + pad;
  *y = round (MAX (*y, frame->top));
}

/**
 * slope_plot_frame_legend_rect:
 * @rect: (out): the box slope_plot_frame_draw_legend_at() draws in @corner
 *
 * So that a plot can choose the corner its marks leave free.
 */
void
slope_plot_frame_legend_rect (cairo_t                  *cr,
                              const SlopePlotFrame     *frame,
                              const SlopePlotLegendRow *rows,
                              guint                     n_rows,
                              SlopePlotCorner           corner,
                              cairo_rectangle_t        *rect)
{
  g_autoptr(PangoLayout) text = NULL;
  double fs, box_w, row_h;

  text = measure_legend (cr, frame, rows, n_rows, &fs, &box_w, &row_h);
  rect->width = box_w;
  rect->height = n_rows * row_h + 8.0 * fs;
  legend_box (frame, corner, fs, rect->width, rect->height, &rect->x, &rect->y);
}

/**
 * slope_plot_frame_draw_legend:
 * @right: the top right corner of the area rather than the top left
 *
 * Rows in a rounded box of translucent background, so that they stay
 * legible over a dense scatter and a teacher can read them from the back.
 */
void
slope_plot_frame_draw_legend (cairo_t                  *cr,
                              const SlopePlotFrame     *frame,
                              const SlopePlotLegendRow *rows,
                              guint                     n_rows,
                              gboolean                  right)
{
  slope_plot_frame_draw_legend_at (cr, frame, rows, n_rows,
                                   right ? SLOPE_PLOT_CORNER_TOP_RIGHT : SLOPE_PLOT_CORNER_TOP_LEFT);
}

/* slope_plot_frame_draw_legend() in any corner of the area. */
void
slope_plot_frame_draw_legend_at (cairo_t                  *cr,
                                 const SlopePlotFrame     *frame,
                                 const SlopePlotLegendRow *rows,
                                 guint                     n_rows,
                                 SlopePlotCorner           corner)
{
  g_autoptr(PangoLayout) text = NULL;
  double fs, pad, swatch, box_w = 0.0, row_h = 0.0, x, y;

  text = measure_legend (cr, frame, rows, n_rows, &fs, &box_w, &row_h);
  pad = 8.0 * fs;
  swatch = 22.0 * fs;
  legend_box (frame, corner, fs, box_w, n_rows * row_h + pad, &x, &y);

  cairo_save (cr);
  slope_plot_rounded_rect (cr, x + 0.5, y + 0.5, box_w, n_rows * row_h + pad, 6.0 * fs);
  slope_palette_set_source_alpha (cr, &frame->palette->background, 0.88);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, frame->lw);
  slope_palette_set_source (cr, &frame->palette->grid);
  cairo_stroke (cr);

  for (guint i = 0; i < n_rows; i++)
    {
      double row_y = y + pad / 2.0 + i * row_h;

      draw_swatch (cr, &rows[i], x + pad, row_y + row_h / 2.0, swatch, frame->lw);
      slope_palette_set_source_alpha (cr, &frame->palette->foreground, rows[i].struck ? 0.45 : 1.0);
      slope_plot_text_draw (cr, text, rows[i].text, x + 2.0 * pad + swatch, row_y, 0.0, 0.0);
      if (rows[i].struck)
        {
          SlopeTextSize size;

          slope_plot_text_measure (text, rows[i].text, &size);
          cairo_set_line_width (cr, frame->lw);
          cairo_move_to (cr, x + 2.0 * pad + swatch, row_y + row_h / 2.0);
          cairo_rel_line_to (cr, size.width, 0.0);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}
