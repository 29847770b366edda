# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real rapport binary over AT-SPI, the way a screen reader does.

Run with Debian's /usr/bin/python3 (python3-pyatspi) inside a D-Bus session
with an accessibility bus and an X display; build-aux/test.sh provides both.
Push buttons are pressed through their AT-SPI action; check boxes and text
are driven with xdotool at the control's on-screen extents, as a person
would.
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


def role(node):
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
                return app
        except Exception:
            continue
    return None


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
    return wait_for(lambda: first(root, pred), 10, "%r %s" % (wanted, roles or ""))


def press(node):
    """Push buttons expose a 'click' action."""
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


def center(node):
    ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    if ext.width <= 0 or ext.height <= 0:
        raise E2EError("%r has no extents on screen" % name(node))
    ox, oy = toplevel_origin(node)
    return ox + ext.x + ext.width // 2, oy + ext.y + ext.height // 2


def click(node):
    x, y = center(node)
    xdotool("mousemove", "--sync", str(x), str(y))
    xdotool("click", "1")
    time.sleep(0.25)


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
