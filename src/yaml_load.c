/* Loading YAML into node trees with libyaml's event parser.
 *
 * The tree is built from events with an explicit stack of open collections,
 * so nesting costs heap, not C stack, and is checked against
 * LIMIT_YAML_DEPTH as each collection opens. Errors that leave the tree
 * meaningless (syntax, limits) stop the parse; the others (duplicate keys,
 * tags, escapes) are recorded and parsing goes on, so that one run reports
 * them all. Any error means no document is returned. */
#include "yaml_load.h"

#include "alloc.h"
#include "file_io.h"
#include "golive_limits.h"
#include "utf8.h"
#include "name_table.h"
#include "yaml_lexical_check.h"
#include "yaml_scalar.h"
#include "text_check.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct yaml_document {
    char *path;
    char *bytes;
    size_t length;
    struct node *root;
};

struct open_collection {
    struct node *node;
    struct node *pending_key; /* a mapping's key still waiting for its value */
    char *anchor;             /* defined when the collection closes */
    size_t size;              /* nodes in this collection's tree so far */
};

struct loader {
    struct diag_sink *sink;
    const char *path;
    const char *bytes; /* the text parsed, for positions at its end */
    size_t length;
    yaml_parser_t parser;
    struct open_collection *open;
    size_t depth, capacity;
    struct name_table anchors; /* value: the node; number: its size */
    struct node *root;
    size_t documents;
    yaml_mark_t document_start;
    size_t nodes;    /* created so far, expansions included */
    size_t expanded; /* of which created by alias expansion */
    bool failed;     /* some error was recorded */
    bool stop;       /* an error that ends the parse */
    /* The lexical checks on the parse's tokens, until decided (NULL). */
    struct yaml_lexical_watch *watch;
    bool lexical_failed; /* then they were reported, and nothing else may be */
};

#define CORE_TAG "tag:yaml.org,2002:"

/* libyaml counts a leading byte-order mark as a column of line 1 (it skips
 * it in the scanner); the user sees none, so columns there are one less. */
static struct source_position position_of(const struct loader *loader, yaml_mark_t mark)
{
    bool after_mark = mark.line == 0 && mark.column > 0 && loader->length >= 3 &&
                      memcmp(loader->bytes, "\xEF\xBB\xBF", 3) == 0;
    struct source_position position = {loader->path, (unsigned)mark.line + 1,
                                       (unsigned)(mark.column + 1 - after_mark)};
    return position;
}

static void loader_error(struct loader *loader, enum diag_code code, yaml_mark_t mark, bool fatal,
                         const char *format, ...) __attribute__((format(printf, 5, 6)));

static void lexical_failure(struct loader *loader)
{
    yaml_lexical_watch_free(loader->watch);
    loader->watch = NULL;
    loader->lexical_failed = loader->failed = loader->stop = true;
}

/* Whether the loader may report an error. A lexical violation is reported
 * alone, as if the lexical checks ran before the parse; so the first error
 * of the loader's own has them decided first, on the whole text. */
static bool may_report(struct loader *loader)
{
    if (loader->lexical_failed)
        return false;
    if (loader->watch) {
        bool passed = yaml_lexical_watch_end(loader->watch, false);
        yaml_lexical_watch_free(loader->watch);
        loader->watch = NULL;
        if (!passed) {
            lexical_failure(loader);
            return false;
        }
    }
    return true;
}

static void loader_error(struct loader *loader, enum diag_code code, yaml_mark_t mark, bool fatal,
                         const char *format, ...)
{
    if (!may_report(loader)) {
        loader->failed = loader->stop = true;
        return;
    }
    va_list arguments;
    va_start(arguments, format);
    diag_v(loader->sink, code, position_of(loader, mark), format, arguments);
    va_end(arguments);
    loader->failed = true;
    loader->stop = loader->stop || fatal;
}

/* libyaml places an error at the end of the input on the line after the
 * last newline, or on the next line when there is none: a line past the
 * end of the file. It is moved to just after the last character. (Marks
 * count characters, not bytes, so the end is found by line and column.) */
static yaml_mark_t mark_at_last_character(const struct loader *loader, yaml_mark_t mark)
{
    size_t end = loader->length;
    while (end > 0 && (loader->bytes[end - 1] == '\n' || loader->bytes[end - 1] == '\r'))
        end--;
    yaml_mark_t last = {.index = mark.index};
    for (size_t index = 0; index < end; index++) {
        if (loader->bytes[index] == '\n') {
            last.line++;
            last.column = 0;
        } else if (((unsigned char)loader->bytes[index] & 0xC0) != 0x80) {
            last.column++;
        }
    }
    bool past = mark.line > last.line || (mark.line == last.line && mark.column > last.column);
    return past ? last : mark;
}

