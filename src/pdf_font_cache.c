/* Font files read and parsed once for many documents (see
 * pdf_font_cache.h). */
#include "pdf_font_cache.h"

#include "alloc.h"
#include "pdf_libharu_private.h"

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

/* A font file in memory, read by libharu through a callback stream. */
struct font_bytes {
    const unsigned char *data; /* the file mapped, read-only: only the pages
                                  libharu reads take memory */
    size_t length, position;
};

struct cached_font {
    char *path;
    struct font_bytes *file; /* what the definition's stream reads */
    HPDF_FontDef definition; /* NULL: the file could not be read or parsed */
    HPDF_STATUS error;       /* libharu's code when it could not parse it */
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

void pdf_font_cache_free(struct pdf_font_cache *cache)
{
    if (!cache)
        return;
    for (size_t index = 0; index < cache->count; index++) {
        if (cache->fonts[index].definition)
            HPDF_FontDef_Free(cache->fonts[index].definition);
        free(cache->fonts[index].path);
        if (cache->fonts[index].file)
            unmap_font_file(cache->fonts[index].file);
        free(cache->fonts[index].file);
    }
    free(cache->fonts);
    HPDF_MMgr_Free(cache->memory);
    free(cache);
}

/* The stream's functions over struct font_bytes: libharu's own memory
 * stream copies a byte at a time (HPDF_MemCpy), and writing the file into
 * it costs more than reading the file with fread. */
static HPDF_STATUS read_bytes(HPDF_Stream stream, HPDF_BYTE *out, HPDF_UINT *size)
{
    struct font_bytes *file = stream->attr;
    size_t left = file->length - file->position;
    bool short_read = *size > left;
    if (short_read)
        *size = (HPDF_UINT)left;
    memcpy(out, file->data + file->position, *size);
    file->position += *size;
    return short_read ? HPDF_SetError(stream->error, HPDF_STREAM_EOF, 0) : HPDF_OK;
}

static HPDF_STATUS seek_bytes(HPDF_Stream stream, HPDF_INT position, HPDF_WhenceMode mode)
{
    struct font_bytes *file = stream->attr;
    long long target = mode == HPDF_SEEK_CUR   ? (long long)file->position + position
                       : mode == HPDF_SEEK_END ? (long long)file->length + position
                                               : (long long)position;
    if (target < 0 || target > (long long)file->length)
        return HPDF_SetError(stream->error, HPDF_STREAM_EOF, 0);
    file->position = (size_t)target;
    return HPDF_OK;
}

static HPDF_INT32 tell_bytes(HPDF_Stream stream)
{
    return (HPDF_INT32)((struct font_bytes *)stream->attr)->position;
}

static HPDF_UINT32 size_bytes(HPDF_Stream stream)
{
    return (HPDF_UINT32)((struct font_bytes *)stream->attr)->length;
}

/* libharu's definition of the font in file, parsed from memory in the
 * cache's memory manager (the stream stays with the definition, as
 * HPDF_LoadTTFontFromFile keeps its file for embedding). */
static HPDF_FontDef parse_font(struct pdf_font_cache *cache, struct font_bytes *file,
                               HPDF_STATUS *error)
{
    HPDF_Error_Reset(&cache->error);
    HPDF_Stream stream = HPDF_CallbackReader_New(cache->memory, read_bytes, seek_bytes, tell_bytes,
                                                 size_bytes, file);
    if (!stream)
        fatal_out_of_memory(sizeof(HPDF_Stream_Rec));
    HPDF_FontDef definition = HPDF_TTFontDef_Load(cache->memory, stream, HPDF_TRUE);
    *error = definition ? HPDF_OK : HPDF_Error_GetCode(&cache->error);
    if (!definition && *error == HPDF_OK)
        *error = HPDF_TTF_INVALID_FOMAT;
    return definition;
}

/* The cache's entry for path, read and parsed when first asked. */
static struct cached_font *cached_font(struct pdf_font_cache *cache, const char *path)
{
    for (size_t index = 0; index < cache->count; index++)
        if (strcmp(cache->fonts[index].path, path) == 0)
            return &cache->fonts[index];
    struct cached_font font = {.path = xstrdup(path), .file = xcalloc(1, sizeof *font.file)};
    if (map_font_file(path, font.file))
        font.definition = parse_font(cache, font.file, &font.error);
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
