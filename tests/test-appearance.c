/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-appearance.c: the window's look — the desktop's style followed by
 * every plot, the layout at a projector's sizes, text and direction, and
 * what a screen reader is told.  Runs under Xvfb (suite ui).
 *
 * Colours are checked against the design's literal bytes.
 */
#include "config.h"

#include "slope-test-ui.h"

#include <adwaita.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "slope-csv.h"
#include "slope-widget-style.h"
#include "slope-wrap.h"
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

static void
count_paint (GdkFrameClock *clock,
             guint         *paints)
{
  (*paints)++;
}

/* Until the window has been laid out and painted three times more, so
 * every change (a style class, a font size) has been measured. */
static void
wait_for_size (SlopeWindow *window)
{
  GdkFrameClock *clock;
  guint paints = 0;
  gulong id;

  wait_for_layout (window);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint), &paints);
  for (guint i = 0; i < 1000 && paints < 3; i++)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  g_assert_cmpuint (paints, >=, 3);
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

/* Closing the window while the rate entry has the focus: its focus-leave
 * handler must not run into the disposed window (this test runs with
 * warnings and criticals fatal). */
static void
test_close_with_entry_focused (void)
{
  SlopeWindow *window = new_window ();
  GtkWidget *entry = GTK_WIDGET (window->lr_entry);
  GtkWidget *focus;

  wait_for_layout (window);
  g_assert_true (gtk_widget_grab_focus (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "0.05");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  gtk_window_close (GTK_WINDOW (window));
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* A long notice in the banner, revealed in a narrow window: no
 * "reports a minimum height" warning from the revealer. */
static void
test_long_notice (void)
{
  SlopeWindow *window = new_window ();
  g_autoptr(GString) text = g_string_new ("3 rows read, 2 skipped");

  for (guint i = 0; i < 12; i++)
    g_string_append_printf (text, "\nline %u: “x%u” is not a number in column y", i + 2, i);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  wait_for_layout (window);
  /* The transition runs frame by frame (a quarter of a second). */
  slope_window_show_notice (window, text->str);
  for (guint i = 0; i < 1000 && !gtk_revealer_get_child_revealed (window->notice_revealer); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_revealer_get_child_revealed (window->notice_revealer));
  wait_for_size (window);
  slope_window_show_notice (window, NULL);
  for (guint i = 0; i < 1000 && gtk_revealer_get_child_revealed (window->notice_revealer); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gtk_revealer_get_child_revealed (window->notice_revealer));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------ */
/* Text and direction                                                  */

/* The text of each line of @label as laid out now. */
static char **
label_lines (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  GPtrArray *lines = g_ptr_array_new ();

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      g_ptr_array_add (lines, g_strndup (text + line->start_index, (gsize) line->length));
    }
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}

/* A wrapping label laid out @width pixels wide. */
static GtkLabel *
wrapped_label (const char *text,
               int         width)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (text));

  g_object_ref_sink (label);
  gtk_label_set_wrap (label, TRUE);
  slope_wrap_keep_words (label);
  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);
  gtk_widget_allocate (GTK_WIDGET (label), width, 400, -1, NULL);
  return label;
}

/* Korean breaks between words, as its spaces say, at any width. */
static void
test_korean_words (void)
{
  static const char text[] = "매 역전파 전에 W.grad와 b.grad를 0으로 초기화합니다.";
  static const char *const words[] = { "매", "역전파", "전에", "W.grad와", "b.grad를", "0으로",
                                       "초기화합니다." };

  for (int width = 40; width <= 400; width += 7)
    {
      g_autoptr(GtkLabel) label = wrapped_label (text, width);
      g_auto(GStrv) lines = label_lines (label);

      /* It does wrap, where it must. */
      if (width < 200)
        g_assert_cmpuint (g_strv_length (lines), >, 1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) parts = g_strsplit (g_strstrip (lines[i]), " ", -1);

          /* Every piece of every line is one of the words, whole. */
          for (guint j = 0; parts[j] != NULL; j++)
            if (!g_strv_contains (words, parts[j]))
              g_error ("at %d px, “%s” is not a whole word (line “%s”)", width, parts[j], lines[i]);
        }
    }
}

