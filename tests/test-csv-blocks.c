/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv-blocks.c: the reader in blocks, and each block split between
 * two threads, against hand-worked results.
 *
 * A file is read in blocks and a large block is parsed by two threads,
 * the second starting after a line break near the middle, a guess the
 * first thread confirms.  Small files are read here with every block size
 * from one byte up, so that a block ends inside a number, inside a quoted
 * field, between \r and \n, and the middle falls inside a quoted field
 * whose lines look like records.  The points, the skipped rows and their
 * line numbers must be what one pass over the file gives, written out by
 * hand below.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "slope-csv-private.h"
#include "slope-csv.h"

typedef struct
{
  guint       line;
  guint       column;
  const char *text;
} ExpectedSkip;

typedef struct
{
  const char         *name;
  const char         *text;
  gsize               n;
  const double       *x;
  const double       *y;
  gsize               rows_skipped;
  gsize               rows_missing;
  guint               n_skips;
  const ExpectedSkip *skips;
} Case;

static void
assert_result (const Case           *c,
               SlopeDataset         *dataset,
               const SlopeCsvReport *report,
               const GError         *error,
               gsize                 block)
{
  if (error != NULL)
    g_error ("%s, blocks of %" G_GSIZE_FORMAT ": %s", c->name, block, error->message);
  g_assert_nonnull (dataset);
  if (slope_dataset_get_n (dataset) != c->n)
    g_error ("%s, blocks of %" G_GSIZE_FORMAT ": %" G_GSIZE_FORMAT " points, not %" G_GSIZE_FORMAT,
             c->name, block, slope_dataset_get_n (dataset), c->n);
  for (gsize i = 0; i < c->n; i++)
    {
      g_assert_cmpfloat (slope_dataset_get_x (dataset)[i], ==, c->x[i]);
      g_assert_cmpfloat (slope_dataset_get_y (dataset)[i], ==, c->y[i]);
    }
  g_assert_cmpuint (report->rows_read, ==, c->n);
  g_assert_cmpuint (report->rows_skipped, ==, c->rows_skipped);
  g_assert_cmpuint (report->rows_missing, ==, c->rows_missing);
  g_assert_cmpuint (report->skips->len, ==, c->n_skips);
  for (guint i = 0; i < c->n_skips; i++)
    {
      const SlopeCsvSkip *skip = g_ptr_array_index (report->skips, i);

      if (skip->line != c->skips[i].line)
        g_error ("%s, blocks of %" G_GSIZE_FORMAT ": skip %u on line %u, not %u",
                 c->name, block, i, skip->line, c->skips[i].line);
      g_assert_cmpuint (skip->column, ==, c->skips[i].column);
      g_assert_cmpstr (skip->text, ==, c->skips[i].text);
    }
}

