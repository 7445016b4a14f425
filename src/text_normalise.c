/* NFC and mark classes with utf8proc (see text_normalise.h). */
#include "text_normalise.h"

#include "utf8.h"

#include <stdlib.h>
#include <utf8proc.h>

/* Whether NFC may change text holding code_point: a mark (or a letter that
 * composes with the one before it, as Hangul vowels and final consonants
 * do), a character excluded from composition, or one whose canonical
 * decomposition is a single other character (U+212B ANGSTROM SIGN). A
 * precomposed letter such as "ü" stays as it is. */
static bool may_change(uint32_t code_point)
{
    if (code_point < 0x0300)
        return false;
    const utf8proc_property_t *property = utf8proc_get_property((utf8proc_int32_t)code_point);
    if (property->combining_class != 0 || property->comp_exclusion ||
        property->category == UTF8PROC_CATEGORY_MN || property->category == UTF8PROC_CATEGORY_MC ||
        property->category == UTF8PROC_CATEGORY_ME ||
        (code_point >= 0x1160 && code_point <= 0x11FF))
        return true;
    if (property->decomp_seqindex == UINT16_MAX || property->decomp_type != 0)
        return false;
    utf8proc_int32_t parts[4];
    int boundary = 0;
    return utf8proc_decompose_char((utf8proc_int32_t)code_point, parts, 4, 0, &boundary) == 1;
}

/* Whether text[0..length) is in NFC as it is: most text is, and then
 * costs one pass instead of utf8proc's several. */
static bool already_composed(const char *text, size_t length)
{
    for (size_t offset = 0; offset < length;) {
        if ((unsigned char)text[offset] < 0xCC) { /* below U+0300 */
            offset += (unsigned char)text[offset] < 0x80 ? 1 : 2;
            continue;
        }
        uint32_t code_point;
        size_t used = utf8_decode(text + offset, length - offset, &code_point);
        if (used == 0 || may_change(code_point) || code_point == 0x034F)
            return false;
        offset += used;
    }
    return true;
}

void text_normalise_nfc(const char *text, size_t length, struct buffer *out)
{
    if (already_composed(text, length)) {
        buffer_append(out, text, length);
        return;
    }
    utf8proc_uint8_t *composed = NULL;
    utf8proc_ssize_t size = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)length,
                                         &composed, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (size < 0) {
        buffer_append(out, text, length);
    } else {
        /* U+034F draws nothing; the typesetter uses it for the lam of a
         * lam-alef ligature (text_shape.h). */
        for (utf8proc_ssize_t at = 0; at < size; at++)
            if (!(composed[at] == 0xCD && at + 1 < size && composed[at + 1] == 0x8F))
                buffer_append_char(out, (char)composed[at]);
            else
                at++;
    }
    free(composed);
}

void text_fold(const char *text, struct buffer *out)
{
    utf8proc_uint8_t *folded = NULL;
    utf8proc_ssize_t size = utf8proc_map((const utf8proc_uint8_t *)text, 0, &folded,
                                         UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                             UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    if (size < 0)
        buffer_append_text(out, text);
    else
        buffer_append(out, (const char *)folded, (size_t)size);
    free(folded);
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
    return code_point == 0x00AD || (code_point >= 0x200B && code_point <= 0x200F) ||
           code_point == 0x2060 || code_point == 0xFEFF ||
           (code_point >= 0xFE00 && code_point <= 0xFE0F);
}

size_t text_presentation_letters(uint32_t code_point, uint32_t out[TEXT_LETTERS_MAX])
{
    bool form = (code_point >= 0xFB50 && code_point <= 0xFDFF) ||
                (code_point >= 0xFE70 && code_point <= 0xFEFE);
    utf8proc_uint8_t encoded[4], *letters = NULL;
    utf8proc_ssize_t length =
        form ? utf8proc_encode_char((utf8proc_int32_t)code_point, encoded) : 0;
    if (length <= 0 || utf8proc_map(encoded, length, &letters,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT) < 0)
        return 0;
    size_t count = 0;
    for (const utf8proc_uint8_t *at = letters; *at && count < TEXT_LETTERS_MAX; count++) {
        utf8proc_int32_t letter;
        at += utf8proc_iterate(at, -1, &letter);
        out[count] = (uint32_t)letter;
    }
    free(letters);
    return count;
}
