/* What the layout_*.c files share: the vertical list of boxes the block
 * stage builds and the page builder breaks into pages, the inline spans and
 * fragments of a paragraph, and the layout context. Not for other modules. */
#ifndef GOLIVE_LAYOUT_INTERNAL_H
#define GOLIVE_LAYOUT_INTERNAL_H

#include "image_probe.h"
#include "layout.h"
#include "name_table.h"

#include "alloc.h"

#include <stddef.h>
#include <stdint.h>

/* U+FFFD, what stands for a character no face has. */
#define REPLACEMENT_CHARACTER "\xEF\xBF\xBD"

/* Grows an array held as (pointer, count, capacity) to take one more. */
#define LAYOUT_GROW(array, count, capacity)                                                        \
    ((array) = xgrow((array), &(capacity), (count) + 1, sizeof *(array)))

/* A table of contents entry: its page number is a placeholder text item
 * until the pages are known (layout_toc.c). */
struct toc_entry {
    uint32_t number_offset; /* the placeholder's text offset: unique to it */
    uint32_t heading;       /* which contents heading, counted from the document's start */
    float left, right;      /* where the entry starts, where the number ends [pt] */
    float ascent, height;   /* the number's line: its baseline below its top, its height [pt] */
};

/* A box is one unbreakable slice of the flow: a line of text, a table row,
 * an image. Its items sit in layout.box_items with y relative to its top. */
enum box_flag {
    BOX_KEEP_WITH_NEXT = 1 << 0, /* never the last box on a page (headings, orphans) */
    BOX_PAGE_BREAK = 1 << 1,     /* starts a new page */
    BOX_COVER = 1 << 2,          /* a whole cover page; items in page coordinates */
    BOX_TABLE_HEADER = 1 << 3,   /* a table's header row, repeated after a page break */
};

struct layout_box {
    float height;       /* [pt] */
    float space_before; /* [pt]; dropped at the top of a page */
    uint32_t first_item, item_count;
    uint32_t container;  /* innermost container + 1; 0 for none */
    uint32_t header_box; /* table rows: their header box + 1; 0 for none */
    uint32_t footnote;   /* a footnote's text: the footnote + 1; 0 for the flow */
    uint16_t flags;      /* enum box_flag */
};

/* A container draws something alongside every box inside it, cut at page
 * breaks: the bar of a block quote, the shaded band of a code block. */
enum container_kind { CONTAINER_QUOTE, CONTAINER_CODE };

struct layout_container {
    enum container_kind kind;
    float x, width;  /* [pt] */
    float padding;   /* the band reaches this far above and below [pt] */
    uint32_t parent; /* enclosing container + 1; 0 for none */
};

/* Block nesting while walking the tree. */
enum frame_kind { FRAME_DOCUMENT, FRAME_QUOTE, FRAME_LIST, FRAME_ITEM };

enum marker_kind { MARKER_NONE, MARKER_TEXT, MARKER_BOX_EMPTY, MARKER_BOX_TICKED };

struct layout_frame {
    enum frame_kind kind;
    float x, width;      /* the text column inside this frame [pt] */
    uint32_t container;  /* innermost container + 1 */
    unsigned list_depth; /* lists around this frame, for bullet shapes */
    bool tight;          /* lists and their items */
    bool ordered;
    char delimiter; /* '.' or ')' */
    long next_number;
    float marker_width;      /* the marker column of a list [pt] */
    size_t first_box;        /* lists: the box their first item starts */
    enum marker_kind marker; /* items: what waits for the item's first box */
    char marker_text[24];
    float marker_size; /* items: the marker's text size [pt]; 0 for the body's */
};

/* Inline content: spans of text with one style, collected from inlines. */
enum span_style {
    SPAN_BOLD = 1 << 0,
    SPAN_ITALIC = 1 << 1,
    SPAN_MONO = 1 << 2,
    SPAN_STRIKE = 1 << 3,
    SPAN_CODE = 1 << 4,
};
/* SPAN_IMAGE stands as a block of its own; SPAN_IMAGE_INLINE sits in a line
 * (text around it on its line, a table cell, a heading). */
