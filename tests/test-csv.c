/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv.c: the CSV reader on the files in tests/csv/, good and bad,
 * value for value (== on doubles), with the lines and columns it reports.
 * The number reader, other locales and the writer are in test-csv-number.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-csv.h"

static GFile *
corpus_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "csv", name, NULL);

  return g_file_new_for_path (path);
}

static SlopeDataset *
load_corpus (const char             *name,
             const SlopeCsvOptions  *options,
             SlopeCsvReport        **report)
{
  g_autoptr(GFile) file = corpus_file (name);
  g_autoptr(GError) error = NULL;
  SlopeDataset *dataset;

  dataset = slope_csv_load (file, options, report, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpstr (slope_dataset_get_title (dataset), ==, name);
  return dataset;
}

static void
assert_points (SlopeDataset *dataset,
               const double *x,
               const double *y,
               gsize         n)
{
  g_assert_cmpuint (slope_dataset_get_n (dataset), ==, n);
  for (gsize i = 0; i < n; i++)
    {
      g_assert_cmpfloat (slope_dataset_get_x (dataset)[i], ==, x[i]);
      g_assert_cmpfloat (slope_dataset_get_y (dataset)[i], ==, y[i]);
    }
}

static void
assert_skip (const SlopeCsvReport *report,
             guint                 index,
             SlopeCsvSkipKind      kind,
             guint                 line,
             guint                 column,
             const char           *column_name,
             const char           *text)
{
  const SlopeCsvSkip *skip;

  g_assert_cmpuint (index, <, report->skips->len);
  skip = g_ptr_array_index (report->skips, index);
  g_assert_cmpint (skip->kind, ==, kind);
  g_assert_cmpuint (skip->line, ==, line);
  g_assert_cmpuint (skip->column, ==, column);
  g_assert_cmpstr (skip->column_name, ==, column_name);
  g_assert_cmpstr (skip->text, ==, text);
  g_assert_nonnull (strstr (skip->reason, text));
}

#define POINTS(xs, ys) (xs), (ys), G_N_ELEMENTS (xs)

static void
test_notebook (void)
{
  static const double x[] = { 1, 2, 3 }, y[] = { 2, 4, 6 };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_corpus ("notebook.csv", NULL, &report);

  assert_points (dataset, POINTS (x, y));
  g_assert_cmpuint (report->rows_read, ==, 3);
  g_assert_cmpuint (report->rows_skipped, ==, 0);
  g_assert_true (report->has_header);
  g_assert_cmpint (report->delimiter, ==, SLOPE_CSV_DELIMITER_COMMA);
  g_assert_cmpstr (report->x_name, ==, "x");
  g_assert_cmpstr (report->y_name, ==, "y");
  g_assert_cmpuint (report->x_column, ==, 1);
  g_assert_cmpuint (report->y_column, ==, 2);
}

/* Quoted fields with doubled quotes, commas and a line break inside. */
static void
test_quoted (void)
{
  static const double x[] = { 1, 2.5, 3, 4 }, y[] = { 2, 5, 7, 8 };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_corpus ("quoted.csv", NULL, &report);

  assert_points (dataset, POINTS (x, y));
  g_assert_cmpuint (report->x_column, ==, 2);
  g_assert_cmpuint (report->y_column, ==, 3);
  g_assert_cmpuint (report->rows_skipped, ==, 1);
  /* The quoted line break moved the last row to line 7. */
  assert_skip (report, 0, SLOPE_CSV_SKIP_NOT_A_NUMBER, 7, 3, "y", "1\"0");
}

static void
test_crlf (void)
{
  static const double x[] = { 1, 3, 4 }, y[] = { 2, 6, 8 };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_corpus ("crlf.csv", NULL, &report);

  assert_points (dataset, POINTS (x, y));
  g_assert_cmpuint (report->skips->len, ==, 2);
  assert_skip (report, 0, SLOPE_CSV_SKIP_NOT_A_NUMBER, 3, 2, "y", "oops");
  assert_skip (report, 1, SLOPE_CSV_SKIP_NOT_A_NUMBER, 5, 1, "x", "two  lines");
}

static void
test_cr_only (void)
{
  static const double x[] = { 1, 2, 4 }, y[] = { 2, 4, 8 };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_corpus ("cr.csv", NULL, &report);

  assert_points (dataset, POINTS (x, y));
  assert_skip (report, 0, SLOPE_CSV_SKIP_NOT_A_NUMBER, 4, 1, "x", "bad");
}

static void
test_bom (void)
{
  static const double x[] = { 1, 2 }, y[] = { 2, 4 };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_corpus ("bom.csv", NULL, &report);

  assert_points (dataset, POINTS (x, y));
  g_assert_cmpstr (report->x_name, ==, "x");
}

static void
test_no_final_newline (void)
{
  static const double x[] = { 1, 2 }, y[] = { 2, 4 };
  g_autoptr(SlopeDataset) dataset = load_corpus ("no-final-newline.csv", NULL, NULL);

  assert_points (dataset, POINTS (x, y));
}

static void
test_spaces_trimmed (void)
{
  static const double x[] = { 1, 2, 3 }, y[] = { 2, 4, 6 };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_corpus ("spaces.csv", NULL, &report);

  assert_points (dataset, POINTS (x, y));
  g_assert_cmpstr (report->x_name, ==, "x");
  g_assert_cmpstr (report->y_name, ==, "y");
}

static void
test_semicolon_decimal_comma (void)
{
  static const double x[] = { 1.5, -0.5, 3, 2.5 }, y[] = { 2.25, 1000, 4, 7 };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_corpus ("semicolon-decimal-comma.csv", NULL, &report);

  assert_points (dataset, POINTS (x, y));
  g_assert_cmpint (report->delimiter, ==, SLOPE_CSV_DELIMITER_SEMICOLON);
}

static void
test_tab (void)
{
  static const double x[] = { 1, 2 }, y[] = { 2, 4 };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_corpus ("tab.csv", NULL, &report);

  assert_points (dataset, POINTS (x, y));
  g_assert_cmpint (report->delimiter, ==, SLOPE_CSV_DELIMITER_TAB);
  /* A leading tab is an empty first cell, not a blank to trim. */
  g_assert_cmpuint (report->rows_missing, ==, 1);
}

static void
test_whitespace (void)
{
  static const double x[] = { 1, 2, 3 }, y[] = { 2, 4, 6 };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_corpus ("whitespace.csv", NULL, &report);

  assert_points (dataset, POINTS (x, y));
  g_assert_cmpint (report->delimiter, ==, SLOPE_CSV_DELIMITER_WHITESPACE);
  g_assert_true (report->has_header);
  g_assert_cmpstr (report->y_name, ==, "y");
}

static void
test_no_header (void)
{
  static const double x[] = { 1, 2, 3 }, y[] = { 2, 4, 6 };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_corpus ("no-header.csv", NULL, &report);

  assert_points (dataset, POINTS (x, y));
  g_assert_false (report->has_header);
  g_assert_cmpstr (report->x_name, ==, "Column 1");
  g_assert_cmpstr (report->y_name, ==, "Column 2");
}

static void
test_comments_and_blank_lines (void)
{
  static const double x[] = { 1, 2 }, y[] = { 2, 4 };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_corpus ("comments-blank.csv", NULL, &report);

  assert_points (dataset, POINTS (x, y));
  g_assert_true (report->has_header);
  g_assert_cmpuint (report->rows_skipped, ==, 1);
  assert_skip (report, 0, SLOPE_CSV_SKIP_NOT_A_NUMBER, 10, 2, "y", "x");
}

static void
test_choose_columns (void)
{
  static const double ids[] = { 1, 2, 3 }, heights[] = { 1.60, 1.80, 1.70 };
  static const double h2[] = { 1.60, 1.80 }, weights[] = { 55, 80 }, ages[] = { 30, 40, 50 };
  static const double ids2[] = { 1, 2 };
  SlopeCsvOptions by_name = { SLOPE_CSV_DELIMITER_AUTO, "height", "weight" };
  SlopeCsvOptions by_index = { SLOPE_CSV_DELIMITER_AUTO, "3", "5" };
  SlopeCsvOptions any_case = { SLOPE_CSV_DELIMITER_AUTO, " HEIGHT ", NULL };
  SlopeCsvOptions only_x = { SLOPE_CSV_DELIMITER_AUTO, "weight", NULL };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_corpus ("columns.csv", NULL, &report);

  /* By default, not the "id" column, and not "name" (text): the header
   * names height as an x and weight as a y. */
  assert_points (dataset, POINTS (h2, weights));
  g_assert_cmpstr (slope_dataset_get_x_name (dataset), ==, "height");
  g_assert_cmpstr (slope_dataset_get_y_name (dataset), ==, "weight");
  g_clear_object (&dataset);
  g_clear_pointer (&report, slope_csv_report_free);

  dataset = load_corpus ("columns.csv", &by_name, &report);
  assert_points (dataset, POINTS (h2, weights));
  g_assert_cmpuint (report->rows_missing, ==, 1);
  g_assert_cmpstr (report->x_name, ==, "height");
  g_assert_cmpuint (report->y_column, ==, 4);
  g_clear_object (&dataset);
  g_clear_pointer (&report, slope_csv_report_free);

  dataset = load_corpus ("columns.csv", &by_index, &report);
  assert_points (dataset, POINTS (heights, ages));
  g_assert_cmpstr (report->y_name, ==, "age");
  g_clear_object (&dataset);

  /* y defaults to the first numeric column that is not x. */
  dataset = load_corpus ("columns.csv", &any_case, NULL);
  assert_points (dataset, POINTS (heights, ids));
  g_clear_object (&dataset);
  dataset = load_corpus ("columns.csv", &only_x, NULL);
  assert_points (dataset, POINTS (weights, ids2));
}

static void
test_unicode_names (void)
{
  static const double one[] = { 1, 2 }, two[] = { 2, 3 }, three[] = { 3, 4 };
  SlopeCsvOptions options = { SLOPE_CSV_DELIMITER_AUTO, "温度", "GRÖSSE" };
  SlopeCsvOptions folded = { SLOPE_CSV_DELIMITER_AUTO, "TEMPÉRATURE", "größe" };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = NULL;
  g_autoptr(GFile) file = corpus_file ("utf8-names.csv");
  g_autoptr(GError) error = NULL;

  /* ß case-folds to ss, so GRÖSSE names größe. */
  dataset = slope_csv_load (file, &options, &report, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_points (dataset, POINTS (three, two));
  g_assert_cmpstr (report->y_name, ==, "größe");
  g_clear_object (&dataset);

  dataset = load_corpus ("utf8-names.csv", &folded, NULL);
  assert_points (dataset, POINTS (one, two));
}

static void
test_missing_values_counted (void)
{
  static const double x[] = { 1, 8 }, y[] = { 2, 14 };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_corpus ("missing.csv", NULL, &report);

  assert_points (dataset, POINTS (x, y));
  g_assert_cmpuint (report->rows_read, ==, 2);
  g_assert_cmpuint (report->rows_skipped, ==, 7);
  g_assert_cmpuint (report->rows_missing, ==, 7);
  g_assert_cmpuint (report->skips->len, ==, 0);
}

static void
test_invalid_values_reported (void)
{
  static const double x[] = { 1, 6 }, y[] = { 2, 12 };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_corpus ("invalid.csv", NULL, &report);

  assert_points (dataset, POINTS (x, y));
  g_assert_cmpuint (report->rows_skipped, ==, 6);
  g_assert_cmpuint (report->rows_missing, ==, 0);
  g_assert_cmpuint (report->skips->len, ==, 6);
  assert_skip (report, 0, SLOPE_CSV_SKIP_NOT_A_NUMBER, 3, 2, "y", "abc");
  assert_skip (report, 1, SLOPE_CSV_SKIP_NOT_FINITE, 4, 1, "x", "inf");
  assert_skip (report, 2, SLOPE_CSV_SKIP_NOT_FINITE, 5, 2, "y", "1e999");
  assert_skip (report, 3, SLOPE_CSV_SKIP_NOT_FINITE, 6, 2, "y", "-Infinity");
  assert_skip (report, 4, SLOPE_CSV_SKIP_NOT_A_NUMBER, 8, 1, "x", "0x10");
  assert_skip (report, 5, SLOPE_CSV_SKIP_NOT_A_NUMBER, 9, 2, "y", "1e");
}

static void
test_short_row (void)
{
  static const double x[] = { 1, 4 }, y[] = { 2, 8 };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_corpus ("short-row.csv", NULL, &report);
  const SlopeCsvSkip *skip;

  assert_points (dataset, POINTS (x, y));
  g_assert_cmpuint (report->skips->len, ==, 1);
  skip = g_ptr_array_index (report->skips, 0);
  g_assert_cmpint (skip->kind, ==, SLOPE_CSV_SKIP_SHORT_ROW);
  g_assert_cmpuint (skip->line, ==, 3);
  g_assert_cmpuint (skip->column, ==, 2);
  g_assert_cmpstr (skip->reason, ==, "the row has only 1 field");
}

static void
test_number_syntax (void)
{
  static const double x[] = { 1500, 1, 5, 7, 2.2250738585072011e-308, 0.0 };
  static const double y[] = { -0.002, 0.5, 25, 0, 9007199254740992.0, 1.7976931348623157e308 };
  g_autoptr(SlopeDataset) dataset = load_corpus ("numbers.csv", NULL, NULL);

  assert_points (dataset, POINTS (x, y));
}

/* df.to_csv(index=False), made by tests/csv/make-pandas.py. */
static void
test_pandas (void)
{
  static const double x[] = { 0.1, 1e-300, 12345678.9, 3.0, 5e-324 };
  static const double y[] = { 0.30000000000000004, -2.5, 1e22, -0.0, 1.7976931348623157e308 };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_corpus ("pandas.csv", NULL, &report);

  assert_points (dataset, POINTS (x, y));
  g_assert_true (signbit (slope_dataset_get_y (dataset)[3]));
  g_assert_cmpstr (report->x_name, ==, "x");
  g_assert_cmpstr (report->y_name, ==, "y");
  g_assert_cmpuint (report->rows_missing, ==, 1);
  g_assert_cmpuint (report->skips->len, ==, 0);
}

static void
test_forced_delimiter (void)
{
  static const double x[] = { 1, 2, 3 }, y[] = { 2, 4, 6 };
  SlopeCsvOptions whitespace = { SLOPE_CSV_DELIMITER_WHITESPACE, NULL, NULL };
  SlopeCsvOptions semicolon = { SLOPE_CSV_DELIMITER_SEMICOLON, NULL, NULL };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_corpus ("whitespace.csv", &whitespace, &report);
  g_autoptr(GFile) file = corpus_file ("notebook.csv");
  g_autoptr(GError) error = NULL;

  assert_points (dataset, POINTS (x, y));
  g_assert_cmpint (report->delimiter, ==, SLOPE_CSV_DELIMITER_WHITESPACE);

  /* Read with semicolons, the notebook's file is one column. */
  g_assert_null (slope_csv_load (file, &semicolon, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_TOO_FEW_COLUMNS);
}

static void
test_delimiter_from_string (void)
{
  static const struct { const char *text; SlopeCsvDelimiter delimiter; } good[] = {
    { "comma", SLOPE_CSV_DELIMITER_COMMA }, { ",", SLOPE_CSV_DELIMITER_COMMA },
    { "Semicolon", SLOPE_CSV_DELIMITER_SEMICOLON }, { ";", SLOPE_CSV_DELIMITER_SEMICOLON },
    { "tab", SLOPE_CSV_DELIMITER_TAB }, { "\t", SLOPE_CSV_DELIMITER_TAB },
    { "\\t", SLOPE_CSV_DELIMITER_TAB }, { "whitespace", SLOPE_CSV_DELIMITER_WHITESPACE },
    { "auto", SLOPE_CSV_DELIMITER_AUTO },
  };
  SlopeCsvDelimiter d;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      d = -1;
      g_assert_true (slope_csv_delimiter_from_string (good[i].text, &d));
      g_assert_cmpint (d, ==, good[i].delimiter);
    }
  g_assert_false (slope_csv_delimiter_from_string ("pipe", &d));
  g_assert_false (slope_csv_delimiter_from_string ("", &d));
  g_assert_false (slope_csv_delimiter_from_string (NULL, &d));
}

static void
test_summary (void)
{
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_corpus ("many-skips.csv", NULL, &report);
  g_autofree char *summary = slope_csv_report_summary (report);
  g_auto(GStrv) lines = g_strsplit (summary, "\n", -1);

  g_assert_cmpuint (slope_dataset_get_n (dataset), ==, 30);
  g_assert_cmpuint (report->rows_skipped, ==, 30);
  g_assert_cmpuint (report->skips->len, ==, SLOPE_CSV_MAX_SKIPS);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + SLOPE_CSV_MAX_SKIPS + 1);
  g_assert_cmpstr (lines[0], ==, "30 rows read, 30 skipped");
  g_assert_cmpstr (lines[1], ==, "line 2, column 2 “y”: “bad1” is not a number");
  g_assert_cmpstr (lines[20], ==, "line 40, column 2 “y”: “bad39” is not a number");
  g_assert_cmpstr (lines[21], ==, "… and 10 more");
  g_clear_pointer (&summary, g_free);
  g_clear_pointer (&report, slope_csv_report_free);
  g_clear_object (&dataset);

  dataset = load_corpus ("tab.csv", NULL, &report);
  summary = slope_csv_report_summary (report);
  g_assert_cmpstr (summary, ==, "2 rows read, 1 skipped (1 with missing values)");
  g_clear_pointer (&summary, g_free);
  g_clear_pointer (&report, slope_csv_report_free);
  g_clear_object (&dataset);

  dataset = load_corpus ("no-header.csv", NULL, &report);
  summary = slope_csv_report_summary (report);
  g_assert_cmpstr (summary, ==, "3 rows read");
}

/* Errors ------------------------------------------------------------------- */

typedef struct
{
  const char *file;
  int         code;
  const char *words;     /* must be in the message: the line, a column */
} BadFile;

static const BadFile bad_files[] = {
  { "binary.csv", SLOPE_CSV_ERROR_NOT_TEXT, "line 3" },
  { "latin1.csv", SLOPE_CSV_ERROR_NOT_TEXT, "line 3" },
  { "utf16.csv", SLOPE_CSV_ERROR_NOT_TEXT, "UTF-16" },
  { "unterminated.csv", SLOPE_CSV_ERROR_UNTERMINATED_QUOTE, "line 3" },
  { "one-column.csv", SLOPE_CSV_ERROR_TOO_FEW_COLUMNS, "column" },
  { "one-row.csv", SLOPE_CSV_ERROR_TOO_FEW_ROWS, "“x” and “y”" },
  { "one-usable-row.csv", SLOPE_CSV_ERROR_TOO_FEW_ROWS, "line 3, column 1 “x”: “foo”" },
  { "same-x.csv", SLOPE_CSV_ERROR_X_ALL_EQUAL, "is 2" },
  { "empty.csv", SLOPE_CSV_ERROR_TOO_FEW_ROWS, "no data" },
  { "header-only.csv", SLOPE_CSV_ERROR_TOO_FEW_ROWS, "no rows" },
  { "does-not-exist.csv", SLOPE_CSV_ERROR_UNREADABLE, "No such file" },
};

static void
assert_one_line_naming (const GError *error,
                        const char   *name,
                        const char   *words)
{
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, name));
  g_assert_nonnull (strstr (error->message, words));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_bad_files (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(GFile) file = corpus_file (bad_files[i].file);
      g_autoptr(GError) error = NULL;
      SlopeCsvReport *report = NULL;

      g_assert_null (slope_csv_load (file, NULL, &report, NULL, NULL, NULL, &error));
      g_assert_error (error, SLOPE_CSV_ERROR, bad_files[i].code);
      g_assert_null (report);
      assert_one_line_naming (error, bad_files[i].file, bad_files[i].words);
    }
}

