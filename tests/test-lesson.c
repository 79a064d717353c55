/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-lesson.c: .slope lesson files round-trip exactly, and a damaged
 * file or one from a newer Slope is refused with one clear error. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "slope-dataset.h"
#include "slope-lesson.h"

static char *tmpdir;

static GFile *
tmp_file (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);

  return g_file_new_for_path (path);
}

static void
write_text (const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static char *
read_text (GFile *file)
{
  char *text = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  return text;
}

/* Every setting away from its default, and numbers that need all their
 * digits. */
static void
odd_settings (SlopeRunSettings *rs)
{
  slope_run_settings_init (rs);
  rs->lr = 0.1 + 0.2;
  rs->zero_grad = FALSE;
  rs->w0 = -1.0 / 3.0;
  rs->b0 = 1e-300;
  slope_optimizer_settings_init (&rs->optimizer, SLOPE_OPTIMIZER_RMSPROP);
  rs->optimizer.momentum = 0.7;
  rs->optimizer.alpha = 0.95;
  rs->optimizer.eps = 3e-9;
  rs->optimizer.centered = TRUE;
  rs->optimizer.weight_decay = 0.001;
  rs->batch_size = 2;
  rs->shuffle = TRUE;
  rs->seed = G_MAXUINT64;
  rs->n_runs = 3;
  rs->runs[0] = 7;
  rs->runs[1] = 1;
  rs->runs[2] = 100000;
  rs->log_every = 3;
}

static void
assert_same_run (const SlopeRunSettings *a,
                 const SlopeRunSettings *b)
{
  g_assert_cmpfloat (a->lr, ==, b->lr);
  g_assert_cmpint (a->zero_grad, ==, b->zero_grad);
  g_assert_cmpfloat (a->w0, ==, b->w0);
  g_assert_cmpfloat (a->b0, ==, b->b0);
  g_assert_true (slope_optimizer_settings_equal (&a->optimizer, &b->optimizer));
  g_assert_cmpuint (a->batch_size, ==, b->batch_size);
  g_assert_cmpint (a->shuffle, ==, b->shuffle);
  g_assert_cmpuint (a->seed, ==, b->seed);
  g_assert_cmpuint (a->n_runs, ==, b->n_runs);
  for (guint i = 0; i < a->n_runs; i++)
    g_assert_cmpuint (a->runs[i], ==, b->runs[i]);
  g_assert_cmpuint (a->log_every, ==, b->log_every);
}

static void
test_round_trip_embedded (void)
{
  const double x[] = { 0.1, -2.5, 1e-300, 3.0, 123456789.125 };
  const double y[] = { 1.0 / 3.0, 2.0, -0.0, 1e300, 4.0 };
  const char *panels[] = { "code", "math", "landscape", NULL };
  g_autoptr(SlopeDataset) data = slope_dataset_new (x, y, 5, "점 다섯 개");
  g_autoptr(SlopeLesson) lesson = NULL;
  g_autoptr(SlopeLesson) back = NULL;
  g_autoptr(GFile) file = tmp_file ("round.slope");
  g_autoptr(GFile) again = tmp_file ("again.slope");
  g_autoptr(GError) error = NULL;
  g_autofree char *text1 = NULL, *text2 = NULL;
  SlopeRunSettings rs, rs_back;
  SlopeDataset *d;

  odd_settings (&rs);
  lesson = slope_lesson_new (data, &rs);
  slope_lesson_set_title (lesson, "모멘텀: 넘어서는 길");
  slope_lesson_set_note (lesson, "Line one;\nline two = \"quoted\" [not a group]\n\ttabbed");
  slope_lesson_set_panels (lesson, panels);
  slope_lesson_set_scale_mode (lesson, SLOPE_SCALE_CENTER);
  g_assert_true (slope_lesson_save (lesson, file, &error));
  g_assert_no_error (error);

  back = slope_lesson_load (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpstr (slope_lesson_get_title (back), ==, "모멘텀: 넘어서는 길");
  g_assert_cmpstr (slope_lesson_get_note (back), ==,
                   "Line one;\nline two = \"quoted\" [not a group]\n\ttabbed");
  g_assert_cmpstrv (slope_lesson_get_panels (back), panels);
  g_assert_cmpint (slope_lesson_get_scale_mode (back), ==, SLOPE_SCALE_CENTER);
  g_assert_cmpint (slope_lesson_get_data_kind (back), ==, SLOPE_LESSON_DATA_EMBEDDED);
  slope_lesson_get_run (back, &rs_back);
  assert_same_run (&rs, &rs_back);

  d = slope_lesson_get_dataset (back);
  g_assert_cmpuint (slope_dataset_get_n (d), ==, 5);
  g_assert_cmpstr (slope_dataset_get_title (d), ==, "점 다섯 개");
  g_assert_cmpmem (slope_dataset_get_x (d), sizeof x, x, sizeof x);
  g_assert_cmpmem (slope_dataset_get_y (d), sizeof y, y, sizeof y);

  /* Saving what was read writes the same file. */
  g_assert_true (slope_lesson_save (back, again, &error));
  text1 = read_text (file);
  text2 = read_text (again);
  g_assert_cmpstr (text1, ==, text2);
  g_assert_true (g_str_has_prefix (text1, "[Slope Lesson]\nVersion=1\n"));
  g_assert_nonnull (strstr (text1, "\nScale=center\n"));
  g_file_delete (file, NULL, NULL);
  g_file_delete (again, NULL, NULL);
}

/* Data named rather than embedded: a CSV beside the lesson, or an example. */
static void
test_round_trip_references (void)
{
  g_autoptr(SlopeDataset) csv_data = NULL;
  g_autoptr(SlopeLesson) lesson = NULL;
  g_autoptr(SlopeLesson) back = NULL;
  g_autoptr(GFile) file = tmp_file ("ref.slope");
  g_autoptr(GFile) csv = tmp_file ("points.csv");
  g_autoptr(GError) error = NULL;
  const double x[] = { 0, 1 }, y[] = { 0, 1 };

  write_text ("points.csv", "a,b,c\n1,10,2\n2,20,4\n3,30,6\n");
  csv_data = slope_dataset_new (x, y, 2, "placeholder");
  lesson = slope_lesson_new (csv_data, NULL);
  slope_lesson_set_data_file (lesson, "points.csv", "a", "c");
  g_assert_true (slope_lesson_save (lesson, file, &error));
  back = slope_lesson_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (slope_lesson_get_data_kind (back), ==, SLOPE_LESSON_DATA_FILE);
  g_assert_cmpstr (slope_lesson_get_data_source (back), ==, "points.csv");
  /* Columns a and c of the file, found beside the lesson. */
  g_assert_cmpuint (slope_dataset_get_n (slope_lesson_get_dataset (back)), ==, 3);
  g_assert_cmpfloat (slope_dataset_get_x (slope_lesson_get_dataset (back))[2], ==, 3.0);
  g_assert_cmpfloat (slope_dataset_get_y (slope_lesson_get_dataset (back))[2], ==, 6.0);
  g_clear_object (&back);

  slope_lesson_set_data_example (lesson, "anscombe-2");
  g_assert_true (slope_lesson_save (lesson, file, &error));
  back = slope_lesson_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (slope_lesson_get_data_kind (back), ==, SLOPE_LESSON_DATA_EXAMPLE);
  g_assert_cmpuint (slope_dataset_get_n (slope_lesson_get_dataset (back)), ==, 11);

  g_file_delete (file, NULL, NULL);
  g_file_delete (csv, NULL, NULL);
}

/* A minimal lesson: the notebook, with every default. */
static void
test_minimal (void)
{
  g_autoptr(GFile) file = tmp_file ("min.slope");
  g_autoptr(SlopeLesson) lesson = NULL;
  g_autoptr(GError) error = NULL;
  SlopeRunSettings rs;

  write_text ("min.slope", "[Slope Lesson]\nVersion=1\n[Data]\nX=1;2;3\nY=2;4;6\n");
  lesson = slope_lesson_load (file, &error);
  g_assert_no_error (error);
  slope_lesson_get_run (lesson, &rs);
  g_assert_cmpint (rs.optimizer.kind, ==, SLOPE_OPTIMIZER_SGD);
  g_assert_cmpfloat (rs.lr, ==, 0.01);
  g_assert_true (rs.zero_grad);
  g_assert_cmpuint (rs.n_runs, ==, 1);
  g_assert_cmpuint (rs.runs[0], ==, 1000);
  g_assert_cmpuint (rs.batch_size, ==, 0);
  g_assert_null (slope_lesson_get_title (lesson));
  g_assert_cmpuint (g_strv_length ((char **) slope_lesson_get_panels (lesson)), ==, 0);
  /* Format 1 before [Run] Scale: the data as it is. */
  g_assert_cmpint (slope_lesson_get_scale_mode (lesson), ==, SLOPE_SCALE_NONE);
  g_file_delete (file, NULL, NULL);
}

/* Each way of writing the three scalings, as slope-train's --scale takes them. */
static void
test_scale_values (void)
{
  static const struct { const char *text; SlopeScaleMode mode; } cases[] = {
    { "none", SLOPE_SCALE_NONE },
    { "center", SLOPE_SCALE_CENTER },
    { "centre", SLOPE_SCALE_CENTER },
    { "standardize", SLOPE_SCALE_STANDARDIZE },
    { " Standardise ", SLOPE_SCALE_STANDARDIZE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = tmp_file ("scale.slope");
      g_autoptr(SlopeLesson) lesson = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf ("[Slope Lesson]\nVersion=1\n[Data]\nX=1;2;3\n"
                                               "Y=2;4;7\n[Run]\nScale=%s\n", cases[i].text);

      write_text ("scale.slope", text);
      lesson = slope_lesson_load (file, &error);
      g_assert_no_error (error);
      g_assert_cmpint (slope_lesson_get_scale_mode (lesson), ==, cases[i].mode);
      g_file_delete (file, NULL, NULL);
    }
}

static const struct
{
  const char *text;
  int         code;
  const char *words;
} damaged[] = {
  { "", SLOPE_LESSON_ERROR_INVALID, "not a Slope lesson" },
  { "x,y\n1,2\n3,4\n", SLOPE_LESSON_ERROR_INVALID, "not a Slope lesson" },
  { "[Slope Lesson]\nTitle=No version\n[Data]\nX=1;2\nY=1;2\n", SLOPE_LESSON_ERROR_INVALID, "Version" },
  { "[Slope Lesson]\nVersion=3\n[Data]\nX=1;2\nY=1;2\n", SLOPE_LESSON_ERROR_NEWER_VERSION,
    "newer Slope (lesson format 3; this Slope reads up to format 2)" },
  { "[Slope Lesson]\nVersion=2\n[Data]\nX=1;2\nY=1;2\n[Compared Run 6]\nLearningRate=0.1\n",
    SLOPE_LESSON_ERROR_INVALID, "[Compared Run 6]: compared runs are numbered from 1 to 5" },
  { "[Slope Lesson]\nVersion=2\n[Data]\nX=1;2\nY=1;2\n[Compared Run 2]\nLearningRate=0.1\n",
    SLOPE_LESSON_ERROR_INVALID, "[Compared Run 1] is missing" },
  { "[Slope Lesson]\nVersion=2\n[Data]\nX=1;2\nY=1;2\n[Compared Run 1]\nLearningRate=0\n",
    SLOPE_LESSON_ERROR_INVALID, "[Compared Run 1] LearningRate: must be a positive number" },
  { "[Slope Lesson]\nVersion=2\n[Data]\nX=1;2\nY=1;2\n[Compared Run 1]\nHidden=perhaps\n",
    SLOPE_LESSON_ERROR_INVALID, "[Compared Run 1] Hidden: must be true or false" },
  { "[Slope Lesson]\nVersion=2\n[Data]\nX=1;2\nY=1;2\n[Compared Run 1]\nOptimizer=SGD\nNesterov=true\n",
    SLOPE_LESSON_ERROR_INVALID, "Nesterov momentum requires a momentum and zero dampening" },
  { "[Slope Lesson]\nVersion=99\n[Future]\nAnything=goes\n", SLOPE_LESSON_ERROR_NEWER_VERSION, "format 99" },
  { "[Slope Lesson]\nVersion=1\n[Data]\nX=1;2;3\n", SLOPE_LESSON_ERROR_INVALID, "[Data] Y: is missing" },
  { "[Slope Lesson]\nVersion=1\n[Data]\nX=1;2;3\nY=1;2\n", SLOPE_LESSON_ERROR_INVALID, "[Data] Y: has 2 values but X has 3" },
  { "[Slope Lesson]\nVersion=1\n[Data]\nX=1;two;3\nY=1;2;3\n", SLOPE_LESSON_ERROR_INVALID, "value 2, “two”" },
  { "[Slope Lesson]\nVersion=1\n[Data]\nX=1;inf\nY=1;2\n", SLOPE_LESSON_ERROR_INVALID, "[Data] X" },
  { "[Slope Lesson]\nVersion=1\n[Data]\nX=5;5\nY=1;2\n", SLOPE_LESSON_ERROR_INVALID, "two different x values" },
  { "[Slope Lesson]\nVersion=1\n[Data]\nX=1;2\nY=1;2\n[Run]\nLearningRate=-1\n",
    SLOPE_LESSON_ERROR_INVALID, "[Run] LearningRate: must be a positive number" },
  { "[Slope Lesson]\nVersion=1\n[Data]\nX=1;2\nY=1;2\n[Run]\nOptimizer=LBFGS\n",
    SLOPE_LESSON_ERROR_INVALID, "“LBFGS” is not SGD" },
  { "[Slope Lesson]\nVersion=1\n[Data]\nX=1;2\nY=1;2\n[Run]\nOptimizer=Adam\nBeta1=1\n",
    SLOPE_LESSON_ERROR_INVALID, "Invalid beta parameter at index 0: 1.0" },
  { "[Slope Lesson]\nVersion=1\n[Data]\nX=1;2\nY=1;2\n[Run]\nEpochs=10;0\n",
    SLOPE_LESSON_ERROR_INVALID, "[Run] Epochs" },
  { "[Slope Lesson]\nVersion=1\n[Data]\nX=1;2\nY=1;2\n[Run]\nZeroGrad=maybe\n",
    SLOPE_LESSON_ERROR_INVALID, "[Run] ZeroGrad: must be true or false" },
  { "[Slope Lesson]\nVersion=1\n[Data]\nX=1;2\nY=1;2\n[Run]\nBatchSize=-4\n",
    SLOPE_LESSON_ERROR_INVALID, "[Run] BatchSize" },
  { "[Slope Lesson]\nVersion=1\n[Data]\nX=1;2\nY=1;2\n[Run]\nScale=sideways\n",
    SLOPE_LESSON_ERROR_INVALID, "[Run] Scale: “sideways” is not none, center or standardize" },
  { "[Slope Lesson]\nVersion=1\n[Data]\nX=1;2;3\nY=5;5;5\n[Run]\nScale=standardize\n",
    SLOPE_LESSON_ERROR_INVALID, "[Run] Scale: Cannot standardise: every y is the same" },
  { "[Slope Lesson]\nVersion=1\n[Data]\nFile=missing.csv\n", SLOPE_LESSON_ERROR_DATA, "missing.csv" },
  { "[Slope Lesson]\nVersion=1\n[Data]\nExample=nope\n", SLOPE_LESSON_ERROR_DATA, "data cannot be loaded" },
  { "[Slope Lesson]\nVersion=1\nthis line is not a key\n", SLOPE_LESSON_ERROR_INVALID, "not a Slope lesson" },
  { "[Slope Lesson]\nVersion=1\n[Data]\nX=1;2\nY=1;2\n\xff\xfe", SLOPE_LESSON_ERROR_INVALID, "UTF-8" },
};

/* Each damaged lesson: NULL, one error naming the file and what is wrong,
 * and the file itself untouched. */
static void
test_damaged (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autoptr(GFile) file = tmp_file ("damaged.slope");
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      SlopeLesson *lesson;

      write_text ("damaged.slope", damaged[i].text);
      lesson = slope_lesson_load (file, &error);
      g_test_message ("%u: %s", i, error ? error->message : "(no error)");
      g_assert_null (lesson);
      g_assert_error (error, SLOPE_LESSON_ERROR, damaged[i].code);
      g_assert_true (g_str_has_prefix (error->message, "damaged.slope"));
      g_assert_nonnull (strstr (error->message, damaged[i].words));
      g_assert_null (strchr (error->message, '\n'));
      after = read_text (file);
      g_assert_cmpstr (after, ==, damaged[i].text);
      g_file_delete (file, NULL, NULL);
    }
}

/* Compared runs (format 2), written by hand as a teacher would: each
 * group starts from the main run and changes what it names. */
static void
test_compared_hand_written (void)
{
  g_autoptr(GFile) file = tmp_file ("compare.slope");
  g_autoptr(SlopeLesson) lesson = NULL;
  g_autoptr(GError) error = NULL;
  SlopeRunSettings rs;
  gboolean hidden = TRUE;

  write_text ("compare.slope",
              "[Slope Lesson]\nVersion=2\n[Data]\nX=1;2;3\nY=2;4;6\n"
              "[Run]\nLearningRate=0.01\nEpochs=300;\nStartW=0.5\n"
              "[Compared Run 1]\nLearningRate=0.1\n"
              "[Compared Run 2]\nZeroGrad=false\nHidden=true\n"
              "[Compared Run 3]\nOptimizer=Adam\nBeta2=0.99\n");
  lesson = slope_lesson_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slope_lesson_get_n_compared (lesson), ==, 3);

  slope_lesson_get_compared (lesson, 0, &rs, &hidden);
  g_assert_cmpfloat (rs.lr, ==, 0.1);
  g_assert_true (rs.zero_grad);
  g_assert_cmpfloat (rs.w0, ==, 0.5);
  g_assert_cmpuint (rs.runs[0], ==, 300);
  g_assert_cmpint (rs.optimizer.kind, ==, SLOPE_OPTIMIZER_SGD);
  g_assert_false (hidden);

  slope_lesson_get_compared (lesson, 1, &rs, &hidden);
  g_assert_cmpfloat (rs.lr, ==, 0.01);
  g_assert_false (rs.zero_grad);
  g_assert_true (hidden);

  slope_lesson_get_compared (lesson, 2, &rs, &hidden);
  g_assert_cmpint (rs.optimizer.kind, ==, SLOPE_OPTIMIZER_ADAM);
  g_assert_cmpfloat (rs.optimizer.beta1, ==, 0.9);
  g_assert_cmpfloat (rs.optimizer.beta2, ==, 0.99);
  g_assert_cmpfloat (rs.optimizer.eps, ==, 1e-8);
  g_assert_false (hidden);

  /* Format 1 has no compared runs: such groups are not its. */
  g_clear_object (&lesson);
  write_text ("compare.slope",
              "[Slope Lesson]\nVersion=1\n[Data]\nX=1;2;3\nY=2;4;6\n"
              "[Compared Run 1]\nLearningRate=0.1\n");
  lesson = slope_lesson_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slope_lesson_get_n_compared (lesson), ==, 0);
}

