/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define _GNU_SOURCE  /* memmem */
#include "tally-ingest-private.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <string.h>

/* A saved news page → metadata, comments and the article's blocks. The page
 * is parsed leniently by libxml2; metadata is read first (it often sits in
 * the header that is dropped next), then the comment section is taken out,
 * then furniture (nav, share bars, related links…) is removed, and the main
 * text is the <article>, the marked article body, or the densest block. */

#define NAME_IS(node, str) (xmlStrcasecmp ((node)->name, BAD_CAST (str)) == 0)

typedef struct
{
  char *og_title;
  char *h1;
  char *title;
  char *site_name;
  char *canonical;
  char *published;
  char *time_datetime;
  char *meta_date;
  char *author;
  char *byline;
  char *ld_headline;
  char *ld_date;
  char *ld_author;
  char *ld_publisher;
} Meta;

static void
meta_clear (Meta *m)
{
  char **fields[] = { &m->og_title, &m->h1, &m->title, &m->site_name, &m->canonical, &m->published,
                      &m->time_datetime, &m->meta_date, &m->author, &m->byline, &m->ld_headline,
                      &m->ld_date, &m->ld_author, &m->ld_publisher };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_clear_pointer (fields[i], g_free);
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *result;

  if (value == NULL)
    return NULL;
  result = tally_collapse_space ((const char *) value);
  xmlFree (value);
  if (*result == '\0')
    g_clear_pointer (&result, g_free);
  return result;
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *result;

  if (content == NULL)
    return g_strdup ("");
  result = tally_collapse_space ((const char *) content);
  xmlFree (content);
  return result;
}

/* At most `max` words (and at least one). */
static gboolean
count_words_max (const char *text,
                 guint       max)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n >= 1 && n <= max;
}

static void
set_once (char **field,
          char  *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = value;
  else
    g_free (value);
}

/* True when a class token or the id of `node` matches a rule. */
static gboolean
node_matches (xmlNode        *node,
              TallyRuleScope  scope)
{
  /* Most elements carry no attribute at all. */
  if (node->properties == NULL)
    return FALSE;

  g_autofree char *klass = get_attr (node, "class");
  g_autofree char *id = get_attr (node, "id");
  g_autofree char *itemprop = get_attr (node, "itemprop");

  if (id != NULL && tally_rules_match (scope, id, NULL))
    return TRUE;
  if (itemprop != NULL && tally_rules_match (scope, itemprop, NULL))
    return TRUE;
  if (klass != NULL)
    {
      g_auto(GStrv) tokens = g_strsplit (klass, " ", -1);

      for (guint i = 0; tokens[i] != NULL; i++)
        if (*tokens[i] && tally_rules_match (scope, tokens[i], NULL))
          return TRUE;
    }
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* JSON-LD */

/* The string in a node, or NULL for anything else: pages' JSON-LD is
 * hand-written and may hold any shape where a string belongs. */
static const char *
node_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
is_article_type (JsonObject *object)
{
  JsonNode *type = json_object_get_member (object, "@type");
  static const char * const types[] = { "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                                        "OpinionNewsArticle", "BlogPosting", "Report", "WebPage" };

  if (type == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *array = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (array); i++)
        for (guint t = 0; t < G_N_ELEMENTS (types) - 1; t++)
          if (g_strcmp0 (node_string (json_array_get_element (array, i)), types[t]) == 0)
            return TRUE;
      return FALSE;
    }
  for (guint t = 0; t < G_N_ELEMENTS (types) - 1; t++)
    if (g_strcmp0 (node_string (type), types[t]) == 0)
      return TRUE;
  return FALSE;
}

static char *
ld_name_depth (JsonNode *node,
               guint     depth)
{
  if (node == NULL || depth > 8)
    return NULL;
  if (node_string (node) != NULL)
    return g_strdup (node_string (node));
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (json_object_has_member (object, "name"))
        return ld_name_depth (json_object_get_member (object, "name"), depth + 1);
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          char *name = ld_name_depth (json_array_get_element (array, i), depth + 1);

          if (name != NULL)
            g_ptr_array_add (names, name);
        }
      g_ptr_array_add (names, NULL);
      return names->len > 1 ? g_strjoinv (", ", (char **) names->pdata) : NULL;
    }
  return NULL;
}