enum span_kind {
    SPAN_TEXT,
    SPAN_BREAK,
    SPAN_CHECKBOX_EMPTY,
    SPAN_CHECKBOX_TICKED,
    SPAN_IMAGE,
    SPAN_IMAGE_INLINE
};

struct inline_span {
    uint32_t offset, length; /* text in layout.scratch; images: the alt text */
    uint32_t link;           /* links + 1; 0 for none */
    uint32_t source;         /* images: the URL in scratch (offset); */
    uint32_t source_length;
    uint32_t footnote;               /* a footnote reference: its number; 0 otherwise */
    uint32_t path, path_length;      /* inline images: the file in scratch */
    float image_width, image_height; /* inline images: natural size [pt] */
    uint8_t kind;                    /* enum span_kind */
    uint8_t style;                   /* enum span_style */
};

struct inline_link {
    uint32_t offset, length; /* the target, in layout.scratch */
};

/* A link to a heading of the document (#anchor), checked once every
 * heading is known. */
struct anchor_reference {
    char *name; /* without the '#' */
    struct source_position at;
};

/* A footnote reference on a line of the flow: the box of that line. */
struct footnote_reference {
    size_t box;
    uint32_t number; /* 1 for the first footnote */
};

/* A footnote's text: boxes [first_box, end_box), set at the foot of the
 * page that first references it. */
struct layout_footnote {
    size_t first_box, end_box;
    float height; /* of its boxes stacked [pt] */
};

/* Fragments: spans cut at spaces and face changes, and measured. */
enum fragment_kind {
    FRAGMENT_WORD,
    FRAGMENT_SPACE,
    FRAGMENT_JOIN,
    FRAGMENT_BREAK,
    FRAGMENT_CHECKBOX,
    FRAGMENT_IMAGE
};

struct fragment {
    const char *text;
    uint32_t length;
    float width; /* [pt] */
    uint32_t span;
    uint8_t face;  /* enum font_face really drawing it */
    uint8_t kind;  /* enum fragment_kind */
    uint8_t level; /* bidi embedding level: odd is right to left */
};

struct layout_line {
    size_t first, end; /* fragments [first, end) */
    float width;       /* without trailing spaces [pt] */
};

/* The text style a run of inline content is drawn in. */
struct run_style {
    float size;    /* [pt] */
    float leading; /* [pt] */
    uint32_t colour;
    uint8_t base; /* enum span_style bits every span gets */
};

enum line_align { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };

#define LAYOUT_GLYPHS_KEPT 0x180 /* code points below U+0180 */

struct layout {
    const struct layout_options *options;
    const struct text_measurer *measurer;
    struct diag_sink *sink;
    struct display_list *list; /* the output; its text pool holds every item's text */
    float page_width, page_height, text_left, text_width, text_top, text_bottom;
    bool draft;
    bool failed;                /* an error was recorded */
    struct typeset_words words; /* options->words with English for what it lacks */

    struct layout_box *boxes;
    size_t box_count, box_capacity;
    struct display_item *box_items;
    size_t box_item_count, box_item_capacity;
    size_t box_start; /* first item of the box being built */
    struct layout_container *containers;
    size_t container_count, container_capacity;

    struct layout_frame *frames;
    size_t frame_count, frame_capacity;
    float pending_space; /* owed before the next box [pt] */
    unsigned keep_boxes; /* boxes still to keep with a heading before them */
    size_t keep_group;   /* <!-- golive:keep -->: its first box + 1; 0 for none */

    struct buffer scratch; /* inline text of the block being laid out */
    struct inline_span *spans;
    size_t span_count, span_capacity;
    struct inline_link *links;
    size_t link_count, link_capacity;
    struct fragment *fragments;
    size_t fragment_count, fragment_capacity;
    struct layout_line *lines;
    size_t line_count, line_capacity;

    struct footnote_reference *footnote_references;
    size_t footnote_reference_count, footnote_reference_capacity;
    struct layout_footnote *footnotes;
    size_t footnote_count, footnote_capacity;
    bool in_footnote; /* laying out a footnote's text */

