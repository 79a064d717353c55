/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-slope-train.c: slope-train as a user runs it, compared with the
 * notebook's own log and with PyTorch's logs in tests/reference/. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
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
run_train (const char * const *args,
           Result             *r)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("SLOPE_TRAIN");

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  r->status = g_subprocess_get_exit_status (proc);
}

static char *
read_test_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The acceptance test: the notebook's second execution of its training
 * cell, after a first of 200 epochs, printed byte for byte. */
static void
test_notebook_log (void)
{
  const char *args[] = { "--epochs", "200", "--epochs", "1000", NULL };
  g_autofree char *expected = read_test_file ("data/notebook-log.txt");
  g_auto(GStrv) lines = NULL;
  Result r = { 0 };
  const char *tail;

  run_train (args, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_true (g_str_has_suffix (r.out, expected));
  tail = r.out + strlen (r.out) - strlen (expected);
  g_assert_true (tail == r.out || tail[-1] == '\n');
  /* Twelve lines in all: two of the first run, ten of the second. */
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 13);
  result_clear (&r);
}

/* --example notebook-runs: the two executions without --epochs, PyTorch's
 * log of them (reference/notebook.txt) byte for byte; --epochs still
 * decides when given. */
static void
test_example_notebook_runs (void)
{
  const char *args[] = { "--example", "notebook-runs", NULL };
  const char *one_run[] = { "--example", "notebook-runs", "--epochs", "1000", NULL };
  g_autofree char *reference = read_test_file ("reference/notebook.txt");
  Result r = { 0 };

  run_train (args, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpstr (r.out, ==, strchr (reference, '\n') + 1);
  result_clear (&r);

  run_train (one_run, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Epoch  100/1000 "));
  g_assert_true (g_str_has_suffix (r.out, "Epoch 1000/1000 W: 1.971, b: 0.066 Cost: 0.000636\n"));
  result_clear (&r);
}

static void
test_pytorch_reference (gconstpointer data)
{
  const char *name = data;
  g_autofree char *file = g_strdup_printf ("reference/%s.txt", name);
  g_autofree char *contents = read_test_file (file);
  g_auto(GStrv) args = NULL;
  char *newline = strchr (contents, '\n');
  Result r = { 0 };

  g_assert_nonnull (newline);
  *newline = '\0';
  g_assert_true (g_str_has_prefix (contents, "# slope-train "));
  args = g_strsplit (contents + strlen ("# slope-train "), " ", -1);

  run_train ((const char * const *) args, &r);
  g_assert_cmpint (r.status, ==, 0);
  /* "#! diverging N L": PyTorch's cost reached ten times its first at
   * epoch N, past the limit L; stderr says so in one line, stdout is
   * untouched.  Otherwise stderr stays empty. */
  if (g_str_has_prefix (newline + 1, "#! diverging "))
    {
      guint64 epoch;
      char limit[32];
      g_autofree char *want = NULL;
      char *body = newline + 1;

      newline = strchr (body, '\n');
      *newline = '\0';
      g_assert_cmpint (sscanf (body, "#! diverging %" G_GUINT64_FORMAT " %31s", &epoch, limit), ==, 2);
      want = g_strdup_printf ("slope-train: diverging from epoch %" G_GUINT64_FORMAT ": ", epoch);
      g_assert_true (g_str_has_prefix (r.err, want));
      g_assert_nonnull (strstr (r.err, limit));
      g_assert_nonnull (strstr (r.err, "--lr "));
      g_assert_true (strchr (r.err, '\n') == r.err + strlen (r.err) - 1);
    }
  else
    g_assert_cmpstr (r.err, ==, "");
  /* Byte for byte, nan included: C would print "-nan" where Python
   * prints "nan". */
  g_assert_cmpstr (r.out, ==, newline + 1);
  result_clear (&r);
}

static void
test_diverges_and_exits_zero (void)
{
  const char *args[] = { "--lr", "0.4", "--epochs", "2000", "--log-every", "1", NULL };
  Result r = { 0 };

  run_train (args, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "inf"));
  g_assert_nonnull (strstr (r.out, "nan"));
  g_assert_true (g_str_has_prefix (strstr (r.out, "Epoch 2000/2000"), "Epoch 2000/2000 W: "));
  result_clear (&r);
}

static const char *bad_options[][4] = {
  { "--lr", "0" },
  { "--lr", "-0.01" },
  { "--lr", "abc" },
  { "--lr", "0.01x" },
  { "--lr", "nan" },
  { "--lr", "inf" },
  { "--lr", "" },
  { "--lr", "automatic" },
  { "--scale", "zscore" },
  { "--scale" },
  { "--epochs", "0" },
  { "--epochs", "-5" },
  { "--epochs", "ten" },
  { "--epochs", "1.5" },
  /* Beyond the bound: 2³² − 1 once made the loop's counter wrap forever. */
  { "--epochs", "4294967295" },
  { "--epochs", "1000000001" },
  /* The same syntax as a CSV cell: no hex floats. */
  { "--lr", "0x1p-7" },
  { "--init", "0x1p0,0" },
  { "--init", "1,0x10" },
  { "--log-every", "0" },
  { "--log-every", "x" },
  { "--init", "1" },
  { "--init", "1,2,3" },
  { "--init", "a,b" },
  { "--init", "1,inf" },
  { "--bogus" },
  { "--lr" },
};

static void
test_bad_options (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_options); i++)
    {
      Result r = { 0 };

      run_train (bad_options[i], &r);
      g_test_message ("%s %s -> %d: %s", bad_options[i][0],
                      bad_options[i][1] ? bad_options[i][1] : "", r.status, r.err);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_cmpstr (r.out, ==, "");
      g_assert_true (g_str_has_prefix (r.err, "slope-train: "));
      /* One line, and it names what was wrong. */
      g_assert_true (g_str_has_suffix (r.err, "\n"));
      g_assert_true (strchr (r.err, '\n') == r.err + strlen (r.err) - 1);
      g_assert_nonnull (strstr (r.err, bad_options[i][0]));
      result_clear (&r);
    }
}

