/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv-cases.c: the CSV reader on small files worked out by hand, one
 * per rule that a plausible bug would break: the delimiter sniffer (quotes,
 * ties), decimal commas in long numbers, line numbers across CRLF inside
 * quotes.  Each expectation is written from the file, not from the reader.
 */
#include "config.h"

#include <string.h>

#include "slope-csv.h"

static SlopeDataset *
load_text (const char       *text,
           const char       *x_column,
           const char       *y_column,
           SlopeCsvReport  **report)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  SlopeCsvOptions options = { SLOPE_CSV_DELIMITER_AUTO, x_column, y_column };
  g_autoptr(GError) error = NULL;
  SlopeDataset *dataset;

  dataset = slope_csv_load_bytes (bytes, "case.csv", &options, report, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
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

/* Semicolons inside quoted labels are text: every record has one, but the
 * delimiter is the comma, two per record outside the quotes. */
static void
test_sniffer_ignores_quoted_delimiters (void)
{
  static const double x[] = { 1, 2, 3 };
  static const double y[] = { 2, 4, 6 };
  SlopeCsvReport *report = NULL;
  g_autoptr(SlopeDataset) dataset = load_text ("\"name; label\",x,y\n"
                                               "\"a; b\",1,2\n"
                                               "\"c; d\",2,4\n"
                                               "\"e; f\",3,6\n",
                                               "x", "y", &report);

  g_assert_cmpint (report->delimiter, ==, SLOPE_CSV_DELIMITER_COMMA);
  g_assert_true (report->has_header);
  assert_points (dataset, x, y, 3);
  slope_csv_report_free (report);
}

/* A ragged file: every record has commas and semicolons, neither the same
 * number of times in each (commas 2, 2, 2, 3; semicolons 1, 1, 2, 1), so
 * neither is consistent and each appears in all four records.  The tie
 * goes to the comma: x and y are the first two cells. */
static void
test_ragged_tie_goes_to_comma (void)
{
  static const double x[] = { 1, 3, 5 };
  static const double y[] = { 2, 4, 6 };
  SlopeCsvReport *report = NULL;
  g_autoptr(SlopeDataset) dataset = load_text ("x,y,n;a\n"
                                               "1,2,a;b\n"
                                               "3,4,c;d;e\n"
                                               "5,6,f,g;h\n",
                                               NULL, NULL, &report);

  g_assert_cmpint (report->delimiter, ==, SLOPE_CSV_DELIMITER_COMMA);
  g_assert_cmpstr (report->x_name, ==, "x");
  g_assert_cmpstr (report->y_name, ==, "y");
  assert_points (dataset, x, y, 3);
  g_assert_cmpuint (report->rows_skipped, ==, 0);
  slope_csv_report_free (report);
}

/* A semicolon file writes decimals with commas, also in cells with more
 * digits than a 64-bit integer holds (the slow path of the number
 * reader).  The compiler reads the same decimals in C. */
static void
test_semicolon_long_decimals (void)
{
  /* The last x is a hair above 1 + 2⁻⁵³ (written out exactly, then a 1),
   * half-way between 1 and the next double: it rounds up to 1 + 2⁻⁵²,
   * and no 19 of its digits decide that. */
  static const double x[] = { 1.12345678901234567890123, 2.5, 3, 0x1.0000000000001p+0 };
  static const double y[] = { 2.5, 3.000000000000000000000000001, -0.0000123456789012345678901,
                              4 };
  SlopeCsvReport *report = NULL;
  g_autoptr(SlopeDataset) dataset = load_text ("x;y\n"
                                               "1,12345678901234567890123;2,5\n"
                                               "2,5;3,000000000000000000000000001\n"
                                               "3;-0,0000123456789012345678901\n"
                                               "1,000000000000000111022302462515654042363166809082031251;4\n",
                                               NULL, NULL, &report);

  g_assert_cmpint (report->delimiter, ==, SLOPE_CSV_DELIMITER_SEMICOLON);
  assert_points (dataset, x, y, 4);
  g_assert_cmpfloat (slope_dataset_get_x (dataset)[0], !=, 1.0);
  slope_csv_report_free (report);
}

/* Every record has one semicolon and two commas: semicolons everywhere
 * mean the commas are decimal commas, even when the commas are just as
 * regular. */
static void
test_semicolons_beat_regular_decimal_commas (void)
{
  static const double x[] = { 1.5, 3.25, 5.75 };
  static const double y[] = { 2.5, 4.125, 6.5 };
  SlopeCsvReport *report = NULL;
  g_autoptr(SlopeDataset) dataset = load_text ("1,5;2,5\n3,25;4,125\n5,75;6,5\n",
                                               NULL, NULL, &report);

  g_assert_cmpint (report->delimiter, ==, SLOPE_CSV_DELIMITER_SEMICOLON);
  g_assert_false (report->has_header);
  assert_points (dataset, x, y, 3);
  slope_csv_report_free (report);
}

/* CRLF inside a quoted cell is one line break: the record after the
 * two-line cell starts on line 5, as an editor shows it. */
static void
test_crlf_inside_quotes_is_one_line (void)
{
  static const double x[] = { 1, 5 };
  static const double y[] = { 2, 6 };
  SlopeCsvReport *report = NULL;
  g_autoptr(SlopeDataset) dataset = load_text ("x,y\r\n"
                                               "1,2\r\n"
                                               "\"multi\r\nline\",3\r\n"
                                               "4,oops\r\n"
                                               "5,6\r\n",
                                               NULL, NULL, &report);
  const SlopeCsvSkip *skip;

  assert_points (dataset, x, y, 2);
  g_assert_cmpuint (report->skips->len, ==, 2);
  skip = g_ptr_array_index (report->skips, 0);
  g_assert_cmpuint (skip->line, ==, 3);
  g_assert_cmpuint (skip->column, ==, 1);
  skip = g_ptr_array_index (report->skips, 1);
  g_assert_cmpuint (skip->line, ==, 5);
  g_assert_cmpuint (skip->column, ==, 2);
  g_assert_cmpstr (skip->text, ==, "oops");
  slope_csv_report_free (report);
}

/* A doubled quote inside quotes is one quote and does not end the cell:
 * the comma after it is text, so x and y are the second and third cells. */
static void
test_doubled_quote (void)
{
  static const double x[] = { 1, 3 };
  static const double y[] = { 2, 4 };
  SlopeCsvReport *report = NULL;
  g_autoptr(SlopeDataset) dataset = load_text ("note,x,y\n"
                                               "\"say \"\"hi, there\"\"\",1,2\n"
                                               "plain,3,4\n",
                                               "x", "y", &report);

  g_assert_cmpint (report->delimiter, ==, SLOPE_CSV_DELIMITER_COMMA);
  assert_points (dataset, x, y, 2);
  g_assert_cmpuint (report->rows_skipped, ==, 0);
  slope_csv_report_free (report);
}

/* NA is missing (counted, not described); inf is a value that is not
 * finite (described, line 3). */
static void
test_missing_and_not_finite (void)
{
  static const double x[] = { 1, 4 };
  static const double y[] = { 2, 8 };
  SlopeCsvReport *report = NULL;
  g_autoptr(SlopeDataset) dataset = load_text ("x,y\n1,2\n2,NA\n3,inf\n4,8\n",
                                               NULL, NULL, &report);
  const SlopeCsvSkip *skip;

  assert_points (dataset, x, y, 2);
  g_assert_cmpuint (report->rows_skipped, ==, 2);
  g_assert_cmpuint (report->rows_missing, ==, 1);
  g_assert_cmpuint (report->skips->len, ==, 1);
  skip = g_ptr_array_index (report->skips, 0);
  g_assert_cmpint (skip->kind, ==, SLOPE_CSV_SKIP_NOT_FINITE);
  g_assert_cmpuint (skip->line, ==, 4);
  slope_csv_report_free (report);
}

/* Tabs and commas in every record: the delimiter is the one with more
 * cells per record. */
static void
test_tab_against_comma (void)
{
  static const double x[] = { 1, 3 };
  static const double y[] = { 2, 4 };
  SlopeCsvReport *report = NULL;
  g_autoptr(SlopeDataset) dataset = load_text ("x\ty\tnote,a\n1\t2\tc,d\n3\t4\te,f\n",
                                               NULL, NULL, &report);

  g_assert_cmpint (report->delimiter, ==, SLOPE_CSV_DELIMITER_TAB);
  assert_points (dataset, x, y, 2);
  slope_csv_report_free (report);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/csv-cases/sniffer-ignores-quoted-delimiters",
                   test_sniffer_ignores_quoted_delimiters);
  g_test_add_func ("/csv-cases/ragged-tie-goes-to-comma", test_ragged_tie_goes_to_comma);
  g_test_add_func ("/csv-cases/semicolon-long-decimals", test_semicolon_long_decimals);
  g_test_add_func ("/csv-cases/semicolons-beat-regular-decimal-commas",
                   test_semicolons_beat_regular_decimal_commas);
  g_test_add_func ("/csv-cases/crlf-inside-quotes-is-one-line", test_crlf_inside_quotes_is_one_line);
  g_test_add_func ("/csv-cases/doubled-quote", test_doubled_quote);
  g_test_add_func ("/csv-cases/missing-and-not-finite", test_missing_and_not_finite);
  g_test_add_func ("/csv-cases/tab-against-comma", test_tab_against_comma);

  return g_test_run ();
}
