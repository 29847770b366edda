#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""GNOME Shell's search in the Activities overview, as the shell asks it:
org.gnome.Shell.SearchProvider2 called with `gdbus call` on a private
session bus of this test's own, on which Rapport is started on demand from
its D-Bus service file, as the desktop would. The window a result opens is
checked over AT-SPI (an accessibility bus on the same private session)."""

import atexit
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

BUS_NAME = "io.github.rapport.Rapport"
OBJECT_PATH = "/io/github/rapport/Rapport/SearchProvider"
INTERFACE = "org.gnome.Shell.SearchProvider2"

SAM, LUCIA = "Sam Rivera", "Lucía Fernández"
# Accented letters before the match: the selection must count characters.
SAM_NOTES = "Réunion: the zeppelin budget moved. Sam prefers the café near the station."
SAM_LATER = "Talked about hiring; the roadmap slipped a week."
LUCIA_NOTES = "Lucía wants the zeppelin launch in spring."


# ------------------------------------------------------------------ #
# The private session: a bus whose service folder holds Rapport's
# service file (pointing at the binary under test), and an accessibility
# bus on it. Set up before pyatspi is imported, so that it talks to it.
# ------------------------------------------------------------------ #

def binary():
    path = os.environ.get("RAPPORT_BINARY") or (sys.argv[1] if len(sys.argv) > 1 else "")
    if not os.path.exists(path):
        raise SystemExit("usage: test_search_provider.py PATH-TO-RAPPORT (or RAPPORT_BINARY)")
    return os.path.abspath(path)


SESSION = tempfile.mkdtemp(prefix="rapport-provider-bus-")
atexit.register(shutil.rmtree, SESSION, True)
BUILD_DATA = os.path.join(os.path.dirname(os.path.dirname(binary())), "data")


def service_file(exec_line):
    """The built service file, with Exec aimed at the binary under test."""
    with open(os.path.join(BUILD_DATA, BUS_NAME + ".service")) as f:
        lines = f.read().splitlines()
    return "\n".join(exec_line if l.startswith("Exec=") else l for l in lines) + "\n"


def start_session():
    services = os.path.join(SESSION, "services")
    os.makedirs(services)
    with open(os.path.join(services, BUS_NAME + ".service"), "w") as f:
        f.write(service_file("Exec=%s --gapplication-service" % binary()))
    conf = os.path.join(SESSION, "session.conf")
    with open(conf, "w") as f:
        f.write("""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=%s</listen>
  <servicedir>%s</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
