#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the PyTorch references: the logs that test-slope-train
# compares slope-train's output against (the lesson's three points), and
# datasets.txt, the trajectories on generated data sets of 5 to 100 000
# points that test-trainer compares SlopeTrainer against.  Needs Debian's
# python3-torch; the outputs are committed so the tests need no Python.
#
#   /usr/bin/python3 tests/reference/make-reference.py tests/reference
import os
import sys

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


def run(lr, runs, log_every, zero_grad, init):
    dt = torch.float64
    x = torch.tensor([[1.0], [2.0], [3.0]], dtype=dt)
    y = torch.tensor([[2.0], [4.0], [6.0]], dtype=dt)
    W = torch.tensor([init[0]], dtype=dt, requires_grad=True)
    b = torch.tensor([init[1]], dtype=dt, requires_grad=True)
    optimizer = optim.SGD([W, b], lr=lr)
    lines = []
    for nb_epochs in runs:
        for epoch in range(1, nb_epochs + 1):
            hypothesis = x * W + b
            cost = torch.mean((hypothesis - y) ** 2)
            if zero_grad:
                optimizer.zero_grad()
            cost.backward()
            optimizer.step()
            if epoch % log_every == 0:
                lines.append('Epoch {:4d}/{} W: {:.3f}, b: {:.3f} Cost: {:.6f}'.format(
                    epoch, nb_epochs, W.item(), b.item(), cost.item()))
    return lines


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
    for name, lr, runs, log_every, zero_grad, init in CASES:
        args = ["--lr", repr(lr)]
        for n in runs:
            args += ["--epochs", str(n)]
        args += ["--log-every", str(log_every), "--init", "%r,%r" % init]
        if not zero_grad:
            args.append("--no-zero-grad")
        with open(os.path.join(out, name + ".txt"), "w") as f:
            f.write("# slope-train " + " ".join(args) + "\n")
            for line in run(lr, runs, log_every, zero_grad, init):
                f.write(line + "\n")


if __name__ == "__main__":
    main()
