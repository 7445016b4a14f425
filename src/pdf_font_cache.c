/* Font files read once for many documents, and libharu's definitions made
 * of them (see pdf_font_cache.h). */
#include "pdf_font_cache.h"

#include "alloc.h"
#include "pdf_font_metrics.h"
#include "pdf_libharu_private.h"
#include "truetype.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Font files above this size are not fonts golive ships or finds. */
#define FONT_FILE_LIMIT ((size_t)64 << 20)

#define CODE_POINTS 0x10000u /* libharu's codes: the BMP */

/* A font file in memory. */
struct font_bytes {
    const unsigned char *data; /* the file mapped, read-only: only the pages
                                  read take memory */
    size_t length;
};

/* The tables of a definition's record (HPDF_TTFontDefAttr), owned here
 * rather than by libharu: its character map as two format 4 segments, the
 * first mapping each code through glyph_ids (id_range_offset 4 makes
 * libharu's index the code itself), the second the closing 0xFFFF; a
 * code's glyph id filled in when the code is first asked (known), as are
 * the advances of the glyphs named. */
struct font_tables {
    HPDF_UINT16 end_count[2], start_count[2], id_range_offset[2];
    HPDF_INT16 id_delta[2];
    HPDF_UINT16 glyph_ids[CODE_POINTS];
    uint8_t known[CODE_POINTS / 8];
    HPDF_TTF_LongHorMetric *advances; /* one per glyph */
    HPDF_BYTE *glyph_flags;           /* one per glyph, as libharu marks them */
};

struct cached_font {
    char *path;
    struct font_bytes file;
    struct pdf_font_metrics *metrics; /* HarfBuzz's reading of file */
    struct font_tables *tables;
    HPDF_FontDef definition; /* NULL: the file could not be read or used */
    HPDF_STATUS error;       /* libharu's code for why it cannot be used */
};

struct pdf_font_cache {
    HPDF_Error_Rec error; /* the memory manager's and the definitions' */
    HPDF_MMgr memory;
    struct cached_font *fonts;
    size_t count, capacity;
};

/* The file at path mapped into file; false when it cannot be. */
static bool map_font_file(const char *path, struct font_bytes *file)
{
    int descriptor = open(path, O_RDONLY | O_CLOEXEC);
    struct stat status;
    if (descriptor < 0)
        return false;
    bool regular = fstat(descriptor, &status) == 0 && S_ISREG(status.st_mode) &&
                   status.st_size > 0 && (uint64_t)status.st_size <= FONT_FILE_LIMIT;
    void *data = regular ? mmap(NULL, (size_t)status.st_size, PROT_READ, MAP_PRIVATE, descriptor, 0)
                         : MAP_FAILED;
    close(descriptor);
    if (data == MAP_FAILED)
        return false;
    *file = (struct font_bytes){.data = data, .length = (size_t)status.st_size};
    return true;
}

static void unmap_font_file(struct font_bytes *file)
{
    if (file->data)
        munmap((void *)file->data, file->length);
}

struct pdf_font_cache *pdf_font_cache_new(void)
{
    struct pdf_font_cache *cache = xcalloc(1, sizeof *cache);
    HPDF_Error_Init(&cache->error, NULL);
    cache->memory = HPDF_MMgr_New(&cache->error, 0, NULL, NULL);
    if (!cache->memory)
        fatal_out_of_memory(sizeof(HPDF_MMgr_Rec));
    return cache;
}

/* Frees font's definition (the tables it borrows from font->tables taken
 * out of it first, which libharu would free as its own) and the tables. */
static void drop_definition(struct cached_font *font)
{
    if (font->definition) {
        HPDF_TTFontDefAttr attr = font->definition->attr;
        attr->cmap = (HPDF_TTF_CmapRange){0};
        attr->h_metric = NULL;
        attr->glyph_tbl.flgs = NULL;
        HPDF_FontDef_Free(font->definition);
        font->definition = NULL;
    }
    if (font->tables) {
        free(font->tables->advances);
        free(font->tables->glyph_flags);
        free(font->tables);
        font->tables = NULL;
    }
}

