/* Escaping values: Markdown that keeps user text literal, HTML, none.
 *
 * The Markdown rule: whatever CommonMark or GFM would read as markup is
 * escaped, so that a parser gives back exactly the value's text. Inline
 * markers are escaped wherever they appear; block markers where a line
 * starts; blanks that a parser would strip (at either end of a line) are
 * written as character references; a line break becomes a hard line break,
 * or &#10; where a break cannot be written (table rows, headings, the end
 * of the value). A value inside a golive print directive is escaped for the
 * directive's quoted values instead. docs/templates.md states the rules for
 * template authors. */
#include "tmpl_escape.h"

#include "directive_quote.h"

#include <ctype.h>
#include <string.h>

/* How far into the current output line we look to learn the context. A
 * longer prefix is treated as "block markers may count", which only costs
 * a few harmless backslashes. */
#define CONTEXT_SCAN_LIMIT 64u

/* How far back on the current line we look for an open print directive.
 * A directive is one short line; bounding the look keeps escaping linear
 * even when a template writes megabytes without a line break. */
#define DIRECTIVE_SCAN_LIMIT 4096u

struct markdown_context {
    bool table;       /* the line is a GFM table row: it starts with '|' */
    bool single_line; /* a table row or an ATX heading: a line break would end it */
    bool line_start;  /* the value begins where block markers are read */
};

static bool is_blank(char character)
{
    return character == ' ' || character == '\t';
}

/* Characters that may come before a block marker on its line: blanks and
 * the markers of containers (block quotes, list items, table pipes). */
static bool is_container_character(char character)
{
    switch (character) {
    case ' ':
    case '\t':
    case '>':
    case '-':
    case '+':
    case '*':
    case '#':
    case '|':
    case '.':
    case ')': return true;
    default: return character >= '0' && character <= '9';
    }
}

static struct markdown_context read_context(const struct buffer *out, size_t line_start)
{
    struct markdown_context context = {false, false, true};
    const char *line = buffer_text(out) + line_start;
    size_t length = out->length - line_start, at = 0;
    while (at < length && (is_blank(line[at]) || line[at] == '>'))
        at++;
    if (at < length && line[at] == '|')
        context.table = context.single_line = true;
    size_t hashes = 0;
    while (at + hashes < length && line[at + hashes] == '#')
        hashes++;
    if (hashes >= 1 && hashes <= 6 && (at + hashes == length || is_blank(line[at + hashes])))
        context.single_line = true;
    for (size_t index = 0; index < length && index < CONTEXT_SCAN_LIMIT; index++) {
        if (!line[index] || !is_container_character(line[index])) {
            context.line_start = false;
            break;
        }
    }
    return context;
}

static void append_reference(struct buffer *out, unsigned char character)
{
    buffer_printf(out, "&#%u;", (unsigned)character);
}

/* At a line start: escapes the marker of a heading-free block (quote, list
 * item, setext underline, ordered list) that the value's text begins with.
 * Returns how many bytes of text it wrote. */
static size_t escape_block_marker(struct buffer *out, const char *text, size_t length)
{
    if (strchr(">-+=", text[0])) {
        buffer_append_char(out, '\\');
        buffer_append_char(out, text[0]);
        return 1;
    }
    size_t digits = 0;
    while (digits < length && isdigit((unsigned char)text[digits]))
        digits++;
    /* "1. " or "12) " starts an ordered list; "1.5" does not. */
    if (digits >= 1 && digits <= 9 && digits < length && strchr(".)", text[digits]) &&
        (digits + 1 == length || is_blank(text[digits + 1]))) {
        buffer_append(out, text, digits);
        buffer_append_char(out, '\\');
        buffer_append_char(out, text[digits]);
        return digits + 1;
    }
    return 0;
}

/* A '#' that could close an ATX heading: its run of '#' stands between
 * blanks (or the ends of the text). */
static bool is_heading_hash(const char *text, size_t length, size_t at)
{
    size_t first = at, last = at;
    while (first > 0 && text[first - 1] == '#')
        first--;
    while (last < length && text[last] == '#')
        last++;
    return (first == 0 || is_blank(text[first - 1])) && (last == length || is_blank(text[last]));
}

/* Whether text[at] needs a backslash where it stands. */
static bool needs_backslash(const char *text, size_t length, size_t at)
{
    char character = text[at];
    switch (character) {
    case '`':
    case '*':
    case '_':
    case '~':
    case '[':
    case ']':
    case '<':
    case '|': return true;
    case '&': /* could start an entity such as &amp; or &#42; */
        return at + 1 == length || isalnum((unsigned char)text[at + 1]) || text[at + 1] == '#';
    case '#': return is_heading_hash(text, length, at);
    case ':': /* http:// and the like: GFM would make a link */
        return at + 2 < length && text[at + 1] == '/' && text[at + 2] == '/';
    case '.': /* www. : GFM would make a link */
        return at >= 3 && tolower((unsigned char)text[at - 3]) == 'w' &&
               tolower((unsigned char)text[at - 2]) == 'w' &&
               tolower((unsigned char)text[at - 1]) == 'w';
    case '!': /* before a '[' the template writes next, it would make an image */
        return at + 1 == length;
    default: return false;
    }
}

