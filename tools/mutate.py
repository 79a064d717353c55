#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Mutation testing for Slope, run by hand: does the suite catch small bugs?

Puts each mutant of tools/mutants.py into a scratch copy of the source
tree, one at a time, rebuilds incrementally, runs the tests that link the
mutated file (stopping at the first that fails) and reports which mutants
the suite caught, per area.  The working tree is never touched.

    nice tools/mutate.py                 # every mutant
    nice tools/mutate.py ID ...          # only these
    tools/mutate.py --list

Needs what `./run test` needs; starts its own Xvfb and D-Bus session for
the ui suite.  Slow: about a minute a mutant on two cores.  See
docs/HACKING.md.
"""
import argparse
import collections
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from mutants import MUTANTS  # noqa: E402

# Which suites link each area: a mutant in core can break everything above
# it.  slope-train (core suite) links plot too.
SUITES = {
    "core": ["core", "plot", "ui"],
    "plot": ["plot", "cli", "ui"],
    "widgets": ["ui"],
    "app": ["ui"],
}


def related(path, test):
    """Whether @test is named after a word of @path's (slope-csv-scan.c →
    test-csv…): those run first, as they are likeliest to catch it."""
    words = os.path.basename(path)[len("slope-"):-2].split("-")
    return any(w in test.split("-") for w in words if len(w) > 2)


def area_of(path):
    return path.split("/")[1]


def sh(cmd, cwd, timeout=None, env=None):
    return subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=timeout, env=env)


def prepare(scratch):
    """A copy of the tracked files as they are now, built once."""
    files = sh(["git", "ls-files", "-z"], ROOT).stdout.split("\0")
    for rel in files:
        if not rel:
            continue
        src = os.path.join(ROOT, rel)
        dst = os.path.join(scratch, rel)
        if not os.path.isfile(src):
            continue
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        if not os.path.exists(dst) or open(src, "rb").read() != open(dst, "rb").read():
            shutil.copy2(src, dst)
    if not os.path.exists(os.path.join(scratch, "build", "build.ninja")):
        r = sh(["meson", "setup", "build"], scratch)
        if r.returncode != 0:
            sys.exit("meson setup failed:\n" + r.stdout)
    r = sh(["meson", "compile", "-C", "build"], scratch)
    if r.returncode != 0:
        sys.exit("the unmutated tree does not build:\n" + r.stdout[-3000:])


def tests_by_suite(scratch):
    """{"core": [...], "plot": [...], "ui": [...], "cli": [...]}: the tests
    meson knows, slope-train's (which link plot) also under "cli"."""
    r = sh(["meson", "test", "-C", "build", "--list", "--no-rebuild"], scratch)
    suites = collections.defaultdict(list)
    for line in r.stdout.splitlines():
        if " / " not in line:
            continue
        suite, name = line.split(" / ")
        suites[suite.split(":")[-1].strip()].append(name.strip())
        if name.strip().startswith("test-slope-train"):
            suites["cli"].append(name.strip())
    return suites


def why_failed(scratch):
    """The first assertion or error line of the last test's log."""
    try:
        log = open(os.path.join(scratch, "build", "meson-logs", "testlog.txt"),
                   encoding="utf-8", errors="replace").read()
    except OSError:
        return "?"
    for line in log.splitlines():
        if line.startswith(("ERROR:", "not ok", "Bail out")) or line.startswith("TIMEOUT"):
            return line.strip()[:160]
    return "failed"


# Built before every test: the tests start the programs themselves.
PROGRAMS = ["src/app/slope", "src/cli/slope-train"]


