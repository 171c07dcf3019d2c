/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "tally-ingest-private.h"
#include "tally-ingest.h"
#include "tally-lexicon.h"
#include "tally-tokenizer.h"
#include "tally-json-export.h"
#include "tally-events.h"
#include "tally-claims.h"

static TallyDocumentRecord *
ingest_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ingest", name, NULL);
  g_autoptr(GError) error = NULL;
  TallyDocumentRecord *record = tally_ingest_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static char *
paragraph (const TallyDocumentRecord *record,
           guint                      i)
{
  const TallySpan *span;

  g_assert_cmpuint (i, <, record->paragraphs->len);
  span = &g_array_index (record->paragraphs, TallySpan, i);
  return g_strndup (record->text + span->start, span->end - span->start);
}

static void
assert_paragraphs (const TallyDocumentRecord *record,
                   const char * const        *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *p = paragraph (record, i);

      g_assert_cmpstr (p, ==, expected[i]);
    }
  g_assert_cmpuint (record->paragraphs->len, ==, n);
}

static const char *
boilerplate (const TallyDocumentRecord *record,
             guint                      i,
             gsize                     *offset)
{
  const TallyBoilerplate *bp;

  g_assert_cmpuint (i, <, record->boilerplate->len);
  bp = g_ptr_array_index (record->boilerplate, i);
  if (offset != NULL)
    *offset = bp->offset;
  return bp->text;
}

/* Each sample's metadata, as tests/data/samples/expected-metadata.json (written
 * by hand from the articles) says. */
static void
test_samples_metadata (void)
{
  g_autofree char *expected_path = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "tests", "data", "samples",
                                                     "expected-metadata.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *expected;

  g_assert_true (json_parser_load_from_file (parser, expected_path, &error));
  g_assert_no_error (error);
  expected = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (expected), ==, 8);

  for (guint i = 0; i < json_array_get_length (expected); i++)
    {
      JsonObject *want = json_array_get_object_element (expected, i);
      g_autofree char *path = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples",
                                                json_object_get_string_member (want, "file"), NULL);
      g_autoptr(TallyDocumentRecord) r = tally_ingest_file (path, &error);

      g_assert_no_error (error);
      g_test_message ("%s", json_object_get_string_member (want, "file"));
      g_assert_cmpstr (r->title, ==, json_object_get_string_member (want, "title"));
      g_assert_cmpstr (r->outlet, ==, json_object_get_string_member (want, "outlet"));
      g_assert_cmpstr (r->published, ==, json_object_get_string_member (want, "published"));
      g_assert_cmpstr (r->author, ==, json_object_get_string_member_with_default (want, "author", NULL));
      g_assert_cmpuint (r->comments->len, ==, json_array_get_length (json_object_get_array_member (want, "comments")));
    }
}

/* The copyright line under a text article names the outlet. */
static void
test_rules_outlet (void)
{
  const struct { const char *line; const char *outlet; } cases[] = {
    { "© 2027 The Lakeland Gazette. All rights reserved.", "The Lakeland Gazette" },
    { "Copyright 2019–2027 Riverside Post", "Riverside Post" },
    { "(c) 2027, Fjord Bulletin | Terms of use", "Fjord Bulletin" },
    { "© Harbour Courier", "Harbour Courier" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *outlet = NULL;

      g_assert_true (tally_rules_match (TALLY_RULE_OUTLET, cases[i].line, &outlet));
      g_assert_cmpstr (outlet, ==, cases[i].outlet);
    }
  g_assert_false (tally_rules_match (TALLY_RULE_OUTLET, "The report was published in 2027.", NULL));
}

static void
assert_comment (const TallyDocumentRecord *record,
                guint                      i,
                const char                *author,
                const char                *text)
{
  const TallyComment *comment;

  g_assert_cmpuint (i, <, record->comments->len);
  comment = g_ptr_array_index (record->comments, i);
  g_assert_cmpstr (comment->author, ==, author);
  g_assert_cmpstr (comment->text, ==, text);
}

/* ---------------------------------------------------------------------- */

static void
test_text_plain (void)
{
  g_autoptr(TallyDocumentRecord) r = ingest_fixture ("plain.txt");
  const char * const paragraphs[] = {
    "Delegates at the Fourth Northern Lakes Fisheries Conference in Kemi agreed on Thursday to cut the vendace quota by 12% across three lakes.",
    "The agreement covers about 1,400 licensed fishers. It takes effect on May 1.",
    "\"We have counted the fish, and now we count the boats,\" said the chair, Pekka Ranta.",
    NULL
  };
  gsize offset;

  g_assert_cmpstr (r->format, ==, "text");
  g_assert_cmpstr (r->title, ==, "Kemi fisheries conference agrees quotas for three lakes");
  g_assert_cmpstr (r->author, ==, "Aino Lehtonen");
  g_assert_cmpstr (r->published, ==, "2027-03-04");
  g_assert_null (r->outlet);
  assert_paragraphs (r, paragraphs);
  g_assert_cmpuint (r->text_len, ==, strlen (r->text));
  g_assert_cmpuint (r->word_count, ==, 53);

  /* Byline and date set apart at the top, the reply form and the comment
   * counter at the bottom. */
  g_assert_cmpuint (r->boilerplate->len, ==, 2);
  g_assert_cmpstr (boilerplate (r, 0, &offset), ==, "By Aino Lehtonen | Lakeland Daily\nMarch 4, 2027");
  g_assert_cmpuint (offset, ==, 0);
  g_assert_cmpstr (boilerplate (r, 1, &offset), ==,
                   "Leave a Reply\n"
                   "Your email address will not be published. Required fields are marked *\n"
                   "This site uses Akismet to reduce spam. Learn how your comment data is processed.\n"
                   "3 Comments\n"
                   "Back To Top");
  g_assert_cmpuint (offset, ==, r->text_len);

  g_assert_cmpuint (r->comments->len, ==, 3);
  assert_comment (r, 0, "Ville_K", "Twelve per cent is not enough for Lake Oulu.");
  assert_comment (r, 1, "Marja", "My father fished there for 40 years. Good news at last!");
  assert_comment (r, 2, "NetMender", "Who checks the boats at night?");
  g_assert_null (strstr (r->text, "Comments"));
  g_assert_null (strstr (r->text, "Marja"));
}

static void
test_text_comment_furniture (void)
{
  g_autoptr(TallyDocumentRecord) r = ingest_fixture ("comments-wp.txt");
  const char * const paragraphs[] = {
    "The ice fishing season on Lake Inari ended on Sunday, two weeks earlier than usual, after a mild February.",
    "Fishers reported catches about 30% below last year.",
    NULL
  };

  assert_paragraphs (r, paragraphs);
  /* "says:", "on <date>", time stamps and Reply/Like links are not comments. */
  g_assert_cmpuint (r->comments->len, ==, 4);
  assert_comment (r, 0, "Tuomas", "The ice was already grey by the fifteenth.");
  assert_comment (r, 1, "Helmi_R", "Thirty per cent is generous. Ours was half.");
  assert_comment (r, 2, "Kalle", "Good riddance to a bad winter.");
  assert_comment (r, 3, "Anni", "Next year, then.\nIt always comes back.");
  g_assert_cmpuint (r->boilerplate->len, ==, 1);
  g_assert_cmpstr (boilerplate (r, 0, NULL), ==,
                   "Share on Facebook\n"
                   "Sign up for our weekly lakes newsletter\n"
                   "4 Responses\n"
                   "March 9, 2027 at 8:14 am\n"
                   "Reply\n"
                   "2 hours ago\n"
                   "Reply\n"
                   "Like\n"
                   "March 10, 2027 at 6:02 pm\n"
                   "Leave a Reply\n"
                   "Back to top");
}

static void
test_text_sentences (void)
{
  g_autoptr(TallyDocumentRecord) r = ingest_fixture ("plain.txt");
  const char * const expected[] = {
    "Delegates at the Fourth Northern Lakes Fisheries Conference in Kemi agreed on Thursday to cut the vendace quota by 12% across three lakes.",
    "The agreement covers about 1,400 licensed fishers.",
    "It takes effect on May 1.",
    "\"We have counted the fish, and now we count the boats,\" said the chair, Pekka Ranta.",
  };

  g_assert_cmpuint (r->sentences->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const TallySpan *s = &g_array_index (r->sentences, TallySpan, i);
      g_autofree char *text = g_strndup (r->text + s->start, s->end - s->start);

      g_assert_cmpstr (text, ==, expected[i]);
    }
}

static void
test_text_offsets (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ingest", "plain.txt", NULL);
  g_autoptr(TallyDocumentRecord) r = ingest_fixture ("plain.txt");
  g_autofree char *original = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &original, &len, NULL));
  for (guint i = 0; i < r->paragraphs->len; i++)
    {
      const TallySpan *s = &g_array_index (r->paragraphs, TallySpan, i);
      gsize src = tally_document_record_source_offset (r, s->start);

      g_assert_cmpuint (src + (s->end - s->start), <=, len);
      g_assert_cmpmem (original + src, s->end - s->start, r->text + s->start, s->end - s->start);
    }
  /* "12%" in the first paragraph sits at byte 309 of the file. */
  g_assert_cmpuint (tally_document_record_source_offset (r, strstr (r->text, "12%") - r->text), ==,
                    strstr (original, "12%") - original);
}

