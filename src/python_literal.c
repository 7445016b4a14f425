/* Python literals as data: a lexer for the tokens a literal may hold and a
 * parser that builds the node tree with an explicit stack, so no input can
 * exhaust the C stack. Python's own rules are followed where they matter to
 * a manifest (escapes, prefixes, concatenation, tuples, trailing commas);
 * anything that would have to be run is refused. */
#include "python_literal.h"

#include "alloc.h"
#include "buffer.h"
#include "golive_limits.h"
#include "utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uniname.h>

struct lexer {
    const char *path;
    const char *text;
    size_t length;
    size_t offset;
    unsigned line, column;
    struct diag_sink *sink;
};

enum token_kind {
    TOKEN_END,
    TOKEN_PUNCTUATION, /* one of {}[](),: or an operator */
    TOKEN_STRING,
    TOKEN_BYTES,
    TOKEN_NUMBER,
    TOKEN_NAME,
    TOKEN_ERROR, /* reported already */
};

struct token {
    enum token_kind kind;
    char punctuation;
    enum scalar_type number_type;
    struct buffer text; /* the decoded string, the number or the name */
    struct source_position position;
};

static struct source_position lexer_position(const struct lexer *lexer)
{
    struct source_position position = {lexer->path, lexer->line, lexer->column};
    return position;
}

static int peek(const struct lexer *lexer, size_t ahead)
{
    size_t at = lexer->offset + ahead;
    return at < lexer->length ? (unsigned char)lexer->text[at] : -1;
}

/* Moves one byte on; columns count characters, so continuation bytes do
 * not move the column. */
static void advance(struct lexer *lexer)
{
    unsigned char byte = (unsigned char)lexer->text[lexer->offset++];
    if (byte == '\n') {
        lexer->line++;
        lexer->column = 1;
    } else if ((byte & 0xC0) != 0x80) {
        lexer->column++;
    }
}

static bool is_name_start(int character)
{
    return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
           character == '_' || character >= 0x80;
}

static bool is_digit(int character)
{
    return character >= '0' && character <= '9';
}

static bool is_name_part(int character)
{
    return is_name_start(character) || is_digit(character);
}

/* Spaces, line breaks, comments and backslash continuations. */
static void skip_blank(struct lexer *lexer)
{
    for (;;) {
        int character = peek(lexer, 0);
        if (character == ' ' || character == '\t' || character == '\n' || character == '\r' ||
            character == '\f') {
            advance(lexer);
        } else if (character == '\\' && (peek(lexer, 1) == '\n' || peek(lexer, 1) == '\r')) {
            advance(lexer);
        } else if (character == '#') {
            while (peek(lexer, 0) != -1 && peek(lexer, 0) != '\n')
                advance(lexer);
        } else {
            return;
        }
    }
}

/* ---- strings ----------------------------------------------------------- */

struct string_form {
    bool raw, bytes, triple;
    char quote;
};

static bool fail(struct lexer *lexer, enum diag_code code, struct source_position at,
                 const char *message)
{
    diag(lexer->sink, code, at, "%s", message);
    return false;
}

static bool append_code_point(struct lexer *lexer, struct buffer *out, uint32_t code_point,
                              const struct string_form *form, struct source_position at)
{
    if (form->bytes && code_point > 0x7F)
        return fail(lexer, DIAG_PYTHON_BAD_ESCAPE, at,
                    "a bytes value above \\x7f is not text; golive reads manifests as text");
    if (utf8_is_control(code_point) && code_point != '\n' && code_point != '\t')
        return fail(lexer, DIAG_PYTHON_CONTROL_IN_VALUE, at,
                    "this string holds a control character; only tab and newline may appear");
    char encoded[4];
    size_t size = utf8_encode(code_point, encoded);
    if (size == 0)
        return fail(
            lexer, DIAG_PYTHON_BAD_ESCAPE, at,
            "this escape names a surrogate or a value above U+10FFFF, which is not a character");
    buffer_append(out, encoded, size);
    return true;
}

