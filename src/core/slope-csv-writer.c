/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-csv-writer.c: saving a dataset as CSV that reads back to the very
 * same doubles, in any locale, without ever losing the file it replaces.
 *
 * Each value is written with the fewest significant digits (15, 16 or 17)
 * that read back to the identical double, so 0.1 stays "0.1" for people
 * and 0.1 + 0.2 stays exact for the program.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "slope-csv.h"
#include "slope-save.h"

#define WRITE_CHUNK (64 * 1024)

/**
 * slope_csv_format_number_into:
 *
 * slope_csv_format_number() into @buffer, for writers of many numbers that
 * must not allocate one string each.
 */
void
slope_csv_format_number_into (char   buffer[G_ASCII_DTOSTR_BUF_SIZE],
                              double value)
{
  static const char * const formats[] = { "%.15g", "%.16g" };

  if (isfinite (value))
    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      {
        double back;

        g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
        back = g_ascii_strtod (buffer, NULL);
        /* Bits, not ==, so that -0 is not written as 0. */
        if (memcmp (&back, &value, sizeof value) == 0)
          return;
      }

  /* Seventeen digits always read back the same. */
  g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.17g", value);
}

/**
 * slope_csv_format_number:
 *
 * Returns: the shortest of %.15g, %.16g and %.17g, with a '.' whatever the
 * locale, that reads back to exactly @value.
 */
char *
slope_csv_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  slope_csv_format_number_into (buffer, value);
  return g_strdup (buffer);
}

/* A header name, quoted when a reader could take it for something else. */
static void
append_name (GString    *out,
             const char *name,
             const char *fallback)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  const char *text = trimmed[0] != '\0' ? trimmed : fallback;

  if (strpbrk (text, ",;\t\"\r\n") == NULL && text[0] != '#')
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static gboolean
write_rows (GOutputStream  *stream,
            SlopeDataset   *dataset,
            GString        *out,
            GCancellable   *cancellable,
            GError        **error)
{
  const double *x = slope_dataset_get_x (dataset);
  const double *y = slope_dataset_get_y (dataset);
  gsize n = slope_dataset_get_n (dataset);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  for (gsize i = 0; i < n; i++)
    {
      slope_csv_format_number_into (number, x[i]);
      g_string_append (out, number);
      g_string_append_c (out, ',');
      slope_csv_format_number_into (number, y[i]);
      g_string_append (out, number);
      g_string_append_c (out, '\n');

      if (out->len >= WRITE_CHUNK || i + 1 == n)
        {
          if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }

  return out->len == 0
         || g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
}

typedef struct
{
  SlopeDataset *dataset;
  const char   *x_name;
  const char   *y_name;
} SaveData;

static gboolean
write_csv (GOutputStream  *stream,
           gpointer        user_data,
           GCancellable   *cancellable,
           GError        **error)
{
  const SaveData *sd = user_data;
  g_autoptr(GString) out = g_string_sized_new (WRITE_CHUNK + 128);

  append_name (out, sd->x_name, "x");
  g_string_append_c (out, ',');
  append_name (out, sd->y_name, "y");
  g_string_append_c (out, '\n');
  return write_rows (stream, sd->dataset, out, cancellable, error);
}

/**
 * slope_csv_save:
 * @x_name: (nullable): the x column's header, "x" if %NULL
 * @y_name: (nullable): the y column's header, "y" if %NULL
 *
 * Saves through slope_save_file(): a failed or cancelled save leaves the
 * old file as it was, byte for byte.
 */
gboolean
slope_csv_save (SlopeDataset  *dataset,
                GFile         *file,
                const char    *x_name,
                const char    *y_name,
                GCancellable  *cancellable,
                GError       **error)
{
  SaveData sd = { dataset, x_name, y_name };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (SLOPE_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (slope_save_file (file, write_csv, &sd, cancellable, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  base = g_file_get_basename (file);
  display_name = g_filename_display_name (base ? base : "");
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              _("%s: cannot save: "), display_name);
  return FALSE;
}
