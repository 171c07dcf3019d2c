/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tally-charset.h"
#include "tally-document-record.h"
#include "tally-ingest.h"

/* Legacy encodings (issue 19): the bytes are made here, by iconv
 * (g_convert), from original text in the language each encoding serves;
 * ingest must give the text back, say which bytes each word came from, and
 * honour a page's declared charset. */

typedef struct
{
  const char *charset;        /* iconv name used to make the bytes */
  const char *title;
  const char *body;
  const char *word;           /* a word of the body whose offset is checked */
} Sample;

static const Sample samples[] = {
  { "WINDOWS-1251", "Паромная переправа в Курыке расширяется",
    "Оператор порта сообщил во вторник, что расширение паромного терминала обойдётся в 1,1 миллиарда "
    "долларов. Ещё полтора миллиона пойдут на обучение экипажей. В прошлом году терминал обработал "
    "двенадцать тысяч контейнеров, а к следующему лету причалы станут длиннее на сорок метров. Жители "
    "города ждут новых рабочих мест и спокойнее относятся к шуму стройки, чем год назад.",
    "экипажей" },
  { "KOI8-R", "Новый мост через реку откроют осенью",
    "Строители закончили опоры моста и начали укладывать пролёты, сообщила городская администрация. "
    "Длина моста составит почти восемьсот метров, а движение по нему начнётся в октябре, если погода "
    "не помешает работам. Сейчас жители объезжают реку по старой дороге, и поездка занимает больше "
    "часа. После открытия моста путь до районного центра сократится вдвое.",
    "пролёты" },
  { "ISO-8859-2", "Rozbudowa terminalu promowego w porcie",
    "Operator portu poinformował we wtorek, że rozbudowa terminalu promowego będzie kosztować ponad "
    "miliard złotych. Kolejne półtora miliona trafi na szkolenie załóg. W zeszłym roku terminal "
    "obsłużył dwanaście tysięcy kontenerów, a do przyszłego lata nabrzeża wydłużą się o czterdzieści "
    "metrów. Mieszkańcy miasta liczą na nowe miejsca pracy i spokojniej znoszą hałas budowy niż rok temu.",
    "załóg" },
  { "SHIFT_JIS", "港のフェリーターミナル拡張",
    "港の運営会社は火曜日、フェリーターミナルの拡張に十一億ドルがかかると発表した。さらに百五十万ドルが"
    "乗組員の訓練に充てられる。昨年、ターミナルは一万二千個のコンテナを取り扱い、来年の夏までに岸壁は"
    "四十メートル長くなる。市民は新しい雇用を期待しており、工事の騒音にも以前より寛容になっている。",
    "乗組員" },
  { "GB18030", "港口轮渡码头扩建",
    "港口运营商周二表示，轮渡码头扩建将耗资十一亿美元。另有一百五十万美元用于培训船员。去年码头处理了"
    "一万二千个集装箱，到明年夏天码头岸线将延长四十米。市民期待新的就业机会，对施工噪音也比一年前更能"
    "接受。运营商还计划在码头旁修建一座新的候船大厅。",
    "培训船员" },
};

static GBytes *
encode (const char *utf8,
        const char *charset)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  char *bytes = g_convert (utf8, -1, charset, "UTF-8", NULL, &len, &error);

  g_assert_no_error (error);
  return g_bytes_new_take (bytes, len);
}

/* The byte offset of `word` in `utf8` once encoded in `charset`. */
static gsize
encoded_offset (const char *utf8,
                const char *word,
                const char *charset)
{
  const char *at = strstr (utf8, word);
  g_autofree char *prefix = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_nonnull (at);
  prefix = g_strndup (utf8, at - utf8);
  bytes = encode (prefix, charset);
  return g_bytes_get_size (bytes);
}

static void
assert_sample (const Sample *s,
               const char   *utf8,
               GBytes       *bytes,
               const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDocumentRecord) record = tally_ingest_bytes (bytes, name, &error);
  const char *found;
  gsize source;

  g_assert_no_error (error);
  g_assert_nonnull (record);
  if (strstr (record->text, s->body) == NULL)
    g_error ("%s (%s): the text did not come back:\n%s", name, s->charset, record->text);
  g_assert_true (g_utf8_validate (record->text, -1, NULL));
  found = strstr (record->text, s->word);
  source = tally_document_record_source_offset (record, found - record->text);
  g_assert_cmpuint (source, ==, encoded_offset (utf8, s->word, s->charset));
  /* The word's bytes in the file are the word. */
  {
    g_autoptr(GBytes) word = encode (s->word, s->charset);
    gsize size = g_bytes_get_size (word);

    g_assert_cmpint (memcmp ((const char *) g_bytes_get_data (bytes, NULL) + source,
                             g_bytes_get_data (word, NULL), size), ==, 0);
  }
}