    struct name_table slugs; /* anchor names used so far; number: repeats of a name */
    bool word_too_wide; /* a word of this document was hyphenated for being wider than its line */
    struct anchor_reference *anchor_references;
    size_t anchor_reference_count, anchor_reference_capacity;
    struct source_position current_position; /* of the block being laid out */
    uint32_t current_link;                   /* the link being collected + 1; 0 outside links */
    size_t span_floor;      /* spans below this belong to an earlier cell: never extended */
    float next_table_scale; /* [ratio] for the next table; 0 for the usual size */
    bool next_table_shared; /* <!-- golive:table widths="shared" --> before it */
    float *shared_widths;   /* of the tables sharing widths now; NULL for none [pt] */
    size_t shared_columns;
    cmark_node *shared_last;       /* the last table sharing them */
    char *watermark;               /* the draft directive's own text, or NULL */
    struct toc_entry *toc_entries; /* <!-- golive:toc -->'s page numbers to fill in */
    size_t toc_count, toc_capacity;
    /* right-to-left text (layout_bidi.c), for the spans being measured */
    bool bidi_active;        /* they hold right-to-left text: lines are reordered */
    bool bidi_right_to_left; /* their paragraph direction */
    uint8_t bidi_level;      /* of the character being measured */
    uint8_t *bidi_levels;    /* of each character, in order */
    size_t bidi_count, bidi_capacity, bidi_cursor;
    size_t shaped_floor; /* spans below this are shaped already */
    /* the glyphs of the first code points (ASCII, Latin-1, Latin
     * Extended-A) in each face, as the measurer gave them (layout_glyph) */
    struct glyph_metrics glyphs[FACE_COUNT][LAYOUT_GLYPHS_KEPT];
    bool glyph_known[FACE_COUNT][LAYOUT_GLYPHS_KEPT];
};

/* layout_glyph: the measurer's glyph for code_point in face. Measuring and
 * the coverage check ask for millions, mostly of a few hundred letters: the
 * first code points' are kept. */
struct glyph_metrics layout_glyph(struct layout *layout, enum font_face face, uint32_t code_point);

/* layout_form.c: text in a style at (x, top) within width, inside the box
 * being built; returns the height it took. */
float layout_form_text(struct layout *layout, const char *text, enum text_style_kind kind,
                       uint8_t extra_style, float x, float top, float width, enum line_align align);
struct directive;
/* layout_matrix.c: <!-- golive:matrix --> */
void layout_matrix(struct layout *layout, const struct directive *directive);

/* layout.c: building boxes */
void box_add(struct layout *layout, const struct display_item *item);
void box_add_text(struct layout *layout, float x, float y, enum font_face face, float size,
                  uint32_t colour, const char *text, size_t length);
void box_add_shape(struct layout *layout, enum display_kind kind, float x, float y, float width,
                   float height, float line_width, uint32_t colour);
/* layout_checkbox_side: the side of a checkbox for text of size [pt]. */
float layout_checkbox_side(float size);
/* box_add_checkbox: a checkbox for text of size at (x, baseline). */
void box_add_checkbox(struct layout *layout, float x, float baseline, float size, bool ticked);
/* text_baseline: where the baseline of a line of text sits below its top. */
float text_baseline(float size, float leading);
/* box_finish: closes the box built since the last one; first_baseline places
 * pending list markers. */
void box_finish(struct layout *layout, float height, float first_baseline, uint16_t flags);
/* layout_keep_together: boxes [first, end) on one page when they fit on
 * one; a longer run keeps its first two and last two together (no single
 * line alone at a page's foot or top). Short lists and tables, keep groups. */
void layout_keep_together(struct layout *layout, size_t first, size_t end);
/* layout_keep_whole: boxes [first, end) on one page when they fit on one
 * (<!-- golive:keep -->). */
void layout_keep_whole(struct layout *layout, size_t first, size_t end);
/* layout_keep_after_heading: the next two boxes stay with the heading. */
void layout_keep_after_heading(struct layout *layout);
/* box_space: the gap owed before the next box is at least space. */
void box_space(struct layout *layout, float space);
uint32_t container_open(struct layout *layout, enum container_kind kind, float x, float width,
                        float padding);
