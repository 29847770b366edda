#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A full disk while typing: the database lives on a 2 MB tmpfs that
fills up. The window says it could not save without a dialog taking the
keystrokes, keeps every word in the editor, and saves once there is room.

Needs to mount a tmpfs (root, or a container allowed to). Where it cannot,
it prints why and exits 77, which meson counts as skipped.
"""

import errno
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from harness import (App, E2EError, SKIP_CODE, cli_ok, click, export_document, find_all,
                     is_visible, key, log, meeting_record, name, open_last_meeting, person_record,
                     role, run_tests, save_label, sqlite, text_of, type_text, uuid_for,
                     visible_windows, wait_for, wait_for_accessibility, write_export)

PERSON = "Dana Full"
PERSON_UUID = uuid_for("a7", 1)
MEETING_UUID = uuid_for("c7", 1)
START = "Disk full notes."
FAILED = re.compile(r"not (yet )?(be )?saved|could(n.t| not) (be )?save|disk is full|no space", re.I)


def mount_tmpfs(path, size="2m"):
    """Returns None when mounted, else the reason it could not be."""
    if shutil.which("mount") is None:
        return "there is no mount command"
    try:
        proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%s,mode=0700" % size, "tmpfs", path],
                              capture_output=True, text=True, timeout=10)
    except subprocess.TimeoutExpired:
        return "mount did not answer within 10 s"
    if proc.returncode != 0:
        return (proc.stderr.strip() or "mount exited with %d" % proc.returncode).splitlines()[0]
    return None


def unmount(path):
    if subprocess.run(["umount", path], capture_output=True, timeout=10).returncode != 0:
        subprocess.run(["umount", "-l", path], capture_output=True, timeout=10)


def fill(folder, leave_bytes):
    """Fills the file system of @folder, then gives back @leave_bytes."""
    filler = os.path.join(folder, "filler")
    block = b"\0" * 4096
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        while True:
            os.write(fd, block)
    except OSError as exc:
        if exc.errno != errno.ENOSPC:
            raise
    finally:
        os.close(fd)
    size = os.path.getsize(filler)
    os.truncate(filler, max(0, size - leave_bytes))
    return filler


class FailureWatch:
    """Whether the window says a save failed: the header's save state,
    read often, or a banner or other text anywhere in the window, looked
    for at most every 2 s (a walk of the whole tree is slow)."""

    def __init__(self, win, label):
        self.win = win
        self.label = label
        self.last_walk = 0

    def shown(self):
        if FAILED.search(name(self.label)):
            return name(self.label)
        if time.time() - self.last_walk < 2:
            return None
        said = [name(n) for n in find_all(self.win, lambda n: role(n) in ("label", "text", "notification",
                                                                          "info bar", "status bar")
                                          and is_visible(n) and FAILED.search(name(n)))]
        self.last_walk = time.time()
        return said[0] if said else None


def dialogs(app):
    """Top levels beside the main window: in GTK 4 every dialog is one."""
    return ["%s %r" % (role(w), name(w)) for w in visible_windows(app)][1:]


def test_disk_full_while_typing(binary, tmp):
    mnt = os.path.join(tmp, "small-disk")
    os.mkdir(mnt)
    reason = mount_tmpfs(mnt)
    if reason:
        raise E2EError("could not mount the tmpfs: " + reason)
    app = None
    try:
        db = os.path.join(mnt, "rapport.db")
        source = os.path.join(tmp, "seed.json")
        write_export(source, export_document([person_record(PERSON_UUID, PERSON)],
                                             [meeting_record(MEETING_UUID, PERSON_UUID, "2025-01-10", START)]))
        cli_ok(binary, "--database", db, "--import", source)

        app = App(binary, db, {"RAPPORT_NO_DAILY_BACKUP": "1",
                               "XDG_CONFIG_HOME": os.path.join(tmp, "config")}).start()
        win = app.window
        notes = open_last_meeting(app, PERSON)
        wait_for(lambda: text_of(notes) == START, 10, "the meeting loaded")
        label = save_label(win)
        click(notes)
        key("ctrl+End")
        expected = START

        filler = fill(mnt, 40 * 1024)
        room = os.statvfs(mnt)
        log("disk filled, %d bytes left" % (room.f_bavail * room.f_frsize))

        failure = None
        watch = FailureWatch(win, label)
        for number in range(60):
            chunk = " chunk%02d with several words in it" % number
            type_text(chunk)
            expected += chunk
            wait_for(lambda: text_of(notes) == expected, 10, "chunk %d in the editor" % number)
            end = time.time() + 20
            seen_pending = False
            states = []
            while time.time() < end:
                failure = watch.shown()
                if failure:
                    break
                state = name(label)
                if not states or states[-1] != state:
                    states.append(state)
                if state != "Saved":
                    seen_pending = True
                elif seen_pending or time.time() > end - 17:
                    break
                time.sleep(0.05)
            else:
                raise E2EError("after chunk %d the window neither saved nor said it could not "
                               "within 20 s (save states seen: %r)" % (number, states))
            if failure:
                log("after %d chunks the window says %r" % (number + 1, failure))
            shown = dialogs(app)
            if shown:
                raise E2EError("a dialog or window appeared while typing (chunk %d): %r"
                               % (number, shown))
            if failure:
                break
        else:
            raise E2EError("60 chunks typed and the disk never filled")

        # Typing goes on, spaces and all: every keystroke stays.
        time.sleep(1)
        shown = dialogs(app)
        if shown:
            raise E2EError("a dialog or window appeared on a failed save: %r" % shown)
        more = " typed after the failure, every word kept"
        type_text(more)
        expected += more
        try:
            wait_for(lambda: text_of(notes) == expected, 10, "the editor holding all that was typed")
        except E2EError:
            raise E2EError("the editor lost keystrokes: it ends with %r, expected %r"
                           % (text_of(notes)[-80:], expected[-80:]))
        if dialogs(app):
            raise E2EError("a dialog appeared while typing on a full disk: %r" % dialogs(app))

        os.unlink(filler)
        t0 = time.time()
        wait_for(lambda: name(label) == "Saved", 20, "'Saved' once there is room again")
        wait_for(lambda: sqlite(db, "SELECT notes FROM meetings WHERE uuid = '%s'" % MEETING_UUID)
                 == expected, 5, "every word on disk")
        log("saved %.1f s after room was made" % (time.time() - t0))
        key("ctrl+q")
        app.proc.wait(timeout=15)
        on_disk = sqlite(db, "SELECT notes FROM meetings WHERE uuid = '%s'" % MEETING_UUID)
        if on_disk != expected:
            raise E2EError("after quitting the notes on disk are %r" % on_disk[-120:])
        if sqlite(db, "PRAGMA integrity_check") != "ok":
            raise E2EError("the database is damaged after the disk was full")
    finally:
        if app is not None:
            app.kill()
        unmount(mnt)


def can_mount():
    probe = tempfile.mkdtemp(prefix="rapport-tmpfs-probe-")
    try:
        reason = mount_tmpfs(probe, "64k")
        if reason is None:
            unmount(probe)
        return reason
    finally:
        os.rmdir(probe)


def in_own_mount_namespace():
    """Runs this program again in a mount namespace of its own where the
    machine allows it, so that the tmpfs goes away with the test even if
    it is killed before it can unmount."""
    if os.environ.get("RAPPORT_TEST_MOUNT_NS") == "1" or shutil.which("unshare") is None:
        return
    probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "true"],
                           capture_output=True, timeout=10)
    if probe.returncode != 0:
        return
    os.environ["RAPPORT_TEST_MOUNT_NS"] = "1"
    sys.stdout.flush()
    os.execvp("unshare", ["unshare", "--mount", "--propagation", "private",
                          sys.executable, os.path.abspath(__file__)] + sys.argv[1:])


if __name__ == "__main__":
    in_own_mount_namespace()
    why = can_mount()
    if why:
        print("SKIP: cannot mount a tmpfs to fill up here (%s)" % why, flush=True)
        sys.exit(SKIP_CODE)
    wait_for_accessibility()
    sys.exit(run_tests([test_disk_full_while_typing]))