static char *
write_file (const char *dir,
            const char *text)
{
  char *path = g_build_filename (dir, "blocks.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Every block size from 1 byte to the whole file and one more, split
 * whenever a block has two lines; from a file and from memory. */
static void
check_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *dir = g_dir_make_tmp ("slope-blocks-XXXXXX", NULL);
  g_autofree char *path = write_file (dir, c->text);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static (c->text, strlen (c->text));
  gsize len = strlen (c->text);

  for (gsize block = 0; block <= len + 1; block++)
    {
      g_autoptr(SlopeCsvReport) file_report = NULL;
      g_autoptr(SlopeCsvReport) bytes_report = NULL;
      g_autoptr(SlopeDataset) from_file = NULL;
      g_autoptr(SlopeDataset) from_bytes = NULL;
      g_autoptr(GError) file_error = NULL;
      g_autoptr(GError) bytes_error = NULL;

      /* Block 0 is the default: the whole of a small file, one thread. */
      slope_csv_set_block_size (block, 0);
      from_file = slope_csv_load (file, NULL, &file_report, NULL, NULL, NULL, &file_error);
      from_bytes = slope_csv_load_bytes (bytes, "blocks.csv", NULL, &bytes_report, NULL,
                                         NULL, NULL, &bytes_error);
      slope_csv_set_block_size (0, 0);
      assert_result (c, from_file, file_report, file_error, block);
      assert_result (c, from_bytes, bytes_report, bytes_error, block);
    }
  g_unlink (path);
  g_rmdir (dir);
}

/* Quoted line breaks (\r\n and \n), a number too large, a word, a quoted
 * number, and a last line without a line break.  Lines:
 *   1 header; 2–3 the first row; 4; 5–6 "oops" in y; 7–8; 9 1e999;
 *   10; 11. */
static const double mixed_x[] = { 1, 3, 7, 11, 13 };
static const double mixed_y[] = { 2, 4, 8, 12, 14.5 };
static const ExpectedSkip mixed_skips[] = { { 5, 2, "oops" }, { 9, 2, "1e999" } };
static const Case mixed = {
  "mixed",
  "x,y,note\r\n"
  "1,2,\"a\r\nb\"\r\n"
  "3,4,plain\r\n"
  "5,oops,\"c\nd\"\n"
  "7,8,\"\n\"\n"
  "9,1e999,x\n"
  "\"11\",12,\"e,f\"\n"
  "13,14.5",
  5, mixed_x, mixed_y, 2, 0, 2, mixed_skips,
};

/* The middle of the file lies inside a quoted field whose lines look like
 * rows (5,6 and 7,8): a second thread starting there reads them, and the
 * first, running past the middle, must throw that away.  Lines: 1 header;
 * 2; 3 (NA: missing); 4–9 one row; 10 "bad" in x; 11; 12. */
static const double quoted_x[] = { 1, 2, 3, 4 };
static const double quoted_y[] = { 10, 20, 30, 40 };
static const ExpectedSkip quoted_skips[] = { { 10, 1, "bad" } };
static const Case quoted_middle = {
  "quoted-middle",
  "x,y,z\n"
  "1,10,a\n"
  "NA,15,b\n"
  "2,20,\"first\n5,6\n7,8\n9,10\n11,12\nlast\"\n"
  "bad,25,c\n"
  "3,30,d\n"
  "4,40,e\n",
  4, quoted_x, quoted_y, 2, 1, 1, quoted_skips,
};

/* Old Mac line ends (a lone \r), a comment and blank lines; lines:
 * 1 header; 2; 3 comment; 4 blank; 5 "x" in y; 6; 7 short; 8. */
static const double cr_x[] = { 1, 5, 9 };
static const double cr_y[] = { 2, 6, 10 };
static const ExpectedSkip cr_skips[] = { { 5, 2, "x" }, { 7, 2, "" } };
static const Case lone_cr = {
  "lone-cr",
  "a,b\r1,2\r# note\r\r3,x\r5,6\r7\r9,10\r",
  3, cr_x, cr_y, 2, 0, 2, cr_skips,
};

/* Blank and comment lines, where a split may fall between two records;
 * lines: 1 header; 2; 3–4 blank; 5 comment; 6 blank; 7; 8–9 blank;
 * 10 "x" in y; 11 blank; 12. */
static const double blank_x[] = { 1, 3, 6 };
static const double blank_y[] = { 2, 4, 7 };
static const ExpectedSkip blank_skips[] = { { 10, 2, "x" } };
static const Case blank_lines = {
  "blank-lines",
  "x,y\n1,2\n\n\n# c\n\n3,4\n\n\n5,x\n\n6,7\n",
  3, blank_x, blank_y, 1, 0, 1, blank_skips,
};

/* Semicolons with decimal commas, and a row of blank cells. */
static const double semicolon_x[] = { 1.5, 3.25, -0.5 };
static const double semicolon_y[] = { 2, 4.75, 1e-3 };
static const Case semicolon = {
  "semicolon",
  "x;y\n1,5;2\n3,25;4,75\n;\n-0,5;1e-3\n",
  3, semicolon_x, semicolon_y, 1, 1, 0, NULL,
};

/* A row in the second half of a large block, reported with its line: a
 * file of 1999 rows (k − 2, 2(k − 2)) for k = 2 … 2000, the row k = 602
 * over three lines (602–604, a quoted line break and a blank line in it),
 * so that the row k = 1499 is on line 1501, and written as @bad there. */
static GString *
long_file (const char *bad)
{
  GString *s = g_string_new ("x,y\n");

  for (guint k = 2; k <= 2000; k++)
    {
      if (k == 601)
        g_string_append (s, "599,\"1198\"\n");
      else if (k == 602)
        g_string_append (s, "600,1200,\"q\n\nr\"\n");
      else if (k == 1499)
        g_string_append (s, bad);
      else
        g_string_append_printf (s, "%u,%u\n", k - 2, 2 * (k - 2));
    }
  return s;
}

static void
test_second_half (void)
{
  g_autoptr(GString) text = long_file ("1499,oops\n");
  g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len);

  /* The whole file in one block, split in two; then blocks of 1000 bytes
   * (several rows each), split too; then the default. */
  static const gsize blocks[] = { 1 << 20, 1000, 0 };

  for (guint b = 0; b < G_N_ELEMENTS (blocks); b++)
    {
      g_autoptr(SlopeCsvReport) report = NULL;
      g_autoptr(SlopeDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;
      const SlopeCsvSkip *skip;

      slope_csv_set_block_size (blocks[b], 0);
      dataset = slope_csv_load_bytes (bytes, "long.csv", NULL, &report, NULL, NULL, NULL, &error);
      slope_csv_set_block_size (0, 0);
      g_assert_no_error (error);
      /* 1999 rows but the one on line 1501. */
      g_assert_cmpuint (slope_dataset_get_n (dataset), ==, 1998);
      g_assert_cmpuint (report->rows_skipped, ==, 1);
      skip = g_ptr_array_index (report->skips, 0);
      g_assert_cmpuint (skip->line, ==, 1501);
      g_assert_cmpstr (skip->text, ==, "oops");
      /* Point 599 is 599,1198 (quoted); point 1497 the row after the
       * bad one, 1498,2996; the last 1998,3996. */
      g_assert_cmpfloat (slope_dataset_get_y (dataset)[599], ==, 1198);
      g_assert_cmpfloat (slope_dataset_get_x (dataset)[600], ==, 600);
      g_assert_cmpfloat (slope_dataset_get_x (dataset)[1497], ==, 1498);
      g_assert_cmpfloat (slope_dataset_get_y (dataset)[1497], ==, 2996);
      g_assert_cmpfloat (slope_dataset_get_x (dataset)[1997], ==, 1998);
      g_assert_cmpfloat (slope_dataset_get_y (dataset)[1997], ==, 3996);
    }
}

/* A quote opened in the second half and never closed: the error names
 * its line, however the file is cut. */
static void
test_unterminated_in_second_half (void)
{
  g_autoptr(GString) text = long_file ("1499,\"2998\n");
  g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len);
  static const gsize blocks[] = { 1 << 20, 1000, 64, 0 };

  for (guint b = 0; b < G_N_ELEMENTS (blocks); b++)
    {
      g_autoptr(SlopeDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;

      slope_csv_set_block_size (blocks[b], 0);
      dataset = slope_csv_load_bytes (bytes, "long.csv", NULL, NULL, NULL, NULL, NULL, &error);
      slope_csv_set_block_size (0, 0);
      g_assert_null (dataset);
      g_assert_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_UNTERMINATED_QUOTE);
      g_assert_cmpstr (error->message, ==, "long.csv: line 1501: a quote opened here is never closed");
    }
}

