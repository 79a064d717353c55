/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-csv-blocks.c: the pass over a file's records, block by block,
 * each large block parsed by two threads.
 *
 * A block is read with read() (slope-csv-read.c) and parsed in place: the
 * calling thread from its start, a second thread from the first line
 * break after its middle.  Whether a record starts there is known only
 * when the first half is read (a quoted field may hold line breaks), so
 * the second half's points and skipped rows are kept apart and joined to
 * the result only when the first half ends exactly where the second
 * began; otherwise the first thread reads on alone.  Either way the
 * result is what one thread reading the file from start to end gives.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slope-csv-private.h"

/* Blocks of this many bytes are read and parsed in turn, each split
 * between two threads when it is at least SPLIT_BYTES long. */
#define BLOCK_BYTES (8 * 1024 * 1024)
#define SPLIT_BYTES (256 * 1024)

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
gsize
slope_csv_block_size (const SlopeCsvSource *source)
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
  SlopeCsvRows           result;        /* where its points will be copied:
                                         * the arrays, their size and n as
                                         * the block began, copied so that
                                         * it reads nothing the first
                                         * thread writes */
  double                 first_share;   /* the first half's bytes / the second's */
} Part;

typedef struct
{
  const SlopeCsvLayout  *layout;
  const SlopeCsvColumns *columns;
  SlopeCsvRows          *rows;     /* the result */
  Part                   second;   /* the second half of a block */
  SlopeCsvSource       *source;
  GCancellable         *cancellable;
  SlopeCsvProgress      progress;
  gpointer              user_data;
  double                reported_fraction;
} Loader;

/* Enough room for the whole file, judged by the sample; growing is left
 * for files whose rows get longer further down, or whose size is not
 * known.  Pages never written cost no memory. */
gsize
slope_csv_estimate_rows (const SlopeCsvLayout *layout,
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
  first = part->result.n + (gsize) (part->first_share * (double) n);
  slope_csv_rows_prefault (&part->result, first - MIN (first, n / 8), first + n + n / 8);
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
    slope_csv_rows_init (&second->rows,
                         slope_csv_estimate_rows (l->layout,
                                                  (double) slope_csv_block_size (source) / 2));
  second->columns = l->columns;
  second->first_share = (double) (stop - source->start) / (double) MAX (source->end - stop, 1);
  /* The first half never reallocates the points while the second
   * prefaults them: a point takes at least 4 bytes ("1,2" and a line
   * break). */
  slope_csv_rows_reserve (l->rows, (gsize) (stop - source->start) / 4 + 2);
  second->result = *l->rows;
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

  slope_csv_rows_parse (l->columns, l->rows, &span);

  if (thread != NULL)
    {
      SlopeCsvSpan *second = &l->second.span;

      g_thread_join (thread);
      if (span.met_stop && !span.unterminated)
        {
          guint offset = span.line;

          slope_csv_rows_append (l->rows, &l->second.rows, offset);
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
              slope_csv_rows_parse (l->columns, l->rows, &span);
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
  gsize block = slope_csv_block_size (source);
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

/**
 * slope_csv_read_blocks:
 * @rows: where the points and skipped rows go
 * @progress: (nullable): called with increasing fractions of the file
 *
 * Reads every record from source->start on, block by block, in the
 * calling thread and one more.  On an unclosed quote, bytes that are not
 * text, a read error or Cancel, returns FALSE with @error set.
 */
gboolean
slope_csv_read_blocks (const SlopeCsvColumns  *columns,
                       SlopeCsvSource         *source,
                       SlopeCsvRows           *rows,
                       GCancellable           *cancellable,
                       SlopeCsvProgress        progress,
                       gpointer                user_data,
                       GError                **error)
{
  Loader l = { 0 };
  gboolean ok;

  l.layout = columns->layout;
  l.columns = columns;
  l.rows = rows;
  l.source = source;
  l.cancellable = cancellable;
  l.progress = progress;
  l.user_data = user_data;
  ok = loader_read_rows (&l, error);
  if (l.second.rows.skips != NULL)
    slope_csv_rows_clear (&l.second.rows);
  return ok;
}
