#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets with clang and AddressSanitizer in their own
# build folder and runs the importer's for a bounded time, starting from
# the seed corpus in tests/fuzz/corpus.
#
#   build-aux/fuzz.sh [SECONDS] [BUILD_DIR]     (default 60, _build-fuzz)
#
# Exits non-zero when the fuzzer finds a crash, leak or sanitizer error;
# the input that caused it is left in BUILD_DIR/artifacts.
set -euo pipefail

seconds="${1:-60}"
src="$(cd "$(dirname "$0")/.." && pwd)"
build="${2:-$src/_build-fuzz}"

if ! command -v clang >/dev/null; then
  echo "fuzz.sh: clang is needed (build-aux/install-deps.sh installs it)" >&2
  exit 1
fi

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$src" \
    -Dui=false -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=fuzzer-no-link \
    --buildtype=debugoptimized >/dev/null
fi
ninja -C "$build" tests/fuzz/fuzz-import

# The corpus grows as the fuzzer finds new paths; keep the seeds pristine.
work="$build/corpus"
mkdir -p "$work" "$build/artifacts"
cp -n "$src"/tests/fuzz/corpus/* "$work"/

export G_DEBUG=fatal-criticals
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
"$build/tests/fuzz/fuzz-import" \
  -max_total_time="$seconds" \
  -max_len=65536 \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -artifact_prefix="$build/artifacts/" \
  -dict="$src/tests/fuzz/export.dict" \
  "$work"
