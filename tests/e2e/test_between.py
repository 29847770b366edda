#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Between two 1:1s (issue 11), the whole loop as a manager lives it: the
window opens on This Week; on Ada's page a talking point is jotted down
with Ctrl+T; This Week and Ada's brief list it; the 1:1 starts, the point
is ticked as discussed in the meeting, and the file (read with the sqlite3
tool) links it to that meeting; This Week no longer waits for it."""

import datetime

from harness import (App, by_name, cli_ok, click, first, is_checked, is_visible, key,
                     label_shown, name, press, role, run_tests, sqlite, type_text, wait_for,
                     weekly_team)

ADA = "Ada Lovelace"
BOB = "Bob Marley"
TOPIC = "Budget for the spring offsite"
TODAY = datetime.date.today()


def make_team(binary, tmp):
    """Ada and Bob, met weekly, each a week or so ago."""
    return weekly_team(binary, tmp, [(ADA, 8, "Planning the release."),
                                     (BOB, 6, "Hiring plan.")])


def sidebar_row(win, text):
    """The sidebar's row for @text (This Week, or a person)."""
    lists = [n for n in (by_name(win, "Home", roles=("list", "list box")),
                         by_name(win, "People", roles=("list", "list box")))]
    for lst in lists:
        found = first(lst, lambda n: name(n) == text and role(n) == "label" and is_visible(n))
        if found is not None:
            return found
    raise AssertionError("no %r in the sidebar" % text)


def open_person(win, person):
    click(sidebar_row(win, person))
    by_name(win, "Before your 1:1", roles=("label",))
    wait_for(lambda: first(win, lambda n: role(n) == "label" and is_visible(n)
                           and name(n) == person), 10, "%s's page" % person)


def test_between_meetings_loop(binary, tmp):
    db = make_team(binary, tmp)
    assert sqlite(db, "SELECT count(*) FROM talking_points") == "0"

    app = App(binary, db).start()
    try:
        win = app.window
        # The first page is This Week; nothing waits yet.
        by_name(win, "Due for a 1:1", roles=("label",))
        assert label_shown(win, "Talking Points Waiting") is None, "points waiting before any was added"

        # On Ada's page, Ctrl+T: the quick-add is for her; Enter adds.
        open_person(win, ADA)
        key("ctrl+t")
        dialog = wait_for(lambda: first(app.root, lambda n: role(n) in ("dialog", "frame")
                                        and name(n) == "New Talking Point" and is_visible(n)),
                          10, "the quick-add dialog")
        by_name(dialog, ADA, visible=False)
        type_text(TOPIC)
        key("Return")
        wait_for(lambda: first(app.root, lambda n: name(n) == "New Talking Point" and is_visible(n)
                               and role(n) in ("dialog", "frame")) is None, 10, "the dialog closed")
        # A toast says where it went; one row in the file, waiting.
        wait_for(lambda: first(win, lambda n: ADA in name(n) and "added" in name(n).lower()),
                 10, "the toast")
        assert sqlite(db, "SELECT p.name FROM talking_points t JOIN people p ON p.id = t.person_id"
                          " WHERE t.text = '%s' AND t.discussed_in IS NULL" % TOPIC) == ADA

        # The brief has it under To Talk About, at once.
        by_name(win, "To Talk About", roles=("label",))
        wait_for(lambda: first(win, lambda n: is_visible(n) and TOPIC in name(n)), 10,
                 "the point in Ada's brief")

        # This Week lists it under the points waiting, with whom it is for.
        click(sidebar_row(win, "This Week"))
        by_name(win, "Talking Points Waiting", roles=("label",))
        by_name(win, TOPIC, roles=("label",))

        # The 1:1 starts from the brief; the point is ticked in the meeting.
        open_person(win, ADA)
        press(by_name(win, "Start 1:1", roles=("push button",)))
        by_name(win, "Meeting notes", roles=("text",))
        check = by_name(win, "Discussed: " + TOPIC, roles=("check box",))
        assert not is_checked(check), "the point starts ticked"
        click(check)
        wait_for(lambda: is_checked(check), 5, "the point ticked")
        wait_for(lambda: sqlite(db, "SELECT count(*) FROM talking_points"
                                    " WHERE discussed_in IS NOT NULL") == "1", 10, "the tick written")

        # Back on This Week, nothing waits any more.
        click(sidebar_row(win, "This Week"))
        by_name(win, "Due for a 1:1", roles=("label",))
        wait_for(lambda: label_shown(win, TOPIC) is None, 10, "the point gone from This Week")
        assert label_shown(win, "Talking Points Waiting") is None
        app.quit()
    finally:
        app.kill()

    # In the file, with the sqlite3 tool: discussed in today's 1:1 with Ada.
    meeting = sqlite(db, "SELECT m.id FROM meetings m JOIN people p ON p.id = m.person_id"
                         " WHERE p.name = '%s' AND m.date = '%s'" % (ADA, TODAY.isoformat()))
    assert meeting, "no 1:1 with Ada today"
    got = sqlite(db, "SELECT discussed_in FROM talking_points WHERE text = '%s'" % TOPIC)
    assert got == meeting, (got, meeting)
    assert sqlite(db, "SELECT count(*) FROM meetings") == "3"


def test_point_from_the_command_line(binary, tmp):
    """Issue 11's loop from the shell: a point added with --add-topic while
    the window is closed is on This Week and in the brief; ticked in the
    1:1, it is gone from both after a relaunch and linked in the file."""
    db = make_team(binary, tmp)
    point = "Career and growth"
    cli_ok(binary, "--database", db, "--add-topic", BOB, point)
    assert sqlite(db, "SELECT count(*) FROM talking_points WHERE discussed_in IS NULL") == "1"

    app = App(binary, db).start()
    try:
        win = app.window
        by_name(win, "Talking Points Waiting", roles=("label",))
        by_name(win, point, roles=("label",))
        open_person(win, BOB)
        by_name(win, "To Talk About", roles=("label",))
        wait_for(lambda: first(win, lambda n: is_visible(n) and point in name(n)), 10,
                 "the point in Bob's brief")
        press(by_name(win, "Start 1:1", roles=("push button",)))
        by_name(win, "Meeting notes", roles=("text",))
        check = by_name(win, "Discussed: " + point, roles=("check box",))
        click(check)
        wait_for(lambda: is_checked(check), 5, "the point ticked")
        wait_for(lambda: sqlite(db, "SELECT count(*) FROM talking_points"
                                    " WHERE discussed_in IS NOT NULL") == "1", 10, "the tick written")
        app.quit()
    finally:
        app.kill()

    app = App(binary, db).start()
    try:
        win = app.window
        by_name(win, "Due for a 1:1", roles=("label",))
        assert label_shown(win, "Talking Points Waiting") is None, "the point still waits"
        open_person(win, BOB)
        by_name(win, "Before your 1:1", roles=("label",))
        assert label_shown(win, point) is None, "the point still in Bob's brief"
        app.quit()
    finally:
        app.kill()

    meeting = sqlite(db, "SELECT m.id FROM meetings m JOIN people p ON p.id = m.person_id"
                         " WHERE p.name = '%s' AND m.date = '%s'" % (BOB, TODAY.isoformat()))
    assert meeting, "no 1:1 with Bob today"
    assert sqlite(db, "SELECT discussed_in FROM talking_points WHERE text = '%s'" % point) == meeting


if __name__ == "__main__":
    raise SystemExit(run_tests([test_between_meetings_loop, test_point_from_the_command_line]))
