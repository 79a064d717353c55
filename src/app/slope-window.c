/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window.c: the main window.
 *
 * The window holds no training state of its own: it posts commands to the
 * runner and, once per frame, reads the runner's newest snapshot and shows
 * it.  The controls live in slope-window-controls.c and the actions in
 * slope-window-actions.c.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h> /* PRIu64 in _(): xgettext cannot see through G_GUINT64_FORMAT */
#include <math.h>
#include <string.h>

#include "slope-axis.h"
#include "slope-data-plot.h"
#include "slope-history.h"
#include "slope-math-text.h"
#include "slope-repaint-group.h"
#include "slope-window-private.h"
#include "slope-wrap.h"

#define LOG_MAX_LINES 2000

G_DEFINE_FINAL_TYPE (SlopeWindow, slope_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_EXPLAIN,
  PROP_PRESENTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *readout_names[N_READOUTS] = {
  N_("Epoch"),
  "W",
  "b",
  N_("Cost"),
  "∂cost/∂W",
  "∂cost/∂b",
  "W.grad",
  "b.grad",
};

static void
build_reference_label (SlopeWindow *self)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *distance = slope_window_readout_new (0);
  int row = N_READOUTS + SLOPE_WINDOW_N_STATE_ROWS;

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "reference-label");
  gtk_widget_add_css_class (label, "caption");
  /* Below the optimizer's state (slope-window-optim-state.c): the line
   * (which changes with the data) and, under it, how far the model is
   * from it (which changes every epoch, so it never relayouts). */
  gtk_grid_attach (self->readouts, label, 0, row, 2, 1);
  self->reference_label = GTK_LABEL (label);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (distance), 0.0);
  gtk_widget_add_css_class (distance, "reference-label");
  gtk_widget_add_css_class (distance, "caption");
  gtk_grid_attach (self->readouts, distance, 0, row + 1, 2, 1);
  self->reference_distance = GTK_INSCRIPTION (distance);
}

static void
build_readouts (SlopeWindow *self)
{
  for (guint i = 0; i < N_READOUTS; i++)
    {
      const char *name = i == READOUT_EPOCH || i == READOUT_COST ? _(readout_names[i])
                                                                 : readout_names[i];
      GtkWidget *label = gtk_label_new (name);
      /* As wide as "−1.23457e+38" whatever is shown: the panel keeps its
       * width as the numbers grow, and a new number relayouts nothing. */
      GtkWidget *value = slope_window_readout_new (SLOPE_WINDOW_READOUT_CHARS);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "readout-name");
      gtk_widget_set_hexpand (value, TRUE);
      gtk_widget_add_css_class (value, "readout-value");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (value),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                      -1);
      gtk_grid_attach (self->readouts, label, 0, (int) i, 1, 1);
      gtk_grid_attach (self->readouts, value, 1, (int) i, 1, 1);
      self->readout_values[i] = GTK_INSCRIPTION (value);
    }
  build_reference_label (self);
}

static void
set_readout (SlopeWindow *self,
             guint        which,
             double       value,
             gboolean     known)
{
  char buf[64];
  GtkWidget *label = GTK_WIDGET (self->readout_values[which]);

  if (!known)
    g_strlcpy (buf, "—", sizeof buf);
  else
    slope_format_number (buf, sizeof buf, value, 6);
  slope_window_readout_set_text (label, buf);
  if (known && !isfinite (value))
    gtk_widget_add_css_class (label, "readout-diverged");
  else
    gtk_widget_remove_css_class (label, "readout-diverged");
}

