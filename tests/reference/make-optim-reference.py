#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the PyTorch references for the optimizers and mini-batches
# that test-optim-reference compares `slope-train --log-csv` against.
# Needs Debian's python3-torch; the outputs are committed, so the test
# itself needs no Python.
#
#   /usr/bin/python3 tests/reference/make-optim-reference.py tests/reference/optim
#
# Each case writes NAME.csv: one row per epoch with the columns of
# slope-train's --log-csv, every number as Python's repr() (exact).  The
# slope-train arguments of every case are in cases.txt.
#
# The epoch's cost is the mean of its batches' costs (the notebook's cost
# when there is one batch); dW and db are the last batch's own gradients;
# W.grad and b.grad are the buffers after its backward().
import os
import sys

import torch
import torch.optim as optim
from torch.utils.data import DataLoader, TensorDataset

M64 = (1 << 64) - 1


def make_data(name):
    """The data sets.  test-optim-reference.c builds "line1000" and
    "line1500" with the same operations in C; keep the two in step."""
    if name == "notebook":
        return [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]
    n = int(name[len("line"):])
    xs, ys = [], []
    for i in range(n):
        x = float(i) / 250.0
        noise = float((i * 7919) % 1009) / 1009.0 - 0.5
        xs.append(x)
        ys.append(1.5 * x - 2.0 + noise)
    return xs, ys


def slope_order(n, seed, epoch):
    """Slope's shuffle (slope-trainer.c): Fisher-Yates drawn from SplitMix64."""
    state = (seed + epoch * 0x9E3779B97F4A7C15) & M64
    order = list(range(n))
    for i in range(n - 1, 0, -1):
        state = (state + 0x9E3779B97F4A7C15) & M64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        z ^= z >> 31
        j = z % (i + 1)
        order[i], order[j] = order[j], order[i]
    return order


# name, data, runs, slope-train options (besides --epochs and the data)
CASES = [
    ("sgd-momentum", "notebook", [100], ["--momentum", "0.9"]),
    ("sgd-dampening-wd", "notebook", [100],
     ["--lr", "0.02", "--momentum", "0.5", "--dampening", "0.3", "--weight-decay", "0.1"]),
    ("sgd-nesterov", "notebook", [100], ["--momentum", "0.9", "--nesterov"]),
    ("sgd-wd-no-zero-grad", "notebook", [100], ["--weight-decay", "0.01", "--no-zero-grad"]),
    ("sgd-momentum-no-zero-grad", "notebook", [100],
     ["--lr", "0.001", "--momentum", "0.9", "--no-zero-grad"]),
    ("sgd-two-runs", "notebook", [40, 60], ["--momentum", "0.8", "--init", "1.5,-2"]),
    ("adam", "notebook", [200], ["--optimizer", "Adam", "--lr", "0.1"]),
    ("adam-amsgrad-wd", "notebook", [200],
     ["--optimizer", "Adam", "--lr", "0.05", "--amsgrad", "--weight-decay", "0.1",
      "--betas", "0.8,0.99", "--eps", "1e-06"]),
    ("adam-no-zero-grad", "notebook", [200], ["--optimizer", "Adam", "--lr", "0.1", "--no-zero-grad"]),
    ("adamw", "notebook", [200], ["--optimizer", "AdamW", "--lr", "0.1"]),
    ("adamw-amsgrad", "notebook", [200],
     ["--optimizer", "AdamW", "--lr", "0.1", "--weight-decay", "0.5", "--amsgrad"]),
    ("rmsprop", "notebook", [200], ["--optimizer", "RMSprop"]),
    ("rmsprop-centered-momentum", "notebook", [200],
     ["--optimizer", "RMSprop", "--centered", "--momentum", "0.9", "--alpha", "0.9",
      "--weight-decay", "0.01"]),
    ("rmsprop-no-zero-grad", "notebook", [200], ["--optimizer", "RMSprop", "--no-zero-grad"]),
    ("adagrad", "notebook", [200], ["--optimizer", "Adagrad", "--lr", "0.5"]),
    ("adagrad-decay", "notebook", [200],
     ["--optimizer", "Adagrad", "--lr", "0.5", "--lr-decay", "0.01",
      "--initial-accumulator-value", "0.1", "--weight-decay", "0.01", "--eps", "1e-08"]),
    ("adagrad-no-zero-grad", "notebook", [200], ["--optimizer", "Adagrad", "--lr", "0.5", "--no-zero-grad"]),
    ("sgd-batch-1", "notebook", [100], ["--batch-size", "1"]),
    ("sgd-batch-2", "notebook", [100], ["--batch-size", "2"]),
    ("adam-batch-2-no-zero-grad", "notebook", [100],
     ["--optimizer", "Adam", "--lr", "0.05", "--batch-size", "2", "--no-zero-grad"]),
    ("sgd-shuffle", "notebook", [100], ["--batch-size", "2", "--shuffle", "--seed", "7"]),
    # The window's compared runs (test-window-compare.c): the notebook's
    # run, "lr × 10", "zero_grad off" and "Adam", each copied from it.
    ("compare-sgd", "notebook", [100], []),
    ("compare-lr-0.1", "notebook", [100], ["--lr", "0.1"]),
    ("compare-no-zero-grad", "notebook", [100], ["--no-zero-grad"]),
    ("compare-adam", "notebook", [100], ["--optimizer", "Adam"]),
    ("line1000-sgd", "line1000", [100], []),
    ("line1000-sgd-momentum", "line1000", [100], ["--momentum", "0.9", "--nesterov"]),
    ("line1000-sgd-no-zero-grad", "line1000", [100], ["--lr", "0.001", "--no-zero-grad"]),
    ("line1000-adam", "line1000", [100], ["--optimizer", "Adam", "--lr", "0.05"]),
    ("line1000-adamw", "line1000", [100], ["--optimizer", "AdamW", "--lr", "0.05", "--amsgrad"]),
    ("line1000-rmsprop", "line1000", [100], ["--optimizer", "RMSprop", "--centered", "--momentum", "0.5"]),
    ("line1000-adagrad", "line1000", [100], ["--optimizer", "Adagrad", "--lr", "0.3"]),
    ("line1000-sgd-batch-1", "line1000", [4], ["--batch-size", "1"]),
    ("line1000-sgd-batch-2", "line1000", [6], ["--batch-size", "2", "--momentum", "0.5"]),
    ("line1000-sgd-batch-32", "line1000", [20], ["--batch-size", "32"]),
    ("line1000-adam-batch-32", "line1000", [20], ["--optimizer", "Adam", "--lr", "0.02", "--batch-size", "32"]),
    ("line1000-rmsprop-batch-2", "line1000", [4], ["--optimizer", "RMSprop", "--lr", "0.001", "--batch-size", "2"]),
    ("line1000-adagrad-batch-1", "line1000", [3], ["--optimizer", "Adagrad", "--lr", "0.1", "--batch-size", "1"]),
    ("line1500-adamw-batch-64-no-zero-grad", "line1500", [15],
     ["--optimizer", "AdamW", "--lr", "0.01", "--batch-size", "64", "--no-zero-grad"]),
    ("line1500-sgd-shuffle-100", "line1500", [10], ["--batch-size", "100", "--shuffle", "--seed", "12345"]),
]


