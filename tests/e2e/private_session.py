# SPDX-License-Identifier: GPL-3.0-or-later
"""A private D-Bus session for a test, as a desktop session would have it:
a bus whose service folder holds Rapport's D-Bus service file (aimed at the
binary under test, so the bus starts Rapport on demand) and an
accessibility bus on it. Import this module before pyatspi or harness, so
that both talk to this session; start() sets DBUS_SESSION_BUS_ADDRESS.

Calls are made with `gdbus call`, as a person would try them; what it
prints is read back with GLib's own GVariant parser."""

import atexit
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

BUS_NAME = "io.github.rapport.Rapport"
APP_PATH = "/io/github/rapport/Rapport"


def binary():
    path = os.environ.get("RAPPORT_BINARY") or (sys.argv[1] if len(sys.argv) > 1 else "")
    if not os.path.exists(path):
        raise SystemExit("usage: %s PATH-TO-RAPPORT (or RAPPORT_BINARY)" % os.path.basename(sys.argv[0]))
    return os.path.abspath(path)


# The build's data folder: the configured service file, .ini and schemas.
BUILD_DATA = os.path.join(os.path.dirname(os.path.dirname(binary())), "data")
FOLDER = tempfile.mkdtemp(prefix="rapport-session-")
atexit.register(shutil.rmtree, FOLDER, True)
BUS_LOG = os.path.join(FOLDER, "bus.log")


def service_file(exec_line):
    """The built service file, with its Exec line replaced."""
    with open(os.path.join(BUILD_DATA, BUS_NAME + ".service")) as f:
        lines = f.read().splitlines()
    return "\n".join(exec_line if l.startswith("Exec=") else l for l in lines) + "\n"


def start(extra_env=None):
    """Starts the bus and the accessibility bus; both end with the test.
    @extra_env: environment for what the bus starts (Rapport)."""
    services = os.path.join(FOLDER, "services")
    os.makedirs(services)
    with open(os.path.join(services, BUS_NAME + ".service"), "w") as f:
        f.write(service_file("Exec=%s --gapplication-service" % binary()))
    conf = os.path.join(FOLDER, "session.conf")
    with open(conf, "w") as f:
        f.write("""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=%s</listen>
  <servicedir>%s</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
""" % (FOLDER, services))
    env = dict(os.environ)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("NO_AT_BRIDGE", None)
    # The accessibility bus puts its socket under the runtime folder, named
    # for the display only: a launcher of our own on the display of the
    # surrounding test run would take that socket and, when it ends, remove
    # it from under every other test on the display.
    runtime = os.path.join(FOLDER, "runtime")
    os.makedirs(runtime, mode=0o700)
    env.update({"GTK_A11Y": "atspi", "GSETTINGS_BACKEND": "keyfile",
                "RAPPORT_NO_DAILY_BACKUP": "1", "XDG_RUNTIME_DIR": runtime})
    env.update(extra_env or {})
    log_file = open(BUS_LOG, "w")
    started = []

    def stop():
        for proc in started:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            proc.wait()
    # Registered first: whatever fails below, nothing is left running.
    atexit.register(stop)
    bus = subprocess.Popen(["dbus-daemon", "--nofork", "--print-address=1", "--config-file", conf],
                           stdout=subprocess.PIPE, stderr=log_file, env=env, text=True,
                           start_new_session=True)
    started.append(bus)
    address = bus.stdout.readline().strip()
    if not address:
        raise SystemExit("dbus-daemon did not start")
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    # Apart from the surrounding run's accessibility bus: besides its own
    # runtime folder (above), without DISPLAY, since on X11 the launcher
    # would also write its address on the root window, where later clients
    # on that display would find it gone with this session. Its address
    # reaches Rapport and pyatspi as AT_SPI_BUS_ADDRESS, which both read
    # first.
    a11y_env = dict(env)
    a11y_env.pop("DISPLAY", None)
    a11y = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                            env=a11y_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    started.insert(0, a11y)
    a11y_address = None
    for _ in range(100):
        proc = subprocess.run(["gdbus", "call", "--session", "--dest", "org.a11y.Bus",
                               "--object-path", "/org/a11y/bus", "--method",
                               "org.a11y.Bus.GetAddress"], capture_output=True, text=True)
        if proc.returncode == 0:
            a11y_address = gvariant(proc.stdout.strip())[0]
            break
        time.sleep(0.1)
    if not a11y_address:
        raise SystemExit("the accessibility bus did not start")
    os.environ["AT_SPI_BUS_ADDRESS"] = a11y_address
    return started


def add_process(started, proc):
    """Something else of the test's own to end with the session."""
    started.insert(0, proc)


TRANSCRIPT = []


