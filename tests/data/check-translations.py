#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every translation in po/LINGUAS is complete for the strings as they are
now: the .pot is made afresh from po/POTFILES (the sources, the .ui files,
the desktop file, the metainfo and the settings schema) with the options
of meson's glib preset, each po/LL.po is merged with it, and the result
must have no untranslated and no fuzzy message (plural forms included)
and pass msgfmt --check (format strings the same as the original's,
header, plural forms).

So that this can fail even while LINGUAS is empty, the check is first run
on translations made here: a complete one (msginit's English, every string
its own translation) must pass; an empty one, one with a fuzzy message and
one with a format string changed must each fail.

    check-translations.py SOURCE_ROOT"""

import os
import re
import subprocess
import sys
import tempfile

root = sys.argv[1]

# meson's i18n.gettext(preset: 'glib') (mesonbuild/modules/i18n.py).
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
]


def run(*argv, check=True):
    proc = subprocess.run(argv, capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise SystemExit("%s failed:\n%s%s" % (" ".join(argv), proc.stdout, proc.stderr))
    return proc


def problems_of(po, pot, work):
    """What is wrong with @po against @pot: a list of sentences."""
    merged = os.path.join(work, os.path.basename(po) + ".merged")
    run("msgmerge", "--quiet", "--no-wrap", "-o", merged, po, pot)
    proc = run("msgfmt", "--check", "--statistics", "-o", os.devnull, merged, check=False)
    problems = [l for l in proc.stderr.splitlines() if "translated message" not in l]
    stats = proc.stderr
    fuzzy = re.search(r"(\d+) fuzzy translation", stats)
    untranslated = re.search(r"(\d+) untranslated message", stats)
    if fuzzy:
        problems.append("%s fuzzy" % fuzzy.group(1))
    if untranslated:
        problems.append("%s untranslated" % untranslated.group(1))
    if proc.returncode != 0 and not problems:
        problems.append("msgfmt --check failed")
    return problems


def change_a_format(po, out):
    """@po with the first c-format translation's first directive swapped
    for another type (%s ↔ %d)."""
    text = open(po, encoding="utf-8").read()
    entries = text.split("\n\n")
    for i, entry in enumerate(entries):
        if "c-format" not in entry:
            continue
        head, sep, tail = entry.partition("msgstr")
        changed = re.sub(r"%(s|d|u)", lambda m: "%d" if m.group(1) == "s" else "%s", tail, count=1)
        if changed != tail:
            entries[i] = head + sep + changed
            break
    else:
        raise SystemExit("no c-format message in the .pot to try the check on")
    open(out, "w", encoding="utf-8").write("\n\n".join(entries))


def make_fuzzy(po, out, work):
    """@po with one message ("Rapport") marked fuzzy."""
    one = os.path.join(work, "one.po")
    run("msggrep", "--msgid", "-E", "-e", "^Rapport$", "-o", one, po)
    run("msgattrib", "--set-fuzzy", "--only-file=" + one, "-o", out, po)


with tempfile.TemporaryDirectory() as work:
    pot = os.path.join(work, "rapport.pot")
    with open(os.path.join(root, "po", "POTFILES")) as f:
        files = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    run("xgettext", "--package-name=rapport", "--msgid-bugs-address=", "-o", pot,
        "--directory=" + root, *XGETTEXT_ARGS, *files)
    n = len(re.findall(r"^msgid ", open(pot, encoding="utf-8").read(), re.M)) - 1
    plural = len(re.findall(r"^msgid_plural ", open(pot, encoding="utf-8").read(), re.M))
    print("# the .pot has %d messages, %d with plural forms" % (n, plural))
    for wanted in ("Rapport", "Build trust in your one-on-ones", "Show results in the system search"):
        if 'msgid "%s"' % wanted not in open(pot, encoding="utf-8").read():
            raise SystemExit("the .pot lacks %r (desktop file, metainfo or schema not read?)" % wanted)

    # The check itself, on translations made here.
    complete = os.path.join(work, "en.po")
    run("msginit", "--no-translator", "--locale=en_GB.UTF-8", "-i", pot, "-o", complete)
    empty = os.path.join(work, "de.po")
    run("msginit", "--no-translator", "--locale=de_DE.UTF-8", "-i", pot, "-o", empty)
    fuzzy = os.path.join(work, "fuzzy.po")
    make_fuzzy(complete, fuzzy, work)
    wrong_format = os.path.join(work, "format.po")
    change_a_format(complete, wrong_format)
    selftest = [(complete, True), (empty, False), (fuzzy, False), (wrong_format, False)]
    for po, should_pass in selftest:
        found = problems_of(po, pot, work)
        print("# self-test %s: %s" % (os.path.basename(po), "; ".join(found) or "complete"))
        if bool(found) == should_pass:
            raise SystemExit("the check is broken: %s should %s" % (os.path.basename(po),
                                                                   "pass" if should_pass else "fail"))

    failed = False
    with open(os.path.join(root, "po", "LINGUAS")) as f:
        languages = [w for l in f if not l.startswith("#") for w in l.split()]
    for lang in languages:
        found = problems_of(os.path.join(root, "po", lang + ".po"), pot, work)
        print("%s %s: %s" % ("FAIL" if found else "ok", lang, "; ".join(found) or "complete"))
        failed = failed or bool(found)
    if not languages:
        print("# po/LINGUAS lists no language yet")
    sys.exit(1 if failed else 0)
