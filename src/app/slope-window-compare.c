/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-compare.c: runs compared side by side with the main one.
 *
 * A compared run is a run of its own: its own SlopeRunner (one worker
 * thread, one trainer, one history), made from a copy of the main run's
 * settings with one thing changed.  The window posts the same commands to
 * every runner — play, pause, step, reset, the data, the pace — and reads
 * each one's newest snapshot once per frame in the tick, as it does the
 * main run's.  The main run stays the one the side panel edits; to edit a
 * compared run, make it the main run (its settings and the main run's
 * trade places).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h> /* PRIu64 in _(): xgettext cannot see through G_GUINT64_FORMAT */
#include <math.h>
#include <string.h>

#include "slope-axis.h"
#include "slope-history.h"
#include "slope-run-trace.h"
#include "slope-widget-style.h"
#include "slope-window-private.h"

enum {
  COL_SWATCH,
  COL_LABEL,
  COL_EPOCH,
  COL_COST,
  COL_REACHED,          /* or where it diverged */
  COL_VISIBLE,
  COL_EDIT,
  COL_REMOVE,
  N_COLS
};

/* Widths of the numbers that change every frame: an epoch up to
 * 999 999 999 and a cost like "−1.234e+38". */
#define EPOCH_CHARS 9
#define COST_CHARS 10

/* Row 0 holds the headings, row 1 the main run. */
#define FIRST_COMPARED_ROW 2

static void
set_text (GtkWidget  *label,
          const char *text)
{
  if (GTK_IS_INSCRIPTION (label))
    slope_window_readout_set_text (label, text);
  else
    slope_window_label_set_text (GTK_LABEL (label), text);
}

/* Posts every setting of @s that is the run's own; the pace, the length
 * of a run and the log follow the main run (slope_window_compare_follow). */
static void
apply_settings (SlopeRunner            *runner,
                const SlopeRunSettings *s)
{
  slope_runner_set_lr (runner, s->lr);
  slope_runner_set_zero_grad (runner, s->zero_grad);
  slope_runner_set_optimizer (runner, &s->optimizer);
  slope_runner_set_batching (runner, s->batch_size, s->shuffle, s->seed);
  slope_runner_set_initial (runner, s->w0, s->b0);
}

/* The pace and the plan of runs are the main run's, so the runs keep in
 * step; each run keeps its own numbers. */
static void
follow_main (SlopeWindow *self,
             SlopeRunner *runner)
{
  SlopeRunSettings main_run;

  _slope_window_get_run_settings (self, &main_run);
  slope_runner_set_speed (runner, self->speed);
  if (slope_window_notebook_active (self))
    slope_runner_set_runs (runner, self->notebook_runs, self->notebook_n_runs);
  else
    slope_runner_set_epochs_per_run (runner, main_run.runs[0]);
  slope_runner_set_log_every (runner, main_run.log_every);
}

static char *
format_lr (double lr)
{
  char buf[32];

  slope_format_number (buf, sizeof buf, lr, 6);
  return g_strdup (buf);
}

/**
 * slope_window_compare_describe:
 *
 * What differs in @run from @main, in a few words ("lr 0.1", "Adam,
 * zero_grad off"); "copy" when nothing does.
 */
