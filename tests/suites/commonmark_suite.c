/* The CommonMark and GFM specs' examples (../shared/conformance/commonmark)
 * typeset one by one: each must lay out without error (warnings, such as
 * for images outside the folder, are fine), and every word of the
 * example's text must be in the text the layout places on its pages (the
 * display list's own dump, typeset_layout_dump). One example in
 * PDF_SAMPLE goes the whole way instead: typeset to PDF and read back with
 * `pdftotext`, so that the PDF's text is checked too, at a fraction of the
 * time.
 *
 * Examples are extracted here, at test time, from the spec files: the
 * Markdown between an "example" fence and a line holding one '.', with '→'
 * standing for a tab. The words to find are those of the HTML that golive's
 * own parser (cmark-gfm 0.29) makes of the example, so that a spec written
 * for a newer CommonMark does not count against the typesetter. Words are
 * runs of letters and digits (any non-ASCII character counts as a letter);
 * they are looked up in pdftotext's output with all white space removed, so
 * that words the layout broke across lines still match. A character the
 * fonts lack must come back as U+FFFD, the visible replacement.
 *
 * Usage: commonmark_suite SPEC_FILE... Exits 77 (CTest's skip) when the
 * conformance folder is absent, unless CI=true. */
#include "alloc.h"
#include "buffer.h"
#include "diag.h"
#include "markdown.h"
#include "suite_common.h"
#include "typeset.h"
#include "utf8.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char fence[] = "```````````````````````````````` example";
static const char fence_end[] = "````````````````````````````````";

/* One example in this many is checked through the PDF and pdftotext. */
#define PDF_SAMPLE 25

struct tally {
    size_t examples, failures, warnings_only, through_pdf;
};

/* The Markdown of an example: '→' back to a tab. */
static void decode_tabs(const char *text, size_t length, struct buffer *out)
{
    for (size_t index = 0; index < length; index++) {
        if (index + 2 < length && memcmp(text + index, "\xE2\x86\x92", 3) == 0) {
            buffer_append_char(out, '\t');
            index += 2;
        } else {
            buffer_append_char(out, text[index]);
        }
    }
}

