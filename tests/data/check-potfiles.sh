#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every file with translatable strings is listed in po/POTFILES, and every
# listed file exists.
cd "$1" || exit 1
status=0
# Sources and templates may sit in folders under src/ (src/ui/history/).
for f in $(find src -name '*.c' | sort | xargs grep -l -E '\b(N|C)?_\('; find src resources -name '*.ui' | sort | xargs grep -l 'translatable="yes"'); do
  grep -qx "$f" po/POTFILES || { echo "not in po/POTFILES: $f"; status=1; }
done
for f in $(grep -v '^#' po/POTFILES); do
  [ -f "$f" ] || { echo "listed in po/POTFILES but missing: $f"; status=1; }
done
exit $status