static void
test_folder (void)
{
  g_autoptr(GFile) file = corpus_file (".");
  g_autoptr(GError) error = NULL;

  g_assert_null (slope_csv_load (file, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_UNREADABLE);
  assert_one_line_naming (error, "csv", "folder");
}

static void
test_no_such_column (void)
{
  static const struct { const char *x, *y, *file, *words; } cases[] = {
    { "zzz", NULL, "columns.csv", "“zzz”; the columns are “id”, “name”, “height”, “weight”, “age”" },
    { NULL, "6", "columns.csv", "no column 6; the file has 5 columns" },
    { "0", NULL, "columns.csv", "no column 0" },
    { "x", NULL, "no-header.csv", "from 1 to 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SlopeCsvOptions options = { SLOPE_CSV_DELIMITER_AUTO, cases[i].x, cases[i].y };
      g_autoptr(GFile) file = corpus_file (cases[i].file);
      g_autoptr(GError) error = NULL;

      g_assert_null (slope_csv_load (file, &options, NULL, NULL, NULL, NULL, &error));
      g_assert_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_NO_SUCH_COLUMN);
      assert_one_line_naming (error, cases[i].file, cases[i].words);
    }
}

/* Rows of "i,2i", with @tail after them. */
static GBytes *
make_rows (guint       n,
           const char *tail)
{
  GString *s = g_string_new ("x,y\n");

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (s, "%u,%u\n", i, 2 * i);
  g_string_append (s, tail);
  return g_string_free_to_bytes (s);
}

/* Past the rows sampled for guessing the layout, the whole file still
 * counts: a late NUL, bad UTF-8 or open quote stops the load. */
static void
test_errors_late_in_file (void)
{
  static const struct { const char *tail; int code; const char *words; } cases[] = {
    { "5001,1\0\n", SLOPE_CSV_ERROR_NOT_TEXT, "late.csv: line 5002" },
    { "5001,\xff\n", SLOPE_CSV_ERROR_NOT_TEXT, "late.csv: line 5002" },
    { "5001,1\n\"5002,2\n5003,3\n", SLOPE_CSV_ERROR_UNTERMINATED_QUOTE, "late.csv: line 5003" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize tail_len = i == 0 ? 8 : strlen (cases[i].tail);
      g_autoptr(GBytes) head = make_rows (5000, "");
      g_autoptr(GByteArray) all = g_byte_array_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      g_byte_array_append (all, g_bytes_get_data (head, NULL), g_bytes_get_size (head));
      g_byte_array_append (all, (const guint8 *) cases[i].tail, tail_len);
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&all));

      g_assert_null (slope_csv_load_bytes (bytes, "late.csv", NULL, NULL, NULL, NULL, NULL, &error));
      g_assert_error (error, SLOPE_CSV_ERROR, cases[i].code);
      assert_one_line_naming (error, "late.csv", cases[i].words);
    }
}