/* A formula stays on one line: "(R² = 0.8717)" and "W − W* = −0.106". */
static void
test_formula_whole (void)
{
  static const char text[] = "Least squares: ŷ = 2.122x − 0.3741 (R² = 0.8717)\n"
                             "W − W* = −0.106, b − b* = 0.24";

  for (int width = 60; width <= 500; width += 11)
    {
      g_autoptr(GtkLabel) label = wrapped_label (text, width);
      g_auto(GStrv) lines = label_lines (label);
      g_autofree char *joined = g_strjoinv ("|", lines);

      g_assert_nonnull (strstr (joined, "(R² = 0.8717)"));
      g_assert_nonnull (strstr (joined, "W − W* = −0.106,"));
      g_assert_nonnull (strstr (joined, "b − b* = 0.24"));
      g_assert_nonnull (strstr (joined, "ŷ = 2.122x − 0.3741"));
      if (width < 200)
        g_assert_cmpuint (g_strv_length (lines), >, 2);
    }
}

/* In a right-to-left layout the epoch readout still reads "1 / 1000". */
static void
test_rtl_readout (void)
{
  SlopeWindow *window;
  PangoLayout *layout;
  const char *text;
  PangoRectangle one, slash;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  window = new_window ();
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  slope_runner_sync (window->runner);
  slope_window_refresh (window);
  wait_for_layout (window);

  text = gtk_inscription_get_text (window->readout_values[READOUT_EPOCH]);
  g_assert_cmpstr (text, ==, "1 / 1000");
  /* The readout lays its text out left to right, inside a window that
   * runs right to left: a layout made by the readout shows it. */
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window->readout_values[READOUT_EPOCH])),
                   ==, GTK_TEXT_DIR_LTR);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (window->readout_values[READOUT_EPOCH]), text);
  pango_layout_index_to_pos (layout, 0, &one);
  pango_layout_index_to_pos (layout, (int) (strchr (text, '/') - text), &slash);
  g_assert_cmpint (one.x, <, slash.x);
  g_object_unref (layout);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

