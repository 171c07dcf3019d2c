/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "tally-document.h"

/* The one subtitle the list, the search results and the reader show under an
 * article's title, and the date in it. */

static void
test_document_format_date (void)
{
  g_autofree char *short_form = tally_document_format_date ("2026-06-07", FALSE);
  g_autofree char *long_form = tally_document_format_date ("2026-06-17T09:30:00Z", TRUE);
  g_autofree char *partial = tally_document_format_date ("2026-06", FALSE);
  g_autofree char *words = tally_document_format_date ("last Tuesday", TRUE);

  /* No padding before a one-digit day. */
  g_assert_cmpstr (short_form, ==, "7 Jun 2026");
  g_assert_cmpstr (long_form, ==, "17 June 2026");
  /* What is no full date is shown as it was given. */
  g_assert_cmpstr (partial, ==, "2026-06");
  g_assert_cmpstr (words, ==, "last Tuesday");
  g_assert_null (tally_document_format_date (NULL, FALSE));
  g_assert_null (tally_document_format_date ("", TRUE));
}

static void
test_document_format_subtitle (void)
{
  struct {
    const char *outlet, *author, *published;
    gboolean long_date;
    const char *expected;
  } cases[] = {
    { "Harbour Times", NULL, "2026-06-18", FALSE, "Harbour Times · 18 Jun 2026" },
    { "Harbour Times", "Mira Sand", "2026-06-18", TRUE, "Harbour Times · Mira Sand · 18 June 2026" },
    { "Harbour Times", NULL, NULL, FALSE, "Harbour Times" },
    { NULL, NULL, "2026-06-18", FALSE, "18 Jun 2026" },
    { NULL, "Mira Sand", NULL, TRUE, "Mira Sand" },
    /* An empty field is no field. */
    { "", "", "", FALSE, "Unknown outlet and date" },
    { NULL, NULL, NULL, TRUE, "Unknown outlet and date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *subtitle = tally_document_format_subtitle (cases[i].outlet, cases[i].author,
                                                                  cases[i].published, cases[i].long_date);

      g_assert_cmpstr (subtitle, ==, cases[i].expected);
    }
}

int
main (int    argc,
      char **argv)
{
  /* Month names as the C locale writes them. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/document/format-date", test_document_format_date);
  g_test_add_func ("/model/document/format-subtitle", test_document_format_subtitle);
  return g_test_run ();
}
