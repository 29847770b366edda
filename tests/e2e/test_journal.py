#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A new user's first 1:1, end to end, in the real window."""

import os
import time

from harness import (App, E2EError, by_name, click, find_all, first, is_checked,
                     is_visible, key, log, name, press, role, run_tests, sqlite,
                     text_of, type_text, wait_for)

NOTES = "Sam wants to lead the rollout. Agreed to review the plan on Friday."


def checkbox(window, label):
    return by_name(window, label, roles=("check box",))


def test_first_meeting_survives_restart(binary, tmp):
    db = os.path.join(tmp, "rapport.db")
    app = App(binary, db).start()
    try:
        win = app.window
        # The empty state invites to add the first person.
        by_name(win, "Welcome to Rapport", roles=("label",))
        press(by_name(win, "Add Your First Person", roles=("push button",)))

        dialog = wait_for(lambda: first(app.root, lambda n: role(n) == "dialog" and is_visible(n)),
                          10, "add person dialog")
        name_entry = by_name(dialog, "Name", roles=("text", "entry"))
        click(name_entry)
        type_text("Sam Rivera")
        role_entry = by_name(dialog, "Role (optional)", roles=("text", "entry"))
        click(role_entry)
        type_text("Designer")
        press(by_name(dialog, "Add", roles=("push button",)))

        # The person is selected; start a meeting with Ctrl+N.
        by_name(win, "Sam Rivera", roles=("list item", "label"))
        key("ctrl+n")
        notes = by_name(win, "Meeting notes", roles=("text",))
        wait_for(lambda: notes.getState().contains(__import__("pyatspi").STATE_FOCUSED), 5,
                 "notes focused after Ctrl+N")
        type_text(NOTES)

        listen = checkbox(win, "Listen")
        why = checkbox(win, "Explain the why")
        click(listen)
        wait_for(lambda: is_checked(listen), 5, "Listen ticked")
        # The second prompt by keyboard, as during a meeting: Alt+3.
        click(notes)
        key("alt+3")
        wait_for(lambda: is_checked(why), 5, "Explain the why ticked with Alt+3")

        wait_for(lambda: first(win, lambda n: name(n) == "Saved" and is_visible(n)), 5,
                 "'Saved' indicator")
        out = app.quit()
        log("first run output: %d lines" % len(out.splitlines()))
    finally:
        app.kill()

    # On disk, read with the sqlite3 tool rather than the app's code.
    assert sqlite(db, "SELECT name || '|' || role FROM people") == "Sam Rivera|Designer"
    assert sqlite(db, "SELECT notes FROM meetings") == NOTES, sqlite(db, "SELECT notes FROM meetings")
    ticked = sqlite(db, "SELECT group_concat(h.key, ',') FROM (SELECT h.key FROM checklist c "
                        "JOIN habits h ON h.id = c.habit_id WHERE c.ticked = 1 ORDER BY h.position) h")
    assert ticked == "listen,explain-why", ticked

    # Relaunch: the window opens on This Week; a click on the person
    # shows their brief, and the meeting is all there.
    app = App(binary, db).start()
    try:
        win = app.window
        by_name(win, "This Week", roles=("label",))
        click(by_name(win, "Sam Rivera", roles=("label",)))
        by_name(win, "Before your 1:1", roles=("label",))
        # The meeting row is named by its date and the start of its notes.
        meetings = wait_for(lambda: find_all(win, lambda n: NOTES[:20] in name(n) and is_visible(n)
                                             and role(n) not in ("text", "label")),
                            10, "the meeting in the list")
        click(meetings[0])
        notes = by_name(win, "Meeting notes", roles=("text",))
        wait_for(lambda: text_of(notes) == NOTES, 5, "notes restored")
        assert is_checked(checkbox(win, "Listen"))
        assert is_checked(checkbox(win, "Explain the why"))
        assert not is_checked(checkbox(win, "Transfer authority"))
        app.quit()
    finally:
        app.kill()


def test_sigterm_keeps_what_was_typed(binary, tmp):
    """A session ending sends SIGTERM: words typed a moment ago are kept."""
    import signal
    db = os.path.join(tmp, "rapport.db")
    app = App(binary, db).start()
    try:
        win = app.window
        press(by_name(win, "Add Your First Person", roles=("push button",)))
        dialog = wait_for(lambda: first(app.root, lambda n: role(n) == "dialog" and is_visible(n)),
                          10, "add person dialog")
        click(by_name(dialog, "Name", roles=("text", "entry")))
        type_text("Kim")
        key("Return")
        by_name(win, "Kim", roles=("list item", "label"))
        key("ctrl+n")
        notes = by_name(win, "Meeting notes", roles=("text",))
        type_text("last words")
        wait_for(lambda: text_of(notes) == "last words", 5, "typed text in the editor")
        app.proc.send_signal(signal.SIGTERM)
        app.proc.wait(timeout=10)
    finally:
        app.kill()
    got = sqlite(db, "SELECT notes FROM meetings")
    if got != "last words":
        raise E2EError("after SIGTERM the database holds %r" % got)


def test_refuses_newer_database(binary, tmp):
    db = os.path.join(tmp, "future.db")
    os.system("sqlite3 %s 'PRAGMA application_id = 1380012112; PRAGMA user_version = 999;"
              " CREATE TABLE x (y);'" % db)
    before = open(db, "rb").read()
    app = App(binary, db).start()
    try:
        dialog = wait_for(lambda: first(app.root, lambda n: "newer version" in name(n) or
                                        any("newer version" in name(c) for c in
                                            find_all(n, lambda x: role(x) == "label", limit=20))
                                        if role(n) in ("dialog", "frame") else False),
                          10, "refusal dialog")
        press(by_name(dialog, "Quit", roles=("push button",)))
        app.proc.wait(timeout=10)
    finally:
        app.kill()
    if open(db, "rb").read() != before:
        raise E2EError("a database from a newer version was modified")


if __name__ == "__main__":
    raise SystemExit(run_tests([test_first_meeting_survives_restart, test_sigterm_keeps_what_was_typed,
                                test_refuses_newer_database]))
