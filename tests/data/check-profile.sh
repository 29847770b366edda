#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The release and the development profile side by side: this build is
# configured again with -Dprofile=development in a folder of its own, and
# only its data files are built (no compiling), so the check stays quick.
# Each profile must name its own app id, data folder and settings, and
# both sets of settings must install into one schema folder together.
#
#   check-profile.sh SOURCE_ROOT BUILD_ROOT
set -u
src=$1
build=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

release_id=io.github.rapport.Rapport
devel_id=io.github.rapport.Rapport.Devel

# config.h says what the C code uses: the app id (D-Bus name, settings,
# icon), the profile and the data folder under $XDG_DATA_HOME.
check_config() {   # check_config CONFIG_H ID PROFILE FOLDER
  grep -qx "#define APP_ID \"$2\"" "$1" || fail "$1: APP_ID is not $2"
  grep -qx "#define PROFILE \"$3\"" "$1" || fail "$1: PROFILE is not $3"
  grep -qx "#define RAPPORT_DATA_FOLDER \"$4\"" "$1" || fail "$1: data folder is not $4"
}

profile=$(sed -n 's/^#define PROFILE "\(.*\)"$/\1/p' "$build/config.h")
case $profile in
  default) check_config "$build/config.h" $release_id default rapport; this_id=$release_id ;;
  development) check_config "$build/config.h" $devel_id development rapport-devel; this_id=$devel_id ;;
  *) fail "$build/config.h names no known profile ($profile)"; exit 1 ;;
esac

meson setup "$tmp/devel" "$src" -Dprofile=development >"$tmp/setup.log" 2>&1 ||
  { cat "$tmp/setup.log"; fail "meson setup -Dprofile=development failed"; exit 1; }
check_config "$tmp/devel/config.h" $devel_id development rapport-devel
ninja -C "$tmp/devel" data/$devel_id.desktop data/$devel_id.metainfo.xml \
    data/gschemas.compiled >"$tmp/ninja.log" 2>&1 ||
  { cat "$tmp/ninja.log"; fail "the development build's data files did not build"; exit 1; }

desktop=$tmp/devel/data/$devel_id.desktop
grep -qx "Icon=$devel_id" "$desktop" || fail "the development desktop file names another icon"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate: $desktop"
fi
grep -q "<id>$devel_id</id>" "$tmp/devel/data/$devel_id.metainfo.xml" ||
  fail "the development metainfo names another id"
grep -q "<launchable type=\"desktop-id\">$devel_id.desktop</launchable>" \
    "$tmp/devel/data/$devel_id.metainfo.xml" || fail "the development metainfo launches another desktop file"
grep -q "<schema id=\"$devel_id\" path=\"/io/github/rapport/Rapport/Devel/\"" \
    "$tmp/devel/data/$devel_id.gschema.xml" || fail "the development settings use another id or path"

# Compiled and installed side by side, each profile keeps its own keys.
mkdir "$tmp/schemas"
cp "$build/data/$this_id.gschema.xml" "$tmp/devel/data/$devel_id.gschema.xml" "$tmp/schemas/"
glib-compile-schemas --strict "$tmp/schemas" || fail "the two profiles' settings do not compile together"
for id in $this_id $devel_id; do
  GSETTINGS_SCHEMA_DIR=$tmp/schemas gsettings list-keys $id | grep -qx window-width ||
    fail "settings $id are missing from the shared schema folder"
done

[ $status -eq 0 ] && echo "ok: $this_id built here; $devel_id configured beside it"
exit $status