/* Cancellation and progress -------------------------------------------------- */

static void
test_cancelled_before (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) file = corpus_file ("notebook.csv");
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (slope_csv_load (file, NULL, NULL, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
cancel_on_progress (double   fraction,
                    gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancelled_while_loading (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) bytes = make_rows (200000, "");
  g_autoptr(GError) error = NULL;

  g_assert_null (slope_csv_load_bytes (bytes, "big.csv", NULL, NULL, cancellable,
                                       cancel_on_progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, fraction);
}

static void
test_progress (void)
{
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GBytes) bytes = make_rows (200000, "");
  g_autoptr(SlopeDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = slope_csv_load_bytes (bytes, "big.csv", NULL, NULL, NULL,
                                  record_progress, fractions, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slope_dataset_get_n (dataset), ==, 200000);
  g_assert_cmpfloat (slope_dataset_get_y (dataset)[199999], ==, 400000);

  g_assert_cmpuint (fractions->len, >=, 10);
  g_assert_cmpuint (fractions->len, <=, 101);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >, g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, 0), >, 0.0);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
}

/* Loads of the same bytes on several threads at once agree. */
static gpointer
load_in_thread (gpointer data)
{
  return slope_csv_load_bytes (data, "shared.csv", NULL, NULL, NULL, NULL, NULL, NULL);
}

static void
test_threads (void)
{
  g_autoptr(GBytes) bytes = make_rows (50000, "oops,1\n");
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("load", load_in_thread, bytes);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(SlopeDataset) dataset = g_thread_join (threads[i]);

      g_assert_nonnull (dataset);
      g_assert_cmpuint (slope_dataset_get_n (dataset), ==, 50000);
      g_assert_cmpfloat (slope_dataset_get_moments (dataset)->sum_x, ==, 50000.0 * 50001.0 / 2);
    }
}

