/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-stale.c: every view follows the data the moment it changes —
 * an edit, a load, a change of scaling — and none keeps describing the
 * data that was there before.  Runs under Xvfb (suite ui).
 *
 * Each view is checked against numbers worked by hand for the new data:
 * the landscape's moments and star, the least-squares line drawn dashed
 * and written under the readouts, the learning rate's stable limit (the
 * strip and the hint), the subtitle and the axes' names.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "slope-csv.h"
#include "slope-data-plot.h"
#include "slope-test-ui.h"
#include "slope-window-private.h"

typedef struct
{
  gsize       n;
  double      w_star, b_star;      /* least squares, in the data's units */
  double      w_land, b_land;      /* the star, in the units trained on */
  double      limit;               /* 2/λmax of the data trained on */
  const char *limit_text;          /* as the hint writes it */
  const char *equation;            /* the least-squares line, as written */
  const char *subtitle;
  const char *x_name, *y_name;
  gboolean    scaled;
} Expected;

static SlopeWindow *
new_window (void)
{
  SlopeWindow *window = slope_window_new (NULL, NULL);

  gtk_window_present (GTK_WINDOW (window));
  slope_runner_set_speed (window->runner, 0);
  return window;
}

static void
settle (SlopeWindow *window)
{
  slope_runner_sync (window->runner);
  slope_window_refresh (window);
  slope_window_redraw (window);
}

static void
assert_views (SlopeWindow    *window,
              const Expected *e)
{
  const SlopeLandscapePlot *land = slope_landscape_widget_get_plot (window->landscape_view);
  const SlopeDataPlot *data = slope_data_view_get_plot (window->data_view);
  const char *hint = gtk_label_get_text (window->lr_hint);
  const char *reference = gtk_label_get_text (window->reference_label);
  g_autofree char *below = g_strdup_printf ("below %s ", e->limit_text);

  g_test_message ("%s | %s | %s", adw_window_title_get_subtitle (window->window_title),
                  hint, reference);
  /* The landscape and its star. */
  g_assert_cmpuint (land->moments.n, ==, e->n);
  g_assert_true (land->has_optimum);
  g_assert_cmpfloat_with_epsilon (land->optimum_w, e->w_land, 1e-12 * MAX (1.0, fabs (e->w_land)));
  g_assert_cmpfloat_with_epsilon (land->optimum_b, e->b_land, 1e-12 * MAX (1.0, fabs (e->b_land)));
  g_assert_cmpint (land->scaled, ==, e->scaled);
  /* The least-squares line, drawn and written. */
  g_assert_true (data->has_reference);
  g_assert_cmpfloat_with_epsilon (data->reference_w, e->w_star, 1e-12 * MAX (1.0, fabs (e->w_star)));
  g_assert_cmpfloat_with_epsilon (data->reference_b, e->b_star, 1e-12 * MAX (1.0, fabs (e->b_star)));
  g_assert_true (g_str_has_prefix (reference, e->equation));
  /* The stable limit: the strip changes colour there, the hint names it. */
  g_assert_true (slope_lr_zone_is_stable (window->lr_zone, e->limit * 0.99));
  g_assert_false (slope_lr_zone_is_stable (window->lr_zone, e->limit * 1.01));
  g_assert_nonnull (strstr (hint, below));
  /* The window's subtitle and the plot's axes. */
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, e->subtitle);
  g_assert_cmpuint (slope_dataset_get_n (data->dataset), ==, e->n);
  g_assert_cmpstr (slope_dataset_get_x_name (data->dataset), ==, e->x_name);
  g_assert_cmpstr (slope_dataset_get_y_name (data->dataset), ==, e->y_name);
}

