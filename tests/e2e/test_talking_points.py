#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Between two 1:1s (issue 11), as a manager does it: a 1:1 with Bob that
did not happen is recorded from his brief as skipped for leave, and Bob
is no longer overdue; nothing is added to his meetings."""

import datetime

from harness import (App, by_name, click, first, is_visible, name, press, role, run_tests,
                     sqlite, type_text, wait_for, weekly_team)

ADA = "Ada Lovelace"
BOB = "Bob Marley"
TODAY = datetime.date.today()


def short_day(date):
    """As the window writes a day: "Thu 3 Dec" (C locale)."""
    return "%s %d %s" % (date.strftime("%a"), date.day, date.strftime("%b"))


def make_team(binary, tmp):
    """Ada and Bob, both met weekly; Bob nine days ago (overdue)."""
    return weekly_team(binary, tmp, [(ADA, 8, "Planning the release."),
                                     (BOB, 9, "Hiring plan.")])


def overdue_shown(win):
    """The people list's badge, or the brief's status line, says overdue."""
    return first(win, lambda n: role(n) == "label" and is_visible(n)
                 and (name(n) == "overdue" or name(n).endswith("· overdue")))


def select(win, person):
    click(by_name(win, person, roles=("label",)))
    by_name(win, "Before your 1:1", roles=("label",))


def test_skip_changes_due(binary, tmp):
    db = make_team(binary, tmp)
    # Bob was due a week after his last 1:1, two days ago: overdue.
    was_due = TODAY - datetime.timedelta(days=2)

    app = App(binary, db).start()
    try:
        win = app.window
        select(win, BOB)
        by_name(win, "Last 1:1 9 days ago · overdue", roles=("label",))
        by_name(win, "Next 1:1 due " + short_day(was_due), roles=("push button", "toggle button"))

        press(by_name(win, "Skip or move a 1:1", roles=("push button",)))
        dialog = by_name(app.root, "Skipped or Moved 1:1", roles=("frame", "dialog", "window"))
        # The day offered is the day it was due; they were on leave.
        by_name(dialog, "Why", roles=("label",))
        click(by_name(dialog, "Leave: one of you was away", roles=("toggle button", "push button")))
        by_name(dialog, "Leave starts the clock again from that day: they will not be overdue for it.",
                roles=("label",))
        click(by_name(dialog, "Note (optional)", roles=("text", "entry")))
        type_text("Parental leave")
        press(by_name(dialog, "Save", roles=("push button",)))

        # Counted from the skipped day: due a week after it, not yet.
        by_name(win, "Next 1:1 due " + short_day(was_due + datetime.timedelta(days=7)),
                roles=("push button", "toggle button"))
        by_name(win, "1:1 recorded as skipped", roles=("label",))
        by_name(win, "Last 1:1 9 days ago", roles=("label",))
        wait_for(lambda: not overdue_shown(win), 10, "no one shown overdue")
        app.quit()
    finally:
        app.kill()

    got = sqlite(db, "SELECT date || '|' || kind || '|' || reason_kind || '|' || reason FROM missed_meetings")
    assert got == "%s|skipped|leave|Parental leave" % was_due.isoformat(), got
    assert sqlite(db, "SELECT count(*) FROM meetings WHERE deleted = 0") == "2", "a meeting was added"


if __name__ == "__main__":
    raise SystemExit(run_tests([test_skip_changes_due]))
