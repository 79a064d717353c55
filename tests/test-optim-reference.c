/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-optim-reference.c: `slope-train --log-csv` against PyTorch, epoch
 * by epoch, for every optimizer, zero_grad off and mini-batches.
 *
 * tests/reference/make-optim-reference.py ran PyTorch (float64, torch.optim,
 * DataLoader) and wrote tests/reference/optim/: cases.txt, the arguments of
 * each case, and NAME.csv, PyTorch's log with exact numbers.  On the
 * lesson's three points every number must be PyTorch's bit for bit; on the
 * data sets of 1000 and 1500 points, whose sums PyTorch adds in another
 * order, W, b and the cost within 1e-12 relative in every epoch, and the
 * gradients within 1e-12 of the largest size their column reaches: near
 * the fit a gradient is a sum whose terms cancel, so its own relative
 * error grows as it shrinks, whatever order the sum is taken in.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

typedef struct
{
  char  *name;
  char  *data;
  GStrv  args;
} Case;

static char *tmpdir;

/* The data sets "lineN" of make-optim-reference.py, built with the same
 * operations in the same order (the build turns off FMA contraction), and
 * written with 17 digits so they read back exactly. */
static char *
write_line_data (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GString) text = g_string_new ("x,y\n");
  g_autoptr(GError) error = NULL;
  guint n = (guint) g_ascii_strtoull (name + strlen ("line"), NULL, 10);

  g_assert_cmpuint (n, >=, 1000);
  for (guint i = 0; i < n; i++)
    {
      char xs[G_ASCII_DTOSTR_BUF_SIZE], ys[G_ASCII_DTOSTR_BUF_SIZE];
      double x = (double) i / 250.0;
      double noise = (double) ((i * 7919u) % 1009u) / 1009.0 - 0.5;
      double y = 1.5 * x - 2.0 + noise;

      g_ascii_formatd (xs, sizeof xs, "%.17g", x);
      g_ascii_formatd (ys, sizeof ys, "%.17g", y);
      g_string_append_printf (text, "%s,%s\n", xs, ys);
    }
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static GPtrArray *
read_rows (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "epoch,W,b,cost,dW,db,W.grad,b.grad");
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      GStrv fields = g_strsplit (lines[i], ",", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 8);
      g_ptr_array_add (rows, fields);
    }
  return rows;
}

static double
number (const char *text)
{
  char *end = NULL;
  double v;

  if (strcmp (text, "nan") == 0)
    return NAN;
  v = g_ascii_strtod (text, &end);
  g_assert_true (end != text && *end == '\0');
  return v;
}

static void
run_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *ref_path = g_test_build_filename (G_TEST_DIST, "reference", "optim", NULL);
  g_autofree char *ref_file = NULL;
  g_autofree char *log = g_build_filename (tmpdir, "log.csv", NULL);
  g_autofree char *data_file = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GPtrArray) want = NULL;
  gboolean exact = strcmp (c->data, "notebook") == 0;
  guint n_exact = 0, n_values = 0;
  double worst = 0.0;
  double scale[8] = { 0 };

  ref_file = g_strdup_printf ("%s/%s.csv", ref_path, c->name);
  g_ptr_array_add (argv, g_strdup (g_getenv ("SLOPE_TRAIN")));
  for (guint i = 0; c->args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (c->args[i]));
  g_ptr_array_add (argv, g_strdup ("--log-every"));
  g_ptr_array_add (argv, g_strdup ("1000000"));
  g_ptr_array_add (argv, g_strdup ("--log-csv"));
  g_ptr_array_add (argv, g_strdup (log));
  if (!exact)
    g_ptr_array_add (argv, write_line_data (c->data));
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (proc, NULL, &error);
  g_assert_no_error (error);

  got = read_rows (log);
  want = read_rows (ref_file);
  g_assert_cmpuint (got->len, ==, want->len);
  g_assert_cmpuint (want->len, >, 0);

  /* The size of each gradient column over the run, from PyTorch's log. */
  for (guint r = 0; r < want->len; r++)
    for (guint k = 4; k < 8; k++)
      {
        double v = fabs (number (((GStrv) want->pdata[r])[k]));

        if (isfinite (v))
          scale[k] = MAX (scale[k], v);
      }

  for (guint r = 0; r < want->len; r++)
    {
      GStrv g = got->pdata[r], w = want->pdata[r];

      g_assert_cmpstr (g[0], ==, w[0]);
      for (guint k = 1; k < 8; k++)
        {
          double a = number (g[k]), b = number (w[k]);
          double size = k < 4 ? MAX (fabs (a), fabs (b)) : scale[k];

          n_values++;
          if (a == b || (isnan (a) && isnan (b)))
            {
              n_exact++;
              continue;
            }
          if (exact || !isfinite (a) || !isfinite (b)
              || fabs (a - b) > 1e-12 * size)
            g_error ("%s: epoch %s, column %u: slope-train %s, PyTorch %s", c->name, w[0], k,
                     g[k], w[k]);
          worst = MAX (worst, fabs (a - b) / size);
        }
    }
  g_test_message ("%s: %u of %u numbers equal PyTorch's bit for bit; the largest difference, "
                  "relative as checked, is %.3g", c->name, n_exact, n_values, worst);
  g_unlink (log);
}

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->name);
  g_free (c->data);
  g_strfreev (c->args);
  g_free (c);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *manifest = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  manifest = g_test_build_filename (G_TEST_DIST, "reference", "optim", "cases.txt", NULL);
  g_file_get_contents (manifest, &contents, NULL, &error);
  g_assert_no_error (error);
  tmpdir = g_dir_make_tmp ("slope-optim-XXXXXX", &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *path = NULL;
      Case *c;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), >=, 2);
      c = g_new0 (Case, 1);
      c->name = g_strdup (fields[0]);
      c->data = g_strdup (fields[1]);
      c->args = g_strdupv (fields + 2);
      g_ptr_array_add (cases, c);
      path = g_strdup_printf ("/optim-reference/%s", c->name);
      g_test_add_data_func (path, c, run_case);
    }
  g_assert_cmpuint (cases->len, >=, 30);

  status = g_test_run ();

  /* The data files, then the directory. */
  for (guint i = 0; i < cases->len; i++)
    {
      g_autofree char *path = g_build_filename (tmpdir, ((Case *) cases->pdata[i])->data, NULL);

      g_unlink (path);
    }
  g_rmdir (tmpdir);
  g_free (tmpdir);
  return status;
}
