/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-column-dialog.c: opening files whose columns need choosing, as a
 * person would: the picker appears only when it should, its choice is what
 * gets loaded and plotted, and cancelling or a bad file changes nothing.
 * Runs under Xvfb (suite ui).
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <gtk/gtk.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "slope-test-ui.h"
#include "slope-column-dialog.h"
#include "slope-window-private.h"

/* Heights and weights on the line weight = 0.8 · height − 70, after an id
 * (numeric too, so the reader's automatic choice is id and height) and a
 * name (text). */
static const char four_columns[] =
  "id,name,height,weight\n"
  "1,Ada,150,50\n"
  "2,Bo,160,58\n"
  "3,Cy,170,66\n"
  "4,Di,180,74\n"
  "5,Ed,190,82\n";

static const double heights[] = { 150, 160, 170, 180, 190 };
static const double weights[] = { 50, 58, 66, 74, 82 };

typedef struct
{
  char        *dir;
  SlopeWindow *window;
  SlopeDataset *before;      /* the window's data when the test began */
} Fixture;

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("slope-columns-XXXXXX", &error);
  g_assert_no_error (error);
  f->window = slope_window_new (NULL, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  f->before = g_object_ref (slope_window_get_dataset (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->before);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static gboolean
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* gtk_recent_manager_has_item() is critical about a list never written. */
static gboolean
is_recent (GtkRecentManager *recent,
           const char       *uri)
{
  GList *items = gtk_recent_manager_get_items (recent);
  gboolean found = FALSE;

  for (GList *l = items; l != NULL; l = l->next)
    found |= g_strcmp0 (gtk_recent_info_get_uri (l->data), uri) == 0;
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  return found;
}

static void
wait_loaded (SlopeWindow *window)
{
  while (slope_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
}

/* Every toplevel the window owns: the picker, or an alert. */
static GList *
windows_over (SlopeWindow *window)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GList *over = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      over = g_list_prepend (over, l->data);
  g_list_free (toplevels);
  return over;
}

static void
assert_dataset_is (SlopeDataset *dataset,
                   const double *x,
                   const double *y,
                   gsize         n)
{
  g_assert_cmpuint (slope_dataset_get_n (dataset), ==, n);
  for (gsize i = 0; i < n; i++)
    {
      g_assert_cmpfloat (slope_dataset_get_x (dataset)[i], ==, x[i]);
      g_assert_cmpfloat (slope_dataset_get_y (dataset)[i], ==, y[i]);
    }
}

static void
on_columns_chosen (SlopeColumnDialog *dialog,
                   guint              x_column,
                   guint              y_column,
                   guint             *count)
{
  (*count)++;
}

/* Four columns: the picker asks, starting from the reader's guess; the
 * columns picked are the ones loaded and plotted. */
static void
test_pick_columns (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "people.csv", four_columns);
  g_autoptr(GList) over = NULL;
  SlopeColumnDialog *dialog;
  const SlopeDataPlot *plot;
  guint x, y;

  slope_window_open_file (f->window, file);
  wait_loaded (f->window);
  dialog = f->window->column_dialog;
  g_assert_true (SLOPE_IS_COLUMN_DIALOG (dialog));
  g_assert_false (slope_window_is_loading (f->window));
  over = windows_over (f->window);
  g_assert_cmpuint (g_list_length (over), ==, 1);
  g_assert_true (over->data == (gpointer) dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Choose Columns");
  g_assert_true (g_file_equal (slope_column_dialog_get_file (dialog), file));
  g_assert_cmpuint (slope_column_dialog_get_preview (dialog)->n_columns, ==, 4);

  /* The reader's guess passes over the id: height and weight. */
  slope_column_dialog_get_choice (dialog, &x, &y);
  g_assert_cmpuint (x, ==, 3);
  g_assert_cmpuint (y, ==, 4);

  slope_column_dialog_choose (dialog, 1, 3);
  slope_column_dialog_get_choice (dialog, &x, &y);
  g_assert_cmpuint (x, ==, 1);
  slope_column_dialog_choose (dialog, 3, 4);
  slope_column_dialog_get_choice (dialog, &x, &y);
  g_assert_cmpuint (x, ==, 3);
  g_assert_cmpuint (y, ==, 4);
  g_assert_true (slope_column_dialog_can_open (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "columns.open", NULL));

  /* The dialog is gone, and the load under way. */
  g_assert_null (f->window->column_dialog);
  g_clear_pointer (&over, g_list_free);
  over = windows_over (f->window);
  g_assert_null (over);
  g_assert_true (slope_window_is_loading (f->window));
  wait_loaded (f->window);

  assert_dataset_is (slope_window_get_dataset (f->window), heights, weights, 5);
  /* The plot left the lesson's 1…3 for the heights and weights. */
  plot = slope_data_view_get_plot (f->window->data_view);
  g_assert_true (plot->dataset == slope_window_get_dataset (f->window));
  g_assert_cmpfloat (plot->view.x_min, <=, 150);
  g_assert_cmpfloat (plot->view.x_min, >, 100);
  g_assert_cmpfloat (plot->view.x_max, >=, 190);
  /* y: the weights, and the model ŷ = 0x + 0 of epoch 0 with them. */
  g_assert_cmpfloat (plot->view.y_min, <=, 0);
  g_assert_cmpfloat (plot->view.y_min, >, -82);
  g_assert_cmpfloat (plot->view.y_max, >=, 82);
  g_assert_cmpfloat (plot->view.y_max, <, 120);
  /* The axes name the columns. */
  g_assert_cmpstr (slope_dataset_get_x_name (plot->dataset), ==, "height");
  g_assert_cmpstr (slope_dataset_get_y_name (plot->dataset), ==, "weight");
}

/* x and y cannot be one column: Open does nothing until they differ. */
static void
test_same_column_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "people.csv", four_columns);
  SlopeColumnDialog *dialog;
  guint chosen = 0;

  slope_window_open_file (f->window, file);
  wait_loaded (f->window);
  dialog = f->window->column_dialog;
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "columns-chosen", G_CALLBACK (on_columns_chosen), &chosen);

  slope_column_dialog_choose (dialog, 4, 4);
  g_assert_false (slope_column_dialog_can_open (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "columns.open", NULL);
  g_assert_cmpuint (chosen, ==, 0);
  g_assert_true (f->window->column_dialog == dialog);
  g_assert_false (slope_window_is_loading (f->window));

  slope_column_dialog_choose (dialog, 4, 3);
  g_assert_true (slope_column_dialog_can_open (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "columns.open", NULL);
  g_assert_cmpuint (chosen, ==, 1);
  wait_loaded (f->window);
  /* Swapped: weight is x now. */
  assert_dataset_is (slope_window_get_dataset (f->window), weights, heights, 5);
}

/* Escape, as its class shortcut, or the Cancel button's action. */
static gboolean
press_escape (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) escape = gtk_keyval_trigger_new (GDK_KEY_Escape, 0);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      GListModel *shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      shortcuts = G_LIST_MODEL (controller);
      for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), escape))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 widget, NULL);
        }
    }
  return FALSE;
}

