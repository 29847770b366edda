#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian/Ubuntu packages Rapport needs to build, run and test.
# Idempotent and quiet: packages already present are not fetched again.
set -euo pipefail

packages=(
  # build
  meson ninja-build gcc clang pkg-config gettext itstool
  libgtk-4-dev libadwaita-1-dev libjson-glib-dev libsqlite3-dev
  desktop-file-utils appstream libglib2.0-bin libglib2.0-dev-bin
  # sanitizers and fuzzing; the style check
  libclang-rt-14-dev clang-format
  # tests: virtual display, session bus, accessibility, screenshots
  xvfb xauth dbus dbus-x11 at-spi2-core python3-pyatspi python3-gi
  gir1.2-atspi-2.0 xdotool imagemagick sqlite3 librsvg2-common
  adwaita-icon-theme fonts-cantarell fonts-dejavu-core
  # tests: de_DE.UTF-8, built with localedef for the date and number tests
  locales
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

echo "Installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
