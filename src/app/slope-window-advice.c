/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-advice.c: what the window says about real data — the rate
 * that suits it, why a run is diverging and what to do, why a run without
 * zero_grad will not settle, and when the data calls for scaling.
 *
 * Each is said at the moment it matters (on load, on divergence, once per
 * run), in plain words and with the numbers of the data shown.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "slope-axis.h"
#include "slope-scaling.h"
#include "slope-window-private.h"

/* The slider reaches a decade below the stable limit, whatever the data,
 * and never cuts off the rate in use. */
void
slope_window_follow_lr_range (SlopeWindow *self,
                              double       lr_2,
                              double       lr_4)
{
  double now = gtk_adjustment_get_value (self->lr_adjustment);
  double lower = MIN (-4.0, floor (log10 (lr_2)) - 1.0);
  double upper = MIN (MAX (0.0, ceil (log10 (lr_4))), 3.0);

  if (!isfinite (lower) || !isfinite (upper))
    return;
  self->updating_controls++;
  gtk_adjustment_set_lower (self->lr_adjustment, MIN (lower, floor (now)));
  gtk_adjustment_set_upper (self->lr_adjustment, MAX (upper, ceil (now)));
  self->updating_controls--;
}

/* The hint under the slider: the limit, and the rate Suggest would set. */
char *
slope_window_lr_hint (SlopeWindow *self,
                      const char  *limit)
{
  char suggested[32];
  double lr;

  if (!slope_dataset_suggested_lr (slope_window_training_data (self), &lr))
    return g_strdup_printf (_("Converges below %s (2/λmax) on these points; diverges above it."),
                            limit);
  slope_format_number (suggested, sizeof suggested, lr, 3);
  return g_strdup_printf (_("Converges below %s (2/λmax) on these points; diverges above it. "
                            "The fastest steady rate is 2/(λmin + λmax) ≈ %s."),
                          limit, suggested);
}

/* A sentence on scaling, for data whose cost is a thin valley. */
static const char *
scaling_sentence (void)
{
  return _("These numbers make the cost a long thin valley: choose “Standardise” under "
           "“Scale x and y” ((x − mean) / std) and it becomes a round bowl that the suggested "
           "rate, near 0.5, crosses in a few epochs.");
}

char *
slope_window_divergence_text (SlopeWindow               *self,
                              const SlopeRunnerSnapshot *snap)
{
  char lr[32], limit[32], suggested[32];
  g_autofree char *text = NULL;

  slope_format_number (lr, sizeof lr, snap->diverged_lr, 4);
  slope_format_number (limit, sizeof limit, snap->diverged_limit, 3);
  slope_format_number (suggested, sizeof suggested, snap->suggested_lr, 3);
  if (!isfinite (snap->diverged_limit))
    text = g_strdup_printf (_("Training is diverging (epoch %" PRIu64 "): W, b or the cost grew "
                              "past the largest number a double holds. Lower the learning rate "
                              "and press Reset."),
                            snap->diverged_epoch);
  else if (self->optimizer.kind != SLOPE_OPTIMIZER_SGD || self->optimizer.momentum != 0.0
           || self->optimizer.weight_decay != 0.0)
    text = g_strdup_printf (_("Training is diverging (epoch %" PRIu64 "): the learning rate %s is "
                              "above %s, the limit for this optimizer on these points (under the "
                              "slider), so every step overshoots further. Lower the rate and "
                              "press Reset."),
                            snap->diverged_epoch, lr, limit);
  else if (snap->divergence == SLOPE_DIVERGENCE_STEP_TOO_LARGE)
    text = g_strdup_printf (_("Training is diverging (epoch %" PRIu64 "): the learning rate %s is "
                              "above 2/λmax ≈ %s on these points, so every step overshoots "
                              "further. Try %s, the fastest steady rate, and press Reset."),
                            snap->diverged_epoch, lr, limit, suggested);
  else
    text = g_strdup_printf (_("Training is diverging (epoch %" PRIu64 "): without "
                              "optimizer.zero_grad() the gradients pile up in W.grad and b.grad, "
                              "and at %s, above 4/λmax ≈ %s, the swings grow. Turn "
                              "optimizer.zero_grad() back on, or lower the rate, and press Reset."),
                            snap->diverged_epoch, lr, limit);
  if (snap->scaling_advised)
    return g_strconcat (text, " ", scaling_sentence (), NULL);
  return g_steal_pointer (&text);
}

static void
add_notice (SlopeWindow *self,
            const char  *text)
{
  g_autofree char *both = NULL;

  if (gtk_revealer_get_reveal_child (self->notice_revealer))
    both = g_strconcat (gtk_label_get_text (self->notice_label), "\n", text, NULL);
  slope_window_show_notice (self, both != NULL ? both : text);
}

/* The divergence banner offers scaling itself: the notice does not say it
 * a second time beneath it. */
static void
drop_scaling_notice (SlopeWindow *self)
{
  const char *shown = gtk_label_get_text (self->notice_label);
  const char *sentence = scaling_sentence ();
  const char *at;
  g_autoptr(GString) rest = NULL;

  if (!gtk_revealer_get_reveal_child (self->notice_revealer)
      || (at = strstr (shown, sentence)) == NULL)
    return;
  rest = g_string_new_len (shown, at - shown);
  g_string_append (rest, at + strlen (sentence));
  g_strstrip (rest->str);
  slope_window_show_notice (self, *rest->str != '\0' ? rest->str : NULL);
}

/**
 * slope_window_advice_refresh:
 *
 * Called with every redraw: says, once, that a run without zero_grad
 * will not settle, and offers scaling when new data is badly conditioned.
 */
void
slope_window_advice_refresh (SlopeWindow *self)
{
  const SlopeRunnerSnapshot *snap = &self->snapshot;

  if (snap->resets != self->advice_resets)
    {
      self->advice_resets = snap->resets;
      self->advice_unsettled = FALSE;
    }
  if (snap->unsettled_epoch != 0 && !self->advice_unsettled
      && snap->divergence == SLOPE_DIVERGENCE_NONE)
    {
      self->advice_unsettled = TRUE;
      add_notice (self, _("Without optimizer.zero_grad() this run will not settle: each step adds "
                          "this epoch's gradient to all the earlier ones, so W and b overshoot "
                          "and swing back for ever. It stays bounded at this rate, below "
                          "4/λmax, so training goes on."));
    }
  if (self->advice_dataset != self->dataset)
    {
      g_set_object (&self->advice_dataset, self->dataset);
      if (slope_dataset_badly_conditioned (slope_window_training_data (self), NULL))
        add_notice (self, scaling_sentence ());
    }
  if (snap->divergence != SLOPE_DIVERGENCE_NONE && snap->scaling_advised)
    drop_scaling_notice (self);
}
