#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every control has one clean accessible name, on every page, as a screen
reader reads them over AT-SPI: This Week, the brief, a 1:1 in progress,
History's chart, table and balance, search and Preferences. A control is
a push or toggle button, a check box, a menu or combo button, a spin
button or an editable text; its name is wrong when it is empty, carries a
raw mnemonic underscore ("_Start 1:1"), is a toolkit class ("GtkImage",
"GtkMenuButton") or says the same words twice ("Start 1:1 Start 1:1").
An icon is either named or marked as decoration, never read as
"GtkImage"."""

import datetime
import os
import re

import pyatspi

from harness import (App, E2EError, by_name, cli_ok, click, export_document, find_all,
                     first, is_visible, key, log, meeting_record, name, person_record,
                     role, run_tests, stamp, text_of, type_text, uuid_for, wait_for,
                     write_export)

ADA = "Ada Lovelace"
BOB = "Bob Marley"
PROMISE = "Send the rollout checklist"

CONTROLS = ("push button", "button", "toggle button", "check box", "combo box", "text", "entry",
            "spin button", "radio button", "menu button", "toggle", "menu item",
            "check menu item", "page tab")

TOOLKIT_CLASS = re.compile(r"\b(Gtk|Adw|Rapport)[A-Z]\w*")
MNEMONIC = re.compile(r"(^|\s)_\w")


def make_team(binary, tmp):
    """Two people, Ada with a few 1:1s over the last weeks."""
    db = os.path.join(tmp, "rapport.db")
    path = os.path.join(tmp, "team.json")
    ada = uuid_for("a", 1)
    today = datetime.date.today()
    meetings = [meeting_record(uuid_for("b", i), ada, (today - datetime.timedelta(days=7 * i)).isoformat(),
                               "Talked about the release, week %d." % i)
                for i in range(1, 6)]
    write_export(path, export_document(people=[person_record(ada, ADA, stamp()),
                                               person_record(uuid_for("a", 2), BOB, stamp())],
                                       meetings=meetings))
    cli_ok(binary, "--database", db, "--import", path)
    return db


def editable(node):
    try:
        return node.getState().contains(pyatspi.STATE_EDITABLE)
    except Exception:
        return False


def is_unnamed_image(node):
    """An icon a screen reader reads by its toolkit class ("GtkImage"):
    one that is not marked as decoration."""
    return role(node) in ("image", "icon") and TOOLKIT_CLASS.search(name(node)) is not None


def is_control(node):
    r = role(node)
    if r not in CONTROLS:
        return False
    # Read-only text (a label GTK reports as text) is not a control.
    if r in ("text", "entry"):
        return editable(node)
    return True


def where(node):
    path = []
    parent = node.parent
    while parent is not None and len(path) < 3:
        label = name(parent)
        if label:
            path.append("%s %r" % (role(parent), label))
        parent = parent.parent
    return " in " + " < ".join(path) if path else ""


def problem(node):
    label = name(node).strip()
    words = label.replace("_", "").split()
    half = len(words) // 2
    if not label:
        return "without a name"
    if TOOLKIT_CLASS.search(label):
        return "named after a toolkit class %r" % label
    if MNEMONIC.search(label):
        return "named with a raw mnemonic %r" % label
    if half > 0 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return "named twice %r" % label
    return None


def check_page(root, page, findings, seen):
    controls = [n for n in find_all(root, is_control) if is_visible(n)]
    log("%s: %d controls: %s" % (page, len(controls),
                                 "; ".join("%s %r" % (role(n), name(n)) for n in controls)))
    for node in controls:
        bad = problem(node)
        if bad is None:
            continue
        text = "%s: %s %s%s" % (page, role(node), bad, where(node))
        if text not in seen:
            seen.add(text)
            findings.append(text)
    for node in find_all(root, is_unnamed_image):
        if not is_visible(node):
            continue
        text = "%s: image named %r%s" % (page, name(node), where(node))
        if text not in seen:
            seen.add(text)
            findings.append(text)
    return controls


def visible_dialog(app, title):
    def pred(n):
        if role(n) not in ("dialog", "frame", "alert") or not is_visible(n):
            return False
        return name(n) == title or first(n, lambda c: role(c) == "label" and name(c) == title) is not None
    return wait_for(lambda: first(app.root, pred), 10, "window %r" % title)


def tab(win, title):
    node = wait_for(lambda: first(win, lambda n: role(n) == "page tab" and name(n) == title
                                  and is_visible(n)), 10, "the %s tab" % title)
    click(node)


def test_every_page(binary, tmp):
    db = make_team(binary, tmp)
    app = App(binary, db).start()
    findings = []
    seen = set()
    try:
        win = app.window
        # The window opens on This Week where the app has it.
        this_week = first(win, lambda n: role(n) == "label" and name(n) == "This Week" and is_visible(n))
        check_page(win, "This Week" if this_week else "start page", findings, seen)

        click(by_name(by_name(win, "People", roles=("list", "list box")), ADA, roles=("label",)))
        by_name(win, "Before your 1:1", roles=("label",))
        check_page(win, "brief", findings, seen)

        key("ctrl+n")
        by_name(win, "Meeting notes", roles=("text",))
        type_text("She wants to lead the release.")
        entry = by_name(win, "New commitment", roles=("text", "entry"))
        click(entry)
        type_text(PROMISE)
        key("Return")
        wait_for(lambda: text_of(entry) == "", 5, "the commitment added")
        check_page(win, "meeting in progress", findings, seen)

        key("ctrl+h")
        by_name(win, "Habits with %s over time" % ADA, roles=("image",))
        check_page(win, "History chart", findings, seen)
        tab(win, "Table")
        wait_for(lambda: first(win, lambda n: role(n) == "tree table" and is_visible(n)), 10, "the table")
        check_page(win, "History table", findings, seen)
        tab(win, "Balance")
        check_page(win, "History balance", findings, seen)

        key("ctrl+f")
        search = by_name(win, "Search all notes", roles=("text", "entry"))
        type_text("release")
        wait_for(lambda: first(win, lambda n: role(n) in ("list item", "label") and "release" in name(n)
                               and is_visible(n) and n is not search), 10, "search results")
        check_page(win, "search", findings, seen)
        key("Escape")

        key("ctrl+comma")
        prefs = visible_dialog(app, "Preferences")
        check_page(prefs, "Preferences", findings, seen)
        key("Escape")
        wait_for(lambda: not is_visible(prefs), 10, "Preferences closed")

        for line in findings:
            log(line)
        if findings:
            raise E2EError("%d controls without one clean name:\n%s" % (len(findings), "\n".join(findings)))
        app.quit()
    finally:
        app.kill()


if __name__ == "__main__":
    raise SystemExit(run_tests([test_every_page]))
