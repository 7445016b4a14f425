/* The component closure of composite glyphs (truetype.c), on small fonts
 * built here byte by byte, and on the fonts golive ships. */
#include "test_support.h"

#include "truetype.h"

#include <stdlib.h>
#include <string.h>

/* A font of four tables and GLYPHS glyphs: glyph 0 simple, the others
 * composites whose components the test chooses. */
#define GLYPHS 6
#define GLYPH_BYTES 24 /* header 10, then at most two components of 6 bytes, padded */

struct tiny_font {
    uint8_t bytes[12 + 4 * 16 + 64 + 8 + 2 * (GLYPHS + 1) + GLYPHS * GLYPH_BYTES];
    size_t length;
};

static void put16(uint8_t *at, unsigned value)
{
    at[0] = (uint8_t)(value >> 8), at[1] = (uint8_t)value;
}

static void put32(uint8_t *at, uint32_t value)
{
    put16(at, value >> 16), put16(at + 2, value & 0xFFFF);
}

/* components[g] lists glyph g's components (up to two, 0xFFFF ends). */
static void build(struct tiny_font *font, const unsigned components[GLYPHS][2])
{
    memset(font, 0, sizeof *font);
    uint8_t *data = font->bytes;
    put16(data + 4, 4);
    size_t head = 12 + 4 * 16, maxp = head + 64, loca = maxp + 8, glyf = loca + 2 * (GLYPHS + 1);
    const struct {
        const char *tag;
        size_t at, size;
    } tables[] = {
        {"glyf", glyf, GLYPHS * GLYPH_BYTES},
        {"head", head, 54},
        {"loca", loca, 2 * (GLYPHS + 1)},
        {"maxp", maxp, 6},
    };
    for (size_t index = 0; index < 4; index++) {
        memcpy(data + 12 + 16 * index, tables[index].tag, 4);
        put32(data + 12 + 16 * index + 8, (uint32_t)tables[index].at);
        put32(data + 12 + 16 * index + 12, (uint32_t)tables[index].size);
    }
    put16(data + maxp + 4, GLYPHS);
    for (unsigned glyph = 0; glyph <= GLYPHS; glyph++)
        put16(data + loca + 2 * glyph, glyph * GLYPH_BYTES / 2);
    for (unsigned glyph = 0; glyph < GLYPHS; glyph++) {
        uint8_t *outline = data + glyf + glyph * GLYPH_BYTES;
        bool composite = components[glyph][0] != 0xFFFF;
        put16(outline, composite ? 0xFFFF : 1);
        for (unsigned part = 0; composite && part < 2 && components[glyph][part] != 0xFFFF;
             part++) {
            bool more = part == 0 && components[glyph][1] != 0xFFFF;
            put16(outline + 10 + 6 * part, more ? 0x0020 : 0);
            put16(outline + 12 + 6 * part, components[glyph][part]);
        }
    }
    font->length = glyf + GLYPHS * GLYPH_BYTES;
}

static bool holds(const uint16_t *list, size_t count, uint16_t glyph)
{
    for (size_t index = 0; index < count; index++)
        if (list[index] == glyph)
            return true;
    return false;
}

#define NONE 0xFFFF

static void follows_components_of_components(void **state)
{
    (void)state;
    /* 5 = 4 + 1, 4 = 3 + 2, 3 = 0: the accent of an accent of a letter. */
    const unsigned components[GLYPHS][2] = {
        {NONE, NONE}, {NONE, NONE}, {NONE, NONE}, {0, NONE}, {3, 2}, {4, 1},
    };
    struct tiny_font tiny;
    build(&tiny, components);
    struct truetype_font *font = truetype_from_memory(tiny.bytes, tiny.length);
    assert_non_null(font);
    assert_int_equal(truetype_glyph_count(font), GLYPHS);
    uint16_t out[TRUETYPE_MAX_COMPONENTS];
    size_t count = truetype_components(font, 5, out);
    assert_int_equal(count, 5);
    for (uint16_t glyph = 0; glyph <= 4; glyph++)
        assert_true(holds(out, count, glyph));
    assert_int_equal(truetype_components(font, 0, out), 0);
    assert_int_equal(truetype_components(font, 60000, out), 0);
    truetype_free(font);
}