char *
slope_window_compare_describe (const SlopeRunSettings *run,
                               const SlopeRunSettings *main)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (run->optimizer.kind != main->optimizer.kind)
    g_ptr_array_add (parts, g_strdup (slope_optimizer_kind_to_string (run->optimizer.kind)));
  else if (!slope_optimizer_settings_equal (&run->optimizer, &main->optimizer))
    /* Translators: a compared run's optimizer has other keyword arguments, e.g. "SGD (other arguments)" */
    g_ptr_array_add (parts, g_strdup_printf (_("%s (other arguments)"),
                                             slope_optimizer_kind_to_string (run->optimizer.kind)));
  if (run->lr != main->lr)
    {
      g_autofree char *lr = format_lr (run->lr);

      g_ptr_array_add (parts, g_strdup_printf ("lr %s", lr));
    }
  if (run->zero_grad != main->zero_grad)
    g_ptr_array_add (parts, g_strdup (run->zero_grad ? _("zero_grad on") : _("zero_grad off")));
  if (run->batch_size != main->batch_size)
    {
      if (run->batch_size == 0)
        g_ptr_array_add (parts, g_strdup (_("all points")));
      else
        /* Translators: a compared run's mini-batch size */
        g_ptr_array_add (parts, g_strdup_printf (_("batch %u"), run->batch_size));
    }
  if (run->batch_size != 0
      && (run->shuffle != main->shuffle || (run->shuffle && run->seed != main->seed)))
    g_ptr_array_add (parts, run->shuffle ? g_strdup_printf (_("shuffled, seed %" PRIu64), run->seed)
                                         : g_strdup (_("in order")));
  if (run->w0 != main->w0 || run->b0 != main->b0)
    {
      char w[32], b[32];

      slope_format_number (w, sizeof w, run->w0, 4);
      slope_format_number (b, sizeof b, run->b0, 4);
      /* Translators: a compared run's starting point (W, b) */
      g_ptr_array_add (parts, g_strdup_printf (_("from (%s, %s)"), w, b));
    }
  if (parts->len == 0)
    return g_strdup (_("copy"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

static char *
describe_main (const SlopeRunSettings *main)
{
  g_autofree char *lr = format_lr (main->lr);

  /* Translators: the main run's row in the table of compared runs: its optimizer and rate */
  return g_strdup_printf (_("Main: %s, lr %s%s"),
                          slope_optimizer_kind_to_string (main->optimizer.kind), lr,
                          main->zero_grad ? "" : _(", zero_grad off"));
}

static guint
free_colour (SlopeWindow *self)
{
  for (guint colour = 1; colour <= SLOPE_WINDOW_MAX_COMPARED; colour++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < self->n_compared; i++)
        used |= self->compared[i].colour == colour;
      if (!used)
        return colour;
    }
  g_return_val_if_reached (1);
}

static void swatch_draw (GtkDrawingArea *area,
                         cairo_t        *cr,
                         int             width,
                         int             height,
                         gpointer        user_data);

static GtkWidget *
cell_label (const char *text,
            gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (numeric)
    {
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_set_direction (label, GTK_TEXT_DIR_LTR);
    }
  return label;
}

/* The epoch and the cost change every frame: a readout of a fixed width
 * repaints itself and relayouts nothing. */
static GtkWidget *
number_cell (guint chars)
{
  GtkWidget *cell = slope_window_readout_new (chars);

  gtk_widget_add_css_class (cell, "numeric");
  return cell;
}

static GtkWidget *
swatch_new (guint colour)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 14);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), swatch_draw,
                                  GUINT_TO_POINTER (colour), NULL);
  return area;
}

static void
attach_row (SlopeWindow *self,
            GtkWidget  **cells,
            int          row)
{
  for (guint c = 0; c < N_COLS; c++)
    if (cells[c] != NULL)
      gtk_grid_attach (self->compare_grid, cells[c], (int) c, row, 1, 1);
}

static void
on_visible_toggled (GtkCheckButton *check,
                    SlopeWindow    *self)
{
  for (guint i = 0; i < self->n_compared; i++)
    if (self->compared[i].cells[COL_VISIBLE] == GTK_WIDGET (check))
      slope_window_compare_set_hidden (self, i, !gtk_check_button_get_active (check));
}

static int
run_of_button (SlopeWindow *self,
               GtkWidget   *button,
               guint        column)
{
  for (guint i = 0; i < self->n_compared; i++)
    if (self->compared[i].cells[column] == button)
      return (int) i;
  return -1;
}

static void
on_remove_clicked (GtkButton   *button,
                   SlopeWindow *self)
{
  int i = run_of_button (self, GTK_WIDGET (button), COL_REMOVE);

  if (i >= 0)
    slope_window_compare_remove (self, (guint) i);
}

static void
on_edit_clicked (GtkButton   *button,
                 SlopeWindow *self)
{
  int i = run_of_button (self, GTK_WIDGET (button), COL_EDIT);

  if (i >= 0)
    slope_window_compare_make_main (self, (guint) i);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  return button;
}

