/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tally-search-hit.h"

struct _TallySearchHit
{
  GObject  parent_instance;

  TallyDocument *document;
  char    *title;
  char    *snippet_markup;
  char    *subtitle;
  double   rank;
};

G_DEFINE_FINAL_TYPE (TallySearchHit, tally_search_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TITLE,
  PROP_SNIPPET_MARKUP,
  PROP_SUBTITLE,
  PROP_RANK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

TallySearchHit *
tally_search_hit_new (TallyDocument *document,
                      const char    *title,
                      const char    *snippet_markup,
                      double         rank)
{
  return g_object_new (TALLY_TYPE_SEARCH_HIT,
                       "document", document,
                       "title", title,
                       "snippet-markup", snippet_markup,
                       "rank", rank,
                       NULL);
}

TallyDocument *
tally_search_hit_get_document (TallySearchHit *self)
{
  g_return_val_if_fail (TALLY_IS_SEARCH_HIT (self), NULL);
  return self->document;
}

const char *
tally_search_hit_get_title (TallySearchHit *self)
{
  g_return_val_if_fail (TALLY_IS_SEARCH_HIT (self), NULL);
  return self->title;
}

const char *
tally_search_hit_get_snippet_markup (TallySearchHit *self)
{
  g_return_val_if_fail (TALLY_IS_SEARCH_HIT (self), NULL);
  return self->snippet_markup;
}

double
tally_search_hit_get_rank (TallySearchHit *self)
{
  g_return_val_if_fail (TALLY_IS_SEARCH_HIT (self), 0);
  return self->rank;
}

/* Escapes `text` for Pango, leaving out stray match marks. */
static void
append_escaped (GString    *out,
                const char *text,
                gssize      len,
                const char *open,
                const char *close)
{
  g_autofree char *plain = len < 0 ? g_strdup (text) : g_strndup (text, len);
  g_autofree char *escaped = NULL;
  g_auto(GStrv) parts = NULL;

  parts = g_strsplit (plain, open, -1);
  g_free (plain);
  plain = g_strjoinv ("", parts);
  g_strfreev (parts);
  parts = g_strsplit (plain, close, -1);
  g_free (plain);
  plain = g_strjoinv ("", parts);

  /* Paragraph breaks inside a snippet would only break the sidebar's lines. */
  g_strdelimit (plain, "\n\r\t", ' ');
  {
    char *r = plain, *w = plain;

    for (; *r != '\0'; r++)
      if (*r != ' ' || w == plain || w[-1] != ' ')
        *w++ = *r;
    *w = '\0';
  }
  escaped = g_markup_escape_text (plain, -1);
  g_string_append (out, escaped);
}

char *
tally_search_hit_markup_from_snippet (const char *snippet,
                                      const char *open,
                                      const char *close,
                                      const char *highlight)
{
  GString *out = g_string_new (NULL);
  const char *p = snippet;
  gsize open_len, close_len;

  g_return_val_if_fail (snippet != NULL, NULL);
  g_return_val_if_fail (open != NULL && *open && close != NULL && *close, NULL);
  g_return_val_if_fail (highlight != NULL, NULL);

  open_len = strlen (open);
  close_len = strlen (close);
  while (*p != '\0')
    {
      const char *start = strstr (p, open);
      const char *end;

      if (start == NULL)
        break;
      end = strstr (start + open_len, close);
      if (end == NULL)
        break;
      append_escaped (out, p, start - p, open, close);
      /* Bold as well as the highlight: the match does not rely on colour. */
      g_string_append_printf (out, "<b><span background=\"%s\">", highlight);
      append_escaped (out, start + open_len, end - start - open_len, open, close);
      g_string_append (out, "</span></b>");
      p = end + close_len;
    }
  append_escaped (out, p, -1, open, close);
  return g_string_free (out, FALSE);
}

static void
tally_search_hit_finalize (GObject *object)
{
  TallySearchHit *self = TALLY_SEARCH_HIT (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->snippet_markup, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  G_OBJECT_CLASS (tally_search_hit_parent_class)->finalize (object);
}

static void
tally_search_hit_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TallySearchHit *self = TALLY_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SNIPPET_MARKUP:
      g_value_set_string (value, self->snippet_markup);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_RANK:
      g_value_set_double (value, self->rank);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_search_hit_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TallySearchHit *self = TALLY_SEARCH_HIT (object);

  /* Construct-only: a hit never changes. */
  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_SNIPPET_MARKUP:
      self->snippet_markup = g_value_dup_string (value);
      break;
    case PROP_SUBTITLE:
      self->subtitle = g_value_dup_string (value);
      break;
    case PROP_RANK:
      self->rank = g_value_get_double (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_search_hit_class_init (TallySearchHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tally_search_hit_finalize;
  object_class->get_property = tally_search_hit_get_property;
  object_class->set_property = tally_search_hit_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TALLY_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNIPPET_MARKUP] =
    g_param_spec_string ("snippet-markup", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* "Caspian Ledger · 17 Jun 2026" */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RANK] =
    g_param_spec_double ("rank", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_search_hit_init (TallySearchHit *self)
{
}
