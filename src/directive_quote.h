/* The quoting of print directives' values (layout_directive.h gives the
 * syntax): one rule for the template escaper, which writes values into
 * directives, and for the typesetter's directive parser, which reads them.
 * Shared by both stages, so that neither reaches into the other. */
#ifndef GOLIVE_DIRECTIVE_QUOTE_H
#define GOLIVE_DIRECTIVE_QUOTE_H

#include "buffer.h"

#include <stddef.h>

#define DIRECTIVE_OPENING "<!-- golive:" /* how a directive starts, as golive writes it */
#define DIRECTIVE_CLOSING "-->"

/* directive_quote_append: text[0..length) as the inside of a quoted value:
 * '"', '\' and '>' (which could end the comment) get a backslash; a
 * directive is one line, so control characters become spaces. */
void directive_quote_append(struct buffer *out, const char *text, size_t length);

/* directive_unquote_next: the character a quoted value holds at *at (not
 * its closing quote): a backslash before ASCII punctuation stands for that
 * character (*at then moves onto it); a line end or tab is a space. */
char directive_unquote_next(const char **at);

#endif