static void
test_text_hash (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ingest", "plain.txt", NULL);
  g_autoptr(TallyDocumentRecord) r = ingest_fixture ("plain.txt");
  g_autofree char *original = NULL;
  g_autofree char *expected = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &original, &len, NULL));
  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) original, len);
  g_assert_cmpstr (r->content_hash, ==, expected);
  g_assert_cmpuint (strlen (r->content_hash), ==, 64);
  g_assert_cmpstr (r->path, ==, path);
}

static void
test_text_slug (void)
{
  g_autoptr(TallyDocumentRecord) r = ingest_fixture ("slug.txt");
  const char * const paragraphs[] = {
    "The conference closed after two days of talks. Fishers from 14 villages attended.",
    NULL
  };

  g_assert_cmpstr (r->title, ==, "Kemi Conference Closes With Quota Deal");
  assert_paragraphs (r, paragraphs);
  g_assert_cmpuint (r->boilerplate->len, ==, 2);
  g_assert_cmpstr (boilerplate (r, 0, NULL), ==, "kemi-conference-closes-with-quota-deal");
  g_assert_cmpstr (boilerplate (r, 1, NULL), ==, "Share this:\nFacebook\nEmail\n© 2027 Lakeland Daily. All rights reserved.");
  g_assert_cmpuint (r->comments->len, ==, 0);
}

static void
test_text_slug_alone (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("lake-ice-thinner-than-usual\n\nThe ice is thin this year.\n", 55);
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDocumentRecord) r = tally_ingest_bytes (bytes, "note.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (r->title, ==, "Lake ice thinner than usual");
  g_assert_cmpstr (r->text, ==, "The ice is thin this year.");
}

static void
test_text_url_line (void)
{
  const char *text = "Ice road to Hailuoto opens\nhttps://www.coast-weekly.example/ice-road\n\n"
                     "The ice road opened on Tuesday.\n\nhttps://example.org/more\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(TallyDocumentRecord) r = tally_ingest_bytes (bytes, "road.txt", NULL);

  g_assert_cmpstr (r->title, ==, "Ice road to Hailuoto opens");
  g_assert_cmpstr (r->outlet, ==, "coast-weekly.example");
  g_assert_cmpstr (r->text, ==, "The ice road opened on Tuesday.");
  g_assert_cmpuint (r->boilerplate->len, ==, 2);
}

static TallyDocumentRecord *
ingest_string (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  TallyDocumentRecord *r = tally_ingest_bytes (bytes, "saved.txt", &error);

  g_assert_no_error (error);
  return r;
}

/* A date as the first line, as people save a page, is the publication date
 * and the next line the title, in every form the line takes. */
static void
test_text_date_first (void)
{
  const char *firsts[] = {
    "Published 2024-03-18", "March 18, 2024", "18.03.2024", "Updated: 18 March 2024 09:12",
  };

  for (guint i = 0; i < G_N_ELEMENTS (firsts); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s\n\nLake ferry resumes\n\nThe ferry sailed again on Monday.\n", firsts[i]);
      g_autoptr(TallyDocumentRecord) r = ingest_string (text);

      g_assert_cmpstr (r->published, ==, "2024-03-18");
      g_assert_cmpstr (r->title, ==, "Lake ferry resumes");
      g_assert_cmpstr (r->text, ==, "The ferry sailed again on Monday.");
    }
  /* Russian lines as Russian pages write them: the month a word of the ru
   * lexicon knows (CLDR's names through ICU), in any of its forms. */
  {
    const char *ru[] = {
      "4 марта 2024, 10:15", "Опубликовано: 4 марта 2024", "Дата публикации: 4 марта 2024 года, 10:15",
    };

    for (guint i = 0; i < G_N_ELEMENTS (ru); i++)
      {
        g_autofree char *text = g_strdup_printf ("%s\n\nПаром вышел в рейс\n\nПаром вышел в рейс в понедельник.\n", ru[i]);
        g_autoptr(TallyDocumentRecord) r = ingest_string (text);

        g_assert_cmpstr (r->published, ==, "2024-03-04");
        g_assert_cmpstr (r->title, ==, "Паром вышел в рейс");
      }
  }
  /* A published line then an updated one: the first is the publication. */
  {
    g_autoptr(TallyDocumentRecord) r = ingest_string ("Published 2024-03-18\nUpdated 2024-03-20\n\nLake ferry resumes\n\nThe ferry sailed.\n");

    g_assert_cmpstr (r->published, ==, "2024-03-18");
    g_assert_cmpstr (r->title, ==, "Lake ferry resumes");
  }
}

/* "&#163;1.8m" in plain text is "£1.8m"; offsets still point into the file. */
static void
test_text_character_references (void)
{
  g_autoptr(TallyDocumentRecord) r = ingest_string ("Pier repairs\n\nRepairs cost &#163;1.8m and &#x20AC;2m, &#; and &#99999999; stay.\n");

  g_assert_cmpstr (r->text, ==, "Repairs cost £1.8m and €2m, &#; and &#99999999; stay.");
}

/* A dateline gives the place, and the date when it has a year. */
static void
test_text_dateline (void)
{
  g_autoptr(TallyDocumentRecord) a = ingest_string ("Ferry talks end\n\nTROMSØ, Norway, 17 March 2024 (Wire) - Ministers met to settle the dispute over ferry routes between the islands and the mainland, officials said on Sunday after the talks.\n");
  g_autoptr(TallyDocumentRecord) b = ingest_string ("Dam opens\n\nLAUSANNE – The new dam opened on Friday.\n");
  g_autoptr(TallyDocumentRecord) c = ingest_string ("Dam opens\n\nThe new dam opened on Friday in Lausanne.\n");

  g_assert_cmpstr (a->dateline, ==, "Tromsø");
  g_assert_cmpstr (a->published, ==, "2024-03-17");
  g_assert_cmpstr (b->dateline, ==, "Lausanne");
  g_assert_null (b->published);
  g_assert_null (c->dateline);
}

