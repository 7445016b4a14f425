/* Lexical rules libyaml leaves unchecked; see yaml_lexical_check.h. */
#include "yaml_lexical_check.h"

#include "alloc.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define BYTE_ORDER_MARK "\xEF\xBB\xBF"

/* Byte offsets of each line's start, to turn libyaml's (line, column) marks
 * (columns in characters) into positions in the text. */
struct line_table {
    const char *text;
    size_t length;
    size_t *starts;
    size_t count;
    /* Tokens come in order: continuing from the last mark converted keeps
     * the conversion linear, even for long lines. */
    size_t cursor_line, cursor_column, cursor_offset;
};

struct span {
    size_t start, end; /* byte offsets, end exclusive */
};

struct lexical_checker {
    const char *name;
    struct diag_sink *sink;
    struct line_table lines;
    struct span *spans; /* every token's text, in order */
    size_t span_count, span_capacity;
    int *block_columns; /* columns of the open block collections */
    size_t block_depth, block_capacity;
    size_t flow_level;
    size_t previous_end_line;
    bool failed;
};

static void line_table_build(struct line_table *table, const char *text, size_t length)
{
    table->text = text;
    table->length = length;
    table->count = 1;
    for (size_t at = 0; at < length; at++)
        table->count += text[at] == '\n';
    table->starts = xreallocarray(NULL, table->count, sizeof(size_t));
    size_t line = 0;
    table->starts[line++] = 0;
    for (size_t at = 0; at < length; at++)
        if (text[at] == '\n')
            table->starts[line++] = at + 1;
}

static size_t offset_of(struct line_table *table, yaml_mark_t mark)
{
    if (mark.line >= table->count)
        return table->length;
    size_t offset = table->starts[mark.line], column = 0;
    if (mark.line == table->cursor_line && mark.column >= table->cursor_column) {
        offset = table->cursor_offset;
        column = table->cursor_column;
    }
    for (; column < mark.column && offset < table->length; column++) {
        unsigned char byte = (unsigned char)table->text[offset];
        uint32_t code_point;
        size_t used = byte < 0x80
                          ? 1
                          : utf8_decode(table->text + offset, table->length - offset, &code_point);
        offset += used ? used : 1;
    }
    table->cursor_line = mark.line;
    table->cursor_column = mark.column;
    table->cursor_offset = offset;
    return offset;
}

static void report(struct lexical_checker *checker, size_t line, size_t column, const char *message)
{
    if (checker->failed)
        return;
    /* libyaml counts a leading byte-order mark as a column of line 1; the
     * user sees none. */
    if (line == 0 && column > 0 && checker->lines.length >= 3 &&
        memcmp(checker->lines.text, BYTE_ORDER_MARK, 3) == 0)
        column--;
    struct source_position position = {checker->name, (unsigned)line + 1, (unsigned)column + 1};
    diag(checker->sink, DIAG_YAML_SYNTAX, position, "%s", message);
    checker->failed = true;
}

/* Leading spaces of a line, or -1 when the line holds only white space. */
static int line_indentation(const struct line_table *table, size_t line)
{
    size_t at = table->starts[line],
           end = line + 1 < table->count ? table->starts[line + 1] : table->length;
    int spaces = 0;
    while (at < end && table->text[at] == ' ')
        at++, spaces++;
    while (at < end && (table->text[at] == ' ' || table->text[at] == '\t' ||
                        table->text[at] == '\r' || table->text[at] == '\n'))
        at++;
    return at == end ? -1 : spaces;
}

static int enclosing_block_column(const struct lexical_checker *checker)
{
    return checker->block_depth ? checker->block_columns[checker->block_depth - 1] : -1;
}

static void check_continuation_line(struct lexical_checker *checker, size_t line)
{
    if (line >= checker->lines.count)
        return;
    int indentation = line_indentation(&checker->lines, line);
    if (indentation >= 0 && indentation <= enclosing_block_column(checker))
        report(checker, line, (size_t)indentation,
               "this continuation line must be indented further than the block it belongs to");
}