/* The desktop's text scaling reaches the plots' labels. */
static void
test_text_scaling (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  SlopeWindow *window = new_window ();
  int dpi = 0;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 144 * 1024, NULL);
  wait_for_layout (window);
  draw (GTK_WIDGET (window->data_view));
  draw (GTK_WIDGET (window->cost_view));
  draw (GTK_WIDGET (window->landscape_view));
  g_assert_cmpfloat (slope_data_view_get_plot (window->data_view)->font_scale, ==, 1.5);
  g_assert_cmpfloat (slope_cost_view_get_plot (window->cost_view)->font_scale, ==, 1.5);
  g_assert_cmpfloat (slope_landscape_widget_get_plot (window->landscape_view)->font_scale, ==, 1.5);

  /* Presentation mode multiplies it. */
  slope_window_set_presentation (window, TRUE);
  draw (GTK_WIDGET (window->data_view));
  g_assert_cmpfloat_with_epsilon (slope_data_view_get_plot (window->data_view)->font_scale, 2.4, 1e-12);
  slope_window_set_presentation (window, FALSE);

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  draw (GTK_WIDGET (window->data_view));
  g_assert_cmpfloat (slope_data_view_get_plot (window->data_view)->font_scale, ==, 1.0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------ */
/* What a screen reader is told                                        */

static void
test_slider_value_text (void)
{
  SlopeWindow *window = new_window ();

  /* The slider's value is log10 of the rate; its value text the rate. */
  gtk_editable_set_text (GTK_EDITABLE (window->lr_entry), "0.05");
  g_signal_emit_by_name (window->lr_entry, "activate");
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (window->lr_adjustment), log10 (0.05), 1e-12);
  gtk_test_accessible_assert_property (window->lr_scale, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, "0.05");
  gtk_adjustment_set_value (window->lr_adjustment, -3.0);
  gtk_test_accessible_assert_property (window->lr_scale, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, "0.001");

  /* The speed slider's left end: one epoch per second. */
  gtk_adjustment_set_value (window->speed_adjustment, 0.0);
  gtk_test_accessible_assert_property (window->speed_scale, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                       "1 epochs per second");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* After 1000 epochs from W = b = 0 the plots describe what the lesson's
 * log prints at that point (its second execution, after a first of 200):
 * "Epoch  800/1000 W: 1.971, b: 0.066 Cost: 0.000636". */
static void
test_plot_descriptions (void)
{
  SlopeWindow *window = new_window ();
  const char *before;

  slope_window_refresh (window);
  gtk_test_accessible_assert_property (window->cost_view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "No epoch has run yet.");

  gtk_adjustment_set_value (window->lr_adjustment, -2.0);
  gtk_spin_button_set_value (window->epochs_spin, 1000);
  slope_runner_set_speed (window->runner, 0.0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-play", NULL);
  slope_runner_wait_paused (window->runner);
  slope_window_refresh (window);
  g_assert_cmpuint (window->shown.epoch, ==, 1000);

  gtk_test_accessible_assert_property (window->cost_view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Cost 0.000636 at epoch 1000 of 1000, falling");
  g_assert_true (g_str_has_prefix (window->described[0], "The line ŷ = 1.97"));
  g_assert_true (g_str_has_suffix (window->described[0], " and 3 points"));
  gtk_test_accessible_assert_property (window->data_view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       window->described[0]);
  /* b is 0.066 to the log's three decimals; W* = 2, b* = 0 by hand. */
  g_assert_true (g_str_has_prefix (window->described[2], "Now at W 1.97, b 0.066"));
  g_assert_true (g_str_has_suffix (window->described[2], "; the least-squares minimum is at W 2, b 0"));
  gtk_test_accessible_assert_property (window->landscape_view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       window->described[2]);

  /* Nothing changed: the description is not replaced. */
  before = window->described[1];
  slope_window_redraw (window);
  g_assert_true (window->described[1] == before);

  /* A second run of 200 counts its own epochs; PyTorch's cost after
   * 1200 epochs of the lesson is 0.000242815… */
  gtk_spin_button_set_value (window->epochs_spin, 200);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-play", NULL);
  slope_runner_wait_paused (window->runner);
  slope_window_refresh (window);
  g_assert_cmpuint (window->shown.epoch, ==, 1200);
  gtk_test_accessible_assert_property (window->cost_view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Cost 0.000243 at epoch 200 of 200, falling");
  g_settings_reset (window->settings, "epochs-per-run");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------ */
/* Layout at a projector's sizes                                       */

typedef struct
{
  int      width;
  int      height;
  gboolean presentation;
  gboolean explain;
} Case;

/* The side panel's and the explain pane's scrolled windows, whose content
 * check_minimums() checks. */
static GtkWidget *side_scroller, *explain_scroller;

/* Every shown widget got at least its minimum, width first, then the
 * height it needs at that width. */
static void
check_minimums (GtkWidget *widget,
                GString   *problems)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget)
      || !gtk_widget_get_mapped (widget))
    return;

  /* A viewport is as large as what shows of its content, not the content. */
  if ((!GTK_IS_NATIVE (widget) || GTK_IS_WINDOW (widget)) && !GTK_IS_VIEWPORT (widget))
    {
      GtkAllocation a;
      int w, h, min_w = 0, min_h = 0;

      /* The allocation and measure() both count CSS margins (the
       * allocation not the widget's own margin properties). */
      gtk_widget_get_allocation (widget, &a);
      w = a.width;
      h = a.height;
      int mx = gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget);
      int my = gtk_widget_get_margin_top (widget) + gtk_widget_get_margin_bottom (widget);

      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
      gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, MAX (w + mx, min_w), &min_h, NULL, NULL, NULL);
      min_w -= mx;
      min_h -= my;
      if (w < min_w || h < min_h)
        g_string_append_printf (problems, "%s%s%s%s%s: %d×%d < %d×%d\n",
                                G_OBJECT_TYPE_NAME (widget),
                                gtk_widget_get_name (widget) ? " " : "",
                                gtk_widget_get_css_name (widget),
                                GTK_IS_LABEL (widget) ? " " : "",
                                GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : "",
                                w, h, min_w, min_h);
    }

  /* Into the side panel's and the explain pane's scrolled windows too:
   * their content must be given at least its minimum, however much of it
   * shows (what shows is checked on its own). */
  if (GTK_IS_SCROLLED_WINDOW (widget) && widget != side_scroller && widget != explain_scroller)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_minimums (child, problems);
}