static void
test_markdown (void)
{
  g_autoptr(TallyDocumentRecord) r = ingest_fixture ("wrapped.md");
  const char * const paragraphs[] = {
    "The talks in Kemi ran late into the evening, and the final text was read out only after midnight. "
    "Delegates said the hardest part was the division of the autumn season between the three lakes.",
    "A summary of the agreement was posted on the conference website the next morning.",
    "What changes",
    "Nets with a mesh under 20 mm are banned.",
    "Night fishing needs a second licence.",
    NULL
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ingest", "wrapped.md", NULL);
  g_autofree char *original = NULL;
  const char *word;

  g_assert_cmpstr (r->format, ==, "markdown");
  g_assert_cmpstr (r->title, ==, "Quota talks in Kemi");
  g_assert_cmpstr (r->published, ==, "2027-03-05");
  assert_paragraphs (r, paragraphs);
  g_assert_cmpuint (r->boilerplate->len, ==, 2);
  g_assert_cmpstr (boilerplate (r, 1, NULL), ==, "Back to top");

  /* Words after stripped markup still map to their place in the file. */
  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  word = strstr (r->text, "hardest");
  g_assert_cmpuint (tally_document_record_source_offset (r, word - r->text), ==, strstr (original, "hardest") - original);
  word = strstr (r->text, "morning");
  g_assert_cmpuint (tally_document_record_source_offset (r, word - r->text), ==, strstr (original, "morning") - original);
}

static void
test_html_article (void)
{
  g_autoptr(TallyDocumentRecord) r = ingest_fixture ("article.html");
  const char * const paragraphs[] = {
    "The quota agreed in Kemi this week has divided the villages around the three lakes, with fishers on the northern shore saying the cut of 12% falls hardest on them.",
    "Around 600 of the 1,400 licensed fishers live on the northern shore, according to the regional council.",
    "Night checks",
    "The conference also asked the coast guard to check boats at night — a request that the guard says needs 3 more patrol boats.",
    NULL
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ingest", "article.html", NULL);
  g_autofree char *original = NULL;

  g_assert_cmpstr (r->format, ==, "html");
  g_assert_cmpstr (r->title, ==, "Kemi quota deal splits the lake villages");
  g_assert_cmpstr (r->outlet, ==, "Lakeland Daily");
  g_assert_cmpstr (r->published, ==, "2027-03-05");
  g_assert_cmpstr (r->author, ==, "Aino Lehtonen");
  assert_paragraphs (r, paragraphs);

  /* Furniture: none of it in the text. */
  g_assert_null (strstr (r->text, "Share"));
  g_assert_null (strstr (r->text, "Related"));
  g_assert_null (strstr (r->text, "Rovaniemi"));
  g_assert_null (strstr (r->text, "Sport"));
  g_assert_null (strstr (r->text, "Boats on the ice"));
  g_assert_null (strstr (r->text, "tracker"));
  g_assert_cmpuint (r->boilerplate->len, ==, 2);
  g_assert_cmpstr (boilerplate (r, 0, NULL), ==, "By Aino Lehtonen · 5 March 2027");
  g_assert_cmpstr (boilerplate (r, 1, NULL), ==, "Leave a Reply");

  g_assert_cmpuint (r->comments->len, ==, 2);
  assert_comment (r, 0, "Ville_K", "The north always pays first.");
  assert_comment (r, 1, "Marja", "Three patrol boats for three lakes.\nSeems fair.");

  /* Paragraph starts map to where their words are in the page… */
  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  for (guint i = 0; i < r->paragraphs->len; i++)
    {
      const TallySpan *s = &g_array_index (r->paragraphs, TallySpan, i);
      gsize src = tally_document_record_source_offset (r, s->start);

      g_assert_cmpmem (original + src, 10, r->text + s->start, 10);
    }
  /* … and so do figures inside them, also after links and entities. */
  {
    const char *words[] = { "12%", "1,400", "the guard", "3 more patrol", "regional council" };

    for (guint i = 0; i < G_N_ELEMENTS (words); i++)
      {
        const char *in_text = strstr (r->text, words[i]);

        g_assert_nonnull (in_text);
        g_assert_cmpuint (tally_document_record_source_offset (r, in_text - r->text), ==,
                          strstr (original, words[i]) - original);
      }
  }
}

static void
test_html_jsonld (void)
{
  g_autoptr(TallyDocumentRecord) r = ingest_fixture ("jsonld.html");
  const char * const paragraphs[] = {
    "Five village councils on the northern shore have asked the conference secretariat for a second vote on the vendace quota.",
    "The councils say the cut of 12% was agreed before their delegates arrived in Kemi, because the train from the north was four hours late.",
    "The secretariat said it would answer within 30 days.",
    NULL
  };

  g_assert_cmpstr (r->title, ==, "Lake villages ask for a second vote");
  g_assert_cmpstr (r->outlet, ==, "northern-post.example");
  g_assert_cmpstr (r->published, ==, "2027-03-07");
  g_assert_cmpstr (r->author, ==, "Mikko Salo, Lea Virta");
  assert_paragraphs (r, paragraphs);
  g_assert_cmpuint (r->comments->len, ==, 0);
}

static void
test_html_densest (void)
{
  g_autoptr(TallyDocumentRecord) r = ingest_fixture ("divsoup.html");
  const char * const paragraphs[] = {
    "Ice on Lake Kemijärvi was 62 cm thick on Monday, the regional environment centre said.",
    "That is 9 cm thinner than the average for early March over the past decade.",
    "Fishers say the thin ice has shortened the winter season by about two weeks.",
    NULL
  };

  g_assert_cmpstr (r->published, ==, "2027-03-08");
  assert_paragraphs (r, paragraphs);
  /* No headline anywhere: the first words stand in. */
  g_assert_cmpstr (r->title, ==, "Ice on Lake Kemijärvi was 62 cm thick on Monday, the regional…");
  g_assert_cmpuint (r->boilerplate->len, ==, 1);
  g_assert_cmpstr (boilerplate (r, 0, NULL), ==, "8.3.2027");
}

static void
test_html_title_fallback (void)
{
  const char *page = "<html><head><title>Ferry timetable changes | Coast Weekly</title></head>"
                     "<body><p>The winter ferry will leave at 7:40 from March.</p></body></html>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (page, strlen (page));
  g_autoptr(TallyDocumentRecord) r = tally_ingest_bytes (bytes, "page.htm", NULL);

  g_assert_cmpstr (r->format, ==, "html");
  g_assert_cmpstr (r->title, ==, "Ferry timetable changes");
  g_assert_cmpstr (r->text, ==, "The winter ferry will leave at 7:40 from March.");
}

static void
test_html_title_suffix (void)
{
  const struct { const char *title; const char *expected; } cases[] = {
    { "Ice roads open | Lakeland Daily", "Ice roads open" },
    { "Ice roads open - Northern Post", "Ice roads open" },
    { "Kemijärvi – thin ice again", "Kemijärvi – thin ice again" },
    { "Quota cut :: LNS", "Quota cut" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *page = g_strdup_printf ("<html><head><title>%s</title></head>"
                                               "<body><p>The ice road opened on Tuesday.</p></body></html>",
                                               cases[i].title);
      g_autoptr(GBytes) bytes = g_bytes_new (page, strlen (page));
      g_autoptr(TallyDocumentRecord) r = tally_ingest_bytes (bytes, "t.html", NULL);

      g_assert_cmpstr (r->title, ==, cases[i].expected);
    }
}

static void
test_html_plain_comments (void)
{
  /* A comment section without comment markup: read as author/text lines. */
  const char *page = "<html><body><article><h1>Ferry strike ends</h1>"
                     "<p>The ferry strike in Kemi ended on Friday after 6 days.</p></article>"
                     "<section id=\"comments\"><h2>2 Comments</h2>"
                     "<p>Onni</p><p>About time.</p><p>Liisa K.</p><p>Six days too long.</p>"
                     "<p>Leave a Reply</p></section></body></html>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (page, strlen (page));
  g_autoptr(TallyDocumentRecord) r = tally_ingest_bytes (bytes, "strike.html", NULL);

  g_assert_cmpstr (r->text, ==, "The ferry strike in Kemi ended on Friday after 6 days.");
  g_assert_cmpuint (r->comments->len, ==, 2);
  assert_comment (r, 0, "Onni", "About time.");
  assert_comment (r, 1, "Liisa K.", "Six days too long.");
}

static void
test_html_sniffed (void)
{
  /* An .txt name does not make a page text: content decides. */
  const char *page = "  <!DOCTYPE html><html><body><article><h1>Ice roads open</h1>"
                     "<p>The ice road to Hailuoto opened on Tuesday after a cold week.</p></article></body></html>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (page, strlen (page));
  g_autoptr(TallyDocumentRecord) r = tally_ingest_bytes (bytes, "saved.txt", NULL);

  g_assert_cmpstr (r->format, ==, "html");
  g_assert_cmpstr (r->title, ==, "Ice roads open");
  g_assert_cmpstr (r->text, ==, "The ice road to Hailuoto opened on Tuesday after a cold week.");
}

/* ---------------------------------------------------------------------- */
/* Encodings: the same article in every form gives the same text. */

#define ENC_TITLE "Kemijärvi ice report"
#define ENC_BODY "The “thin ice” warning – 62 cm – was lifted on Friday."
#define ENC_TEXT ENC_TITLE "\n\n" ENC_BODY "\n"

static TallyDocumentRecord *
ingest_data (const void *data,
             gsize       len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) error = NULL;
  TallyDocumentRecord *r = tally_ingest_bytes (bytes, "enc.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (r->title, ==, ENC_TITLE);
  g_assert_cmpstr (r->text, ==, ENC_BODY);
  return r;
}

static void
test_encoding_utf8_bom (void)
{
  g_autofree char *data = g_strconcat ("\xEF\xBB\xBF", ENC_TEXT, NULL);
  g_autoptr(TallyDocumentRecord) r = ingest_data (data, strlen (data));

  /* The body starts after BOM (3) + title + two newlines. */
  g_assert_cmpuint (tally_document_record_source_offset (r, 0), ==, 3 + strlen (ENC_TITLE) + 2);
}

static void
test_encoding_utf16 (gconstpointer data)
{
  const char *charset = data;
  gboolean big = g_str_equal (charset, "UTF-16BE");
  gsize len = 0;
  g_autofree char *converted = g_convert (ENC_TEXT, -1, charset, "UTF-8", NULL, &len, NULL);
  g_autofree char *with_bom = g_malloc (len + 2);
  g_autoptr(TallyDocumentRecord) r = NULL;
  const char *lifted;

  memcpy (with_bom, big ? "\xFE\xFF" : "\xFF\xFE", 2);
  memcpy (with_bom + 2, converted, len);
  r = ingest_data (with_bom, len + 2);

  /* "lifted": every character before it is one UTF-16 unit (2 bytes). */
  lifted = strstr (r->text, "lifted");
  g_assert_cmpuint (tally_document_record_source_offset (r, lifted - r->text), ==,
                    2 + 2 * g_utf8_strlen (ENC_TEXT, strstr (ENC_TEXT, "lifted") - ENC_TEXT));
}

static void
test_encoding_cp1252 (void)
{
  gsize len = 0;
  g_autofree char *data = g_convert (ENC_TEXT, -1, "WINDOWS-1252", "UTF-8", NULL, &len, NULL);
  g_autoptr(TallyDocumentRecord) r = ingest_data (data, len);
  const char *lifted = strstr (r->text, "lifted");

  /* One byte per character in Windows-1252. */
  g_assert_cmpuint (tally_document_record_source_offset (r, lifted - r->text), ==,
                    g_utf8_strlen (ENC_TEXT, strstr (ENC_TEXT, "lifted") - ENC_TEXT));
}

static void
test_encoding_html (void)
{
  /* The page's own charset declaration does not undo the decoding. */
#define PAGE(charset) "<html><head><meta charset=\"" charset "\"></head><body>" \
                     "<p>The “thin ice” warning for Kemijärvi was lifted on Friday.</p></body></html>"
  const char *expected = "The “thin ice” warning for Kemijärvi was lifted on Friday.";
  const char *cp_page = PAGE ("windows-1252");
  const char *u16_page = PAGE ("utf-16");
  const char *lie_page = PAGE ("iso-8859-1");
  gsize cp_len = 0, u16_len = 0;
  g_autofree char *cp = g_convert (cp_page, -1, "WINDOWS-1252", "UTF-8", NULL, &cp_len, NULL);
  g_autofree char *u16 = g_convert (u16_page, -1, "UTF-16LE", "UTF-8", NULL, &u16_len, NULL);
  g_autofree char *u16_bom = g_malloc (u16_len + 2);
  struct { const char *data; gsize len; } cases[3];

  memcpy (u16_bom, "\xFF\xFE", 2);
  memcpy (u16_bom + 2, u16, u16_len);
  cases[0].data = cp, cases[0].len = cp_len;
  cases[1].data = u16_bom, cases[1].len = u16_len + 2;
  cases[2].data = lie_page, cases[2].len = strlen (lie_page);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (cases[i].data, cases[i].len);
      g_autoptr(GError) error = NULL;
      g_autoptr(TallyDocumentRecord) r = tally_ingest_bytes (bytes, "page.html", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (r->format, ==, "html");
      g_assert_cmpstr (r->text, ==, expected);
    }
#undef PAGE
}

static void
test_encoding_line_ends (void)
{
  const char *crlf = ENC_TITLE "\r\n\r\n" ENC_BODY "\r\n";
  const char *cr = ENC_TITLE "\r\r" ENC_BODY "\r";
  g_autoptr(TallyDocumentRecord) a = ingest_data (crlf, strlen (crlf));
  g_autoptr(TallyDocumentRecord) b = ingest_data (cr, strlen (cr));

  g_assert_cmpuint (tally_document_record_source_offset (a, 0), ==, strlen (ENC_TITLE) + 4);
  g_assert_cmpuint (tally_document_record_source_offset (b, 0), ==, strlen (ENC_TITLE) + 2);
}

/* ---------------------------------------------------------------------- */
/* Bad input */

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tally-ingest-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static char *
write_file (const char *dir,
            const char *name,
            const char *data,
            gssize      len)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, len, NULL));
  return path;
}

