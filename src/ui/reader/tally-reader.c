/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "tally-claims.h"
#include "tally-language.h"
#include "tally-reader.h"

#include "tally-document.h"

#include "tally-fact-lexicon.h"
#include "tally-facts.h"
#include "tally-ingest.h"
#include "tally-style.h"
#include "tally-toast.h"

#define TEXT_SCALE_MIN  0.5
#define TEXT_SCALE_MAX  3.0
#define TEXT_SCALE_STEP 1.1

/* A claim as the reader shows it: the record, and where its words are in the
 * buffer (character offsets; boilerplate is in the buffer too, hidden). */
typedef struct
{
  TallyClaimRecord *record;
  int               buffer_start;
  int               buffer_end;
  gboolean          conflicting;
} ReaderClaim;

struct _TallyReader
{
  AdwBin         parent_instance;

  GArray        *claims;          /* ReaderClaim, in text order */
  int            current_claim;
  gsize          text_len;
  GArray        *text_to_buffer;  /* BoilerplateShift, sorted by offset */

  char          *path;            /* the original file, for Open Original */
  char          *origin;          /* … the folder it was imported from … */
  char          *content_hash;    /* … and its bytes' hash then */
  GCancellable  *original_check;  /* the check running before a launch */
  guint          colours_idle;
  double         text_scale;
  guint          show_boilerplate : 1;
  guint          show_back_button : 1;
  guint          show_comments : 1;
  guint          scroll_tick;
  GtkTextMark   *scroll_mark;     /* where the next scroll goes, when not a claim */

  /* Template children */
  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GtkTextView   *text_view;
  GtkTextBuffer *buffer;
  GtkTextBuffer *comments_buffer;
  GtkExpander   *comments_expander;
  GtkLabel      *comments_label;
  GtkLabel      *title_label;
  GtkLabel      *byline_label;
  GtkLabel      *path_label;
  GtkLabel      *position_label;
  GtkLabel      *claim_label;
  GtkRevealer   *claim_revealer;
  GtkScrolledWindow *scroller;
  GtkWidget     *clamp;
};

/* Boilerplate is put back into the buffer where ingest took it out: a text
 * offset maps to itself plus the bytes of the blocks inserted before it. */
typedef struct
{
  gsize offset;       /* text offset the block was taken out at */
  gsize inserted;     /* total bytes inserted at or before this offset */
} BoilerplateShift;

G_DEFINE_FINAL_TYPE (TallyReader, tally_reader, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SHOW_BOILERPLATE,
  PROP_TEXT_SCALE,
  PROP_CURRENT_CLAIM,
  PROP_SHOW_BACK_BUTTON,
  PROP_SHOW_COMMENTS,
  N_PROPS
};

enum {
  CLAIM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Highlight styles. Kinds differ by colour *and* underline style, the
 * tooltip and the figure bar name them, so colour is never the only cue.
 * The colours are the stylesheet's (style.css, style-dark.css): each tag
 * is named as the class whose `color` it takes. */
typedef struct
{
  const char     *name;
  PangoUnderline  underline;
} KindStyle;

static const KindStyle kind_styles[] = {
  [TALLY_CLAIM_KIND_MONEY]    = { "claim-money",    PANGO_UNDERLINE_DOUBLE },
  [TALLY_CLAIM_KIND_PERCENT]  = { "claim-percent",  PANGO_UNDERLINE_SINGLE },
  [TALLY_CLAIM_KIND_COUNT]    = { "claim-count",    PANGO_UNDERLINE_SINGLE },
  [TALLY_CLAIM_KIND_ORDINAL]  = { "claim-ordinal",  PANGO_UNDERLINE_SINGLE },
  [TALLY_CLAIM_KIND_YEAR]     = { "claim-year",     PANGO_UNDERLINE_LOW },
  [TALLY_CLAIM_KIND_DATE]     = { "claim-date",     PANGO_UNDERLINE_LOW },
  [TALLY_CLAIM_KIND_DURATION] = { "claim-duration", PANGO_UNDERLINE_LOW },
  [TALLY_CLAIM_KIND_NUMBER]   = { "claim-number",   PANGO_UNDERLINE_DOUBLE },
};

/* Tags coloured from a style class of the same name, beside the kinds. */
static const char * const coloured_tags[] = { "claim-conflict", "claim-current", "search-match" };

static const char *
kind_label (TallyClaimKind kind)
{
  switch (kind)
    {
    case TALLY_CLAIM_KIND_MONEY: return _("Money");
    case TALLY_CLAIM_KIND_PERCENT: return _("Percentage");
    case TALLY_CLAIM_KIND_COUNT: return _("Count");
    case TALLY_CLAIM_KIND_ORDINAL: return _("Rank");
    case TALLY_CLAIM_KIND_YEAR: return _("Year");
    case TALLY_CLAIM_KIND_DATE: return _("Date");
    case TALLY_CLAIM_KIND_DURATION: return _("Duration");
    case TALLY_CLAIM_KIND_NUMBER: return _("Quantity");
    default: return _("Figure");
    }
}

/* The value as the Facts view shows it ("about $48.2 billion", "17 June
 * 2026", "3.5 million tonnes"), so that the two read the same. */
static char *
format_value (GtkTextBuffer     *buffer,
              const ReaderClaim *rc)
{
  const TallyClaimRecord *claim = rc->record;
  gboolean nearly = FALSE;

  if (!claim->has_value)
    {
      if (claim->relative != NULL)
        return g_strdup_printf (_("“%s”, not resolved"), claim->relative);
      return g_strdup (_("no value"));
    }
  /* "nearly $50 billion" is [45, 50] billion, not about 50. */
  if (claim->qualifier == TALLY_QUALIFIER_APPROX)
    {
      GtkTextIter start, end;
      g_autofree char *words = NULL;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, rc->buffer_start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, rc->buffer_end);
      words = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      nearly = tally_fact_lexicon_says_nearly (tally_fact_lexicon_get_default (), words);
    }
  return tally_fact_format_value_readable (claim->kind, claim->unit, claim->value, claim->has_value_max,
                                           claim->value_max, claim->value_text, claim->value_max_text,
                                           claim->qualifier, nearly);
}

