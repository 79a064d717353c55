/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-log-csv.c: the training log as CSV, read back number for number.
 *
 * The log is for pandas and spreadsheets, so besides reading it back here
 * (bit for bit) it is read by pandas itself when that is installed.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "slope-csv.h"
#include "slope-dataset.h"
#include "slope-history.h"
#include "slope-log-csv.h"
#include "slope-trainer.h"

#define N_COLUMNS 8

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("slope-log-csv-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_clear_pointer (&f->dir, g_free);
}

static GFile *
fixture_file (Fixture    *f,
              const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  return g_file_new_for_path (path);
}

/* Runs @n_epochs of the notebook's loop at @lr into @history. */
static void
run_into (SlopeHistory *history,
          SlopeDataset *dataset,
          double        lr,
          guint64       n_epochs)
{
  g_autoptr(SlopeTrainer) trainer = slope_trainer_new (dataset);
  SlopeEpochRecord batch[1024];
  gsize n = 0;

  slope_trainer_set_lr (trainer, lr);
  slope_trainer_reset (trainer);
  for (guint64 i = 0; i < n_epochs; i++)
    {
      slope_trainer_epoch (trainer, &batch[n++]);
      if (n == G_N_ELEMENTS (batch) || i + 1 == n_epochs)
        {
          slope_history_append (history, batch, n);
          n = 0;
        }
    }
}

static gboolean
same_double (double a,
             double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return memcmp (&a, &b, sizeof a) == 0;
}

/* Parses one data row strictly: eight fields, each read to its end. */
static void
parse_row (const char *line,
           guint64    *epoch,
           double      values[N_COLUMNS - 1])
{
  g_auto(GStrv) fields = g_strsplit (line, ",", -1);
  char *end = NULL;

  g_assert_cmpuint (g_strv_length (fields), ==, N_COLUMNS);
  *epoch = g_ascii_strtoull (fields[0], &end, 10);
  g_assert_cmpint (*end, ==, '\0');
  for (guint i = 1; i < N_COLUMNS; i++)
    {
      values[i - 1] = g_ascii_strtod (fields[i], &end);
      g_assert_cmpint (*end, ==, '\0');
      /* pandas knows these spellings; "-nan" or "1.#INF" would be text. */
      if (!isfinite (values[i - 1]))
        g_assert_true (g_str_equal (fields[i], "inf") || g_str_equal (fields[i], "-inf")
                       || g_str_equal (fields[i], "nan"));
    }
}

static void
assert_row_is (const double            values[N_COLUMNS - 1],
               const SlopeEpochRecord *rec)
{
  const double expected[N_COLUMNS - 1] = {
    rec->w, rec->b, rec->cost, rec->d_w, rec->d_b, rec->w_grad, rec->b_grad,
  };

  for (guint i = 0; i < N_COLUMNS - 1; i++)
    if (!same_double (values[i], expected[i]))
      g_error ("epoch %" G_GUINT64_FORMAT ", column %u: read %.17g, stored %.17g",
               rec->epoch, i + 2, values[i], expected[i]);
}

/* Reads @file back and checks every row against @history's lookup; returns
 * the number of rows and fills @n_non_finite. */
static gsize
check_file (GFile        *file,
            SlopeHistory *history,
            gsize        *n_non_finite)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  guint64 previous = 0;
  gsize n_rows = 0;
  gsize length = 0;
  char *line, *end;

  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 0);
  g_assert_cmpint (contents[length - 1], ==, '\n');

  /* Line by line in place: the file can be tens of megabytes.  strchr,
   * not memchr: the contents are NUL-terminated, and AddressSanitizer
   * checks memchr's whole length on every call, which made this loop
   * quadratic under ./run test. */
  end = strchr (contents, '\n');
  *end = '\0';
  g_assert_cmpstr (contents, ==, "epoch,W,b,cost,dW,db,W.grad,b.grad");

  if (n_non_finite)
    *n_non_finite = 0;
  for (line = end + 1; line < contents + length; line = end + 1, n_rows++)
    {
      double values[N_COLUMNS - 1];
      SlopeEpochRecord rec;
      guint64 epoch;

      end = strchr (line, '\n');
      *end = '\0';
      parse_row (line, &epoch, values);
      g_assert_cmpuint (epoch, >, previous);
      previous = epoch;
      g_assert_true (slope_history_lookup (history, epoch, &rec));
      g_assert_cmpuint (rec.epoch, ==, epoch);
      assert_row_is (values, &rec);
      for (guint k = 0; n_non_finite && k < N_COLUMNS - 1; k++)
        *n_non_finite += !isfinite (values[k]);
    }
  g_assert_cmpuint (previous, ==, slope_history_get_last_epoch (history));

  return n_rows;
}

