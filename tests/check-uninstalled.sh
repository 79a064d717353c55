#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-uninstalled.sh: run from the build tree as ./run runs them (in
# `meson devenv`'s environment), the programs speak the desktop's language.
#
#   check-uninstalled.sh BUILDDIR PROGRAM...
#
# Starts from an environment without SLOPE_LOCALEDIR or GSETTINGS_SCHEMA_DIR,
# takes the build tree's environment from `meson devenv --dump`, and runs
# each PROGRAM --help with LANGUAGE=ko: the help must be Korean (학습률,
# "learning rate", appears in both programs' help).
set -eu

builddir=$1
shift
unset SLOPE_LOCALEDIR GSETTINGS_SCHEMA_DIR
env_script=$(meson devenv -C "$builddir" --dump)
# The dump appends to variables that may be unset, such as $GSETTINGS_SCHEMA_DIR.
set +u
eval "$env_script"
set -u
if [ -z "${SLOPE_LOCALEDIR:-}" ]; then
  echo "check-uninstalled: meson devenv does not set SLOPE_LOCALEDIR" >&2
  exit 1
fi

status=0
for program in "$@"; do
  out=$(LC_ALL=C.UTF-8 LANGUAGE=ko "$program" --help)
  if printf '%s\n' "$out" | grep -q '학습률'; then
    echo "$(basename "$program") --help is Korean"
  else
    printf '%s\n' "$out" >&2
    echo "check-uninstalled: $(basename "$program") --help under LANGUAGE=ko is not Korean" >&2
    status=1
  fi
done
exit $status