static char *
claim_description (GtkTextBuffer     *buffer,
                   const ReaderClaim *rc,
                   gboolean           markup)
{
  const TallyClaimRecord *claim = rc->record;
  gboolean conflicting = rc->conflicting;
  g_autofree char *value = format_value (buffer, rc);
  GString *out = g_string_new (NULL);

  if (markup)
    g_string_append_printf (out, "<b>%s</b>", kind_label (claim->kind));
  else
    g_string_append (out, kind_label (claim->kind));
  g_string_append (out, ": ");
  if (markup)
    {
      g_autofree char *escaped = g_markup_escape_text (value, -1);
      g_string_append (out, escaped);
    }
  else
    g_string_append (out, value);

  if (claim->measure != NULL)
    {
      g_autofree char *measure = markup ? g_markup_escape_text (claim->measure, -1) : g_strdup (claim->measure);
      /* TRANSLATORS: the thing a figure measures, as “trade” or “cooperation agreement” */
      g_string_append_printf (out, _(" · of %s"), measure);
    }
  if (claim->change)
    g_string_append (out, _(" · a change"));
  if (claim->scope_year != 0)
    g_string_append_printf (out, _(" · in %d"), claim->scope_year);
  if (conflicting)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, markup ? _("<b>Other sources give a different figure</b>")
                                   : _("Other sources give a different figure"));
    }
  return g_string_free (out, FALSE);
}

static ReaderClaim *
reader_claim (TallyReader *self,
              guint        index)
{
  return &g_array_index (self->claims, ReaderClaim, index);
}

static void
reader_claim_clear (gpointer data)
{
  ReaderClaim *claim = data;

  g_clear_pointer (&claim->record, tally_claim_record_free);
}

static void
tally_reader_create_tags (TallyReader *self)
{
  gtk_text_buffer_create_tag (self->buffer, "body", NULL);
  gtk_text_buffer_create_tag (self->comments_buffer, "body", NULL);
  gtk_text_buffer_create_tag (self->comments_buffer, "author",
                              "weight", PANGO_WEIGHT_BOLD,
                              "pixels-above-lines", 12,
                              NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kind_styles); i++)
    gtk_text_buffer_create_tag (self->buffer, kind_styles[i].name,
                                "underline", kind_styles[i].underline,
                                NULL);
  gtk_text_buffer_create_tag (self->buffer, "claim-conflict",
                              "underline", PANGO_UNDERLINE_ERROR,
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
  gtk_text_buffer_create_tag (self->buffer, "claim-current",
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
  /* As the search snippets mark a match: bold on a highlight. */
  gtk_text_buffer_create_tag (self->buffer, "search-match",
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
  /* "Chinese · " before a paragraph in another language than the article's */
  gtk_text_buffer_create_tag (self->buffer, "paragraph-language",
                              "weight", PANGO_WEIGHT_BOLD,
                              "scale", 0.85,
                              "editable", FALSE,
                              NULL);
  gtk_text_buffer_create_tag (self->buffer, "boilerplate",
                              "invisible", TRUE,
                              "style", PANGO_STYLE_ITALIC,
                              "scale", 0.9,
                              "pixels-above-lines", 4,
                              "pixels-below-lines", 4,
                              NULL);
}

/* Kind tags: the class colour as underline and, faint, as background; the
 * conflict tag's underline; the current figure's and a search match's
 * background. */
static void
tally_reader_update_tag_colours (TallyReader *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  GdkRGBA colour, background;

  for (guint i = 0; i < G_N_ELEMENTS (kind_styles); i++)
    {
      tally_style_class_color (kind_styles[i].name, &colour);
      background = colour;
      background.alpha *= 0.16;
      g_object_set (gtk_text_tag_table_lookup (table, kind_styles[i].name),
                    "background-rgba", &background,
                    "underline-rgba", &colour,
                    NULL);
    }
  tally_style_class_color (coloured_tags[0], &colour);
  g_object_set (gtk_text_tag_table_lookup (table, coloured_tags[0]), "underline-rgba", &colour, NULL);
  for (guint i = 1; i < G_N_ELEMENTS (coloured_tags); i++)
    {
      tally_style_class_color (coloured_tags[i], &colour);
      g_object_set (gtk_text_tag_table_lookup (table, coloured_tags[i]), "background-rgba", &colour, NULL);
    }
  tally_style_class_color ("reader-boilerplate", &colour);
  g_object_set (gtk_text_tag_table_lookup (table, "boilerplate"), "foreground-rgba", &colour, NULL);
}

/* libadwaita swaps style-dark.css in as it announces the change: the
 * colours are read once that is done. */
static gboolean
update_tag_colours_idle (gpointer data)
{
  TallyReader *self = data;

  self->colours_idle = 0;
  tally_reader_update_tag_colours (self);
  return G_SOURCE_REMOVE;
}

static void
on_style_changed (TallyReader *self)
{
  if (self->colours_idle == 0)
    self->colours_idle = g_idle_add (update_tag_colours_idle, self);
}

static void
tally_reader_update_boilerplate_tag (TallyReader *self)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (self->buffer), "boilerplate");

  g_object_set (tag, "invisible", !self->show_boilerplate, NULL);
}

static void
tally_reader_update_scale (TallyReader *self)
{
  GtkTextBuffer *buffers[] = { self->buffer, self->comments_buffer };
  GtkLabel *labels[] = { self->title_label, self->byline_label, self->path_label };

  for (guint i = 0; i < G_N_ELEMENTS (buffers); i++)
    {
      GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffers[i]), "body");
      g_object_set (tag, "scale", self->text_scale, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (self->text_scale));
      gtk_label_set_attributes (labels[i], attrs);
    }
}

static void
tally_reader_update_actions (TallyReader *self)
{
  guint n = self->claims->len;
  int current = self->current_claim;
  int first_after = 0, last_before = -1;

  /* Without a current claim, "next" starts at the first and "previous" at the last. */
  if (current >= 0)
    {
      first_after = current + 1;
      last_before = current - 1;
    }
  else
    last_before = (int) n - 1;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.next-claim", first_after < (int) n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.previous-claim", last_before >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.activate-claim", current >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.open-original",
                                 self->path != NULL && g_path_is_absolute (self->path));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.zoom-in", self->text_scale < TEXT_SCALE_MAX - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.zoom-out", self->text_scale > TEXT_SCALE_MIN + 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.zoom-reset", fabs (self->text_scale - 1.0) > 0.001);
}

static void
tally_reader_update_position (TallyReader *self)
{
  g_autofree char *position = NULL;
  guint n_conflicts = 0;

  for (guint i = 0; i < self->claims->len; i++)
    n_conflicts += reader_claim (self, i)->conflicting;

  if (self->claims->len == 0)
    position = g_strdup (_("No figures"));
  else if (self->current_claim < 0)
    position = n_conflicts > 0
      ? g_strdup_printf (ngettext ("%u figure, %u disputed", "%u figures, %u disputed", self->claims->len),
                         self->claims->len, n_conflicts)
      : g_strdup_printf (ngettext ("%u figure", "%u figures", self->claims->len), self->claims->len);
  else
    position = g_strdup_printf (_("Figure %d of %u"), self->current_claim + 1, self->claims->len);
  gtk_label_set_label (self->position_label, position);
}

