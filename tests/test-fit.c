/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-fit.c: a projector's screen, 1024×768 and 1280×800, shows every
 * control and every pane whole.  Each control of the side panel, in
 * normal and presentation mode, is shown, given at least its minimum
 * size, and brought into view by scrolling the panel (vertically: the
 * panel never scrolls sideways), each optimizer's keyword arguments and
 * the mini-batch controls included; the speed's words take one line; the
 * explain pane in presentation mode, with the longest code there is (Adam
 * with its arguments, mini-batches), has its content within its width;
 * the Compare tab shows all six runs' rows without scrolling.  Runs under
 * Xvfb (suite ui).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "slope-test-ui.h"
#include "slope-test-window.h"

typedef struct
{
  int      width;
  int      height;
  gboolean presentation;
} Case;

static void
count_paint (GdkFrameClock *clock,
             guint         *paints)
{
  (*paints)++;
}

/* Until the window has been laid out and painted three times more. */
static void
wait_for_size (SlopeWindow *window)
{
  GdkFrameClock *clock;
  guint paints = 0;
  gulong id;

  for (guint i = 0; i < 100000 && gtk_widget_get_width (GTK_WIDGET (window->cost_view)) <= 0; i++)
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint), &paints);
  for (guint i = 0; i < 1000 && paints < 3; i++)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  g_assert_cmpuint (paints, >=, 3);
}

static void
assert_min_size (GtkWidget *widget)
{
  GtkAllocation a;
  int min_w = 0, min_h = 0;

  /* The allocation and measure() both count CSS margins, borders and
   * padding; measure() counts the margin properties too. */
  gtk_widget_get_allocation (widget, &a);
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL,
                      MAX (a.width + gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget),
                           min_w),
                      &min_h, NULL, NULL, NULL);
  min_w -= gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget);
  min_h -= gtk_widget_get_margin_top (widget) + gtk_widget_get_margin_bottom (widget);
  if (a.width < min_w || a.height < min_h)
    g_error ("%s: %d×%d < %d×%d", G_OBJECT_TYPE_NAME (widget), a.width, a.height, min_w, min_h);
}

/* @control is shown, at its minimum size at least, and scrolling the
 * panel to it puts it wholly within the panel's view and the window. */
static void
assert_reachable (SlopeWindow *window,
                  GtkWidget   *control,
                  const char  *what)
{
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (window->side_scroller);
  GtkWidget *scroller = GTK_WIDGET (window->side_scroller);
  graphene_rect_t in_panel, c, s;

  if (!gtk_widget_is_visible (control) || !gtk_widget_get_mapped (control))
    g_error ("%s (%s) is not shown", what, G_OBJECT_TYPE_NAME (control));
  assert_min_size (control);

  g_assert_true (gtk_widget_compute_bounds (control, window->side_panel, &in_panel));
  gtk_adjustment_set_value (v, MIN (in_panel.origin.y,
                                    gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v)));
  wait_for_size (window);

  g_assert_true (gtk_widget_compute_bounds (control, GTK_WIDGET (window), &c));
  g_assert_true (gtk_widget_compute_bounds (scroller, GTK_WIDGET (window), &s));
  if (c.origin.y < s.origin.y - 0.5 || c.origin.y + c.size.height > s.origin.y + s.size.height + 0.5
      || c.origin.x < s.origin.x - 0.5 || c.origin.x + c.size.width > s.origin.x + s.size.width + 0.5)
    g_error ("%s scrolled to %g: at %g,%g %g×%g, not within the panel's view at %g,%g %g×%g", what,
             gtk_adjustment_get_value (v), c.origin.x, c.origin.y, c.size.width, c.size.height,
             s.origin.x, s.origin.y, s.size.width, s.size.height);
  g_assert_cmpfloat (c.origin.y + c.size.height, <=, gtk_widget_get_height (GTK_WIDGET (window)) + 0.5);
}

/* The text in @entry shows whole: no wider than the entry's text area. */
static void
assert_text_whole (GtkWidget *entry)
{
  GtkWidget *text = gtk_widget_get_first_child (entry);
  const char *value = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(PangoLayout) layout = NULL;
  int width = 0;

  while (text != NULL && !GTK_IS_TEXT (text))
    text = gtk_widget_get_next_sibling (text);
  g_assert_nonnull (text);
  layout = gtk_widget_create_pango_layout (text, value);
  pango_layout_get_pixel_size (layout, &width, NULL);
  if (width > gtk_widget_get_width (text))
    g_error ("“%s” is %d px wide in an entry showing %d px", value, width, gtk_widget_get_width (text));
}

