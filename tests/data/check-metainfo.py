#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The metainfo as a software centre reads it: `appstreamcli validate
--pedantic` passes with no warning or error (its pedantic notes and infos
are printed, not counted: the app id has capitals, and AppStream before
1.0 does not know <developer> nor 1.0 like <developer_name>); every
screenshot is a PNG in docs/screenshots at the size the file says, under
the raw URL of the repository named as the homepage; branding has a colour
for the light and the dark style; bug tracker and source URLs are given.

    check-metainfo.py METAINFO SOURCE_ROOT"""

import os
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

metainfo, root = sys.argv[1], sys.argv[2]
problems = []

proc = subprocess.run(["appstreamcli", "validate", "--pedantic", "--no-net", "--explain", metainfo],
                      capture_output=True, text=True)
print(proc.stdout + proc.stderr)
if proc.returncode != 0:
    problems.append("appstreamcli validate --pedantic failed")
for line in (proc.stdout + proc.stderr).splitlines():
    if re.match(r"^[WE]: ", line):
        problems.append("appstreamcli: " + line)

component = ET.parse(metainfo).getroot()
homepage = component.findtext("url[@type='homepage']") or ""
match = re.fullmatch(r"https://github\.com/([^/]+)/([^/]+)", homepage)
if not match:
    problems.append("the homepage is not a GitHub repository: %r" % homepage)
raw = "https://raw.githubusercontent.com/%s/%s/main/" % match.groups() if match else None

for kind in ("bugtracker", "vcs-browser"):
    if not (component.findtext("url[@type='%s']" % kind) or "").startswith(homepage):
        problems.append("no %s URL in the repository" % kind)
developer = component.find("developer")
if developer is None or not developer.get("id") or not developer.findtext("name"):
    problems.append("no <developer> with an id and a name")
schemes = {c.get("scheme_preference") for c in component.findall("branding/color[@type='primary']")}
if schemes != {"light", "dark"}:
    problems.append("branding colours for %r, wanted light and dark" % sorted(s for s in schemes if s))

images = component.findall("screenshots/screenshot/image")
if not images:
    problems.append("no screenshots")
for image in images:
    url = (image.text or "").strip()
    if raw is None or not url.startswith(raw):
        problems.append("screenshot %s is not in the repository %s" % (url, raw))
        continue
    path = os.path.join(root, url[len(raw):])
    try:
        with open(path, "rb") as f:
            head = f.read(24)
    except OSError as exc:
        problems.append("screenshot %s: %s" % (url, exc))
        continue
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        problems.append("%s is not a PNG" % path)
        continue
    width, height = struct.unpack(">II", head[16:24])
    if (str(width), str(height)) != (image.get("width"), image.get("height")):
        problems.append("%s is %dx%d, the metainfo says %sx%s"
                        % (path, width, height, image.get("width"), image.get("height")))

for p in problems:
    print("FAIL: " + p)
sys.exit(1 if problems else 0)
