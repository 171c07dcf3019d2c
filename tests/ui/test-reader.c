/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "tally-claims.h"
#include "tally-ingest.h"
#include "tally-reader.h"

/* Our own text about an invented port, with non-ASCII letters and symbols
 * before, inside and after the figures. */
static const char article_text[] =
  "Ferry operators in Klaipėda carried 1.2 million tonnes of cargo in 2025, "
  "about 40% more than a year earlier.\n\n"
  "The port authority — led by Rūta Žemaitė — says a €3.5 billion expansion "
  "will add 12 berths by 2028.\n\n"
  "Ozoliņa’s ferries sail twice a day.";

typedef struct
{
  const char     *words;
  TallyClaimKind  kind;
  TallyQualifier  qualifier;
  double          value;
  const char     *unit;
  const char     *measure;
} ClaimSpec;

static const ClaimSpec article_claims[] = {
  { "1.2 million tonnes", TALLY_CLAIM_KIND_NUMBER, TALLY_QUALIFIER_EXACT, 1200000, "t", "cargo" },
  { "2025", TALLY_CLAIM_KIND_YEAR, TALLY_QUALIFIER_EXACT, 2025, NULL, NULL },
  { "about 40%", TALLY_CLAIM_KIND_PERCENT, TALLY_QUALIFIER_APPROX, 40, "%", "cargo" },
  { "€3.5 billion", TALLY_CLAIM_KIND_MONEY, TALLY_QUALIFIER_EXACT, 3500000000.0, "EUR", "expansion" },
  { "12 berths", TALLY_CLAIM_KIND_COUNT, TALLY_QUALIFIER_EXACT, 12, NULL, "berth" },
  { "2028", TALLY_CLAIM_KIND_YEAR, TALLY_QUALIFIER_EXACT, 2028, NULL, NULL },
};

static TallyDocumentRecord *
article_record_new (void)
{
  TallyDocumentRecord *record = tally_document_record_new ();
  const char *second = strstr (article_text, "The port");

  record->path = g_strdup ("/tmp/klaipeda-ferries.txt");
  record->title = g_strdup ("Klaipėda ferries carry more cargo");
  record->outlet = g_strdup ("Amber Coast Observer");
  record->author = g_strdup ("Rūta Žemaitė");
  record->published = g_strdup ("2026-03-02");
  record->text = g_strdup (article_text);
  record->text_len = strlen (article_text);
  /* Furniture taken out before the second paragraph and at the very end. */
  g_ptr_array_add (record->boilerplate, tally_boilerplate_new ("Share this article · Subscribe", second - article_text));
  g_ptr_array_add (record->boilerplate, tally_boilerplate_new ("© 2026 Amber Coast Observer", record->text_len));
  g_ptr_array_add (record->comments, tally_comment_new ("Jonas", "Only 12 berths? They promised 20 in 2024."));
  g_ptr_array_add (record->comments, tally_comment_new (NULL, "Ferries from Liepāja are faster."));
  return record;
}

static GPtrArray *
article_claims_new (void)
{
  GPtrArray *claims = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_claim_record_free);

  /* Given out of order: the reader sorts them by position. */
  for (int i = G_N_ELEMENTS (article_claims) - 1; i >= 0; i--)
    {
      TallyClaimRecord *claim = tally_claim_record_new ();
      const char *at = strstr (article_text, article_claims[i].words);

      g_assert_nonnull (at);
      claim->kind = article_claims[i].kind;
      claim->qualifier = article_claims[i].qualifier;
      claim->has_value = TRUE;
      claim->value = article_claims[i].value;
      if (claim->kind == TALLY_CLAIM_KIND_YEAR)
        claim->value_text = g_strdup_printf ("%.0f", article_claims[i].value);
      claim->unit = g_strdup (article_claims[i].unit);
      claim->measure = g_strdup (article_claims[i].measure);
      claim->start = at - article_text;
      claim->end = claim->start + strlen (article_claims[i].words);
      g_ptr_array_add (claims, claim);
    }
  return claims;
}

