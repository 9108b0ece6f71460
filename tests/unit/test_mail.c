/* Unit tests of mail in (io/mail_parse.c, io/mail_text.c) with the
 * messages of tests/data/mail: the headers kept, the part chosen and
 * decoded, charsets, encoded words, HTML made text, quotes left out. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/mail.h"
#include "../lib/tap.h"

static char fixtures[1024];

/* Reads and parses one fixture; 0 when it parsed. */
static int parse_fixture(const char *name, struct mail_message *m)
{
    char path[1100];
    snprintf(path, sizeof path, "%s/%s", fixtures, name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("# cannot open %s\n", path);
        memset(m, 0, sizeof *m);
        return -1;
    }
    static char data[65536];
    size_t n = fread(data, 1, sizeof data, f);
    fclose(f);
    char *error = NULL;
    int rc = mail_parse(data, n, m, &error);
    if (rc != 0)
        printf("# %s: %s\n", name, error ? error : "?");
    free(error);
    return rc;
}

static bool has(const char *text, const char *needle)
{
    return text && strstr(text, needle);
}

static void test_alternative(void)
{
    struct mail_message m;
    is_int(parse_fixture("alternative.eml", &m), 0, "multipart/alternative parses");
    is_str(m.message_id, "alt-1@uni.example", "the Message-ID without brackets");
    is_int(m.date, 1796218200, "dated by its Date header, zone applied");
    is_str(m.subject, "Re: Shipping registers \xe2\x80\x93 1871\xe2\x80\x93" "1875",
           "a base64 encoded word in UTF-8");
    is_int(m.addresses.len, 3, "From, To and Cc");
    if (m.addresses.len == 3) {
        is_str(m.addresses.items[0].name, "Zo\xc3\xab \xc3\x98" "deg\xc3\xa5rd",
               "a quoted-printable encoded word in a name");
        is_str(m.addresses.items[0].email, "zoe.odegard@uni.example", "the sender's address");
        is_int(m.addresses.items[0].field, MAIL_FROM, "from From");
        is_int(m.addresses.items[1].field, MAIL_TO, "then To");
        is_int(m.addresses.items[2].field, MAIL_CC, "then Cc");
    }
    ok(has(m.body, "the digitised volumes of 1871\xe2\x80\x93" "1875 are exactly what Zo\xc3\xab needs for her thesis."),
       "the plain part, quoted-printable decoded (a soft break joined)");
    ok(!has(m.body, "<p>"), "the plain part is chosen over the HTML one");
    ok(!has(m.body, "Here are the registers"), "a quoted reply is left out");
    ok(!has(m.body, "wrote:"), "and the line that introduces it");
    ok(has(m.body, "Could we meet on Thursday?"), "what was written stays");
    ok(has(m.body, "-- \nZo"), "the signature stays");
    is_int(m.attachments.len, 1, "one attachment");
    if (m.attachments.len == 1)
        is_str(m.attachments.items[0], "registers-1871.pdf", "named by its file name");
    ok(!has(m.body, "PDF-1.4"), "and not stored");
    mail_message_clear(&m);
}

static void test_base64(void)
{
    struct mail_message m;
    is_int(parse_fixture("base64.eml", &m), 0, "a base64 body parses");
    ok(has(m.body, "the maritime museum's catalogue is online"), "decoded from base64");
    is_int(m.addresses.len, 3, "a From and two To");
    if (m.addresses.len == 3)
        is_str(m.addresses.items[1].email, "ZOE.ODEGARD@UNI.EXAMPLE", "an address as written");
    is_int(m.attachments.len, 0, "no attachment");
    mail_message_clear(&m);
}

static void test_latin1(void)
{
    struct mail_message m;
    is_int(parse_fixture("latin1.eml", &m), 0, "an ISO-8859-1 message parses");
    is_str(m.subject, "Best\xc3\xa4nde zur Stadtgeschichte", "an ISO-8859-1 encoded word");
    if (m.addresses.len > 0)
        is_str(m.addresses.items[0].name, "J\xc3\xbcrgen M\xc3\xbcller",
               "an ISO-8859-1 name");
    ok(has(m.body, "ich m\xc3\xb6" "chte die Best\xc3\xa4nde"), "the body converted to UTF-8");
    ok(has(m.body, "Gr\xc3\xbc\xc3\x9f" "e aus K\xc3\xb6ln"), "every letter of it");
    mail_message_clear(&m);
}

static void test_html_only(void)
{
    struct mail_message m;
    is_int(parse_fixture("html-only.eml", &m), 0, "an HTML-only message parses");
    ok(has(m.body, "Dear colleague,\n"), "a block ends its line");
    ok(has(m.body, "The licence for the dataset runs until 31 March & can be renewed.\n"),
       "tags dropped, references decoded");
    ok(has(m.body, "Price: 120\xe2\x82\xac <per year>."), "numeric references too");
    ok(has(m.body, "- first item\n- second item"), "list items on their lines");
    ok(!has(m.body, "color"), "no style");
    ok(!has(m.body, "ignored title"), "no head");
    ok(!has(m.body, "never shown"), "no script nor comment");
    ok(!has(m.body, "licence cost") && !has(m.body, "still quoted") && !has(m.body, "nested"),
       "the blockquote of a reply is left out");
    ok(!has(m.body, "wrote:"), "and the line that introduces it");
    is_int(m.date, 1796075100, "dated with its zone");
    mail_message_clear(&m);
}

