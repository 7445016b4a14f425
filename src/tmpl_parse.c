/* The Mustache parser: template text to the node array of tmpl_tree.h.
 *
 * One pass, left to right. Each tag is read, then the spec's standalone rule
 * is applied at once: a section, inverted, closing, comment, partial or
 * set-delimiter tag alone on its line (blanks around it allowed) takes the
 * whole line with it, so it leaves no blank line behind. Every surviving
 * template line start gets an INDENT node, where a standalone partial's
 * indentation is written when the template is used as that partial. */
#include "tmpl_tree.h"

#include "alloc.h"
#include "golive_limits.h"

#include <stdlib.h>
#include <string.h>

#define NOT_FOUND ((size_t)-1)

/* A delimiter: the default "{{" / "}}" or a piece of the source. */
struct delimiter {
    const char *text;
    size_t length;
};

struct parser {
    struct tmpl_part *part;
    const char *source;
    size_t length;
    struct diag_sink *sink;
    struct delimiter open, close;
    size_t offset;      /* where scanning resumes: just past the last tag */
    bool at_line_start; /* offset begins a template line */
    bool failed;        /* an error was recorded; parsing may carry on */
    size_t *sections;   /* node indices of the open sections, innermost last */
    size_t depth, capacity;
    /* Offsets turn into line and column by counting forward from the last
     * position asked for; tags are met in order, so the whole parse counts
     * each character once. */
    size_t cursor_offset;
    unsigned cursor_line, cursor_column;
};

/* A tag as read from between its delimiters. */
struct tag {
    char sigil;                     /* # ^ / > ! = & {, or 0 for a plain variable */
    size_t start, end;              /* from its opening delimiter to past its closing one */
    size_t name_start, name_length; /* the content after the sigil, blanks trimmed */
};

static bool is_blank(char character)
{
    return character == ' ' || character == '\t';
}

static bool is_space(char character)
{
    return is_blank(character) || character == '\n' || character == '\r';
}

/* Whether text[0..length) holds needle. */
static bool holds(const char *text, size_t length, const char *needle)
{
    size_t needle_length = strlen(needle);
    for (size_t at = 0; at + needle_length <= length; at++)
        if (memcmp(text + at, needle, needle_length) == 0)
            return true;
    return false;
}

static struct source_position position_at(struct parser *parser, size_t offset)
{
    if (offset < parser->cursor_offset) {
        parser->cursor_offset = 0;
        parser->cursor_line = parser->cursor_column = 1;
    }
    for (; parser->cursor_offset < offset; parser->cursor_offset++) {
        unsigned char byte = (unsigned char)parser->source[parser->cursor_offset];
        if (byte == '\n') {
            parser->cursor_line++;
            parser->cursor_column = 1;
        } else if (byte != '\r' && (byte & 0xC0) != 0x80) {
            parser->cursor_column++; /* columns count characters, not bytes */
        }
    }
    struct source_position position = {parser->part->path, parser->cursor_line,
                                       parser->cursor_column};
    return position;
}

/* The offset of needle in the source at or after from, or NOT_FOUND. The
 * needle is at most a delimiter long, so this stays linear. */
static size_t find(const struct parser *parser, size_t from, const char *needle,
                   size_t needle_length)
{
    if (needle_length == 0 || parser->length < needle_length)
        return NOT_FOUND;
    for (size_t at = from; at + needle_length <= parser->length; at++) {
        const char *candidate =
            memchr(parser->source + at, needle[0], parser->length - needle_length + 1 - at);
        if (!candidate)
            return NOT_FOUND;
        at = (size_t)(candidate - parser->source);
        if (memcmp(candidate, needle, needle_length) == 0)
            return at;
    }
    return NOT_FOUND;
}