/* Cancelling leaves the window's data exactly as it was. */
static void
test_cancel_keeps_data (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "people.csv", four_columns);
  SlopeColumnDialog *dialog;
  guint chosen = 0;

  slope_window_open_file (f->window, file);
  wait_loaded (f->window);
  dialog = f->window->column_dialog;
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "columns-chosen", G_CALLBACK (on_columns_chosen), &chosen);
  slope_column_dialog_choose (dialog, 3, 4);
  g_assert_true (press_escape (GTK_WIDGET (dialog)));
  g_assert_null (f->window->column_dialog);
  g_assert_cmpuint (chosen, ==, 0);
  g_assert_false (slope_window_is_loading (f->window));
  g_assert_true (slope_window_get_dataset (f->window) == f->before);

  /* The Cancel button closes the window the same way. */
  slope_window_open_file (f->window, file);
  wait_loaded (f->window);
  dialog = f->window->column_dialog;
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  g_assert_null (f->window->column_dialog);
  g_assert_false (slope_window_is_loading (f->window));
  g_assert_true (slope_window_get_dataset (f->window) == f->before);
}

/* Two numeric columns are obvious: no question, straight to loading. */
static void
test_two_columns_load_directly (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "two.csv",
                                      "height,weight\n150,50\n160,58\n170,66\n180,74\n190,82\n");
  g_autoptr(GList) over = NULL;

  slope_window_open_file (f->window, file);
  g_assert_null (f->window->column_dialog);
  over = windows_over (f->window);
  g_assert_null (over);
  g_assert_true (slope_window_is_loading (f->window));
  wait_loaded (f->window);
  assert_dataset_is (slope_window_get_dataset (f->window), heights, weights, 5);

  /* A file opened is offered again among the desktop's recent files
   * (this test's own, isolated).  GTK adds it once it has asked the file
   * for its type, a main-loop turn or two later; ten seconds is a failure. */
  {
    g_autofree char *uri = g_file_get_uri (file);
    GtkRecentManager *recent = gtk_recent_manager_get_default ();
    gboolean timed_out = FALSE;
    guint guard = g_timeout_add_seconds (10, set_true, &timed_out);

    while (!is_recent (recent, uri) && !timed_out)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (is_recent (recent, uri));
    if (!timed_out)
      g_source_remove (guard);
  }
}