static void
build_row (SlopeWindow      *self,
           SlopeComparedRun *run)
{
  GtkWidget **cells = run->cells;

  cells[COL_SWATCH] = swatch_new (run->colour);
  cells[COL_LABEL] = cell_label ("", FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (cells[COL_LABEL]), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (cells[COL_LABEL]), 18);
  gtk_label_set_width_chars (GTK_LABEL (cells[COL_LABEL]), 8);
  gtk_widget_set_hexpand (cells[COL_LABEL], TRUE);
  cells[COL_EPOCH] = number_cell (EPOCH_CHARS);
  cells[COL_COST] = number_cell (COST_CHARS);
  cells[COL_REACHED] = cell_label ("—", TRUE);
  cells[COL_VISIBLE] = gtk_check_button_new ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (cells[COL_VISIBLE]), !run->hidden);
  gtk_widget_set_tooltip_text (cells[COL_VISIBLE], _("Shown in the plots (hidden runs go on training)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cells[COL_VISIBLE]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Shown in the plots"), -1);
  g_signal_connect (cells[COL_VISIBLE], "toggled", G_CALLBACK (on_visible_toggled), self);
  cells[COL_EDIT] = icon_button ("document-edit-symbolic",
                                 _("Edit: make this the main run, whose settings the side panel shows"));
  g_signal_connect (cells[COL_EDIT], "clicked", G_CALLBACK (on_edit_clicked), self);
  cells[COL_REMOVE] = icon_button ("user-trash-symbolic", _("Remove this run"));
  g_signal_connect (cells[COL_REMOVE], "clicked", G_CALLBACK (on_remove_clicked), self);
}

static void
update_add_actions (SlopeWindow *self)
{
  gboolean room = self->n_compared < SLOPE_WINDOW_MAX_COMPARED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare", room);
  gtk_widget_set_visible (self->compare_empty, self->n_compared == 0);
}

/**
 * slope_window_compare_add:
 * @settings: the new run's settings
 *
 * Adds a compared run, reset on the data shown; it starts playing if the
 * main run plays.  Returns its index, or -1 when six runs are there.
 */
int
slope_window_compare_add (SlopeWindow            *self,
                          const SlopeRunSettings *settings,
                          gboolean                hidden)
{
  SlopeComparedRun *run;

  if (self->n_compared >= SLOPE_WINDOW_MAX_COMPARED)
    return -1;

  run = &self->compared[self->n_compared];
  memset (run, 0, sizeof *run);
  run->settings = *settings;
  run->colour = free_colour (self);
  run->hidden = hidden;
  run->runner = slope_runner_new (slope_window_training_data (self));
  follow_main (self, run->runner);
  apply_settings (run->runner, &run->settings);
  slope_runner_reset (run->runner);
  build_row (self, run);
  attach_row (self, run->cells, FIRST_COMPARED_ROW + (int) self->n_compared);
  self->n_compared++;
  update_add_actions (self);
  slope_window_redraw (self);
  return (int) self->n_compared - 1;
}

static void
run_clear (SlopeComparedRun *run)
{
  /* Stop and join its thread before the history it fills goes. */
  if (run->runner != NULL)
    slope_runner_stop (run->runner);
  g_clear_object (&run->runner);
}

/**
 * slope_window_compare_remove:
 *
 * Stops and joins the run's worker and drops the run; the others keep
 * their colours.
 */
void
slope_window_compare_remove (SlopeWindow *self,
                             guint        index)
{
  g_return_if_fail (index < self->n_compared);

  run_clear (&self->compared[index]);
  g_clear_pointer (&self->compared[index].label, g_free);
  gtk_grid_remove_row (self->compare_grid, FIRST_COMPARED_ROW + (int) index);
  memmove (&self->compared[index], &self->compared[index + 1],
           (self->n_compared - index - 1) * sizeof self->compared[0]);
  self->n_compared--;
  update_add_actions (self);
  slope_window_redraw (self);
}

