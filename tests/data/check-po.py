#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every translation in po/LINGUAS is complete for the strings the sources
hold now: xgettext extracts them from po/POTFILES.in (the options of meson's
glib preset plus po/meson.build's), and each po file must pass `msgfmt
--check` and translate every one of them, none fuzzy. A failure lists the
msgids to translate. Prints TAP."""
import os
import re
import subprocess
import sys
import tempfile

root = sys.argv[1]
po_dir = os.path.join(root, "po")

# meson's i18n.gettext(preset: 'glib') options, and the args po/meson.build adds.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
]
with open(os.path.join(po_dir, "meson.build"), encoding="utf-8") as f:
    XGETTEXT_ARGS += re.findall(r"'(--(?:keyword|flag)=[^']*)'", f.read())


def entries(path):
    """(msgctxt, msgid) -> (translated, fuzzy) for every live entry of a po/pot file."""
    result = {}
    cur = {}
    key = None

    def flush():
        if "msgid" in cur and cur["msgid"] != "":
            strs = [v for k, v in cur.items() if k.startswith("msgstr")]
            result[(cur.get("msgctxt"), cur["msgid"])] = (
                bool(strs) and all(s != "" for s in strs), "fuzzy" in cur.get("flags", ""))

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                cur, key = {}, None
                continue
            if line.startswith("#~"):
                continue
            if line.startswith("#,"):
                cur["flags"] = cur.get("flags", "") + line[2:]
                continue
            if line.startswith("#"):
                continue
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$', line)
            if m:
                key = m.group(1)
                cur[key] = eval(m.group(2))
            elif line.startswith('"') and key:
                cur[key] += eval(line)
    flush()
    return result


def show(key):
    ctx, msgid = key
    return (f"[{ctx}] " if ctx else "") + repr(msgid)


with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
    languages = [w for line in f if not line.startswith("#") for w in line.split()]

results = []
with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "tally.pot")
    run = subprocess.run(["xgettext", "--package-name=tally", f"--directory={root}",
                          f"--files-from={os.path.join(po_dir, 'POTFILES.in')}", f"--output={pot}",
                          *XGETTEXT_ARGS], capture_output=True, text=True)
    results.append(("xgettext extracts the strings of po/POTFILES.in", run.returncode == 0, run.stderr))
    wanted = entries(pot) if run.returncode == 0 else {}
    results.append(("the sources hold translatable strings", len(wanted) > 100, f"{len(wanted)} found"))
    for lang in languages:
        po = os.path.join(po_dir, f"{lang}.po")
        check = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po],
                               capture_output=True, text=True)
        results.append((f"msgfmt --check {lang}.po", check.returncode == 0, check.stderr))
        have = entries(po)
        missing = [k for k in wanted if k not in have]
        untranslated = [k for k in wanted if k in have and not have[k][0]]
        fuzzy = [k for k in wanted if k in have and have[k][1]]
        for what, keys in (("missing from", missing), ("untranslated in", untranslated), ("fuzzy in", fuzzy)):
            detail = "\n".join(show(k) for k in keys)
            results.append((f"no msgid {what} {lang}.po ({len(keys)})", not keys, detail))

print("TAP version 13")
print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} {name}")
    if not ok and detail:
        for line in detail.strip().splitlines():
            print(f"#   {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
