/* Unit tests of text.c: what reaches the terminal (control characters,
 * escape sequences, C1, bidi overrides, invalid UTF-8), display widths
 * with combining and double-width characters, fitting, padding,
 * wrapping, folding and trimming. */
#include <config.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "../lib/tap.h"

static void is_sanitized(const char *in, bool keep_newlines, const char *want,
                         const char *name)
{
    char *got = text_sanitize(in, keep_newlines);
    is_str(got, want, name);
    free(got);
}

static void test_sanitize(void)
{
    is_sanitized("Ann Smith", false, "Ann Smith", "plain text is kept");
    is_sanitized("Zoë 李小龙", false, "Zoë 李小龙", "UTF-8 is kept");
    is_sanitized("\x1b[31mred\x1b[0m", false, "^[[31mred^[[0m",
                 "an escape sequence is shown, not obeyed");
    is_sanitized("\x1b]0;owned\x07", false, "^[]0;owned^G",
                 "a title-setting sequence and BEL");
    is_sanitized("a\x01z\x7f", false, "a^Az^?", "C0 in caret notation, DEL ^?");
    is_sanitized("a\rb", false, "a^Mb", "a carriage return cannot rewrite the line");
    is_sanitized("one\ntwo", false, "one^Jtwo", "a newline on one line is shown");
    is_sanitized("one\ntwo", true, "one\ntwo", "... and kept in a note body");
    is_sanitized("a\tb", true, "a b", "a tab becomes a space");
    is_sanitized("a\tb", false, "a b", "on one line too");
    is_sanitized("x\xc2\x9b" "31m", false, "x<U+009B>31m",
                 "a C1 CSI is shown as a placeholder");
    is_sanitized("\xc2\x85\xc2\x80\xc2\x9f", false, "<U+0085><U+0080><U+009F>",
                 "the C1 range from end to end");
    is_sanitized("abc\xe2\x80\xaexyz", false, "abc<U+202E>xyz",
                 "a right-to-left override is shown");
    is_sanitized("\xe2\x80\xaa\xe2\x80\xad\xe2\x81\xa6\xe2\x81\xa9", false,
                 "<U+202A><U+202D><U+2066><U+2069>",
                 "embeddings and isolates are shown");
    is_sanitized("\xe2\x80\x8f", false, "\xe2\x80\x8f",
                 "a right-to-left mark (not an override) is kept");
    is_sanitized("a\xffz", false, "a\xef\xbf\xbdz",
                 "an invalid byte becomes U+FFFD");
    is_sanitized("\xc3\x28", false, "\xef\xbf\xbd(",
                 "a broken sequence: one U+FFFD, the next byte kept");
    is_sanitized("\xc0\xaf", false, "\xef\xbf\xbd\xef\xbf\xbd",
                 "an overlong '/' is invalid");
    is_sanitized("\xed\xa0\x80", false, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd",
                 "a surrogate is invalid");
    is_sanitized("Zo\xc3", false, "Zo\xef\xbf\xbd", "a cut-off character at the end");
    is_sanitized(NULL, false, "", "NULL gives an empty string");

    char buf[8];
    text_sanitize_into("\x1b[2J", buf, sizeof buf);
    is_str(buf, "^[[2J", "into a buffer");
    text_sanitize_into("ab李小龙", buf, sizeof buf);
    is_str(buf, "ab李", "cut at a character boundary");
    text_sanitize_into("x", buf, 1);
    is_str(buf, "", "a one-byte buffer holds the empty string");

    ok(text_is_utf8("Zoë 李"), "valid UTF-8");
    ok(text_is_utf8(""), "the empty string is valid");
    ok(!text_is_utf8("Zo\xeb"), "Latin-1 is not UTF-8");
    ok(!text_is_utf8("\xf4\x90\x80\x80"), "beyond U+10FFFF is not UTF-8");
}

static void test_width(void)
{
    is_int(text_width("Zoe"), 3, "Zoe: 3 columns");
    is_int(text_width("Zoë"), 3, "Zoë: 3 columns");
    is_int(text_width("Zoe\xcc\x88"), 3, "Zoe + combining diaeresis: 3 columns");
    is_int(text_width("李小龙"), 6, "李小龙: 6 columns");
    is_int(text_width(""), 0, "empty: 0");
    is_int(text_width(NULL), 0, "NULL: 0");
    is_int(text_width("a\xffz"), 3, "an invalid byte counts as one column");

    is_int(text_fit("李小龙", 5), 6, "two wide characters fit in 5 columns");
    is_int(text_fit("李小龙", 1), 0, "none fits in 1");
    is_int(text_fit("Zoe\xcc\x88x", 3), 5,
           "a combining mark stays with its letter");
    is_int(text_fit("abc", 10), 3, "all of a short text fits");
    is_int(text_fit("abc", 0), 0, "nothing fits in 0 columns");
}

