#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds the development profile of Rapport
# (io.github.rapport.Rapport.Devel: its own data folder
# $XDG_DATA_HOME/rapport-devel, its own settings, a striped header) and
# opens its window, so trying a change never opens or migrates the real
# journal. Arguments are passed to rapport (e.g. --database /tmp/demo.db).
set -euo pipefail
cd "$(dirname "$0")/.."

build=_build-devel
bash build-aux/install-deps.sh
[ -f "$build/build.ninja" ] || meson setup "$build" -Dprofile=development >/dev/null
ninja -C "$build" >/dev/null

# Run from the build tree: the schema is compiled there.
export GSETTINGS_SCHEMA_DIR="$PWD/$build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
exec "./$build/src/rapport" "$@"
