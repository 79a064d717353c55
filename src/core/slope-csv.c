/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-csv.c: loading a CSV file into a dataset, with a report of the
 * rows left out, and previewing its first rows for a column picker.
 *
 * The file is read into memory (slope-csv-read.c) and parsed in place, in
 * one pass that keeps only the two chosen cells of each row: ten million
 * rows take about 160 MB (the x and y arrays) beyond the file's bytes.  All state lives on the
 * stack of the call, so loads may run on worker threads side by side.
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
#define CHECK_EVERY_ROWS    4096
#define SKIP_TEXT_MAX_CHARS 40

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

typedef struct
{
  const SlopeCsvLayout *layout;
  guint                 x_column;
  guint                 y_column;
  gboolean              decimal_comma;
  double               *x;
  double               *y;
  gsize                 n;
  gsize                 capacity;
  gboolean              x_varies;
  SlopeCsvReport       *report;
  GCancellable         *cancellable;
  SlopeCsvProgress      progress;
  gpointer              user_data;
  double                reported_fraction;
} Reader;

/* Enough room for the whole file, judged by the sample; growing is left
 * for files whose rows get longer further down. */
static void
reader_allocate (Reader *r)
{
  const SlopeCsvLayout *layout = r->layout;
  double remaining = (double) (layout->end - layout->body);
  double estimate = remaining / MAX (layout->bytes_per_row, 1.0) * 1.1 + 16;

  /* A usable row has at least three bytes: 1,2 */
  r->capacity = (gsize) MIN (estimate, remaining / 3 + 16);
  r->x = g_new (double, r->capacity);
  r->y = g_new (double, r->capacity);
}

static inline void
reader_append (Reader *r,
               double  x,
               double  y)
{
  if (G_UNLIKELY (r->n == r->capacity))
    {
      r->capacity += r->capacity / 2 + 16;
      r->x = g_renew (double, r->x, r->capacity);
      r->y = g_renew (double, r->y, r->capacity);
    }
  r->x[r->n] = x;
  r->y[r->n] = y;
  if (r->n > 0 && x != r->x[0])
    r->x_varies = TRUE;
  r->n++;
}

static char *
one_line_text (const SlopeCsvField *field)
{
  g_autofree char *text = slope_csv_field_dup (field);
  g_autofree char *start = NULL;

  g_strdelimit (text, "\r\n\t", ' ');
  if (g_utf8_strlen (text, -1) <= SKIP_TEXT_MAX_CHARS)
    return g_steal_pointer (&text);
  start = g_utf8_substring (text, 0, SKIP_TEXT_MAX_CHARS - 1);
  return g_strconcat (start, "…", NULL);
}

static void
reader_note_skip (Reader              *r,
                  SlopeCsvSkipKind     kind,
                  guint                line,
                  guint                column,
                  const SlopeCsvField *field,
                  guint                n_fields)
{
  SlopeCsvSkip *skip;

  if (r->report->skips->len >= SLOPE_CSV_MAX_SKIPS)
    return;

  skip = g_new0 (SlopeCsvSkip, 1);
  skip->kind = kind;
  skip->line = line;
  skip->column = column + 1;
  if (r->layout->has_header)
    skip->column_name = g_strdup (r->layout->names[column]);
  skip->text = field ? one_line_text (field) : g_strdup ("");
  if (kind == SLOPE_CSV_SKIP_NOT_A_NUMBER)
    skip->reason = g_strdup_printf (_("“%s” is not a number"), skip->text);
  else if (kind == SLOPE_CSV_SKIP_NOT_FINITE)
    skip->reason = g_strdup_printf (_("“%s” is not a finite number"), skip->text);
  else
    skip->reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "the row has only %u field",
                                                 "the row has only %u fields", n_fields),
                                    n_fields);
  g_ptr_array_add (r->report->skips, skip);
}

static inline SlopeCsvCell
reader_classify (const Reader        *r,
                 const SlopeCsvField *field,
                 double              *value)
{
  /* A doubled quote is never part of a number. */
  if (field->escaped)
    return SLOPE_CSV_CELL_TEXT;
  return slope_csv_classify (field->text, field->len, r->decimal_comma, value);
}

static inline gboolean
is_reportable (SlopeCsvCell cell)
{
  return cell == SLOPE_CSV_CELL_TEXT || cell == SLOPE_CSV_CELL_NOT_FINITE;
}

static void
reader_take_row (Reader              *r,
                 guint                line,
                 guint                n_fields,
                 const SlopeCsvField *x_field,
                 const SlopeCsvField *y_field)
{
  SlopeCsvCell x_cell, y_cell;
  double x, y;

  if (G_UNLIKELY (n_fields <= MAX (r->x_column, r->y_column)))
    {
      r->report->rows_skipped++;
      reader_note_skip (r, SLOPE_CSV_SKIP_SHORT_ROW, line,
                        r->x_column >= n_fields ? r->x_column : r->y_column, NULL, n_fields);
      return;
    }

  x_cell = reader_classify (r, x_field, &x);
  y_cell = reader_classify (r, y_field, &y);
  if (G_LIKELY (x_cell == SLOPE_CSV_CELL_NUMBER && y_cell == SLOPE_CSV_CELL_NUMBER))
    {
      reader_append (r, x, y);
      return;
    }

  r->report->rows_skipped++;
  if (is_reportable (x_cell))
    reader_note_skip (r, x_cell == SLOPE_CSV_CELL_TEXT ? SLOPE_CSV_SKIP_NOT_A_NUMBER
                      : SLOPE_CSV_SKIP_NOT_FINITE, line, r->x_column, x_field, 0);
  else if (is_reportable (y_cell))
    reader_note_skip (r, y_cell == SLOPE_CSV_CELL_TEXT ? SLOPE_CSV_SKIP_NOT_A_NUMBER
                      : SLOPE_CSV_SKIP_NOT_FINITE, line, r->y_column, y_field, 0);
  else
    r->report->rows_missing++;
}

