#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Today's 1:1 is one meeting: start it, type, look at someone else, come
back and press Ctrl+N again, and everything is still in that one meeting.
A second meeting the same day is made only on purpose. And every control
of the brief and of the meeting's side column has one clean name."""

import datetime
import os
import re

import pyatspi

from harness import (App, E2EError, by_name, cli_ok, click, export_document, find_all,
                     first, is_checked, is_visible, key, log, name, person_record, press,
                     role, run_tests, sqlite, stamp, text_of, type_text, uuid_for, wait_for,
                     write_export)

ADA = "Ada Lovelace"
BOB = "Bob Marley"
FIRST = "She wants to lead the release."
SECOND = " Agreed on a dry run first."
PROMISE = "Send the rollout checklist"


def make_team(binary, tmp):
    """Two people added just now, no meetings yet: imported as a user would."""
    db = os.path.join(tmp, "rapport.db")
    path = os.path.join(tmp, "team.json")
    write_export(path, export_document(people=[person_record(uuid_for("a", 1), ADA, stamp()),
                                               person_record(uuid_for("a", 2), BOB, stamp())]))
    cli_ok(binary, "--database", db, "--import", path)
    return db


def select(win, person):
    # In the sidebar's list: This Week names people too.
    people = by_name(win, "People", roles=("list", "list box"))
    click(by_name(people, person, roles=("label",)))
    by_name(win, "Before your 1:1", roles=("label",))


def saved(win):
    wait_for(lambda: first(win, lambda n: name(n) == "Saved" and is_visible(n)), 10, "'Saved'")


def today_meetings(db, person):
    return sqlite(db, "SELECT count(*) FROM meetings m JOIN people p ON p.id = m.person_id"
                      " WHERE p.name = '%s' AND m.date = '%s' AND m.deleted = 0"
                      % (person, datetime.date.today().isoformat()))


def test_one_meeting_today(binary, tmp):
    db = make_team(binary, tmp)
    app = App(binary, db).start()
    try:
        win = app.window
        select(win, ADA)
        # Added a minute ago: not due, and said so.
        by_name(win, "No 1:1 yet", roles=("label",))
        press(by_name(win, "Start 1:1", roles=("push button",)))
        notes = by_name(win, "Meeting notes", roles=("text",))
        wait_for(lambda: notes.getState().contains(pyatspi.STATE_FOCUSED), 5, "notes focused")
        type_text(FIRST)
        wait_for(lambda: text_of(notes) == FIRST, 10, "notes typed")
        listen = by_name(win, "Listen", roles=("check box",))
        click(listen)
        wait_for(lambda: is_checked(listen), 5, "Listen ticked")
        saved(win)

        # Someone else, then back: the brief offers to continue.
        select(win, BOB)
        select(win, ADA)
        by_name(win, "Continue Today's 1:1", roles=("push button",))
        assert today_meetings(db, ADA) == "1"

        # Ctrl+N opens it again, with what was typed and ticked.
        key("ctrl+n")
        notes = by_name(win, "Meeting notes", roles=("text",))
        wait_for(lambda: text_of(notes) == FIRST, 10, "the same notes")
        wait_for(lambda: notes.getState().contains(pyatspi.STATE_FOCUSED), 5, "notes focused")
        wait_for(lambda: is_checked(by_name(win, "Listen", roles=("check box",))), 5, "Listen still ticked")
        key("ctrl+End")
        type_text(SECOND)
        wait_for(lambda: text_of(notes) == FIRST + SECOND, 10, "more notes typed")

        # Ctrl+D: straight to the commitment entry, from the notes.
        key("ctrl+d")
        entry = by_name(win, "New commitment", roles=("text", "entry"))
        wait_for(lambda: entry.getState().contains(pyatspi.STATE_FOCUSED), 5, "commitment entry focused")
        type_text(PROMISE)
        key("Return")
        wait_for(lambda: text_of(entry) == "", 5, "commitment added")

        # Ctrl+N once more, from inside the meeting: still the same one.
        key("ctrl+n")
        saved(win)
        app.quit()
    finally:
        app.kill()

    assert today_meetings(db, ADA) == "1", today_meetings(db, ADA)
    assert today_meetings(db, BOB) == "0"
    got = sqlite(db, "SELECT notes FROM meetings")
    assert got == FIRST + SECOND, got
    assert sqlite(db, "SELECT count(*) FROM checklist c JOIN habits h ON h.id = c.habit_id"
                      " WHERE h.label = 'Listen' AND c.ticked = 1") == "1"
    got = sqlite(db, "SELECT text || '|' || owner || '|' || (meeting_id = (SELECT id FROM meetings))"
                     " FROM commitments")
    assert got == PROMISE + "|me|1", got