void
slope_window_compare_set_hidden (SlopeWindow *self,
                                 guint        index,
                                 gboolean     hidden)
{
  SlopeComparedRun *run;

  g_return_if_fail (index < self->n_compared);

  run = &self->compared[index];
  run->hidden = !!hidden;
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (run->cells[COL_VISIBLE])) == run->hidden)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (run->cells[COL_VISIBLE]), !run->hidden);
  slope_window_redraw (self);
}

/**
 * slope_window_compare_make_main:
 *
 * The compared run's settings go to the side panel, where every one of
 * them can be changed, and the main run's take its place in the table;
 * every run starts over, so the comparison stays fair.
 */
void
slope_window_compare_make_main (SlopeWindow *self,
                                guint        index)
{
  SlopeComparedRun *run;
  SlopeRunSettings main_run, theirs;

  g_return_if_fail (index < self->n_compared);

  run = &self->compared[index];
  _slope_window_get_run_settings (self, &main_run);
  theirs = run->settings;
  theirs.n_runs = main_run.n_runs;
  memcpy (theirs.runs, main_run.runs, sizeof theirs.runs);
  theirs.log_every = main_run.log_every;
  run->settings = main_run;
  apply_settings (run->runner, &run->settings);
  _slope_window_set_run_settings (self, &theirs);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.reset", NULL);
}

/* The one-click comparisons: a copy of the main run with one change. */
static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SlopeWindow *self = SLOPE_WINDOW (widget);
  const char *what = g_variant_get_string (parameter, NULL);
  SlopeRunSettings s;

  _slope_window_get_run_settings (self, &s);
  if (g_str_equal (what, "lr-times-10"))
    s.lr = s.lr * 10.0;
  else if (g_str_equal (what, "zero-grad-off"))
    s.zero_grad = FALSE;
  else if (g_str_equal (what, "adam"))
    /* PyTorch's defaults for the rest, the main run's rate. */
    slope_optimizer_settings_init (&s.optimizer, SLOPE_OPTIMIZER_ADAM);
  else if (!g_str_equal (what, "copy"))
    {
      g_warning ("win.compare: unknown comparison “%s”", what);
      return;
    }
  if (slope_window_compare_add (self, &s, FALSE) >= 0)
    gtk_stack_set_visible_child_name (self->bottom_stack, "compare");
}

/* What to tell each runner: the window's actions call these beside the
 * main runner's. */