static TallyReader *
reader_new_with_article (void)
{
  TallyReader *reader = TALLY_READER (tally_reader_new ());
  g_autoptr(TallyDocumentRecord) record = article_record_new ();
  g_autoptr(GPtrArray) claims = article_claims_new ();

  g_object_ref_sink (reader);
  tally_reader_set_document (reader, record, claims);
  return reader;
}

static char *
buffer_slice (GtkTextIter *start,
              GtkTextIter *end)
{
  return gtk_text_iter_get_text (start, end);
}

/* Every claim's highlighted buffer range holds exactly its words in the text. */
static void
assert_claims_line_up (TallyReader *reader,
                       const char  *text,
                       const char  *name)
{
  guint n = tally_reader_get_n_claims (reader);

  for (guint i = 0; i < n; i++)
    {
      const TallyClaimRecord *claim = tally_reader_get_claim (reader, i);
      g_autofree char *expected = g_strndup (text + claim->start, claim->end - claim->start);
      g_autofree char *shown = NULL;
      GtkTextIter start, end;

      g_assert_true (tally_reader_get_claim_bounds (reader, i, &start, &end));
      shown = buffer_slice (&start, &end);
      if (g_strcmp0 (shown, expected) != 0)
        g_error ("%s: claim %u shows “%s” where the text says “%s”", name, i, shown, expected);

      /* The kind's tag covers the claim, start to end. */
      {
        g_autoptr(GSList) tags = gtk_text_iter_get_tags (&start);
        gboolean tagged = FALSE;

        for (GSList *l = tags; l != NULL; l = l->next)
          {
            g_autofree char *tag_name = NULL;

            g_object_get (l->data, "name", &tag_name, NULL);
            if (tag_name != NULL && g_str_has_prefix (tag_name, "claim-") &&
                !g_str_equal (tag_name, "claim-current") && !g_str_equal (tag_name, "claim-conflict"))
              {
                GtkTextIter tag_end = start;

                gtk_text_iter_forward_to_tag_toggle (&tag_end, l->data);
                g_assert_cmpint (gtk_text_iter_get_offset (&tag_end), >=, gtk_text_iter_get_offset (&end));
                tagged = TRUE;
              }
          }
        g_assert_true (tagged);
      }
    }
}

/* With the boilerplate blocks taken out again, the buffer is the text. */
static void
assert_text_outside_boilerplate (TallyReader *reader,
                                 const char  *text,
                                 const char  *name)
{
  GtkTextBuffer *buffer = tally_reader_get_buffer (reader);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "boilerplate");
  GtkTextTag *language = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "paragraph-language");
  g_autoptr(GString) outside = g_string_new (NULL);
  GtkTextIter iter;

  /* a paragraph's language label is no text of the document either */
  for (gtk_text_buffer_get_start_iter (buffer, &iter); !gtk_text_iter_is_end (&iter); gtk_text_iter_forward_char (&iter))
    if (!gtk_text_iter_has_tag (&iter, tag) && !gtk_text_iter_has_tag (&iter, language))
      g_string_append_unichar (outside, gtk_text_iter_get_char (&iter));
  if (!g_str_equal (outside->str, text))
    g_error ("%s: the text outside the boilerplate differs from the document's text", name);
}