/* \x, \u and \U: exactly digits hexadecimal digits. */
static bool read_hex_escape(struct lexer *lexer, unsigned digits, uint32_t *value)
{
    *value = 0;
    for (unsigned index = 0; index < digits; index++) {
        int digit = ascii_hex_value((char)peek(lexer, 0));
        if (peek(lexer, 0) == -1 || digit < 0)
            return false;
        *value = *value * 16 + (uint32_t)digit;
        advance(lexer);
    }
    return true;
}

static bool read_named_escape(struct lexer *lexer, uint32_t *value)
{
    if (peek(lexer, 0) != '{')
        return false;
    advance(lexer);
    char name[UNINAME_MAX + 1];
    size_t length = 0;
    while (peek(lexer, 0) != -1 && peek(lexer, 0) != '}' && peek(lexer, 0) != '\n') {
        if (length < UNINAME_MAX)
            name[length++] = (char)peek(lexer, 0);
        advance(lexer);
    }
    if (peek(lexer, 0) != '}')
        return false;
    advance(lexer);
    name[length] = '\0';
    *value = unicode_name_character(name);
    return *value != UNINAME_INVALID;
}

/* One escape after the backslash, as Python decodes it. An unknown escape
 * (\q) keeps its backslash, as Python does. */
static bool read_escape(struct lexer *lexer, struct buffer *out, const struct string_form *form)
{
    struct source_position at = lexer_position(lexer);
    advance(lexer); /* the backslash */
    int character = peek(lexer, 0);
    static const char simple_from[] = "\\'\"abfnrtv";
    static const char simple_to[] = "\\'\"\a\b\f\n\r\t\v";
    const char *simple = character > 0 ? strchr(simple_from, character) : NULL;
    uint32_t value = 0;
    if (character == '\n') {
        advance(lexer);
        return true;
    }
    if (simple) {
        advance(lexer);
        return append_code_point(lexer, out, (unsigned char)simple_to[simple - simple_from], form,
                                 at);
    }
    if (character >= '0' && character <= '7') {
        for (int count = 0; count < 3 && peek(lexer, 0) >= '0' && peek(lexer, 0) <= '7'; count++) {
            value = value * 8 + (uint32_t)(peek(lexer, 0) - '0');
            advance(lexer);
        }
        return append_code_point(lexer, out, value, form, at);
    }
    bool known = character == 'x' ||
                 (!form->bytes && (character == 'u' || character == 'U' || character == 'N'));
    if (!known) {
        buffer_append_char(out, '\\');
        return true;
    }
    advance(lexer);
    bool read = character == 'N' ? read_named_escape(lexer, &value)
                                 : read_hex_escape(lexer,
                                                   character == 'x'   ? 2
                                                   : character == 'u' ? 4
                                                                      : 8,
                                                   &value);
    if (!read)
        return fail(
            lexer, DIAG_PYTHON_BAD_ESCAPE, at,
            character == 'N'
                ? "'\\N{...}' must name a Unicode character, as in \\N{EM DASH}"
                : "this escape needs more hexadecimal digits (\\xHH, \\uHHHH, \\UHHHHHHHH)");
    return append_code_point(lexer, out, value, form, at);
}

static bool at_closing_quote(const struct lexer *lexer, const struct string_form *form)
{
    if (peek(lexer, 0) != form->quote)
        return false;
    return !form->triple || (peek(lexer, 1) == form->quote && peek(lexer, 2) == form->quote);
}

/* One character of the string's body, copied as is (raw strings keep
 * backslashes, and a backslash still protects the quote after it). */
