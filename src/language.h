/* The words of the documents in one language.
 *
 * Each language has one catalog, templates/lang/CODE.yaml: a mapping of
 * keys to text holding every fixed word the templates, the view's dates
 * and durations and the typesetter print. English is the reference: every
 * other catalog must have exactly its keys. A project's templates folder
 * may hold lang/CODE.yaml of its own (a language golive does not ship, or
 * its own wording), and the project's `words:` overrides single keys.
 * A catalog file with exactly the bytes of a shipped one is not parsed:
 * golive holds its tree compiled in (language_compiled.h). */
#ifndef GOLIVE_LANGUAGE_H
#define GOLIVE_LANGUAGE_H

#include "diag.h"
#include "model.h"
#include "node.h"

struct yaml_document;

#include <stdbool.h>

#define LANGUAGE_REFERENCE "en"

struct language_request {
    const char *code;                     /* "de"; NULL: the reference */
    struct source_position code_position; /* where the code was given */
    const char *shipped_folder;           /* GOLIVE_DATADIR/templates/lang */
    const char *project_folder;           /* the project's templates/lang, or NULL */
    const struct text_map *words;         /* the project's own words, or NULL */
    const struct source_position *word_positions;
};

struct language {
    char *code;
    struct node *words;                 /* mapping key -> text, owned */
    char *paths[2];                     /* the catalogs read (reference, chosen), or NULL */
    struct yaml_document *documents[2]; /* their texts, which positions point into */
};

/* language_load: the catalog of request->code checked against the
 * reference, with the project's words over it. Returns true; false after
 * recording diagnostics (unknown language, a key missing or unknown, a
 * value that is not text), when language holds nothing to free. */
bool language_load(struct language *language, const struct language_request *request,
                   struct diag_sink *sink);

/* language_word: the text of key; "" for a key the catalog lacks (the
 * reference has every key the code asks for: a test checks). */
const char *language_word(const struct language *language, const char *key);

void language_free(struct language *language);

#endif
