/* Loading a language's catalog and checking it key for key against the
 * reference catalog. See language.h. */
#include "language.h"

#include "alloc.h"
#include "buffer.h"
#include "file_io.h"
#include "suggest.h"
#include "yaml_load.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* A code names a file: letters, digits and '-' only ("de", "pt-BR"), so
 * that it can never reach outside the catalog folders. */
static bool code_is_plain(const char *code)
{
    size_t length = strlen(code);
    if (length < 2 || length > 15 || !isalpha((unsigned char)code[0]))
        return false;
    for (const char *at = code; *at; at++)
        if (!isalnum((unsigned char)*at) && *at != '-')
            return false;
    return true;
}

/* The catalog file for code: the project's own first, else the shipped. */
static char *catalog_path(const struct language_request *request, const char *code)
{
    struct buffer path = {0};
    if (request->project_folder) {
        buffer_printf(&path, "%s/%s.yaml", request->project_folder, code);
        if (file_exists_regular(buffer_text(&path)))
            return buffer_release(&path);
        buffer_truncate(&path, 0);
    }
    buffer_printf(&path, "%s/%s.yaml", request->shipped_folder, code);
    if (file_exists_regular(buffer_text(&path)))
        return buffer_release(&path);
    buffer_free(&path);
    return NULL;
}

/* Every value must be one line or more of text: a catalog is flat. */
static bool check_values(const struct node *root, const char *path, struct diag_sink *sink)
{
    if (node_kind(root) != NODE_MAPPING) {
        diag(sink, DIAG_LANGUAGE_NOT_TEXT, node_position(root),
             "the catalog '%s' must be a mapping of 'key: text' lines", path);
        return false;
    }
    bool ok = true;
    for (size_t index = 0; index < node_count(root); index++) {
        const struct node *value = node_mapping_value(root, index);
        if (node_kind(value) != NODE_SCALAR || node_scalar_type(value) == SCALAR_NULL) {
            diag(sink, DIAG_LANGUAGE_NOT_TEXT, node_position(value),
                 "'%s' must be text in the catalog",
                 node_scalar_text(node_mapping_key(root, index)));
            ok = false;
        }
    }
    return ok;
}

/* The tree's positions point into its document's path, so the document
 * stays with the language until language_free. */
static struct node *load_catalog(struct language *language, int which,
                                 struct source_position cited_at, struct diag_sink *sink)
{
    const char *path = language->paths[which];
    language->documents[which] = yaml_load_file(path, cited_at, sink);
    if (!language->documents[which])
        return NULL;
    struct node *root = yaml_document_take_root(language->documents[which]);
    if (check_values(root, path, sink))
        return root;
    node_free(root);
    return NULL;
}

static const char **keys_of(const struct node *mapping)
{
    size_t count = node_count(mapping);
    const char **keys = xcalloc(count + 1, sizeof *keys);
    for (size_t index = 0; index < count; index++)
        keys[index] = node_scalar_text(node_mapping_key(mapping, index));
    return keys;
}

static void report_unknown(const char *key, const char *const *known, size_t count,
                           struct source_position position, const char *where,
                           struct diag_sink *sink)
{
    char hint[128];
    diag(sink, DIAG_LANGUAGE_WORD_UNKNOWN, position, "'%s' is not a key of the catalog%s%s", key,
         where, suggest_hint(key, known, count, hint, sizeof hint));
}

/* The chosen catalog must have the reference's keys, no more, no fewer. A
 * missing key is reported where the catalog's mapping starts. */
static bool check_keys(const struct node *reference, const struct node *chosen,
                       struct diag_sink *sink)
{
    bool ok = true;
    const char **known = keys_of(reference);
    size_t count = node_count(reference);
    for (size_t index = 0; index < count; index++)
        if (!node_mapping_find(chosen, known[index])) {
            diag(sink, DIAG_LANGUAGE_WORD_MISSING, node_position(chosen),
                 "the catalog has no '%s'; the English catalog says '%s'", known[index],
                 node_scalar_text(node_mapping_value(reference, index)));
            ok = false;
        }
    for (size_t index = 0; index < node_count(chosen); index++) {
        const struct node *key = node_mapping_key(chosen, index);
        if (!node_mapping_find(reference, node_scalar_text(key))) {
            report_unknown(node_scalar_text(key), known, count, node_position(key), "", sink);
            ok = false;
        }
    }
    free(known);
    return ok;
}

static bool apply_words(struct node *words, const struct language_request *request,
                        struct diag_sink *sink)
{
    if (!request->words)
        return true;
    bool ok = true;
    const char **known = keys_of(words);
    for (size_t index = 0; index < request->words->count; index++) {
        const struct text_pair *pair = &request->words->pairs[index];
        if (node_mapping_find(words, pair->key)) {
            node_mapping_set(words, pair->key, node_new_string(pair->text));
            continue;
        }
        report_unknown(pair->key, known, node_count(words), request->word_positions[index],
                       " (words: overrides catalog keys)", sink);
        ok = false;
    }
    free(known);
    return ok;
}

static bool load_chosen(struct language *language, const struct language_request *request,
                        struct node *reference, struct diag_sink *sink)
{
    const char *code = language->code;
    if (strcmp(code, LANGUAGE_REFERENCE) == 0 && !language->paths[1]) {
        language->words = reference;
        return true;
    }
    struct node *chosen = load_catalog(language, 1, request->code_position, sink);
    bool ok = chosen && check_keys(reference, chosen, sink);
    node_free(reference);
    if (ok)
        language->words = chosen;
    else
        node_free(chosen);
    return ok;
}

bool language_load(struct language *language, const struct language_request *request,
                   struct diag_sink *sink)
{
    *language = (struct language){0};
    const char *code = request->code ? request->code : LANGUAGE_REFERENCE;
    language->code = xstrdup(code);
    bool ok = code_is_plain(code);
    if (ok)
        language->paths[0] =
            catalog_path(&(struct language_request){.shipped_folder = request->shipped_folder},
                         LANGUAGE_REFERENCE);
    if (ok && strcmp(code, LANGUAGE_REFERENCE) != 0)
        language->paths[1] = catalog_path(request, code);
    else if (ok && request->project_folder) {
        char *own = catalog_path(request, code);
        if (own && strcmp(own, language->paths[0] ? language->paths[0] : "") != 0)
            language->paths[1] = own;
        else
            free(own);
    }
    if (!ok || !language->paths[0] ||
        (strcmp(code, LANGUAGE_REFERENCE) != 0 && !language->paths[1])) {
        static const char *const shipped[] = {"en", "de", "fr"};
        char hint[96];
        diag(sink, DIAG_LANGUAGE_UNKNOWN, request->code_position,
             "golive has no catalog for the language '%s'; it ships en, de and fr%s", code,
             suggest_hint(code, shipped, 3, hint, sizeof hint));
        language_free(language);
        return false;
    }
    struct node *reference = load_catalog(language, 0, request->code_position, sink);
    ok = reference && load_chosen(language, request, reference, sink) &&
         apply_words(language->words, request, sink);
    if (!ok)
        language_free(language);
    return ok;
}

const char *language_word(const struct language *language, const char *key)
{
    const struct node *word = language->words ? node_mapping_find(language->words, key) : NULL;
    return word ? node_scalar_text(word) : "";
}

void language_free(struct language *language)
{
    free(language->code);
    node_free(language->words);
    free(language->paths[0]);
    free(language->paths[1]);
    yaml_document_free(language->documents[0]);
    yaml_document_free(language->documents[1]);
    *language = (struct language){0};
}
