/* The parsed form of templates, shared by the parser, the loader and the
 * renderer (and by no one else: the rest of golive sees only tmpl.h).
 *
 * A template's nodes live in one array, in document order. A section's
 * body is the nodes that follow it up to its `end`; every node has an `end`
 * (one past itself for a leaf), so the tree is walked by index, without
 * recursion, and freed with one free(). */
#ifndef GOLIVE_TMPL_TREE_H
#define GOLIVE_TMPL_TREE_H

#include "diag.h"
#include "source_position.h"

#include <stdbool.h>
#include <stddef.h>

enum tmpl_node_kind {
    TMPL_NODE_TEXT,         /* literal text, at most one line */
    TMPL_NODE_INDENT,       /* a template line starts: a partial's indentation goes here */
    TMPL_NODE_VARIABLE,     /* {{name}}: the value, escaped */
    TMPL_NODE_RAW_VARIABLE, /* {{{name}}} or {{&name}}: the value as is */
    TMPL_NODE_SECTION,      /* {{#name}} body {{/name}} */
    TMPL_NODE_INVERTED,     /* {{^name}} body {{/name}} */
    TMPL_NODE_PARTIAL,      /* {{> name}} */
};

/* The partial index of a {{> name}} that names no loaded partial. */
#define TMPL_NO_PARTIAL ((size_t)-1)

struct tmpl_node {
    enum tmpl_node_kind kind;
    struct source_position position; /* of the tag's opening delimiter */
    size_t end;                      /* index one past this node and its body */
    const char *text;                /* TEXT: the text; tags: the name as written (in the source) */
    size_t length;
    char *name_parts;        /* names: the dotted parts, each NUL-terminated, one after another */
    size_t part_count;       /* 0 for the implicit iterator '.' */
    const char *indentation; /* PARTIAL alone on its line: the blanks before it */
    size_t indentation_length;
    bool standalone; /* PARTIAL: alone on its line */
    size_t partial;  /* PARTIAL: index into tmpl.parts, or TMPL_NO_PARTIAL */
};

/* One template text: the main template or a partial. */
struct tmpl_part {
    char *name;   /* the partial's name; NULL for the main template */
    char *path;   /* the file named in messages (positions point here) */
    char *source; /* the text; TEXT nodes point into it */
    size_t length;
    bool absent; /* a named partial that could not be loaded */
    struct tmpl_node *nodes;
    size_t count, capacity;
};

struct tmpl {
    struct tmpl_part *parts; /* [0] is the main template */
    size_t count, capacity;
    size_t *by_name; /* indices of the partials, sorted by name */
};

/* tmpl_parse: parses part->source into part->nodes, leaving every
 * partial's index TMPL_NO_PARTIAL for the loader to fill in. The source
 * must be valid UTF-8 free of control characters (text_check). Returns
 * true on success; false after recording the first syntax error. */
bool tmpl_parse(struct tmpl_part *part, struct diag_sink *sink);

/* tmpl_part_clear: frees what a part holds (not the part itself). */
void tmpl_part_clear(struct tmpl_part *part);

#endif