static int
text_to_buffer_offset (TallyReader *self,
                       gsize        offset,
                       gboolean     is_end)
{
  gsize shift = 0;

  /* A block taken out at `offset` sits before the text byte at `offset`, so
   * it shifts a start there but not an end there. */
  for (guint i = 0; i < self->text_to_buffer->len; i++)
    {
      BoilerplateShift *s = &g_array_index (self->text_to_buffer, BoilerplateShift, i);

      if (s->offset < offset || (!is_end && s->offset == offset))
        shift = s->inserted;
      else
        break;
    }
  return (int) (offset + shift);
}

typedef struct
{
  gsize  byte;
  int   *out;
} BytePosition;

static int
compare_byte_positions (gconstpointer a,
                        gconstpointer b)
{
  const BytePosition *pa = a, *pb = b;

  return (pa->byte > pb->byte) - (pa->byte < pb->byte);
}

/* Turns the claims' byte offsets (already shifted into the buffer string)
 * into character offsets in one pass over the string. */
static void
resolve_char_offsets (const char *text,
                      GArray     *positions)
{
  gsize byte = 0;
  int chars = 0;

  g_array_sort (positions, compare_byte_positions);
  for (guint i = 0; i < positions->len; i++)
    {
      BytePosition *p = &g_array_index (positions, BytePosition, i);

      while (byte < p->byte)
        {
          byte = g_utf8_next_char (text + byte) - text;
          chars++;
        }
      *p->out = chars;
    }
}

static int
compare_boilerplate (gconstpointer a,
                     gconstpointer b)
{
  const TallyBoilerplate *pa = *(TallyBoilerplate * const *) a;
  const TallyBoilerplate *pb = *(TallyBoilerplate * const *) b;

  return (pa->offset > pb->offset) - (pa->offset < pb->offset);
}

/* A text put into the buffer that is not in the document's text: a
 * boilerplate block (on lines of its own) or a paragraph's language
 * ("Chinese · " before a Chinese paragraph of an English article). */
typedef struct
{
  gsize offset;
  const char *text;
  gboolean block;
  const char *language; /* a paragraph's language, for its label */
} Insertion;

static int
compare_insertions (gconstpointer a,
                    gconstpointer b)
{
  const Insertion *x = a, *y = b;

  if (x->offset != y->offset)
    return (x->offset > y->offset) - (x->offset < y->offset);
  return (y->block - x->block);
}

/* The buffer text: the cleaned text with each boilerplate block put back at
 * its offset on lines of its own, and each paragraph in another language
 * than the document's led by that language's name. Returns the block ranges
 * (byte offsets in the result) in `blocks` and the language labels' in
 * `labels`, as pairs; `paragraphs` gets (buffer start, buffer end, language)
 * of each such paragraph. */
static char *
build_buffer_text (TallyReader               *self,
                   const TallyDocumentRecord *record,
                   GArray                    *blocks,
                   GArray                    *labels,
                   GArray                    *paragraphs)
{
  g_autoptr(GArray) inserts = g_array_new (FALSE, FALSE, sizeof (Insertion));
  g_autoptr(GArray) foreign = tally_claims_paragraph_languages (record->text, record->text_len, record->language);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_sized_new (record->text_len + 256);
  gsize copied = 0, inserted = 0;

  for (guint i = 0; record->boilerplate != NULL && i < record->boilerplate->len; i++)
    {
      TallyBoilerplate *block = g_ptr_array_index (record->boilerplate, i);

      if (block->text != NULL && block->text[0] != '\0' && block->offset <= record->text_len && g_utf8_validate (block->text, -1, NULL))
        {
          Insertion ins = { block->offset, block->text, TRUE, NULL };

          g_array_append_val (inserts, ins);
        }
    }
  for (guint i = 0; i < foreign->len; i++)
    {
      const TallyParagraphLanguage *p = &g_array_index (foreign, TallyParagraphLanguage, i);
      g_autofree char *name = tally_language_dup_display_name (p->language);
      /* TRANSLATORS: before a paragraph in another language than its
       * article's, the language's name: “Chinese · 据海关统计…” */
      char *label = g_strdup_printf (_("%s · "), name);
      Insertion ins = { p->start, label, FALSE, p->language };

      g_ptr_array_add (names, label);
      g_array_append_val (inserts, ins);
    }
  g_array_sort (inserts, compare_insertions);

  for (guint i = 0; i < inserts->len; i++)
    {
      const Insertion *ins = &g_array_index (inserts, Insertion, i);
      gsize before, block_start, block_end;
      BoilerplateShift shift;

      g_string_append_len (out, record->text + copied, ins->offset - copied);
      copied = ins->offset;
      before = out->len;
      if (ins->block)
        {
          if (out->len > 0 && out->str[out->len - 1] != '\n')
            g_string_append_c (out, '\n');
          g_string_append (out, ins->text);
          if (out->str[out->len - 1] != '\n')
            g_string_append_c (out, '\n');
          if (copied < record->text_len && record->text[copied] != '\n')
            g_string_append_c (out, '\n');
        }
      else
        g_string_append (out, ins->text);
      block_end = out->len;

      /* The separators belong to the block so hiding it leaves no gap. */
      block_start = before;
      g_array_append_val (ins->block ? blocks : labels, block_start);
      g_array_append_val (ins->block ? blocks : labels, block_end);

      inserted += out->len - before;
      shift.offset = ins->offset;
      shift.inserted = inserted;
      g_array_append_val (self->text_to_buffer, shift);
    }
  g_string_append_len (out, record->text + copied, record->text_len - copied);
  /* The paragraphs' ranges in the buffer, once every shift is known. */
  for (guint i = 0; i < foreign->len; i++)
    {
      const TallyParagraphLanguage *p = &g_array_index (foreign, TallyParagraphLanguage, i);
      TallyParagraphLanguage b = { (gsize) text_to_buffer_offset (self, p->start, FALSE),
                                   (gsize) text_to_buffer_offset (self, p->end, TRUE), p->language };

      g_array_append_val (paragraphs, b);
    }
  return g_string_free (out, FALSE);
}

static gboolean
claim_is_valid (const TallyDocumentRecord *record,
                const TallyClaimRecord    *claim)
{
  return claim->start < claim->end && claim->end <= record->text_len &&
         g_utf8_get_char_validated (record->text + claim->start, -1) != (gunichar) -1 &&
         (claim->end == record->text_len || (record->text[claim->end] & 0xC0) != 0x80) &&
         (record->text[claim->start] & 0xC0) != 0x80;
}

