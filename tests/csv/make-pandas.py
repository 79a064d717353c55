#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes pandas.csv exactly as pandas does with df.to_csv(index=False):
# a header, floats in their shortest repr, NaN and None as empty cells,
# and text with commas or quotes quoted.  Run with Debian's python3-pandas:
#   /usr/bin/python3 tests/csv/make-pandas.py tests/csv/pandas.csv
import sys

import numpy as np
import pandas as pd

df = pd.DataFrame({
    "city": ["Oslo", "São Paulo", 'The "Big" Apple', "Seoul, KR", None, "Lima"],
    "x": [0.1, 1e-300, 12345678.9, np.nan, 3.0, 5e-324],
    "y": [0.1 + 0.2, -2.5, 1e22, 4.0, -0.0, 1.7976931348623157e308],
    "count": [1, 2, 3, 4, 5, 6],
})
df.to_csv(sys.argv[1], index=False)