static bool read_plain_character(struct lexer *lexer, struct buffer *out,
                                 const struct string_form *form)
{
    struct source_position at = lexer_position(lexer);
    uint32_t code_point;
    size_t size =
        utf8_decode(lexer->text + lexer->offset, lexer->length - lexer->offset, &code_point);
    if (size == 0)
        return fail(lexer, DIAG_INVALID_UTF8, at, "these bytes are not UTF-8");
    if (form->bytes && code_point > 0x7F)
        return fail(lexer, DIAG_PYTHON_SYNTAX, at,
                    "a bytes literal may hold only ASCII characters");
    if (code_point == '\r' && peek(lexer, 1) == '\n') {
        advance(lexer); /* Python reads \r\n as \n */
        return true;
    }
    if (utf8_is_control(code_point) && code_point != '\n' && code_point != '\t')
        return fail(lexer, DIAG_PYTHON_CONTROL_IN_VALUE, at,
                    "this string holds a control character; only tab and newline may appear");
    bool escaped_quote = form->raw && code_point == '\\' &&
                         (peek(lexer, 1) == form->quote || peek(lexer, 1) == '\\');
    for (size_t index = 0; index < size; index++)
        advance(lexer);
    buffer_append(out, lexer->text + lexer->offset - size, size);
    if (escaped_quote) {
        buffer_append_char(out, (char)peek(lexer, 0));
        advance(lexer);
    }
    return true;
}

static bool read_string_body(struct lexer *lexer, struct token *token,
                             const struct string_form *form)
{
    for (unsigned index = 0; index < (form->triple ? 3u : 1u); index++)
        advance(lexer);
    while (!at_closing_quote(lexer, form)) {
        int character = peek(lexer, 0);
        if (character == -1 || (character == '\n' && !form->triple))
            return fail(lexer, DIAG_PYTHON_SYNTAX, token->position,
                        form->triple ? "this string is not closed: its three quotes never come back"
                                     : "this string is not closed before the end of its line");
        bool ok = character == '\\' && !form->raw ? read_escape(lexer, &token->text, form)
                                                  : read_plain_character(lexer, &token->text, form);
        if (!ok)
            return false;
    }
    for (unsigned index = 0; index < (form->triple ? 3u : 1u); index++)
        advance(lexer);
    return true;
}

/* A prefix (r, u, b, br, rb in any case) read as a name, then the quote. */
static bool read_string(struct lexer *lexer, struct token *token, const char *prefix,
                        size_t prefix_length)
{
    struct string_form form = {0};
    for (size_t index = 0; index < prefix_length; index++) {
        char letter = (char)(prefix[index] | 0x20);
        if (letter == 'f')
            return fail(lexer, DIAG_PYTHON_NOT_LITERAL, token->position,
                        "an f-string is an expression, not a literal: manifests are read as data, "
                        "never run");
        form.raw |= letter == 'r';
        form.bytes |= letter == 'b';
    }
    form.quote = (char)peek(lexer, 0);
    form.triple = peek(lexer, 1) == form.quote && peek(lexer, 2) == form.quote;
    token->kind = form.bytes ? TOKEN_BYTES : TOKEN_STRING;
    return read_string_body(lexer, token, &form);
}

static bool is_string_prefix(const char *name, size_t length)
{
    static const char *const prefixes[] = {"r", "u", "b", "br", "rb", "f", "fr", "rf"};
    if (length > 2)
        return false;
    char lower[3] = {0};
    for (size_t index = 0; index < length; index++)
        lower[index] = (char)(name[index] | 0x20);
    for (size_t index = 0; index < sizeof prefixes / sizeof prefixes[0]; index++)
        if (strcmp(lower, prefixes[index]) == 0)
            return true;
    return false;
}

/* ---- numbers ----------------------------------------------------------- */

static void read_digits(struct lexer *lexer, struct buffer *out, int base)
{
    for (;;) {
        int character = peek(lexer, 0);
        bool digit = base == 16 ? ascii_hex_value((char)character) >= 0 && character != -1
                                : character >= '0' && character < '0' + base;
        if (character == '_' && out->length > 0) {
            advance(lexer);
            continue;
        }
        if (!digit)
            return;
        buffer_append_char(out, (char)character);
        advance(lexer);
    }
}

static bool read_based_integer(struct lexer *lexer, struct token *token)
{
    char marker = (char)(peek(lexer, 1) | 0x20);
    int base = marker == 'x' ? 16 : marker == 'o' ? 8 : 2;
    buffer_append_char(&token->text, '0');
    buffer_append_char(&token->text, marker);
    advance(lexer);
    advance(lexer);
    size_t before = token->text.length;
    read_digits(lexer, &token->text, base);
    if (token->text.length == before)
        return fail(lexer, DIAG_PYTHON_SYNTAX, token->position,
                    "this number has no digits after its base");
    return true;
}

