/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-scaling.h: scaling x and y before training, and what the data's
 * moments say about the learning rate.
 *
 * Real data (sizes in the thousands, prices in the hundreds of thousands)
 * makes the cost a long thin valley that plain gradient descent crawls
 * along.  Centring or standardising the columns, as one would with
 * (x - x.mean()) / x.std() in PyTorch, turns it into a round bowl.  The
 * trainer then runs on a scaled dataset exactly as PyTorch would run on
 * the scaled tensors, and the line is mapped back into the data's units.
 */
#pragma once

#include <glib.h>

#include "slope-types.h"

G_BEGIN_DECLS

typedef enum
{
  SLOPE_SCALE_NONE,
  SLOPE_SCALE_CENTER,        /* x − mean(x), y − mean(y) */
  SLOPE_SCALE_STANDARDIZE,   /* (x − mean(x)) / std(x), likewise y */
} SlopeScaleMode;

/* x' = (x − x_shift) / x_scale and y' = (y − y_shift) / y_scale. */
typedef struct
{
  SlopeScaleMode mode;
  double         x_shift;
  double         x_scale;
  double         y_shift;
  double         y_scale;
} SlopeScaling;

#define SLOPE_SCALING_IDENTITY { SLOPE_SCALE_NONE, 0.0, 1.0, 0.0, 1.0 }

/* κ = λmax/λmin above which the landscape counts as badly conditioned. */
#define SLOPE_BAD_CONDITION     1.0e4

const char    *slope_scale_mode_to_string   (SlopeScaleMode      mode);
gboolean       slope_scale_mode_from_string (const char         *str,
                                             SlopeScaleMode     *mode);

gboolean       slope_scaling_compute        (SlopeDataset       *dataset,
                                             SlopeScaleMode      mode,
                                             SlopeScaling       *scaling,
                                             GError            **error);
SlopeDataset  *slope_scaling_apply          (const SlopeScaling *scaling,
                                             SlopeDataset       *dataset);
void           slope_scaling_line_to_data   (const SlopeScaling *scaling,
                                             double              w,
                                             double              b,
                                             double             *w_data,
                                             double             *b_data);
void           slope_scaling_line_to_scaled (const SlopeScaling *scaling,
                                             double              w_data,
                                             double              b_data,
                                             double             *w,
                                             double             *b);

gboolean       slope_dataset_hessian_eigen  (SlopeDataset       *dataset,
                                             double             *lambda_min,
                                             double             *lambda_max);
gboolean       slope_dataset_suggested_lr   (SlopeDataset       *dataset,
                                             double             *lr);
gboolean       slope_dataset_badly_conditioned (SlopeDataset    *dataset,
                                             double             *condition);

char          *slope_format_line_equation   (double              w,
                                             double              b);

G_END_DECLS