static void report_syntax_error(struct loader *loader)
{
    const yaml_parser_t *parser = &loader->parser;
    const char *problem = parser->problem ? parser->problem : "the YAML cannot be parsed";
    yaml_mark_t mark = mark_at_last_character(loader, parser->problem_mark);
    if (parser->error == YAML_READER_ERROR)
        mark.line = mark.column = 0; /* the reader gives a byte offset only */
    size_t tab_column;
    if (parser->error != YAML_READER_ERROR &&
        yaml_lexical_tab_indentation(loader->bytes, loader->length, mark.line, &tab_column)) {
        struct source_position tab = {loader->path, (unsigned)mark.line + 1,
                                      (unsigned)tab_column + 1};
        diag(loader->sink, DIAG_YAML_TAB_INDENTATION, tab,
             "a tab indents this line (column %zu); YAML indents with spaces only", tab_column + 1);
        loader->failed = loader->stop = true;
    } else if (parser->context)
        loader_error(loader, DIAG_YAML_SYNTAX, mark, true, "%s (%s at line %zu, column %zu)",
                     problem, parser->context, parser->context_mark.line + 1,
                     parser->context_mark.column + 1);
    else
        loader_error(loader, DIAG_YAML_SYNTAX, mark, true, "%s", problem);
}

static bool count_nodes(struct loader *loader, size_t added, yaml_mark_t mark)
{
    loader->nodes += added;
    if (loader->nodes <= LIMIT_YAML_NODES)
        return true;
    loader_error(loader, DIAG_YAML_TOO_MANY_NODES, mark, true, "more than %u values in one file",
                 LIMIT_YAML_NODES);
    return false;
}

/* Hands a finished node of the given size to the collection that is open, or
 * makes it the document's root. In a mapping, children alternate key and
 * value, and a key must be a scalar. */
static void attach(struct loader *loader, struct node *node, size_t size)
{
    if (loader->depth == 0) {
        node_free(loader->root);
        loader->root = node;
        return;
    }
    struct open_collection *parent = &loader->open[loader->depth - 1];
    parent->size += size;
    if (node_kind(parent->node) == NODE_SEQUENCE) {
        node_sequence_append(parent->node, node);
    } else if (!parent->pending_key) {
        if (node_kind(node) != NODE_SCALAR) {
            if (may_report(loader))
                diag(loader->sink, DIAG_YAML_COMPLEX_KEY, node_position(node),
                     "a mapping key must be text, not %s", node_kind_name(node_kind(node)));
            loader->failed = true;
        }
        parent->pending_key = node;
    } else {
        node_mapping_append(parent->node, parent->pending_key, node);
        parent->pending_key = NULL;
    }
}

static void define_anchor(struct loader *loader, const yaml_char_t *anchor, const struct node *node,
                          size_t size)
{
    if (anchor)
        name_table_put(&loader->anchors, (const char *)anchor, node, size);
}

/* Whether a tag on a node of the given kind is one we understand; reports
 * the unknown ones. A NULL tag or the non-specific "!" always is. */
static bool check_tag(struct loader *loader, const yaml_char_t *tag, enum node_kind kind,
                      yaml_mark_t mark)
{
    const char *text = (const char *)tag;
    if (!text || strcmp(text, "!") == 0)
        return true;
    static const char *const scalar_tags[] = {"str", "null", "bool", "int", "float", NULL};
    const char *suffix =
        strncmp(text, CORE_TAG, strlen(CORE_TAG)) == 0 ? text + strlen(CORE_TAG) : NULL;
    if (suffix && kind == NODE_SCALAR)
        for (const char *const *known = scalar_tags; *known; known++)
            if (strcmp(suffix, *known) == 0)
                return true;
    if (suffix && ((kind == NODE_SEQUENCE && strcmp(suffix, "seq") == 0) ||
                   (kind == NODE_MAPPING && strcmp(suffix, "map") == 0)))
        return true;
    if (suffix)
        loader_error(loader, DIAG_YAML_UNKNOWN_TAG, mark, false, "tag '!!%s' cannot be used on %s",
                     suffix, node_kind_name(kind));
    else
        loader_error(loader, DIAG_YAML_UNKNOWN_TAG, mark, false, "unknown tag '%s'", text);
    return false;
}

