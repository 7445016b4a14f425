/* The layout engine: walks a cmark-gfm tree and lays it out into pages of
 * positioned items (display_list.h). It measures text through the
 * text_measurer it is given and knows nothing of PDF or libharu. */
#ifndef GOLIVE_LAYOUT_H
#define GOLIVE_LAYOUT_H

#include "buffer.h"
#include "diag.h"
#include "display_list.h"
#include "font_face.h"
#include "layout_style.h"
#include "typeset_words.h"

#include <cmark-gfm.h>
#include <stdbool.h>

struct typeset_hyphenator;

struct layout_options {
    enum paper_size paper;
    /* running header and footer; NULL or "" leaves a field out */
    const char *title, *subtitle, *client, *version, *classification, *footer_note;
    bool title_given;        /* the title is not the document's own (a heading's) */
    uint32_t accent_colour;  /* 0xRRGGBB: headings, rules, the cover */
    const char *logo_path;   /* the cover's logo (PNG or JPEG), or NULL */
    const char *base_folder; /* relative image paths resolve here; NULL: none load */
    const char *source_name; /* names the Markdown in diagnostics */
    const char *source_text; /* the Markdown parsed, for warnings' columns; may be NULL */
    size_t source_length;
    bool draft;                        /* a DRAFT watermark on every page */
    const struct typeset_words *words; /* the typesetter's own words; NULL: English */
    /* Where an image's URL came from when the Markdown was rendered from
     * other files (a run's note): its position there, or one with a NULL
     * file when unknown; NULL: warnings cite the Markdown. */
    struct source_position (*image_origin)(void *context, const char *url);
    void *image_origin_context;
    struct typeset_hyphenator *hyphenator; /* the document's language's; NULL: no hyphenation */
};

/* layout_document: lays out the tree under root into out (empty on entry).
 * Returns true; false after recording an error in sink (a limit reached).
 * Warnings (unknown directives, missing images, characters the fonts lack)
 * are recorded and layout carries on. */
bool layout_document(cmark_node *root, const struct layout_options *options,
                     const struct text_measurer *measurer, struct display_list *out,
                     struct diag_sink *sink);

/* layout_plain_text: appends the text of node's inlines, without markup,
 * to out (for bookmarks and the document title). */
void layout_plain_text(cmark_node *node, struct buffer *out);

/* layout_document_title: the title a document gives itself, into out: a
 * cover directive's title, else its first heading's text. False when it
 * has neither. */
bool layout_document_title(cmark_node *root, struct buffer *out);

#endif
