#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in notification server for tests: owns org.freedesktop.Notifications
on the session bus (the service GLib's GNotification falls back to when
neither the portal nor org.gtk.Notifications is there, as on a test bus),
writes every Notify as one JSON line to the file given, and offers
io.github.rapport.Test.Notifications.Invoke(id, action), which emits
ActionInvoked and NotificationClosed as a notification server does when a
person clicks a notification.

    fake_notifications.py LOG"""

import json
import sys

from gi.repository import Gio, GLib

XML = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
  </interface>
  <interface name="io.github.rapport.Test.Notifications">
    <method name="Invoke"><arg type="u" direction="in"/><arg type="s" direction="in"/></method>
  </interface>
</node>
"""
PATH = "/org/freedesktop/Notifications"

log_path = sys.argv[1]
next_id = [0]
connection = Gio.bus_get_sync(Gio.BusType.SESSION, None)


def record(entry):
    with open(log_path, "a", encoding="utf-8") as f:
        f.write(json.dumps(entry, ensure_ascii=False) + "\n")


def on_call(conn, sender, path, interface, method, params, invocation):
    if method == "Notify":
        app_name, replaces, icon, summary, body, actions, hints, timeout = params.unpack()
        if replaces:
            notify_id = replaces
        else:
            next_id[0] += 1
            notify_id = next_id[0]
        record({"method": "Notify", "id": notify_id, "replaces": replaces, "summary": summary,
                "body": body, "actions": actions, "hints": {k: str(v) for k, v in hints.items()}})
        invocation.return_value(GLib.Variant("(u)", (notify_id,)))
    elif method == "CloseNotification":
        record({"method": "CloseNotification", "id": params.unpack()[0]})
        invocation.return_value(None)
    elif method == "GetCapabilities":
        invocation.return_value(GLib.Variant("(as)", (["actions", "body"],)))
    elif method == "GetServerInformation":
        invocation.return_value(GLib.Variant("(ssss)", ("stand-in", "rapport tests", "1", "1.2")))
    elif method == "Invoke":
        notify_id, action = params.unpack()
        conn.emit_signal(None, PATH, "org.freedesktop.Notifications", "ActionInvoked",
                         GLib.Variant("(us)", (notify_id, action)))
        conn.emit_signal(None, PATH, "org.freedesktop.Notifications", "NotificationClosed",
                         GLib.Variant("(uu)", (notify_id, 2)))
        invocation.return_value(None)


node = Gio.DBusNodeInfo.new_for_xml(XML)
for info in node.interfaces:
    connection.register_object(PATH, info, on_call, None, None)


def on_name(conn, name):
    print("ready", flush=True)


Gio.bus_own_name_on_connection(connection, "org.freedesktop.Notifications",
                               Gio.BusNameOwnerFlags.NONE, on_name, None)
GLib.MainLoop().run()
