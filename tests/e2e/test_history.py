#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""History of a person's 1:1s, read back through AT-SPI as a screen reader
user would: what the range covers, the chart's summary, the same numbers
in the table by week and by month, the balance in checklist items; and the
mouse wheel over the chart scrolls the page."""

import datetime
import os
import subprocess
import time

import pyatspi

from harness import (App, E2EError, by_name, click, find_all, first, is_visible,
                     key, log, name, press, role, run_tests, sqlite, wait_for,
                     xdotool, center)

PERSON = "Sam Rivera"
COLUMNS = ["Period", "Meetings", "Follow-through", "Mood", "Listen",
           "Transfer authority", "Explain the why", "Trust", "Structure"]


def locale_week_start():
    """The first day of the week as the app reads it from the locale
    (0 = Sunday), through glibc's own `locale` tool."""
    out = subprocess.run(["locale", "first_weekday", "week-1stday"],
                         capture_output=True, text=True, check=True).stdout.split()
    first_weekday, week_1stday = int(out[0]), out[1]
    base = 0 if week_1stday == "19971130" else 1
    return (base + first_weekday - 1) % 7


def week_start(day, first):
    sunday0 = (day.weekday() + 1) % 7
    return day - datetime.timedelta(days=(sunday0 - first) % 7)


def week_label(day):
    return "Week of %d %s" % (day.day, day.strftime("%b"))


def day_label(day, with_year):
    return "%d %s%s" % (day.day, day.strftime("%b"), " %d" % day.year if with_year else "")


def range_text(meetings, first, today):
    """What the view says the range covers: the default 3 months start at
    the first 1:1 here, and say so."""
    return ("%d meetings from %s to %s. The first 1:1 was on %s: the last 3 months hold nothing earlier."
            % (meetings, day_label(first, first.year != today.year), day_label(today, True),
               day_label(first, True)))


def extents(node):
    ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return ext.x, ext.y, ext.width, ext.height


GROUPINGS = ["Weekly", "Monthly"]


def choose(combo, current, item):
    """Picks @item in a drop-down from the keyboard, as its popover opens
    on the item shown (a popover is a surface of its own, so the window's
    coordinates do not reach it)."""
    click(combo)
    time.sleep(0.3)
    steps = GROUPINGS.index(item) - GROUPINGS.index(current)
    for _ in range(abs(steps)):
        key("Down" if steps > 0 else "Up")
    key("Return")
    wait_for(lambda: first(combo, lambda n: name(n) == item), 10, "%s chosen" % item)


def seed(db, week1, week2):
    """One meeting in week1, three in week2, with known ticks, moods and
    commitments. Ticks are (Listen, Transfer authority, Explain the why)."""
    iso = lambda d: d.isoformat()
    day = datetime.timedelta(days=1)
    sql = ["INSERT INTO people (id, uuid, name, created_at, updated_at)"
           " VALUES (1, 'e2e-person', '%s', 'x', 'x')" % PERSON]
    meetings = [
        (1, week1, 2, (1, 0, 0)),
        (2, week2, 3, (1, 0, 1)),
        (3, week2 + day, 4, (1, 0, 0)),
        (4, week2 + 2 * day, 5, (0, 0, 0)),
    ]
    for mid, date, mood, ticks in meetings:
        sql.append("INSERT INTO meetings (id, uuid, person_id, date, mood, notes, created_at, updated_at)"
                   " VALUES (%d, 'e2e-m%d', 1, '%s', %d, 'Meeting %d', 'x', 'x')"
                   % (mid, mid, iso(date), mood, mid))
        for habit, ticked in zip(("listen", "transfer-authority", "explain-why"), ticks):
            sql.append("INSERT INTO checklist (uuid, meeting_id, habit_id, ticked, created_at, updated_at)"
                       " SELECT 'e2e-c%d-%s', %d, id, %d, 'x', 'x' FROM habits WHERE key = '%s'"
                       % (mid, habit, mid, ticked, habit))
    commitments = [
        # Made in week 1 without a due date: due at the next 1:1 (week 2's
        # first day), closed the day before: kept, counted in week 2.
        (1, "me", None, iso(week2 - day)),
        # Week 2: one kept on its due day, one overdue and open.
        (2, "me", iso(week2 + 3 * day), iso(week2 + 3 * day)),
        (2, "me", iso(week2 + 4 * day), None),
        # Theirs: never counted.
        (2, "them", iso(week2 + 3 * day), None),
        # Week 1: due and closed a day late.
        (1, "me", iso(week1 + day), iso(week1 + 2 * day)),
    ]
    for n, (mid, owner, due, closed) in enumerate(commitments):
        sql.append("INSERT INTO commitments (uuid, person_id, meeting_id, text, owner, due, closed_on,"
                   " created_at, updated_at) VALUES ('e2e-k%d', 1, %d, 'Promise %d', '%s', %s, %s, 'x', 'x')"
                   % (n, mid, n, owner, "'%s'" % due if due else "NULL",
                      "'%s'" % closed if closed else "NULL"))
    sqlite(db, "BEGIN; " + "; ".join(sql) + "; COMMIT;")


def table_rows(table):
    """The cells' texts of the rows GTK has realised, header first."""
    rows = []
    for row in find_all(table, lambda n: role(n) == "table row"):
        cells = [name(label) for label in find_all(row, lambda n: role(n) == "label")]
        rows.append(cells)
    return rows


