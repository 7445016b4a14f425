/* NFC and mark classes with utf8proc (see text_normalise.h). */
#include "text_normalise.h"

#include <stdlib.h>
#include <utf8proc.h>

void text_normalise_nfc(const char *text, size_t length, struct buffer *out)
{
    utf8proc_uint8_t *composed = NULL;
    utf8proc_ssize_t size = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)length,
                                         &composed, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (size < 0)
        buffer_append(out, text, length);
    else
        buffer_append(out, composed, (size_t)size);
    free(composed);
}

bool text_is_combining_mark(uint32_t code_point)
{
    if (code_point < 0x0300 || code_point > 0x10FFFF)
        return false;
    utf8proc_category_t category = utf8proc_category((utf8proc_int32_t)code_point);
    return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_ME;
}

bool text_draws_nothing(uint32_t code_point)
{
    return code_point == 0x00AD || (code_point >= 0x200B && code_point <= 0x200F)
           || code_point == 0x2060 || code_point == 0xFEFF
           || (code_point >= 0xFE00 && code_point <= 0xFE0F);
}