/* Reports a control character that an escape such as "\0" put in a value. */
static void check_value_characters(struct loader *loader, const char *text, size_t length,
                                   yaml_mark_t mark)
{
    for (size_t offset = 0; offset < length;) {
        if ((unsigned char)text[offset] >= 0x20 && (unsigned char)text[offset] < 0x7F) {
            offset++;
            continue;
        }
        uint32_t code_point;
        size_t used = utf8_decode(text + offset, length - offset, &code_point);
        if (used == 0)
            used = 1, code_point = (unsigned char)text[offset];
        if (utf8_is_control(code_point) && code_point != '\t' && code_point != '\n') {
            char description[48];
            text_describe_code_point(code_point, description, sizeof description);
            loader_error(loader, DIAG_YAML_CONTROL_IN_VALUE, mark, false, "this value holds %s",
                         description);
            return;
        }
        offset += used;
    }
}

static enum scalar_type scalar_type_of(struct loader *loader, const yaml_event_t *event)
{
    const char *text = (const char *)event->data.scalar.value;
    size_t length = event->data.scalar.length;
    const char *tag = (const char *)event->data.scalar.tag;
    bool plain = event->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    if (!tag)
        return plain ? yaml_resolve_plain(text, length) : SCALAR_STRING;
    if (strcmp(tag, "!") == 0 || strcmp(tag, CORE_TAG "str") == 0)
        return SCALAR_STRING;
    static const struct {
        const char *tag;
        enum scalar_type type;
    } typed[] = {
        {CORE_TAG "null", SCALAR_NULL},
        {CORE_TAG "bool", SCALAR_BOOL},
        {CORE_TAG "int", SCALAR_INT},
        {CORE_TAG "float", SCALAR_FLOAT},
    };
    for (size_t index = 0; index < sizeof typed / sizeof typed[0]; index++) {
        if (strcmp(tag, typed[index].tag) != 0)
            continue;
        enum scalar_type found = yaml_resolve_plain(text, length);
        bool integer_as_float = typed[index].type == SCALAR_FLOAT && found == SCALAR_INT;
        if (found != typed[index].type && !integer_as_float)
            loader_error(loader, DIAG_YAML_TAG_MISMATCH, event->start_mark, false,
                         "'%.40s' is not a valid !!%s", text, tag + strlen(CORE_TAG));
        return typed[index].type;
    }
    return SCALAR_STRING;
}

static void on_scalar(struct loader *loader, const yaml_event_t *event)
{
    if (!count_nodes(loader, 1, event->start_mark))
        return;
    check_tag(loader, event->data.scalar.tag, NODE_SCALAR, event->start_mark);
    check_value_characters(loader, (const char *)event->data.scalar.value,
                           event->data.scalar.length, event->start_mark);
    struct node *node = node_new_scalar((const char *)event->data.scalar.value,
                                        event->data.scalar.length, scalar_type_of(loader, event));
    node_set_position(node, position_of(loader, event->start_mark));
    define_anchor(loader, event->data.scalar.anchor, node, 1);
    attach(loader, node, 1);
}

static void on_collection_start(struct loader *loader, const yaml_event_t *event,
                                enum node_kind kind)
{
    const yaml_char_t *tag =
        kind == NODE_MAPPING ? event->data.mapping_start.tag : event->data.sequence_start.tag;
    const yaml_char_t *anchor =
        kind == NODE_MAPPING ? event->data.mapping_start.anchor : event->data.sequence_start.anchor;
    if (loader->depth >= LIMIT_YAML_DEPTH) {
        loader_error(loader, DIAG_YAML_TOO_DEEP, event->start_mark, true,
                     "nesting deeper than %u levels", LIMIT_YAML_DEPTH);
        return;
    }
    if (!count_nodes(loader, 1, event->start_mark))
        return;
    check_tag(loader, tag, kind, event->start_mark);
    loader->open = xgrow(loader->open, &loader->capacity, loader->depth + 1, sizeof *loader->open);
    struct node *node = kind == NODE_MAPPING ? node_new_mapping() : node_new_sequence();
    node_set_position(node, position_of(loader, event->start_mark));
    loader->open[loader->depth++] =
        (struct open_collection){node, NULL, anchor ? xstrdup((const char *)anchor) : NULL, 1};
}

struct key_reference {
    const struct node *key;
    size_t index;
};