static int
compare_claims (gconstpointer a,
                gconstpointer b)
{
  const ReaderClaim *ca = a, *cb = b;

  if (ca->record->start != cb->record->start)
    return (ca->record->start > cb->record->start) - (ca->record->start < cb->record->start);
  return (ca->record->end > cb->record->end) - (ca->record->end < cb->record->end);
}

static void
apply_tag_chars (GtkTextBuffer *buffer,
                 const char    *tag,
                 int            start,
                 int            end)
{
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  gtk_text_buffer_apply_tag_by_name (buffer, tag, &s, &e);
}

static void
tally_reader_load_comments (TallyReader               *self,
                            const TallyDocumentRecord *record)
{
  guint n = record->comments != NULL ? record->comments->len : 0;
  g_autofree char *label = NULL;
  GtkTextIter iter;

  gtk_text_buffer_set_text (self->comments_buffer, "", 0);
  gtk_text_buffer_get_start_iter (self->comments_buffer, &iter);
  for (guint i = 0; i < n; i++)
    {
      TallyComment *comment = g_ptr_array_index (record->comments, i);

      gtk_text_buffer_insert_with_tags_by_name (self->comments_buffer, &iter,
                                                comment->author ? comment->author : _("Anonymous"), -1,
                                                "author", "body", NULL);
      gtk_text_buffer_insert_with_tags_by_name (self->comments_buffer, &iter, "\n", -1, "body", NULL);
      if (comment->text != NULL)
        gtk_text_buffer_insert_with_tags_by_name (self->comments_buffer, &iter, comment->text, -1, "body", NULL);
      if (i + 1 < n)
        gtk_text_buffer_insert_with_tags_by_name (self->comments_buffer, &iter, "\n", -1, "body", NULL);
    }

  label = g_strdup_printf (ngettext ("%u Reader Comment", "%u Reader Comments", n), n);
  gtk_label_set_label (self->comments_label, label);
  gtk_widget_set_visible (GTK_WIDGET (self->comments_expander), n > 0);
  g_object_set (self, "show-comments", FALSE, NULL);
}

static void
tally_reader_load_header (TallyReader               *self,
                          const TallyDocumentRecord *record)
{
  g_autofree char *subtitle = tally_document_format_subtitle (record->outlet, record->author, record->published, TRUE);
  g_autofree char *language = record->language != NULL ? tally_language_dup_display_name (record->language) : NULL;
  /* TRANSLATORS: the reader's byline, then the article's language: “Reuters · 17 June 2026 · Russian” */
  g_autofree char *byline = language != NULL ? g_strdup_printf (_("%s · %s"), subtitle, language) : g_strdup (subtitle);

  gtk_label_set_label (self->title_label, record->title ? record->title : _("Untitled Article"));
  gtk_label_set_label (self->byline_label, byline);

  {
    /* A path is bytes in the file system's encoding, not UTF-8. */
    g_autofree char *shown = record->path != NULL ? g_filename_display_name (record->path) : g_strdup ("");

    gtk_label_set_label (self->path_label, shown);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->path_label), record->path != NULL ? shown : NULL);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->path_label), record->path != NULL);
}

void
tally_reader_set_document (TallyReader               *self,
                           const TallyDocumentRecord *record,
                           GPtrArray                 *claims)
{
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (TallyParagraphLanguage));
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (BytePosition));
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  g_return_if_fail (TALLY_IS_READER (self));

  g_array_set_size (self->claims, 0);
  g_array_set_size (self->text_to_buffer, 0);
  if (self->scroll_mark != NULL)
    {
      gtk_text_buffer_delete_mark (self->buffer, self->scroll_mark);
      g_clear_object (&self->scroll_mark);
    }
  self->current_claim = -1;
  self->text_len = 0;
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->content_hash, g_free);
  g_cancellable_cancel (self->original_check);
  g_clear_object (&self->original_check);

  if (record == NULL || record->text == NULL || !g_utf8_validate (record->text, record->text_len, NULL))
    {
      if (record != NULL)
        g_warning ("Cannot show “%s”: its text is not valid UTF-8", record->path ? record->path : "?");
      gtk_text_buffer_set_text (self->buffer, "", 0);
      gtk_text_buffer_set_text (self->comments_buffer, "", 0);
      adw_status_page_set_title (self->empty_page, _("No Article Selected"));
      adw_status_page_set_description (self->empty_page,
                                       _("Pick an article in the list to read it with its figures highlighted."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      tally_reader_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_CLAIM]);
      return;
    }

  self->text_len = record->text_len;
  self->path = g_strdup (record->path);
  self->origin = g_strdup (record->origin);
  self->content_hash = g_strdup (record->content_hash);
  tally_reader_load_header (self, record);
  text = build_buffer_text (self, record, blocks, labels, paragraphs);

  for (guint i = 0; claims != NULL && i < claims->len; i++)
    {
      const TallyClaimRecord *claim = g_ptr_array_index (claims, i);
      ReaderClaim rc = { 0, };

      if (!claim_is_valid (record, claim))
        {
          g_debug ("Claim %u of “%s” has offsets %" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT
                   " outside the text; not shown", i, record->path ? record->path : "?",
                   claim->start, claim->end);
          continue;
        }
      rc.record = tally_claim_record_copy (claim);
      g_array_append_val (self->claims, rc);
    }
  g_array_sort (self->claims, compare_claims);

  for (guint i = 0; i < self->claims->len; i++)
    {
      ReaderClaim *rc = reader_claim (self, i);
      BytePosition s = { text_to_buffer_offset (self, rc->record->start, FALSE), &rc->buffer_start };
      BytePosition e = { text_to_buffer_offset (self, rc->record->end, TRUE), &rc->buffer_end };

      g_array_append_val (positions, s);
      g_array_append_val (positions, e);
    }
  /* Block, label and paragraph ranges are converted in the same pass; they
   * land in a second array. */
  {
    guint n_blocks = blocks->len, n_labels = labels->len;
    g_autoptr(GArray) block_chars = g_array_sized_new (FALSE, TRUE, sizeof (int), n_blocks + n_labels + 2 * paragraphs->len);

    g_array_set_size (block_chars, n_blocks + n_labels + 2 * paragraphs->len);
    for (guint i = 0; i < n_blocks; i++)
      {
        BytePosition p = { g_array_index (blocks, gsize, i), &g_array_index (block_chars, int, i) };
        g_array_append_val (positions, p);
      }
    for (guint i = 0; i < n_labels; i++)
      {
        BytePosition p = { g_array_index (labels, gsize, i), &g_array_index (block_chars, int, n_blocks + i) };
        g_array_append_val (positions, p);
      }
    for (guint i = 0; i < paragraphs->len; i++)
      {
        const TallyParagraphLanguage *para = &g_array_index (paragraphs, TallyParagraphLanguage, i);
        BytePosition s = { para->start, &g_array_index (block_chars, int, n_blocks + n_labels + 2 * i) };
        BytePosition e = { para->end, &g_array_index (block_chars, int, n_blocks + n_labels + 2 * i + 1) };

        g_array_append_val (positions, s);
        g_array_append_val (positions, e);
      }
    resolve_char_offsets (text, positions);

    gtk_text_buffer_set_text (self->buffer, text, -1);
    for (guint i = 0; i + 1 < n_blocks; i += 2)
      apply_tag_chars (self->buffer, "boilerplate",
                       g_array_index (block_chars, int, i), g_array_index (block_chars, int, i + 1));
    for (guint i = 0; i + 1 < n_labels; i += 2)
      apply_tag_chars (self->buffer, "paragraph-language",
                       g_array_index (block_chars, int, n_blocks + i), g_array_index (block_chars, int, n_blocks + i + 1));
    /* The paragraph's language for Pango: its fonts and line breaking. */
    for (guint i = 0; i < paragraphs->len; i++)
      {
        const TallyParagraphLanguage *para = &g_array_index (paragraphs, TallyParagraphLanguage, i);
        g_autofree char *name = g_strdup_printf ("language-%s", para->language);
        GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);

        if (gtk_text_tag_table_lookup (table, name) == NULL)
          gtk_text_buffer_create_tag (self->buffer, name, "language", para->language, NULL);
        apply_tag_chars (self->buffer, name, g_array_index (block_chars, int, n_blocks + n_labels + 2 * i),
                         g_array_index (block_chars, int, n_blocks + n_labels + 2 * i + 1));
      }
  }

  for (guint i = 0; i < self->claims->len; i++)
    {
      ReaderClaim *rc = reader_claim (self, i);
      TallyClaimKind kind = rc->record->kind;

      if ((guint) kind >= G_N_ELEMENTS (kind_styles))
        kind = TALLY_CLAIM_KIND_NUMBER;
      apply_tag_chars (self->buffer, kind_styles[kind].name, rc->buffer_start, rc->buffer_end);
    }

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_apply_tag_by_name (self->buffer, "body", &start, &end);
  gtk_text_buffer_place_cursor (self->buffer, &start);

  tally_reader_load_comments (self, record);
  gtk_stack_set_visible_child_name (self->stack, "document");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_revealer_set_reveal_child (self->claim_revealer, FALSE);
  tally_reader_update_position (self);
  tally_reader_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_CLAIM]);
}

