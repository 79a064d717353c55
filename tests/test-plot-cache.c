/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plot-cache.c: the plots' cached layers never show a stale picture.
 *
 * The data view, the cost view and the landscape keep the layers that do
 * not move while training (points, axes, map) as images drawn once.  After
 * each change that alters those layers — the size, the style (dark, high
 * contrast), the data, the text scaling, the cost axis going linear, the
 * landscape going to scaled units, the cost axis's range — the widget, as
 * a frame would draw it, must equal the renderer drawing the same plot
 * afresh on an image, with the palette and font scale the change calls
 * for named here, not read from the widget; so must it after compared
 * runs come, train, hide and go.  Runs under Xvfb (suite ui).
 */
#include "config.h"

#include "slope-test-ui.h"
#include "slope-test-pixels.h"

#include "slope-cost-view.h"
#include "slope-data-view.h"
#include "slope-history.h"
#include "slope-landscape-view.h"

/* Antialiased edges drawn through a recording may round a unit apart. */
#define TOLERANCE 2

typedef enum { DATA, COST, LANDSCAPE, N_KINDS } Kind;

static const char *const kind_names[N_KINDS] = { "data", "cost", "landscape" };

typedef struct
{
  GtkWidget    *views[N_KINDS];
  SlopeHistory *history;
} Fixture;

static void
allocate (GtkWidget *widget,
          int        width,
          int        height)
{
  int min, nat;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  gtk_widget_size_allocate (widget, &(GtkAllocation) { 0, 0, width, height }, -1);
  g_assert_cmpint (gtk_widget_get_width (widget), ==, width);
  g_assert_cmpint (gtk_widget_get_height (widget), ==, height);
}

/* The widget as a frame shows it: its own snapshot, rendered. */
static cairo_surface_t *
render_widget (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_t *cr;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  gsk_render_node_unref (node);
  return surface;
}

/* The same plot drawn afresh, in the palette and at the font scale given. */
static cairo_surface_t *
render_fresh (Fixture                 *f,
              Kind                     kind,
              SlopePaletteStyle        style,
              double                   font_scale)
{
  GtkWidget *widget = f->views[kind];
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  if (kind == DATA)
    {
      SlopeDataPlot plot = *slope_data_view_get_plot (SLOPE_DATA_VIEW (widget));

      plot.palette = slope_palette_get_style (style);
      plot.font_scale = font_scale;
      slope_data_plot_draw (cr, width, height, &plot);
    }
  else if (kind == COST)
    {
      SlopeCostPlot plot = *slope_cost_view_get_plot (SLOPE_COST_VIEW (widget));

      plot.palette = slope_palette_get_style (style);
      plot.font_scale = font_scale;
      slope_cost_plot_draw (cr, width, height, &plot);
    }
  else
    {
      SlopeLandscapePlot plot = *slope_landscape_widget_get_plot (SLOPE_LANDSCAPE_WIDGET (widget));

      plot.palette = slope_palette_get_style (style);
      plot.font_scale = font_scale;
      slope_landscape_plot_draw (cr, width, height, &plot);
    }
  cairo_destroy (cr);
  return surface;
}

static void
assert_fresh (Fixture           *f,
              Kind               kind,
              SlopePaletteStyle  style,
              double             font_scale,
              const char        *what)
{
  cairo_surface_t *shown = render_widget (f->views[kind]);
  cairo_surface_t *fresh = render_fresh (f, kind, style, font_scale);
  guint different = slope_test_count_different (shown, fresh, TOLERANCE);

  if (different != 0)
    {
      g_autofree char *shown_name = g_strdup_printf ("plot-cache-%s-%s-shown.png", what, kind_names[kind]);
      g_autofree char *fresh_name = g_strdup_printf ("plot-cache-%s-%s-fresh.png", what, kind_names[kind]);

      slope_test_maybe_save (shown, shown_name);
      slope_test_maybe_save (fresh, fresh_name);
      g_test_message ("%s, %s view: %u pixels differ", what, kind_names[kind], different);
    }
  g_assert_cmpuint (different, ==, 0);
  cairo_surface_destroy (shown);
  cairo_surface_destroy (fresh);
}