static int compare_keys(const void *left_pointer, const void *right_pointer)
{
    const struct key_reference *left = left_pointer, *right = right_pointer;
    size_t left_length = node_scalar_length(left->key),
           right_length = node_scalar_length(right->key);
    size_t shorter = left_length < right_length ? left_length : right_length;
    int order = memcmp(node_scalar_text(left->key), node_scalar_text(right->key), shorter);
    if (order == 0 && left_length != right_length)
        order = left_length < right_length ? -1 : 1;
    if (order == 0)
        order = left->index < right->index ? -1 : (left->index > right->index);
    return order;
}

static bool same_text(const struct node *left, const struct node *right)
{
    return node_scalar_length(left) == node_scalar_length(right) &&
           memcmp(node_scalar_text(left), node_scalar_text(right), node_scalar_length(left)) == 0;
}

/* Sorting the keys finds duplicates in O(n log n); a quadratic scan would
 * let a file with a huge mapping hang us. Equal keys sort by position, so
 * the first of a run is the original and the rest are reported. */
static void check_duplicate_keys(struct loader *loader, const struct node *mapping)
{
    size_t count = node_count(mapping);
    if (count < 2)
        return;
    struct key_reference *keys = xreallocarray(NULL, count, sizeof *keys);
    size_t scalar_keys = 0;
    for (size_t index = 0; index < count; index++) {
        const struct node *key = node_mapping_key(mapping, index);
        if (node_kind(key) == NODE_SCALAR)
            keys[scalar_keys++] = (struct key_reference){key, index};
    }
    qsort(keys, scalar_keys, sizeof *keys, compare_keys);
    size_t original = 0;
    for (size_t index = 1; index < scalar_keys; index++) {
        if (!same_text(keys[original].key, keys[index].key)) {
            original = index;
            continue;
        }
        struct source_position first = node_position(keys[original].key);
        if (may_report(loader))
            diag(loader->sink, DIAG_YAML_DUPLICATE_KEY, node_position(keys[index].key),
                 "duplicate key '%s' (first defined at line %u, column %u)",
                 node_scalar_text(keys[index].key), first.line, first.column);
        loader->failed = true;
    }
    free(keys);
}

static void on_collection_end(struct loader *loader)
{
    struct open_collection closed = loader->open[--loader->depth];
    if (node_kind(closed.node) == NODE_MAPPING)
        check_duplicate_keys(loader, closed.node);
    if (closed.anchor)
        name_table_put(&loader->anchors, closed.anchor, closed.node, closed.size);
    free(closed.anchor);
    attach(loader, closed.node, closed.size);
}

static bool anchor_is_open(const struct loader *loader, const char *name)
{
    for (size_t index = 0; index < loader->depth; index++)
        if (loader->open[index].anchor && strcmp(loader->open[index].anchor, name) == 0)
            return true;
    return false;
}

/* An alias is expanded into a copy of what it names, after checking that
 * the copy stays within LIMIT_ALIAS_EXPANSION: a billion-laughs file fails
 * here, before any large copy is made. */
static void on_alias(struct loader *loader, const yaml_event_t *event)
{
    const char *name = (const char *)event->data.alias.anchor;
    const struct name_entry *entry = name_table_get(&loader->anchors, name);
    if (anchor_is_open(loader, name)) {
        loader_error(loader, DIAG_YAML_UNKNOWN_ALIAS, event->start_mark, true,
                     "alias '*%s' refers to a collection that contains it", name);
        return;
    }
    if (!entry) {
        loader_error(loader, DIAG_YAML_UNKNOWN_ALIAS, event->start_mark, true,
                     "alias '*%s' refers to no anchor defined before it", name);
        return;
    }
    loader->expanded += entry->number;
    if (loader->expanded > LIMIT_ALIAS_EXPANSION) {
        loader_error(loader, DIAG_YAML_ALIAS_EXPANSION, event->start_mark, true,
                     "aliases expand to more than %u values", LIMIT_ALIAS_EXPANSION);
        return;
    }
    if (!count_nodes(loader, entry->number, event->start_mark))
        return;
    struct node *copy = node_copy(entry->value);
    attach(loader, copy, entry->number);
}

static void on_document_start(struct loader *loader, const yaml_event_t *event)
{
    if (loader->documents == 0)
        loader->document_start = event->start_mark;
    if (++loader->documents > 1)
        loader_error(loader, DIAG_YAML_MULTIPLE_DOCUMENTS, event->start_mark, true,
                     "a second YAML document; golive reads one document per file");
}

