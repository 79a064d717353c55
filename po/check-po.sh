#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-po.sh: every translation in po/LINGUAS is complete and current.
#
#   check-po.sh SRCDIR BUILDDIR PACKAGE XGETTEXT-ARGS...
#
# Fails if a catalogue does not compile with msgfmt --check, has a fuzzy or
# untranslated message, or lacks a msgid that the sources now hold: the
# template is extracted afresh from po/POTFILES.in into BUILDDIR (never the
# source tree) with the arguments the slope-pot target uses, and each
# catalogue is compared with it by msgcmp.
set -eu

srcdir=$1 builddir=$2 package=$3
shift 3
root=$(cd "$srcdir/.." && pwd)
pot="$builddir/$package-check.pot"

mkdir -p "$builddir"
xgettext --package-name="$package" -f "$srcdir/POTFILES.in" -D "$root" \
  -k_ -o "$pot" "$@" 2>"$builddir/xgettext.log" || {
  cat "$builddir/xgettext.log" >&2
  echo "check-po: xgettext failed" >&2
  exit 1
}
# A format macro such as G_GUINT64_FORMAT inside _() cuts the msgid short,
# so the message could never be found at run time: use PRIu64 or %zu there.
if grep 'not a valid C format string' "$builddir/xgettext.log" >&2; then
  echo "check-po: a msgid above is cut short by a format macro" >&2
  exit 1
fi

status=0
for lang in $(sed -e 's/#.*//' "$srcdir/LINGUAS"); do
  po="$srcdir/$lang.po"
  if ! stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
    echo "$stats" >&2
    echo "check-po: $lang.po: msgfmt --check failed" >&2
    status=1
    continue
  fi
  echo "$lang.po: $stats"
  case $stats in
    *fuzzy*|*untranslated*)
      LC_ALL=C msgattrib --only-fuzzy --no-obsolete "$po" >&2
      LC_ALL=C msgattrib --untranslated --no-obsolete "$po" >&2
      echo "check-po: $lang.po has fuzzy or untranslated messages" >&2
      status=1
      ;;
  esac
  # Messages in the sources that the catalogue does not have at all.
  if ! LC_ALL=C msgcmp --use-untranslated "$po" "$pot"; then
    echo "check-po: $lang.po lacks messages now in the sources; run" \
         "'meson compile slope-update-po' and translate them" >&2
    status=1
  fi
done
exit $status