/* Lines of a flow collection after its first, and of multi-line quoted
 * text, must be indented past the enclosing block collection. */
static void check_indentation(struct lexical_checker *checker, const yaml_token_t *token)
{
    bool quoted = token->type == YAML_SCALAR_TOKEN &&
                  (token->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
                   token->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE);
    bool in_flow = checker->flow_level > 0;
    if (in_flow && token->start_mark.line > checker->previous_end_line)
        check_continuation_line(checker, token->start_mark.line);
    if (in_flow || quoted)
        for (size_t line = token->start_mark.line + 1;
             line <= token->end_mark.line && line < checker->lines.count; line++)
            check_continuation_line(checker, line);
}

/* In flow context a plain scalar may not be a bare -, ? or : (YAML 1.2,
 * ns-plain-first): "[-]" is not a list holding "-". */
static void check_flow_indicator_scalar(struct lexical_checker *checker, const yaml_token_t *token)
{
    if (checker->flow_level == 0 || token->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return;
    const char *value = (const char *)token->data.scalar.value;
    if (strchr("-?:", value[0]) && value[0] && (value[1] == '\0' || value[1] == ' '))
        report(checker, token->start_mark.line, token->start_mark.column,
               "a lone '-', '?' or ':' cannot be an entry of a flow collection; quote it");
}

/* A block scalar's header may carry a comment only after a space, and its
 * leading blank lines may not hold more spaces than its first text line. */
static void check_block_scalar(struct lexical_checker *checker, const yaml_token_t *token)
{
    yaml_scalar_style_t style = token->data.scalar.style;
    if (style != YAML_LITERAL_SCALAR_STYLE && style != YAML_FOLDED_SCALAR_STYLE)
        return;
    const char *text = checker->lines.text;
    size_t at = offset_of(&checker->lines, token->start_mark) + 1, end = checker->lines.length;
    bool explicit_indentation = false;
    while (at < end && strchr("123456789+-", text[at]) && text[at]) {
        explicit_indentation |= text[at] >= '1' && text[at] <= '9';
        at++;
    }
    if (at < end && text[at] == '#') {
        report(checker, token->start_mark.line, token->start_mark.column,
               "a comment must be separated from the block scalar indicator by a space");
        return;
    }
    if (explicit_indentation)
        return;
    int widest_blank = 0;
    for (size_t line = token->start_mark.line + 1; line < checker->lines.count; line++) {
        int indentation = line_indentation(&checker->lines, line);
        if (indentation < 0) {
            size_t start = checker->lines.starts[line];
            int spaces = 0;
            while (start + (size_t)spaces < end && text[start + (size_t)spaces] == ' ')
                spaces++;
            widest_blank = spaces > widest_blank ? spaces : widest_blank;
            continue;
        }
        if (indentation > enclosing_block_column(checker) && widest_blank > indentation)
            report(checker, line, 0,
                   "a leading blank line of this block scalar has more spaces than its first line");
        return;
    }
}

static void add_span(struct lexical_checker *checker, const yaml_token_t *token)
{
    checker->spans = xgrow(checker->spans, &checker->span_capacity, checker->span_count + 1,
                           sizeof(struct span));
    checker->spans[checker->span_count++] = (struct span){
        offset_of(&checker->lines, token->start_mark), offset_of(&checker->lines, token->end_mark)};
}

static void push_block(struct lexical_checker *checker, int column)
{
    checker->block_columns = xgrow(checker->block_columns, &checker->block_capacity,
                                   checker->block_depth + 1, sizeof(int));
    checker->block_columns[checker->block_depth++] = column;
}

static void visit_token(struct lexical_checker *checker, const yaml_token_t *token)
{
    switch (token->type) {
    case YAML_BLOCK_SEQUENCE_START_TOKEN:
    case YAML_BLOCK_MAPPING_START_TOKEN: push_block(checker, (int)token->start_mark.column); break;
    case YAML_BLOCK_END_TOKEN:
        if (checker->block_depth)
            checker->block_depth--;
        break;
    case YAML_FLOW_SEQUENCE_START_TOKEN:
    case YAML_FLOW_MAPPING_START_TOKEN:
        check_indentation(checker, token);
        checker->flow_level++;
        break;
    case YAML_FLOW_SEQUENCE_END_TOKEN:
    case YAML_FLOW_MAPPING_END_TOKEN:
        check_indentation(checker, token);
        if (checker->flow_level)
            checker->flow_level--;
        break;
    case YAML_SCALAR_TOKEN:
        check_indentation(checker, token);
        check_flow_indicator_scalar(checker, token);
        check_block_scalar(checker, token);
        break;
    default: check_indentation(checker, token); break;
    }
    add_span(checker, token);
    checker->previous_end_line = token->end_mark.line;
}

/* Where line's text starts: past a leading byte-order mark on the first
 * line, which YAML allows and which is no character of the text. */
static size_t text_start(const struct line_table *table, size_t line)
{
    size_t start = table->starts[line];
    if (line == 0 && table->length >= 3 && memcmp(table->text, BYTE_ORDER_MARK, 3) == 0)
        start += 3;
    return start;
}

/* The 0-based column of byte offset at on line, in characters, as libyaml
 * counts them (a leading byte-order mark is one; report takes it off). */
static size_t character_column(const struct line_table *table, size_t line, size_t at)
{
    size_t column = 0;
    for (size_t offset = table->starts[line]; offset < at; column++) {
        uint32_t code_point;
        offset += utf8_decode_lossy(table->text + offset, table->length - offset, &code_point);
    }
    return column;
}

/* A '#' outside every token starts a comment, and must follow white space
 * or begin its line. Only the '#' are visited (memchr), not every byte. */
static void check_comments(struct lexical_checker *checker)
{
    const char *text = checker->lines.text;
    size_t length = checker->lines.length, span = 0, line = 0;
    for (size_t at = 0; at < length && !checker->failed; at++) {
        const char *hash = memchr(text + at, '#', length - at);
        if (!hash)
            break;
        at = (size_t)(hash - text);
        while (line + 1 < checker->lines.count && checker->lines.starts[line + 1] <= at)
            line++;
        while (span < checker->span_count && checker->spans[span].end <= at)
            span++;
        bool inside = span < checker->span_count && checker->spans[span].start <= at;
        if (inside || at <= text_start(&checker->lines, line))
            continue;
        if (text[at - 1] != ' ' && text[at - 1] != '\t')
            report(checker, line, character_column(&checker->lines, line, at),
                   "a comment must be separated from what precedes it by a space");
        /* The rest of the line is comment: skip it. */
        const char *end = memchr(text + at, '\n', length - at);
        at = end ? (size_t)(end - text) - 1 : length;
    }
}

bool yaml_lexical_tab_indentation(const char *text, size_t length, size_t line, size_t *column)
{
    size_t at = 0;
    for (size_t current = 0; current < line && at < length; at++)
        current += text[at] == '\n';
    if (line == 0 && length >= 3 && memcmp(text, BYTE_ORDER_MARK, 3) == 0)
        at += 3;
    for (size_t start = at; at < length && (text[at] == ' ' || text[at] == '\t'); at++) {
        if (text[at] == '\t') {
            *column = at - start;
            return true;
        }
    }
    return false;
}

static void checker_release(struct lexical_checker *checker)
{
    free(checker->lines.starts);
    free(checker->spans);
    free(checker->block_columns);
}

/* Records the first violation in text (the file called name) and returns
 * false; returns true when there is none, or when the text does not scan
 * (the parser then reports the syntax error). */
static bool yaml_lexical_check(const char *name, const char *text, size_t length,
                               struct diag_sink *sink)
{
    struct lexical_checker checker = {.name = name, .sink = sink};
    line_table_build(&checker.lines, text, length);
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        fatal_out_of_memory(sizeof parser); /* only fails when out of memory */
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, length);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    bool scanned = true;
    for (;;) {
        yaml_token_t token;
        if (!yaml_parser_scan(&parser, &token)) {
            scanned = false;
            break;
        }
        bool done = token.type == YAML_STREAM_END_TOKEN;
        visit_token(&checker, &token);
        yaml_token_delete(&token);
        if (done || checker.failed)
            break;
    }
    if (scanned && !checker.failed)
        check_comments(&checker);
    yaml_parser_delete(&parser);
    checker_release(&checker);
    return !checker.failed;
}