def gdbus(dest, path, method, *args, timeout=25, record=True):
    """`gdbus call`; its output, and the time it took in ms. A failed call
    raises AssertionError with gdbus's message."""
    argv = ["gdbus", "call", "--session", "--dest", dest, "--object-path", path,
            "--method", method, "--timeout", str(timeout)] + list(args)
    start_time = time.monotonic()
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout + 5)
    ms = (time.monotonic() - start_time) * 1000
    if record:
        shown = " ".join(a if a.replace("-", "").replace(".", "").replace("/", "").replace("_", "").isalnum()
                         else "'%s'" % a for a in argv)
        TRANSCRIPT.append("$ %s\n%s" % (shown, (proc.stdout or proc.stderr).strip()))
    if proc.returncode != 0:
        raise AssertionError("%s failed: %s" % (method, proc.stderr.strip()))
    return proc.stdout.strip(), ms


def gvariant(text):
    """What gdbus printed (GVariant text with types), as Python values."""
    from gi.repository import GLib
    return GLib.Variant.parse(None, text, None, None).unpack()


def owner(name):
    """The process that owns @name on the bus, or None."""
    proc = subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                           "--object-path", "/org/freedesktop/DBus", "--method",
                           "org.freedesktop.DBus.GetConnectionUnixProcessID", name],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        return None
    return gvariant(proc.stdout.strip())[0]


def set_activation_env(tmp, **extra):
    """What Rapport started by the bus runs with: data and settings in
    @tmp, the test's display, locale and zone."""
    env = {"XDG_DATA_HOME": os.path.join(tmp, "data"),
           "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
           "GSETTINGS_SCHEMA_DIR": os.environ.get("GSETTINGS_SCHEMA_DIR", BUILD_DATA),
           "DISPLAY": os.environ.get("DISPLAY", ""),
           "LC_ALL": os.environ.get("LC_ALL", "C.UTF-8"),
           "TZ": os.environ.get("TZ", "UTC"),
           "AT_SPI_BUS_ADDRESS": os.environ.get("AT_SPI_BUS_ADDRESS", "")}
    env.update(extra)
    gdbus("org.freedesktop.DBus", "/org/freedesktop/DBus",
          "org.freedesktop.DBus.UpdateActivationEnvironment",
          json.dumps(env).replace('"', "'"), record=False)
    return env


def settings_env(tmp):
    """The environment `gsettings` needs to read and write what Rapport
    started with set_activation_env(@tmp) reads (the keyfile backend)."""
    env = dict(os.environ)
    env.update({"XDG_CONFIG_HOME": os.path.join(tmp, "config"), "GSETTINGS_BACKEND": "keyfile",
                "GSETTINGS_SCHEMA_DIR": os.environ.get("GSETTINGS_SCHEMA_DIR", BUILD_DATA)})
    return env


def gsettings(tmp, *args):
    return subprocess.run(["gsettings"] + list(args), env=settings_env(tmp), check=True,
                          capture_output=True, text=True).stdout.strip()


def start_rapport(timeout=20):
    """Starts Rapport as the desktop would from its icon (the bus starts
    the service, then it is activated); returns its pid."""
    gdbus(BUS_NAME, APP_PATH, "org.freedesktop.Application.Activate", "{}", record=False)
    end = time.time() + timeout
    while time.time() < end:
        pid = owner(BUS_NAME)
        if pid is not None:
            return pid
        time.sleep(0.1)
    raise AssertionError("Rapport did not start")


def running(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


def wait_gone(pid, timeout):
    end = time.time() + timeout
    while time.time() < end:
        if not running(pid):
            return True
        time.sleep(0.1)
    return False


def stop_rapport(timeout=30):
    """Quits the instance the bus started (its Quit action, as Ctrl+Q) and
    waits for it to end."""
    pid = owner(BUS_NAME)
    if pid is None:
        return
    subprocess.run(["gdbus", "call", "--session", "--dest", BUS_NAME, "--object-path", APP_PATH,
                    "--method", "org.gtk.Actions.Activate", "quit", "[]", "{}"], capture_output=True)
    if not wait_gone(pid, timeout):
        os.kill(pid, signal.SIGKILL)
        raise AssertionError("Rapport did not quit")


def check_log_clean():
    """What Rapport started by the bus wrote goes to the bus's log."""
    with open(BUS_LOG) as f:
        bad = [l for l in f.read().splitlines()
               if "CRITICAL" in l or ("WARNING" in l and "rapport" in l.lower())]
    if bad:
        raise AssertionError("criticals or warnings from Rapport:\n" + "\n".join(bad))


def write_transcript():
    out = os.environ.get("RAPPORT_GDBUS_TRANSCRIPT")
    if out:
        with open(out, "a") as f:
            f.write("\n".join(TRANSCRIPT) + "\n")
