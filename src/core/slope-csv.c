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

/* Blocks of this many bytes are read and parsed in turn, each split
 * between two threads when it is at least SPLIT_BYTES long. */
#define BLOCK_BYTES (8 * 1024 * 1024)
#define SPLIT_BYTES (256 * 1024)
#define HEAD_BYTES  (64 * 1024)

static gsize block_bytes = 0;     /* 0: the default, by the data's size */
static gsize split_bytes = SPLIT_BYTES;

/**
 * slope_csv_set_block_size:
 * @block: the size of a block in bytes; 0 for the default
 * @split: the smallest block parsed by two threads
 *
 * For tests, so that small files meet the block boundaries and the split.
 * Not for use while a load runs.
 */
void
slope_csv_set_block_size (gsize block,
                          gsize split)
{
  block_bytes = block;
  split_bytes = block > 0 ? split : SPLIT_BYTES;
}

/* At least 64 blocks in a file of known size, so that progress moves
 * and Cancel acts often, each large enough to be worth two threads. */
static gsize
block_size (const SlopeCsvSource *source)
{
  if (block_bytes > 0)
    return block_bytes;
  return CLAMP (source->size / 64, SPLIT_BYTES, BLOCK_BYTES);
}

typedef struct
{
  const SlopeCsvColumns *columns;
  SlopeCsvRows           rows;
  SlopeCsvSpan           span;
  const SlopeCsvRows    *result;        /* where its points will be copied */
  double                 first_share;   /* the first half's bytes / the second's */
} Part;

typedef struct
{
  const SlopeCsvLayout *layout;
  SlopeCsvColumns       columns;
  SlopeCsvRows          rows;     /* the result */
  Part                  second;   /* the second half of a block */
  SlopeCsvSource       *source;
  GCancellable         *cancellable;
  SlopeCsvProgress      progress;
  gpointer              user_data;
  double                reported_fraction;
} Loader;

/* Enough room for the whole file, judged by the sample; growing is left
 * for files whose rows get longer further down, or whose size is not
 * known.  Pages never written cost no memory. */
static gsize
estimate_rows (const SlopeCsvLayout *layout,
               double                bytes)
{
  double estimate = bytes / MAX (layout->bytes_per_row, 1.0) * 1.1 + 16;

  /* A usable row has at least three bytes: 1,2 */
  return (gsize) MIN (estimate, bytes / 3 + 16);
}

static gpointer
part_thread (gpointer data)
{
  Part *part = data;
  gsize n, first;

  slope_csv_rows_parse (part->columns, &part->rows, &part->span);

  /* Where the first half's points will likely end, by its bytes; a wrong
   * guess only leaves some pages to fault in the copy. */
  n = part->rows.n;
  first = part->result->n + (gsize) (part->first_share * (double) n);
  slope_csv_rows_prefault (part->result, first - MIN (first, n / 8), first + n + n / 8);
  return NULL;
}

/* Where a second thread may start: the line after the first \n from the
 * middle on.  Whether a record really starts there (the \n may be inside
 * a quoted field) is known only once the first half is read. */
static const char *
split_point (const char *start,
             const char *end)
{
  const char *middle = start + (end - start) / 2;
  const char *newline = memchr (middle, '\n', (gsize) (end - middle));

  if (newline == NULL || newline + 1 >= end)
    return NULL;
  return newline + 1;
}

static GThread *
loader_start_second (Loader     *l,
                     const char *stop)
{
  SlopeCsvSource *source = l->source;
  Part *second = &l->second;

  if (second->rows.x == NULL)
    slope_csv_rows_init (&second->rows, estimate_rows (l->layout, (double) block_size (source) / 2));
  second->columns = &l->columns;
  second->result = &l->rows;
  second->first_share = (double) (stop - source->start) / (double) MAX (source->end - stop, 1);
  /* The first half never reallocates the points while the second
   * prefaults them: a point takes at least 4 bytes ("1,2" and a line
   * break). */
  slope_csv_rows_reserve (&l->rows, (gsize) (stop - source->start) / 4 + 2);
  /* Its lines count from 0 until the first half says where it starts. */
  second->span = (SlopeCsvSpan) { stop, source->end, 0, NULL, source->eof };
  return g_thread_try_new ("slope-csv", part_thread, second, NULL);
}

/* Reads the whole records of the source's bytes, in two threads when
 * there are enough of them.  The result is the same as one thread's: the
 * second half is kept only when the first ended exactly where it began. */
