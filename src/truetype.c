/* The component closure of TrueType composite glyphs (see truetype.h).
 * Only 'head', 'maxp', 'loca' and 'glyf' are read (and the fixed fields of
 * 'hhea' and 'OS/2' for truetype_read_header); every offset is checked
 * against the file's length, so a damaged font gives fewer components,
 * never a read outside it. */
#include "truetype.h"

#include "alloc.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Largest font file read [bytes]: DroidSansFallbackFull, the largest font
 * golive uses, is 4 MiB; the CJK faces of Noto are 16 to 20 MiB. */
#define TRUETYPE_FILE_LIMIT (64u * 1024u * 1024u)

#define SFNT_HEADER 12u       /* the table directory's header [bytes] */
#define SFNT_RECORD 16u       /* one table record [bytes] */
#define HEAD_LOCA_FORMAT 50u  /* indexToLocFormat's place in 'head' */
#define HEAD_UNITS_PER_EM 18u /* unitsPerEm's place in 'head' */
#define MAXP_GLYPH_COUNT 4u   /* numGlyphs' place in 'maxp' */
#define GLYPH_HEADER 10u      /* numberOfContours and the bounding box [bytes] */

/* Composite glyph component flags (OpenType 'glyf' table). */
enum {
    ARGS_ARE_WORDS = 0x0001,
    ARGS_ARE_XY_VALUES = 0x0002,
    HAVE_SCALE = 0x0008,
    MORE_COMPONENTS = 0x0020,
    HAVE_XY_SCALE = 0x0040,
    HAVE_TWO_BY_TWO = 0x0080,
};

struct truetype_font {
    uint8_t *data;
    size_t length;
    size_t glyf, glyf_length; /* the 'glyf' table in data */
    size_t loca, loca_length;
    bool long_offsets; /* 'loca' of 32-bit offsets */
    unsigned units_per_em;
    unsigned glyph_count;
};

static unsigned read_u16(const uint8_t *at)
{
    return (unsigned)at[0] << 8 | at[1];
}

static uint32_t read_u32(const uint8_t *at)
{
    return (uint32_t)at[0] << 24 | (uint32_t)at[1] << 16 | (uint32_t)at[2] << 8 | at[3];
}

/* find_table: the offset and length of table tag; false when absent or
 * outside the file. */
static bool find_table(const struct truetype_font *font, const char *tag, size_t *offset,
                       size_t *length)
{
    unsigned tables = read_u16(font->data + 4);
    for (unsigned index = 0; index < tables; index++) {
        size_t record = SFNT_HEADER + (size_t)index * SFNT_RECORD;
        if (record + SFNT_RECORD > font->length)
            return false;
        if (memcmp(font->data + record, tag, 4) != 0)
            continue;
        uint32_t from = read_u32(font->data + record + 8),
                 size = read_u32(font->data + record + 12);
        if (from > font->length || size > font->length - from)
            return false;
        *offset = from;
        *length = size;
        return true;
    }
    return false;
}

static bool read_tables(struct truetype_font *font)
{
    size_t head, head_length, maxp, maxp_length;
    if (font->length < SFNT_HEADER || !find_table(font, "head", &head, &head_length) ||
        !find_table(font, "maxp", &maxp, &maxp_length) ||
        !find_table(font, "loca", &font->loca, &font->loca_length) ||
        !find_table(font, "glyf", &font->glyf, &font->glyf_length) ||
        head_length < HEAD_LOCA_FORMAT + 2 || maxp_length < MAXP_GLYPH_COUNT + 2)
        return false;
    font->long_offsets = read_u16(font->data + head + HEAD_LOCA_FORMAT) != 0;
    font->units_per_em = read_u16(font->data + head + HEAD_UNITS_PER_EM);
    font->glyph_count = read_u16(font->data + maxp + MAXP_GLYPH_COUNT);
    size_t entry = font->long_offsets ? 4 : 2;
    return font->loca_length / entry >= (size_t)font->glyph_count + 1;
}

