/* Loading templates: the main template and every partial it reaches, each
 * read and parsed once, each {{> name}} linked to its partial.
 *
 * Partials are found by a work list, not by recursion: the parts array
 * grows as partial tags name new partials, and the loop runs until every
 * part's tags are linked. A partial that includes itself is simply linked
 * to itself; the renderer bounds how deep that goes. */
#include "tmpl.h"
#include "tmpl_tree.h"

#include "alloc.h"
#include "buffer.h"
#include "file_io.h"
#include "path.h"
#include "golive_limits.h"
#include "suggest.h"
#include "text_check.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define NOT_FOUND ((size_t)-1)

struct loader {
    struct tmpl *loaded;
    const char *main_path;       /* files: partials are read beside this template */
    const struct node *partials; /* text: a mapping from name to template text */
    enum tmpl_missing_partial missing;
    struct diag_sink *sink;
    bool failed;
};

static size_t add_part(struct tmpl *loaded)
{
    size_t capacity = loaded->capacity; /* the two arrays grow together */
    loaded->parts = xgrow(loaded->parts, &capacity, loaded->count + 1, sizeof(struct tmpl_part));
    loaded->by_name = xgrow(loaded->by_name, &loaded->capacity, loaded->count + 1, sizeof(size_t));
    memset(&loaded->parts[loaded->count], 0, sizeof(struct tmpl_part));
    return loaded->count++;
}

static int compare_name(const char *name, size_t length, const char *known)
{
    size_t known_length = strlen(known);
    int order = memcmp(name, known, length < known_length ? length : known_length);
    if (order != 0)
        return order;
    return length < known_length ? -1 : length > known_length;
}

/* The part holding the partial called name, or NOT_FOUND with *slot set to
 * where its index belongs in by_name. */
static size_t find_partial(const struct tmpl *loaded, const char *name, size_t length, size_t *slot)
{
    size_t low = 0, high = loaded->count - 1; /* partials are parts 1 .. count-1 */
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        int order = compare_name(name, length, loaded->parts[loaded->by_name[middle]].name);
        if (order == 0)
            return loaded->by_name[middle];
        if (order < 0)
            high = middle;
        else
            low = middle + 1;
    }
    *slot = low;
    return NOT_FOUND;
}

/* The partial name nearest to name among the *.md files of the folder of
 * main_path, for "did you mean"; NULL when none is near. Caller frees. */
static char *suggest_partial_file(const char *main_path, const char *name)
{
    char *probe = path_join_relative(main_path, ".");
    DIR *folder = opendir(probe);
    free(probe);
    if (!folder)
        return NULL;
    char **names = NULL;
    size_t count = 0, capacity = 0;
    struct dirent *entry;
    while ((entry = readdir(folder)) != NULL) {
        size_t length = strlen(entry->d_name);
        if (length > 3 && strcmp(entry->d_name + length - 3, ".md") == 0) {
            names = xgrow(names, &capacity, count + 1, sizeof(char *));
            names[count++] = xstrndup(entry->d_name, length - 3);
        }
    }
    closedir(folder);
    const char *closest = suggest_closest(name, (const char *const *)names, count);
    char *suggestion = closest ? xstrdup(closest) : NULL;
    for (size_t index = 0; index < count; index++)
        free(names[index]);
    free(names);
    return suggestion;
}

static void report_unknown_partial(struct loader *loader, const char *name, const char *path,
                                   struct source_position cited_at)
{
    char *suggestion = loader->main_path ? suggest_partial_file(loader->main_path, name) : NULL;
    const char *where = loader->main_path ? path : name;
    if (suggestion)
        diag(loader->sink, DIAG_TEMPLATE_UNKNOWN_PARTIAL, cited_at,
             "no partial '%s': '%s' does not exist; did you mean '%s'?", name, where, suggestion);
    else if (loader->main_path)
        diag(loader->sink, DIAG_TEMPLATE_UNKNOWN_PARTIAL, cited_at,
             "no partial '%s': '%s' does not exist", name, where);
    else
        diag(loader->sink, DIAG_TEMPLATE_UNKNOWN_PARTIAL, cited_at, "no partial '%s'", name);
    free(suggestion);
}

/* Reads the text of the partial in part (its name set) into it. Returns
 * false when there is none: an error, or nothing under the spec's rule. */