static void
test_help_and_version (void)
{
  const char *help[] = { "--help", NULL };
  const char *version[] = { "--version", NULL };
  Result r = { 0 };

  run_train (help, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--no-zero-grad"));
  g_assert_nonnull (strstr (r.out, "--epochs"));
  result_clear (&r);

  run_train (version, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "slope-train " PACKAGE_VERSION "\n");
  result_clear (&r);
}

/* --plot draws the final data plot; --log-csv writes every epoch; both go
 * through the same code as the window's Export. */
static void
test_plot_and_log_csv (void)
{
  g_autofree char *dir = g_dir_make_tmp ("slope-train-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "fit.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "fit.svg", NULL);
  g_autofree char *log = g_build_filename (dir, "log.csv", NULL);
  const char *args[] = { "--epochs", "250", "--plot", png, "--log-csv", log, NULL };
  const char *args_svg[] = { "--epochs", "5", "--plot", svg, NULL };
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length = 0;
  Result r = { 0 };

  run_train (args, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpint (memcmp (contents, "\x89PNG", 4), ==, 0);
  g_clear_pointer (&contents, g_free);

  g_assert_true (g_file_get_contents (log, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "epoch,W,b,cost,dW,db,W.grad,b.grad");
  /* A header, 250 epochs, and the empty string after the last newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 252);
  g_assert_true (g_str_has_prefix (lines[1], "1,0.18666666666666665,0.08,18.666666666666668,"));
  result_clear (&r);

  run_train (args_svg, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  result_clear (&r);

  g_remove (png);
  g_remove (svg);
  g_remove (log);
  g_rmdir (dir);
}

static void
test_outputs_that_fail (void)
{
  const char *bad_plot[] = { "--epochs", "5", "--plot", "/nonexistent-folder/fit.png", NULL };
  const char *bad_format[] = { "--epochs", "5", "--plot", "fit.bmp", NULL };
  const char *bad_example[] = { "--example", "no-such-example", NULL };
  Result r = { 0 };

  run_train (bad_plot, &r);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "fit.png"));
  result_clear (&r);

  run_train (bad_format, &r);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (g_str_has_prefix (r.err, "slope-train: "));
  result_clear (&r);

  run_train (bad_example, &r);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "no-such-example"));
  result_clear (&r);
}

/* Runs slope-train in @dir with its standard output going to @stdout_path
 * (NULL: a pipe, returned in r->out). */
static void
run_train_in (const char         *dir,
              const char         *stdout_path,
              const char * const *args,
              Result             *r)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("SLOPE_TRAIN"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE
                                        | (stdout_path ? 0 : G_SUBPROCESS_FLAGS_STDOUT_PIPE));
  g_subprocess_launcher_set_cwd (launcher, dir);
  if (stdout_path)
    g_subprocess_launcher_set_stdout_file_path (launcher, stdout_path);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  r->status = g_subprocess_get_exit_status (proc);
}

/* "-" is standard output, as for most Unix tools: the CSV alone goes
 * there, and no file named "-" appears. */
static void
test_log_csv_to_stdout (void)
{
  g_autofree char *dir = g_dir_make_tmp ("slope-train-XXXXXX", NULL);
  g_autofree char *dash = g_build_filename (dir, "-", NULL);
  const char *args[] = { "--epochs", "3", "--log-every", "1", "--log-csv", "-", NULL };
  g_auto(GStrv) lines = NULL;
  Result r = { 0 };

  run_train_in (dir, NULL, args, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_false (g_file_test (dash, G_FILE_TEST_EXISTS));
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==, "epoch,W,b,cost,dW,db,W.grad,b.grad");
  g_assert_true (g_str_has_prefix (lines[1], "1,0.18666666666666665,0.08,18.666666666666668,"));
  g_assert_true (g_str_has_prefix (lines[3], "3,"));
  g_assert_cmpstr (lines[4], ==, "");
  result_clear (&r);
  g_remove (dash);
  g_rmdir (dir);
}

/* A full disk behind standard output is an error that says so. */
static void
test_stdout_write_fails (void)
{
  const char *log_lines[] = { "--epochs", "1000", "--log-every", "1", NULL };
  const char *log_csv[] = { "--epochs", "1000", "--log-csv", "-", NULL };
  Result r = { 0 };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }

  run_train_in (g_get_tmp_dir (), "/dev/full", log_lines, &r);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (g_str_has_prefix (r.err, "slope-train: "));
  g_assert_nonnull (strstr (r.err, "standard output"));
  result_clear (&r);

  run_train_in (g_get_tmp_dir (), "/dev/full", log_csv, &r);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (g_str_has_prefix (r.err, "slope-train: "));
  g_assert_nonnull (strstr (r.err, "standard output"));
  result_clear (&r);
}

/* x around 1000: lr = 0.01 blows up at once, a lesson in scaling. */
static void
test_example_large_x (void)
{
  const char *args[] = { "--example", "large-x", "--epochs", "100", "--log-every", "100", NULL };
  Result r = { 0 };

  run_train (args, &r);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (strstr (r.out, "inf") != NULL || strstr (r.out, "nan") != NULL);
  result_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  static const char *references[] = {
    "notebook", "lr-0.1", "no-zero-grad", "lr-0.4", "lr-0.17", "lr-0.19",
    "init-no-zero-grad", "no-zero-grad-lr-0.4", "lr-1",
  };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/slope-train/notebook-log", test_notebook_log);
  g_test_add_func ("/slope-train/example-notebook-runs", test_example_notebook_runs);
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      g_autofree char *path = g_strdup_printf ("/slope-train/pytorch/%s", references[i]);
      g_test_add_data_func (path, references[i], test_pytorch_reference);
    }
  g_test_add_func ("/slope-train/diverges-and-exits-zero", test_diverges_and_exits_zero);
  g_test_add_func ("/slope-train/bad-options", test_bad_options);
  g_test_add_func ("/slope-train/help-and-version", test_help_and_version);
  g_test_add_func ("/slope-train/plot-and-log-csv", test_plot_and_log_csv);
  g_test_add_func ("/slope-train/outputs-that-fail", test_outputs_that_fail);
  g_test_add_func ("/slope-train/example-large-x", test_example_large_x);
  g_test_add_func ("/slope-train/log-csv-to-stdout", test_log_csv_to_stdout);
  g_test_add_func ("/slope-train/stdout-write-fails", test_stdout_write_fails);

  return g_test_run ();
}