/* ---- the same checks on the parser's own tokens ---------------------------- */

/* Spare room kept at the end of the parser's token queue [tokens]. libyaml
 * moves its queue's tokens to the front when the queue's end is reached, over
 * the tokens it has consumed; with this much room that happens within one
 * yaml_parser_parse call only for a line of hundreds of tokens or a dedent of
 * hundreds of levels, and then the tokens are checked by a scan of their own. */
#define QUEUE_ROOM 256u

struct yaml_lexical_watch {
    struct lexical_checker checker;
    size_t next; /* the ordinal of the next token to check */
    bool lost;   /* a token went before it could be checked */
};

struct yaml_lexical_watch *yaml_lexical_watch_new(const char *name, const char *text, size_t length,
                                                  struct diag_sink *sink)
{
    struct yaml_lexical_watch *watch = xcalloc(1, sizeof *watch);
    watch->checker = (struct lexical_checker){.name = name, .sink = sink};
    line_table_build(&watch->checker.lines, text, length);
    return watch;
}

/* Moves the unconsumed tokens to the front of the queue, and makes room at
 * its end, as libyaml's own growth would (its memory is malloc's). */
static void prepare_queue(struct yaml_parser_s *parser)
{
    size_t waiting = (size_t)(parser->tokens.tail - parser->tokens.head);
    if (parser->tokens.head != parser->tokens.start)
        memmove(parser->tokens.start, parser->tokens.head, waiting * sizeof(yaml_token_t));
    size_t capacity = (size_t)(parser->tokens.end - parser->tokens.start);
    parser->tokens.start =
        xgrow(parser->tokens.start, &capacity, waiting + QUEUE_ROOM, sizeof(yaml_token_t));
    parser->tokens.end = parser->tokens.start + capacity;
    parser->tokens.head = parser->tokens.start;
    parser->tokens.tail = parser->tokens.start + waiting;
}

