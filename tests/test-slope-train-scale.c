/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-slope-train-scale.c: slope-train on house-price-like files, raw and
 * scaled, against PyTorch training on the scaled tensors and numpy's least
 * squares (tests/reference/make-reference.py wrote both).
 *
 * The log lines print W and b with three decimals, so where PyTorch's
 * reductions and ours round differently in the last bit (40 points, not
 * the lesson's three) a printed digit may differ by one; each number must
 * agree within 1e-12 relative plus that last printed unit.  The full
 * digits of the logged epochs (NAME.values) must agree within 1e-12
 * relative, measured against the size of W for W and b (a b that is zero
 * up to rounding, as on centred data, has no digits of its own).
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

static void
run_train (GPtrArray *args,
           Result    *r)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("SLOPE_TRAIN"));
  for (guint i = 0; i < args->len; i++)
    g_ptr_array_add (argv, args->pdata[i]);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  r->status = g_subprocess_get_exit_status (proc);
}

static char *
read_test_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, name, NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

/* The arguments of "# slope-train …", with reference/ files made absolute. */
static GPtrArray *
reference_args (const char *header)
{
  g_auto(GStrv) words = g_strsplit (header + strlen ("# slope-train "), " ", -1);
  GPtrArray *args = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words[i] != NULL; i++)
    g_ptr_array_add (args, g_str_has_prefix (words[i], "reference/")
                             ? g_test_build_filename (G_TEST_DIST, words[i], NULL)
                             : g_strdup (words[i]));
  return args;
}

/* One printed number against another: 1e-12 relative plus one unit of
 * the last printed decimal. */
static gboolean
printed_close (const char *a,
               const char *b)
{
  double x = g_ascii_strtod (a, NULL);
  double y = g_ascii_strtod (b, NULL);
  const char *dot = strchr (a, '.');
  double unit = dot ? pow (10.0, -(double) strspn (dot + 1, "0123456789")) : 1.0;

  if (x == y || (isnan (x) && isnan (y)))
    return TRUE;
  return fabs (x - y) <= 1e-12 * MAX (fabs (x), fabs (y)) + 1.01 * unit;
}

static void
assert_log_lines_match (const char *expected,
                        const char *actual)
{
  g_auto(GStrv) want = g_strsplit (expected, "\n", -1);
  g_auto(GStrv) got = g_strsplit (actual, "\n", -1);

  g_assert_cmpuint (g_strv_length (got), ==, g_strv_length (want));
  for (guint i = 0; want[i] != NULL; i++)
    {
      g_auto(GStrv) w = g_strsplit_set (want[i], " ,", -1);
      g_auto(GStrv) g = g_strsplit_set (got[i], " ,", -1);

      if (g_str_has_prefix (want[i], "ŷ = "))
        {
          /* The data-unit line, %.6g: checked against least squares below. */
          g_assert_true (g_str_has_prefix (got[i], "ŷ = "));
          continue;
        }
      g_assert_cmpuint (g_strv_length (g), ==, g_strv_length (w));
      for (guint k = 0; w[k] != NULL; k++)
        if (strcmp (w[k], g[k]) != 0 && !printed_close (w[k], g[k]))
          g_error ("line %u, “%s” against PyTorch's “%s”", i + 1, got[i], want[i]);
    }
}

/* ŷ = Wx ± B in the data's units, as the last line prints it. */
static void
parse_equation (const char *line,
                double     *w,
                double     *b)
{
  char wbuf[64], sign, bbuf[64];

  g_assert_cmpint (sscanf (line, "ŷ = %63[^x]x %c %63s", wbuf, &sign, bbuf), ==, 3);
  *w = g_ascii_strtod (wbuf, NULL);
  *b = g_ascii_strtod (bbuf, NULL) * (sign == '-' ? -1.0 : 1.0);
}