static char *
ld_name (JsonNode *node)
{
  return ld_name_depth (node, 0);
}

static void
read_ld_node (Meta     *m,
              JsonNode *node,
              guint     depth)
{
  if (node == NULL || depth > 8)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        read_ld_node (m, json_array_get_element (array, i), depth + 1);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  JsonObject *object = json_node_get_object (node);

  if (json_object_has_member (object, "@graph"))
    read_ld_node (m, json_object_get_member (object, "@graph"), depth + 1);
  if (!is_article_type (object))
    return;
  set_once (&m->ld_headline, ld_name (json_object_get_member (object, "headline")));
  set_once (&m->ld_date, ld_name (json_object_get_member (object, "datePublished")));
  set_once (&m->ld_author, ld_name (json_object_get_member (object, "author")));
  set_once (&m->ld_publisher, ld_name (json_object_get_member (object, "publisher")));
}

static void
read_ld_json (Meta    *m,
              xmlNode *script)
{
  xmlChar *content = xmlNodeGetContent (script);
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (content != NULL && json_parser_load_from_data (parser, (const char *) content, -1, NULL))
    read_ld_node (m, json_parser_get_root (parser), 0);
  xmlFree (content);
}

/* ---------------------------------------------------------------------- */
/* Metadata */

static void
read_meta (Meta    *m,
           xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      int in_comments = -1;   /* not looked at yet */

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (NAME_IS (node, "meta"))
        {
          g_autofree char *key = get_attr (node, "property");
          g_autofree char *content = get_attr (node, "content");

          if (key == NULL)
            key = get_attr (node, "name");
          if (key == NULL)
            key = get_attr (node, "itemprop");
          if (key == NULL || content == NULL)
            continue;
          if (g_ascii_strcasecmp (key, "og:title") == 0)
            set_once (&m->og_title, g_steal_pointer (&content));
          else if (g_ascii_strcasecmp (key, "og:site_name") == 0)
            set_once (&m->site_name, g_steal_pointer (&content));
          else if (g_ascii_strcasecmp (key, "og:url") == 0)
            set_once (&m->canonical, g_steal_pointer (&content));
          else if (g_ascii_strcasecmp (key, "article:published_time") == 0)
            set_once (&m->published, g_steal_pointer (&content));
          else if (g_ascii_strcasecmp (key, "author") == 0
                   || (g_ascii_strcasecmp (key, "article:author") == 0 && strstr (content, "://") == NULL))
            set_once (&m->author, g_steal_pointer (&content));
          else if (g_ascii_strcasecmp (key, "date") == 0 || g_ascii_strcasecmp (key, "pubdate") == 0
                   || g_ascii_strcasecmp (key, "dc.date") == 0 || g_ascii_strcasecmp (key, "dcterms.date") == 0
                   || g_ascii_strcasecmp (key, "datePublished") == 0)
            set_once (&m->meta_date, g_steal_pointer (&content));
          continue;
        }
      if (NAME_IS (node, "link"))
        {
          g_autofree char *rel = get_attr (node, "rel");

          if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0)
            {
              g_free (m->canonical);
              m->canonical = get_attr (node, "href");
            }
          continue;
        }
      if (NAME_IS (node, "title"))
        {
          set_once (&m->title, node_text (node));
          continue;
        }
      if (NAME_IS (node, "script"))
        {
          g_autofree char *type = get_attr (node, "type");

          if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0)
            read_ld_json (m, node);
          continue;
        }
      if (NAME_IS (node, "h1"))
        set_once (&m->h1, node_text (node));
      else if (NAME_IS (node, "time"))
        set_once (&m->time_datetime, get_attr (node, "datetime"));
      else if (m->byline == NULL && (in_comments = node_matches (node, TALLY_RULE_HTML_COMMENTS)) == FALSE)
        {
          g_autofree char *klass = get_attr (node, "class");
          g_autofree char *rel = get_attr (node, "rel");

          if ((klass != NULL && strstr (klass, "byline") != NULL) || (rel != NULL && g_str_equal (rel, "author")))
            {
              g_autofree char *text = node_text (node);
              g_autofree char *author = NULL;

              if (tally_rules_match (TALLY_RULE_BYLINE, text, &author) && author != NULL && *author)
                set_once (&m->byline, g_steal_pointer (&author));
              else if (count_words_max (text, 5))
                set_once (&m->byline, g_steal_pointer (&text));
            }
        }
      if (in_comments == -1)
        in_comments = node_matches (node, TALLY_RULE_HTML_COMMENTS);
      if (in_comments)
        continue;
      read_meta (m, node->children);
    }
}

