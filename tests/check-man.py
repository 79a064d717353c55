#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check-man.py: a man page describes every option its program lists.
#
#   check-man.py PROGRAM MANPAGE
#
# Runs PROGRAM --help in the C locale, takes each long option it lists, and
# fails naming the options the man page (roff) does not describe as an
# item (.TP) of its OPTIONS section.  The pages are
# written by hand; this keeps them from falling behind a new option.

import os
import re
import subprocess
import sys


def help_options(program):
    env = dict(os.environ, LC_ALL='C', LANGUAGE='')
    out = subprocess.run([program, '--help'], check=True, capture_output=True, env=env,
                         text=True).stdout
    # "  -h, --help   Show help options" and "  --lr=LR   Learning rate ..."
    options = re.findall(r'^\s+(?:-\w, )?(--[a-z0-9][a-z0-9-]*)', out, re.MULTILINE)
    if not options:
        sys.exit(f'check-man: {program} --help lists no options:\n{out}')
    return options


def option_tags(path):
    """The tag lines of the .TP paragraphs under .SH OPTIONS, roff undone."""
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    tags, in_options = [], False
    for i, line in enumerate(lines):
        if line.startswith('.SH'):
            in_options = line.split(None, 1)[1:] == ['OPTIONS']
        elif in_options and line.startswith('.TP') and i + 1 < len(lines):
            tags.append(lines[i + 1])
    text = '\n'.join(tags)
    # Roff escapes: \- is a minus sign, \fB…\fR change font, \& is nothing.
    text = re.sub(r'\\f[BIRP]|\\f\(..|\\&', '', text)
    return text.replace('\\-', '-')


def main():
    program, page = sys.argv[1], sys.argv[2]
    options = help_options(program)
    text = option_tags(page)
    missing = [o for o in options if not re.search(re.escape(o) + r'(?![a-z0-9-])', text)]
    name = os.path.basename(program)
    print(f'check-man: {name} --help lists {len(options)} options: {" ".join(options)}')
    if missing:
        print(f'check-man: {os.path.relpath(page)} does not describe: {" ".join(missing)}')
        print('check-man: add a .TP entry for each under .SH OPTIONS')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