static void
assert_values_match (const char *name,
                     GPtrArray  *args)
{
  g_autofree char *file = g_strdup_printf ("reference/%s.values", name);
  g_autofree char *values = read_test_file (file);
  g_autofree char *dir = g_dir_make_tmp ("slope-train-scale-XXXXXX", NULL);
  g_autofree char *log = g_build_filename (dir, "log.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) want = NULL;
  g_auto(GStrv) rows = NULL;
  double w_scale = 0.0;
  Result r = { 0 };

  g_assert_nonnull (values);
  g_ptr_array_add (args, g_strdup ("--log-csv"));
  g_ptr_array_add (args, g_strdup (log));
  run_train (args, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (log, &contents, NULL, NULL));
  rows = g_strsplit (contents, "\n", -1);
  want = g_strsplit (values, "\n", -1);

  for (guint i = 0; want[i] != NULL && *want[i] != '\0'; i++)
    {
      double e[4];

      g_assert_cmpint (sscanf (want[i], "%lf %lf %lf %lf", &e[0], &e[1], &e[2], &e[3]), ==, 4);
      if (isfinite (e[1]))
        w_scale = MAX (w_scale, fabs (e[1]));
    }
  for (guint i = 0; want[i] != NULL && *want[i] != '\0'; i++)
    {
      g_auto(GStrv) cells = NULL;
      double e[4];
      guint epoch;

      sscanf (want[i], "%lf %lf %lf %lf", &e[0], &e[1], &e[2], &e[3]);
      epoch = (guint) e[0];
      g_assert_cmpuint (epoch, <, g_strv_length (rows));
      cells = g_strsplit (rows[epoch], ",", -1);
      g_assert_cmpuint (g_ascii_strtoull (cells[0], NULL, 10), ==, epoch);
      for (guint k = 1; k <= 3; k++)
        {
          double got = g_ascii_strtod (cells[k], NULL);
          double scale = k == 3 ? fabs (e[k]) : MAX (fabs (e[k]), w_scale);

          if (got == e[k] || (isnan (got) && isnan (e[k])))
            continue;
          if (!(fabs (got - e[k]) <= 1e-12 * scale))
            g_error ("epoch %u column %u: %.17g, PyTorch %.17g", epoch, k, got, e[k]);
        }
    }
  result_clear (&r);
  g_remove (log);
  g_rmdir (dir);
}

static void
test_reference (gconstpointer data)
{
  const char *name = data;
  g_autofree char *file = g_strdup_printf ("reference/%s.txt", name);
  g_autofree char *contents = read_test_file (file);
  g_autoptr(GPtrArray) args = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) out_lines = NULL;
  double lr_auto = 0.0, ls_w = NAN, ls_b = NAN;
  guint64 diverging = 0;
  Result r = { 0 };

  g_assert_nonnull (contents);
  lines = g_strsplit (contents, "\n", -1);
  args = reference_args (lines[0]);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "#! lr-auto "))
        lr_auto = g_ascii_strtod (lines[i] + strlen ("#! lr-auto "), NULL);
      else if (g_str_has_prefix (lines[i], "#! diverging "))
        diverging = g_ascii_strtoull (lines[i] + strlen ("#! diverging "), NULL, 10);
      else if (g_str_has_prefix (lines[i], "#! least-squares "))
        g_assert_cmpint (sscanf (lines[i], "#! least-squares %lf %lf", &ls_w, &ls_b), ==, 2);
      else if (*lines[i] != '\0')
        g_string_append_printf (expected, "%s\n", lines[i]);
    }

  run_train (args, &r);
  g_assert_cmpint (r.status, ==, 0);
  assert_log_lines_match (expected->str, r.out);

  /* stderr: the chosen rate, the divergence, or nothing at all. */
  if (lr_auto > 0.0)
    {
      const char *said = strstr (r.err, "--lr auto: ");

      g_assert_nonnull (said);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (said + strlen ("--lr auto: "), NULL),
                                      lr_auto, 1e-12 * lr_auto);
    }
  if (diverging > 0)
    {
      g_autofree char *want = g_strdup_printf ("diverging from epoch %" G_GUINT64_FORMAT ": ",
                                               diverging);
      g_assert_nonnull (strstr (r.err, want));
      /* x in the hundreds: the advice is to standardise. */
      g_assert_nonnull (strstr (r.err, "--scale standardize"));
    }
  if (lr_auto == 0.0 && diverging == 0)
    g_assert_cmpstr (r.err, ==, "");

  /* Scaled runs end with the line in the data's units: numpy's least
   * squares to the six digits printed. */
  out_lines = g_strsplit (g_strchomp (r.out), "\n", -1);
  if (strstr (lines[0], "--scale none") == NULL)
    {
      const char *last = out_lines[g_strv_length (out_lines) - 1];
      double w, b;

      parse_equation (last, &w, &b);
      g_test_message ("%s: %s, least squares %.9g, %.9g", name, last, ls_w, ls_b);
      g_assert_cmpfloat_with_epsilon (w, ls_w, 6e-6 * fabs (ls_w));
      g_assert_cmpfloat_with_epsilon (b, ls_b, 6e-6 * fabs (ls_b));
    }
  else
    g_assert_false (g_str_has_prefix (out_lines[g_strv_length (out_lines) - 1], "ŷ"));
  result_clear (&r);

  assert_values_match (name, args);
}

