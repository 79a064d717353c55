/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-csv-number.c: what a CSV cell holds, and its value.
 *
 * Each number must be the double nearest to its text, as strtod gives in
 * the C locale, on any desktop.  Most cells in real files have few digits,
 * so those are computed exactly here (Clinger's fast path: an integer below
 * 2^53 times or divided by an exact power of ten is one correctly rounded
 * operation), and on x86 the 16 to 19 digits numpy writes nearly always are
 * too (see decimal_to_double_extended); only the rest go through
 * g_ascii_strtod, which is glibc's strtod in the C locale.  That keeps ten
 * million rows to a second or two.
 *
 * The syntax is decimal only: hex floats, "inf" and "nan" are words, which
 * the reader reports or counts as missing rather than taking as numbers.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "slope-csv-private.h"

#define MAX_EXACT_INTEGER   (G_GUINT64_CONSTANT (1) << 53)
#define MAX_DIGITS          19    /* always fit a guint64 */
#define MAX_EXPONENT        100000

static const double exact_powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

typedef struct
{
  guint64  mantissa;
  int      exponent;     /* value = ±mantissa × 10^exponent, when exact */
  guint    n_digits;     /* significant digits kept in mantissa */
  gboolean inexact;      /* digits were dropped from mantissa */
  gboolean negative;
  gboolean any_digit;
} Decimal;

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* Returns FALSE when the digit could not be kept in the mantissa. */
static inline gboolean
add_digit (Decimal *d,
           char     c)
{
  d->any_digit = TRUE;
  if (d->mantissa == 0 && c == '0')
    return TRUE;
  if (d->n_digits == MAX_DIGITS)
    {
      d->inexact = TRUE;
      return FALSE;
    }
  d->mantissa = d->mantissa * 10 + (guint64) (c - '0');
  d->n_digits++;
  return TRUE;
}

static const char *
scan_exponent (const char *p,
               const char *end,
               int        *exponent)
{
  gboolean negative = FALSE;
  int e = 0;

  if (p < end && (*p == '+' || *p == '-'))
    negative = *p++ == '-';
  if (p == end || !is_digit (*p))
    return NULL;
  for (; p < end && is_digit (*p); p++)
    if (e < MAX_EXPONENT)
      e = e * 10 + (*p - '0');
  *exponent = negative ? -e : e;
  return p;
}

/* [+-] digits [point digits] [(e|E) [+-] digits], with at least one digit
 * before the exponent, and nothing else. */
static gboolean
scan_decimal (const char *p,
              const char *end,
              char        point,
              Decimal    *d)
{
  int e = 0;

  memset (d, 0, sizeof *d);
  if (p < end && (*p == '+' || *p == '-'))
    d->negative = *p++ == '-';
  for (; p < end && is_digit (*p); p++)
    if (!add_digit (d, *p))
      d->exponent++;
  if (p < end && *p == point)
    for (p++; p < end && is_digit (*p); p++)
      if (add_digit (d, *p))
        d->exponent--;
  if (!d->any_digit)
    return FALSE;
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p = scan_exponent (p + 1, end, &e);
      if (p == NULL)
        return FALSE;
      d->exponent = CLAMP (d->exponent + e, -MAX_EXPONENT, MAX_EXPONENT);
    }
  return p == end;
}

static gboolean
decimal_to_double_exactly (const Decimal *d,
                           double        *value)
{
  double v;

  if (d->mantissa == 0)
    v = 0.0;
  else if (d->inexact || d->mantissa > MAX_EXACT_INTEGER)
    return FALSE;
  else if (d->exponent >= 0 && d->exponent <= 22)
    v = (double) d->mantissa * exact_powers_of_ten[d->exponent];
  else if (d->exponent < 0 && d->exponent >= -22)
    v = (double) d->mantissa / exact_powers_of_ten[-d->exponent];
  else
    return FALSE;

  *value = d->negative ? -v : v;
  return TRUE;
}

#if (defined (__x86_64__) || defined (__i386__)) && LDBL_MANT_DIG == 64
/* Up to nineteen digits times 10^±27 in x87 extended precision: one
 * rounding to 64 bits, then one to 53.  The second gives the correctly
 * rounded double unless the first landed within a unit of a point halfway
 * between two doubles (low 11 bits 0x3FF to 0x401); those few go on to
 * strtod.  This keeps 17-digit files (pandas, numpy) fast too. */
#define HAVE_EXTENDED_PATH 1