static void
update_readouts (SlopeWindow *self)
{
  const SlopeTrainerState *st = &self->shown;
  g_autofree char *epoch = NULL;
  gboolean have = st->has_cost;
  gboolean have_grad = have && st->line >= SLOPE_LINE_BACKWARD;

  /* Between epochs the last epoch's gradients are shown; within one (line
   * by line) only what the lines so far have computed. */
  if (st->line == SLOPE_LINE_NONE)
    have_grad = have;

  if (st->epoch == st->run_epoch)
    epoch = g_strdup_printf ("%u / %u", st->run_epoch, st->run_length);
  else
    /* Translators: the epoch within the current run, its length, and all epochs since reset */
    epoch = g_strdup_printf (_("%u / %u (%" PRIu64 " in all)"),
                             st->run_epoch, st->run_length, st->epoch);
  /* "(… in all)" takes a second line; only its coming and going
   * relayouts the panel. */
  gtk_inscription_set_min_lines (self->readout_values[READOUT_EPOCH],
                                 st->epoch == st->run_epoch ? 1 : 2);
  slope_window_readout_set_text (GTK_WIDGET (self->readout_values[READOUT_EPOCH]), epoch);

  set_readout (self, READOUT_W, st->w, TRUE);
  set_readout (self, READOUT_B, st->b, TRUE);
  set_readout (self, READOUT_COST, st->cost, have && st->line != SLOPE_LINE_PREDICT);
  set_readout (self, READOUT_D_W, st->d_w, have_grad);
  set_readout (self, READOUT_D_B, st->d_b, have_grad);
  set_readout (self, READOUT_W_GRAD, st->w_grad, TRUE);
  set_readout (self, READOUT_B_GRAD, st->b_grad, TRUE);
  slope_window_optim_update_state (self);
}

static void
update_divergence (SlopeWindow *self)
{
  const SlopeRunnerSnapshot *snap = &self->snapshot;
  g_autofree char *text = NULL;

  if (snap->divergence == SLOPE_DIVERGENCE_NONE)
    {
      gtk_revealer_set_reveal_child (self->divergence_revealer, FALSE);
      return;
    }

  text = slope_window_divergence_text (self, snap);
  gtk_label_set_text (self->divergence_label, text);
  gtk_revealer_set_reveal_child (self->divergence_revealer, TRUE);
}

/* Through a mark: lines just inserted have no height yet, and only a
 * mark is scrolled to once they have.  Lines that wrap (the notebook
 * comparison's comments) are taller than the first estimate, so the log
 * keeps following its end as its height grows, until the reader scrolls
 * away from it. */
static void
scroll_log_to_end (SlopeWindow   *self,
                   GtkTextBuffer *buffer)
{
  GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "log-end");
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (mark == NULL)
    mark = gtk_text_buffer_create_mark (buffer, "log-end", &end, FALSE);
  else
    gtk_text_buffer_move_mark (buffer, mark, &end);
  self->log_follow = TRUE;
  gtk_text_view_scroll_to_mark (self->log_view, mark, 0.0, FALSE, 0.0, 1.0);
}

static void
on_log_upper (GtkAdjustment *adjustment,
              GParamSpec    *pspec,
              SlopeWindow   *self)
{
  if (self->log_follow)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                          - gtk_adjustment_get_page_size (adjustment));
}

static void
on_log_scrolled (GtkAdjustment *adjustment,
                 SlopeWindow   *self)
{
  if (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment)
      < gtk_adjustment_get_upper (adjustment) - 1.0)
    self->log_follow = FALSE;
}

static void
append_log (SlopeWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->log_view);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkTextIter end;
  int excess;

  if (self->snapshot.resets != self->shown_resets)
    {
      self->shown_resets = self->snapshot.resets;
      gtk_text_buffer_set_text (buffer, "", 0);
      slope_window_notebook_log_cleared (self);
      slope_landscape_widget_refit (self->landscape_view);
      slope_data_view_refit (self->data_view);
    }

  if (slope_runner_read_log_runs (self->runner, &self->log_cursor, lines, runs) == 0)
    {
      if (slope_window_notebook_refresh (self, buffer))
        scroll_log_to_end (self, buffer);
      return;
    }

  if (slope_window_notebook_active (self))
    slope_window_notebook_insert (self, buffer, lines->str, runs);
  else
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, lines->str, (int) lines->len);
    }
  slope_window_notebook_refresh (self, buffer);

  /* A long session must not grow the buffer without bound. */
  excess = gtk_text_buffer_get_line_count (buffer) - LOG_MAX_LINES;
  if (excess > 0)
    {
      GtkTextIter start, cut;

      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_get_iter_at_line (buffer, &cut, excess);
      gtk_text_buffer_delete (buffer, &start, &cut);
    }

  scroll_log_to_end (self, buffer);
}

/* The code and math panels explain the shown epoch (see
 * slope-window-rewind.c for which one that is). */
static void
update_explain (SlopeWindow *self)
{
  if (!self->show_explain)
    return;

  slope_code_view_set_line (self->code_view, self->shown.line, self->shown.zero_grad);
  /* W and b are the scaled data's: so must the points be. */
  slope_math_view_update (self->math_view, &self->shown, self->shown_w_before,
                          self->shown_b_before, slope_window_training_data (self),
                          &self->scaling);
}

