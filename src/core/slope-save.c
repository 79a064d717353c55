/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-save.c: writing a file so that a failure cannot destroy the old one.
 *
 * g_file_replace() writes a temporary file and renames it over the old one
 * only for a plain file with one link in a writable folder; through a
 * symlink, for a hard-linked file or in a read-only folder it truncates the
 * file and writes in place, so a write error leaves a stub where the old
 * file was.  Here the symlinks are followed to the real file, the new
 * contents go to a temporary file beside it, are synced to disk and then
 * renamed over it.  Where that cannot be done, the save is refused with a
 * message saying why, and nothing is written.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "slope-save.h"

#define MAX_SYMLINKS 40

/* Variadic, and marked so, so that the compiler checks each caller's
 * (translated) format against its arguments. */
G_GNUC_PRINTF (3, 4)
static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), message);
  return FALSE;
}

/* Follows @path's symlinks to the file a save must replace (which need
 * not exist yet).  Fills @st and @exists for it. */
static char *
resolve_target (const char   *path,
                struct stat  *st,
                gboolean     *exists,
                GError      **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i <= MAX_SYMLINKS; i++)
    {
      g_autofree char *link = NULL;
      g_autofree char *dir = NULL;
      g_autoptr(GError) link_error = NULL;

      if (lstat (current, st) != 0)
        {
          int saved_errno = errno;

          if (saved_errno != ENOENT)
            {
              set_errno_error (error, saved_errno, _("cannot look at “%s”: %s"),
                               current, g_strerror (saved_errno));
              return NULL;
            }
          *exists = FALSE;
          return g_steal_pointer (&current);
        }
      if (!S_ISLNK (st->st_mode))
        {
          *exists = TRUE;
          return g_steal_pointer (&current);
        }

      link = g_file_read_link (current, &link_error);
      if (link == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&link_error));
          return NULL;
        }
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (link) ? g_steal_pointer (&link)
                                          : g_build_filename (dir, link, NULL);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
               _("too many symbolic links lead to “%s”"), path);
  return NULL;
}

/* What must hold before anything is written. */
static gboolean
check_target (const char         *target,
              const struct stat  *st,
              GError            **error)
{
  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file, so it cannot be replaced safely"), target);
      return FALSE;
    }
  if (st->st_nlink > 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” has other names (hard links); replacing it safely would part them "
                     "from the new contents, and writing in place could lose it: save under "
                     "another name"), target);
      return FALSE;
    }
  if (access (target, W_OK) != 0)
    {
      int saved_errno = errno;

      return set_errno_error (error, saved_errno, _("cannot write “%s”: %s"),
                              target, g_strerror (saved_errno));
    }
  return TRUE;
}

static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Writes everything to the open temporary file and syncs it. */
static gboolean
write_temporary (int                  fd,
                 SlopeSaveWriteFunc   write_func,
                 gpointer             user_data,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autoptr(GOutputStream) stream = g_unix_output_stream_new (fd, FALSE);

  if (!write_func (stream, user_data, cancellable, error)
      || !g_output_stream_flush (stream, cancellable, error))
    return FALSE;
  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return FALSE;
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static gboolean
save_local (const char          *path,
            SlopeSaveWriteFunc   write_func,
            gpointer             user_data,
            GCancellable        *cancellable,
            GError             **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  struct stat st;
  gboolean exists = FALSE;
  gboolean ok;
  int fd;

  target = resolve_target (path, &st, &exists, error);
  if (target == NULL || (exists && !check_target (target, &st, error)))
    return FALSE;

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, exists ? (int) (st.st_mode & 0777) : 0666);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("cannot create a file in the folder “%s” (%s); saving elsewhere "
                     "leaves nothing half-written"), shown, g_strerror (saved_errno));
      return FALSE;
    }
  /* The new file keeps the old one's permissions exactly, umask or not. */
  if (exists)
    fchmod (fd, st.st_mode & 07777);

  ok = write_temporary (fd, write_func, user_data, cancellable, error);
  if (close (fd) != 0 && ok)
    {
      int saved_errno = errno;

      ok = FALSE;
      set_errno_error (error, saved_errno, _("cannot write “%s”: %s"),
                       temp, g_strerror (saved_errno));
    }
  if (ok && g_rename (temp, target) != 0)
    {
      int saved_errno = errno;

      ok = FALSE;
      set_errno_error (error, saved_errno, _("cannot replace “%s”: %s"),
                       target, g_strerror (saved_errno));
    }
  if (!ok)
    {
      g_unlink (temp);
      return FALSE;
    }

  sync_folder (dir);
  return TRUE;
}

/* A file without a local path (a network location): GIO's replace, with
 * the temporary dropped on failure where the backend keeps one. */
static gboolean
save_remote (GFile               *file,
             SlopeSaveWriteFunc   write_func,
             gpointer             user_data,
             GCancellable        *cancellable,
             GError             **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  gboolean existed = g_file_query_exists (file, cancellable);

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;
  if (write_func (G_OUTPUT_STREAM (stream), user_data, cancellable, error)
      && g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    return TRUE;

  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
  if (!existed)
    g_file_delete (file, NULL, NULL);
  return FALSE;
}

/**
 * slope_save_file:
 * @write_func: writes the new contents
 *
 * Replaces @file (through any symlinks, the file they lead to) with what
 * @write_func writes, atomically: the old contents stay until the new
 * ones are complete and on disk.  A file with other hard links, one that
 * is not a regular file, or one in a folder where no temporary file can be
 * made is refused, never written in place.  A failed or cancelled save
 * leaves the old file byte for byte as it was and no temporary behind.
 *
 * Returns: %TRUE on success; %FALSE with @error (in %G_IO_ERROR) saying
 * why, without the file's name, which callers put in front.
 */
gboolean
slope_save_file (GFile               *file,
                 SlopeSaveWriteFunc   write_func,
                 gpointer             user_data,
                 GCancellable        *cancellable,
                 GError             **error)
{
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  path = g_file_peek_path (file);
  if (path != NULL)
    return save_local (path, write_func, user_data, cancellable, error);
  return save_remote (file, write_func, user_data, cancellable, error);
}

typedef struct
{
  const void *data;
  gsize       len;
} Bytes;

static gboolean
write_bytes (GOutputStream  *stream,
             gpointer        user_data,
             GCancellable   *cancellable,
             GError        **error)
{
  const Bytes *b = user_data;

  return g_output_stream_write_all (stream, b->data, b->len, NULL, cancellable, error);
}

/**
 * slope_save_bytes:
 *
 * slope_save_file() of @len bytes from @data.
 */
gboolean
slope_save_bytes (GFile         *file,
                  const void    *data,
                  gsize          len,
                  GCancellable  *cancellable,
                  GError       **error)
{
  Bytes b = { data, len };

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  return slope_save_file (file, write_bytes, &b, cancellable, error);
}