static void is_padded(const char *in, int cols, const char *want,
                      const char *name)
{
    char buf[64];
    text_pad(in, cols, buf, sizeof buf);
    is_str(buf, want, name);
    if (strcmp(buf, want) == 0 && cols > 0)
        is_int(text_width(buf), cols, "... exactly that wide");
}

static void test_pad(void)
{
    is_padded("Ann", 6, "Ann   ", "padded with spaces");
    is_padded("Annabel Smith", 8, "Annabel…", "cut with an ellipsis");
    is_padded("Ann", 3, "Ann", "an exact fit is not cut");
    is_padded("李小龙", 6, "李小龙", "wide characters that fit");
    is_padded("李小龙", 5, "李小…", "cut between wide characters");
    is_padded("李小龙", 4, "李… ", "a wide character never split: a space instead");
    is_padded("李小龙x", 7, "李小龙x", "mixed widths");
    is_padded("Zoe\xcc\x88", 4, "Zoe\xcc\x88 ", "combining mark padded");
    is_padded("ab<U+202E>cd", 6, "ab…   ",
              "a cut never splits a <U+…> placeholder");
    is_padded("ab<U+202E>cd", 11, "ab<U+202E>…", "one that fits is kept whole");
    is_padded("abc^[[31m", 5, "abc… ", "nor a ^[ placeholder");
    is_padded("a<U+20", 5, "a<U+…", "text that only looks like the start of one is cut as usual");
    is_padded("Zoe\xcc\x88lle", 4, "Zoe\xcc\x88…",
              "combining mark kept when cut after it");
    is_padded("Ann", 1, "…", "one column: just the ellipsis");
    is_padded("", 2, "  ", "empty text: only spaces");

    char buf[64] = "unchanged";
    text_pad("Ann", 0, buf, sizeof buf);
    is_str(buf, "", "zero columns: empty");
    char small[5];
    text_pad("李小龙", 6, small, sizeof small);
    is_str(small, "李", "a small buffer is cut at a character");
}

static void is_wrapped(const char *in, int cols, const char *want,
                       const char *name)
{
    char **lines = text_wrap(in, cols);
    size_t size = 1;
    for (char **l = lines; *l; l++)
        size += strlen(*l) + 1;
    char *joined = calloc(1, size);
    for (char **l = lines; *l; l++) {
        strcat(joined, *l);
        strcat(joined, "|");
    }
    is_str(joined, want, name);
    bool fit = true;
    for (char **l = lines; *l; l++)
        if (text_width(*l) > cols && cols > 1)
            fit = false;
    ok(fit, "... no line is wider than asked");
    free(joined);
    text_free_lines(lines);
}

static void test_wrap(void)
{
    is_wrapped("the quick brown fox", 10, "the quick|brown fox|", "at spaces");
    is_wrapped("the quick brown fox", 19, "the quick brown fox|", "fits in one");
    is_wrapped("one\ntwo three", 20, "one|two three|", "newlines honoured");
    is_wrapped("one\n\ntwo\n", 20, "one||two|", "an empty line kept, a final newline not");
    is_wrapped("abcdefghij", 4, "abcd|efgh|ij|", "a long word is split");
    is_wrapped("ab abcdefghij", 4, "ab|abcd|efgh|ij|", "split after a short word");
    is_wrapped("李小龙李小龙", 5, "李小|龙李|小龙|", "CJK by columns");
    is_wrapped("Zoe\xcc\x88 Zoe\xcc\x88 Zoe\xcc\x88", 7,
               "Zoe\xcc\x88 Zoe\xcc\x88|Zoe\xcc\x88|",
               "combining characters take no column");
    is_wrapped("a    b", 3, "a|b|", "spaces at a break are dropped");
    is_wrapped("  indented", 20, "  indented|", "indentation is kept");
    is_wrapped("", 10, "", "nothing: no lines");
    is_wrapped("李", 1, "李|", "a wide character in one column still shows");
}

static void is_folded(const char *in, const char *want, const char *name)
{
    char *got = text_fold(in);
    is_str(got, want, name);
    free(got);
}

