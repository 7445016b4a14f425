/* The typefaces golive typesets with, named by role. The layout engine asks
 * for a face; the PDF device maps each to a font file under fonts/ and
 * answers for glyphs the face lacks with a fallback face (font_fallback.h). */
#ifndef GOLIVE_FONT_FACE_H
#define GOLIVE_FONT_FACE_H

#include <stdbool.h>
#include <stdint.h>

enum font_face {
    FACE_SANS,
    FACE_SANS_BOLD,
    FACE_SANS_ITALIC,
    FACE_SANS_BOLD_ITALIC,
    FACE_MONO,
    FACE_MONO_BOLD,
    FACE_SYMBOL, /* fallback for arrows, ballot boxes, check marks, box drawing */
    FACE_ARABIC, /* fallbacks by script (font_fallback.h) */
    FACE_ARABIC_BOLD,
    FACE_HEBREW,
    FACE_HEBREW_BOLD,
    FACE_CJK, /* a system font, when installed */
    FACE_COUNT,
    FACE_NONE = FACE_COUNT /* no face has the glyph */
};

/* What the device knows of one character in one face: the face that really
 * draws it (the face asked for, or its fallback) and its advance width. */
struct glyph_metrics {
    enum font_face face; /* FACE_NONE when no face has it */
    uint16_t advance;    /* [1/1000 em] */
};

/* Advances are in thousandths of an em; at a font size [pt] one is this
 * wide [pt]. */
#define EM_UNITS 1000.0f

static inline float advance_width(unsigned advance, float size)
{
    return (float)advance * size / EM_UNITS;
}

/* The measuring interface the layout engine is given: a width per code
 * point, answered from the device's cache. Tests pass a fixed-width fake. */
struct text_measurer {
    void *context;
    struct glyph_metrics (*glyph)(void *context, enum font_face face, uint32_t code_point);
};

#endif