static void
test_reachable (gconstpointer data)
{
  const Case *c = data;
  SlopeWindow *window = slope_window_new (NULL, NULL);
  GtkAdjustment *h;
  int panel_width;
  struct { GtkWidget *widget; const char *what; } controls[] = {
    { GTK_WIDGET (window->lr_scale), "the learning rate" },
    { GTK_WIDGET (window->lr_entry), "the rate's entry" },
    { GTK_WIDGET (window->zero_grad_switch), "optimizer.zero_grad()" },
    { GTK_WIDGET (window->optim_drop_down), "the optimizer" },
    { GTK_WIDGET (window->batch_spin), "the batch size" },
    { GTK_WIDGET (window->shuffle_check), "Shuffle" },
    { GTK_WIDGET (window->seed_spin), "the seed" },
    { GTK_WIDGET (window->epochs_spin), "the epochs" },
    { GTK_WIDGET (window->speed_scale), "the speed" },
    { GTK_WIDGET (window->initial_w_spin), "start W" },
    { GTK_WIDGET (window->initial_b_spin), "start b" },
    { GTK_WIDGET (window->scale_drop_down), "the scaling" },
    { GTK_WIDGET (window->residuals_check), "the residuals" },
  };

  gtk_window_set_default_size (GTK_WINDOW (window), c->width, c->height);
  slope_window_set_show_explain (window, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_size (window);
  if (c->presentation)
    slope_window_set_presentation (window, TRUE);
  wait_for_size (window);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, c->height);
  panel_width = gtk_widget_get_width (GTK_WIDGET (window->side_scroller));

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    assert_reachable (window, controls[i].widget, controls[i].what);

  /* Each optimizer's keyword arguments, with that optimizer chosen. */
  for (guint k = 0; k < SLOPE_N_OPTIMIZERS; k++)
    {
      guint n = 0;

      gtk_drop_down_set_selected (window->optim_drop_down, k);
      wait_for_size (window);
      for (guint i = 0; i < SLOPE_WINDOW_N_OPTIM_PARAMS; i++)
        if (gtk_widget_is_ancestor (window->optim_params[i], window->optim_grids[k]))
          {
            g_autofree char *what = g_strdup_printf ("optimizer %u's argument %u", k, i);

            /* A value as long as those typed there: betas[1] = 0.9995. */
            if (GTK_IS_ENTRY (window->optim_params[i]))
              gtk_editable_set_text (GTK_EDITABLE (window->optim_params[i]), "0.00125");
            assert_reachable (window, window->optim_params[i], what);
            if (GTK_IS_ENTRY (window->optim_params[i]))
              assert_text_whole (window->optim_params[i]);
            n++;
          }
      g_assert_cmpuint (n, >=, 4);
    }

  /* The panel scrolls up and down only, and keeps its width. */
  h = gtk_scrolled_window_get_hadjustment (window->side_scroller);
  g_assert_cmpfloat (gtk_adjustment_get_upper (h), <=, gtk_adjustment_get_page_size (h) + 0.5);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->side_scroller)), ==, panel_width);

  slope_test_close_window (window);
}

/* The speed's words ("As fast as it goes", "100 epochs per second") on
 * one line under "Speed", in the narrowest panel and in presentation. */
static void
test_speed_one_line (void)
{
  SlopeWindow *window = slope_window_new (NULL, NULL);
  static const double positions[] = { 0.0, 0.5, 2.0, 3.0, 3.4, 4.9, 5.0 };

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_present (GTK_WINDOW (window));
  for (guint p = 0; p < 2; p++)
    {
      slope_window_set_presentation (window, p == 1);
      for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
        {
          PangoLayout *layout;

          gtk_range_set_value (GTK_RANGE (window->speed_scale), positions[i]);
          wait_for_size (window);
          layout = gtk_label_get_layout (window->speed_label);
          if (pango_layout_get_line_count (layout) != 1)
            g_error ("“%s” takes %d lines%s", gtk_label_get_text (window->speed_label),
                     pango_layout_get_line_count (layout), p ? " in presentation mode" : "");
        }
    }
  slope_test_close_window (window);
}

/* The explain pane at 1024×768 in presentation mode, after two steps of
 * Adam with every argument given and shuffled batches of one: the code
 * (its longest optimizer line) and the math scale to the pane's width,
 * each at its minimum size at least, and nothing scrolls sideways. */