static void free_font(struct cached_font *font)
{
    drop_definition(font);
    pdf_font_metrics_free(font->metrics);
    unmap_font_file(&font->file);
    free(font->path);
}

void pdf_font_cache_free(struct pdf_font_cache *cache)
{
    if (!cache)
        return;
    for (size_t index = 0; index < cache->count; index++)
        free_font(&cache->fonts[index]);
    free(cache->fonts);
    HPDF_MMgr_Free(cache->memory);
    free(cache);
}

/* The glyph id and advance of code in font's definition, filled in when
 * the code is first asked. */
static HPDF_UINT16 learn_code(struct cached_font *font, HPDF_UINT16 code)
{
    struct font_tables *tables = font->tables;
    uint8_t bit = (uint8_t)(1u << (code % 8));
    if (tables->known[code / 8] & bit)
        return tables->glyph_ids[code];
    tables->known[code / 8] |= bit;
    HPDF_UINT16 glyph = code == 0xFFFF ? 0 : pdf_font_metrics_glyph(font->metrics, code);
    tables->glyph_ids[code] = glyph;
    if (glyph < ((HPDF_TTFontDefAttr)font->definition->attr)->num_glyphs)
        tables->advances[glyph].advance_width =
            (HPDF_UINT16)pdf_font_metrics_advance(font->metrics, glyph);
    return glyph;
}

/* The character map and advance tables of the definition (see struct
 * font_tables), empty until codes are asked. */
static void attach_tables(struct cached_font *font, unsigned glyph_count)
{
    struct font_tables *tables = font->tables = xcalloc(1, sizeof *tables);
    tables->advances = xcalloc(glyph_count ? glyph_count : 1, sizeof *tables->advances);
    tables->glyph_flags = xcalloc(glyph_count ? glyph_count : 1, 1);
    tables->glyph_flags[0] = 1; /* libharu always embeds the missing glyph */
    tables->end_count[0] = 0xFFFE;
    tables->end_count[1] = tables->start_count[1] = 0xFFFF;
    tables->id_range_offset[0] = 4;
    tables->id_delta[1] = 1;
    HPDF_TTFontDefAttr attr = font->definition->attr;
    attr->cmap = (HPDF_TTF_CmapRange){.format = 4,
                                      .seg_count_x2 = 4,
                                      .end_count = tables->end_count,
                                      .start_count = tables->start_count,
                                      .id_delta = tables->id_delta,
                                      .id_range_offset = tables->id_range_offset,
                                      .glyph_id_array = tables->glyph_ids,
                                      .glyph_id_array_count = CODE_POINTS};
    attr->h_metric = tables->advances;
    attr->glyph_tbl.flgs = tables->glyph_flags;
    attr->num_glyphs = (HPDF_UINT16)glyph_count;
}

/* value [design units] in thousandths of an em, as libharu scales. */
static HPDF_INT32 per_mille(int value, unsigned units_per_em)
{
    return (HPDF_INT32)value * 1000 / (HPDF_INT32)units_per_em;
}

/* The name libharu gives the face: its PostScript name, and when its
 * subfamily is not "Regular", a comma and the subfamily up to its first
 * space (ParseName copies no further); the subfamily also sets the bold
 * and italic flags. HPDF_TTF_INVALID_FOMAT when a name is missing or the
 * two are too long together. */
