/* Reading a mail message with GMime (see io/mail.h): the headers rapport
 * keeps, the text part chosen among the alternatives, the attachments'
 * names. GMime is the only MIME parser here, and this the only file that
 * speaks to it. Uses base/, model/mail.h, io/mail.h. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmime/gmime.h>

#include "base/i18n.h"
#include "base/text.h"
#include "io/mail.h"

/* What the walk over the parts found. */
struct walk {
    GMimeParserOptions *options;
    GMimeObject *plain;       /* the first text/plain that is no attachment */
    GMimeObject *html;        /* the first text/html that is no attachment */
    struct strlist *attachments;
    bool oom;
};

/* A copy of s made valid UTF-8 without control characters but line
 * breaks (and tabs, when multi_line), or NULL. A header that GMime could
 * not convert is guessed from its bytes rather than refused. */
static char *clean_text(GMimeParserOptions *options, const char *s,
                        bool multi_line)
{
    if (!s)
        return NULL;
    char *copy = g_utf8_validate(s, -1, NULL)
                     ? g_strdup(s) : g_mime_utils_decode_8bit(options, s, strlen(s));
    if (!copy)
        return NULL;
    char *out = strdup(copy);
    g_free(copy);
    if (!out)
        return NULL;
    text_unify_breaks(out);
    text_drop_controls(out, multi_line);
    if (!multi_line) {
        for (char *p = out; *p; p++)
            if (*p == '\n' || *p == '\r')
                *p = ' ';
        text_trim(out);
    }
    return out;
}

/* The charset an HTML page names in a <meta> of its head ("charset=…",
 * with or without quotes), or NULL. */
static char *meta_charset(const char *html)
{
    size_t span = strnlen(html, 4096);
    for (size_t i = 0; i + 5 < span; i++) {
        if (g_ascii_strncasecmp(html + i, "<meta", 5) != 0)
            continue;
        const char *end = memchr(html + i, '>', span - i);
        size_t n = end ? (size_t)(end - (html + i)) : span - i;
        for (size_t k = i; k + 8 < i + n; k++) {
            if (g_ascii_strncasecmp(html + k, "charset=", 8) != 0)
                continue;
            const char *p = html + k + 8;
            while (*p == '"' || *p == '\'' || *p == ' ')
                p++;
            size_t len = 0;
            while (len < 40 && (g_ascii_isalnum(p[len]) || strchr("-_.:", p[len]))
                   && p[len])
                len++;
            return len ? g_strndup(p, len) : NULL;
        }
    }
    return NULL;
}

/* An HTML part whose Content-Type names no charset, and whose bytes are
 * not UTF-8, is read again in the charset its <meta> names, when iconv
 * knows it; else it is left to the guess from its bytes. Takes text. */
static char *html_in_its_charset(GMimeObject *part, char *text)
{
    if (!g_mime_content_type_is_type(g_mime_object_get_content_type(part), "text", "html")
        || g_mime_object_get_content_type_parameter(part, "charset")
        || g_utf8_validate(text, -1, NULL))
        return text;
    char *charset = meta_charset(text);
    if (!charset)
        return text;
    iconv_t cd = g_mime_iconv_open("UTF-8", charset);
    if (cd != (iconv_t)-1) {
        g_mime_iconv_close(cd);
        g_mime_object_set_content_type_parameter(part, "charset", charset);
        char *again = g_mime_text_part_get_text(GMIME_TEXT_PART(part));
        if (again) {
            g_free(text);
            text = again;
        }
    }
    g_free(charset);
    return text;
}

/* The text of a text part, decoded (quoted-printable, base64) and
 * converted from its charset to UTF-8; a part that lies about its
 * charset, or names none, is guessed from its bytes. */
static char *part_text(GMimeParserOptions *options, GMimeObject *part)
{
    char *text = g_mime_text_part_get_text(GMIME_TEXT_PART(part));
    if (!text)
        return strdup("");
    text = html_in_its_charset(part, text);
    char *out = clean_text(options, text, true);
    g_free(text);
    return out;
}

static bool is_attachment(GMimeObject *part)
{
    if (!GMIME_IS_PART(part))
        return GMIME_IS_MESSAGE_PART(part);
    return g_mime_part_is_attachment(GMIME_PART(part))
           || g_mime_part_get_filename(GMIME_PART(part)) != NULL;
}

static void name_attachment(struct walk *w, GMimeObject *part)
{
    const char *name = GMIME_IS_PART(part) ? g_mime_part_get_filename(GMIME_PART(part))
                                           : NULL;
    char *shown = NULL;
    if (name)
        shown = clean_text(w->options, name, false);
    if (!shown || !*shown) {
        /* Unnamed (a forwarded message, an inline image): its type. */
        free(shown);
        GMimeContentType *type = g_mime_object_get_content_type(part);
        char *mime = type ? g_mime_content_type_get_mime_type(type) : NULL;
        shown = strdup(mime ? mime : "application/octet-stream");
        g_free(mime);
    }
    if (!shown || strlist_push(w->attachments, shown) != 0)
        w->oom = true;
    free(shown);
}

static void visit(GMimeObject *parent, GMimeObject *part, gpointer data)
{
    (void)parent;
    struct walk *w = data;
    if (GMIME_IS_MULTIPART(part))
        return;
    if (!is_attachment(part) && GMIME_IS_TEXT_PART(part)) {
        GMimeContentType *type = g_mime_object_get_content_type(part);
        if (g_mime_content_type_is_type(type, "text", "plain") && !w->plain) {
            w->plain = part;
            return;
        }
        if (g_mime_content_type_is_type(type, "text", "html") && !w->html) {
            w->html = part;
            return;
        }
    }
    /* Text that is not the one shown (a second text/plain, a calendar
     * invitation) counts as an attachment too: it is not stored. */
    if (is_attachment(part) || !GMIME_IS_TEXT_PART(part))
        name_attachment(w, part);
}