static bool read_number(struct lexer *lexer, struct token *token)
{
    token->kind = TOKEN_NUMBER;
    token->number_type = SCALAR_INT;
    int marker = peek(lexer, 1) | 0x20;
    if (peek(lexer, 0) == '0' && (marker == 'x' || marker == 'o' || marker == 'b')) {
        if (!read_based_integer(lexer, token))
            return false;
    } else {
        read_digits(lexer, &token->text, 10);
        if (peek(lexer, 0) == '.') {
            token->number_type = SCALAR_FLOAT;
            buffer_append_char(&token->text, '.');
            advance(lexer);
            read_digits(lexer, &token->text, 10);
        }
        if ((peek(lexer, 0) | 0x20) == 'e') {
            token->number_type = SCALAR_FLOAT;
            buffer_append_char(&token->text, 'e');
            advance(lexer);
            if (peek(lexer, 0) == '+' || peek(lexer, 0) == '-') {
                buffer_append_char(&token->text, (char)peek(lexer, 0));
                advance(lexer);
            }
            if (!is_digit(peek(lexer, 0)))
                return fail(lexer, DIAG_PYTHON_SYNTAX, token->position,
                            "this number's exponent has no digits");
            read_digits(lexer, &token->text, 10);
        }
    }
    if ((peek(lexer, 0) | 0x20) == 'j')
        return fail(lexer, DIAG_PYTHON_NOT_LITERAL, token->position,
                    "a complex number is not supported in a manifest");
    if (is_name_part(peek(lexer, 0)))
        return fail(lexer, DIAG_PYTHON_SYNTAX, lexer_position(lexer),
                    "a number runs into letters here");
    return true;
}

/* ---- tokens ------------------------------------------------------------ */

static void read_name(struct lexer *lexer, struct token *token)
{
    token->kind = TOKEN_NAME;
    while (is_name_part(peek(lexer, 0))) {
        buffer_append_char(&token->text, (char)peek(lexer, 0));
        advance(lexer);
    }
}

/* next_token: the next token into *token (whose text buffer it reuses). */
static void next_token(struct lexer *lexer, struct token *token)
{
    skip_blank(lexer);
    buffer_truncate(&token->text, 0);
    token->position = lexer_position(lexer);
    int character = peek(lexer, 0);
    bool ok = true;
    if (character == -1) {
        token->kind = TOKEN_END;
    } else if (character == '\'' || character == '"') {
        ok = read_string(lexer, token, "", 0);
    } else if (is_digit(character) || (character == '.' && is_digit(peek(lexer, 1)))) {
        ok = read_number(lexer, token);
    } else if (is_name_start(character)) {
        read_name(lexer, token);
        if ((peek(lexer, 0) == '\'' || peek(lexer, 0) == '"') &&
            is_string_prefix(buffer_text(&token->text), token->text.length)) {
            char prefix[3] = {0};
            memcpy(prefix, buffer_text(&token->text), token->text.length);
            buffer_truncate(&token->text, 0);
            ok = read_string(lexer, token, prefix, strlen(prefix));
        }
    } else {
        token->kind = TOKEN_PUNCTUATION;
        token->punctuation = (char)character;
        advance(lexer);
    }
    if (!ok)
        token->kind = TOKEN_ERROR;
}

/* ---- the parser -------------------------------------------------------- */

enum frame_state {
    WANT_ITEM_OR_CLOSE, /* after the opening bracket or a comma */
    WANT_COMMA_OR_CLOSE,
    WANT_COLON,
    WANT_VALUE, /* a dictionary's value */
};

struct frame {
    struct node *container;
    char closer;
    enum frame_state state;
    struct node *key; /* a dictionary's key waiting for its value */
    size_t items;
    bool comma_seen; /* (x) is x, (x,) is a tuple */
};

struct parser {
    struct lexer lexer;
    struct token token;
    struct frame *frames;
    size_t depth;
    struct node *result;
};

