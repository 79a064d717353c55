/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv.c: the libFuzzer target for the CSV reader (see docs/HACKING.md). */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "slope-fuzz-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  slope_fuzz_csv_one (data, size);
  return 0;
}
