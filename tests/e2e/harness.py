# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real rapport binary over AT-SPI, the way a screen reader does.

Run with Debian's /usr/bin/python3 (python3-pyatspi) inside a D-Bus session
with an accessibility bus and an X display; build-aux/test.sh provides both.
Buttons, toggles, check boxes and menu items are activated through their
AT-SPI action where they offer one, as a screen reader does; text fields,
rows and controls without an action are clicked with xdotool at the place
the window's own hit test finds them near their reported extents (GTK 4.18
reports deep widgets some pixels off), as a person would.
"""

import os
import subprocess
import sys
import tempfile
import time

import pyatspi

APP_NAME = "rapport"


class E2EError(AssertionError):
    pass


def log(msg):
    print("# " + msg, flush=True)


class App:
    def __init__(self, binary, db_path, extra_env=None):
        self.binary = binary
        self.db_path = db_path
        self.proc = None
        self.root = None
        self.extra_env = extra_env or {}

    def start(self):
        env = dict(os.environ)
        env.pop("NO_AT_BRIDGE", None)
        env["GTK_A11Y"] = "atspi"
        # Settings that survive a restart, kept beside the database.
        env["GSETTINGS_BACKEND"] = "keyfile"
        env["XDG_CONFIG_HOME"] = os.path.join(os.path.dirname(self.db_path), "config")
        env.update(self.extra_env)
        self.proc = subprocess.Popen([self.binary, "--database", self.db_path],
                                     env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True)
        self.root = wait_for(lambda: find_app(self.proc.pid), 20, "application on the AT-SPI bus")
        self.window = wait_for(lambda: first(self.root, lambda n: role(n) in ("frame", "dialog", "alert")),
                               10, "a window")
        return self

    def quit(self):
        """Ctrl+Q as a person would, then wait for a clean exit."""
        xdotool("key", "--clearmodifiers", "ctrl+q")
        try:
            out, _ = self.proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, _ = self.proc.communicate()
            raise E2EError("app did not quit on Ctrl+Q:\n" + out)
        check_output_clean(out)
        if self.proc.returncode != 0:
            raise E2EError("app exited with %d:\n%s" % (self.proc.returncode, out))
        return out

    def kill(self):
        # Called from a test's "finally": when the test is failing, say
        # what the window showed before it goes.
        if sys.exc_info()[0] is not None and self.root is not None and \
                self.proc and self.proc.poll() is None:
            log("the app's visible tree when the test failed:")
            for line in dump_tree(self.root):
                log(line)
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def check_output_clean(out):
    bad = [l for l in out.splitlines()
           if "CRITICAL" in l or ("WARNING" in l and "rapport" in l.lower())]
    if bad:
        raise E2EError("GTK criticals or warnings on stderr:\n" + "\n".join(bad))


def first(node, pred):
    found = find_all(node, pred, limit=1)
    return found[0] if found else None


def find_all(node, pred, limit=None):
    out = []

    def walk(n, depth):
        if n is None or depth > 60:
            return
        try:
            if pred(n):
                out.append(n)
                if limit and len(out) >= limit:
                    return
            for i in range(n.childCount):
                walk(n.getChildAtIndex(i), depth + 1)
                if limit and len(out) >= limit:
                    return
        except Exception:
            return

    walk(node, 0)
    return out


# Debian 13's AT-SPI (at-spi2-core 2.56 with GTK 4.18) names some roles
# otherwise than Debian 12's (2.46 with GTK 4.8). The tests use Debian 12's
# names; role() reports the newer ones under them, so that every test
# reads the same on both. Extend this one table, never a single test.
ROLE_ALIASES = {
    "button": "push button",
}


def role(node):
    try:
        got = node.getRoleName()
    except Exception:
        return ""
    return ROLE_ALIASES.get(got, got)


def raw_role(node):
    """The role name as AT-SPI reports it, for messages."""
    try:
        return node.getRoleName()
    except Exception:
        return ""


def name(node):
    try:
        return node.name or ""
    except Exception:
        return ""


def is_visible(node):
    """GTK 4.8 reports "visible" for widgets on hidden stack pages too, so
    also ask for a place on screen."""
    try:
        states = node.getState()
        if not (states.contains(pyatspi.STATE_VISIBLE) or states.contains(pyatspi.STATE_SHOWING)):
            return False
        ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return ext.width > 0 and ext.height > 0
    except Exception:
        return False


def matches(node, wanted):
    """GTK 4.8 names a mnemonic button "_Label Label"; accept that too."""
    got = name(node)
    return got == wanted or got.replace("_", "") == wanted + " " + wanted


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        try:
            if app.get_process_id() == pid:
                # Children asked of the application each time, not kept:
                # GTK 4.18 does not always announce that a window's
                # content changed, and a kept list then shows an empty
                # frame.
                try:
                    app.set_cache_mask(pyatspi.Atspi.Cache.NONE)
                except Exception:
                    pass
                return app
        except Exception:
            continue
    return None


def dump_tree(root, limit=400):
    """The visible part of @root's tree, one "role 'name'" a line, indented
    by depth: what the test saw when it failed (see App.kill)."""
    lines = []

    def walk(n, depth):
        if len(lines) >= limit or depth > 60:
            return
        try:
            if depth > 2 and not is_visible(n):
                return
            lines.append("%s%s %r" % ("  " * depth, raw_role(n), name(n)))
            for i in range(n.childCount):
                walk(n.getChildAtIndex(i), depth + 1)
        except Exception:
            return

    walk(root, 0)
    return lines


def wait_for(fn, timeout=10, what="condition"):
    end = time.time() + timeout
    last_exc = None
    while time.time() < end:
        try:
            value = fn()
            if value:
                return value
        except Exception as exc:  # the tree changes under us
            last_exc = exc
        time.sleep(0.1)
    raise E2EError("timed out waiting for %s (%s)" % (what, last_exc))


def by_name(root, wanted, roles=None, visible=True):
    def pred(n):
        if not matches(n, wanted):
            return False
        if roles and role(n) not in roles:
            return False
        return not visible or is_visible(n)
    try:
        return wait_for(lambda: first(root, pred), 10, "%r %s" % (wanted, roles or ""))
    except E2EError as exc:
        # What does carry that name, to tell a role reported otherwise
        # (see ROLE_ALIASES) from a control that is not there.
        named = ["%s%s" % (raw_role(n), "" if is_visible(n) else " (hidden)")
                 for n in find_all(root, lambda n: matches(n, wanted), limit=8)]
        raise E2EError("%s; named so: %s" % (exc, ", ".join(named) or "nothing")) from None


def press(node):
    """Push buttons expose a 'click' action. A menu button on GTK 4.18 is
    a "button" holding a "toggle button" of the same name, and only the
    inner one opens the menu: press that one."""
    try:
        for i in range(node.childCount):
            inner = node.getChildAtIndex(i)
            if raw_role(inner) == "toggle button" and name(inner) == name(node):
                node = inner
                break
    except Exception:
        pass
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "press", "activate"):
            action.doAction(i)
            return
    click(node)


def toplevel_origin(node):
    """GTK 4 reports positions relative to its window only (asking for
    desktop coordinates logs a warning), so add where X put the window of
    the node's top level, found by its title."""
    top = node
    while True:
        parent = top.parent
        if parent is None or role(parent) == "application":
            break
        top = parent
    title = name(top)
    ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^%s$" % title],
                         capture_output=True, text=True).stdout.split()
    if not ids:
        return 0, 0
    geo = subprocess.run(["xdotool", "getwindowgeometry", "--shell", ids[-1]],
                         capture_output=True, text=True).stdout
    values = dict(line.split("=", 1) for line in geo.split() if "=" in line)
    return int(values.get("X", 0)), int(values.get("Y", 0))


