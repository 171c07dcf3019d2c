#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every source file with translatable strings is listed in po/POTFILES.in, and
every listed file exists, so `meson compile tally-pot` misses nothing. Prints TAP."""
import os
import re
import sys

root = sys.argv[1]
listed = set()
with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            listed.add(line)

marker = re.compile(r'(\b_\(|\bN_\(|\bngettext\s*\(|\bC_\(|translatable="yes")')
tracked = []
for base in ("src", "data"):
    for dirpath, _, names in os.walk(os.path.join(root, base)):
        tracked += [os.path.relpath(os.path.join(dirpath, n), root) for n in names]

results = []
for path in sorted(tracked):
    if not path.endswith((".c", ".h", ".ui", ".in", ".xml")):
        continue
    full = os.path.join(root, path)
    if not os.path.exists(full):
        continue
    with open(full, encoding="utf-8", errors="replace") as f:
        if marker.search(f.read()) and path.endswith((".c", ".h", ".ui")):
            results.append((f"{path} is in POTFILES.in", path in listed))
for path in sorted(listed):
    results.append((f"listed {path} exists", os.path.exists(os.path.join(root, path))))

print("TAP version 13")
print(f"1..{len(results)}")
for i, (name, ok) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} {name}")
sys.exit(0 if all(ok for _, ok in results) else 1)