/* The lesson's points, half-way through training, with a history whose
 * costs span a few decades. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const double x[] = { 1.0, 2.0, 3.0 }, y[] = { 2.0, 4.0, 6.0 };
  g_autoptr(SlopeDataset) dataset = slope_dataset_new (x, y, 3, NULL);
  SlopeEpochRecord records[40] = { 0 };
  double w = 0.0, b = 0.0;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  f->history = slope_history_new_default ();
  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      records[i].epoch = i + 1;
      records[i].run_epoch = i + 1;
      records[i].run_length = 100;
      records[i].w_before = w;
      records[i].b_before = b;
      w += 0.04;
      b += 0.01;
      records[i].w = w;
      records[i].b = b;
      records[i].cost = 20.0 * pow (0.8, i);
      records[i].lr = 0.01;
    }
  slope_history_append (f->history, records, G_N_ELEMENTS (records));

  f->views[DATA] = g_object_ref_sink (slope_data_view_new ());
  slope_data_view_set_dataset (SLOPE_DATA_VIEW (f->views[DATA]), dataset, TRUE);
  slope_data_view_set_model (SLOPE_DATA_VIEW (f->views[DATA]), w, b);

  f->views[COST] = g_object_ref_sink (slope_cost_view_new ());
  slope_cost_view_set_history (SLOPE_COST_VIEW (f->views[COST]), f->history);
  slope_cost_view_set_x_max (SLOPE_COST_VIEW (f->views[COST]), 100);
  slope_cost_view_set_marker (SLOPE_COST_VIEW (f->views[COST]), TRUE, 40, records[39].cost);

  f->views[LANDSCAPE] = g_object_ref_sink (slope_landscape_widget_new ());
  slope_landscape_widget_set_dataset (SLOPE_LANDSCAPE_WIDGET (f->views[LANDSCAPE]), dataset);
  slope_landscape_widget_set_history (SLOPE_LANDSCAPE_WIDGET (f->views[LANDSCAPE]), f->history);
  slope_landscape_widget_set_state (SLOPE_LANDSCAPE_WIDGET (f->views[LANDSCAPE]), w, b);

  /* Each drawn once: from here on their cached layers exist. */
  for (Kind k = 0; k < N_KINDS; k++)
    {
      allocate (f->views[k], 420, 300);
      assert_fresh (f, k, SLOPE_PALETTE_LIGHT, 1.0, "start");
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (Kind k = 0; k < N_KINDS; k++)
    g_clear_object (&f->views[k]);
  g_clear_object (&f->history);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_size (Fixture       *f,
           gconstpointer  data)
{
  for (Kind k = 0; k < N_KINDS; k++)
    {
      allocate (f->views[k], 560, 380);
      assert_fresh (f, k, SLOPE_PALETTE_LIGHT, 1.0, "larger");
      /* Smaller in one direction only. */
      allocate (f->views[k], 560, 260);
      assert_fresh (f, k, SLOPE_PALETTE_LIGHT, 1.0, "shorter");
    }
}

static void
test_dark (Fixture       *f,
           gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  for (Kind k = 0; k < N_KINDS; k++)
    assert_fresh (f, k, SLOPE_PALETTE_DARK, 1.0, "dark");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  for (Kind k = 0; k < N_KINDS; k++)
    assert_fresh (f, k, SLOPE_PALETTE_LIGHT, 1.0, "light-again");
}

/* libadwaita reads high contrast from org.gnome.desktop.a11y.interface
 * when there is no settings portal, as under Xvfb. */
static void
test_high_contrast (Fixture       *f,
                    gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) a11y = NULL;

  schema = source != NULL ? g_settings_schema_source_lookup (source, "org.gnome.desktop.a11y.interface",
                                                             TRUE)
                          : NULL;
  if (schema == NULL || !g_settings_schema_has_key (schema, "high-contrast"))
    {
      g_test_skip ("no org.gnome.desktop.a11y.interface schema");
      return;
    }
  a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  g_settings_set_boolean (a11y, "high-contrast", TRUE);
  for (guint i = 0; i < 1000 && !adw_style_manager_get_high_contrast (manager); i++)
    g_main_context_iteration (NULL, FALSE);
  if (!adw_style_manager_get_high_contrast (manager))
    {
      g_settings_set_boolean (a11y, "high-contrast", FALSE);
      g_test_skip ("libadwaita reads high contrast from elsewhere (a settings portal)");
      return;
    }

  for (Kind k = 0; k < N_KINDS; k++)
    assert_fresh (f, k, SLOPE_PALETTE_HIGH_CONTRAST, 1.0, "high-contrast");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  for (Kind k = 0; k < N_KINDS; k++)
    assert_fresh (f, k, SLOPE_PALETTE_HIGH_CONTRAST_DARK, 1.0, "high-contrast-dark");

  g_settings_set_boolean (a11y, "high-contrast", FALSE);
  for (guint i = 0; i < 1000 && adw_style_manager_get_high_contrast (manager); i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (adw_style_manager_get_high_contrast (manager));
  for (Kind k = 0; k < N_KINDS; k++)
    assert_fresh (f, k, SLOPE_PALETTE_DARK, 1.0, "dark-again");
}

/* An edit makes a new dataset: a point moved far out, one added. */
static void
test_data_edit (Fixture       *f,
                gconstpointer  data)
{
  static const double x[] = { 1.0, 2.0, 3.0, 4.0 }, y[] = { 2.0, 9.0, 6.0, 1.0 };
  g_autoptr(SlopeDataset) edited = slope_dataset_new (x, y, 4, NULL);

  slope_data_view_set_dataset (SLOPE_DATA_VIEW (f->views[DATA]), edited, FALSE);
  slope_landscape_widget_set_dataset (SLOPE_LANDSCAPE_WIDGET (f->views[LANDSCAPE]), edited);
  assert_fresh (f, DATA, SLOPE_PALETTE_LIGHT, 1.0, "edited");
  assert_fresh (f, LANDSCAPE, SLOPE_PALETTE_LIGHT, 1.0, "edited");
}

/* The desktop's text scaling (gtk-xft-dpi), then presentation mode's
 * larger text on top: the axes' margins and labels change. */
static void
test_text_scaling (Fixture       *f,
                   gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi = 0;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 144 * 1024, NULL);
  for (Kind k = 0; k < N_KINDS; k++)
    assert_fresh (f, k, SLOPE_PALETTE_LIGHT, 1.5, "text-scaled");

  slope_data_view_set_font_scale (SLOPE_DATA_VIEW (f->views[DATA]), 1.6);
  slope_cost_view_set_font_scale (SLOPE_COST_VIEW (f->views[COST]), 1.6);
  slope_landscape_widget_set_font_scale (SLOPE_LANDSCAPE_WIDGET (f->views[LANDSCAPE]), 1.6);
  for (Kind k = 0; k < N_KINDS; k++)
    assert_fresh (f, k, SLOPE_PALETTE_LIGHT, 1.5 * 1.6, "presentation");

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  slope_data_view_set_font_scale (SLOPE_DATA_VIEW (f->views[DATA]), 1.0);
  slope_cost_view_set_font_scale (SLOPE_COST_VIEW (f->views[COST]), 1.0);
  slope_landscape_widget_set_font_scale (SLOPE_LANDSCAPE_WIDGET (f->views[LANDSCAPE]), 1.0);
  for (Kind k = 0; k < N_KINDS; k++)
    assert_fresh (f, k, SLOPE_PALETTE_LIGHT, 1.0, "text-unscaled");
}

