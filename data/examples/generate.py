#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""generate.py: writes the example datasets shipped with Slope.

The random examples are drawn with a fixed seed so that every build, every
translation and every screenshot shows the same points; the output is
committed, so this only runs when an example is changed:

    /usr/bin/python3 data/examples/generate.py

Only the standard library is used.  Anscombe's quartet and the notebook's
points are published facts, typed in rather than generated.
"""

import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))

# F. J. Anscombe, "Graphs in Statistical Analysis", The American
# Statistician 27 (1973), pp. 17-21.  I-III share x.
ANSCOMBE_X = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5]
ANSCOMBE = {
    "anscombe-1.csv": (ANSCOMBE_X,
                       [8.04, 6.95, 7.58, 8.81, 8.33, 9.96,
                        7.24, 4.26, 10.84, 4.82, 5.68]),
    "anscombe-2.csv": (ANSCOMBE_X,
                       [9.14, 8.14, 8.74, 8.77, 9.26, 8.10,
                        6.13, 3.10, 9.13, 7.26, 4.74]),
    "anscombe-3.csv": (ANSCOMBE_X,
                       [7.46, 6.77, 12.74, 7.11, 7.81, 8.84,
                        6.08, 5.39, 8.15, 6.42, 5.73]),
    "anscombe-4.csv": ([8, 8, 8, 8, 8, 8, 8, 19, 8, 8, 8],
                       [6.58, 5.76, 7.71, 8.84, 8.47, 7.04,
                        5.25, 12.50, 5.56, 7.91, 6.89]),
}


def number(value):
    """Three decimals at most, and no trailing zeros: easy to read aloud."""
    text = "%.3f" % value
    text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def write(name, xs, ys):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        f.write("x,y\n")
        for x, y in zip(xs, ys):
            f.write("%s,%s\n" % (number(x), number(y)))


def noisy_line(rng):
    """y = 1.5x + 2 with unit Gaussian noise: what real data looks like."""
    xs = sorted(rng.uniform(0.0, 10.0) for _ in range(50))
    ys = [1.5 * x + 2.0 + rng.gauss(0.0, 1.0) for x in xs]
    return xs, ys


def outliers(rng):
    """y = 0.8x + 1 with little noise, plus four points far off the line:
    the mean squared error lets them drag the fit away from the rest."""
    xs = sorted(rng.uniform(0.0, 10.0) for _ in range(40))
    ys = [0.8 * x + 1.0 + rng.gauss(0.0, 0.3) for x in xs]
    for index, offset in ((5, 9.0), (17, -8.0), (28, 10.0), (36, 12.0)):
        ys[index] += offset
    return xs, ys


def large_x(rng):
    """x around 1000: the gradient scales with x², so lr = 0.01 overshoots
    from the first step.  Centre or scale x and the same lr works."""
    xs = sorted(rng.uniform(995.0, 1005.0) for _ in range(20))
    ys = [2.0 * x + rng.gauss(0.0, 1.0) for x in xs]
    return xs, ys


def main():
    # One generator per file, so changing one example leaves the others.
    write("notebook.csv", [1, 2, 3], [2, 4, 6])
    write("noisy-line.csv", *noisy_line(random.Random(20240601)))
    write("outliers.csv", *outliers(random.Random(20240602)))
    write("large-x.csv", *large_x(random.Random(20240603)))
    for name, (xs, ys) in ANSCOMBE.items():
        write(name, xs, ys)


if __name__ == "__main__":
    main()