static const struct {
    const char *name;
    const char *text;
} entities[] = {
    {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"},
};

/* The text of the expected HTML: tags removed, the few entities the spec's
 * renderer writes decoded, other entities left out. A footnote's link back
 * to its reference (an arrow) is left out too: golive sets the note on
 * the page of its reference and draws no such link. */
static void html_text(const char *html, struct buffer *out)
{
    for (const char *at = html; *at;) {
        if (*at == '<') {
            const char *close = strchr(at, '>');
            const char *backref = strstr(at, "footnote-backref");
            if (close && backref && backref < close && strstr(close, "</a>"))
                close = strstr(close, "</a>") + 3;
            at = close ? close + 1 : at + strlen(at);
            buffer_append_char(out, ' ');
            continue;
        }
        if (*at == '&') {
            bool known = false;
            for (size_t index = 0; index < sizeof entities / sizeof *entities && !known; index++) {
                size_t length = strlen(entities[index].name);
                if (strncmp(at, entities[index].name, length) == 0) {
                    buffer_append_text(out, entities[index].text);
                    at += length;
                    known = true;
                }
            }
            if (known)
                continue;
        }
        buffer_append_char(out, *at++);
    }
}

static bool is_word_byte(unsigned char byte)
{
    return byte >= 0x80 || (byte >= '0' && byte <= '9') ||
           ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z');
}

/* text without white space (U+00A0 included, which pdftotext may give
 * back as a space). */
static void strip_space(const char *text, struct buffer *out)
{
    for (const char *at = text; *at; at++) {
        if (strncmp(at, "\xC2\xA0", 2) == 0) {
            at++;
            continue;
        }
        if (*at != ' ' && *at != '\n' && *at != '\t' && *at != '\f' && *at != '\r')
            buffer_append_char(out, *at);
    }
}

/* The word as the PDF must show it: each character that appears nowhere in
 * the PDF's text replaced by U+FFFD. */
static char *as_drawn(const char *word, size_t length, const char *flat)
{
    struct buffer out = {0};
    for (size_t offset = 0; offset < length;) {
        uint32_t code_point;
        size_t used = utf8_decode_lossy(word + offset, length - offset, &code_point);
        char *character = xstrndup(word + offset, used);
        if (code_point >= 0x80 && !strstr(flat, character))
            buffer_append_text(&out, "\xEF\xBF\xBD");
        else
            buffer_append(&out, word + offset, used);
        free(character);
        offset += used;
    }
    return buffer_release(&out);
}

/* pdftotext's text of the PDF in data. */
static bool extract_text(const struct buffer *pdf, struct buffer *text)
{
    char path[] = "/tmp/golive-commonmark-XXXXXX";
    int descriptor = mkstemp(path);
    if (descriptor < 0)
        return false;
    bool ok = write(descriptor, pdf->data, pdf->length) == (ssize_t)pdf->length;
    close(descriptor);
    char command[128];
    snprintf(command, sizeof command, "pdftotext -q -enc UTF-8 %s -", path);
    FILE *pipe = ok ? popen(command, "r") : NULL;
    char chunk[4096];
    size_t got;
    while (pipe && (got = fread(chunk, 1, sizeof chunk, pipe)) > 0)
        buffer_append(text, chunk, got);
    ok = pipe && pclose(pipe) == 0 && ok;
    unlink(path);
    return ok;
}

/* The text the layout places, from its dump: the quoted text of each
 * "text" item, one a line. */
static void dump_text(const char *dump, struct buffer *text)
{
    for (const char *line = dump; *line;
         line += strcspn(line, "\n") + (line[strcspn(line, "\n")] != 0)) {
        size_t length = strcspn(line, "\n");
        const char *open = memchr(line, '"', length);
        if (strncmp(line, "  text ", 7) != 0 || !open || line[length - 1] != '"')
            continue;
        buffer_append(text, open + 1, (size_t)(line + length - 1 - (open + 1)));
        buffer_append_char(text, '\n');
    }
}

/* The layout's text of the example into text, or its PDF's through
 * pdftotext; false with a message when it is not rendered. */
static bool rendered_text(const char *label, const char *markdown, size_t length,
                          const struct typeset_options *options, bool through_pdf,
                          struct buffer *text, struct diag_sink *sink)
{
    struct buffer rendered = {0};
    bool ok = through_pdf ? typeset_pdf(markdown, length, options, &rendered, sink)
                          : typeset_layout_dump(markdown, length, options, &rendered, sink);
    if (!ok) {
        printf("FAIL %s: not rendered\n", label);
        diag_print(sink, stdout);
    } else if (through_pdf && !extract_text(&rendered, text)) {
        printf("FAIL %s: pdftotext could not read the PDF\n", label);
        ok = false;
    } else if (!through_pdf) {
        dump_text(buffer_text(&rendered), text);
    }
    buffer_free(&rendered);
    return ok;
}

/* The first word of expected that the extracted text lacks, or NULL. */
static char *missing_word(const char *expected, const char *extracted)
{
    struct buffer flat = {0};
    strip_space(extracted, &flat);
    char *missing = NULL;
    for (const char *at = expected; *at && !missing;) {
        if (strncmp(at, "\xC2\xA0", 2) == 0) {
            at += 2;
            continue;
        }
        if (!is_word_byte((unsigned char)*at)) {
            at++;
            continue;
        }
        const char *start = at;
        while (is_word_byte((unsigned char)*at) && strncmp(at, "\xC2\xA0", 2) != 0)
            at++;
        char *word = as_drawn(start, (size_t)(at - start), buffer_text(&flat));
        if (!strstr(buffer_text(&flat), word))
            missing = word;
        else
            free(word);
    }
    buffer_free(&flat);
    return missing;
}

/* The HTML cmark-gfm makes of the example. */
static char *parser_html(const char *markdown, size_t length)
{
    cmark_node *root = markdown_parse(markdown, length);
    char *html = cmark_render_html(root, CMARK_OPT_UNSAFE, NULL);
    cmark_node_free(root);
    return html;
}

static void run_example(const char *label, const char *markdown, size_t length, struct tally *tally)
{
    struct typeset_options options;
    typeset_options_init(&options);
    options.source_name = label;
    options.base_folder = ".";
    struct diag_sink *sink = diag_sink_new();
    struct buffer expected = {0}, extracted = {0};
    bool through_pdf = tally->examples++ % PDF_SAMPLE == 0;
    tally->through_pdf += through_pdf;
    if (!rendered_text(label, markdown, length, &options, through_pdf, &extracted, sink)) {
        tally->failures++;
    } else {
        char *html = parser_html(markdown, length);
        html_text(html, &expected);
        free(html);
        char *word = missing_word(buffer_text(&expected), buffer_text(&extracted));
        if (word) {
            tally->failures++;
            printf("FAIL %s: the word '%s' is not in the %s\n", label, word,
                   through_pdf ? "PDF's text" : "layout's text");
        }
        free(word);
        tally->warnings_only += diag_count(sink) > 0;
    }
    buffer_free(&expected);
    buffer_free(&extracted);
    diag_sink_free(sink);
}

/* Runs every example of one spec file; false when it cannot be read. */
static bool run_spec(const char *path, struct tally *tally)
{
    FILE *file = fopen(path, "r");
    if (!file)
        return false;
    struct buffer markdown = {0}, raw = {0};
    char *line = NULL;
    size_t capacity = 0, line_number = 0, start_line = 0;
    enum { OUTSIDE, MARKDOWN, HTML } state = OUTSIDE;
    while (getline(&line, &capacity, file) > 0) {
        line_number++;
        if (state == OUTSIDE && strncmp(line, fence, sizeof fence - 1) == 0) {
            state = MARKDOWN;
            start_line = line_number;
            buffer_truncate(&raw, 0);
        } else if (state == MARKDOWN && strcmp(line, ".\n") == 0) {
            state = HTML;
        } else if (state == MARKDOWN) {
            buffer_append_text(&raw, line);
        } else if (state == HTML && strncmp(line, fence_end, sizeof fence_end - 1) == 0) {
            char label[512];
            snprintf(label, sizeof label, "%s:%zu", path, start_line);
            buffer_truncate(&markdown, 0);
            decode_tabs(raw.data ? raw.data : "", raw.length, &markdown);
            run_example(label, buffer_text(&markdown), markdown.length, tally);
            state = OUTSIDE;
        }
    }
    free(line);
    fclose(file);
    buffer_free(&markdown);
    buffer_free(&raw);
    return true;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: commonmark_suite SPEC_FILE...\n");
        return 2;
    }
    struct tally tally = {0};
    for (int index = 1; index < argc; index++) {
        if (run_spec(argv[index], &tally))
            continue;
        const char *ci = getenv("CI");
        bool in_ci = ci && strcmp(ci, "true") == 0;
        printf("%s commonmark_suite: cannot read '%s'; ../shared/conformance is needed\n",
               in_ci ? "FAIL" : "SKIPPED", argv[index]);
        return in_ci ? 1 : SUITE_SKIPPED;
    }
    printf("commonmark_suite: %zu examples typeset, %zu of them also read back from the PDF "
           "with pdftotext; %zu failed (%zu with warnings only)\n",
           tally.examples, tally.through_pdf, tally.failures, tally.warnings_only);
    return tally.failures ? 1 : 0;
}
