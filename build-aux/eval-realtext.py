#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scores tally-cli's claims against hand annotations of real reports.

Real text is kept outside the repository (someone else's words): by default in
../realtext beside the checkout, one folder per story holding NN.txt files and an
annotations.json written by hand before the extractor ran on them (format: see
the annotate.py beside it). Skips (exit 77) when the folder is absent.

  build-aux/sdk shell python3 build-aux/eval-realtext.py [--verbose] [--story=NAME …] [CLI] [REALTEXT]

--story=NAME (repeatable) scores only those story folders, so that a held-out
story can be kept unread while the rules are worked on. A folder whose
annotations.json says "held_out": true is scored only when --story names it.

Prints, per story, per language and overall: claims precision/recall (a claim
found = same kind and value, overlapping the annotated words; figures in a
title line are counted apart, as the engine reads the body), the share of found
claims whose unit and qualifier agree too, subject accuracy, measure accuracy
(exact and by head noun), modality accuracy, and dates: precision and recall of
the year and date claims alone. A story's language is annotations.json's
"language" (default "en"); `--language zh` scores only that language's stories.
"""
import json
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
top = os.path.dirname(here)
argv = sys.argv[1:]
only_language = None
if "--language" in argv:
    i = argv.index("--language")
    only_language = argv[i + 1] if i + 1 < len(argv) else None
    del argv[i:i + 2]
args = [a for a in argv if not a.startswith("--")]
verbose = "--verbose" in sys.argv
only = [a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--story=")]
cli = args[0] if len(args) > 0 else os.path.join(top, "_build", "src", "cli", "tally-cli")
realtext = args[1] if len(args) > 1 else os.path.join(os.path.dirname(top), "realtext")

if not os.path.isdir(realtext):
    print(f"SKIP: no real reports in {realtext}")
    sys.exit(77)


def locate(text, needle, start):
    pos = text.find(needle, start)
    return pos


def value_equal(ann, claim):
    if ann["value"] is None:
        return True
    v = claim.get("value")
    if isinstance(ann["value"], str):
        return v == ann["value"]
    if not isinstance(v, (int, float)):
        return False
    return abs(v - ann["value"]) <= 1e-9 * max(1.0, abs(ann["value"]))


def norm(s):
    return None if s is None else " ".join(s.lower().split())


def subject_ok(subject, accepted):
    """The subject is one of the accepted ones; an en dash and a hyphen are the
    same mark ("China–Russia", "China-Russia"); and a pair of countries as one
    subject ("China–Russia", as Tally writes two countries together in every
    language) is right where each of its two countries is accepted on its own
    (the annotations' rule: either country, or both together, is right)."""
    accepted = [None if x is None else norm(x).replace("\u2013", "-") for x in accepted]
    s = norm(subject)
    if s is None:
        return None in accepted
    s = s.replace("\u2013", "-")
    if s in accepted:
        return True
    parts = s.split("-")
    return len(parts) == 2 and all(p in accepted for p in parts)


def head(s):
    return None if s is None else norm(s).split(" ")[-1]


totals = dict(title=0, ann=0, ext=0, tp=0, full=0, subj_n=0, subj_ok=0, meas_n=0, meas_ok=0,
              meas_head=0, mod_n=0, mod_ok=0, date_ann=0, date_tp=0, date_ext=0)
DATE_KINDS = ("year", "date")


def score_story(folder):
    with open(os.path.join(folder, "annotations.json"), encoding="utf-8") as f:
        annotations = json.load(f)
    t = dict.fromkeys(totals, 0)
    for name, doc in sorted(annotations["documents"].items()):
        path = os.path.join(folder, name)
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        cmd = [cli, "analyze", "--format", "json"]
        if doc.get("published"):
            cmd += ["--reference-date", doc["published"]]
        out = subprocess.run(cmd + [path], capture_output=True, text=True, check=True).stdout
        claims = json.loads(out)["claims"]

        # Annotated spans, in document order.
        spans, pos = [], 0
        for a in doc["claims"]:
            p = locate(raw, a["text"], pos)
            if p < 0:
                sys.exit(f"{name}: annotated words “{a['text']}” not found after byte {pos}")
            spans.append((p, p + len(a["text"])))
            pos = p + 1
        # Extracted claims, placed in the raw text by their words, in order.
        placed, pos = [], max(raw.find("\n"), 0)
        for c in claims:
            p = locate(raw, c["text"], pos)
            placed.append((p, p + len(c["text"])) if p >= 0 else (-1, -1))
            if p >= 0:
                pos = p + 1

        # The first line is the title: the claim engine reads the body only
        # (a document's title is metadata), so its figures are counted apart.
        title_end = raw.find("\n")
        used = set()
        required = set()   # claims paired with a figure that is not optional
        for a, (s, e) in zip(doc["claims"], spans):
            if s < title_end:
                if not a["optional"]:
                    t["title"] += 1
                continue
            match = None
            for k, c in enumerate(claims):
                cs, ce = placed[k]
                if k in used or cs < 0 or ce <= s or cs >= e:
                    continue
                if c["kind"] == a["kind"] and value_equal(a, c):
                    match = k
                    break
            if not a["optional"] and a["kind"] in DATE_KINDS:
                t["date_ann"] += 1
            if match is None:
                if not a["optional"]:
                    t["ann"] += 1
                    if verbose:
                        print(f"  MISS {name}: {a['text']!r} {a['kind']} {a['value']}")
                continue
            used.add(match)
            c = claims[match]
            if a["optional"]:
                continue
            required.add(match)
            t["ann"] += 1
            t["tp"] += 1
            if a["kind"] in DATE_KINDS:
                t["date_tp"] += 1
            if c.get("unit") == a["unit"] and c.get("qualifier") == a["qualifier"]:
                t["full"] += 1
            elif verbose:
                print(f"  UNIT/QUAL {name}: {a['text']!r} got {c.get('unit')}/{c.get('qualifier')}"
                      f" want {a['unit']}/{a['qualifier']}")
            if a["subjects"] != "*":
                t["subj_n"] += 1
                ok = subject_ok(c.get("subject"), a["subjects"])
                t["subj_ok"] += ok
                if verbose and not ok:
                    print(f"  SUBJECT {name}: {a['text']!r} got {c.get('subject')!r} want {a['subjects']}")
            if a["measures"] != "*":
                t["meas_n"] += 1
                ok = norm(c.get("measure")) in [norm(x) for x in a["measures"]]
                okh = ok or head(c.get("measure")) in [head(x) for x in a["measures"]]
                t["meas_ok"] += ok
                t["meas_head"] += okh
                if verbose and not ok:
                    print(f"  MEASURE {name}: {a['text']!r} got {c.get('measure')!r} want {a['measures']}"
                          f"{' (head ok)' if okh else ''}")
            if a["kind"] not in ("year", "date", "ordinal"):
                t["mod_n"] += 1
                ok = c.get("modality") == a["modality"]
                t["mod_ok"] += ok
                if verbose and not ok:
                    print(f"  MODALITY {name}: {a['text']!r} got {c.get('modality')} want {a['modality']}")
        # Precision: an extracted claim is right when paired with an annotated
        # figure; one paired with, or lying over, optional words counts neither
        # way, unless a figure that is not optional took it (then it is a hit,
        # and counted as extracted: P never passes 1).
        paired_optional = set()
        for k in used - required:
            cs, ce = placed[k]
            for a, (s, e) in zip(doc["claims"], spans):
                if a["optional"] and not (ce <= s or cs >= e):
                    paired_optional.add(k)
        for k, c in enumerate(claims):
            cs, ce = placed[k]
            if k not in required and (k in paired_optional or any(a["optional"] and not (ce <= s or cs >= e)
                                                                for a, (s, e) in zip(doc["claims"], spans))):
                continue
            t["ext"] += 1
            if c["kind"] in DATE_KINDS:
                t["date_ext"] += 1
            if k not in used and verbose:
                print(f"  EXTRA {name}: {c['text']!r} {c['kind']} {c.get('value')}")
    return t


def ratio(a, b):
    return f"{a / b:.3f}" if b else "n/a"


def report(label, t):
    tp_ext = t["tp"]
    ext = t["ext"]
    print(f"{label}: claims P {ratio(tp_ext, ext)} R {ratio(t['tp'], t['ann'])} "
          f"({t['tp']} found of {t['ann']} annotated, {ext} extracted); "
          f"unit+qualifier right {ratio(t['full'], t['tp'])}; "
          f"subject {ratio(t['subj_ok'], t['subj_n'])} ({t['subj_ok']}/{t['subj_n']}); "
          f"measure {ratio(t['meas_ok'], t['meas_n'])} exact, {ratio(t['meas_head'], t['meas_n'])} by head "
          f"({t['meas_n']}); modality {ratio(t['mod_ok'], t['mod_n'])} ({t['mod_n']}); "
          f"{t['title']} figures of titles not read; with them R {ratio(t['tp'], t['ann'] + t['title'])}; "
          f"dates P {ratio(t['date_tp'], t['date_ext'])} R {ratio(t['date_tp'], t['date_ann'])} "
          f"({t['date_tp']} of {t['date_ann']})")


def claim_annotations(folder):
    """Whether folder holds claim annotations (other folders annotate events)."""
    path = os.path.join(folder, "annotations.json")
    if not os.path.isfile(path):
        return False
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    docs = data.get("documents") if isinstance(data, dict) else None
    return isinstance(docs, dict) and all(isinstance(d, dict) and "claims" in d for d in docs.values())


def held_out(folder):
    with open(os.path.join(folder, "annotations.json"), encoding="utf-8") as f:
        return bool(json.load(f).get("held_out"))


def story_language(folder):
    with open(os.path.join(folder, "annotations.json"), encoding="utf-8") as f:
        return json.load(f).get("language", "en")


stories = [d for d in sorted(os.listdir(realtext))
           if claim_annotations(os.path.join(realtext, d))
           and (d in only or (not only and not held_out(os.path.join(realtext, d))))]
if only_language is not None:
    stories = [d for d in stories if story_language(os.path.join(realtext, d)) == only_language]
if not stories:
    print(f"SKIP: no annotations.json under {realtext}")
    sys.exit(77)
per_language = {}
for story in stories:
    if verbose:
        print(f"{story}:")
    t = score_story(os.path.join(realtext, story))
    report(story, t)
    lang = story_language(os.path.join(realtext, story))
    per_language.setdefault(lang, dict.fromkeys(totals, 0))
    for k in totals:
        totals[k] += t[k]
        per_language[lang][k] += t[k]
if len(per_language) > 1:
    for lang in sorted(per_language):
        report(f"language {lang}", per_language[lang])
if len(stories) > 1:
    report("all", totals)
