/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-export.c: the built-in examples, and exporting what the
 * window shows.
 *
 * Plots are exported with the same Cairo renderers that draw the screen,
 * in the light style whatever the desktop's, because they usually end up
 * on paper or slides.  The training log can be long, so it is written in a
 * GTask thread; SlopeHistory is safe to read from there.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "slope-dialogs.h"
#include "slope-examples.h"
#include "slope-export.h"
#include "slope-log-csv.h"
#include "slope-window-private.h"

#define EXPORT_WIDTH  1600
#define EXPORT_HEIGHT 1000

/* Fills @menu with one item per example. */
void
slope_window_fill_examples_menu (GMenu *menu)
{
  const SlopeExample *examples;
  guint n;

  examples = slope_examples_get (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(examples[i].title), NULL);

      g_menu_item_set_action_and_target (item, "win.open-example", "s", examples[i].id);
      g_menu_append_item (menu, item);
    }
}

static void
light_plots (SlopeWindow   *self,
             SlopeDataPlot *data,
             SlopeCostPlot *cost)
{
  *data = *slope_data_view_get_plot (self->data_view);
  *cost = *slope_cost_view_get_plot (self->cost_view);
  data->palette = slope_palette_get (FALSE);
  cost->palette = slope_palette_get (FALSE);
  data->highlight = -1;
}

static void
log_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  SlopeHistory *history = g_object_get_data (G_OBJECT (task), "history");
  GError *error = NULL;

  if (slope_log_csv_write (history, G_FILE (task_data), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_log_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    slope_dialogs_alert (GTK_WINDOW (source), _("The training log could not be saved"),
                         error->message);
}

/**
 * slope_window_export_to:
 * @what: "data", "cost", "view" or "log"
 *
 * Exports synchronously, except the log, which is written in a thread and
 * reported through a dialog.  What the dialog's action and the tests use.
 */
gboolean
slope_window_export_to (SlopeWindow  *self,
                        const char   *what,
                        GFile        *file,
                        GError      **error)
{
  SlopeDataPlot data;
  SlopeCostPlot cost;

  light_plots (self, &data, &cost);
  if (g_str_equal (what, "data"))
    return slope_export_data_plot (file, &data, EXPORT_WIDTH, EXPORT_HEIGHT, error);
  if (g_str_equal (what, "cost"))
    return slope_export_cost_plot (file, &cost, EXPORT_WIDTH, EXPORT_HEIGHT / 2, error);
  if (g_str_equal (what, "view"))
    return slope_export_view (file, &data, &cost, EXPORT_WIDTH, EXPORT_HEIGHT, error);
  if (g_str_equal (what, "log"))
    return slope_log_csv_write (slope_runner_get_history (self->runner), file, error);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "unknown export “%s”", what);
  return FALSE;
}

static void
on_export_chosen (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SlopeWindow *self = SLOPE_WINDOW (source);
  g_autofree char *what = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = slope_dialogs_file_finish (result, &error);
  if (file == NULL)
    return;

  if (g_str_equal (what, "log"))
    {
      g_autoptr(GTask) task = g_task_new (self, NULL, on_log_written, NULL);

      g_object_set_data_full (G_OBJECT (task), "history",
                              g_object_ref (slope_runner_get_history (self->runner)),
                              g_object_unref);
      g_task_set_task_data (task, g_object_ref (file), g_object_unref);
      g_task_run_in_thread (task, log_thread);
      return;
    }

  if (!slope_window_export_to (self, what, file, &error))
    slope_dialogs_alert (GTK_WINDOW (self), _("The export failed"), error->message);
}

void
slope_window_export_dialog (SlopeWindow *self,
                            const char  *what)
{
  const char *name = g_str_equal (what, "data") ? "slope-data.png"
                   : g_str_equal (what, "cost") ? "slope-cost.png"
                   : g_str_equal (what, "view") ? "slope-view.png"
                   : "training-log.csv";
  SlopeFileFilter filter = g_str_equal (what, "log") ? SLOPE_FILE_FILTER_CSV
                                                     : SLOPE_FILE_FILTER_IMAGE;

  slope_dialogs_save_file (GTK_WINDOW (self), _("Export"), name, filter, NULL,
                           on_export_chosen, g_strdup (what));
}
