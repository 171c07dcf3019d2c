#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that the sample articles and their hand-written truth agree.

Usage: check-samples.py SOURCE_ROOT   (prints TAP)

The truth files are what other tests assert against; this keeps them honest
when someone edits an article: every title, author, comment, planted figure
and event mention must still be found, word for word, in its file.
"""
import html
import json
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', '..')
samples = os.path.join(root, 'data', 'samples')
truth = os.path.join(root, 'tests', 'data', 'samples')

results = []


def check(ok, name, why=''):
    results.append((bool(ok), name, why))


def load(name):
    with open(os.path.join(truth, name), encoding='utf-8') as f:
        return json.load(f)


def text_of(name):
    with open(os.path.join(samples, name), encoding='utf-8') as f:
        raw = f.read()
    if name.endswith('.html'):
        # Entities decoded so that a context can be matched as a reader sees it.
        return html.unescape(re.sub(r'<[^>]+>', '', raw))
    return raw


MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
          'August', 'September', 'October', 'November', 'December']


def date_forms(iso):
    y, m, d = (int(x) for x in iso.split('-'))
    mon = MONTHS[m - 1]
    return [iso, f'{d} {mon} {y}', f'{mon} {d}, {y}']


meta = load('expected-metadata.json')
facts = load('planted-facts.json')
events = load('events.json')

on_disk = sorted(f for f in os.listdir(samples) if f.endswith(('.txt', '.html')))
listed = sorted(m['file'] for m in meta)
check(on_disk == listed, 'expected-metadata.json lists exactly the sample files',
      f'on disk {on_disk}, listed {listed}')

texts = {f: text_of(f) for f in on_disk}

for m in meta:
    f = m['file']
    t = texts.get(f, '')
    check(m['title'] in t or m['title'].replace(' ', '-') in t, f'{f}: title present', m['title'])
    check(m['outlet'] in t, f'{f}: outlet present', m['outlet'])
    check(re.fullmatch(r'\d{4}-\d{2}-\d{2}', m['published']), f'{f}: published is ISO', m['published'])
    check(any(x in t for x in date_forms(m['published'])), f'{f}: published date present', m['published'])
    if m['author'] is not None:
        check(m['author'] in t, f'{f}: author present', m['author'])
    for c in m['comments']:
        check(c['author'] in t and c['text'] in t, f'{f}: comment by {c["author"]} present', c['text'])
    if m['comments']:
        check(f'{len(m["comments"])} Comments' in t, f'{f}: comment counter matches', str(len(m['comments'])))

for fact in facts:
    for c in fact['claims']:
        t = texts.get(c['file'], '')
        n = t.count(c['context'])
        check(n == 1 and c['text'] in c['context'],
              f'fact {fact["id"]}: {c["file"]} states "{c["text"]}"',
              f'context found {n} times: {c["context"]}')

for ev in events:
    for mn in ev['mentions']:
        t = texts.get(mn['file'], '')
        check(mn['context'] in t, f'event {ev["id"]}: mentioned in {mn["file"]}', mn['context'])

# The samples must be original: no sentence of the real seed articles may appear.
seeds = os.path.join(root, '..', 'shared', 'seeds')
if os.path.isdir(seeds):
    everything = '\n'.join(texts.values())
    copied = []
    for s in sorted(os.listdir(seeds)):
        if not s.endswith('.txt'):
            continue
        with open(os.path.join(seeds, s), encoding='utf-8', errors='replace') as f:
            for sentence in re.split(r'(?<=[.!?])\s+', f.read()):
                sentence = sentence.strip()
                if len(sentence) >= 60 and sentence in everything:
                    copied.append(sentence[:60])
    check(not copied, 'no seed sentence copied into the samples', '; '.join(copied))
    skip_seeds = False
else:
    skip_seeds = True

total = len(results) + (1 if skip_seeds else 0)
print(f'1..{total}')
failed = 0
for i, (ok, name, why) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} - {name}')
    if not ok:
        failed += 1
        print(f'# {why}')
if skip_seeds:
    print(f'ok {total} - seed comparison # SKIP {seeds} not present')
sys.exit(1 if failed else 0)