static void
test_reader_highlights (void)
{
  TallyReader *reader = reader_new_with_article ();
  GtkTextBuffer *buffer = tally_reader_get_buffer (reader);
  GtkTextIter start, end;
  g_autofree char *all = NULL;

  g_assert_cmpuint (tally_reader_get_n_claims (reader), ==, G_N_ELEMENTS (article_claims));
  for (guint i = 0; i < G_N_ELEMENTS (article_claims); i++)
    {
      g_autofree char *shown = NULL;

      g_assert_true (tally_reader_get_claim_bounds (reader, i, &start, &end));
      shown = buffer_slice (&start, &end);
      g_assert_cmpstr (shown, ==, article_claims[i].words);
    }
  assert_claims_line_up (reader, article_text, "hand-made article");
  assert_text_outside_boilerplate (reader, article_text, "hand-made article");

  /* Boilerplate is in the buffer (so it can be shown) but hidden. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  all = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_nonnull (strstr (all, "Share this article · Subscribe\n"));
  g_assert_nonnull (g_str_has_suffix (all, "© 2026 Amber Coast Observer\n") ? all : NULL);
  {
    const char *share = strstr (all, "Share this");
    GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "boilerplate");
    gboolean invisible;

    gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (all, share));
    g_assert_true (gtk_text_iter_has_tag (&start, tag));
    g_object_get (tag, "invisible", &invisible, NULL);
    g_assert_true (invisible);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.show-boilerplate", NULL));
    g_assert_true (tally_reader_get_show_boilerplate (reader));
    g_object_get (tag, "invisible", &invisible, NULL);
    g_assert_false (invisible);
    /* Text before the block is not part of it. */
    gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (all, share) - 3);
    g_assert_false (gtk_text_iter_has_tag (&start, tag));
  }
  /* Claims still line up with the blocks shown. */
  assert_claims_line_up (reader, article_text, "boilerplate shown");

  g_assert_finalize_object (reader);
}

/* A paragraph in another language than the article's is led by that
 * language's name, in a tag of its own; the figures in and after it still
 * line up with the text. Text written for the test. */
static void
test_reader_paragraph_language (void)
{
  static const char text[] =
    "Gdansk handled 81 million tonnes of cargo last year, the port authority said.\n\n"
    "据港务局周一公布的数据,格但斯克港去年货物吞吐量达到8100万吨,同比增长4%,其中集装箱运量增长了9%。\n\n"
    "Container traffic grew 9% as new berths opened.\n";
  static const char *words[] = { "81 million tonnes", "8100万吨", "9% as" };
  TallyReader *reader = TALLY_READER (tally_reader_new ());
  g_autoptr(TallyDocumentRecord) record = tally_document_record_new ();
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_claim_record_free);
  GtkTextBuffer *buffer = tally_reader_get_buffer (reader);
  GtkTextIter start, end;
  g_autofree char *all = NULL;
  const char *label, *chinese;

  g_object_ref_sink (reader);
  record->path = g_strdup ("/tmp/gdansk.txt");
  record->title = g_strdup ("Port volumes rise at Gdansk");
  record->language = g_strdup ("en");
  record->text = g_strdup (text);
  record->text_len = strlen (text);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      TallyClaimRecord *claim = tally_claim_record_new ();
      const char *at = strstr (text, words[i]);

      claim->kind = TALLY_CLAIM_KIND_NUMBER;
      claim->start = at - text;
      claim->end = claim->start + (i == 2 ? 2 : strlen (words[i]));
      g_ptr_array_add (claims, claim);
    }
  tally_reader_set_document (reader, record, claims);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  all = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  label = strstr (all, "Chinese · ");
  chinese = strstr (all, "据港务局");
  g_assert_nonnull (label);
  g_assert_true (label + strlen ("Chinese · ") == chinese);
  g_assert_null (strstr (chinese, "English · "));
  {
    GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "paragraph-language");

    gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (all, label));
    g_assert_true (gtk_text_iter_has_tag (&start, tag));
    gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (all, chinese));
    g_assert_false (gtk_text_iter_has_tag (&start, tag));
    /* the paragraph carries its language for Pango */
    g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                          "language-zh")));
  }
  assert_claims_line_up (reader, text, "mixed article");
  assert_text_outside_boilerplate (reader, text, "mixed article");
  g_assert_finalize_object (reader);
}

