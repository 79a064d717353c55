#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# screenshots.sh: takes the classroom screenshots of issue 10 from the
# build tree, so the layout can be looked at (and looked at again after a
# change) at a projector's sizes, in every mode and look.
#
#   tools/screenshots.sh [-b BUILD] [-o DIR] [-s WxH]... [-l LOOK]... [-x]
#
#   -b BUILD   the build directory (default build)
#   -o DIR     where the PNGs go (default /tmp/slope-shots)
#   -s WxH     only this screen size (repeatable; default 1024x768,
#              1280x800 and 1920x1080)
#   -l LOOK    only this look: light, dark or ko (repeatable; default all)
#   -x         the extra shots only: a real CSV (tools/screenshots-houses.csv, 50 house
#              sizes and prices), Adam with shuffled batches of one, and
#              high contrast
#
# Each size gets a screen of its own (Xvfb with openbox, which knows
# fullscreen); the window is as large as the screen and the explain pane
# open or not through the settings Slope keeps (a keyfile in a scratch
# directory); F11 is pressed (until the window is fullscreen) after 150
# epochs of the lesson.
# Files are named SIZE-MODE-PANE-LOOK.png, e.g. 1024x768-present-explain-ko.png.
# Needs xvfb, openbox, xdotool, imagemagick and dbus; Korean needs the
# ko_KR.UTF-8 locale and fonts-noto-cjk.
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")/.."
SRC=$PWD

BUILD=build
OUT=/tmp/slope-shots
SIZES=()
LOOKS=()
EXTRA_ONLY=0
while getopts "b:o:s:l:x" opt; do
  case $opt in
    b) BUILD=$OPTARG ;;
    o) OUT=$OPTARG ;;
    s) SIZES+=("$OPTARG") ;;
    l) LOOKS+=("$OPTARG") ;;
    x) EXTRA_ONLY=1 ;;
    *) sed -n '6,18p' "$0" >&2; exit 2 ;;
  esac
done
[ "${#SIZES[@]}" -gt 0 ] || SIZES=(1024x768 1280x800 1920x1080)
[ "${#LOOKS[@]}" -gt 0 ] || LOOKS=(light dark ko)
BUILD=$(readlink -f "$BUILD")
[ -x "$BUILD/src/app/slope" ] || { echo "screenshots: no $BUILD/src/app/slope; build first" >&2; exit 1; }
for tool in Xvfb openbox xdotool xprop import dbus-run-session; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing" >&2; exit 1; }
done
mkdir -p "$OUT"

XVFB_PID=
OPENBOX_PID=
APP_PID=
stop_app () {
  if [ -n "$APP_PID" ]; then
    kill -- "-$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
    # Until its window is gone, so the next shot finds its own.
    for _ in $(seq 50); do
      xdotool search --onlyvisible --class slope >/dev/null 2>&1 || break
      sleep 0.2
    done
  fi
}
stop_screen () {
  stop_app
  for pid in $OPENBOX_PID $XVFB_PID; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  OPENBOX_PID=
  XVFB_PID=
}
trap stop_screen EXIT

# A screen of exactly SIZE on a free display, with a window manager.
start_screen () {
  local size=$1 fifo
  fifo=$(mktemp -u)
  mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$fifo" 2>/dev/null &
  XVFB_PID=$!
  read -r DISPLAY_NUMBER <"$fifo"
  rm -f "$fifo"
  export DISPLAY=":$DISPLAY_NUMBER"
  openbox >/dev/null 2>&1 &
  OPENBOX_PID=$!
  sleep 1
}

