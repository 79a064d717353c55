/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-lesson-views.c: the code panel and the math panel as widgets.
 * Runs under Xvfb (suite ui).
 *
 * The code panel is checked through its buffer: which line carries the
 * highlight, and that the shown code is the notebook's, character for
 * character.  The math panel is checked through the label a student reads.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "slope-test-ui.h"
#include "slope-code-view.h"
#include "slope-dataset.h"
#include "slope-fit.h"
#include "slope-math-view.h"
#include "slope-trainer.h"

#define MINUS "\u2212"

static const char notebook_loop[] =
  "for epoch in range(1, nb_epochs+1):\n"
  "  # 예측\n"
  "  hypothesis = x_train * W + b\n"
  "\n"
  "  # 손실 계산\n"
  "  cost = torch.mean((hypothesis - y_train) ** 2)\n"
  "\n"
  "  # 가중치 갱신\n"
  "  optimizer.zero_grad() # 그레디언트 초기화\n"
  "  cost.backward() # 역전파 연산 수행\n"
  "  optimizer.step()";

static GtkWidget *
show_in_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static char *
lit_text (SlopeCodeView *view)
{
  g_autofree char *text = slope_code_view_get_text (view);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  int lit = slope_code_view_get_lit_line (view);

  g_assert_cmpint (lit, >=, 0);
  g_assert_cmpint (lit, <, (int) g_strv_length (lines));
  return g_strdup (lines[lit]);
}