static HPDF_STATUS name_font(struct cached_font *font)
{
    HPDF_FontDef definition = font->definition;
    HPDF_TTFontDefAttr attr = definition->attr;
    char postscript[HPDF_LIMIT_MAX_NAME_LEN + 1] = {0};
    char subfamily[HPDF_LIMIT_MAX_NAME_LEN + 1] = {0};
    if (!pdf_font_metrics_name(font->metrics, PDF_FONT_NAME_POSTSCRIPT, postscript,
                               sizeof postscript) ||
        !pdf_font_metrics_name(font->metrics, PDF_FONT_NAME_SUBFAMILY, subfamily,
                               sizeof subfamily) ||
        strlen(postscript) + strlen(subfamily) + 8 > 127)
        return HPDF_TTF_INVALID_FOMAT;
    memcpy(attr->base_font, postscript, sizeof postscript);
    if (memcmp(subfamily, "Regular", 7) != 0) {
        size_t length = strlen(attr->base_font);
        attr->base_font[length] = ',';
        size_t style = strcspn(subfamily, " ");
        memcpy(attr->base_font + length + 1, subfamily, style);
        attr->base_font[length + 1 + style] = 0;
        if (strstr(subfamily, "Bold"))
            definition->flags |= HPDF_FONT_FOURCE_BOLD;
        if (strstr(subfamily, "Italic"))
            definition->flags |= HPDF_FONT_ITALIC;
    }
    memcpy(definition->base_font, attr->base_font, sizeof attr->base_font);
    return HPDF_OK;
}

/* The flags OS/2's family class sets (ParseOS2). */
static HPDF_UINT class_flags(unsigned family_class)
{
    if ((family_class > 0 && family_class < 6) || family_class == 7)
        return HPDF_FONT_SERIF;
    return family_class == 10 ? HPDF_FONT_SCRIPT : family_class == 12 ? HPDF_FONT_SYMBOLIC : 0;
}

/* The top of code's glyph in thousandths of an em, as libharu measures
 * the cap and x heights (HPDF_TTFontDef_GetCharBBox): 0 without a glyph. */
static HPDF_UINT16 top_of(struct cached_font *font, HPDF_UINT16 code, unsigned em)
{
    HPDF_UINT16 glyph = learn_code(font, code);
    HPDF_REAL top =
        glyph ? (HPDF_REAL)per_mille(pdf_font_metrics_top(font->metrics, glyph), em) : 0;
    return (HPDF_UINT16)top;
}

/* The definition's metrics, as libharu's loader computes them. */
static void measure_font(struct cached_font *font, const struct truetype_header *header)
{
    HPDF_FontDef definition = font->definition;
    HPDF_TTFontDefAttr attr = definition->attr;
    unsigned em = header->units_per_em;
    attr->header.units_per_em = (HPDF_UINT16)em;
    attr->num_h_metric = (HPDF_UINT16)header->h_metric_count;
    attr->fs_type = (HPDF_UINT16)header->embedding;
    attr->sfamilyclass[0] = (HPDF_BYTE)header->family_class;
    definition->font_bbox = (HPDF_Box){
        (HPDF_REAL)per_mille(header->x_min, em), (HPDF_REAL)per_mille(header->y_min, em),
        (HPDF_REAL)per_mille(header->x_max, em), (HPDF_REAL)per_mille(header->y_max, em)};
    definition->ascent = (HPDF_INT16)per_mille(header->ascender, em);
    definition->descent = (HPDF_INT16)per_mille(header->descender, em);
    definition->flags |= class_flags(header->family_class);
    definition->cap_height = top_of(font, 'H', em);
    definition->x_height = top_of(font, 'x', em);
    definition->missing_width =
        (HPDF_INT16)((HPDF_UINT32)pdf_font_metrics_advance(font->metrics, 0) * 1000 / em);
    font->tables->advances[0].advance_width =
        (HPDF_UINT16)pdf_font_metrics_advance(font->metrics, 0);
}

/* Fonts whose licence forbids embedding them (OS/2 fsType: restricted,
 * bitmap only), which libharu refuses. */
#define EMBEDDING_FORBIDDEN (0x0002u | 0x0100u | 0x0200u)

static HPDF_STATUS header_error(enum truetype_header_status status)
{
    return status == TRUETYPE_HEADER_MISSING_TABLE ? HPDF_TTF_MISSING_TABLE
                                                   : HPDF_TTF_INVALID_FOMAT;
}

