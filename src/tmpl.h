/* The template engine: Mustache over node trees, with Markdown-safe values.
 *
 * A template is loaded once: its text and every partial it names, directly
 * or through other partials, are read and parsed into trees, and any error
 * is reported then, with template:line:column. It can then be rendered any
 * number of times over any data. The engine knows nothing of golive's
 * model: data is a node tree (node.h), whether loaded from YAML or built. */
#ifndef GOLIVE_TMPL_H
#define GOLIVE_TMPL_H

#include "buffer.h"
#include "diag.h"
#include "node.h"

#include <stdbool.h>
#include <stddef.h>

/* How {{name}} writes a value; {{{name}}} and {{&name}} always write it as is. */
enum tmpl_escape {
    TMPL_ESCAPE_MARKDOWN, /* literal text in CommonMark/GFM, also in table cells */
    TMPL_ESCAPE_HTML,     /* & < > " ' as entities (the Mustache spec's rule) */
    TMPL_ESCAPE_NONE,     /* as is */
};

/* What {{> name}} does when no partial of that name exists. */
enum tmpl_missing_partial {
    TMPL_MISSING_PARTIAL_ERROR, /* a load error at the tag (golive's rule) */
    TMPL_MISSING_PARTIAL_EMPTY, /* renders as nothing (the Mustache spec's rule) */
};

struct tmpl;

/* tmpl_load_file: reads and parses the template at path. {{> name}} reads
 * name.md from the folder of path and from nowhere else; an unknown partial
 * is an error. cited_at is where path was named (for "cannot open").
 * Returns NULL after recording diagnostics if anything is wrong. */
struct tmpl *tmpl_load_file(const char *path, struct source_position cited_at,
                            struct diag_sink *sink);

/* tmpl_load_text: parses text[0..length) as a template called name (used
 * in messages). Partials come from the mapping partials (name: template
 * text), which may be NULL. Returns NULL after recording diagnostics. */
struct tmpl *tmpl_load_text(const char *name, const char *text, size_t length,
                            const struct node *partials, enum tmpl_missing_partial missing,
                            struct diag_sink *sink);

/* tmpl_render: renders the template over data (NULL renders as if over an
 * empty mapping), appending to out. Returns true on success; on failure
 * (a limit reached, a list where a value was expected) records a
 * diagnostic and returns false, and out holds what it held before. */
bool tmpl_render(const struct tmpl *loaded, const struct node *data, enum tmpl_escape escape,
                 struct buffer *out, struct diag_sink *sink);

void tmpl_free(struct tmpl *loaded);

/* tmpl_source_count / tmpl_source: the texts a loaded template was read
 * from, the template itself first, then each partial: path and contents,
 * so that a build can list them among its inputs. */
size_t tmpl_source_count(const struct tmpl *loaded);
const char *tmpl_source(const struct tmpl *loaded, size_t index, const char **text, size_t *length);

/* tmpl_escape_from_name: "markdown", "html" or "none". Returns false for
 * any other name. */
bool tmpl_escape_from_name(const char *name, enum tmpl_escape *escape);
const char *tmpl_escape_name(enum tmpl_escape escape);

#endif
