/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-arithmetic.c: the build evaluates doubles as IEEE 754 binary64, one
 * rounding per operation, which bit-for-bit agreement with PyTorch needs.
 *
 * meson.build refuses a compiler whose FLT_EVAL_METHOD is not 0 and puts
 * 32-bit x86 on SSE2; these checks catch flags that slip past it (x87's
 * 80-bit intermediates, or a*b + c contracted into a fused multiply-add
 * where the code did not ask for one).  The expected values are worked by
 * hand from the IEEE rules.
 */
#include "config.h"

#include <float.h>
#include <glib.h>

static void
test_eval_method (void)
{
  g_assert_cmpint (FLT_EVAL_METHOD, ==, 0);
}

/* 1 + 2⁻⁵³ is a tie between 1 and 1 + 2⁻⁵², and rounds to even: 1.  Done
 * twice it stays 1.  Kept in 80 bits, the two halves would add up to
 * 2⁻⁵² and give 1 + 2⁻⁵². */
static void
test_double_rounding (void)
{
  volatile double one = 1.0;
  volatile double half_ulp = 0x1p-53;
  double sum = (one + half_ulp) + half_ulp;

  g_assert_true (sum == 1.0);
}

/* (1 + 2⁻³⁰)² = 1 + 2⁻²⁹ + 2⁻⁶⁰; rounded to double, the 2⁻⁶⁰ is lost, so
 * x·x − (x·x rounded) is 0.  Contracted into fma (x, x, −p) it would be the
 * lost 2⁻⁶⁰. */
static void
test_no_contraction (void)
{
  volatile double x = 1.0 + 0x1p-30;
  volatile double product = x * x;
  double difference = x * x - product;

  g_assert_true (product == 1.0 + 0x1p-29);
  g_assert_true (difference == 0.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/arithmetic/eval-method", test_eval_method);
  g_test_add_func ("/arithmetic/double-rounding", test_double_rounding);
  g_test_add_func ("/arithmetic/no-contraction", test_no_contraction);

  return g_test_run ();
}
