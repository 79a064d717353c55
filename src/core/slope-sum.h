/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-sum.h: the sums one epoch needs, in one pass, with pairwise
 * summation so the rounding error grows with log N rather than N.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* With rᵢ = W·xᵢ + b − yᵢ and gᵢ = (1/N)·(2·rᵢ), the gradient of the mean
 * with respect to ŷᵢ exactly as autograd forms it: */
typedef struct
{
  double r2;    /* Σ rᵢ² */
  double gx;    /* Σ gᵢ·xᵢ = ∂cost/∂W */
  double g;     /* Σ gᵢ    = ∂cost/∂b */
} SlopeResidualSums;

void   slope_residual_sums (const double      *x,
                            const double      *y,
                            gsize              n,
                            double             w,
                            double             b,
                            double             inv_n,
                            SlopeResidualSums *out);

G_END_DECLS
