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

/* The order of the additions is fixed by n alone (see slope-sum.c), so the
 * result is the same on every machine and with any number of threads. */
void   slope_residual_sums        (const double      *x,
                                   const double      *y,
                                   gsize              n,
                                   double             w,
                                   double             b,
                                   double             inv_n,
                                   SlopeResidualSums *out);

/* How many threads a large sum may use: 1 keeps it on the caller's thread,
 * 2 (the default) lets the helper thread take part, and the next large sum
 * tries it even if the helper was found slow lately.  For benchmarks and
 * tests; the result does not depend on it. */
void   slope_sum_set_max_threads  (guint              n_threads);
guint  slope_sum_get_max_threads  (void);

G_END_DECLS