""" % (SESSION, services))
    env = dict(os.environ)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("NO_AT_BRIDGE", None)
    # What Rapport, started by the bus, runs with: its own data and
    # settings folders (set per test through UpdateActivationEnvironment).
    env.update({"GTK_A11Y": "atspi", "GSETTINGS_BACKEND": "keyfile",
                "RAPPORT_NO_DAILY_BACKUP": "1"})
    log_file = open(os.path.join(SESSION, "bus.log"), "w")
    bus = subprocess.Popen(["dbus-daemon", "--nofork", "--print-address=1", "--config-file", conf],
                           stdout=subprocess.PIPE, stderr=log_file, env=env, text=True,
                           start_new_session=True)
    address = bus.stdout.readline().strip()
    if not address:
        raise SystemExit("dbus-daemon did not start")
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    a11y = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)

    def stop():
        for proc in (a11y, bus):
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            proc.wait()
    atexit.register(stop)
    for _ in range(100):
        if subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                           "--object-path", "/org/freedesktop/DBus",
                           "--method", "org.freedesktop.DBus.GetNameOwner", "org.a11y.Bus"],
                          capture_output=True).returncode == 0:
            break
        time.sleep(0.1)


start_session()

import pyatspi  # noqa: E402  (after the session is set up)
from gi.repository import GLib  # noqa: E402

from harness import (E2EError, by_name, export_document, first, is_visible, key, log,  # noqa: E402
                     meeting_record, name, person_record, press, role, run_tests, sha256,
                     sqlite, text_of, type_text, uuid_for, wait_for, write_export, cli_ok,
                     find_app, integrity, click)


# ------------------------------------------------------------------ #
# gdbus and the bus
# ------------------------------------------------------------------ #

TRANSCRIPT = []


def gdbus(method, *args, dest=BUS_NAME, path=OBJECT_PATH, interface=INTERFACE, timeout=25):
    argv = ["gdbus", "call", "--session", "--dest", dest, "--object-path", path,
            "--method", "%s.%s" % (interface, method), "--timeout", str(timeout)] + list(args)
    start = time.monotonic()
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout + 5)
    ms = (time.monotonic() - start) * 1000
    if interface == INTERFACE:
        TRANSCRIPT.append("$ %s\n%s" % (" ".join(repr(a) if " " in a or "[" in a else a for a in argv),
                                        (proc.stdout or proc.stderr).strip()))
    if proc.returncode != 0:
        raise E2EError("%s failed: %s" % (method, proc.stderr.strip()))
    return proc.stdout.strip(), ms


def gvariant(text):
    """What gdbus printed (GVariant text with types), as Python values."""
    return GLib.Variant.parse(None, text, None, None).unpack()


def result_set(terms):
    out, ms = gdbus("GetInitialResultSet", json.dumps(terms))
    return gvariant(out)[0], ms


def subsearch(previous, terms):
    out, _ = gdbus("GetSubsearchResultSet", json.dumps(previous), json.dumps(terms))
    return gvariant(out)[0]


def metas(ids):
    out, _ = gdbus("GetResultMetas", json.dumps(ids))
    return gvariant(out)[0]


def owner_pid():
    """The process that owns Rapport's name, or None."""
    proc = subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                           "--object-path", "/org/freedesktop/DBus", "--method",
                           "org.freedesktop.DBus.GetConnectionUnixProcessID", BUS_NAME],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        return None
    return gvariant(proc.stdout.strip())[0]


def set_activation_env(tmp):
    env = {"XDG_DATA_HOME": os.path.join(tmp, "data"),
           "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
           "GSETTINGS_SCHEMA_DIR": os.environ.get("GSETTINGS_SCHEMA_DIR", BUILD_DATA),
           "DISPLAY": os.environ.get("DISPLAY", ""),
           "LC_ALL": os.environ.get("LC_ALL", "C.UTF-8"),
           "TZ": os.environ.get("TZ", "UTC")}
    gdbus("UpdateActivationEnvironment", json.dumps(env).replace('"', "'"),
          dest="org.freedesktop.DBus", path="/org/freedesktop/DBus",
          interface="org.freedesktop.DBus")
    return env


def stop_rapport(timeout=30):
    """Quits the instance the bus started, as Ctrl+Q would, and waits."""
    pid = owner_pid()
    if pid is None:
        return
    subprocess.run(["gdbus", "call", "--session", "--dest", BUS_NAME, "--object-path",
                    "/io/github/rapport/Rapport", "--method", "org.gtk.Actions.Activate",
                    "quit", "[]", "{}"], capture_output=True)
    end = time.time() + timeout
    while time.time() < end:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(pid, signal.SIGKILL)
    raise E2EError("Rapport did not quit")


def check_bus_log_clean():
    with open(os.path.join(SESSION, "bus.log")) as f:
        bad = [l for l in f.read().splitlines()
               if "CRITICAL" in l or ("WARNING" in l and "rapport" in l.lower())]
    if bad:
        raise E2EError("criticals or warnings from Rapport:\n" + "\n".join(bad))


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
    service = service_file("")
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
        prefs = wait_for(lambda: first(root, lambda n: role(n) == "frame" and name(n) == "Preferences"
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
    out = os.environ.get("RAPPORT_PROVIDER_TRANSCRIPT")
    if out:
        with open(out, "w") as f:
            f.write("\n".join(TRANSCRIPT) + "\n")
    raise SystemExit(status)
