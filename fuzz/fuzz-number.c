/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-number.c: the cell number parser against strtod_l in the C locale.
 *
 * Whatever slope_csv_parse_number() accepts, strtod_l must read whole, to
 * the same bits; whatever plain decimal text strtod_l reads whole to a
 * finite double, slope_csv_parse_number() must accept.  The syntaxes the
 * cell reader refuses on purpose (hex floats, inf, nan, leading
 * whitespace other than spaces and tabs) are left out of the second rule.
 */
#include "config.h"

/* strtod_l and newlocale */
#define _GNU_SOURCE 1
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "slope-csv.h"

#define MAX_TEXT 128

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static gboolean
plain_decimal (const char *text,
               gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (strchr ("0123456789+-.eE", text[i]) == NULL || text[i] == '\0')
      return FALSE;
  return len > 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static locale_t c_locale;
  char text[MAX_TEXT + 1];
  const char *t = text;
  gsize len, tlen;
  gboolean ok;
  double ours = 0.0, theirs;
  char *end;

  if (c_locale == (locale_t) 0)
    c_locale = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  if (size > MAX_TEXT || memchr (data, '\0', size) != NULL)
    return 0;
  memcpy (text, data, size);
  text[size] = '\0';
  len = size;

  ok = slope_csv_parse_number (text, len, &ours);

  /* The cell reader trims spaces and tabs; strtod would skip others too. */
  tlen = len;
  while (tlen > 0 && (*t == ' ' || *t == '\t'))
    t++, tlen--;
  while (tlen > 0 && (t[tlen - 1] == ' ' || t[tlen - 1] == '\t'))
    tlen--;
  {
    char trimmed[MAX_TEXT + 1];

    memcpy (trimmed, t, tlen);
    trimmed[tlen] = '\0';
    theirs = strtod_l (trimmed, &end, c_locale);

    if (ok)
      {
        if (end != trimmed + tlen || memcmp (&ours, &theirs, sizeof ours) != 0
            || !isfinite (ours))
          abort ();
      }
    else if (end == trimmed + tlen && isfinite (theirs) && plain_decimal (trimmed, tlen))
      abort ();
  }
  return 0;
}