static gboolean
reader_check_in (Reader           *r,
                 const char       *position,
                 GError          **error)
{
  const SlopeCsvLayout *layout = r->layout;
  double fraction;

  if (g_cancellable_set_error_if_cancelled (r->cancellable, error))
    return FALSE;
  if (r->progress == NULL || layout->end == layout->body)
    return TRUE;

  fraction = (double) (position - layout->body) / (double) (layout->end - layout->body);
  if (fraction >= r->reported_fraction + 0.01 && fraction < 1.0)
    {
      r->reported_fraction = fraction;
      r->progress (fraction, r->user_data);
    }
  return TRUE;
}

static gboolean
reader_read_rows (Reader  *r,
                  GError **error)
{
  const SlopeCsvLayout *layout = r->layout;
  SlopeCsvScanner s;
  gsize n_records = 0;

  slope_csv_scanner_init (&s, layout->body, layout->end, layout->delimiter_char,
                          layout->body_line);
  while (slope_csv_scanner_next_record (&s))
    {
      SlopeCsvField field, x_field = { 0 }, y_field = { 0 };
      SlopeCsvFieldEnd field_end;
      guint line = s.line;
      guint n_fields = 0;

      do
        {
          field_end = slope_csv_scanner_next_field (&s, &field);
          if (n_fields == r->x_column)
            x_field = field;
          if (n_fields == r->y_column)
            y_field = field;
          n_fields++;
        }
      while (field_end == SLOPE_CSV_FIELD_MORE);

      if (G_UNLIKELY (field_end == SLOPE_CSV_FIELD_UNTERMINATED))
        {
          g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_UNTERMINATED_QUOTE,
                       _("%s: line %u: a quote opened here is never closed"),
                       layout->display_name, s.line);
          return FALSE;
        }

      reader_take_row (r, line, n_fields, &x_field, &y_field);
      if (++n_records % CHECK_EVERY_ROWS == 0 && !reader_check_in (r, s.p, error))
        return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (r->cancellable, error))
    return FALSE;
  if (r->progress)
    r->progress (1.0, r->user_data);
  return TRUE;
}

static gboolean
reader_check_result (Reader  *r,
                     GError **error)
{
  const SlopeCsvReport *report = r->report;
  const char *name = r->layout->display_name;

  if (r->n < 2)
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

  if (!r->x_varies)
    {
      g_autofree char *x = slope_csv_format_number (r->x[0]);

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

static SlopeDataset *
load_layout (const SlopeCsvLayout   *layout,
             const SlopeCsvOptions  *options,
             SlopeCsvReport        **report_out,
             GCancellable           *cancellable,
             SlopeCsvProgress        progress,
             gpointer                user_data,
             GError                **error)
{
  g_autoptr(SlopeCsvReport) report = NULL;
  SlopeDataset *dataset;
  Reader r = { 0 };
  guint x_column, y_column;

  if (!pick_columns (layout, options, &x_column, &y_column, error))
    return NULL;

  report = report_new (layout, x_column, y_column);
  r.layout = layout;
  r.x_column = x_column;
  r.y_column = y_column;
  r.decimal_comma = layout->delimiter == SLOPE_CSV_DELIMITER_SEMICOLON;
  r.report = report;
  r.cancellable = cancellable;
  r.progress = progress;
  r.user_data = user_data;
  reader_allocate (&r);

  if (!reader_read_rows (&r, error) || !reader_check_result (&r, error))
    {
      g_free (r.x);
      g_free (r.y);
      return NULL;
    }

  report->rows_read = r.n;
  if (report_out)
    *report_out = g_steal_pointer (&report);
  dataset = slope_dataset_new_take (g_renew (double, r.x, r.n), g_renew (double, r.y, r.n),
                                    r.n, layout->display_name);
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

  dataset = load_layout (&layout, options, report, cancellable, progress, user_data, error);
  slope_csv_layout_clear (&layout);
  return dataset;
}

/**
 * slope_csv_load:
 *
 * Like slope_csv_load_bytes(), reading @file; safe to call from a worker
 * thread.  The dataset's title is the file's display name.
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
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = display_name_of (file);
  bytes = slope_csv_read_file (file, display_name, SLOPE_CSV_MAX_FILE_BYTES, 0,
                               cancellable, error);
  if (bytes == NULL)
    return NULL;

  return slope_csv_load_bytes (bytes, display_name, options, report, cancellable,
                               progress, user_data, error);
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

/**
 * slope_csv_preview:
 * @max_rows: data rows to return (the header is not one)
 *
 * Reads only the start of @file, however large (and so consumes the
 * start of a FIFO: load one directly instead).
 */
SlopeCsvPreview *
slope_csv_preview (GFile                  *file,
                   const SlopeCsvOptions  *options,
                   guint                   max_rows,
                   GError                **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = display_name_of (file);
  /* The sample's rows, and as many again in case of quoted line breaks. */
  bytes = slope_csv_read_file (file, display_name, SLOPE_CSV_MAX_FILE_BYTES,
                               2 * (gsize) max_rows + 64, NULL, error);
  if (bytes == NULL)
    return NULL;

  return slope_csv_preview_bytes (bytes, display_name, options, max_rows, error);
}
