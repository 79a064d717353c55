#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the PyTorch references: the logs that test-slope-train
# compares slope-train's output against (the lesson's three points, and
# house-price-like files trained raw and scaled), and datasets.txt, the
# trajectories on generated data sets of 5 to 100 000 points that
# test-trainer compares SlopeTrainer against.  Needs Debian's python3-torch
# and python3-numpy; the outputs are committed so the tests need no Python.
#
#   /usr/bin/python3 tests/reference/make-reference.py tests/reference
#
# Each NAME.txt starts with "# slope-train ARGS"; lines starting "#! " say
# what stderr must carry (the rate --lr auto chose, where the run starts to
# diverge, worked out here from numpy's eigenvalues and PyTorch's costs),
# and the least-squares line numpy finds, in the data's units.  The rest is
# stdout.  NAME.values holds W, b and the cost of the logged epochs with
# every digit, for the 1e-12 comparison.
import os
import sys

import numpy
import torch
import torch.optim as optim

# name, lr, runs, log_every, zero_grad, init (W, b)
CASES = [
    ("notebook", 0.01, [200, 1000], 100, True, (0.0, 0.0)),
    ("lr-0.1", 0.1, [300], 10, True, (0.0, 0.0)),
    ("no-zero-grad", 0.01, [1000], 25, False, (0.0, 0.0)),
    ("lr-0.4", 0.4, [400], 5, True, (0.0, 0.0)),
    ("lr-0.17", 0.17, [500], 50, True, (0.0, 0.0)),
    ("lr-0.19", 0.19, [500], 50, True, (0.0, 0.0)),
    ("init-no-zero-grad", 0.05, [100, 150], 5, False, (5.0, -3.0)),
    ("no-zero-grad-lr-0.4", 0.4, [60], 1, False, (0.0, 0.0)),
    # Diverges to nan: Python prints "nan" whatever the sign bit.
    ("lr-1", 1.0, [2000], 200, True, (0.0, 0.0)),
]


# Scaled training on house-price-like files: name, csv, scale, lr ("auto"
# or a number), runs, log_every.  The files are written below.
SCALED_CASES = [
    ("houses-standardize", "houses.csv", "standardize", "auto", [1000], 100),
    ("houses-center", "houses.csv", "center", 1e-7, [300], 50),
    ("houses-raw", "houses.csv", "none", 0.01, [40], 1),
    ("mega-standardize", "mega.csv", "standardize", "auto", [1000], 100),
    ("micro-standardize", "micro.csv", "standardize", "auto", [1000], 100),
    ("micro-standardize-lr", "micro.csv", "standardize", 0.1, [200, 300], 50),
]


def houses():
    # Sizes 500–3000 m², prices about 150 per m² plus 50 000, with noise.
    rng = numpy.random.RandomState(9)
    x = numpy.round(rng.uniform(500, 3000, 40), 1)
    y = numpy.round(150.0 * x + 50000 + rng.normal(0, 25000, 40), -2)
    return "size_m2", "price", x, y


def mega():
    # x near 10⁶ with a spread of 10⁴: the raw valley is hopeless.
    rng = numpy.random.RandomState(10)
    x = numpy.round(1.0e6 + rng.uniform(0, 2.0e4, 30))
    y = 0.003 * x - 2950 + rng.normal(0, 3, 30)
    return "population", "shops", x, y


def micro():
    # x near 10⁻⁶ (metres), y in the hundreds.
    rng = numpy.random.RandomState(11)
    x = rng.uniform(0.4e-6, 0.7e-6, 25)
    y = -4.0e8 * x + 480 + rng.normal(0, 5, 25)
    return "wavelength_m", "reading", x, y


FILES = {"houses.csv": houses, "mega.csv": mega, "micro.csv": micro}


def write_csv(path, maker):
    xname, yname, x, y = maker()
    with open(path, "w") as f:
        f.write("%s,%s\n" % (xname, yname))
        for xi, yi in zip(x, y):
            f.write("%r,%r\n" % (float(xi), float(yi)))