/* Standardising what cannot be: a clear error, status 1, nothing printed. */
static void
test_cannot_standardise (void)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  Result r = { 0 };

  g_ptr_array_add (args, g_test_build_filename (G_TEST_DIST, "csv", "same-x.csv", NULL));
  g_ptr_array_add (args, g_strdup ("--scale"));
  g_ptr_array_add (args, g_strdup ("standardize"));
  run_train (args, &r);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_true (g_str_has_prefix (r.err, "slope-train: "));
  g_assert_nonnull (strstr (r.err, "x"));
  result_clear (&r);
}

/* The lesson's own data: --lr auto is 3/17 and it converges, silently
 * but for the one line saying which rate it chose. */
static void
test_lr_auto_lesson (void)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  Result r = { 0 };

  g_ptr_array_add (args, g_strdup ("--lr"));
  g_ptr_array_add (args, g_strdup ("auto"));
  run_train (args, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.err, "slope-train: --lr auto: 0.176470588235294"));
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (r.err + strlen ("slope-train: --lr auto: "), NULL),
                                  3.0 / 17.0, 1e-16);
  g_assert_true (g_str_has_suffix (r.err, "of the data trained on\n"));
  g_assert_true (strchr (r.err, '\n') == r.err + strlen (r.err) - 1);
  g_assert_nonnull (strstr (r.out, "Epoch 1000/1000 W: 2.000, b: 0.000"));
  result_clear (&r);
}

/* A lesson's [Run] Scale trains as --scale does, so as PyTorch on the
 * standardised tensors (reference/houses-standardize.txt, whose rate,
 * 2/(λmin + λmax), it writes out); a lesson without the key, as every
 * lesson before it, trains on the data as it is. */
static void
test_lesson_scale (void)
{
  g_autofree char *contents = read_test_file ("reference/houses-standardize.txt");
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "reference", "houses.csv", NULL);
  g_autofree char *dir = g_dir_make_tmp ("slope-train-scale-XXXXXX", NULL);
  g_autofree char *scaled = g_build_filename (dir, "scaled.slope", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.slope", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  Result r = { 0 };

  g_assert_nonnull (contents);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    if (lines[i][0] != '#' && lines[i][0] != '\0')
      g_string_append_printf (expected, "%s\n", lines[i]);

  text = g_strdup_printf ("[Slope Lesson]\nVersion=1\n[Data]\nFile=%s\n[Run]\n"
                          "LearningRate=0.50632911392405078\nScale=standardize\n", csv);
  g_assert_true (g_file_set_contents (scaled, text, -1, NULL));
  g_ptr_array_add (args, g_strdup ("--lesson"));
  g_ptr_array_add (args, g_strdup (scaled));
  run_train (args, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  assert_log_lines_match (expected->str, r.out);
  g_assert_nonnull (strstr (r.out, "\nŷ = "));
  result_clear (&r);

  /* No Scale key: none.  At this rate the raw data blows up. */
  g_free (text);
  text = g_strdup_printf ("[Slope Lesson]\nVersion=1\n[Data]\nFile=%s\n[Run]\n"
                          "LearningRate=0.50632911392405078\nEpochs=3\nLogEvery=1\n", csv);
  g_assert_true (g_file_set_contents (plain, text, -1, NULL));
  g_free (g_ptr_array_index (args, 1));
  g_ptr_array_index (args, 1) = g_strdup (plain);
  run_train (args, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.out, "ŷ = "));
  g_assert_nonnull (strstr (r.out, "Epoch    3/3 W: "));
  g_assert_nonnull (strstr (r.err, "diverging from epoch"));
  result_clear (&r);

  /* The lesson sets the scaling, so --scale cannot be given with it. */
  g_ptr_array_add (args, g_strdup ("--scale=none"));
  run_train (args, &r);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.err, ==, "slope-train: --lesson sets the data and the run, so --scale=none "
                              "cannot be given with it\n");
  result_clear (&r);

  g_unlink (plain);
  g_unlink (scaled);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  static const char *references[] = {
    "houses-standardize", "houses-center", "houses-raw",
    "mega-standardize", "micro-standardize", "micro-standardize-lr",
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      g_autofree char *path = g_strdup_printf ("/slope-train/scale/%s", references[i]);
      g_test_add_data_func (path, references[i], test_reference);
    }
  g_test_add_func ("/slope-train/scale/cannot-standardise", test_cannot_standardise);
  g_test_add_func ("/slope-train/scale/lr-auto-lesson", test_lr_auto_lesson);
  g_test_add_func ("/slope-train/scale/lesson", test_lesson_scale);

  return g_test_run ();
}
