/* glyph_check: compares every glyph of a PDF, as poppler rendered it, with
 * the same glyph rasterised by FreeType straight from the font file.
 *
 * Usage: glyph_check FONT_DIR DPI LAYOUT_DUMP PAGE.pgm...
 *
 * LAYOUT_DUMP is `golive md2pdf --dump layout`: each text item's face, size,
 * position and text. Each character's origin is the item's x plus the
 * advances before it, in thousandths of an em as the PDF's /W has them. The
 * glyph is rendered by FreeType, unhinted, at the same size and sub-pixel
 * position; each pixel FreeType covers at least SOLID is then looked up on
 * the page, and counts as missing when the page is lighter than LIGHT there.
 * A glyph fails when more than MISSING_SHARE of its solid pixels are
 * missing: a lost accent or a lost base letter is far more than that, while
 * the rasterisers' rounding moves edges by under a pixel. Neighbours' ink
 * can only darken a glyph's area, so it cannot hide a loss. Prints each
 * failing glyph and exits 1 when there is one. */
#include <ft2build.h>
#include FT_FREETYPE_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SOLID 192          /* FreeType coverage of a pixel the glyph surely inks [0-255] */
#define LIGHT 170          /* a page pixel at least this light holds no ink [0-255 grey] */
#define MISSING_SHARE 0.02 /* of a glyph's solid pixels */
#define MAX_PAGES 64