static void
assert_ingest_error (const char *path,
                     int         code,
                     const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDocumentRecord) r = tally_ingest_listed_file (path, &error);

  g_assert_null (r);
  g_assert_error (error, TALLY_INGEST_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_errors (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *empty = write_file (dir, "empty.txt", "", 0);
  g_autofree char *blank = write_file (dir, "blank.txt", " \n\t\n", -1);
  g_autofree char *nul = write_file (dir, "nul.txt", "abc\0def", 7);
  g_autofree char *png = write_file (dir, "picture.txt", "\x89PNG\r\n\x1a\n....", 12);
  g_autofree char *good = write_file (dir, "good.txt", "Ice report\n\nThe ice is 40 cm thick.\n", -1);
  g_autofree char *big = g_build_filename (dir, "big.txt", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.txt", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.txt", NULL);
  g_autoptr(GError) error = NULL;
  FILE *f;

  f = g_fopen (big, "wb");
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), TALLY_INGEST_MAX_FILE_SIZE + 1024 * 1024), ==, 0);
  fclose (f);
  g_assert_cmpint (symlink ("nowhere.txt", broken), ==, 0);
  g_assert_cmpint (symlink ("loop.txt", loop), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  assert_ingest_error (empty, TALLY_INGEST_ERROR_EMPTY, "“empty.txt”: the file is empty");
  assert_ingest_error (blank, TALLY_INGEST_ERROR_EMPTY, "“blank.txt”: the file holds only white space");
  assert_ingest_error (nul, TALLY_INGEST_ERROR_BINARY, "“nul.txt”: not a text file (it holds NUL bytes)");
  assert_ingest_error (png, TALLY_INGEST_ERROR_BINARY, "“picture.txt”: not a text file (it looks like a PNG image)");
  assert_ingest_error (big, TALLY_INGEST_ERROR_TOO_LARGE, "“big.txt”: the file is too large (21.0 MB; the limit is 20 MB)");
  assert_ingest_error (broken, TALLY_INGEST_ERROR_BROKEN_LINK, "“broken.txt”: the symbolic link points to a file that does not exist");
  assert_ingest_error (loop, TALLY_INGEST_ERROR_LOOP, "“loop.txt”: the symbolic link points to itself (a loop)");
  assert_ingest_error (missing, TALLY_INGEST_ERROR_VANISHED, "“missing.txt”: the file was removed before it could be read");
  assert_ingest_error (fifo, TALLY_INGEST_ERROR_NOT_REGULAR, "“pipe.txt”: not a regular file (a device, socket or pipe)");
  {
    g_autofree char *base = g_path_get_basename (dir);
    g_autofree char *message = g_strdup_printf ("“%s”: this is a folder, not a file", base);

    assert_ingest_error (dir, TALLY_INGEST_ERROR_NOT_REGULAR, message);
  }

  /* Not listed by a walk: a missing file is just missing. */
  g_assert_null (tally_ingest_file (missing, &error));
  g_assert_error (error, TALLY_INGEST_ERROR, TALLY_INGEST_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "“missing.txt”: no such file");
  g_clear_error (&error);

  /* Unreadable: only meaningful when not running as root. */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (good, 0), ==, 0);
      assert_ingest_error (good, TALLY_INGEST_ERROR_UNREADABLE, "“good.txt”: permission denied");
      g_assert_cmpint (g_chmod (good, 0644), ==, 0);
    }
  {
    g_autoptr(TallyDocumentRecord) r = tally_ingest_file (good, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (r->text, ==, "The ice is 40 cm thick.");
  }
}

