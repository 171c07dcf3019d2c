#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the gazetteer: src/analysis/lexicons/{en,ru,zh}.names and
src/analysis/lexicons/subjects.ids.

A country is one subject in every language: each <lang>.names maps the names
a language writes a country with ("Казахстан", "哈萨克斯坦", "Kazakhstan") to
the same subject, the country's English name as iso-codes shows it
("Kazakhstan"), which is what claims carry as `subject`; subjects.ids maps
that subject to its ISO 3166-1 alpha-2 code ("KZ"), the language-independent
`subject_id`, from which the interface shows the name in its own language
(ICU, at run time).

Sources (Debian packages, read where Debian installs them on the machine that
runs this script):
  - iso-codes (LGPL-2.1+): /usr/share/iso-codes/json/iso_3166-1.json —
    country names: `name`, `common_name`, `official_name` (those of at most
    four words and without a comma: "Korea, Republic of" is an index form);
    their translations, /usr/share/locale/<ll>/LC_MESSAGES/iso_3166-1.mo
    (ru, zh_CN, zh_TW).
  - ICU (libicu, Unicode licence; its region names are CLDR's): the region's
    display name in English, Russian, Simplified and Traditional Chinese
    (uloc_getDisplayCountry, called through ctypes): "Russia", "Россия",
    "韩国", "南韓" — the short names the press writes.
  - tzdata (public domain): /usr/share/zoneinfo/zone1970.tab — the cities
    that name time zones ("Europe/Oslo" → Oslo), as English places; in the
    other languages the same cities under ICU's exemplar city names (CLDR's
    zoneStrings: "Europe/Moscow" → "Москва", "莫斯科"), as places with the
    English name as subject, so an event in Москва and one in Moscow have one
    place.
No adjectives or demonyms: none of these has them, and they are not typed in
by hand here. The subject a country is shown as is the shortest of its
iso-codes names and ICU's English name made of words only ("Russia", not
"Russian Federation"); en.names has both as keys.

Run: python3 build-aux/gen-names.py [OUTDIR]   (default src/analysis/lexicons)
"""
import ctypes
import ctypes.util
import gettext
import glob
import json
import os
import re
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "src", "analysis", "lexicons")
ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
ZONES = "/usr/share/zoneinfo/zone1970.tab"
MO = "/usr/share/locale/{}/LC_MESSAGES/iso_3166-1.mo"
MAX_WORDS = 4  # the extractor matches phrases of up to four tokens
# Interface language → the catalogues and ICU locales its names come from.
LANGUAGES = {
    "ru": {"mo": ["ru"], "icu": ["ru"]},
    "zh": {"mo": ["zh_CN", "zh_TW"], "icu": ["zh", "zh_Hant"]},
}


def ascii_lower(s):
    # The claims lexicon folds ASCII letters only; other scripts are kept as written.
    return "".join(ch.lower() if ch.isascii() else ch for ch in s)


def key_of(name, lower=ascii_lower):
    return lower(" ".join(name.replace("-", " - ").split())).replace(" - ", "-")


def en_key(name):
    return key_of(name, str.lower)


def unusable(name):
    return ("," in name or "(" in name or "（" in name or "，" in name
            or len(name.split()) > MAX_WORDS)


def icu_names():
    """uloc_getDisplayCountry from the newest libicuuc found, or None."""
    libs = sorted(glob.glob("/usr/lib/*/libicuuc.so.[0-9]*") + glob.glob("/usr/lib/libicuuc.so.[0-9]*"))
    for path in reversed(libs):
        m = re.search(r"libicuuc\.so\.(\d+)$", path)
        if not m:
            continue
        lib = ctypes.CDLL(path)
        fn = getattr(lib, "uloc_getDisplayCountry_" + m.group(1), None)
        if fn is None:
            continue
        fn.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int32,
                       ctypes.POINTER(ctypes.c_int)]
        fn.restype = ctypes.c_int32

        def name(code, locale, fn=fn):
            buf = ctypes.create_string_buffer(1024)
            status = ctypes.c_int(0)
            n = fn(("und_" + code).encode(), locale.encode(), buf, 512, ctypes.byref(status))
            if status.value > 0 or n <= 0:
                return None
            text = buf.raw[:2 * n].decode("utf-16-le")
            return None if text == code else text
        return name, "ICU " + m.group(1)
    sys.exit("gen-names.py: libicuuc not found (install libicu)")


def icu_cities():
    """zone id → exemplar city, per ICU locale (ures_* on the zone bundle)."""
    libs = sorted(glob.glob("/usr/lib/*/libicuuc.so.[0-9]*") + glob.glob("/usr/lib/libicuuc.so.[0-9]*"))
    for path in reversed(libs):
        m = re.search(r"libicuuc\.so\.(\d+)$", path)
        if not m:
            continue
        lib, v = ctypes.CDLL(path), m.group(1)
        fns = {}
        for n in ("ures_open", "ures_getByKey", "ures_getStringByKey", "ures_close"):
            fns[n] = getattr(lib, f"{n}_{v}", None)
        if None in fns.values():
            continue
        fns["ures_open"].restype = fns["ures_getByKey"].restype = ctypes.c_void_p
        fns["ures_open"].argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
        fns["ures_getByKey"].argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_int)]
        fns["ures_getStringByKey"].restype = ctypes.c_void_p
        fns["ures_getStringByKey"].argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int),
                                               ctypes.POINTER(ctypes.c_int)]
        fns["ures_close"].argtypes = [ctypes.c_void_p]

        def city(zone, locale, fns=fns, v=v):
            status = ctypes.c_int(0)
            bundle = fns["ures_open"](f"icudt{v}l-zone".encode(), locale.encode(), ctypes.byref(status))
            strings = fns["ures_getByKey"](bundle, b"zoneStrings", None, ctypes.byref(status))
            entry = fns["ures_getByKey"](strings, zone.replace("/", ":").encode(), None, ctypes.byref(status))
            n = ctypes.c_int(0)
            text = fns["ures_getStringByKey"](entry, b"ec", ctypes.byref(n), ctypes.byref(status))
            name = ctypes.string_at(text, 2 * n.value).decode("utf-16-le") if status.value <= 0 and text else None
            for r in (entry, strings, bundle):
                if r:
                    fns["ures_close"](r)
            return name
        return city
    return None


def header(out, what):
    out.write("# SPDX-License-Identifier: LGPL-2.1-or-later\n")
    out.write(f"# Generated by build-aux/gen-names.py from {what}.\n")
    out.write("# Do not edit: run the script again.\n")


with open(ISO, encoding="utf-8") as f:
    countries = json.load(f)["3166-1"]
icu, icu_version = icu_names()

# English: iso-codes, ICU's English region names and tzdata.
entries = {}
zones = {}  # zone id → English city
with open(ZONES, encoding="utf-8") as f:
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        zone = line.split("\t")[2].strip()
        city = zone.split("/")[-1].replace("_", " ")
        if len(city) > 2 and not unusable(city):
            entries[en_key(city)] = ("place", city)
            zones[zone] = city
cities = icu_cities()



def shown_name(c):
    """The subject a country is shown as: the shortest of its iso-codes
    names and ICU's English region name ("Russia", not "Russian Federation";
    "South Korea" where iso-codes has only "Korea, Republic of"), the name
    the press writes, so that an English report's "Russia" and a Russian
    report's "Россия" are one subject."""
    english = icu(c["alpha_2"], "en")
    # ICU's "St. Lucia", "Bosnia & Herzegovina", "Congo - Kinshasa" are
    # index forms: only a name of words is taken from it.
    if english and not re.fullmatch(r"[^\W\d_]+( [^\W\d_]+)*", english):
        english = None
    candidates = [c.get("common_name"), c["name"], english]
    usable = [n for n in candidates if n and not unusable(n)]
    return min(usable, key=lambda n: (len(n), candidates.index(n))) if usable else None


