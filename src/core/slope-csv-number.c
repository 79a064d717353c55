/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-csv-number.c: what a CSV cell holds, and its value.
 *
 * Each number must be the double nearest to its text, as strtod gives in
 * the C locale, on any desktop, and ten million rows must not wait on it.
 * Most cells are read in one pass with eight digits at a time; up to 19
 * significant digits are then converted exactly in one of two ways:
 *
 *  - Clinger's fast path: an integer below 2^53 times or divided by an
 *    exact power of ten is one correctly rounded operation;
 *  - otherwise the mantissa times a 128-bit approximation of 5^q (the
 *    approach of Eisel and Lemire), which pins the exact product inside an
 *    interval two units wide at bit 128; when that interval lies on one
 *    side of a point halfway between two doubles the rounding is known.
 *
 * Whatever neither settles (about one number in 2^70, subnormals, and
 * texts of more than 19 digits whose last digits matter) goes through
 * g_ascii_strtod, which is glibc's strtod in the C locale.
 *
 * The syntax is decimal only: hex floats, "inf" and "nan" are words, which
 * the reader reports or counts as missing rather than taking as numbers.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-csv-private.h"

#ifdef __SIZEOF_INT128__
#include "slope-powers-of-five.h"
#endif

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

/* The common case in one pass: [+-] digits [point digits] [e [+-] digits]
 * with at most 19 significant digits and a short exponent.  Anything else
 * (or nothing valid) returns FALSE and goes to scan_decimal, which has the
 * last word on the syntax. */
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
static inline gboolean
eight_digits (const char *p,
              guint64    *value)
{
  guint64 v;

  memcpy (&v, p, sizeof v);
  /* Every byte 0x30 to 0x3F, and none above 0x39 (adding 6 to a byte that
   * high is the only way to leave 0x3_; no byte carries into the next). */
  if ((v & G_GUINT64_CONSTANT (0xF0F0F0F0F0F0F0F0)) != G_GUINT64_CONSTANT (0x3030303030303030)
      || ((v + G_GUINT64_CONSTANT (0x0606060606060606)) & G_GUINT64_CONSTANT (0xF0F0F0F0F0F0F0F0))
         != G_GUINT64_CONSTANT (0x3030303030303030))
    return FALSE;

  /* The first character is the lowest byte and the most significant
   * digit: merge neighbours into pairs, pairs into fours, fours into the
   * eight, each step within lanes that cannot overflow. */
  v -= G_GUINT64_CONSTANT (0x3030303030303030);
  v = (v * 10 + (v >> 8)) & G_GUINT64_CONSTANT (0x00FF00FF00FF00FF);
  v = (v * 100 + (v >> 16)) & G_GUINT64_CONSTANT (0x0000FFFF0000FFFF);
  v = (v * 10000 + (v >> 32)) & G_GUINT64_CONSTANT (0x00000000FFFFFFFF);
  *value = v;
  return TRUE;
}
#else
static inline gboolean
eight_digits (const char *p,
              guint64    *value)
{
  return FALSE;
}
#endif

/* Digits from @p on into @mantissa (modulo 2^64: the caller counts them). */
static inline const char *
scan_digits (const char *p,
             const char *end,
             guint64    *mantissa)
{
  guint64 m = *mantissa, eight;

  while (end - p >= 8 && eight_digits (p, &eight))
    {
      m = m * 100000000 + eight;
      p += 8;
    }
  for (; p < end && is_digit (*p); p++)
    m = m * 10 + (guint64) (*p - '0');
  *mantissa = m;
  return p;
}

/* scan_simple() without its last check: returns where the number's text
 * stops, or NULL. */
static const char *
scan_simple_prefix (const char *p,
                    const char *end,
                    char        point,
                    Decimal    *d)
{
  const char *digits, *fraction = NULL;
  guint64 m = 0;
  gsize n_digits, n_fraction = 0;
  int exponent = 0;

  memset (d, 0, sizeof *d);
  if (p < end && (*p == '+' || *p == '-'))
    d->negative = *p++ == '-';
  digits = p;
  p = scan_digits (p, end, &m);
  n_digits = p - digits;
  if (p < end && *p == point)
    {
      fraction = ++p;
      p = scan_digits (p, end, &m);
      n_fraction = p - fraction;
      n_digits += n_fraction;
    }
  if (n_digits == 0)
    return NULL;
  if (n_digits > MAX_DIGITS)
    {
      /* Leading zeros, before or after the point, are not significant
       * and left m alone. */
      for (const char *z = digits; z < p && (*z == '0' || z + 1 == fraction); z++)
        if (*z == '0')
          n_digits--;
      if (n_digits > MAX_DIGITS)
        return NULL;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      gboolean negative = FALSE;
      const char *start;
      int e = 0;

      if (++p < end && (*p == '+' || *p == '-'))
        negative = *p++ == '-';
      start = p;
      for (; p < end && is_digit (*p) && p - start < 5; p++)
        e = e * 10 + (*p - '0');
      if (p == start || (p < end && is_digit (*p)))
        return NULL;
      exponent = negative ? -e : e;
    }

  d->mantissa = m;
  d->exponent = exponent - (int) n_fraction;
  d->n_digits = n_digits;
  d->any_digit = TRUE;
  return p;
}

