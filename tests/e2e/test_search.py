#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Find a sentence typed in a meeting with Ctrl+F and open it at the match."""

import os
import time

import pyatspi

from harness import (App, E2EError, by_name, click, find_all, first, is_visible, key,
                     log, name, press, role, run_tests, sqlite, text_of, type_text,
                     wait_for, xdotool)

PERSON = "Sam Rivera"
# Accented letters before the matches: a byte offset would land one
# character late for each of them.
NOTES = "Réunion: the zeppelin budget moved. Sam prefers the café near the station."


def type_unicode(text):
    """xdotool types a letter that is not on the keyboard by mapping it to
    a spare key for a moment, and GTK sometimes reads the key after the
    mapping is gone and drops the letter. So such letters go in as a
    person without them on their keyboard would: Ctrl+Shift+U, the code
    point, space (GTK's own input method)."""
    chunk = ""
    for ch in text:
        if ord(ch) < 128:
            chunk += ch
            continue
        if chunk:
            type_text(chunk)
            chunk = ""
        xdotool("key", "--clearmodifiers", "ctrl+shift+u")
        type_text("%x" % ord(ch))
        xdotool("key", "--clearmodifiers", "space")
    if chunk:
        type_text(chunk)


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


def write_meeting(app):
    win = app.window
    key("ctrl+n")
    notes = by_name(win, "Meeting notes", roles=("text",))
    wait_for(lambda: notes.getState().contains(pyatspi.STATE_FOCUSED), 5, "notes focused")
    type_unicode(NOTES)
    try:
        wait_for(lambda: text_of(notes) == NOTES, 10, "notes typed")
    except E2EError:
        raise E2EError("notes typed as %r" % text_of(notes))
    wait_for(lambda: first(win, lambda n: name(n) == "Saved" and is_visible(n)), 10, "'Saved'")


def search_entry(win):
    return by_name(win, "Search all notes", roles=("text", "entry"))


def search_shown(win):
    """GTK 4.8 keeps reporting a hidden stack page as visible, with its old
    extents, so ask the header: in search mode its subtitle says so."""
    return first(win, lambda n: role(n) == "label" and name(n) == "Notes, commitments and people") is not None


def results(win):
    return [n for n in find_all(win, lambda n: role(n) == "list item" and is_visible(n)
                                and name(n).startswith(PERSON + ", "))]


def settled_results(win):
    """The results, once the list has stopped changing: rows of a search
    for the first letters typed may still show, and go, just after the
    whole query is in (a row gone reads with no name)."""
    rows = results(win)
    if not rows:
        return None
    time.sleep(0.3)
    again = results(win)
    names = [name(r) for r in again]
    if not all(names) or names != [name(r) for r in rows]:
        return None
    return again


def search(app, query):
    """Ctrl+F, the query typed as a person would, and the visible results."""
    win = app.window
    key("ctrl+f")
    wait_for(lambda: search_shown(win), 5, "search mode")
    entry = search_entry(win)
    wait_for(lambda: entry.getState().contains(pyatspi.STATE_FOCUSED), 5, "search entry focused")
    # Ctrl+F selects what was there; typing replaces it.
    type_unicode(query)
    try:
        wait_for(lambda: text_of(entry) == query, 5, "query typed")
    except E2EError:
        raise E2EError("query %r typed as %r" % (query, text_of(entry)))
    rows = wait_for(lambda: settled_results(win), 10, "a result for %r" % query)
    log("%r: %s" % (query, " | ".join(name(r) for r in rows)))
    return rows


def brief_shown(win):
    """The brief is on screen and no meeting's notes are: GTK 4.8 keeps
    the hidden editor in the tree, emptied; newer GTK leaves a hidden
    page out of it."""
    notes = find_all(win, lambda n: role(n) == "text" and name(n) == "Meeting notes")
    return all(text_of(n) == "" for n in notes) and \
        first(win, lambda n: role(n) == "label" and name(n) == "Before your 1:1" and is_visible(n)) is not None


def check_opened_at(app, word):
    """The meeting is shown with its notes, and `word` selected in them."""
    win = app.window
    wait_for(lambda: not search_shown(win), 10, "search closed")
    notes = by_name(win, "Meeting notes", roles=("text",))
    wait_for(lambda: text_of(notes) == NOTES, 10, "the meeting's notes shown")
    text = notes.queryText()
    wait_for(lambda: text.getNSelections() == 1, 5, "a selection in the notes")
    start, end = text.getSelection(0)
    selected = text.getText(start, end)
    want = NOTES.index(word)
    if (start, end) != (want, want + len(word)):
        raise E2EError("selected %d..%d %r, expected %d..%d %r"
                       % (start, end, selected, want, want + len(word), word))
    wait_for(lambda: notes.getState().contains(pyatspi.STATE_FOCUSED), 5, "notes focused at the match")
    return notes


def test_find_and_open(binary, tmp):
    db = os.path.join(tmp, "rapport.db")
    app = App(binary, db).start()
    try:
        add_person(app)
        write_meeting(app)

        # Found in the same session: the index follows the autosave.
        rows = search(app, "zeppelin")
        if len(rows) != 1 or "zeppelin" not in name(rows[0]) or ", Notes: " not in name(rows[0]):
            raise E2EError("expected one notes result naming the match, got %r" % [name(r) for r in rows])
        # Escape closes the search; go to the brief, so that opening the
        # result has to bring the meeting back.
        key("Escape")
        wait_for(lambda: not search_shown(app.window), 5, "search closed by Escape")
        click(by_name(app.window, "Before Your 1:1", roles=("label",)))
        wait_for(lambda: brief_shown(app.window), 5, "the brief instead of the meeting")
        rows = search(app, "zeppelin")
        click(rows[0])
        check_opened_at(app, "zeppelin")
        app.quit()
    finally:
        app.kill()

    assert sqlite(db, "SELECT notes FROM meetings") == NOTES

    # After a restart, with the accent left out, opened with Enter.
    app = App(binary, db).start()
    try:
        win = app.window
        by_name(win, PERSON, roles=("label",))
        rows = search(app, "CAFE")
        if len(rows) != 1 or "café" not in name(rows[0]):
            raise E2EError("'CAFE' should find the café once: %r" % [name(r) for r in rows])
        key("Return")
        check_opened_at(app, "café")

        # A word that is nowhere shows no result, and says so.
        key("ctrl+f")
        entry = search_entry(win)
        wait_for(lambda: entry.getState().contains(pyatspi.STATE_FOCUSED), 5, "search entry focused")
        type_text("submarine")
        wait_for(lambda: text_of(entry) == "submarine", 5, "'submarine' typed")
        by_name(win, "No Results", roles=("label", "heading"))
        wait_for(lambda: not results(win), 5, "the earlier results gone")
        app.quit()
    finally:
        app.kill()


if __name__ == "__main__":
    raise SystemExit(run_tests([test_find_and_open]))
