/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-script.h: a run as a short PyTorch script in the notebook's style. */
#pragma once

#include <gio/gio.h>

#include "slope-run-settings.h"
#include "slope-scaling.h"
#include "slope-types.h"

G_BEGIN_DECLS

char     *slope_optimizer_to_python (const SlopeOptimizerSettings *settings,
                                     double                        lr);
char     *slope_script_python       (SlopeDataset                 *dataset,
                                     const SlopeRunSettings       *settings);
gboolean  slope_script_save         (SlopeDataset                 *dataset,
                                     const SlopeRunSettings       *settings,
                                     GFile                        *file,
                                     GError                      **error);
char     *slope_script_python_scaled (SlopeDataset                *scaled,
                                     const SlopeRunSettings       *settings,
                                     const SlopeScaling           *scaling);
gboolean  slope_script_save_scaled  (SlopeDataset                 *scaled,
                                     const SlopeRunSettings       *settings,
                                     const SlopeScaling           *scaling,
                                     GFile                        *file,
                                     GError                      **error);

G_END_DECLS
