/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tally-claim-record.h"

G_BEGIN_DECLS

/* The multilingual gazetteer: the names each language writes a country with
 * ("Казахстан", "哈萨克斯坦", "Kazakhstan"), read from the generated
 * lexicons/<lang>.names (build-aux/gen-names.py: iso-codes, ICU's region
 * names, tzdata), all leading to one subject per country — its English name,
 * what claims carry as `subject` — and from it to a language-independent id,
 * the ISO 3166-1 code (lexicons/subjects.ids). Organisations and people
 * come from lexicons/<lang>.orgs and, as written in Latin letters in any
 * language, en.orgs (build-aux/gen-aliases.py: CC-CEDICT). */

typedef struct _TallyGazetteer TallyGazetteer;

/* The gazetteer of a language, loaded once and kept for the life of the
 * process; NULL when lexicons/<language>.names does not exist. */
const TallyGazetteer *tally_gazetteer_get          (const char *language);

/* The subject a name stands for ("哈萨克斯坦" → "Kazakhstan"), or NULL.
 * ASCII letters are folded to lower case, as the claims lexicon does. */
const char           *tally_gazetteer_lookup       (const TallyGazetteer *gazetteer,
                                                    const char           *name,
                                                    gssize                len,
                                                    TallySubjectKind     *kind);

/* The longest name that starts at `text` (for scripts written without
 * spaces): its length in bytes, 0 when none; the subject and kind it gives.
 * Word boundaries are the caller's business. */
gsize                 tally_gazetteer_match_prefix (const TallyGazetteer *gazetteer,
                                                    const char           *text,
                                                    gsize                 len,
                                                    const char          **subject,
                                                    TallySubjectKind     *kind);

/* tally_gazetteer_match_prefix(), and whether the name is a pair of
 * countries from <lang>.pairs ("中俄"), which the caller may want to see
 * as a word of its own. */
gsize                 tally_gazetteer_match_prefix_full (const TallyGazetteer *gazetteer,
                                                         const char           *text,
                                                         gsize                 len,
                                                         const char          **subject,
                                                         TallySubjectKind     *kind,
                                                         gboolean             *pair);

/* Two countries as one subject: their subjects in a fixed order joined by an
 * en dash ("China–Russia" for Russia and China), interned; NULL unless both
 * are countries of the gazetteer and differ. Its id is the two ids
 * ("CN-RU"), its display name each country's. */
const char           *tally_gazetteer_pair         (const char *one,
                                                    const char *two);

/* A pair written as two names joined by a hyphen or a dash ("China-Russia",
 * "Russia–China"), each a country name of `gazetteer` or a subject: the
 * pair, or NULL. */
const char           *tally_gazetteer_pair_of      (const TallyGazetteer *gazetteer,
                                                    const char           *text,
                                                    gsize                 len);

/* The one country whose name of one word in `gazetteer` begins with `stem`, the stem
 * of an adjective without its suffix ("российск" → "росси" → Russia;
 * a final й, и or ь may go: "индий" → "инди" → India), at least four
 * letters, compared case folded; NULL when none or several do. */
const char           *tally_gazetteer_country_by_stem (const TallyGazetteer *gazetteer,
                                                       const char           *stem,
                                                       gsize                 len);

/* A country or place as `gazetteer`'s language writes it in the nominative,
 * its shortest name there ("Moscow" → "Москва", "莫斯科"; "Russia" →
 * "Россия"); the subject itself for English; NULL when the language has no
 * name for it. */
const char           *tally_gazetteer_name_of      (const TallyGazetteer *gazetteer,
                                                    const char           *subject);

/* The language-independent id of a gazetteer subject ("Kazakhstan" → "KZ"),
 * or NULL for a subject the gazetteer does not list. */
const char           *tally_gazetteer_subject_id   (const char *subject);

/* The subject as the interface's language names it (ICU's region names:
 * "Казахстан" under a Russian locale); the subject itself for English or
 * for a subject without an id. */
char                 *tally_gazetteer_dup_display_name (const char *subject);
/* The same in the language of `locale` ("ru", "zh"): the subject before
 * words a source wrote in that language. */
char                 *tally_gazetteer_dup_name_in  (const char *subject,
                                                    const char *locale);

G_END_DECLS