/* Preview -------------------------------------------------------------------- */

static void
test_preview (void)
{
  static const gboolean numeric[] = { FALSE, TRUE, TRUE, TRUE };
  g_autoptr(GFile) file = corpus_file ("pandas.csv");
  g_autoptr(SlopeCsvPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  char **row;

  preview = slope_csv_preview (file, NULL, 4, &error);
  g_assert_no_error (error);
  g_assert_true (preview->has_header);
  g_assert_cmpint (preview->delimiter, ==, SLOPE_CSV_DELIMITER_COMMA);
  g_assert_cmpuint (preview->n_columns, ==, 4);
  g_assert_cmpstr (preview->column_names[0], ==, "city");
  g_assert_cmpstr (preview->column_names[3], ==, "count");
  g_assert_null (preview->column_names[4]);
  for (guint c = 0; c < 4; c++)
    g_assert_cmpint (preview->numeric[c], ==, numeric[c]);
  g_assert_cmpuint (preview->x_column, ==, 2);
  g_assert_cmpuint (preview->y_column, ==, 3);

  g_assert_cmpuint (preview->rows->len, ==, 4);
  row = g_ptr_array_index (preview->rows, 2);
  g_assert_cmpstr (row[0], ==, "The \"Big\" Apple");
  g_assert_cmpstr (row[2], ==, "1e+22");
  row = g_ptr_array_index (preview->rows, 3);
  g_assert_cmpstr (row[0], ==, "Seoul, KR");
  g_assert_cmpstr (row[1], ==, "");
}

static void
test_preview_no_header (void)
{
  g_autoptr(GFile) file = corpus_file ("one-column.csv");
  g_autoptr(GFile) plain = corpus_file ("no-header.csv");
  g_autoptr(GFile) bad = corpus_file ("binary.csv");
  g_autoptr(SlopeCsvPreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  /* A file the loader refuses can still be previewed. */
  preview = slope_csv_preview (file, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->n_columns, ==, 1);
  g_assert_cmpuint (preview->x_column, ==, 0);
  g_clear_pointer (&preview, slope_csv_preview_free);

  preview = slope_csv_preview (plain, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_false (preview->has_header);
  g_assert_cmpstr (preview->column_names[1], ==, "Column 2");
  g_assert_cmpuint (preview->rows->len, ==, 3);
  g_assert_cmpstr (((char **) g_ptr_array_index (preview->rows, 0))[0], ==, "1");
  g_clear_pointer (&preview, slope_csv_preview_free);

  g_assert_null (slope_csv_preview (bad, NULL, 10, &error));
  g_assert_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_NOT_TEXT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/csv/notebook", test_notebook);
  g_test_add_func ("/csv/quoted", test_quoted);
  g_test_add_func ("/csv/crlf", test_crlf);
  g_test_add_func ("/csv/cr-only", test_cr_only);
  g_test_add_func ("/csv/bom", test_bom);
  g_test_add_func ("/csv/no-final-newline", test_no_final_newline);
  g_test_add_func ("/csv/spaces-trimmed", test_spaces_trimmed);
  g_test_add_func ("/csv/semicolon-decimal-comma", test_semicolon_decimal_comma);
  g_test_add_func ("/csv/tab", test_tab);
  g_test_add_func ("/csv/whitespace", test_whitespace);
  g_test_add_func ("/csv/no-header", test_no_header);
  g_test_add_func ("/csv/comments-and-blank-lines", test_comments_and_blank_lines);
  g_test_add_func ("/csv/choose-columns", test_choose_columns);
  g_test_add_func ("/csv/unicode-names", test_unicode_names);
  g_test_add_func ("/csv/missing-values-counted", test_missing_values_counted);
  g_test_add_func ("/csv/invalid-values-reported", test_invalid_values_reported);
  g_test_add_func ("/csv/short-row", test_short_row);
  g_test_add_func ("/csv/number-syntax", test_number_syntax);
  g_test_add_func ("/csv/pandas", test_pandas);
  g_test_add_func ("/csv/forced-delimiter", test_forced_delimiter);
  g_test_add_func ("/csv/delimiter-from-string", test_delimiter_from_string);
  g_test_add_func ("/csv/summary", test_summary);
  g_test_add_func ("/csv/bad-files", test_bad_files);
  g_test_add_func ("/csv/folder", test_folder);
  g_test_add_func ("/csv/no-such-column", test_no_such_column);
  g_test_add_func ("/csv/errors-late-in-file", test_errors_late_in_file);
  g_test_add_func ("/csv/cancelled-before", test_cancelled_before);
  g_test_add_func ("/csv/cancelled-while-loading", test_cancelled_while_loading);
  g_test_add_func ("/csv/progress", test_progress);
  g_test_add_func ("/csv/threads", test_threads);
  g_test_add_func ("/csv/preview", test_preview);
  g_test_add_func ("/csv/preview-no-header", test_preview_no_header);

  return g_test_run ();
}
