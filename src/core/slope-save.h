/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-save.h: the one way Slope writes a file.
 *
 * A save that fails half-way (disk full, quota, a file-size limit) must
 * leave the file it was replacing byte for byte as it was.  Every file
 * Slope writes (data, training logs, plots) goes through here.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes the whole new contents to @stream; returns FALSE with @error set
 * on failure.  Called once, on the calling thread. */
typedef gboolean (*SlopeSaveWriteFunc) (GOutputStream  *stream,
                                        gpointer        user_data,
                                        GCancellable   *cancellable,
                                        GError        **error);

gboolean slope_save_file  (GFile               *file,
                           SlopeSaveWriteFunc   write_func,
                           gpointer             user_data,
                           GCancellable        *cancellable,
                           GError             **error);
gboolean slope_save_bytes (GFile               *file,
                           const void          *data,
                           gsize                len,
                           GCancellable        *cancellable,
                           GError             **error);

G_END_DECLS
