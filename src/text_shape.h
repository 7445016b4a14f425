/* Right-to-left text through GNU FriBidi: the Unicode bidirectional
 * algorithm for a paragraph (its direction and each character's embedding
 * level), Arabic joining and shaping to presentation forms (lam-alef
 * ligatures included), mirrored brackets, and the reordering of a line
 * into the order it is drawn in, left to right. The typesetter draws the
 * shaped forms in visual order; the PDF's Unicode map gives the letters
 * back (pdf_device.c), and readers' own bidi gives logical order back. */
#ifndef GOLIVE_TEXT_SHAPE_H
#define GOLIVE_TEXT_SHAPE_H

#include "buffer.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* text_shape_wanted: text[0..length) holds a right-to-left character (or
 * a direction mark): only then is the bidi algorithm needed. */
bool text_shape_wanted(const char *text, size_t length);

struct text_shaping {
    uint32_t *text;  /* shaped, in logical order */
    uint8_t *levels; /* the embedding level of each */
    size_t count;
    bool right_to_left; /* the paragraph's direction, from its first strong letter */
};

enum text_shape_mode {
    TEXT_SHAPE_LEVELS,    /* levels only; the text is copied */
    TEXT_SHAPE_FORMS,     /* and letters in their joining forms, brackets mirrored */
    TEXT_SHAPE_LIGATURES, /* and lam-alef as one ligature */
};

/* A lam-alef ligature is drawn as two glyphs, each standing for one letter,
 * so that every reader copies it back right: the ligature (for the alef)
 * and, where the lam was, this zero-width mark (the combining grapheme
 * joiner), which the PDF's Unicode map turns back into the lam
 * (pdf_device.c); text_normalise_nfc removes it from the input. */
#define TEXT_LIGATURE_LAM 0x034Fu

/* text_shape: the paragraph code_points[0..count) analysed and shaped into
 * out (reset first; free with text_shaping_free), one for one: where a
 * lam-alef ligature took two letters, the lam's place holds
 * TEXT_LIGATURE_LAM. */
void text_shape(const uint32_t *code_points, size_t count, enum text_shape_mode mode,
                struct text_shaping *out);
void text_shaping_free(struct text_shaping *shaping);

/* text_reorder: the order items of the given levels are drawn in, left to
 * right (rule L2: each run at a level of k or more reversed, for k from the
 * highest level down to 1), into order[0..count). */
void text_reorder(const uint8_t *levels, size_t count, size_t *order);

/* text_visual_line: a line of UTF-8 as one paragraph, shaped and in drawing
 * order, appended to out (code blocks, where a line is its own paragraph).
 * Combining marks stay after their letter. */
void text_visual_line(const char *text, size_t length, struct buffer *out);

/* text_append_reversed: the code points of text[0..length) appended to out
 * in reverse order, each letter keeping its combining marks after it (an
 * right-to-left run, drawn left to right). */
void text_append_reversed(const char *text, size_t length, struct buffer *out);

#endif