static void
test_reader_comments (void)
{
  TallyReader *reader = reader_new_with_article ();
  GtkTextBuffer *comments = tally_reader_get_comments_buffer (reader);
  GtkTextIter start, end, iter;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (comments, &start, &end);
  text = gtk_text_buffer_get_text (comments, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "Jonas\nOnly 12 berths? They promised 20 in 2024.\n"
                             "Anonymous\nFerries from Liepāja are faster.");

  /* Folded by default; the action unfolds it. */
  {
    gboolean shown;

    g_object_get (reader, "show-comments", &shown, NULL);
    g_assert_false (shown);
    gtk_widget_activate_action (GTK_WIDGET (reader), "reader.show-comments", NULL);
    g_object_get (reader, "show-comments", &shown, NULL);
    g_assert_true (shown);
  }

  /* Figures in comments are never highlighted: no claim tag anywhere. */
  for (iter = start; !gtk_text_iter_is_end (&iter); gtk_text_iter_forward_char (&iter))
    {
      g_autoptr(GSList) tags = gtk_text_iter_get_tags (&iter);

      for (GSList *l = tags; l != NULL; l = l->next)
        {
          g_autofree char *name = NULL;

          g_object_get (l->data, "name", &name, NULL);
          g_assert_false (g_str_has_prefix (name, "claim"));
        }
    }
  g_assert_finalize_object (reader);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_reader_navigation (void)
{
  TallyReader *reader = reader_new_with_article ();
  guint notified = 0;

  g_signal_connect (reader, "notify::current-claim", G_CALLBACK (count_notify), &notified);
  g_assert_cmpint (tally_reader_get_current_claim (reader), ==, -1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.next-claim", NULL));
  g_assert_cmpint (tally_reader_get_current_claim (reader), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.next-claim", NULL));
  g_assert_cmpint (tally_reader_get_current_claim (reader), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.previous-claim", NULL));
  g_assert_cmpint (tally_reader_get_current_claim (reader), ==, 0);
  g_assert_cmpuint (notified, ==, 3);

  /* The current claim carries its own tag, and only it. */
  {
    GtkTextTag *current = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (tally_reader_get_buffer (reader)),
                                                     "claim-current");
    GtkTextIter start, end;

    tally_reader_get_claim_bounds (reader, 0, &start, &end);
    g_assert_true (gtk_text_iter_has_tag (&start, current));
    tally_reader_get_claim_bounds (reader, 1, &start, &end);
    g_assert_false (gtk_text_iter_has_tag (&start, current));
  }

  /* At the last claim "next" is disabled; activating it changes nothing. */
  tally_reader_select_claim (reader, G_N_ELEMENTS (article_claims) - 1);
  g_assert_cmpuint (notified, ==, 4);
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.next-claim", NULL);
  g_assert_cmpint (tally_reader_get_current_claim (reader), ==, G_N_ELEMENTS (article_claims) - 1);
  /* Selecting the same claim again does not notify. */
  tally_reader_select_claim (reader, G_N_ELEMENTS (article_claims) - 1);
  g_assert_cmpuint (notified, ==, 4);

  /* A range inside a claim selects that claim: "40%" is in "about 40%". */
  {
    const char *at = strstr (article_text, "40%");
    g_assert_true (tally_reader_select_range (reader, at - article_text, at - article_text + 3));
    g_assert_cmpint (tally_reader_get_current_claim (reader), ==, 2);
    g_assert_false (tally_reader_select_range (reader, 0, strlen (article_text) + 1));
  }

  g_signal_handlers_disconnect_by_func (reader, count_notify, &notified);
  g_assert_finalize_object (reader);
}

static void
on_claim_activated (TallyReader *reader,
                    guint        index,
                    int         *activated)
{
  *activated = index;
}

static void
test_reader_activate (void)
{
  TallyReader *reader = reader_new_with_article ();
  int activated = -1;

  g_signal_connect (reader, "claim-activated", G_CALLBACK (on_claim_activated), &activated);
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.activate-claim", NULL);
  g_assert_cmpint (activated, ==, -1);
  tally_reader_select_claim (reader, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.activate-claim", NULL));
  g_assert_cmpint (activated, ==, 3);
  g_assert_cmpuint (tally_reader_get_claim (reader, activated)->kind, ==, TALLY_CLAIM_KIND_MONEY);
  g_assert_finalize_object (reader);
}

static void
test_reader_tooltips (void)
{
  TallyReader *reader = reader_new_with_article ();
  g_autofree char *money = tally_reader_dup_claim_tooltip (reader, 3);
  g_autofree char *percent = tally_reader_dup_claim_tooltip (reader, 2);
  g_autofree char *year = tally_reader_dup_claim_tooltip (reader, 1);
  g_autofree char *disputed = NULL;
  guint conflicts[] = { 2 };

  g_autofree char *tonnes = tally_reader_dup_claim_tooltip (reader, 0);

  /* Values read as in the Facts view: scale words, symbols, units spelled out. */
  g_assert_cmpstr (money, ==, "<b>Money</b>: €3.5 billion · of expansion");
  g_assert_cmpstr (percent, ==, "<b>Percentage</b>: about 40% · of cargo");
  g_assert_cmpstr (year, ==, "<b>Year</b>: 2025");
  g_assert_cmpstr (tonnes, ==, "<b>Quantity</b>: 1.2 million tonnes · of cargo");

  tally_reader_set_conflicts (reader, conflicts, G_N_ELEMENTS (conflicts));
  g_assert_true (tally_reader_get_claim_conflicting (reader, 2));
  g_assert_false (tally_reader_get_claim_conflicting (reader, 3));
  disputed = tally_reader_dup_claim_tooltip (reader, 2);
  g_assert_cmpstr (disputed, ==, "<b>Percentage</b>: about 40% · of cargo\n<b>Other sources give a different figure</b>");
  {
    GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (tally_reader_get_buffer (reader)),
                                                 "claim-conflict");
    GtkTextIter start, end;
    int weight;

    tally_reader_get_claim_bounds (reader, 2, &start, &end);
    g_assert_true (gtk_text_iter_has_tag (&start, tag));
    g_assert_true (gtk_text_iter_ends_tag (&end, tag));
    /* Marked by weight and a wavy underline as well as colour. */
    g_object_get (tag, "weight", &weight, NULL);
    g_assert_cmpint (weight, ==, PANGO_WEIGHT_BOLD);
  }
  g_assert_finalize_object (reader);
}

/* Dates in words, "nearly" as the Facts view reads it, a span, and a
 * relative date left unresolved: the same words as the fact table. */
static void
test_reader_tooltips_readable (void)
{
  static const char text[] = "The fair ran 16–17 June 2026 and closed on 17 June 2026 with nearly €50 million "
                             "in deals, more than last year.";
  TallyReader *reader = TALLY_READER (g_object_ref_sink (tally_reader_new ()));
  g_autoptr(TallyDocumentRecord) record = tally_document_record_new ();
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_claim_record_free);
  struct
  {
    const char *words, *value_text, *value_max_text, *expected;
    TallyClaimKind kind;
    TallyQualifier qualifier;
    double value;
  } specs[] = {
    { "16–17 June 2026", "2026-06-16", "2026-06-17", "<b>Date</b>: 16–17 June 2026", TALLY_CLAIM_KIND_DATE },
    { "17 June 2026", "2026-06-17", NULL, "<b>Date</b>: 17 June 2026", TALLY_CLAIM_KIND_DATE },
    { "nearly €50 million", NULL, NULL, "<b>Money</b>: nearly €50 million", TALLY_CLAIM_KIND_MONEY,
      TALLY_QUALIFIER_APPROX, 50e6 },
    { "last year", NULL, NULL, "<b>Year</b>: “last year”, not resolved", TALLY_CLAIM_KIND_YEAR },
  };

  record->text = g_strdup (text);
  record->text_len = strlen (text);
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      TallyClaimRecord *claim = tally_claim_record_new ();
      /* "17 June 2026" the second time it is written, after the span's. */
      const char *at = i == 1 ? strstr (text, "on 17 June") + 3 : strstr (text, specs[i].words);

      claim->kind = specs[i].kind;
      claim->qualifier = specs[i].qualifier;
      claim->has_value = specs[i].value_text != NULL || specs[i].value != 0;
      claim->value = specs[i].value;
      claim->value_text = g_strdup (specs[i].value_text);
      claim->value_max_text = g_strdup (specs[i].value_max_text);
      claim->has_value_max = specs[i].value_max_text != NULL;
      claim->unit = g_strdup (specs[i].kind == TALLY_CLAIM_KIND_MONEY ? "EUR" : NULL);
      claim->relative = claim->has_value ? NULL : g_strdup (specs[i].words);
      claim->start = at - text;
      claim->end = claim->start + strlen (specs[i].words);
      g_ptr_array_add (claims, claim);
    }
  tally_reader_set_document (reader, record, claims);
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      g_autofree char *tooltip = tally_reader_dup_claim_tooltip (reader, i);

      g_assert_cmpstr (tooltip, ==, specs[i].expected);
    }
  g_assert_finalize_object (reader);
}