/* Saved and read back: every compared run's settings and hidden flag;
 * the format is 2 with compared runs and stays 1 without, so a Slope that
 * reads only format 1 still opens a lesson that has none. */
static void
test_compared_round_trip (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autoptr(SlopeLesson) lesson = slope_lesson_new (data, NULL);
  g_autoptr(SlopeLesson) back = NULL;
  g_autoptr(GFile) file = tmp_file ("runs.slope");
  g_autoptr(GError) error = NULL;
  g_autofree char *text1 = NULL;
  g_autofree char *text2 = NULL;
  SlopeRunSettings odd, plain, rs;
  gboolean hidden;

  g_assert_true (slope_lesson_save (lesson, file, &error));
  text1 = read_text (file);
  g_assert_true (g_str_has_prefix (text1, "[Slope Lesson]\nVersion=1\n"));
  g_assert_null (strstr (text1, "Compared"));

  odd_settings (&odd);
  slope_run_settings_init (&plain);
  plain.lr = 0.1;
  for (guint i = 0; i < SLOPE_LESSON_MAX_COMPARED; i++)
    g_assert_true (slope_lesson_add_compared (lesson, i % 2 ? &odd : &plain, i == 3));
  g_assert_false (slope_lesson_add_compared (lesson, &plain, FALSE));
  g_assert_true (slope_lesson_save (lesson, file, &error));
  g_assert_no_error (error);
  text2 = read_text (file);
  g_assert_true (g_str_has_prefix (text2, "[Slope Lesson]\nVersion=2\n"));
  g_assert_nonnull (strstr (text2, "[Compared Run 5]"));

  back = slope_lesson_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slope_lesson_get_n_compared (back), ==, 5);
  for (guint i = 0; i < SLOPE_LESSON_MAX_COMPARED; i++)
    {
      const SlopeRunSettings *want = i % 2 ? &odd : &plain;

      slope_lesson_get_compared (back, i, &rs, &hidden);
      g_assert_true (hidden == (i == 3));
      g_assert_cmpfloat (rs.lr, ==, want->lr);
      g_assert_true (rs.zero_grad == want->zero_grad);
      g_assert_cmpfloat (rs.w0, ==, want->w0);
      g_assert_cmpfloat (rs.b0, ==, want->b0);
      g_assert_true (slope_optimizer_settings_equal (&rs.optimizer, &want->optimizer));
      g_assert_cmpuint (rs.batch_size, ==, want->batch_size);
      g_assert_true (rs.shuffle == want->shuffle);
      g_assert_cmpuint (rs.seed, ==, want->seed);
    }
}