/* Two columns of which one is text: the reader has no pair, so ask. */
static void
test_no_automatic_choice_asks (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "names.csv", "name,score\nAda,1\nBo,2\nCy,3\n");
  SlopeColumnDialog *dialog;
  guint x, y;

  slope_window_open_file (f->window, file);
  wait_loaded (f->window);
  dialog = f->window->column_dialog;
  g_assert_nonnull (dialog);
  g_assert_cmpuint (slope_column_dialog_get_preview (dialog)->x_column, ==, 0);
  /* No pair to start from: the file's first two columns. */
  slope_column_dialog_get_choice (dialog, &x, &y);
  g_assert_cmpuint (x, ==, 1);
  g_assert_cmpuint (y, ==, 2);
  g_assert_true (slope_column_dialog_can_open (dialog));
  g_assert_false (slope_window_is_loading (f->window));
}

/* A file that cannot be read: a message, no picker, the data kept. */
static void
test_unreadable_keeps_data (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "missing.csv", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (path);
  g_autoptr(GFile) binary = write_file (f, "binary.csv", "a,b\n1,2\n\x01\x02\xff\xfe\n");
  GFile *files[] = { missing, binary };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GList) over = NULL;

      slope_window_open_file (f->window, files[i]);
      wait_loaded (f->window);
      g_assert_null (f->window->column_dialog);
      g_assert_false (slope_window_is_loading (f->window));
      g_assert_true (slope_window_get_dataset (f->window) == f->before);

      over = windows_over (f->window);
      g_assert_cmpuint (g_list_length (over), ==, 1);
      g_assert_false (SLOPE_IS_COLUMN_DIALOG (over->data));
      gtk_window_destroy (over->data);
    }
}

/* Closing the window with the picker open takes the picker along, even
 * while something still holds it. */
static void
test_window_closed_first (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "people.csv", four_columns);
  g_autoptr(SlopeColumnDialog) dialog = NULL;
  SlopeWindow *window = slope_window_new (NULL, NULL);
  g_autoptr(GList) toplevels = NULL;
  guint chosen = 0;

  gtk_window_present (GTK_WINDOW (window));
  slope_window_open_file (window, file);
  wait_loaded (window);
  dialog = g_object_ref (window->column_dialog);
  g_signal_connect (dialog, "columns-chosen", G_CALLBACK (on_columns_chosen), &chosen);
  gtk_window_destroy (GTK_WINDOW (window));

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  toplevels = gtk_window_list_toplevels ();
  g_assert_null (g_list_find (toplevels, dialog));
  g_assert_cmpuint (chosen, ==, 0);
}

/* Writes to a FIFO from a thread, so that a load of it waits until the
 * test lets it go on. */
typedef struct
{
  char       *path;
  const char *contents;
} FifoWriter;

static gpointer
write_fifo (gpointer data)
{
  FifoWriter *w = data;
  int fd = g_open (w->path, O_WRONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, w->contents, strlen (w->contents)), ==, strlen (w->contents));
  close (fd);
  return NULL;
}

/* The preview reads and sniffs on a worker thread: opening returns at
 * once, with the load bar up, and Cancel leaves everything as it was. */
static void
test_preview_in_background (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "four.csv", four_columns);

  slope_window_open_file (f->window, file);
  g_assert_null (f->window->column_dialog);
  g_assert_true (slope_window_is_loading (f->window));
  g_assert_true (gtk_revealer_get_reveal_child (f->window->load_revealer));

  slope_window_cancel_load (f->window);
  wait_loaded (f->window);
  g_assert_null (f->window->column_dialog);
  g_assert_null (windows_over (f->window));
  g_assert_true (slope_window_get_dataset (f->window) == f->before);

  /* Opened again and left alone, it asks for the columns. */
  slope_window_open_file (f->window, file);
  wait_loaded (f->window);
  g_assert_nonnull (f->window->column_dialog);
}