/* The font whose bytes data (owned, taken over) holds. */
static struct truetype_font *adopt(uint8_t *data, size_t length)
{
    struct truetype_font *font = xcalloc(1, sizeof *font);
    font->data = data;
    font->length = length;
    if (!read_tables(font)) {
        truetype_free(font);
        return NULL;
    }
    return font;
}

struct truetype_font *truetype_from_memory(const uint8_t *data, size_t length)
{
    uint8_t *copy = xmalloc(length ? length : 1);
    memcpy(copy, data, length);
    return adopt(copy, length);
}

struct truetype_font *truetype_open(const char *path)
{
    FILE *file = fopen(path, "rb");
    if (!file)
        return NULL;
    uint8_t *data = NULL;
    size_t length = 0, capacity = 0;
    if (fseek(file, 0, SEEK_END) == 0) {
        long size = ftell(file);
        capacity = size > 0 && (unsigned long)size < TRUETYPE_FILE_LIMIT ? (size_t)size + 1 : 0;
        data = capacity ? xmalloc(capacity) : NULL;
        rewind(file);
    }
    for (;;) {
        data = xgrow(data, &capacity, length + 1, 1);
        size_t got = fread(data + length, 1, capacity - length, file);
        length += got;
        if (got == 0 || length > TRUETYPE_FILE_LIMIT)
            break;
    }
    bool failed = ferror(file) || length > TRUETYPE_FILE_LIMIT;
    fclose(file);
    if (failed) {
        free(data);
        return NULL;
    }
    return adopt(data, length);
}

void truetype_free(struct truetype_font *font)
{
    if (!font)
        return;
    free(font->data);
    free(font);
}

unsigned truetype_glyph_count(const struct truetype_font *font)
{
    return font->glyph_count;
}

/* glyph_data: where glyph's outline lies in the file; false when it is
 * empty or damaged. */
static bool glyph_data(const struct truetype_font *font, unsigned glyph, size_t *offset,
                       size_t *length)
{
    if (glyph >= font->glyph_count)
        return false;
    const uint8_t *loca = font->data + font->loca;
    size_t from, to;
    if (font->long_offsets) {
        from = read_u32(loca + 4 * (size_t)glyph);
        to = read_u32(loca + 4 * (size_t)glyph + 4);
    } else {
        from = 2 * (size_t)read_u16(loca + 2 * (size_t)glyph);
        to = 2 * (size_t)read_u16(loca + 2 * (size_t)glyph + 2);
    }
    if (to <= from || to > font->glyf_length)
        return false;
    *offset = font->glyf + from;
    *length = to - from;
    return true;
}

static bool seen(const uint16_t *list, size_t count, uint16_t glyph)
{
    for (size_t index = 0; index < count; index++)
        if (list[index] == glyph)
            return true;
    return false;
}

/* Appends the direct components of glyph that are not yet in out. */
static void direct_components(const struct truetype_font *font, uint16_t glyph, uint16_t root,
                              uint16_t *out, size_t *count)
{
    size_t offset, length;
    if (!glyph_data(font, glyph, &offset, &length) || length < GLYPH_HEADER ||
        read_u16(font->data + offset) < 0x8000) /* numberOfContours >= 0: simple */
        return;
    size_t at = GLYPH_HEADER;
    unsigned flags;
    do {
        if (length - at < 4)
            return;
        flags = read_u16(font->data + offset + at);
        uint16_t component = (uint16_t)read_u16(font->data + offset + at + 2);
        at += 4 + ((flags & ARGS_ARE_WORDS) ? 4 : 2);
        at += (flags & HAVE_SCALE)        ? 2
              : (flags & HAVE_XY_SCALE)   ? 4
              : (flags & HAVE_TWO_BY_TWO) ? 8
                                          : 0;
        if (component != root && !seen(out, *count, component) && *count < TRUETYPE_MAX_COMPONENTS)
            out[(*count)++] = component;
    } while ((flags & MORE_COMPONENTS) && at < length);
}

/* out doubles as the work list: each glyph found is itself read for
 * components once, in the order found, so there is no recursion and a
 * loop in the font ends when nothing new is found. */
