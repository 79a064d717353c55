/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-display-kept.c: the suite's X server outlives its clients.
 *
 * An X server resets when its last client leaves, unless it was started
 * with -noreset, and a client that connects during the reset is refused.
 * In the parallel ui suite that is one test ending while the next begins:
 * the new test found no display and skipped whole (once in twenty runs of
 * ./run test).  This test is that moment made certain.  It runs alone
 * (meson: is_parallel false), so its first connection is the only client;
 * the server closes that connection itself (KillClient), so by the time
 * the client sees the end of its stream the server has already decided
 * whether to reset.  A second connection then finds the atom the first one
 * made, or, after a reset, finds it gone or cannot connect at all.
 *
 * Plain XCB rather than Xlib: Xlib exits the program on a lost connection.
 */
#include "config.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xcb/xcb.h>

static xcb_atom_t
intern (xcb_connection_t *connection,
        const char       *name,
        gboolean          only_if_exists)
{
  xcb_intern_atom_cookie_t cookie;
  g_autofree xcb_intern_atom_reply_t *reply = NULL;

  cookie = xcb_intern_atom (connection, only_if_exists, strlen (name), name);
  reply = xcb_intern_atom_reply (connection, cookie, NULL);
  g_assert_nonnull (reply);
  return reply->atom;
}

static void
test_display_kept (void)
{
  g_autofree char *name = g_strdup_printf ("SLOPE_TEST_DISPLAY_KEPT_%d", (int) getpid ());
  xcb_connection_t *first;
  xcb_connection_t *second;
  xcb_screen_t *screen;
  xcb_pixmap_t pixmap;
  g_autofree xcb_get_input_focus_reply_t *focus = NULL;

  first = xcb_connect (NULL, NULL);
  g_assert_cmpint (xcb_connection_has_error (first), ==, 0);
  g_assert_cmpuint (intern (first, name, FALSE), !=, XCB_ATOM_NONE);

  /* KillClient names a client by a resource it owns.  The server closes
   * this client while handling the request; the reply that never comes is
   * how the client learns it is done. */
  screen = xcb_setup_roots_iterator (xcb_get_setup (first)).data;
  pixmap = xcb_generate_id (first);
  xcb_create_pixmap (first, screen->root_depth, pixmap, screen->root, 1, 1);
  xcb_kill_client (first, pixmap);
  focus = xcb_get_input_focus_reply (first, xcb_get_input_focus (first), NULL);
  g_assert_null (focus);
  g_assert_cmpint (xcb_connection_has_error (first), !=, 0);
  xcb_disconnect (first);

  second = xcb_connect (NULL, NULL);
  if (xcb_connection_has_error (second))
    g_error ("the display refused a client after its last one left: "
             "the server is resetting (start Xvfb with -noreset)");
  if (intern (second, name, TRUE) == XCB_ATOM_NONE)
    g_error ("an atom made before the last client left is gone: "
             "the server reset (start Xvfb with -noreset)");
  xcb_disconnect (second);
}

int
main (int   argc,
      char *argv[])
{
  const char *display = g_getenv ("DISPLAY");
  gboolean tap = FALSE;

  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--tap") == 0)
      tap = TRUE;
  if (display == NULL || *display == '\0')
    {
      if (tap)
        {
          g_print ("1..0 # SKIP no X display\n");
          return 0;
        }
      return 77;
    }

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/display/kept-after-last-client", test_display_kept);
  return g_test_run ();
}