/* @widget lies within @area, both as the window lays them out. */
static void
assert_within (GtkWidget  *widget,
               GtkWidget  *area,
               GtkWidget  *window)
{
  graphene_rect_t w, a;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &w));
  g_assert_true (gtk_widget_compute_bounds (area, window, &a));
  if (w.origin.y < a.origin.y - 0.5 || w.origin.y + w.size.height > a.origin.y + a.size.height + 0.5
      || w.origin.x < a.origin.x - 0.5 || w.origin.x + w.size.width > a.origin.x + a.size.width + 0.5)
    g_error ("%s at %g,%g %g×%g is not within %s at %g,%g %g×%g", G_OBJECT_TYPE_NAME (widget),
             w.origin.x, w.origin.y, w.size.width, w.size.height, G_OBJECT_TYPE_NAME (area),
             a.origin.x, a.origin.y, a.size.width, a.size.height);
}

/* The side panel fits the window's height: every control is shown (the
 * panel scrolls for those below the fold, tests/test-panel.c), and what
 * a lecture points at, the readouts, the learning rate and
 * optimizer.zero_grad(), lies within the panel and the window unscrolled. */
static void
assert_panel_fits (SlopeWindow *window,
                   const Case  *c)
{
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (window->side_scroller);
  GtkWidget *top[] = {
    GTK_WIDGET (window->readouts), GTK_WIDGET (window->lr_scale), GTK_WIDGET (window->lr_entry),
    GTK_WIDGET (window->zero_grad_switch),
  };
  GtkWidget *controls[] = {
    GTK_WIDGET (window->suggest_button), GTK_WIDGET (window->epochs_spin),
    GTK_WIDGET (window->speed_scale), GTK_WIDGET (window->initial_w_spin),
    GTK_WIDGET (window->initial_b_spin), GTK_WIDGET (window->scale_drop_down),
    GTK_WIDGET (window->residuals_check), GTK_WIDGET (window->optim_drop_down),
    window->optim_params_box, GTK_WIDGET (window->batch_spin),
  };

  g_test_message ("side panel %d px wide, content %g of %g px high",
                  gtk_widget_get_width (GTK_WIDGET (window->side_scroller)),
                  gtk_adjustment_get_upper (v), gtk_adjustment_get_page_size (v));
  g_assert_cmpfloat (gtk_adjustment_get_value (v), ==, 0.0);
  for (guint i = 0; i < G_N_ELEMENTS (top); i++)
    {
      g_assert_true (gtk_widget_is_visible (top[i]));
      assert_within (top[i], GTK_WIDGET (window->side_scroller), GTK_WIDGET (window));
      assert_within (top[i], GTK_WIDGET (window), GTK_WIDGET (window));
    }
  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    g_assert_true (gtk_widget_is_visible (controls[i]));
  /* Presentation mode uses the height it has: what it leaves out or the
   * larger type it takes on a large screen leaves little of it empty. */
  if (c->presentation)
    {
      int need = 0, height = gtk_widget_get_height (GTK_WIDGET (window->side_scroller));

      gtk_widget_measure (window->side_panel, GTK_ORIENTATION_VERTICAL,
                          gtk_widget_get_width (window->side_panel), &need, NULL, NULL, NULL);
      g_test_message ("presentation: the panel needs %d of %d px", need, height);
      g_assert_cmpint (need, >=, 0.85 * height);
    }
  /* What a lecture needs is never left out. */
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (window->readouts)));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (window->lr_scale)));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (window->zero_grad_switch)));
}

