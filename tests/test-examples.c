/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-examples.c: the datasets that ship with Slope, and what each one
 * is meant to teach. */
#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "slope-dataset.h"
#include "slope-examples.h"
#include "slope-lesson.h"
#include "slope-trainer.h"

static const struct
{
  const char *id;
  gsize       n_points;
} expected[] = {
  { "notebook", 3 },
  { "noisy-line", 50 },
  { "outliers", 40 },
  { "anscombe-1", 11 },
  { "anscombe-2", 11 },
  { "anscombe-3", 11 },
  { "anscombe-4", 11 },
  { "large-x", 20 },
  { "notebook-runs", 3 },
};

static void
test_table (void)
{
  const SlopeExample *examples;
  guint n = 0;

  examples = slope_examples_get (&n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (examples[i].id, ==, expected[i].id);
      g_assert_true (slope_examples_lookup (examples[i].id) == &examples[i]);
      g_assert_true (g_str_has_prefix (examples[i].resource_path,
                                       "/io/github/slopelab/Slope/examples/"));
      g_assert_cmpuint (strlen (examples[i].title), >, 0);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (examples[i].title, !=, examples[j].title);
    }
  g_assert_null (slope_examples_lookup ("no-such-example"));
}

static void
test_each_loads (void)
{
  const SlopeExample *examples;
  guint n = 0;

  examples = slope_examples_get (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SlopeDataset) dataset = slope_examples_load (examples[i].id, &error);
      const double *x, *y;

      g_assert_no_error (error);
      g_assert_nonnull (dataset);
      g_assert_cmpuint (slope_dataset_get_n (dataset), ==, expected[i].n_points);
      /* No translation is loaded here, so the title is the English one. */
      g_assert_cmpstr (slope_dataset_get_title (dataset), ==, examples[i].title);

      x = slope_dataset_get_x (dataset);
      y = slope_dataset_get_y (dataset);
      for (gsize k = 0; k < expected[i].n_points; k++)
        g_assert_true (isfinite (x[k]) && isfinite (y[k]));
    }
}

/* The notebook's printed log, as the lesson shows it (typed in from the
 * notebook), and the two executions of its cell that printed it. */
