#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The two keyboard-shortcut files list the same shortcuts (issue 19): the
AdwShortcutsDialog that libadwaita >= 1.8 builds show (src/ui/shortcuts-dialog.ui)
and the GtkShortcutsWindow of 1.5-1.7 builds (src/ui/gtk/help-overlay.ui): the
same sections in the same order, each with the same titles (and translation
context) and the same action or accelerator. Prints TAP."""
import os
import sys
import xml.etree.ElementTree as ET

root = sys.argv[1]
ui = os.path.join(root, "src", "ui")


def props(obj):
    return {p.get("name"): (p.text, p.get("context"), p.get("translatable")) for p in obj.findall("property")}


def entries(path, group_class, item_class):
    tree = ET.parse(path)
    out = []
    for group in tree.getroot().iter("object"):
        if group.get("class") != group_class:
            continue
        items = []
        for child in group.findall("child"):
            obj = child.find("object")
            if obj is None or obj.get("class") != item_class:
                continue
            p = props(obj)
            items.append((p.get("title"), p.get("action-name", (None,))[0], p.get("accelerator", (None,))[0]))
        out.append((props(group).get("title"), items))
    return tree, out


old_tree, old = entries(os.path.join(ui, "gtk", "help-overlay.ui"), "GtkShortcutsGroup", "GtkShortcutsShortcut")
new_tree, new = entries(os.path.join(ui, "shortcuts-dialog.ui"), "AdwShortcutsSection", "AdwShortcutsItem")
dialog = new_tree.getroot().find("object")
results = [
    ("shortcuts-dialog.ui defines an AdwShortcutsDialog with the id shortcuts_dialog",
     dialog is not None and dialog.get("class") == "AdwShortcutsDialog" and dialog.get("id") == "shortcuts_dialog"),
    ("help-overlay.ui defines the GtkShortcutsWindow help_overlay",
     old_tree.getroot().find("object").get("id") == "help_overlay"),
    (f"the same sections ({len(old)})", [g for g, _ in old] == [g for g, _ in new]),
]
for (group, old_items), (_, new_items) in zip(old, new):
    results.append((f"section {group[0]!r}: the same {len(old_items)} shortcuts", old_items == new_items))
every = [i for _, items in new for i in items]
results.append(("every shortcut has a title and an action or accelerator",
                all(t and t[0] and (a or k) for t, a, k in every)))
results.append(("the shortcuts list opens with app.shortcuts (the action both builds have)",
                any(a == "app.shortcuts" for _, a, _ in every)))

print("TAP version 13")
print(f"1..{len(results)}")
for n, (name, ok) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {n} {name}")
sys.exit(0 if all(ok for _, ok in results) else 1)
