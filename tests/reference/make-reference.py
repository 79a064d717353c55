#!/usr/bin/python3
# Regenerates the PyTorch reference logs that test-slope-train compares
# slope-train's output against.  Needs Debian's python3-torch and
# python3-numpy; the outputs are committed so the tests need no Python.
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


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(__file__)
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
