/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What ties reports of one story across languages: the subjects the
 * gazetteer finds in a title and lead ("特斯拉" and "Tesla" → Tesla;
 * "Китаем" and "中国" → China), one name whatever the language writes
 * (tally-gazetteer.h). Plain C, GLib and ICU only. */

/* Adds each subject `text` names to `counts` (subject → count, the subject
 * string owned by the gazetteer, never freed). `language` is a BCP 47 tag
 * ("zh-Hant", "ru", "en"); NULL or "und" reads as English. Chinese is matched
 * at every character; other languages by runs of capitalised words (up to
 * four), an inflected language's words through their dictionary lemmas
 * ("Казахстана" → Казахстан). */
void        tally_story_anchors_add        (const char *language,
                                            const char *text,
                                            gsize       len,
                                            GHashTable *counts);

/* Adds the figures `text` states (amounts, counts of 100 or more,
 * percentages: "$15 billion", "15 млрд долларов", "150亿美元" are one) to
 * `counts`, as strings kept in `strings` (a set the caller frees, g_free). */
void        tally_story_anchors_add_figures (const char *language,
                                             const char *text,
                                             gsize       len,
                                             GHashTable *counts,
                                             GHashTable *strings);

/* The primary language subtag the anchors read `language` as ("zh-Hant" →
 * "zh"); "en" for NULL and "und". An interned string. */
const char *tally_story_anchors_language   (const char *language);

G_END_DECLS