static size_t add_node(struct parser *parser, enum tmpl_node_kind kind, size_t start)
{
    struct tmpl_part *part = parser->part;
    part->nodes = xgrow(part->nodes, &part->capacity, part->count + 1, sizeof(struct tmpl_node));
    size_t index = part->count++;
    struct tmpl_node *node = &part->nodes[index];
    memset(node, 0, sizeof *node);
    node->kind = kind;
    node->end = index + 1;
    node->partial = TMPL_NO_PARTIAL;
    node->position = kind == TMPL_NODE_TEXT || kind == TMPL_NODE_INDENT
                         ? source_position_of_file(part->path)
                         : position_at(parser, start);
    return index;
}

/* Reads the tag whose opening delimiter is at start. Returns false after
 * reporting a tag that is never closed. */
static bool read_tag(struct parser *parser, size_t start, struct tag *tag)
{
    const char *source = parser->source;
    size_t content = start + parser->open.length;
    tag->start = start;
    tag->sigil = 0;
    if (content < parser->length && source[content] && strchr("#^/>!=&{", source[content]))
        tag->sigil = source[content++];
    /* A triple mustache ends with '}' and then the closing delimiter. */
    char closer[LIMIT_TEMPLATE_DELIMITER_LENGTH + 2];
    size_t closer_length = 0;
    if (tag->sigil == '{')
        closer[closer_length++] = '}';
    memcpy(closer + closer_length, parser->close.text, parser->close.length);
    closer_length += parser->close.length;
    size_t close = find(parser, content, closer, closer_length);
    if (close == NOT_FOUND) {
        diag(parser->sink, DIAG_TEMPLATE_UNCLOSED_TAG, position_at(parser, start),
             "this tag is never closed: no '%.*s' follows it", (int)closer_length, closer);
        return false;
    }
    tag->end = close + closer_length;
    while (content < close && is_space(source[content]))
        content++;
    while (close > content && is_space(source[close - 1]))
        close--;
    tag->name_start = content;
    tag->name_length = close - content;
    return true;
}

/* Whether tag stands alone on its line; if so, where that line begins and
 * where the next one does (past the line end, or the end of the text). */
static bool find_standalone_line(const struct parser *parser, const struct tag *tag,
                                 size_t *line_begin, size_t *line_end)
{
    const char *source = parser->source;
    if (!tag->sigil || !strchr("#^/>!=", tag->sigil))
        return false;
    size_t begin = tag->start;
    while (begin > parser->offset && is_blank(source[begin - 1]))
        begin--;
    if (begin > 0 && source[begin - 1] != '\n')
        return false;
    size_t end = tag->end;
    while (end < parser->length && is_blank(source[end]))
        end++;
    if (end + 1 < parser->length && source[end] == '\r' && source[end + 1] == '\n')
        end += 2;
    else if (end < parser->length && source[end] == '\n')
        end++;
    else if (end < parser->length)
        return false;
    *line_begin = begin;
    *line_end = end;
    return true;
}

/* Adds source[from..to) as TEXT nodes, one a line, with an INDENT node at
 * each line start, except where the line is a standalone tag's (removed)
 * or the text has ended. */
static void add_text(struct parser *parser, size_t from, size_t to, bool line_removed)
{
    bool line_start = parser->at_line_start;
    size_t at = from;
    for (;;) {
        if (line_start && at < parser->length && !(line_removed && at == to))
            add_node(parser, TMPL_NODE_INDENT, at);
        if (at >= to)
            return;
        const char *newline = memchr(parser->source + at, '\n', to - at);
        size_t piece_end = newline ? (size_t)(newline - parser->source) + 1 : to;
        size_t index = add_node(parser, TMPL_NODE_TEXT, at);
        parser->part->nodes[index].text = parser->source + at;
        parser->part->nodes[index].length = piece_end - at;
        line_start = newline != NULL;
        at = piece_end;
    }
}

/* Checks the name of a variable or section tag and stores it, split into
 * its dotted parts, in the node. Returns false after reporting a bad name. */
