/* The character-level check every text input passes (YAML, templates,
 * Markdown): valid UTF-8, and no control characters but tab and line ends. */
#ifndef GOLIVE_TEXT_CHECK_H
#define GOLIVE_TEXT_CHECK_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

/* text_check: scans text[0..length) of the file called name. Records one
 * diagnostic at the first offending character (line and column counted in
 * characters) and returns false; true when the text is clean. A CR is
 * accepted only as part of a CR LF line end. */
bool text_check(const char *name, const char *text, size_t length, struct diag_sink *sink);

/* text_describe_code_point: a readable name for a control code point such
 * as "NUL (U+0000)" or "escape (U+001B)", written into out. */
void text_describe_code_point(unsigned long code_point, char *out, size_t size);

#endif