static void
test_failure_reason (void)
{
  g_autoptr(GError) error = g_error_new (TALLY_INGEST_ERROR, TALLY_INGEST_ERROR_EMPTY, "“a.txt”: the file is empty");
  g_autoptr(TallyIngestFailure) failure = tally_ingest_failure_new ("/tmp/a.txt", error);
  g_autoptr(TallyIngestFailure) copy = tally_ingest_failure_copy (failure);

  g_assert_cmpstr (failure->path, ==, "/tmp/a.txt");
  g_assert_cmpstr (failure->reason, ==, "the file is empty");
  g_assert_cmpstr (copy->reason, ==, "the file is empty");
  g_assert_error (copy->error, TALLY_INGEST_ERROR, TALLY_INGEST_ERROR_EMPTY);
}

static void
test_collect (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *sub = g_build_filename (dir, "b-folder", NULL);
  g_autofree char *assets = g_build_filename (dir, "page_files", NULL);
  g_autofree char *link = g_build_filename (sub, "up", NULL);
  g_autofree char *broken = g_build_filename (dir, "c-broken.txt", NULL);
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_ingest_failure_free);
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *missing = g_build_filename (dir, "nothing-here", NULL);
  const char *paths[] = { dir, missing, NULL };
  TallyIngestFailure *failure;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (assets, 0755), ==, 0);
  g_free (write_file (dir, "a.txt", "A", -1));
  g_free (write_file (dir, "page.html", "<p>x</p>", -1));
  g_free (write_file (dir, ".hidden.txt", "H", -1));
  g_free (write_file (dir, "style.css", "p {}", -1));
  g_free (write_file (assets, "inner.html", "<p>y</p>", -1));
  g_free (write_file (sub, "d.md", "# D", -1));
  g_assert_cmpint (symlink ("..", link), ==, 0);
  g_assert_cmpint (symlink ("gone.txt", broken), ==, 0);

  files = tally_ingest_collect_paths (paths, -1, failures, NULL);
  g_assert_cmpuint (files->len, ==, 3);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (files, 0), "/a.txt"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (files, 1), "/b-folder/d.md"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (files, 2), "/page.html"));

  g_assert_cmpuint (failures->len, ==, 3);
  failure = g_ptr_array_index (failures, 0);
  g_assert_true (g_str_has_suffix (failure->path, "/b-folder/up"));
  g_assert_cmpstr (failure->reason, ==, "the folder links back to a folder that contains it (a loop)");
  failure = g_ptr_array_index (failures, 1);
  g_assert_cmpstr (failure->path, ==, broken);
  g_assert_cmpstr (failure->reason, ==, "the symbolic link points to a file that does not exist");
  g_assert_cmpstr (failure->error->message, ==, "“c-broken.txt”: the symbolic link points to a file that does not exist");
  failure = g_ptr_array_index (failures, 2);
  g_assert_cmpstr (failure->path, ==, missing);
  g_assert_cmpstr (failure->reason, ==, "no such file or folder");
}

static void
test_collect_deep (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GString) path = g_string_new (dir);
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_ingest_failure_free);
  g_autoptr(GPtrArray) files = NULL;
  const char *paths[] = { dir, NULL };

  for (guint level = 1; level <= 70; level++)
    {
      g_string_append (path, "/d");
      g_assert_cmpint (g_mkdir (path->str, 0755), ==, 0);
      if (level == 2 || level == 70)
        g_free (write_file (path->str, "note.txt", "N", -1));
    }
  files = tally_ingest_collect_paths (paths, -1, failures, NULL);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (files, 0), "/d/d/note.txt"));
  g_assert_cmpuint (failures->len, ==, 1);
  g_assert_cmpstr (((TallyIngestFailure *) g_ptr_array_index (failures, 0))->reason, ==,
                   "folders nested more than 64 deep are not opened");
}

static void
test_vanished (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *a = write_file (dir, "a.txt", "Ice report\n\nThe ice is 40 cm thick.\n", -1);
  g_autofree char *b = write_file (dir, "b.txt", "Snow report\n\nSnow fell all night.\n", -1);
  g_autofree char *c = write_file (dir, "c.txt", "Wind report\n\nThe wind turned north.\n", -1);
  const char *paths[] = { dir, NULL };
  g_autoptr(GPtrArray) files = tally_ingest_collect_paths (paths, -1, NULL, NULL);
  guint ok = 0;

  g_assert_cmpuint (files->len, ==, 3);
  g_assert_cmpint (g_unlink (b), ==, 0);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TallyDocumentRecord) r = tally_ingest_listed_file (g_ptr_array_index (files, i), &error);

      if (i == 1)
        {
          g_assert_error (error, TALLY_INGEST_ERROR, TALLY_INGEST_ERROR_VANISHED);
          g_assert_cmpstr (error->message, ==, "“b.txt”: the file was removed before it could be read");
        }
      else
        {
          g_assert_no_error (error);
          ok++;
        }
    }
  g_assert_cmpuint (ok, ==, 2);
}

/* ---------------------------------------------------------------------- */

