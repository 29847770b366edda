#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""GNOME Shell's search in the Activities overview, as the shell asks it:
org.gnome.Shell.SearchProvider2 called with `gdbus call` on a private
session bus of this test's own, on which Rapport is started on demand from
its D-Bus service file, as the desktop would. The window a result opens is
checked over AT-SPI (an accessibility bus on the same private session)."""

import json
import os
import threading
import time

import private_session as session
from private_session import BUILD_DATA, BUS_NAME, gvariant, owner, set_activation_env, stop_rapport

session.start()

import pyatspi  # noqa: E402  (after the session is set up)

from harness import (E2EError, by_name, export_document, first, is_visible, key, log,  # noqa: E402
                     meeting_record, name, person_record, role, run_tests, sha256,
                     sqlite, text_of, type_text, uuid_for, wait_for, write_export, cli_ok,
                     find_app, integrity, click)

OBJECT_PATH = "/io/github/rapport/Rapport/SearchProvider"
INTERFACE = "org.gnome.Shell.SearchProvider2"

SAM, LUCIA = "Sam Rivera", "Lucía Fernández"
# Accented letters before the match: the selection must count characters.
SAM_NOTES = "Réunion: the zeppelin budget moved. Sam prefers the café near the station."
SAM_LATER = "Talked about hiring; the roadmap slipped a week."
LUCIA_NOTES = "Lucía wants the zeppelin launch in spring."
TOPIC = "Ask about the trombone course"


def gdbus(method, *args):
    try:
        return session.gdbus(BUS_NAME, OBJECT_PATH, "%s.%s" % (INTERFACE, method), *args)
    except AssertionError as exc:
        raise E2EError(str(exc))


def owner_pid():
    return owner(BUS_NAME)


def check_bus_log_clean():
    session.check_log_clean()


def result_set(terms):
    out, ms = gdbus("GetInitialResultSet", json.dumps(terms))
    return gvariant(out)[0], ms


def subsearch(previous, terms):
    out, _ = gdbus("GetSubsearchResultSet", json.dumps(previous), json.dumps(terms))
    return gvariant(out)[0]


def metas(ids):
    out, _ = gdbus("GetResultMetas", json.dumps(ids))
    return gvariant(out)[0]


# ------------------------------------------------------------------ #
# A journal to search
# ------------------------------------------------------------------ #

def make_journal(tmp, rapport):
    db = os.path.join(tmp, "data", "rapport", "rapport.db")
    os.makedirs(os.path.dirname(db))
    sam, lucia = uuid_for("a", 1), uuid_for("a", 2)
    document = export_document(
        people=[person_record(sam, SAM), person_record(lucia, LUCIA)],
        meetings=[meeting_record(uuid_for("b", 1), sam, "2025-03-03", SAM_NOTES),
                  meeting_record(uuid_for("b", 2), sam, "2025-03-10", SAM_LATER),
                  meeting_record(uuid_for("b", 3), lucia, "2025-03-04", LUCIA_NOTES)])
    export = os.path.join(tmp, "journal.json")
    write_export(export, document)
    cli_ok(rapport, "--database", db, "--import", export)
    return db


def meeting_id(db, notes):
    return int(sqlite(db, "SELECT id FROM meetings WHERE notes = '%s'" % notes.replace("'", "''")))


def person_id(db, person):
    return int(sqlite(db, "SELECT id FROM people WHERE name = '%s'" % person))


# ------------------------------------------------------------------ #
# Tests
# ------------------------------------------------------------------ #

def test_installed_files(rapport, tmp):
    """The shell finds the provider through the .ini, and the bus starts
    Rapport as a service for it."""
    with open(os.path.join(BUILD_DATA, BUS_NAME + ".search-provider.ini")) as f:
        ini = f.read()
    for line in ("[Shell Search Provider]", "DesktopId=%s.desktop" % BUS_NAME,
                 "BusName=%s" % BUS_NAME, "ObjectPath=%s" % OBJECT_PATH, "Version=2"):
        if line not in ini.splitlines():
            raise E2EError("the search provider .ini lacks %r:\n%s" % (line, ini))
    service = session.service_file("")
    if "Name=%s" % BUS_NAME not in service.splitlines():
        raise E2EError("the D-Bus service file names another bus name:\n" + service)
    with open(os.path.join(BUILD_DATA, BUS_NAME + ".service")) as f:
        if not any(l.startswith("Exec=") and l.endswith("/rapport --gapplication-service")
                   for l in f.read().splitlines()):
            raise E2EError("the service file does not start rapport as a service")


def test_results_and_metas(rapport, tmp):
    """Started on demand; names and words found, described by person, date
    and snippet; more words narrow; the journal is never written."""
    db = make_journal(tmp, rapport)
    # A topic waiting for the next 1:1 with Sam (no meeting yet).
    sqlite(db, "INSERT INTO talking_points (uuid, person_id, text, created_at, updated_at) "
               "VALUES ('%s', %d, '%s', 'x', 'x')" % (uuid_for("d", 1), person_id(db, SAM), TOPIC))
    set_activation_env(tmp)
    before = sha256(db)
    if owner_pid() is not None:
        raise E2EError("Rapport runs before anything asked for it")
    try:
        ids, ms = result_set(["zeppelin"])
        log("GetInitialResultSet ['zeppelin'] (starting Rapport): %.0f ms: %s" % (ms, ids))
        if owner_pid() is None:
            raise E2EError("the bus did not start Rapport")
        if len(ids) != 2 or not all(i.startswith("n") for i in ids):
            raise E2EError("'zeppelin' is in two meetings' notes: %r" % ids)
        found = {m["id"]: m for m in metas(ids)}
        if set(found) != set(ids):
            raise E2EError("metas for %r, asked for %r" % (list(found), ids))
        by_person = {m["name"]: m for m in found.values()}
        if set(by_person) != {SAM, LUCIA}:
            raise E2EError("results name %r" % list(by_person))
        sam = by_person[SAM]["description"]
        if not sam.startswith("3 Mar 2025: ") or "zeppelin budget" not in sam:
            raise E2EError("Sam's result says %r, not the date and the words" % sam)
        if "\x02" in sam or "\x03" in sam:
            raise E2EError("match marks left in %r" % sam)
        if not by_person[LUCIA]["description"].startswith("4 Mar 2025: "):
            raise E2EError("Lucía's result says %r" % by_person[LUCIA]["description"])
        if "gicon" not in by_person[SAM]:
            raise E2EError("no icon for a result")

        narrower = subsearch(ids, ["zeppelin", "budg"])
        if narrower != [by_person[SAM]["id"]]:
            raise E2EError("'zeppelin budg' should leave Sam's meeting only: %r" % narrower)

        # A name, accents left out: the person first, then the notes
        # that name her.
        ids, ms = result_set(["lucia"])
        log("GetInitialResultSet ['lucia']: %.0f ms: %s" % (ms, ids))
        if not ids or not ids[0].startswith("p%d:" % person_id(db, LUCIA)):
            raise E2EError("'lucia' should find Lucía first: %r" % ids)
        meta = metas(ids[:1])[0]
        if meta["name"] != LUCIA:
            raise E2EError("the person's result is named %r" % meta["name"])

        # A talking point: what it is, and no date before it is discussed.
        ids, _ = result_set(["trombone"])
        if len(ids) != 1 or not ids[0].startswith("t"):
            raise E2EError("'trombone' is in one talking point: %r" % ids)
        meta = metas(ids)[0]
        if meta["name"] != SAM or meta["description"] != "To talk about: " + TOPIC:
            raise E2EError("the talking point's result says %r, %r" % (meta["name"], meta["description"]))

        if metas(["n999:1:999:0:3", "nonsense"]) != []:
            raise E2EError("made-up identifiers got metas")
        if result_set(["submarine"])[0] != []:
            raise E2EError("a word that is nowhere found something")
    finally:
        stop_rapport()
    if sha256(db) != before:
        raise E2EError("the database changed though only the search read it")
    check_bus_log_clean()


def test_not_migrated_or_created(rapport, tmp):
    """A journal of an older format is left for the app to update, and no
    journal is made where there is none."""
    set_activation_env(tmp)
    try:
        if result_set(["zeppelin"])[0] != []:
            raise E2EError("found something without a journal")
        if os.path.exists(os.path.join(tmp, "data", "rapport")):
            raise E2EError("the search made a data folder")
        db = make_journal(tmp, rapport)
        version = int(sqlite(db, "PRAGMA user_version"))
        sqlite(db, "PRAGMA user_version = %d" % (version - 1))
        before = sha256(db)
        if result_set(["zeppelin"])[0] != []:
            raise E2EError("searched a journal not yet at this version's format")
        if sha256(db) != before or int(sqlite(db, "PRAGMA user_version")) != version - 1:
            raise E2EError("the search wrote to (or migrated) the journal")
    finally:
        stop_rapport()
    check_bus_log_clean()


def app_window(pid):
    root = wait_for(lambda: find_app(pid), 20, "Rapport on the AT-SPI bus")
    return wait_for(lambda: first(root, lambda n: role(n) == "frame"), 10, "its window"), root


def check_opened_at(win, notes_text, word):
    notes = by_name(win, "Meeting notes", roles=("text",))
    wait_for(lambda: text_of(notes) == notes_text, 10, "the meeting's notes shown")
    text = notes.queryText()
    wait_for(lambda: text.getNSelections() == 1, 5, "a selection in the notes")
    start, end = text.getSelection(0)
    want = notes_text.index(word)
    if (start, end) != (want, want + len(word)):
        raise E2EError("selected %d..%d %r, expected %r"
                       % (start, end, text.getText(start, end), word))
    return notes


def test_activate_and_write(rapport, tmp):
    """A result opens the window on its meeting with the words selected;
    the search keeps answering, read-only and quick, while the window
    writes; "search in the app" opens the window's search."""
    db = make_journal(tmp, rapport)
    set_activation_env(tmp)
    try:
        sam_meeting = meeting_id(db, SAM_NOTES)
        ids, _ = result_set(["zeppelin", "budget"])
        wanted = [i for i in ids if i.startswith("n%d:" % sam_meeting)]
        if not wanted:
            raise E2EError("Sam's meeting not among %r" % ids)
        gdbus("ActivateResult", wanted[0], json.dumps(["zeppelin", "budget"]), "0")
        win, root = app_window(owner_pid())
        wait_for(lambda: name(win) == SAM, 10, "the window titled with Sam's name")
        notes = check_opened_at(win, SAM_NOTES, "zeppelin")
        log("ActivateResult opened %r with 'zeppelin' selected" % name(win))

        # Type at the end of the notes while the shell keeps asking.
        stop = threading.Event()
        timings = []
        answers = []

        def ask():
            while not stop.is_set():
                found, ms = result_set(["zeppelin"])
                timings.append(ms)
                answers.append(len(found))
        asker = threading.Thread(target=ask)
        asker.start()
        try:
            key("ctrl+End")
            added = " Then the submarine plan came up."
            type_text(added)
            wait_for(lambda: text_of(notes) == SAM_NOTES + added, 15, "the words typed")
            wait_for(lambda: sqlite(db, "SELECT count(*) FROM meetings WHERE notes = '%s'"
                                    % (SAM_NOTES + added).replace("'", "''")) == "1",
                     15, "the words saved")
        finally:
            stop.set()
            asker.join(60)
        log("%d searches while typing: slowest %.0f ms (gdbus call included)"
            % (len(timings), max(timings)))
        if len(timings) < 3 or set(answers) != {2}:
            raise E2EError("searches while typing answered %r" % answers)
        if max(timings) > 1000:
            raise E2EError("a search took %.0f ms while the window wrote" % max(timings))
        found, _ = result_set(["submarine"])
        if not found or not found[0].startswith("n%d:" % sam_meeting):
            raise E2EError("the words just saved are not found: %r" % found)

        # "Search in the app": the window's own search, with the terms.
        gdbus("LaunchSearch", json.dumps(["roadmap"]), "0")
        entry = by_name(win, "Search all notes", roles=("text", "entry"))
        wait_for(lambda: text_of(entry) == "roadmap", 10, "the terms in the window's search")
        wait_for(lambda: first(win, lambda n: role(n) == "list item" and is_visible(n)
                               and name(n).startswith(SAM + ", ") and "roadmap" in name(n)),
                 10, "the window's result for 'roadmap'")
    finally:
        stop_rapport()
    if integrity(db) != "ok":
        raise E2EError("integrity_check: " + integrity(db))
    check_bus_log_clean()


