#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Rapport and opens its window.
# Arguments are passed to rapport (e.g. --database /tmp/demo.db).
set -euo pipefail
cd "$(dirname "$0")/.."

bash build-aux/install-deps.sh
[ -f _build/build.ninja ] || meson setup _build >/dev/null
ninja -C _build >/dev/null

# Run from the build tree: the schema is compiled there.
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
exec ./_build/src/rapport "$@"
