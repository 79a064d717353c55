/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-i18n.c: Slope in Korean.  The window is built under LANGUAGE=ko with
 * the catalogue compiled into the build tree (SLOPE_LOCALEDIR), and its
 * labels, tooltips and menu read in Korean, using the lesson's own terms;
 * slope-train --help does too.  Runs under Xvfb (suite ui); skipped when
 * the ko_KR.UTF-8 locale is not installed (./run test generates it).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <gtk/gtk.h>
#include <inttypes.h>
#include <locale.h>
#include <string.h>

#include "slope-test-ui.h"
#include "slope-window-private.h"

/* Whether @text holds a Hangul syllable. */
static gboolean
has_hangul (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xAC00 && c <= 0xD7A3)
        return TRUE;
    }
  return FALSE;
}

/* Whether @text is English prose: a word of four or more ASCII letters
 * outside code and maths.  "optimizer.zero_grad()", "W.grad = None",
 * "∂cost/∂W", numbers and the name "Slope" are not prose. */
static gboolean
is_english (const char *text)
{
  g_auto(GStrv) words = NULL;

  if (text == NULL || has_hangul (text))
    return FALSE;
  words = g_strsplit_set (text, " \n\t,;:", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];
      guint letters = 0;

      if (strpbrk (w, "._()=/[]") != NULL || strstr (w, "∂") != NULL
          || g_str_equal (w, "Slope") || g_str_equal (w, "None"))
        continue;
      for (const char *p = w; *p != '\0'; p++)
        letters += g_ascii_isalpha (*p) ? 1 : 0;
      if (letters >= 4)
        return TRUE;
    }
  return FALSE;
}

static SlopeWindow *
new_window (void)
{
  SlopeWindow *window = slope_window_new (NULL, NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* The first label under @widget whose text starts with @text (a mnemonic
 * shows as "학습률(L)"). */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), text))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Every visible label and tooltip under @widget that is English prose. */
static void
collect_english (GtkWidget *widget,
                 GPtrArray *english)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (!gtk_widget_get_visible (widget))
    return;
  /* Code is set in monospace: torch.optim's keywords (momentum,
   * nesterov) are Python, not prose. */
  if (gtk_widget_has_css_class (widget, "monospace"))
    return;
  if (GTK_IS_LABEL (widget) && is_english (gtk_label_get_text (GTK_LABEL (widget))))
    g_ptr_array_add (english, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  if (is_english (tooltip))
    g_ptr_array_add (english, g_strdup (tooltip));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_english (child, english);
}

/* The notebook's terms label the controls: 학습률, 에포크, 비용. */
static void
test_window_terms (void)
{
  SlopeWindow *window = new_window ();
  GtkLabel *heading = find_label (GTK_WIDGET (window), "학습률");

  g_assert_nonnull (heading);
  g_assert_cmpstr (gtk_label_get_label (heading), ==, "학습률(_L)");
  g_assert_true (gtk_label_get_mnemonic_widget (heading) != NULL);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "에포크"));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "비용"));
  g_assert_true (has_hangul (gtk_label_get_text (window->zero_grad_hint)));
  g_assert_true (has_hangul (gtk_label_get_text (window->lr_hint)));
  g_assert_cmpstr (gtk_check_button_get_label (window->residuals_check), ==, "잔차 표시(_R)");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Header-bar tooltips, and the play button's after it toggles. */