static void
test_explain_within (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.slopelab.Slope");
  GVariantBuilder params;
  SlopeWindow *window;
  GtkWidget *content, *box;
  GtkAdjustment *h;
  g_autofree char *code = NULL;
  int pane;

  g_variant_builder_init (&params, G_VARIANT_TYPE ("a{sd}"));
  g_variant_builder_add (&params, "{sd}", "beta1", 0.85);
  g_variant_builder_add (&params, "{sd}", "beta2", 0.9995);
  g_variant_builder_add (&params, "{sd}", "eps", 1e-10);
  g_variant_builder_add (&params, "{sd}", "weight_decay", 0.0125);
  g_variant_builder_add (&params, "{sd}", "amsgrad", 1.0);
  g_settings_set_string (settings, "optimizer", "Adam");
  g_settings_set_value (settings, "optimizer-parameters", g_variant_builder_end (&params));
  g_settings_set_uint (settings, "batch-size", 1);
  g_settings_set_boolean (settings, "shuffle", TRUE);

  window = slope_window_new (NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  slope_window_set_show_explain (window, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_size (window);
  slope_window_set_show_explain (window, TRUE);
  slope_window_set_presentation (window, TRUE);
  for (guint i = 0; i < 2; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.step", NULL);
  slope_test_settle (window);
  wait_for_size (window);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1024);
  code = slope_code_view_get_text (window->code_view);
  g_assert_nonnull (strstr (code, "optim.Adam("));
  g_assert_nonnull (strstr (code, "amsgrad=True"));

  pane = gtk_widget_get_width (GTK_WIDGET (window->explain_scroller));
  content = gtk_scrolled_window_get_child (window->explain_scroller);
  box = GTK_IS_VIEWPORT (content) ? gtk_viewport_get_child (GTK_VIEWPORT (content)) : content;
  g_test_message ("explain pane %d px, its content %d px", pane, gtk_widget_get_width (box));
  g_assert_cmpint (gtk_widget_get_width (box), <=, pane);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->code_view)), <=, pane);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->math_view)), <=, pane);
  assert_min_size (box);
  assert_min_size (GTK_WIDGET (window->code_view));
  assert_min_size (GTK_WIDGET (window->math_view));
  h = gtk_scrolled_window_get_hadjustment (window->explain_scroller);
  g_assert_cmpfloat (gtk_adjustment_get_upper (h), <=, gtk_adjustment_get_page_size (h) + 0.5);
  slope_test_close_window (window);
}

/* The Compare tab at 1024×768 shows every run's row without scrolling:
 * the main run and five compared ones, each row's cells (its name, its
 * numbers, its buttons) inside the tab's view. */
static void
test_compare_rows_visible (void)
{
  static const char *const what[] = { "lr-times-10", "zero-grad-off", "adam", "copy", "copy" };
  SlopeWindow *window = slope_window_new (NULL, NULL);
  GtkWidget *page;
  int page_height;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  slope_window_set_show_explain (window, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_size (window);
  for (guint i = 0; i < G_N_ELEMENTS (what); i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", "s", what[i]);
  g_assert_cmpuint (window->n_compared, ==, 5);
  gtk_stack_set_visible_child_name (window->bottom_stack, "compare");
  wait_for_size (window);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 768);

  page = gtk_stack_get_child_by_name (window->bottom_stack, "compare");
  page_height = gtk_widget_get_height (page);
  g_assert_cmpint (page_height, >, 0);
  for (guint r = 0; r <= window->n_compared; r++)
    {
      GtkWidget **cells = r == 0 ? window->compare_main_cells : window->compared[r - 1].cells;

      for (guint c = 0; c < G_N_ELEMENTS (window->compare_main_cells); c++)
        {
          graphene_rect_t bounds;

          if (cells[c] == NULL)
            continue;
          g_assert_true (gtk_widget_compute_bounds (cells[c], page, &bounds));
          if (bounds.origin.y < 0.0 || bounds.origin.y + bounds.size.height > page_height + 0.5)
            g_error ("row %u cell %u at y %.1f to %.1f, outside the Compare tab's %d px",
                     r, c, bounds.origin.y, bounds.origin.y + bounds.size.height, page_height);
        }
    }
  slope_test_close_window (window);
}

static void
first_paint (GdkFrameClock *clock,
             SlopeWindow   *window)
{
  int *seen = g_object_get_data (G_OBJECT (window), "first-paint");

  if (seen[0] >= 0)
    return;
  seen[0] = gtk_paned_get_position (window->plots_paned);
  seen[1] = gtk_widget_get_height (GTK_WIDGET (window->plots_paned));
}

/* The first frame a window paints is laid out already: the data plot has
 * its 60% of the plots' height, not what the pane gives before the
 * window's tick has seen its size. */
static void
test_first_frame_laid_out (void)
{
  SlopeWindow *window = slope_window_new (NULL, NULL);
  int seen[2] = { -1, -1 };
  GdkFrameClock *clock;
  gulong id;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  g_object_set_data (G_OBJECT (window), "first-paint", seen);
  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (first_paint), window);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 100000 && seen[0] < 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  g_test_message ("first frame: split at %d of %d px", seen[0], seen[1]);
  g_assert_cmpint (seen[1], >, 0);
  g_assert_cmpint (abs (seen[0] - (int) lround (0.6 * seen[1])), <=, 1);
  slope_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  static const Case cases[] = {
    { 1024, 768, FALSE }, { 1024, 768, TRUE }, { 1280, 800, FALSE }, { 1280, 800, TRUE },
  };

  slope_test_init (&argc, &argv);
  slope_test_gtk_init_or_skip ();
  /* What AdwApplication does for the program: the window's style sheet. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/slopelab/Slope/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/fit/panel/%dx%d/%s", cases[i].width,
                                               cases[i].height,
                                               cases[i].presentation ? "presentation" : "normal");

      g_test_add_data_func (path, &cases[i], test_reachable);
    }
  g_test_add_func ("/fit/speed-one-line", test_speed_one_line);
  g_test_add_func ("/fit/explain-within", test_explain_within);
  g_test_add_func ("/fit/compare-rows-visible", test_compare_rows_visible);
  g_test_add_func ("/fit/first-frame-laid-out", test_first_frame_laid_out);

  return g_test_run ();
}