/* The cost axis, log then linear then log: other ticks, other labels. */
static void
test_log_axis (Fixture       *f,
               gconstpointer  data)
{
  slope_cost_view_set_log_scale (SLOPE_COST_VIEW (f->views[COST]), FALSE);
  g_assert_false (slope_cost_view_get_plot (SLOPE_COST_VIEW (f->views[COST]))->log_scale);
  assert_fresh (f, COST, SLOPE_PALETTE_LIGHT, 1.0, "linear");
  slope_cost_view_set_log_scale (SLOPE_COST_VIEW (f->views[COST]), TRUE);
  assert_fresh (f, COST, SLOPE_PALETTE_LIGHT, 1.0, "log-again");
}

/* Training goes on: the costs reach new decades and the run gets longer,
 * so both cost axes change under the cached frame. */
static void
test_cost_range (Fixture       *f,
                 gconstpointer  data)
{
  SlopeEpochRecord records[200] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      records[i].epoch = 41 + i;
      records[i].run_epoch = 41 + i;
      records[i].run_length = 1000;
      records[i].w = 2.0;
      records[i].cost = 1e-3 * pow (0.8, i);
      records[i].lr = 0.01;
    }
  slope_history_append (f->history, records, G_N_ELEMENTS (records));
  slope_cost_view_set_x_max (SLOPE_COST_VIEW (f->views[COST]), 1000);
  slope_cost_view_set_marker (SLOPE_COST_VIEW (f->views[COST]), TRUE, 240, records[199].cost);
  assert_fresh (f, COST, SLOPE_PALETTE_LIGHT, 1.0, "longer-run");
}

