/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-landscape-label.c: the landscape's "least squares" label never
 * covers the path of training or the current point, at a projector's
 * small sizes and large type too; where nothing is clear it is left out.
 *
 * The paths are the lesson's gradient descent written out here, from
 * W = b = 0 on x = 1, 2, 3 and y = 2, 4, 6.
 */
#include "config.h"

#include <math.h>

#include "slope-landscape-plot.h"
#include "slope-test-pixels.h"

#define EPOCHS_MAX 1000

typedef struct
{
  double l, t, r, b;
} Box;

static gboolean
overlap (const Box *p,
         const Box *q)
{
  return p->l < q->r && q->l < p->r && p->t < q->b && q->t < p->b;
}

/* The lesson's loop: ŷ = Wx + b, cost = mean((ŷ − y)²), plain SGD. */
static void
lesson_path (double  lr,
             guint   epochs,
             double *path_w,
             double *path_b,
             double *w_out,
             double *b_out)
{
  static const double x[] = { 1, 2, 3 }, y[] = { 2, 4, 6 };
  double w = 0.0, b = 0.0;

  for (guint e = 0; e < epochs; e++)
    {
      double gw = 0.0, gb = 0.0;

      path_w[e] = w;
      path_b[e] = b;
      for (guint i = 0; i < 3; i++)
        {
          double r = w * x[i] + b - y[i];

          gw += 2.0 * r * x[i] / 3.0;
          gb += 2.0 * r / 3.0;
        }
      w -= lr * gw;
      b -= lr * gb;
    }
  *w_out = w;
  *b_out = b;
}

static void
lesson_plot (SlopeLandscapePlot *plot,
             SlopeDataset       *data,
             double             *path_w,
             double             *path_b,
             double              lr,
             guint               epochs)
{
  slope_landscape_plot_init (plot);
  plot->moments = *slope_dataset_get_moments (data);
  plot->has_optimum = slope_dataset_least_squares (data, &plot->optimum_w, &plot->optimum_b, NULL);
  g_assert_true (plot->has_optimum);
  lesson_path (lr, epochs, path_w, path_b, &plot->w, &plot->b);
  plot->path_w = path_w;
  plot->path_b = path_b;
  plot->n_path = epochs;
  plot->show_gradient = TRUE;
  slope_landscape_view_fit (&plot->view, &plot->moments, path_w, path_b, epochs, plot->w, plot->b);
}

/* Whether the label's box meets the box of a point of the path (its dot:
 * 4 px for the start, 2.6 px for the others, times the font scale), of
 * the current point's ring (8 px), or of a point on the line between two
 * steps (3 px, half its casing). */
static gboolean
label_meets_path (const SlopeLandscapePlot *plot,
                  int                       width,
                  int                       height,
                  const Box                *label)
{
  double fs = plot->font_scale;
  double qx = NAN, qy = NAN;
  SlopeArea area;

  slope_landscape_plot_area (plot, width, height, &area);
  for (gsize i = 0; i <= plot->n_path; i++)
    {
      double w = i < plot->n_path ? plot->path_w[i] : plot->w;
      double b = i < plot->n_path ? plot->path_b[i] : plot->b;
      double px, py, r = i == plot->n_path ? 8.0 * fs : (i == 0 ? 4.0 : 2.6) * fs;
      Box point;

      slope_landscape_plot_to_pixel (plot, &area, w, b, &px, &py);
      point = (Box) { px - r, py - r, px + r, py + r };
      if (overlap (label, &point))
        return TRUE;
      if (isfinite (qx))
        {
          double len = hypot (px - qx, py - qy);

          for (double t = 0.0; t <= len; t += 1.0)
            {
              double sx = qx + (px - qx) * t / len, sy = qy + (py - qy) * t / len;
              Box dot = { sx - 3.0, sy - 3.0, sx + 3.0, sy + 3.0 };

              if (overlap (label, &dot))
                return TRUE;
            }
        }
      qx = px;
      qy = py;
    }
  return FALSE;
}

/* At a 1024×768 projector in presentation mode the landscape is about
 * 354 × 273 px with type 1.6 times larger: the lesson after 150 epochs
 * at lr = 0.01 has its path run towards the star from the left, and its
 * current point just above and left of it. */