bool yaml_lexical_watch(struct yaml_lexical_watch *watch, struct yaml_parser_s *parser)
{
    if (watch->lost || watch->checker.failed)
        return !watch->checker.failed;
    /* Tokens consumed by the last yaml_parser_parse lie just before the
     * head, unless libyaml moved the queue (then the head is elsewhere). A
     * token is final once consumed: libyaml may still insert a key token
     * before the ones waiting. */
    size_t consumed = parser->tokens_parsed - watch->next;
    if ((size_t)(parser->tokens.head - parser->tokens.start) != consumed) {
        watch->lost = true;
        return true;
    }
    for (const yaml_token_t *token = parser->tokens.head - consumed;
         token < parser->tokens.head && !watch->checker.failed; token++)
        visit_token(&watch->checker, token);
    watch->next = parser->tokens_parsed;
    prepare_queue(parser);
    return !watch->checker.failed;
}

bool yaml_lexical_watch_end(struct yaml_lexical_watch *watch, bool complete)
{
    bool ok = !watch->checker.failed;
    if (ok && (watch->lost || !complete)) {
        struct lexical_checker *checker = &watch->checker;
        ok = yaml_lexical_check(checker->name, checker->lines.text, checker->lines.length,
                                checker->sink);
    } else if (ok) {
        check_comments(&watch->checker);
        ok = !watch->checker.failed;
    }
    return ok;
}

void yaml_lexical_watch_free(struct yaml_lexical_watch *watch)
{
    if (!watch)
        return;
    checker_release(&watch->checker);
    free(watch);
}
