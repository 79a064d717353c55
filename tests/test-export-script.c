/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-script.c: `slope-train --export-script FILE.py` writes a
 * script that, run by PyTorch, prints exactly what slope-train printed.
 *
 * Needs python3 with torch (Debian's python3-torch, which ./run test
 * installs); without it the comparisons are skipped, saying so.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "slope-test-cli.h"

static char *tmpdir;
static char *python;

/* 1200 points on a noisy line, for batches that do not divide them. */
static char *
write_points (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "points.csv", NULL);
  g_autoptr(GString) text = g_string_new ("x,y\n");

  for (guint i = 0; i < 1200; i++)
    {
      char xs[G_ASCII_DTOSTR_BUF_SIZE], ys[G_ASCII_DTOSTR_BUF_SIZE];
      double x = (double) i / 300.0;

      g_ascii_formatd (xs, sizeof xs, "%.17g", x);
      g_ascii_formatd (ys, sizeof ys, "%.17g", 0.5 * x + 1.0 + (double) (i % 7) / 10.0);
      g_string_append_printf (text, "%s,%s\n", xs, ys);
    }
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  return g_steal_pointer (&path);
}

/* The settings, and a line the script's top comment must hold. */
static const struct
{
  const char *args[20];
  const char *comment;
} cases[] = {
  { { "--epochs", "200", "--epochs", "1000", NULL }, "# Optimizer: optim.SGD([W, b], lr=0.01)\n" },
  { { "--momentum", "0.9", "--nesterov", "--no-zero-grad", "--lr", "0.001", "--log-every", "25", NULL },
    "# optimizer.zero_grad(): off, so gradients accumulate\n" },
  { { "--optimizer", "Adam", "--lr", "0.1", "--betas", "0.8,0.99", "--amsgrad", "--init", "3,-1",
      "--log-every", "50", NULL },
    "# Optimizer: optim.Adam([W, b], lr=0.1, betas=(0.8, 0.99), amsgrad=True)\n" },
  { { "--optimizer", "RMSprop", "--centered", "--momentum", "0.5", "--example", "anscombe-3",
      "--epochs", "300", "--log-every", "30", NULL },
    "# Data: Anscombe’s quartet III, 11 points (written out below).\n" },
  { { "--optimizer", "Adagrad", "--lr", "0.5", "--lr-decay", "0.01", "--batch-size", "2",
      "--epochs", "100", "--log-every", "10", NULL },
    "# Batches: 2 points each, in order, as DataLoader(..., batch_size=K)\n" },
  { { "--optimizer", "AdamW", "--lr", "0.02", "--batch-size", "64", "--epochs", "20",
      "--log-every", "2", "@points", NULL },
    "# Data: points.csv, 1200 points (written out below).\n" },
  { { "--batch-size", "100", "--shuffle", "--seed", "31", "--epochs", "15", "--log-every", "1",
      "--weight-decay", "0.01", "@points", NULL },
    "# Seed: 31\n" },
  { { "--lr", "0.4", "--epochs", "60", "--log-every", "5", NULL },
    "# Runs of 60 epochs, each continuing from the last; a log line every 5.\n" },
};

static void
test_scripts_print_the_same (void)
{
  g_autofree char *points = write_points ();
  g_autofree char *script = g_build_filename (tmpdir, "run.py", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *text = NULL;
      const char *py_argv[] = { python, script, NULL };
      Result train = { 0 }, py = { 0 };

      g_ptr_array_add (argv, (char *) g_getenv ("SLOPE_TRAIN"));
      for (guint k = 0; cases[i].args[k] != NULL; k++)
        g_ptr_array_add (argv, (char *) (strcmp (cases[i].args[k], "@points") == 0
                                         ? points : cases[i].args[k]));
      g_ptr_array_add (argv, "--export-script");
      g_ptr_array_add (argv, script);
      g_ptr_array_add (argv, NULL);

      slope_test_run ((const char * const *) argv->pdata, &train);
      g_assert_cmpint (train.status, ==, 0);
      /* Nothing on stderr but, for a run past the stable limit, the one
       * line that says it diverges. */
      if (!g_str_has_prefix (train.err, "slope-train: diverging from epoch "))
        g_assert_cmpstr (train.err, ==, "");
      g_assert_true (train.out[0] != '\0');
      g_assert_true (g_file_get_contents (script, &text, NULL, NULL));
      g_assert_true (g_str_has_prefix (text, "# Exported from Slope"));
      g_assert_nonnull (strstr (text, cases[i].comment));

      if (python == NULL)
        {
          result_clear (&train);
          continue;
        }
      slope_test_run (py_argv, &py);
      if (py.status != 0)
        g_test_message ("%s", py.err);
      g_assert_cmpint (py.status, ==, 0);
      g_assert_cmpstr (py.out, ==, train.out);
      result_clear (&train);
      result_clear (&py);
    }
  g_unlink (points);
  g_unlink (script);
  if (python == NULL)
    g_test_skip ("python3 with torch is not installed (Debian: python3-torch): "
                 "the scripts were written but not run");
}

/* A script that cannot be written: exit 1, one line, nothing trained. */
static void
test_unwritable (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "no-such-dir", "run.py", NULL);
  const char *argv[] = { g_getenv ("SLOPE_TRAIN"), "--export-script", path, NULL };
  Result r = { 0 };

  slope_test_run (argv, &r);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_true (g_str_has_prefix (r.err, "slope-train: "));
  g_assert_true (strchr (r.err, '\n') == r.err + strlen (r.err) - 1);
  result_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("slope-script-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  python = slope_test_find_torch_python ();

  g_test_add_func ("/export-script/scripts-print-the-same", test_scripts_print_the_same);
  g_test_add_func ("/export-script/unwritable", test_unwritable);

  status = g_test_run ();
  g_rmdir (tmpdir);
  g_free (tmpdir);
  g_free (python);
  return status;
}