static bool read_partial(struct loader *loader, struct tmpl_part *part,
                         struct source_position cited_at)
{
    if (!loader->main_path) {
        const struct node *text =
            loader->partials ? node_mapping_find(loader->partials, part->name) : NULL;
        if (!text || node_kind(text) != NODE_SCALAR) {
            if (loader->missing == TMPL_MISSING_PARTIAL_EMPTY)
                return false;
            report_unknown_partial(loader, part->name, part->name, cited_at);
            loader->failed = true;
            return false;
        }
        part->path = xstrdup(part->name);
        part->length = node_scalar_length(text);
        part->source = xmemdup(node_scalar_text(text), part->length);
        return true;
    }
    struct buffer file_name = {0};
    buffer_printf(&file_name, "%s.md", part->name);
    part->path = path_join_relative(loader->main_path, buffer_text(&file_name));
    buffer_free(&file_name);
    struct stat status;
    if (stat(part->path, &status) != 0 && errno == ENOENT) {
        report_unknown_partial(loader, part->name, part->path, cited_at);
        loader->failed = true;
        return false;
    }
    if (!file_read(part->path, cited_at, loader->sink, &part->source, &part->length)) {
        loader->failed = true;
        return false;
    }
    return true;
}

/* Links the partial tag nodes[node] of parts[part] to its partial, loading
 * and parsing the partial the first time its name is met. */
static void link_partial(struct loader *loader, size_t part, size_t node)
{
    struct tmpl *loaded = loader->loaded;
    const struct tmpl_node *tag = &loaded->parts[part].nodes[node];
    size_t slot = 0, found = find_partial(loaded, tag->text, tag->length, &slot);
    if (found == NOT_FOUND) {
        if (loaded->count - 1 >= LIMIT_TEMPLATE_PARTIALS) {
            diag(loader->sink, DIAG_TEMPLATE_TOO_MANY_PARTIALS, tag->position,
                 "this template uses more than %u different partials", LIMIT_TEMPLATE_PARTIALS);
            loader->failed = true;
            return;
        }
        struct source_position cited_at = tag->position;
        char *name = xmemdup(tag->text, tag->length);
        found = add_part(loaded); /* may move parts: tag is not used below */
        memmove(&loaded->by_name[slot + 1], &loaded->by_name[slot],
                (found - 1 - slot) * sizeof(size_t));
        loaded->by_name[slot] = found;
        struct tmpl_part *partial = &loaded->parts[found];
        partial->name = name;
        partial->absent = !read_partial(loader, partial, cited_at);
        if (!partial->absent &&
            (!text_check(partial->path, partial->source, partial->length, loader->sink) ||
             !tmpl_parse(partial, loader->sink))) {
            partial->absent = true;
            loader->failed = true;
        }
    }
    loaded->parts[part].nodes[node].partial = found;
}

/* Parses the main template (path and source, both handed over), then links
 * every partial tag, loading partials as they are first named. */
static struct tmpl *load(struct loader *loader, char *path, char *source, size_t length)
{
    struct tmpl *loaded = loader->loaded = xcalloc(1, sizeof(struct tmpl));
    add_part(loaded);
    struct tmpl_part *main_part = &loaded->parts[0];
    main_part->path = path;
    main_part->source = source;
    main_part->length = length;
    if (!text_check(main_part->path, main_part->source, main_part->length, loader->sink) ||
        !tmpl_parse(main_part, loader->sink))
        loader->failed = true;
    /* Link even after an error, so that one run reports every missing partial. */
    for (size_t part = 0; part < loaded->count; part++)
        for (size_t node = 0; node < loaded->parts[part].count; node++)
            if (loaded->parts[part].nodes[node].kind == TMPL_NODE_PARTIAL)
                link_partial(loader, part, node);
    if (loader->failed) {
        tmpl_free(loaded);
        return NULL;
    }
    return loaded;
}

struct tmpl *tmpl_load_file(const char *path, struct source_position cited_at,
                            struct diag_sink *sink)
{
    char *source;
    size_t length;
    if (!file_read(path, cited_at, sink, &source, &length))
        return NULL;
    struct loader loader = {.main_path = path, .missing = TMPL_MISSING_PARTIAL_ERROR, .sink = sink};
    return load(&loader, xstrdup(path), source, length);
}

struct tmpl *tmpl_load_text(const char *name, const char *text, size_t length,
                            const struct node *partials, enum tmpl_missing_partial missing,
                            struct diag_sink *sink)
{
    struct loader loader = {.partials = partials, .missing = missing, .sink = sink};
    return load(&loader, xstrdup(name), xmemdup(text, length), length);
}

void tmpl_free(struct tmpl *loaded)
{
    if (!loaded)
        return;
    for (size_t index = 0; index < loaded->count; index++)
        tmpl_part_clear(&loaded->parts[index]);
    free(loaded->parts);
    free(loaded->by_name);
    free(loaded);
}

size_t tmpl_source_count(const struct tmpl *loaded)
{
    return loaded->count;
}

const char *tmpl_source(const struct tmpl *loaded, size_t index, const char **text, size_t *length)
{
    const struct tmpl_part *part = &loaded->parts[index];
    *text = part->absent ? "" : part->source;
    *length = part->absent ? 0 : part->length;
    return part->path;
}