static const long double extended_powers_of_ten[] = {
  1e0L, 1e1L, 1e2L, 1e3L, 1e4L, 1e5L, 1e6L, 1e7L, 1e8L, 1e9L, 1e10L, 1e11L, 1e12L, 1e13L,
  1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L, 1e20L, 1e21L, 1e22L, 1e23L, 1e24L, 1e25L,
  1e26L, 1e27L,
};

static gboolean
decimal_to_double_extended (const Decimal *d,
                            double        *value)
{
  long double r = (long double) d->mantissa;
  guint64 bits;

  if (d->inexact || d->exponent < -27 || d->exponent > 27)
    return FALSE;

  if (d->exponent >= 0)
    r *= extended_powers_of_ten[d->exponent];
  else
    r /= extended_powers_of_ten[-d->exponent];

  /* The x87 format keeps its 64-bit significand in the first 8 bytes. */
  memcpy (&bits, &r, sizeof bits);
  if ((bits & 0x7FF) - 0x3FF <= 2)
    return FALSE;

  *value = d->negative ? -(double) r : (double) r;
  return TRUE;
}
#endif

static double
strtod_c_locale (const char *text,
                 gsize       len,
                 char        point)
{
  char stack_buffer[128];
  g_autofree char *heap_buffer = NULL;
  char *buffer = stack_buffer;

  if (len >= sizeof stack_buffer)
    buffer = heap_buffer = g_malloc (len + 1);
  memcpy (buffer, text, len);
  buffer[len] = '\0';
  if (point != '.')
    {
      char *comma = memchr (buffer, point, len);
      if (comma)
        *comma = '.';
    }

  return g_ascii_strtod (buffer, NULL);
}

static gboolean
word_is (const char *text,
         gsize       len,
         const char *word)
{
  return strlen (word) == len && g_ascii_strncasecmp (text, word, len) == 0;
}

static SlopeCsvCell
classify_word (const char *text,
               gsize       len)
{
  static const char * const missing[] = { "na", "n/a", "#n/a", "<na>", "null", "none" };
  const char *unsigned_text = text;
  gsize unsigned_len = len;

  if (len > 0 && (*text == '+' || *text == '-'))
    {
      unsigned_text++;
      unsigned_len--;
    }
  if (word_is (unsigned_text, unsigned_len, "nan"))
    return SLOPE_CSV_CELL_MISSING;
  if (word_is (unsigned_text, unsigned_len, "inf")
      || word_is (unsigned_text, unsigned_len, "infinity"))
    return SLOPE_CSV_CELL_NOT_FINITE;
  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    if (word_is (text, len, missing[i]))
      return SLOPE_CSV_CELL_MISSING;
  return SLOPE_CSV_CELL_TEXT;
}

/**
 * slope_csv_classify:
 * @decimal_comma: read 3,14 as 3.14 (files delimited by semicolons)
 *
 * Spaces and tabs around @text are ignored.  @value is set only for
 * %SLOPE_CSV_CELL_NUMBER.
 */
SlopeCsvCell
slope_csv_classify (const char *text,
                    gsize       len,
                    gboolean    decimal_comma,
                    double     *value)
{
  char point = decimal_comma ? ',' : '.';
  Decimal d;
  double v;

  while (len > 0 && (*text == ' ' || *text == '\t'))
    text++, len--;
  while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
    len--;
  if (len == 0)
    return SLOPE_CSV_CELL_MISSING;

  if (!scan_decimal (text, text + len, point, &d))
    {
      /* A semicolon file may still write its decimals with a point. */
      if (!decimal_comma || !scan_decimal (text, text + len, '.', &d))
        return classify_word (text, len);
      point = '.';
    }

  if (!decimal_to_double_exactly (&d, &v)
#ifdef HAVE_EXTENDED_PATH
      && !decimal_to_double_extended (&d, &v)
#endif
      )
    v = strtod_c_locale (text, len, point);
  if (!isfinite (v))
    return SLOPE_CSV_CELL_NOT_FINITE;

  *value = v;
  return SLOPE_CSV_CELL_NUMBER;
}

/**
 * slope_csv_parse_number:
 * @text: not necessarily nul-terminated
 * @len: bytes of @text
 *
 * Returns: %TRUE when @text is one finite decimal number (surrounded by
 * nothing but spaces), with @value the double nearest to it.
 */
gboolean
slope_csv_parse_number (const char *text,
                        gsize       len,
                        double     *value)
{
  double v;

  g_return_val_if_fail (text != NULL || len == 0, FALSE);

  if (slope_csv_classify (text, len, FALSE, &v) != SLOPE_CSV_CELL_NUMBER)
    return FALSE;
  if (value)
    *value = v;
  return TRUE;
}
