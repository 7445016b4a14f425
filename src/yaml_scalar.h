/* The YAML 1.2 core schema's reading of a plain scalar: is `12` a number,
 * `true` a boolean, `~` a null? */
#ifndef GOLIVE_YAML_SCALAR_H
#define GOLIVE_YAML_SCALAR_H

#include "buffer.h"
#include "node.h"

#include <stddef.h>

/* yaml_resolve_plain: the type the core schema gives an untagged plain
 * scalar with this text. */
enum scalar_type yaml_resolve_plain(const char *text, size_t length);

/* yaml_quote: text as a YAML double-quoted scalar, every control character
 * escaped, for the files golive writes (run records) and its dumps. */
void yaml_quote(struct buffer *out, const char *text);

#endif
