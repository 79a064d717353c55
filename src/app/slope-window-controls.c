/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-controls.c: the side panel's controls.
 *
 * Each control writes its setting and posts the change to the runner,
 * which applies it from the next epoch, while playing, with no reset.
 * Controls that show one value two ways (the learning-rate slider and its
 * entry) update each other under `updating_controls` so neither echoes.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "slope-axis.h"
#include "slope-parse.h"
#include "slope-window-private.h"

#define SPEED_FLAT_OUT 4.9   /* slider positions above this: no pacing */

static double
speed_from_position (double v)
{
  return v >= SPEED_FLAT_OUT ? 0.0 : round (pow (10.0, v) * 100.0) / 100.0;
}

static double
position_from_speed (double speed)
{
  return speed <= 0.0 ? 5.0 : CLAMP (log10 (speed), 0.0, SPEED_FLAT_OUT - 0.01);
}

static void
show_lr_text (SlopeWindow *self,
              double       lr)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.6g", lr);
  gtk_editable_set_text (GTK_EDITABLE (self->lr_entry), buf);
  /* The slider's value is log10 of the rate; a screen reader says the rate. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lr_scale),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, buf, -1);
  gtk_widget_remove_css_class (GTK_WIDGET (self->lr_entry), "error");
}

/* The one way the learning rate changes, from any control or option. */
void
slope_window_set_lr (SlopeWindow *self,
                     double       lr)
{
  g_return_if_fail (lr > 0.0 && isfinite (lr));

  self->updating_controls++;
  gtk_adjustment_set_value (self->lr_adjustment, log10 (lr));
  show_lr_text (self, lr);
  self->updating_controls--;

  self->lr = lr;
  slope_lr_zone_set_lr (self->lr_zone, lr);
  /* The key's range holds every rate a person can type, but for the
   * denormals. */
  g_settings_set_double (self->settings, "learning-rate", CLAMP (lr, 1e-300, 1e300));
  slope_runner_set_lr (self->runner, lr);
  slope_window_optim_update_code (self);
}

static void
on_lr_scale_changed (GtkAdjustment *adjustment,
                     SlopeWindow   *self)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (self->updating_controls)
    return;
  /* Three significant digits: a slider is for exploring, the entry for
   * exact values. */
  g_ascii_formatd (buf, sizeof buf, "%.3g", pow (10.0, gtk_adjustment_get_value (adjustment)));
  slope_window_set_lr (self, g_ascii_strtod (buf, NULL));
}

static void
on_lr_entry_activate (GtkEntry    *entry,
                      SlopeWindow *self)
{
  double lr;

  if (slope_parse_double (gtk_editable_get_text (GTK_EDITABLE (entry)), &lr) && lr > 0.0)
    slope_window_set_lr (self, lr);
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_error_bell (GTK_WIDGET (entry));
    }
}

