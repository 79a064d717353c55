/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv-columns.c: the columns chosen when nobody chose, the columns'
 * names carried by the dataset, and R's write.table format. */
#include "config.h"

#include <string.h>

#include "slope-csv.h"

static SlopeDataset *
load_text (const char      *text,
           SlopeCsvReport **report)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  SlopeDataset *dataset;

  dataset = slope_csv_load_bytes (bytes, "test.csv", NULL, report, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static void
assert_columns (const char *text,
                const char *x_name,
                const char *y_name,
                double      first_x,
                double      first_y)
{
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_text (text, &report);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  SlopeCsvPreview *preview;

  g_test_message ("%s", text);
  g_assert_cmpstr (report->x_name, ==, x_name);
  g_assert_cmpstr (report->y_name, ==, y_name);
  g_assert_cmpstr (slope_dataset_get_x_name (dataset), ==, x_name);
  g_assert_cmpstr (slope_dataset_get_y_name (dataset), ==, y_name);
  g_assert_cmpfloat (slope_dataset_get_x (dataset)[0], ==, first_x);
  g_assert_cmpfloat (slope_dataset_get_y (dataset)[0], ==, first_y);

  /* The picker proposes the same two. */
  preview = slope_csv_preview_bytes (bytes, "test.csv", NULL, 10, NULL);
  g_assert_nonnull (preview);
  g_assert_cmpuint (preview->x_column, ==, report->x_column);
  g_assert_cmpuint (preview->y_column, ==, report->y_column);
  slope_csv_preview_free (preview);
}

/* An id column is not x. */
static void
test_id_column (void)
{
  assert_columns ("id,size,price\n1,500,120000\n2,1200,230000\n3,1800,330000\n",
                  "size", "price", 500, 120000);
  assert_columns ("ID;size;price\n1;500;120000\n2;1200;230000\n3;1800;330000\n",
                  "size", "price", 500, 120000);
  /* Named id, with names that say nothing of x and y and ids out of
   * order: the name alone passes over it. */
  assert_columns ("id,a,b\n17,0.5,1.5\n3,0.25,2.5\n9,0.75,3.5\n", "a", "b", 0.5, 1.5);
  /* pandas' to_csv() with its index: an empty first header cell. */
  assert_columns (",size,price\n0,500,120000\n1,1200,230000\n2,1800,330000\n",
                  "size", "price", 500, 120000);
}

/* Row numbers by any name: whole numbers rising through the sample. */
static void
test_row_numbers (void)
{
  assert_columns ("obs,a,b\n7,0.5,1.5\n8,0.25,2.5\n12,0.75,3.5\n20,1.5,4.5\n",
                  "a", "b", 0.5, 1.5);
  /* Not when they fall back, or are not whole. */
  assert_columns ("obs,a,b\n7,0.5,1.5\n8,0.25,2.5\n3,0.75,3.5\n",
                  "obs", "a", 7, 0.5);
  assert_columns ("t,a,b\n0.5,0.5,1.5\n1.5,0.25,2.5\n2.5,0.75,3.5\n",
                  "t", "a", 0.5, 0.5);
  /* With two numeric columns only, the first is x whatever it looks like. */
  assert_columns ("n,v\n1,10\n2,30\n3,20\n", "n", "v", 1, 10);
}

/* A header that names y first still gives y as y. */
static void
test_names_decide (void)
{
  assert_columns ("price,size_m2\n120000,500\n230000,1200\n330000,1800\n",
                  "size_m2", "price", 500, 120000);
  assert_columns ("year,rooms,Price (EUR)\n1990,3,120000\n2001,4,230000\n2010,5,330000\n",
                  "year", "Price (EUR)", 1990, 120000);
  assert_columns ("target,x\n1,2\n3,4\n5,7\n", "x", "target", 2, 1);
}

/* R: write.table(df) writes the row names as a column the header lacks,
 * and quotes every string. */
static void
test_r_write_table (void)
{
  const char *r = "\"x\" \"y\"\n\"1\" 1.5 2.3\n\"2\" 2.5 4.1\n\"3\" 3.5 6.2\n\"4\" 4.5 8\n";
  const char *r_named = "\"size\" \"price\"\n\"a\" 500 120000\n\"b\" 1200 230000\n\"c\" 1800 330000\n";
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_text (r, &report);

  g_assert_cmpint (report->delimiter, ==, SLOPE_CSV_DELIMITER_WHITESPACE);
  g_assert_true (report->has_header);
  g_assert_cmpuint (slope_dataset_get_n (dataset), ==, 4);
  g_assert_cmpfloat (slope_dataset_get_x (dataset)[3], ==, 4.5);
  g_assert_cmpfloat (slope_dataset_get_y (dataset)[3], ==, 8.0);
  g_assert_cmpstr (slope_dataset_get_x_name (dataset), ==, "x");
  g_assert_cmpstr (slope_dataset_get_y_name (dataset), ==, "y");
  g_assert_cmpuint (report->rows_skipped, ==, 0);

  /* Text row names are a text column. */
  assert_columns (r_named, "size", "price", 500, 120000);
}

/* Without a header the dataset has no names of its own: "x" and "y". */
static void
test_no_header_names (void)
{
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeDataset) dataset = load_text ("1,2\n2,4\n3,7\n", &report);

  g_assert_false (slope_dataset_has_names (dataset));
  g_assert_cmpstr (slope_dataset_get_x_name (dataset), ==, "x");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-columns/id-column", test_id_column);
  g_test_add_func ("/csv-columns/row-numbers", test_row_numbers);
  g_test_add_func ("/csv-columns/names-decide", test_names_decide);
  g_test_add_func ("/csv-columns/r-write-table", test_r_write_table);
  g_test_add_func ("/csv-columns/no-header-names", test_no_header_names);

  return g_test_run ();
}
