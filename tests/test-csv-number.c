/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv-number.c: the CSV number reader against glibc's strtod in the C
 * locale, reading under German and Korean locales, and saving datasets
 * that read back bit for bit.
 */
#include "config.h"

#include <float.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "slope-csv-private.h"
#include "slope-csv.h"

static locale_t c_locale;

/* The random inputs come from one fixed seed, printed, so a failure is
 * reproduced by running again (SLOPE_TEST_SEED=N chooses another). */
static GRand *rng;

/* What glibc's strtod gives in the C locale, or FALSE if it does not take
 * all of @text or overflows. */
static gboolean
reference_strtod (const char *text,
                  double     *value)
{
  locale_t previous = uselocale (c_locale);
  char *end = NULL;
  double v = strtod (text, &end);

  uselocale (previous);
  if (end == text || *end != '\0' || !isfinite (v))
    return FALSE;
  *value = v;
  return TRUE;
}

static gboolean
same_bits (double a,
           double b)
{
  return memcmp (&a, &b, sizeof a) == 0;
}

/* The loader's fast path reads a number up to the delimiter after it:
 * whatever it reads, glibc reads the same text to the same bits. */
static void
assert_prefix_agrees_with_strtod (const char *text)
{
  g_autofree char *cell = g_strconcat (text, ",", NULL);
  g_autofree char *taken = NULL;
  const char *stop;
  double ours = 0.0, theirs = 0.0;

  stop = slope_csv_number_prefix (cell, cell + strlen (cell), '.', &ours);
  if (stop == NULL)
    return;
  taken = g_strndup (cell, (gsize) (stop - cell));
  if (!reference_strtod (taken, &theirs) || !same_bits (ours, theirs))
    g_error ("“%s” (of “%s”): the fast path reads %.17g, strtod %.17g", taken, text, ours, theirs);
}

static void
assert_agrees_with_strtod (const char *text)
{
  double ours = 0.0, theirs = 0.0;
  gboolean ok = slope_csv_parse_number (text, strlen (text), &ours);
  gboolean expected = reference_strtod (text, &theirs);

  if (ok != expected || (ok && !same_bits (ours, theirs)))
    g_error ("“%s”: ours %s %.17g, strtod %s %.17g", text, ok ? "reads" : "refuses", ours,
             expected ? "reads" : "refuses", theirs);
  assert_prefix_agrees_with_strtod (text);
}

static const char * const hard_numbers[] = {
  "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308",
  "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
  "9007199254740993", "9007199254740992.5", "9007199254740993.0000000000000000000001",
  "0.1e-400", "1e-400", "1e308", "1.7976931348623157e308", "1.7976931348623158e308",
  "1.8e308", "179769313486231580793728971405301e276",
  "0.1", "0.2", "0.3", "0.30000000000000004", "123456789012345678901234567890",
  "1.00000000000000011102230246251565404236316680908203125",
  "1.00000000000000011102230246251565404236316680908203124",
  "1.00000000000000011102230246251565404236316680908203126",
  "0000000000000000000000000000000000001.5", "0.000000000000000000000000000000000001",
  "-0", "+0", "-0.0e10", "0e999999999", "1e-99999999999", "1e99999999999",
  "3.14159265358979323846264338327950288419716939937510582097494459",
  "7.038531e-26", "8.533e+68", "4.1006e-184", "9.998e+307", "9.9538452227e-280",
  "6.47660115e-260", "7.4e+47", "5.92e+48", "7.35e+66", "8.32116e+55",
  "1e22", "1e23", "4503599627370497.5", "4503599627370496.5",
  "89255.0e-22", "2.225073858507201136057409796709131975934819546351645648e-308",
  "100000000000000000000000", "1.", ".5", "+.5e1", "-5.E-1",
  /* Rounding up to the next power of two, which carries into the exponent. */
  "9007199254740991.9", "0.99999999999999999", "1.9999999999999999999", "3.99999999999999999e-300",
  "9999999999999999999", "9999999999999999999e289", "1.99999999999999988898", "1.99999999999999988897",
};