void
slope_window_set_show_explain (SlopeWindow *self,
                               gboolean     show)
{
  show = !!show;
  if (self->show_explain == show)
    return;
  self->show_explain = show;
  gtk_widget_set_visible (GTK_WIDGET (self->explain_scroller), show);
  slope_window_fit_layout (self);
  update_explain (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EXPLAIN]);
}

static void
slope_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SlopeWindow *self = SLOPE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_EXPLAIN:
      g_value_set_boolean (value, self->show_explain);
      break;
    case PROP_PRESENTATION:
      g_value_set_boolean (value, self->presentation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slope_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SlopeWindow *self = SLOPE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_EXPLAIN:
      slope_window_set_show_explain (self, g_value_get_boolean (value));
      break;
    case PROP_PRESENTATION:
      slope_window_set_presentation (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Far from the line (a diverging run: "−1.74×10¹²") the distances take
 * two lines; only going from one to two or back relayouts the panel. */
static void
fit_distance_lines (SlopeWindow *self,
                    const char  *text)
{
  GtkWidget *distance = GTK_WIDGET (self->reference_distance);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (distance, text);
  int width = gtk_widget_get_width (distance);
  int text_width;

  if (width <= 0)
    return;
  pango_layout_get_pixel_size (layout, &text_width, NULL);
  gtk_inscription_set_min_lines (self->reference_distance, text_width > width ? 2 : 1);
}

/* The least-squares line: drawn dashed, and how far (W, b) is from it. */
static void
update_reference (SlopeWindow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *equation = NULL;
  char r2[32], dw[32], db[32];
  double w, b, r_squared;

  if (!slope_dataset_least_squares (self->dataset, &w, &b, &r_squared))
    {
      const char *why;

      if (slope_dataset_moments_overflow (self->dataset))
        why = _("The values are too large: their squares or products go past the "
                "largest number a double holds (about 1.8·10³⁰⁸), so there is no "
                "least-squares line. Scale the data down, e.g. to other units.");
      else if (slope_dataset_moments_underflow (self->dataset))
        why = _("The x values are too small: their squares go below the smallest "
                "number a double holds exactly (about 2.2·10⁻³⁰⁸), so there is no "
                "least-squares line. Scale the data up, e.g. to other units.");
      else
        why = _("All x values are equal: no single line fits best, so there "
                "is no least-squares line.");
      slope_data_view_set_reference (self->data_view, FALSE, 0, 0);
      gtk_widget_set_visible (GTK_WIDGET (self->reference_distance), FALSE);
      slope_window_label_set_text (self->reference_label, why);
      return;
    }

  slope_data_view_set_reference (self->data_view, TRUE, w, b);
  equation = slope_format_equation (w, b);
  /* W − W* in the units training runs in. */
  slope_scaling_line_to_scaled (&self->scaling, w, b, &w, &b);
  slope_format_number_unicode (r2, sizeof r2, r_squared, 4);
  slope_format_number_unicode (dw, sizeof dw, self->shown.w - w, 3);
  slope_format_number_unicode (db, sizeof db, self->shown.b - b, 3);
  /* Translators: the least-squares line and its R² */
  text = g_strdup_printf (_("Least squares: %s (R² = %s)"), equation, r2);
  /* Changes with the data, not with the epoch. */
  slope_window_label_set_text (self->reference_label, text);
  g_free (text);
  /* Translators: how far W and b are from the least-squares line's; the spaces inside each part do not break */
  text = g_strdup_printf (_("W − W* = %s, b − b* = %s"), dw, db);
  gtk_widget_set_visible (GTK_WIDGET (self->reference_distance), TRUE);
  slope_window_readout_set_text (GTK_WIDGET (self->reference_distance), text);
  /* Every redraw, not only on new text: presentation mode changes the
   * type's size under the same text. */
  fit_distance_lines (self, text);
}

static void
update_play_button (SlopeWindow *self)
{
  gboolean playing = self->snapshot.playing;
  const char *icon = playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic";

  /* Only when it changes: setting a tooltip, even the same one, makes GTK
   * ask the X server where the pointer is, on every frame. */
  if (g_strcmp0 (gtk_button_get_icon_name (self->play_button), icon) == 0)
    return;
  gtk_button_set_icon_name (self->play_button, icon);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button),
                               playing ? _("Pause (Space)") : _("Play (Space)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  playing ? _("Pause") : _("Play"),
                                  -1);
}

/**
 * slope_window_refresh:
 *
 * Shows the runner's newest state.  Called once per frame by the tick
 * callback; tests call it directly after slope_runner_sync().
 */
void
slope_window_refresh (SlopeWindow *self)
{
  gboolean changed;

  g_return_if_fail (SLOPE_IS_WINDOW (self));

  slope_window_update_load_progress (self);
  changed = slope_runner_read (self->runner, &self->snapshot);
  changed |= slope_window_compare_read (self);
  append_log (self);
  slope_window_batch_refresh (self);

  /* slope --autoplay --quit-after-run: the end of the run (or its
   * divergence) closes the window, however early it came. */
  if (self->quit_after_run && !self->snapshot.playing && self->snapshot.state.epoch > 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (changed)
    slope_window_redraw (self);
}

/* Shows `self->snapshot`, or the rewound epoch, in every view. */
void
slope_window_redraw (SlopeWindow *self)
{
  const SlopeTrainerState *now = &self->snapshot.state;
  const SlopeTrainerState *st;
  guint64 x_max;

  slope_window_compute_shown (self);
  st = &self->shown;
  update_readouts (self);
  update_explain (self);
  update_reference (self);
  update_divergence (self);
  slope_window_advice_refresh (self);
  update_play_button (self);
  slope_window_update_actions (self);

  {
    double w_data, b_data;

    /* The plot is in the data's units, training maybe in scaled ones. */
    slope_window_model_to_data (self, st->w, st->b, &w_data, &b_data);
    slope_data_view_set_model (self->data_view, w_data, b_data);
  }
  slope_landscape_widget_set_state (self->landscape_view, st->w, st->b);
  /* The x axis spans at least the current run, so it does not rescale
   * with every epoch. */
  x_max = now->epoch + (now->run_length - MIN (now->run_epoch, now->run_length));
  slope_cost_view_set_x_max (self->cost_view, MAX (x_max, (guint64) now->run_length));
  slope_cost_view_set_marker (self->cost_view, st->epoch > 0, st->epoch, st->cost);
  slope_window_compare_update (self);
  slope_window_update_descriptions (self);
}

/* The template's "Open Example" submenu, filled from the examples table. */
static void
fill_examples_menu (SlopeWindow *self)
{
  g_autoptr(GMenu) examples = g_menu_new ();

  slope_window_fill_examples_menu (examples);
  g_menu_append_section (self->examples_menu, NULL, G_MENU_MODEL (examples));
}

/* A click in the landscape: start from there, so students can try any
 * starting point. */
static void
on_start_picked (SlopeWindow *self,
                 double       w,
                 double       b)
{
  double old_w0 = gtk_spin_button_get_value (self->initial_w_spin);
  double old_b0 = gtk_spin_button_get_value (self->initial_b_spin);

  slope_window_set_initial (self, w, b);
  slope_window_compare_follow_start (self, old_w0, old_b0, w, b);
  slope_runner_reset (self->runner);
  slope_window_compare_post (self, SLOPE_COMPARE_RESET);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  SlopeWindow *self = SLOPE_WINDOW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  /* Paused, every frame: a step, a rewind or an edit shows at once. */
  if (!self->snapshot.playing || slope_window_playing_frame_due (self->shown_at, now))
    {
      self->shown_at = now;
      slope_window_refresh (self);
    }
  slope_window_fit_layout (self);
  slope_window_panel_fit (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
slope_window_close_request (GtkWindow *window)
{
  SlopeWindow *self = SLOPE_WINDOW (window);
  int width, height;

  if (!slope_window_edit_confirm_close (self))
    return TRUE;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (slope_window_parent_class)->close_request (window);
}

/* GtkWindow's "maximized" is a construct property: set after init, it
 * would undo a maximize asked for there. */
static void
slope_window_constructed (GObject *object)
{
  SlopeWindow *self = SLOPE_WINDOW (object);

  G_OBJECT_CLASS (slope_window_parent_class)->constructed (object);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
slope_window_dispose (GObject *object)
{
  SlopeWindow *self = SLOPE_WINDOW (object);

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  slope_window_cancel_load (self);
  slope_window_edit_dispose (self);
  slope_window_labs_dispose (self);
  slope_window_toast_dispose (self);
  slope_window_a11y_dispose (self);
  slope_window_lesson_dispose (self);
  slope_window_batch_dispose (self);
  slope_window_compare_dispose (self);
  /* Stop and join the training thread before anything it reads goes. */
  if (self->runner != NULL)
    slope_runner_stop (self->runner);
  g_clear_object (&self->runner);
  g_clear_object (&self->dataset);
  g_clear_object (&self->advice_dataset);
  g_clear_pointer (&self->notebook_printed, g_strfreev);
  slope_window_scaling_dispose (self);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), SLOPE_TYPE_WINDOW);

  G_OBJECT_CLASS (slope_window_parent_class)->dispose (object);
}

static void
slope_window_class_init (SlopeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = slope_window_constructed;
  object_class->dispose = slope_window_dispose;
  object_class->get_property = slope_window_get_property;
  object_class->set_property = slope_window_set_property;
  window_class->close_request = slope_window_close_request;

  /**
   * SlopeWindow:show-explain:
   *
   * Whether the code and math panels are shown beside the data plot.
   */
  properties[PROP_SHOW_EXPLAIN] =
    g_param_spec_boolean ("show-explain", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SlopeWindow:presentation:
   *
   * Fullscreen with larger type, for a projector.
   */
  properties[PROP_PRESENTATION] =
    g_param_spec_boolean ("presentation", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SLOPE_TYPE_CODE_VIEW);
  g_type_ensure (SLOPE_TYPE_MATH_VIEW);
  g_type_ensure (SLOPE_TYPE_DATA_VIEW);
  g_type_ensure (SLOPE_TYPE_LANDSCAPE_WIDGET);
  g_type_ensure (SLOPE_TYPE_LR_ZONE);
  g_type_ensure (SLOPE_TYPE_COST_VIEW);
  g_type_ensure (SLOPE_TYPE_REPAINT_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/slopelab/Slope/slope-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, play_button);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, divergence_revealer);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, divergence_label);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, data_view);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, cost_view);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, log_scale_check);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, log_view);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, readouts);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, lr_scale);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, lr_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, lr_entry);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, lr_hint);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, lr_zone);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, zero_grad_switch);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, zero_grad_hint);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, epochs_spin);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, speed_scale);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, speed_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, speed_label);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, initial_w_spin);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, initial_b_spin);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, residuals_check);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, settings_grid);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, side_scroller);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, plots_paned);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, side_panel);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, lr_group);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, data_group);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, suggest_button);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, explain_scroller);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, code_view);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, math_view);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, landscape_view);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, bottom_stack);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, landscape_box);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, examples_menu);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, load_revealer);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, load_label);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, load_progress);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, notice_label);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, lesson_revealer);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, lesson_title_label);
  gtk_widget_class_bind_template_child (widget_class, SlopeWindow, lesson_note_label);

  slope_window_class_install_actions (widget_class);
  slope_window_toast_class_init (widget_class);
  slope_window_lesson_class_init (widget_class);
}

