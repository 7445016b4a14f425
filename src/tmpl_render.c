/* Rendering a loaded template over a node tree.
 *
 * The walk uses an explicit stack of frames, one for each section being
 * rendered (once per list item) and each partial, so no template or data
 * can exhaust the C stack. Names resolve against a second stack, of
 * contexts: the data, then each section's value, innermost last. */
#include "tmpl.h"
#include "tmpl_escape.h"
#include "tmpl_tree.h"

#include "alloc.h"
#include "buffer.h"
#include "golive_limits.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct frame {
    const struct tmpl_part *part;
    const struct tmpl_node *tag; /* the section or partial tag; NULL for the template */
    size_t cursor, end;          /* the nodes left to render in this pass */
    size_t body_start;           /* where each pass over a list item begins */
    const struct node *list;     /* a section over a list: the list */
    size_t item;                 /* and the item being rendered */
    bool pushed_context;         /* pop a context when this frame ends */
    char *own_indentation;       /* a standalone partial's indentation, owned */
    const char *indentation;     /* written at every line start of this frame */
    size_t indentation_length;
};

struct renderer {
    const struct tmpl *loaded;
    enum tmpl_escape escape;
    struct buffer *out;
    size_t base;       /* out's length before rendering */
    size_t line_start; /* where the current output line begins in out */
    struct diag_sink *sink;
    struct frame *frames;
    size_t frame_count, frame_capacity;
    const struct node **contexts;
    size_t context_count, context_capacity;
    size_t partial_depth;
    size_t steps;
    bool failed;
};

static void push_frame(struct renderer *renderer, struct frame frame)
{
    renderer->frames = xgrow(renderer->frames, &renderer->frame_capacity, renderer->frame_count + 1,
                             sizeof(struct frame));
    renderer->frames[renderer->frame_count++] = frame;
}

static void push_context(struct renderer *renderer, const struct node *context)
{
    renderer->contexts = xgrow(renderer->contexts, &renderer->context_capacity,
                               renderer->context_count + 1, sizeof(struct node *));
    renderer->contexts[renderer->context_count++] = context;
}

static void fail(struct renderer *renderer, enum diag_code code, const struct tmpl_node *tag,
                 const char *message)
{
    struct source_position position = tag ? tag->position : source_position_of_file(NULL);
    diag(renderer->sink, code, position, "%s", message);
    renderer->failed = true;
}

/* Counts one step of work; false once LIMIT_TEMPLATE_STEPS is passed. */
static bool count_step(struct renderer *renderer, const struct tmpl_node *tag)
{
    if (++renderer->steps <= LIMIT_TEMPLATE_STEPS)
        return true;
    char message[160];
    snprintf(message, sizeof message,
             "rendering takes more than %u steps here; sections nested over long lists "
             "multiply",
             LIMIT_TEMPLATE_STEPS);
    fail(renderer, DIAG_TEMPLATE_STEPS, tag, message);
    return false;
}

/* Called after anything is appended from offset on: moves line_start past
 * the last newline and enforces LIMIT_TEMPLATE_OUTPUT. */
static void wrote(struct renderer *renderer, size_t offset, const struct tmpl_node *tag)
{
    const struct buffer *out = renderer->out;
    for (size_t at = out->length; at > offset; at--) {
        if (out->data[at - 1] == '\n') {
            renderer->line_start = at;
            break;
        }
    }
    if (out->length - renderer->base > LIMIT_TEMPLATE_OUTPUT) {
        char message[120];
        snprintf(message, sizeof message, "the output grows past %u bytes here",
                 LIMIT_TEMPLATE_OUTPUT);
        fail(renderer, DIAG_TEMPLATE_OUTPUT_SIZE, tag, message);
    }
}

static void write_text(struct renderer *renderer, const char *text, size_t length,
                       const struct tmpl_node *tag)
{
    size_t offset = renderer->out->length;
    buffer_append(renderer->out, text, length);
    wrote(renderer, offset, tag);
}

/* The value a name stands for: the first part is looked up in the
 * contexts, innermost first; the other parts only in what it found. NULL
 * when any part is missing. */
static const struct node *resolve(const struct renderer *renderer, const struct tmpl_node *tag)
{
    if (renderer->context_count == 0)
        return NULL;
    if (tag->part_count == 0)
        return renderer->contexts[renderer->context_count - 1];
    const char *part = tag->name_parts;
    const struct node *value = NULL;
    for (size_t level = renderer->context_count; level-- > 0 && !value;)
        value = node_mapping_find(renderer->contexts[level], part);
    for (size_t index = 1; index < tag->part_count && value; index++) {
        part += strlen(part) + 1;
        value = node_mapping_find(value, part);
    }
    return value;
}

/* Missing values, null, false, "" and empty lists are falsey (the spec's
 * rule); everything else, 0 and empty mappings included, is truthy. */