static void
test_edit_load_scale (void)
{
  /* The lesson: H = (2/3)[[14, 6], [6, 3]], λmax = 11.0929. */
  static const Expected lesson = {
    3, 2, 0, 2, 0, 2.0 / 11.092940, "0.18", "Least squares: ŷ = 2x + 0 ",
    "The lesson’s data: x = 1, 2, 3 and y = 2, 4, 6", "x", "y", FALSE,
  };
  /* (4, 0) added: Sxx = 5, Sxy = −2, so W* = −0.4, b* = 4; H = [[15, 5],
   * [5, 2]], λmax = (17 + √269)/2 = 16.70061. */
  static const Expected edited = {
    4, -0.4, 4, -0.4, 4, 2.0 / 16.700610, "0.12", "Least squares: ŷ = −0.4x + 4 ",
    "The lesson’s data, edited · 4 points", "x", "y", FALSE,
  };
  /* size = 0, 1, 2 and price = 1, 3, 5: W* = 2, b* = 1; H = (2/3)[[5, 3],
   * [3, 3]], λmax = (2/3)(4 + √10) = 4.774852. */
  static const Expected loaded = {
    3, 2, 1, 2, 1, 2.0 / 4.774852, "0.419", "Least squares: ŷ = 2x + 1 ",
    "sizes.csv · 3 points", "size", "price", FALSE,
  };
  /* Standardised: x′ = x − 1 (std 1), y′ = (y − 3)/2 (std 2), so the
   * star is at W′ = 1, b′ = 0 and H = (2/3)[[2, 0], [0, 3]], λmax = 2;
   * the plot keeps the data's units and names. */
  static const Expected standardised = {
    3, 2, 1, 1, 0, 1.0, "1", "Least squares: ŷ = 2x + 1 ",
    "sizes.csv · 3 points · standardised", "size", "price", TRUE,
  };
  SlopeWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("slope-stale-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sizes.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  settle (window);
  assert_views (window, &lesson);

  /* An edit. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "edit-mode",
                                      g_variant_new_boolean (TRUE));
  g_signal_emit_by_name (window->data_view, "add-point", 4.0, 0.0);
  settle (window);
  assert_views (window, &edited);
  g_action_group_change_action_state (G_ACTION_GROUP (window), "edit-mode",
                                      g_variant_new_boolean (FALSE));

  /* A load, as a file is loaded: in the background. */
  g_assert_true (g_file_set_contents (path, "size,price\n0,1\n1,3\n2,5\n", -1, NULL));
  slope_window_load_file (window, file);
  while (slope_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
  settle (window);
  assert_views (window, &loaded);

  /* Scaling. */
  gtk_drop_down_set_selected (window->scale_drop_down, SLOPE_SCALE_STANDARDIZE);
  settle (window);
  assert_views (window, &standardised);
  gtk_drop_down_set_selected (window->scale_drop_down, SLOPE_SCALE_NONE);
  settle (window);
  assert_views (window, &loaded);

  g_remove (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The data plot shows the model's line from epoch 0 on, houses.csv's
 * prices in the hundreds of thousands notwithstanding: ŷ = 0x + 0 at epoch
 * 0, the line of epoch 1 (W ≈ 1.4·10⁷ at lr 0.01) as far as ten data spans
 * allow, with an arrow beyond; a reset brings the view back to the data. */
static void
test_line_in_view (void)
{
  SlopeWindow *window = new_window ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", "houses.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SlopeDataset) data = slope_csv_load (file, NULL, NULL, NULL, NULL, NULL, NULL);
  const SlopeDataPlot *plot = slope_data_view_get_plot (window->data_view);
  const SlopeMoments *m;
  double first_max;

  g_assert_nonnull (data);
  m = slope_dataset_get_moments (data);
  g_assert_cmpfloat (m->y_min, >, 90000.0);
  slope_window_set_lr (window, 0.01);
  slope_window_set_dataset (window, data);
  settle (window);
  g_assert_cmpfloat (plot->view.y_min, <=, 0.0);
  g_assert_cmpfloat (plot->view.y_max, >=, m->y_max);
  g_assert_cmpint (slope_line_offscreen (&plot->view, plot->w, plot->b), ==, 0);
  first_max = plot->view.y_max;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  settle (window);
  g_assert_cmpfloat (plot->w, >, 1e7);
  g_assert_cmpfloat (plot->view.y_max, >, 5.0 * first_max);
  g_assert_cmpint (slope_line_offscreen (&plot->view, plot->w, plot->b), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reset", NULL);
  settle (window);
  g_assert_cmpfloat (plot->view.y_max, ==, first_max);
  g_assert_cmpfloat (plot->view.y_min, <=, 0.0);

  g_settings_reset (window->settings, "learning-rate");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  slope_test_init (&argc, &argv);
  slope_test_gtk_init_or_skip ();

  g_test_add_func ("/window-stale/edit-load-scale", test_edit_load_scale);
  g_test_add_func ("/window-stale/line-in-view", test_line_in_view);

  return g_test_run ();
}
