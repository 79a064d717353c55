#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check-metadata.py: the desktop entry and the AppStream metainfo pass their
# validators without a word, and the metainfo has what Flathub's quality
# guidelines ask for.
#
#   check-metadata.py desktop DESKTOP-FILE [MIME-XML]
#   check-metadata.py metainfo METAINFO-FILE VERSION
#   check-metadata.py schema SCHEMA-FILE SRCDIR
#
# desktop-file-validate exits 0 on hints; here any output fails.  Every MIME
# type Slope declares (MIME-XML, the .slope lesson's) must be in the desktop
# entry's MimeType=, or a double-click on a lesson would not open Slope.
# appstreamcli validate --no-net must report nothing but the one info that
# Debian 12's AppStream 0.16 gives about <developer>, an AppStream 1.0 tag
# that Flathub requires.  Beyond the validator, the metainfo must have
# light and dark branding colours, bugtracker and vcs-browser URLs, an OARS
# content rating, every release a description (the newest being VERSION),
# and every screenshot a caption and an image at a release tag, not a branch.
# Every GSettings key must be read somewhere: its name, quoted, in a file
# under src/ or ui/.

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

ALLOWED_APPSTREAM = {'unknown-tag developer'}


def check_desktop(path):
    run = subprocess.run(['desktop-file-validate', path], capture_output=True, text=True)
    out = (run.stdout + run.stderr).strip()
    if out:
        print(out)
    return ['desktop-file-validate: ' + line for line in out.splitlines()] if out or run.returncode else []


def declared_mime_types(mime_xml):
    ns = '{http://www.freedesktop.org/standards/shared-mime-info}'
    return [t.get('type') for t in ET.parse(mime_xml).getroot().iter(ns + 'mime-type')]


def desktop_mime_types(path):
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('MimeType='):
                return [t for t in line.strip()[len('MimeType='):].split(';') if t]
    return []


def check_desktop_mime(path, mime_xml):
    listed = desktop_mime_types(path)
    declared = declared_mime_types(mime_xml)
    errors = [f'MimeType= does not list {t}, which {os.path.basename(mime_xml)} declares'
              for t in declared if t not in listed]
    if not declared:
        errors.append(f'{mime_xml} declares no <mime-type>')
    return errors


def check_metainfo(path, version):
    errors = []
    run = subprocess.run(['appstreamcli', 'validate', '--no-net', '--explain', path],
                         capture_output=True, text=True)
    print(run.stdout + run.stderr)
    for line in run.stdout.splitlines():
        m = re.match(r'^([EWIP]): [^:]+:(?:\d+:)? (.*)$', line)
        if m and m.group(1) != 'P' and m.group(2).strip() not in ALLOWED_APPSTREAM:
            errors.append('appstreamcli: ' + line)
    if run.returncode != 0:
        errors.append(f'appstreamcli validate exited with {run.returncode}')

    root = ET.parse(path).getroot()
    schemes = {c.get('scheme_preference') for c in root.findall('branding/color[@type="primary"]')}
    if schemes != {'light', 'dark'}:
        errors.append('<branding> needs a primary <color> for scheme_preference light and for dark')
    urls = {u.get('type') for u in root.findall('url')}
    for kind in ('homepage', 'bugtracker', 'vcs-browser'):
        if kind not in urls:
            errors.append(f'no <url type="{kind}">')
    if root.find('content_rating[@type="oars-1.1"]') is None:
        errors.append('no <content_rating type="oars-1.1">')

    releases = root.findall('releases/release')
    if not releases:
        errors.append('no <release>')
    elif releases[0].get('version') != version:
        errors.append(f'the newest <release> is {releases[0].get("version")}, the project is {version}')
    lang = '{http://www.w3.org/XML/1998/namespace}lang'
    for r in releases:
        desc = r.find('description')
        english = [p for p in (desc if desc is not None else []) if p.get(lang) is None]
        if not ''.join(t for p in english for t in p.itertext()).strip():
            errors.append(f'<release version="{r.get("version")}"> has no description')

    tags = {'v' + r.get('version') for r in releases}
    shots = root.findall('screenshots/screenshot')
    if not shots:
        errors.append('no <screenshot>')
    for shot in shots:
        caption = shot.find('caption')
        if caption is None or not (caption.text or '').strip():
            errors.append('a <screenshot> has no <caption>')
        for image in shot.findall('image'):
            url = (image.text or '').strip()
            m = re.match(r'^https://raw\.githubusercontent\.com/[^/]+/[^/]+/([^/]+)/', url)
            if not m or m.group(1) not in tags:
                errors.append(f'screenshot {url} is not at a release tag ({", ".join(sorted(tags))})')
    return errors


def check_schema(path, srcdir):
    keys = [k.get('name') for k in ET.parse(path).getroot().iter('key')]
    texts = []
    for sub in ('src', 'ui'):
        for root, _, names in os.walk(os.path.join(srcdir, sub)):
            for name in names:
                if name.endswith(('.c', '.h', '.ui')):
                    with open(os.path.join(root, name), encoding='utf-8') as f:
                        texts.append(f.read())
    text = '\n'.join(texts)
    return [f'key "{k}" is read nowhere in src/ or ui/: remove it' for k in keys if f'"{k}"' not in text]


def main():
    if sys.argv[1] == 'desktop':
        errors = check_desktop(sys.argv[2])
        if len(sys.argv) > 3:
            errors += check_desktop_mime(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == 'schema':
        errors = check_schema(sys.argv[2], sys.argv[3])
    else:
        errors = check_metainfo(sys.argv[2], sys.argv[3])
    for e in errors:
        print(f'check-metadata: {sys.argv[2]}: {e}')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