void
slope_window_compare_post (SlopeWindow       *self,
                           SlopeComparePost   what)
{
  for (guint i = 0; i < self->n_compared; i++)
    {
      SlopeRunner *runner = self->compared[i].runner;

      switch (what)
        {
        case SLOPE_COMPARE_PLAY:
          slope_runner_play (runner);
          break;
        case SLOPE_COMPARE_PAUSE:
          slope_runner_pause (runner);
          break;
        case SLOPE_COMPARE_STEP:
          slope_runner_step_epoch (runner);
          break;
        case SLOPE_COMPARE_STEP_LINE:
          slope_runner_step_line (runner);
          break;
        case SLOPE_COMPARE_RESET:
          slope_runner_reset (runner);
          break;
        case SLOPE_COMPARE_FOLLOW:
          follow_main (self, runner);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* Any run playing: Space pauses them all. */
gboolean
slope_window_compare_any_playing (SlopeWindow *self)
{
  for (guint i = 0; i < self->n_compared; i++)
    {
      slope_runner_read (self->compared[i].runner, &self->compared[i].snapshot);
      if (self->compared[i].snapshot.playing)
        return TRUE;
    }
  return FALSE;
}

/* New data, or the data scaled: every run goes on or starts over as the
 * main run does. */
void
slope_window_compare_set_dataset (SlopeWindow  *self,
                                  SlopeDataset *dataset,
                                  gboolean      reset)
{
  for (guint i = 0; i < self->n_compared; i++)
    slope_runner_set_dataset (self->compared[i].runner, dataset, reset);
}

/**
 * slope_window_compare_follow_start:
 *
 * The main run's start moved from (@old_w0, @old_b0) to (@w0, @b0), by a
 * click in the landscape: the compared runs that started where it did
 * move with it, so "start there" starts the comparison there; a run
 * given a start of its own keeps it.
 */
void
slope_window_compare_follow_start (SlopeWindow *self,
                                   double       old_w0,
                                   double       old_b0,
                                   double       w0,
                                   double       b0)
{
  for (guint i = 0; i < self->n_compared; i++)
    {
      SlopeComparedRun *run = &self->compared[i];

      if (run->settings.w0 != old_w0 || run->settings.b0 != old_b0)
        continue;
      run->settings.w0 = w0;
      run->settings.b0 = b0;
      slope_runner_set_initial (run->runner, w0, b0);
    }
}

/* Drops every compared run (a lesson brings its own). */
void
slope_window_compare_clear (SlopeWindow *self)
{
  while (self->n_compared > 0)
    slope_window_compare_remove (self, self->n_compared - 1);
}

void
slope_window_compare_sync (SlopeWindow *self)
{
  for (guint i = 0; i < self->n_compared; i++)
    slope_runner_sync (self->compared[i].runner);
}

/**
 * slope_window_compare_read:
 *
 * Reads every compared runner's newest snapshot; called once per frame
 * from the tick.  Returns whether any changed.
 */
gboolean
slope_window_compare_read (SlopeWindow *self)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < self->n_compared; i++)
    changed |= slope_runner_read (self->compared[i].runner, &self->compared[i].snapshot);
  return changed;
}

/* The state shown for @run this frame: the present, or while looking back
 * at epoch e, its epoch e — or its last, if it stopped before e. */
static void
compute_shown (SlopeWindow      *self,
               SlopeComparedRun *run)
{
  const SlopeTrainerState *now = &run->snapshot.state;
  SlopeEpochRecord rec;

  run->shown = *now;
  if (!slope_window_is_rewinding (self) || self->rewind_epoch >= now->epoch)
    return;
  if (!slope_history_lookup (slope_runner_get_history (run->runner), self->rewind_epoch, &rec))
    return;
  run->shown.epoch = rec.epoch;
  run->shown.run_epoch = rec.run_epoch;
  run->shown.run_length = rec.run_length;
  run->shown.w = rec.w;
  run->shown.b = rec.b;
  run->shown.cost = rec.cost;
  run->shown.has_cost = TRUE;
  run->shown.line = SLOPE_LINE_NONE;
}

static void
fill_row (GtkWidget                 **cells,
          const SlopeTrainerState    *st,
          const SlopeRunnerSnapshot  *snap)
{
  char buf[64];

  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, st->epoch);
  set_text (cells[COL_EPOCH], buf);
  if (st->has_cost && st->epoch > 0)
    slope_format_number (buf, sizeof buf, st->cost, 4);
  else
    g_strlcpy (buf, "—", sizeof buf);
  set_text (cells[COL_COST], buf);
  /* A run that diverged never gets there: the column says where it
   * diverged instead, in the readouts' warning colour. */
  if (snap->divergence != SLOPE_DIVERGENCE_NONE && snap->diverged_epoch <= st->epoch)
    {
      /* Translators: in the table of compared runs: the run diverged at this epoch */
      g_snprintf (buf, sizeof buf, _("diverged at %" PRIu64), snap->diverged_epoch);
      gtk_widget_add_css_class (cells[COL_REACHED], "readout-diverged");
    }
  else
    {
      if (snap->reached_epoch != 0 && snap->reached_epoch <= st->epoch)
        g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, snap->reached_epoch);
      else
        g_strlcpy (buf, "—", sizeof buf);
      gtk_widget_remove_css_class (cells[COL_REACHED], "readout-diverged");
    }
  set_text (cells[COL_REACHED], buf);
}

/* What the plots draw of each compared run this frame: its line (in the
 * data's units), its cost curve and marker, its path (the landscape reads
 * it from the run's history).  The widgets copy the array. */
