#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest (which cannot be built here) and that installing
into a /app prefix produces every file Flatpak exports. Prints TAP."""
import json
import os
import subprocess
import sys
import tempfile

source_root = sys.argv[1]
app_id = "io.github.tallyapp.Tally"
results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


manifest_path = os.path.join(source_root, "build-aux", "flatpak", app_id + ".json")
with open(manifest_path, encoding="utf-8") as f:
    manifest = json.load(f)

check("manifest app id", manifest.get("id") == app_id, manifest.get("id"))
check("manifest command", manifest.get("command") == "tally", manifest.get("command"))
check("runtime GNOME 49", manifest.get("runtime") == "org.gnome.Platform"
      and manifest.get("sdk") == "org.gnome.Sdk" and str(manifest.get("runtime-version")) == "49")
args = manifest.get("finish-args", [])
check("finish-args wayland/x11/ipc/dri",
      {"--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--device=dri"} <= set(args), args)
check("no broad filesystem access", not any(a.startswith("--filesystem") for a in args), args)
check("no network access", "--share=network" not in args, args)
check("last module is tally with meson",
      manifest["modules"][-1].get("name") == "tally" and manifest["modules"][-1].get("buildsystem") == "meson")

with tempfile.TemporaryDirectory() as build:
    subprocess.run(["meson", "setup", "--prefix=/app", build, source_root],
                   check=True, stdout=subprocess.DEVNULL)
    out = subprocess.run(["meson", "introspect", "--installed", build],
                         check=True, capture_output=True, text=True).stdout
    installed = set(json.loads(out).values())

expected = [
    "/app/bin/tally",
    "/app/bin/tally-cli",
    f"/app/share/applications/{app_id}.desktop",
    f"/app/share/metainfo/{app_id}.metainfo.xml",
    f"/app/share/icons/hicolor/scalable/apps/{app_id}.svg",
    f"/app/share/icons/hicolor/symbolic/apps/{app_id}-symbolic.svg",
    f"/app/share/glib-2.0/schemas/{app_id}.gschema.xml",
]
for path in expected:
    check("installs " + path, path in installed)

print("TAP version 13")
print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} {name}" + ("" if ok else f" # got {detail}"))
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
