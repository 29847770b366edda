#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Rapport and runs every meson suite on Debian 13 (trixie), in a root
# made with debootstrap from Debian's own packages (no other download), as
# build-aux/test.sh does on the host: its own Xvfb, D-Bus session and AT-SPI
# bus, the warnings the test environment makes fatal left fatal.
#
# The root is kept outside the repository and reused; a stamp file records
# the package set, and a changed set is installed with apt-get inside the
# root instead of making it again.  Must run as root (chroot, mount).
#
#   RAPPORT_NEWER_ROOT    the root (default /var/cache/rapport/debian13-root)
#   RAPPORT_NEWER_MIRROR  the Debian mirror (default: the host's own)
#   RAPPORT_TEST_ARGS     extra arguments for meson test (e.g. suites, tests)
#   RAPPORT_NEWER_KEEP_BUILD=1  keep the last build in the root (by hand, to
#                         run a few tests again; CI always builds afresh)
#
# Ends with one line "tests: N passed, N failed, N skipped", counted from
# meson's testlog.json, and a non-zero status on failure.
set -uo pipefail
cd "$(dirname "$0")/.."
src=$PWD

suite=trixie
root=${RAPPORT_NEWER_ROOT:-/var/cache/rapport/debian13-root}
stamp=$root.stamp
lock=$root.lock