/* A load superseded by another, finishing after it started, must leave
 * the newer load alone: its Cancel and progress bar stay, and its data is
 * what the window ends up with. */
static void
test_superseded_load (Fixture       *f,
                      gconstpointer  data)
{
  static const char two_columns[] = "x,y\n1,3\n2,5\n3,7\n";
  static const double xs[] = { 1, 2, 3 }, ys[] = { 3, 5, 7 };
  g_autoptr(GFile) first = write_file (f, "first.csv", "a,b\n1,1\n2,2\n");
  g_autofree char *fifo = g_build_filename (f->dir, "second.csv", NULL);
  g_autoptr(GFile) second = g_file_new_for_path (fifo);
  FifoWriter writer = { fifo, two_columns };
  GFile *first_alive = first;
  GThread *thread;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  slope_window_load_file (f->window, first);
  /* The first load's task holds the only other reference to its file:
   * once it is gone, the first load's callback has run. */
  g_object_add_weak_pointer (G_OBJECT (first_alive), (gpointer *) &first_alive);
  g_clear_object (&first);
  slope_window_load_file (f->window, second);

  while (first_alive != NULL)
    g_main_context_iteration (NULL, TRUE);
  /* The second load waits for the FIFO's writer: still loading. */
  g_assert_true (slope_window_is_loading (f->window));
  g_assert_true (gtk_revealer_get_reveal_child (f->window->load_revealer));

  thread = g_thread_new ("fifo-writer", write_fifo, &writer);
  wait_loaded (f->window);
  g_thread_join (thread);
  assert_dataset_is (slope_window_get_dataset (f->window), xs, ys, 3);
}

/* x near 10²⁰⁰: Σx² overflows.  The window says so, and never that all x
 * values are equal. */
static void
test_moments_overflow (Fixture       *f,
                       gconstpointer  data)
{
  static const double xs[] = { 1e200, 2e200, 3e200 }, ys[] = { 1, 2, 3 };
  g_autoptr(SlopeDataset) dataset = slope_dataset_new (xs, ys, 3, "huge");
  const char *text;

  slope_window_set_dataset (f->window, dataset);
  slope_window_redraw (f->window);
  text = gtk_label_get_text (f->window->reference_label);
  g_test_message ("%s", text);
  g_assert_null (strstr (text, "equal"));
  g_assert_nonnull (strstr (text, "too large"));
}

/* x near 10⁻³⁰⁸: Σx² underflows to 0.  The window says the values are too
 * small, never that they are equal, and draws no least-squares line. */
static void
test_moments_underflow (Fixture       *f,
                        gconstpointer  data)
{
  static const double xs[] = { 1e-308, 2e-308, 3e-308 }, ys[] = { 2e-308, 4.5e-308, 5.9e-308 };
  g_autoptr(SlopeDataset) dataset = slope_dataset_new (xs, ys, 3, "tiny");
  const char *text;

  slope_window_set_dataset (f->window, dataset);
  slope_window_redraw (f->window);
  text = gtk_label_get_text (f->window->reference_label);
  g_test_message ("%s", text);
  g_assert_null (strstr (text, "equal"));
  g_assert_nonnull (strstr (text, "too small"));
  g_assert_false (slope_data_view_get_plot (f->window->data_view)->has_reference);
}

int
main (int   argc,
      char *argv[])
{
  slope_test_init (&argc, &argv);
  slope_test_gtk_init_or_skip ();

#define ADD(path, func) \
  g_test_add ("/column-dialog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("pick-columns", test_pick_columns);
  ADD ("same-column-refused", test_same_column_refused);
  ADD ("cancel-keeps-data", test_cancel_keeps_data);
  ADD ("two-columns-load-directly", test_two_columns_load_directly);
  ADD ("no-automatic-choice-asks", test_no_automatic_choice_asks);
  ADD ("unreadable-keeps-data", test_unreadable_keeps_data);
  ADD ("window-closed-first", test_window_closed_first);
  ADD ("superseded-load", test_superseded_load);
  ADD ("preview-in-background", test_preview_in_background);
  ADD ("moments-overflow", test_moments_overflow);
  ADD ("moments-underflow", test_moments_underflow);

#undef ADD

  return g_test_run ();
}
