/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-csv.c: loading a CSV file into a dataset, with a report of the
 * rows left out, and previewing its first rows for a column picker.
 *
 * A file is read in blocks of a few megabytes (slope-csv-read.c), each
 * parsed in place and, when large, by two threads, one from its start and
 * one from a line break near its middle (slope-csv-rows.c).  Only the two
 * chosen cells of each row are kept: ten million rows take about 160 MB
 * (the x and y arrays) and a block or two, never the whole file.  All
 * state lives on the stack of the call, so loads may run on worker
 * threads side by side.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "slope-csv-private.h"

#define SAMPLE_ROWS         100
#define HEAD_BYTES          (64 * 1024)

G_DEFINE_QUARK (slope-csv-error-quark, slope_csv_error)

/* Reading the file ------------------------------------------------------- */

static char *
display_name_of (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);

  if (base == NULL)
    return g_file_get_parse_name (file);
  return g_filename_display_name (base);
}

/* Choosing the columns --------------------------------------------------- */

static gboolean
set_no_such_column_error (const SlopeCsvLayout  *layout,
                          const char            *spec,
                          GError               **error)
{
  g_autofree char *wanted = g_strstrip (g_strdup (spec));
  g_autoptr(GString) names = g_string_new (NULL);

  if (wanted[0] != '\0' && strspn (wanted, "0123456789") == strlen (wanted))
    {
      g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_NO_SUCH_COLUMN,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: there is no column %s; the file has %u column",
                                "%s: there is no column %s; the file has %u columns",
                                layout->n_columns),
                   layout->display_name, wanted, layout->n_columns);
      return FALSE;
    }
  if (!layout->has_header)
    {
      g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_NO_SUCH_COLUMN,
                   _("%s: there is no column named “%s”; the file has no header row, so give a column number from 1 to %u"),
                   layout->display_name, wanted, layout->n_columns);
      return FALSE;
    }

  for (guint c = 0; c < layout->n_columns; c++)
    g_string_append_printf (names, c ? ", “%s”" : "“%s”", layout->names[c]);
  g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_NO_SUCH_COLUMN,
               _("%s: there is no column named “%s”; the columns are %s"),
               layout->display_name, wanted, names->str);
  return FALSE;
}

static guint
first_numeric_column_except (const SlopeCsvLayout *layout,
                             guint                 except)
{
  for (guint c = 0; c < layout->n_columns; c++)
    if (layout->numeric[c] && c != except)
      return c;
  return G_MAXUINT;
}

/* x and y by name or number, or else the first two numeric columns. */
static gboolean
pick_columns (const SlopeCsvLayout   *layout,
              const SlopeCsvOptions  *options,
              guint                  *x_column,
              guint                  *y_column,
              GError                **error)
{
  guint x = G_MAXUINT, y = G_MAXUINT;

  if (layout->n_columns == 0)
    {
      g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_TOO_FEW_ROWS,
                   _("%s: the file holds no data"), layout->display_name);
      return FALSE;
    }
  if (layout->rows->len == 0)
    {
      g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_TOO_FEW_ROWS,
                   _("%s: the file has a header but no rows of data"), layout->display_name);
      return FALSE;
    }
  if (options->x_column && (x = slope_csv_layout_find_column (layout, options->x_column)) == G_MAXUINT)
    return set_no_such_column_error (layout, options->x_column, error);
  if (options->y_column && (y = slope_csv_layout_find_column (layout, options->y_column)) == G_MAXUINT)
    return set_no_such_column_error (layout, options->y_column, error);
  if (layout->n_columns < 2)
    {
      g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_TOO_FEW_COLUMNS,
                   _("%s: only one column found; the file needs an x and a y column"),
                   layout->display_name);
      return FALSE;
    }

  if (x == G_MAXUINT && y == G_MAXUINT)
    slope_csv_layout_guess_xy (layout, &x, &y);
  if (x != G_MAXUINT && x == y)
    {
      g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_NO_SUCH_COLUMN,
                   _("%s: x and y are both column %u (“%s”); choose two different columns"),
                   layout->display_name, x + 1, layout->names[x]);
      return FALSE;
    }
  if (x == G_MAXUINT)
    x = first_numeric_column_except (layout, y);
  if (y == G_MAXUINT && x != G_MAXUINT)
    y = first_numeric_column_except (layout, x);
  if (x == G_MAXUINT || y == G_MAXUINT)
    {
      g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_TOO_FEW_COLUMNS,
                   _("%s: fewer than two of its %u columns hold numbers"),
                   layout->display_name, layout->n_columns);
      return FALSE;
    }

  *x_column = x;
  *y_column = y;
  return TRUE;
}