void
tally_reader_show_error (TallyReader *self,
                         const char  *message)
{
  g_return_if_fail (TALLY_IS_READER (self));

  tally_reader_set_document (self, NULL, NULL);
  adw_status_page_set_title (self->empty_page, _("Cannot Show This Article"));
  adw_status_page_set_description (self->empty_page, message);
}

void
tally_reader_set_conflicts (TallyReader *self,
                            const guint *indices,
                            guint        n_indices)
{
  GtkTextIter start, end;

  g_return_if_fail (TALLY_IS_READER (self));

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (self->buffer, "claim-conflict", &start, &end);
  for (guint i = 0; i < self->claims->len; i++)
    reader_claim (self, i)->conflicting = FALSE;

  for (guint i = 0; i < n_indices; i++)
    {
      ReaderClaim *rc;

      if (indices[i] >= self->claims->len)
        continue;
      rc = reader_claim (self, indices[i]);
      rc->conflicting = TRUE;
      apply_tag_chars (self->buffer, "claim-conflict", rc->buffer_start, rc->buffer_end);
    }
  tally_reader_update_position (self);
}

guint
tally_reader_get_n_claims (TallyReader *self)
{
  g_return_val_if_fail (TALLY_IS_READER (self), 0);
  return self->claims->len;
}

const TallyClaimRecord *
tally_reader_get_claim (TallyReader *self,
                        guint        index)
{
  g_return_val_if_fail (TALLY_IS_READER (self), NULL);
  g_return_val_if_fail (index < self->claims->len, NULL);
  return reader_claim (self, index)->record;
}

gboolean
tally_reader_get_claim_conflicting (TallyReader *self,
                                    guint        index)
{
  g_return_val_if_fail (TALLY_IS_READER (self), FALSE);
  g_return_val_if_fail (index < self->claims->len, FALSE);
  return reader_claim (self, index)->conflicting;
}

gboolean
tally_reader_get_claim_bounds (TallyReader *self,
                               guint        index,
                               GtkTextIter *start,
                               GtkTextIter *end)
{
  ReaderClaim *rc;

  g_return_val_if_fail (TALLY_IS_READER (self), FALSE);
  if (index >= self->claims->len)
    return FALSE;
  rc = reader_claim (self, index);
  gtk_text_buffer_get_iter_at_offset (self->buffer, start, rc->buffer_start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, end, rc->buffer_end);
  return TRUE;
}

char *
tally_reader_dup_claim_tooltip (TallyReader *self,
                                guint        index)
{
  g_return_val_if_fail (TALLY_IS_READER (self), NULL);
  g_return_val_if_fail (index < self->claims->len, NULL);
  return claim_description (self->buffer, reader_claim (self, index), TRUE);
}

GtkTextBuffer *
tally_reader_get_buffer (TallyReader *self)
{
  g_return_val_if_fail (TALLY_IS_READER (self), NULL);
  return self->buffer;
}

GtkTextBuffer *
tally_reader_get_comments_buffer (TallyReader *self)
{
  g_return_val_if_fail (TALLY_IS_READER (self), NULL);
  return self->comments_buffer;
}

int
tally_reader_get_current_claim (TallyReader *self)
{
  g_return_val_if_fail (TALLY_IS_READER (self), -1);
  return self->current_claim;
}