/* Plain text with no declaration: ICU's detector names the encoding. */
static void
test_detected (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const Sample *s = &samples[i];
      g_autofree char *utf8 = g_strdup_printf ("%s\n\n%s\n", s->title, s->body);
      g_autoptr(GBytes) bytes = encode (utf8, s->charset);
      g_autofree char *name = g_strdup_printf ("sample-%u.txt", i);
      g_autofree char *detected = NULL;
      int confidence = 0;

      detected = tally_charset_detect (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &confidence);
      g_test_message ("%s detected as %s (%d)", s->charset, detected, confidence);
      g_assert_nonnull (detected);
      assert_sample (s, utf8, bytes, name);
    }
}

/* A page's declared charset wins over the statistics: each sample is a
 * short page whose text alone is too little to tell the encoding. */
static void
test_declared (void)
{
  const struct { const char *charset; const char *head; const char *body; const char *word; } pages[] = {
    { "KOI8-R", "<meta charset=\"koi8-r\">", "Цена билета выросла до 300 рублей.", "рублей" },
    { "WINDOWS-1251", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">",
      "Цена билета выросла до 300 рублей.", "Цена" },
    { "ISO-8859-2", "<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=ISO-8859-2'>",
      "Bilet podrożał o 20 złotych.", "złotych" },
    { "SHIFT_JIS", "<meta charset=shift_jis>", "運賃は三百円に上がった。", "三百円" },
    { "GB18030", "<meta charset=\"gb2312\">", "票价涨到三百元。", "票价" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *utf8 = g_strdup_printf ("<html><head>%s<title>Fares</title></head>"
                                               "<body><article><h1>Fares</h1><p>%s</p></article></body></html>",
                                               pages[i].head, pages[i].body);
      g_autoptr(GBytes) bytes = encode (utf8, pages[i].charset);
      g_autoptr(GError) error = NULL;
      g_autoptr(TallyDocumentRecord) record = tally_ingest_bytes (bytes, "page.html", &error);
      g_autofree char *declared = tally_charset_declared (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      g_assert_no_error (error);
      g_assert_nonnull (declared);
      g_assert_nonnull (tally_charset_canonical (declared));
      if (strstr (record->text, pages[i].body) == NULL)
        g_error ("%s page: the declared charset was not used:\n%s", pages[i].charset, record->text);
      /* A word inside the paragraph lands on its bytes in the page: the
       * text node's start is found by its words, the rest follows the
       * decoder's offsets (the first Windows-1251 case checks a node's first
       * word, the others words further in). */
      {
        const char *found = strstr (record->text, pages[i].word);
        g_autoptr(GBytes) word = encode (pages[i].word, pages[i].charset);
        gsize source = tally_document_record_source_offset (record, found - record->text);

        g_assert_cmpuint (source, ==, encoded_offset (utf8, pages[i].word, pages[i].charset));
        g_assert_cmpint (memcmp ((const char *) g_bytes_get_data (bytes, NULL) + source, g_bytes_get_data (word, NULL),
                                 g_bytes_get_size (word)), ==, 0);
      }
    }
}

static void
test_declaration_forms (void)
{
  const struct { const char *page; const char *expected; } cases[] = {
    { "<meta charset=\"KOI8-R\">", "koi8-r" },
    { "<meta charset='windows-1251' />", "windows-1251" },
    { "<meta charset=iso-8859-2>", "iso-8859-2" },
    { "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">", "shift_jis" },
    { "<meta content=\"text/html;charset=gb2312\" http-equiv=\"content-type\">", "gb2312" },
    { "<?xml version=\"1.0\" encoding=\"windows-1251\"?><html>", "windows-1251" },
    { "<meta name=\"description\" content=\"charset is not here\">", NULL },
    { "<p>charset=koi8-r in the text</p>", NULL },
    { "no markup", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *declared = tally_charset_declared ((const guchar *) cases[i].page, strlen (cases[i].page));

      g_assert_cmpstr (declared, ==, cases[i].expected);
    }
  /* WHATWG: latin1 labels mean windows-1252. */
  g_assert_cmpstr (tally_charset_canonical ("iso-8859-1"), ==, "windows-1252");
  g_assert_cmpstr (tally_charset_canonical ("cp1251"), ==, "windows-1251");
  g_assert_null (tally_charset_canonical ("no-such-charset"));
}

/* Windows-1252 stays the fallback for Western pages: curly quotes and the
 * euro sign in 0x80–0x9F. */
static void
test_windows_1252 (void)
{
  static const guchar page[] = "Fares rose\n\nThe fare rose to \x80" "3 \x93this week\x94, officials said.\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (page, sizeof page - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDocumentRecord) record = tally_ingest_bytes (bytes, "fares.txt", &error);
  const char *euro;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (record->text, "The fare rose to €3 “this week”, officials said."));
  euro = strstr (record->text, "€");
  g_assert_cmpuint (tally_document_record_source_offset (record, euro - record->text), ==,
                    (gsize) (strchr ((const char *) page, 0x80) - (const char *) page));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charset/detected", test_detected);
  g_test_add_func ("/charset/declared", test_declared);
  g_test_add_func ("/charset/declaration-forms", test_declaration_forms);
  g_test_add_func ("/charset/windows-1252", test_windows_1252);
  return g_test_run ();
}