/* Whether text[at] is written as it is (escape_inline would add nothing). */
static bool is_plain(const char *text, size_t length, size_t at)
{
    unsigned char character = (unsigned char)text[at];
    /* Most of what a build writes is letters, digits, spaces and UTF-8: no
     * call for them (needs_backslash marks none of them). */
    if ((character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
        (character >= '0' && character <= '9') || character == ' ' || character >= 0x80)
        return true;
    return character != '\\' && (character >= 0x20 || character == '\t') && character != 0x7F &&
           !needs_backslash(text, length, at);
}

static void escape_inline(struct buffer *out, const char *text, size_t length, size_t at,
                          bool table)
{
    unsigned char character = (unsigned char)text[at];
    if (character == '\\') {
        /* In a table row "\\|" would hide the cell's closing pipe. */
        buffer_append_text(out, table ? "&#92;" : "\\\\");
    } else if ((character < 0x20 && character != '\t') || character == 0x7F) {
        append_reference(out, character);
    } else {
        if (needs_backslash(text, length, at))
            buffer_append_char(out, '\\');
        buffer_append_char(out, (char)character);
    }
}

/* One line of the value (no newline in it). Blanks at either end would be
 * stripped or read as indentation, so they become references. */
static void escape_line(struct buffer *out, const char *line, size_t length, bool line_start,
                        bool table)
{
    size_t lead = 0, trail = length;
    while (lead < length && is_blank(line[lead]))
        lead++;
    while (trail > lead && is_blank(line[trail - 1]))
        trail--;
    for (size_t at = 0; at < lead; at++)
        append_reference(out, (unsigned char)line[at]);
    size_t at = lead;
    if (line_start && at < trail)
        at += escape_block_marker(out, line + at, trail - at);
    while (at < trail) {
        /* Characters that need no escape go out in one run. */
        size_t run = at;
        while (run < trail && is_plain(line + lead, trail - lead, run - lead))
            run++;
        buffer_append(out, line + at, run - at);
        if (run < trail)
            escape_inline(out, line + lead, trail - lead, run - lead, table);
        at = run + 1;
    }
    for (at = trail; at < length; at++)
        append_reference(out, (unsigned char)line[at]);
}

/* Whether the current output line has opened a golive print directive
 * (<!-- golive:NAME key="..." -->) that is not closed yet: the value then
 * lands in a quoted directive value, which has its own escapes. */
static bool in_directive(const struct buffer *out, size_t line_start)
{
    static const char opening[] = DIRECTIVE_OPENING;
    size_t from = line_start;
    if (out->length - from > DIRECTIVE_SCAN_LIMIT)
        from = out->length - DIRECTIVE_SCAN_LIMIT;
    const char *line = buffer_text(out) + from;
    const char *opened = NULL;
    for (const char *at = strstr(line, opening); at; at = strstr(at + 1, opening))
        opened = at;
    return opened && !strstr(opened, DIRECTIVE_CLOSING);
}

static void escape_markdown(const char *text, size_t length, struct buffer *out, size_t line_start)
{
    if (in_directive(out, line_start)) {
        directive_quote_append(out, text, length); /* Markdown escapes would be read literally */
        return;
    }
    struct markdown_context context = read_context(out, line_start);
    /* A hard line break at the end of a paragraph is ignored, so the
     * value's final line breaks are written as references. */
    size_t content_end = length;
    while (content_end > 0 && text[content_end - 1] == '\n')
        content_end--;
    bool at_line_start = context.line_start;
    size_t at = 0;
    for (;;) {
        const char *newline = memchr(text + at, '\n', length - at);
        size_t line_end = newline ? (size_t)(newline - text) : length;
        escape_line(out, text + at, line_end - at, at_line_start, context.table);
        if (!newline)
            return;
        if (context.single_line || line_end >= content_end) {
            buffer_append_text(out, "&#10;");
            at_line_start = false;
        } else {
            buffer_append_text(out, "\\\n");
            at_line_start = true;
        }
        at = line_end + 1;
    }
}

static void escape_html(const char *text, size_t length, struct buffer *out)
{
    for (size_t at = 0; at < length; at++) {
        switch (text[at]) {
        case '&': buffer_append_text(out, "&amp;"); break;
        case '<': buffer_append_text(out, "&lt;"); break;
        case '>': buffer_append_text(out, "&gt;"); break;
        case '"': buffer_append_text(out, "&quot;"); break;
        case '\'': buffer_append_text(out, "&#39;"); break;
        default: buffer_append_char(out, text[at]); break;
        }
    }
}

void tmpl_escape_append(enum tmpl_escape escape, const char *text, size_t length,
                        struct buffer *out, size_t line_start)
{
    switch (escape) {
    case TMPL_ESCAPE_MARKDOWN: escape_markdown(text, length, out, line_start); break;
    case TMPL_ESCAPE_HTML: escape_html(text, length, out); break;
    case TMPL_ESCAPE_NONE: buffer_append(out, text, length); break;
    }
}

bool tmpl_escape_from_name(const char *name, enum tmpl_escape *escape)
{
    static const enum tmpl_escape all[] = {TMPL_ESCAPE_MARKDOWN, TMPL_ESCAPE_HTML,
                                           TMPL_ESCAPE_NONE};
    for (size_t index = 0; index < sizeof all / sizeof all[0]; index++) {
        if (strcmp(name, tmpl_escape_name(all[index])) == 0) {
            *escape = all[index];
            return true;
        }
    }
    return false;
}

const char *tmpl_escape_name(enum tmpl_escape escape)
{
    switch (escape) {
    case TMPL_ESCAPE_MARKDOWN: return "markdown";
    case TMPL_ESCAPE_HTML: return "html";
    case TMPL_ESCAPE_NONE: return "none";
    }
    return "markdown";
}
