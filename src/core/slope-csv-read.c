/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-csv-read.c: bringing a file's bytes into memory for the reader.
 *
 * The file is read with read(), never mapped: a mapped file that shrinks
 * while it is read kills the process with SIGBUS, and a FIFO or a device
 * cannot be mapped at all.  Any kind of file is opened once and read once
 * to its end (a FIFO's writer loses nothing), in chunks, so that Cancel
 * acts between two chunks or while waiting for a slow writer, and a source
 * that never ends (/dev/zero, `yes`) stops at a limit with a message
 * instead of filling memory.
 *
 * A preview reads the start of a file into memory whole
 * (slope_csv_read_file); a load reads it in blocks through a
 * SlopeCsvSource, which keeps only the bytes not yet parsed, checks each
 * block is text as it comes, and sees a regular file end before its size.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "slope-csv-private.h"

#define CHUNK_BYTES   (1024 * 1024)
#define FIRST_BYTES   (64 * 1024)

typedef struct
{
  char  *data;
  gsize  len;
  gsize  capacity;
  gsize  newlines;
} Buffer;

static void
buffer_reserve (Buffer *b,
                gsize   wanted)
{
  if (b->capacity - b->len >= wanted)
    return;
  b->capacity = MAX (b->len + wanted, b->capacity + b->capacity / 2);
  b->data = g_realloc (b->data, b->capacity);
}

static gsize
count_newlines (const char *p,
                gsize       len)
{
  const char *end = p + len;
  gsize n = 0;

  while ((p = memchr (p, '\n', (gsize) (end - p))) != NULL)
    {
      n++;
      p++;
    }
  return n;
}

static gboolean
set_too_large_error (const char  *display_name,
                     gsize        max_bytes,
                     GError     **error)
{
  g_autofree char *size = g_format_size (max_bytes);

  g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_TOO_LARGE,
               _("%s: the file is larger than %s, more than Slope reads (or it never ends)"),
               display_name, size);
  return FALSE;
}

/* Reads @stream to its end, or until @max_lines newlines are in (0: no
 * such stop).  A NUL byte also stops it: the text check then reports it
 * at once, where /dev/zero would otherwise be read up to the limit. */
static GBytes *
read_stream (GInputStream  *stream,
             gsize          size_hint,
             const char    *display_name,
             gsize          max_bytes,
             gsize          max_lines,
             GCancellable  *cancellable,
             GError       **error)
{
  Buffer b = { NULL, 0, 0, 0 };

  buffer_reserve (&b, MIN (size_hint + 1, max_bytes + 1));
  for (;;)
    {
      gsize want;
      gssize got;

      /* A regular file's size is known: its buffer fills exactly. */
      if (b.capacity == b.len)
        buffer_reserve (&b, CHUNK_BYTES);
      want = MIN (MIN ((gsize) CHUNK_BYTES, b.capacity - b.len), max_bytes + 1 - b.len);
      got = g_input_stream_read (stream, b.data + b.len, want, cancellable, error);
      if (got < 0)
        {
          g_free (b.data);
          return NULL;
        }
      if (got == 0)
        break;
      if (memchr (b.data + b.len, '\0', (gsize) got) != NULL)
        {
          b.len += (gsize) got;
          break;
        }
      if (max_lines > 0)
        b.newlines += count_newlines (b.data + b.len, (gsize) got);
      b.len += (gsize) got;
      if (b.len > max_bytes)
        {
          g_free (b.data);
          set_too_large_error (display_name, max_bytes, error);
          return NULL;
        }
      if (max_lines > 0 && b.newlines >= max_lines)
        break;
    }

  return g_bytes_new_take (g_realloc (b.data, MAX (b.len, 1)), b.len);
}

static gboolean
set_unreadable_error (const char  *display_name,
                      GError      *cause,
                      GError     **error)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, cause);
  else
    {
      g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_UNREADABLE,
                   _("%s: cannot read the file: %s"), display_name, cause->message);
      g_error_free (cause);
    }
  return FALSE;
}

/* Opens @path once, without waiting for a FIFO's writer (the read waits,
 * cancellably, instead). */
static GInputStream *
open_path (const char  *path,
           gsize       *size_hint,
           gboolean    *regular,
           GError     **error)
{
  struct stat st;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);

  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      close (fd);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("it is a folder"));
      return NULL;
    }

  *size_hint = S_ISREG (st.st_mode) ? (gsize) st.st_size : FIRST_BYTES;
  *regular = S_ISREG (st.st_mode);
  return g_unix_input_stream_new (fd, TRUE);
}

/**
 * slope_csv_read_file:
 * @max_bytes: more than this is an error (SLOPE_CSV_ERROR_TOO_LARGE)
 * @max_lines: stop once this many lines are in (a preview); 0 for all
 *
 * Reads @file (a regular file, a FIFO, a device, /dev/stdin, or a GIO
 * location) once, in chunks, cancellably.
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set in
 * %SLOPE_CSV_ERROR naming the file (or %G_IO_ERROR_CANCELLED).
 */
GBytes *
slope_csv_read_file (GFile         *file,
                     const char    *display_name,
                     gsize          max_bytes,
                     gsize          max_lines,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  GError *local_error = NULL;
  const char *path = g_file_peek_path (file);
  gsize size_hint = FIRST_BYTES;
  gboolean regular = FALSE;
  GBytes *bytes;

  if (path != NULL)
    stream = open_path (path, &size_hint, &regular, &local_error);
  else
    stream = G_INPUT_STREAM (g_file_read (file, cancellable, &local_error));
  if (stream == NULL)
    return set_unreadable_error (display_name, local_error, error), NULL;

  bytes = read_stream (stream, size_hint, display_name, max_bytes, max_lines,
                       cancellable, &local_error);
  if (bytes == NULL && local_error->domain != SLOPE_CSV_ERROR)
    return set_unreadable_error (display_name, local_error, error), NULL;
  if (bytes == NULL)
    g_propagate_error (error, local_error);
  return bytes;
}