static void
test_reader_zoom (void)
{
  TallyReader *reader = reader_new_with_article ();
  GtkTextTag *body = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (tally_reader_get_buffer (reader)), "body");
  double scale;

  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (tally_reader_get_text_scale (reader), 1.0, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (tally_reader_get_text_scale (reader), 1.1, 1e-9);
  g_object_get (body, "scale", &scale, NULL);
  g_assert_cmpfloat_with_epsilon (scale, 1.1, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (tally_reader_get_text_scale (reader), 1 / 1.1, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.zoom-reset", NULL));
  g_assert_cmpfloat_with_epsilon (tally_reader_get_text_scale (reader), 1.0, 1e-9);
  tally_reader_set_text_scale (reader, 100);
  g_assert_cmpfloat_with_epsilon (tally_reader_get_text_scale (reader), 3.0, 1e-9);
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (tally_reader_get_text_scale (reader), 3.0, 1e-9);
  g_assert_finalize_object (reader);
}

static void
test_reader_bad_claims (void)
{
  TallyReader *reader = TALLY_READER (tally_reader_new ());
  g_autoptr(TallyDocumentRecord) record = article_record_new ();
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_claim_record_free);
  const char *e = strstr (article_text, "ė");
  TallyClaimRecord *claim;

  g_object_ref_sink (reader);
  /* Past the end, inside a UTF-8 sequence, empty: all left out, no crash. */
  claim = tally_claim_record_new ();
  claim->start = 10, claim->end = strlen (article_text) + 5;
  g_ptr_array_add (claims, claim);
  claim = tally_claim_record_new ();
  claim->start = e - article_text + 1, claim->end = e - article_text + 4;
  g_ptr_array_add (claims, claim);
  claim = tally_claim_record_new ();
  claim->start = 5, claim->end = 5;
  g_ptr_array_add (claims, claim);
  claim = tally_claim_record_new ();
  claim->start = 0, claim->end = 5;
  g_ptr_array_add (claims, claim);

  tally_reader_set_document (reader, record, claims);
  g_assert_cmpuint (tally_reader_get_n_claims (reader), ==, 1);
  assert_claims_line_up (reader, article_text, "bad claims");

  tally_reader_set_document (reader, NULL, NULL);
  g_assert_cmpuint (tally_reader_get_n_claims (reader), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.next-claim", NULL);
  g_assert_cmpint (tally_reader_get_current_claim (reader), ==, -1);
  g_assert_finalize_object (reader);
}

/* The real thing: every sample (and seed, when present) through ingest and
 * the extractor; every claim lines up with its words. */
static guint
check_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n_claims = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(TallyDocumentRecord) record = NULL;
      g_autoptr(GPtrArray) claims = NULL;
      TallyExtractOptions options;
      TallyReader *reader;

      if (!g_str_has_suffix (name, ".txt") && !g_str_has_suffix (name, ".html"))
        continue;
      record = tally_ingest_file (path, &error);
      g_assert_no_error (error);
      tally_extract_options_init (&options);
      if (record->published != NULL)
        tally_extract_options_set_reference_date (&options, record->published);
      claims = tally_extract_claims (record->text, record->text_len, &options);

      reader = TALLY_READER (g_object_ref_sink (tally_reader_new ()));
      tally_reader_set_document (reader, record, claims);
      g_assert_cmpuint (tally_reader_get_n_claims (reader), ==, claims->len);
      assert_claims_line_up (reader, record->text, path);
      assert_text_outside_boilerplate (reader, record->text, path);
      tally_reader_set_show_boilerplate (reader, TRUE);
      assert_claims_line_up (reader, record->text, path);
      n_claims += claims->len;
      g_assert_finalize_object (reader);
    }
  return n_claims;
}