# shot NAME SIZE MODE PANE LOOK [SLOPE ARGUMENTS...]
#   MODE normal or present; PANE plain or explain; LOOK light, dark, ko or hc.
shot () {
  local name=$1 size=$2 mode=$3 pane=$4 look=$5 wid
  shift 5
  local config
  config=$(mktemp -d)
  # The window's size and the explain pane come from the settings, as
  # when Slope was last closed like that.
  mkdir -p "$config/glib-2.0/settings"
  {
    echo "[io/github/slopelab/Slope]"
    echo "window-width=${size%x*}"
    echo "window-height=${size#*x}"
    if [ "$pane" = explain ]; then echo "show-math-panel=true"; else echo "show-math-panel=false"; fi
    # More settings for this shot, one key=value a line (GVariant text).
    if [ -n "${SHOT_SETTINGS:-}" ]; then printf '%s\n' "$SHOT_SETTINGS"; fi
  } >"$config/glib-2.0/settings/keyfile"
  local env=(GTK_A11Y=none GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$config" GSK_RENDERER=cairo
             GSETTINGS_SCHEMA_DIR="$BUILD/data" SLOPE_LOCALEDIR="$BUILD/po"
             LANG=C.UTF-8 LANGUAGE=en ADW_DEBUG_COLOR_SCHEME=prefer-light)
  case $look in
    dark) env+=(ADW_DEBUG_COLOR_SCHEME=prefer-dark) ;;
    ko) env+=(LANG=ko_KR.UTF-8 LANGUAGE=ko) ;;
    hc) env+=(ADW_DEBUG_HIGH_CONTRAST=1) ;;
  esac
  # A session of its own, so that stopping it stops Slope and its bus.
  setsid env "${env[@]}" dbus-run-session -- "$BUILD/src/app/slope" "$@" >/dev/null 2>&1 &
  APP_PID=$!
  wid=$(timeout 60 xdotool search --sync --onlyvisible --class slope | head -n 1)
  [ -n "$wid" ] || { echo "screenshots: no window for $name" >&2; stop_app; return 1; }
  xdotool windowmove "$wid" 0 0 || true
  sleep 2
  if [ "$mode" = present ]; then
    # F11 until the window manager says the window is fullscreen: a key
    # sent before the window has the focus is lost.
    for _ in $(seq 8); do
      xprop -id "$wid" _NET_WM_STATE | grep -q FULLSCREEN && break
      xdotool windowactivate --sync "$wid" >/dev/null 2>&1 || xdotool windowfocus "$wid" || true
      sleep 0.5
      xdotool key F11
      sleep 1.5
    done
    xprop -id "$wid" _NET_WM_STATE | grep -q FULLSCREEN || echo "screenshots: $name is not fullscreen" >&2
  fi
  # Training, the fullscreen change and a few frames.
  sleep 3
  import -window root "$OUT/$name.png"
  echo "$OUT/$name.png"
  stop_app
  rm -rf "$config"
}

LESSON=(--epochs 150 --speed 0 --autoplay)

if [ "$EXTRA_ONLY" -eq 0 ]; then
  for size in "${SIZES[@]}"; do
    start_screen "$size"
    for look in "${LOOKS[@]}"; do
      for mode in normal present; do
        for pane in plain explain; do
          shot "$size-$mode-$pane-$look" "$size" "$mode" "$pane" "$look" "${LESSON[@]}"
        done
      done
    done
    stop_screen
  done
fi

# A real CSV (it asks to be scaled), Adam with its arguments and
# shuffled mini-batches (the longest code and the fullest panel), and
# high contrast.
ADAM="optimizer='Adam'
optimizer-parameters={'beta1': 0.85, 'beta2': 0.9995, 'eps': 1e-10, 'weight_decay': 0.0125, 'amsgrad': 1.0}
batch-size=1
shuffle=true"
start_screen 1280x800
shot "1280x800-normal-explain-houses" 1280x800 normal explain light \
  --epochs 150 --speed 0 "$SRC/tools/screenshots-houses.csv"
SHOT_SETTINGS=$ADAM shot "1280x800-normal-plain-adam" 1280x800 normal plain light "${LESSON[@]}"
shot "1280x800-normal-plain-hc" 1280x800 normal plain hc "${LESSON[@]}"
shot "1280x800-present-explain-hc" 1280x800 present explain hc "${LESSON[@]}"
stop_screen
start_screen 1024x768
shot "1024x768-present-plain-houses" 1024x768 present plain light \
  --epochs 150 --speed 0 "$SRC/tools/screenshots-houses.csv"
SHOT_SETTINGS=$ADAM shot "1024x768-present-explain-adam" 1024x768 present explain light "${LESSON[@]}"
SHOT_SETTINGS=$ADAM shot "1024x768-normal-explain-adam" 1024x768 normal explain light "${LESSON[@]}"
stop_screen
