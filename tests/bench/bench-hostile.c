/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile and unlucky input (issue 14): generated files that used to take
 * time or memory out of proportion to their size, read by the import code,
 * and fact grouping over many distinct values. Each case runs in a child
 * process; prints wall and CPU time, peak RSS of the child and what came out. */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tally-claims.h"
#include "tally-facts.h"
#include "tally-ingest.h"

typedef char *(*MakeFunc) (guint n);

static char *
make_paragraphs (guint n)
{
  GString *s = g_string_new ("<html><body>\n");

  for (guint i = 0; i < n; i++)
    g_string_append (s, "<p>x</p>\n");
  g_string_append (s, "<p>The port handled 12 ships on the last day of the count.</p></body></html>\n");
  return g_string_free (s, FALSE);
}

static char *
make_char_refs (guint n)
{
  GString *s = g_string_new ("<html><body>\n");

  for (guint i = 0; i < n; i++)
    g_string_append (s, "<p>&#49;&#50;&#51;&#52;&#53; tonnes</p>\n");
  g_string_append (s, "</body></html>\n");
  return g_string_free (s, FALSE);
}

static char *
make_comment_blocks (guint n)
{
  GString *s = g_string_new ("<html><body><article><p>The council met on Tuesday and voted 7 to 2 for the plan.</p></article>\n");

  for (guint i = 0; i < n; i++)
    g_string_append (s, "<div class=\"comments\"><p>c</p></div>\n");
  g_string_append (s, "</body></html>\n");
  return g_string_free (s, FALSE);
}

static char *
make_brackets (guint n)
{
  char *s = g_malloc (n + 8);

  memset (s, '[', n);
  strcpy (s + n, "]((\n");
  return s;
}

static char *
make_attributes (guint n)
{
  GString *s = g_string_new ("<html><body><p ");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "a%u=1 ", i);
  g_string_append (s, ">The port handled 12 ships.</p></body></html>\n");
  return g_string_free (s, FALSE);
}

static char *
make_billions (guint n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, "$1 billion ");
  g_string_append_c (s, '\n');
  return g_string_free (s, FALSE);
}

static char *
make_one_line (guint n)
{
  GString *s = g_string_new (NULL);

  while (s->len < n)
    g_string_append (s, "The ministry said output rose by 3 percent and ");
  g_string_append_c (s, '\n');
  return g_string_free (s, FALSE);
}

static void
run_ingest (const char *name,
            MakeFunc    make,
            guint       n)
{
  g_autofree char *data = make (n);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), strlen (data));
  gsize size = g_bytes_get_size (bytes);
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDocumentRecord) record = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  TallyExtractOptions options;

  record = tally_ingest_bytes (bytes, name, &error);
  if (record != NULL)
    {
      tally_extract_options_init (&options);
      claims = tally_extract_claims (record->text, record->text_len, &options);
    }
  printf ("  %-16s n=%-8u %6.2f MB in: %s", name, n, size / 1e6,
          record != NULL ? "read" : error->message);
  if (claims != NULL)
    {
      gsize context = 0;

      for (guint i = 0; i < claims->len; i++)
        {
          TallyClaimRecord *c = g_ptr_array_index (claims, i);

          context += c->sentence_end - c->sentence_start;
        }
      printf (", %u claims, %.1f MB of context", claims->len, context / 1e6);
    }
}

static void
run_facts (guint n)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_claim_record_free);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) inputs = g_array_sized_new (FALSE, TRUE, sizeof (TallyFactInput), n);
  g_autoptr(GPtrArray) facts = NULL;
  gint64 start;

  for (guint i = 0; i < n; i++)
    {
      TallyClaimRecord *r = tally_claim_record_new ();
      TallyFactInput input = { 0 };

      r->kind = TALLY_CLAIM_KIND_NUMBER;
      r->has_value = TRUE;
      r->value = 1000.25 + i;
      r->unit = g_strdup ("t");
      r->measure = g_strdup ("harvest");
      g_ptr_array_add (records, r);
      input.document_id = g_strdup_printf ("d%u", i);
      input.claim_id = g_strdup_printf ("c%u", i);
      g_ptr_array_add (strings, (char *) input.document_id);
      g_ptr_array_add (strings, (char *) input.claim_id);
      input.record = r;
      input.text = "1,000.25 tonnes";
      g_array_append_val (inputs, input);
    }
  start = g_get_monotonic_time ();
  facts = tally_group_facts ((const TallyFactInput *) inputs->data, inputs->len);
  printf ("  facts            n=%-8u grouped in %.2f s into %u fact(s) of %u values",
          n, (g_get_monotonic_time () - start) / 1e6, facts->len,
          facts->len > 0 ? ((TallyFactRecord *) g_ptr_array_index (facts, 0))->values->len : 0);
}

static const struct
{
  const char *name;
  MakeFunc make;
  guint n;
} cases[] = {
  { "paragraphs.html", make_paragraphs, 200000 },
  { "paragraphs.html", make_paragraphs, 1500000 },
  { "char-refs.html", make_char_refs, 200000 },
  { "comments.html", make_comment_blocks, 200000 },
  { "brackets.md", make_brackets, 5000000 },
  { "attributes.html", make_attributes, 40000 },
  { "attributes.html", make_attributes, 1000000 },
  { "billion.txt", make_billions, 1000000 },
  { "one-line.txt", make_one_line, 19900000 },
};

int
main (int    argc,
      char **argv)
{
  static const guint fact_sizes[] = { 20000, 100000, 1000000 };

  printf ("bench-hostile: each case in a child process (wall and CPU time, child's peak RSS)\n");
  for (guint i = 0; i < G_N_ELEMENTS (cases) + G_N_ELEMENTS (fact_sizes); i++)
    {
      gint64 start = g_get_monotonic_time ();
      struct rusage usage;
      int status = 0;
      pid_t pid;

      fflush (stdout);
      if ((pid = fork ()) == 0)
        {
          if (i < G_N_ELEMENTS (cases))
            run_ingest (cases[i].name, cases[i].make, cases[i].n);
          else
            run_facts (fact_sizes[i - G_N_ELEMENTS (cases)]);
          fflush (stdout);
          _exit (0);
        }
      wait4 (pid, &status, 0, &usage);
      printf (" | %.2f s wall, %.2f s CPU, %.0f MB peak RSS%s\n", (g_get_monotonic_time () - start) / 1e6,
              usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6,
              usage.ru_maxrss / 1024.0,
              WIFEXITED (status) && WEXITSTATUS (status) == 0 ? "" : " (child failed)");
    }
  return 0;
}