static void
test_hard_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (hard_numbers); i++)
    assert_agrees_with_strtod (hard_numbers[i]);
}

static void
append_digits (GString *s,
               guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (s, (char) ('0' + g_rand_int_range (rng, 0, 10)));
}

/* A decimal number as a person or a program might write it. */
static char *
random_number_text (void)
{
  GString *s = g_string_new (NULL);
  guint kind = g_rand_int_range (rng, 0, 5);

  if (kind == 4)
    {
      /* What numpy and pandas write: up to 17 digits of an everyday value. */
      double v = g_rand_double_range (rng, -1.0, 1.0) * pow (10.0, g_rand_int_range (rng, -12, 13));

      g_string_printf (s, "%.*g", g_rand_int_range (rng, 15, 20), v);
      return g_string_free (s, FALSE);
    }
  if (kind == 0)
    {
      /* Random bits, printed with a random number of digits. */
      guint64 bits = ((guint64) g_rand_int (rng) << 32) | (guint32) g_rand_int (rng);
      double v;

      memcpy (&v, &bits, sizeof v);
      if (!isfinite (v))
        v = 1.0;
      g_string_printf (s, "%.*g", g_rand_int_range (rng, 1, 26), v);
      return g_string_free (s, FALSE);
    }

  if (g_rand_boolean (rng))
    g_string_append_c (s, g_rand_boolean (rng) ? '-' : '+');
  if (kind == 1)
    append_digits (s, g_rand_int_range (rng, 1, 20));   /* short: the fast path */
  else
    append_digits (s, g_rand_int_range (rng, 1, 40));
  if (g_rand_boolean (rng))
    {
      g_string_append_c (s, '.');
      append_digits (s, g_rand_int_range (rng, 0, kind == 1 ? 8 : 30));
    }
  if (kind == 3 || g_rand_boolean (rng))
    g_string_append_printf (s, "%c%d", g_rand_boolean (rng) ? 'e' : 'E',
                            g_rand_int_range (rng, kind == 3 ? -345 : -25, kind == 3 ? 330 : 25));
  return g_string_free (s, FALSE);
}

static void
test_random_numbers (void)
{
  guint n = g_test_slow () ? 2000000 : 200000;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = random_number_text ();

      assert_agrees_with_strtod (text);
    }
}

/* The wide multiplication's territory, from a fixed seed so a failure
 * reproduces: what programs write for arbitrary doubles, nineteen-digit
 * mantissas across the whole exponent range, and the hardest cases, texts
 * at or within a few digits of a point halfway between two doubles. */
#define WIDE_SEED 20261201u

static char *
random_wide_text (GRand *rand,
                  guint  kind)
{
  guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
  double v;

  memcpy (&v, &bits, sizeof v);
  if (!isfinite (v))
    v = 1.0;
  switch (kind)
    {
    case 0:
      return g_strdup_printf ("%.*g", g_rand_int_range (rand, 15, 18), v);
    case 1:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, v));
      }
    case 2:
      return g_strdup_printf ("%" G_GUINT64_FORMAT "e%d",
                              bits % G_GUINT64_CONSTANT (10000000000000000000),
                              g_rand_int_range (rand, -345, 311));
    case 3:
      return g_strdup_printf ("%.*f", g_rand_int_range (rand, 1, 19),
                              g_rand_double_range (rand, -1e6, 1e6));
    default:
      {
#if LDBL_MANT_DIG >= 64
        /* The exact midpoint of two neighbouring normal doubles, written
         * out in full or cut to 17 to 20 digits on either side of it. */
        double next;
        long double mid;
        int digits = g_rand_int_range (rand, 16, 30);

        v = fabs (v);
        if (v < DBL_MIN || v > 1e300)
          v = 1.0 + g_rand_double (rand);
        next = nextafter (v, INFINITY);
        mid = (long double) v + ((long double) next - (long double) v) / 2;
        return g_strdup_printf ("%.*Le", digits, mid);
#else
        return g_strdup_printf ("%.17g", v);
#endif
      }
    }
}

