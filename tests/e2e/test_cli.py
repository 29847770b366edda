#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line of the real binary: export, import, backup, help.

The data starts as a small file written by hand from docs/export-format.md,
so the test also checks that the documented format is the one the program
reads. Databases are read back with the sqlite3 tool, not the app's code.
"""

import json
import os
import re
import stat
import subprocess

from harness import E2EError, binary_path, log, run_tests, sqlite

TABLES = ("people", "meetings", "habits", "checklist", "commitments")

NOTES = "Talked about the café by the station.\nSecond line: “quotes” and tabs\tkept."


def ts(day, hour=9):
    return "2025-%sT%02d:00:00.000Z" % (day, hour)


# Written as the format documentation describes it, with my own UUIDs.
HAND_WRITTEN = {
    "format": "rapport-export",
    "version": 1,
    "exported_at": "2025-03-01T12:00:00.000Z",
    "generator": "a test written by hand",
    "habits": [
        {"uuid": "b1000000-0000-4000-8000-000000000001", "key": None, "label": "Coffee chat",
         "hint": "Meet away from the desk.", "kind": "trust", "position": 40, "active": True,
         "created_at": ts("01-02"), "updated_at": ts("01-02")},
    ],
    "people": [
        {"uuid": "a1000000-0000-4000-8000-000000000001", "name": "Zoë Ferrand", "role": "Engineer",
         "cadence_days": 14, "archived": False, "created_at": ts("01-03"), "updated_at": ts("01-03")},
        {"uuid": "a1000000-0000-4000-8000-000000000002", "name": "Old Colleague", "role": "",
         "cadence_days": 7, "archived": True, "created_at": ts("01-04"), "updated_at": ts("01-05")},
    ],
    "meetings": [
        {"uuid": "c1000000-0000-4000-8000-000000000001", "person": "a1000000-0000-4000-8000-000000000001",
         "date": "2025-01-10", "mood": 4, "notes": NOTES,
         "created_at": ts("01-10"), "updated_at": ts("01-10", 10),
         "checklist": [
             {"uuid": "d1000000-0000-4000-8000-000000000001", "habit": "b1000000-0000-4000-8000-000000000001",
              "ticked": True, "evidence": "Walked to the café.", "created_at": ts("01-10"),
              "updated_at": ts("01-10", 10)},
         ]},
        {"uuid": "c1000000-0000-4000-8000-000000000002", "person": "a1000000-0000-4000-8000-000000000001",
         "date": "2025-01-24", "mood": None, "notes": "",
         "created_at": ts("01-24"), "updated_at": ts("01-24"), "checklist": []},
        {"uuid": "c1000000-0000-4000-8000-000000000003", "person": "a1000000-0000-4000-8000-000000000002",
         "date": "2025-01-05", "notes": "Handover.", "created_at": ts("01-05"), "updated_at": ts("01-05")},
    ],
    "commitments": [
        {"uuid": "e1000000-0000-4000-8000-000000000001", "person": "a1000000-0000-4000-8000-000000000001",
         "meeting": "c1000000-0000-4000-8000-000000000001", "text": "Send the budget", "owner": "me",
         "due": "2025-01-17", "closed_on": "2025-01-16", "created_at": ts("01-10", 11),
         "updated_at": ts("01-16")},
        {"uuid": "e1000000-0000-4000-8000-000000000002", "person": "a1000000-0000-4000-8000-000000000001",
         "meeting": "c1000000-0000-4000-8000-000000000001", "text": "Draft the RFC", "owner": "them",
         "due": None, "closed_on": None, "created_at": ts("01-10", 12), "updated_at": ts("01-10", 12)},
    ],
}


def rapport(binary, *args, timeout=60):
    env = dict(os.environ)
    env["RAPPORT_NO_DAILY_BACKUP"] = "1"
    proc = subprocess.run([binary] + list(args), env=env, capture_output=True, text=True,
                          timeout=timeout)
    log("rapport %s -> %d" % (" ".join(os.path.basename(a) for a in args), proc.returncode))
    return proc


def ok(binary, *args):
    proc = rapport(binary, *args)
    if proc.returncode != 0:
        raise E2EError("rapport %s failed with %d: %s" % (" ".join(args), proc.returncode, proc.stderr))
    check_quiet(proc.stderr)
    return proc


def check_quiet(stderr):
    bad = [l for l in stderr.splitlines() if "CRITICAL" in l or "WARNING" in l or "Gtk-" in l]
    if bad:
        raise E2EError("unexpected messages on stderr:\n" + "\n".join(bad))


def without_time(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    stripped, n = re.subn(r'"exported_at" *: *"[^"]*"', '"exported_at" : ""', text)
    if n != 1:
        raise E2EError("%s: expected one exported_at, found %d" % (path, n))
    return stripped


def counts(db):
    return {t: int(sqlite(db, "SELECT count(*) FROM %s" % t)) for t in TABLES}


def dump(db):
    return subprocess.run(["sqlite3", db, ".dump"], check=True, capture_output=True,
                          text=True).stdout


def write_json(path, data):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)


def test_help_lists_commands(binary, tmp):
    proc = ok(binary, "--help")
    for option in ("--export", "--import", "--backup", "--database"):
        if option not in proc.stdout:
            raise E2EError("--help does not list %s:\n%s" % (option, proc.stdout))


def test_round_trip_between_databases(binary, tmp):
    source = os.path.join(tmp, "hand.json")
    db_a = os.path.join(tmp, "a", "rapport.db")
    db_b = os.path.join(tmp, "b", "rapport.db")
    a_json = os.path.join(tmp, "a.json")
    b_json = os.path.join(tmp, "b.json")
    write_json(source, HAND_WRITTEN)

    # Importing into a database that does not exist yet creates it.
    ok(binary, "--database", db_a, "--import", source)
    assert sqlite(db_a, "SELECT notes FROM meetings WHERE uuid = 'c1000000-0000-4000-8000-000000000001'") \
        == NOTES, "notes changed on import"
    assert sqlite(db_a, "SELECT name FROM people WHERE archived = 1") == "Old Colleague"
    assert sqlite(db_a, "SELECT closed_on FROM commitments WHERE text = 'Send the budget'") == "2025-01-16"

    ok(binary, "--database", db_a, "--export", a_json)
    with open(a_json, encoding="utf-8") as f:
        exported = json.load(f)
    if exported.get("format") != "rapport-export" or exported.get("version") != 1:
        raise E2EError("unexpected header: %r" % {k: exported.get(k) for k in ("format", "version")})
    meeting = [m for m in exported["meetings"] if m["uuid"] == "c1000000-0000-4000-8000-000000000001"]
    assert meeting and meeting[0]["notes"] == NOTES and meeting[0]["mood"] == 4, meeting
    assert meeting[0]["checklist"][0]["evidence"] == "Walked to the café."
    uuids = sorted(c["uuid"] for c in exported["commitments"])
    assert uuids == ["e1000000-0000-4000-8000-000000000001", "e1000000-0000-4000-8000-000000000002"], uuids

    ok(binary, "--database", db_b, "--import", a_json)
    ok(binary, "--database", db_b, "--export", b_json)
    if without_time(a_json) != without_time(b_json):
        raise E2EError("export of B differs from export of A:\n" + diff(a_json, b_json))
    log("round trip equal: %d bytes, %r" % (os.path.getsize(a_json), counts(db_b)))

    # The same file again adds and changes nothing.
    before = counts(db_b)
    before_dump = dump(db_b)
    ok(binary, "--database", db_b, "--import", a_json)
    after = counts(db_b)
    if before != after:
        raise E2EError("importing twice changed the row counts: %r -> %r" % (before, after))
    if dump(db_b) != before_dump:
        raise E2EError("importing the same file twice changed the database")


def diff(a, b):
    proc = subprocess.run(["diff", "-u", a, b], capture_output=True, text=True)
    return "\n".join(proc.stdout.splitlines()[:40])


def test_malformed_file_refused(binary, tmp):
    db = os.path.join(tmp, "rapport.db")
    good = os.path.join(tmp, "good.json")
    bad = os.path.join(tmp, "truncated.json")
    write_json(good, HAND_WRITTEN)
    ok(binary, "--database", db, "--import", good)

    with open(good, encoding="utf-8") as f:
        text = f.read()
    # Cut in the middle of the meetings, as a copy interrupted half way.
    cut = text.index("Second line")
    with open(bad, "w", encoding="utf-8") as f:
        f.write(text[:cut])
    expected_line = text[:cut].count("\n") + 1

    before = dump(db)
    proc = rapport(binary, "--database", db, "--import", bad)
    if proc.returncode == 0:
        raise E2EError("a truncated file was accepted")
    lines = proc.stderr.strip("\n").split("\n")
    if len(lines) != 1 or not lines[0]:
        raise E2EError("expected a one-line reason on stderr, got %r" % proc.stderr)
    found = re.search(r"line (\d+), column (\d+)", lines[0])
    if not found:
        raise E2EError("the reason does not name a line and column: %r" % lines[0])
    log("refused: %s" % lines[0])
    # The parser reports where the text ends (the last line, or just past it).
    if not expected_line <= int(found.group(1)) <= expected_line + 1:
        raise E2EError("line %s named, the file ends on line %d" % (found.group(1), expected_line))
    if dump(db) != before:
        raise E2EError("the database changed although the import was refused")

    # A content error names the member's path, and changes nothing either.
    broken = json.loads(json.dumps(HAND_WRITTEN))
    broken["meetings"][1]["date"] = "24/01/2025"
    write_json(bad, broken)
    proc = rapport(binary, "--database", db, "--import", bad)
    if proc.returncode == 0:
        raise E2EError("a file with a bad date was accepted")
    if "$.meetings[1].date" not in proc.stderr or proc.stderr.count("\n") != 1:
        raise E2EError("the reason does not name $.meetings[1].date on one line: %r" % proc.stderr)
    if dump(db) != before:
        raise E2EError("the database changed although the import was refused")

    # Exporting from a database that is not there is an error, not an empty file.
    missing = os.path.join(tmp, "nowhere", "rapport.db")
    proc = rapport(binary, "--database", missing, "--export", os.path.join(tmp, "x.json"))
    if proc.returncode == 0 or os.path.exists(os.path.join(tmp, "x.json")):
        raise E2EError("export from a missing database succeeded")
    if os.path.exists(missing):
        raise E2EError("export created a database at %s" % missing)


def test_backup_is_private(binary, tmp):
    db = os.path.join(tmp, "rapport.db")
    source = os.path.join(tmp, "hand.json")
    folder = os.path.join(tmp, "backups")
    write_json(source, HAND_WRITTEN)
    ok(binary, "--database", db, "--import", source)

    proc = ok(binary, "--database", db, "--backup", folder)
    files = [f for f in os.listdir(folder) if not f.startswith(".")]
    if len(files) != 1:
        raise E2EError("expected one backup file in %s, found %r" % (folder, files))
    path = os.path.join(folder, files[0])
    if os.path.realpath(proc.stdout.strip()) != os.path.realpath(path):
        raise E2EError("--backup printed %r, but wrote %r" % (proc.stdout, path))
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode != 0o600:
        raise E2EError("backup %s has mode %o, not 600" % (path, mode))
    # A complete, self-contained copy.
    assert sqlite(path, "PRAGMA integrity_check") == "ok"
    if counts(path) != counts(db):
        raise E2EError("backup rows %r differ from database %r" % (counts(path), counts(db)))
    assert sqlite(path, "SELECT notes FROM meetings WHERE mood = 4") == NOTES
    log("backup %s, mode %o, %d bytes" % (files[0], mode, os.path.getsize(path)))

    # A folder that cannot be written is a clean failure.
    blocker = os.path.join(tmp, "a-file")
    open(blocker, "w").close()
    proc = rapport(binary, "--database", db, "--backup", os.path.join(blocker, "sub"))
    if proc.returncode == 0 or proc.stderr.count("\n") != 1:
        raise E2EError("backup into an impossible folder: status %d, stderr %r"
                       % (proc.returncode, proc.stderr))


if __name__ == "__main__":
    binary_path()
    raise SystemExit(run_tests([test_help_lists_commands, test_round_trip_between_databases,
                                test_malformed_file_refused, test_backup_is_private]))