/* Bytes that are not UTF-8 in a later block are named by their line. */
static void
test_not_text_in_later_block (void)
{
  g_autoptr(GString) text = long_file ("1499,\xff\n");
  g_autofree char *dir = g_dir_make_tmp ("slope-blocks-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  static const gsize blocks[] = { 1 << 20, 1000, 64, 0 };
  g_autoptr(GError) write_error = NULL;

  g_file_set_contents (path, text->str, (gssize) text->len, &write_error);
  g_assert_no_error (write_error);
  for (guint b = 0; b < G_N_ELEMENTS (blocks); b++)
    {
      g_autoptr(SlopeDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;

      slope_csv_set_block_size (blocks[b], 0);
      dataset = slope_csv_load (file, NULL, NULL, NULL, NULL, NULL, &error);
      slope_csv_set_block_size (0, 0);
      g_assert_null (dataset);
      g_assert_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_NOT_TEXT);
      g_assert_cmpstr (error->message, ==, "long.csv: line 1501: not valid UTF-8 text; save the file as UTF-8");
    }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/csv-blocks/mixed", &mixed, check_case);
  g_test_add_data_func ("/csv-blocks/quoted-middle", &quoted_middle, check_case);
  g_test_add_data_func ("/csv-blocks/lone-cr", &lone_cr, check_case);
  g_test_add_data_func ("/csv-blocks/semicolon", &semicolon, check_case);
  g_test_add_data_func ("/csv-blocks/blank-lines", &blank_lines, check_case);
  g_test_add_func ("/csv-blocks/second-half", test_second_half);
  g_test_add_func ("/csv-blocks/unterminated-in-second-half", test_unterminated_in_second_half);
  g_test_add_func ("/csv-blocks/not-text-in-later-block", test_not_text_in_later_block);

  return g_test_run ();
}
