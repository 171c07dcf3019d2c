#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scores tally-cli's facts (grouping and grade) against hand annotations of
real reports of one story.

Real text is kept outside the repository (someone else's words): by default in
../realtext beside the checkout, one folder per story holding NN.txt files and
an annotations.json written by hand before tally-cli ran on them (format: see
the annotate.py beside it; every figure carries a `fact` id naming which
figures are the same fact across reports). Skips (exit 77) when the folder is
absent.

  build-aux/sdk shell python3 build-aux/eval-facts-realtext.py [--verbose] [CLI] [REALTEXT]

All the reports of a story are analysed in one run, as an analyst opens them
together. Annotated figures are paired with extracted claims as
eval-realtext.py pairs them (same kind and value, overlapping words). Then, for
every annotated fact stated by two or more reports:

- grouped: the claims Tally found for it sit in one Tally fact, and that fact
  holds no claim annotated as another fact (figures annotated as no fact are
  not counted against it);
- graded: its annotated values are all the same (an analyst reads agreement)
  and Tally says agree, or they differ and Tally says anything but agree; a
  fact not grouped is not graded right.
Also printed: pairwise precision and recall over pairs of found claims (same
annotated fact vs same Tally fact), and the stories found.

  --why        with --verbose's list, every claim of a fact not grouped: its
               subject, measure, concept, scope, story and Tally fact key.
  --story=NAME (repeatable) scores only those story folders. A folder whose
               annotations.json says "held_out": true is scored only when
               --story names it (kept unread while rules are worked on).
  --join A,B   analyse the reports of story folders A and B in one run (two
               languages of one story, their `fact` ids shared) and print, besides,
               facts linking languages: of the annotated facts stated in both
               folders, how many Tally puts the two folders' claims of in one fact,
               and pairwise P/R over pairs of claims from different folders.
"""
import json
import os
import subprocess
import sys
from itertools import combinations

here = os.path.dirname(os.path.abspath(__file__))
top = os.path.dirname(here)
argv = sys.argv[1:]
join = None
if "--join" in argv:
    i = argv.index("--join")
    join = argv[i + 1].split(",") if i + 1 < len(argv) else None
    del argv[i:i + 2]
args = [a for a in argv if not a.startswith("--")]
only = [a.split("=", 1)[1] for a in argv if a.startswith("--story=")]
verbose = "--verbose" in sys.argv or "--why" in sys.argv
why = "--why" in sys.argv
cli = args[0] if len(args) > 0 else os.path.join(top, "_build", "src", "cli", "tally-cli")
realtext = args[1] if len(args) > 1 else os.path.join(os.path.dirname(top), "realtext")

if not os.path.isdir(realtext):
    print(f"SKIP: no real reports in {realtext}")
    sys.exit(77)


def value_equal(ann, claim):
    if ann["value"] is None:
        return True
    v = claim.get("value")
    if isinstance(ann["value"], str):
        return v == ann["value"]
    if not isinstance(v, (int, float)):
        return False
    return abs(v - ann["value"]) <= 1e-9 * max(1.0, abs(ann["value"]))


def pair_claims(raw, doc, claims):
    """Maps extracted claim id -> index of the annotated figure it finds."""
    spans, pos = [], 0
    for a in doc["claims"]:
        p = raw.find(a["text"], pos)
        if p < 0:
            sys.exit(f"annotated words {a['text']!r} not found after byte {pos}")
        spans.append((p, p + len(a["text"])))
        pos = p + 1
    placed, pos = [], max(raw.find("\n"), 0)
    for c in claims:
        p = raw.find(c["text"], pos)
        placed.append((p, p + len(c["text"])) if p >= 0 else (-1, -1))
        if p >= 0:
            pos = p + 1
    pairs, used = {}, set()
    for i, (a, (s, e)) in enumerate(zip(doc["claims"], spans)):
        for k, c in enumerate(claims):
            cs, ce = placed[k]
            if k in used or cs < 0 or ce <= s or cs >= e:
                continue
            if c["kind"] == a["kind"] and value_equal(a, c):
                used.add(k)
                pairs[c["id"]] = i
                break
    return pairs


def load_annotations(folder):
    """Annotations of one folder, or of several joined (names prefixed by folder)."""
    if isinstance(folder, str):
        with open(os.path.join(folder, "annotations.json"), encoding="utf-8") as f:
            annotations = json.load(f)
        return annotations, {n: os.path.join(folder, n) for n in annotations["documents"]}
    docs, paths = {}, {}
    for sub in folder:
        with open(os.path.join(sub, "annotations.json"), encoding="utf-8") as f:
            part = json.load(f)
        for n, d in part["documents"].items():
            key = os.path.basename(sub) + "/" + n
            docs[key] = d
            paths[key] = os.path.join(sub, n)
    return {"documents": docs}, paths


def score_story(folder):
    annotations, path_of = load_annotations(folder)
    names = sorted(annotations["documents"])
    paths = [path_of[n] for n in names]
    out = subprocess.run([cli, "analyze", "--format", "json"] + paths, capture_output=True, text=True).stdout
    result = json.loads(out)
    name_of_path = {os.path.realpath(path_of[n]): n for n in names}
    doc_name = {d["id"]: name_of_path.get(os.path.realpath(d["path"]), os.path.basename(d["path"]))
                for d in result["documents"]}
    by_doc = {}
    for c in result["claims"]:
        by_doc.setdefault(c["document"], []).append(c)

    # Extracted claim id -> (document name, annotated figure)
    found = {}
    for d in result["documents"]:
        name = doc_name[d["id"]]
        with open(path_of[name], encoding="utf-8") as f:
            raw = f.read()
        for cid, i in pair_claims(raw, annotations["documents"][name], by_doc.get(d["id"], [])).items():
            found[cid] = (name, annotations["documents"][name]["claims"][i])
    claim_of = {c["id"]: c for c in result["claims"]}
    story_of = {d["id"]: d.get("story") for d in result["documents"]}
    fact_of = {}
    tally_facts = {}
    for fact in result["facts"]:
        tally_facts[fact["id"]] = fact
        for cid in fact["claims"]:
            fact_of[cid] = fact["id"]

    # Annotated facts and the reports stating them.
    annotated = {}
    for name in names:
        for a in annotations["documents"][name]["claims"]:
            if a.get("fact") and not a.get("optional"):
                annotated.setdefault(a["fact"], {"docs": set(), "values": set()})
                annotated[a["fact"]]["docs"].add(name)
                annotated[a["fact"]]["values"].add((json.dumps(a["value"]), a["qualifier"]))
    multi = {k: v for k, v in annotated.items() if len(v["docs"]) >= 2}

    grouped = graded = 0
    for fid, info in sorted(multi.items()):
        claims = [cid for cid, (n, a) in found.items() if a.get("fact") == fid]
        docs_found = {found[cid][0] for cid in claims}
        in_facts = {fact_of.get(cid) for cid in claims}
        ok_group = len(docs_found) >= 2 and len(in_facts) == 1 and None not in in_facts
        if ok_group:
            tf = tally_facts[next(iter(in_facts))]
            others = {found[c][1].get("fact") for c in tf["claims"] if c in found} - {fid, None}
            ok_group = not others
        ok_grade = False
        status = None
        if ok_group:
            status = tally_facts[next(iter(in_facts))]["status"]
            same = len(info["values"]) == 1
            ok_grade = (status == "agree") if same else (status != "agree")
        grouped += ok_group
        graded += ok_grade
        if why and not ok_group:
            for cid in sorted(claims, key=lambda c: found[c][0]):
                c = claim_of[cid]
                f = tally_facts.get(fact_of.get(cid)) or {}
                print(f"      {found[cid][0]} {c['text']!r} subj={c.get('subject')!r} "
                      f"meas={c.get('measure')!r} concept={c.get('concept')!r} scope={c.get('scope_year')} "
                      f"mod={c.get('modality')} story={story_of.get(c['document'])} key={f.get('key')!r}")
        if verbose:
            labels = sorted({tally_facts[f]["label"] if f else "-" for f in in_facts})
            print(f"  {fid}: {len(info['docs'])} reports, {len(docs_found)} found; "
                  f"{'grouped' if ok_group else 'NOT grouped'} in {labels}; status {status}; "
                  f"annotated values {sorted(v for v, q in info['values'])}")

    # Pairwise over found claims of annotated facts, across documents.
    tp = fp = fn = 0
    items = [(cid, n, a.get("fact")) for cid, (n, a) in found.items() if a.get("fact")]
    for (c1, n1, f1), (c2, n2, f2) in combinations(items, 2):
        if n1 == n2:
            continue
        same_ann = f1 == f2
        same_tally = fact_of.get(c1) is not None and fact_of.get(c1) == fact_of.get(c2)
        tp += same_ann and same_tally
        fp += same_tally and not same_ann
        fn += same_ann and not same_tally
    # Across folders (languages): pairs from different folders, and the facts
    # both folders state.
    def side(n):
        return n.split("/", 1)[0] if "/" in n else ""
    xtp = xfp = xfn = 0
    for (c1, n1, f1), (c2, n2, f2) in combinations(items, 2):
        if side(n1) == side(n2):
            continue
        same_ann = f1 == f2
        same_tally = fact_of.get(c1) is not None and fact_of.get(c1) == fact_of.get(c2)
        xtp += same_ann and same_tally
        xfp += same_tally and not same_ann
        xfn += same_ann and not same_tally
    both = {k for k, v in annotated.items() if len({side(n) for n in v["docs"]}) >= 2}
    linked = 0
    for fid in sorted(both):
        claims = [cid for cid, (n, a) in found.items() if a.get("fact") == fid]
        by_fact = {}
        for cid in claims:
            if fact_of.get(cid) is not None:
                by_fact.setdefault(fact_of[cid], set()).add(side(found[cid][0]))
        ok = any(len(sides) >= 2 for sides in by_fact.values())
        linked += ok
        if verbose and join:
            print(f"  across: {fid} {'linked' if ok else 'NOT linked'}")
    stories = [s["documents"] for s in result.get("stories", [])]
    return dict(multi=len(multi), grouped=grouped, graded=graded, tp=tp, fp=fp, fn=fn,
                stories=[len(s) for s in stories], docs=len(names),
                both=len(both), linked=linked, xtp=xtp, xfp=xfp, xfn=xfn)


def ratio(a, b):
    return f"{a / b:.3f}" if b else "n/a"


def has_facts(folder):
    path = os.path.join(folder, "annotations.json")
    if not os.path.isfile(path):
        return False
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    docs = data.get("documents") if isinstance(data, dict) else None
    return isinstance(docs, dict) and any(a.get("fact") for d in docs.values() for a in d.get("claims", []))


if join:
    folders = [os.path.join(realtext, j) for j in join]
    t = score_story(folders)
    print(f"{'+'.join(join)}: {t['docs']} reports in stories of {t['stories']}; {t['multi']} facts stated by 2+ reports: "
          f"grouped {ratio(t['grouped'], t['multi'])} ({t['grouped']}), "
          f"grouped and graded {ratio(t['graded'], t['multi'])} ({t['graded']}); "
          f"pairs P {ratio(t['tp'], t['tp'] + t['fp'])} R {ratio(t['tp'], t['tp'] + t['fn'])}; "
          f"facts linking languages {ratio(t['linked'], t['both'])} ({t['linked']} of {t['both']} stated in both), "
          f"cross pairs P {ratio(t['xtp'], t['xtp'] + t['xfp'])} R {ratio(t['xtp'], t['xtp'] + t['xfn'])}")
    sys.exit(0)
def held_out(folder):
    with open(os.path.join(folder, "annotations.json"), encoding="utf-8") as f:
        return bool(json.load(f).get("held_out"))


stories = [d for d in sorted(os.listdir(realtext))
           if has_facts(os.path.join(realtext, d))
           and (d in only or (not only and not held_out(os.path.join(realtext, d))))]
if not stories:
    print(f"SKIP: no fact annotations under {realtext}")
    sys.exit(77)
for story in stories:
    if verbose:
        print(f"{story}:")
    t = score_story(os.path.join(realtext, story))
    print(f"{story}: {t['docs']} reports in stories of {t['stories']}; {t['multi']} facts stated by 2+ reports: "
          f"grouped {ratio(t['grouped'], t['multi'])} ({t['grouped']}), "
          f"grouped and graded {ratio(t['graded'], t['multi'])} ({t['graded']}); "
          f"pairs P {ratio(t['tp'], t['tp'] + t['fp'])} R {ratio(t['tp'], t['tp'] + t['fn'])}")
