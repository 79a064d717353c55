#!/usr/bin/python3
# Regenerates the PyTorch reference logs that test-slope-train compares
# slope-train's output against.  Needs Debian's python3-torch; the outputs
# are committed so the tests themselves need no Python.
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
    # Diverges to nan: Python prints "nan" whatever the sign bit.
    ("lr-1", 1.0, [2000], 200, True, (0.0, 0.0)),
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


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(__file__)
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