static void
test_printed_log (void)
{
  static const char * const printed[] = {
    "Epoch  100/1000 W: 1.842, b: 0.358 Cost: 0.018483",
    "Epoch  200/1000 W: 1.876, b: 0.281 Cost: 0.011421",
    "Epoch  300/1000 W: 1.903, b: 0.221 Cost: 0.007058",
    "Epoch  400/1000 W: 1.923, b: 0.174 Cost: 0.004361",
    "Epoch  500/1000 W: 1.940, b: 0.137 Cost: 0.002695",
    "Epoch  600/1000 W: 1.953, b: 0.107 Cost: 0.001665",
    "Epoch  700/1000 W: 1.963, b: 0.084 Cost: 0.001029",
    "Epoch  800/1000 W: 1.971, b: 0.066 Cost: 0.000636",
    "Epoch  900/1000 W: 1.977, b: 0.052 Cost: 0.000393",
    "Epoch 1000/1000 W: 1.982, b: 0.041 Cost: 0.000243",
    NULL,
  };
  const SlopeExample *example = slope_examples_lookup ("notebook-runs");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) none = NULL;

  g_assert_nonnull (example);
  g_assert_cmpuint (example->n_runs, ==, 2);
  g_assert_cmpuint (example->runs[0], ==, 200);
  g_assert_cmpuint (example->runs[1], ==, 1000);
  lines = slope_examples_load_printed ("notebook-runs", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (lines, printed);

  /* The other examples have no printed log, and no runs of their own. */
  none = slope_examples_load_printed ("notebook", &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_cmpuint (slope_examples_lookup ("notebook")->n_runs, ==, 0);
  g_assert_null (slope_examples_load_printed ("no-such-example", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_notebook_is_the_lesson (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlopeDataset) example = slope_examples_load ("notebook", &error);
  g_autoptr(SlopeDataset) notebook = slope_dataset_new_notebook ();

  g_assert_no_error (error);
  g_assert_cmpmem (slope_dataset_get_x (example), 3 * sizeof (double),
                   slope_dataset_get_x (notebook), 3 * sizeof (double));
  g_assert_cmpmem (slope_dataset_get_y (example), 3 * sizeof (double),
                   slope_dataset_get_y (notebook), 3 * sizeof (double));
}

/* Four shapes, one set of summary statistics: mean x 9, mean y 7.50,
 * y = 3.00 + 0.500x, R² 0.67 (Anscombe 1973). */
static void
test_anscombe_shares_a_line (void)
{
  const char *ids[] = { "anscombe-1", "anscombe-2", "anscombe-3", "anscombe-4" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SlopeDataset) dataset = slope_examples_load (ids[i], &error);
      const SlopeMoments *m;
      double w, b, r2;

      g_assert_no_error (error);
      m = slope_dataset_get_moments (dataset);
      g_assert_cmpfloat_with_epsilon (m->sum_x / m->n, 9.0, 1e-12);
      g_assert_cmpfloat_with_epsilon (m->sum_y / m->n, 7.50, 0.005);
      g_assert_true (slope_dataset_least_squares (dataset, &w, &b, &r2));
      g_assert_cmpfloat_with_epsilon (w, 0.500, 0.0005);
      g_assert_cmpfloat_with_epsilon (b, 3.00, 0.005);
      g_assert_cmpfloat_with_epsilon (r2, 0.67, 0.005);
    }
}

/* Runs @n_epochs at the notebook's lr; returns the first epoch whose state
 * diverged, or 0. */
static guint
train (SlopeDataset *dataset,
       guint         n_epochs,
       double       *first_cost,
       double       *last_cost)
{
  g_autoptr(SlopeTrainer) trainer = slope_trainer_new (dataset);

  slope_trainer_set_lr (trainer, SLOPE_DEFAULT_LR);
  slope_trainer_reset (trainer);
  for (guint i = 1; i <= n_epochs; i++)
    {
      SlopeTrainerState state;
      SlopeEpochRecord rec;

      slope_trainer_epoch (trainer, &rec);
      if (i == 1)
        *first_cost = rec.cost;
      *last_cost = rec.cost;
      slope_trainer_get_state (trainer, &state);
      if (slope_state_diverged (&state))
        return i;
    }

  return 0;
}

/* The lesson of large-x: at lr 0.01 the steps overshoot from the first
 * one, while the same lr fits the noisy line, whose x is around 5. */
static void
test_large_x_diverges (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlopeDataset) large = slope_examples_load ("large-x", &error);
  g_autoptr(SlopeDataset) noisy = NULL;
  double first, last;
  guint diverged_at;

  g_assert_no_error (error);
  diverged_at = train (large, 1000, &first, &last);
  g_test_message ("large-x diverged at epoch %u", diverged_at);
  g_assert_cmpuint (diverged_at, >, 0);
  g_assert_cmpuint (diverged_at, <=, 50);

  /* Already the second cost is vastly larger than the first. */
  train (large, 2, &first, &last);
  g_assert_cmpfloat (last, >, 1e6 * first);

  noisy = slope_examples_load ("noisy-line", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (train (noisy, 1000, &first, &last), ==, 0);
  g_assert_cmpfloat (last, <, first / 10);
}

/* Each example is a lesson: its own points by name, the notebook's run,
 * unscaled, a title (in English and Korean) and a note. */
static void
test_each_is_a_lesson (void)
{
  const SlopeExample *examples;
  guint n = 0;

  examples = slope_examples_get (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = slope_examples_lesson_file (examples[i].id, &error);
      g_autoptr(SlopeLesson) lesson = NULL;
      g_autoptr(SlopeDataset) points = slope_examples_load (examples[i].id, NULL);
      g_autofree char *text = NULL;
      SlopeDataset *data;
      SlopeRunSettings run;
      gsize n_points;

      g_assert_no_error (error);
      lesson = slope_lesson_load (file, &error);
      g_assert_no_error (error);
      g_assert_cmpint (slope_lesson_get_data_kind (lesson), ==, SLOPE_LESSON_DATA_EXAMPLE);
      g_assert_cmpstr (slope_lesson_get_data_source (lesson), ==, examples[i].id);
      data = slope_lesson_get_dataset (lesson);
      n_points = slope_dataset_get_n (data);
      g_assert_cmpuint (n_points, ==, expected[i].n_points);
      g_assert_cmpmem (slope_dataset_get_x (data), n_points * sizeof (double),
                       slope_dataset_get_x (points), n_points * sizeof (double));
      g_assert_cmpstr (slope_lesson_get_title (lesson), ==, examples[i].title);
      g_assert_cmpuint (strlen (slope_lesson_get_note (lesson)), >, 40);
      g_assert_cmpint (slope_lesson_get_scale_mode (lesson), ==, SLOPE_SCALE_NONE);
      slope_lesson_get_run (lesson, &run);
      g_assert_cmpfloat (run.lr, ==, 0.01);
      g_assert_true (run.zero_grad);
      if (examples[i].n_runs == 0)
        {
          g_assert_cmpuint (run.n_runs, ==, 1);
          g_assert_cmpuint (run.runs[0], ==, 1000);
        }
      else
        {
          /* notebook-runs: the cell's two executions, 200 then 1000. */
          g_assert_cmpuint (run.n_runs, ==, 2);
          g_assert_cmpuint (run.runs[0], ==, 200);
          g_assert_cmpuint (run.runs[1], ==, 1000);
        }
      g_assert_cmpint (run.optimizer.kind, ==, SLOPE_OPTIMIZER_SGD);

      g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
      g_assert_nonnull (strstr (text, "\nTitle[ko]="));
      g_assert_nonnull (strstr (text, "\nNote[ko]="));
    }
  g_assert_null (slope_examples_lesson_file ("no-such-example", NULL));
}

static void
test_unknown_id (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlopeDataset) dataset = slope_examples_load ("no-such-example", &error);

  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-example"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/examples/table", test_table);
  g_test_add_func ("/examples/each-loads", test_each_loads);
  g_test_add_func ("/examples/notebook-is-the-lesson", test_notebook_is_the_lesson);
  g_test_add_func ("/examples/printed-log", test_printed_log);
  g_test_add_func ("/examples/anscombe-shares-a-line", test_anscombe_shares_a_line);
  g_test_add_func ("/examples/large-x-diverges", test_large_x_diverges);
  g_test_add_func ("/examples/each-is-a-lesson", test_each_is_a_lesson);
  g_test_add_func ("/examples/unknown-id", test_unknown_id);

  return g_test_run ();
}
