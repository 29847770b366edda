#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The desktop file's actions (issue 13), as the dock's menu runs them:
each Exec line of the built desktop file, on a private session bus, with
the journal in the default place. "New Talking Point" starts Rapport with
the quick-add open; run again while Rapport runs, "This Week" brings the
running window back to its home page and "New Talking Point" opens the
quick-add there, each second process handing over and ending at once."""

import configparser
import datetime
import os
import shlex
import subprocess

import private_session as session
from private_session import BUS_NAME

bus_processes = session.start()

import pyatspi  # noqa: E402,F401  (after the session is set up)

from harness import (E2EError, cli_ok, click, export_document, find_app, first,  # noqa: E402
                     is_visible, key, meeting_record, name, person_record, role, run_tests,
                     sqlite, type_text, uuid_for, wait_for, write_export)

ADA, BOB = "Ada Lovelace", "Bob Marley"
FIRST = "Budget for the spring offsite"
SECOND = "Feedback on the design review"
TODAY = datetime.date.today()


def make_journal(tmp, rapport):
    """Ada and Bob, in the journal's default place under XDG_DATA_HOME."""
    db = os.path.join(tmp, "data", "rapport", "rapport.db")
    os.makedirs(os.path.dirname(db))
    ada, bob = uuid_for("a", 1), uuid_for("a", 2)
    day = (TODAY - datetime.timedelta(days=3)).isoformat()
    document = export_document(
        people=[person_record(ada, ADA), person_record(bob, BOB)],
        meetings=[meeting_record(uuid_for("b", 1), ada, day, "Plans."),
                  meeting_record(uuid_for("b", 2), bob, day, "Hiring.")])
    export = os.path.join(tmp, "journal.json")
    write_export(export, document)
    cli_ok(rapport, "--database", db, "--import", export)
    return db


def desktop_actions():
    """{Name: argv} of the built desktop file's actions, in its order."""
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read(os.path.join(session.BUILD_DATA, BUS_NAME + ".desktop"), encoding="utf-8")
    entry = parser["Desktop Entry"]
    ids = [a for a in entry.get("Actions", "").split(";") if a]
    out = {}
    for action_id in ids:
        group = parser["Desktop Action " + action_id]
        out[group["Name"]] = shlex.split(group["Exec"])
    return out


def environment(tmp):
    env = dict(os.environ)
    env.update(session.settings_env(tmp))
    env.update({"XDG_DATA_HOME": os.path.join(tmp, "data"), "GTK_A11Y": "atspi",
                "RAPPORT_NO_DAILY_BACKUP": "1"})
    env.pop("NO_AT_BRIDGE", None)
    return env


def command(argv, rapport):
    """The Exec line, with the binary under test for "rapport"."""
    assert argv[0] == "rapport", argv
    return [rapport] + argv[1:]


def quick_add(root):
    return wait_for(lambda: first(root, lambda n: role(n) in ("dialog", "frame") and is_visible(n)
                                  and name(n) == "New Talking Point"), 10, "the quick-add dialog")


def quick_add_gone(root):
    wait_for(lambda: first(root, lambda n: role(n) in ("dialog", "frame") and is_visible(n)
                           and name(n) == "New Talking Point") is None, 10, "the quick-add closed")


def handed_over(argv, env):
    """A second launch: it hands the action to the running Rapport and
    ends at once, successfully, without a window of its own."""
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=20)
    if proc.returncode != 0:
        raise E2EError("%s exited with %d: %s" % (argv, proc.returncode, proc.stderr))
    bad = [l for l in proc.stderr.splitlines() if "CRITICAL" in l or "WARNING" in l]
    if bad:
        raise E2EError("\n".join(bad))


def test_dock_menu(binary, tmp):
    db = make_journal(tmp, binary)
    actions = desktop_actions()
    assert list(actions) == ["This Week", "New Talking Point"], actions
    env = environment(tmp)
    log = open(os.path.join(tmp, "rapport.log"), "w")

    # Not running: "New Talking Point" starts Rapport, the quick-add open.
    proc = subprocess.Popen(command(actions["New Talking Point"], binary), env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: session.owner(BUS_NAME) == proc.pid, 20, "Rapport on the bus")
        root = wait_for(lambda: find_app(proc.pid), 20, "Rapport on the AT-SPI bus")
        win = wait_for(lambda: first(root, lambda n: role(n) == "frame" and is_visible(n)
                                     and name(n) != "New Talking Point"), 10, "the window")
        quick_add(root)
        type_text(FIRST)
        key("Return")
        quick_add_gone(root)
        wait_for(lambda: sqlite(db, "SELECT count(*) FROM talking_points WHERE text = '%s'"
                                % FIRST) == "1", 10, "the first point written")

        # Running, on Bob's page: "This Week" brings the window home.
        click(wait_for(lambda: first(win, lambda n: role(n) == "label" and is_visible(n)
                                     and name(n) == BOB), 10, "Bob in the list"))
        wait_for(lambda: first(win, lambda n: role(n) == "label" and is_visible(n)
                               and name(n) == "Before your 1:1"), 10, "Bob's brief")
        # The window is titled after the person on show (GTK 4.8 reports
        # the pages a stack hides as visible: the title tells them apart).
        wait_for(lambda: name(win) == BOB, 10, "the window titled for Bob")
        handed_over(command(actions["This Week"], binary), env)
        wait_for(lambda: name(win) == "Rapport", 10, "the window back on This Week")
        wait_for(lambda: first(win, lambda n: role(n) == "label" and is_visible(n)
                               and name(n) == "Talking Points Waiting"), 10, "This Week")
        assert first(win, lambda n: role(n) == "label" and is_visible(n) and name(n) == FIRST)

        # And "New Talking Point" opens the quick-add over it.
        handed_over(command(actions["New Talking Point"], binary), env)
        quick_add(root)
        type_text(SECOND)
        key("Return")
        quick_add_gone(root)
        wait_for(lambda: sqlite(db, "SELECT count(*) FROM talking_points") == "2", 10,
                 "the second point written")
        # One Rapport all along.
        assert session.owner(BUS_NAME) == proc.pid
        subprocess.run(["gdbus", "call", "--session", "--dest", BUS_NAME, "--object-path",
                        session.APP_PATH, "--method", "org.gtk.Actions.Activate", "quit", "[]",
                        "{}"], capture_output=True, check=True)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()
    with open(log.name) as f:
        bad = [l for l in f.read().splitlines()
               if "CRITICAL" in l or ("WARNING" in l and "rapport" in l.lower())]
    if bad:
        raise E2EError("criticals or warnings from Rapport:\n" + "\n".join(bad))
    assert proc.returncode == 0, proc.returncode


if __name__ == "__main__":
    raise SystemExit(run_tests([test_dock_menu]))