struct layout_frame *frame_top(struct layout *layout);
struct layout_frame *frame_push(struct layout *layout, enum frame_kind kind);
void frame_pop(struct layout *layout);
uint32_t layout_colour(const struct layout *layout, const struct text_style *style);

/* layout_inline.c: inline content and line breaking */
void inline_reset(struct layout *layout);
void inline_collect(struct layout *layout, cmark_node *node, uint8_t base_style);
void inline_append(struct layout *layout, const char *text, size_t length, uint8_t style,
                   uint8_t kind);
/* inline_measure: cuts spans [first, end) into measured fragments. */
void inline_measure(struct layout *layout, size_t first_span, size_t end_span,
                    const struct run_style *style);
/* inline_break: breaks the fragments into lines of at most width. */
void inline_break(struct layout *layout, float width, const struct run_style *style);
/* inline_emit_line: draws line number index at (x, baseline) in the box. */
void inline_emit_line(struct layout *layout, size_t index, float x, float baseline,
                      const struct run_style *style);
/* inline_widths: the widest word and the widest unbroken line of the
 * current fragments [pt], for table column widths. */
/* The widest word and line of the measured fragments; whole_words counts a
 * word with break points (an address: after / . @ -) as one word. */
void inline_widths(const struct layout *layout, bool whole_words, float *widest_word,
                   float *widest_line);
/* inline_widest_piece: the widest piece of the measured fragments no line
 * may break: a word, or of a word wider than threshold that may be
 * hyphenated its widest part between hyphenation points with its hyphen
 * (the least width of a table column, after hyphenation). */
float inline_widest_piece(const struct layout *layout, const struct run_style *style,
                          float threshold);
float measure_text(const struct layout *layout, enum font_face face, float size, const char *text,
                   size_t length);
/* box_add_plain: text in face (or its fallback, or U+FFFD) at (x, baseline). */
void box_add_plain(struct layout *layout, float x, float baseline, enum font_face face, float size,
                   uint32_t colour, const char *text, size_t length);
enum font_face face_for_style(uint8_t style);
/* layout_flow_lines: one box per line at the current frame's x. */
void layout_flow_lines(struct layout *layout, const struct run_style *style, enum line_align align,
                       uint16_t every_line_flags);

/* layout_hyphen.c: layout_hyphen_points: the byte offsets in word after
 * which it may be hyphenated, ascending, at most room; 0 for a word that is
 * not letters alone (numbers, units, identifiers, addresses) or without
 * patterns. */
size_t layout_hyphen_points(struct typeset_hyphenator *hyphenator, const char *word, size_t length,
                            size_t *points, size_t room);
/* layout_hyphen_loaded: whether the patterns are loaded already (a word
 * too wide for its line or column needed them): loading German's costs
 * more than typesetting a thousand items, so no other use loads them. */
bool layout_hyphen_loaded(const struct typeset_hyphenator *hyphenator);

/* layout.c: layout_check_anchors warns about each #anchor link that no
 * heading's anchor answers. */
void layout_check_anchors(struct layout *layout);

/* layout_block.c: layout_blocks builds the vertical list from the tree;
 * false once an error is recorded (layout->failed). */
bool layout_blocks(struct layout *layout, cmark_node *root);

/* layout_image.c */
/* layout_kept_before (layout_table.c): the height of the boxes at the end
 * of the list kept with what comes next (a heading), with the gap owed. */
float layout_kept_before(const struct layout *layout);
/* layout_image_box: a block image; captioned keeps it with the lines after
 * it, scaled down so that two of them fit on its page. */
void layout_image_box(struct layout *layout, const struct inline_span *span, bool captioned);
/* layout_image_inline: resolves the image of an inline span when collected;
 * one that cannot be shown becomes "[image: alt text]" in italics. */
void layout_image_inline(struct layout *layout, struct inline_span *span);
/* layout_image_inline_width: its width in a line whose baseline lies
 * ascent below the line's top: its own size, or scaled to that height. */
float layout_image_inline_width(const struct inline_span *span, float ascent);
/* layout_image_inline_emit: draws it at x, standing on the baseline. */
void layout_image_inline_emit(struct layout *layout, const struct inline_span *span, float x,
                              float baseline, float width);
