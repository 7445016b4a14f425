/* QR codes drawn as vector squares (layout_qr.c): <!-- golive:qr -->, and
 * the code beside a notes block (<!-- golive:notes qr="..." -->). The only
 * user of libqrencode. */
#ifndef GOLIVE_LAYOUT_QR_H
#define GOLIVE_LAYOUT_QR_H

#include <stdbool.h>
#include <stddef.h>

#define QR_QUIET_MODULES 4    /* the quiet zone around the symbol, as the standard asks */
#define QR_LEAST_SIDE 42.52f  /* [pt] 15 mm: the symbol, without its quiet zone */
#define QR_LEAST_MODULE 1.42f /* [pt] 0.5 mm: a longer text gives a larger symbol */
#define QR_MOST_TEXT 200      /* [bytes] a sheet's identification is a few dozen */

/* The modules of a symbol, error correction level M. */
struct qr_grid {
    size_t width;        /* modules per side, quiet zone not counted */
    unsigned char *dark; /* width * width, row by row: 1 for a dark module (owned) */
};

/* qr_grid_encode: text as a QR code; false when it is empty or longer than
 * QR_MOST_TEXT. */
bool qr_grid_encode(const char *text, struct qr_grid *grid);
void qr_grid_free(struct qr_grid *grid);
/* qr_module_size: a module's side [pt] for a symbol of width modules. */
float qr_module_size(size_t width);

struct layout;
struct directive;

/* layout_qr_draw: the symbol of text with its quiet zone, its top-left
 * corner at (x, top) in the box being built; returns the side taken with
 * the quiet zone [pt], or 0 (with a warning) when text cannot be encoded. */
float layout_qr_draw(struct layout *layout, const char *text, float x, float top);
/* layout_qr: <!-- golive:qr text="..." label="..." -->, the code with its
 * label beside it. */
void layout_qr(struct layout *layout, const struct directive *directive);
/* layout_notes_beside_qr: a notes block of count lines with a label,
 * shortened to leave the right for the code of text; one box. */
void layout_notes_beside_qr(struct layout *layout, const char *label, long count, const char *text);

#endif
