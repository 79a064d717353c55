/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-csv-rows.c: turning one stretch of records into points and
 * skipped rows.
 *
 * A large file is read in blocks and each block may be split between two
 * threads, so the pass over the records works on a stretch [p, end) and
 * keeps everything it finds (points, counts, the first skipped rows) in a
 * SlopeCsvRows of its own; the loader joins the stretches in file order.
 * A stretch that is not the end of the data stops before a record that
 * might go on past its end, so that the next block reads it whole.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/mman.h>

#include "slope-csv-private.h"

#define SKIP_TEXT_MAX_CHARS 40

/* Ten million points are 160 MB written once, page by page: in 2 MB
 * pages where the kernel has them, that is a few hundred page faults
 * rather than forty thousand. */
static void
advise_huge_pages (double *array,
                   gsize   n)
{
#ifdef MADV_HUGEPAGE
  const guintptr huge = 2 * 1024 * 1024;
  guintptr start = ((guintptr) array + huge - 1) & ~(huge - 1);
  guintptr end = ((guintptr) (array + n)) & ~(huge - 1);

  if (end > start)
    madvise ((void *) start, end - start, MADV_HUGEPAGE);
#endif
}

/**
 * slope_csv_rows_prefault:
 * @from: the first point
 * @to: the point after the last
 *
 * Has the kernel give memory to points [@from, @to) of @rows without
 * writing to them, so that another thread may be writing there: the
 * first write to fresh memory costs more than the parsing of a row, and
 * the thread that reads the second half of a block does this for the
 * points it is to add, rather than leave it to the thread that copies
 * them.  @rows must not be reallocated meanwhile.
 */
void
slope_csv_rows_prefault (const SlopeCsvRows *rows,
                         gsize               from,
                         gsize               to)
{
#ifdef MADV_POPULATE_WRITE
  const guintptr page = 4096;

  to = MIN (to, rows->capacity);
  if (from >= to)
    return;
  for (guint i = 0; i < 2; i++)
    {
      double *array = i == 0 ? rows->x : rows->y;
      guintptr start = ((guintptr) (array + from)) & ~(page - 1);
      guintptr end = ((guintptr) (array + to)) & ~(page - 1);

      /* Before Linux 5.14 this fails and the writes fault as before. */
      if (end > start)
        madvise ((void *) start, end - start, MADV_POPULATE_WRITE);
    }
#endif
}

void
slope_csv_rows_init (SlopeCsvRows *rows,
                     gsize         capacity)
{
  memset (rows, 0, sizeof *rows);
  rows->capacity = MAX (capacity, 16);
  rows->x = g_new (double, rows->capacity);
  rows->y = g_new (double, rows->capacity);
  advise_huge_pages (rows->x, rows->capacity);
  advise_huge_pages (rows->y, rows->capacity);
  rows->skips = g_ptr_array_new_with_free_func ((GDestroyNotify) slope_csv_skip_free);
}

void
slope_csv_rows_clear (SlopeCsvRows *rows)
{
  g_clear_pointer (&rows->x, g_free);
  g_clear_pointer (&rows->y, g_free);
  g_clear_pointer (&rows->skips, g_ptr_array_unref);
  rows->n = rows->capacity = 0;
}

static void
rows_grow (SlopeCsvRows *rows,
           gsize         more)
{
  if (rows->capacity - rows->n >= more)
    return;
  rows->capacity = MAX (rows->n + more, rows->capacity + rows->capacity / 2 + 16);
  rows->x = g_renew (double, rows->x, rows->capacity);
  rows->y = g_renew (double, rows->y, rows->capacity);
}

/* Room for @more points, and no more: near the end of a file whose size
 * was known the arrays stay their estimated size. */
void
slope_csv_rows_reserve (SlopeCsvRows *rows,
                        gsize         more)
{
  if (rows->capacity - rows->n >= more)
    return;
  rows->capacity = rows->n + more;
  rows->x = g_renew (double, rows->x, rows->capacity);
  rows->y = g_renew (double, rows->y, rows->capacity);
}

/**
 * slope_csv_rows_append:
 * @line_offset: added to the lines of @more's skipped rows, which were
 *   counted from 0 at the start of its stretch
 *
 * Moves what @more holds to the end of @rows and empties @more.
 */