static void
test_reader_samples (void)
{
  g_autofree char *samples = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", NULL);
  guint n = check_folder (samples);

  g_test_message ("%u sample claims line up", n);
  g_assert_cmpuint (n, >, 50);
}

static void
test_reader_seeds (void)
{
  g_autofree char *seeds = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "..", "shared", "seeds", NULL);

  if (!g_file_test (seeds, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no ../shared/seeds here");
      return;
    }
  g_test_message ("%u seed claims line up", check_folder (seeds));
}

/* Open Original on a file outside the folder its article was imported
 * from: a confirmation names the file and the folder before any program
 * gets the path (issue 14); nothing is launched when it is cancelled. */
static void
test_reader_open_original_outside (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *made = g_dir_make_tmp ("tally-reader-original-XXXXXX", &error);
  g_autofree char *top = realpath (made, NULL);
  g_autofree char *chosen = g_build_filename (top, "chosen", NULL);
  g_autofree char *file = g_build_filename (top, "elsewhere.txt", NULL);
  g_autoptr(TallyDocumentRecord) record = article_record_new ();
  g_autoptr(GPtrArray) claims = article_claims_new ();
  TallyReader *reader = TALLY_READER (tally_reader_new ());
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  AdwWindow *window = ADW_WINDOW (adw_window_new ());
  AdwDialog *dialog = NULL;
  const char *body;
  gint64 until;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (chosen, 0755), ==, 0);
  g_assert_true (g_file_set_contents (file, article_text, -1, NULL));
  g_free (record->path);
  record->path = g_strdup (file);
  record->origin = g_strdup (chosen);
  record->content_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, article_text, -1);
  adw_toast_overlay_set_child (overlay, GTK_WIDGET (reader));
  adw_window_set_content (window, GTK_WIDGET (overlay));
  gtk_window_present (GTK_WINDOW (window));
  tally_reader_set_document (reader, record, claims);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.open-original", NULL));
  until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while ((dialog = adw_window_get_visible_dialog (window)) == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (dialog);
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  body = adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog));
  g_assert_nonnull (strstr (body, file));
  g_assert_nonnull (strstr (body, chosen));
  g_assert_null (strstr (body, "changed"));
  g_assert_cmpstr (adw_alert_dialog_get_default_response (ADW_ALERT_DIALOG (dialog)), ==, "cancel");
  g_assert_true (adw_dialog_close (dialog));
  while (adw_window_get_visible_dialog (window) != NULL)
    g_main_context_iteration (NULL, FALSE);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_no_errno (g_unlink (file));
  g_assert_no_errno (g_rmdir (chosen));
  g_assert_no_errno (g_rmdir (top));
}