static bool set_name(struct parser *parser, const struct tag *tag, size_t index)
{
    const char *name = parser->source + tag->name_start;
    size_t length = tag->name_length;
    struct source_position position = parser->part->nodes[index].position;
    if (length == 0) {
        diag(parser->sink, DIAG_TEMPLATE_EMPTY_TAG, position, "this tag names nothing");
        return false;
    }
    for (size_t at = 0; at < length; at++) {
        if (is_space(name[at])) {
            diag(parser->sink, DIAG_TEMPLATE_NAME_SPACE, position,
                 "'%.*s' is not a name: names hold no spaces", (int)length, name);
            return false;
        }
    }
    bool iterator = length == 1 && name[0] == '.';
    if (!iterator && (name[0] == '.' || name[length - 1] == '.' || holds(name, length, ".."))) {
        diag(parser->sink, DIAG_TEMPLATE_NAME_EMPTY_PART, position,
             "'%.*s' has an empty part between its dots", (int)length, name);
        return false;
    }
    struct tmpl_node *node = &parser->part->nodes[index];
    node->text = name;
    node->length = length;
    if (iterator)
        return true;
    node->name_parts = xmemdup(name, length);
    node->part_count = 1;
    for (size_t at = 0; at < length; at++) {
        if (node->name_parts[at] == '.') {
            node->name_parts[at] = '\0';
            node->part_count++;
        }
    }
    return true;
}

/* Adds a {{name}} node. A bad name is reported and parsing carries on;
 * returns true (go on) always, as every tag handler does unless noted. */
static bool add_variable(struct parser *parser, const struct tag *tag, enum tmpl_node_kind kind)
{
    size_t index = add_node(parser, kind, tag->start);
    if (!set_name(parser, tag, index)) {
        parser->failed = true;
        parser->part->count--; /* the node was the last added */
    }
    return true;
}

static bool open_section(struct parser *parser, const struct tag *tag)
{
    enum tmpl_node_kind kind = tag->sigil == '#' ? TMPL_NODE_SECTION : TMPL_NODE_INVERTED;
    size_t index = add_node(parser, kind, tag->start);
    if (!set_name(parser, tag, index)) {
        /* Keep the section open so that its closing tag still matches. */
        parser->failed = true;
        parser->part->nodes[index].text = parser->source + tag->name_start;
        parser->part->nodes[index].length = tag->name_length;
    }
    parser->sections =
        xgrow(parser->sections, &parser->capacity, parser->depth + 1, sizeof(size_t));
    parser->sections[parser->depth++] = index;
    return true;
}

/* Returns false (stop parsing) when the closing tag does not match: what
 * follows cannot be read with any confidence. */
static bool close_section(struct parser *parser, const struct tag *tag)
{
    const char *name = parser->source + tag->name_start;
    int length = (int)tag->name_length;
    struct source_position position = position_at(parser, tag->start);
    if (tag->name_length == 0) {
        diag(parser->sink, DIAG_TEMPLATE_EMPTY_TAG, position, "this closing tag names nothing");
        return false;
    }
    if (parser->depth == 0) {
        diag(parser->sink, DIAG_TEMPLATE_UNOPENED_CLOSE, position,
             "this tag closes '%.*s', but no section is open", length, name);
        return false;
    }
    struct tmpl_node *open = &parser->part->nodes[parser->sections[parser->depth - 1]];
    if (open->length != tag->name_length || memcmp(open->text, name, open->length) != 0) {
        diag(parser->sink, DIAG_TEMPLATE_MISMATCHED_CLOSE, position,
             "this tag closes '%.*s', but the innermost open section is '%.*s'", length, name,
             (int)open->length, open->text);
        diag(parser->sink, DIAG_NOTE_PREVIOUS, open->position, "'%.*s' was opened here",
             (int)open->length, open->text);
        return false;
    }
    open->end = parser->part->count;
    parser->depth--;
    return true;
}