/* Scrolls once the text view has its size, which it may not have yet right
 * after a document was loaded. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  TallyReader *self = TALLY_READER (widget);
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkTextIter start, end;
  GdkRectangle rect;
  graphene_point_t point;
  int wx, wy;

  if (self->scroll_mark == NULL && self->current_claim < 0)
    {
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }
  if (gtk_widget_get_height (GTK_WIDGET (self->text_view)) <= 1)
    return G_SOURCE_CONTINUE;

  if (self->scroll_mark != NULL)
    gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->scroll_mark);
  else
    tally_reader_get_claim_bounds (self, self->current_claim, &start, &end);
  gtk_text_view_get_iter_location (self->text_view, &start, &rect);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &wx, &wy);
  if (gtk_widget_compute_point (GTK_WIDGET (self->text_view), self->clamp,
                                &GRAPHENE_POINT_INIT (wx, wy), &point))
    gtk_adjustment_clamp_page (vadj, point.y - 64, point.y + rect.height + 64);

  if (self->scroll_mark != NULL)
    {
      gtk_text_buffer_delete_mark (self->buffer, self->scroll_mark);
      g_clear_object (&self->scroll_mark);
    }
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
tally_reader_queue_scroll (TallyReader *self)
{
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

static void
tally_reader_scroll_to_mark (TallyReader *self,
                             GtkTextMark *mark)
{
  if (self->scroll_mark != NULL)
    gtk_text_buffer_delete_mark (self->buffer, self->scroll_mark);
  g_set_object (&self->scroll_mark, mark);
  tally_reader_queue_scroll (self);
}

void
tally_reader_select_claim (TallyReader *self,
                           int          index)
{
  GtkTextIter start, end;

  g_return_if_fail (TALLY_IS_READER (self));
  g_return_if_fail (index >= -1 && index < (int) self->claims->len);

  if (self->current_claim == index)
    return;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (self->buffer, "claim-current", &start, &end);
  self->current_claim = index;

  if (index >= 0)
    {
      ReaderClaim *rc = reader_claim (self, index);
      g_autofree char *markup = claim_description (self->buffer, rc, TRUE);
      g_autofree char *plain = claim_description (self->buffer, rc, FALSE);

      tally_reader_get_claim_bounds (self, index, &start, &end);
      gtk_text_buffer_apply_tag_by_name (self->buffer, "claim-current", &start, &end);
      gtk_text_buffer_place_cursor (self->buffer, &start);
      gtk_label_set_markup (self->claim_label, markup);
      gtk_widget_set_tooltip_markup (GTK_WIDGET (self->claim_label), markup);
      gtk_revealer_set_reveal_child (self->claim_revealer, TRUE);
      /* The figure bar is visual; screen readers hear the same words. */
      gtk_accessible_announce (GTK_ACCESSIBLE (self), plain, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
      if (self->scroll_mark != NULL)
        {
          gtk_text_buffer_delete_mark (self->buffer, self->scroll_mark);
          g_clear_object (&self->scroll_mark);
        }
      tally_reader_queue_scroll (self);
    }
  else
    gtk_revealer_set_reveal_child (self->claim_revealer, FALSE);

  tally_reader_update_position (self);
  tally_reader_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_CLAIM]);
}

gboolean
tally_reader_select_range (TallyReader *self,
                           gsize        start,
                           gsize        end)
{
  GtkTextIter s, e;

  g_return_val_if_fail (TALLY_IS_READER (self), FALSE);

  if (start > end || end > self->text_len)
    return FALSE;

  for (guint i = 0; i < self->claims->len; i++)
    {
      const TallyClaimRecord *claim = reader_claim (self, i)->record;

      if (claim->start <= start && end <= claim->end)
        {
          tally_reader_select_claim (self, i);
          tally_reader_queue_scroll (self);
          return TRUE;
        }
    }

  /* Not a claim (an event phrase, say): select the words themselves. */
  tally_reader_select_claim (self, -1);
  {
    g_autofree char *text = NULL;
    gtk_text_buffer_get_bounds (self->buffer, &s, &e);
    text = gtk_text_buffer_get_text (self->buffer, &s, &e, TRUE);
    gtk_text_buffer_get_iter_at_offset (self->buffer, &s,
                                        g_utf8_pointer_to_offset (text, text + text_to_buffer_offset (self, start, FALSE)));
    gtk_text_buffer_get_iter_at_offset (self->buffer, &e,
                                        g_utf8_pointer_to_offset (text, text + text_to_buffer_offset (self, end, TRUE)));
  }
  gtk_text_buffer_select_range (self->buffer, &s, &e);
  tally_reader_scroll_to_mark (self, gtk_text_buffer_create_mark (self->buffer, NULL, &s, TRUE));
  return TRUE;
}

guint
tally_reader_highlight_terms (TallyReader        *self,
                              const char * const *terms)
{
  GtkTextIter start, end, first;
  gboolean have_first = FALSE;
  guint n = 0;

  g_return_val_if_fail (TALLY_IS_READER (self), 0);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (self->buffer, "search-match", &start, &end);
  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    {
      g_autofree char *term = g_strdup (terms[i]);
      gboolean prefix = g_str_has_suffix (term, "*");
      GtkTextIter iter, match_start, match_end;

      if (prefix)
        term[strlen (term) - 1] = '\0';
      if (*term == '\0')
        continue;
      gtk_text_buffer_get_start_iter (self->buffer, &iter);
      while (gtk_text_iter_forward_search (&iter, term,
                                           GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY,
                                           &match_start, &match_end, NULL))
        {
          iter = match_end;
          /* Whole words only, as the index matches them. */
          if (!gtk_text_iter_starts_word (&match_start) || (!prefix && !gtk_text_iter_ends_word (&match_end)))
            continue;
          if (prefix)
            while (gtk_text_iter_inside_word (&match_end) && !gtk_text_iter_ends_word (&match_end))
              gtk_text_iter_forward_char (&match_end);
          gtk_text_buffer_apply_tag_by_name (self->buffer, "search-match", &match_start, &match_end);
          if (!have_first || gtk_text_iter_compare (&match_start, &first) < 0)
            first = match_start, have_first = TRUE;
          n++;
        }
    }
  if (have_first)
    {
      GtkTextMark *mark = gtk_text_buffer_create_mark (self->buffer, NULL, &first, TRUE);

      /* The text view is not the scrolled child: scroll the page by hand. */
      tally_reader_scroll_to_mark (self, mark);
    }
  return n;
}

gboolean
tally_reader_get_show_boilerplate (TallyReader *self)
{
  g_return_val_if_fail (TALLY_IS_READER (self), FALSE);
  return self->show_boilerplate;
}

void
tally_reader_set_show_boilerplate (TallyReader *self,
                                   gboolean     show)
{
  g_return_if_fail (TALLY_IS_READER (self));

  show = !!show;
  if (self->show_boilerplate == show)
    return;
  self->show_boilerplate = show;
  tally_reader_update_boilerplate_tag (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BOILERPLATE]);
}

double
tally_reader_get_text_scale (TallyReader *self)
{
  g_return_val_if_fail (TALLY_IS_READER (self), 1.0);
  return self->text_scale;
}

void
tally_reader_set_text_scale (TallyReader *self,
                             double       scale)
{
  g_return_if_fail (TALLY_IS_READER (self));

  scale = CLAMP (scale, TEXT_SCALE_MIN, TEXT_SCALE_MAX);
  if (fabs (self->text_scale - scale) < 0.0001)
    return;
  self->text_scale = scale;
  tally_reader_update_scale (self);
  tally_reader_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
}

