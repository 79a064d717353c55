/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-window-a11y.c: what a screen reader is told about the plots.
 *
 * Each plot's accessible description says what it shows now, in words:
 * the line and the points, the cost and where it is heading, the place on
 * the landscape.  The numbers are rounded to three significant digits and
 * a description is replaced only when its text changes, so a screen reader
 * is not handed a new one every frame.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>

#include "slope-axis.h"
#include "slope-data-plot.h"
#include "slope-history.h"
#include "slope-window-private.h"

static void
set_description (GtkWidget  *widget,
                 char      **shown,
                 char       *text)
{
  if (g_strcmp0 (*shown, text) == 0)
    {
      g_free (text);
      return;
    }
  g_free (*shown);
  *shown = text;
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* Falling, rising or steady, from the epoch before the shown one. */
static const char *
cost_trend (SlopeWindow *self)
{
  const SlopeTrainerState *st = &self->shown;
  SlopeEpochRecord before;

  if (st->epoch < 2 || !slope_history_lookup (slope_runner_get_history (self->runner),
                                              st->epoch - 1, &before))
    return NULL;
  if (!isfinite (st->cost))
    return _("diverged");
  if (st->cost < before.cost)
    return _("falling");
  if (st->cost > before.cost)
    return _("rising");
  return _("steady");
}

static char *
cost_description (SlopeWindow *self)
{
  const SlopeTrainerState *st = &self->shown;
  const char *trend;
  char cost[32];

  if (!st->has_cost || st->epoch == 0)
    return g_strdup (_("No epoch has run yet."));
  slope_format_number (cost, sizeof cost, st->cost, 3);
  trend = cost_trend (self);
  if (trend == NULL)
    /* Translators: the cost plot's description, e.g. "Cost 0.000243 at epoch 1 of 1000" */
    return g_strdup_printf (_("Cost %s at epoch %u of %u"), cost, st->run_epoch, st->run_length);
  /* Translators: e.g. "Cost 0.000243 at epoch 1000 of 1000, falling" */
  return g_strdup_printf (_("Cost %s at epoch %u of %u, %s"), cost, st->run_epoch,
                          st->run_length, trend);
}

static char *
data_description (SlopeWindow *self)
{
  g_autofree char *equation = slope_format_equation (self->shown.w, self->shown.b);
  gsize n = slope_dataset_get_n (self->dataset);

  /* Translators: the data plot's description, e.g. "The line ŷ = 1.98x + 0.041 and 3 points" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The line %s and %zu point",
                                       "The line %s and %zu points", n),
                          equation, n);
}

static char *
landscape_description (SlopeWindow *self)
{
  char w[32], b[32], w_star[32], b_star[32];
  double ls_w, ls_b, r2;

  slope_format_number (w, sizeof w, self->shown.w, 3);
  slope_format_number (b, sizeof b, self->shown.b, 3);
  if (!slope_dataset_least_squares (self->dataset, &ls_w, &ls_b, &r2))
    /* Translators: the landscape's description, e.g. "Now at W 1.98, b 0.041" */
    return g_strdup_printf (_("Now at W %s, b %s"), w, b);
  slope_format_number (w_star, sizeof w_star, ls_w, 3);
  slope_format_number (b_star, sizeof b_star, ls_b, 3);
  /* Translators: e.g. "Now at W 1.98, b 0.041; the least-squares minimum is at W 2, b 0" */
  return g_strdup_printf (_("Now at W %s, b %s; the least-squares minimum is at W %s, b %s"),
                          w, b, w_star, b_star);
}

void
slope_window_update_descriptions (SlopeWindow *self)
{
  set_description (GTK_WIDGET (self->data_view), &self->described[0], data_description (self));
  set_description (GTK_WIDGET (self->cost_view), &self->described[1], cost_description (self));
  set_description (GTK_WIDGET (self->landscape_view), &self->described[2],
                   landscape_description (self));
}

void
slope_window_a11y_dispose (SlopeWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->described); i++)
    g_clear_pointer (&self->described[i], g_free);
}
