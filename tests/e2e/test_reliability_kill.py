#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""kill -9 at random moments: while typing in the real window, during a
command-line import and during a backup. After every kill the database
must pass SQLite's integrity check, keep every word the window had shown
as "Saved", and hold all or nothing of an import.

The delays are random but seeded: the seed is printed, and
RAPPORT_RELIABILITY_SEED=N replays a run. RAPPORT_KILL_ROUNDS sets the
number of kills while typing (20 by default, as the suite runs it).
"""

import os
import random
import shutil
import signal
import subprocess
import time

from harness import (App, E2EError, cli_ok, click, export_document, generated_export, integrity,
                     key, log, meeting_record, open_last_meeting, person_record, run_tests,
                     save_label, sqlite, text_of, type_text, uuid_for, wait_for,
                     wait_for_accessibility, wait_saved_after_change, write_export)

PERSON = "Kim Tester"
PERSON_UUID = uuid_for("a1", 1)
MEETING_UUID = uuid_for("c1", 1)
START = "Kill loop notes."


def make_rng():
    seed = os.environ.get("RAPPORT_RELIABILITY_SEED")
    seed = int(seed) if seed else random.SystemRandom().randrange(1 << 31)
    log("seed %d (RAPPORT_RELIABILITY_SEED=%d replays this run)" % (seed, seed))
    return random.Random(seed)


def seed_database(binary, tmp, db):
    source = os.path.join(tmp, "seed.json")
    write_export(source, export_document([person_record(PERSON_UUID, PERSON)],
                                         [meeting_record(MEETING_UUID, PERSON_UUID, "2025-01-10", START)]))
    cli_ok(binary, "--database", db, "--import", source)


def notes_on_disk(db):
    return sqlite(db, "SELECT notes FROM meetings WHERE uuid = '%s'" % MEETING_UUID)


def check_after_kill(db, what):
    verdict = integrity(db)
    if verdict != "ok":
        raise E2EError("after a kill %s, integrity_check says: %s" % (what, verdict))


def test_kill_while_typing(binary, tmp):
    rng = make_rng()
    rounds = int(os.environ.get("RAPPORT_KILL_ROUNDS", "20"))
    db = os.path.join(tmp, "rapport.db")
    seed_database(binary, tmp, db)
    env = {"RAPPORT_NO_DAILY_BACKUP": "1"}

    shown_saved = []      # markers the header had called "Saved"
    unconfirmed = 0
    for number in range(rounds):
        on_disk = notes_on_disk(db)
        app = App(binary, db, env).start()
        typer = None
        try:
            notes = open_last_meeting(app, PERSON)
            # The window shows what the disk holds, nothing older.
            wait_for(lambda: text_of(notes) == on_disk, 10,
                     "the editor showing the notes on disk (%d chars)" % len(on_disk))
            label = save_label(app.window)
            click(notes)
            key("ctrl+End")

            marker = " M%02d-%06x" % (number, rng.randrange(1 << 24))
            type_text(marker)
            wait_for(lambda: text_of(notes).endswith(marker), 10, "marker %r in the editor" % marker)
            if wait_saved_after_change(label):
                shown_saved.append(marker)
            else:
                unconfirmed += 1
                log("round %d: 'Saved' read without seeing the change pending; not counted" % number)

            # More words, and the kill lands somewhere in them: before the
            # debounce, during a save, or after.
            more = " then%02d %s" % (number, "w" * rng.randint(5, 60))
            delay = rng.uniform(0.0, 1.8)
            typer = subprocess.Popen(["xdotool", "type", "--delay", str(rng.choice((5, 12, 25))),
                                      "--clearmodifiers", more])
            time.sleep(delay)
            app.proc.send_signal(signal.SIGKILL)
            app.proc.wait(timeout=10)
            log("round %d: killed %.2f s into typing %d chars" % (number, delay, len(more)))
        finally:
            app.kill()
            if typer is not None:
                try:
                    typer.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    typer.kill()
                    typer.wait()

        check_after_kill(db, "in round %d" % number)
        after = notes_on_disk(db)
        lost = [m for m in shown_saved if m not in after]
        if lost:
            raise E2EError("round %d: shown as 'Saved' but not on disk after kill -9: %r\n"
                           "notes on disk end with: %r" % (number, lost, after[-200:]))

    if len(shown_saved) < rounds * 3 // 4:
        raise E2EError("only %d of %d markers were seen being saved: the check proved little"
                       % (len(shown_saved), rounds))
    log("%d kills, %d markers shown as Saved all on disk, %d not counted"
        % (rounds, len(shown_saved), unconfirmed))


def imported_counts(db, kind):
    lo, hi = uuid_for(kind, 0), uuid_for("%x" % (int(kind, 16) + 1), 0)
    return (int(sqlite(db, "SELECT count(*) FROM people WHERE uuid >= '%s' AND uuid < '%s'" % (lo, hi))),
            int(sqlite(db, "SELECT count(*) FROM meetings WHERE uuid >= '%s' AND uuid < '%s'" % (lo, hi))))


def remove_db(db):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)


def kill_at(argv, delay):
    """Starts the command line and kill -9s it after @delay seconds.
    Returns the exit status (negative when killed)."""
    env = dict(os.environ)
    env["RAPPORT_NO_DAILY_BACKUP"] = "1"
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        raise E2EError("%s did not die on SIGKILL" % argv)
    return proc.returncode


def kill_when_file_appears(argv, folder, before, delay, timeout=30):
    """Starts the command line, and once a file not in @before shows up in
    @folder, waits @delay seconds and kill -9s it (if it still runs)."""
    env = dict(os.environ)
    env["RAPPORT_NO_DAILY_BACKUP"] = "1"
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    end = time.time() + timeout
    while proc.poll() is None and time.time() < end:
        if set(os.listdir(folder)) - before:
            time.sleep(delay)
            break
        time.sleep(0.001)
    proc.send_signal(signal.SIGKILL)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        raise E2EError("%s did not die on SIGKILL" % argv)
    return proc.returncode


def test_kill_during_import_and_backup(binary, tmp):
    rng = make_rng()
    kind = "f2"
    big = os.path.join(tmp, "big.json")
    n_people, n_meetings = generated_export(big, kind, 30, 3000, 1200, rng)
    log("export of %d people, %d meetings: %d bytes"
        % (n_people, n_meetings, os.path.getsize(big)))

    base = os.path.join(tmp, "base.db")
    seed_database(binary, tmp, base)
    base_notes = notes_on_disk(base)
    db = os.path.join(tmp, "rapport.db")

    # How long an import takes here, to spread the kills over it.
    shutil.copy(base, db)
    t0 = time.time()
    cli_ok(binary, "--database", db, "--import", big, timeout=120)
    full = time.time() - t0
    if imported_counts(db, kind) != (n_people, n_meetings):
        raise E2EError("a complete import holds %r" % (imported_counts(db, kind),))
    log("a whole import takes %.2f s" % full)

    outcomes = {"none": 0, "all": 0}
    for number in range(8):
        remove_db(db)
        shutil.copy(base, db)
        delay = rng.uniform(0.0, full * 1.1)
        status = kill_at([binary, "--database", db, "--import", big], delay)
        check_after_kill(db, "during import %d (%.2f s)" % (number, delay))
        got = imported_counts(db, kind)
        if got == (0, 0):
            outcomes["none"] += 1
        elif got == (n_people, n_meetings):
            outcomes["all"] += 1
        else:
            raise E2EError("import killed at %.2f s left part of it: %d of %d people, %d of %d meetings"
                           % (delay, got[0], n_people, got[1], n_meetings))
        if notes_on_disk(db) != base_notes:
            raise E2EError("import killed at %.2f s changed a meeting it does not name" % delay)
        log("import %d killed at %.2f s (status %d): %s" % (number, delay, status,
                                                             "none" if got == (0, 0) else "all"))
    log("imports killed: %r" % outcomes)

    # Backups of the big database, killed while they copy.
    remove_db(db)
    shutil.copy(base, db)
    cli_ok(binary, "--database", db, "--import", big, timeout=120)
    size = os.path.getsize(db)
    folder = os.path.join(tmp, "backups")
    t0 = time.time()
    first = cli_ok(binary, "--database", db, "--backup", folder, timeout=120).stdout.strip()
    full = time.time() - t0
    log("a whole backup of %d bytes takes %.2f s" % (size, full))
    interrupted = 0
    rounds = 10
    for number in range(rounds):
        before = set(os.listdir(folder))
        if number % 2 == 0:
            # Blind: anywhere from the start to past the end.
            delay = rng.uniform(0.0, full * 1.2)
            kill_at([binary, "--database", db, "--backup", folder], delay)
            when = "%.3f s" % delay
        else:
            # Aimed: once a new file shows up in the folder, the copy is
            # under way; kill somewhere in it.
            delay = rng.uniform(0.0, full / 2)
            kill_when_file_appears([binary, "--database", db, "--backup", folder], folder,
                                   before, delay)
            when = "%.3f s after its file appeared" % delay
        check_after_kill(db, "during backup %d (%s)" % (number, when))
        new = set(os.listdir(folder)) - before
        if any(not (f.startswith("rapport-") and f.endswith(".db")) for f in new):
            interrupted += 1
        # A file under a backup's name is always a whole, sound copy.
        for name in sorted(set(os.listdir(folder))):
            if name.startswith("rapport-") and name.endswith(".db"):
                verdict = integrity(os.path.join(folder, name))
                if verdict != "ok":
                    raise E2EError("backup killed at %s left %s damaged: %s" % (when, name, verdict))
    log("%d of %d backups were killed with a partial copy in the folder" % (interrupted, rounds))

    # The next backup that completes leaves nothing behind but backups:
    # no hidden or temporary copies, whole or partial.
    last = cli_ok(binary, "--database", db, "--backup", folder, timeout=120).stdout.strip()
    if integrity(last) != "ok" or integrity(first) != "ok":
        raise E2EError("a completed backup is not sound")
    left = [(f, os.path.getsize(os.path.join(folder, f))) for f in sorted(os.listdir(folder))
            if not (f.startswith("rapport-") and f.endswith(".db"))]
    if left:
        raise E2EError("after the next backup, leftovers of killed backups are in %s: %r"
                       % (folder, left))
    if integrity(db) != "ok" or imported_counts(db, kind) != (n_people, n_meetings):
        raise E2EError("the database changed during the backups")


if __name__ == "__main__":
    wait_for_accessibility()
    raise SystemExit(run_tests([test_kill_while_typing, test_kill_during_import_and_backup]))