static void
test_layout (gconstpointer data)
{
  const Case *c = data;
  SlopeWindow *window;
  g_autoptr(GString) problems = g_string_new (NULL);
  GtkWidget *explain_content;
  int pane_width, content_width;
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;

  /* GTK keeps a window within the screen: ./run test gives Xvfb a
   * 1920×1080 screen. */
  gdk_monitor_get_geometry (monitor, &geometry);
  if (geometry.width < c->width || geometry.height < c->height)
    {
      g_test_skip ("the screen is smaller than this size");
      return;
    }
  window = slope_window_new (NULL, NULL);

  /* As a teacher would: the window first, then F9 and F11, then two
   * steps so the math has numbers. */
  gtk_window_set_default_size (GTK_WINDOW (window), c->width, c->height);
  slope_window_set_show_explain (window, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_size (window);
  slope_window_set_show_explain (window, c->explain);
  if (c->presentation)
    slope_window_set_presentation (window, TRUE);
  for (guint i = 0; i < 2; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  slope_runner_sync (window->runner);
  slope_window_refresh (window);
  wait_for_size (window);

  /* The window is no larger than asked for (its minimum fits the screen);
   * the default size counts the client-side frame, which the allocation
   * does not. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, c->width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, c->width - 20);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, c->height);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), >=, c->height - 20);

  side_scroller = GTK_WIDGET (window->side_scroller);
  explain_scroller = GTK_WIDGET (window->explain_scroller);
  check_minimums (GTK_WIDGET (window), problems);
  if (problems->len > 0)
    g_test_message ("%s", problems->str);
  g_assert_cmpstr (problems->str, ==, "");

  /* The side panel fits; in presentation mode it steps aside only for
   * the explain pane in a narrow window. */
  if (c->presentation && c->explain && c->width < 1400)
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->side_scroller)));
  else
    assert_panel_fits (window, c);

  /* Presentation mode scales the header bar's icons too. */
  {
    int icon = 0;

    gtk_widget_measure (gtk_button_get_child (window->play_button), GTK_ORIENTATION_HORIZONTAL, -1,
                        &icon, NULL, NULL, NULL);
    g_assert_cmpint (icon, ==, c->presentation ? 22 : 16);
  }

  /* The plots keep a usable size. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->data_view)), >=, 240);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window->data_view)), >=, 200);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->cost_view)), >=, 160);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window->cost_view)), >=, 140);
  /* With the explain pane in a narrow window the landscape steps aside
   * and the cost plot has the width a teacher can point at; otherwise
   * both are there at a usable size. */
  if (c->explain && c->width < (c->presentation ? 1400 : 1100))
    {
      g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (window->landscape_view)));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->cost_view)), >=, 300);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->data_view)), >=, 300);
    }
  else
    {
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->landscape_view)));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->landscape_view)), >=, 180);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window->landscape_view)), >=, 150);
    }

  if (!c->explain)
    {
      g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (window->explain_scroller)));
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  /* The explain pane's content is within the pane: no horizontal
   * scrolling, the code and the math whole, and still readable. */
  pane_width = gtk_widget_get_width (GTK_WIDGET (window->explain_scroller));
  explain_content = gtk_scrolled_window_get_child (window->explain_scroller);
  content_width = gtk_widget_get_width (explain_content);
  g_assert_cmpint (content_width, <=, pane_width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->math_view)), <=, pane_width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->code_view)), <=, pane_width);
  /* Never smaller than 0.45 of the normal size of type. */
  g_assert_cmpfloat (slope_math_view_get_fit_scale (window->math_view)
                     * slope_math_view_get_font_scale (window->math_view), >=, 0.45 - 1e-9);
  /* Too narrow for the stacked rows, the value goes under the numbers
   * (one column beside the names): at 1024×768 the math was drawn at
   * 0.49 of its size (0.44 in presentation), now at 0.55 at least. */
  if (c->width <= 1024)
    g_assert_cmpfloat (slope_math_view_get_fit_scale (window->math_view), >=, 0.55);
  g_test_message ("%d×%d%s: explain pane %d px, math %s at %.2f",
                  c->width, c->height, c->presentation ? " presentation" : "",
                  pane_width, slope_math_view_get_stacked (window->math_view) ? "stacked" : "wide",
                  slope_math_view_get_fit_scale (window->math_view));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The side panel keeps its width while the numbers grow (a start far
 * off at a diverging rate: W, b, the cost and the gradients go to e+16),
 * and on real data scaled, whose hint writes the scaling's numbers. */