static void
test_simhash (void)
{
  g_autoptr(TallyDocumentRecord) a = ingest_fixture ("wire-a.txt");
  g_autoptr(TallyDocumentRecord) b = ingest_fixture ("wire-b.txt");
  g_autoptr(TallyDocumentRecord) other = ingest_fixture ("plain.txt");
  g_autoptr(TallyDocumentRecord) html = ingest_fixture ("jsonld.html");
  guint64 hashes[4] = { a->simhash, other->simhash, b->simhash, html->simhash };
  guint clusters[4];

  g_assert_cmpuint (tally_simhash_distance (a->simhash, b->simhash), <=, TALLY_SIMHASH_NEAR_DISTANCE);
  g_assert_cmpuint (tally_simhash_distance (a->simhash, other->simhash), >, 2 * TALLY_SIMHASH_NEAR_DISTANCE);
  g_assert_cmpuint (tally_simhash_distance (b->simhash, html->simhash), >, 2 * TALLY_SIMHASH_NEAR_DISTANCE);
  g_assert_cmpuint (tally_simhash_distance (a->simhash, a->simhash), ==, 0);
  g_assert_true (tally_ingest_simhash (a->text, a->text_len) == a->simhash);

  tally_simhash_cluster (hashes, 4, TALLY_SIMHASH_NEAR_DISTANCE, clusters);
  g_assert_cmpuint (clusters[0], ==, 0);
  g_assert_cmpuint (clusters[1], ==, 1);
  g_assert_cmpuint (clusters[2], ==, 0);
  g_assert_cmpuint (clusters[3], ==, 3);
}

/* The fingerprint as first defined (one vote per bit per shingle, words
 * decoded character by character): the fast one must give the same bits,
 * since fingerprints stored in projects are compared with new ones. */
static guint64
reference_mix (guint64 x)
{
  x ^= x >> 30;
  x *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x ^= x >> 27;
  x *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  x ^= x >> 31;
  return x;
}

static guint64
reference_simhash (const char *text,
                   gsize       len)
{
  int votes[64] = { 0 };
  guint64 window[3] = { 0 }, result = 0;
  guint n_words = 0, n_shingles = 0;
  const char *s = text, *end = text + len;

  while (s < end)
    {
      guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);
      gboolean any = FALSE;

      for (; s < end; )
        {
          gunichar c = (guchar) *s < 0x80 ? (guchar) *s : g_utf8_get_char_validated (s, end - s);
          const char *next = (guchar) *s < 0x80 ? s + 1 : g_utf8_find_next_char (s, end);

          next = next != NULL ? next : end;
          if (c < 0x80 ? g_ascii_isalnum (c) : (c != (gunichar) -1 && c != (gunichar) -2 && g_unichar_isalnum (c)))
            {
              c = c < 0x80 ? (gunichar) g_ascii_tolower (c) : g_unichar_tolower (c);
              h = (h ^ c) * G_GUINT64_CONSTANT (0x100000001b3);
              any = TRUE;
              s = next;
            }
          else
            {
              s = next;
              if (any)
                break;
            }
        }
      if (!any)
        break;
      window[0] = window[1];
      window[1] = window[2];
      window[2] = h;
      if (++n_words < 3)
        continue;
      h = reference_mix (window[0] * 31 * 31 + window[1] * 31 + window[2]);
      for (int bit = 0; bit < 64; bit++)
        votes[bit] += (h >> bit) & 1 ? 1 : -1;
      n_shingles++;
    }
  if (n_shingles == 0 && n_words > 0)
    return reference_mix (window[1] * 31 + window[2]);
  for (int bit = 0; bit < 64; bit++)
    if (votes[bit] > 0)
      result |= G_GUINT64_CONSTANT (1) << bit;
  return result;
}

static void
test_simhash_definition (void)
{
  static const char *const words[] = { "trade", "Summit", "Aktau", "2026", "café", "ЖУРНАЛ", "its", "l’accord",
                                       "x", "\xff\xfe", "—", "1,200", "Zürich", "naïve", "e-mail", "\xc3" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(TallyDocumentRecord) a = ingest_fixture ("wire-a.txt");

  g_assert_true (tally_ingest_simhash (a->text, a->text_len) == reference_simhash (a->text, a->text_len));
  /* 0 to 3,000 words: fewer than three, and more than the 255 shingles the
   * fast counters hold before they are added up. */
  for (guint round = 0; round < 60; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = round < 10 ? round : g_rand_int_range (rand, 10, 3000);

      for (guint w = 0; w < n; w++)
        {
          g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          g_string_append (text, g_rand_boolean (rand) ? " " : ", ");
        }
      g_assert_true (tally_ingest_simhash (text->str, text->len) == reference_simhash (text->str, text->len));
    }
}

/* The event finder takes a record's sentences instead of cutting the text
 * again: they must be what tally_next_sentence() finds over the whole text
 * (paragraphs are joined by a blank line, which always ends a sentence). */
static void
assert_sentences_as_whole_text (const TallyDocumentRecord *record)
{
  gsize pos = 0, start, end;
  guint i = 0;

  while (tally_next_sentence (record->text, record->text_len, &pos, &start, &end))
    {
      const TallySpan *span;

      g_assert_cmpuint (i, <, record->sentences->len);
      span = &g_array_index (record->sentences, TallySpan, i++);
      g_assert_cmpuint (span->start, ==, start);
      g_assert_cmpuint (span->end, ==, end);
    }
  g_assert_cmpuint (i, ==, record->sentences->len);

  /* The tokens kept with them are the tokenizer's over the whole text. */
  {
    const TallyLexicon *lex = tally_lexicon_get ("en", NULL);
    TallyToken token;
    guint n = 0;

    pos = 0;
    g_assert_nonnull (record->tokens);
    while (tally_tokenizer_next (lex, record->text, record->text_len, &pos, &token))
      {
        const TallyToken *kept;

        g_assert_cmpuint (n, <, record->tokens->len);
        kept = &g_array_index (record->tokens, TallyToken, n++);
        g_assert_cmpmem (kept, sizeof *kept, &token, sizeof token);
      }
    g_assert_cmpuint (n, ==, record->tokens->len);
  }
}

/* Claims and events found from the record's tokens and sentences are those
 * found from the bare text. */
static char *
claims_and_events (const TallyDocumentRecord *record,
                   gboolean                   reuse)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(TallyEventFinder) finder = tally_event_finder_new (NULL, NULL);
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GPtrArray) events = NULL;
  TallyExtractOptions options;

  tally_extract_options_init (&options);
  tally_extract_options_set_reference_date (&options, "2026-06-17");
  options.tokens = reuse ? record->tokens : NULL;
  claims = tally_extract_claims (record->text, record->text_len, &options);
  for (guint c = 0; c < claims->len; c++)
    tally_jsonl_write_claim (out, g_ptr_array_index (claims, c), "c", "d", record->text, record->text_len);
  if (reuse)
    tally_event_finder_add_document_full (finder, "d", record->text, record->text_len, "2026-06-17", claims,
                                          record->sentences, record->tokens);
  else
    tally_event_finder_add_document (finder, "d", record->text, record->text_len, "2026-06-17");
  events = tally_event_finder_finish (finder);
  for (guint e = 0; e < events->len; e++)
    {
      g_autoptr(JsonNode) node = tally_event_record_to_json (g_ptr_array_index (events, e));
      g_autofree char *json = json_to_string (node, FALSE);

      g_string_append_printf (out, "%s\n", json);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_tokens_reused (void)
{
  static const char *const folders[] = { "data/samples", "tests/data/claims", "tests/data/events" };
  guint n_events = 0;

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *dir = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), folders[f], NULL);
      const char *paths[] = { dir, NULL };
      g_autoptr(GPtrArray) files = tally_ingest_collect_paths (paths, -1, NULL, NULL);

      for (guint i = 0; i < files->len; i++)
        {
          const char *path = g_ptr_array_index (files, i);
          g_autoptr(TallyDocumentRecord) record = NULL;
          g_autofree char *reused = NULL, *fresh = NULL;

          if (!g_str_has_suffix (path, ".txt") && !g_str_has_suffix (path, ".html"))
            continue;
          record = tally_ingest_file (path, NULL);
          g_assert_nonnull (record);
          reused = claims_and_events (record, TRUE);
          fresh = claims_and_events (record, FALSE);
          g_assert_cmpstr (reused, ==, fresh);
          n_events += strstr (fresh, "\"label\"") != NULL;
        }
    }
  /* The texts have events, so the event path was compared too. */
  g_assert_cmpuint (n_events, >, 5);
}