static void
update_plots (SlopeWindow *self)
{
  SlopeRunTrace traces[SLOPE_WINDOW_MAX_COMPARED];

  G_STATIC_ASSERT (SLOPE_WINDOW_MAX_COMPARED <= SLOPE_RUN_TRACE_MAX);
  memset (traces, 0, sizeof traces);
  for (guint i = 0; i < self->n_compared; i++)
    {
      SlopeComparedRun *run = &self->compared[i];
      SlopeRunTrace *t = &traces[i];

      t->colour = run->colour;
      t->label = run->label;
      t->w = run->shown.w;
      t->b = run->shown.b;
      t->history = slope_runner_get_history (run->runner);
      t->has_marker = run->shown.epoch > 0 && run->shown.has_cost;
      t->marker_epoch = run->shown.epoch;
      t->marker_cost = run->shown.cost;
      t->diverged = run->snapshot.divergence != SLOPE_DIVERGENCE_NONE;
      t->hidden = run->hidden;
    }
  slope_cost_view_set_runs (self->cost_view, traces, self->n_compared);
  slope_landscape_widget_set_runs (self->landscape_view, traces, self->n_compared);
  for (guint i = 0; i < self->n_compared; i++)
    slope_window_model_to_data (self, traces[i].w, traces[i].b, &traces[i].w, &traces[i].b);
  slope_data_view_set_runs (self->data_view, traces, self->n_compared);
}

/**
 * slope_window_compare_update:
 *
 * Brings the table up to date with what the plots show this frame.
 */
void
slope_window_compare_update (SlopeWindow *self)
{
  SlopeRunSettings main_run;
  g_autofree char *main_label = NULL;

  _slope_window_get_run_settings (self, &main_run);
  main_label = describe_main (&main_run);
  /* Only when it changes: setting a tooltip, even the same one, makes GTK
   * ask the X server where the pointer is. */
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (self->compare_main_cells[COL_LABEL])),
                 main_label) != 0)
    {
      set_text (self->compare_main_cells[COL_LABEL], main_label);
      gtk_widget_set_tooltip_text (self->compare_main_cells[COL_LABEL], main_label);
    }
  fill_row (self->compare_main_cells, &self->shown, &self->snapshot);

  for (guint i = 0; i < self->n_compared; i++)
    {
      SlopeComparedRun *run = &self->compared[i];
      g_autofree char *label = slope_window_compare_describe (&run->settings, &main_run);

      compute_shown (self, run);
      if (g_strcmp0 (run->label, label) != 0)
        {
          g_free (run->label);
          run->label = g_steal_pointer (&label);
          set_text (run->cells[COL_LABEL], run->label);
          gtk_widget_set_tooltip_text (run->cells[COL_LABEL], run->label);
        }
      fill_row (run->cells, &run->shown, &run->snapshot);
    }
  update_plots (self);
}

/* The colour swatch: the run's colour in the plots' palette. */
static void
swatch_draw (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  const SlopePalette *palette = slope_widget_get_palette (GTK_WIDGET (area));
  guint colour = GPOINTER_TO_UINT (user_data);
  double r = MIN (width, height) / 2.0;

  slope_palette_set_source (cr, slope_palette_run_colour (palette, colour));
  cairo_arc (cr, width / 2.0, height / 2.0, r, 0, 2 * G_PI);
  cairo_fill (cr);
}

static GtkWidget *
heading (const char *text,
         const char *tooltip,
         gboolean    numeric)
{
  GtkWidget *label = cell_label (text, numeric);

  gtk_widget_add_css_class (label, "caption-heading");
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (label, tooltip);
  return label;
}

static GtkWidget *
compare_button (const char *label,
                const char *tooltip,
                const char *target)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.compare");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static GtkWidget *
