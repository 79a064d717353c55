#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-install.sh: `meson install` puts each file a package needs where a
# system looks for it.
#
#   check-install.sh BUILDDIR PREFIX DATADIR MANDIR LOCALEDIR WITH-GUI
#
# Installs BUILDDIR into a scratch DESTDIR (without rebuilding) and fails
# naming every expected file that is not there.
set -eu

builddir=$1 prefix=$2 datadir=$3 mandir=$4 localedir=$5 gui=$6
destdir=$(mktemp -d)
trap 'rm -rf "$destdir"' EXIT

meson install -C "$builddir" --no-rebuild --quiet --destdir "$destdir" >"$destdir.log" 2>&1 || {
  cat "$destdir.log" >&2; rm -f "$destdir.log"
  echo "check-install: meson install failed" >&2
  exit 1
}
rm -f "$destdir.log"

id=io.github.slopelab.Slope
expected="$prefix/bin/slope-train $mandir/man1/slope-train.1 $datadir/glib-2.0/schemas/$id.gschema.xml
  $datadir/mime/packages/$id.xml"
if [ "$gui" = yes ]; then
  expected="$expected $prefix/bin/slope $mandir/man1/slope.1 $datadir/applications/$id.desktop
    $datadir/metainfo/$id.metainfo.xml $datadir/icons/hicolor/scalable/apps/$id.svg
    $datadir/icons/hicolor/symbolic/apps/$id-symbolic.svg $localedir/ko/LC_MESSAGES/slope.mo"
fi

status=0
# A double-click on a .slope lesson opens Slope: the installed desktop entry
# lists the MIME type the installed MIME package declares.
if [ "$gui" = yes ]; then
  desktop="$destdir$datadir/applications/$id.desktop"
  mime="$destdir$datadir/mime/packages/$id.xml"
  if [ -f "$desktop" ] && [ -f "$mime" ]; then
    for type in $(sed -n 's/.*<mime-type type="\([^"]*\)".*/\1/p' "$mime"); do
      if grep -q "^MimeType=\(.*;\)\?$type;" "$desktop"; then
        echo "desktop entry opens: $type"
      else
        echo "check-install: $id.desktop does not list $type in MimeType=" >&2
        status=1
      fi
    done
  fi
fi
for f in $expected; do
  if [ -f "$destdir$f" ]; then
    echo "installed: $f"
  else
    echo "check-install: not installed: $f" >&2
    status=1
  fi
done
exit $status