shown_of = {}  # alpha-2 → shown name
subjects = {}  # shown English name → alpha-2
for c in countries:
    shown = shown_name(c)
    if shown is None:
        continue
    shown_of[c["alpha_2"]] = shown
    subjects[shown] = c["alpha_2"]
    for name in (c["name"], c.get("common_name"), c.get("official_name"), icu(c["alpha_2"], "en")):
        if name and not unusable(name):
            entries[en_key(name)] = ("country", shown)

with open(os.path.join(OUT, "en.names"), "w", encoding="utf-8") as out:
    out.write("# SPDX-License-Identifier: LGPL-2.1-or-later\n")
    out.write("# Generated by build-aux/gen-names.py from Debian's iso-codes (ISO 3166-1,\n")
    out.write("# LGPL-2.1+) and tzdata (zone1970.tab, public domain). Do not edit: run\n")
    out.write("# the script again. `key = kind Name`: the name a subject is written as.\n\n")
    out.write("[name]\n")
    for key in sorted(entries):
        kind, name = entries[key]
        out.write(f"{key} = {kind} {name}\n")

# Other languages: the same subjects under their names there.
for lang, src in LANGUAGES.items():
    names = {}
    for c in countries:
        shown = shown_of.get(c["alpha_2"])
        if shown is None:
            continue
        found = []
        for loc in src["mo"]:
            t = gettext.GNUTranslations(open(MO.format(loc), "rb"))
            for field in ("name", "common_name", "official_name"):
                if c.get(field):
                    tr = t.gettext(c[field])
                    if tr != c[field]:
                        found.append(tr)
        for loc in src["icu"]:
            found.append(icu(c["alpha_2"], loc))
        for name in found:
            if name and not unusable(name):
                # The first source to name it wins: iso-codes, then ICU.
                names.setdefault(key_of(name), ("country", shown))
    # Cities after countries: a country's name is never taken by a city.
    for zone, city in sorted(zones.items()):
        for loc in src["icu"]:
            name = cities(zone, loc) if cities else None
            if name and len(name) > 1 and not unusable(name):
                names.setdefault(key_of(name), ("place", city))
    with open(os.path.join(OUT, f"{lang}.names"), "w", encoding="utf-8") as out:
        header(out, f"Debian's iso-codes ({', '.join(src['mo'])} translations of ISO 3166-1,\n"
               f"# LGPL-2.1+) and {icu_version}'s region names ({', '.join(src['icu'])}; CLDR data,\n"
               "# Unicode licence), cities from tzdata under ICU's exemplar city names")
        out.write("# `key = kind Name`: Name is the subject every language shares, the\n")
        out.write("# country's or city's English name (en.names gives the same one).\n\n[name]\n")
        for key in sorted(names):
            out.write(f"{key} = {names[key][0]} {names[key][1]}\n")

with open(os.path.join(OUT, "subjects.ids"), "w", encoding="utf-8") as out:
    header(out, "Debian's iso-codes (ISO 3166-1, LGPL-2.1+)")
    out.write("# `Subject = ID`: the language-independent id of a gazetteer subject, its\n")
    out.write("# ISO 3166-1 alpha-2 code; the interface names it in its language (ICU).\n\n[subject]\n")
    for shown in sorted(subjects):
        out.write(f"{shown} = {subjects[shown]}\n")
