/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-unique.c: Slope is one process that opens every file it is given,
 * each in its own window.
 *
 * On a private session bus (GTestDBus, so no other test's Slope answers),
 * this process runs SlopeApplication as `slope --epochs 7 a.csv b.csv`
 * would, and must show two windows with a.csv and b.csv.  Then the real
 * program is started as a second invocation, `slope --lr 0.25 c.csv`: it
 * must hand c.csv to this process and exit, and a third window here shows
 * c.csv with its --lr, while the first two keep theirs.  Suite ui.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "slope-application.h"
#include "slope-test-ui.h"
#include "slope-window-private.h"

typedef struct
{
  char        *dir;
  GSubprocess *second;
  gboolean     second_done;
  int          second_status;
} Fixture;

static char *
write_csv (const char *dir,
           const char *name,
           guint       rows)
{
  g_autoptr(GString) text = g_string_new ("x,y\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  for (guint i = 1; i <= rows; i++)
    g_string_append_printf (text, "%u,%u\n", i, 2 * i);
  g_file_set_contents (path, text->str, -1, &error);
  g_assert_no_error (error);
  return path;
}

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @cond holds (a safety deadline, not a timing). */
static void
iterate_until (gboolean      (*cond) (GtkApplication *),
               GtkApplication *app,
               const char     *what)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  /* Wakes the loop now and then, so the deadline is seen even if all is still. */
  guint wake = g_timeout_add_seconds (1, wake_up, NULL);

  while (!cond (app))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("waited a minute in vain for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

/* The windows of @app whose data is loaded from a file, by title. */
static SlopeWindow *
window_with (GtkApplication *app,
             const char     *title)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      SlopeDataset *dataset = slope_window_get_dataset (l->data);

      if (dataset != NULL && g_strcmp0 (slope_dataset_get_title (dataset), title) == 0)
        return l->data;
    }
  return NULL;
}

static gboolean
two_loaded (GtkApplication *app)
{
  return window_with (app, "a.csv") != NULL && window_with (app, "b.csv") != NULL;
}

static gboolean
third_loaded (GtkApplication *app)
{
  Fixture *f = g_object_get_data (G_OBJECT (app), "fixture");

  return f->second_done && window_with (app, "c.csv") != NULL;
}

static void
second_exited (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Fixture *f = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (G_SUBPROCESS (source)));
  f->second_status = g_subprocess_get_exit_status (G_SUBPROCESS (source));
  f->second_done = TRUE;
}

static void
assert_window (SlopeWindow *window,
               gsize        n,
               double       lr,
               guint        epochs)
{
  g_assert_nonnull (window);
  slope_runner_sync (window->runner);
  slope_window_refresh (window);
  g_assert_cmpuint (slope_dataset_get_n (slope_window_get_dataset (window)), ==, n);
  g_assert_cmpfloat (window->snapshot.state.lr, ==, lr);
  g_assert_cmpuint (window->snapshot.state.run_length, ==, epochs);
}

/* Runs once the application has opened its command line's files. */
static void
check_windows (gpointer user_data)
{
  GtkApplication *app = user_data;
  Fixture *f = g_object_get_data (G_OBJECT (app), "fixture");
  g_autofree char *c = write_csv (f->dir, "c.csv", 6);
  g_autoptr(GError) error = NULL;

  /* slope --epochs 7 a.csv b.csv: a window each, with the options. */
  iterate_until (two_loaded, app, "a window with a.csv and one with b.csv");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (app)), ==, 2);
  assert_window (window_with (app, "a.csv"), 4, 0.01, 7);
  assert_window (window_with (app, "b.csv"), 5, 0.01, 7);

  /* A second `slope --lr 0.25 c.csv` opens its window here, and exits. */
  f->second = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                                g_getenv ("SLOPE_BIN"), "--lr", "0.25", c, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (f->second, NULL, second_exited, f);
  iterate_until (third_loaded, app,
                 "the second invocation to exit and c.csv to open here");
  g_assert_cmpint (f->second_status, ==, 0);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (app)), ==, 3);
  assert_window (window_with (app, "c.csv"), 6, 0.25, 1000);
  assert_window (window_with (app, "a.csv"), 4, 0.01, 7);

  /* Destroying a window joins its training thread; the last one quits. */
  while (gtk_application_get_windows (app) != NULL)
    gtk_window_destroy (gtk_application_get_windows (app)->data);
}

static void
test_open_many (void)
{
  g_autoptr(SlopeApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  Fixture f = { 0 };
  int status;

  f.dir = g_dir_make_tmp ("slope-unique-XXXXXX", &error);
  g_assert_no_error (error);
  a = write_csv (f.dir, "a.csv", 4);
  b = write_csv (f.dir, "b.csv", 5);

  app = slope_application_new ();
  g_object_set_data (G_OBJECT (app), "fixture", &f);
  g_idle_add_once (check_windows, app);
  {
    char *argv[] = { "slope", "--epochs", "7", a, b, NULL };

    status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);
  }
  g_assert_cmpint (status, ==, 0);
  g_assert_true (f.second_done);

  g_clear_object (&f.second);
  g_clear_object (&app);
  c = g_build_filename (f.dir, "c.csv", NULL);
  g_assert_cmpint (g_remove (a) + g_remove (b) + g_remove (c) + g_rmdir (f.dir), ==, 0);
  g_free (f.dir);
}

int
main (int   argc,
      char *argv[])
{
  GTestDBus *bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  int status;

  slope_test_init (&argc, &argv);
  /* The private bus first: GTK and libadwaita connect to the session bus as
   * they start, and the application must register on the bus that the
   * second invocation will find.  It unsets DISPLAY, so that nothing
   * reaches a desktop; the windows here and the second invocation still
   * need Xvfb's. */
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  slope_test_gtk_init_or_skip ();

  g_test_add_func ("/unique/open-many", test_open_many);

  status = g_test_run ();
  /* Stop, not down, and no unref (which would go down): GTK and libadwaita
   * keep their bus connection until exit, and down waits for it to go. */
  g_test_dbus_stop (bus);
  return status;
}
