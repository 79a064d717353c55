#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check-flatpak.py: the Flatpak manifest is one Flathub would accept for
# Slope, and it builds this tree.
#
#   check-flatpak.py MANIFEST APPLICATION-ID
#
# The manifest cannot be built here (the runtime is downloaded), so this
# checks what can be checked offline: it parses, names the GNOME runtime
# in a version with libadwaita >= 1.2 (GNOME 43 and later), runs slope, asks
# for Wayland with an X11 fallback, IPC and the GPU and nothing else (files
# come through the portals), and builds the tree it lives in with meson.
# When flatpak-builder is installed, it must accept the manifest too.

import json
import os
import shutil
import subprocess
import sys

REQUIRED_FINISH_ARGS = {'--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri'}


def main():
    path, app_id = sys.argv[1], sys.argv[2]
    errors = []
    with open(path, encoding='utf-8') as f:
        manifest = json.load(f)

    def expect(key, value):
        if manifest.get(key) != value:
            errors.append(f'"{key}" must be {json.dumps(value)}, not {json.dumps(manifest.get(key))}')

    expect('id', app_id)
    expect('runtime', 'org.gnome.Platform')
    expect('sdk', 'org.gnome.Sdk')
    expect('command', 'slope')
    version = str(manifest.get('runtime-version', ''))
    if not (version.isdigit() and int(version) >= 43):
        errors.append(f'"runtime-version" must be a GNOME release of 43 or later (libadwaita >= 1.2),'
                      f' not {version!r}')

    finish = manifest.get('finish-args', [])
    if set(finish) != REQUIRED_FINISH_ARGS or len(finish) != len(REQUIRED_FINISH_ARGS):
        extra = sorted(set(finish) - REQUIRED_FINISH_ARGS)
        lacking = sorted(REQUIRED_FINISH_ARGS - set(finish))
        errors.append(f'"finish-args" must be exactly {sorted(REQUIRED_FINISH_ARGS)}:'
                      f' lacks {lacking}, has besides {extra}'
                      ' (files come through the portals: no --filesystem)')

    modules = manifest.get('modules', [])
    app = modules[-1] if modules else {}
    if not isinstance(app, dict) or app.get('name') != 'slope' or app.get('buildsystem') != 'meson':
        errors.append('the last module must be "slope", built with "buildsystem": "meson"')
    else:
        sources = app.get('sources', [])
        dirs = [s for s in sources if s.get('type') == 'dir']
        if len(dirs) != 1 or len(sources) != 1:
            errors.append('the slope module must have one source, of "type": "dir" (this tree)')
        else:
            tree = os.path.normpath(os.path.join(os.path.dirname(path), dirs[0].get('path', '')))
            try:
                with open(os.path.join(tree, 'meson.build'), encoding='utf-8') as f:
                    builds_slope = "project('slope'" in f.read()
            except OSError:
                builds_slope = False
            if not builds_slope:
                errors.append(f'the dir source {dirs[0].get("path")!r} must be the source tree'
                              f' (it resolves to {tree})')

    builder = shutil.which('flatpak-builder')
    if builder:
        run = subprocess.run([builder, '--show-manifest', path], capture_output=True, text=True)
        if run.returncode != 0:
            errors.append('flatpak-builder --show-manifest refuses it: ' + run.stderr.strip())
    else:
        print('check-flatpak: flatpak-builder is not installed; checked the JSON only')

    for e in errors:
        print(f'check-flatpak: {path}: {e}')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