size_t truetype_components(const struct truetype_font *font, uint16_t glyph,
                           uint16_t out[TRUETYPE_MAX_COMPONENTS])
{
    size_t count = 0;
    direct_components(font, glyph, glyph, out, &count);
    for (size_t next = 0; next < count; next++)
        direct_components(font, out[next], glyph, out, &count);
    return count;
}

unsigned truetype_units_per_em(const struct truetype_font *font)
{
    return font->units_per_em;
}

static int read_s16(const uint8_t *at)
{
    return (int16_t)read_u16(at);
}

/* The least each table must hold for truetype_read_header [bytes]: up to
 * the last field read (head's indexToLocFormat, hhea's numberOfHMetrics,
 * OS/2's panose, as libharu reads them). */
static const struct {
    char tag[5];
    size_t least;
} header_tables[] = {
    {"head", 54}, {"hhea", 36}, {"maxp", 6}, {"OS/2", 42}, {"cmap", 4},
    {"name", 6},  {"hmtx", 0},  {"loca", 0}, {"glyf", 0},
};

enum { HEAD, HHEA, MAXP, OS2, CMAP, NAME, HMTX, LOCA, GLYF, HEADER_TABLES };

static void read_header_values(const uint8_t *data, const size_t *at, struct truetype_header *out)
{
    out->units_per_em = read_u16(data + at[HEAD] + HEAD_UNITS_PER_EM);
    out->x_min = read_s16(data + at[HEAD] + 36);
    out->y_min = read_s16(data + at[HEAD] + 38);
    out->x_max = read_s16(data + at[HEAD] + 40);
    out->y_max = read_s16(data + at[HEAD] + 42);
    out->ascender = read_s16(data + at[HHEA] + 4);
    out->descender = read_s16(data + at[HHEA] + 6);
    out->h_metric_count = read_u16(data + at[HHEA] + 34);
    out->glyph_count = read_u16(data + at[MAXP] + MAXP_GLYPH_COUNT);
    out->embedding = read_u16(data + at[OS2] + 8);
    out->family_class = data[at[OS2] + 30];
}

enum truetype_header_status truetype_read_header(const uint8_t *data, size_t length,
                                                 struct truetype_header *out)
{
    /* a view of the caller's bytes, only read */
    const struct truetype_font view = {.data = (uint8_t *)data, .length = length};
    size_t at[HEADER_TABLES], size[HEADER_TABLES];
    if (length < SFNT_HEADER)
        return TRUETYPE_HEADER_MISSING_TABLE;
    for (size_t table = 0; table < HEADER_TABLES; table++) {
        if (!find_table(&view, header_tables[table].tag, &at[table], &size[table]))
            return TRUETYPE_HEADER_MISSING_TABLE;
        if (size[table] < header_tables[table].least)
            return TRUETYPE_HEADER_DAMAGED;
    }
    read_header_values(data, at, out);
    size_t glyphs = out->glyph_count, metrics = out->h_metric_count;
    size_t loca_entry = read_u16(data + at[HEAD] + HEAD_LOCA_FORMAT) ? 4 : 2;
    if (out->units_per_em == 0 || metrics == 0 || metrics > glyphs ||
        size[HMTX] < 4 * metrics + 2 * (glyphs - metrics) || size[LOCA] < loca_entry * (glyphs + 1))
        return TRUETYPE_HEADER_DAMAGED;
    return TRUETYPE_HEADER_OK;
}

/* Simple glyph point flags (OpenType 'glyf' table). */
enum {
    ON_CURVE = 0x01,
    X_SHORT = 0x02,
    Y_SHORT = 0x04,
    REPEAT = 0x08,
    X_SAME_OR_POSITIVE = 0x10,
    Y_SAME_OR_POSITIVE = 0x20,
};

/* A simple glyph's data as read: the cursor over it and its end. */
struct glyph_reader {
    const uint8_t *at, *end;
};

static bool take(struct glyph_reader *reader, size_t count, const uint8_t **bytes)
{
    if ((size_t)(reader->end - reader->at) < count)
        return false;
    *bytes = reader->at;
    reader->at += count;
    return true;
}

/* Reads the coordinates of one axis into the points, as deltas from the
 * point before; short_flag and same_flag are the axis's flags. */