static void
test_random_wide (void)
{
  guint n = g_test_slow () ? 5000000 : 500000;
  GRand *rand = g_rand_new_with_seed (WIDE_SEED);

  g_test_message ("seed %u, %u numbers", WIDE_SEED, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = random_wide_text (rand, i % 5);

      assert_agrees_with_strtod (text);
    }
  g_rand_free (rand);
}

static void
test_not_numbers (void)
{
  static const char * const words[] = {
    "", " ", "inf", "-inf", "Infinity", "nan", "NaN", "0x10", "0x1p3", "1e", "1e+", ".", "+.",
    "--1", "+-1", "1 2", "1,5", "1.5.2", "e5", "1_000", "١٢", "1e5x", "0b101", "1d5",
  };
  double v = 42.0;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_test_message ("%s", words[i]);
      g_assert_false (slope_csv_parse_number (words[i], strlen (words[i]), &v));
    }
  g_assert_cmpfloat (v, ==, 42.0);

  /* Surrounding spaces are not part of the number; the length is honoured. */
  g_assert_true (slope_csv_parse_number ("  2.5\t", 6, &v));
  g_assert_cmpfloat (v, ==, 2.5);
  g_assert_true (slope_csv_parse_number ("12345", 2, &v));
  g_assert_cmpfloat (v, ==, 12.0);
}

/* Locales ------------------------------------------------------------------ */

static const char * const locale_corpus[] = {
  "numbers.csv", "semicolon-decimal-comma.csv", "pandas.csv", "notebook.csv",
};

