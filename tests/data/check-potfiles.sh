#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every file with translatable strings is listed in po/POTFILES, and every
# listed file exists.
cd "$1" || exit 1
status=0
for f in $(grep -l -E '\b(N|C)?_\(' src/*.c src/core/*.c src/ui/*.c; grep -l 'translatable="yes"' resources/ui/*.ui resources/gtk/*.ui); do
  grep -qx "$f" po/POTFILES || { echo "not in po/POTFILES: $f"; status=1; }
done
for f in $(grep -v '^#' po/POTFILES); do
  [ -f "$f" ] || { echo "listed in po/POTFILES but missing: $f"; status=1; }
done
exit $status
