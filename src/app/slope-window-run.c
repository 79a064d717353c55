/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-run.c: the window's run as one SlopeRunSettings, the struct
 * lesson files, script export and slope-train share, so that saving a
 * lesson or exporting a script reads exactly what the controls show, and
 * opening a lesson sets the controls as a person would.
 */
#include "config.h"

#include <math.h>

#include "slope-window-private.h"

/**
 * _slope_window_get_run_settings:
 * @out: (out caller-allocates): filled with the run the window trains now
 *
 * The window runs one execution of the training cell per press of Play,
 * so @out holds one run of the epochs-per-run the panel shows.
 */
void
_slope_window_get_run_settings (SlopeWindow      *self,
                                SlopeRunSettings *out)
{
  g_return_if_fail (SLOPE_IS_WINDOW (self));
  g_return_if_fail (out != NULL);

  slope_run_settings_init (out);
  out->lr = self->lr;
  out->zero_grad = gtk_switch_get_active (self->zero_grad_switch);
  out->w0 = gtk_spin_button_get_value (self->initial_w_spin);
  out->b0 = gtk_spin_button_get_value (self->initial_b_spin);
  out->optimizer = self->optimizer;
  out->batch_size = self->batch_size;
  out->shuffle = self->shuffle;
  out->seed = self->seed;
  out->n_runs = 1;
  out->runs[0] = (guint) gtk_spin_button_get_value_as_int (self->epochs_spin);
  out->log_every = self->log_every;
}

/**
 * _slope_window_set_run_settings:
 * @in: the run to train from now on
 *
 * Sets every control as if a person had, and posts each change to the
 * runner; like the controls, nothing resets: the caller resets when it
 * starts a new run (opening a lesson does).  The window has one length
 * per run, so of several executions it takes the first.  Settings the
 * optimizer refuses (see slope_optimizer_settings_validate()) are shown
 * in the panel with PyTorch's reason and not applied.
 */
void
_slope_window_set_run_settings (SlopeWindow            *self,
                                const SlopeRunSettings *in)
{
  g_return_if_fail (SLOPE_IS_WINDOW (self));
  g_return_if_fail (in != NULL);

  if (in->lr > 0.0 && isfinite (in->lr))
    slope_window_set_lr (self, in->lr);
  gtk_switch_set_active (self->zero_grad_switch, in->zero_grad);
  slope_window_set_initial (self, in->w0, in->b0);
  if (in->n_runs > 0 && in->runs[0] > 0)
    gtk_spin_button_set_value (self->epochs_spin, in->runs[0]);
  slope_window_set_optimizer (self, &in->optimizer);
  slope_window_set_batching (self, in->batch_size, in->shuffle, in->seed);
  if (in->log_every > 0)
    {
      self->log_every = in->log_every;
      slope_runner_set_log_every (self->runner, in->log_every);
    }
}