static void
test_sentences_whole_text (void)
{
  static const char *const fixtures[] = { "article.html", "comments-wp.txt", "divsoup.html", "jsonld.html",
                                          "plain.txt", "slug.txt", "wire-a.txt", "wire-b.txt", "wrapped.md" };
  g_autofree char *samples = g_build_filename (g_getenv ("TALLY_SOURCE_DIR"), "data", "samples", NULL);
  const char *paths[] = { samples, NULL };
  g_autoptr(GPtrArray) files = tally_ingest_collect_paths (paths, -1, NULL, NULL);

  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autoptr(TallyDocumentRecord) record = ingest_fixture (fixtures[f]);

      assert_sentences_as_whole_text (record);
    }
  g_assert_cmpuint (files->len, >=, 8);
  for (guint f = 0; f < files->len; f++)
    {
      g_autoptr(TallyDocumentRecord) record = tally_ingest_file (g_ptr_array_index (files, f), NULL);

      g_assert_nonnull (record);
      assert_sentences_as_whole_text (record);
    }
}

static void
test_similarity (void)
{
  g_autoptr(TallyDocumentRecord) a = ingest_fixture ("wire-a.txt");
  g_autoptr(TallyDocumentRecord) b = ingest_fixture ("wire-b.txt");
  g_autoptr(TallyDocumentRecord) other = ingest_fixture ("plain.txt");
  double ab = tally_shingle_similarity (a->text, a->text_len, b->text, b->text_len);
  double ao = tally_shingle_similarity (a->text, a->text_len, other->text, other->text_len);

  g_test_message ("wire-a/wire-b %.3f, wire-a/plain %.3f", ab, ao);
  g_assert_cmpfloat (tally_shingle_similarity (a->text, a->text_len, a->text, a->text_len), ==, 1.0);
  g_assert_cmpfloat (ab, >=, TALLY_NEAR_DUPLICATE_SIMILARITY);
  g_assert_cmpfloat (ao, <, 0.2);
  g_assert_cmpfloat (tally_shingle_similarity ("", 0, a->text, a->text_len), ==, 0.0);
}

/* The project's own sample articles (data/samples): each has a title and
 * clean text, and the only near-duplicates are the wire story and its copy. */
static void
test_samples (void)
{
  const char *src = g_getenv ("TALLY_SOURCE_DIR");
  g_autofree char *dir = g_build_filename (src != NULL ? src : ".", "data", "samples", NULL);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_document_record_free);
  const char *paths[] = { dir, NULL };
  g_autoptr(GPtrArray) files = NULL;
  guint near = 0;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no data/samples");
      return;
    }
  files = tally_ingest_collect_paths (paths, -1, NULL, NULL);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;
      TallyDocumentRecord *r;

      if (g_str_has_suffix (path, "README.md"))
        continue;
      r = tally_ingest_file (path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (r->title);
      g_assert_cmpuint (r->paragraphs->len, >=, 5);
      for (guint p = 0; p < r->paragraphs->len; p++)
        {
          g_autofree char *line = paragraph (r, p);

          g_assert_false (tally_rules_match (TALLY_RULE_LINE, line, NULL));
          g_assert_false (tally_rules_match (TALLY_RULE_LABEL, line, NULL));
          g_assert_false (tally_rules_match (TALLY_RULE_COMMENTS, line, NULL));
        }
      /* HTML names its outlet in meta tags, text in its copyright line. */
      g_assert_nonnull (r->outlet);
      g_ptr_array_add (records, r);
    }
  g_assert_cmpuint (records->len, >=, 6);
  for (guint i = 0; i < records->len; i++)
    for (guint j = i + 1; j < records->len; j++)
      {
        TallyDocumentRecord *a = g_ptr_array_index (records, i), *b = g_ptr_array_index (records, j);
        double sim = tally_shingle_similarity (a->text, a->text_len, b->text, b->text_len);

        if (sim >= TALLY_NEAR_DUPLICATE_SIMILARITY)
          {
            g_autofree char *an = g_path_get_basename (a->path);
            g_autofree char *bn = g_path_get_basename (b->path);

            g_test_message ("near-duplicates: %s %s (%.2f, %u bits)", an, bn, sim, tally_simhash_distance (a->simhash, b->simhash));
            g_assert_true (g_str_has_prefix (an, "01-") && g_str_has_prefix (bn, "02-"));
            g_assert_cmpuint (tally_simhash_distance (a->simhash, b->simhash), <=, TALLY_SIMHASH_CANDIDATE_DISTANCE);
            near++;
          }
      }
  g_assert_cmpuint (near, ==, 1);
}

static void
test_rules (void)
{
  g_autofree char *author = NULL;

  g_assert_true (tally_rules_match (TALLY_RULE_LINE, "Back To Top", NULL));
  g_assert_true (tally_rules_match (TALLY_RULE_LINE, "Leave a Reply", NULL));
  g_assert_true (tally_rules_match (TALLY_RULE_LABEL, "Next page »", NULL));
  g_assert_true (tally_rules_match (TALLY_RULE_COMMENTS, "12 Comments", NULL));
  g_assert_false (tally_rules_match (TALLY_RULE_LINE, "Back to top speeds, the ferry reached 20 knots.", NULL));
  g_assert_false (tally_rules_match (TALLY_RULE_COMMENTS, "12 comments were sent to the council by fishers.", NULL));
  g_assert_true (tally_rules_match (TALLY_RULE_BYLINE, "By Aino Lehtonen, Lakeland Daily", &author));
  g_assert_cmpstr (author, ==, "Aino Lehtonen");
}

static void
test_dates (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "2027-03-05T18:20:00+02:00", "2027-03-05" },
    { "March 4, 2027", "2027-03-04" },
    { "4 March 2027", "2027-03-04" },
    { "Mar. 4th, 2027 09:30", "2027-03-04" },
    { "8.3.2027", "2027-03-08" },
    { "2027/3/9", "2027-03-09" },
    { "Thirteenth of Never", NULL },
    { "2027-13-40", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = tally_parse_date (cases[i].in);

      g_assert_cmpstr (date, ==, cases[i].out);
    }
}

/* ---------------------------------------------------------------------- */
/* The real articles in ../shared/seeds, when present: checked by counts and
 * hashes (their text is third-party and stays out of this repository). */

typedef struct
{
  const char *file;
  const char *title_sha256_prefix;
  guint paragraphs;
  guint boilerplate_blocks;
  guint comments;
  const char *authors_sha256_prefix;  /* of the authors joined by "," */
} Seed;

static char *
sha_prefix (const char *text)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  return g_strndup (sum, 12);
}

