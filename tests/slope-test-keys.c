/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-test-keys.c: pressing real keys in tests, as a person does.
 *
 * GTK 4 has no public way to make a key event, and emitting a
 * controller's signal by hand skips what matters here: which widget has
 * the focus, the capture and bubble phases, shortcut controllers and the
 * application's accelerators.  So the tests press keys through the X
 * server's XTEST extension, exactly where a keyboard's presses enter, and
 * wait until GTK has dispatched the release: by then the press has gone
 * through the whole chain.  Needs the X11 backend (Xvfb) and X input
 * focus, so the tests that use it must not run beside other ui tests.
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>

#include <math.h>

#include "slope-test-keys.h"

#define GUARD_SECONDS 20

static gboolean
on_guard (gpointer data)
{
  g_error ("no key event arrived within %d s: does the window have the X input focus?",
           GUARD_SECONDS);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  guint keycode;   /* the key being waited for */
  guint count;     /* its releases so far */
  guint buttons;   /* mouse button releases so far */
} Probe;

static void
on_released (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             Probe                 *probe)
{
  if (keycode == probe->keycode)
    probe->count++;
}

static gboolean
on_event (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          Probe                    *probe)
{
  if (gdk_event_get_event_type (event) == GDK_BUTTON_RELEASE)
    probe->buttons++;
  return GDK_EVENT_PROPAGATE;
}

static Probe *
get_probe (GtkWindow *window)
{
  Probe *probe = g_object_get_data (G_OBJECT (window), "slope-test-keys-probe");
  GtkEventController *keys;

  if (probe != NULL)
    return probe;
  probe = g_new0 (Probe, 1);
  g_object_set_data_full (G_OBJECT (window), "slope-test-keys-probe", probe, g_free);
  /* Sees every release first and claims none. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-released", G_CALLBACK (on_released), probe);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
  keys = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "event", G_CALLBACK (on_event), probe);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
  return probe;
}

static Display *
xdisplay (GtkWindow *window)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  return gdk_x11_display_get_xdisplay (display);
}

/* Presents @window and waits until it has the keyboard focus. */
void
slope_test_keys_focus_window (GtkWindow *window)
{
  Display *dpy;
  Window xid;
  guint guard;

  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  dpy = xdisplay (window);
  xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  XSetInputFocus (dpy, xid, RevertToParent, CurrentTime);
  /* A loaded machine can stall the X server between a press and its
   * release for longer than the repeat delay; it would then repeat the key,
   * and one press would act twice. */
  XAutoRepeatOff (dpy);
  XFlush (dpy);
  get_probe (window);

  guard = g_timeout_add_seconds (GUARD_SECONDS, on_guard, NULL);
  while (!gtk_window_is_active (window))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
}

static void
fake (Display *dpy,
      KeySym   keysym,
      gboolean down)
{
  KeyCode code = XKeysymToKeycode (dpy, keysym);

  g_assert_cmpuint (code, !=, 0);
  XTestFakeKeyEvent (dpy, code, down, CurrentTime);
}

static void
send_key (Display         *dpy,
          KeyCode          code,
          GdkModifierType  state)
{
  if (state & GDK_CONTROL_MASK)
    fake (dpy, XK_Control_L, TRUE);
  if (state & GDK_SHIFT_MASK)
    fake (dpy, XK_Shift_L, TRUE);
  if (state & GDK_ALT_MASK)
    fake (dpy, XK_Alt_L, TRUE);
  XTestFakeKeyEvent (dpy, code, True, CurrentTime);
  XTestFakeKeyEvent (dpy, code, False, CurrentTime);
  if (state & GDK_ALT_MASK)
    fake (dpy, XK_Alt_L, FALSE);
  if (state & GDK_SHIFT_MASK)
    fake (dpy, XK_Shift_L, FALSE);
  if (state & GDK_CONTROL_MASK)
    fake (dpy, XK_Control_L, FALSE);
  XFlush (dpy);
}

static KeyCode
key_code (Display         *dpy,
          guint            keyval,
          GdkModifierType *state)
{
  KeyCode code = XKeysymToKeycode (dpy, keyval);

  g_assert_cmpuint (code, !=, 0);
  /* Keys such as ? live on the shifted level. */
  if (XkbKeycodeToKeysym (dpy, code, 0, 0) != keyval
      && XkbKeycodeToKeysym (dpy, code, 0, 1) == keyval)
    *state |= GDK_SHIFT_MASK;
  return code;
}

/* Presses and releases @keyval with the modifiers in @state, as a
 * keyboard would, and returns once GTK has handled the release (so the
 * press before it, through every phase). */
void
slope_test_keys_press (GtkWindow       *window,
                       guint            keyval,
                       GdkModifierType  state)
{
  Display *dpy = xdisplay (window);
  Probe *probe = get_probe (window);
  KeyCode code = key_code (dpy, keyval, &state);
  guint guard;

  probe->keycode = code;
  probe->count = 0;
  send_key (dpy, code, state);

  guard = g_timeout_add_seconds (GUARD_SECONDS, on_guard, NULL);
  while (probe->count < 1)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
}

/* For a key that takes the focus elsewhere (its release goes to another
 * window): returns once @done says the key has done its work. */
void
slope_test_keys_press_until (GtkWindow       *window,
                             guint            keyval,
                             GdkModifierType  state,
                             gboolean       (*done) (gpointer data),
                             gpointer         data)
{
  Display *dpy = xdisplay (window);
  KeyCode code = key_code (dpy, keyval, &state);
  guint guard;

  send_key (dpy, code, state);
  guard = g_timeout_add_seconds (GUARD_SECONDS, on_guard, NULL);
  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
}

/* Moves the pointer over @widget's (@x, @y), or with @widget NULL to the
 * screen's far corner; it arrives before any key pressed after it. */
void
slope_test_keys_move_pointer (GtkWindow *window,
                              GtkWidget *widget,
                              double     x,
                              double     y)
{
  Display *dpy = xdisplay (window);
  GtkNative *native = GTK_NATIVE (window);
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (native));
  graphene_point_t in_window;
  double sx, sy;
  int rx, ry;
  Window child;

  if (widget == NULL)
    {
      XTestFakeMotionEvent (dpy, -1, DisplayWidth (dpy, DefaultScreen (dpy)) - 1,
                            DisplayHeight (dpy, DefaultScreen (dpy)) - 1, CurrentTime);
      XFlush (dpy);
      return;
    }
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (x, y), &in_window));
  /* The surface holds the window's shadow too. */
  gtk_native_get_surface_transform (native, &sx, &sy);
  XTranslateCoordinates (dpy, xid, DefaultRootWindow (dpy), (int) round (in_window.x + sx),
                         (int) round (in_window.y + sy), &rx, &ry, &child);
  XTestFakeMotionEvent (dpy, -1, rx, ry, CurrentTime);
  XFlush (dpy);
}