def _top(node):
    top = node
    while True:
        parent = top.parent
        if parent is None or role(parent) == "application":
            return top
        top = parent


def _is_within(found, node):
    """Whether @found is @node or lies inside it."""
    n = found
    for _ in range(12):
        if n is None:
            return False
        if n == node:
            return True
        try:
            n = n.parent
        except Exception:
            return False
    return False


# Where to look for a control around the place AT-SPI reports, nearest
# first: GTK 4.18 reports window coordinates that leave out the offsets of
# widgets it keeps out of the accessible tree, so that a deep widget is
# drawn some pixels below (and right of) where it is said to be.
_PROBES = sorted(((dx, dy) for dx in range(-8, 41, 4) for dy in range(-8, 41, 2)),
                 key=lambda d: (abs(d[0]) + abs(d[1]), d))


def window_point(node):
    """A point inside @node in its window's coordinates: the centre of its
    reported extents, moved to where the window itself finds the node when
    asked what is at a point (the same hit test a pointer click uses), when
    the reported place is off."""
    ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    if ext.width <= 0 or ext.height <= 0:
        raise E2EError("%r has no extents on screen" % name(node))
    cx, cy = ext.x + ext.width // 2, ext.y + ext.height // 2
    try:
        top = _top(node).queryComponent()
    except Exception:
        return cx, cy
    for dx, dy in _PROBES:
        try:
            found = _deepest_at(top, cx + dx, cy + dy)
        except Exception:
            return cx, cy
        if found is not None and _is_within(found, node):
            return cx + dx, cy + dy
    return cx, cy