/* Training on standardised x′, y′: the landscape's axis titles change. */
static void
test_scaled (Fixture       *f,
             gconstpointer  data)
{
  slope_landscape_widget_set_scaled (SLOPE_LANDSCAPE_WIDGET (f->views[LANDSCAPE]), TRUE);
  g_assert_true (slope_landscape_widget_get_plot (SLOPE_LANDSCAPE_WIDGET (f->views[LANDSCAPE]))->scaled);
  assert_fresh (f, LANDSCAPE, SLOPE_PALETTE_LIGHT, 1.0, "scaled");
}

/* Compared runs: each widget copies them (labels and all), refs their
 * histories, and the landscape reads each run's path from its history;
 * then hiding one, and going back to none.  One run's costs are a
 * thousand times the main run's, so the cost axis changes under the
 * cached frame. */
static void
test_runs (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SlopeHistory) other = slope_history_new_default ();
  SlopeEpochRecord records[30] = { 0 };
  SlopeRunTrace runs[2];
  char *label = g_strdup ("lr 0.1");
  guint refs;
  const SlopeLandscapePlot *land;
  double w = 0.0, b = 0.0;

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      records[i].epoch = i + 1;
      records[i].w_before = w;
      records[i].b_before = b;
      w += 0.06;
      b -= 0.02;
      records[i].w = w;
      records[i].b = b;
      records[i].cost = 2e4 * pow (0.7, i);
    }
  slope_history_append (other, records, G_N_ELEMENTS (records));
  refs = G_OBJECT (other)->ref_count;

  runs[0] = (SlopeRunTrace) { .colour = 1, .label = label, .w = w, .b = b, .history = other,
                              .has_marker = TRUE, .marker_epoch = 30, .marker_cost = records[29].cost };
  runs[1] = (SlopeRunTrace) { .colour = 2, .label = "Adam", .w = 1.0, .b = 0.5, .history = f->history };
  slope_data_view_set_runs (SLOPE_DATA_VIEW (f->views[DATA]), runs, 2);
  slope_cost_view_set_runs (SLOPE_COST_VIEW (f->views[COST]), runs, 2);
  slope_landscape_widget_set_runs (SLOPE_LANDSCAPE_WIDGET (f->views[LANDSCAPE]), runs, 2);
  /* Copied: the caller's array and label may go at once. */
  g_clear_pointer (&label, g_free);
  memset (runs, 0, sizeof runs);
  g_assert_cmpuint (G_OBJECT (other)->ref_count, ==, refs + 3);

  g_assert_cmpstr (slope_data_view_get_plot (SLOPE_DATA_VIEW (f->views[DATA]))->runs[0].label, ==, "lr 0.1");
  label = g_strdup ("lr 0.01");
  slope_data_view_set_label (SLOPE_DATA_VIEW (f->views[DATA]), label);
  g_clear_pointer (&label, g_free);
  g_assert_cmpstr (slope_data_view_get_plot (SLOPE_DATA_VIEW (f->views[DATA]))->label, ==, "lr 0.01");
  land = slope_landscape_widget_get_plot (SLOPE_LANDSCAPE_WIDGET (f->views[LANDSCAPE]));
  g_assert_cmpuint (land->n_runs, ==, 2);
  /* The start, then the 30 epochs' W and b, from the history. */
  g_assert_cmpuint (land->runs[0].n_path, ==, 31);
  g_assert_cmpfloat (land->runs[0].path_w[0], ==, 0.0);
  g_assert_cmpfloat (land->runs[0].path_w[30], ==, w);
  g_assert_cmpfloat (land->runs[0].path_b[30], ==, b);
  g_assert_cmpuint (land->runs[1].n_path, ==, 41);
  for (Kind k = 0; k < N_KINDS; k++)
    assert_fresh (f, k, SLOPE_PALETTE_LIGHT, 1.0, "runs");

  /* The other run trains on: the landscape reads its path again at the
   * next frame, without being told. */
  records[0] = (SlopeEpochRecord) { .epoch = 31, .w_before = w, .b_before = b, .w = 1.5, .b = -1.0,
                                     .cost = 1.0 };
  slope_history_append (other, records, 1);
  land = slope_landscape_widget_get_plot (SLOPE_LANDSCAPE_WIDGET (f->views[LANDSCAPE]));
  g_assert_cmpuint (land->runs[0].n_path, ==, 32);
  g_assert_cmpfloat (land->runs[0].path_w[31], ==, 1.5);
  assert_fresh (f, LANDSCAPE, SLOPE_PALETTE_LIGHT, 1.0, "runs-trained");

  /* Hidden: the cost axis goes back to the main run's. */
  {
    SlopeRunTrace hidden[2];

    memcpy (hidden, slope_data_view_get_plot (SLOPE_DATA_VIEW (f->views[DATA]))->runs, sizeof hidden);
    hidden[0].hidden = TRUE;
    slope_data_view_set_runs (SLOPE_DATA_VIEW (f->views[DATA]), hidden, 2);
    slope_cost_view_set_runs (SLOPE_COST_VIEW (f->views[COST]), hidden, 2);
    slope_landscape_widget_set_runs (SLOPE_LANDSCAPE_WIDGET (f->views[LANDSCAPE]), hidden, 2);
  }
  for (Kind k = 0; k < N_KINDS; k++)
    assert_fresh (f, k, SLOPE_PALETTE_LIGHT, 1.0, "runs-hidden");

  slope_data_view_set_runs (SLOPE_DATA_VIEW (f->views[DATA]), NULL, 0);
  slope_cost_view_set_runs (SLOPE_COST_VIEW (f->views[COST]), NULL, 0);
  slope_landscape_widget_set_runs (SLOPE_LANDSCAPE_WIDGET (f->views[LANDSCAPE]), NULL, 0);
  g_assert_cmpuint (G_OBJECT (other)->ref_count, ==, refs);
  for (Kind k = 0; k < N_KINDS; k++)
    assert_fresh (f, k, SLOPE_PALETTE_LIGHT, 1.0, "no-runs");
}

