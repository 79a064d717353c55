/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-test-window.h: opening, settling and closing a window, as the
 * window tests do it, so each test file does not carry its own copy.
 */
#pragma once

#include <gtk/gtk.h>

#include "slope-window-private.h"

static inline SlopeWindow *
slope_test_window_new (void)
{
  SlopeWindow *window = slope_window_new (NULL, NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* The worker has done what it was told and the window shows it. */
static inline void
slope_test_settle (SlopeWindow *window)
{
  slope_runner_sync (window->runner);
  slope_window_refresh (window);
}

/* The settings a test changed go back to their defaults, so the next
 * test's window starts as a person's first one would. */
static inline void
slope_test_close_window (SlopeWindow *window)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (window->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (window->settings, keys[i]);
  gtk_window_destroy (GTK_WINDOW (window));
}