/* An image alone in a table cell is scaled to its column: no wider than its
 * own size, no narrower than CELL_IMAGE_LEAST (or its own size) when the
 * columns share the width, no taller than CELL_IMAGE_CAP of the text area. */
#define CELL_IMAGE_LEAST 36.0f       /* [pt] half an inch */
#define CELL_IMAGE_CAP (1.0f / 3.0f) /* [share] of the text area's height */
/* layout_cell_image: the image span + 1 of a cell whose spans [first, end)
 * hold one image that can be shown and at most blanks besides; else 0. */
size_t layout_cell_image(const struct layout *layout, size_t first, size_t end);
/* layout_cell_image_fit: its size in a column width wide, at most cap tall. */
void layout_cell_image_fit(const struct inline_span *span, float width, float cap,
                           float *drawn_width, float *drawn_height);
/* layout_image_resolve: the file of image url (percent-decoded, inside the
 * base folder) into path and its size into info; false after a warning. */
bool layout_image_resolve(struct layout *layout, const char *url, size_t length,
                          struct buffer *path, struct image_info *info);

/* layout_bidi.c: layout_bidi_prepare shapes spans [first, end) and finds
 * their levels before they are measured; layout_bidi_next_level gives the
 * level of each character measured, in order; layout_bidi_emit_line draws
 * a line in visual order (false, nothing drawn, for left-to-right text);
 * layout_bidi_align sets right-to-left paragraphs flush right. */
void layout_bidi_prepare(struct layout *layout, size_t first, size_t end);
uint8_t layout_bidi_next_level(struct layout *layout);
bool layout_bidi_emit_line(struct layout *layout, size_t index, float x, float baseline,
                           const struct run_style *style);
enum line_align layout_bidi_align(const struct layout *layout, enum line_align align);
/* layout_bidi_face: the face for code_point inside right-to-left text:
 * that of the word before it when it has the glyph, else face. */
enum font_face layout_bidi_face(const struct layout *layout, enum font_face face,
                                uint32_t code_point);
/* inline_emit_run (layout_inline.c): text drawn in the style of fragment
 * first, with its shading, underline, strike and link area. */
void inline_emit_run(struct layout *layout, const struct fragment *first, const char *text,
                     size_t length, float x, float baseline, float width,
                     const struct run_style *style);

/* layout_coverage.c: warns about each character of the document no face
 * draws (once, with its count and first position). */
void layout_check_coverage(struct layout *layout, cmark_node *root);

/* layout_footnote.c: a footnote's text in its own boxes (enter and exit
 * of its definition); the references on the lines just flowed. */
void layout_footnote_enter(struct layout *layout);
void layout_footnote_exit(struct layout *layout);
void layout_footnote_references(struct layout *layout);
/* inline_footnote_reference: the reference numbered number (cmark's
 * literal) as superscript digits in a span of its own. */
void inline_footnote_reference(struct layout *layout, const char *number);
/* layout_flow_end: the boxes before the first footnote's text. */
size_t layout_flow_end(const struct layout *layout);

/* layout_table.c */
/* table_column_widths: shares available among columns that want at least
 * least[c] and at most most[c] on one line [pt]. */
void table_column_widths(size_t columns, const float *least, const float *most, float available,
                         float *width);
void layout_table(struct layout *layout, cmark_node *table);

/* layout_form.c: code, raw HTML, and what the directives draw */
void layout_html_block(struct layout *layout, cmark_node *node);
void layout_code_block(struct layout *layout, cmark_node *node);

/* layout_page.c: layout_paginate breaks the boxes into pages; false after
 * recording an error (more than LIMIT_PDF_PAGES). layout_furniture then
 * adds the running header, footer and watermark to every page. */
bool layout_paginate(struct layout *layout);
void layout_furniture(struct layout *layout);

/* layout_toc.c: <!-- golive:toc --> at node lists the headings after it,
 * each with a placeholder page number; layout_toc_fill writes the page
 * numbers once the pages are known. The numbers are set flush right, so
 * their widths move no line and no page break. */
void layout_toc(struct layout *layout, cmark_node *node);
void layout_toc_fill(struct layout *layout);

#endif