def _deepest_at(component, x, y):
    """The deepest accessible at window point @x,@y under @component."""
    found = None
    for _ in range(40):
        child = component.getAccessibleAtPoint(x, y, pyatspi.WINDOW_COORDS)
        if child is None or child == found:
            break
        found = child
        try:
            component = child.queryComponent()
        except Exception:
            break
    return found


def frame_offset(node):
    """What to add to window coordinates for the X window: GTK 4.18 puts
    the frame itself at -5,-5 though it is drawn at the window's corner."""
    try:
        ext = _top(node).queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return max(0, -ext.x), max(0, -ext.y)
    except Exception:
        return 0, 0


def center(node):
    x, y = window_point(node)
    ox, oy = toplevel_origin(node)
    fx, fy = frame_offset(node)
    return ox + fx + x, oy + fy + y


def enclosing_list_item(node):
    """The list item (a row) @node is, or is a plain part of (a label, a
    box), or None."""
    n = node
    for _ in range(6):
        if n is None:
            return None
        r = role(n)
        if r == "list item":
            return n
        if r not in ("label", "panel", "filler", "image"):
            return None
        n = n.parent
    return None


# Controls a click on which does what their AT-SPI action does; these are
# activated through the action where they offer one (as a screen reader
# does), which needs no place on screen.
# A view switcher's buttons are toggle buttons on GTK 4.8 and page tabs
# (with a "click" action) on newer GTK.
ACTION_ROLES = ("push button", "toggle button", "check box", "radio button", "menu item",
                "check menu item", "radio menu item", "switch", "page tab")
ACTION_NAMES = ("click", "press", "activate", "toggle")


def do_action(node):
    """Runs @node's click/activate/toggle action; False if it has none."""
    try:
        action = node.queryAction()
    except Exception:
        return False
    for i in range(action.nActions):
        if action.getName(i) in ACTION_NAMES:
            action.doAction(i)
            time.sleep(0.25)
            return True
    return False


