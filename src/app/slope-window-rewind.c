/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-rewind.c: what the window shows, the present or the past.
 *
 * Every view reads one displayed state, `self->shown`: normally the
 * runner's newest snapshot, but while the user drags along the cost plot,
 * the record of the epoch under the pointer from the bounded history
 * (exact for recent epochs, the nearest stored one beyond).  Training is
 * not disturbed; Play, a step, Reset or Escape return to the present.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h> /* PRIu64 in _(): xgettext cannot see through G_GUINT64_FORMAT */

#include "slope-history.h"
#include "slope-math-text.h"
#include "slope-window-private.h"

static void
show_record (SlopeWindow            *self,
             const SlopeEpochRecord *rec)
{
  self->shown.epoch = rec->epoch;
  self->shown.run_epoch = rec->run_epoch;
  self->shown.run_length = rec->run_length;
  self->shown.line = SLOPE_LINE_NONE;
  self->shown.has_cost = TRUE;
  slope_math_state_apply_record (&self->shown, rec);
  self->shown_w_before = rec->w_before;
  self->shown_b_before = rec->b_before;
}

/**
 * slope_window_compute_shown:
 *
 * Fills `self->shown` (and the W and b the shown epoch started from) for
 * this frame.
 */
void
slope_window_compute_shown (SlopeWindow *self)
{
  SlopeHistory *history = slope_runner_get_history (self->runner);
  const SlopeTrainerState *st = &self->snapshot.state;
  SlopeEpochRecord rec;

  if (self->rewinding && slope_history_lookup (history, self->rewind_epoch, &rec))
    {
      self->shown = *st;
      show_record (self, &rec);
      return;
    }

  self->shown = *st;
  self->shown_w_before = st->w;
  self->shown_b_before = st->b;
  /* Between epochs the panels explain the epoch just completed, with the
   * learning rate and switch it really used. */
  if (st->line == SLOPE_LINE_NONE && st->epoch > 0
      && slope_history_lookup (history, st->epoch, &rec) && rec.epoch == st->epoch)
    {
      slope_math_state_apply_record (&self->shown, &rec);
      self->shown_w_before = rec.w_before;
      self->shown_b_before = rec.b_before;
    }
}

gboolean
slope_window_is_rewinding (SlopeWindow *self)
{
  return self->rewinding;
}

/* Look at a past epoch; 0 or an epoch not run yet returns to the present. */
void
slope_window_rewind_to (SlopeWindow *self,
                        guint64      epoch)
{
  g_autofree char *text = NULL;
  guint64 last = self->snapshot.state.epoch;

  if (epoch == 0 || epoch >= last)
    {
      slope_window_end_rewind (self);
      return;
    }

  if (self->snapshot.playing)
    slope_runner_pause (self->runner);
  slope_window_compare_post (self, SLOPE_COMPARE_PAUSE);
  self->rewinding = TRUE;
  self->rewind_epoch = epoch;
  text = g_strdup_printf (_("Looking back at epoch %" PRIu64 " of %" PRIu64
                            ". Play, Step or Escape returns to the present."),
                          epoch, last);
  slope_window_show_notice (self, text);
  slope_window_redraw (self);
}

void
slope_window_end_rewind (SlopeWindow *self)
{
  if (!self->rewinding)
    return;
  self->rewinding = FALSE;
  slope_window_show_notice (self, NULL);
  slope_window_redraw (self);
}
