/* The font cache's definitions (pdf_font_cache.c), made from what HarfBuzz
 * and truetype.c read when asked, against libharu's own loader
 * (HPDF_TTFontDef_Load, which reads every table): for each font golive
 * ships, and the system's CJK face when installed, the values the PDF's
 * font objects print (name, box, ascent, descent, flags, x-height, missing
 * width) and every BMP character's glyph id and advance must be the same,
 * so that the PDFs stay byte for byte what they were. */
#include "test_support.h"

#include "pdf_font_cache.h"
#include "pdf_libharu_private.h"

#include <stdio.h>
#include <unistd.h>

static const char *const shipped[] = {
    "DejaVuSans.ttf",          "DejaVuSansMono.ttf",
    "DejaVuSansMono-Bold.ttf", "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",       "NotoSans-Italic.ttf",
    "NotoSans-BoldItalic.ttf", "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf", "NotoSansHebrew-Regular.ttf",
    "NotoSansHebrew-Bold.ttf",
};

#define SYSTEM_CJK "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

static void compare_metrics(HPDF_FontDef ours, HPDF_FontDef theirs)
{
    HPDF_TTFontDefAttr attr = ours->attr, their_attr = theirs->attr;
    char tagged[HPDF_LIMIT_MAX_NAME_LEN + 8];
    snprintf(tagged, sizeof tagged, "HPDFAA+%s", theirs->base_font);
    assert_string_equal(ours->base_font, theirs->base_font);
    assert_string_equal(attr->base_font, tagged);
    assert_int_equal(ours->ascent, theirs->ascent);
    assert_int_equal(ours->descent, theirs->descent);
    assert_int_equal(ours->flags, theirs->flags);
    assert_true(ours->font_bbox.left == theirs->font_bbox.left);
    assert_true(ours->font_bbox.bottom == theirs->font_bbox.bottom);
    assert_true(ours->font_bbox.right == theirs->font_bbox.right);
    assert_true(ours->font_bbox.top == theirs->font_bbox.top);
    assert_int_equal(ours->italic_angle, theirs->italic_angle);
    assert_int_equal(ours->stemv, theirs->stemv);
    assert_int_equal(ours->missing_width, theirs->missing_width);
    assert_int_equal(ours->x_height, theirs->x_height);
    assert_int_equal(ours->cap_height, theirs->cap_height);
    assert_int_equal(attr->num_glyphs, their_attr->num_glyphs);
    assert_int_equal(attr->header.units_per_em, their_attr->header.units_per_em);
}

static void compare_glyphs(struct pdf_font_cache *cache, HPDF_FontDef ours, HPDF_FontDef theirs)
{
    for (unsigned code = 0; code < 0xFFFF; code++) {
        HPDF_UINT16 glyph = pdf_font_cache_glyph(cache, ours, (HPDF_UINT16)code);
        if (glyph != HPDF_TTFontDef_GetGlyphid(theirs, (HPDF_UINT16)code))
            fail_msg("U+%04X: glyph %u, libharu's %u", code, glyph,
                     HPDF_TTFontDef_GetGlyphid(theirs, (HPDF_UINT16)code));
        if (glyph && HPDF_TTFontDef_GetCharWidth(ours, (HPDF_UINT16)code) !=
                         HPDF_TTFontDef_GetCharWidth(theirs, (HPDF_UINT16)code))
            fail_msg("U+%04X: advance %d, libharu's %d", code,
                     HPDF_TTFontDef_GetCharWidth(ours, (HPDF_UINT16)code),
                     HPDF_TTFontDef_GetCharWidth(theirs, (HPDF_UINT16)code));
    }
}

static void compare_with_libharu(const char *path)
{
    struct pdf_font_cache *cache = pdf_font_cache_new();
    HPDF_Doc document = HPDF_New(NULL, NULL);
    HPDF_STATUS error = 0;
    HPDF_FontDef ours = pdf_font_cache_lend(cache, path, document, &error);
    HPDF_Stream file = HPDF_FileReader_New(document->mmgr, path);
    HPDF_FontDef theirs = file ? HPDF_TTFontDef_Load(document->mmgr, file, HPDF_FALSE) : NULL;
    assert_non_null(ours);
    assert_non_null(theirs);
    compare_metrics(ours, theirs);
    compare_glyphs(cache, ours, theirs);
    HPDF_FontDef_Free(theirs);
    pdf_font_cache_give_back(cache, document);
    HPDF_Free(document);
    pdf_font_cache_free(cache);
}

static void the_shipped_fonts_load_as_libharu_loads_them(void **state)
{
    (void)state;
    for (size_t index = 0; index < sizeof shipped / sizeof *shipped; index++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", GOLIVE_FONTS_DIR, shipped[index]);
        compare_with_libharu(path);
    }
}

static void the_system_cjk_face_loads_as_libharu_loads_it(void **state)
{
    (void)state;
    if (access(SYSTEM_CJK, R_OK) != 0)
        skip();
    compare_with_libharu(SYSTEM_CJK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_shipped_fonts_load_as_libharu_loads_them),
        cmocka_unit_test(the_system_cjk_face_loads_as_libharu_loads_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