def test_second_meeting_on_purpose(binary, tmp):
    db = make_team(binary, tmp)
    app = App(binary, db).start()
    try:
        win = app.window
        select(win, ADA)
        key("ctrl+n")
        notes = by_name(win, "Meeting notes", roles=("text",))
        wait_for(lambda: notes.getState().contains(pyatspi.STATE_FOCUSED), 5, "notes focused")
        type_text(FIRST)
        saved(win)

        # From the person menu, said as what it is.
        press(by_name(win, "Person Menu", roles=("push button", "toggle button")))
        item = by_name(app.root, "Start a Second 1:1 Today", roles=("menu item", "push button"))
        press(item)
        wait_for(lambda: today_meetings(db, ADA) == "2", 10, "a second meeting today")
        notes = by_name(win, "Meeting notes", roles=("text",))
        wait_for(lambda: text_of(notes) == "", 10, "the second meeting, empty")
        app.quit()
    finally:
        app.kill()
    assert sqlite(db, "SELECT count(*) FROM meetings WHERE notes = '%s'" % FIRST) == "1"
    # Left with nothing in it when the window closed: gone again, with its
    # checklist, as a 1:1 started by mistake is.
    assert today_meetings(db, ADA) == "1", today_meetings(db, ADA)
    assert sqlite(db, "SELECT count(*) FROM checklist WHERE meeting_id NOT IN"
                      " (SELECT id FROM meetings)") == "0"


CONTROLS = ("push button", "toggle button", "check box", "combo box", "text", "entry",
            "spin button", "radio button", "menu button", "toggle")


def container_of(win, inner, also):
    """The nearest ancestor of the node named @inner whose subtree also
    holds a node named @also."""
    node = by_name(win, inner, visible=False)
    while node is not None:
        if first(node, lambda n: name(n) == also) is not None:
            return node
        node = node.parent
    raise E2EError("nothing holds both %r and %r" % (inner, also))


def bad_names(root):
    """Controls with no name, a toolkit class for a name, a raw mnemonic
    underscore or the same words twice."""
    bad = []
    for node in find_all(root, lambda n: role(n) in CONTROLS):
        label = name(node).strip()
        try:
            where = " (in %s %r)" % (role(node.parent), name(node.parent))
        except Exception:
            where = ""
        words = label.split()
        half = len(words) // 2
        if not label:
            bad.append("%s without a name%s" % (role(node), where))
        elif label.startswith("Gtk") or label.startswith("Adw"):
            bad.append("%s named %r%s" % (role(node), label, where))
        elif re.search(r"(^|\s)_\w", label):
            bad.append("%s named with a mnemonic %r%s" % (role(node), label, where))
        elif half > 0 and len(words) % 2 == 0 and words[:half] == words[half:]:
            bad.append("%s named twice %r%s" % (role(node), label, where))
    return bad


def test_clean_names(binary, tmp):
    db = make_team(binary, tmp)
    app = App(binary, db).start()
    try:
        win = app.window
        select(win, ADA)
        key("ctrl+n")
        notes = by_name(win, "Meeting notes", roles=("text",))
        type_text(FIRST)
        click(by_name(win, "Listen", roles=("check box",)))
        entry = by_name(win, "New commitment", roles=("text", "entry"))
        click(entry)
        type_text(PROMISE)
        key("Return")
        wait_for(lambda: text_of(entry) == "", 5, "commitment added")
        saved(win)

        side = container_of(win, "Commitments", "Listen")
        problems = bad_names(side)
        names = sorted(set(name(n) for n in find_all(side, lambda n: role(n) in CONTROLS)))
        log("side column: %s" % names)
        for wanted in ("Done: " + PROMISE, "Who will do it", "no due date", "Delete commitment",
                       "Note what happened: Listen", "New commitment", "Add commitment"):
            if wanted not in names:
                problems.append("no control named %r" % wanted)

        # The brief, with today's meeting and the open commitment on it.
        select(win, BOB)
        select(win, ADA)
        brief = container_of(win, "Before your 1:1", "Open commitments")
        problems += bad_names(brief)
        names = sorted(set(name(n) for n in find_all(brief, lambda n: role(n) in CONTROLS)))
        log("brief: %s" % names)
        for wanted in ("Continue Today's 1:1", "Open Meeting", "Done: " + PROMISE):
            if wanted not in names:
                problems.append("no control named %r in the brief" % wanted)
        if problems:
            raise E2EError("\n".join(problems))
        app.quit()
    finally:
        app.kill()


if __name__ == "__main__":
    raise SystemExit(run_tests([test_one_meeting_today, test_second_meeting_on_purpose, test_clean_names]))