static void test_no_id(void)
{
    const char raw[] = "From: a@b.example\nTo: c@d.example\nSubject: x\n"
                       "Date: Tue, 01 Dec 2026 12:00:00 +0000\n\nhello\n";
    struct mail_message m1, m2;
    char *error = NULL;
    is_int(mail_parse(raw, sizeof raw - 1, &m1, &error), 0, "a message without a Message-ID");
    is_int(mail_parse(raw, sizeof raw - 1, &m2, &error), 0, "parsed twice");
    ok(m1.message_id && m2.message_id && strcmp(m1.message_id, m2.message_id) == 0,
       "gets the same made-up id each time");
    mail_message_clear(&m1);
    mail_message_clear(&m2);

    const char mbox[] = "From a@b.example Tue Dec  1 12:00:00 2026\nFrom: a@b.example\n"
                        "To: c@d.example\nSubject: from procmail\n\nhello\n";
    is_int(mail_parse(mbox, sizeof mbox - 1, &m1, &error), 0,
           "a message after an mbox From line (procmail)");
    is_str(m1.subject, "from procmail", "has its headers read");
    mail_message_clear(&m1);

    const char none[] = "Subject: nobody\n\nno addresses\n";
    is_int(mail_parse(none, sizeof none - 1, &m1, &error), -1, "a message naming nobody is refused");
    ok(error && strstr(error, "From"), "saying what it lacks");
    free(error);
    error = NULL;
    is_int(mail_parse("", 0, &m1, &error), -1, "so is nothing at all");
    free(error);
}

static void test_quotes(void)
{
    char a[] = "Yes, Thursday.\n\nOn Tue, 1 Dec 2026 at 09:12, Omar Haddad\n<omar@law.example> wrote:\n\n> first\n>> second\n\nThanks again!\n";
    mail_text_drop_quotes(a);
    is_str(a, "Yes, Thursday.\n\nThanks again!",
           "a wrapped attribution and its quote go; text after the quote stays");
    char b[] = "Top posted answer.\n\n-----Original Message-----\nFrom: Omar\nSent: Monday\n\nthe old text\n";
    mail_text_drop_quotes(b);
    is_str(b, "Top posted answer.", "Outlook's original message goes");
    char c[] = "Am 1. Dezember 2026 schrieb Jürgen:\n> Guten Tag\nDanke.\n";
    mail_text_drop_quotes(c);
    is_str(c, "Danke.", "a German attribution");
    char d[] = "Here is the list:\n\n- one\n- two\n";
    mail_text_drop_quotes(d);
    is_str(d, "Here is the list:\n\n- one\n- two", "a colon alone introduces no quote");
}

static void test_html(void)
{
    char *t = mail_text_from_html("<p>a &amp;&amp; b &#x41;&#66;&unknown; 3 < 4</p><p>next</p>");
    is_str(t, "a && b AB&unknown; 3 < 4\nnext", "references, a lone '<', paragraphs");
    free(t);
    t = mail_text_from_html("<pre>  kept\n  as is</pre>");
    is_str(t, "  kept\n  as is", "preformatted text keeps its lines");
    free(t);
    t = mail_text_from_html("<a href=\"x>y\">link</a> &#0; &#1114112;");
    is_str(t, "link \xef\xbf\xbd \xef\xbf\xbd", "a '>' in an attribute; bad code points replaced");
    free(t);
}

static void test_unflow(void)
{
    char a[] = "one \ntwo \nthree\n\n space\n";
    mail_text_unflow(a, false);
    is_str(a, "one two three\n\nspace\n", "soft breaks joined, stuffing removed");
    char b[] = "a long wo \nrd  \nends\n";
    mail_text_unflow(b, true);
    is_str(b, "a long word ends\n", "delsp drops the soft space (a break inside a word)");
    char c[] = "said: \n> quoted \n> more\n>> deeper\n-- \nsig";
    mail_text_unflow(c, false);
    is_str(c, "said: \n> quoted more\n>> deeper\n-- \nsig",
           "quote depths flow apart; the signature line is no soft break");
    char d[] = "last soft ";
    mail_text_unflow(d, false);
    is_str(d, "last soft ", "a soft break at the very end is kept");
    char e[] = "";
    mail_text_unflow(e, true);
    is_str(e, "", "an empty text");
}

int main(void)
{
    const char *top = getenv("top_srcdir");
    snprintf(fixtures, sizeof fixtures, "%s/tests/data/mail", top ? top : ".");
    test_alternative();
    test_base64();
    test_latin1();
    test_html_only();
    test_no_id();
    test_quotes();
    test_html();
    test_unflow();
    return tap_done();
}
