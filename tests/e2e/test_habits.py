#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Shaping the checklist in Preferences never rewrites a past meeting."""

import os

from harness import (App, E2EError, by_name, click, find_all, first, is_checked,
                     is_visible, key, log, name, press, role, run_tests, sqlite,
                     text_of, type_text, wait_for)

HABIT = "Coffee chat"
FIRST_NOTES = "Walked to the cafe and talked about the roadmap."


def visible_dialog(app, title=None):
    def pred(n):
        if role(n) not in ("dialog", "frame", "alert") or not is_visible(n):
            return False
        if title is None:
            return True
        return name(n) == title or first(n, lambda c: role(c) == "label" and name(c) == title) is not None
    return wait_for(lambda: first(app.root, pred), 10, "window %r" % (title or "dialog"))


def button(root, wanted):
    """GTK 4.8 appends a button's own text to the accessible name it was
    given ("Restore “X” Restore"), so accept the given name as a prefix."""
    def pred(n):
        got = name(n)
        return (role(n) == "push button" and is_visible(n)
                and (got == wanted or got.startswith(wanted + " ")))
    return wait_for(lambda: first(root, pred), 10, "button %r" % wanted)


def checkboxes(win):
    return [name(n) for n in find_all(win, lambda n: role(n) == "check box" and is_visible(n))]


def open_preferences(app):
    key("ctrl+comma")
    return visible_dialog(app, "Preferences")


def close_window(app, win):
    key("Escape")
    wait_for(lambda: not is_visible(win), 10, "Preferences closed")


def add_person(app):
    win = app.window
    press(by_name(win, "Add Your First Person", roles=("push button",)))
    dialog = visible_dialog(app, "Add Person")
    click(by_name(dialog, "Name", roles=("text", "entry")))
    type_text("Sam Rivera")
    press(by_name(dialog, "Add", roles=("push button",)))
    by_name(win, "Sam Rivera", roles=("list item", "label"))


def test_add_tick_archive_keeps_history(binary, tmp):
    db = os.path.join(tmp, "rapport.db")
    app = App(binary, db).start()
    try:
        win = app.window
        add_person(app)

        # Preferences: add an own habit to the checklist.
        prefs = open_preferences(app)
        press(button(prefs, "Add Habit…"))
        dialog = visible_dialog(app, "Add Habit")
        click(by_name(dialog, "Name", roles=("text", "entry")))
        type_text(HABIT)
        click(by_name(dialog, "Hint (optional)", roles=("text", "entry")))
        type_text("Meet away from the desk.")
        press(by_name(dialog, "Add", roles=("push button",)))
        # It shows on the checklist page, last, with its own controls.
        button(prefs, "Archive “%s”" % HABIT)
        assert sqlite(db, "SELECT label || '|' || active || '|' || ifnull(key, '-') FROM habits"
                          " ORDER BY id DESC LIMIT 1") == HABIT + "|1|-"
        close_window(app, prefs)

        # The next meeting's checklist has it; tick it.
        key("ctrl+n")
        notes = by_name(win, "Meeting notes", roles=("text",))
        type_text(FIRST_NOTES)
        box = by_name(win, HABIT, roles=("check box",))
        names = checkboxes(win)
        assert names[-1] == HABIT, names
        click(box)
        wait_for(lambda: is_checked(box), 5, "%s ticked" % HABIT)
        wait_for(lambda: first(win, lambda n: name(n) == "Saved" and is_visible(n)), 5, "'Saved'")
        first_meeting = sqlite(db, "SELECT id FROM meetings ORDER BY id LIMIT 1")

        # Archive it in Preferences.
        prefs = open_preferences(app)
        press(button(prefs, "Archive “%s”" % HABIT))
        button(prefs, "Restore “%s”" % HABIT)
        close_window(app, prefs)
        assert sqlite(db, "SELECT active FROM habits WHERE label = '%s'" % HABIT) == "0"

        # A new meeting no longer asks for it (a second one today, on
        # purpose: Ctrl+N would continue today's)...
        press(by_name(win, "Person Menu", roles=("push button", "toggle button")))
        press(by_name(app.root, "Start a Second 1:1 Today", roles=("menu item", "push button")))
        wait_for(lambda: sqlite(db, "SELECT count(*) FROM meetings") == "2", 10, "a second meeting")
        by_name(win, "Listen", roles=("check box",))
        wait_for(lambda: HABIT not in checkboxes(win), 5, "new meeting without %s" % HABIT)

        # ...but the earlier meeting still shows it, ticked.
        item = wait_for(lambda: [n for n in find_all(win, lambda n: role(n) == "list item" and is_visible(n))
                                 if FIRST_NOTES[:20] in name(n) or FIRST_NOTES[:20] in
                                 " ".join(name(c) for c in find_all(n, lambda x: role(x) == "label"))],
                        10, "the first meeting in the list")
        click(item[0])
        notes = by_name(win, "Meeting notes", roles=("text",))
        wait_for(lambda: text_of(notes) == FIRST_NOTES, 5, "first meeting shown")
        box = by_name(win, HABIT, roles=("check box",))
        if not is_checked(box):
            raise E2EError("%s is no longer ticked in the first meeting" % HABIT)
        app.quit()
    finally:
        app.kill()

    # On disk: the tick is still there, tied to the habit's row.
    ticked = sqlite(db, "SELECT c.ticked FROM checklist c JOIN habits h ON h.id = c.habit_id"
                        " WHERE h.label = '%s' AND c.meeting_id = %s" % (HABIT, first_meeting))
    assert ticked == "1", ticked
    log("checklist rows for %s: %s" % (HABIT, sqlite(db, "SELECT COUNT(*) FROM checklist c JOIN habits h"
                                                        " ON h.id = c.habit_id WHERE h.label = '%s'" % HABIT)))


if __name__ == "__main__":
    raise SystemExit(run_tests([test_add_tick_archive_keeps_history]))
