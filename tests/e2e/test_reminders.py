#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reminders of due 1:1s, on a private session bus with a stand-in
notification server (fake_notifications.py) that records what is sent:
nothing unless switched on; then one notification a day, naming who is
due and my promises due today, that opens the person's brief; Rapport
stays in the background after its window closes, with an autostart entry,
and both go when the setting is switched off."""

import datetime
import json
import os
import subprocess
import time

import private_session as session
from private_session import BUS_NAME, gsettings

bus_processes = session.start()

import pyatspi  # noqa: E402,F401  (after the session is set up)

from harness import (E2EError, cli_ok, export_document, find_app, first, is_visible,  # noqa: E402
                     key, log, meeting_record, name, person_record, role, run_tests, uuid_for,
                     wait_for, write_export)

SAM, LUCIA = "Sam Rivera", "Lucía Fernández"
PROMISE = "Book the hangar"
SCHEMA = BUS_NAME
TODAY = datetime.date.today()


def make_journal(tmp, rapport):
    """Sam's weekly 1:1 is overdue and I promised him something for today;
    Lucía's was two days ago."""
    db = os.path.join(tmp, "data", "rapport", "rapport.db")
    os.makedirs(os.path.dirname(db))
    sam, lucia = uuid_for("a", 1), uuid_for("a", 2)
    sam_meeting = uuid_for("b", 1)
    day = lambda n: (TODAY - datetime.timedelta(days=n)).isoformat()  # noqa: E731
    document = export_document(
        people=[person_record(sam, SAM), person_record(lucia, LUCIA)],
        meetings=[meeting_record(sam_meeting, sam, day(30), "Plans."),
                  meeting_record(uuid_for("b", 2), lucia, day(2), "Spring.")],
        commitments=[{"uuid": uuid_for("c", 1), "person": sam, "meeting": sam_meeting,
                      "text": PROMISE, "owner": "me", "due": TODAY.isoformat(), "closed_on": None,
                      "created_at": "2025-01-10T09:00:00.000Z",
                      "updated_at": "2025-01-10T09:00:00.000Z"}])
    for person in document["people"]:
        person["cadence_days"] = 7
    export = os.path.join(tmp, "journal.json")
    write_export(export, document)
    cli_ok(rapport, "--database", db, "--import", export)
    return db


def start_server(tmp, log_name="notifications.jsonl"):
    log_path = os.path.join(tmp, log_name)
    proc = subprocess.Popen(["/usr/bin/python3", os.path.join(os.path.dirname(__file__),
                                                              "fake_notifications.py"), log_path],
                            stdout=subprocess.PIPE, text=True)
    session.add_process(bus_processes, proc)
    if proc.stdout.readline().strip() != "ready":
        raise E2EError("the stand-in notification server did not start")
    return proc, log_path