static void test_fold(void)
{
    is_folded("Zoë Ødegård", "zoe odegard", "the header's example");
    is_folded("ÉCOLE Ça", "ecole ca", "capitals with accents");
    is_folded("Æsir Straße", "aesir strasse", "ligatures and sharp s");
    is_folded("Łukasz Wałęsa", "lukasz walesa", "Polish");
    is_folded("Dvořák Šťastný", "dvorak stastny", "Czech");
    is_folded("Œuvre ĳ Þór", "oeuvre ij thor", "oe, ij, thorn");
    is_folded("Zoe\xcc\x88", "zoe", "a combining diaeresis is dropped");
    is_folded("ΑΘΗΝΑ", "αθηνα", "Greek is lowercased, kept");
    is_folded("李小龙", "李小龙", "CJK unchanged");
    is_folded("a×b÷c", "a×b÷c", "signs in Latin-1 are kept");
    is_folded("ABC xyz 123", "abc xyz 123", "ASCII");
    is_folded(NULL, "", "NULL folds to empty");
}

static void test_trim(void)
{
    char a[] = "  \t Ann Smith \n ";
    is_str(text_trim(a), "Ann Smith", "blanks trimmed at both ends");
    char b[] = "   ";
    is_str(text_trim(b), "", "only blanks: empty");
    char c[] = "x";
    is_str(text_trim(c), "x", "nothing to trim");
    char d[] = "\xc2\xa0" "a";
    is_str(text_trim(d), "\xc2\xa0" "a", "a no-break space is not ASCII: kept");
    char e[] = "one\r\ntwo\rthree\n\r\nfour";
    text_unify_breaks(e);
    is_str(e, "one\ntwo\nthree\n\nfour", "CR LF and a lone CR become LF");
}

static void test_controls(void)
{
    char shown[16];
    ok(!text_find_control("Zoë \xe2\x80\xae李", false, shown, sizeof shown),
       "UTF-8 and a bidi override hold no control character");
    ok(text_find_control("Evil \x1b]0;x\x07", false, shown, sizeof shown),
       "ESC is a control character");
    is_str(shown, "^[", "named by its placeholder");
    ok(text_find_control("x\xc2\x9b" "31m", false, shown, sizeof shown),
       "so is a C1 CSI");
    is_str(shown, "<U+009B>", "named as <U+009B>");
    ok(text_find_control("a\x7f", false, NULL, 0), "DEL too");
    ok(text_find_control("a\tb", false, shown, sizeof shown),
       "a tab on one line");
    ok(!text_find_control("a\tb\r\nc", true, NULL, 0),
       "tab and line breaks are allowed in multi-line text");
    ok(text_find_control("a\nb\x1b", true, shown, sizeof shown),
       "but not ESC");

    char one[] = "Evil \x1b]0;PWNED\x07\x1b[2J\tName\xc2\x9b\xe2\x80\xae";
    is_int(text_drop_controls(one, false), 5, "five control characters dropped");
    is_str(one, "Evil ]0;PWNED[2J Name\xe2\x80\xae",
           "a tab becomes a space; the override stays as data");
    char many[] = "line\x01 one\r\nline\ttwo\x1b";
    is_int(text_drop_controls(many, true), 2, "in multi-line text");
    is_str(many, "line one\r\nline\ttwo", "breaks and tabs stay");
    char broken[] = "one\nline\x1b";
    is_int(text_drop_controls(broken, false), 1, "on one line");
    is_str(broken, "one\nline", "a line break stays for the field's own rule");
}

/* Writes pieces through a terminal stream into a memory buffer. */
static char *through_stream(const char *const *pieces)
{
    char *data = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&data, &size);
    FILE *t = text_terminal_stream(mem);
    for (size_t i = 0; pieces[i]; i++) {
        fputs(pieces[i], t);
        fflush(t);   /* each piece is one write: the cuts fall in between */
    }
    fclose(t);
    fclose(mem);
    return data;
}

static void test_stream(void)
{
    const char *csv[] = { "id,name\r\n1,\"Evil \x1b]0;x\x07\"\r\n",
                          "2,\"a\tb\nc\"\r\n", NULL };
    char *got = through_stream(csv);
    is_str(got, "id,name\r\n1,\"Evil ^[]0;x^G\"\r\n2,\"a\tb\nc\"\r\n",
           "a stream keeps CR LF, LF and tabs, and shows ESC and BEL");
    free(got);
    const char *cut[] = { "Zo\xc3", "\xab \xe2\x80", "\xae \xc2", "\x9b.\r",
                          "\nx\r", "y", NULL };
    got = through_stream(cut);
    is_str(got, "Zoë <U+202E> <U+009B>.\r\nx^My",
           "characters and CR LF cut between writes are joined again");
    free(got);
    const char *end[] = { "a\xe2\x80", NULL };
    got = through_stream(end);
    is_str(got, "a\xef\xbf\xbd\xef\xbf\xbd", "a character cut off at the end is invalid");
    free(got);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    test_sanitize();
    test_width();
    test_pad();
    test_wrap();
    test_fold();
    test_trim();
    test_controls();
    test_stream();
    return tap_done();
}