static void
slope_window_init (SlopeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  self->dataset = slope_dataset_new_notebook ();
  self->runner = slope_runner_new (self->dataset);
  slope_data_view_set_dataset (self->data_view, self->dataset, TRUE);
  slope_landscape_widget_set_dataset (self->landscape_view, self->dataset);
  slope_landscape_widget_set_history (self->landscape_view, slope_runner_get_history (self->runner));
  g_signal_connect_object (self->landscape_view, "start-picked",
                           G_CALLBACK (on_start_picked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cost_view, "epoch-picked",
                           G_CALLBACK (slope_window_rewind_to), self, G_CONNECT_SWAPPED);
  slope_cost_view_set_history (self->cost_view, slope_runner_get_history (self->runner));
  build_readouts (self);
  slope_wrap_keep_words_in (GTK_WIDGET (self));
  self->log_every = SLOPE_DEFAULT_LOG_EVERY;
  slope_window_controls_init (self);
  slope_window_optim_init (self);
  slope_window_batch_init (self);
  slope_window_scaling_init (self);
  slope_window_compare_init (self);
  g_settings_bind (self->settings, "show-math-panel", self, "show-explain", G_SETTINGS_BIND_DEFAULT);
  slope_window_setup_drop (self);

  slope_window_install_key_controller (self);
  fill_examples_menu (self);
  {
    GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->log_view));

    g_signal_connect_object (v, "notify::upper", G_CALLBACK (on_log_upper), self, 0);
    g_signal_connect_object (v, "value-changed", G_CALLBACK (on_log_scrolled), self, 0);
  }

  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);

  slope_window_edit_init (self);
  slope_window_update_subtitle (self);
  slope_window_update_lesson_actions (self);
}

