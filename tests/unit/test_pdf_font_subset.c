/* The embedded font programs (pdf_font_subset.c): which glyphs HarfBuzz's
 * subset keeps, read back with truetype.c from the bytes it wrote. The
 * glyph ids are NotoSans-Regular's as shipped in fonts/: 'A' is glyph 36,
 * 'B' 37, 'É' 139 (a composite of 'E' and the acute accent). */
#include "test_support.h"

#include "pdf_font_subset.h"
#include "truetype.h"

#include <stdlib.h>

#define NOTO GOLIVE_FONTS_DIR "/NotoSans-Regular.ttf"

/* has_outline: whether glyph draws anything in the font in out. */
static bool has_outline(const struct buffer *out, uint16_t glyph)
{
    struct truetype_font *font = truetype_from_memory((const uint8_t *)out->data, out->length);
    assert_non_null(font);
    struct truetype_point *points = calloc(TRUETYPE_MAX_POINTS, sizeof *points);
    bool drawn = truetype_outline(font, glyph, points) > 0;
    free(points);
    truetype_free(font);
    return drawn;
}

static void keeps_the_glyphs_drawn_and_no_others(void **state)
{
    (void)state;
    const uint32_t characters[] = {0x41, 0xC9};
    struct buffer out = {0};
    assert_true(pdf_font_subset(NOTO, characters, 2, &out));
    assert_true(has_outline(&out, 36));
    assert_true(has_outline(&out, 139));
    assert_false(has_outline(&out, 37)); /* 'B' was not drawn */
    buffer_free(&out);
}

static void an_unreadable_font_leaves_out_untouched(void **state)
{
    (void)state;
    const uint32_t characters[] = {0x41};
    struct buffer out = {0};
    assert_false(pdf_font_subset(GOLIVE_FONTS_DIR "/missing.ttf", characters, 1, &out));
    assert_int_equal(out.length, 0);
    buffer_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keeps_the_glyphs_drawn_and_no_others),
        cmocka_unit_test(an_unreadable_font_leaves_out_untouched),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