/* ---------------------------------------------------------------------- */
/* Blocks */

static const char * const block_tags[] = {
  "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li",
  "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "dl", "dt",
  "dd", "figure", "figcaption", "address", "hr", "details", "summary", "center", "form", "fieldset",
  "body", "caption", "tbody", "thead", "tfoot",
};

static const char * const drop_tags[] = {
  "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
  "iframe", "button", "input", "select", "textarea", "figure", "dialog", "menu", "object", "embed",
  "canvas", "video", "audio", "map", "head",
};

static gboolean
tag_in (xmlNode            *node,
        const char * const *tags,
        guint               n)
{
  for (guint i = 0; i < n; i++)
    if (NAME_IS (node, tags[i]))
      return TRUE;
  return FALSE;
}

/* What every flattening of one page shares, so that the work stays linear
 * in the page however many blocks and comments it has. */
typedef struct
{
  const TallyDecoded *decoded;
  GArray *line_starts;   /* gsize: byte offset of each line, made on first use */
  gsize scan_budget;     /* bytes find_source may still search freely */
} Page;

/* A search that found nothing scanned to the end of the page: once a few
 * page-lengths went into those, searches look only this far ahead. */
#define SCAN_WINDOW 4096

typedef struct
{
  const TallyDecoded *decoded;
  Page *page;
  GPtrArray *lines;
  GArray *pieces;        /* TallyPiece (owned text), one per text node */
  gsize len;             /* bytes in pieces */
  gboolean space;        /* white space seen since the last piece */
  gsize link_len;
  gsize cursor;          /* search position in the decoded source */
  TallyLineKind kind;
  xmlNode *block;        /* the element whose text is in pieces */
  const char *skip_text; /* lowercased title: an equal heading is left out */
} Flat;

static gsize
line_start_offset (Flat *f)
{
  Page *page = f->page;
  long line = f->block != NULL ? xmlGetLineNo (f->block) : 0;

  if (page->line_starts == NULL)
    {
      const char *data = page->decoded->data, *nl;
      gsize pos = 0, len = page->decoded->len;

      page->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_array_append_val (page->line_starts, pos);
      while (pos < len && (nl = memchr (data + pos, '\n', len - pos)) != NULL)
        {
          pos = nl - data + 1;
          g_array_append_val (page->line_starts, pos);
        }
    }
  if (line < 1)
    line = 1;
  if ((gsize) line > page->line_starts->len)
    line = page->line_starts->len;
  return tally_decoded_source_offset (page->decoded, g_array_index (page->line_starts, gsize, line - 1));
}

/* Where a text node's words are in the original file: its first run of
 * words, searched from the previous node on (entities and markup make the
 * bytes differ, so the words are the anchor). Bytes of UTF-8 sequences count
 * as word bytes, so Cyrillic or Chinese text finds its place too. */
static gboolean
is_word_byte (char c)
{
  return g_ascii_isalnum (c) || (guchar) c >= 0x80;
}

