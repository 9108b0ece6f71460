/* Mail in (SPEC §5): one RFC 5322 message read into the record rapport
 * keeps of it (model/mail.h). GMime parses the MIME structure, decodes
 * quoted-printable and base64, converts charsets and RFC 2047 encoded
 * words (mail_parse.c); what is left is rapport's own: an HTML part made
 * readable, format=flowed undone and quoted replies left out
 * (mail_text.c). Uses model/. */
#ifndef RAPPORT_IO_MAIL_H
#define RAPPORT_IO_MAIL_H

#include <stdbool.h>
#include <stddef.h>

#include "model/mail.h"

/* The largest message read: its attachments are only named, but they
 * have to be read past. */
#define MAIL_MAX_BYTES (64 * 1024 * 1024)

/* Reads the message in data[0..len). Returns 0, or -1 with *error set
 * (free it) when it is no message at all (no header names a sender or a
 * recipient) or memory ran out; *out is then empty. */
int mail_parse(const char *data, size_t len, struct mail_message *out,
               char **error);

/* ---- mail_text.c: text for people ------------------------------------- */

/* HTML made readable: tags dropped (and what scripts and styles hold),
 * line breaks for block ends, character references decoded, runs of
 * blanks made one. NULL when out of memory. */
char *mail_text_from_html(const char *html);
/* Leaves out quoted replies: lines that begin with '>' and the line
 * that introduces them ("On 3 Dec 2026, Zoë wrote:"); trailing blanks
 * and surplus blank lines go too. In place. */
void mail_text_drop_quotes(char *text);
/* Undoes format=flowed (RFC 3676), in place: a line that ends with a
 * space runs on into the next one of the same quote depth (the space
 * dropped too when delsp), the space stuffed before a line goes, and the
 * signature's "-- " stays a line of its own. */
void mail_text_unflow(char *text, bool delsp);

#endif