static int
natural_width (GtkWidget *widget)
{
  int natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static void
test_code_lit_line (void)
{
  static const struct
  {
    SlopeLine   line;
    int         index;
    const char *code;
  } cases[] = {
    { SLOPE_LINE_PREDICT, 2, "  hypothesis = x_train * W + b" },
    { SLOPE_LINE_COST, 5, "  cost = torch.mean((hypothesis - y_train) ** 2)" },
    { SLOPE_LINE_ZERO_GRAD, 8, "  optimizer.zero_grad() # 그레디언트 초기화" },
    { SLOPE_LINE_BACKWARD, 9, "  cost.backward() # 역전파 연산 수행" },
    { SLOPE_LINE_STEP, 10, "  optimizer.step()" },
    { SLOPE_LINE_NONE, 0, "for epoch in range(1, nb_epochs+1):" },
  };
  GtkWidget *view = slope_code_view_new ();
  GtkWidget *window = show_in_window (view);
  g_autofree char *text = slope_code_view_get_text (SLOPE_CODE_VIEW (view));

  g_assert_cmpstr (text, ==, notebook_loop);
  g_assert_cmpstr (gtk_widget_get_css_name (view), ==, "slope-code-view");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *lit = NULL;

      slope_code_view_set_line (SLOPE_CODE_VIEW (view), cases[i].line, TRUE);
      g_assert_cmpint (slope_code_view_get_lit_line (SLOPE_CODE_VIEW (view)), ==, cases[i].index);
      lit = lit_text (SLOPE_CODE_VIEW (view));
      g_assert_cmpstr (lit, ==, cases[i].code);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Without zero_grad the line is commented out, as a student would. */
static void
test_code_zero_grad_off (void)
{
  GtkWidget *view = slope_code_view_new ();
  GtkWidget *window = show_in_window (view);
  g_autofree char *off = NULL;
  g_autofree char *on = NULL;
  g_autofree char *lit = NULL;

  slope_code_view_set_line (SLOPE_CODE_VIEW (view), SLOPE_LINE_ZERO_GRAD, FALSE);
  off = slope_code_view_get_text (SLOPE_CODE_VIEW (view));
  g_assert_nonnull (strstr (off, "  # optimizer.zero_grad() # 그레디언트 초기화\n"));
  g_assert_cmpint (slope_code_view_get_lit_line (SLOPE_CODE_VIEW (view)), ==, 8);
  lit = lit_text (SLOPE_CODE_VIEW (view));
  g_assert_cmpstr (lit, ==, "  # optimizer.zero_grad() # 그레디언트 초기화");

  /* The other lines keep their places, so the highlight still maps. */
  slope_code_view_set_line (SLOPE_CODE_VIEW (view), SLOPE_LINE_BACKWARD, FALSE);
  g_assert_cmpint (slope_code_view_get_lit_line (SLOPE_CODE_VIEW (view)), ==, 9);

  slope_code_view_set_line (SLOPE_CODE_VIEW (view), SLOPE_LINE_BACKWARD, TRUE);
  on = slope_code_view_get_text (SLOPE_CODE_VIEW (view));
  g_assert_cmpstr (on, ==, notebook_loop);
  g_assert_null (strstr (on, "# optimizer.zero_grad()"));
  g_assert_cmpint (slope_code_view_get_lit_line (SLOPE_CODE_VIEW (view)), ==, 9);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_code_font_scale (void)
{
  GtkWidget *view = slope_code_view_new ();
  GtkWidget *window = show_in_window (view);
  int normal, large;

  normal = natural_width (view);
  slope_code_view_set_font_scale (SLOPE_CODE_VIEW (view), 2.0);
  large = natural_width (view);
  g_assert_cmpint (normal, >, 0);
  g_assert_cmpint (large, >, normal * 3 / 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

static const char *
shown_text (GtkWidget *math)
{
  GtkWidget *label = gtk_widget_get_first_child (math);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The label follows the trainer line by line; an unchanged state leaves
 * the label alone. */
static void
test_math_updates (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autoptr(SlopeTrainer) trainer = slope_trainer_new (data);
  GtkWidget *math = slope_math_view_new ();
  GtkWidget *window = show_in_window (math);
  SlopeTrainerState state;
  SlopeEpochRecord rec;
  const char *before;

  g_assert_cmpstr (gtk_widget_get_css_name (math), ==, "slope-math-view");
  g_assert_null (slope_math_view_get_text (SLOPE_MATH_VIEW (math)));

  slope_trainer_reset (trainer);
  slope_trainer_get_state (trainer, &state);
  slope_math_view_update (SLOPE_MATH_VIEW (math), &state, state.w, state.b, data, NULL);
  g_assert_nonnull (strstr (shown_text (math), "not started"));
  g_assert_cmpstr (shown_text (math), ==, slope_math_view_get_text (SLOPE_MATH_VIEW (math)));

  slope_trainer_step_line (trainer, NULL);
  slope_trainer_step_line (trainer, NULL);
  slope_trainer_get_state (trainer, &state);
  slope_math_view_update (SLOPE_MATH_VIEW (math), &state, state.w, state.b, data, NULL);
  g_assert_nonnull (strstr (shown_text (math), "= 18.6667"));
  g_assert_null (strstr (shown_text (math), MINUS "18.6667"));

  before = slope_math_view_get_text (SLOPE_MATH_VIEW (math));
  slope_math_view_update (SLOPE_MATH_VIEW (math), &state, state.w, state.b, data, NULL);
  g_assert_true (slope_math_view_get_text (SLOPE_MATH_VIEW (math)) == before);

  while (!slope_trainer_step_line (trainer, &rec))
    ;
  slope_trainer_get_state (trainer, &state);
  slope_math_view_update (SLOPE_MATH_VIEW (math), &state, rec.w_before, rec.b_before, data, NULL);
  g_assert_nonnull (strstr (shown_text (math), "= 0.186667"));
  g_assert_nonnull (strstr (shown_text (math), "= 0.08"));
  g_assert_nonnull (strstr (shown_text (math), "= " MINUS "8"));
  g_assert_cmpstr (shown_text (math), ==, slope_math_view_get_text (SLOPE_MATH_VIEW (math)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_math_font_scale (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autoptr(SlopeTrainer) trainer = slope_trainer_new (data);
  GtkWidget *math = slope_math_view_new ();
  GtkWidget *window = show_in_window (math);
  SlopeTrainerState state;
  int normal, large;

  slope_trainer_reset (trainer);
  slope_trainer_get_state (trainer, &state);
  slope_math_view_update (SLOPE_MATH_VIEW (math), &state, state.w, state.b, data, NULL);
  normal = natural_width (math);
  slope_math_view_set_font_scale (SLOPE_MATH_VIEW (math), 2.0);
  g_assert_cmpfloat (slope_math_view_get_font_scale (SLOPE_MATH_VIEW (math)), ==, 2.0);
  large = natural_width (math);
  g_assert_cmpint (normal, >, 0);
  g_assert_cmpint (large, >, normal * 3 / 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A table wider than its pane is drawn scaled to the pane's width, never
 * up, and never below its smallest scale. */
static void
test_fit_scale (void)
{
  g_assert_cmpfloat (slope_fit_scale (1000, 800, 0.6), ==, 1.0);
  g_assert_cmpfloat (slope_fit_scale (800, 800, 0.6), ==, 1.0);
  g_assert_cmpfloat (slope_fit_scale (800, 1000, 0.6), ==, 0.8);
  g_assert_cmpfloat (slope_fit_scale (500, 1000, 0.6), ==, 0.6);
  g_assert_cmpfloat (slope_fit_scale (100, 0, 0.6), ==, 1.0);
}

/* The stacked table, for a narrow pane: the math view's second label. */
static const char *
stacked_text (GtkWidget *math)
{
  GtkWidget *label = gtk_widget_get_next_sibling (gtk_widget_get_first_child (math));

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* With more points than the panel writes out, the row "… and 35 more
 * points" has three cells, not five: stacked, it is that note under the
 * formula and nothing after it, never a "(null)" (session 1's F9 bug). */
static void
test_math_stacked_more_points (void)
{
  double x[40], y[40];
  g_autoptr(SlopeDataset) data = NULL;
  g_autoptr(SlopeTrainer) trainer = NULL;
  GtkWidget *math = slope_math_view_new ();
  GtkWidget *window = show_in_window (math);
  SlopeTrainerState state;
  SlopeEpochRecord rec;
  g_auto(GStrv) lines = NULL;
  gboolean found = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (x); i++)
    {
      x[i] = i + 1;
      y[i] = 2.0 * (i + 1);
    }
  data = slope_dataset_new (x, y, G_N_ELEMENTS (x), NULL);
  trainer = slope_trainer_new (data);
  slope_trainer_reset (trainer);
  while (!slope_trainer_step_line (trainer, &rec))
    ;
  slope_trainer_get_state (trainer, &state);
  slope_math_view_update (SLOPE_MATH_VIEW (math), &state, rec.w_before, rec.b_before, data, NULL);

  g_test_message ("%s", stacked_text (math));
  g_assert_null (strstr (stacked_text (math), "(null)"));
  g_assert_null (strstr (slope_math_view_get_text (SLOPE_MATH_VIEW (math)), "(null)"));
  lines = g_strsplit (stacked_text (math), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "more points") != NULL)
      {
        /* "…" and an empty formula cell, then the note alone. */
        g_assert_cmpstr (lines[i], ==, "\tand 35 more points");
        g_assert_true (i > 0);
        g_assert_cmpstr (lines[i - 1], ==, "…\t");
        found = TRUE;
      }
  g_assert_true (found);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A long optimizer line is broken between its arguments, as a person
 * would write it, into lines no wider than 52 characters, with a
 * continuation indent of four spaces; inner brackets stay whole, a short
 * line stays one line, and the lit line still maps to the loop. */
static void
test_code_optimizer_broken (void)
{
  static const char adam[] = "optimizer = optim.Adam([W, b], lr=0.01, betas=(0.85, 0.9995), "
                             "eps=1e-10, weight_decay=0.0125, amsgrad=True)";
  static const char sgd[] = "optimizer = optim.SGD([W, b], lr=0.01, momentum=0.9)";
  GtkWidget *view = slope_code_view_new ();
  GtkWidget *window = show_in_window (view);
  g_autofree char *text = NULL;
  g_autofree char *lit = NULL;
  g_auto(GStrv) lines = NULL;

  slope_code_view_set_optimizer (SLOPE_CODE_VIEW (view), adam);
  text = slope_code_view_get_text (SLOPE_CODE_VIEW (view));
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "optimizer = optim.Adam([W, b], lr=0.01,");
  g_assert_cmpstr (lines[1], ==, "    betas=(0.85, 0.9995), eps=1e-10,");
  g_assert_cmpstr (lines[2], ==, "    weight_decay=0.0125, amsgrad=True)");
  g_assert_cmpstr (lines[3], ==, "");
  g_assert_cmpstr (lines[4], ==, "for epoch in range(1, nb_epochs+1):");
  slope_code_view_set_line (SLOPE_CODE_VIEW (view), SLOPE_LINE_PREDICT, TRUE);
  g_assert_cmpint (slope_code_view_get_lit_line (SLOPE_CODE_VIEW (view)), ==, 6);
  lit = lit_text (SLOPE_CODE_VIEW (view));
  g_assert_cmpstr (lit, ==, "  hypothesis = x_train * W + b");

  g_clear_pointer (&text, g_free);
  g_clear_pointer (&lines, g_strfreev);
  slope_code_view_set_optimizer (SLOPE_CODE_VIEW (view), sgd);
  text = slope_code_view_get_text (SLOPE_CODE_VIEW (view));
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpstr (lines[0], ==, sgd);
  g_assert_cmpstr (lines[1], ==, "");
  g_assert_cmpint (slope_code_view_get_lit_line (SLOPE_CODE_VIEW (view)), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  slope_test_init (&argc, &argv);
  slope_test_gtk_init_or_skip ();

  g_test_add_func ("/lesson-views/code/lit-line", test_code_lit_line);
  g_test_add_func ("/lesson-views/code/zero-grad-off", test_code_zero_grad_off);
  g_test_add_func ("/lesson-views/code/font-scale", test_code_font_scale);
  g_test_add_func ("/lesson-views/code/optimizer-broken", test_code_optimizer_broken);
  g_test_add_func ("/lesson-views/math/updates", test_math_updates);
  g_test_add_func ("/lesson-views/math/font-scale", test_math_font_scale);
  g_test_add_func ("/lesson-views/fit-scale", test_fit_scale);
  g_test_add_func ("/lesson-views/math/stacked-more-points", test_math_stacked_more_points);

  return g_test_run ();
}
