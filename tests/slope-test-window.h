/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-test-window.h: opening, settling and closing a window, as the
 * window tests do it, and PyTorch's reference logs read as they do, so
 * each test file does not carry its own copy.
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

/* Row @epoch of PyTorch's log tests/reference/optim/@name.csv: W, b and
 * the cost after that epoch. */
static inline void
slope_test_reference_row (const char *name,
                          guint       epoch,
                          double     *w,
                          double     *b,
                          double     *cost)
{
  g_autofree char *file = g_strconcat (name, ".csv", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", "optim", file, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "epoch,W,b,cost,dW,db,W.grad,b.grad");
  g_assert_cmpuint (g_strv_length (lines), >, epoch);
  fields = g_strsplit (lines[epoch], ",", -1);
  g_assert_cmpuint (g_ascii_strtoull (fields[0], NULL, 10), ==, epoch);
  *w = g_ascii_strtod (fields[1], NULL);
  *b = g_ascii_strtod (fields[2], NULL);
  *cost = g_ascii_strtod (fields[3], NULL);
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