static void
test_clear_of_path (void)
{
  static const int sizes[][2] = { { 200, 150 }, { 300, 190 }, { 354, 273 }, { 640, 480 } };
  static const double scales[] = { 1.0, 1.6, 2.4 };
  static const double rates[] = { 0.01, 0.05, 0.1, 0.16 };
  static const guint runs[] = { 5, 150, 1000 };
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autofree double *path_w = g_new (double, EPOCHS_MAX);
  g_autofree double *path_b = g_new (double, EPOCHS_MAX);
  guint shown = 0, cases = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint f = 0; f < G_N_ELEMENTS (scales); f++)
      for (guint r = 0; r < G_N_ELEMENTS (rates); r++)
        for (guint e = 0; e < G_N_ELEMENTS (runs); e++)
          {
            SlopeLandscapePlot plot;
            SlopeArea area;
            double x, y, w, h;
            Box label;

            lesson_plot (&plot, data, path_w, path_b, rates[r], runs[e]);
            plot.font_scale = scales[f];
            cases++;
            if (!slope_landscape_plot_optimum_label (&plot, sizes[s][0], sizes[s][1], &x, &y, &w, &h))
              {
                /* A plot of 640 × 480 px has room round the star for
                 * the label in the usual type and presentation's. */
                if (sizes[s][0] >= 640 && scales[f] <= 1.6)
                  g_error ("%d×%d, font ×%g, lr %g, %u epochs: no label", sizes[s][0], sizes[s][1],
                           scales[f], rates[r], runs[e]);
                continue;
              }
            shown++;
            label = (Box) { x, y, x + w, y + h };
            g_assert_cmpfloat (w, >, 20.0 * scales[f]);
            if (label_meets_path (&plot, sizes[s][0], sizes[s][1], &label))
              g_error ("%d×%d, font ×%g, lr %g, %u epochs: the label at %g,%g %g×%g covers the path",
                       sizes[s][0], sizes[s][1], scales[f], rates[r], runs[e], x, y, w, h);
            slope_landscape_plot_area (&plot, sizes[s][0], sizes[s][1], &area);
            g_assert_cmpfloat (x, >=, area.left);
            g_assert_cmpfloat (x + w, <=, area.left + area.width);
            g_assert_cmpfloat (y, >=, area.top - 0.5);
            g_assert_cmpfloat (y + h, <=, area.top + area.height + 0.5);
          }
  g_test_message ("the label shown in %u of %u cases", shown, cases);
  g_assert_cmpuint (shown, >=, 16);
  /* The screenshot's case: shown, and clear. */
  {
    SlopeLandscapePlot plot;
    double x, y, w, h;
    Box label;

    lesson_plot (&plot, data, path_w, path_b, 0.01, 150);
    plot.font_scale = 1.6;
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 354, 273);
      cairo_t *cr = cairo_create (surface);

      slope_landscape_plot_draw (cr, 354, 273, &plot);
      cairo_destroy (cr);
      slope_test_maybe_save (surface, "landscape-label-small.png");
      cairo_surface_destroy (surface);
    }
    g_assert_true (slope_landscape_plot_optimum_label (&plot, 354, 273, &x, &y, &w, &h));
    label = (Box) { x, y, x + w, y + h };
    g_assert_false (label_meets_path (&plot, 354, 273, &label));
  }
}

/* Nothing clear anywhere round the star (a path that circles it closely
 * in every direction): no label, rather than one over the path. */
static void
test_dropped_when_nothing_fits (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  double path_w[400], path_b[400];
  SlopeLandscapePlot plot;
  SlopeArea area;
  double px, py;

  lesson_plot (&plot, data, path_w, path_b, 0.01, 1);
  plot.font_scale = 1.6;
  slope_landscape_plot_area (&plot, 640, 480, &area);
  slope_landscape_plot_to_pixel (&plot, &area, plot.optimum_w, plot.optimum_b, &px, &py);
  g_assert_true (slope_landscape_plot_optimum_label (&plot, 640, 480, NULL, NULL, NULL, NULL));
  /* A spiral of steps round the star, out to 80 px. */
  for (guint i = 0; i < G_N_ELEMENTS (path_w); i++)
    {
      double angle = i * 0.3, radius = 12.0 + 68.0 * i / G_N_ELEMENTS (path_w);

      slope_landscape_plot_from_pixel (&plot, &area, px + radius * cos (angle), py + radius * sin (angle),
                                       &path_w[i], &path_b[i]);
    }
  plot.path_w = path_w;
  plot.path_b = path_b;
  plot.n_path = G_N_ELEMENTS (path_w);
  g_assert_false (slope_landscape_plot_optimum_label (&plot, 640, 480, NULL, NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/landscape-label/clear-of-path", test_clear_of_path);
  g_test_add_func ("/landscape-label/dropped-when-nothing-fits", test_dropped_when_nothing_fits);

  return g_test_run ();
}