static SlopeDataset *
load_corpus (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "csv", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SlopeDataset *dataset = slope_csv_load (file, NULL, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static void
assert_same_datasets (SlopeDataset *a,
                      SlopeDataset *b)
{
  gsize n = slope_dataset_get_n (a);

  g_assert_cmpuint (slope_dataset_get_n (b), ==, n);
  g_assert_cmpmem (slope_dataset_get_x (a), n * sizeof (double), slope_dataset_get_x (b), n * sizeof (double));
  g_assert_cmpmem (slope_dataset_get_y (a), n * sizeof (double), slope_dataset_get_y (b), n * sizeof (double));
}

static void
test_locale (gconstpointer data)
{
  const char *name = data;
  SlopeDataset *in_c[G_N_ELEMENTS (locale_corpus)];
  g_autofree char *formatted = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (locale_corpus); i++)
    in_c[i] = load_corpus (locale_corpus[i]);

  if (setlocale (LC_ALL, name) == NULL)
    {
      g_autofree char *why = g_strdup_printf ("the %s locale is not installed", name);

      for (guint i = 0; i < G_N_ELEMENTS (locale_corpus); i++)
        g_object_unref (in_c[i]);
      g_test_skip (why);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (locale_corpus); i++)
    {
      g_autoptr(SlopeDataset) here = load_corpus (locale_corpus[i]);

      assert_same_datasets (in_c[i], here);
      g_object_unref (in_c[i]);
    }
  formatted = slope_csv_format_number (-1234.5);
  setlocale (LC_ALL, "C");

  g_assert_cmpstr (formatted, ==, "-1234.5");
}

/* Writing -------------------------------------------------------------------- */

static double
random_double (void)
{
  static const double specials[] = {
    0.0, -0.0, 5e-324, -5e-324, 2.2250738585072009e-308, 2.2250738585072014e-308,
    1.7976931348623157e308, -1.7976931348623157e308, 0.1, 1.0 / 3.0, 1e22, 1e23, 9007199254740993.0,
  };
  guint64 bits;
  double v;

  switch (g_rand_int_range (rng, 0, 4))
    {
    case 0:
      return specials[g_rand_int_range (rng, 0, G_N_ELEMENTS (specials))];
    case 1:
      return g_rand_double_range (rng, -1000, 1000);
    case 2:
      /* Subnormals: exponent bits zero. */
      bits = (((guint64) g_rand_int (rng) << 32) | (guint32) g_rand_int (rng))
             & G_GUINT64_CONSTANT (0x800fffffffffffff);
      break;
    default:
      bits = ((guint64) g_rand_int (rng) << 32) | (guint32) g_rand_int (rng);
      break;
    }
  memcpy (&v, &bits, sizeof v);
  return isfinite (v) ? v : 1.5;
}

static void
test_format_number (void)
{
  static const struct { double value; const char *text; } cases[] = {
    { 0.1, "0.1" }, { 0.1 + 0.2, "0.30000000000000004" }, { -0.0, "-0" }, { 1e22, "1e+22" },
    { 2.0, "2" }, { 1.0 / 3.0, "0.3333333333333333" }, { 5e-324, "4.94065645841247e-324" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = slope_csv_format_number (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_save_round_trip (void)
{
  const gsize n = 20000;
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  g_autoptr(SlopeDataset) saved = NULL;
  g_autoptr(SlopeDataset) loaded = NULL;
  g_autoptr(SlopeCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("slope-csv-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "saved.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_no_error (error);
  for (gsize i = 0; i < n; i++)
    {
      x[i] = i == 0 ? -0.0 : random_double ();
      y[i] = random_double ();
    }
  saved = slope_dataset_new (x, y, n, "saved");

  g_assert_true (slope_csv_save (saved, file, "time, s", "say \"hi\"", NULL, &error));
  g_assert_no_error (error);
  loaded = slope_csv_load (file, NULL, &report, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  assert_same_datasets (saved, loaded);
  g_assert_true (signbit (slope_dataset_get_x (loaded)[0]));
  g_assert_cmpstr (report->x_name, ==, "time, s");
  g_assert_cmpstr (report->y_name, ==, "say \"hi\"");
  g_assert_cmpuint (report->rows_skipped, ==, 0);

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* A save that does not finish leaves the old file as it was. */
static void
test_failed_save_keeps_old_file (void)
{
  static const double x[] = { 1, 2 }, y[] = { 3, 4 };
  g_autoptr(SlopeDataset) dataset = slope_dataset_new (x, y, 2, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("slope-csv-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "old.csv", NULL);
  g_autofree char *missing_dir = g_build_filename (dir, "no", "such", "dir.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing_dir);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "old contents\n", -1, &error));

  g_cancellable_cancel (cancellable);
  g_assert_false (slope_csv_save (dataset, file, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents\n");

  g_assert_false (slope_csv_save (dataset, nowhere, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "dir.csv: "));

  /* No temporary file is left behind. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "old.csv");
  g_assert_null (g_dir_read_name (listing));

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  c_locale = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  {
    const char *env = g_getenv ("SLOPE_TEST_SEED");
    guint32 seed = env != NULL ? (guint32) g_ascii_strtoull (env, NULL, 10) : 20261201;

    g_print ("# random seed: SLOPE_TEST_SEED=%u\n", seed);
    rng = g_rand_new_with_seed (seed);
  }

  g_test_add_func ("/csv-number/hard-cases", test_hard_cases);
  g_test_add_func ("/csv-number/random-against-strtod", test_random_numbers);
  g_test_add_func ("/csv-number/random-wide", test_random_wide);
  g_test_add_func ("/csv-number/not-numbers", test_not_numbers);
  g_test_add_data_func ("/csv-number/locale/de_DE", "de_DE.UTF-8", test_locale);
  g_test_add_data_func ("/csv-number/locale/ko_KR", "ko_KR.UTF-8", test_locale);
  g_test_add_func ("/csv-number/format", test_format_number);
  g_test_add_func ("/csv-number/save-round-trip", test_save_round_trip);
  g_test_add_func ("/csv-number/failed-save-keeps-old-file", test_failed_save_keeps_old_file);

  status = g_test_run ();
  freelocale (c_locale);
  g_rand_free (rng);
  return status;
}