build_buttons (SlopeWindow *self)
{
  GtkWidget *box = gtk_flow_box_new ();
  GtkWidget *title = gtk_label_new (_("Compare with:"));

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_widget_add_css_class (title, "heading");

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (box), FALSE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 5);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 4);
  gtk_widget_add_css_class (box, "compare-add");
  gtk_flow_box_append (GTK_FLOW_BOX (box), title);
  gtk_flow_box_append (GTK_FLOW_BOX (box),
                       self->compare_buttons[0] = compare_button (_("lr × 10"), _("Compare with lr × 10: a copy of the main run "
                                                       "with ten times its learning rate"),
                                       "lr-times-10"));
  gtk_flow_box_append (GTK_FLOW_BOX (box),
                       self->compare_buttons[1] = compare_button (_("zero_grad off"), _("Compare with zero_grad off: a copy of "
                                                             "the main run without optimizer.zero_grad()"),
                                       "zero-grad-off"));
  gtk_flow_box_append (GTK_FLOW_BOX (box),
                       self->compare_buttons[2] = compare_button ("optim.Adam", _("Compare with Adam: a copy of the main run with "
                                                 "optim.Adam at its learning rate"),
                                       "adam"));
  gtk_flow_box_append (GTK_FLOW_BOX (box),
                       self->compare_buttons[3] = compare_button (_("Add a copy"), _("A copy of the main run, to change by "
                                                          "making it the main run"),
                                       "copy"));
  return box;
}

static void
build_table (SlopeWindow *self)
{
  GtkWidget **main_cells = self->compare_main_cells;
  g_autofree char *reached = NULL;
  GtkWidget *headings[N_COLS] = { NULL };

  self->compare_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->compare_grid, 6);
  gtk_grid_set_row_spacing (self->compare_grid, 2);
  gtk_widget_add_css_class (GTK_WIDGET (self->compare_grid), "compare-table");

  reached = g_strdup_printf (_("The first epoch whose cost was within 1/%.0f of the way from "
                               "its cost at epoch 1 to the least-squares cost, or where "
                               "the run diverged"),
                             1.0 / SLOPE_REACHED_FRACTION);
  headings[COL_LABEL] = heading (_("Run"), NULL, FALSE);
  headings[COL_EPOCH] = heading (_("Epoch"), NULL, TRUE);
  headings[COL_COST] = heading (_("Cost"), NULL, TRUE);
  headings[COL_REACHED] = heading (_("Reached"), reached, TRUE);
  attach_row (self, headings, 0);

  main_cells[COL_SWATCH] = swatch_new (0);
  main_cells[COL_LABEL] = cell_label ("", FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (main_cells[COL_LABEL]), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (main_cells[COL_LABEL]), 18);
  gtk_label_set_width_chars (GTK_LABEL (main_cells[COL_LABEL]), 8);
  gtk_widget_set_hexpand (main_cells[COL_LABEL], TRUE);
  main_cells[COL_EPOCH] = number_cell (EPOCH_CHARS);
  main_cells[COL_COST] = number_cell (COST_CHARS);
  main_cells[COL_REACHED] = cell_label ("—", TRUE);
  attach_row (self, main_cells, 1);
}

/**
 * slope_window_compare_init:
 *
 * The "Compare" page beside the landscape and the log: the one-click
 * comparisons above the table of runs.
 */
void
slope_window_compare_init (SlopeWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkStackPage *page;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), build_buttons (self));
  build_table (self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->compare_grid));
  self->compare_empty = gtk_label_new (_("Each compared run trains on the same data with its own "
                                         "settings, in its own colour; Play, Step, Reset and "
                                         "looking back act on all of them."));
  gtk_label_set_wrap (GTK_LABEL (self->compare_empty), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->compare_empty), 0.0);
  gtk_widget_add_css_class (self->compare_empty, "dim-label");
  gtk_box_append (GTK_BOX (box), self->compare_empty);

  /* Never sideways: the buttons wrap and the labels shorten instead; and
   * the table does not ask the plots beside it for room. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_EXTERNAL,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  page = gtk_stack_add_titled (self->bottom_stack, scroller, "compare", _("Compare"));
  (void) page;
  update_add_actions (self);
}

void
slope_window_compare_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.compare", "s", compare_action);
}

/* Every worker stopped and joined. */
void
slope_window_compare_dispose (SlopeWindow *self)
{
  for (guint i = 0; i < self->n_compared; i++)
    {
      run_clear (&self->compared[i]);
      g_clear_pointer (&self->compared[i].label, g_free);
    }
  self->n_compared = 0;
}