def click(node):
    if role(node) in ACTION_ROLES and do_action(node):
        return
    x, y = center(node)
    item = enclosing_list_item(node)
    try:
        unselected = item is not None and item.getState().contains(pyatspi.STATE_SELECTABLE) \
            and not item.getState().contains(pyatspi.STATE_SELECTED)
    except Exception:
        unselected = False
    xdotool("mousemove", "--sync", str(x), str(y))
    xdotool("click", "1")
    time.sleep(0.25)
    # GTK 4.18 reports the window coordinates of a row's parts some pixels
    # off, more the deeper they are (a sidebar row 15 px above where it is
    # drawn, measured in the Debian 13 root), so that the click can miss
    # the row: a row that was to be selected and is not is then selected
    # through its list, as a screen reader does.
    if unselected:
        try:
            if not item.getState().contains(pyatspi.STATE_SELECTED):
                item.parent.querySelection().selectChild(item.getIndexInParent())
                time.sleep(0.25)
        except Exception:
            pass


def xdotool(*args):
    subprocess.run(["xdotool"] + list(args), check=True)


def type_text(text):
    xdotool("type", "--delay", "8", "--clearmodifiers", text)


def key(*keys):
    xdotool("key", "--clearmodifiers", *keys)
    time.sleep(0.2)


def is_checked(node):
    return node.getState().contains(pyatspi.STATE_CHECKED)


def text_of(node):
    t = node.queryText()
    return t.getText(0, t.characterCount)


def sqlite(db, sql):
    out = subprocess.run(["sqlite3", "-batch", "-noheader", db, sql],
                         check=True, capture_output=True, text=True).stdout
    return out.strip()


def binary_path():
    path = os.environ.get("RAPPORT_BINARY")
    if not path and len(sys.argv) > 1:
        path = sys.argv[1]
    if not path or not os.path.exists(path):
        raise SystemExit("usage: test.py PATH-TO-RAPPORT (or RAPPORT_BINARY)")
    return path


def run_tests(tests):
    """Runs test functions (each taking (binary, tmpdir)) and prints TAP."""
    binary = binary_path()
    # RAPPORT_E2E_ONLY=name[,name] runs only those tests, for working on one.
    only = [n for n in os.environ.get("RAPPORT_E2E_ONLY", "").split(",") if n]
    if only:
        tests = [t for t in tests if t.__name__ in only]
    print("1..%d" % len(tests), flush=True)
    failed = 0
    for number, test in enumerate(tests, 1):
        with tempfile.TemporaryDirectory(prefix="rapport-e2e-") as tmp:
            try:
                test(binary, tmp)
                print("ok %d %s" % (number, test.__name__), flush=True)
            except Exception as exc:  # report and go on with the next test
                failed += 1
                for line in str(exc).splitlines() or [repr(exc)]:
                    print("# " + line, flush=True)
                print("not ok %d %s" % (number, test.__name__), flush=True)
    return 1 if failed else 0


# ------------------------------------------------------------------ #
# For the reliability suite: the command line, files on disk, and the
# window's save state, each with a timeout so that a hang fails.
# ------------------------------------------------------------------ #

SKIP_CODE = 77          # what meson reads as "skipped" (exitcode protocol)
SAVE_STATES = ("Saved", "Saving…", "Not saved")


def cli(binary, *args, timeout=60, env=None, memory_limit=None):
    """Runs the binary's command line with a timeout; a hang raises
    E2EError instead of blocking. Returns a CompletedProcess that also
    carries peak_rss_kb, the peak memory of that one process."""
    import resource
    import threading

    full_env = dict(os.environ)
    full_env["RAPPORT_NO_DAILY_BACKUP"] = "1"
    full_env.update(env or {})
    argv = [binary] + [str(a) for a in args]

    def limit():
        if memory_limit:
            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))

    proc = subprocess.Popen(argv, env=full_env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=limit)
    chunks = {"out": [], "err": []}

    def drain(stream, key):
        for block in iter(lambda: stream.read(65536), b""):
            chunks[key].append(block)

    readers = [threading.Thread(target=drain, args=(proc.stdout, "out"), daemon=True),
               threading.Thread(target=drain, args=(proc.stderr, "err"), daemon=True)]
    for reader in readers:
        reader.start()
    end = time.time() + timeout
    while True:
        # wait4 rather than wait: the child's own rusage, its peak memory.
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.time() > end:
            proc.kill()
            os.wait4(proc.pid, 0)
            proc.returncode = -9
            raise E2EError("rapport %s did not finish within %d s"
                           % (" ".join(str(a) for a in args), timeout))
        time.sleep(0.01)
    proc.returncode = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    for reader in readers:
        reader.join(10)
    proc.stdout.close()
    proc.stderr.close()
    result = subprocess.CompletedProcess(
        argv, proc.returncode,
        b"".join(chunks["out"]).decode("utf-8", "replace"),
        b"".join(chunks["err"]).decode("utf-8", "replace"))
    result.peak_rss_kb = usage.ru_maxrss
    return result