SlopeWindow *
slope_window_new (SlopeApplication         *app,
                  const SlopeLaunchOptions *options)
{
  SlopeWindow *self = g_object_new (SLOPE_TYPE_WINDOW, "application", app, NULL);

  if (options != NULL)
    {
      slope_window_controls_apply_launch (self, options);
      self->quit_after_run = options->quit_after_run;
    }

  return self;
}

SlopeDataset *
slope_window_get_dataset (SlopeWindow *self)
{
  g_return_val_if_fail (SLOPE_IS_WINDOW (self), NULL);

  return self->dataset;
}

/* The notebook's own three points, untouched. */
static gboolean
is_lesson_data (SlopeDataset *dataset)
{
  g_autoptr(SlopeDataset) lesson = slope_dataset_new_notebook ();
  const char *title = slope_dataset_get_title (dataset);
  gsize n = slope_dataset_get_n (lesson);

  return (title == NULL || *title == '\0')
         && slope_dataset_get_n (dataset) == n
         && memcmp (slope_dataset_get_x (dataset), slope_dataset_get_x (lesson), n * sizeof (double)) == 0
         && memcmp (slope_dataset_get_y (dataset), slope_dataset_get_y (lesson), n * sizeof (double)) == 0;
}

/**
 * slope_window_update_subtitle:
 *
 * Describes the data shown now: its name, how many points it has, whether
 * it was edited and how it is scaled.  Called after every load, edit, undo
 * and change of scaling, so it never speaks of data that is gone.
 */