void
slope_csv_rows_append (SlopeCsvRows *rows,
                       SlopeCsvRows *more,
                       guint         line_offset)
{
  rows_grow (rows, more->n);
  memcpy (rows->x + rows->n, more->x, more->n * sizeof (double));
  memcpy (rows->y + rows->n, more->y, more->n * sizeof (double));
  rows->n += more->n;
  more->n = 0;
  rows->rows_skipped += more->rows_skipped;
  rows->rows_missing += more->rows_missing;
  more->rows_skipped = more->rows_missing = 0;

  for (guint i = 0; i < more->skips->len; i++)
    {
      SlopeCsvSkip *skip = g_ptr_array_index (more->skips, i);

      if (rows->skips->len >= SLOPE_CSV_MAX_SKIPS)
        break;
      skip->line += line_offset;
      g_ptr_array_add (rows->skips, skip);
      more->skips->pdata[i] = NULL;
    }
  g_ptr_array_set_size (more->skips, 0);
}

static inline void
rows_append_point (SlopeCsvRows *rows,
                   double        x,
                   double        y)
{
  if (G_UNLIKELY (rows->n == rows->capacity))
    rows_grow (rows, 1);
  rows->x[rows->n] = x;
  rows->y[rows->n] = y;
  rows->n++;
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
note_skip (const SlopeCsvColumns *c,
           SlopeCsvRows          *rows,
           SlopeCsvSkipKind       kind,
           guint                  line,
           guint                  column,
           const SlopeCsvField   *field,
           guint                  n_fields)
{
  SlopeCsvSkip *skip;

  if (rows->skips->len >= SLOPE_CSV_MAX_SKIPS)
    return;

  skip = g_new0 (SlopeCsvSkip, 1);
  skip->kind = kind;
  skip->line = line;
  skip->column = column + 1;
  if (c->layout->has_header)
    skip->column_name = g_strdup (c->layout->names[column]);
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
  g_ptr_array_add (rows->skips, skip);
}

static inline SlopeCsvCell
classify (const SlopeCsvColumns *c,
          const SlopeCsvField   *field,
          double                *value)
{
  /* A doubled quote is never part of a number. */
  if (field->escaped)
    return SLOPE_CSV_CELL_TEXT;
  return slope_csv_classify (field->text, field->len, c->decimal_comma, value);
}

static inline gboolean
is_reportable (SlopeCsvCell cell)
{
  return cell == SLOPE_CSV_CELL_TEXT || cell == SLOPE_CSV_CELL_NOT_FINITE;
}

static void
take_row (const SlopeCsvColumns *c,
          SlopeCsvRows          *rows,
          guint                  line,
          guint                  n_fields,
          const SlopeCsvField   *x_field,
          const SlopeCsvField   *y_field)
{
  SlopeCsvCell x_cell, y_cell;
  double x, y;

  if (G_UNLIKELY (n_fields <= MAX (c->x_column, c->y_column)))
    {
      rows->rows_skipped++;
      note_skip (c, rows, SLOPE_CSV_SKIP_SHORT_ROW, line,
                 c->x_column >= n_fields ? c->x_column : c->y_column, NULL, n_fields);
      return;
    }

  x_cell = classify (c, x_field, &x);
  y_cell = classify (c, y_field, &y);
  if (G_LIKELY (x_cell == SLOPE_CSV_CELL_NUMBER && y_cell == SLOPE_CSV_CELL_NUMBER))
    {
      rows_append_point (rows, x, y);
      return;
    }

  rows->rows_skipped++;
  if (is_reportable (x_cell))
    note_skip (c, rows, x_cell == SLOPE_CSV_CELL_TEXT ? SLOPE_CSV_SKIP_NOT_A_NUMBER
               : SLOPE_CSV_SKIP_NOT_FINITE, line, c->x_column, x_field, 0);
  else if (is_reportable (y_cell))
    note_skip (c, rows, y_cell == SLOPE_CSV_CELL_TEXT ? SLOPE_CSV_SKIP_NOT_A_NUMBER
               : SLOPE_CSV_SKIP_NOT_FINITE, line, c->y_column, y_field, 0);
  else
    rows->rows_missing++;
}

/* A record that ends at the end of a block that is not the end of the
 * data may go on in the next one; so may a line ending in \r, which a \n
 * may follow. */
static inline gboolean
record_is_whole (const SlopeCsvSpan *span,
                 const char         *after)
{
  return span->final || after < span->end || after[-1] == '\n';
}

/* The common record in one pass: unquoted fields, the chosen two plain
 * numbers (slope_csv_number_prefix()) each ended by the delimiter or the
 * line break, the line break inside the stretch.  Anything else (quotes,
 * blanks, words, a short row, a number strtod must settle) returns FALSE
 * having changed nothing, and the record goes the general way, which
 * reads these records to the same points. */
static inline gboolean
fast_record (const SlopeCsvColumns *c,
             SlopeCsvScanner       *s,
             double                *x,
             double                *y)
{
  const char *p = s->p, *end = s->end;
  const char delimiter = s->delimiter;
  const char point = c->decimal_comma ? ',' : '.';
  guint needed = MAX (c->x_column, c->y_column);

  for (guint field = 0;; field++)
    {
      if (field == c->x_column || field == c->y_column)
        {
          double v;

          p = slope_csv_number_prefix (p, end, point, &v);
          if (p == NULL)
            return FALSE;
          if (field == c->x_column)
            *x = v;
          else
            *y = v;
        }
      else
        {
          while (p < end && *p != delimiter && *p != '\n' && *p != '\r')
            if (*p++ == '"')
              return FALSE;
        }
      if (G_UNLIKELY (p == end))
        return FALSE;
      if (*p == delimiter)
        {
          p++;
          continue;
        }
      if (field < needed)
        return FALSE;
      if (*p == '\n')
        p++;
      else if (*p == '\r' && p + 1 < end)
        p += p[1] == '\n' ? 2 : 1;
      else
        return FALSE;
      s->p = p;
      s->line++;
      return TRUE;
    }
}

/**
 * slope_csv_rows_parse:
 *
 * Reads the records of @span into @rows.  With span->stop, a record that
 * starts at or after stop is left alone: the caller has given the rest of
 * the block to another thread, on the guess that a record starts at stop,
 * and span->met_stop says whether it does (the records before it ended
 * exactly there, blank and comment lines aside).
 */
void
slope_csv_rows_parse (const SlopeCsvColumns *c,
                      SlopeCsvRows          *rows,
                      SlopeCsvSpan          *span)
{
  /* Between whitespace-separated fields blanks are the delimiter. */
  gboolean fast = c->layout->delimiter_char != ' ';
  double fast_x = 0.0, fast_y = 0.0;
  SlopeCsvScanner s;

  span->met_stop = span->unterminated = FALSE;
  slope_csv_scanner_init (&s, span->p, span->end, c->layout->delimiter_char, span->line);
  for (;;)
    {
      SlopeCsvField field, x_field = { 0 }, y_field = { 0 };
      SlopeCsvFieldEnd field_end;
      const char *start = s.p;
      guint start_line = s.line;
      guint line, n_fields = 0;

      if (span->stop != NULL && s.p >= span->stop)
        {
          span->met_stop = s.p == span->stop;
          break;
        }
      if (!slope_csv_scanner_next_record (&s))
        {
          if (!span->final)
            s.p = start, s.line = start_line;
          break;
        }
      if (span->stop != NULL && s.p >= span->stop)
        {
          /* Only blank and comment lines lie between start and the next
           * record, so a line begins at stop, as the guess had it. */
          s.line = start_line + slope_csv_line_of (start, span->stop) - 1;
          s.p = span->stop;
          span->met_stop = TRUE;
          break;
        }

      if (G_LIKELY (fast) && fast_record (c, &s, &fast_x, &fast_y))
        {
          rows_append_point (rows, fast_x, fast_y);
          continue;
        }

      line = s.line;
      do
        {
          field_end = slope_csv_scanner_next_field (&s, &field);
          if (n_fields == c->x_column)
            x_field = field;
          if (n_fields == c->y_column)
            y_field = field;
          n_fields++;
        }
      while (field_end == SLOPE_CSV_FIELD_MORE);

      if (G_UNLIKELY (field_end == SLOPE_CSV_FIELD_UNTERMINATED))
        {
          if (span->final)
            {
              span->unterminated = TRUE;
              span->unterminated_line = s.line;
            }
          s.p = start, s.line = start_line;
          break;
        }
      if (G_UNLIKELY (!record_is_whole (span, s.p)))
        {
          s.p = start, s.line = start_line;
          break;
        }

      take_row (c, rows, line, n_fields, &x_field, &y_field);
    }

  span->p = s.p;
  span->line = s.line;
}