def parse(options):
    """slope-train's options as the PyTorch run's settings."""
    o = {"lr": 0.01, "zero_grad": True, "init": (0.0, 0.0), "optimizer": "SGD",
         "kwargs": {}, "batch_size": None, "shuffle": False, "seed": 0}
    names = {"--momentum": "momentum", "--dampening": "dampening", "--weight-decay": "weight_decay",
             "--eps": "eps", "--alpha": "alpha", "--lr-decay": "lr_decay",
             "--initial-accumulator-value": "initial_accumulator_value"}
    flags = {"--nesterov": "nesterov", "--amsgrad": "amsgrad", "--centered": "centered"}
    i = 0
    while i < len(options):
        a = options[i]
        if a == "--lr":
            o["lr"] = float(options[i + 1]); i += 1
        elif a == "--no-zero-grad":
            o["zero_grad"] = False
        elif a == "--init":
            w, b = options[i + 1].split(","); o["init"] = (float(w), float(b)); i += 1
        elif a == "--optimizer":
            o["optimizer"] = options[i + 1]; i += 1
        elif a in names:
            o["kwargs"][names[a]] = float(options[i + 1]); i += 1
        elif a in flags:
            o["kwargs"][flags[a]] = True
        elif a == "--betas":
            b1, b2 = options[i + 1].split(","); o["kwargs"]["betas"] = (float(b1), float(b2)); i += 1
        elif a == "--batch-size":
            o["batch_size"] = int(options[i + 1]); i += 1
        elif a == "--shuffle":
            o["shuffle"] = True
        elif a == "--seed":
            o["seed"] = int(options[i + 1]); i += 1
        else:
            raise ValueError(a)
        i += 1
    return o


def batches(x, y, o, epoch):
    n = len(x)
    k = o["batch_size"] or n
    if o["shuffle"]:
        order = slope_order(n, o["seed"], epoch)
        for s in range(0, n, k):
            idx = torch.tensor(order[s:s + k])
            yield x[idx], y[idx]
    else:
        # The loop the issue names, one optimizer step per batch.
        for xb, yb in DataLoader(TensorDataset(x, y), batch_size=k):
            yield xb, yb


def run(data, runs, options):
    o = parse(options)
    dt = torch.float64
    xs, ys = make_data(data)
    x = torch.tensor(xs, dtype=dt).reshape(-1, 1)
    y = torch.tensor(ys, dtype=dt).reshape(-1, 1)
    W = torch.tensor([o["init"][0]], dtype=dt, requires_grad=True)
    b = torch.tensor([o["init"][1]], dtype=dt, requires_grad=True)
    optimizer = getattr(optim, o["optimizer"])([W, b], lr=o["lr"], **o["kwargs"])
    rows = []
    epoch_total = 0
    for nb_epochs in runs:
        for epoch in range(1, nb_epochs + 1):
            epoch_total += 1
            cost_sum = 0.0
            n_batches = 0
            for xb, yb in batches(x, y, o, epoch_total):
                hypothesis = xb * W + b
                cost = torch.mean((hypothesis - yb) ** 2)
                d_w, d_b = torch.autograd.grad(cost, [W, b], retain_graph=True)
                if o["zero_grad"]:
                    optimizer.zero_grad()
                cost.backward()
                optimizer.step()
                cost_sum += cost.item()
                n_batches += 1
            rows.append([epoch_total, W.item(), b.item(), cost_sum / n_batches,
                         d_w.item(), d_b.item(), W.grad.item(), b.grad.item()])
    return rows


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "optim")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "cases.txt"), "w") as manifest:
        manifest.write("# name data slope-train-arguments (written by make-optim-reference.py)\n")
        for name, data, runs, options in CASES:
            args = []
            for n in runs:
                args += ["--epochs", str(n)]
            args += options
            manifest.write("\t".join([name, data] + args) + "\n")
            with open(os.path.join(out, name + ".csv"), "w") as f:
                f.write("epoch,W,b,cost,dW,db,W.grad,b.grad\n")
                for row in run(data, runs, options):
                    f.write(",".join([str(row[0])] + [repr(v) for v in row[1:]]) + "\n")


if __name__ == "__main__":
    main()
