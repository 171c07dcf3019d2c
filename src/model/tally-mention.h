/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tally-event.h"

G_BEGIN_DECLS

/* One sentence that mentions an event, as a list view binds to it: the
 * document, the sentence's bytes in its cleaned text, the sentence. It keeps
 * its event alive, so a list of mentions outlives the events being found
 * again. */

#define TALLY_TYPE_MENTION (tally_mention_get_type ())
G_DECLARE_FINAL_TYPE (TallyMention, tally_mention, TALLY, MENTION, GObject)

const char *tally_mention_get_document (TallyMention *self);
gsize       tally_mention_get_start    (TallyMention *self);
gsize       tally_mention_get_end      (TallyMention *self);
const char *tally_mention_get_text     (TallyMention *self);

/* A GListModel of TallyMention: the event's mentions, in document order. */
GListModel *tally_event_list_mentions  (TallyEvent   *event);

G_END_DECLS