static gsize
find_source (Flat       *f,
             const char *text,
             gsize      *anchor)
{
  const char *data = f->decoded->data;
  gsize skip = 0, n = 0;
  char probe[32];
  const char *hit;

  while (text[skip] && !is_word_byte (text[skip]))
    skip++;
  while (text[skip + n] && n < sizeof probe - 1 && (is_word_byte (text[skip + n]) || text[skip + n] == ' '))
    n++;
  while (n > 0 && text[skip + n - 1] == ' ')
    n--;
  if (n >= 4)
    {
      gsize avail = f->decoded->len - MIN (f->cursor, f->decoded->len);
      gsize reach = f->page->scan_budget >= avail ? avail : MIN (avail, SCAN_WINDOW);

      memcpy (probe, text + skip, n);
      hit = memmem (data + f->cursor, reach, probe, n);
      f->page->scan_budget -= MIN (f->page->scan_budget, hit != NULL ? (gsize) (hit - (data + f->cursor)) + n : reach);
      if (hit != NULL)
        {
          gsize at = hit - data;

          f->cursor = at + n;
          at = at >= skip ? at - skip : 0;
          *anchor = at;
          return tally_decoded_source_offset (f->decoded, at);
        }
    }
  /* Not found: just after the previous piece, or the element's line. */
  if (f->pieces->len > 0)
    {
      const TallyPiece *last = &g_array_index (f->pieces, TallyPiece, f->pieces->len - 1);

      return last->src + last->len;
    }
  return line_start_offset (f);
}

static void
flat_add_text (Flat       *f,
               const char *raw)
{
  g_autofree char *text = tally_collapse_space (raw);
  gsize raw_len = strlen (raw);
  gboolean lead = raw_len > 0 && (g_ascii_isspace (raw[0]) || g_str_has_prefix (raw, "\xC2\xA0"));
  gboolean trail = raw_len > 0 && (g_ascii_isspace (raw[raw_len - 1]) || g_str_has_suffix (raw, "\xC2\xA0"));
  TallyPiece piece = { 0 };
  gsize src, anchor = G_MAXSIZE;

  if (*text == '\0')
    {
      f->space |= raw_len > 0;
      return;
    }
  src = find_source (f, text, &anchor);
  if ((f->space || lead) && f->pieces->len > 0)
    {
      char *spaced = g_strconcat (" ", text, NULL);

      g_free (text);
      text = spaced;
      src = src > 0 ? src - 1 : 0;
      piece.anchor_skip = 1;
    }
  piece.anchored = anchor != G_MAXSIZE;
  piece.anchor = anchor;
  piece.len = strlen (text);
  piece.src = src;
  piece.exact = FALSE;
  piece.owned = g_steal_pointer (&text);
  piece.text = piece.owned;
  g_array_append_val (f->pieces, piece);
  f->len += piece.len;
  f->space = trail;
}

static void
flat_flush (Flat *f)
{
  if (f->pieces->len > 0)
    {
      TallyLine *line = g_new0 (TallyLine, 1);
      g_autofree char *norm = NULL;

      line->pieces = f->pieces;
      line->kind = f->kind;
      tally_line_update_text (line);
      norm = g_utf8_strdown (line->text, -1);

      if (f->kind == TALLY_LINE_HEADING && f->skip_text != NULL && g_str_equal (norm, f->skip_text))
        tally_line_free (line);
      else
        {
          /* Mostly links and short: a list of related stories, tags, a menu. */
          line->furniture = f->link_len * 10 > f->len * 6 && f->kind != TALLY_LINE_HEADING
                            && count_words_max (line->text, 15);
          g_ptr_array_add (f->lines, line);
        }
      f->pieces = g_array_new (FALSE, FALSE, sizeof (TallyPiece));
    }
  f->len = 0;
  f->space = FALSE;
  f->link_len = 0;
}