static gboolean
loader_parse_block (Loader  *l,
                    GError **error)
{
  SlopeCsvSource *source = l->source;
  SlopeCsvSpan span = { source->start, source->end, source->start_line, NULL, source->eof };
  const char *stop = NULL;
  GThread *thread = NULL;

  if ((gsize) (source->end - source->start) >= MAX (split_bytes, 2))
    stop = split_point (source->start, source->end);
  if (stop != NULL && (thread = loader_start_second (l, stop)) != NULL)
    span.stop = stop;

  slope_csv_rows_parse (&l->columns, &l->rows, &span);

  if (thread != NULL)
    {
      SlopeCsvSpan *second = &l->second.span;

      g_thread_join (thread);
      if (span.met_stop && !span.unterminated)
        {
          guint offset = span.line;

          slope_csv_rows_append (&l->rows, &l->second.rows, offset);
          span.p = second->p;
          span.line = second->line + offset;
          span.unterminated = second->unterminated;
          span.unterminated_line = second->unterminated_line + offset;
        }
      else
        {
          /* The guess was wrong: the first half goes on alone. */
          l->second.rows.n = l->second.rows.rows_skipped = l->second.rows.rows_missing = 0;
          g_ptr_array_set_size (l->second.rows.skips, 0);
          if (!span.unterminated)
            {
              span.stop = NULL;
              slope_csv_rows_parse (&l->columns, &l->rows, &span);
            }
        }
    }

  if (span.unterminated)
    {
      g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_UNTERMINATED_QUOTE,
                   _("%s: line %u: a quote opened here is never closed"),
                   l->layout->display_name, span.unterminated_line);
      return FALSE;
    }
  slope_csv_source_consume (source, span.p, span.line);
  return TRUE;
}

static gboolean
loader_check_in (Loader  *l,
                 GError **error)
{
  double fraction;

  if (g_cancellable_set_error_if_cancelled (l->cancellable, error))
    return FALSE;
  if (l->progress == NULL || l->source->size == 0)
    return TRUE;

  fraction = (double) l->source->consumed / (double) l->source->size;
  if (fraction >= l->reported_fraction + 0.01 && fraction < 1.0)
    {
      l->reported_fraction = fraction;
      l->progress (fraction, l->user_data);
    }
  return TRUE;
}

static gboolean
loader_read_rows (Loader  *l,
                  GError **error)
{
  SlopeCsvSource *source = l->source;
  gsize block = block_size (source);
  gsize wanted = block;

  for (;;)
    {
      const char *before;

      if (!slope_csv_source_fill (source, wanted, error)
          || g_cancellable_set_error_if_cancelled (l->cancellable, error))
        return FALSE;
      before = source->start;
      if (!loader_parse_block (l, error))
        return FALSE;
      if (source->eof)
        break;
      if (!loader_check_in (l, error))
        return FALSE;
      /* A record longer than the block: read more of it. */
      if (source->start == before)
        wanted = MAX (block, 2 * (gsize) (source->end - source->start));
      else
        wanted = block;
    }

  if (g_cancellable_set_error_if_cancelled (l->cancellable, error))
    return FALSE;
  if (l->progress)
    l->progress (1.0, l->user_data);
  return TRUE;
}

static gboolean
x_varies (const SlopeCsvRows *rows)
{
  for (gsize i = 1; i < rows->n; i++)
    if (rows->x[i] != rows->x[0])
      return TRUE;
  return FALSE;
}

static gboolean
loader_check_result (Loader          *l,
                     SlopeCsvReport  *report,
                     GError         **error)
{
  const char *name = l->layout->display_name;

  if (l->rows.n < 2)
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

  if (!x_varies (&l->rows))
    {
      g_autofree char *x = slope_csv_format_number (l->rows.x[0]);

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

static void
loader_clear (Loader *l)
{
  slope_csv_rows_clear (&l->rows);
  if (l->second.rows.skips != NULL)
    slope_csv_rows_clear (&l->second.rows);
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
  SlopeDataset *dataset;
  Loader l = { 0 };
  guint x_column, y_column;
  double remaining;

  if (!pick_columns (layout, options, &x_column, &y_column, error))
    return NULL;

  report = report_new (layout, x_column, y_column);
  l.layout = layout;
  l.columns.layout = layout;
  l.columns.x_column = x_column;
  l.columns.y_column = y_column;
  l.columns.decimal_comma = layout->delimiter == SLOPE_CSV_DELIMITER_SEMICOLON;
  l.source = source;
  l.cancellable = cancellable;
  l.progress = progress;
  l.user_data = user_data;
  remaining = source->size > 0 ? (double) (source->size - source->consumed) : 64 * 1024;
  slope_csv_rows_init (&l.rows, estimate_rows (layout, remaining));

  if (!loader_read_rows (&l, error))
    {
      loader_clear (&l);
      return NULL;
    }

  report->rows_skipped = l.rows.rows_skipped;
  report->rows_missing = l.rows.rows_missing;
  for (guint i = 0; i < l.rows.skips->len; i++)
    {
      g_ptr_array_add (report->skips, l.rows.skips->pdata[i]);
      l.rows.skips->pdata[i] = NULL;
    }
  if (!loader_check_result (&l, report, error))
    {
      loader_clear (&l);
      return NULL;
    }

  report->rows_read = l.rows.n;
  if (report_out)
    *report_out = g_steal_pointer (&report);
  dataset = slope_dataset_new_take (g_renew (double, g_steal_pointer (&l.rows.x), l.rows.n),
                                    g_renew (double, g_steal_pointer (&l.rows.y), l.rows.n),
                                    l.rows.n, layout->display_name);
  loader_clear (&l);
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
  gsize wanted = MIN (HEAD_BYTES, block_size (source));

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
