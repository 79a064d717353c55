/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-train-advice.c: slope-train's few words on stderr, and the line
 * in the data's units.
 *
 * The divergence line names the epoch the runner's watch caught it at, the
 * limit the rate went past (with three significant digits, as a teacher
 * would say "0.18" or "0.361"), and what to try: a rate inside the limit, and
 * standardising when the data's landscape is a thin valley.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "slope-dataset.h"
#include "slope-train-advice.h"

void
slope_train_advice_init (SlopeTrainAdvice *advice,
                         SlopeDataset     *trained_on,
                         SlopeScaleMode    scale,
                         gboolean          lr_auto)
{
  memset (advice, 0, sizeof *advice);
  slope_divergence_watch_set_dataset (&advice->watch, trained_on);
  slope_divergence_watch_reset (&advice->watch);
  advice->scale = scale;
  advice->lr_auto = lr_auto;
}

static char *
number (const char *format,
        double      v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, format, v));
}

/* What to try, as options to type. */
static char *
what_to_try (const SlopeTrainAdvice *advice)
{
  g_autofree char *suggested = number ("%.3g", advice->watch.suggested_lr);

  if (advice->watch.badly_conditioned && advice->scale != SLOPE_SCALE_STANDARDIZE)
    /* TRANSLATORS: options of slope-train, keep them as they are */
    return g_strdup_printf (_("try --scale standardize --lr auto, or --lr %s"), suggested);
  return g_strdup_printf (_("try --lr %s (--lr auto)"), suggested);
}

void
slope_train_advice_epoch (SlopeTrainAdvice       *advice,
                          const SlopeEpochRecord *rec,
                          FILE                   *err)
{
  g_autofree char *try = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *lr = NULL;

  if (advice->said || !slope_divergence_watch_epoch (&advice->watch, rec))
    return;
  advice->said = TRUE;

  try = what_to_try (advice);
  limit = number ("%.3g", advice->watch.diverged_limit);
  lr = number ("%.6g", rec->lr);
  if (!isfinite (advice->watch.diverged_limit) || !isfinite (advice->watch.suggested_lr))
    /* Σx² itself overflowed: there is no limit or rate to name. */
    fprintf (err, _("slope-train: the numbers overflowed at epoch %" PRIu64
                    ": the data's values are too large for their squares to be added up;"
                    " try smaller units or --scale standardize\n"),
             rec->epoch);
  else if (!(rec->lr > advice->watch.diverged_limit))
    fprintf (err, _("slope-train: the numbers overflowed at epoch %" PRIu64
                    " although lr %s is inside the stable limit %s; %s\n"),
             rec->epoch, lr, limit, try);
  else if (rec->zero_grad)
    fprintf (err, _("slope-train: diverging from epoch %" PRIu64
                    ": lr %s is above the stable limit %s (2/λmax); %s\n"),
             rec->epoch, lr, limit, try);
  else
    fprintf (err, _("slope-train: diverging from epoch %" PRIu64
                    ": lr %s is above the stable limit %s (4/λmax without zero_grad); %s\n"),
             rec->epoch, lr, limit, try);
}

void
slope_train_advice_chosen_lr (double  lr,
                              FILE   *err)
{
  g_autofree char *text = number ("%.17g", lr);

  fprintf (err, _("slope-train: --lr auto: %s, 2/(λmin + λmax) of the data trained on\n"), text);
}

void
slope_train_advice_data_line (const SlopeScaling *scaling,
                              double              w,
                              double              b,
                              FILE               *out)
{
  g_autofree char *equation = NULL;
  double wd, bd;

  slope_scaling_line_to_data (scaling, w, b, &wd, &bd);
  equation = slope_format_line_equation (wd, bd);
  fprintf (out, "%s\n", equation);
}