static void
flatten (Flat    *f,
         xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (child->content != NULL)
            flat_add_text (f, (const char *) child->content);
          continue;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (NAME_IS (child, "br"))
        {
          flat_flush (f);
          continue;
        }
      if (tag_in (child, block_tags, G_N_ELEMENTS (block_tags)))
        {
          TallyLineKind saved_kind = f->kind;
          xmlNode *saved_block = f->block;

          flat_flush (f);
          f->block = child;
          if (child->name[0] == 'h' && g_ascii_isdigit (child->name[1]))
            f->kind = TALLY_LINE_HEADING;
          else if (NAME_IS (child, "li"))
            f->kind = TALLY_LINE_LIST;
          else if (f->kind != TALLY_LINE_LIST)
            f->kind = TALLY_LINE_PLAIN;
          flatten (f, child);
          flat_flush (f);
          f->kind = saved_kind;
          f->block = saved_block;
          continue;
        }
      if (NAME_IS (child, "a"))
        {
          gsize before = f->len;

          flatten (f, child);
          f->link_len += f->len - before;
          continue;
        }
      flatten (f, child);
    }
}

static GPtrArray *
flatten_node (Page       *page,
              xmlNode    *node,
              const char *skip_title)
{
  g_autofree char *skip = skip_title != NULL ? g_utf8_strdown (skip_title, -1) : NULL;
  Flat f = { page->decoded, page, g_ptr_array_new_with_free_func ((GDestroyNotify) tally_line_free),
             g_array_new (FALSE, FALSE, sizeof (TallyPiece)), 0, FALSE, 0, 0, TALLY_LINE_PLAIN, node, skip };

  flatten (&f, node);
  flat_flush (&f);
  g_array_unref (f.pieces);
  return f.lines;
}

/* ---------------------------------------------------------------------- */
/* Comments */

/* The first element under node that matches, looking at no more than
 * *budget elements when budget is given. */
static xmlNode *
find_matching_within (xmlNode        *node,
                      TallyRuleScope  scope,
                      guint          *budget)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      xmlNode *found;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (budget != NULL && (*budget)-- == 0)
        return NULL;
      if (node_matches (child, scope))
        return child;
      if ((found = find_matching_within (child, scope, budget)) != NULL)
        return found;
      if (budget != NULL && *budget == 0)
        return NULL;
    }
  return NULL;
}

static xmlNode *
find_matching (xmlNode        *node,
               TallyRuleScope  scope)
{
  return find_matching_within (node, scope, NULL);
}

static void
collect_matching (xmlNode        *node,
                  TallyRuleScope  scope,
                  GPtrArray      *out)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (node_matches (child, scope))
        g_ptr_array_add (out, child);
      else
        collect_matching (child, scope, out);
    }
}

static char *
comment_author (xmlNode *content,
                xmlNode *container)
{
  for (xmlNode *up = content->parent; up != NULL && up != container->parent; up = up->parent)
    {
      /* An author sits near its comment; a bounded look keeps a section of
       * many comments without authors from being searched once per comment. */
      guint budget = 200;
      xmlNode *author = find_matching_within (up, TALLY_RULE_HTML_AUTHOR, &budget);

      if (author != NULL)
        {
          g_autofree char *text = node_text (author);
          char *name = NULL;

          if (tally_rules_match (TALLY_RULE_COMMENT_AUTHOR, text, &name))
            return name;
          return g_steal_pointer (&text);
        }
    }
  return NULL;
}

