/* Quoting print directives' values (see directive_quote.h). */
#include "directive_quote.h"

#include <string.h>

void directive_quote_append(struct buffer *out, const char *text, size_t length)
{
    for (size_t at = 0; at < length; at++) {
        unsigned char character = (unsigned char)text[at];
        if (character == '"' || character == '\\' || character == '>')
            buffer_append_char(out, '\\');
        if (character < 0x20 || character == 0x7F)
            character = ' ';
        buffer_append_char(out, (char)character);
    }
}

char directive_unquote_next(const char **at)
{
    static const char punctuation[] = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    char character = **at;
    if (character == '\\' && (*at)[1] && strchr(punctuation, (*at)[1]))
        return *++*at;
    if (character == '\n' || character == '\r' || character == '\t')
        return ' ';
    return character;
}
