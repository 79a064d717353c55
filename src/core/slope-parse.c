/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-parse.c: the whole text must be one number, read the same on a
 * German or Korean desktop as in the C locale.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "slope-parse.h"

gboolean
slope_parse_double (const char *text,
                    double     *out)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  double v;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return FALSE;

  errno = 0;
  v = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (v))
    return FALSE;

  *out = v;
  return TRUE;
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