/* Reading in blocks --------------------------------------------------- */

/**
 * slope_csv_source_open:
 *
 * Opens @file for slope_csv_source_fill(), as slope_csv_read_file() opens
 * it.  The source must be cleared with slope_csv_source_clear() whatever
 * this returns.
 */
gboolean
slope_csv_source_open (SlopeCsvSource  *source,
                       GFile           *file,
                       const char      *display_name,
                       GCancellable    *cancellable,
                       GError         **error)
{
  GError *local_error = NULL;
  const char *path = g_file_peek_path (file);
  gsize size_hint = 0;
  gboolean regular = FALSE;

  memset (source, 0, sizeof *source);
  source->display_name = display_name;
  source->cancellable = cancellable;
  source->start_line = 1;
  if (path != NULL)
    source->stream = open_path (path, &size_hint, &regular, &local_error);
  else
    source->stream = G_INPUT_STREAM (g_file_read (file, cancellable, &local_error));
  if (source->stream == NULL)
    return set_unreadable_error (display_name, local_error, error);

  /* A regular file's size, to say how far the load has come and to see
   * a file cut short while it is read. */
  if (regular)
    source->size = size_hint;
  source->start = source->end = source->checked = source->buffer = g_malloc (1);
  source->capacity = 1;
  return TRUE;
}

void
slope_csv_source_init_memory (SlopeCsvSource *source,
                              const char     *data,
                              const char     *end,
                              const char     *display_name)
{
  memset (source, 0, sizeof *source);
  source->display_name = display_name;
  source->memory = source->start = source->end = data;
  source->memory_end = end;
  /* The caller checks the whole text at once. */
  source->checked = end;
  source->start_line = 1;
  source->size = (guint64) (end - data);
}

void
slope_csv_source_clear (SlopeCsvSource *source)
{
  g_clear_object (&source->stream);
  g_clear_pointer (&source->buffer, g_free);
}

/* The end of the last whole line in [from, end), or from if there is
 * none: a check must not stop inside a UTF-8 sequence. */
static const char *
after_last_newline (const char *from,
                    const char *end)
{
  for (const char *p = end; p > from; p--)
    if (p[-1] == '\n')
      return p;
  return from;
}

static gboolean
check_new_text (SlopeCsvSource  *source,
                GError         **error)
{
  const char *until = source->eof ? source->end : after_last_newline (source->checked, source->end);

  if (until <= source->checked)
    return TRUE;
  /* The file's first bytes: a UTF-16 byte-order mark is named as such. */
  if (source->consumed == 0 && source->checked == source->start)
    {
      if (!slope_csv_check_text (source->start, until, source->display_name, NULL, error))
        return FALSE;
    }
  else if (!slope_csv_check_text_at (source->start, source->start_line, source->checked, until,
                                source->display_name, error))
    return FALSE;
  source->checked = until;
  return TRUE;
}

/**
 * slope_csv_source_fill:
 * @wanted: bytes to have from source->start on, unless the data ends first
 *
 * Reads more: the bytes not yet consumed move to the start of the buffer,
 * which grows only when @wanted asks for more than it holds.  Every byte
 * read is checked to be UTF-8 text without NUL bytes.
 */
gboolean
slope_csv_source_fill (SlopeCsvSource  *source,
                       gsize            wanted,
                       GError         **error)
{
  gsize kept = (gsize) (source->end - source->start);
  gsize checked = (gsize) (source->checked - source->start);
  GError *local_error = NULL;

  if (source->stream == NULL)
    {
      source->end = source->start + MIN (wanted, (gsize) (source->memory_end - source->start));
      source->eof = source->end == source->memory_end;
      return TRUE;
    }
  if (source->eof || kept >= wanted)
    return TRUE;

  if (source->start != source->buffer)
    memmove (source->buffer, source->start, kept);
  if (source->capacity < wanted)
    {
      source->capacity = wanted;
      source->buffer = g_realloc (source->buffer, wanted);
    }
  source->start = source->buffer;
  source->checked = source->buffer + checked;

  while (kept < wanted)
    {
      gssize got = g_input_stream_read (source->stream, source->buffer + kept, wanted - kept,
                                        source->cancellable, &local_error);

      if (got < 0)
        return set_unreadable_error (source->display_name, local_error, error);
      if (got == 0)
        {
          source->eof = TRUE;
          break;
        }
      kept += (gsize) got;
      if (source->consumed + kept > SLOPE_CSV_MAX_FILE_BYTES)
        return set_too_large_error (source->display_name, SLOPE_CSV_MAX_FILE_BYTES, error);
    }
  source->end = source->buffer + kept;

  if (source->eof && source->size > 0 && source->consumed + kept < source->size)
    {
      g_set_error (error, SLOPE_CSV_ERROR, SLOPE_CSV_ERROR_UNREADABLE,
                   _("%s: the file became shorter while it was read"), source->display_name);
      return FALSE;
    }
  return check_new_text (source, error);
}

/* The records before @to are read; @line is the line at @to. */
void
slope_csv_source_consume (SlopeCsvSource *source,
                          const char     *to,
                          guint           line)
{
  source->consumed += (guint64) (to - source->start);
  source->start = to;
  source->start_line = line;
  if (source->checked < to)
    source->checked = to;
}