static void
on_lr_entry_leave (GtkEventControllerFocus *controller,
                   SlopeWindow             *self)
{
  /* Closing the window takes the focus away too, after dispose has
   * dropped the runner and the settings: nothing to apply then. */
  if (self->runner == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  on_lr_entry_activate (self->lr_entry, self);
}

static void
update_zero_grad_hint (SlopeWindow *self)
{
  gboolean on = gtk_switch_get_active (self->zero_grad_switch);

  gtk_label_set_text (self->zero_grad_hint,
                      on ? _("W.grad and b.grad are cleared before every backward pass.")
                         : _("Left out: backward adds to W.grad and b.grad, so the gradients "
                             "accumulate and the line swings."));
}

static void
on_zero_grad_changed (GtkSwitch   *sw,
                      GParamSpec  *pspec,
                      SlopeWindow *self)
{
  gboolean on = gtk_switch_get_active (sw);

  update_zero_grad_hint (self);
  slope_window_controls_update_limits (self);
  if (self->updating_controls)
    return;
  g_settings_set_boolean (self->settings, "zero-grad", on);
  slope_runner_set_zero_grad (self->runner, on);
}

static void
on_epochs_changed (GtkSpinButton *spin,
                   SlopeWindow   *self)
{
  guint n = (guint) gtk_spin_button_get_value_as_int (spin);

  if (self->updating_controls || n < 1)
    return;
  g_settings_set_uint (self->settings, "epochs-per-run", n);
  slope_runner_set_epochs_per_run (self->runner, n);
}

/* The words under "Speed" are short, to stay on one line in the
 * panel's narrow first column; a screen reader hears them in full. */
static void
show_speed (SlopeWindow *self,
            double       speed)
{
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  char num[32];

  if (speed <= 0.0)
    {
      text = g_strdup (_("As fast as it goes"));
      /* Translators: the training speed when it trains flat out, under
       * "Speed" in the side panel: keep it as short as this */
      shown = g_strdup (_("Full speed"));
    }
  else
    {
      /* Whole epochs from 100 on: "2500", not "2.5e+03". */
      if (speed >= 100.0)
        g_snprintf (num, sizeof num, "%.0f", speed);
      else
        slope_format_number (num, sizeof num, speed, 3);
      /* Translators: the training speed, e.g. "100 epochs per second" */
      text = g_strdup_printf (_("%s epochs per second"), num);
      /* Translators: the training speed under "Speed" in the side panel,
       * e.g. "100 epochs/s": keep it as short as this */
      shown = g_strdup_printf (_("%s epochs/s"), num);
    }
  gtk_label_set_text (self->speed_label, shown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->speed_scale),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}

static void
on_speed_changed (GtkAdjustment *adjustment,
                  SlopeWindow   *self)
{
  double speed = speed_from_position (gtk_adjustment_get_value (adjustment));

  show_speed (self, speed);
  if (self->updating_controls)
    return;
  g_settings_set_double (self->settings, "speed", speed);
  slope_runner_set_speed (self->runner, speed);
}

static void
on_initial_changed (GtkSpinButton *spin,
                    SlopeWindow   *self)
{
  double w0 = gtk_spin_button_get_value (self->initial_w_spin);
  double b0 = gtk_spin_button_get_value (self->initial_b_spin);

  if (self->updating_controls)
    return;
  g_settings_set_double (self->settings, "initial-w", w0);
  g_settings_set_double (self->settings, "initial-b", b0);
  slope_runner_set_initial (self->runner, w0, b0);
}

/* From the landscape: the spin buttons show the new start and post it. */
void
slope_window_set_initial (SlopeWindow *self,
                          double       w0,
                          double       b0)
{
  self->updating_controls++;
  gtk_spin_button_set_value (self->initial_w_spin, w0);
  gtk_spin_button_set_value (self->initial_b_spin, b0);
  self->updating_controls--;

  g_settings_set_double (self->settings, "initial-w", w0);
  g_settings_set_double (self->settings, "initial-b", b0);
  slope_runner_set_initial (self->runner, w0, b0);
}

static void
on_residuals_toggled (GtkCheckButton *check,
                      SlopeWindow    *self)
{
  gboolean show = gtk_check_button_get_active (check);

  slope_data_view_set_show_residuals (self->data_view, show);
  g_settings_set_boolean (self->settings, "show-residuals", show);
}

static void
on_log_scale_toggled (GtkCheckButton *check,
                      SlopeWindow    *self)
{
  gboolean log_scale = gtk_check_button_get_active (check);

  slope_cost_view_set_log_scale (self->cost_view, log_scale);
  g_settings_set_boolean (self->settings, "cost-log-scale", log_scale);
}

/* With mini-batches each step descends its own batch's cost, whose
 * Hessian is not the whole data's: the limit shown is the whole data's. */
static void
show_lr_hint (SlopeWindow *self,
              const char  *hint)
{
  gsize n = slope_dataset_get_n (slope_window_training_data (self));

  if (self->batch_size != 0 && self->batch_size < n)
    {
      g_autofree char *both = g_strconcat (hint, " ",
                                           _("With mini-batches each step follows its own "
                                             "batch’s cost, whose limit differs: this one is "
                                             "the whole data’s."),
                                           NULL);

      gtk_label_set_text (self->lr_hint, both);
    }
  else
    gtk_label_set_text (self->lr_hint, hint);
}

/* The stable range for these points, on the slider and in words. */
void
slope_window_controls_update_limits (SlopeWindow *self)
{
  double lr_2, lr_4, limit;
  char a[32], b[32];
  g_autofree char *hint = NULL;

  gtk_scale_clear_marks (self->lr_scale);
  if (!slope_dataset_stable_lr (slope_window_training_data (self), &lr_2, &lr_4))
    {
      gtk_label_set_text (self->lr_hint, "");
      slope_lr_zone_set_limit (self->lr_zone, NAN, TRUE);
      return;
    }
  slope_window_follow_lr_range (self, lr_2, lr_4);
  slope_lr_zone_set_range (self->lr_zone, gtk_adjustment_get_lower (self->lr_adjustment),
                           gtk_adjustment_get_upper (self->lr_adjustment));

  /* Momentum, weight decay or an adaptive optimizer: its own limit, or
   * none that is simple. */
  hint = slope_window_optim_limit_hint (self, lr_2, &limit);
  if (hint != NULL)
    {
      slope_lr_zone_set_limit (self->lr_zone, limit, gtk_switch_get_active (self->zero_grad_switch));
      if (isfinite (limit) && limit <= pow (10.0, gtk_adjustment_get_upper (self->lr_adjustment)))
        gtk_scale_add_mark (self->lr_scale, log10 (limit), GTK_POS_BOTTOM, _("limit"));
      show_lr_hint (self, hint);
      return;
    }
  slope_lr_zone_set_limit (self->lr_zone,
                           gtk_switch_get_active (self->zero_grad_switch) ? lr_2 : lr_4,
                           gtk_switch_get_active (self->zero_grad_switch));

  slope_format_number (a, sizeof a, lr_2, 3);
  slope_format_number (b, sizeof b, lr_4, 3);
  /* Only the limit that applies now, so the two never crowd each other. */
  if (gtk_switch_get_active (self->zero_grad_switch))
    {
      if (lr_2 <= pow (10.0, gtk_adjustment_get_upper (self->lr_adjustment)))
        gtk_scale_add_mark (self->lr_scale, log10 (lr_2), GTK_POS_BOTTOM, "2/λmax");
    }
  else if (lr_4 <= pow (10.0, gtk_adjustment_get_upper (self->lr_adjustment)))
    gtk_scale_add_mark (self->lr_scale, log10 (lr_4), GTK_POS_BOTTOM, "4/λmax");

  if (gtk_switch_get_active (self->zero_grad_switch))
    hint = slope_window_lr_hint (self, a);
  else
    hint = g_strdup_printf (_("Without zero_grad it never settles, and above %s (4/λmax) it blows up."), b);
  show_lr_hint (self, hint);
}

static void
load_settings (SlopeWindow *self)
{
  double lr = g_settings_get_double (self->settings, "learning-rate");
  double speed = g_settings_get_double (self->settings, "speed");
  gboolean zero_grad = g_settings_get_boolean (self->settings, "zero-grad");
  guint epochs = g_settings_get_uint (self->settings, "epochs-per-run");
  double w0 = g_settings_get_double (self->settings, "initial-w");
  double b0 = g_settings_get_double (self->settings, "initial-b");

  self->lr = lr;
  self->updating_controls++;
  gtk_adjustment_set_value (self->lr_adjustment, log10 (lr));
  show_lr_text (self, lr);
  slope_lr_zone_set_lr (self->lr_zone, lr);
  gtk_switch_set_active (self->zero_grad_switch, zero_grad);
  gtk_spin_button_set_value (self->epochs_spin, epochs);
  gtk_adjustment_set_value (self->speed_adjustment, position_from_speed (speed));
  show_speed (self, speed);
  gtk_spin_button_set_value (self->initial_w_spin, w0);
  gtk_spin_button_set_value (self->initial_b_spin, b0);
  gtk_check_button_set_active (self->residuals_check,
                               g_settings_get_boolean (self->settings, "show-residuals"));
  gtk_check_button_set_active (self->log_scale_check,
                               g_settings_get_boolean (self->settings, "cost-log-scale"));
  self->updating_controls--;

  slope_runner_set_lr (self->runner, lr);
  slope_runner_set_zero_grad (self->runner, zero_grad);
  slope_runner_set_epochs_per_run (self->runner, epochs);
  slope_runner_set_speed (self->runner, speed);
  slope_runner_set_initial (self->runner, w0, b0);
  slope_data_view_set_show_residuals (self->data_view,
                                      gtk_check_button_get_active (self->residuals_check));
  slope_cost_view_set_log_scale (self->cost_view,
                                 gtk_check_button_get_active (self->log_scale_check));
  update_zero_grad_hint (self);
}

void
slope_window_controls_init (SlopeWindow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  load_settings (self);
  slope_window_controls_update_limits (self);

  g_signal_connect (self->lr_adjustment, "value-changed", G_CALLBACK (on_lr_scale_changed), self);
  g_signal_connect (self->lr_entry, "activate", G_CALLBACK (on_lr_entry_activate), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_lr_entry_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->lr_entry), focus);
  g_signal_connect (self->zero_grad_switch, "notify::active", G_CALLBACK (on_zero_grad_changed), self);
  g_signal_connect (self->epochs_spin, "value-changed", G_CALLBACK (on_epochs_changed), self);
  g_signal_connect (self->speed_adjustment, "value-changed", G_CALLBACK (on_speed_changed), self);
  g_signal_connect (self->initial_w_spin, "value-changed", G_CALLBACK (on_initial_changed), self);
  g_signal_connect (self->initial_b_spin, "value-changed", G_CALLBACK (on_initial_changed), self);
  g_signal_connect (self->residuals_check, "toggled", G_CALLBACK (on_residuals_toggled), self);
  g_signal_connect (self->log_scale_check, "toggled", G_CALLBACK (on_log_scale_toggled), self);
}

/**
 * slope_window_controls_apply_launch:
 *
 * Options from the command line win over the saved settings for this
 * session only: the settings are put in delay mode first, so a lesson
 * prepared with `slope --lr 0.4` does not change the next plain start.
 */
void
slope_window_controls_apply_launch (SlopeWindow              *self,
                                    const SlopeLaunchOptions *options)
{
  if (options->has_lr || options->has_epochs || options->no_zero_grad || options->has_speed)
    g_settings_delay (self->settings);

  if (options->has_lr)
    slope_window_set_lr (self, options->lr);
  if (options->has_epochs)
    gtk_spin_button_set_value (self->epochs_spin, options->epochs);
  if (options->no_zero_grad)
    gtk_switch_set_active (self->zero_grad_switch, FALSE);
  if (options->has_speed)
    gtk_adjustment_set_value (self->speed_adjustment, position_from_speed (options->speed));
  if (options->autoplay)
    slope_runner_play (self->runner);
}
