#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The .tally MIME type (issue 19): the built shared-mime-info file compiles
with update-mime-database, GIO then names a .tally file (and only it)
application/x-tally-project, the desktop file lists the type, and the icon
the type names is installed.

check-mime.py MIME_XML DESKTOP_FILE SOURCE_ROOT
"""
import configparser
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

mime_xml, desktop_file, root = sys.argv[1:4]
NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
TYPE = "application/x-tally-project"
results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def content_type(path, env):
    out = subprocess.run(["gio", "info", "-a", "standard::content-type", path],
                         env=env, capture_output=True, text=True)
    for line in out.stdout.splitlines():
        line = line.strip()
        if line.startswith("standard::content-type:"):
            return line.partition(": ")[2].strip()
    return out.stderr.strip()


with tempfile.TemporaryDirectory() as tmp:
    packages = os.path.join(tmp, "mime", "packages")
    os.makedirs(packages)
    with open(mime_xml, "rb") as src, open(os.path.join(packages, os.path.basename(mime_xml)), "wb") as dst:
        dst.write(src.read())
    run = subprocess.run(["update-mime-database", "-V", os.path.join(tmp, "mime")],
                         capture_output=True, text=True)
    check("update-mime-database compiles the type", run.returncode == 0 and "Error" not in run.stderr,
          run.stderr.strip())

    env = dict(os.environ, XDG_DATA_HOME=tmp, XDG_DATA_DIRS="/usr/local/share:/usr/share")
    # A real project starts with SQLite's header, like any database.
    header = b"SQLite format 3\0" + bytes(84)
    project = os.path.join(tmp, "coverage.tally")
    other = os.path.join(tmp, "coverage.db")
    for path in (project, other):
        with open(path, "wb") as f:
            f.write(header)
    got = content_type(project, env)
    check("a .tally file is " + TYPE, got == TYPE, got)
    got = content_type(other, env)
    check("another SQLite file is not", got != TYPE, got)

tree = ET.parse(mime_xml)
mime_type = tree.getroot().find(NS + "mime-type")
check("one type, " + TYPE, mime_type is not None and mime_type.get("type") == TYPE)
icon = mime_type.find(NS + "icon").get("name") if mime_type is not None and mime_type.find(NS + "icon") is not None else None
check("the type names its icon", icon is not None)
icon_path = os.path.join(root, "data", "icons", "hicolor", "scalable", "mimetypes", f"{icon}.svg")
check("the icon exists in data/icons (mimetypes)", icon is not None and os.path.isfile(icon_path), icon_path)
check("the icon is exported by Flatpak (named after the app id)",
      icon is not None and icon.startswith("io.github.tallyapp.Tally"))
meson = open(os.path.join(root, "data", "meson.build"), encoding="utf-8").read()
check("the icon is installed", f"{icon}.svg" in meson)

desktop = configparser.RawConfigParser(interpolation=None)
desktop.optionxform = str
desktop.read(desktop_file, encoding="utf-8")
types = desktop.get("Desktop Entry", "MimeType", fallback="").split(";")
check("the desktop file lists " + TYPE, TYPE in types, ";".join(types))

print("TAP version 13")
print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} {name}")
    if not ok and detail:
        print(f"# {detail}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
