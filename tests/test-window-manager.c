/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-manager.c: what only a window manager can show.
 *
 * Maximizing and full screen are requests to the window manager; a bare
 * X server grants neither, so the rest of the ui suite cannot see whether
 * the window asks.  This test starts openbox on the suite's display, runs
 * alone (meson: is_parallel false) so no other test's windows are managed
 * by it, and stops it at the end.  Without openbox it skips.
 */
#include "config.h"

#include <adwaita.h>
#include <gtk/gtk.h>
#include <gdk/x11/gdkx.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <signal.h>
#include <sys/wait.h>

#include "slope-test-ui.h"
#include "slope-window-private.h"

static GPid window_manager;

typedef gboolean (*Condition) (gpointer data);

static gboolean
give_up (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
poll_wakeup (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until the condition holds; fails after a generous
 * bound rather than hanging, since a window manager answers asynchronously. */
static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint bound = g_timeout_add_seconds (30, give_up, &timed_out);
  /* Properties the window manager sets come without an event this
   * process listens for, so look again every 20 ms. */
  guint wakeup = g_timeout_add (20, poll_wakeup, NULL);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("the window manager never made %s true", what);
  g_source_remove (bound);
  g_source_remove (wakeup);
}

static gboolean
manager_running (gpointer data)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  Atom check = XInternAtom (xdisplay, "_NET_SUPPORTING_WM_CHECK", False);
  Atom type;
  int format;
  unsigned long n_items, after;
  unsigned char *value = NULL;
  gboolean found;

  if (XGetWindowProperty (xdisplay, DefaultRootWindow (xdisplay), check, 0, 1, False, XA_WINDOW,
                          &type, &format, &n_items, &after, &value) != Success)
    return FALSE;
  found = n_items == 1;
  if (value != NULL)
    XFree (value);
  return found;
}

/* The window manager has taken the window on (ICCCM's WM_STATE): before
 * that, it may drop a request about the window. */
static gboolean
is_managed (gpointer data)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (data));
  Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  Atom wm_state = XInternAtom (xdisplay, "WM_STATE", False);
  Atom type;
  int format;
  unsigned long n_items, after;
  unsigned char *value = NULL;
  gboolean found;

  if (surface == NULL || !gtk_widget_get_mapped (GTK_WIDGET (data)))
    return FALSE;
  if (XGetWindowProperty (xdisplay, gdk_x11_surface_get_xid (surface), wm_state, 0, 2, False,
                          wm_state, &type, &format, &n_items, &after, &value) != Success)
    return FALSE;
  found = n_items > 0;
  if (value != NULL)
    XFree (value);
  return found;
}

static gboolean
is_maximized (gpointer data)
{
  return gtk_window_is_maximized (GTK_WINDOW (data));
}

static gboolean
is_not_maximized (gpointer data)
{
  return is_managed (data) && !gtk_window_is_maximized (GTK_WINDOW (data));
}

static gboolean
is_fullscreen (gpointer data)
{
  return gtk_window_is_fullscreen (GTK_WINDOW (data));
}

static gboolean
is_not_fullscreen (gpointer data)
{
  return !gtk_window_is_fullscreen (GTK_WINDOW (data));
}

static gboolean
start_window_manager (void)
{
  g_autofree char *openbox = g_find_program_in_path ("openbox");
  g_autoptr(GError) error = NULL;
  char *argv[] = { openbox, (char *) "--sm-disable", NULL };

  if (openbox == NULL)
    return FALSE;
  if (!g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL
                      | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &window_manager, &error))
    g_error ("openbox did not start: %s", error->message);
  wait_until (manager_running, NULL, "_NET_SUPPORTING_WM_CHECK");
  return TRUE;
}

static void
stop_window_manager (void)
{
  int status;

  kill (window_manager, SIGTERM);
  waitpid (window_manager, &status, 0);
  g_spawn_close_pid (window_manager);
}

static SlopeWindow *
present_window (void)
{
  SlopeWindow *window = slope_window_new (NULL, NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Closed maximized, the next window opens maximized; closed unmaximized,
 * it does not. */
static void
test_remembers_maximized (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  SlopeWindow *window = present_window ();

  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  wait_until (is_not_maximized, window, "the first window shown unmaximized");
  gtk_window_maximize (GTK_WINDOW (window));
  wait_until (is_maximized, window, "maximizing");
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));

  window = present_window ();
  wait_until (is_maximized, window, "a maximized start");
  gtk_window_unmaximize (GTK_WINDOW (window));
  wait_until (is_not_maximized, window, "unmaximizing");
  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = present_window ();
  wait_until (is_not_maximized, window, "an unmaximized start");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The presentation action takes the whole screen and gives it back. */
static void
test_presentation_full_screen (void)
{
  SlopeWindow *window = present_window ();

  wait_until (is_managed, window, "the window managed");
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL);
  wait_until (is_fullscreen, window, "full screen");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL);
  wait_until (is_not_fullscreen, window, "leaving full screen");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  slope_test_init (&argc, &argv);
  slope_test_gtk_init_or_skip ();
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("needs an X11 display");
      return g_test_run ();
    }
  if (!start_window_manager ())
    {
      g_test_skip ("openbox is not installed");
      return g_test_run ();
    }
  g_test_add_func ("/window-manager/remembers-maximized", test_remembers_maximized);
  g_test_add_func ("/window-manager/presentation-full-screen", test_presentation_full_screen);
  status = g_test_run ();
  stop_window_manager ();
  return status;
}