def test_history_table_numbers(binary, tmp):
    db = os.path.join(tmp, "rapport.db")
    # The first run creates the schema (and its seeded habits).
    App(binary, db).start().quit()

    today = datetime.date.today()
    start_day = locale_week_start()
    week2 = week_start(today - datetime.timedelta(days=14), start_day)
    week1 = week2 - datetime.timedelta(days=7)
    seed(db, week1, week2)
    log("week start %d, weeks of %s and %s" % (start_day, week1, week2))

    app = App(binary, db).start()
    try:
        win = app.window
        click(by_name(by_name(win, "People", roles=("list", "list box")), PERSON, roles=("label",)))
        key("ctrl+h")

        # What the range covers, over the pages, where the data starts.
        covers = range_text(4, week1, today)
        by_name(win, covers, roles=("label",))

        # The chart: an image with a label naming what it shows and a
        # description summarising it, in the same words.
        chart = by_name(win, "Habits with %s over time" % PERSON, roles=("image",))
        description = chart.description or ""
        log("chart description: " + description)
        for part in (covers,
                     "Strongest: Listen, 75 % of 4 meetings.",
                     "Weakest: Transfer authority, 0 % of 4 meetings.",
                     "Follow-through: 50 % of 4 commitments kept."):
            if part not in description:
                raise E2EError("%r not in the chart's description %r" % (part, description))

        # One person opens by month once their 1:1s fall in two months
        # (else a month would be one point); either way the range covers
        # the same meetings by week.
        grouping = by_name(win, "Group by", roles=("combo box",))
        days = [week1, week2, week2 + datetime.timedelta(days=1), week2 + datetime.timedelta(days=2)]
        by_month = len({(d.year, d.month) for d in days}) >= 2
        default, other = ("Monthly", "Weekly") if by_month else ("Weekly", "Monthly")
        log("grouping by default: %s" % default)
        wait_for(lambda: first(grouping, lambda n: name(n) == default), 10, default + " by default")
        choose(grouping, default, other)
        by_name(win, covers, roles=("label",))
        if other == "Monthly":
            choose(grouping, other, "Weekly")

        # The wheel over the chart scrolls the page, not nothing: in a
        # window low enough for the page to scroll.
        for wid in subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app.proc.pid)],
                                  capture_output=True, text=True).stdout.split():
            xdotool("windowsize", "--sync", wid, "1000", "520")
        time.sleep(0.5)
        top = wait_for(lambda: extents(chart)[1], 10, "the chart's place")
        x, y = center(chart)
        xdotool("mousemove", "--sync", str(x), str(y))
        for _ in range(3):
            xdotool("click", "5")
            time.sleep(0.1)
        wait_for(lambda: extents(chart)[1] < top, 5, "the page to scroll under the wheel")
        log("the chart moved from y=%d up, the page scrolled" % top)
        for _ in range(3):
            xdotool("click", "4")
            time.sleep(0.1)

        # The same numbers as a table.
        tab = wait_for(lambda: first(win, lambda n: role(n) == "page tab" and name(n) == "Table"
                                     and is_visible(n)), 10, "the Table tab")
        click(tab)
        table = wait_for(lambda: first(win, lambda n: role(n) == "tree table" and is_visible(n)),
                         10, "the table")
        rows = wait_for(lambda: table_rows(table) if len(table_rows(table)) > 3 else None,
                        10, "table rows")
        if rows[0] != COLUMNS:
            raise E2EError("columns %r" % rows[0])
        by_period = {cells[0]: cells for cells in rows[1:] if cells}

        expected = {
            week_label(week2): [week_label(week2), "3", "67 % (2 of 3)", "4.0", "67 % (2 of 3)",
                                "0 % (0 of 3)", "33 % (1 of 3)", "33 % (3 of 9)", "–"],
            week_label(week1): [week_label(week1), "1", "0 % (0 of 1)", "2.0", "100 % (1 of 1)",
                                "0 % (0 of 1)", "0 % (0 of 1)", "33 % (1 of 3)", "–"],
            # The week after: no meeting, a gap rather than 0 %.
            week_label(week2 + datetime.timedelta(days=7)):
                [week_label(week2 + datetime.timedelta(days=7)), "0", "–", "–", "–", "–", "–", "–", "–"],
        }
        for period, cells in expected.items():
            got = by_period.get(period)
            if got != cells:
                raise E2EError("row %r: got %r, expected %r" % (period, got, cells))
        # Newest first.
        periods = [cells[0] for cells in rows[1:]]
        if periods.index(week_label(week2)) > periods.index(week_label(week1)):
            raise E2EError("rows not newest first: %r" % periods)

        # The balance counts checklist items (3 a meeting), in 4 meetings.
        tab = wait_for(lambda: first(win, lambda n: role(n) == "page tab" and name(n) == "Balance"
                                     and is_visible(n)), 10, "the Balance tab")
        click(tab)
        by_name(win, "33 % of 12 checklist items ticked in 4 meetings", roles=("label",))
        app.quit()
    finally:
        app.kill()


if __name__ == "__main__":
    raise SystemExit(run_tests([test_history_table_numbers]))
