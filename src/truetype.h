/* Reading what golive needs from a TrueType font file by itself, without
 * libharu: glyph outlines, for the watermark the PDF device draws as shapes
 * (a composite glyph, an accented capital, from its components placed as
 * the font says, at every depth). truetype_components lists which glyphs a
 * composite is built from; the device no longer uses it (HarfBuzz's
 * subsetter embeds each composite's whole closure, which libharu 2.3.0 did
 * not: libharu issue #79), only its unit test does. */
#ifndef GOLIVE_TRUETYPE_H
#define GOLIVE_TRUETYPE_H

#include <stddef.h>
#include <stdint.h>

struct truetype_font;

/* truetype_from_memory: the glyph outlines of the font in data[0..length)
 * (copied), or NULL when it is not a TrueType font with 'glyf' and 'loca'
 * tables that lie inside the file. */
struct truetype_font *truetype_from_memory(const uint8_t *data, size_t length);
/* truetype_open: the same from the file at path; NULL when unreadable. */
struct truetype_font *truetype_open(const char *path);
void truetype_free(struct truetype_font *font);

/* truetype_glyph_count: the glyphs the font holds (maxp's numGlyphs). */
unsigned truetype_glyph_count(const struct truetype_font *font);

/* Most glyphs one composite may be built from, at all depths together. The
 * deepest accented letters in Noto and DejaVu use 4; a font that loops (a
 * glyph among its own components) or nests absurdly stops here. */
#define TRUETYPE_MAX_COMPONENTS 64u

/* truetype_components: writes every glyph that glyph draws through its
 * components, at any depth, each once and not glyph itself, into
 * out[0..TRUETYPE_MAX_COMPONENTS); returns how many. 0 for a simple glyph,
 * an empty one, or one outside the font. */
size_t truetype_components(const struct truetype_font *font, uint16_t glyph,
                           uint16_t out[TRUETYPE_MAX_COMPONENTS]);

/* The font-wide values of a TrueType file that no HarfBuzz call gives as
 * the file holds them (head's box, hhea's ascender and descender, which
 * HarfBuzz replaces by OS/2's when the font asks it to, OS/2's embedding
 * permissions and family class), and the counts the other tables' sizes
 * are checked against. Values in design units. */
struct truetype_header {
    unsigned units_per_em, glyph_count, h_metric_count;
    int x_min, y_min, x_max, y_max; /* head: the box of all glyphs */
    int ascender, descender;        /* hhea */
    unsigned embedding;             /* OS/2's fsType */
    unsigned family_class;          /* OS/2's sFamilyClass, its class (high byte) */
};

enum truetype_header_status {
    TRUETYPE_HEADER_OK,
    TRUETYPE_HEADER_MISSING_TABLE, /* head, hhea, maxp, OS/2, cmap, name, hmtx, loca or glyf
                                      is absent or lies outside the file */
    TRUETYPE_HEADER_DAMAGED,       /* a table too short for what it must hold */
};

/* truetype_read_header: the header values of the font in data[0..length)
 * (not copied), after checking that every table a PDF font needs is there
 * and long enough for the glyph count. */
enum truetype_header_status truetype_read_header(const uint8_t *data, size_t length,
                                                 struct truetype_header *out);

/* truetype_units_per_em: the design units in one em (head's unitsPerEm). */
unsigned truetype_units_per_em(const struct truetype_font *font);

/* One point of a glyph's outline, in design units. */
struct truetype_point {
    int16_t x, y;
    uint8_t on_curve;    /* 0: the control point of a quadratic curve */
    uint8_t contour_end; /* the last point of its contour */
};

/* Most points of one glyph outline read (maxp allows 65,535; the letters
 * of Noto and DejaVu have well under 200). */
#define TRUETYPE_MAX_POINTS 4096u

/* truetype_outline: the points of glyph's contours into
 * out[0..TRUETYPE_MAX_POINTS); returns how many. A composite glyph (an
 * accented capital) gives the points of its components, each moved and
 * scaled as the composite places it, at any depth. 0 for an empty,
 * damaged or too large glyph, or a component placed by matching points. */
size_t truetype_outline(const struct truetype_font *font, uint16_t glyph,
                        struct truetype_point *out);

#endif