/* The pass over the rows -------------------------------------------------- */

static gboolean
x_varies (const SlopeCsvRows *rows)
{
  for (gsize i = 1; i < rows->n; i++)
    if (rows->x[i] != rows->x[0])
      return TRUE;
  return FALSE;
}

static gboolean
check_result (const SlopeCsvLayout  *layout,
              const SlopeCsvRows    *rows,
              const SlopeCsvReport  *report,
              GError               **error)
{
  const char *name = layout->display_name;

  if (rows->n < 2)
    {
      g_autofree char *first_problem = NULL;

      if (report->skips->len == 0)
        {
          g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_TOO_FEW_ROWS,
                       _("%s: fewer than two rows have a number in both “%s” and “%s”"),
                       name, report->x_name, report->y_name);
          return FALSE;
        }
      first_problem = slope_csv_skip_describe (g_ptr_array_index (report->skips, 0));
      g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_TOO_FEW_ROWS,
                   _("%s: fewer than two rows have a number in both “%s” and “%s” (%s)"),
                   name, report->x_name, report->y_name, first_problem);
      return FALSE;
    }

  if (!x_varies (rows))
    {
      g_autofree char *x = slope_csv_format_number (rows->x[0]);

      g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_X_ALL_EQUAL,
                   _("%s: every x value (“%s”) is %s; a line needs at least two different x values"),
                   name, report->x_name, x);
      return FALSE;
    }

  return TRUE;
}

static SlopeCsvReport *
report_new (const SlopeCsvLayout *layout,
            guint                 x_column,
            guint                 y_column)
{
  SlopeCsvReport *report = g_new0 (SlopeCsvReport, 1);

  report->skips = g_ptr_array_new ();
  report->x_column = x_column + 1;
  report->y_column = y_column + 1;
  report->x_name = g_strdup (layout->names[x_column]);
  report->y_name = g_strdup (layout->names[y_column]);
  report->delimiter = layout->delimiter;
  report->has_header = layout->has_header;
  return report;
}

/* Reads the records from source->start on, the layout being known. */
static SlopeDataset *
load_layout (const SlopeCsvLayout   *layout,
             SlopeCsvSource         *source,
             const SlopeCsvOptions  *options,
             SlopeCsvReport        **report_out,
             GCancellable           *cancellable,
             SlopeCsvProgress        progress,
             gpointer                user_data,
             GError                **error)
{
  g_autoptr(SlopeCsvReport) report = NULL;
  SlopeCsvColumns columns = { 0 };
  SlopeDataset *dataset;
  SlopeCsvRows rows;
  guint x_column, y_column;
  double remaining;

  if (!pick_columns (layout, options, &x_column, &y_column, error))
    return NULL;

  report = report_new (layout, x_column, y_column);
  columns.layout = layout;
  columns.x_column = x_column;
  columns.y_column = y_column;
  columns.decimal_comma = layout->delimiter == SLOPE_CSV_DELIMITER_SEMICOLON;
  remaining = source->size > 0 ? (double) (source->size - source->consumed) : 64 * 1024;
  slope_csv_rows_init (&rows, slope_csv_estimate_rows (layout, remaining));

  if (!slope_csv_read_blocks (&columns, source, &rows, cancellable, progress, user_data, error))
    {
      slope_csv_rows_clear (&rows);
      return NULL;
    }

  report->rows_skipped = rows.rows_skipped;
  report->rows_missing = rows.rows_missing;
  for (guint i = 0; i < rows.skips->len; i++)
    {
      g_ptr_array_add (report->skips, rows.skips->pdata[i]);
      rows.skips->pdata[i] = NULL;
    }
  if (!check_result (layout, &rows, report, error))
    {
      slope_csv_rows_clear (&rows);
      return NULL;
    }

  report->rows_read = rows.n;
  if (report_out)
    *report_out = g_steal_pointer (&report);
  dataset = slope_dataset_new_take (g_renew (double, g_steal_pointer (&rows.x), rows.n),
                                    g_renew (double, g_steal_pointer (&rows.y), rows.n),
                                    rows.n, layout->display_name);
  slope_csv_rows_clear (&rows);
  /* The axes and exports speak of the file's own names. */
  if (layout->has_header)
    slope_dataset_set_names (dataset, layout->names[x_column], layout->names[y_column]);
  return dataset;
}