static const char *describe_token(const struct token *token, char *space, size_t size)
{
    switch (token->kind) {
    case TOKEN_END: return "the end of the file";
    case TOKEN_PUNCTUATION: snprintf(space, size, "'%c'", token->punctuation); return space;
    case TOKEN_NUMBER: return "a number";
    case TOKEN_NAME: return "a name";
    default: return "a string";
    }
}

static struct node *unexpected(struct parser *parser, const char *wanted)
{
    char space[8];
    const struct token *token = &parser->token;
    bool operator=
        token->kind == TOKEN_PUNCTUATION && strchr("+-*/%@&|^~<>=.!", token->punctuation);
    if (operator)
        diag(parser->lexer.sink, DIAG_PYTHON_NOT_LITERAL, token->position,
             "'%c' makes an expression, not a literal: manifests are read as data, never run",
             token->punctuation);
    else
        diag(parser->lexer.sink, DIAG_PYTHON_SYNTAX, token->position, "expected %s, found %s",
             wanted, describe_token(token, space, sizeof space));
    return NULL;
}

/* A name: True, False or None; anything else is code. */
static struct node *name_value(struct parser *parser)
{
    const char *name = buffer_text(&parser->token.text);
    struct source_position at = parser->token.position;
    struct node *value = NULL;
    if (strcmp(name, "True") == 0 || strcmp(name, "False") == 0)
        value = node_new_scalar(name, strlen(name), SCALAR_BOOL);
    else if (strcmp(name, "None") == 0)
        value = node_new_scalar(name, 4, SCALAR_NULL);
    if (value) {
        node_set_position(value, at);
        return value;
    }
    skip_blank(&parser->lexer);
    if (peek(&parser->lexer, 0) == '(')
        diag(parser->lexer.sink, DIAG_PYTHON_NOT_LITERAL, at,
             "a call to '%s' is not a literal: manifests are read as data, never run", name);
    else
        diag(parser->lexer.sink, DIAG_PYTHON_NOT_LITERAL, at,
             "the name '%s' is not a literal: manifests are read as data, never run", name);
    return NULL;
}

/* A string and those written right after it ('a' 'b' is 'ab'). Leaves the
 * token after them in parser->token. */
static struct node *string_value(struct parser *parser)
{
    struct buffer joined = {0};
    struct source_position at = parser->token.position;
    enum token_kind kind = parser->token.kind;
    while (parser->token.kind == TOKEN_STRING || parser->token.kind == TOKEN_BYTES) {
        if (parser->token.kind != kind) {
            diag(parser->lexer.sink, DIAG_PYTHON_SYNTAX, parser->token.position,
                 "bytes and text cannot be joined into one string");
            buffer_free(&joined);
            return NULL;
        }
        buffer_append(&joined, parser->token.text.data ? parser->token.text.data : "",
                      parser->token.text.length);
        next_token(&parser->lexer, &parser->token);
    }
    if (parser->token.kind == TOKEN_ERROR) {
        buffer_free(&joined);
        return NULL;
    }
    struct node *value =
        node_new_scalar(joined.data ? joined.data : "", joined.length, SCALAR_STRING);
    node_set_position(value, at);
    buffer_free(&joined);
    return value;
}

/* -1, +2.5: Python folds a sign into a number literal. */
static struct node *signed_number(struct parser *parser)
{
    struct source_position at = parser->token.position;
    char sign = parser->token.punctuation;
    next_token(&parser->lexer, &parser->token);
    if (parser->token.kind != TOKEN_NUMBER)
        return parser->token.kind == TOKEN_ERROR ? NULL
                                                 : unexpected(parser, "a number after the sign");
    struct buffer text = {0};
    if (sign == '-')
        buffer_append_char(&text, '-');
    buffer_append(&text, parser->token.text.data, parser->token.text.length);
    struct node *value = node_new_scalar(text.data, text.length, parser->token.number_type);
    node_set_position(value, at);
    buffer_free(&text);
    return value;
}

/* A scalar from the current token. *advanced tells whether the next token
 * has been read already (after a string, to join the next). */
