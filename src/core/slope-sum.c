/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slope-sum.c: pairwise summation without allocation.
 *
 * The recursion splits the range in halves down to a block small enough to
 * add in a plain loop; its depth is log2(N / BLOCK), so it needs no heap
 * and an epoch over ten million points stays allocation-free.
 */
#include "config.h"

#include "slope-sum.h"

#define BLOCK 64

void
slope_residual_sums (const double      *x,
                     const double      *y,
                     gsize              n,
                     double             w,
                     double             b,
                     double             inv_n,
                     SlopeResidualSums *out)
{
  if (n <= BLOCK)
    {
      double r2 = 0.0, gx = 0.0, g = 0.0;

      for (gsize i = 0; i < n; i++)
        {
          /* PyTorch's operations in PyTorch's order, each rounded on its
           * own (the build turns off FMA contraction): x * W + b - y, then
           * MeanBackward's 1/N times PowBackward's 2·r. */
          double h = x[i] * w + b;
          double d = h - y[i];
          double gi = inv_n * (2.0 * d);

          r2 += d * d;
          gx += gi * x[i];
          g += gi;
        }

      out->r2 = r2;
      out->gx = gx;
      out->g = g;
      return;
    }

  {
    gsize half = (n / 2 + BLOCK - 1) / BLOCK * BLOCK;
    SlopeResidualSums lo, hi;

    slope_residual_sums (x, y, half, w, b, inv_n, &lo);
    slope_residual_sums (x + half, y + half, n - half, w, b, inv_n, &hi);

    out->r2 = lo.r2 + hi.r2;
    out->gx = lo.gx + hi.gx;
    out->g = lo.g + hi.g;
  }
}
