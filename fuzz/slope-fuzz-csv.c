/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-fuzz-csv.c: bytes to a dataset, with options drawn from the input.
 *
 * Loads and previews the bytes as a file would be, and checks what no
 * input may break: a load either fails with a message naming the file or
 * gives at least two finite points whose count adds up with the report.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "slope-csv-private.h"
#include "slope-fuzz-csv.h"

#define DISPLAY_NAME "fuzz.csv"

static void
check (gboolean    ok,
       const char *what)
{
  if (!ok)
    {
      g_printerr ("slope-fuzz-csv: %s\n", what);
      abort ();
    }
}

static void
check_dataset (SlopeDataset         *dataset,
               const SlopeCsvReport *report)
{
  gsize n = slope_dataset_get_n (dataset);
  const double *x = slope_dataset_get_x (dataset);
  const double *y = slope_dataset_get_y (dataset);
  g_autofree char *summary = slope_csv_report_summary (report);

  check (n >= 2, "a loaded dataset has fewer than two points");
  check (report->rows_read == n, "the report's rows_read is not the dataset's size");
  check (report->rows_missing <= report->rows_skipped, "more missing rows than skipped");
  check (report->skips->len <= SLOPE_CSV_MAX_SKIPS, "too many skips described");
  check (report->x_column != report->y_column, "x and y are the same column");
  check (summary != NULL && g_utf8_validate (summary, -1, NULL), "summary is not UTF-8");
  for (gsize i = 0; i < n; i++)
    check (isfinite (x[i]) && isfinite (y[i]), "a point is not finite");
  for (guint i = 0; i < report->skips->len; i++)
    {
      g_autofree char *text = slope_csv_skip_describe (g_ptr_array_index (report->skips, i));

      check (g_utf8_validate (text, -1, NULL), "a skip's description is not UTF-8");
    }
}

static gboolean
same_skip (const SlopeCsvSkip *a,
           const SlopeCsvSkip *b)
{
  return a->kind == b->kind && a->line == b->line && a->column == b->column
         && g_strcmp0 (a->column_name, b->column_name) == 0
         && g_strcmp0 (a->text, b->text) == 0 && g_strcmp0 (a->reason, b->reason) == 0;
}

/* The same bytes read in blocks of @block bytes, each split between two
 * threads, give what one block read by one thread gave: the same error, or
 * the same points to the bit and the same report. */
static void
check_blocks (GBytes                *bytes,
              const SlopeCsvOptions *options,
              gsize                  block,
              SlopeDataset          *dataset,
              const SlopeCsvReport  *report,
              const GError          *error)
{
  g_autoptr(SlopeCsvReport) blocks_report = NULL;
  g_autoptr(SlopeDataset) blocks_dataset = NULL;
  g_autoptr(GError) blocks_error = NULL;
  gsize n;

  slope_csv_set_block_size (block, 0);
  blocks_dataset = slope_csv_load_bytes (bytes, DISPLAY_NAME, options, &blocks_report, NULL,
                                         NULL, NULL, &blocks_error);
  slope_csv_set_block_size (0, 0);

  if (dataset == NULL)
    {
      check (blocks_dataset == NULL, "blocks read a file that one block refuses");
      check (g_error_matches (blocks_error, error->domain, error->code)
             && g_str_equal (blocks_error->message, error->message),
             "blocks give another error than one block");
      return;
    }
  check (blocks_dataset != NULL, "blocks refuse a file that one block reads");
  n = slope_dataset_get_n (dataset);
  check (slope_dataset_get_n (blocks_dataset) == n, "blocks read another number of points");
  check (memcmp (slope_dataset_get_x (dataset), slope_dataset_get_x (blocks_dataset),
                 n * sizeof (double)) == 0
         && memcmp (slope_dataset_get_y (dataset), slope_dataset_get_y (blocks_dataset),
                    n * sizeof (double)) == 0, "blocks read other points");
  check (blocks_report->rows_skipped == report->rows_skipped
         && blocks_report->rows_missing == report->rows_missing
         && blocks_report->skips->len == report->skips->len, "blocks count other skips");
  for (guint i = 0; i < report->skips->len; i++)
    check (same_skip (g_ptr_array_index (report->skips, i),
                      g_ptr_array_index (blocks_report->skips, i)),
           "blocks describe a skipped row otherwise");
}

gboolean
slope_fuzz_csv_one (const guint8 *data,
                    gsize         size)
{
  static const SlopeCsvDelimiter delimiters[] = {
    SLOPE_CSV_DELIMITER_AUTO, SLOPE_CSV_DELIMITER_COMMA, SLOPE_CSV_DELIMITER_SEMICOLON,
    SLOPE_CSV_DELIMITER_TAB, SLOPE_CSV_DELIMITER_WHITESPACE,
  };
  SlopeCsvOptions options = { SLOPE_CSV_DELIMITER_AUTO, NULL, NULL };
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(SlopeCsvPreview) preview = NULL;
  g_autoptr(SlopeDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) preview_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char x_text[8], y_text[8];

  if (size < 2)
    return FALSE;

  options.delimiter = delimiters[data[0] % G_N_ELEMENTS (delimiters)];
  /* Low nibble: the x column (0: automatic), high: y; by number. */
  if (data[1] & 0x0F)
    {
      g_snprintf (x_text, sizeof x_text, "%u", data[1] & 0x0F);
      options.x_column = x_text;
    }
  if (data[1] >> 4)
    {
      g_snprintf (y_text, sizeof y_text, "%u", data[1] >> 4);
      options.y_column = y_text;
    }
  bytes = g_bytes_new (data + 2, size - 2);

  dataset = slope_csv_load_bytes (bytes, DISPLAY_NAME, &options, &report, NULL, NULL, NULL,
                                  &error);
  if (dataset == NULL)
    {
      check (error != NULL && error->domain == SLOPE_CSV_ERROR, "a failed load has no error");
      check (g_str_has_prefix (error->message, DISPLAY_NAME ": "),
             "an error does not name the file");
      check (report == NULL, "a failed load set the report");
    }
  else
    check_dataset (dataset, report);
  /* Blocks of 1 to 32 bytes, by the first byte's high bits. */
  check_blocks (bytes, &options, (data[0] >> 3) + 1, dataset, report, error);

  preview = slope_csv_preview_bytes (bytes, DISPLAY_NAME, &options, 10, &preview_error);
  if (preview != NULL)
    {
      check (preview->delimiter != SLOPE_CSV_DELIMITER_AUTO, "the preview's delimiter is AUTO");
      check (preview->rows->len <= 10, "the preview has too many rows");
      for (guint r = 0; r < preview->rows->len; r++)
        {
          char **row = g_ptr_array_index (preview->rows, r);

          for (guint c = 0; c < preview->n_columns; c++)
            check (row[c] != NULL, "a preview row is short");
          check (row[preview->n_columns] == NULL, "a preview row is long");
        }
    }
  else
    check (preview_error != NULL, "a failed preview has no error");

  return dataset != NULL;
}
