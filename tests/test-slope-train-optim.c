/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-slope-train-optim.c: slope-train's optimizer and mini-batch options
 * as a user types them: what torch.optim refuses is refused with
 * PyTorch's reason, and batching behaves as DataLoader's loop does.  The
 * numbers themselves are checked against PyTorch in test-optim-reference.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "slope-test-cli.h"

static void
run_train (const char * const *args,
           Result             *r)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *exe = g_getenv ("SLOPE_TRAIN");

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  slope_test_run ((const char * const *) argv->pdata, r);
}

/* Each refused with exit status 2 and this one line, PyTorch's own words
 * where PyTorch refuses it. */
static const struct
{
  const char *args[8];
  const char *err;
} refused[] = {
  { { "--nesterov", NULL },
    "Nesterov momentum requires a momentum and zero dampening" },
  { { "--momentum", "0.9", "--dampening", "0.1", "--nesterov", NULL },
    "Nesterov momentum requires a momentum and zero dampening" },
  { { "--optimizer", "Adam", "--betas", "1,0.999", NULL },
    "Invalid beta parameter at index 0: 1.0" },
  { { "--optimizer", "AdamW", "--betas", "0.9,-0.5", NULL },
    "Invalid beta parameter at index 1: -0.5" },
  { { "--momentum", "-1", NULL }, "Invalid momentum value: -1.0" },
  { { "--optimizer", "RMSprop", "--alpha", "-1", NULL }, "Invalid alpha value: -1.0" },
  { { "--optimizer", "Adagrad", "--eps", "-1e-10", NULL }, "Invalid epsilon value: -1e-10" },
  { { "--optimizer", "Adagrad", "--lr-decay", "-0.5", NULL }, "Invalid lr_decay value: -0.5" },
  { { "--weight-decay", "-0.01", NULL }, "Invalid weight_decay value: -0.01" },
  { { "--betas", "0.9,0.999", NULL }, "SGD.__init__() got an unexpected keyword argument 'betas'" },
  { { "--optimizer", "Adam", "--momentum", "0.9", NULL },
    "Adam.__init__() got an unexpected keyword argument 'momentum'" },
  { { "--optimizer", "Adagrad", "--centered", NULL },
    "Adagrad.__init__() got an unexpected keyword argument 'centered'" },
  { { "--optimizer", "LBFGS", NULL },
    "--optimizer must be SGD, Adam, AdamW, RMSprop or Adagrad, not “LBFGS”" },
  { { "--betas", "0.9", NULL }, "--betas must be two numbers B1,B2 such as 0.9,0.999, not “0.9”" },
  { { "--eps", "tiny", NULL }, "--eps must be a number, not “tiny”" },
  { { "--batch-size", "0", NULL }, "--batch-size must be a whole number of at least 1, not “0”" },
  { { "--seed", "-3", "--shuffle", NULL }, "--seed must be a whole number of at least 0, not “-3”" },
  { { "--seed", "3", NULL }, "--seed needs --shuffle" },
};

static void
test_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *want = g_strdup_printf ("slope-train: %s\n", refused[i].err);
      Result r = { 0 };

      run_train (refused[i].args, &r);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_cmpstr (r.out, ==, "");
      g_assert_cmpstr (r.err, ==, want);
      result_clear (&r);
    }
}