fail() { echo "test-newer: $*" >&2; echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
log() { echo "test-newer: $*" >&2; }

[ "$(id -u)" -eq 0 ] || fail "must run as root (debootstrap, chroot, mount)"

# The Debian mirror this machine already uses.
mirror=${RAPPORT_NEWER_MIRROR:-}
if [ -z "$mirror" ]; then
  mirror=$(awk '/^URIs:/ && $2 !~ /security/ { print $2; exit }' /etc/apt/sources.list.d/*.sources 2>/dev/null)
  [ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $2 !~ /security/ { print $2; exit }' \
                                 /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null)
  [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
fi

# The packages build-aux/install-deps.sh installs on Debian 12, for trixie:
# the sanitizer runtime is not tied to clang 14 there, and xmllint (for
# the resources' xml-stripblanks) is no longer pulled in by GLib's tools.
mapfile -t packages < <(
  { sed -n '/^packages=(/,/^)/p' build-aux/install-deps.sh; echo libxml2-utils; } |
    sed -e 's/#.*//' -e 's/packages=(//' -e 's/)//' | tr -s ' \t' '\n' |
    sed -e '/^$/d' -e 's/^libclang-rt-[0-9]*-dev$/libclang-rt-dev/' | sort -u)
[ ${#packages[@]} -gt 10 ] || fail "could not read the package list from build-aux/install-deps.sh"
want_stamp=$(printf '%s\n' "suite $suite" "mirror $mirror" "${packages[@]}")

# ---- mounts, always undone -------------------------------------------------

mounted=()
mount_in() {   # mount_in TARGET ARGS...: mounts and remembers for cleanup
  local target=$root$1; shift
  mkdir -p "$target"
  mount "$@" "$target" || return 1
  mounted+=("$target")
}
kill_inside() {   # every process whose root is ours (we hold the lock)
  local pids=() p
  for p in /proc/[0-9]*; do
    [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && pids+=("${p#/proc/}")
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  kill "${pids[@]}" 2>/dev/null; sleep 1; kill -9 "${pids[@]}" 2>/dev/null; return 0
}
mounts_under_root() { awk -v r="$root" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/mounts; }
unmount_all() {
  local i m
  [ -z "$child" ] || kill "$child" 2>/dev/null
  kill_inside
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" ||
      log "could not unmount ${mounted[i]}"
  done
  mounted=()
  # Whatever else is left under the root (debootstrap's own, if it was
  # stopped half-way), deepest first.
  mounts_under_root | awk '{ print length, $0 }' | sort -rn | cut -d' ' -f2- | while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m" || log "could not unmount $m"
  done
}
# Long steps run in the background and are waited for, so that a signal
# is handled at once (bash runs traps only between foreground commands).
child=""
run() {
  local status
  "$@" 9>&- &   # not holding the lock: a run killed outright frees it
  child=$!
  wait "$child"
  status=$?
  child=""
  return $status
}

mount_system() {
  mount_in /proc -t proc proc &&
  mount_in /sys --bind /sys &&
  mount_in /dev --bind /dev &&
  mount_in /dev/pts --bind /dev/pts &&
  mount_in /tmp -t tmpfs -o mode=1777,size=2g tmpfs
}

in_root() {   # a clean environment inside the root
  chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}

mkdir -p "$(dirname "$root")"
exec 9>"$lock"
flock -w 3600 9 || fail "another run holds $lock"
# From here on the root is ours: whatever runs or is mounted in it is undone
# on exit.
trap unmount_all EXIT
trap 'exit 130' INT TERM HUP
# Mounts left by a run that was killed outright (SIGKILL runs no trap).
if [ -n "$(mounts_under_root)" ]; then log "undoing what a killed run left mounted"; unmount_all; fi
[ -z "$(mounts_under_root)" ] || fail "something is still mounted under $root"

# ---- the root ----------------------------------------------------------------

apt_inside() {   # installs the package set inside the mounted root
  cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null
  # An install stopped half-way is finished first.
  { run in_root dpkg --configure -a &&
    run in_root apt-get update -qq &&
    run in_root apt-get install -y -qq --no-install-recommends "${packages[@]}"; } > "$root.apt.log" 2>&1 ||
    { tail -20 "$root.apt.log" >&2; return 1; }
}

t0=$SECONDS
if [ ! -x "$root/usr/bin/apt-get" ] || [ -e "$root/debootstrap" ]; then
  # Missing or half made (debootstrap removes /debootstrap when it is done).
  log "making a Debian 13 root in $root from $mirror"
  if ! command -v debootstrap >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null 2>&1 ||
      fail "could not install debootstrap"
  fi
  [ -z "$(mounts_under_root)" ] || fail "refusing to remove $root: it has mounts"
  rm -rf "$root" "$stamp"
  run debootstrap --variant=minbase --components=main \
      --keyring=/usr/share/keyrings/debian-archive-keyring.gpg \
      "$suite" "$root" "$mirror" > "$root.debootstrap.log" 2>&1 ||
    fail "debootstrap failed, see $root.debootstrap.log"
  printf 'deb %s %s main\ndeb %s %s-updates main\n' "$mirror" "$suite" "$mirror" "$suite" \
    > "$root/etc/apt/sources.list"
  # No services start inside the root.
  printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
  log "root made in $((SECONDS - t0)) s"
fi

mount_system || fail "could not mount /proc, /sys, /dev or /tmp in $root"

if [ "$(cat "$stamp" 2>/dev/null)" != "$want_stamp" ]; then
  t1=$SECONDS
  log "installing the package set in the root"
  apt_inside || fail "apt-get inside the root failed"
  printf '%s\n' "$want_stamp" > "$stamp"
  log "packages installed in $((SECONDS - t1)) s"
fi
log "root ready after $((SECONDS - t0)) s"

# ---- build and test ------------------------------------------------------------

# The sources read-only, the build inside the root (made afresh each run:
# a reused root must not hide a stale object).
mount_in /src --bind "$src" && mount -o remount,bind,ro "$root/src" ||
  fail "could not mount the sources in $root/src"
[ "${RAPPORT_NEWER_KEEP_BUILD:-0}" = 1 ] || rm -rf "$root/build"

# A display number free on the host too: the X server's abstract socket
# is shared with it.
display=""
for n in $(seq 140 180); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ] &&
     ! grep -q "@/tmp/.X11-unix/X$n\$" /proc/net/unix; then display=":$n"; break; fi
done
[ -n "$display" ] || fail "no free X display number"

t2=$SECONDS
# shellcheck disable=SC2016
run in_root bash -c '
  set -u
  display=$1; shift
  if [ ! -f /build/build.ninja ]; then
    meson setup /build /src -Dwerror=true >/build-setup.log 2>&1 || { cat /build-setup.log >&2; exit 125; }
  fi
  grep -E "^ +(platform|newest API allowed) +:" /build-setup.log >&2
  ninja -C /build >&2 || exit 125
  Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  trap "kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null" EXIT
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
  export DISPLAY=$display
  dbus-run-session -- bash -c "
    /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
    sleep 1
    meson test -C /build --print-errorlogs --num-processes 2 $*
  "
' _ "$display" ${RAPPORT_TEST_ARGS:-} >&2
status=$?
log "build and tests took $((SECONDS - t2)) s"
# 125, not 2: meson test exits with the number of failed tests.
[ $status -ne 125 ] || fail "meson setup or the build failed inside the root"

# Counted as build-aux/test.sh counts: a skip that says why (exit 77 with
# a reason, e.g. no tmpfs to fill) is a skip, a silent one a failure.
python3 - "$root/build/meson-logs/testlog.json" <<'PY'
import json, os, sys
passed = failed = skipped = 0
names = []
path = sys.argv[1]
if os.path.exists(path):
    for line in open(path):
        line = line.strip()
        if not line:
            continue
        entry = json.loads(line)
        result = entry.get("result")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP" and (entry.get("stdout") or "").strip():
            skipped += 1
        else:
            failed += 1   # a silent skip hides a missing dependency: count it
            names.append(f"{entry.get('name')} ({result})")
if passed + failed + skipped == 0:
    failed = 1            # no test ran at all
for name in names:
    print(f"failed: {name}")
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
PY
counts=$?
[ $status -eq 0 ] && [ $counts -eq 0 ]