/* Checks that a partial's name is a plain file name: partials are read
 * from the including template's folder and from nowhere else. Returns
 * false after reporting a name that is not. */
static bool partial_name_is_plain(struct parser *parser, const struct tag *tag,
                                  struct source_position position)
{
    const char *name = parser->source + tag->name_start;
    int length = (int)tag->name_length;
    if (name[0] == '/') {
        diag(parser->sink, DIAG_TEMPLATE_PARTIAL_ABSOLUTE, position,
             "the partial '%.*s' is an absolute path; partials are read only from the "
             "template's own folder",
             length, name);
        return false;
    }
    if (holds(name, tag->name_length, "..")) {
        diag(parser->sink, DIAG_TEMPLATE_PARTIAL_PARENT, position,
             "the partial '%.*s' holds '..'; partials are read only from the template's "
             "own folder",
             length, name);
        return false;
    }
    if (holds(name, tag->name_length, "/") || holds(name, tag->name_length, "\\")) {
        diag(parser->sink, DIAG_TEMPLATE_PARTIAL_SEPARATOR, position,
             "the partial '%.*s' names a folder; partials are read only from the "
             "template's own folder",
             length, name);
        return false;
    }
    return true;
}

static bool add_partial(struct parser *parser, const struct tag *tag, bool standalone,
                        size_t line_begin)
{
    struct source_position position = position_at(parser, tag->start);
    if (tag->name_length == 0) {
        diag(parser->sink, DIAG_TEMPLATE_EMPTY_TAG, position, "this partial tag names nothing");
        parser->failed = true;
        return true;
    }
    for (size_t at = 0; at < tag->name_length; at++) {
        if (is_space(parser->source[tag->name_start + at])) {
            diag(parser->sink, DIAG_TEMPLATE_NAME_SPACE, position,
                 "'%.*s' is not a partial name: names hold no spaces", (int)tag->name_length,
                 parser->source + tag->name_start);
            parser->failed = true;
            return true;
        }
    }
    if (!partial_name_is_plain(parser, tag, position)) {
        parser->failed = true;
        return true;
    }
    size_t index = add_node(parser, TMPL_NODE_PARTIAL, tag->start);
    struct tmpl_node *node = &parser->part->nodes[index];
    node->text = parser->source + tag->name_start;
    node->length = tag->name_length;
    node->standalone = standalone;
    if (standalone) {
        node->indentation = parser->source + line_begin;
        node->indentation_length = tag->start - line_begin;
    }
    return true;
}

/* Reads the next whitespace-separated word of text[*at..end); false when
 * there is none left. */
static bool next_word(const char *text, size_t *at, size_t end, size_t *word, size_t *length)
{
    while (*at < end && is_space(text[*at]))
        (*at)++;
    if (*at == end)
        return false;
    *word = *at;
    while (*at < end && !is_space(text[*at]))
        (*at)++;
    *length = *at - *word;
    return true;
}

/* {{=<% %>=}}: the content must end with '=' and hold two words without
 * '=', which become the opening and closing delimiters. Returns false
 * after reporting a malformed tag (parsing stops: what follows cannot be
 * read with the right delimiters). */
