/* Strict UTF-8 decoding and encoding.
 *
 * Strict means what RFC 3629 allows and nothing more: no overlong forms, no
 * surrogates, nothing above U+10FFFF. */
#ifndef GOLIVE_UTF8_H
#define GOLIVE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* utf8_decode: decodes the code point at text[0..length) into *code_point.
 * Returns the number of bytes it takes (1 to 4), or 0 when the bytes there
 * are not valid UTF-8 (then *code_point is the first byte's value). */
size_t utf8_decode(const char *text, size_t length, uint32_t *code_point);

/* utf8_decode_wide: utf8_decode_lossy for text that does not start with an
 * ASCII character. */
size_t utf8_decode_wide(const char *text, size_t length, uint32_t *code_point);

/* utf8_decode_lossy: like utf8_decode, but never 0 for text left: an
 * invalid byte counts as one byte standing for U+FFFD. Inline for ASCII,
 * which the typesetter decodes character by character. */
static inline size_t utf8_decode_lossy(const char *text, size_t length, uint32_t *code_point)
{
    if (length > 0 && (unsigned char)text[0] < 0x80) {
        *code_point = (unsigned char)text[0];
        return 1;
    }
    return utf8_decode_wide(text, length, code_point);
}

/* utf8_encode: writes code_point as 1 to 4 bytes into out; returns the count,
 * or 0 for a value that is not a Unicode scalar value. */
size_t utf8_encode(uint32_t code_point, char out[4]);

/* utf8_is_control: C0 and C1 control characters and DEL, tab and newline
 * included (callers decide which of those they allow). */
int utf8_is_control(uint32_t code_point);

/* ascii_hex_value: the value of a hexadecimal digit (either case), or -1. */
int ascii_hex_value(char character);

/* utf8_count: the number of characters in text[0..length) (an invalid
 * byte counts as one). */
size_t utf8_count(const char *text, size_t length);

/* utf8_valid: whether all of text[0..length) is valid UTF-8. */
int utf8_valid(const char *text, size_t length);

#endif