static bool is_falsey(const struct node *value)
{
    if (!value)
        return true;
    if (node_kind(value) == NODE_SEQUENCE)
        return node_count(value) == 0;
    if (node_kind(value) != NODE_SCALAR)
        return false;
    enum scalar_type type = node_scalar_type(value);
    return type == SCALAR_NULL || (type == SCALAR_BOOL && !node_scalar_is_true(value)) ||
           (type == SCALAR_STRING && node_scalar_length(value) == 0);
}

/* Writes digits (a significand without its point) times ten to the power
 * exponent, in plain notation: 121 and 0 give "1.21", 15 and 3 "1500". */
static void write_plain(const char *digits, int exponent, char *out, size_t size)
{
    struct buffer plain = {0};
    int count = (int)strlen(digits);
    if (exponent < 0) {
        buffer_append_text(&plain, "0.");
        for (int zero = -1; zero > exponent; zero--)
            buffer_append_char(&plain, '0');
        buffer_append_text(&plain, digits);
    } else {
        for (int at = 0; at <= exponent || at < count; at++) {
            if (at == exponent + 1)
                buffer_append_char(&plain, '.');
            buffer_append_char(&plain, at < count ? digits[at] : '0');
        }
    }
    snprintf(out, size, "%s", buffer_text(&plain));
    buffer_free(&plain);
}

/* A float in the fewest significant digits that read back as the same
 * number (1.210 → 1.21), in plain notation unless very large or small
 * (as JavaScript writes numbers). Text that is not a finite number (.inf,
 * .nan) is kept as written. */
static const char *format_float(const char *text, char *out, size_t size)
{
    char *end;
    double value = strtod(text, &end);
    if (*end != '\0' || end == text || !isfinite(value))
        return text;
    char scientific[40];
    int precision = 1;
    for (; precision < 17; precision++) {
        snprintf(scientific, sizeof scientific, "%.*e", precision - 1, value);
        if (strtod(scientific, NULL) == value)
            break;
    }
    snprintf(scientific, sizeof scientific, "%.*e", precision - 1, value);
    char *exponent_mark = strchr(scientific, 'e');
    int exponent = atoi(exponent_mark + 1);
    if (exponent <= -7 || exponent >= 21) {
        snprintf(out, size, "%s", scientific);
        return out;
    }
    /* "-1.2345e+03" → sign, then the digits "12345" */
    char digits[40];
    size_t count = 0;
    for (const char *at = scientific; at < exponent_mark; at++)
        if (*at >= '0' && *at <= '9')
            digits[count++] = *at;
    digits[count] = '\0';
    size_t sign = scientific[0] == '-';
    if (sign)
        out[0] = '-';
    write_plain(digits, exponent, out + sign, size - sign);
    return out;
}

/* The text a scalar writes: strings and integers as written, booleans as
 * true or false, null as nothing, floats by format_float. */
static const char *scalar_text(const struct node *scalar, char *number, size_t size, size_t *length)
{
    const char *text = node_scalar_text(scalar);
    switch (node_scalar_type(scalar)) {
    case SCALAR_NULL: text = ""; break;
    case SCALAR_BOOL: text = node_scalar_is_true(scalar) ? "true" : "false"; break;
    case SCALAR_FLOAT: text = format_float(text, number, size); break;
    case SCALAR_STRING:
    case SCALAR_INT: *length = node_scalar_length(scalar); return text;
    }
    *length = strlen(text);
    return text;
}

static void interpolate(struct renderer *renderer, const struct tmpl_node *tag,
                        enum tmpl_escape escape)
{
    const struct node *value = resolve(renderer, tag);
    if (!value)
        return;
    if (node_kind(value) != NODE_SCALAR) {
        char message[200];
        snprintf(message, sizeof message,
                 "'%.*s' is %s, which has no text to write; go through it with a section",
                 (int)(tag->length < 80 ? tag->length : 80), tag->text,
                 node_kind_name(node_kind(value)));
        fail(renderer, DIAG_TEMPLATE_NOT_A_SCALAR, tag, message);
        return;
    }
    char number[64];
    size_t length;
    const char *text = scalar_text(value, number, sizeof number, &length);
    size_t offset = renderer->out->length;
    tmpl_escape_append(escape, text, length, renderer->out, renderer->line_start);
    wrote(renderer, offset, tag);
}

/* A frame for the body of the section tag at index in part, sharing the
 * indentation of the frame it is rendered from. */
static struct frame body_frame(const struct frame *parent, size_t index)
{
    const struct tmpl_node *tag = &parent->part->nodes[index];
    struct frame frame = {
        .part = parent->part,
        .tag = tag,
        .cursor = index + 1,
        .end = tag->end,
        .body_start = index + 1,
        .indentation = parent->indentation,
        .indentation_length = parent->indentation_length,
    };
    return frame;
}

static void enter_section(struct renderer *renderer, size_t index)
{
    struct frame frame = body_frame(&renderer->frames[renderer->frame_count - 1], index);
    const struct node *value = resolve(renderer, frame.tag);
    if (is_falsey(value))
        return;
    if (node_kind(value) == NODE_SEQUENCE) {
        frame.list = value;
        value = node_sequence_item(value, 0);
    }
    push_context(renderer, value);
    frame.pushed_context = true;
    push_frame(renderer, frame);
}