/* libharu's definition of font's file, made as HPDF_TTFontDef_Load would
 * make it for what golive and libharu read of it (the name, the metrics
 * the font descriptor prints, the glyph and advance of each code asked),
 * from the values HarfBuzz and truetype.h read, in the cache's memory
 * manager. Sets font->error and leaves the definition NULL when libharu
 * would refuse the font. */
static void define_font(struct pdf_font_cache *cache, struct cached_font *font)
{
    struct truetype_header header;
    enum truetype_header_status status =
        truetype_read_header(font->file.data, font->file.length, &header);
    if (status != TRUETYPE_HEADER_OK) {
        font->error = header_error(status);
        return;
    }
    if (header.embedding & EMBEDDING_FORBIDDEN) {
        font->error = HPDF_TTF_CANNOT_EMBEDDING_FONT;
        return;
    }
    font->definition = HPDF_TTFontDef_New(cache->memory);
    if (!font->definition)
        fatal_out_of_memory(sizeof(HPDF_FontDef_Rec));
    font->metrics = pdf_font_metrics_new(font->file.data, font->file.length);
    attach_tables(font, header.glyph_count);
    font->error = name_font(font);
    if (font->error == HPDF_OK)
        measure_font(font, &header);
    else
        drop_definition(font);
}

/* The cache's entry for path, read and parsed when first asked. */
static struct cached_font *cached_font(struct pdf_font_cache *cache, const char *path)
{
    for (size_t index = 0; index < cache->count; index++)
        if (strcmp(cache->fonts[index].path, path) == 0)
            return &cache->fonts[index];
    struct cached_font font = {.path = xstrdup(path)};
    if (map_font_file(path, &font.file))
        define_font(cache, &font);
    cache->fonts = xgrow(cache->fonts, &cache->capacity, cache->count + 1, sizeof *cache->fonts);
    cache->fonts[cache->count] = font;
    return &cache->fonts[cache->count++];
}

/* The document's next subset tag, "HPDFAA" first, as
 * HPDF_LoadTTFontFromFile hands them out (LoadTTFontFromStream). */
static void next_tag(HPDF_Doc document)
{
    if (document->ttfont_tag[0] == 0) {
        memcpy(document->ttfont_tag, "HPDFAA", 6);
        return;
    }
    for (int index = 5; index >= 0; index--) {
        if (++document->ttfont_tag[index] <= 'Z')
            return;
        document->ttfont_tag[index] = 'A';
    }
}

HPDF_FontDef pdf_font_cache_lend(struct pdf_font_cache *cache, const char *path, HPDF_Doc document,
                                 HPDF_STATUS *error)
{
    struct cached_font *font = cached_font(cache, path);
    *error = font->error;
    if (!font->definition)
        return NULL;
    if (HPDF_Doc_FindFontDef(document, font->definition->base_font)) {
        *error = HPDF_FONT_EXISTS; /* as libharu refuses a font loaded twice */
        return NULL;
    }
    if (HPDF_List_Add(document->fontdef_list, font->definition) != HPDF_OK)
        fatal_out_of_memory(sizeof font->definition);
    next_tag(document);
    char tag[7] = {0};
    memcpy(tag, document->ttfont_tag, 6);
    HPDF_TTFontDef_SetTagName(font->definition, tag);
    return font->definition;
}

void pdf_font_cache_give_back(struct pdf_font_cache *cache, HPDF_Doc document)
{
    for (size_t index = 0; index < cache->count; index++)
        if (cache->fonts[index].definition)
            HPDF_List_Remove(document->fontdef_list, cache->fonts[index].definition);
}

/* The cache's entry whose definition this is; NULL when none. */
static struct cached_font *font_of(struct pdf_font_cache *cache, HPDF_FontDef definition)
{
    for (size_t index = 0; index < cache->count; index++)
        if (cache->fonts[index].definition == definition)
            return &cache->fonts[index];
    return NULL;
}

HPDF_UINT16 pdf_font_cache_glyph(struct pdf_font_cache *cache, HPDF_FontDef definition,
                                 HPDF_UINT16 code)
{
    struct cached_font *font = font_of(cache, definition);
    return font ? learn_code(font, code) : 0;
}
