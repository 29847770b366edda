#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A commitment made in one 1:1 follows the person to the next one until it
is closed, and closing it there closes it everywhere."""

import datetime
import os

import pyatspi

from harness import (App, E2EError, by_name, click, find_all, first, is_checked,
                     is_visible, key, log, name, press, role, run_tests, sqlite,
                     text_of, type_text, wait_for)

PERSON = "Sam Rivera"
FIRST_NOTES = "Budget season. Sam asked for the numbers before the planning."
PROMISE = "Send the budget"
DONE = "Done: " + PROMISE


def visible_dialog(app):
    return wait_for(lambda: first(app.root, lambda n: role(n) == "dialog" and is_visible(n)),
                    10, "a dialog")


def add_person(app):
    win = app.window
    press(by_name(win, "Add Your First Person", roles=("push button",)))
    dialog = visible_dialog(app)
    click(by_name(dialog, "Name", roles=("text", "entry")))
    type_text(PERSON)
    press(by_name(dialog, "Add", roles=("push button",)))
    by_name(win, PERSON, roles=("list item", "label"))


def saved(win):
    wait_for(lambda: first(win, lambda n: name(n) == "Saved" and is_visible(n)), 10, "'Saved'")


def short_date(day, today):
    """As rapport_brief_format_date() writes it in the C locale."""
    if day.year == today.year:
        return "%d %s" % (day.day, day.strftime("%b"))
    return "%d %s %d" % (day.day, day.strftime("%b"), day.year)


def brief_commitments(win):
    """The brief's list of open commitments. GTK 4.8 keeps reporting the
    meeting editor as visible when the brief replaces it, so look inside
    this list only."""
    return by_name(win, "Open commitments", roles=("list", "list box"), visible=False)


def panel_list(win):
    """The meeting's commitments (the panel under the checklist)."""
    return by_name(win, "Commitments", roles=("list", "list box"), visible=False)


def brief_open_items(win):
    """Names of the tick boxes there, each said once ("Done: X")."""
    return [name(n) for n in find_all(brief_commitments(win), lambda n: role(n) == "check box")]


def test_carry_over_and_close(binary, tmp):
    db = os.path.join(tmp, "rapport.db")
    today = datetime.date.today()
    last_week = today - datetime.timedelta(days=7)

    # Meeting 1: notes and a promise of mine, typed into the panel.
    app = App(binary, db).start()
    try:
        win = app.window
        add_person(app)
        key("ctrl+n")
        notes = by_name(win, "Meeting notes", roles=("text",))
        wait_for(lambda: notes.getState().contains(pyatspi.STATE_FOCUSED), 5, "notes focused")
        type_text(FIRST_NOTES)
        wait_for(lambda: text_of(notes) == FIRST_NOTES, 10, "notes typed")

        entry = by_name(win, "New commitment", roles=("text", "entry"))
        click(entry)
        wait_for(lambda: entry.getState().contains(pyatspi.STATE_FOCUSED), 5, "commitment entry focused")
        type_text(PROMISE)
        key("Return")
        box = by_name(panel_list(win), DONE, roles=("check box",))
        wait_for(lambda: text_of(entry) == "", 5, "entry cleared for the next line")
        if is_checked(box):
            raise E2EError("a new commitment is already ticked")
        saved(win)
        app.quit()
    finally:
        app.kill()

    row = sqlite(db, "SELECT text || '|' || owner || '|' || ifnull(closed_on, 'open') || '|' || "
                     "(meeting_id = (SELECT id FROM meetings)) FROM commitments")
    assert row == PROMISE + "|me|open|1", row

    # A week goes by.
    sqlite(db, "UPDATE meetings SET date = '%s'" % last_week.isoformat())

    app = App(binary, db).start()
    try:
        win = app.window
        # The window opens on This Week: the person is a click away.
        click(by_name(by_name(win, "People", roles=("list", "list box")), PERSON, roles=("label",)))
        # The brief, the person's first page, lists the open promise.
        by_name(win, "Before your 1:1", roles=("label",))
        items = wait_for(lambda: brief_open_items(win), 10, "open commitments in the brief")
        if items != [DONE]:
            raise E2EError("the brief lists %r" % items)

        # Meeting 2: the promise is carried over, marked with where it was made.
        key("ctrl+n")
        notes = by_name(win, "Meeting notes", roles=("text",))
        wait_for(lambda: text_of(notes) == "", 5, "a new, empty meeting")
        assert sqlite(db, "SELECT count(*) FROM meetings") == "2"
        badge = "from " + short_date(last_week, today)
        by_name(panel_list(win), badge, roles=("label",), visible=False)
        box = by_name(panel_list(win), DONE, roles=("check box",))
        if is_checked(box):
            raise E2EError("the carried-over commitment shows as done")

        # Ticked there...
        click(box)
        wait_for(lambda: is_checked(box), 5, "commitment ticked")
        wait_for(lambda: sqlite(db, "SELECT ifnull(closed_on, 'open') FROM commitments") == today.isoformat(),
                 5, "closed_on written")

        # ...and closed in meeting 1 too.
        meetings = wait_for(lambda: [n for n in find_all(win, lambda n: role(n) == "list item" and is_visible(n))
                                     if FIRST_NOTES[:20] in name(n) or FIRST_NOTES[:20] in
                                     " ".join(name(c) for c in find_all(n, lambda x: role(x) == "label"))],
                            10, "meeting 1 in the list")
        click(meetings[0])
        wait_for(lambda: text_of(notes) == FIRST_NOTES, 10, "meeting 1 shown")
        boxes = wait_for(lambda: [n for n in find_all(panel_list(win),
                                                      lambda n: role(n) == "check box" and name(n) == DONE)
                                  if is_visible(n)], 5, "the commitment in meeting 1")
        if len(boxes) != 1 or not is_checked(boxes[0]):
            raise E2EError("meeting 1 shows the commitment open (%d boxes)" % len(boxes))
        # Made there, so no "from" badge in meeting 1.
        badges = [name(n) for n in find_all(panel_list(win), lambda n: role(n) == "label"
                                            and name(n).startswith("from "))]
        if badges:
            raise E2EError("meeting 1 marks its own commitment as carried over: %r" % badges)

        # The brief has nothing open any more.
        click(by_name(win, "Before Your 1:1", roles=("label",)))
        wait_for(lambda: text_of(notes) == "", 5, "the brief instead of a meeting")
        wait_for(lambda: brief_open_items(win) == [], 10, "no open commitment in the brief")
        by_name(brief_commitments(win), "Nothing open. A clean slate.", roles=("label",), visible=False)
        app.quit()
    finally:
        app.kill()

    closed = sqlite(db, "SELECT closed_on || '|' || (SELECT date FROM meetings WHERE id = c.meeting_id)"
                        " FROM commitments c")
    if closed != "%s|%s" % (today.isoformat(), last_week.isoformat()):
        raise E2EError("on disk: closed_on|made in = %r" % closed)
    log("closed on %s, made on %s" % (today, last_week))


if __name__ == "__main__":
    raise SystemExit(run_tests([test_carry_over_and_close]))