def cli_ok(binary, *args, timeout=60):
    proc = cli(binary, *args, timeout=timeout)
    if proc.returncode != 0:
        raise E2EError("rapport %s failed with %d: %s"
                       % (" ".join(str(a) for a in args), proc.returncode, proc.stderr))
    return proc


def sha256(path):
    import hashlib
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def integrity(db, quick=False):
    """SQLite's own verdict on the file, read with the sqlite3 tool."""
    proc = subprocess.run(["sqlite3", "-batch", "-noheader", db,
                           "PRAGMA %s" % ("quick_check" if quick else "integrity_check")],
                          capture_output=True, text=True, timeout=60)
    return (proc.stdout + proc.stderr).strip()


def folder_state(folder):
    """Every entry of @folder (hidden ones too) with its size and hash."""
    state = {}
    for entry in sorted(os.listdir(folder)):
        path = os.path.join(folder, entry)
        if os.path.isfile(path) and not os.path.islink(path):
            state[entry] = (os.path.getsize(path), sha256(path))
        else:
            state[entry] = ("link" if os.path.islink(path) else "other", None)
    return state


def uuid_for(kind, number):
    """A valid UUID whose first group says what it is: kind is 1-8 hex digits."""
    return "%08x-0000-4000-8000-%012x" % (int(kind, 16), number)


def stamp(when=None):
    """A timestamp in the export format's shape (UTC, milliseconds)."""
    import datetime
    when = when or datetime.datetime.now(datetime.timezone.utc)
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (when.microsecond // 1000)


def export_document(people=(), meetings=(), commitments=()):
    return {"format": "rapport-export", "version": 1,
            "exported_at": stamp(), "generator": "tests/e2e reliability",
            "people": list(people), "meetings": list(meetings),
            "commitments": list(commitments)}


def person_record(uuid, person_name, when="2025-01-03T09:00:00.000Z"):
    return {"uuid": uuid, "name": person_name, "role": "", "cadence_days": 14,
            "archived": False, "created_at": when, "updated_at": when}


def meeting_record(uuid, person_uuid, date, notes, updated="2025-01-10T09:00:00.000Z"):
    return {"uuid": uuid, "person": person_uuid, "date": date, "notes": notes,
            "created_at": "2025-01-01T09:00:00.000Z", "updated_at": updated,
            "checklist": []}


def write_export(path, document):
    import json
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False)


def weekly_team(binary, tmp, team):
    """A database in @tmp holding @team, imported with the CLI: one
    (name, days since their last 1:1, its notes) a person, met weekly."""
    import datetime
    db = os.path.join(tmp, "rapport.db")
    path = os.path.join(tmp, "team.json")
    today = datetime.date.today()
    people, meetings = [], []
    for i, (person, days_ago, notes) in enumerate(team, start=1):
        record = person_record(uuid_for("a", i), person, stamp())
        record["cadence_days"] = 7
        people.append(record)
        meetings.append(meeting_record(uuid_for("b", i), record["uuid"],
                                       (today - datetime.timedelta(days=days_ago)).isoformat(), notes))
    write_export(path, export_document(people=people, meetings=meetings))
    cli_ok(binary, "--database", db, "--import", path)
    return db


def label_shown(node, text):
    """A label saying @text that is on show under @node, or None."""
    return first(node, lambda n: name(n) == text and role(n) == "label" and is_visible(n))