static struct node *scalar_value(struct parser *parser, bool *advanced)
{
    *advanced = false;
    struct token *token = &parser->token;
    struct node *value;
    switch (token->kind) {
    case TOKEN_STRING:
    case TOKEN_BYTES: *advanced = true; return string_value(parser);
    case TOKEN_NUMBER:
        value = node_new_scalar(token->text.data, token->text.length, token->number_type);
        node_set_position(value, token->position);
        return value;
    case TOKEN_NAME: return name_value(parser);
    case TOKEN_PUNCTUATION:
        if (token->punctuation == '-' || token->punctuation == '+')
            return signed_number(parser);
        return unexpected(parser, "a value");
    case TOKEN_ERROR: return NULL;
    default: return unexpected(parser, "a value");
    }
}

static bool push_frame(struct parser *parser)
{
    char opener = parser->token.punctuation;
    if (parser->depth >= LIMIT_PYTHON_DEPTH) {
        diag(parser->lexer.sink, DIAG_PYTHON_TOO_DEEP, parser->token.position,
             "brackets nest deeper than %u levels here", LIMIT_PYTHON_DEPTH);
        return false;
    }
    struct frame *frame = &parser->frames[parser->depth++];
    memset(frame, 0, sizeof *frame);
    frame->container = opener == '{' ? node_new_mapping() : node_new_sequence();
    frame->closer = opener == '{' ? '}' : opener == '[' ? ']' : ')';
    node_set_position(frame->container, parser->token.position);
    return true;
}

/* Closes the top frame; returns its value ((x) without a comma is x). */
static struct node *pop_frame(struct parser *parser)
{
    struct frame *frame = &parser->frames[--parser->depth];
    if (frame->closer == ')' && frame->items == 1 && !frame->comma_seen) {
        struct node *inner = node_copy(node_sequence_item(frame->container, 0));
        node_free(frame->container);
        return inner;
    }
    return frame->container;
}

/* Puts a finished value where the top frame wants it. */
static bool place_value(struct parser *parser, struct node *value)
{
    if (parser->depth == 0) {
        parser->result = value;
        return true;
    }
    struct frame *frame = &parser->frames[parser->depth - 1];
    if (frame->closer == '}' && frame->state == WANT_ITEM_OR_CLOSE) {
        if (node_kind(value) != NODE_SCALAR || node_scalar_type(value) == SCALAR_NULL) {
            diag(parser->lexer.sink, DIAG_PYTHON_SYNTAX, node_position(value),
                 "a dictionary key must be a string or a number here");
            node_free(value);
            return false;
        }
        frame->key = value;
        frame->state = WANT_COLON;
        return true;
    }
    if (frame->closer == '}') {
        node_mapping_set(frame->container, node_scalar_text(frame->key), value);
        node_free(frame->key);
        frame->key = NULL;
    } else {
        node_sequence_append(frame->container, value);
    }
    frame->items++;
    frame->state = WANT_COMMA_OR_CLOSE;
    return true;
}

/* What follows a value or an opening bracket inside a frame: a comma, the
 * closing bracket or a colon. Returns 1 when handled, 0 when a value comes
 * next, -1 on error. *closed receives a closed container. */
static int frame_punctuation(struct parser *parser, struct node **closed)
{
    struct frame *frame = &parser->frames[parser->depth - 1];
    const struct token *token = &parser->token;
    bool is_closer = token->kind == TOKEN_PUNCTUATION && token->punctuation == frame->closer;
    if (frame->state == WANT_COLON) {
        if (token->kind == TOKEN_PUNCTUATION && token->punctuation == ':') {
            frame->state = WANT_VALUE;
            return 1;
        }
        bool set = token->kind == TOKEN_PUNCTUATION && (token->punctuation == ',' || is_closer);
        if (set && frame->items == 0) {
            diag(parser->lexer.sink, DIAG_PYTHON_SYNTAX, node_position(frame->key),
                 "a set ({a, b}) is not supported in a manifest; write a list [a, b]");
            return -1;
        }
        unexpected(parser, "':' after the dictionary key");
        return -1;
    }
    if (is_closer && frame->state != WANT_VALUE) {
        *closed = pop_frame(parser);
        return 1;
    }
    if (frame->state == WANT_COMMA_OR_CLOSE) {
        if (token->kind == TOKEN_PUNCTUATION && token->punctuation == ',') {
            frame->state = WANT_ITEM_OR_CLOSE;
            frame->comma_seen = true;
            return 1;
        }
        char wanted[24];
        snprintf(wanted, sizeof wanted, "',' or '%c'", frame->closer);
        unexpected(parser, wanted);
        return -1;
    }
    return 0;
}

