#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check-mutants.py: every mutant in tools/mutants.py still applies.
#
#   check-mutants.py SRCDIR
#
# A mutant is a text replacement; when the code it targets moves to
# another file or is rewritten, tools/mutate.py can only call it "not
# applicable", and the mutation score quietly counts fewer bugs.  Seven
# did so after the data plot's legend moved to its own file.  This fails
# instead, naming each mutant whose text is gone, so the list is mended
# with the change that broke it.

import importlib.util
import os
import sys


def main():
    srcdir = sys.argv[1]
    spec = importlib.util.spec_from_file_location(
        "mutants", os.path.join(srcdir, "tools", "mutants.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    stale = []
    ids = set()
    for mid, path, old, new, *rest in module.MUTANTS:
        if mid in ids:
            stale.append("%s: the id is used twice" % mid)
        ids.add(mid)
        if old == new:
            stale.append("%s: the replacement changes nothing" % mid)
        try:
            with open(os.path.join(srcdir, path), encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            stale.append("%s: %s" % (mid, e))
            continue
        if old not in text:
            stale.append("%s: its text is not in %s" % (mid, path))

    print("1..1")
    if stale:
        for line in stale:
            print("# " + line)
        print("not ok 1 - %d of %d mutants do not apply" % (len(stale), len(module.MUTANTS)))
        return 1
    print("ok 1 - all %d mutants apply" % len(module.MUTANTS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