static void
test_panel_width_stable (void)
{
  SlopeWindow *window = slope_window_new (NULL, NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", "houses.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SlopeDataset) houses = slope_csv_load (file, NULL, NULL, NULL, NULL, NULL, NULL);
  int width, panel;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_size (window);
  width = gtk_widget_get_width (GTK_WIDGET (window->side_scroller));
  panel = gtk_widget_get_width (window->side_panel);
  g_assert_cmpint (width, >, 0);

  slope_window_set_initial (window, -1e6, 1e6);
  slope_window_set_lr (window, 0.4);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reset", NULL);
  for (guint i = 0; i < 30; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
      slope_runner_sync (window->runner);
      slope_window_refresh (window);
      if (i % 10 == 9)
        {
          wait_for_size (window);
          g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->side_scroller)), ==, width);
          g_assert_cmpint (gtk_widget_get_width (window->side_panel), ==, panel);
        }
    }
  /* The numbers did grow, to a long scientific notation. */
  g_assert_nonnull (strstr (gtk_inscription_get_text (window->readout_values[READOUT_COST]), "e+"));
  g_assert_cmpuint (window->snapshot.state.epoch, ==, 30);

  g_assert_nonnull (houses);
  slope_window_set_dataset (window, houses);
  gtk_drop_down_set_selected (window->scale_drop_down, SLOPE_SCALE_STANDARDIZE);
  slope_runner_sync (window->runner);
  slope_window_refresh (window);
  wait_for_size (window);
  g_assert_nonnull (strstr (gtk_label_get_text (window->scale_hint), "round bowl"));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->side_scroller)), ==, width);
  g_assert_cmpint (gtk_widget_get_width (window->side_panel), ==, panel);

  g_settings_reset (window->settings, "learning-rate");
  g_settings_reset (window->settings, "initial-w");
  g_settings_reset (window->settings, "initial-b");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  slope_test_init (&argc, &argv);
  /* As G_DEBUG=fatal-warnings would: a warning is a failure here. */
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  slope_test_gtk_init_or_skip ();
  /* What AdwApplication does for the program: the window's style sheet. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/slopelab/Slope/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add_func ("/appearance/dark-style", test_dark_style);
  g_test_add_func ("/appearance/high-contrast", test_high_contrast);
  g_test_add_func ("/appearance/toast", test_toast);
  g_test_add_func ("/appearance/close-with-entry-focused", test_close_with_entry_focused);
  g_test_add_func ("/appearance/long-notice", test_long_notice);
  g_test_add_func ("/appearance/text/korean-words", test_korean_words);
  g_test_add_func ("/appearance/text/formula-whole", test_formula_whole);
  g_test_add_func ("/appearance/text/rtl-readout", test_rtl_readout);
  g_test_add_func ("/appearance/text/text-scaling", test_text_scaling);
  g_test_add_func ("/appearance/a11y/slider-value-text", test_slider_value_text);
  g_test_add_func ("/appearance/a11y/plot-descriptions", test_plot_descriptions);
  g_test_add_func ("/appearance/layout/panel-width-stable", test_panel_width_stable);

  {
    static const int sizes[][2] = { { 1024, 768 }, { 1280, 800 }, { 1920, 1080 } };
    static Case cases[G_N_ELEMENTS (sizes) * 4];
    guint n = 0;

    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      for (guint mode = 0; mode < 4; mode++, n++)
        {
          g_autofree char *path = NULL;

          cases[n] = (Case) { sizes[i][0], sizes[i][1], mode & 1, (mode & 2) != 0 };
          path = g_strdup_printf ("/appearance/layout/%dx%d/%s/%s", sizes[i][0], sizes[i][1],
                                  mode & 1 ? "presentation" : "normal",
                                  mode & 2 ? "explain" : "plain");
          g_test_add_data_func (path, &cases[n], test_layout);
        }
  }

  return g_test_run ();
}
