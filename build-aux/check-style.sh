#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The style check: runs clang-format (with the repository's .clang-format)
# over the C source files (.c) git tracks, or over the files given, prints
# every file whose formatting differs and fails. Headers are left out: their
# prototypes keep GNOME's columns (return type, name and parameters each
# aligned down the block), which clang-format 14 cannot write; they are
# aligned by hand. With --fix it writes the formatted
# text back instead; with --diff it also shows what would change.
#
#   build-aux/check-style.sh                 # the whole tree
#   build-aux/check-style.sh src/ui/foo.c    # some files
#   build-aux/check-style.sh --fix [FILE…]   # format them
#
# clang-format 14 (Debian 12) puts a space before every "(", so the GLib
# idioms _("…"), C_(…), NC_(…), N_(…) and g_autoptr(T) (g_autolist,
# g_autoslist, g_autoqueue) get their spelling back afterwards, and so do
# the dashes of a top-level G_DEFINE_QUARK (a-b-c, …), which clang-format
# takes for minus signs there.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=check
case "${1:-}" in
  --fix) mode=fix; shift ;;
  --diff) mode=diff; shift ;;
  -h|--help) sed -n '3,/^set /p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
esac

clang_format=${CLANG_FORMAT:-clang-format}
if ! command -v "$clang_format" >/dev/null; then
  echo "check-style: $clang_format not found (apt install clang-format)" >&2
  exit 2
fi

if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(git ls-files '*.c')
fi

formatted () {
  "$clang_format" --style=file "$1" |
    sed -E 's/(^|[^A-Za-z0-9_])(NC_|N_|C_|_) \(/\1\2(/g
            s/(^|[^A-Za-z0-9_])(g_auto(ptr|list|slist|queue)) \(/\1\2(/g
            /^G_DEFINE_QUARK \(/ s/ - /-/g'
}

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
status=0
count=0
for f in "${files[@]}"; do
  case "$f" in
    *.c|*.h) ;;
    *) continue ;;
  esac
  formatted "$f" > "$tmp"
  if cmp -s "$f" "$tmp"; then
    continue
  fi
  count=$((count + 1))
  case $mode in
    fix) cat "$tmp" > "$f"; echo "formatted: $f" ;;
    diff) echo "$f"; diff -u "$f" "$tmp" | sed '1,2d' || true; status=1 ;;
    check) echo "$f"; status=1 ;;
  esac
done

if [ $status -ne 0 ]; then
  echo "check-style: $count file(s) differ from .clang-format; build-aux/check-style.sh --fix FILE… formats them" >&2
fi
exit $status
