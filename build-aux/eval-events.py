#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Event recall and precision on real reports annotated by hand.

Reads every <story>/annotations.json under the real-text folder (default
../realtext beside the checkout's parent, i.e. /work/realtext) that has an
"events" list, runs `tally-cli analyze --format json` on the story's .txt
files (copied into _build/eval-events/ so the build environment sees them) and
compares, report by report, the events the finder places on the timeline with
the events annotated BEFORE the finder ran.

An annotation: {"file", "kind", "what", "date": [first, last] or null, "place"}.
A found event belongs to a report when one of its mentions is in that report;
its date for that report is the alternative the report gives (else the
event's date). A found event matches an annotation of the same report when
their kinds are in the same group and their dates overlap without the found
one being much vaguer (its span at most the annotated span + 7 days, or the
annotation is a year or more). Annotations without a date (the report gives
no year) cannot be placed on a timeline: they are counted apart.

Reports in several languages (annotations.json's "languages": file → BCP 47
tag): recall and precision per language too; with "event" ids on the
annotations (one id for the same real event in every report), merges across
languages: of the pairs of annotations of one event in two languages that are
both matched, how many were matched by one found event (merged), and how many
found events join reports of two languages on annotations of different
events (wrong merges).

Prints recall, precision and place agreement per story and overall. Skips
(exit 0) when the folder or the CLI is absent. The text never enters the
repository: only this script does.
"""
import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys

KIND_GROUPS = [
    {"summit", "meeting", "talks", "conference", "forum"},
    {"visit"},
    {"agreement", "treaty", "declaration", "memorandum"},
    {"launch", "opening", "start"},
    {"completion"},
    {"election", "vote"},
    {"briefing"},
    {"hearing", "ruling"},
    {"release", "plan"},
    {"anchor", "years"},
    {"incident"},
    {"pledge"},
]


def group(kind):
    for i, g in enumerate(KIND_GROUPS):
        if kind in g:
            return i
    return -1


def day(iso):
    return datetime.date.fromisoformat(iso)


def span(date, date_end):
    """First and last day of an ISO date or range ("2024", "2024-03", "2024-03-26")."""
    def first_last(s):
        parts = s.split("-")
        y = int(parts[0])
        if len(parts) == 1:
            return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
        m = int(parts[1])
        if len(parts) == 2:
            nxt = datetime.date(y + (m == 12), m % 12 + 1, 1)
            return datetime.date(y, m, 1), nxt - datetime.timedelta(days=1)
        d = datetime.date(y, m, int(parts[2]))
        return d, d
    a, b = first_last(date)
    if date_end:
        b = first_last(date_end)[1]
    return a, b


def matches(found, note):
    if group(found["kind"]) != group(note["kind"]) or note["date"] is None:
        return False
    fa, fb = found["span"]
    na, nb = day(note["date"][0]), day(note["date"][1])
    if fb < na or nb < fa:
        return False
    nwidth = (nb - na).days
    return nwidth >= 365 or (fb - fa).days <= nwidth + 7


def run_story(top, story_dir, cli):
    notes = json.load(open(os.path.join(story_dir, "annotations.json")))
    if "events" not in notes:
        return None
    stage = os.path.join(top, "_build", "eval-events", os.path.basename(story_dir))
    shutil.rmtree(stage, ignore_errors=True)
    os.makedirs(stage)
    files = sorted(f for f in os.listdir(story_dir) if f.endswith(".txt"))
    for f in files:
        shutil.copy(os.path.join(story_dir, f), stage)
    cmd = [os.path.join(top, "build-aux", "sdk"), "shell", cli, "analyze", "--format", "json", stage]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=top).stdout
    result = json.loads(out)
    doc_file = {d["id"]: os.path.basename(d["path"]) for d in result["documents"]}

    found = {f: [] for f in files}
    for e in result["events"]:
        docs = {doc_file[m["document"]] for m in e["mentions"]}
        for f in docs:
            date, date_end = e["date"], e["date_end"]
            for alt in e["alternatives"]:
                if any(doc_file[d] == f for d in alt["documents"]):
                    date, date_end = alt["date"], alt["date_end"]
                    break
            # The place as the report's language writes it, when the event
            # gives one per language (`places`); else the event's.
            place = e.get("places", {}).get(notes.get("languages", {}).get(f, ""), e["place"])
            found[f].append({"kind": e["kind"], "label": e["label"], "place": place, "id": e["id"],
                             "span": span(date, date_end), "date": date, "date_end": date_end})

    hits = total = undated = undated_found = kept = right = places = places_right = 0
    lines = []
    languages = notes.get("languages", {})
    per_language = {}  # tag → [annotated, hits, found, right]
    matched = []       # (file, annotation, found event id)
    for f in files:
        mine = [n for n in notes["events"] if n["file"] == f]
        used = set()
        lang = per_language.setdefault(languages.get(f, "?"), [0, 0, 0, 0])
        for n in mine:
            if n["date"] is None:
                undated += 1
                continue
            total += 1
            lang[0] += 1
            k = next((i for i, e in enumerate(found[f]) if i not in used and matches(e, n)), None)
            if k is None:
                lines.append(f"  miss  {f}: {n['kind']} {n['date'][0]} {n['what']}")
                continue
            used.add(k)
            hits += 1
            lang[1] += 1
            matched.append((f, n, found[f][k]["id"]))
            if n["place"]:
                places += 1
                p = (found[f][k]["place"] or "").lower()
                places_right += bool(p) and (p in n["place"].lower() or n["place"].lower() in p)
        for i, e in enumerate(found[f]):
            kept += 1
            lang[2] += 1
            if i in used:
                right += 1
                lang[3] += 1
            else:
                lines.append(f"  extra {f}: {e['kind']} {e['date']}{'–' + e['date_end'] if e['date_end'] else ''} “{e['label']}”")
    # Merges across languages.
    pairs = merged = 0
    for a in range(len(matched)):
        for b in range(a + 1, len(matched)):
            (fa, na, ea), (fb, nb, eb) = matched[a], matched[b]
            if (na.get("event") and na.get("event") == nb.get("event")
                    and languages.get(fa) and languages.get(fb) and languages[fa] != languages[fb]):
                pairs += 1
                merged += ea == eb
                if ea != eb:
                    lines.append(f"  apart {fa} / {fb}: {na['event']}")
    wrong = 0
    by_event = {}
    for f, n, e in matched:
        by_event.setdefault(e, []).append((f, n))
    for e, members in by_event.items():
        if any(languages.get(fa) != languages.get(fb) and na.get("event") != nb.get("event")
               for fa, na in members for fb, nb in members):
            wrong += 1
            lines.append(f"  wrong merge {e}: " + ", ".join(f"{f}:{n.get('event')}" for f, n in members))
    return {"story": os.path.basename(story_dir), "reports": len(files), "annotated": total,
            "undated": undated, "hits": hits, "found": kept, "right": right,
            "places": places, "places_right": places_right, "lines": lines,
            "per_language": per_language, "pairs": pairs, "merged": merged, "wrong_merges": wrong}


def main():
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--realtext", default=os.path.join(os.path.dirname(os.path.dirname(top)), "realtext")
                        if not os.path.isdir(os.path.join(os.path.dirname(top), "realtext"))
                        else os.path.join(os.path.dirname(top), "realtext"))
    parser.add_argument("--cli", default="_build/src/cli/tally-cli")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    parser.add_argument("stories", nargs="*", help="only these story folders (a held-out set is scored once, on its own)")
    args = parser.parse_args()
    if not os.path.isdir(args.realtext):
        print(f"eval-events: no real-text folder at {args.realtext}; skipped")
        return 0
    if not os.path.exists(os.path.join(top, args.cli)):
        print(f"eval-events: no {args.cli} (build first); skipped")
        return 0
    def held_out(d):
        with open(os.path.join(args.realtext, d, "annotations.json"), encoding="utf-8") as f:
            return bool(json.load(f).get("held_out"))

    # A story whose annotations.json says "held_out": true is scored only
    # when named.
    stories = [r for d in sorted(os.listdir(args.realtext))
               if os.path.isfile(os.path.join(args.realtext, d, "annotations.json"))
               and (d in args.stories or (not args.stories and not held_out(d)))
               for r in [run_story(top, os.path.join(args.realtext, d), args.cli)] if r]
    if not stories:
        print("eval-events: no story with event annotations; skipped")
        return 0
    sums = {k: sum(s[k] for s in stories) for k in ("reports", "annotated", "undated", "hits", "found", "right", "places", "places_right")}
    for s in stories + [dict(sums, story="all", lines=[])]:
        recall = s["hits"] / s["annotated"] if s["annotated"] else 0
        precision = s["right"] / s["found"] if s["found"] else 0
        print(f"{s['story']}: {s['reports']} reports, {s['annotated']} dated events annotated "
              f"(+{s['undated']} the reports give no year for): recall {recall:.2f} ({s['hits']}/{s['annotated']}), "
              f"precision {precision:.2f} ({s['right']}/{s['found']}), "
              f"place {s['places_right']}/{s['places']} of matched events with an annotated place")
        for tag, (annotated, hit, kept, right) in sorted(s.get("per_language", {}).items()):
            if len(s["per_language"]) > 1:
                print(f"  {tag}: recall {hit / annotated if annotated else 0:.2f} ({hit}/{annotated}), "
                      f"precision {right / kept if kept else 0:.2f} ({right}/{kept})")
        if s.get("pairs"):
            print(f"  across languages: {s['merged']}/{s['pairs']} pairs of matched annotations of one event "
                  f"merged into one found event; {s['wrong_merges']} found events join different events across languages")
        if args.verbose:
            print("\n".join(s["lines"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