def sent(log_path):
    if not os.path.exists(log_path):
        return []
    with open(log_path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def notifies(log_path):
    return [e for e in sent(log_path) if e["method"] == "Notify"]


class Rapport:
    """Rapport started from its icon (not as a D-Bus service), with data
    and settings in tmp, logging to a file."""

    def __init__(self, rapport, tmp):
        env = dict(os.environ)
        env.update(session.settings_env(tmp))
        env.update({"XDG_DATA_HOME": os.path.join(tmp, "data"), "GTK_A11Y": "atspi",
                    "RAPPORT_NO_DAILY_BACKUP": "1"})
        env.pop("NO_AT_BRIDGE", None)
        self.log = open(os.path.join(tmp, "rapport.log"), "a")
        self.proc = subprocess.Popen([rapport], env=env, stdout=self.log, stderr=subprocess.STDOUT)
        wait_for(lambda: session.owner(BUS_NAME) == self.proc.pid, 20, "Rapport on the bus")
        self.root = wait_for(lambda: find_app(self.proc.pid), 20, "Rapport on the AT-SPI bus")

    def window(self):
        return wait_for(lambda: first(self.root, lambda n: role(n) == "frame" and is_visible(n)),
                        10, "a window")

    def close_window(self):
        self.window()
        key("ctrl+w")
        wait_for(lambda: first(self.root, lambda n: role(n) == "frame" and is_visible(n)) is None,
                 10, "the window closed")

    def alive(self):
        return self.proc.poll() is None

    def gone_within(self, timeout):
        try:
            self.proc.wait(timeout)
            return True
        except subprocess.TimeoutExpired:
            return False

    def stop(self):
        """Quit, as Ctrl+Q (the app's quit action) would."""
        if self.alive():
            subprocess.run(["gdbus", "call", "--session", "--dest", BUS_NAME, "--object-path",
                            session.APP_PATH, "--method", "org.gtk.Actions.Activate", "quit", "[]",
                            "{}"], capture_output=True)
            if not self.gone_within(30):
                self.proc.kill()
                self.proc.wait()
                raise E2EError("Rapport did not quit")
        self.log.close()
        with open(self.log.name) as f:
            bad = [l for l in f.read().splitlines()
                   if "CRITICAL" in l or ("WARNING" in l and "rapport" in l.lower())]
        if bad:
            raise E2EError("criticals or warnings from Rapport:\n" + "\n".join(bad))


def autostart(tmp):
    return os.path.join(tmp, "config", "autostart", BUS_NAME + ".desktop")


def test_off_by_default(rapport, tmp):
    """Switched off (as it is unless the user switches it on): no
    notification, nothing in the background, no autostart entry."""
    make_journal(tmp, rapport)
    server, log_path = start_server(tmp)
    if gsettings(tmp, "get", SCHEMA, "remind-due") != "false":
        raise E2EError("reminders are on by default")
    app = Rapport(rapport, tmp)
    try:
        app.window()
        time.sleep(5)   # past the first check after start
        if notifies(log_path):
            raise E2EError("a notification though reminders are off: %r" % notifies(log_path))
        if os.path.exists(autostart(tmp)):
            raise E2EError("an autostart entry though reminders are off")
        app.close_window()
        if not app.gone_within(10):
            raise E2EError("Rapport stayed in the background though reminders are off")
    finally:
        app.stop()
        server.terminate()


def test_one_a_day(rapport, tmp):
    """Switched on: one notification a day with who is due and what I
    promised for today; it opens the person's brief; Rapport stays in the
    background with an autostart entry until switched off."""
    make_journal(tmp, rapport)
    server, log_path = start_server(tmp)
    gsettings(tmp, "set", SCHEMA, "remind-due", "true")
    app = Rapport(rapport, tmp)
    try:
        wait_for(lambda: notifies(log_path), 10, "the day's notification")
        first_sent = notifies(log_path)[0]
        log("sent: %s" % json.dumps(first_sent, ensure_ascii=False))
        if first_sent["summary"] != "1 1:1 is due":
            raise E2EError("the title says %r" % first_sent["summary"])
        lines = first_sent["body"].split("\n")
        if lines != ["%s — overdue" % SAM, "You promised %s: %s" % (SAM, PROMISE)]:
            raise E2EError("the body says %r" % lines)
        if "default" not in first_sent["actions"][::2]:
            raise E2EError("no default action to open the brief: %r" % first_sent["actions"])
        if first_sent["hints"].get("desktop-entry") != BUS_NAME:
            raise E2EError("the notification names another app: %r" % first_sent["hints"])
        if gsettings(tmp, "get", SCHEMA, "last-reminder") != "'%s'" % TODAY.isoformat():
            raise E2EError("the day of the reminder was not kept")

        with open(autostart(tmp)) as f:
            entry = f.read()
        log("autostart entry:")
        for line in entry.splitlines():
            log("  " + line)
        if "Exec=%s --gapplication-service" % os.path.realpath(rapport) not in entry.splitlines():
            raise E2EError("the autostart entry does not start Rapport in the background:\n" + entry)
        if subprocess.run(["desktop-file-validate", autostart(tmp)], capture_output=True).returncode:
            raise E2EError("the autostart entry is not a valid desktop file")

        # Opened again, and past the check after start: still one today.
        session.gdbus(BUS_NAME, session.APP_PATH, "org.freedesktop.Application.Activate", "{}")
        time.sleep(4)
        if len(notifies(log_path)) != 1:
            raise E2EError("more than one notification today: %r" % notifies(log_path))

        # The window closed, Rapport stays to remind.
        app.close_window()
        time.sleep(2)
        if not app.alive():
            raise E2EError("Rapport did not stay in the background")

        # A click on the notification: the person's brief.
        session.gdbus("org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                      "io.github.rapport.Test.Notifications.Invoke", str(first_sent["id"]), "default")
        win = app.window()
        wait_for(lambda: name(win) == SAM, 10, "the window on Sam")
        wait_for(lambda: first(win, lambda n: role(n) in ("label", "heading")
                               and name(n) == "Before your 1:1" and is_visible(n)),
                 10, "Sam's brief")
        wait_for(lambda: first(win, lambda n: PROMISE in name(n) and is_visible(n)), 10,
                 "the promise in the brief")
        log("the notification opened %r on the brief" % name(win))

        # The next day (the last reminder yesterday), opened again: one more.
        yesterday = (TODAY - datetime.timedelta(days=1)).isoformat()
        gsettings(tmp, "set", SCHEMA, "last-reminder", yesterday)
        wait_for(lambda: gsettings(tmp, "get", SCHEMA, "last-reminder") == "'%s'" % yesterday, 5,
                 "the day set back")
        time.sleep(1)   # the keyfile's change reaches Rapport
        session.gdbus(BUS_NAME, session.APP_PATH, "org.freedesktop.Application.Activate", "{}")
        wait_for(lambda: len(notifies(log_path)) == 2, 10, "the next day's notification")

        # Switched off: the autostart entry goes; with the window closed,
        # so does Rapport.
        app.close_window()
        gsettings(tmp, "set", SCHEMA, "remind-due", "false")
        wait_for(lambda: not os.path.exists(autostart(tmp)), 10, "the autostart entry removed")
        if not app.gone_within(10):
            raise E2EError("Rapport stayed in the background after reminders were switched off")
    finally:
        app.stop()
        server.terminate()

    # Started again the same day: nothing new.
    gsettings(tmp, "set", SCHEMA, "remind-due", "true")
    server, log_path2 = start_server(tmp, "after-restart.jsonl")
    app = Rapport(rapport, tmp)
    try:
        app.window()
        time.sleep(5)
        if notifies(log_path2):
            raise E2EError("a second notification on the same day after a restart")
    finally:
        app.stop()
        server.terminate()
    if not os.path.exists(autostart(tmp)):
        raise E2EError("switched on again, yet no autostart entry")


if __name__ == "__main__":
    status = run_tests([test_off_by_default, test_one_a_day])
    session.write_transcript()
    raise SystemExit(status)