def read_csv(path):
    rows = [line.strip().split(",") for line in open(path)][1:]
    return [float(r[0]) for r in rows], [float(r[1]) for r in rows]


def hessian(x):
    # The cost's Hessian (2/N)·[[Σx², Σx], [Σx, N]], from numpy.
    n = len(x)
    h = numpy.array([[numpy.dot(x, x), numpy.sum(x)], [numpy.sum(x), n]]) * 2.0 / n
    return numpy.linalg.eigvalsh(h)


def diverges(costs, lr, zero_grad, x):
    # The first epoch whose cost reaches ten times the first's, when the
    # rate is past 2/λmax (4/λmax without zero_grad); or the first inf.
    lam = hessian(numpy.array(x))
    limit = (2.0 if zero_grad else 4.0) / lam[1]
    if lr <= limit:
        return None
    for epoch, c in enumerate(costs[1:], start=2):
        if not numpy.isfinite(c) or (c >= 10 * costs[0] and c > costs[0]):
            return epoch, limit
    return None


def train(x, y, lr, runs, log_every, zero_grad, init):
    W = torch.tensor([init[0]], dtype=x.dtype, requires_grad=True)
    b = torch.tensor([init[1]], dtype=x.dtype, requires_grad=True)
    optimizer = optim.SGD([W, b], lr=lr)
    lines, values, costs = [], [], []
    for nb_epochs in runs:
        for epoch in range(1, nb_epochs + 1):
            hypothesis = x * W + b
            cost = torch.mean((hypothesis - y) ** 2)
            if zero_grad:
                optimizer.zero_grad()
            cost.backward()
            optimizer.step()
            costs.append(cost.item())
            if epoch % log_every == 0:
                lines.append('Epoch {:4d}/{} W: {:.3f}, b: {:.3f} Cost: {:.6f}'.format(
                    epoch, nb_epochs, W.item(), b.item(), cost.item()))
                values.append((len(costs), W.item(), b.item(), cost.item()))
    return lines, values, costs, W.item(), b.item()


def run(lr, runs, log_every, zero_grad, init):
    dt = torch.float64
    x = torch.tensor([[1.0], [2.0], [3.0]], dtype=dt)
    y = torch.tensor([[2.0], [4.0], [6.0]], dtype=dt)
    lines, _, costs, _, _ = train(x, y, lr, runs, log_every, zero_grad, init)
    return lines, diverges(costs, lr, zero_grad, [1.0, 2.0, 3.0])


def equation(w, b):
    return "ŷ = %.6gx %s %.6g" % (w, "-" if b < 0 else "+", abs(b))


def run_scaled(out, name, csv, scale, lr, runs, log_every):
    xs, ys = read_csv(os.path.join(out, csv))
    dt = torch.float64
    x = torch.tensor(xs, dtype=dt)
    y = torch.tensor(ys, dtype=dt)
    # As one scales tensors in PyTorch: torch.std is the sample deviation.
    mx, my, sx, sy = 0.0, 0.0, 1.0, 1.0
    if scale != "none":
        mx, my = x.mean().item(), y.mean().item()
    if scale == "standardize":
        sx, sy = x.std().item(), y.std().item()
    x = (x - mx) / sx
    y = (y - my) / sy
    head = []
    if lr == "auto":
        lam = hessian(x.numpy())
        lr = 2.0 / (lam[0] + lam[1])
        head.append("#! lr-auto %.17g" % lr)
    lines, values, costs, w, b = train(x, y, lr, runs, log_every, True, (0.0, 0.0))
    d = diverges(costs, lr, True, x.numpy())
    if d:
        head.append("#! diverging %d %.3g" % d)
    # Independent of the above: numpy's least squares in the data's units.
    a = numpy.vstack([numpy.array(xs), numpy.ones(len(xs))]).T
    (lw, lb), *_ = numpy.linalg.lstsq(a, numpy.array(ys), rcond=None)
    head.append("#! least-squares %.17g %.17g" % (lw, lb))
    if scale != "none":
        slope = sy * w / sx
        lines.append(equation(slope, my + sy * b - slope * mx))
    return head, lines, values


