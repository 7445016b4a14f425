/* The typesetter's library interface: Markdown text in memory to PDF bytes.
 * `golive md2pdf` is a thin command over it; `golive build` calls it for
 * each artifact. Pipeline: text check, cmark-gfm parse, layout into a
 * display list (layout.h), drawing with libharu (pdf_device.h). */
#ifndef GOLIVE_TYPESET_H
#define GOLIVE_TYPESET_H

#include "buffer.h"
#include "diag.h"
#include "typeset_words.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum typeset_paper { TYPESET_PAPER_A4, TYPESET_PAPER_LETTER };

/* The date written when none is given: 1970-01-01T00:00:00Z, as
 * SOURCE_DATE_EPOCH=0 would give. Never the clock. */
#define TYPESET_DEFAULT_EPOCH 0

struct typeset_options {
    enum typeset_paper paper;
    /* Running header and footer; NULL or "" leaves a field out. The title
     * defaults to a cover directive's title, else the first heading. */
    const char *title, *subtitle, *client, *version, *classification;
    const char *footer_note; /* e.g. an input fingerprint, centred in the footer */
    /* Document information (title is the one above). */
    const char *author, *subject, *creator;
    const char *language;  /* BCP 47 tag for /Lang and the metadata; NULL: "en" */
    int64_t creation_time; /* [s since 1970-01-01 UTC]: CreationDate and ModDate */
    /* Files. */
    const char *source_name; /* names the Markdown in diagnostics */
    const char *output_name; /* names the PDF in libharu's failures; NULL: source_name */
    const char *base_folder; /* relative image paths resolve here; NULL: no images */
    const char *font_folder; /* NULL: GOLIVE_DATADIR/fonts */
    /* Branding. */
    const char *accent_colour; /* "#RRGGBB"; NULL: dark navy */
    const char *logo_path;     /* PNG or JPEG for the cover page; NULL: none */
    bool draft;                /* a DRAFT watermark on every page */
    /* As layout_options.image_origin: where an image's URL came from. */
    struct source_position (*image_origin)(void *context, const char *url);
    void *image_origin_context;
    unsigned *faces_used;                  /* out, or NULL: the faces drawn are OR-ed in, as bits
                                              1u << face (font_face.h; font_file_name names their files) */
    const struct typeset_words *words;     /* the typesetter's own words; NULL: English */
    struct typeset_hyphenator *hyphenator; /* words broken at line ends; NULL: none */
    struct typeset_fonts *fonts;           /* font files read once; NULL: for this PDF alone */
};

/* A hyphenator: the hyphenation patterns of one language ("en", "de",
 * "fr": /usr/share/hyphen/hyph_CODE.dic), read when a word first needs
 * them and kept for every document typeset with it. Without the file, no
 * word is hyphenated. */
struct typeset_hyphenator;
struct typeset_hyphenator *typeset_hyphenator_new(const char *language);
void typeset_hyphenator_free(struct typeset_hyphenator *hyphenator);

/* Font files read and parsed once and kept for every document typeset
 * with them (a build's), rather than read again for each PDF. The documents
 * must all use the same font folder to gain from it. */
struct typeset_fonts;
struct typeset_fonts *typeset_fonts_new(void);
void typeset_fonts_free(struct typeset_fonts *fonts);

/* typeset_options_init: every field at its default. */
void typeset_options_init(struct typeset_options *options);

/* typeset_parse_colour: reads "#RRGGBB" (either case); false otherwise. */
bool typeset_parse_colour(const char *text, uint32_t *colour);

/* typeset_pdf: typesets markdown[0..length) into pdf (appended). Returns
 * true on success, with any warnings in sink; false after recording at
 * least one error in sink, when pdf must not be used. */
bool typeset_pdf(const char *markdown, size_t length, const struct typeset_options *options,
                 struct buffer *pdf, struct diag_sink *sink);

/* typeset_layout_dump: the same, stopping at the display list, written as
 * text (display_list_dump) into dump: positions of every item, for tests. */
bool typeset_layout_dump(const char *markdown, size_t length, const struct typeset_options *options,
                         struct buffer *dump, struct diag_sink *sink);

#endif