/* Pointer events sent before a key arrive before it: the X server takes
 * XTEST's events in order, and GTK dispatches them in order.  So a press
 * of Shift, which no control of Slope's acts on, marks the moment the
 * wheel notches or the drag before it have been handled, however many
 * events they turned into (smooth scrolling, compressed motion). */
static void
fence (GtkWindow *window)
{
  slope_test_keys_press (window, GDK_KEY_Shift_L, 0);
}

/* Turns the wheel over @widget's (@x, @y): @notches notches, towards the
 * person (down) when positive, away (up) when negative. */
void
slope_test_keys_scroll (GtkWindow *window,
                        GtkWidget *widget,
                        double     x,
                        double     y,
                        int        notches)
{
  Display *dpy = xdisplay (window);
  guint button = notches > 0 ? 5 : 4;

  slope_test_keys_move_pointer (window, widget, x, y);
  for (int i = 0; i < ABS (notches); i++)
    {
      XTestFakeButtonEvent (dpy, button, True, CurrentTime);
      XTestFakeButtonEvent (dpy, button, False, CurrentTime);
    }
  XFlush (dpy);
  fence (window);
}

/* Presses @button (1 primary, 2 middle) at @widget's (@x0, @y0), moves to
 * (@x1, @y1) in ten steps and releases it there. */
void
slope_test_keys_drag (GtkWindow *window,
                      GtkWidget *widget,
                      guint      button,
                      double     x0,
                      double     y0,
                      double     x1,
                      double     y1)
{
  Display *dpy = xdisplay (window);

  slope_test_keys_move_pointer (window, widget, x0, y0);
  XTestFakeButtonEvent (dpy, button, True, CurrentTime);
  for (int i = 1; i <= 10; i++)
    slope_test_keys_move_pointer (window, widget, x0 + (x1 - x0) * i / 10.0,
                                  y0 + (y1 - y0) * i / 10.0);
  XTestFakeButtonEvent (dpy, button, False, CurrentTime);
  XFlush (dpy);
  fence (window);
}

/* Clicks mouse @button over @widget's (@x, @y), as a mouse would, and
 * returns once GTK has handled the release. */
void
slope_test_keys_click (GtkWindow *window,
                       GtkWidget *widget,
                       double     x,
                       double     y,
                       guint      button)
{
  Display *dpy = xdisplay (window);
  Probe *probe = get_probe (window);
  guint guard;

  slope_test_keys_move_pointer (window, widget, x, y);
  probe->buttons = 0;
  XTestFakeButtonEvent (dpy, button, True, CurrentTime);
  XTestFakeButtonEvent (dpy, button, False, CurrentTime);
  XFlush (dpy);

  guard = g_timeout_add_seconds (GUARD_SECONDS, on_guard, NULL);
  while (probe->buttons < 1)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
}