/* The lesson's run: 1000 epochs, each one a row, exactly. */
static void
test_notebook_run (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SlopeHistory) history = slope_history_new_default ();
  g_autoptr(SlopeDataset) dataset = slope_dataset_new_notebook ();
  g_autoptr(GFile) file = fixture_file (f, "log.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) back = NULL;
  SlopeCsvOptions options = { SLOPE_CSV_DELIMITER_AUTO, "epoch", "cost" };
  gsize n_non_finite;

  run_into (history, dataset, SLOPE_DEFAULT_LR, 1000);
  g_assert_true (slope_log_csv_write (history, file, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (check_file (file, history, &n_non_finite), ==, 1000);
  g_assert_cmpuint (n_non_finite, ==, 0);

  /* The app's own reader takes it as a dataset of cost against epoch. */
  back = slope_csv_load (file, &options, &report, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slope_dataset_get_n (back), ==, 1000);
  g_assert_cmpuint (report->rows_skipped, ==, 0);
  for (guint64 epoch = 1; epoch <= 1000; epoch++)
    {
      SlopeEpochRecord rec;

      g_assert_true (slope_history_lookup (history, epoch, &rec));
      g_assert_cmpfloat (slope_dataset_get_x (back)[epoch - 1], ==, (double) epoch);
      g_assert_true (same_double (slope_dataset_get_y (back)[epoch - 1], rec.cost));
    }
}

/* A German desktop writes "0,5"; the log must not. */
static void
test_locale_independent (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SlopeHistory) history = slope_history_new_default ();
  g_autoptr(SlopeDataset) dataset = slope_dataset_new_notebook ();
  g_autoptr(GFile) file = fixture_file (f, "log.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *old_locale = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL
      && setlocale (LC_NUMERIC, "de_DE.utf8") == NULL)
    {
      g_test_skip ("no German locale installed");
      return;
    }

  run_into (history, dataset, SLOPE_DEFAULT_LR, 50);
  g_assert_true (slope_log_csv_write (history, file, &error));
  setlocale (LC_NUMERIC, old_locale);
  g_assert_no_error (error);

  g_assert_cmpuint (check_file (file, history, NULL), ==, 50);
}

/* lr = 1 on the notebook overshoots further every step until the numbers
 * overflow to inf and then to nan. */
static void
write_diverged (GFile        *file,
                SlopeHistory *history)
{
  g_autoptr(SlopeDataset) dataset = slope_dataset_new_notebook ();
  g_autoptr(GError) error = NULL;

  run_into (history, dataset, 1.0, 1000);
  g_assert_true (slope_log_csv_write (history, file, &error));
  g_assert_no_error (error);
}

static void
test_diverged_run (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SlopeHistory) history = slope_history_new_default ();
  g_autoptr(GFile) file = fixture_file (f, "diverged.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  SlopeEpochRecord rec;
  gsize n_non_finite;

  write_diverged (file, history);
  g_assert_true (slope_history_lookup (history, 1000, &rec));
  g_assert_true (isnan (rec.cost));

  g_assert_cmpuint (check_file (file, history, &n_non_finite), ==, 1000);
  g_assert_cmpuint (n_non_finite, >, 0);

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, ",inf"));
  g_assert_nonnull (strstr (contents, ",-inf"));
  g_assert_nonnull (strstr (contents, ",nan"));
  g_assert_null (strstr (contents, "-nan"));
}

