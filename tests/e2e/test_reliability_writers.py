#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Two processes on one database: the window open on a meeting while the
command line imports or exports. Nothing either of them wrote is lost,
the window shows what another process changed, and a deletion waiting in
an Undo toast survives another process opening the database."""

import os
import random
import subprocess
import time

from harness import (App, E2EError, by_name, cli, cli_ok, click, export_document, find_all, first,
                     is_visible, key, log, meeting_record, name, open_last_meeting, person_record,
                     press, role, run_tests, save_label, sqlite, stamp, text_of, type_text,
                     uuid_for, wait_for, wait_for_accessibility, wait_saved_after_change,
                     write_export)

PERSON = "Ana Second"
PERSON_UUID = uuid_for("a3", 1)
MEETING_UUID = uuid_for("c3", 1)
OTHER_UUID = uuid_for("c3", 2)
ORIGINAL = "Notes the window loaded."
NO_BACKUP = {"RAPPORT_NO_DAILY_BACKUP": "1"}


def token():
    return "%08x" % random.SystemRandom().randrange(1 << 32)


def seed(binary, tmp, db, meetings=None):
    source = os.path.join(tmp, "seed.json")
    write_export(source, export_document(
        [person_record(PERSON_UUID, PERSON)],
        meetings or [meeting_record(MEETING_UUID, PERSON_UUID, "2025-01-10", ORIGINAL)]))
    cli_ok(binary, "--database", db, "--import", source)


def notes_on_disk(db, uuid=MEETING_UUID):
    return sqlite(db, "SELECT notes FROM meetings WHERE uuid = '%s'" % uuid)


def import_newer_notes(binary, tmp, db, notes, extra_people=()):
    """The command line imports a newer version of the meeting, as when a
    file from a second machine is merged while the window is open."""
    path = os.path.join(tmp, "newer-%s.json" % token())
    write_export(path, export_document(
        [person_record(PERSON_UUID, PERSON)] + list(extra_people),
        [meeting_record(MEETING_UUID, PERSON_UUID, "2025-01-10", notes, updated=stamp())]))
    proc = cli(binary, "--database", db, "--import", path, timeout=30)
    if proc.returncode != 0:
        raise E2EError("the import beside the open window failed (%d): %s"
                       % (proc.returncode, proc.stderr.strip()))
    if notes_on_disk(db) != notes:
        raise E2EError("the import did not change the meeting: %r" % notes_on_disk(db))


def quit_app(app):
    """Ctrl+Q and a clean exit; warnings are allowed (a conflict may be
    logged), criticals are not."""
    key("ctrl+q")
    try:
        out, _ = app.proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        raise E2EError("the app did not quit on Ctrl+Q")
    if "CRITICAL" in out:
        raise E2EError("criticals on stderr:\n" + out)
    if app.proc.returncode != 0:
        raise E2EError("the app exited with %d:\n%s" % (app.proc.returncode, out))
    return out


def test_import_beside_typing_keeps_both(binary, tmp):
    """(a) Another process writes the meeting; then the user types in the
    window. Both texts must be on disk once the window has saved."""
    db = os.path.join(tmp, "rapport.db")
    seed(binary, tmp, db)
    imported = "Imported from the laptop %s: the whole paragraph, kept." % token()
    typed = " typed-in-window-%s" % token()

    app = App(binary, db, NO_BACKUP).start()
    try:
        notes = open_last_meeting(app, PERSON)
        wait_for(lambda: text_of(notes) == ORIGINAL, 10, "the meeting loaded")
        label = save_label(app.window)

        import_newer_notes(binary, tmp, db, imported)
        # The user goes on typing right away, as they would.
        click(notes)
        key("ctrl+End")
        type_text(typed)
        wait_for(lambda: typed in text_of(notes), 10, "the typed text in the editor")
        try:
            wait_saved_after_change(label, 20)
        except E2EError as exc:
            raise E2EError("%s\nthe editor holds %r\nthe notes on disk are %r"
                           % (exc, text_of(notes), notes_on_disk(db)))
        time.sleep(1.0)
        on_disk = notes_on_disk(db)
        log("after the window saved, the notes are %r" % on_disk)
        missing = [what for what, text in (("typed", typed.strip()), ("imported", imported))
                   if text not in on_disk]
        if missing:
            elsewhere = sqlite(db, "SELECT uuid || ': ' || notes FROM meetings")
            raise E2EError("the %s text is not in the meeting's notes on disk: %r\n"
                           "all meetings: %s" % (" and ".join(missing), on_disk, elsewhere))
        quit_app(app)
    finally:
        app.kill()

    on_disk = notes_on_disk(db)
    if typed.strip() not in on_disk or imported not in on_disk:
        raise E2EError("after quitting, the notes are %r" % on_disk)


def test_import_shows_in_open_window(binary, tmp):
    """(b) A command-line import while the window is open and untouched
    appears in the window, and the window does not write its old copy back."""
    db = os.path.join(tmp, "rapport.db")
    seed(binary, tmp, db)
    imported = "Notes merged from another machine %s." % token()
    newcomer = "Newcomer %s" % token()[:4]

    app = App(binary, db, NO_BACKUP).start()
    try:
        notes = open_last_meeting(app, PERSON)
        wait_for(lambda: text_of(notes) == ORIGINAL, 10, "the meeting loaded")

        import_newer_notes(binary, tmp, db, imported,
                           [person_record(uuid_for("a3", 2), newcomer, stamp())])
        t0 = time.time()
        wait_for(lambda: text_of(notes) == imported, 3, "the imported notes in the open editor")
        wait_for(lambda: first(app.window, lambda n: role(n) == "label" and name(n) == newcomer
                               and is_visible(n)),
                 max(0.5, 3 - (time.time() - t0)), "the imported person in the list")
        log("the window showed the import after %.2f s" % (time.time() - t0))

        time.sleep(2)
        if notes_on_disk(db) != imported:
            raise E2EError("the window wrote over the import: %r" % notes_on_disk(db))
        quit_app(app)
    finally:
        app.kill()
    if notes_on_disk(db) != imported:
        raise E2EError("after quitting, the notes are %r, not the import" % notes_on_disk(db))


def undo_button(app):
    return first(app.window, lambda n: role(n) == "push button" and
                 name(n).replace("_", "").split(" ")[0] == "Undo" and is_visible(n))


def test_undo_after_another_open(binary, tmp):
    """A meeting deleted in the window, another process opens the database
    (an export), then Undo: the meeting is back."""
    db = os.path.join(tmp, "rapport.db")
    seed(binary, tmp, db, [
        meeting_record(OTHER_UUID, PERSON_UUID, "2025-01-03", "An older meeting."),
        meeting_record(MEETING_UUID, PERSON_UUID, "2025-01-10", ORIGINAL)])
    app = App(binary, db, NO_BACKUP).start()
    try:
        notes = open_last_meeting(app, PERSON)
        wait_for(lambda: text_of(notes) == ORIGINAL, 10, "the meeting to delete")
        press(by_name(app.window, "Person Menu", roles=("push button", "toggle button")))
        press(by_name(app.root, "Delete This Meeting", roles=("menu item",)))
        wait_for(lambda: undo_button(app), 5, "the Undo toast")
        wait_for(lambda: sqlite(db, "SELECT deleted FROM meetings WHERE uuid = '%s'" % MEETING_UUID) == "1",
                 5, "the meeting marked deleted on disk")

        out = os.path.join(tmp, "export.json")
        t0 = time.time()
        cli_ok(binary, "--database", db, "--export", out, timeout=30)
        log("export beside the toast took %.2f s" % (time.time() - t0))

        button = undo_button(app)
        if button is None:
            raise E2EError("the Undo toast was gone before Undo could be pressed")
        press(button)
        try:
            wait_for(lambda: sqlite(db, "SELECT deleted FROM meetings WHERE uuid = '%s'"
                                    % MEETING_UUID) == "0", 5, "the meeting back on disk")
        except E2EError:
            said = [name(n) for n in find_all(app.window, lambda n: role(n) == "label"
                                              and is_visible(n) and "restor" in name(n).lower())]
            raise E2EError("Undo did not bring the meeting back (row: %r); the window says %r"
                           % (sqlite(db, "SELECT deleted FROM meetings WHERE uuid = '%s'"
                                     % MEETING_UUID), said))
        if notes_on_disk(db) != ORIGINAL:
            raise E2EError("the restored meeting's notes are %r" % notes_on_disk(db))
        quit_app(app)
    finally:
        app.kill()
    if sqlite(db, "SELECT deleted FROM meetings WHERE uuid = '%s'" % MEETING_UUID) != "0":
        raise E2EError("after quitting, the undone meeting is gone")


if __name__ == "__main__":
    wait_for_accessibility()
    raise SystemExit(run_tests([test_import_beside_typing_keeps_both, test_import_shows_in_open_window,
                                test_undo_after_another_open]))
