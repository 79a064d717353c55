/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-optim.c: the optimizer and the mini-batches the window
 * trains with.  A change applies from the next line, as the learning-rate
 * slider's does; a new optimizer starts with empty state, as building a
 * new torch.optim object would.
 */
#include "config.h"

#include "slope-window-private.h"

/**
 * slope_window_set_optimizer:
 *
 * Trains with @settings from the next line on, if PyTorch would accept
 * them with the window's learning rate.  Returns %FALSE, changing
 * nothing, when it would not.
 */
gboolean
slope_window_set_optimizer (SlopeWindow                  *self,
                            const SlopeOptimizerSettings *settings)
{
  g_return_val_if_fail (SLOPE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  if (!slope_optimizer_settings_validate (settings, self->lr, NULL))
    return FALSE;
  self->optimizer = *settings;
  slope_runner_set_optimizer (self->runner, settings);
  return TRUE;
}

/* @batch_size: points per step, 0 for all of them (the notebook's way). */
void
slope_window_set_batching (SlopeWindow *self,
                           guint        batch_size,
                           gboolean     shuffle,
                           guint64      seed)
{
  g_return_if_fail (SLOPE_IS_WINDOW (self));

  self->batch_size = batch_size;
  self->shuffle = !!shuffle;
  self->seed = seed;
  slope_runner_set_batching (self->runner, batch_size, shuffle, seed);
}

void
slope_window_optim_init (SlopeWindow *self)
{
  slope_optimizer_settings_init (&self->optimizer, SLOPE_OPTIMIZER_SGD);
}