static void
tally_reader_next_claim_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  TallyReader *self = TALLY_READER (widget);

  if (self->current_claim + 1 < (int) self->claims->len)
    tally_reader_select_claim (self, self->current_claim + 1);
}

static void
tally_reader_previous_claim_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  TallyReader *self = TALLY_READER (widget);

  if (self->current_claim > 0)
    tally_reader_select_claim (self, self->current_claim - 1);
  else if (self->current_claim < 0 && self->claims->len > 0)
    tally_reader_select_claim (self, self->claims->len - 1);
}

static void
tally_reader_activate_claim_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  TallyReader *self = TALLY_READER (widget);

  if (self->current_claim >= 0)
    g_signal_emit (self, signals[CLAIM_ACTIVATED], 0, (guint) self->current_claim);
}

static void
show_toast (TallyReader *self,
            const char  *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), tally_toast_new_text (message));
  else
    g_message ("%s", message);
}

static void
launch_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TallyReader) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (source), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot open the original file: %s"), error->message);

      show_toast (self, message);
    }
}

static void
launch_original (TallyReader *self,
                 const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  gtk_file_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL,
                            launch_done, g_object_ref (self));
}

typedef struct
{
  char *path;
  char *origin;
  char *content_hash;
  TallyOriginalCheck check;
} OriginalJob;

static void
original_job_free (gpointer data)
{
  OriginalJob *job = data;

  g_free (job->path);
  g_free (job->origin);
  g_free (job->content_hash);
  g_free (job);
}

static void
check_original_thread (GTask        *task,
                       gpointer      source,
                       gpointer      data,
                       GCancellable *cancellable)
{
  OriginalJob *job = data;
  GError *error = NULL;

  if (tally_ingest_check_original (job->path, job->origin, job->content_hash, &job->check, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
confirm_response (AdwAlertDialog *dialog,
                  const char     *response,
                  TallyReader    *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "tally-path");

  if (g_str_equal (response, "open") && path != NULL)
    launch_original (self, path);
}

/* Why a file needs a confirmation before another program opens it. */
static char *
original_warning (const char         *path,
                                const char         *origin,
                                TallyOriginalCheck  check)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GString) body = g_string_new (NULL);

  /* Translators: %s is the full path of the article's original file. */
  g_string_printf (body, _("“%s” will be opened in another app."), name);
  if (check & TALLY_ORIGINAL_OUTSIDE_ORIGIN)
    {
      g_autofree char *folder = g_filename_display_name (origin);

      g_string_append (body, "\n\n");
      /* Translators: %s is the folder the articles were imported from. */
      g_string_append_printf (body, _("It is outside the folder the article was imported from (“%s”)."), folder);
    }
  if (check & TALLY_ORIGINAL_ORIGIN_UNKNOWN)
    {
      g_string_append (body, "\n\n");
      g_string_append (body, _("The project does not record the folder the article was imported from."));
    }
  if (check & TALLY_ORIGINAL_CHANGED)
    {
      g_string_append (body, "\n\n");
      g_string_append (body, _("Its content has changed since it was imported."));
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _("Open it only if you trust this project and the file."));
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static void
check_original_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(TallyReader) self = user_data;
  OriginalJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  AdwDialog *dialog;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("Cannot open the original file: %s"), error->message);
      show_toast (self, message);
      return;
    }
  if (job->check == TALLY_ORIGINAL_OK)
    {
      launch_original (self, job->path);
      return;
    }
  body = original_warning (job->path, job->origin, job->check);
  dialog = adw_alert_dialog_new (_("Open the Original File?"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"), "open", _("_Open"), NULL);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "tally-path", g_strdup (job->path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response), self, G_CONNECT_DEFAULT);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* The file as it was saved, in the app the desktop picks (through the
 * OpenURI portal when sandboxed), once it is known to be a regular file;
 * outside its folder of origin or changed since import, after the user
 * confirms. The project names the path, and projects are shared. */
static void
tally_reader_open_original_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  TallyReader *self = TALLY_READER (widget);
  g_autoptr(GTask) task = NULL;
  OriginalJob *job;

  if (self->path == NULL)
    return;
  g_cancellable_cancel (self->original_check);
  g_clear_object (&self->original_check);
  self->original_check = g_cancellable_new ();
  job = g_new0 (OriginalJob, 1);
  job->path = g_strdup (self->path);
  job->origin = g_strdup (self->origin);
  job->content_hash = g_strdup (self->content_hash);
  task = g_task_new (self, self->original_check, check_original_done, g_object_ref (self));
  g_task_set_task_data (task, job, original_job_free);
  g_task_run_in_thread (task, check_original_thread);
}

static void
tally_reader_zoom_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TallyReader *self = TALLY_READER (widget);

  if (g_str_equal (action_name, "reader.zoom-in"))
    tally_reader_set_text_scale (self, self->text_scale * TEXT_SCALE_STEP);
  else if (g_str_equal (action_name, "reader.zoom-out"))
    tally_reader_set_text_scale (self, self->text_scale / TEXT_SCALE_STEP);
  else
    tally_reader_set_text_scale (self, 1.0);
}

/* The claim whose words hold character offset `offset`, or -1. */
static int
claim_at_offset (TallyReader *self,
                 int          offset)
{
  guint lo = 0, hi = self->claims->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      ReaderClaim *rc = reader_claim (self, mid);

      if (rc->buffer_end <= offset)
        lo = mid + 1;
      else if (rc->buffer_start > offset)
        hi = mid;
      else
        return mid;
    }
  return -1;
}

static int
claim_at_point (TallyReader *self,
                double       x,
                double       y)
{
  GtkTextIter iter;
  int bx, by, trailing;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_position (self->text_view, &iter, &trailing, bx, by))
    return -1;
  return claim_at_offset (self, gtk_text_iter_get_offset (&iter));
}

static gboolean
on_text_query_tooltip (TallyReader *self,
                       int          x,
                       int          y,
                       gboolean     keyboard_mode,
                       GtkTooltip  *tooltip)
{
  g_autofree char *markup = NULL;
  int index;

  if (keyboard_mode)
    index = self->current_claim;
  else
    index = claim_at_point (self, x, y);
  if (index < 0)
    return FALSE;

  markup = tally_reader_dup_claim_tooltip (self, index);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static void
on_text_click_released (TallyReader     *self,
                        int              n_press,
                        double           x,
                        double           y,
                        GtkGestureClick *gesture)
{
  int index = claim_at_point (self, x, y);

  if (index < 0)
    return;
  tally_reader_select_claim (self, index);
  if (n_press == 2)
    g_signal_emit (self, signals[CLAIM_ACTIVATED], 0, (guint) index);
}

static gboolean
tally_reader_grab_focus (GtkWidget *widget)
{
  TallyReader *self = TALLY_READER (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "document") == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return GTK_WIDGET_CLASS (tally_reader_parent_class)->grab_focus (widget);
}

GtkWidget *
tally_reader_new (void)
{
  return g_object_new (TALLY_TYPE_READER, NULL);
}

static void
tally_reader_dispose (GObject *object)
{
  TallyReader *self = TALLY_READER (object);

  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }
  g_clear_object (&self->scroll_mark);
  g_clear_handle_id (&self->colours_idle, g_source_remove);
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TALLY_TYPE_READER);
  G_OBJECT_CLASS (tally_reader_parent_class)->dispose (object);
}

