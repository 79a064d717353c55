/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-test-ui.h: the ui suite's start, shared by every window test.
 *
 * Directories of its own: the window adds opened files to the recent-files
 * list, and the user's must not see the tests'.  G_TEST_OPTION_ISOLATE_DIRS
 * gives each test case fresh XDG directories and removes them when the case
 * ends, but GTK's singletons (the recent manager) keep the path they saw
 * first, so a window test sets one private home for the whole program, and
 * for the `slope` it starts, before GLib or GTK reads any of it.
 *
 * No display: the program skips instead of dying in gtk_init()'s fatal
 * warning.  A display that is named but cannot be opened is a failure.  It exits with status 77, the GNU convention; under meson's TAP
 * protocol a non-zero status is an error, so there it prints a plan of no
 * tests with a SKIP directive and exits 0, which meson reports as SKIP.
 */
#pragma once

#include <glib/gstdio.h>
#include <adwaita.h>
#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>

static gboolean slope_test_tap;
static char *slope_test_home;

static void
slope_test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            slope_test_remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
slope_test_remove_home (void)
{
  slope_test_remove_tree (slope_test_home);
  g_clear_pointer (&slope_test_home, g_free);
}

static inline void
slope_test_init (int    *argc,
                 char ***argv)
{
  static const char * const dirs[][2] = {
    { "HOME", "home" },
    { "XDG_DATA_HOME", "data" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_STATE_HOME", "state" },
    { "XDG_RUNTIME_DIR", "runtime" },
  };

  for (int i = 1; i < *argc; i++)
    if (strcmp ((*argv)[i], "--tap") == 0)
      slope_test_tap = TRUE;

  slope_test_home = g_dir_make_tmp ("slope-test-XXXXXX", NULL);
  g_assert_nonnull (slope_test_home);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (slope_test_home, dirs[i][1], NULL);

      g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      g_setenv (dirs[i][0], path, TRUE);
    }
  atexit (slope_test_remove_home);
  g_test_init (argc, argv, NULL);
}

static inline void
slope_test_gtk_init_or_skip (void)
{
  const char *display = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");

  if (gtk_init_check ())
    {
      adw_init ();
      return;
    }
  /* A display named but not reachable fails: a skip there hid a server
   * that was resetting between two tests (see test-display-kept.c).  Only
   * no display at all is a reason to skip. */
  if ((display != NULL && *display != '\0') || (wayland != NULL && *wayland != '\0'))
    {
      g_printerr ("cannot open the display DISPLAY=%s WAYLAND_DISPLAY=%s XAUTHORITY=%s\n",
                  display ? display : "", wayland ? wayland : "",
                  g_getenv ("XAUTHORITY") ? g_getenv ("XAUTHORITY") : "");
      if (slope_test_tap)
        g_print ("Bail out! display %s named but not reachable\n", display ? display : wayland);
      exit (1);
    }
  if (slope_test_tap)
    {
      g_print ("1..0 # SKIP no display\n");
      exit (0);
    }
  g_printerr ("no display: skipped\n");
  exit (77);
}