static gboolean
scan_simple (const char *p,
             const char *end,
             char        point,
             Decimal    *d)
{
  return scan_simple_prefix (p, end, point, d) == end;
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

#ifdef __SIZEOF_INT128__
/* @w (nonzero) times 10^@q, correctly rounded when it can be shown from
 * the table alone; FALSE otherwise.  See make-powers-of-five.py for the
 * table's bound: 5^q = t · 2^e with t in [T, T + 1). */
static gboolean
multiply_by_power_of_ten (guint64  w,
                          int      q,
                          gboolean negative,
                          double  *value)
{
  unsigned __int128 t_hi, t_lo, a, rest, half;
  guint64 m, bits;
  int lz, msb, shift, biased;

  if (q < POWERS_OF_FIVE_Q_MIN || q > POWERS_OF_FIVE_Q_MAX)
    return FALSE;

  /* w · 10^q = (w · 2^lz) · t · 2^(e + q − lz); w · 2^lz fills 64 bits. */
  lz = __builtin_clzll (w);
  w <<= lz;
  t_hi = (unsigned __int128) w * powers_of_five[q - POWERS_OF_FIVE_Q_MIN].hi;
  t_lo = (unsigned __int128) w * powers_of_five[q - POWERS_OF_FIVE_Q_MIN].lo;

  /* a = ⌊w·T / 2^64⌋.  The exact w·t lies in [w·T, w·T + w), w < 2^64, so
   * w·t / 2^64 lies in [a, a + 2).  a ≥ 2^126, as w ≥ 2^63 and T ≥ 2^127. */
  a = t_hi + (t_lo >> 64);
  msb = (a >> 127) ? 127 : 126;
  shift = msb - 52;
  m = (guint64) (a >> shift);
  rest = a & ((((unsigned __int128) 1) << shift) - 1);
  half = ((unsigned __int128) 1) << (shift - 1);

  /* The value is (m + f) · 2^(shift + 64 + e + q − lz) with f in
   * [rest, rest + 2) / 2^shift.  Round to nearest: down when all of it is
   * below one half, up when all of it is above; a point halfway between
   * two doubles may lie inside only when neither holds. */
  if (rest > half)
    m++;
  else if (rest + 2 > half)
    return FALSE;
  if (m == G_GUINT64_CONSTANT (1) << 53)
    {
      m >>= 1;
      shift++;
    }

  /* Normal doubles only: m · 2^E with E + 52 + 1023 in [1, 2046]. */
  biased = shift + 64 + powers_of_five[q - POWERS_OF_FIVE_Q_MIN].e + q - lz + 52 + 1023;
  if (biased < 1 || biased > 2046)
    return FALSE;

  bits = (guint64) biased << 52 | (m & ((G_GUINT64_CONSTANT (1) << 52) - 1));
  if (negative)
    bits |= G_GUINT64_CONSTANT (1) << 63;
  memcpy (value, &bits, sizeof bits);
  return TRUE;
}
#else
static gboolean
multiply_by_power_of_ten (guint64  w,
                          int      q,
                          gboolean negative,
                          double  *value)
{
  return FALSE;
}
#endif

static gboolean
decimal_to_double (const Decimal *d,
                   double        *value)
{
  double above;

  if (decimal_to_double_exactly (d, value))
    return TRUE;
  if (!d->inexact)
    return multiply_by_power_of_ten (d->mantissa, d->exponent, d->negative, value);

  /* Digits were dropped: the number lies between mantissa and mantissa + 1
   * units, and rounding is monotonic, so where both ends round alike the
   * number does too. */
  return multiply_by_power_of_ten (d->mantissa, d->exponent, d->negative, value)
         && multiply_by_power_of_ten (d->mantissa + 1, d->exponent, d->negative, &above)
         && memcmp (value, &above, sizeof above) == 0;
}

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

  if (!scan_simple (text, text + len, point, &d)
      && !scan_decimal (text, text + len, point, &d))
    {
      /* A semicolon file may still write its decimals with a point. */
      if (!decimal_comma || !scan_decimal (text, text + len, '.', &d))
        return classify_word (text, len);
      point = '.';
    }

  if (!decimal_to_double (&d, &v))
    v = strtod_c_locale (text, len, point);
  if (!isfinite (v))
    return SLOPE_CSV_CELL_NOT_FINITE;

  *value = v;
  return SLOPE_CSV_CELL_NUMBER;
}

/**
 * slope_csv_number_prefix:
 * @end: where the text may stop at the latest
 *
 * The reader's fast path: a number in the common form ([+-] digits
 * [point digits] [e [+-] digits], at most 19 significant digits) from
 * @p on, up to the first byte that cannot go on with it, and converted
 * without strtod.  Whatever slope_csv_classify() would give for the text
 * [@p, returned position), this gives too, bit for bit, when it gives
 * anything.
 *
 * Returns: where the number stops, with @value set; or %NULL, when the
 * text is of another form or needs the exact slow path.
 */
const char *
slope_csv_number_prefix (const char *p,
                         const char *end,
                         char        point,
                         double     *value)
{
  Decimal d;
  const char *stop = scan_simple_prefix (p, end, point, &d);

  if (stop == NULL || !decimal_to_double (&d, value))
    return NULL;
  return stop;
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
