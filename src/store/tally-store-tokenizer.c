/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-store-private.h"

#include <glib.h>
#include <string.h>

#ifdef HAVE_LIBSTEMMER
#include <libstemmer.h>
#endif

/* The project's FTS5 tokenizer, "tally": SQLite's unicode61 with the
 * arguments it is given, and two changes for words unicode61 cannot find.
 *
 * - Scripts written without spaces (Han, Hiragana, Katakana): unicode61
 *   makes a whole run of characters between punctuation one token, so no
 *   word inside a Chinese sentence could be found. Each such character is
 *   a token of its own instead; a query word of several characters is then
 *   a phrase of them (FTS5 makes a phrase of a string that tokenizes into
 *   several tokens), found where the characters stand together.
 * - Cyrillic words are reduced to their Snowball (Russian) stem, in the
 *   index and in queries alike, so "соглашений" finds "соглашение" and
 *   "соглашения". Prefix queries ("соглаш*") are not stemmed.
 *
 * Every other token is unicode61's own, byte for byte: English search
 * results and ranking stay what they were. */

typedef struct
{
  fts5_tokenizer inner_api;
  Fts5Tokenizer *inner;
#ifdef HAVE_LIBSTEMMER
  struct sb_stemmer *russian;
#endif
} TallyTokenizer;

typedef struct
{
  TallyTokenizer *self;
  void *ctx;
  int (*token) (void *, int, const char *, int, int, int);
  const char *text;
  int flags;
} TokenizeCall;

static gboolean
is_unspaced (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
         script == G_UNICODE_SCRIPT_KATAKANA;
}

static int
emit_split (TokenizeCall *call,
            int           tflags,
            int           start,
            int           end)
{
  const char *p = call->text + start, *stop = call->text + end;
  const char *run = NULL;
  int rc = SQLITE_OK;

  /* Characters of unspaced scripts one by one; other letters between them
   * (rare: "报道Reuters" without a space) as one lower-cased token. */
  while (rc == SQLITE_OK && p < stop)
    {
      gunichar c = g_utf8_get_char_validated (p, stop - p);
      const char *next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      next = g_utf8_next_char (p);
      if (is_unspaced (c))
        {
          if (run != NULL)
            {
              g_autofree char *word = g_utf8_strdown (run, p - run);

              rc = call->token (call->ctx, tflags, word, (int) strlen (word),
                                (int) (run - call->text), (int) (p - call->text));
              run = NULL;
              if (rc != SQLITE_OK)
                break;
            }
          rc = call->token (call->ctx, tflags, p, (int) (next - p), (int) (p - call->text), (int) (next - call->text));
        }
      else if (run == NULL)
        run = p;
      p = next;
    }
  if (rc == SQLITE_OK && run != NULL)
    {
      g_autofree char *word = g_utf8_strdown (run, p - run);

      rc = call->token (call->ctx, tflags, word, (int) strlen (word),
                        (int) (run - call->text), (int) (p - call->text));
    }
  return rc;
}

static int
on_token (void       *data,
          int         tflags,
          const char *token,
          int         len,
          int         start,
          int         end)
{
  TokenizeCall *call = data;
  gboolean unspaced = FALSE, cyrillic = FALSE;
  int i = 0;

  /* ASCII tokens (most of an English text) pass as they are. */
  while (i < len && (guchar) token[i] < 0x80)
    i++;
  if (i == len)
    return call->token (call->ctx, tflags, token, len, start, end);

  for (const char *p = token + i; p < token + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, token + len - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (c < 0x80)
        continue;
      unspaced |= is_unspaced (c);
      cyrillic |= g_unichar_get_script (c) == G_UNICODE_SCRIPT_CYRILLIC;
    }
  if (unspaced)
    return emit_split (call, tflags, start, end);
#ifdef HAVE_LIBSTEMMER
  if (cyrillic && call->self->russian != NULL && !(call->flags & FTS5_TOKENIZE_PREFIX))
    {
      const sb_symbol *stem = sb_stemmer_stem (call->self->russian, (const sb_symbol *) token, len);

      if (stem != NULL)
        return call->token (call->ctx, tflags, (const char *) stem,
                            sb_stemmer_length (call->self->russian), start, end);
    }
#endif
  return call->token (call->ctx, tflags, token, len, start, end);
}

static int
tally_tokenizer_tokenize (Fts5Tokenizer *tokenizer,
                          void          *ctx,
                          int            flags,
                          const char    *text,
                          int            len,
                          int          (*token) (void *, int, const char *, int, int, int))
{
  TallyTokenizer *self = (TallyTokenizer *) tokenizer;
  TokenizeCall call = { self, ctx, token, text, flags };

  return self->inner_api.xTokenize (self->inner, &call, flags, text, len, on_token);
}

static void
tally_tokenizer_delete (Fts5Tokenizer *tokenizer)
{
  TallyTokenizer *self = (TallyTokenizer *) tokenizer;

  if (self->inner != NULL)
    self->inner_api.xDelete (self->inner);
#ifdef HAVE_LIBSTEMMER
  if (self->russian != NULL)
    sb_stemmer_delete (self->russian);
#endif
  g_free (self);
}

static int
tally_tokenizer_create (void           *user_data,
                        const char    **args,
                        int             n_args,
                        Fts5Tokenizer **out)
{
  fts5_api *api = user_data;
  TallyTokenizer *self = g_new0 (TallyTokenizer, 1);
  void *inner_data = NULL;
  int rc;

  rc = api->xFindTokenizer (api, "unicode61", &inner_data, &self->inner_api);
  if (rc == SQLITE_OK)
    rc = self->inner_api.xCreate (inner_data, args, n_args, &self->inner);
  if (rc != SQLITE_OK)
    {
      g_free (self);
      return rc;
    }
#ifdef HAVE_LIBSTEMMER
  self->russian = sb_stemmer_new ("russian", "UTF_8");
#endif
  *out = (Fts5Tokenizer *) self;
  return SQLITE_OK;
}

int
_tally_store_register_tokenizer (sqlite3 *db)
{
  static fts5_tokenizer tokenizer = { tally_tokenizer_create, tally_tokenizer_delete, tally_tokenizer_tokenize };
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  rc = sqlite3_finalize (stmt);
  if (rc != SQLITE_OK || api == NULL)
    return rc != SQLITE_OK ? rc : SQLITE_ERROR;
  return api->xCreateTokenizer (api, "tally", api, &tokenizer, NULL);
}
