/* Bidi, Arabic shaping and line reordering with GNU FriBidi (see
 * text_shape.h). */
#include "text_shape.h"

#include "alloc.h"
#include "text_normalise.h"
#include "utf8.h"

#include <fribidi.h>
#include <stdlib.h>
#include <string.h>

/* Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo ...) and
 * their presentation forms, and the marks that make text right to left. */
static bool is_right_to_left(uint32_t code_point)
{
    return (code_point >= 0x0590 && code_point <= 0x08FF) ||
           (code_point >= 0xFB1D && code_point <= 0xFDFF) ||
           (code_point >= 0xFE70 && code_point <= 0xFEFE) || code_point == 0x200F ||
           code_point == 0x202B || code_point == 0x202E || code_point == 0x2067;
}

bool text_shape_wanted(const char *text, size_t length)
{
    for (size_t offset = 0; offset < length;) {
        if ((unsigned char)text[offset] < 0xD6) { /* below U+0590 */
            offset++;
            continue;
        }
        uint32_t code_point;
        offset += utf8_decode_lossy(text + offset, length - offset, &code_point);
        if (is_right_to_left(code_point))
            return true;
    }
    return false;
}

void text_shaping_free(struct text_shaping *shaping)
{
    free(shaping->text);
    free(shaping->levels);
    *shaping = (struct text_shaping){0};
}

/* Levels, joining and shapes of str[0..count), in place. */
static void analyse(FriBidiChar *str, FriBidiLevel *levels, size_t count, enum text_shape_mode mode,
                    bool *right_to_left)
{
    FriBidiCharType *types = xcalloc(count ? count : 1, sizeof *types);
    FriBidiBracketType *brackets = xcalloc(count ? count : 1, sizeof *brackets);
    FriBidiArabicProp *joining = xcalloc(count ? count : 1, sizeof *joining);
    FriBidiParType direction = FRIBIDI_PAR_ON;
    FriBidiStrIndex length = (FriBidiStrIndex)count;
    fribidi_get_bidi_types(str, length, types);
    fribidi_get_bracket_types(str, length, types, brackets);
    if (!fribidi_get_par_embedding_levels_ex(types, brackets, length, &direction, levels))
        memset(levels, 0, count * sizeof *levels);
    *right_to_left = direction == FRIBIDI_PAR_RTL;
    if (mode != TEXT_SHAPE_LEVELS) {
        FriBidiFlags flags = FRIBIDI_FLAG_SHAPE_MIRRORING | FRIBIDI_FLAG_SHAPE_ARAB_PRES;
        if (mode == TEXT_SHAPE_LIGATURES)
            flags |= FRIBIDI_FLAG_SHAPE_ARAB_LIGA;
        fribidi_get_joining_types(str, length, joining);
        fribidi_join_arabic(types, length, levels, joining);
        fribidi_shape(flags, levels, length, joining, str);
    }
    free(types);
    free(brackets);
    free(joining);
}

void text_shape(const uint32_t *code_points, size_t count, enum text_shape_mode mode,
                struct text_shaping *out)
{
    text_shaping_free(out);
    FriBidiChar *str = xreallocarray(NULL, count ? count : 1, sizeof *str);
    FriBidiLevel *levels = xcalloc(count ? count : 1, sizeof *levels);
    for (size_t index = 0; index < count; index++)
        str[index] = code_points[index];
    analyse(str, levels, count, mode, &out->right_to_left);
    out->text = xreallocarray(NULL, count ? count : 1, sizeof *out->text);
    out->levels = xcalloc(count ? count : 1, sizeof *out->levels);
    out->count = count;
    for (size_t index = 0; index < count; index++) {
        bool lam = str[index] == FRIBIDI_CHAR_FILL && code_points[index] != FRIBIDI_CHAR_FILL;
        out->text[index] = lam ? TEXT_LIGATURE_LAM : str[index];
        out->levels[index] = (uint8_t)(levels[index] < 0 ? 0 : levels[index]);
    }
    free(str);
    free(levels);
}

void text_reorder(const uint8_t *levels, size_t count, size_t *order)
{
    uint8_t highest = 0, lowest_odd = 255;
    for (size_t index = 0; index < count; index++) {
        order[index] = index;
        if (levels[index] > highest)
            highest = levels[index];
        if ((levels[index] & 1) && levels[index] < lowest_odd)
            lowest_odd = levels[index];
    }
    for (unsigned level = highest; level >= lowest_odd && level > 0; level--) {
        for (size_t start = 0; start < count;) {
            if (levels[order[start]] < level) {
                start++;
                continue;
            }
            size_t end = start;
            while (end < count && levels[order[end]] >= level)
                end++;
            for (size_t left = start, right = end - 1; left < right; left++, right--) {
                size_t swap = order[left];
                order[left] = order[right];
                order[right] = swap;
            }
            start = end;
        }
    }
}

/* The code points of text, and how many. */
static uint32_t *decode_all(const char *text, size_t length, size_t *count)
{
    uint32_t *code_points = xreallocarray(NULL, length ? length : 1, sizeof *code_points);
    *count = 0;
    for (size_t offset = 0; offset < length;)
        offset += utf8_decode_lossy(text + offset, length - offset, &code_points[(*count)++]);
    return code_points;
}

static void append_code_point(struct buffer *out, uint32_t code_point)
{
    char bytes[4];
    buffer_append(out, bytes, utf8_encode(code_point, bytes));
}

void text_visual_line(const char *text, size_t length, struct buffer *out)
{
    size_t count;
    uint32_t *code_points = decode_all(text, length, &count);
    struct text_shaping shaping = {0};
    /* Code keeps a cell per letter: no lam-alef ligature. */
    text_shape(code_points, count, TEXT_SHAPE_FORMS, &shaping);
    /* Clusters, a letter with the marks after it, move as one. */
    size_t *starts = xreallocarray(NULL, shaping.count + 1, sizeof *starts);
    uint8_t *levels = xcalloc(shaping.count + 1, 1);
    size_t clusters = 0;
    for (size_t index = 0; index < shaping.count; index++) {
        if (index > 0 && text_is_combining_mark(shaping.text[index]))
            continue;
        levels[clusters] = shaping.levels[index];
        starts[clusters++] = index;
    }
    starts[clusters] = shaping.count;
    size_t *order = xreallocarray(NULL, clusters + 1, sizeof *order);
    text_reorder(levels, clusters, order);
    for (size_t index = 0; index < clusters; index++)
        for (size_t at = starts[order[index]]; at < starts[order[index] + 1]; at++)
            append_code_point(out, shaping.text[at]);
    free(order);
    free(levels);
    free(starts);
    text_shaping_free(&shaping);
    free(code_points);
}

void text_append_reversed(const char *text, size_t length, struct buffer *out)
{
    size_t end = length;
    while (end > 0) {
        /* back to the start of the cluster that ends at end */
        size_t start = end;
        uint32_t code_point;
        do {
            do
                start--;
            while (start > 0 && ((unsigned char)text[start] & 0xC0) == 0x80);
            utf8_decode_lossy(text + start, end - start, &code_point);
        } while (start > 0 && text_is_combining_mark(code_point) &&
                 code_point != TEXT_LIGATURE_LAM); /* a letter of its own */
        buffer_append(out, text + start, end - start);
        end = start;
    }
}
