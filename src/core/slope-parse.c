/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-parse.c: the whole text must be one number, read the same on a
 * German or Korean desktop as in the C locale, and in the same syntax as
 * a number in a CSV cell (decimal only: no hex floats, no inf or nan).
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "slope-csv.h"
#include "slope-parse.h"

gboolean
slope_parse_double (const char *text,
                    double     *out)
{
  if (text == NULL)
    return FALSE;

  /* The cell reader: what a CSV file accepts, an option accepts. */
  return slope_csv_parse_number (text, strlen (text), out);
}

gboolean
slope_parse_uint (const char *text,
                  guint      *out)
{
  g_autofree char *copy = NULL;
  guint64 v = 0;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  if (!g_ascii_string_to_unsigned (copy, 10, 0, G_MAXUINT, &v, NULL))
    return FALSE;

  *out = (guint) v;
  return TRUE;
}

/* A number of epochs for one run: 1 to SLOPE_MAX_EPOCHS. */
gboolean
slope_parse_epochs (const char *text,
                    guint      *out)
{
  guint n;

  if (!slope_parse_uint (text, &n) || n < 1 || n > SLOPE_MAX_EPOCHS)
    return FALSE;

  *out = n;
  return TRUE;
}

/* "W,B", as in --init 0.5,-1 */
gboolean
slope_parse_double_pair (const char *text,
                         double     *first,
                         double     *second)
{
  g_auto(GStrv) parts = NULL;
  double a, b;

  if (text == NULL)
    return FALSE;

  parts = g_strsplit (text, ",", -1);
  if (g_strv_length (parts) != 2
      || !slope_parse_double (parts[0], &a)
      || !slope_parse_double (parts[1], &b))
    return FALSE;

  *first = a;
  *second = b;
  return TRUE;
}