/**
 * slope_csv_load_bytes:
 * @display_name: how messages name the data, and the dataset's title
 * @options: (nullable): %NULL for automatic everything
 * @report: (out) (optional): what was read and skipped; set only on success
 * @progress: (nullable): called from this thread with increasing fractions,
 *   at most about a hundred times, the last with 1.0
 *
 * Returns: (transfer full): the dataset, or %NULL with @error set in
 * %SLOPE_CSV_ERROR (or %G_IO_ERROR_CANCELLED).
 */
SlopeDataset *
slope_csv_load_bytes (GBytes                 *bytes,
                      const char             *display_name,
                      const SlopeCsvOptions  *options,
                      SlopeCsvReport        **report,
                      GCancellable           *cancellable,
                      SlopeCsvProgress        progress,
                      gpointer                user_data,
                      GError                **error)
{
  static const SlopeCsvOptions defaults = { SLOPE_CSV_DELIMITER_AUTO, NULL, NULL };
  SlopeCsvLayout layout;
  SlopeCsvSource source;
  SlopeDataset *dataset = NULL;
  gsize len = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (report == NULL || *report == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;

  data = g_bytes_get_data (bytes, &len);
  if (len > 0 && !slope_csv_check_text (data, data + len, display_name, cancellable, error))
    return NULL;
  if (!slope_csv_layout_detect (&layout, bytes, display_name, options->delimiter,
                                SAMPLE_ROWS, error))
    return NULL;

  slope_csv_source_init_memory (&source, layout.data, layout.end, display_name);
  slope_csv_source_consume (&source, layout.body, layout.body_line);
  dataset = load_layout (&layout, &source, options, report, cancellable, progress, user_data,
                         error);
  slope_csv_layout_clear (&layout);
  return dataset;
}

/* The end of the last line of [start, end) known to be whole: a \r at the
 * very end may be the first half of \r\n. */
static const char *
end_of_whole_lines (const char *start,
                    const char *end)
{
  for (const char *p = end; p > start; p--)
    if (p[-1] == '\n' || (p[-1] == '\r' && p < end))
      return p;
  return start;
}

/* Guesses the layout from the start of the file, reading more until the
 * sample is whole: a quoted field may hold line breaks, a header may be
 * megabytes long. */
static gboolean
detect_layout (SlopeCsvLayout     *layout,
               SlopeCsvSource     *source,
               SlopeCsvDelimiter   delimiter,
               GError            **error)
{
  gsize wanted = MIN (HEAD_BYTES, slope_csv_block_size (source));

  for (;;)
    {
      g_autoptr(GBytes) head = NULL;
      GError *local_error = NULL;
      const char *usable;
      gboolean final;

      if (!slope_csv_source_fill (source, wanted, error))
        return FALSE;
      /* NUL bytes: text detection says so, however much is read. */
      final = source->eof || memchr (source->start, '\0', (gsize) (source->end - source->start));
      usable = final ? source->end : end_of_whole_lines (source->start, source->end);
      head = g_bytes_new_static (source->start, (gsize) (usable - source->start));
      if (slope_csv_layout_detect (layout, head, source->display_name, delimiter, SAMPLE_ROWS,
                                   &local_error))
        {
          if (final || (layout->rows->len >= SAMPLE_ROWS && layout->sample_end < usable))
            return TRUE;
          slope_csv_layout_clear (layout);
        }
      else if (final || !g_error_matches (local_error, SLOPE_CSV_ERROR,
                                          SLOPE_CSV_ERROR_UNTERMINATED_QUOTE))
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      g_clear_error (&local_error);
      wanted = 2 * MAX (wanted, (gsize) (source->end - source->start));
    }
}

/**
 * slope_csv_load:
 *
 * Like slope_csv_load_bytes(), reading @file in blocks: beyond the
 * points, the memory it takes is a block or two, whatever the file's
 * size.  Safe to call from a worker thread.  The dataset's title is the
 * file's display name.
 */
SlopeDataset *
slope_csv_load (GFile                  *file,
                const SlopeCsvOptions  *options,
                SlopeCsvReport        **report,
                GCancellable           *cancellable,
                SlopeCsvProgress        progress,
                gpointer                user_data,
                GError                **error)
{
  static const SlopeCsvOptions defaults = { SLOPE_CSV_DELIMITER_AUTO, NULL, NULL };
  g_autofree char *display_name = NULL;
  SlopeDataset *dataset = NULL;
  SlopeCsvLayout layout;
  SlopeCsvSource source;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (report == NULL || *report == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;
  display_name = display_name_of (file);
  if (slope_csv_source_open (&source, file, display_name, cancellable, error)
      && detect_layout (&layout, &source, options->delimiter, error))
    {
      /* The byte-order mark and the header are behind us. */
      slope_csv_source_consume (&source, layout.body, layout.body_line);
      dataset = load_layout (&layout, &source, options, report, cancellable, progress,
                             user_data, error);
      slope_csv_layout_clear (&layout);
    }
  slope_csv_source_clear (&source);
  return dataset;
}

/* Preview ------------------------------------------------------------------ */

SlopeCsvPreview *
slope_csv_preview_bytes (GBytes                 *bytes,
                         const char             *display_name,
                         const SlopeCsvOptions  *options,
                         guint                   max_rows,
                         GError                **error)
{
  SlopeCsvDelimiter delimiter = options ? options->delimiter : SLOPE_CSV_DELIMITER_AUTO;
  SlopeCsvOptions automatic = { delimiter, NULL, NULL };
  SlopeCsvPreview *preview;
  SlopeCsvLayout layout;
  guint x, y;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (!slope_csv_layout_detect (&layout, bytes, display_name, delimiter, max_rows, error))
    return NULL;

  preview = g_new0 (SlopeCsvPreview, 1);
  /* The columns a load with these options would use, if it could. */
  if (pick_columns (&layout, options ? options : &automatic, &x, &y, NULL))
    {
      preview->x_column = x + 1;
      preview->y_column = y + 1;
    }
  preview->delimiter = layout.delimiter;
  preview->has_header = layout.has_header;
  preview->n_columns = layout.n_columns;
  preview->column_names = g_steal_pointer (&layout.names);
  preview->numeric = g_steal_pointer (&layout.numeric);
  preview->rows = g_steal_pointer (&layout.rows);
  if (preview->rows->len > max_rows)
    g_ptr_array_set_size (preview->rows, max_rows);
  slope_csv_layout_clear (&layout);

  return preview;
}

static SlopeCsvPreview *
preview_file (GFile                  *file,
              const SlopeCsvOptions  *options,
              guint                   max_rows,
              GCancellable           *cancellable,
              GError                **error)
{
  g_autofree char *display_name = display_name_of (file);
  g_autoptr(GBytes) bytes = NULL;

  /* The sample's rows, and as many again in case of quoted line breaks. */
  bytes = slope_csv_read_file (file, display_name, SLOPE_CSV_MAX_FILE_BYTES,
                               2 * (gsize) max_rows + 64, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return slope_csv_preview_bytes (bytes, display_name, options, max_rows, error);
}

/**
 * slope_csv_preview:
 * @max_rows: data rows to return (the header is not one)
 *
 * Reads only the start of @file, however large (and so consumes the
 * start of a FIFO: load one directly instead).  May take a while for a
 * slow file: the window uses slope_csv_preview_async().
 */
SlopeCsvPreview *
slope_csv_preview (GFile                  *file,
                   const SlopeCsvOptions  *options,
                   guint                   max_rows,
                   GError                **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return preview_file (file, options, max_rows, NULL, error);
}

typedef struct
{
  GFile *file;
  guint  max_rows;
} PreviewJob;

static void
preview_job_free (gpointer data)
{
  PreviewJob *job = data;

  g_object_unref (job->file);
  g_free (job);
}

static void
preview_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewJob *job = task_data;
  GError *error = NULL;
  SlopeCsvPreview *preview;

  preview = preview_file (job->file, NULL, job->max_rows, cancellable, &error);
  if (preview != NULL)
    g_task_return_pointer (task, preview, (GDestroyNotify) slope_csv_preview_free);
  else
    g_task_return_error (task, error);
}

/**
 * slope_csv_preview_async:
 *
 * slope_csv_preview() with automatic options, on a worker thread: reading
 * and sniffing never hold up the caller's main loop, and @cancellable
 * stops them at any point.  @callback runs in the thread-default main
 * context of the caller.
 */
void
slope_csv_preview_async (GFile               *file,
                         guint                max_rows,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PreviewJob *job;

  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (PreviewJob, 1);
  job->file = g_object_ref (file);
  job->max_rows = max_rows;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, slope_csv_preview_async);
  g_task_set_task_data (task, job, preview_job_free);
  g_task_run_in_thread (task, preview_thread);
}

/**
 * slope_csv_preview_finish:
 *
 * Returns: (transfer full): the preview, or %NULL with @error set as
 * slope_csv_preview() sets it (or %G_IO_ERROR_CANCELLED).
 */
SlopeCsvPreview *
slope_csv_preview_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