static int add_addresses(GMimeParserOptions *options, InternetAddressList *list,
                         enum mail_field field, struct mail_address_list *out)
{
    int n = list ? internet_address_list_length(list) : 0;
    for (int i = 0; i < n; i++) {
        InternetAddress *a = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(a)) {
            /* "Team: zoe@…, omar@…;" names each of its members. */
            InternetAddressList *members =
                internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a));
            if (add_addresses(options, members, field, out) != 0)
                return -1;
            continue;
        }
        if (!INTERNET_ADDRESS_IS_MAILBOX(a))
            continue;
        const char *addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a));
        char *email = clean_text(options, addr, false);
        char *name = clean_text(options, internet_address_get_name(a), false);
        int rc = 0;
        if (email && *email && strchr(email, '@'))
            rc = mail_address_list_push(out, name && *name ? name : NULL, email, field);
        free(email);
        free(name);
        if (rc != 0)
            return -1;
    }
    return 0;
}

/* A message without a Message-ID is known again by its sender, date and
 * subject. */
static char *made_up_id(const struct mail_message *m)
{
    GString *key = g_string_new(NULL);
    for (size_t i = 0; i < m->addresses.len; i++)
        if (m->addresses.items[i].field == MAIL_FROM)
            g_string_append_printf(key, "%s\n", m->addresses.items[i].email);
    g_string_append_printf(key, "%lld\n%s", (long long)m->date,
                           m->subject ? m->subject : "");
    gchar *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, key->str, -1);
    g_string_free(key, TRUE);
    char *id = NULL;
    if (sum) {
        size_t size = strlen(sum) + 32;
        id = malloc(size);
        if (id)
            snprintf(id, size, "%s@no-message-id.rapport", sum);
        g_free(sum);
    }
    return id;
}

static int read_message(GMimeParserOptions *options, GMimeMessage *msg,
                        struct mail_message *out)
{
    if (add_addresses(options, g_mime_message_get_from(msg), MAIL_FROM, &out->addresses)
        || add_addresses(options, g_mime_message_get_to(msg), MAIL_TO, &out->addresses)
        || add_addresses(options, g_mime_message_get_cc(msg), MAIL_CC, &out->addresses))
        return -1;
    const char *subject = g_mime_message_get_subject(msg);
    if (subject) {
        out->subject = clean_text(options, subject, false);
        if (!out->subject)
            return -1;
        if (!*out->subject) {
            free(out->subject);
            out->subject = NULL;
        }
    }
    GDateTime *date = g_mime_message_get_date(msg);
    out->date = date ? (time_t)g_date_time_to_unix(date) : 0;

    struct walk w = { .options = options, .attachments = &out->attachments };
    g_mime_message_foreach(msg, visit, &w);
    if (w.oom)
        return -1;
    if (w.plain) {
        out->body = part_text(options, w.plain);
        const char *format = g_mime_object_get_content_type_parameter(w.plain, "format");
        if (out->body && format && g_ascii_strcasecmp(format, "flowed") == 0) {
            const char *delsp = g_mime_object_get_content_type_parameter(w.plain, "delsp");
            mail_text_unflow(out->body, delsp && g_ascii_strcasecmp(delsp, "yes") == 0);
        }
    } else if (w.html) {
        char *html = part_text(options, w.html);
        out->body = html ? mail_text_from_html(html) : NULL;
        free(html);
    } else {
        out->body = strdup("");
    }
    if (!out->body)
        return -1;
    mail_text_drop_quotes(out->body);

    const char *id = g_mime_message_get_message_id(msg);
    if (id && *id)
        out->message_id = clean_text(options, id, false);
    if (!out->message_id || !*out->message_id) {
        free(out->message_id);
        out->message_id = made_up_id(out);
    }
    return out->message_id ? 0 : -1;
}

int mail_parse(const char *data, size_t len, struct mail_message *out,
               char **error)
{
    memset(out, 0, sizeof *out);
    *error = NULL;
    /* Counted: only the first call sets GMime up. Never shut down, since
     * GMime cannot be set up again after g_mime_shutdown(). */
    g_mime_init();
    GMimeParserOptions *options = g_mime_parser_options_new();
    /* Raw 8-bit headers: UTF-8 when they are, else the Western charset
     * that mail programs wrote before MIME was everywhere. */
    const char *fallback[] = { "UTF-8", "windows-1252", NULL };
    g_mime_parser_options_set_fallback_charsets(options, fallback);
    /* A delivery agent (procmail) hands the message over with the
     * mbox "From sender date" line first, which is no header. */
    if (len >= 5 && memcmp(data, "From ", 5) == 0) {
        const char *nl = memchr(data, '\n', len);
        size_t skip = nl ? (size_t)(nl - data) + 1 : len;
        data += skip;
        len -= skip;
    }
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer(data, len);
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
    GMimeMessage *msg = g_mime_parser_construct_message(parser, options);
    int rc = -1;
    if (!msg) {
        *error = strdup(_("this is not a mail message (no headers could be read)"));
    } else if (read_message(options, msg, out) != 0) {
        *error = strdup(_("out of memory"));
    } else if (out->addresses.len == 0) {
        *error = strdup(_("the message names nobody: it has no From, To or Cc address"));
    } else {
        rc = 0;
    }
    if (rc != 0)
        mail_message_clear(out);
    if (msg)
        g_object_unref(msg);
    g_object_unref(parser);
    g_object_unref(stream);
    g_mime_parser_options_free(options);
    return rc;
}
