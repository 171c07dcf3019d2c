/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile and unlucky input (issue 14): generated files whose reading used
 * to grow with the square of their size, or lost text. Each test asserts
 * what is read from a file large enough that the old code would not finish
 * within the test's time-out; the times themselves are in bench-hostile. */
#include <string.h>

#include "tally-claims.h"
#include "tally-ingest-private.h"
#include "tally-ingest.h"

static TallyDocumentRecord *
ingest_string (const char  *data,
               const char  *name,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, strlen (data));

  return tally_ingest_bytes (bytes, name, error);
}

static char *
paragraph (const TallyDocumentRecord *record,
           guint                      i)
{
  const TallySpan *span = &g_array_index (record->paragraphs, TallySpan, i);

  return g_strndup (record->text + span->start, span->end - span->start);
}

/* Many one-line paragraphs whose words cannot be found in the source as
 * they are (too short, or written as character references): each is placed
 * at the start of its own line. */
static void
test_html_line_offsets (gconstpointer data)
{
  gboolean refs = GPOINTER_TO_INT (data);
  const guint n = 40000;
  g_autoptr(GString) page = g_string_new ("<html><body>\n");
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(TallyDocumentRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      gsize at = page->len;

      g_array_append_val (starts, at);
      if (refs)
        /* "1234 5678" as references: no run of four letters or digits. */
        g_string_append_printf (page, "<p>&#49;&#50;&#51;&#52; &#53;&#54;&#55;&#56; %u.</p>\n", i);
      else
        g_string_append_printf (page, "<p>x-%u is on line %u.</p>\n", i, i + 2);
    }
  g_string_append (page, "</body></html>\n");

  record = ingest_string (page->str, "lines.html", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (record->paragraphs->len, ==, n);
  for (guint i = 0; i < n; i += 997)
    {
      const TallySpan *span = &g_array_index (record->paragraphs, TallySpan, i);
      g_autofree char *text = paragraph (record, i);
      g_autofree char *expected = refs ? g_strdup_printf ("1234 5678 %u.", i) : g_strdup_printf ("x-%u is on line %u.", i, i + 2);

      g_assert_cmpstr (text, ==, expected);
      if (!refs)
        g_assert_cmpuint (tally_document_record_source_offset (record, span->start), ==, g_array_index (starts, gsize, i));
      else
        {
          /* Somewhere on its own line. */
          gsize src = tally_document_record_source_offset (record, span->start);

          g_assert_cmpuint (src, >=, g_array_index (starts, gsize, i));
          g_assert_cmpuint (src, <, i + 1 < n ? g_array_index (starts, gsize, i + 1) : page->len);
        }
    }
}

/* A Windows-1252 page whose paragraph runs over several lines and holds
 * many accented letters (one byte in the file, two in the text) and an
 * entity: every offset of the text maps inside the file, and a word after
 * the accents maps to where it stands (fuzz-ingest found the end of such a
 * text mapped past the end of the file). */
static void
test_html_offsets_inside_file (void)
{
  g_autoptr(GString) page = g_string_new ("<html><head><meta charset=\"windows-1252\"></head><body><article>\n<p>The");
  g_autoptr(TallyDocumentRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *word, *in_file;

  for (guint i = 0; i < 300; i++)
    g_string_append (page, i % 7 == 6 ? "\n  caf\xe9 cr\xe8me &amp; " : " r\xf4le na\xefve");
  g_string_append (page, " closing words.</p>\n</article></body></html>\n");
  bytes = g_bytes_new (page->str, page->len);

  record = tally_ingest_bytes (bytes, "accents.html", &error);
  g_assert_no_error (error);
  for (gsize at = 0; at <= record->text_len; at++)
    g_assert_cmpuint (tally_document_record_source_offset (record, at), <=, page->len);
  word = strstr (record->text, "closing words");
  in_file = strstr (page->str, "closing words");
  g_assert_nonnull (word);
  g_assert_cmpuint (tally_document_record_source_offset (record, word - record->text), ==, in_file - page->str);
}

/* 200,000 comment sections: found in one walk, none of their words in the
 * article. */
static void
test_html_comment_sections (void)
{
  const guint n = 200000;
  g_autoptr(GString) page = g_string_new ("<html><body><article>");
  g_autoptr(TallyDocumentRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (page, "<p>The harbour board met for the %u time and agreed the dredging plan.</p>\n", i + 1);
  g_string_append (page, "</article>\n");
  for (guint i = 0; i < n; i++)
    g_string_append (page, "<div class=\"comments\"><p>Lurker</p></div>\n");
  g_string_append (page, "</body></html>\n");

  record = ingest_string (page->str, "sections.html", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (record->paragraphs->len, ==, 40);
  g_assert_null (strstr (record->text, "Lurker"));
}

/* One section of many marked-up comments without authors: each comment's
 * author is looked for near it, not in the whole section. */
static void
test_html_comments_without_authors (void)
{
  const guint n = 10000;
  g_autoptr(GString) page = g_string_new ("<html><body><article>");
  g_autoptr(TallyDocumentRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  /* A section is read as comments when it is less than half the page. */
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (page, "<p>Ferry crossings numbered %u on the busiest day of the season, the port said.</p>\n", 900 + i);
  g_string_append (page, "</article>\n<section id=\"comments\">\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (page, "<div class=\"comment-content\">No %u</div>\n", i);
  g_string_append (page, "</section>\n</body></html>\n");

  record = ingest_string (page->str, "authorless.html", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (record->paragraphs->len, ==, 2000);
  g_assert_cmpuint (record->comments->len, ==, n);
  g_assert_null (((TallyComment *) g_ptr_array_index (record->comments, n - 1))->author);
  g_assert_cmpstr (((TallyComment *) g_ptr_array_index (record->comments, n - 1))->text, ==, "No 9999");
}

static char *
element_with_attributes (guint n)
{
  GString *page = g_string_new ("<html><body><p ");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (page, i % 3 == 0 ? "a%u=\"x y\" " : i % 3 == 1 ? "b%u=1 " : "c%u ", i);
  g_string_append (page, ">The quarry shipped 5,000 tonnes of granite last spring.</p></body></html>\n");
  return g_string_free (page, FALSE);
}

/* An element of more than 1000 attributes is refused with a reason, before
 * libxml2 compares each with all the others; 1000 are read. */
static void
test_html_attributes (void)
{
  static const guint counts[] = { 1001, 1000000 };
  g_autofree char *ok = element_with_attributes (1000);
  g_autoptr(TallyDocumentRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) script = g_string_new ("<html><head><script>if (a<b) {");

  record = ingest_string (ok, "thousand.html", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (record->text, "5,000 tonnes"));

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *page = element_with_attributes (counts[i]);

      g_assert_null (ingest_string (page, "many.html", &error));
      g_assert_error (error, TALLY_INGEST_ERROR, TALLY_INGEST_ERROR_TOO_COMPLEX);
      g_assert_cmpstr (error->message, ==, "“many.html”: an element has more than 1000 attributes, which no article needs; the page is not read");
      g_clear_error (&error);
    }

  /* "<b" inside a script, a comment or an attribute value is no tag. */
  for (guint i = 0; i < 3000; i++)
    g_string_append (script, " x = y;");
  g_string_append (script, "}</script></head><body><!-- <i");
  for (guint i = 0; i < 3000; i++)
    g_string_append (script, " k");
  g_string_append (script, " --><p title=\"<q");
  for (guint i = 0; i < 3000; i++)
    g_string_append (script, " z");
  g_string_append (script, "\">The quarry shipped 5,000 tonnes of granite last spring.</p></body></html>\n");
  g_clear_pointer (&record, tally_document_record_free);
  record = ingest_string (script->str, "script.html", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (record->text, "5,000 tonnes"));
}

/* Text nested deeper than libxml2's default limit of 256 elements. */
static void
test_html_deep (void)
{
  const guint depth = 1500;
  g_autoptr(GString) page = g_string_new ("<html><body>");
  g_autoptr(TallyDocumentRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append (page, i % 2 ? "<div>" : "<span>");
  g_string_append (page, "<p>The lighthouse keeper logged 312 ships in the deepest month.</p>");
  for (guint i = depth; i > 0; i--)
    g_string_append (page, (i - 1) % 2 ? "</div>" : "</span>");
  g_string_append (page, "</body></html>\n");

  record = ingest_string (page->str, "deep.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->text, ==, "The lighthouse keeper logged 312 ships in the deepest month.");
}

/* A line of millions of '[' then "](": each bracket no longer looks for its
 * closing one from scratch. Links still lose their targets. */
static void
test_markdown_brackets (void)
{
  const gsize n = 2000000;
  g_autofree char *line = g_malloc (n + 16);
  g_autoptr(TallyDocumentRecord) record = NULL;
  g_autoptr(TallyDocumentRecord) links = NULL;
  g_autoptr(GError) error = NULL;

  memset (line, '[', n);
  strcpy (line + n, "]((\n");
  record = ingest_string (line, "brackets.md", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (record->text_len, ==, n + 3);

  links = ingest_string ("Port tolls rose, see [[the table](https://example.org/t) and [notes] or [this](x).\n", "links.md", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (links->text, ==, "Port tolls rose, see [the table and [notes] or this.");
}

/* A claim in text without sentence ends keeps a window of at most 1000
 * bytes around its figure, starting and ending between words. */
static void
test_claim_context (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) claims = NULL;
  TallyExtractOptions options;

  for (guint i = 0; i < 3000; i++)
    g_string_append (text, i % 7 == 0 ? "and exports reached $1 billion " : "then the harbour grew again ");
  tally_extract_options_init (&options);
  claims = tally_extract_claims (text->str, text->len, &options);
  g_assert_cmpuint (claims->len, >, 300);
  for (guint i = 0; i < claims->len; i++)
    {
      const TallyClaimRecord *claim = g_ptr_array_index (claims, i);

      g_assert_cmpuint (claim->sentence_end - claim->sentence_start, <=, 1000);
      g_assert_cmpuint (claim->sentence_start, <=, claim->start);
      g_assert_cmpuint (claim->sentence_end, >=, claim->end);
      g_assert_true (claim->sentence_start == 0 || text->str[claim->sentence_start - 1] == ' ');
      g_assert_true (claim->sentence_end == text->len || text->str[claim->sentence_end] == ' ');
    }
  /* A claim in the middle has room on both sides. */
  {
    const TallyClaimRecord *mid = g_ptr_array_index (claims, claims->len / 2);

    g_assert_cmpuint (mid->start - mid->sentence_start, >, 400);
    g_assert_cmpuint (mid->sentence_end - mid->end, >, 400);
  }
}

/* /proc files say they are 0 bytes long: read to their end. */
static void
test_proc_file (void)
{
  g_autoptr(TallyDocumentRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test ("/proc/self/status", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /proc");
      return;
    }
  record = tally_ingest_file ("/proc/self/status", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (record->text, "Pid"));
}

/* UTF-16 without a byte-order mark, both byte orders. */
static void
test_utf16_without_bom (void)
{
  const char *text = "Harbour dues\n\nThe harbour board raised its dues by 4% after 212 ships called in March.\n";
  static const char * const charsets[] = { "UTF-16LE", "UTF-16BE" };

  for (guint i = 0; i < G_N_ELEMENTS (charsets); i++)
    {
      gsize n = 0;
      g_autofree char *data = g_convert (text, -1, charsets[i], "UTF-8", NULL, &n, NULL);
      g_autoptr(GBytes) bytes = g_bytes_new (data, n);
      g_autoptr(GError) error = NULL;
      g_autoptr(TallyDocumentRecord) record = tally_ingest_bytes (bytes, "dues.txt", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (record->title, ==, "Harbour dues");
      g_assert_nonnull (strstr (record->text, "by 4% after 212 ships"));
    }
}

/* Invisible format characters inside a figure do not split it. */
static void
test_format_characters (void)
{
  static const struct { const char *text; double value; const char *unit; } cases[] = {
    { "Exports reached $1\xEF\xBB\xBF.5 billion last year.", 1.5e9, "USD" },   /* U+FEFF */
    { "Tolls rose by 1\xE2\x81\xA0" "2% in the spring.", 12, "%" },            /* U+2060 */
    { "The fleet counted 4,\xE2\x80\x8D" "250 boats by June.", 4250, NULL },   /* U+200D after a comma */
    { "The fleet counted 4\xC2\xAD" "250 boats by June.", 4250, NULL },        /* soft hyphen */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TallyExtractOptions options;
      g_autoptr(GPtrArray) claims = NULL;
      const TallyClaimRecord *claim;

      tally_extract_options_init (&options);
      claims = tally_extract_claims (cases[i].text, strlen (cases[i].text), &options);
      g_assert_cmpuint (claims->len, >=, 1);
      claim = g_ptr_array_index (claims, 0);
      g_assert_cmpfloat (claim->value, ==, cases[i].value);
      if (cases[i].unit != NULL)
        g_assert_cmpstr (claim->unit, ==, cases[i].unit);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/hostile/html/line-offsets", GINT_TO_POINTER (FALSE), test_html_line_offsets);
  g_test_add_data_func ("/hostile/html/char-refs", GINT_TO_POINTER (TRUE), test_html_line_offsets);
  g_test_add_func ("/hostile/html/offsets-inside-file", test_html_offsets_inside_file);
  g_test_add_func ("/hostile/html/comment-sections", test_html_comment_sections);
  g_test_add_func ("/hostile/html/comments-without-authors", test_html_comments_without_authors);
  g_test_add_func ("/hostile/html/attributes", test_html_attributes);
  g_test_add_func ("/hostile/html/deep", test_html_deep);
  g_test_add_func ("/hostile/markdown/brackets", test_markdown_brackets);
  g_test_add_func ("/hostile/claims/context", test_claim_context);
  g_test_add_func ("/hostile/proc-file", test_proc_file);
  g_test_add_func ("/hostile/claims/format-characters", test_format_characters);
  g_test_add_func ("/hostile/encoding/utf16-without-bom", test_utf16_without_bom);
  return g_test_run ();
}
