/* Where each scalar of a YAML text is, in bytes: for editing a value in
 * place (golive plan writes budgets back) while every other byte of the
 * file, comments and layout included, stays as it was. */
#ifndef GOLIVE_YAML_SCALAR_SPAN_H
#define GOLIVE_YAML_SCALAR_SPAN_H

#include <stdbool.h>
#include <stddef.h>

struct yaml_scalar_span {
    unsigned line, column; /* 1-based, columns in characters: as node_position gives */
    size_t start, end;     /* the bytes [start, end) of the scalar as written, quotes included */
};

/* yaml_scalar_spans: every scalar of text[0..length), in the order written.
 * Returns false when libyaml cannot parse the text (it was loaded before,
 * so that means it changed). *spans is the caller's to free. */
bool yaml_scalar_spans(const char *text, size_t length, struct yaml_scalar_span **spans,
                       size_t *count);

/* The extent of a mapping: where a key can be added to it. */
struct yaml_mapping_span {
    unsigned line, column; /* of its start, 1-based: as node_position gives */
    size_t start, end;     /* the bytes [start, end): a flow mapping's braces included */
    bool flow;             /* written {key: value, ...} */
};

/* yaml_mapping_spans: every mapping of text[0..length), in the order its
 * start is written; as yaml_scalar_spans otherwise. */
bool yaml_mapping_spans(const char *text, size_t length, struct yaml_mapping_span **spans,
                        size_t *count);

#endif