def test_preference_off(rapport, tmp):
    """Switched off in Preferences, the system search gets nothing."""
    make_journal(tmp, rapport)
    set_activation_env(tmp)
    try:
        ids, _ = result_set(["zeppelin"])
        if len(ids) != 2:
            raise E2EError("expected two results before switching off: %r" % ids)
        gdbus("LaunchSearch", json.dumps(["zeppelin"]), "0")
        win, root = app_window(owner_pid())
        key("ctrl+comma")
        # A window of its own on Debian 12, a dialog in the window
        # (AdwPreferencesDialog) where libadwaita has it.
        prefs = wait_for(lambda: first(root, lambda n: role(n) in ("frame", "dialog") and name(n) == "Preferences"
                                       and is_visible(n)), 10, "the Preferences window")
        general = by_name(prefs, "General", roles=("toggle button", "push button", "page tab",
                                                   "radio button", "label"))
        click(general)
        # GTK 4.8 adds the row's title to the switch's own label.
        switch = wait_for(lambda: first(prefs, lambda n: role(n) in ("check box", "switch", "toggle button")
                                        and name(n).startswith("Show results in the system search")
                                        and is_visible(n)), 10, "the system search switch")
        if not switch.getState().contains(pyatspi.STATE_CHECKED):
            raise E2EError("the system search is off by default")
        click(switch)
        wait_for(lambda: not switch.getState().contains(pyatspi.STATE_CHECKED), 5, "switched off")
        wait_for(lambda: result_set(["zeppelin"])[0] == [], 5, "no results once switched off")
        if result_set(["lucia"])[0] != [] or subsearch([], ["zeppelin"]) != []:
            raise E2EError("results while switched off")
        click(switch)
        wait_for(lambda: len(result_set(["zeppelin"])[0]) == 2, 5, "results again once switched on")
        key("Escape")
    finally:
        stop_rapport()
    check_bus_log_clean()


if __name__ == "__main__":
    status = run_tests([test_installed_files, test_results_and_metas, test_not_migrated_or_created,
                        test_activate_and_write, test_preference_off])
    session.write_transcript()
    raise SystemExit(status)