static void handle_event(struct loader *loader, const yaml_event_t *event)
{
    switch (event->type) {
    case YAML_DOCUMENT_START_EVENT: on_document_start(loader, event); break;
    case YAML_SCALAR_EVENT: on_scalar(loader, event); break;
    case YAML_SEQUENCE_START_EVENT: on_collection_start(loader, event, NODE_SEQUENCE); break;
    case YAML_MAPPING_START_EVENT: on_collection_start(loader, event, NODE_MAPPING); break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: on_collection_end(loader); break;
    case YAML_ALIAS_EVENT: on_alias(loader, event); break;
    default: break;
    }
}

/* Runs the parser to the end of the stream or the first fatal error. */
static void parse_events(struct loader *loader)
{
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&loader->parser, &event)) {
            report_syntax_error(loader);
            return;
        }
        if (loader->watch && !yaml_lexical_watch(loader->watch, &loader->parser)) {
            yaml_event_delete(&event);
            lexical_failure(loader);
            return;
        }
        handle_event(loader, &event);
        bool done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done || loader->stop)
            return;
    }
}

static void check_not_empty(struct loader *loader)
{
    struct source_position start = {loader->path, 1, 1};
    if (!loader->root) {
        diag(loader->sink, DIAG_YAML_EMPTY, start,
             "the file holds no YAML document (it is empty or only comments)");
        loader->failed = true;
    } else if (node_kind(loader->root) == NODE_SCALAR &&
               node_scalar_type(loader->root) == SCALAR_NULL &&
               node_scalar_length(loader->root) == 0) {
        diag(loader->sink, DIAG_YAML_EMPTY, position_of(loader, loader->document_start),
             "the document is empty");
        loader->failed = true;
    }
}

static void loader_release(struct loader *loader)
{
    while (loader->depth) {
        struct open_collection *open = &loader->open[--loader->depth];
        node_free(open->node);
        node_free(open->pending_key);
        free(open->anchor);
    }
    free(loader->open);
    name_table_free(&loader->anchors);
    yaml_lexical_watch_free(loader->watch);
    yaml_parser_delete(&loader->parser);
}

/* Takes ownership of path and bytes. */
static struct yaml_document *parse_document(char *path, char *bytes, size_t length,
                                            struct diag_sink *sink)
{
    struct yaml_document *document = xcalloc(1, sizeof *document);
    document->path = path;
    document->bytes = bytes;
    document->length = length;
    if (!text_check(path, bytes, length, sink)) {
        yaml_document_free(document);
        return NULL;
    }
    /* One parse: the lexical checks watch its tokens (yaml_lexical_check.h). */
    struct loader loader = {.sink = sink,
                            .path = path,
                            .bytes = bytes,
                            .length = length,
                            .watch = yaml_lexical_watch_new(path, bytes, length, sink)};
    if (!yaml_parser_initialize(&loader.parser))
        fatal_out_of_memory(sizeof loader.parser); /* only fails when out of memory */
    yaml_parser_set_input_string(&loader.parser, (const unsigned char *)bytes, length);
    yaml_parser_set_encoding(&loader.parser, YAML_UTF8_ENCODING);
    parse_events(&loader);
    if (loader.watch && !yaml_lexical_watch_end(loader.watch, !loader.stop))
        lexical_failure(&loader);
    if (!loader.stop)
        check_not_empty(&loader);
    document->root = loader.root;
    loader.root = NULL;
    bool failed = loader.failed;
    loader_release(&loader);
    if (failed) {
        yaml_document_free(document);
        return NULL;
    }
    return document;
}

struct yaml_document *yaml_load_file(const char *path, struct source_position cited_at,
                                     struct diag_sink *sink)
{
    char *bytes;
    size_t length;
    if (!file_read(path, cited_at, sink, &bytes, &length))
        return NULL;
    return parse_document(xstrdup(path), bytes, length, sink);
}

struct yaml_document *yaml_load_text(const char *name, const char *text, size_t length,
                                     struct diag_sink *sink)
{
    return parse_document(xstrdup(name), xmemdup(text, length), length, sink);
}

void yaml_document_free(struct yaml_document *document)
{
    if (!document)
        return;
    node_free(document->root);
    free(document->bytes);
    free(document->path);
    free(document);
}

const struct node *yaml_document_root(const struct yaml_document *document)
{
    return document->root;
}

struct node *yaml_document_take_root(struct yaml_document *document)
{
    struct node *root = document->root;
    document->root = NULL;
    return root;
}

const char *yaml_document_path(const struct yaml_document *document)
{
    return document->path;
}

const char *yaml_document_bytes(const struct yaml_document *document, size_t *length)
{
    *length = document->length;
    return document->bytes;
}
