/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-scaling.c: centring and standardising, the line mapped back, the
 * suggested rate and the condition check.  Every expected number is worked
 * by hand or is PyTorch's (x - x.mean()) / x.std(), as noted. */
#include "config.h"

#include <gio/gio.h>
#include <math.h>

#include "slope-csv.h"
#include "slope-dataset.h"
#include "slope-scaling.h"
#include "slope-trainer.h"

static void
test_lesson_standardised (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autoptr(SlopeDataset) scaled = NULL;
  g_autoptr(GError) error = NULL;
  SlopeScaling s;
  double w, b;

  /* mean 2, std 1 (N − 1); y: mean 4, std 2. */
  g_assert_true (slope_scaling_compute (data, SLOPE_SCALE_STANDARDIZE, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (s.x_shift, ==, 2.0);
  g_assert_cmpfloat (s.x_scale, ==, 1.0);
  g_assert_cmpfloat (s.y_shift, ==, 4.0);
  g_assert_cmpfloat (s.y_scale, ==, 2.0);

  scaled = slope_scaling_apply (&s, data);
  g_assert_cmpfloat (slope_dataset_get_x (scaled)[0], ==, -1.0);
  g_assert_cmpfloat (slope_dataset_get_x (scaled)[2], ==, 1.0);
  g_assert_cmpfloat (slope_dataset_get_y (scaled)[1], ==, 0.0);
  g_assert_cmpfloat (slope_dataset_get_y (scaled)[2], ==, 1.0);

  /* y' = x' is y = 2x in the data's units, and back. */
  slope_scaling_line_to_data (&s, 1.0, 0.0, &w, &b);
  g_assert_cmpfloat (w, ==, 2.0);
  g_assert_cmpfloat (b, ==, 0.0);
  slope_scaling_line_to_scaled (&s, 2.0, 0.0, &w, &b);
  g_assert_cmpfloat (w, ==, 1.0);
  g_assert_cmpfloat (b, ==, 0.0);
  /* y' = 0.5x' + 0.25 → y = x + 4 + 0.5 − 2 = x + 2.5 */
  slope_scaling_line_to_data (&s, 0.5, 0.25, &w, &b);
  g_assert_cmpfloat (w, ==, 1.0);
  g_assert_cmpfloat (b, ==, 2.5);
}

/* torch.tensor([2., 4, 6, 8]).std() = 2.5819888974716112 (N − 1, not N:
 * the population one would be 2.2360679774997898). */
static void
test_sample_std (void)
{
  static const double x[] = { 2, 4, 6, 8 };
  static const double y[] = { 1, 1, 1, 2 };
  g_autoptr(SlopeDataset) data = slope_dataset_new (x, y, 4, NULL);
  g_autoptr(SlopeDataset) scaled = NULL;
  SlopeScaling s;

  g_assert_true (slope_scaling_compute (data, SLOPE_SCALE_STANDARDIZE, &s, NULL));
  g_assert_cmpfloat (s.x_shift, ==, 5.0);
  g_assert_cmpfloat_with_epsilon (s.x_scale, 2.5819888974716112, 4e-16);
  g_assert_cmpfloat (s.y_shift, ==, 1.25);
  g_assert_cmpfloat_with_epsilon (s.y_scale, 0.5, 1e-16);

  /* Centring shifts only. */
  g_assert_true (slope_scaling_compute (data, SLOPE_SCALE_CENTER, &s, NULL));
  g_assert_cmpfloat (s.x_scale, ==, 1.0);
  scaled = slope_scaling_apply (&s, data);
  g_assert_cmpfloat (slope_dataset_get_x (scaled)[0], ==, -3.0);
  g_assert_cmpfloat (slope_dataset_get_y (scaled)[3], ==, 0.75);
}

static void
test_none_is_identity (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autoptr(SlopeDataset) same = NULL;
  SlopeScaling s;
  double w, b;

  g_assert_true (slope_scaling_compute (data, SLOPE_SCALE_NONE, &s, NULL));
  same = slope_scaling_apply (&s, data);
  g_assert_true (same == data);
  slope_scaling_line_to_data (&s, 1.5, -2.0, &w, &b);
  g_assert_cmpfloat (w, ==, 1.5);
  g_assert_cmpfloat (b, ==, -2.0);
}

/* A clear error for what cannot be standardised, and nothing changed. */
static void
test_cannot_standardise (void)
{
  static const double x[] = { 3, 3, 3 };
  static const double y[] = { 1, 2, 3 };
  static const double one[] = { 1 };
  g_autoptr(SlopeDataset) flat = slope_dataset_new (x, y, 3, NULL);
  g_autoptr(SlopeDataset) flat_y = slope_dataset_new (y, x, 3, NULL);
  g_autoptr(SlopeDataset) single = slope_dataset_new (one, one, 1, NULL);
  SlopeScaling s = SLOPE_SCALING_IDENTITY;
  GError *error = NULL;

  g_assert_false (slope_scaling_compute (flat, SLOPE_SCALE_STANDARDIZE, &s, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (g_strstr_len (error->message, -1, "x"));
  g_clear_error (&error);
  g_assert_cmpint (s.mode, ==, SLOPE_SCALE_NONE);

  g_assert_false (slope_scaling_compute (flat_y, SLOPE_SCALE_STANDARDIZE, &s, &error));
  g_assert_nonnull (g_strstr_len (error->message, -1, "y"));
  g_clear_error (&error);

  g_assert_false (slope_scaling_compute (single, SLOPE_SCALE_STANDARDIZE, &s, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  /* Centring one point is fine. */
  g_assert_true (slope_scaling_compute (single, SLOPE_SCALE_CENTER, &s, NULL));
}

/* The lesson's Hessian (2/3)·[[14, 6], [6, 3]]: trace 34/3, det 8/3,
 * λ = 17/3 ± √(289/9 − 8/3) = 0.240393…, 11.092940…; 2/(λmin+λmax) = 3/17. */
static void
test_lesson_moments (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  double lo, hi, lr, kappa;

  g_assert_true (slope_dataset_hessian_eigen (data, &lo, &hi));
  g_assert_cmpfloat_with_epsilon (lo, 17.0 / 3.0 - sqrt (289.0 / 9.0 - 8.0 / 3.0), 1e-12);
  g_assert_cmpfloat_with_epsilon (hi, 17.0 / 3.0 + sqrt (289.0 / 9.0 - 8.0 / 3.0), 1e-12);
  g_assert_true (slope_dataset_suggested_lr (data, &lr));
  g_assert_cmpfloat_with_epsilon (lr, 3.0 / 17.0, 1e-16);
  g_assert_false (slope_dataset_badly_conditioned (data, &kappa));
  g_assert_cmpfloat_with_epsilon (kappa, 46.145, 1e-3);
}

/* Sizes 500–3000: κ around 10⁷ (hand: var(x) = 0.56·10⁶, mean 1800), a
 * valley; standardised, κ = 1 exactly as Σx' = 0 and Σx'²/N = (N−1)/N. */
static void
test_houses_condition (void)
{
  static const double x[] = { 500, 1200, 1800, 2500, 3000 };
  static const double y[] = { 120000, 230000, 330000, 420000, 560000 };
  g_autoptr(SlopeDataset) data = slope_dataset_new (x, y, 5, NULL);
  g_autoptr(SlopeDataset) scaled = NULL;
  SlopeScaling s;
  double kappa, lr, lo, hi;

  g_assert_true (slope_dataset_badly_conditioned (data, &kappa));
  g_assert_cmpfloat (kappa, >, 1e6);
  g_assert_true (slope_scaling_compute (data, SLOPE_SCALE_STANDARDIZE, &s, NULL));
  scaled = slope_scaling_apply (&s, data);
  g_assert_false (slope_dataset_badly_conditioned (scaled, &kappa));
  g_assert_true (slope_dataset_hessian_eigen (scaled, &lo, &hi));
  /* eigenvalues 2·(4/5) and 2 */
  g_assert_cmpfloat_with_epsilon (lo, 1.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (hi, 2.0, 1e-12);
  g_assert_true (slope_dataset_suggested_lr (scaled, &lr));
  g_assert_cmpfloat_with_epsilon (lr, 2.0 / 3.6, 1e-12);
}

/* Sizes and prices, and files with x ≈ 10⁶ and x ≈ 10⁻⁶: standardised
 * and trained at the suggested rate for 1000 epochs, the line mapped back
 * into the data's units is the least-squares line numpy.linalg.lstsq finds
 * on the raw data (the "#! least-squares" lines of the references made by
 * make-reference.py), to 1e-12 relative. */
static void
test_reaches_least_squares (void)
{
  static const struct
  {
    const char *file;
    double      w, b;
  } cases[] = {
    { "houses.csv", 141.0696383665879, 63732.521107491266 },
    { "mega.csv", 0.0028332569694769524, -2781.3027277167471 },
    { "micro.csv", -388774651.14841038, 474.22144463051234 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", cases[i].file, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(SlopeDataset) data = slope_csv_load (file, NULL, NULL, NULL, NULL, NULL, &error);
      g_autoptr(SlopeDataset) scaled = NULL;
      g_autoptr(SlopeTrainer) trainer = NULL;
      SlopeTrainerState st;
      SlopeScaling s;
      double lr, w, b;

      g_assert_no_error (error);
      g_assert_true (slope_scaling_compute (data, SLOPE_SCALE_STANDARDIZE, &s, &error));
      scaled = slope_scaling_apply (&s, data);
      g_assert_true (slope_dataset_suggested_lr (scaled, &lr));
      trainer = slope_trainer_new (scaled);
      slope_trainer_set_lr (trainer, lr);
      slope_trainer_reset (trainer);
      for (guint e = 0; e < 1000; e++)
        slope_trainer_epoch (trainer, NULL);
      slope_trainer_get_state (trainer, &st);
      slope_scaling_line_to_data (&s, st.w, st.b, &w, &b);
      g_test_message ("%s: lr %.17g, ŷ = %.17g x + %.17g; rel %.3g, %.3g", cases[i].file, lr, w, b,
                      fabs (w - cases[i].w) / fabs (cases[i].w), fabs (b - cases[i].b) / fabs (cases[i].b));
      g_assert_cmpfloat_with_epsilon (w, cases[i].w, 1e-12 * fabs (cases[i].w));
      g_assert_cmpfloat_with_epsilon (b, cases[i].b, 1e-12 * fabs (cases[i].b));
    }
}

static void
test_mode_strings (void)
{
  SlopeScaleMode mode = SLOPE_SCALE_NONE;

  g_assert_true (slope_scale_mode_from_string ("standardize", &mode));
  g_assert_cmpint (mode, ==, SLOPE_SCALE_STANDARDIZE);
  g_assert_true (slope_scale_mode_from_string ("centre", &mode));
  g_assert_cmpint (mode, ==, SLOPE_SCALE_CENTER);
  g_assert_true (slope_scale_mode_from_string ("none", &mode));
  g_assert_cmpint (mode, ==, SLOPE_SCALE_NONE);
  g_assert_false (slope_scale_mode_from_string ("zscore", &mode));
  g_assert_false (slope_scale_mode_from_string (NULL, &mode));
  g_assert_cmpstr (slope_scale_mode_to_string (SLOPE_SCALE_CENTER), ==, "center");
}

static void
test_equation (void)
{
  g_autofree char *a = slope_format_line_equation (153.6, 46331.0);
  g_autofree char *b = slope_format_line_equation (2.0, -0.5);
  g_autofree char *c = slope_format_line_equation (1234567.0, 1e-7);

  g_assert_cmpstr (a, ==, "ŷ = 153.6x + 46331");
  g_assert_cmpstr (b, ==, "ŷ = 2x - 0.5");
  g_assert_cmpstr (c, ==, "ŷ = 1.23457e+06x + 1e-07");
}

/* Names follow edits and scaling; unnamed columns read as x and y. */
static void
test_names (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autoptr(SlopeDataset) edited = NULL;
  g_autoptr(SlopeDataset) scaled = NULL;
  SlopeScaling s;

  g_assert_cmpstr (slope_dataset_get_x_name (data), ==, "x");
  g_assert_false (slope_dataset_has_names (data));
  slope_dataset_set_names (data, "size", "price");
  g_assert_true (slope_dataset_has_names (data));
  edited = slope_dataset_with_point (data, -1, 4, 8);
  g_assert_cmpstr (slope_dataset_get_x_name (edited), ==, "size");
  g_assert_cmpstr (slope_dataset_get_y_name (edited), ==, "price");
  slope_scaling_compute (edited, SLOPE_SCALE_STANDARDIZE, &s, NULL);
  scaled = slope_scaling_apply (&s, edited);
  g_assert_cmpstr (slope_dataset_get_y_name (scaled), ==, "price");
  slope_dataset_set_names (data, NULL, "");
  g_assert_cmpstr (slope_dataset_get_y_name (data), ==, "y");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scaling/lesson-standardised", test_lesson_standardised);
  g_test_add_func ("/scaling/sample-std", test_sample_std);
  g_test_add_func ("/scaling/none-is-identity", test_none_is_identity);
  g_test_add_func ("/scaling/cannot-standardise", test_cannot_standardise);
  g_test_add_func ("/scaling/lesson-moments", test_lesson_moments);
  g_test_add_func ("/scaling/houses-condition", test_houses_condition);
  g_test_add_func ("/scaling/reaches-least-squares", test_reaches_least_squares);
  g_test_add_func ("/scaling/mode-strings", test_mode_strings);
  g_test_add_func ("/scaling/equation", test_equation);
  g_test_add_func ("/scaling/names", test_names);

  return g_test_run ();
}