static void enter_inverted(struct renderer *renderer, size_t index)
{
    struct frame frame = body_frame(&renderer->frames[renderer->frame_count - 1], index);
    if (is_falsey(resolve(renderer, frame.tag)))
        push_frame(renderer, frame);
}

static void enter_partial(struct renderer *renderer, const struct tmpl_node *tag)
{
    if (tag->partial == TMPL_NO_PARTIAL || renderer->loaded->parts[tag->partial].absent)
        return;
    if (renderer->partial_depth >= LIMIT_TEMPLATE_PARTIAL_DEPTH) {
        char message[200];
        snprintf(message, sizeof message,
                 "partials nest more than %u deep here; does '%.*s' include itself with no "
                 "section to end it?",
                 LIMIT_TEMPLATE_PARTIAL_DEPTH, (int)(tag->length < 80 ? tag->length : 80),
                 tag->text);
        fail(renderer, DIAG_TEMPLATE_PARTIAL_DEPTH, tag, message);
        return;
    }
    const struct tmpl_part *part = &renderer->loaded->parts[tag->partial];
    struct frame frame = {.part = part, .tag = tag, .end = part->count, .indentation = ""};
    /* Only a standalone partial is indented, by its own blanks added to
     * those of the partial it stands in (the spec's rule). */
    if (tag->standalone) {
        const struct frame *parent = &renderer->frames[renderer->frame_count - 1];
        struct buffer indentation = {0};
        buffer_append(&indentation, parent->indentation, parent->indentation_length);
        buffer_append(&indentation, tag->indentation, tag->indentation_length);
        frame.indentation_length = indentation.length;
        frame.own_indentation = buffer_release(&indentation);
        frame.indentation = frame.own_indentation;
    }
    renderer->partial_depth++;
    push_frame(renderer, frame);
}

/* The top frame has rendered its nodes: go on with the list's next item,
 * or end the frame. */
static void finish_pass(struct renderer *renderer)
{
    struct frame *frame = &renderer->frames[renderer->frame_count - 1];
    if (frame->list && frame->item + 1 < node_count(frame->list)) {
        if (!count_step(renderer, frame->tag))
            return;
        frame->item++;
        renderer->contexts[renderer->context_count - 1] =
            node_sequence_item(frame->list, frame->item);
        frame->cursor = frame->body_start;
        return;
    }
    if (frame->pushed_context)
        renderer->context_count--;
    if (frame->tag && frame->tag->kind == TMPL_NODE_PARTIAL)
        renderer->partial_depth--;
    free(frame->own_indentation);
    renderer->frame_count--;
}

/* Renders one node of the top frame; index is its place in the frame's part. */
static void render_node(struct renderer *renderer, const struct tmpl_node *node, size_t index)
{
    const struct frame *frame = &renderer->frames[renderer->frame_count - 1];
    switch (node->kind) {
    case TMPL_NODE_TEXT: write_text(renderer, node->text, node->length, node); break;
    case TMPL_NODE_INDENT:
        write_text(renderer, frame->indentation, frame->indentation_length, node);
        break;
    case TMPL_NODE_VARIABLE: interpolate(renderer, node, renderer->escape); break;
    case TMPL_NODE_RAW_VARIABLE: interpolate(renderer, node, TMPL_ESCAPE_NONE); break;
    case TMPL_NODE_SECTION: enter_section(renderer, index); break;
    case TMPL_NODE_INVERTED: enter_inverted(renderer, index); break;
    case TMPL_NODE_PARTIAL: enter_partial(renderer, node); break;
    }
}

bool tmpl_render(const struct tmpl *loaded, const struct node *data, enum tmpl_escape escape,
                 struct buffer *out, struct diag_sink *sink)
{
    struct renderer renderer = {
        .loaded = loaded, .escape = escape, .out = out, .base = out->length, .sink = sink};
    for (size_t at = out->length; at > 0 && !renderer.line_start; at--)
        if (out->data[at - 1] == '\n')
            renderer.line_start = at;
    if (data)
        push_context(&renderer, data);
    const struct tmpl_part *main_part = &loaded->parts[0];
    push_frame(&renderer,
               (struct frame){.part = main_part, .end = main_part->count, .indentation = ""});
    while (renderer.frame_count && !renderer.failed) {
        struct frame *frame = &renderer.frames[renderer.frame_count - 1];
        if (frame->cursor >= frame->end) {
            finish_pass(&renderer);
            continue;
        }
        size_t index = frame->cursor;
        const struct tmpl_node *node = &frame->part->nodes[index];
        frame->cursor = node->end;
        if (count_step(&renderer, node))
            render_node(&renderer, node, index);
    }
    for (size_t level = 0; level < renderer.frame_count; level++)
        free(renderer.frames[level].own_indentation);
    free(renderer.frames);
    free(renderer.contexts);
    if (renderer.failed)
        buffer_truncate(out, renderer.base);
    return !renderer.failed;
}