/* A save that cannot happen leaves the old file as it was. */
static void
test_failed_save_keeps_file (void)
{
  g_autoptr(SlopeDataset) data = slope_dataset_new_notebook ();
  g_autoptr(SlopeLesson) lesson = slope_lesson_new (data, NULL);
  g_autoptr(GFile) nowhere = tmp_file ("no-such-dir/lesson.slope");
  g_autoptr(GError) error = NULL;

  g_assert_false (slope_lesson_save (lesson, nowhere, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_query_exists (nowhere, NULL));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("slope-lesson-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/lesson/round-trip-embedded", test_round_trip_embedded);
  g_test_add_func ("/lesson/round-trip-references", test_round_trip_references);
  g_test_add_func ("/lesson/minimal", test_minimal);
  g_test_add_func ("/lesson/scale-values", test_scale_values);
  g_test_add_func ("/lesson/damaged", test_damaged);
  g_test_add_func ("/lesson/compared-hand-written", test_compared_hand_written);
  g_test_add_func ("/lesson/compared-round-trip", test_compared_round_trip);
  g_test_add_func ("/lesson/failed-save-keeps-file", test_failed_save_keeps_file);

  status = g_test_run ();
  g_rmdir (tmpdir);
  g_free (tmpdir);
  return status;
}
