/* Loading a language's catalog and checking it key for key against the
 * reference catalog. See language.h. */
#include "language.h"

#include "alloc.h"
#include "buffer.h"
#include "file_io.h"
#include "language_catalog.h"
#include "language_compiled.h"
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

/* A catalog file as read: its bytes, and the compiled catalog made from
 * exactly those bytes, if any. */
struct catalog_file {
    char *bytes;
    size_t length;
    const struct language_compiled_catalog *compiled;
};

static bool read_catalog(const struct language *language, int which,
                         struct source_position cited_at, struct catalog_file *file,
                         struct diag_sink *sink)
{
    if (!file_read(language->paths[which], cited_at, sink, &file->bytes, &file->length))
        return false;
    file->compiled = language_compiled_find(file->bytes, file->length);
    return true;
}

/* The file's tree: the compiled one, else parsed. Its positions point into
 * the path or its document's, which stay with the language until
 * language_free. */
static struct node *catalog_tree(struct language *language, int which,
                                 const struct catalog_file *file, struct diag_sink *sink)
{
    const char *path = language->paths[which];
    return file->compiled ? language_compiled_tree(file->compiled, path)
                          : language_catalog_parse(path, file->bytes, file->length,
                                                   &language->documents[which], sink);
}

static bool apply_words(struct node *words, const struct language_request *request,
                        struct diag_sink *sink)
{
    if (!request->words)
        return true;
    bool ok = true;
    const char **known = language_catalog_keys(words);
    for (size_t index = 0; index < request->words->count; index++) {
        const struct text_pair *pair = &request->words->pairs[index];
        if (node_mapping_find(words, pair->key)) {
            node_mapping_set(words, pair->key, node_new_string(pair->text));
            continue;
        }
        language_catalog_report_unknown(pair->key, known, node_count(words),
                                        request->word_positions[index],
                                        " (words: overrides catalog keys)", sink);
        ok = false;
    }
    free(known);
    return ok;
}

/* The reference's compiled catalog and a compiled chosen one need no
 * check of keys: the generator made it. */
static bool checked_at_build(const struct catalog_file *reference,
                             const struct catalog_file *chosen)
{
    return reference->compiled && language_compiled_is_reference(reference->compiled) &&
           chosen->compiled && chosen->compiled->keys_as_reference;
}

/* The chosen catalog, checked against the reference's keys. The reference
 * is read first, and a parsed one checked first: a broken reference stops
 * before the chosen catalog is read. Its tree is made only for the check. */
static bool load_chosen(struct language *language, const struct language_request *request,
                        struct catalog_file *reference, struct diag_sink *sink)
{
    struct catalog_file chosen = {0};
    struct node *reference_tree =
        reference->compiled ? NULL : catalog_tree(language, 0, reference, sink);
    bool ok = (reference->compiled || reference_tree) &&
              read_catalog(language, 1, request->code_position, &chosen, sink);
    bool checked = ok && checked_at_build(reference, &chosen);
    if (ok && !checked && !reference_tree)
        reference_tree = catalog_tree(language, 0, reference, sink);
    struct node *words = ok ? catalog_tree(language, 1, &chosen, sink) : NULL;
    ok = words && (checked || language_catalog_check_keys(reference_tree, words, sink));
    node_free(reference_tree);
    free(chosen.bytes);
    if (ok)
        language->words = words;
    else
        node_free(words);
    return ok;
}

/* The words: the reference's alone, or the chosen catalog's. */
static bool load_words(struct language *language, const struct language_request *request,
                       struct diag_sink *sink)
{
    struct catalog_file reference = {0};
    bool ok = read_catalog(language, 0, request->code_position, &reference, sink);
    if (ok && !language->paths[1])
        ok = (language->words = catalog_tree(language, 0, &reference, sink)) != NULL;
    else if (ok)
        ok = load_chosen(language, request, &reference, sink);
    free(reference.bytes);
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
    ok = load_words(language, request, sink) && apply_words(language->words, request, sink);
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