void
slope_window_update_subtitle (SlopeWindow *self)
{
  const char *title = slope_dataset_get_title (self->dataset);
  gsize n = slope_dataset_get_n (self->dataset);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  const char *scaled = NULL;

  if (self->window_title == NULL)
    return;
  if (is_lesson_data (self->dataset) && self->scaling.mode == SLOPE_SCALE_NONE)
    {
      adw_window_title_set_subtitle (self->window_title,
                                     _("The lesson’s data: x = 1, 2, 3 and y = 2, 4, 6"));
      return;
    }

  if (title == NULL || *title == '\0')
    title = _("The lesson’s data");
  if (self->edit_stack != NULL && slope_edit_stack_is_modified (self->edit_stack))
    /* Translators: the data's name in the window's subtitle, after points were edited by hand */
    name = g_strdup_printf (_("%s, edited"), title);
  else
    name = g_strdup (title);

  if (self->scaling.mode == SLOPE_SCALE_CENTER)
    scaled = _("centred");
  else if (self->scaling.mode == SLOPE_SCALE_STANDARDIZE)
    scaled = _("standardised");

  /* Translators: the window's subtitle: the data's name and its number of points */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %zu point", "%s · %zu points", n),
                          name, n);
  if (scaled != NULL)
    {
      char *both = g_strdup_printf ("%s · %s", text, scaled);

      g_free (text);
      text = both;
    }
  adw_window_title_set_subtitle (self->window_title, text);
}

/* New data, e.g. an opened file: frame it and start over. */
void
slope_window_set_dataset (SlopeWindow  *self,
                          SlopeDataset *dataset)
{
  g_return_if_fail (SLOPE_IS_WINDOW (self));
  g_return_if_fail (SLOPE_IS_DATASET (dataset));

  g_set_object (&self->dataset, dataset);
  slope_window_notebook_end (self);
  slope_window_scaling_data_changed (self);
  slope_runner_set_dataset (self->runner, slope_window_training_data (self), TRUE);
  slope_window_compare_set_dataset (self, slope_window_training_data (self), TRUE);
  slope_data_view_set_dataset (self->data_view, dataset, TRUE);
  slope_landscape_widget_set_dataset (self->landscape_view, slope_window_training_data (self));
  slope_window_controls_update_limits (self);
  slope_window_edit_reset (self);
  slope_window_update_subtitle (self);
}
