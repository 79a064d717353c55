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
  GBytes *bytes;

  if (path != NULL)
    stream = open_path (path, &size_hint, &local_error);
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