static void
test_seeds (void)
{
  const char *dir = g_getenv ("TALLY_SEEDS_DIR");
  g_autofree char *default_dir = NULL;
  const Seed seeds[] = {
    { "000_f612f3ae34ba5f8f.txt", "879856e3d733", 15, 0, 0, NULL },
    { "001_469fc26dac140777.txt", "b6eb833c158b", 8, 2, 0, NULL },
    { "002_be9e5966d84292c7.txt", "a0190d2a6d3b", 6, 1, 5, "8e89753ba30c" },
    { "003_f1298c80c73cf36f.txt", "3720d93b96cd", 9, 1, 0, NULL },
    { "004_0cca69b4d21160ba.txt", "fc6c89c4017a", 8, 2, 0, NULL },
  };

  if (dir == NULL)
    {
      const char *src = g_getenv ("TALLY_SOURCE_DIR");

      default_dir = g_build_filename (src != NULL ? src : ".", "..", "shared", "seeds", NULL);
      dir = default_dir;
    }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no ../shared/seeds");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *path = g_build_filename (dir, seeds[i].file, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(TallyDocumentRecord) r = NULL;
      g_autofree char *title_sum = NULL;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_test_skip ("a seed is missing");
          return;
        }
      r = tally_ingest_file (path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (r->title);
      title_sum = sha_prefix (r->title);
      g_test_message ("%s: title %s, %u paragraphs, %u boilerplate, %u comments",
                      seeds[i].file, title_sum, r->paragraphs->len, r->boilerplate->len, r->comments->len);
      g_assert_cmpstr (title_sum, ==, seeds[i].title_sha256_prefix);
      g_assert_cmpuint (r->paragraphs->len, ==, seeds[i].paragraphs);
      g_assert_cmpuint (r->boilerplate->len, ==, seeds[i].boilerplate_blocks);
      g_assert_cmpuint (r->comments->len, ==, seeds[i].comments);

      /* No furniture left in the text. */
      for (guint p = 0; p < r->paragraphs->len; p++)
        {
          g_autofree char *line = paragraph (r, p);

          g_assert_false (tally_rules_match (TALLY_RULE_LINE, line, NULL));
          g_assert_false (tally_rules_match (TALLY_RULE_LABEL, line, NULL));
          g_assert_false (tally_rules_match (TALLY_RULE_COMMENTS, line, NULL));
          g_assert_false (tally_rules_match (TALLY_RULE_TAIL, line, NULL));
        }
      if (seeds[i].authors_sha256_prefix != NULL)
        {
          g_autoptr(GString) authors = g_string_new (NULL);
          g_autofree char *sum = NULL;

          for (guint c = 0; c < r->comments->len; c++)
            {
              const TallyComment *comment = g_ptr_array_index (r->comments, c);

              g_assert_nonnull (comment->author);
              g_assert_null (strstr (r->text, comment->text));
              g_string_append_printf (authors, "%s%s", c > 0 ? "," : "", comment->author);
            }
          sum = sha_prefix (authors->str);
          g_assert_cmpstr (sum, ==, seeds[i].authors_sha256_prefix);
        }
    }
}

static char *
format_of (const char *data,
           const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, strlen (data));
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDocumentRecord) record = tally_ingest_bytes (bytes, name, &error);

  g_assert_no_error (error);
  return g_strdup (record->format);
}

/* The content says what a file is; the name's extension only chooses
 * between text and Markdown when the content shows no Markdown. */
static void
test_format_from_content (void)
{
  static const char page[] = "<!DOCTYPE html><html><head><title>Ferry fares rise</title></head>"
                             "<body><article><p>Fares on the Kemi ferry rise by 4 per cent in May.</p></article></body></html>";
  static const char saved[] = "Saved from https://example.org/ferry on 2 May\n"
                              "<!DOCTYPE html><html><body><p>Fares on the Kemi ferry rise by 4 per cent in May.</p></body></html>";
  static const char fragment[] = "Fares rise in May.\n<p>The Kemi ferry costs more.</p>\n<p>Cars pay 12 euros.</p>\n";
  static const char prose_with_tag[] = "Ferry notice\n\nThe timetable page lost its <html> tag and its <p> marks, "
                                       "the operator said on Monday; fares rise by 4 per cent in May.\n";
  static const char markdown[] = "# Ferry fares rise\n\nFares on the Kemi ferry rise by **4 per cent** in May.\n\n"
                                 "## Cars\n\nCars pay 12 euros.\n";
  static const char prose[] = "Ferry fares rise\n\nFares on the Kemi ferry rise by 4 per cent in May.\n";
  struct { const char *data; const char *name; const char *format; } cases[] = {
    { page, "ferry.html", "html" },
    { page, "ferry.txt", "html" },            /* a page under any name */
    { page, "ferry", "html" },
    { saved, "ferry.txt", "html" },           /* a note above the page */
    { fragment, "notes.txt", "html" },
    { prose_with_tag, "notice.html", "text" }, /* prose named .html is still prose */
    { prose_with_tag, "notice.txt", "text" },
    { markdown, "fares.txt", "markdown" },
    { markdown, "fares.html", "markdown" },
    { markdown, "fares", "markdown" },
    { prose, "fares.md", "markdown" },        /* no markup either way: the name decides */
    { prose, "fares.txt", "text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *format = format_of (cases[i].data, cases[i].name);

      g_test_message ("%s as %s", cases[i].name, cases[i].format);
      g_assert_cmpstr (format, ==, cases[i].format);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ingest/text/plain", test_text_plain);
  g_test_add_func ("/ingest/text/comment-furniture", test_text_comment_furniture);
  g_test_add_func ("/ingest/text/sentences", test_text_sentences);
  g_test_add_func ("/ingest/text/offsets", test_text_offsets);
  g_test_add_func ("/ingest/text/hash", test_text_hash);
  g_test_add_func ("/ingest/text/slug", test_text_slug);
  g_test_add_func ("/ingest/text/slug-alone", test_text_slug_alone);
  g_test_add_func ("/ingest/text/url-line", test_text_url_line);
  g_test_add_func ("/ingest/text/date-first", test_text_date_first);
  g_test_add_func ("/ingest/text/character-references", test_text_character_references);
  g_test_add_func ("/ingest/text/dateline", test_text_dateline);
  g_test_add_func ("/ingest/markdown/wrapped", test_markdown);
  g_test_add_func ("/ingest/format/from-content", test_format_from_content);
  g_test_add_func ("/ingest/html/article", test_html_article);
  g_test_add_func ("/ingest/html/json-ld", test_html_jsonld);
  g_test_add_func ("/ingest/html/densest-block", test_html_densest);
  g_test_add_func ("/ingest/html/title-fallback", test_html_title_fallback);
  g_test_add_func ("/ingest/html/sniffed", test_html_sniffed);
  g_test_add_func ("/ingest/html/plain-comments", test_html_plain_comments);
  g_test_add_func ("/ingest/html/title-suffix", test_html_title_suffix);
  g_test_add_func ("/ingest/encoding/utf8-bom", test_encoding_utf8_bom);
  g_test_add_data_func ("/ingest/encoding/utf16le", "UTF-16LE", test_encoding_utf16);
  g_test_add_data_func ("/ingest/encoding/utf16be", "UTF-16BE", test_encoding_utf16);
  g_test_add_func ("/ingest/encoding/windows-1252", test_encoding_cp1252);
  g_test_add_func ("/ingest/encoding/line-ends", test_encoding_line_ends);
  g_test_add_func ("/ingest/encoding/html", test_encoding_html);
  g_test_add_func ("/ingest/errors/each", test_errors);
  g_test_add_func ("/ingest/errors/failure-reason", test_failure_reason);
  g_test_add_func ("/ingest/errors/vanished", test_vanished);
  g_test_add_func ("/ingest/collect", test_collect);
  g_test_add_func ("/ingest/collect-deep", test_collect_deep);
  g_test_add_func ("/ingest/simhash", test_simhash);
  g_test_add_func ("/ingest/simhash/definition", test_simhash_definition);
  g_test_add_func ("/ingest/sentences/whole-text", test_sentences_whole_text);
  g_test_add_func ("/ingest/tokens/reused", test_tokens_reused);
  g_test_add_func ("/ingest/similarity", test_similarity);
  g_test_add_func ("/ingest/samples", test_samples);
  g_test_add_func ("/ingest/samples/metadata", test_samples_metadata);
  g_test_add_func ("/ingest/rules/outlet", test_rules_outlet);
  g_test_add_func ("/ingest/rules", test_rules);
  g_test_add_func ("/ingest/dates", test_dates);
  g_test_add_func ("/ingest/seeds", test_seeds);

  return g_test_run ();
}