static void a_font_that_loops_ends(void **state)
{
    (void)state;
    const unsigned components[GLYPHS][2] = {
        {NONE, NONE}, {2, NONE}, {3, 1}, {1, 2}, {5, NONE}, {4, NONE},
    };
    struct tiny_font tiny;
    build(&tiny, components);
    struct truetype_font *font = truetype_from_memory(tiny.bytes, tiny.length);
    uint16_t out[TRUETYPE_MAX_COMPONENTS];
    assert_int_equal(truetype_components(font, 1, out), 2); /* 2 and 3, never 1 itself */
    assert_int_equal(truetype_components(font, 4, out), 1);
    truetype_free(font);
}

static void a_damaged_font_is_refused_or_read_safely(void **state)
{
    (void)state;
    const unsigned components[GLYPHS][2] = {
        {NONE, NONE}, {NONE, NONE}, {NONE, NONE}, {0, NONE}, {3, 2}, {4, 1},
    };
    struct tiny_font tiny;
    build(&tiny, components);
    for (size_t cut = 0; cut < tiny.length; cut += 7) {
        struct truetype_font *font = truetype_from_memory(tiny.bytes, cut);
        uint16_t out[TRUETYPE_MAX_COMPONENTS];
        if (font)
            assert_true(truetype_components(font, 5, out) <= 5);
        truetype_free(font);
    }
    assert_null(truetype_open(GOLIVE_FONTS_DIR "/OFL-1.1.txt"));
}

/* Noto Sans's U+01EE (Ǯ) is a composite whose parts are composites. */
static void reads_the_shipped_fonts(void **state)
{
    (void)state;
    struct truetype_font *font = truetype_open(GOLIVE_FONTS_DIR "/NotoSans-Regular.ttf");
    assert_non_null(font);
    assert_true(truetype_glyph_count(font) > 1000);
    truetype_free(font);
}

/* A composite's outline is its components' outlines, every one: in Noto
 * Sans, each composite built of simple glyphs has at least the points of
 * all its parts (the watermark draws accented capitals from them). */
static void outlines_composites_from_their_components(void **state)
{
    (void)state;
    struct truetype_font *font = truetype_open(GOLIVE_FONTS_DIR "/NotoSans-Regular.ttf");
    assert_non_null(font);
    struct truetype_point *points = calloc(TRUETYPE_MAX_POINTS, sizeof *points);
    assert_non_null(points);
    unsigned composites = 0;
    for (unsigned glyph = 0; glyph < truetype_glyph_count(font); glyph++) {
        uint16_t parts[TRUETYPE_MAX_COMPONENTS];
        size_t count = truetype_components(font, (uint16_t)glyph, parts), expected = 0;
        bool simple = count > 0;
        for (size_t part = 0; part < count && simple; part++) {
            uint16_t inner[TRUETYPE_MAX_COMPONENTS];
            simple = truetype_components(font, parts[part], inner) == 0;
            expected += truetype_outline(font, parts[part], points);
        }
        if (!simple)
            continue;
        composites++;
        /* each part at least once (a part may be used twice: two dots) */
        assert_true(truetype_outline(font, (uint16_t)glyph, points) >= expected);
        assert_true(expected > 0);
    }
    assert_true(composites > 300);
    free(points);
    truetype_free(font);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(follows_components_of_components),
        cmocka_unit_test(a_font_that_loops_ends),
        cmocka_unit_test(a_damaged_font_is_refused_or_read_safely),
        cmocka_unit_test(reads_the_shipped_fonts),
        cmocka_unit_test(outlines_composites_from_their_components),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