static void
assert_tag_colour (TallyReader *reader,
                   const char  *tag_name,
                   const char  *property,
                   const char  *expected)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (tally_reader_get_buffer (reader)), tag_name);
  g_autoptr(GdkRGBA) colour = NULL;
  GdkRGBA want;

  g_assert_true (gdk_rgba_parse (&want, expected));
  g_object_get (tag, property, &colour, NULL);
  g_assert_nonnull (colour);
  g_assert_cmpfloat_with_epsilon (colour->red, want.red, 0.002);
  g_assert_cmpfloat_with_epsilon (colour->green, want.green, 0.002);
  g_assert_cmpfloat_with_epsilon (colour->blue, want.blue, 0.002);
  g_assert_cmpfloat_with_epsilon (colour->alpha, want.alpha, 0.002);
}

/* Boilerplate shown on request is the view's text colour, dimmed: dark on
 * the light style, light on the dark one (a fixed grey is neither). */
static void
assert_boilerplate_tone (TallyReader *reader,
                         gboolean     dark_style)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (tally_reader_get_buffer (reader)), "boilerplate");
  g_autoptr(GdkRGBA) colour = NULL;
  double lightness;

  g_object_get (tag, "foreground-rgba", &colour, NULL);
  g_assert_nonnull (colour);
  lightness = (colour->red + colour->green + colour->blue) / 3;
  if (dark_style)
    g_assert_cmpfloat (lightness, >, 0.7);
  else
    g_assert_cmpfloat (lightness, <, 0.3);
  g_assert_cmpfloat (colour->alpha, >, 0.3);
  g_assert_cmpfloat (colour->alpha, <, 0.8);
}

