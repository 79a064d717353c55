/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-application.h: the AdwApplication and the options it starts with. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What `slope [--lr X] [--epochs N] [--no-zero-grad] [--speed E]
 * [--autoplay] [FILE.csv]` asked for; unset fields keep the saved settings. */
typedef struct
{
  gboolean has_lr;
  double   lr;
  gboolean has_epochs;
  guint    epochs;
  gboolean no_zero_grad;
  gboolean has_speed;
  double   speed;         /* epochs per second; 0 = as fast as it goes */
  gboolean autoplay;
  gboolean quit_after_run; /* close the window when the first run ends */
} SlopeLaunchOptions;

#define SLOPE_TYPE_APPLICATION (slope_application_get_type ())

G_DECLARE_FINAL_TYPE (SlopeApplication, slope_application, SLOPE, APPLICATION, AdwApplication)

SlopeApplication *slope_application_new (void);

G_END_DECLS