static void
tally_reader_finalize (GObject *object)
{
  TallyReader *self = TALLY_READER (object);

  g_clear_pointer (&self->claims, g_array_unref);
  g_cancellable_cancel (self->original_check);
  g_clear_object (&self->original_check);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->content_hash, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->text_to_buffer, g_array_unref);
  G_OBJECT_CLASS (tally_reader_parent_class)->finalize (object);
}

static void
tally_reader_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TallyReader *self = TALLY_READER (object);

  switch (prop_id)
    {
    case PROP_SHOW_BOILERPLATE:
      g_value_set_boolean (value, self->show_boilerplate);
      break;
    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
      break;
    case PROP_CURRENT_CLAIM:
      g_value_set_int (value, self->current_claim);
      break;
    case PROP_SHOW_BACK_BUTTON:
      g_value_set_boolean (value, self->show_back_button);
      break;
    case PROP_SHOW_COMMENTS:
      g_value_set_boolean (value, self->show_comments);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_reader_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TallyReader *self = TALLY_READER (object);

  switch (prop_id)
    {
    case PROP_SHOW_BOILERPLATE:
      tally_reader_set_show_boilerplate (self, g_value_get_boolean (value));
      break;
    case PROP_TEXT_SCALE:
      tally_reader_set_text_scale (self, g_value_get_double (value));
      break;
    case PROP_CURRENT_CLAIM:
      tally_reader_select_claim (self, g_value_get_int (value));
      break;
    case PROP_SHOW_COMMENTS:
      if (self->show_comments != g_value_get_boolean (value))
        {
          self->show_comments = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SHOW_BACK_BUTTON:
      if (self->show_back_button != g_value_get_boolean (value))
        {
          self->show_back_button = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_reader_class_init (TallyReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tally_reader_dispose;
  object_class->finalize = tally_reader_finalize;
  object_class->get_property = tally_reader_get_property;
  object_class->set_property = tally_reader_set_property;
  widget_class->grab_focus = tally_reader_grab_focus;

  properties[PROP_SHOW_BOILERPLATE] =
    g_param_spec_boolean ("show-boilerplate", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL, TEXT_SCALE_MIN, TEXT_SCALE_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_CLAIM] =
    g_param_spec_int ("current-claim", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_BACK_BUTTON] =
    g_param_spec_boolean ("show-back-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The reader comments section, folded by default. */
  properties[PROP_SHOW_COMMENTS] =
    g_param_spec_boolean ("show-comments", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TallyReader::claim-activated:
   * @index: the claim, for tally_reader_get_claim()
   *
   * The reader asked to see the fact a claim belongs to (Enter, a double
   * click, or the Show Fact button).
   */
  signals[CLAIM_ACTIVATED] =
    g_signal_new ("claim-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tally-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, TallyReader, stack);
  gtk_widget_class_bind_template_child (widget_class, TallyReader, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TallyReader, text_view);
  gtk_widget_class_bind_template_child (widget_class, TallyReader, buffer);
  gtk_widget_class_bind_template_child (widget_class, TallyReader, comments_buffer);
  gtk_widget_class_bind_template_child (widget_class, TallyReader, comments_expander);
  gtk_widget_class_bind_template_child (widget_class, TallyReader, comments_label);
  gtk_widget_class_bind_template_child (widget_class, TallyReader, title_label);
  gtk_widget_class_bind_template_child (widget_class, TallyReader, byline_label);
  gtk_widget_class_bind_template_child (widget_class, TallyReader, path_label);
  gtk_widget_class_bind_template_child (widget_class, TallyReader, position_label);
  gtk_widget_class_bind_template_child (widget_class, TallyReader, claim_label);
  gtk_widget_class_bind_template_child (widget_class, TallyReader, claim_revealer);
  gtk_widget_class_bind_template_child (widget_class, TallyReader, scroller);
  gtk_widget_class_bind_template_child (widget_class, TallyReader, clamp);
  gtk_widget_class_bind_template_callback (widget_class, on_text_query_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, on_text_click_released);

  gtk_widget_class_install_action (widget_class, "reader.next-claim", NULL, tally_reader_next_claim_action);
  gtk_widget_class_install_action (widget_class, "reader.previous-claim", NULL, tally_reader_previous_claim_action);
  gtk_widget_class_install_action (widget_class, "reader.activate-claim", NULL, tally_reader_activate_claim_action);
  gtk_widget_class_install_action (widget_class, "reader.zoom-in", NULL, tally_reader_zoom_action);
  gtk_widget_class_install_action (widget_class, "reader.zoom-out", NULL, tally_reader_zoom_action);
  gtk_widget_class_install_action (widget_class, "reader.zoom-reset", NULL, tally_reader_zoom_action);
  gtk_widget_class_install_property_action (widget_class, "reader.show-boilerplate", "show-boilerplate");
  gtk_widget_class_install_property_action (widget_class, "reader.show-comments", "show-comments");
  gtk_widget_class_install_action (widget_class, "reader.open-original", NULL, tally_reader_open_original_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "reader.next-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "reader.previous-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "reader.activate-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "reader.activate-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "reader.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "reader.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "reader.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "reader.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "reader.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "reader.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "reader.zoom-reset", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tally_reader_init (TallyReader *self)
{
  self->claims = g_array_new (FALSE, TRUE, sizeof (ReaderClaim));
  g_array_set_clear_func (self->claims, reader_claim_clear);
  self->text_to_buffer = g_array_new (FALSE, FALSE, sizeof (BoilerplateShift));
  self->current_claim = -1;
  self->text_scale = 1.0;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Selectable labels take focus and select all of themselves when the page
   * is shown; the header is for the mouse, the text view for the keyboard. */
  gtk_widget_set_focusable (GTK_WIDGET (self->title_label), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self->byline_label), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self->path_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article reader"),
                                  -1);
  tally_reader_create_tags (self);
  tally_reader_update_tag_colours (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  tally_reader_update_boilerplate_tag (self);
  tally_reader_update_scale (self);
  tally_reader_update_position (self);
  tally_reader_update_actions (self);
}