/* The first Python on the list that has pandas, or NULL. */
static char *
find_pandas_python (void)
{
  const char *candidates[] = { g_getenv ("SLOPE_TEST_PYTHON"), "/usr/bin/python3", "python3" };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *program = NULL;
      const char *argv[] = { NULL, "-c", "import pandas", NULL };
      int status = -1;

      if (candidates[i] == NULL)
        continue;
      program = g_find_program_in_path (candidates[i]);
      if (program == NULL)
        continue;
      argv[0] = program;
      if (g_spawn_sync (NULL, (char **) argv, NULL,
                        G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                        NULL, NULL, NULL, NULL, &status, NULL)
          && g_spawn_check_wait_status (status, NULL))
        return g_steal_pointer (&program);
    }

  return NULL;
}

/* pandas reads the log as it is: the epoch as integers, the rest as
 * floats with inf and nan, and with float_precision="round_trip" the very
 * values Python's float() reads. */
static const char pandas_script[] =
  "import csv, math, sys\n"
  "import pandas as pd\n"
  "d = pd.read_csv(sys.argv[1])\n"
  "r = pd.read_csv(sys.argv[1], float_precision='round_trip')\n"
  "rows = list(csv.reader(open(sys.argv[1])))[1:]\n"
  "same = all(all((math.isnan(a) and math.isnan(float(t))) or a == float(t)\n"
  "               for a, t in zip(r.iloc[i, 1:], row[1:]))\n"
  "           for i, row in enumerate(rows))\n"
  "print(len(d), ' '.join(str(t) for t in d.dtypes),\n"
  "      int(d.isin([math.inf, -math.inf]).sum().sum()), int(d.isna().sum().sum()),\n"
  "      same, list(d.columns) == 'epoch W b cost dW db W.grad b.grad'.split())\n";

static void
count_non_finite (SlopeHistory *history,
                  guint64      *n_inf,
                  guint64      *n_nan)
{
  *n_inf = *n_nan = 0;
  for (guint64 epoch = 1; epoch <= slope_history_get_last_epoch (history); epoch++)
    {
      SlopeEpochRecord rec;

      g_assert_true (slope_history_lookup (history, epoch, &rec));
      {
        const double values[N_COLUMNS - 1] = {
          rec.w, rec.b, rec.cost, rec.d_w, rec.d_b, rec.w_grad, rec.b_grad,
        };

        for (guint k = 0; k < N_COLUMNS - 1; k++)
          {
            *n_inf += isinf (values[k]) ? 1 : 0;
            *n_nan += isnan (values[k]) ? 1 : 0;
          }
      }
    }
}

static void
test_pandas_reads_it (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SlopeHistory) history = slope_history_new_default ();
  g_autoptr(GFile) file = fixture_file (f, "diverged.csv");
  g_autofree char *python = find_pandas_python ();
  g_autofree char *path = g_file_get_path (file);
  const char *argv[] = { python, "-c", pandas_script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) words = NULL;
  guint64 n_inf, n_nan;
  int status = -1;

  if (python == NULL)
    {
      g_test_skip ("pandas is not installed");
      return;
    }

  write_diverged (file, history);
  count_non_finite (history, &n_inf, &n_nan);
  g_assert_cmpuint (n_inf, >, 0);
  g_assert_cmpuint (n_nan, >, 0);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT,
                               NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("pandas failed: %s", err);

  words = g_strsplit (g_strstrip (out), " ", -1);
  g_assert_cmpuint (g_strv_length (words), ==, 1 + N_COLUMNS + 4);
  g_assert_cmpstr (words[0], ==, "1000");
  g_assert_cmpstr (words[1], ==, "int64");
  for (guint k = 2; k <= N_COLUMNS; k++)
    g_assert_cmpstr (words[k], ==, "float64");
  g_assert_cmpuint (g_ascii_strtoull (words[N_COLUMNS + 1], NULL, 10), ==, n_inf);
  g_assert_cmpuint (g_ascii_strtoull (words[N_COLUMNS + 2], NULL, 10), ==, n_nan);
  g_assert_cmpstr (words[N_COLUMNS + 3], ==, "True");
  g_assert_cmpstr (words[N_COLUMNS + 4], ==, "True");
}