static void
extract_comments (TallyDocumentRecord *record,
                  Page                *page,
                  xmlNode             *container)
{
  g_autoptr(GPtrArray) contents = g_ptr_array_new ();

  collect_matching (container, TALLY_RULE_HTML_CONTENT, contents);
  if (contents->len > 0)
    {
      for (guint i = 0; i < contents->len; i++)
        {
          xmlNode *content = g_ptr_array_index (contents, i);
          g_autofree char *author = comment_author (content, container);
          g_autoptr(GPtrArray) lines = flatten_node (page, content, NULL);
          g_autoptr(GString) text = g_string_new (NULL);

          for (guint j = 0; j < lines->len; j++)
            {
              TallyLine *line = g_ptr_array_index (lines, j);

              if (text->len > 0)
                g_string_append_c (text, '\n');
              g_string_append (text, line->text);
            }
          if (text->len > 0)
            g_ptr_array_add (record->comments, tally_comment_new (author, text->str));
        }
      return;
    }

  /* No marked-up comments: read the section as lines, author then text. */
  {
    g_autoptr(GPtrArray) lines = flatten_node (page, container, NULL);
    g_autoptr(GPtrArray) kept = g_ptr_array_new ();
    guint expected = 0;

    for (guint i = 0; i < lines->len; i++)
      {
        TallyLine *line = g_ptr_array_index (lines, i);

        if (tally_rules_match (TALLY_RULE_COMMENTS, line->text, NULL))
          {
            expected = g_ascii_isdigit (line->text[0]) ? (guint) g_ascii_strtoull (line->text, NULL, 10) : 0;
            continue;
          }
        if (tally_rules_match (TALLY_RULE_LINE, line->text, NULL) || line->furniture)
          continue;
        g_ptr_array_add (kept, line);
      }
    tally_parse_comment_lines (record, (TallyLine **) kept->pdata, kept->len, expected);
  }
}

/* ---------------------------------------------------------------------- */
/* Furniture and the main block */

static gsize
text_length (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  gsize len = content != NULL ? strlen ((const char *) content) : 0;

  xmlFree (content);
  return len;
}

static void
drop_furniture (xmlNode *node,
                gsize    page_len)
{
  xmlNode *child = node->children;

  while (child != NULL)
    {
      xmlNode *next = child->next;

      if (child->type == XML_COMMENT_NODE || child->type == XML_PI_NODE)
        {
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      else if (child->type == XML_ELEMENT_NODE)
        {
          gboolean drop = tag_in (child, drop_tags, G_N_ELEMENTS (drop_tags));

          /* A class that says "sidebar" on the element holding most of the
           * page is a theme's layout class, not furniture. */
          if (!drop && !NAME_IS (child, "body") && !NAME_IS (child, "main") && !NAME_IS (child, "article")
              && (node_matches (child, TALLY_RULE_HTML_DROP) || node_matches (child, TALLY_RULE_HTML_COMMENTS)))
            drop = text_length (child) * 2 < page_len;
          if (drop)
            {
              xmlUnlinkNode (child);
              xmlFreeNode (child);
            }
          else
            drop_furniture (child, page_len);
        }
      child = next;
    }
}

static gsize
paragraph_text (xmlNode *node)
{
  gsize total = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (NAME_IS (child, "p"))
        total += text_length (child);
      else
        total += paragraph_text (child);
    }
  return total;
}

static void
collect_elements (xmlNode    *node,
                  const char *name,
                  GPtrArray  *out)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      {
        if (NAME_IS (child, name))
          g_ptr_array_add (out, child);
        else
          collect_elements (child, name, out);
      }
}

static void
score_paragraphs (xmlNode    *node,
                  GHashTable *scores)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (NAME_IS (child, "p"))
        {
          gsize len = text_length (child);
          xmlNode *parent = child->parent, *grand = parent != NULL ? parent->parent : NULL;

          if (parent != NULL)
            g_hash_table_insert (scores, parent, GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_hash_table_lookup (scores, parent)) + len));
          if (grand != NULL)
            g_hash_table_insert (scores, grand, GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_hash_table_lookup (scores, grand)) + len / 2));
        }
      else
        score_paragraphs (child, scores);
    }
}

static xmlNode *
choose_main (xmlNode *body)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  g_autoptr(GHashTable) scores = NULL;
  xmlNode *best = NULL, *marked;
  gsize best_len = 0;
  GHashTableIter iter;
  gpointer key, value;

  if ((marked = find_matching (body, TALLY_RULE_HTML_BODY)) != NULL && paragraph_text (marked) + text_length (marked) > 200)
    return marked;

  collect_elements (body, "article", articles);
  for (guint i = 0; i < articles->len; i++)
    {
      gsize len = paragraph_text (g_ptr_array_index (articles, i));

      if (len > best_len)
        best = g_ptr_array_index (articles, i), best_len = len;
    }
  if (best != NULL && best_len >= 200)
    return best;

  /* The densest block: each paragraph scores its parent and grandparent. */
  scores = g_hash_table_new (NULL, NULL);
  score_paragraphs (body, scores);
  best = NULL, best_len = 0;
  g_hash_table_iter_init (&iter, scores);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_SIZE (value) > best_len)
      best = key, best_len = GPOINTER_TO_SIZE (value);
  return best != NULL ? best : body;
}

