/* The typesetter's pipeline: check, parse, lay out, draw. */
#include "typeset.h"

#include "alloc.h"
#include "display_list.h"
#include "layout.h"
#include "markdown.h"
#include "pdf_device.h"
#include "pdf_font_cache.h"
#include "pdf_render.h"
#include "utf8.h"
#include "text_check.h"
#include "text_normalise.h"

#include <stdlib.h>
#include <string.h>

struct typeset_fonts {
    struct pdf_font_cache *cache;
};

struct typeset_fonts *typeset_fonts_new(void)
{
    struct typeset_fonts *fonts = xcalloc(1, sizeof *fonts);
    fonts->cache = pdf_font_cache_new();
    return fonts;
}

void typeset_fonts_free(struct typeset_fonts *fonts)
{
    if (!fonts)
        return;
    pdf_font_cache_free(fonts->cache);
    free(fonts);
}

#ifndef GOLIVE_DATADIR
#define GOLIVE_DATADIR "."
#endif

#define DEFAULT_ACCENT 0x1F3A5Fu /* dark navy: near-black in grey print */

void typeset_options_init(struct typeset_options *options)
{
    *options =
        (struct typeset_options){.paper = TYPESET_PAPER_A4, .creation_time = TYPESET_DEFAULT_EPOCH};
}

bool typeset_parse_colour(const char *text, uint32_t *colour)
{
    if (!text || text[0] != '#' || strlen(text) != 7)
        return false;
    uint32_t value = 0;
    for (size_t index = 1; index < 7; index++) {
        int digit = ascii_hex_value(text[index]);
        if (digit < 0)
            return false;
        value = value * 16 + (uint32_t)digit;
    }
    *colour = value;
    return true;
}

/* What layout and drawing share for one document. */
struct typesetting {
    cmark_node *root;
    struct pdf_device *device;
    struct display_list list;
    struct buffer title;     /* the title actually used */
    struct buffer text;      /* the Markdown in NFC */
    struct buffer fields[5]; /* the header's and footer's fields in NFC */
    struct layout_options layout;
};

/* field_nfc: value in NFC, held in field; NULL stays NULL. */
static const char *field_nfc(struct buffer *field, const char *value)
{
    if (!value)
        return NULL;
    text_normalise_nfc(value, strlen(value), field);
    return buffer_text(field);
}

static void typesetting_free(struct typesetting *work)
{
    if (work->root)
        cmark_node_free(work->root);
    work->root = NULL;
    pdf_device_free(work->device);
    display_list_free(&work->list);
    buffer_free(&work->title);
    buffer_free(&work->text);
    for (size_t index = 0; index < sizeof work->fields / sizeof *work->fields; index++)
        buffer_free(&work->fields[index]);
}

/* Checks and parses the text, then lays it out into work->list. */
static bool lay_out(const char *markdown, size_t length, const struct typeset_options *options,
                    struct typesetting *work, struct diag_sink *sink)
{
    const char *name = options->source_name ? options->source_name : "<markdown>";
    uint32_t accent = DEFAULT_ACCENT;
    if (options->accent_colour && !typeset_parse_colour(options->accent_colour, &accent)) {
        diag(sink, DIAG_TYPESET_ACCENT_COLOUR, source_position_of_file(NULL),
             "the accent colour '%s' is not of the form #RRGGBB", options->accent_colour);
        return false;
    }
    if (!text_check(name, markdown, length, sink))
        return false;
    /* Measured and drawn in NFC: decomposed letters become the letters the
     * fonts draw whole (text_normalise.h). Line numbers do not change. */
    text_normalise_nfc(markdown, length, &work->text);
    work->root = markdown_parse(buffer_text(&work->text), work->text.length);
    if (options->title && *options->title)
        text_normalise_nfc(options->title, strlen(options->title), &work->title);
    else
        layout_document_title(work->root, &work->title);
    struct buffer *fields = work->fields;
    work->layout = (struct layout_options){
        .paper = options->paper == TYPESET_PAPER_LETTER ? PAPER_LETTER : PAPER_A4,
        .title = buffer_text(&work->title),
        .title_given = options->title && *options->title,
        .subtitle = field_nfc(&fields[0], options->subtitle),
        .client = field_nfc(&fields[1], options->client),
        .version = field_nfc(&fields[2], options->version),
        .classification = field_nfc(&fields[3], options->classification),
        .footer_note = field_nfc(&fields[4], options->footer_note),
        .accent_colour = accent,
        .logo_path = options->logo_path,
        .base_folder = options->base_folder,
        .source_name = name,
        .draft = options->draft,
        .words = options->words,
        .hyphenator = options->hyphenator,
        .image_origin = options->image_origin,
        .image_origin_context = options->image_origin_context,
        .source_text = buffer_text(&work->text),
        .source_length = work->text.length,
    };
    work->device =
        pdf_device_new(options->font_folder ? options->font_folder : GOLIVE_DATADIR "/fonts", sink);
    pdf_device_set_name(work->device, options->output_name ? options->output_name : name);
    if (options->fonts)
        pdf_device_share_fonts(work->device, options->fonts->cache);
    struct text_measurer measurer = pdf_device_measurer(work->device);
    bool ok = layout_document(work->root, &work->layout, &measurer, &work->list, sink);
    return ok && !pdf_device_failed(work->device);
}

bool typeset_pdf(const char *markdown, size_t length, const struct typeset_options *options,
                 struct buffer *pdf, struct diag_sink *sink)
{
    struct typesetting work = {0};
    bool ok = lay_out(markdown, length, options, &work, sink);
    if (work.root) /* the tree is not needed to draw: free it for a lower peak */
        cmark_node_free(work.root);
    work.root = NULL;
    if (ok) {
        pdf_render(work.device, &work.list, sink);
        struct pdf_document_info info = {
            .title = buffer_text(&work.title),
            .author = options->author,
            .subject = options->subject,
            .creator = options->creator ? options->creator : "golive " GOLIVE_VERSION,
            .producer = "golive " GOLIVE_VERSION,
            .creation_time = options->creation_time,
            .language = options->language,
        };
        ok = pdf_device_finish(work.device, &info, pdf);
        if (options->faces_used)
            *options->faces_used |= pdf_device_faces_used(work.device);
    }
    typesetting_free(&work);
    return ok;
}

bool typeset_layout_dump(const char *markdown, size_t length, const struct typeset_options *options,
                         struct buffer *dump, struct diag_sink *sink)
{
    struct typesetting work = {0};
    bool ok = lay_out(markdown, length, options, &work, sink);
    if (ok)
        display_list_dump(&work.list, dump);
    typesetting_free(&work);
    return ok;
}