static bool set_delimiters(struct parser *parser, const struct tag *tag)
{
    const char *source = parser->source;
    size_t at = tag->name_start, end = tag->name_start + tag->name_length;
    struct source_position position = position_at(parser, tag->start);
    if (end == at || source[end - 1] != '=') {
        diag(parser->sink, DIAG_TEMPLATE_DELIMITER_UNTERMINATED, position,
             "this set-delimiter tag does not end with '=' before its closing delimiter");
        return false;
    }
    end--;
    size_t words[3], lengths[3], count = 0;
    while (count < 3 && next_word(source, &at, end, &words[count], &lengths[count]))
        count++;
    if (count != 2) {
        diag(parser->sink, DIAG_TEMPLATE_DELIMITER_COUNT, position,
             "this set-delimiter tag gives %s delimiter%s; it needs two, as in {{=<%% %%>=}}",
             count == 0   ? "no"
             : count == 1 ? "one"
                          : "more than two",
             count == 1 ? "" : "s");
        return false;
    }
    for (size_t word = 0; word < 2; word++) {
        if (holds(source + words[word], lengths[word], "=")) {
            diag(parser->sink, DIAG_TEMPLATE_DELIMITER_EQUALS, position,
                 "the delimiter '%.*s' holds '='", (int)lengths[word], source + words[word]);
            return false;
        }
        if (lengths[word] > LIMIT_TEMPLATE_DELIMITER_LENGTH) {
            diag(parser->sink, DIAG_TEMPLATE_DELIMITER_LENGTH, position,
                 "the delimiter '%.*s' is %zu bytes long; the limit is %u", (int)lengths[word],
                 source + words[word], lengths[word], LIMIT_TEMPLATE_DELIMITER_LENGTH);
            return false;
        }
    }
    parser->open = (struct delimiter){source + words[0], lengths[0]};
    parser->close = (struct delimiter){source + words[1], lengths[1]};
    return true;
}

/* Acts on one tag. Returns false when parsing must stop. */
static bool handle_tag(struct parser *parser, const struct tag *tag, bool standalone,
                       size_t line_begin)
{
    switch (tag->sigil) {
    case '!': return true;
    case '=': return set_delimiters(parser, tag);
    case '#':
    case '^': return open_section(parser, tag);
    case '/': return close_section(parser, tag);
    case '>': return add_partial(parser, tag, standalone, line_begin);
    case '&':
    case '{': return add_variable(parser, tag, TMPL_NODE_RAW_VARIABLE);
    default: return add_variable(parser, tag, TMPL_NODE_VARIABLE);
    }
}

static void report_unclosed_sections(struct parser *parser)
{
    for (size_t level = parser->depth; level-- > 0;) {
        struct tmpl_node *open = &parser->part->nodes[parser->sections[level]];
        open->end = parser->part->count;
        diag(parser->sink, DIAG_TEMPLATE_UNCLOSED_SECTION, open->position,
             "the section '%.*s' is never closed", (int)open->length, open->text);
        parser->failed = true;
    }
}

bool tmpl_parse(struct tmpl_part *part, struct diag_sink *sink)
{
    struct parser parser = {
        .part = part,
        .source = part->source,
        .length = part->length,
        .sink = sink,
        .open = {"{{", 2},
        .close = {"}}", 2},
        .at_line_start = true,
        .cursor_line = 1,
        .cursor_column = 1,
    };
    for (;;) {
        size_t start = find(&parser, parser.offset, parser.open.text, parser.open.length);
        if (start == NOT_FOUND) {
            add_text(&parser, parser.offset, parser.length, false);
            report_unclosed_sections(&parser);
            break;
        }
        struct tag tag;
        if (!read_tag(&parser, start, &tag)) {
            parser.failed = true;
            break;
        }
        size_t line_begin = start, line_end = tag.end;
        bool standalone = find_standalone_line(&parser, &tag, &line_begin, &line_end);
        add_text(&parser, parser.offset, line_begin, standalone);
        if (!handle_tag(&parser, &tag, standalone, line_begin)) {
            parser.failed = true;
            break;
        }
        parser.offset = line_end;
        parser.at_line_start = standalone && line_end > 0 && part->source[line_end - 1] == '\n';
    }
    free(parser.sections);
    return !parser.failed;
}

void tmpl_part_clear(struct tmpl_part *part)
{
    for (size_t index = 0; index < part->count; index++)
        free(part->nodes[index].name_parts);
    free(part->nodes);
    free(part->name);
    free(part->path);
    free(part->source);
    memset(part, 0, sizeof *part);
}