/* ---------------------------------------------------------------------- */

/* A site name: a few words, each capitalised ("Northern Post", "BBC"). */
static gboolean
looks_like_site_name (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n = g_strv_length (words);

  if (n == 0 || n > 4)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!g_unichar_isupper (g_utf8_get_char (words[i])) && !g_unichar_isdigit (g_utf8_get_char (words[i])))
      return FALSE;
  return TRUE;
}

/* "Headline | Outlet" → "Headline". A dash is also a headline's own
 * punctuation, so after a dash only the outlet's name (or something that
 * looks like a site name) is taken off. */
static char *
strip_title_suffix (const char *title,
                    const char *outlet)
{
  static const char * const seps[] = { " | ", " :: ", " – ", " — ", " - " };

  for (guint i = 0; i < G_N_ELEMENTS (seps); i++)
    {
      const char *sep = g_strrstr (title, seps[i]);
      const char *suffix;

      if (sep == NULL || sep == title)
        continue;
      suffix = sep + strlen (seps[i]);
      if (outlet != NULL ? g_ascii_strcasecmp (suffix, outlet) == 0 || (i < 2 && strlen (suffix) <= 40)
                         : (i < 2 && strlen (suffix) <= 40) || looks_like_site_name (suffix))
        return g_strndup (title, sep - title);
    }
  return g_strdup (title);
}

/* libxml2 compares each attribute of a start tag with every earlier one
 * (time grows with the square of their number: 40,000 on one element take
 * 11 s, a million never finish). Real elements carry a handful, so a page
 * with an element of more than this many is refused before parsing. */
#define MAX_ATTRIBUTES 1000

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Skips raw text up to "</name" (script and style hold no tags). */
static gsize
skip_raw_text (const char *data,
               gsize       len,
               gsize       i,
               const char *name,
               gsize       name_len)
{
  const char *p;

  while (i < len && (p = memchr (data + i, '<', len - i)) != NULL)
    {
      i = p - data + 1;
      if (i + 1 + name_len <= len && data[i] == '/' && g_ascii_strncasecmp (data + i + 1, name, name_len) == 0)
        return i - 1;
    }
  return len;
}

const char *
tally_html_check_limits (const TallyDecoded *decoded)
{
  const char *data = decoded->data;
  gsize len = decoded->len, i = 0;
  const char *p;

  while (i < len && (p = memchr (data + i, '<', len - i)) != NULL)
    {
      gsize name_start, name_len;
      guint count = 0;

      i = p - data + 1;
      if (i + 3 <= len && memcmp (data + i, "!--", 3) == 0)
        {
          const char *end = memmem (data + i + 3, len - i - 3, "-->", 3);

          i = end != NULL ? (gsize) (end - data) + 3 : len;
          continue;
        }
      if (i >= len || !g_ascii_isalpha (data[i]))
        continue;
      name_start = i;
      while (i < len && !is_space (data[i]) && data[i] != '>' && data[i] != '/')
        i++;
      name_len = i - name_start;
      /* Attributes: a name, then maybe "= value" (quoted or not). */
      while (i < len && data[i] != '>')
        {
          if (is_space (data[i]) || data[i] == '/')
            {
              i++;
              continue;
            }
          if (++count > MAX_ATTRIBUTES)
            return _("an element has more than 1000 attributes, which no article needs; the page is not read");
          while (i < len && !is_space (data[i]) && data[i] != '>' && data[i] != '=')
            i++;
          while (i < len && is_space (data[i]))
            i++;
          if (i < len && data[i] == '=')
            {
              i++;
              while (i < len && is_space (data[i]))
                i++;
              if (i < len && (data[i] == '"' || data[i] == '\''))
                {
                  const char *close = memchr (data + i + 1, data[i], len - i - 1);

                  i = close != NULL ? (gsize) (close - data) + 1 : len;
                }
              else
                while (i < len && !is_space (data[i]) && data[i] != '>')
                  i++;
            }
        }
      if ((name_len == 6 && g_ascii_strncasecmp (data + name_start, "script", 6) == 0)
          || (name_len == 5 && g_ascii_strncasecmp (data + name_start, "style", 5) == 0))
        i = skip_raw_text (data, len, i, data + name_start, name_len);
    }
  return NULL;
}

