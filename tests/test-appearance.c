/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-appearance.c: the window's look — the desktop's style followed by
 * every plot, the layout at a projector's sizes, text and direction, and
 * what a screen reader is told.  Runs under Xvfb (suite ui).
 *
 * Colours are checked against the design's literal bytes.
 */
#include "config.h"

#include <adwaita.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "slope-widget-style.h"
#include "slope-window-private.h"

static SlopeWindow *
new_window (void)
{
  SlopeWindow *window = slope_window_new (NULL, NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Until the window has been laid out (its tick callback keeps frames
 * coming, so this never blocks for long). */
static void
wait_for_layout (SlopeWindow *window)
{
  for (guint i = 0; i < 100000 && gtk_widget_get_width (GTK_WIDGET (window->cost_view)) <= 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->cost_view)), >, 0);
}

/* Runs the widget's own snapshot, as a frame would. */
static void
draw (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);
}

static void
assert_rgb (const SlopeColor *c,
            int               r,
            int               g,
            int               b)
{
  g_assert_cmpint ((int) lround (c->r * 255), ==, r);
  g_assert_cmpint ((int) lround (c->g * 255), ==, g);
  g_assert_cmpint ((int) lround (c->b * 255), ==, b);
}

/* The plots' backgrounds, as drawn, follow the style manager. */
static void
assert_plot_backgrounds (SlopeWindow *window,
                         int          r,
                         int          g,
                         int          b)
{
  wait_for_layout (window);
  draw (GTK_WIDGET (window->data_view));
  draw (GTK_WIDGET (window->cost_view));
  draw (GTK_WIDGET (window->landscape_view));
  assert_rgb (&slope_data_view_get_plot (window->data_view)->palette->background, r, g, b);
  assert_rgb (&slope_cost_view_get_plot (window->cost_view)->palette->background, r, g, b);
  assert_rgb (&slope_landscape_widget_get_plot (window->landscape_view)->palette->background, r, g, b);
}

static void
test_dark_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  SlopeWindow *window = new_window ();

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (manager));
  assert_plot_backgrounds (window, 255, 255, 255);
  assert_rgb (&slope_data_view_get_plot (window->data_view)->palette->points, 0, 114, 178);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  assert_plot_backgrounds (window, 36, 36, 36);
  assert_rgb (&slope_data_view_get_plot (window->data_view)->palette->points, 86, 180, 233);
  /* The window itself is dark too: the theme's foreground is light. */
  {
    GdkRGBA fg;

    gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (window)), &fg);
    g_assert_cmpfloat (fg.red, >, 0.8);
  }

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The desktop's high-contrast setting (org.gnome.desktop.a11y.interface,
 * which libadwaita reads when there is no settings portal). */
static void
test_high_contrast (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) a11y = NULL;
  SlopeWindow *window;

  schema = source != NULL ? g_settings_schema_source_lookup (source, "org.gnome.desktop.a11y.interface",
                                                             TRUE)
                          : NULL;
  if (schema == NULL || !g_settings_schema_has_key (schema, "high-contrast"))
    {
      g_test_skip ("no org.gnome.desktop.a11y.interface schema");
      return;
    }
  a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  window = new_window ();

  g_settings_set_boolean (a11y, "high-contrast", TRUE);
  for (guint i = 0; i < 1000 && !adw_style_manager_get_high_contrast (manager); i++)
    g_main_context_iteration (NULL, FALSE);
  if (!adw_style_manager_get_high_contrast (manager))
    {
      g_settings_set_boolean (a11y, "high-contrast", FALSE);
      gtk_window_destroy (GTK_WINDOW (window));
      g_test_skip ("libadwaita reads high contrast from elsewhere (a settings portal)");
      return;
    }

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  assert_plot_backgrounds (window, 255, 255, 255);
  assert_rgb (&slope_data_view_get_plot (window->data_view)->palette->points, 0, 75, 130);
  assert_rgb (&slope_cost_view_get_plot (window->cost_view)->palette->cost, 0, 100, 70);
  g_assert_cmpfloat (slope_data_view_get_plot (window->data_view)->palette->scale, ==, 1.5);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  assert_plot_backgrounds (window, 0, 0, 0);
  assert_rgb (&slope_data_view_get_plot (window->data_view)->palette->points, 120, 200, 255);

  g_settings_set_boolean (a11y, "high-contrast", FALSE);
  for (guint i = 0; i < 1000 && adw_style_manager_get_high_contrast (manager); i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (adw_style_manager_get_high_contrast (manager));
  assert_plot_backgrounds (window, 36, 36, 36);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A passing notice is a toast; the whole story of skipped rows is one
 * click away, in the notice banner. */
static void
test_toast (void)
{
  SlopeWindow *window = new_window ();

  slope_window_toast (window, "3 rows read, 1 skipped", "3 rows read, 1 skipped\nline 2: no number");
  g_assert_nonnull (window->last_toast);
  g_assert_cmpstr (adw_toast_get_title (window->last_toast), ==, "3 rows read, 1 skipped");
  g_assert_false (gtk_revealer_get_reveal_child (window->notice_revealer));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-toast-details", NULL);
  g_assert_true (gtk_revealer_get_reveal_child (window->notice_revealer));
  g_assert_cmpstr (gtk_label_get_text (window->notice_label), ==,
                   "3 rows read, 1 skipped\nline 2: no number");

  /* Markup in a file name is shown as typed. */
  slope_window_toast (window, "Saved the data as “a<b>.csv”.", NULL);
  g_assert_cmpstr (adw_toast_get_title (window->last_toast), ==,
                   "Saved the data as “a&lt;b&gt;.csv”.");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/appearance/dark-style", test_dark_style);
  g_test_add_func ("/appearance/high-contrast", test_high_contrast);
  g_test_add_func ("/appearance/toast", test_toast);

  return g_test_run ();
}
