/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The reader both word-list formats share (lexicons/<lang>.lex for claims,
 * lexicons/<lang>.events for events): "[section]" headers, "key = value" or
 * bare "key" entries, "#" comments, blank lines. What a section means is the
 * caller's business; this only splits lines and reports errors as
 * "NAME:LINE: reason". */

/* Called on each "[section]" header; FALSE (with error) rejects it. */
typedef gboolean (*TallyLexiconFileSectionFunc) (const char  *section,
                                                 gpointer     user_data,
                                                 GError     **error);
/* Called on each entry: `key` is stripped and may be edited in place;
 * `value` is NULL for a bare key. */
typedef gboolean (*TallyLexiconFileEntryFunc)   (const char  *section,
                                                 char        *key,
                                                 const char  *value,
                                                 gpointer     user_data,
                                                 GError     **error);

gboolean tally_lexicon_file_read (const char                  *data,
                                  gsize                        len,
                                  const char                  *name,
                                  TallyLexiconFileSectionFunc  section_func,
                                  TallyLexiconFileEntryFunc    entry_func,
                                  gpointer                     user_data,
                                  GError                     **error);

G_END_DECLS
