/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tally-event-record.h"

G_BEGIN_DECLS

/* The event finder: sentences that tie an event noun (summit, agreement,
 * "Years of …") to a date become mentions; mentions of one event across
 * documents ("the second summit", "the Baku summit") are merged into one
 * TallyEventRecord, and differing dates make it disputed. Dates come from
 * the claim extractor (tally-claims.h) resolved against each document's
 * publication date; weekdays and seasons are read here. The patterns are a
 * data file (lexicons/<lang>.events) compiled into a resource.
 *
 * Usage: new → add_document for each document → finish. Not thread-safe;
 * use one finder per thread. */

typedef struct _TallyEventFinder TallyEventFinder;

/* NULL (with error) when the language has no pattern file. */
TallyEventFinder *tally_event_finder_new           (const char        *language,
                                                    GError           **error);
/* The same with a pattern file's contents; `name` is used in error messages
 * ("name:LINE: reason"). */
TallyEventFinder *tally_event_finder_new_from_data (const char        *data,
                                                    gsize              len,
                                                    const char        *name,
                                                    GError           **error);
void              tally_event_finder_free          (TallyEventFinder  *finder);

/* `published` is an ISO date ("2026-06-17", a time may follow) or NULL.
 * The text is read here and not kept: the finder copies only the sentences
 * of the mentions it finds. Returns the number of event mentions found. */
guint             tally_event_finder_add_document  (TallyEventFinder  *finder,
                                                    const char        *document_id,
                                                    const char        *text,
                                                    gsize              len,
                                                    const char        *published);
/* The same with the text's sentences and tokens too, as ingest found them
 * (TallyDocumentRecord.sentences: byte spans, in order, each as
 * tally_next_sentence() finds it; TallyDocumentRecord.tokens: every token
 * of the text, in order, as tally_next_sentence_tokens() gives them), so
 * that the text is not scanned again. `claims`, `sentences` and `tokens`
 * may be NULL; tokens are used only with sentences. */
guint             tally_event_finder_add_document_full (TallyEventFinder *finder,
                                                        const char       *document_id,
                                                        const char       *text,
                                                        gsize             len,
                                                        const char       *published,
                                                        GPtrArray        *claims,
                                                        const GArray     *sentences,
                                                        const GArray     *tokens);

/* One document as every caller has it: the app (texts from the project),
 * `tally-cli analyze` (files it just read) and the benchmarks give the
 * finder their documents this way, so they find the same events. */
typedef struct
{
  const char   *id;
  const char   *title;      /* may be NULL */
  const char   *text;
  gsize         len;
  /* The date relative dates are read against ("2026-06-17"): the publication
   * date, or a reference date the user gave. NULL: a dateline near the top
   * of the text (tally_events_guess_published()), if there is one. */
  const char   *published;
  GPtrArray    *claims;     /* tally_extract_claims() of the text against
                             * `published`, or NULL (extracted here) */
  const GArray *sentences;  /* ingest's, as for add_document_full; may be NULL */
  const GArray *tokens;
  const char   *language;   /* BCP 47 as ingest detects it, or NULL (English);
                             * see tally_event_finder_set_document_language() */
} TallyEventSource;

/* Adds one document (the step every caller shares); returns the number of
 * event mentions found. */
guint             tally_event_finder_add_source    (TallyEventFinder       *finder,
                                                    const TallyEventSource *source);

/* The event pipeline: `n_sources` documents in, events out, as
 * tally_event_finder_finish() gives them. `excluded` as for
 * tally_event_finder_set_excluded() (may be NULL). NULL with `error` when
 * cancelled or when the pattern file cannot be read. */
GPtrArray        *tally_events_find                (const TallyEventSource  *sources,
                                                    guint                    n_sources,
                                                    GHashTable              *excluded,
                                                    GCancellable            *cancellable,
                                                    GError                 **error);

/* The language of the documents added next (a BCP 47 tag as ingest detects
 * it, or NULL): their claims, sentences and words are read with that
 * language's lexicon and event patterns (lexicons/<lang>.lex, .events),
 * falling back to the finder's own where a language has none (see
 * tally_lexicon_language_for()). Given tokens must have been made in the
 * same language. Merging uses the finder's own language. */
void              tally_event_finder_set_document_language (TallyEventFinder *finder,
                                                            const char       *language);

/* Mentions an analyst said are not about their event (see
 * tally-corrections.h): a set of tally_event_mention_key() strings, or NULL.
 * A sentence in the set gives no mention, so it neither joins an event nor
 * makes one disputed. Set it before adding documents; referenced. */
void              tally_event_finder_set_excluded  (TallyEventFinder  *finder,
                                                    GHashTable        *keys);
/* "DOCUMENT:START:END" for a mention's sentence, as TallyEventMention has it. */
char             *tally_event_mention_key          (const char        *document_id,
                                                    gsize              start,
                                                    gsize              end);

/* Documents found on several threads, each with a finder of its own: the
 * documents and mentions a finder has so far, taken out of it (the finder
 * is left empty, ready for more) … */
typedef struct _TallyEventFinderPart TallyEventFinderPart;
TallyEventFinderPart *tally_event_finder_take_part (TallyEventFinder     *finder);
/* … and added to the finder that merges them, as if its documents had been
 * added there (in the order parts are added). Takes `part`. */
void              tally_event_finder_add_part      (TallyEventFinder     *finder,
                                                    TallyEventFinderPart *part);
void              tally_event_finder_part_free     (TallyEventFinderPart *part);

/* Merges the mentions of every document added so far into events, sorted by
 * date then label, with ids "e1", "e2", …. Events no source dates are left
 * out (a timeline cannot place them). Returns TallyEventRecord* (owned). */
GPtrArray        *tally_event_finder_finish        (TallyEventFinder  *finder);

/* Is `label` a name an analyst would not write? Empty; ending on an
 * article, preposition, determiner or conjunction ("Meeting of the",
 * "Opening in After"); holding a pronoun, modal or auxiliary ("They’s
 * meeting", "Would begins", "The case is scheduled begins"). Capitalised
 * words inside a label are names, capitals ("US") initialisms. The words are
 * the pattern file's [label_never] and [label_end_not] and the claims
 * lexicon's determiners. The finder never names an event so. */
gboolean          tally_event_finder_label_is_broken (TallyEventFinder *finder,
                                                      const char       *label);

/* A dateline near the top of an article ("June 17, 2026" under the byline)
 * as "YYYY-MM-DD", for documents whose metadata gives no publication date.
 * NULL when there is none. */
char             *tally_events_guess_published     (const char        *text,
                                                    gsize              len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyEventFinder, tally_event_finder_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyEventFinderPart, tally_event_finder_part_free)

G_END_DECLS