static gpointer
init_libxml (gpointer data)
{
  xmlInitParser ();
  return NULL;
}

GPtrArray *
tally_html_extract (TallyDocumentRecord *record,
                    const TallyDecoded  *decoded)
{
  static GOnce once = G_ONCE_INIT;
  htmlDocPtr doc;
  xmlNode *root, *body = NULL, *main_node;
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();
  Page page = { decoded, NULL, decoded->len * 4 + (1 << 20) };
  gsize body_len;
  Meta m = { 0 };
  GPtrArray *lines;

  g_once (&once, init_libxml, NULL);
  doc = htmlReadMemory (decoded->data, (int) decoded->len, NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
                        /* elements nested deeper than 256 (2048 with HUGE) end the parse */
                        | XML_PARSE_HUGE);
  if (doc == NULL || (root = xmlDocGetRootElement (doc)) == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      return g_ptr_array_new_with_free_func ((GDestroyNotify) tally_line_free);
    }

  read_meta (&m, root);
  record->outlet = g_strdup (m.site_name != NULL ? m.site_name : m.ld_publisher);
  if (record->outlet == NULL)
    record->outlet = tally_url_host (m.canonical);
  if (m.h1 != NULL)
    record->title = g_strdup (m.h1);
  else if (m.og_title != NULL || m.ld_headline != NULL)
    record->title = g_strdup (m.og_title != NULL ? m.og_title : m.ld_headline);
  else if (m.title != NULL)
    record->title = strip_title_suffix (m.title, record->outlet);
  record->published = tally_parse_date (m.published);
  if (record->published == NULL)
    record->published = tally_parse_date (m.ld_date);
  if (record->published == NULL)
    record->published = tally_parse_date (m.time_datetime);
  if (record->published == NULL)
    record->published = tally_parse_date (m.meta_date);
  record->author = g_strdup (m.author != NULL ? m.author : m.ld_author != NULL ? m.ld_author : m.byline);

  for (xmlNode *n = root; n != NULL && body == NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE)
      body = NAME_IS (n, "body") ? n : NULL;
  if (body == NULL)
    for (xmlNode *n = root->children; n != NULL && body == NULL; n = n->next)
      if (n->type == XML_ELEMENT_NODE && NAME_IS (n, "body"))
        body = n;
  if (body == NULL)
    body = root;

  /* Comments first: their markup (footer, author links) is furniture-like.
   * All sections are found in one walk and the body's length is kept up to
   * date by subtraction: a page of 200,000 sections stays linear. */
  collect_matching (body, TALLY_RULE_HTML_COMMENTS, sections);
  body_len = text_length (body);
  for (guint i = 0; i < sections->len; i++)
    {
      xmlNode *comments = g_ptr_array_index (sections, i);
      gsize len = text_length (comments);

      if (len * 2 < body_len)
        extract_comments (record, &page, comments);
      body_len -= MIN (len, body_len);
      xmlUnlinkNode (comments);
      xmlFreeNode (comments);
    }

  drop_furniture (body, body_len);
  main_node = choose_main (body);
  lines = flatten_node (&page, main_node, record->title);
  if (page.line_starts != NULL)
    g_array_unref (page.line_starts);

  meta_clear (&m);
  xmlFreeDoc (doc);
  return lines;
}