static bool read_axis(struct glyph_reader *reader, struct truetype_point *points, size_t count,
                      const uint8_t *flags, unsigned short_flag, unsigned same_flag, bool is_x)
{
    int value = 0;
    for (size_t index = 0; index < count; index++) {
        const uint8_t *bytes;
        if (flags[index] & short_flag) {
            if (!take(reader, 1, &bytes))
                return false;
            value += (flags[index] & same_flag) ? bytes[0] : -(int)bytes[0];
        } else if (!(flags[index] & same_flag)) {
            if (!take(reader, 2, &bytes))
                return false;
            value += (int16_t)read_u16(bytes);
        }
        if (is_x)
            points[index].x = (int16_t)value;
        else
            points[index].y = (int16_t)value;
    }
    return true;
}

/* Reads the flags, one per point, with their repeat counts. */
static bool read_flags(struct glyph_reader *reader, uint8_t *flags, size_t count)
{
    for (size_t index = 0; index < count;) {
        const uint8_t *bytes, *repeat;
        if (!take(reader, 1, &bytes))
            return false;
        flags[index++] = bytes[0];
        if (!(bytes[0] & REPEAT))
            continue;
        if (!take(reader, 1, &repeat))
            return false;
        for (unsigned times = 0; times < repeat[0] && index < count; times++)
            flags[index++] = bytes[0];
    }
    return true;
}

/* The points of a simple glyph into out[0..room); 0 for any other. */
static size_t simple_outline(const struct truetype_font *font, uint16_t glyph,
                             struct truetype_point *out, size_t room)
{
    size_t offset, length;
    if (!glyph_data(font, glyph, &offset, &length) || length < GLYPH_HEADER)
        return 0;
    unsigned contours = read_u16(font->data + offset);
    if (contours == 0 || contours >= 0x8000) /* empty, or composite */
        return 0;
    struct glyph_reader reader = {font->data + offset + GLYPH_HEADER, font->data + offset + length};
    const uint8_t *ends, *instructions_length, *instructions;
    if (!take(&reader, 2 * (size_t)contours, &ends) || !take(&reader, 2, &instructions_length) ||
        !take(&reader, read_u16(instructions_length), &instructions))
        return 0;
    size_t count = (size_t)read_u16(ends + 2 * (size_t)(contours - 1)) + 1;
    if (count > room)
        return 0;
    uint8_t flags[TRUETYPE_MAX_POINTS];
    if (!read_flags(&reader, flags, count) ||
        !read_axis(&reader, out, count, flags, X_SHORT, X_SAME_OR_POSITIVE, true) ||
        !read_axis(&reader, out, count, flags, Y_SHORT, Y_SAME_OR_POSITIVE, false))
        return 0;
    for (size_t index = 0; index < count; index++) {
        out[index].on_curve = flags[index] & ON_CURVE;
        out[index].contour_end = 0;
    }
    for (unsigned contour = 0; contour < contours; contour++) {
        size_t end = read_u16(ends + 2 * (size_t)contour);
        if (end >= count)
            return 0;
        out[end].contour_end = 1;
    }
    return count;
}

/* A component placed in the composite's space: x' = a x + c y + e,
 * y' = b x + d y + f, in design units. */
struct placement {
    uint16_t glyph;
    float a, b, c, d, e, f;
};

static float read_f2dot14(const uint8_t *at)
{
    return (float)(int16_t)read_u16(at) / 16384.0f;
}

/* The component record at data[at..length) of a composite placed by
 * parent: its placement; false when damaged or placed by matching points
 * (which the watermark's letters do not use). */
