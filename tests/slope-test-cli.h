/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-test-cli.h: running a program as a user runs it, shared by the
 * tests of slope-train and of the scripts it exports.
 *
 * English messages, and “quotes” left as UTF-8 rather than made ASCII:
 * the child runs under LC_ALL=C.UTF-8.
 */
#pragma once

#include <gio/gio.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static inline void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

/* Runs @argv to its end, keeping its exit status, stdout and stderr. */
static inline void
slope_test_run (const char * const *argv,
                Result             *r)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  r->status = g_subprocess_get_exit_status (proc);
}

/* A python3 that can import torch, or NULL. */
static inline char *
slope_test_find_torch_python (void)
{
  g_autofree char *in_path = g_find_program_in_path ("python3");
  const char *candidates[] = { "/usr/bin/python3", in_path };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      const char *argv[] = { candidates[i], "-c", "import torch", NULL };
      Result r = { 0 };
      gboolean ok;

      if (candidates[i] == NULL || !g_file_test (candidates[i], G_FILE_TEST_IS_EXECUTABLE))
        continue;
      slope_test_run (argv, &r);
      ok = r.status == 0;
      result_clear (&r);
      if (ok)
        return g_strdup (candidates[i]);
    }
  return NULL;
}
