/* Strict UTF-8 decoding and encoding. */
#include "utf8.h"

static int is_continuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

size_t utf8_decode(const char *text, size_t length, uint32_t *code_point)
{
    const unsigned char *bytes = (const unsigned char *)text;
    if (length == 0) {
        *code_point = 0;
        return 0;
    }
    *code_point = bytes[0];
    if (bytes[0] < 0x80)
        return 1;

    size_t needed;
    uint32_t value, minimum;
    if ((bytes[0] & 0xE0) == 0xC0) {
        needed = 2, value = bytes[0] & 0x1F, minimum = 0x80;
    } else if ((bytes[0] & 0xF0) == 0xE0) {
        needed = 3, value = bytes[0] & 0x0F, minimum = 0x800;
    } else if ((bytes[0] & 0xF8) == 0xF0) {
        needed = 4, value = bytes[0] & 0x07, minimum = 0x10000;
    } else {
        return 0;
    }
    if (length < needed)
        return 0;
    for (size_t index = 1; index < needed; index++) {
        if (!is_continuation(bytes[index]))
            return 0;
        value = (value << 6) | (bytes[index] & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return 0;
    *code_point = value;
    return needed;
}

size_t utf8_decode_wide(const char *text, size_t length, uint32_t *code_point)
{
    size_t used = utf8_decode(text, length, code_point);
    if (used == 0 && length > 0) {
        *code_point = 0xFFFD;
        used = 1;
    }
    return used;
}

size_t utf8_encode(uint32_t code_point, char out[4])
{
    if (code_point < 0x80) {
        out[0] = (char)code_point;
        return 1;
    }
    if (code_point < 0x800) {
        out[0] = (char)(0xC0 | (code_point >> 6));
        out[1] = (char)(0x80 | (code_point & 0x3F));
        return 2;
    }
    if (code_point >= 0xD800 && code_point <= 0xDFFF)
        return 0;
    if (code_point < 0x10000) {
        out[0] = (char)(0xE0 | (code_point >> 12));
        out[1] = (char)(0x80 | ((code_point >> 6) & 0x3F));
        out[2] = (char)(0x80 | (code_point & 0x3F));
        return 3;
    }
    if (code_point > 0x10FFFF)
        return 0;
    out[0] = (char)(0xF0 | (code_point >> 18));
    out[1] = (char)(0x80 | ((code_point >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((code_point >> 6) & 0x3F));
    out[3] = (char)(0x80 | (code_point & 0x3F));
    return 4;
}

int utf8_is_control(uint32_t code_point)
{
    return code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F);
}

size_t utf8_count(const char *text, size_t length)
{
    size_t count = 0;
    for (size_t at = 0; at < length; count++) {
        uint32_t code_point;
        at += utf8_decode_lossy(text + at, length - at, &code_point);
    }
    return count;
}

int utf8_valid(const char *text, size_t length)
{
    size_t offset = 0;
    while (offset < length) {
        uint32_t code_point;
        size_t used = utf8_decode(text + offset, length - offset, &code_point);
        if (used == 0)
            return 0;
        offset += used;
    }
    return 1;
}

int ascii_hex_value(char character)
{
    if (character >= '0' && character <= '9')
        return character - '0';
    if ((character | 0x20) >= 'a' && (character | 0x20) <= 'f')
        return (character | 0x20) - 'a' + 10;
    return -1;
}