static bool read_component(const uint8_t *data, size_t length, size_t *at, unsigned *flags,
                           const struct placement *parent, struct placement *child)
{
    if (length - *at < 4)
        return false;
    *flags = read_u16(data + *at);
    child->glyph = (uint16_t)read_u16(data + *at + 2);
    size_t args = (*flags & ARGS_ARE_WORDS) ? 4 : 2;
    size_t scale = (*flags & HAVE_SCALE)        ? 2
                   : (*flags & HAVE_XY_SCALE)   ? 4
                   : (*flags & HAVE_TWO_BY_TWO) ? 8
                                                : 0;
    if (length - *at - 4 < args + scale || !(*flags & ARGS_ARE_XY_VALUES))
        return false;
    const uint8_t *arg = data + *at + 4, *m = arg + args;
    float dx = (*flags & ARGS_ARE_WORDS) ? (float)(int16_t)read_u16(arg) : (float)(int8_t)arg[0];
    float dy =
        (*flags & ARGS_ARE_WORDS) ? (float)(int16_t)read_u16(arg + 2) : (float)(int8_t)arg[1];
    float a = 1, b = 0, c = 0, d = 1;
    if (*flags & HAVE_SCALE)
        a = d = read_f2dot14(m);
    else if (*flags & HAVE_XY_SCALE)
        a = read_f2dot14(m), d = read_f2dot14(m + 2);
    else if (*flags & HAVE_TWO_BY_TWO)
        a = read_f2dot14(m), b = read_f2dot14(m + 2), c = read_f2dot14(m + 4),
        d = read_f2dot14(m + 6);
    *child = (struct placement){child->glyph,
                                parent->a * a + parent->c * b,
                                parent->b * a + parent->d * b,
                                parent->a * c + parent->c * d,
                                parent->b * c + parent->d * d,
                                parent->a * dx + parent->c * dy + parent->e,
                                parent->b * dx + parent->d * dy + parent->f};
    *at += 4 + args + scale;
    return true;
}

/* Moves the points [first, end) of out to where placement puts them. */
static void place_points(struct truetype_point *out, size_t first, size_t end,
                         const struct placement *placement)
{
    for (size_t index = first; index < end; index++) {
        float x = out[index].x, y = out[index].y;
        out[index].x = (int16_t)lroundf(placement->a * x + placement->c * y + placement->e);
        out[index].y = (int16_t)lroundf(placement->b * x + placement->d * y + placement->f);
    }
}

/* A composite glyph's components go on the work list, placed. */
static bool push_components(const struct truetype_font *font, const struct placement *parent,
                            struct placement *work, size_t *pending, size_t *visited)
{
    size_t offset, length;
    if (!glyph_data(font, parent->glyph, &offset, &length) || length < GLYPH_HEADER)
        return false;
    size_t at = GLYPH_HEADER;
    unsigned flags;
    do {
        if (*pending >= TRUETYPE_MAX_COMPONENTS || ++*visited > TRUETYPE_MAX_COMPONENTS ||
            !read_component(font->data + offset, length, &at, &flags, parent, &work[*pending]))
            return false;
        (*pending)++;
    } while ((flags & MORE_COMPONENTS) && at < length);
    return true;
}

static bool is_composite(const struct truetype_font *font, uint16_t glyph)
{
    size_t offset, length;
    return glyph_data(font, glyph, &offset, &length) && length >= GLYPH_HEADER &&
           read_u16(font->data + offset) >= 0x8000;
}

/* Composites are resolved with a work list of placed components, no
 * recursion; a font that loops or nests beyond TRUETYPE_MAX_COMPONENTS
 * glyphs gives 0. */
size_t truetype_outline(const struct truetype_font *font, uint16_t glyph,
                        struct truetype_point *out)
{
    if (!is_composite(font, glyph))
        return simple_outline(font, glyph, out, TRUETYPE_MAX_POINTS);
    struct placement work[TRUETYPE_MAX_COMPONENTS];
    size_t pending = 0, visited = 0, count = 0;
    struct placement root = {glyph, 1, 0, 0, 1, 0, 0};
    if (!push_components(font, &root, work, &pending, &visited))
        return 0;
    while (pending > 0) {
        struct placement item = work[--pending];
        if (is_composite(font, item.glyph)) {
            if (!push_components(font, &item, work, &pending, &visited))
                return 0;
            continue;
        }
        size_t added = simple_outline(font, item.glyph, out + count, TRUETYPE_MAX_POINTS - count);
        place_points(out, count, count + added, &item);
        count += added;
    }
    return count;
}