static void
test_tooltips (void)
{
  SlopeWindow *window = new_window ();
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (window->play_button));

  g_assert_nonnull (tooltip);
  g_assert_true (g_str_has_prefix (tooltip, "재생"));

  /* One epoch per second: still playing when the tooltip is read. */
  gtk_adjustment_set_value (window->speed_adjustment, 0.0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-play", NULL);
  slope_runner_sync (window->runner);
  slope_window_refresh (window);
  g_assert_true (window->snapshot.playing);
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (window->play_button));
  g_assert_true (g_str_has_prefix (tooltip, "일시 정지"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-play", NULL);
  slope_runner_wait_paused (window->runner);

  g_settings_reset (window->settings, "speed");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The main menu: "_About Slope" is "Slope 정보(_A)", and every item is Korean. */
static void
test_menu (void)
{
  SlopeWindow *window = new_window ();
  GtkWidget *button = find_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  GMenuModel *menu;
  gboolean about = FALSE;
  guint items = 0;

  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      GMenuModel *section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      g_assert_nonnull (section);
      for (int i = 0; i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *label = NULL;

          g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL,
                                                          "s", &label));
          if (!has_hangul (label))
            g_test_message ("untranslated menu item “%s”", label);
          g_assert_true (has_hangul (label));
          about |= g_str_equal (label, "Slope 정보(_A)");
          items++;
        }
      g_object_unref (section);
    }
  g_assert_true (about);
  g_assert_cmpuint (items, >, 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* No label or tooltip in the window, the explanation panels shown, is left
 * in English: code, maths and numbers aside, it is all Korean. */
static void
test_no_english (void)
{
  SlopeWindow *window = new_window ();
  g_autoptr(GPtrArray) english = g_ptr_array_new_with_free_func (g_free);

  g_object_set (window, "show-explain", TRUE, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  slope_runner_sync (window->runner);
  slope_window_refresh (window);
  collect_english (GTK_WIDGET (window), english);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-lab", "s", "accumulation");
  g_assert_nonnull (window->labs_window);
  collect_english (GTK_WIDGET (window->labs_window), english);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-lab", "s", "autograd");
  collect_english (GTK_WIDGET (window->labs_window), english);
  for (guint i = 0; i < english->len; i++)
    g_test_message ("English: “%s”", (const char *) g_ptr_array_index (english, i));
  g_assert_cmpuint (english->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Messages with a 64-bit number: xgettext records PRIu64 as a
 * system-dependent string, and the catalogue still finds them. */
static void
test_uint64_format (void)
{
  g_autofree char *text = g_strdup_printf (_("%u / %u (%" PRIu64 " in all)"),
                                           3u, 10u, (uint64_t) 13);

  g_assert_cmpstr (text, ==, "3 / 10 (전체 13)");
}

/* slope-train --help describes its options in Korean. */
static void
test_slope_train_help (void)
{
  const char *slope_train = g_getenv ("SLOPE_TRAIN");
  const char *argv[] = { slope_train, "--help", NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (slope_train);
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "학습률"));
  g_assert_nonnull (strstr (out, "에포크"));
  g_assert_nonnull (strstr (out, "--no-zero-grad"));
  g_assert_null (strstr (out, "Learning rate"));
}

static void
count_paint (GdkFrameClock *clock,
             guint         *paints)
{
  (*paints)++;
}

/* The speed's words under "Speed" ("최대 속도", "100 에포크/초") take one
 * line in a 1024×768 window, normal and in presentation mode. */
static void
test_speed_one_line (void)
{
  static const double positions[] = { 0.0, 0.5, 2.0, 3.0, 3.4, 4.9, 5.0 };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  SlopeWindow *window = slope_window_new (NULL, NULL);

  /* As AdwApplication loads it for the program: presentation's type. */
  gtk_css_provider_load_from_resource (css, "/io/github/slopelab/Slope/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_present (GTK_WINDOW (window));
  for (guint p = 0; p < 2; p++)
    {
      slope_window_set_presentation (window, p == 1);
      for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
        {
          GdkFrameClock *clock;
          guint paints = 0;
          gulong id;
          int lines;

          gtk_range_set_value (GTK_RANGE (window->speed_scale), positions[i]);
          for (guint k = 0; k < 100000 && gtk_widget_get_width (GTK_WIDGET (window->speed_label)) <= 0; k++)
            g_main_context_iteration (NULL, TRUE);
          clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
          id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint), &paints);
          for (guint k = 0; k < 1000 && paints < 3; k++)
            g_main_context_iteration (NULL, TRUE);
          g_signal_handler_disconnect (clock, id);
          g_assert_true (has_hangul (gtk_label_get_text (window->speed_label)));
          lines = pango_layout_get_line_count (gtk_label_get_layout (window->speed_label));
          if (lines != 1)
            g_error ("“%s” takes %d lines%s", gtk_label_get_text (window->speed_label), lines,
                     p ? " in presentation mode" : "");
        }
    }
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
skip_test (gconstpointer reason)
{
  g_test_skip (reason);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("SLOPE_LOCALEDIR");

  /* Before anything reads the locale: GTK, GLib's caches and the child. */
  g_setenv ("LANGUAGE", "ko", TRUE);
  g_setenv ("LANG", "ko_KR.UTF-8", TRUE);
  g_setenv ("LC_ALL", "ko_KR.UTF-8", TRUE);
  slope_test_init (&argc, &argv);

  if (setlocale (LC_ALL, "ko_KR.UTF-8") == NULL)
    {
      g_test_add_data_func ("/i18n/korean-locale", "the ko_KR.UTF-8 locale is not installed",
                            skip_test);
      return g_test_run ();
    }
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  slope_test_gtk_init_or_skip ();

  g_test_add_func ("/i18n/window-terms", test_window_terms);
  g_test_add_func ("/i18n/tooltips", test_tooltips);
  g_test_add_func ("/i18n/menu", test_menu);
  g_test_add_func ("/i18n/no-english", test_no_english);
  g_test_add_func ("/i18n/uint64-format", test_uint64_format);
  g_test_add_func ("/i18n/slope-train-help", test_slope_train_help);
  g_test_add_func ("/i18n/speed-one-line", test_speed_one_line);

  return g_test_run ();
}