# The generated data sets.  Both this script and test-trainer.c make them
# from the same integers (splitmix64), and every coordinate is an integer
# over a power of two, so both sides have exactly the same doubles without
# committing 100 000 points.
MASK = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def make_points(n, seed, slope, offset):
    """x = k/1024 for k in [-3072, 3072]; y = slope·x + offset + noise,
    all in units of 1/4096 (slope and offset are integers)."""
    state = seed
    xs, ys = [], []
    for _ in range(n):
        state, r1 = splitmix64(state)
        state, r2 = splitmix64(state)
        k = int(r1 % 6145) - 3072
        noise = int(r2 % 8193) - 4096
        xs.append(k / 1024.0)
        ys.append((slope * k * 4 + offset * 4096 + noise) / 4096.0)
    return xs, ys


# name, n, seed, slope, offset, lr, runs, zero_grad, init (W, b), checkpoints
# (epochs since the start, across runs)
DATASETS = [
    ("n5", 5, 1, 2, 1, 0.05, [400], True, (0.0, 0.0), [1, 2, 3, 10, 100, 400]),
    ("n7-no-zero-grad", 7, 2, -3, 2, 0.01, [600], False, (0.0, 0.0), [1, 2, 5, 50, 300, 600]),
    ("n16-diverges", 16, 3, 1, 0, 0.5, [300], True, (0.0, 0.0), [1, 2, 10, 50, 100, 200, 300]),
    ("n33-no-zero-grad-diverges", 33, 4, 2, -1, 0.7, [200], False, (0.5, 0.5),
     [1, 5, 20, 60, 100, 200]),
    ("n100-runs", 100, 5, 4, 3, 0.03, [150, 250, 100], True, (1.0, -2.0),
     [1, 150, 151, 300, 400, 500]),
    ("n1000-runs-no-zero-grad", 1000, 6, 1, -4, 0.005, [300, 300], False, (-1.0, 1.0),
     [1, 10, 300, 301, 450, 600]),
    ("n4097", 4097, 7, -2, 0, 0.1, [500], True, (0.0, 0.0), [1, 2, 50, 250, 500]),
    ("n100000", 100000, 8, 3, 5, 0.07, [200, 100], True, (0.0, 0.0), [1, 2, 20, 200, 201, 300]),
]


def trajectory(n, seed, slope, offset, lr, runs, zero_grad, init, checkpoints):
    dt = torch.float64
    xs, ys = make_points(n, seed, slope, offset)
    x = torch.tensor(xs, dtype=dt).reshape(n, 1)
    y = torch.tensor(ys, dtype=dt).reshape(n, 1)
    W = torch.tensor([init[0]], dtype=dt, requires_grad=True)
    b = torch.tensor([init[1]], dtype=dt, requires_grad=True)
    optimizer = optim.SGD([W, b], lr=lr)
    rows = []
    epoch = 0
    for nb_epochs in runs:
        for _ in range(nb_epochs):
            hypothesis = x * W + b
            cost = torch.mean((hypothesis - y) ** 2)
            if zero_grad:
                optimizer.zero_grad()
            cost.backward()
            optimizer.step()
            epoch += 1
            if epoch in checkpoints:
                rows.append((epoch, cost.item(), W.grad.item(), b.grad.item(),
                             W.item(), b.item()))
    return rows


def write_datasets(out):
    with open(os.path.join(out, "datasets.txt"), "w") as f:
        f.write("# PyTorch %s float64 on generated data; made by make-reference.py.\n" %
                torch.__version__)
        f.write("# dataset NAME N SEED SLOPE OFFSET LR ZERO_GRAD W0 B0 RUN...\n")
        f.write("# then: EPOCH COST W.GRAD B.GRAD W B (after the step), hexadecimal\n")
        for name, n, seed, slope, offset, lr, runs, zg, init, checkpoints in DATASETS:
            f.write("dataset %s %d %d %d %d %r %d %r %r %s\n" % (
                name, n, seed, slope, offset, lr, 1 if zg else 0, init[0], init[1],
                " ".join(str(r) for r in runs)))
            for row in trajectory(n, seed, slope, offset, lr, runs, zg, init, checkpoints):
                f.write("%d %s\n" % (row[0], " ".join(float.hex(v) for v in row[1:])))