static bool is_opener(const struct token *token)
{
    return token->kind == TOKEN_PUNCTUATION && strchr("{[(", token->punctuation);
}

/* One step: reads what comes at the current token. Returns false on error.
 * *advanced: the next token has been read already. */
static bool parse_step(struct parser *parser, bool *advanced)
{
    *advanced = false;
    struct node *value = NULL;
    if (parser->depth > 0) {
        int handled = frame_punctuation(parser, &value);
        if (handled < 0)
            return false;
        if (handled > 0)
            return value ? place_value(parser, value) : true;
    }
    if (is_opener(&parser->token))
        return push_frame(parser);
    value = scalar_value(parser, advanced);
    return value && place_value(parser, value);
}

static void parser_free_frames(struct parser *parser)
{
    for (size_t index = 0; index < parser->depth; index++) {
        node_free(parser->frames[index].container);
        node_free(parser->frames[index].key);
    }
    free(parser->frames);
}

static struct node *parse_tokens(struct parser *parser)
{
    next_token(&parser->lexer, &parser->token);
    bool advanced = false;
    while (!parser->result) {
        if (parser->token.kind == TOKEN_ERROR)
            return NULL;
        if (parser->token.kind == TOKEN_END) {
            if (parser->depth)
                diag(parser->lexer.sink, DIAG_PYTHON_SYNTAX, parser->token.position,
                     "the file ends before the '%c' that closes its bracket",
                     parser->frames[parser->depth - 1].closer);
            else
                diag(parser->lexer.sink, DIAG_PYTHON_SYNTAX, parser->token.position,
                     "the file holds no value");
            return NULL;
        }
        if (!parse_step(parser, &advanced))
            return NULL;
        if (!advanced && !parser->result)
            next_token(&parser->lexer, &parser->token);
    }
    /* A string's value has read the token after it already. */
    if (!advanced)
        next_token(&parser->lexer, &parser->token);
    if (parser->token.kind == TOKEN_ERROR || parser->token.kind == TOKEN_END)
        return parser->token.kind == TOKEN_END ? parser->result : NULL;
    unexpected(parser, "the end of the file after the value");
    return NULL;
}

/* Names the line and column of the first byte that is not UTF-8. */
static void report_invalid_utf8(struct lexer *lexer)
{
    uint32_t code_point;
    while (lexer->offset < lexer->length) {
        size_t size =
            utf8_decode(lexer->text + lexer->offset, lexer->length - lexer->offset, &code_point);
        if (size == 0)
            break;
        while (size-- > 0)
            advance(lexer);
    }
    diag(lexer->sink, DIAG_INVALID_UTF8, lexer_position(lexer),
         "the byte 0x%02X here is not UTF-8: save the manifest as UTF-8",
         lexer->offset < lexer->length ? (unsigned char)lexer->text[lexer->offset] : 0u);
}

struct node *python_literal_parse(const char *path, const char *text, size_t length,
                                  struct diag_sink *sink)
{
    struct parser parser = {.lexer = {path, text, length, 0, 1, 1, sink}};
    if (length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        parser.lexer.offset = 3; /* Python skips a UTF-8 byte order mark */
    if (!utf8_valid(text, length)) {
        report_invalid_utf8(&parser.lexer);
        return NULL;
    }
    parser.frames = xcalloc(LIMIT_PYTHON_DEPTH, sizeof(struct frame));
    struct node *result = parse_tokens(&parser);
    if (!result)
        node_free(parser.result);
    parser_free_frames(&parser);
    buffer_free(&parser.token.text);
    return result;
}
