#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up budget: time from exec to a mapped window, Rapport on the decade
data set against an empty libadwaita window, started the same way.

usage: bench-startup.py RAPPORT EMPTY-WINDOW MAKE-DECADE [RUNS]
Needs DISPLAY. Prints the medians and their ratio; exits 1 over budget.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

BUDGET = 1.3


def time_to_window(cmd, env):
    start = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            out = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(proc.pid)],
                                 capture_output=True, text=True).stdout.split()
            if out:
                return time.monotonic() - start
            if proc.poll() is not None:
                raise SystemExit("%s exited before showing a window" % cmd[0])
            if time.monotonic() - start > 30:
                raise SystemExit("%s showed no window in 30 s" % cmd[0])
            time.sleep(0.002)
    finally:
        proc.kill()
        proc.wait()


def main():
    rapport, empty, make_decade = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 9
    env = dict(os.environ, GTK_A11Y="none", GSETTINGS_BACKEND="memory")
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "decade.db")
        print(subprocess.run([make_decade, db], check=True, capture_output=True, text=True).stdout.strip())
        print("database: %.1f MB" % (os.path.getsize(db) / 1e6))
        # One warm-up each so both read from the page cache.
        time_to_window([empty], env)
        time_to_window([rapport, "--database", db], env)
        base, ours = [], []
        for _ in range(runs):
            base.append(time_to_window([empty], env))
            ours.append(time_to_window([rapport, "--database", db], env))
    b, o = statistics.median(base), statistics.median(ours)
    print("empty window: median %.1f ms (min %.1f, max %.1f)" % (b * 1e3, min(base) * 1e3, max(base) * 1e3))
    print("rapport, decade: median %.1f ms (min %.1f, max %.1f)" % (o * 1e3, min(ours) * 1e3, max(ours) * 1e3))
    print("ratio %.2f (budget %.1f)" % (o / b, BUDGET))
    return 0 if o / b <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
