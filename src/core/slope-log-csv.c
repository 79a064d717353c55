/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-log-csv.c: writing a SlopeHistory as CSV.
 *
 * A history holds every epoch exactly only while the run fits in its ring
 * of recent epochs; beyond that, older epochs survive as the last record
 * of each bucket.  The log writes what is stored: every epoch of a short
 * run, and for a long one a bucket row every few epochs followed by every
 * recent epoch, so epoch numbers may jump in the first part of the file.
 *
 * Rows are streamed in chunks, so a run of millions of epochs costs no
 * more memory than a short one.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "slope-csv.h"
#include "slope-log-csv.h"
#include "slope-save.h"

#define WRITE_CHUNK (64 * 1024)

/* pandas, R and Python's float() all read inf, -inf and nan as IEEE
 * values; the C library might print "-nan" for a NaN with its sign bit
 * set, which pandas would take for text. */
static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (out, ',');
  if (isnan (value))
    g_string_append (out, "nan");
  else if (isinf (value))
    g_string_append (out, value > 0 ? "inf" : "-inf");
  else
    {
      slope_csv_format_number_into (buffer, value);
      g_string_append (out, buffer);
    }
}

static void
append_row (GString                *out,
            const SlopeEpochRecord *rec)
{
  char epoch[32];

  g_snprintf (epoch, sizeof epoch, "%" G_GUINT64_FORMAT, rec->epoch);
  g_string_append (out, epoch);
  append_number (out, rec->w);
  append_number (out, rec->b);
  append_number (out, rec->cost);
  append_number (out, rec->d_w);
  append_number (out, rec->d_b);
  append_number (out, rec->w_grad);
  append_number (out, rec->b_grad);
  g_string_append_c (out, '\n');
}

/* The first epoch in first … bucket_last that the history holds exactly.
 * Within one bucket, the epochs before the ring of recent ones all look
 * up to the bucket's last record, and those in the ring to themselves, so
 * a binary search finds where the ring starts. */
static guint64
first_exact_epoch (SlopeHistory *history,
                   guint64       first,
                   guint64       bucket_last)
{
  guint64 lo = first, hi = bucket_last;

  while (lo < hi)
    {
      guint64 mid = lo + (hi - lo) / 2;
      SlopeEpochRecord rec;

      if (slope_history_lookup (history, mid, &rec) && rec.epoch == mid)
        hi = mid;
      else
        lo = mid + 1;
    }

  return lo;
}

static gboolean
write_rows (GOutputStream  *stream,
            gpointer        user_data,
            GCancellable   *cancellable,
            GError        **error)
{
  SlopeHistory *history = user_data;
  g_autoptr(GString) out = g_string_sized_new (WRITE_CHUNK + 512);
  guint64 last = slope_history_get_last_epoch (history);
  guint64 epoch = 1;
  SlopeEpochRecord rec;

  g_string_append (out, SLOPE_LOG_CSV_HEADER "\n");

  /* Each lookup either is exact or jumps to the end of a bucket, so this
   * visits every stored record once, in order, even if training goes on
   * appending meanwhile. */
  while (epoch <= last && slope_history_lookup (history, epoch, &rec))
    {
      if (rec.epoch > epoch)
        {
          guint64 exact = first_exact_epoch (history, epoch, rec.epoch);

          if (exact != rec.epoch && !slope_history_lookup (history, exact, &rec))
            break;
        }

      append_row (out, &rec);
      epoch = rec.epoch + 1;

      if (out->len >= WRITE_CHUNK)
        {
          if (!g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }

  return g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);
}

/**
 * slope_log_csv_write_stream:
 *
 * What slope_log_csv_write() writes, to @stream (standard output, say),
 * which is left open.
 */
gboolean
slope_log_csv_write_stream (SlopeHistory   *history,
                            GOutputStream  *stream,
                            GError        **error)
{
  g_return_val_if_fail (SLOPE_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  return write_rows (stream, history, NULL, error)
         && g_output_stream_flush (stream, NULL, error);
}

/**
 * slope_log_csv_write:
 *
 * Writes the header %SLOPE_LOG_CSV_HEADER and one row per stored epoch,
 * oldest first: every epoch when the run fits in @history's ring of recent
 * epochs (65 536 for slope_history_new_default()), otherwise one row per
 * bucket before the ring and every epoch in it.  Numbers are the shortest
 * text that reads back to the same double, with a '.' in every locale.
 *
 * The file is replaced through slope_save_file(), so a failed write leaves
 * an existing file byte for byte as it was and no partial new one.
 *
 * Returns: %TRUE on success; %FALSE with @error naming the file otherwise
 */
gboolean
slope_log_csv_write (SlopeHistory  *history,
                     GFile         *file,
                     GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (SLOPE_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (slope_save_file (file, write_rows, history, NULL, &local_error))
    return TRUE;

  base = g_file_get_basename (file);
  display_name = g_filename_display_name (base ? base : "");
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              _("%s: cannot save the training log: "), display_name);
  return FALSE;
}
