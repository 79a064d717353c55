/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-slope-train-csv.c: slope-train reading the files in tests/csv/ as a
 * user runs it: good files train, skipped rows are reported with their
 * lines, bad files fail with one line naming the file.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "slope-test-cli.h"

/* Runs slope-train with @args; a "@name" argument is the corpus file. */
static void
run_train (const char * const *args,
           Result             *r)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  const char *exe = g_getenv ("SLOPE_TRAIN");

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, g_strdup (exe));
  for (guint i = 0; args[i]; i++)
    {
      if (args[i][0] == '@')
        g_ptr_array_add (argv, g_test_build_filename (G_TEST_DIST, "csv", args[i] + 1, NULL));
      else
        g_ptr_array_add (argv, g_strdup (args[i]));
    }
  g_ptr_array_add (argv, NULL);

  slope_test_run ((const char * const *) argv->pdata, r);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

/* The notebook's points from a file train exactly as the built-in ones. */
static void
test_notebook_file (void)
{
  const char *builtin[] = { "--epochs", "200", "--epochs", "1000", NULL };
  const char *from_file[] = { "--epochs", "200", "--epochs", "1000", "@notebook.csv", NULL };
  const char *aligned[] = { "--epochs", "200", "--epochs", "1000", "--delimiter", "whitespace",
                            "@whitespace.csv", NULL };
  Result a = { 0 }, b = { 0 }, c = { 0 };

  run_train (builtin, &a);
  run_train (from_file, &b);
  run_train (aligned, &c);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_cmpuint (count_lines (b.out), ==, 12);
  g_assert_cmpstr (b.out, ==, a.out);
  g_assert_cmpstr (b.err, ==, "");
  g_assert_cmpint (c.status, ==, 0);
  g_assert_cmpstr (c.out, ==, a.out);
  result_clear (&a);
  result_clear (&b);
  result_clear (&c);
}

