/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One CSV writer for every export (claims and facts): RFC 4180 quoting, and
 * text cells that a spreadsheet would run as a formula made inert. */

/* A text cell (NULL: empty). A cell that starts with =, +, -, @, tab or
 * carriage return is prefixed with an apostrophe, as OWASP's CSV injection
 * guidance says, so a spreadsheet shows it as text instead of evaluating it;
 * cells with a comma, quote or line break are quoted. */
void tally_csv_append_text   (GString    *out,
                              const char *text);

/* The same for `len` bytes of `text` (or up to its NUL); `blank` turns line
 * breaks and tabs into spaces (a sentence as a reader sees it). */
void tally_csv_append_text_len (GString    *out,
                                const char *text,
                                gsize       len,
                                gboolean    blank);

/* A numeric cell, written by Tally from a double: "-12.5" stays a number a
 * spreadsheet can sum. Numbers never come from the page's text, so they are
 * never prefixed. */
void tally_csv_append_number (GString    *out,
                              double      value);

/* Whether `text` would be read as a formula by a spreadsheet. */
gboolean tally_csv_is_formula (const char *text);

G_END_DECLS