/* The highlight colours are the stylesheet's: its classes in the light
 * style, style-dark.css's once the dark style is on (loaded here as
 * AdwApplication loads it for the app). */
static void
test_reader_colours_from_css (void)
{
  TallyReader *reader = reader_new_with_article ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GtkCssProvider) dark = gtk_css_provider_new ();
  AdwWindow *window = ADW_WINDOW (adw_window_new ());
  gint64 until;

  /* In a window, as in the app: a style change reaches widgets through their root. */
  adw_window_set_content (window, GTK_WIDGET (reader));
  gtk_window_present (GTK_WINDOW (window));

  assert_tag_colour (reader, "claim-money", "underline-rgba", "#26a269");
  assert_tag_colour (reader, "claim-money", "background-rgba", "rgba(38,162,105,0.16)");
  assert_tag_colour (reader, "claim-conflict", "underline-rgba", "#e01b24");
  assert_tag_colour (reader, "search-match", "background-rgba", "rgba(248,228,92,0.6)");
  assert_boilerplate_tone (reader, FALSE);

  gtk_css_provider_load_from_resource (dark, RESOURCE_BASE "/style-dark.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (dark),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until && g_main_context_iteration (NULL, FALSE))
    ;
  assert_tag_colour (reader, "claim-money", "underline-rgba", "#57e389");
  assert_tag_colour (reader, "claim-percent", "underline-rgba", "#62a0ea");
  assert_tag_colour (reader, "claim-conflict", "underline-rgba", "#ff7b63");
  assert_tag_colour (reader, "search-match", "background-rgba", "rgba(229,165,10,0.45)");
  assert_boilerplate_tone (reader, TRUE);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (dark));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  assert_tag_colour (reader, "claim-money", "underline-rgba", "#26a269");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (reader);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The app's style sheet, as AdwApplication would load it. */
  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/reader/highlights/offsets", test_reader_highlights);
  g_test_add_func ("/reader/highlights/bad-claims", test_reader_bad_claims);
  g_test_add_func ("/reader/highlights/samples", test_reader_samples);
  g_test_add_func ("/reader/highlights/seeds", test_reader_seeds);
  g_test_add_func ("/reader/comments/never-highlighted", test_reader_comments);
  g_test_add_func ("/reader/paragraph-language", test_reader_paragraph_language);
  g_test_add_func ("/reader/claims/navigation", test_reader_navigation);
  g_test_add_func ("/reader/claims/activate", test_reader_activate);
  g_test_add_func ("/reader/claims/tooltips-and-conflicts", test_reader_tooltips);
  g_test_add_func ("/reader/claims/tooltips-readable", test_reader_tooltips_readable);
  g_test_add_func ("/reader/zoom", test_reader_zoom);
  g_test_add_func ("/reader/colours-from-css", test_reader_colours_from_css);
  g_test_add_func ("/reader/open-original/outside", test_reader_open_original_outside);
  return g_test_run ();
}