/* The optimum's star and label are a cached layer of their own, keyed on
 * where they go: the marker coming to rest just below the star sends the
 * label elsewhere, and the frame must show it there. */
static void
test_optimum_label (Fixture       *f,
                    gconstpointer  data)
{
  SlopeLandscapeWidget *view = SLOPE_LANDSCAPE_WIDGET (f->views[LANDSCAPE]);
  const SlopeLandscapePlot *plot = slope_landscape_widget_get_plot (view);
  double w = plot->optimum_w, b = plot->optimum_b;
  double bottom = plot->view.b_min, span = plot->view.b_max - plot->view.b_min;

  g_assert_true (plot->has_optimum);
  g_assert_true (w > plot->view.w_min && w < plot->view.w_max
                 && b > bottom && b < plot->view.b_max);
  /* A little below the star: where the label goes first. */
  slope_landscape_widget_set_state (view, w, b - 0.08 * span);
  assert_fresh (f, LANDSCAPE, SLOPE_PALETTE_LIGHT, 1.0, "optimum-covered");
  slope_landscape_widget_set_state (view, w - 0.3 * (plot->view.w_max - plot->view.w_min), b);
  assert_fresh (f, LANDSCAPE, SLOPE_PALETTE_LIGHT, 1.0, "optimum-clear");
}

int
main (int   argc,
      char *argv[])
{
  slope_test_init (&argc, &argv);
  slope_test_gtk_init_or_skip ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/plot-cache/size", test_size);
  ADD ("/plot-cache/dark", test_dark);
  ADD ("/plot-cache/high-contrast", test_high_contrast);
  ADD ("/plot-cache/data-edit", test_data_edit);
  ADD ("/plot-cache/text-scaling", test_text_scaling);
  ADD ("/plot-cache/log-axis", test_log_axis);
  ADD ("/plot-cache/cost-range", test_cost_range);
  ADD ("/plot-cache/scaled", test_scaled);
  ADD ("/plot-cache/runs", test_runs);
  ADD ("/plot-cache/optimum-label", test_optimum_label);
#undef ADD

  return g_test_run ();
}
