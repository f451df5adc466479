#!/usr/bin/python3
"""A stand-in for a screen reader: reads an application's accessibility tree from outside,
over the AT-SPI bus, with pyatspi (the library Orca is built on), and listens to the events
Orca listens to. Used by tests/a11y_bus.rs, which drives the app with xdotool and asks this
script what a screen reader would now know.

Protocol: one JSON command per line on stdin, one JSON answer per line on stdout.
  {"cmd": "wait_app", "name": "mailsetup", "secs": 20}   -> {"ok": true} once the app is on the bus
  {"cmd": "tree", "full": false}                        -> {"ok": true, "nodes": [...]} every node
  {"cmd": "focused"}                                     -> {"ok": true, "node": {...} or null}
                      (the source of the last focus event, if it still has the focused state)
  {"cmd": "events"}                                      -> {"ok": true, "events": [...]} since last call
Each node: role, name, description, states, interfaces, attributes, and for nodes with the
Text interface their whole text (what a reader would speak or show in braille).
Events are collected by the GLib main loop between commands (focus, name changes, text
changes, announcements of live regions).
"""

import json
import sys
import time

import pyatspi
from gi.repository import Atspi, GLib

APP = None
EVENTS = []
# The accessible the last focus event named (how Orca follows the focus).
FOCUS = None
LISTENED = [
    "object:state-changed:focused",
    "object:property-change:accessible-name",
    "object:text-changed",
    "object:announcement",
]


def describe(acc, full=True):
    """What a screen reader can learn about one accessible (role, name and states only
    unless `full`)."""
    node = {}
    try:
        node["role"] = acc.getRoleName()
        node["name"] = acc.name or ""
        node["states"] = sorted(
            pyatspi.stateToString(s) for s in acc.getState().getStates()
        )
        if not full:
            return node
        node["description"] = acc.description or ""
        node["interfaces"] = sorted(pyatspi.listInterfaces(acc))
        try:
            node["attributes"] = acc.getAttributes() or []
        except Exception:  # noqa: BLE001 - not every node has attributes
            node["attributes"] = []
        if "Text" in node["interfaces"]:
            text = acc.queryText()
            node["text"] = text.getText(0, -1) or ""
        try:
            action = acc.queryAction()
            node["actions"] = [action.getName(i) for i in range(action.nActions)]
        except NotImplementedError:
            node["actions"] = []
    except Exception as e:  # noqa: BLE001 - a node may vanish while we read it
        node["error"] = str(e)
    return node


def walk(acc, depth, out, full):
    node = describe(acc, full)
    node["depth"] = depth
    out.append(node)
    try:
        count = acc.childCount
    except Exception:  # noqa: BLE001
        return
    for i in range(count):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:  # noqa: BLE001
            continue
        if child is not None:
            walk(child, depth + 1, out, full)


def find_app(name):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == name:
            # Ask the app every time: a cached name or state could hide a change.
            app.set_cache_mask(Atspi.Cache.NONE)
            return app
    return None


def on_event(event):
    global FOCUS
    source = event.source
    if event.type.startswith("object:state-changed:focused") and event.detail1 == 1:
        FOCUS = source
    try:
        role = source.getRoleName()
        name = source.name or ""
    except Exception:  # noqa: BLE001
        role, name = "", ""
    data = event.any_data
    EVENTS.append(
        {
            "type": event.type,
            "role": role,
            "name": name,
            "detail1": event.detail1,
            "data": data if isinstance(data, str) else "",
        }
    )


def answer(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def run(cmd):
    global APP, EVENTS
    what = cmd.get("cmd")
    if what == "wait_app":
        end = time.monotonic() + cmd.get("secs", 20)
        while time.monotonic() < end:
            APP = find_app(cmd["name"])
            if APP is not None and APP.childCount > 0:
                return {"ok": True}
            time.sleep(0.2)
        names = []
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            c = desktop.getChildAtIndex(i)
            names.append(c.name if c is not None else None)
        return {"ok": False, "error": "no application named %r; on the bus: %r" % (cmd["name"], names)}
    if APP is None:
        return {"ok": False, "error": "wait_app first"}
    if what == "tree":
        nodes = []
        walk(APP, 0, nodes, cmd.get("full", True))
        return {"ok": True, "nodes": nodes}
    if what == "focused":
        # The source of the last focus event, read now: it must still say it is focused.
        if FOCUS is None:
            return {"ok": True, "node": None}
        node = describe(FOCUS)
        if "focused" not in node.get("states", []):
            return {"ok": True, "node": None, "stale": node}
        return {"ok": True, "node": node}
    if what == "events":
        out, EVENTS = EVENTS, []
        return {"ok": True, "events": out}
    return {"ok": False, "error": "unknown command %r" % what}


def on_stdin(source, condition):
    line = sys.stdin.readline()
    if not line:
        pyatspi.Registry.stop()
        return False
    try:
        reply = run(json.loads(line))
    except Exception as e:  # noqa: BLE001 - report, keep serving
        reply = {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
    answer(reply)
    return True


def main():
    for kind in LISTENED:
        pyatspi.Registry.registerEventListener(on_event, kind)
    GLib.io_add_watch(sys.stdin, GLib.IO_IN | GLib.IO_HUP, on_stdin)
    answer({"ok": True, "ready": True})
    pyatspi.Registry.start()


if __name__ == "__main__":
    main()