def generated_export(path, kind, n_people, n_meetings, notes_bytes, rng):
    """A sizeable export of made-up people and meetings, every UUID starting
    with @kind so that a test can count what of it reached a database."""
    import datetime
    words = ("plan", "review", "budget", "roadmap", "hiring", "feedback", "café",
             "offsite", "release", "mentoring", "demo", "risk", "growth")
    people = [person_record(uuid_for(kind, i), "Generated Person %d" % i) for i in range(n_people)]
    start = datetime.date(2015, 1, 5)
    meetings = []
    for i in range(n_meetings):
        text = []
        size = 0
        while size < notes_bytes:
            w = rng.choice(words)
            text.append(w)
            size += len(w) + 1
        meetings.append(meeting_record(uuid_for(kind, 0x100000 + i), people[i % n_people]["uuid"],
                                       (start + datetime.timedelta(days=i // n_people * 7)).isoformat(),
                                       " ".join(text)))
    write_export(path, export_document(people, meetings))
    return n_people, n_meetings


def save_label(win):
    """The header's save state ("Saved", "Saving…", "Not saved")."""
    return wait_for(lambda: first(win, lambda n: role(n) == "label" and name(n) in SAVE_STATES
                                  and is_visible(n)), 10, "the save state in the header")


def wait_saved_after_change(label, timeout=15):
    """Waits for "Saved" after a change already in the editor: the state
    must first be seen as not saved, so that an old "Saved" is not taken
    for the new one. Returns True when that was seen, False when only
    "Saved" was ever read (the save was quicker than the polling)."""
    seen_pending = False
    end = time.time() + timeout
    while time.time() < end:
        state = name(label)
        if state != "Saved":
            seen_pending = True
        elif seen_pending:
            return True
        time.sleep(0.05)
    raise E2EError("the header never said 'Saved' within %d s (last: %r)" % (timeout, name(label)))


def visible_windows(app):
    """The app's top levels and dialogs that are on screen."""
    out = []
    for i in range(app.root.childCount):
        top = app.root.getChildAtIndex(i)
        try:
            states = top.getState()
            if states.contains(pyatspi.STATE_VISIBLE) or states.contains(pyatspi.STATE_SHOWING):
                out.append(top)
        except Exception:
            continue
    return out


def open_last_meeting(app, person_name):
    """Selects the person and opens their last meeting from the brief;
    returns the notes' text node."""
    win = app.window
    click(by_name(win, person_name, roles=("label",)))
    press(by_name(win, "Open Meeting", roles=("push button",)))
    notes = by_name(win, "Meeting notes", roles=("text",))
    wait_for(lambda: is_visible(notes), 10, "the meeting editor")
    return notes


def wait_for_accessibility(timeout=30):
    """Waits until the accessibility bus answers and its registry is up,
    asked with gdbus rather than through pyatspi: under
    G_DEBUG=fatal-criticals a query that reaches a registry still
    starting aborts the test."""
    import re
    end = time.time() + timeout
    last = ""
    while time.time() < end:
        got = subprocess.run(["gdbus", "call", "--session", "--dest", "org.a11y.Bus",
                              "--object-path", "/org/a11y/bus", "--method", "org.a11y.Bus.GetAddress"],
                             capture_output=True, text=True, timeout=10)
        found = re.match(r"^\('(.*)',\)$", got.stdout.strip())
        if found:
            ping = subprocess.run(["gdbus", "call", "--address", found.group(1),
                                   "--dest", "org.a11y.atspi.Registry",
                                   "--object-path", "/org/a11y/atspi/accessible/root",
                                   "--method", "org.freedesktop.DBus.Peer.Ping"],
                                  capture_output=True, text=True, timeout=10)
            if ping.returncode == 0:
                return
            last = ping.stderr.strip()
        else:
            last = got.stderr.strip() or got.stdout.strip()
        time.sleep(0.2)
    raise E2EError("the accessibility bus did not answer within %d s: %s" % (timeout, last))