static void
test_skipped_rows_reported (void)
{
  const char *args[] = { "--epochs", "100", "@invalid.csv", NULL };
  g_auto(GStrv) lines = NULL;
  Result r = { 0 };

  run_train (args, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Epoch  100/100 W: "));
  lines = g_strsplit (r.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 8);
  g_assert_cmpstr (lines[0], ==, "slope-train: invalid.csv: 2 rows read, 6 skipped");
  g_assert_cmpstr (lines[1], ==, "slope-train: invalid.csv: line 3, column 2 “y”: “abc” is not a number");
  g_assert_cmpstr (lines[2], ==, "slope-train: invalid.csv: line 4, column 1 “x”: “inf” is not a finite number");
  g_assert_cmpstr (lines[6], ==, "slope-train: invalid.csv: line 9, column 2 “y”: “1e” is not a number");
  g_assert_cmpstr (lines[7], ==, "");
  result_clear (&r);
}

static void
test_many_skipped_rows (void)
{
  const char *args[] = { "--epochs", "1", "--log-every", "1", "@many-skips.csv", NULL };
  g_auto(GStrv) lines = NULL;
  Result r = { 0 };

  run_train (args, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Epoch    1/1 W: "));
  lines = g_strsplit (r.err, "\n", -1);
  /* The total, the first 20 rows, "… and 10 more", and the final "". */
  g_assert_cmpuint (g_strv_length (lines), ==, 23);
  g_assert_cmpstr (lines[0], ==, "slope-train: many-skips.csv: 30 rows read, 30 skipped");
  g_assert_cmpstr (lines[21], ==, "slope-train: many-skips.csv: … and 10 more");
  result_clear (&r);
}

static const char *bad_files[] = {
  "binary.csv", "latin1.csv", "utf16.csv", "unterminated.csv", "one-column.csv",
  "one-row.csv", "one-usable-row.csv", "same-x.csv", "empty.csv", "header-only.csv",
  "does-not-exist.csv",
};

static void
assert_one_line_error (const Result *r,
                       int           status,
                       const char   *words)
{
  g_test_message ("%d: %s", r->status, r->err);
  g_assert_cmpint (r->status, ==, status);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_true (g_str_has_prefix (r->err, "slope-train: "));
  g_assert_cmpuint (count_lines (r->err), ==, 1);
  g_assert_true (g_str_has_suffix (r->err, "\n"));
  g_assert_nonnull (strstr (r->err, words));
}

static void
test_bad_files (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *arg = g_strconcat ("@", bad_files[i], NULL);
      g_autofree char *named = g_strconcat ("slope-train: ", bad_files[i], ": ", NULL);
      const char *args[] = { arg, NULL };
      Result r = { 0 };

      run_train (args, &r);
      assert_one_line_error (&r, 1, named);
      result_clear (&r);
    }
}

static char *
train_output (const char * const *args)
{
  Result r = { 0 };
  char *out;

  run_train (args, &r);
  g_assert_cmpint (r.status, ==, 0);
  out = g_steal_pointer (&r.out);
  result_clear (&r);
  return out;
}

/* --x-column and --y-column pick the same columns by name and by number,
 * and train on exactly those values. */
static void
test_choose_columns (void)
{
  const char *by_name[] = { "--x-column", "height", "--y-column", "weight", "@columns.csv", NULL };
  const char *by_index[] = { "--x-column=3", "--y-column=4", "@columns.csv", NULL };
  const char *automatic[] = { "@columns.csv", NULL };
  const char *missing[] = { "--y-column", "shoe size", "@columns.csv", NULL };
  g_autofree char *dir = g_dir_make_tmp ("slope-train-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "two.csv", NULL);
  const char *two_columns[] = { path, NULL };
  g_autofree char *named = NULL, *numbered = NULL, *plain = NULL, *expected = NULL;
  Result r = { 0 };

  g_assert_true (g_file_set_contents (path, "h,w\n1.60,55\n1.80,80\n", -1, NULL));
  named = train_output (by_name);
  numbered = train_output (by_index);
  plain = train_output (automatic);
  expected = train_output (two_columns);
  g_assert_cmpstr (named, ==, expected);
  g_assert_cmpstr (numbered, ==, expected);
  /* Left to itself it skips the id and takes height and weight too. */
  g_assert_cmpstr (plain, ==, expected);

  run_train (missing, &r);
  assert_one_line_error (&r, 1, "columns.csv: there is no column named “shoe size”");
  result_clear (&r);

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_delimiter_option (void)
{
  const char *semicolon[] = { "--delimiter", ";", "--log-every", "1000", "@semicolon-decimal-comma.csv", NULL };
  const char *tab[] = { "--delimiter=\\t", "--log-every", "1000", "@tab.csv", NULL };
  const char *wrong[] = { "--delimiter", "semicolon", "@notebook.csv", NULL };
  Result r = { 0 };

  run_train (semicolon, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_true (g_str_has_prefix (r.out, "Epoch 1000/1000 W: "));
  result_clear (&r);

  run_train (tab, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "slope-train: tab.csv: 2 rows read, 1 skipped (1 with missing values)\n");
  result_clear (&r);

  /* Split on semicolons, the notebook's file has a single column. */
  run_train (wrong, &r);
  assert_one_line_error (&r, 1, "notebook.csv: only one column");
  result_clear (&r);
}

static void
test_usage_errors (void)
{
  const char *bad_delimiter[] = { "--delimiter", "pipe", "@notebook.csv", NULL };
  const char *no_file[] = { "--x-column", "x", NULL };
  const char *two_files[] = { "@notebook.csv", "@tab.csv", NULL };
  Result r = { 0 };

  run_train (bad_delimiter, &r);
  assert_one_line_error (&r, 2, "--delimiter");
  result_clear (&r);

  run_train (no_file, &r);
  assert_one_line_error (&r, 2, "--x-column");
  result_clear (&r);

  run_train (two_files, &r);
  assert_one_line_error (&r, 2, "FILE.csv");
  result_clear (&r);
}

/* x near 1e200: Σx² overflows, so there is no stable limit to name; the
 * one stderr line says so in words, never "limit inf" or "--lr nan". */
static void
test_overflowing_moments (void)
{
  const char *args[] = { "@huge-x.csv", "--epochs", "3", NULL };
  Result r = { 0 };

  run_train (args, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.err, "slope-train: the numbers overflowed at epoch "));
  g_assert_nonnull (strstr (r.err, "--scale standardize"));
  g_assert_null (strstr (r.err, "inf"));
  g_assert_null (strstr (r.err, "nan"));
  g_assert_cmpuint (count_lines (r.err), ==, 1);
  result_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/slope-train-csv/notebook-file", test_notebook_file);
  g_test_add_func ("/slope-train-csv/skipped-rows-reported", test_skipped_rows_reported);
  g_test_add_func ("/slope-train-csv/many-skipped-rows", test_many_skipped_rows);
  g_test_add_func ("/slope-train-csv/bad-files", test_bad_files);
  g_test_add_func ("/slope-train-csv/choose-columns", test_choose_columns);
  g_test_add_func ("/slope-train-csv/delimiter-option", test_delimiter_option);
  g_test_add_func ("/slope-train-csv/usage-errors", test_usage_errors);
  g_test_add_func ("/slope-train-csv/overflowing-moments", test_overflowing_moments);

  return g_test_run ();
}
