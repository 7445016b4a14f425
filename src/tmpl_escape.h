/* Escaping a value for where it lands: Markdown (aware of the line it is
 * written into), HTML, or not at all. Used by the renderer; see
 * docs/templates.md for the rules a template author relies on. */
#ifndef GOLIVE_TMPL_ESCAPE_H
#define GOLIVE_TMPL_ESCAPE_H

#include "buffer.h"
#include "tmpl.h"

#include <stddef.h>

/* tmpl_escape_append: appends text[0..length) to out, escaped for escape.
 * line_start is the offset in out where the current output line begins:
 * Markdown escaping reads that line to learn whether the value lands in a
 * table row, a heading, or where block markers count. */
void tmpl_escape_append(enum tmpl_escape escape, const char *text, size_t length,
                        struct buffer *out, size_t line_start);

#endif