def run_tests(scratch, tests, env):
    """The first test that fails (or does not build), or None.  Each test
    is built just before it runs, so a mutant caught by the first test
    costs one link, not the whole tree's."""
    for t in tests:
        # Script tests (check-uninstalled, …) are no ninja target: build
        # the programs they run, not a target of their name.
        target = ["tests/" + t] if os.path.isfile(os.path.join(scratch, "build", "tests", t)) else []
        build = sh(["ninja", "-C", "build"] + target + PROGRAMS, scratch)
        if build.returncode != 0:
            return t + " (does not build)"
        try:
            r = sh(["meson", "test", "-C", "build", "--no-rebuild", "--num-processes", "1",
                    "--timeout-multiplier", "4", t], scratch, timeout=1200, env=env)
        except subprocess.TimeoutExpired:
            return t + " (timeout)"
        if r.returncode != 0:
            return t + ": " + why_failed(scratch)
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("ids", nargs="*", help="mutant ids (default: all)")
    ap.add_argument("--list", action="store_true", help="list the mutants and exit")
    ap.add_argument("--scratch", default=os.path.join(
        os.environ.get("TMPDIR", "/tmp"), "slope-mutate"), help="scratch copy (kept, reused)")
    ap.add_argument("--report", help="also write the report to this file")
    args = ap.parse_args()

    if args.list:
        for mid, path, _, _, what, *_ in MUTANTS:
            print("%-8s %-34s %s" % (area_of(path), mid, what))
        return 0

    if not os.environ.get("DISPLAY") and not os.environ.get("SLOPE_MUTATE_CHILD"):
        env = dict(os.environ, SLOPE_MUTATE_CHILD="1")
        return subprocess.call(["dbus-run-session", "--", "xvfb-run", "-a", "-s",
                                "-screen 0 1280x800x24 -noreset", sys.executable] + sys.argv, env=env)

    chosen = [m for m in MUTANTS if not args.ids or m[0] in args.ids]
    unknown = set(args.ids) - {m[0] for m in MUTANTS}
    if unknown:
        sys.exit("unknown mutants: " + ", ".join(sorted(unknown)))

    env = dict(os.environ, GSETTINGS_BACKEND="memory", GSK_RENDERER="cairo", GTK_A11Y="none")
    os.makedirs(args.scratch, exist_ok=True)
    print("building the scratch copy in", args.scratch, flush=True)
    prepare(args.scratch)
    suites = tests_by_suite(args.scratch)

    results = []   # (area, id, status, detail)
    for mid, path, old, new, what, *hint in chosen:
        area = area_of(path)
        target = os.path.join(args.scratch, path)
        original = open(target, encoding="utf-8").read()
        if old not in original:
            results.append((area, mid, "not applicable", "text not found"))
            print("%-34s not applicable (text not found)" % mid, flush=True)
            continue
        start = time.time()
        try:
            with open(target, "w", encoding="utf-8") as f:
                f.write(original.replace(old, new, 1))
            build = sh(["ninja", "-C", "build"] + PROGRAMS, args.scratch)
            if build.returncode != 0:
                status, detail = "does not build", ""
            else:
                tests = []
                for suite in SUITES[area]:
                    tests += [t for t in suites[suite] if t not in tests]
                # The tests a mutant names first, then those named after
                # its file, then the rest: most mutants cost one test.
                first = hint[0] if hint else ()
                tests.sort(key=lambda t: (t not in first, not related(path, t)))
                failed = run_tests(args.scratch, tests, env)
                status, detail = ("caught", failed) if failed else ("SURVIVED", what)
        finally:
            with open(target, "w", encoding="utf-8") as f:
                f.write(original)
        results.append((area, mid, status, detail))
        print("%-34s %-9s %s (%.0f s)" % (mid, status, detail, time.time() - start), flush=True)
    # Leave the scratch build matching the tree.
    sh(["meson", "compile", "-C", "build"], args.scratch)

    lines = ["", "Mutation report (%s)" % time.strftime("%Y-%m-%d %H:%M"), ""]
    per_area = collections.OrderedDict((a, [0, 0]) for a in ("core", "plot", "widgets", "app"))
    for area, mid, status, detail in results:
        if status in ("caught", "SURVIVED"):
            per_area[area][1] += 1
            per_area[area][0] += status == "caught"
    total = [0, 0]
    for area, (caught, n) in per_area.items():
        if n:
            lines.append("%-8s %3d of %3d caught (%.0f%%)" % (area, caught, n, 100.0 * caught / n))
            total[0] += caught
            total[1] += n
    if total[1]:
        lines.append("%-8s %3d of %3d caught (%.0f%%)" % ("all", total[0], total[1],
                                                          100.0 * total[0] / total[1]))
    survivors = [r for r in results if r[2] == "SURVIVED"]
    if survivors:
        lines.append("")
        lines.append("Survivors:")
        lines += ["  %-8s %-34s %s" % (a, m, d) for a, m, s, d in survivors]
    others = [r for r in results if r[2] not in ("caught", "SURVIVED")]
    if others:
        lines.append("")
        lines.append("Not counted:")
        lines += ["  %-8s %-34s %s" % (a, m, s) for a, m, s, d in others]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.report:
        with open(args.report, "w") as f:
            f.write(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