/* Longer than the exact ring: a row per bucket, then every recent epoch. */
static void
test_longer_than_ring (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SlopeHistory) history = slope_history_new (100, 16);
  g_autoptr(SlopeDataset) dataset = slope_dataset_new_notebook ();
  g_autoptr(GFile) file = fixture_file (f, "long.csv");
  g_autoptr(GError) error = NULL;
  gsize n_rows;

  run_into (history, dataset, SLOPE_DEFAULT_LR, 10000);
  g_assert_true (slope_log_csv_write (history, file, &error));
  g_assert_no_error (error);

  /* Sixteen buckets of 1024 epochs hold 10 000: the nine that end before
   * the ring (epoch 9901 on) give a row each, then the 100 exact epochs. */
  n_rows = check_file (file, history, NULL);
  g_assert_cmpuint (n_rows, ==, 9 + 100);
}

static void
test_empty_history (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SlopeHistory) history = slope_history_new (8, 8);
  g_autoptr(GFile) file = fixture_file (f, "empty.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (slope_log_csv_write (history, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, SLOPE_LOG_CSV_HEADER "\n");
}

/* The process's peak resident memory in kB, or 0 where unknown. */
static guint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line ? g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10) : 0;
}

/* A million epochs in the default history: the file is written in
 * chunks, so writing it adds next to nothing to the peak memory. */
static void
test_million_epochs (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SlopeHistory) history = slope_history_new_default ();
  g_autoptr(SlopeDataset) dataset = slope_dataset_new_notebook ();
  g_autoptr(GFile) file = fixture_file (f, "million.csv");
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  guint64 rss_before, rss_after;
  gsize n_rows;

  run_into (history, dataset, SLOPE_DEFAULT_LR, 1000000);
  rss_before = peak_rss_kb ();
  g_assert_true (slope_log_csv_write (history, file, &error));
  g_assert_no_error (error);
  rss_after = peak_rss_kb ();

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%" G_GINT64_FORMAT " bytes; peak memory %" G_GUINT64_FORMAT
                  " kB before writing, %" G_GUINT64_FORMAT " kB after",
                  g_file_info_get_size (info), rss_before, rss_after);
  g_assert_cmpint (g_file_info_get_size (info), >, 8 * 1024 * 1024);
  if (rss_before > 0)
    g_assert_cmpuint (rss_after - rss_before, <, 2 * 1024);

  /* The newest 65 536 epochs exactly; before them, 131 072 buckets of 8
   * epochs hold the rest, one row each: 934 464 / 8 of them. */
  n_rows = check_file (file, history, NULL);
  g_assert_cmpuint (n_rows, ==, 934464 / 8 + 65536);
}

static void
test_missing_directory (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SlopeHistory) history = slope_history_new (8, 8);
  g_autoptr(SlopeDataset) dataset = slope_dataset_new_notebook ();
  g_autofree char *folder = g_build_filename (f->dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (folder, "training-log.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  run_into (history, dataset, SLOPE_DEFAULT_LR, 10);
  g_assert_false (slope_log_csv_write (history, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "training-log.csv"));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

/* Writing over an earlier log replaces it whole. */
static void
test_replaces_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SlopeHistory) history = slope_history_new (64, 8);
  g_autoptr(SlopeDataset) dataset = slope_dataset_new_notebook ();
  g_autoptr(GFile) file = fixture_file (f, "log.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  GString *old = g_string_new (NULL);

  for (guint i = 0; i < 10000; i++)
    g_string_append (old, "old row that must not survive\n");
  g_assert_true (g_file_set_contents (path, old->str, old->len, &error));
  g_string_free (old, TRUE);
  g_assert_no_error (error);

  run_into (history, dataset, SLOPE_DEFAULT_LR, 5);
  g_assert_true (slope_log_csv_write (history, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (check_file (file, history, NULL), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/log-csv/notebook-run", test_notebook_run);
  ADD ("/log-csv/locale-independent", test_locale_independent);
  ADD ("/log-csv/diverged-run", test_diverged_run);
  ADD ("/log-csv/pandas-reads-it", test_pandas_reads_it);
  ADD ("/log-csv/longer-than-ring", test_longer_than_ring);
  ADD ("/log-csv/empty-history", test_empty_history);
  ADD ("/log-csv/million-epochs", test_million_epochs);
  ADD ("/log-csv/missing-directory", test_missing_directory);
  ADD ("/log-csv/replaces-file", test_replaces_file);

#undef ADD

  return g_test_run ();
}
