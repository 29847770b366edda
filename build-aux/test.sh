#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Rapport and runs every test suite:
# core (also under AddressSanitizer + UBSan), ui and e2e under a virtual X
# display with its own D-Bus session and accessibility bus, and data; then
# a clang build, the formatting check and the importer's fuzzer.
# Ends with "tests: N passed, N failed, N skipped" and a non-zero status
# on any failure. A skip is a test that printed why it cannot run here
# (exit 77, e.g. no tmpfs to fill); a skip without a reason is a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

bash build-aux/install-deps.sh || { echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

build=${RAPPORT_BUILD_DIR:-_build}
asan_build=${RAPPORT_ASAN_BUILD_DIR:-_build-asan}

fail() { echo "$*" >&2; echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

[ -f "$build/build.ninja" ] || meson setup "$build" -Dwerror=true >/dev/null || fail "meson setup failed"
ninja -C "$build" || fail "build failed"

# The core library and its tests again with sanitizers (no GTK: its own
# leaks are not ours to report).
if [ "${RAPPORT_SKIP_ASAN:-0}" != 1 ]; then
  [ -f "$asan_build/build.ninja" ] || meson setup "$asan_build" -Dui=false -Db_sanitize=address,undefined \
      -Db_lundef=false >/dev/null || fail "meson setup (sanitizers) failed"
  ninja -C "$asan_build" || fail "build with sanitizers failed"
fi

# A private X display, session bus and accessibility bus for the UI tests.
display=""
for n in $(seq 90 130); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || fail "no free X display number"
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
cleanup() { kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; }
trap cleanup EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

status=0
export DISPLAY=$display
dbus-run-session -- bash -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
  sleep 1
  meson test -C "$1" --print-errorlogs --num-processes 2 '"${RAPPORT_TEST_ARGS:-}"'
' _ "$build" || status=1

asan_status=0
if [ "${RAPPORT_SKIP_ASAN:-0}" != 1 ]; then
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    meson test -C "$asan_build" --suite core --print-errorlogs --num-processes 2 || asan_status=1
fi

# Everything also builds warning-free with clang.
clang_result=skipped
if [ "${RAPPORT_SKIP_CLANG:-0}" != 1 ]; then
  clang_build=${RAPPORT_CLANG_BUILD_DIR:-_build-clang}
  if { [ -f "$clang_build/build.ninja" ] || CC=clang meson setup "$clang_build" -Dwerror=true >/dev/null; } &&
     ninja -C "$clang_build" > "${TMPDIR:-/tmp}/rapport-clang.log" 2>&1; then
    clang_result=ok
    echo "clang-build: OK"
  else
    clang_result=failed
    echo "clang-build: FAILED" >&2
    grep -E "error|warning" "${TMPDIR:-/tmp}/rapport-clang.log" | head -20 >&2
  fi
fi

# The formatting of every .c file (.clang-format; HACKING.md, Style). The
# check is pinned to clang-format 14, Debian 12's: another version lays
# some lines out differently, so there it says so and does not judge.
style_result=skipped
if [ "${RAPPORT_SKIP_STYLE:-0}" != 1 ]; then
  style_version=$(clang-format --version 2>/dev/null | grep -o 'version [0-9]*' | grep -o '[0-9]*$')
  if [ "$style_version" != 14 ]; then
    echo "style: not checked (clang-format ${style_version:-missing}; the check is pinned to 14)"
  elif bash build-aux/check-style.sh > "${TMPDIR:-/tmp}/rapport-style.log" 2>&1; then
    style_result=ok
    echo "style: OK"
  else
    style_result=failed
    echo "style: FAILED" >&2
    head -40 "${TMPDIR:-/tmp}/rapport-style.log" >&2
  fi
fi

# The importer's libFuzzer target, for a bounded time (clang, ASan, UBSan).
fuzz_result=skipped
if [ "${RAPPORT_SKIP_FUZZ:-0}" != 1 ]; then
  if bash build-aux/fuzz.sh "${RAPPORT_FUZZ_SECONDS:-60}" "${RAPPORT_FUZZ_BUILD_DIR:-$PWD/_build-fuzz}" \
       > "${TMPDIR:-/tmp}/rapport-fuzz.log" 2>&1; then
    fuzz_result=ok
    echo "fuzz-import: OK ($(grep -o 'Done [0-9]* runs' "${TMPDIR:-/tmp}/rapport-fuzz.log" | tail -1))"
  else
    fuzz_result=failed
    echo "fuzz-import: FAILED" >&2
    tail -40 "${TMPDIR:-/tmp}/rapport-fuzz.log" >&2
  fi
fi

python3 - "$fuzz_result" "$clang_result" "$style_result" "$build/meson-logs/testlog.json" "$asan_build/meson-logs/testlog.json" <<'PY'
import json, os, sys
passed = failed = skipped = 0
names = []
for extra, name in zip(sys.argv[1:4], ("fuzz-import", "clang-build", "style")):
    if extra == "ok":
        passed += 1
    elif extra == "failed":
        failed += 1
        names.append(name)
for path, build in zip(sys.argv[4:], ("", " (sanitizers)")):
    if not os.path.exists(path):
        continue
    for line in open(path):
        line = line.strip()
        if not line:
            continue
        entry = json.loads(line)
        result = entry.get("result")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP" and (entry.get("stdout") or "").strip():
            skipped += 1  # it said why it cannot run here
        else:
            failed += 1   # a silent skip hides a missing dependency: count it
            names.append(f"{entry.get('name')}{build} ({result})")
# Named before the summary, so the tail of a long log says what to rerun.
for name in names:
    print(f"failed: {name}")
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
PY
counts=$?
[ $status -eq 0 ] && [ $asan_status -eq 0 ] && [ $counts -eq 0 ]