# A session in the window, as test-window-promises drives it: runs of
# different lengths, the learning rate changed and zero_grad switched off in
# the middle of a run.  Each segment: (epochs, lr, zero_grad, run length);
# a run starts whenever the previous one has finished.
WINDOW_SESSION = [
    (150, 0.01, True, 150),
    (120, 0.01, True, 300),
    (80, 0.05, True, 300),
    (100, 0.05, False, 300),
    (250, 0.02, True, 250),
]


def write_window_session(out):
    dt = torch.float64
    x = torch.tensor([[1.0], [2.0], [3.0]], dtype=dt)
    y = torch.tensor([[2.0], [4.0], [6.0]], dtype=dt)
    W = torch.zeros(1, dtype=dt, requires_grad=True)
    b = torch.zeros(1, dtype=dt, requires_grad=True)
    optimizer = optim.SGD([W, b], lr=0.01)
    lines = []
    run_epoch = run_length = 0
    for epochs, lr, zero_grad, length in WINDOW_SESSION:
        for group in optimizer.param_groups:
            group["lr"] = lr
        for _ in range(epochs):
            if run_epoch == run_length:
                run_epoch, run_length = 0, length
            hypothesis = x * W + b
            cost = torch.mean((hypothesis - y) ** 2)
            if zero_grad:
                optimizer.zero_grad()
            cost.backward()
            optimizer.step()
            run_epoch += 1
            if run_epoch % 100 == 0:
                lines.append('Epoch {:4d}/{} W: {:.3f}, b: {:.3f} Cost: {:.6f}'.format(
                    run_epoch, run_length, W.item(), b.item(), cost.item()))
    with open(os.path.join(out, "window-session.txt"), "w") as f:
        f.write("# PyTorch %s float64: the lesson's data, segments %r\n" %
                (torch.__version__, WINDOW_SESSION))
        f.write("# final W b %s %s\n" % (float.hex(W.item()), float.hex(b.item())))
        for line in lines:
            f.write(line + "\n")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(__file__)
    write_datasets(out)
    write_window_session(out)
    for csv, maker in FILES.items():
        write_csv(os.path.join(out, csv), maker)
    for name, csv, scale, lr, runs, log_every in SCALED_CASES:
        args = ["reference/" + csv, "--scale", scale, "--lr", lr if lr == "auto" else repr(lr)]
        for n in runs:
            args += ["--epochs", str(n)]
        args += ["--log-every", str(log_every)]
        head, lines, values = run_scaled(out, name, csv, scale, lr, runs, log_every)
        with open(os.path.join(out, name + ".txt"), "w") as f:
            f.write("# slope-train " + " ".join(args) + "\n")
            for line in head + lines:
                f.write(line + "\n")
        with open(os.path.join(out, name + ".values"), "w") as f:
            for epoch, w, b, c in values:
                f.write("%d %.17g %.17g %.17g\n" % (epoch, w, b, c))
    for name, lr, runs, log_every, zero_grad, init in CASES:
        args = ["--lr", repr(lr)]
        for n in runs:
            args += ["--epochs", str(n)]
        args += ["--log-every", str(log_every), "--init", "%r,%r" % init]
        if not zero_grad:
            args.append("--no-zero-grad")
        lines, d = run(lr, runs, log_every, zero_grad, init)
        with open(os.path.join(out, name + ".txt"), "w") as f:
            f.write("# slope-train " + " ".join(args) + "\n")
            if d:
                f.write("#! diverging %d %.3g\n" % d)
            for line in lines:
                f.write(line + "\n")


if __name__ == "__main__":
    main()
