/* Print directives: HTML comments such as <!-- golive:pagebreak --> that
 * other Markdown viewers hide and golive typesets. The syntax:
 *
 *     <!-- golive:NAME key="value" key="value" ... -->
 *
 * Values are double-quoted. Inside a value a backslash followed by an ASCII
 * punctuation character stands for that character (\" is a quote, \\ a
 * backslash, \> a '>', so "--\>" can be written where "-->" would end the
 * comment); any other backslash is itself. Line ends inside a value count
 * as spaces. Keys are lower case; each directive accepts its own keys. */
#ifndef GOLIVE_LAYOUT_DIRECTIVE_H
#define GOLIVE_LAYOUT_DIRECTIVE_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

enum directive_kind {
    DIRECTIVE_PAGEBREAK,
    DIRECTIVE_SIGNATURE,
    DIRECTIVE_COVER,
    DIRECTIVE_DRAFT,
    DIRECTIVE_NOTES,
    DIRECTIVE_TABLE,
    DIRECTIVE_MATRIX,
    DIRECTIVE_KEEP,
    DIRECTIVE_KEEP_END,
    DIRECTIVE_TOC,
    DIRECTIVE_TIMELINE,
    DIRECTIVE_QR,
    DIRECTIVE_COUNT
};

/* The keys a directive may give (KEY_: schema.h names its field types FIELD_,
 * and both headers may be included together). */
enum directive_field {
    KEY_ROLE,
    KEY_NAME,
    KEY_DECISION,
    KEY_DATE,
    KEY_CONDITIONS,
    KEY_TITLE,
    KEY_SUBTITLE,
    KEY_CLIENT,
    KEY_PROJECT,
    KEY_PREPARED_BY,
    KEY_VERSION,
    KEY_CLASSIFICATION,
    KEY_LOGO,
    KEY_TEXT,
    KEY_LINES,
    KEY_LABEL,
    KEY_SIZE,
    KEY_ROWS,
    KEY_COLUMNS,
    KEY_ROW_LABEL,
    KEY_COLUMN_LABEL,
    KEY_CELLS,
    KEY_WIDTHS,
    KEY_PLANNED,
    KEY_ACTUAL,
    KEY_TICKS,
    KEY_MARKERS,
    KEY_LEGEND,
    KEY_QR,
    KEY_COUNT
};

struct directive {
    enum directive_kind kind;
    char *values[KEY_COUNT]; /* NULL for a key not given */
};

/* directive_is_candidate: the HTML block's text is a golive directive
 * comment (it starts with "<!--" and then "golive:"), well formed or not. */
bool directive_is_candidate(const char *text);

/* directive_parse: reads the directive in text (an HTML block starting at
 * position at). On a mistake records a warning at the mistake's line and
 * column and returns false: an unknown directive or key (with a "did you
 * mean"), an unterminated value, text after the comment. */
bool directive_parse(const char *text, struct source_position at, struct directive *out,
                     struct diag_sink *sink);

void directive_free(struct directive *directive);

#endif