static void
test_help (void)
{
  const char *args[] = { "--help", NULL };
  const char *options[] = { "--optimizer", "--momentum", "--dampening", "--nesterov",
                            "--weight-decay", "--betas", "--eps", "--amsgrad", "--alpha",
                            "--centered", "--lr-decay", "--initial-accumulator-value",
                            "--batch-size", "--shuffle", "--seed" };
  Result r = { 0 };

  run_train (args, &r);
  g_assert_cmpint (r.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    g_assert_nonnull (strstr (r.out, options[i]));
  result_clear (&r);
}

/* Spelling out the defaults changes nothing: SGD with all points in one
 * batch is the notebook's loop, and a batch larger than the data is one
 * batch, as in DataLoader. */
static void
test_defaults_are_the_notebook (void)
{
  const char *plain[] = { "--epochs", "200", "--epochs", "1000", NULL };
  const char *spelled[] = { "--epochs", "200", "--epochs", "1000", "--optimizer", "sgd",
                            "--momentum", "0", "--weight-decay", "0", "--batch-size", "3", NULL };
  const char *larger[] = { "--epochs", "200", "--epochs", "1000", "--batch-size", "100",
                           "--shuffle", NULL };
  Result a = { 0 }, b = { 0 }, c = { 0 };

  run_train (plain, &a);
  run_train (spelled, &b);
  run_train (larger, &c);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpstr (b.out, ==, a.out);
  g_assert_cmpstr (c.out, ==, a.out);
  g_assert_true (g_str_has_suffix (a.out, "Epoch 1000/1000 W: 1.982, b: 0.041 Cost: 0.000243\n"));
  result_clear (&a);
  result_clear (&b);
  result_clear (&c);
}

/* A seed gives the same batches every time; another seed other batches;
 * batch size 1 in order differs from both. */
static void
test_shuffle_seed (void)
{
  const char *seed1[] = { "--epochs", "30", "--log-every", "1", "--batch-size", "1",
                          "--shuffle", "--seed", "1", NULL };
  const char *seed2[] = { "--epochs", "30", "--log-every", "1", "--batch-size", "1",
                          "--shuffle", "--seed", "2", NULL };
  const char *ordered[] = { "--epochs", "30", "--log-every", "1", "--batch-size", "1", NULL };
  Result a = { 0 }, b = { 0 }, c = { 0 }, d = { 0 };

  run_train (seed1, &a);
  run_train (seed1, &b);
  run_train (seed2, &c);
  run_train (ordered, &d);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpstr (a.out, ==, b.out);
  g_assert_cmpstr (a.out, !=, c.out);
  g_assert_cmpstr (a.out, !=, d.out);
  g_assert_cmpstr (c.out, !=, d.out);
  result_clear (&a);
  result_clear (&b);
  result_clear (&c);
  result_clear (&d);
}

static char *
write_lesson (const char *dir,
              const char *name,
              const char *text)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* --lesson trains what the file says, exactly as the same options do. */
static void
test_lesson (void)
{
  g_autofree char *dir = g_dir_make_tmp ("slope-train-lesson-XXXXXX", NULL);
  g_autofree char *lesson = write_lesson (dir, "adam.slope",
    "[Slope Lesson]\nVersion=1\nTitle=Adam\n[Data]\nExample=anscombe-1\n"
    "[Run]\nOptimizer=Adam\nLearningRate=0.1\nAMSGrad=true\nZeroGrad=false\n"
    "BatchSize=4\nEpochs=30;20\nLogEvery=5\nStartW=1\nStartB=-1\n");
  g_autofree char *newer = write_lesson (dir, "newer.slope",
    "[Slope Lesson]\nVersion=3\n[Data]\nX=1;2\nY=1;2\n");
  const char *by_lesson[] = { "--lesson", lesson, NULL };
  const char *by_options[] = { "--example", "anscombe-1", "--optimizer", "Adam", "--lr", "0.1",
                               "--amsgrad", "--no-zero-grad", "--batch-size", "4", "--epochs", "30",
                               "--epochs", "20", "--log-every", "5", "--init", "1,-1", NULL };
  const char *with_lr[] = { "--lesson", lesson, "--lr=0.5", NULL };
  const char *with_file[] = { "--lesson", lesson, "data.csv", NULL };
  const char *with_newer[] = { "--lesson", newer, NULL };
  Result a = { 0 }, b = { 0 }, r = { 0 };

  run_train (by_lesson, &a);
  run_train (by_options, &b);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpstr (a.err, ==, "");
  g_assert_cmpstr (a.out, ==, b.out);
  g_assert_true (g_str_has_prefix (a.out, "Epoch    5/30 W: "));
  result_clear (&a);
  result_clear (&b);

  run_train (with_lr, &r);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.err, ==, "slope-train: --lesson sets the data and the run, so --lr=0.5 cannot be given with it\n");
  result_clear (&r);
  run_train (with_file, &r);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.err, ==, "slope-train: give either --lesson or a FILE.csv, not both\n");
  result_clear (&r);
  run_train (with_newer, &r);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_cmpstr (r.err, ==, "slope-train: newer.slope was saved by a newer Slope (lesson format 3; "
                              "this Slope reads up to format 2): update Slope to open it\n");
  result_clear (&r);

  g_unlink (lesson);
  g_unlink (newer);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/slope-train-optim/refused", test_refused);
  g_test_add_func ("/slope-train-optim/help", test_help);
  g_test_add_func ("/slope-train-optim/defaults-are-the-notebook", test_defaults_are_the_notebook);
  g_test_add_func ("/slope-train-optim/shuffle-seed", test_shuffle_seed);
  g_test_add_func ("/slope-train-optim/lesson", test_lesson);

  return g_test_run ();
}
