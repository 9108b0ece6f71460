/* A libFuzzer target: a mail message, as `rapport mail` gets one on
 * standard input from anyone who can send mail, read by GMime and made
 * into text (io/mail_parse.c, io/mail_text.c), which must neither crash,
 * leak, nor trip a sanitizer. The text is also given to the HTML
 * reducer and the quote remover directly, whatever its MIME type. Built
 * with ./configure --enable-fuzzing CC=clang; run by make fuzz. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "io/mail.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct mail_message m;
    char *error = NULL;
    if (mail_parse((const char *)data, size, &m, &error) == 0)
        mail_message_clear(&m);
    free(error);
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    char *reduced = mail_text_from_html(text);
    free(reduced);
    mail_text_drop_quotes(text);
    free(text);
    return 0;
}