static const struct {
    const char *face, *file;
} faces[] = {
    {"sans", "NotoSans-Regular.ttf"},
    {"sans-bold", "NotoSans-Bold.ttf"},
    {"sans-italic", "NotoSans-Italic.ttf"},
    {"sans-bold-italic", "NotoSans-BoldItalic.ttf"},
    {"mono", "DejaVuSansMono.ttf"},
    {"mono-bold", "DejaVuSansMono-Bold.ttf"},
    {"symbol", "DejaVuSans.ttf"},
    {"arabic", "NotoSansArabic-Regular.ttf"},
    {"arabic-bold", "NotoSansArabic-Bold.ttf"},
    {"hebrew", "NotoSansHebrew-Regular.ttf"},
    {"hebrew-bold", "NotoSansHebrew-Bold.ttf"},
    {"cjk", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"}, /* fonts-droid-fallback */
};
#define FACE_COUNT (sizeof faces / sizeof *faces)

struct page {
    int width, height;
    unsigned char *grey;
};

static FT_Library library;
static FT_Face loaded[FACE_COUNT];
static struct page pages[MAX_PAGES];
static int page_count;
static double dpi;
static long glyphs_checked, glyphs_failed;

static int read_pgm(const char *path, struct page *page)
{
    FILE *file = fopen(path, "rb");
    int maximum;
    if (!file || fscanf(file, "P5 %d %d %d", &page->width, &page->height, &maximum) != 3 ||
        maximum != 255 || fgetc(file) == EOF) {
        fprintf(stderr, "glyph_check: %s is not an 8-bit PGM\n", path);
        return 0;
    }
    size_t size = (size_t)page->width * (size_t)page->height;
    page->grey = malloc(size);
    int ok = page->grey && fread(page->grey, 1, size, file) == size;
    fclose(file);
    return ok;
}

static FT_Face face_named(const char *folder, const char *name)
{
    for (size_t index = 0; index < FACE_COUNT; index++) {
        if (strcmp(faces[index].face, name) != 0)
            continue;
        if (!loaded[index]) {
            char path[4096];
            if (faces[index].file[0] == '/')
                snprintf(path, sizeof path, "%s", faces[index].file);
            else
                snprintf(path, sizeof path, "%s/%s", folder, faces[index].file);
            if (FT_New_Face(library, path, 0, &loaded[index])) {
                fprintf(stderr, "glyph_check: FreeType cannot open %s\n", path);
                exit(2);
            }
        }
        return loaded[index];
    }
    return NULL;
}

static size_t decode_utf8(const char *text, uint32_t *code)
{
    const unsigned char *at = (const unsigned char *)text;
    if (at[0] < 0x80) {
        *code = at[0];
        return 1;
    }
    size_t length = at[0] >= 0xF0 ? 4 : at[0] >= 0xE0 ? 3 : 2;
    *code = at[0] & (0x3F >> (length - 1));
    for (size_t index = 1; index < length; index++)
        *code = *code << 6 | (at[index] & 0x3F);
    return length;
}

/* The glyph's advance as libharu writes it into /W [1/1000 em]. */
static long advance_thousandths(FT_Face face, FT_UInt glyph)
{
    if (FT_Load_Glyph(face, glyph, FT_LOAD_NO_SCALE))
        return 0;
    return (long)face->glyph->metrics.horiAdvance * 1000 / face->units_per_EM;
}

/* Renders glyph with its origin at (x, y) page pixels and counts the pixels
 * it inks solidly and those of them the page leaves light. */
static void compare_at(FT_Face face, FT_UInt glyph, const struct page *page, double x, double y,
                       long *solid, long *missing)
{
    FT_Vector delta = {(FT_Pos)lround((x - floor(x)) * 64), (FT_Pos)lround((floor(y) - y) * 64)};
    FT_Set_Transform(face, NULL, &delta);
    *solid = *missing = 0;
    if (FT_Load_Glyph(face, glyph, FT_LOAD_NO_HINTING | FT_LOAD_RENDER))
        return;
    const FT_Bitmap *bitmap = &face->glyph->bitmap;
    for (unsigned row = 0; row < bitmap->rows; row++)
        for (unsigned column = 0; column < bitmap->width; column++) {
            if (bitmap->buffer[row * (unsigned)bitmap->pitch + column] < SOLID)
                continue;
            long px = (long)floor(x) + face->glyph->bitmap_left + (long)column;
            long py = (long)floor(y) - face->glyph->bitmap_top + (long)row;
            (*solid)++;
            if (px < 0 || py < 0 || px >= page->width || py >= page->height ||
                page->grey[py * page->width + px] >= LIGHT)
                (*missing)++;
        }
}

/* The dump rounds positions to 0.1 pt and poppler rounds a glyph's origin
 * to a quarter pixel across and a whole pixel down: the glyph is compared
 * at each offset up to a pixel either way, and the best counts. */
#define SHIFT_STEP 0.25
#define SHIFT_REACH 1.0

static void check_glyph(FT_Face face, const struct page *page, uint32_t code, double size, double x,
                        double y, int page_number)
{
    FT_UInt glyph = FT_Get_Char_Index(face, code);
    if (glyph == 0 || code == ' ')
        return;
    FT_Set_Char_Size(face, 0, (FT_F26Dot6)lround(size * 64), (FT_UInt)dpi, (FT_UInt)dpi);
    long best_solid = 0, best_missing = -1;
    for (double dy = -SHIFT_REACH; dy <= SHIFT_REACH; dy += SHIFT_STEP)
        for (double dx = -SHIFT_REACH; dx <= SHIFT_REACH; dx += SHIFT_STEP) {
            long solid, missing;
            compare_at(face, glyph, page, x + dx, y + dy, &solid, &missing);
            if (best_missing < 0 || missing < best_missing)
                best_solid = solid, best_missing = missing;
        }
    glyphs_checked++;
    if (best_solid > 0 && (double)best_missing > MISSING_SHARE * (double)best_solid) {
        glyphs_failed++;
        printf(
            "page %d: U+%04X in %s %s %.1f pt at %.0f,%.0f px: %ld of %ld inked pixels missing\n",
            page_number, (unsigned)code, face->family_name, face->style_name, size, x, y,
            best_missing, best_solid);
    }
}

/* One line of the dump: `  text X Y FACE SIZE #RRGGBB "TEXT"`. */
static void check_item(const char *folder, const char *line, int page_number)
{
    double x, y, size;
    char face_name[64];
    if (sscanf(line, " text %lf %lf %63s %lf", &x, &y, face_name, &size) != 4)
        return;
    const char *text = strchr(line, '"'), *end = strrchr(line, '"');
    FT_Face face = face_named(folder, face_name);
    if (!text || end == text || !face || page_number < 1 || page_number > page_count)
        return;
    const struct page *page = &pages[page_number - 1];
    double scale = dpi / 72.0, pen = x;
    for (const char *at = text + 1; at < end;) {
        uint32_t code;
        at += decode_utf8(at, &code);
        check_glyph(face, page, code, size, pen * scale, y * scale, page_number);
        pen += (double)advance_thousandths(face, FT_Get_Char_Index(face, code)) * size / 1000.0;
    }
}

int main(int argc, char **argv)
{
    if (argc < 5 || argc - 4 > MAX_PAGES) {
        fprintf(stderr, "usage: glyph_check FONT_DIR DPI LAYOUT_DUMP PAGE.pgm...\n");
        return 2;
    }
    dpi = atof(argv[2]);
    for (int index = 4; index < argc; index++)
        if (!read_pgm(argv[index], &pages[page_count++]))
            return 2;
    FILE *dump = fopen(argv[3], "r");
    if (FT_Init_FreeType(&library) || !dump) {
        fprintf(stderr, "glyph_check: cannot start FreeType or read %s\n", argv[3]);
        return 2;
    }
    char line[8192];
    int page_number = 0;
    while (fgets(line, sizeof line, dump)) {
        if (sscanf(line, "page %d", &page_number) == 1)
            continue;
        check_item(argv[1], line, page_number);
    }
    fclose(dump);
    for (size_t index = 0; index < FACE_COUNT; index++)
        if (loaded[index])
            FT_Done_Face(loaded[index]);
    FT_Done_FreeType(library);
    for (int index = 0; index < page_count; index++)
        free(pages[index].grey);
    printf("glyph_check: %ld glyphs compared, %ld incomplete\n", glyphs_checked, glyphs_failed);
    return glyphs_checked == 0 || glyphs_failed ? 1 : 0;
}
