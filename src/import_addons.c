/* golive import addons: every module under the client's addons trees. A
 * module is a folder holding __manifest__.py (or, before Odoo 10,
 * __openerp__.py); its manifest is read as data (python_literal.h), its
 * Python, XML and JavaScript lines counted. Folders are walked with an
 * explicit stack, in name order. Links to folders are followed (modules
 * are often linked into one addons folder); OCA's setup/ folders, which
 * link to every module of their repository again, are not entered. */
#include "import.h"

#include "alloc.h"
#include "buffer.h"
#include "file_io.h"
#include "golive_limits.h"
#include "python_literal.h"
#include "utf8.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- the set ------------------------------------------------------------ */

struct import_module *import_set_find(const struct import_set *set, const char *name)
{
    const struct name_entry *entry = name_table_get(&set->index, name);
    return entry ? &set->modules[entry->number - 1] : NULL;
}

struct import_module *import_set_add(struct import_set *set, const char *name)
{
    set->modules = xgrow(set->modules, &set->capacity, set->count + 1, sizeof *set->modules);
    struct import_module *module = &set->modules[set->count++];
    memset(module, 0, sizeof *module);
    module->name = xstrdup(name);
    module->installable = true;
    module->installed = true;
    name_table_put(&set->index, name, NULL, set->count);
    return module;
}

void import_set_free(struct import_set *set)
{
    for (size_t index = 0; index < set->count; index++) {
        struct import_module *module = &set->modules[index];
        FREE_EACH(module->name, module->title, module->version, module->author, module->license,
                  module->website, module->path, module->series, module->target_version);
        text_list_free(&module->depends);
        text_list_free(&module->proposals);
    }
    free(set->modules);
    name_table_free(&set->index);
    memset(set, 0, sizeof *set);
}

bool import_is_module_name(const char *name)
{
    if (!name[0])
        return false;
    for (const char *at = name; *at; at++)
        if (!((*at >= 'a' && *at <= 'z') || (*at >= '0' && *at <= '9') || *at == '_'))
            return false;
    return true;
}

/* ---- folders ------------------------------------------------------------ */

struct entry_list {
    char **names;
    size_t count, capacity;
};

static int compare_names(const void *left, const void *right)
{
    return strcmp(*(char *const *)left, *(char *const *)right);
}

/* The entries of folder but . and .., sorted (readdir's order is the
 * disk's, and output must not depend on it). */
static struct entry_list list_folder(const char *folder)
{
    struct entry_list list = {0};
    DIR *directory = opendir(folder);
    if (!directory)
        return list;
    for (struct dirent *entry; (entry = readdir(directory)) != NULL;) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        list.names = xgrow(list.names, &list.capacity, list.count + 1, sizeof(char *));
        list.names[list.count++] = xstrdup(entry->d_name);
    }
    closedir(directory);
    if (list.count > 1)
        qsort(list.names, list.count, sizeof(char *), compare_names);
    return list;
}

static void entry_list_free(struct entry_list *list)
{
    for (size_t index = 0; index < list->count; index++)
        free(list->names[index]);
    free(list->names);
}

static char *join(const char *folder, const char *name)
{
    struct buffer path = {0};
    buffer_printf(&path, "%s/%s", folder, name);
    return buffer_release(&path);
}

/* A real folder, not a link to one. */
static bool is_real_folder(const char *path)
{
    struct stat status;
    return lstat(path, &status) == 0 && S_ISDIR(status.st_mode);
}

/* A regular file, or a link to one. */
static bool is_regular(const char *path)
{
    struct stat status;
    return stat(path, &status) == 0 && S_ISREG(status.st_mode);
}

static bool ends_with(const char *text, const char *suffix)
{
    size_t length = strlen(text), suffix_length = strlen(suffix);
    return length >= suffix_length && strcmp(text + length - suffix_length, suffix) == 0;
}

/* Folders a walk never enters: version control, caches, and vendored
 * JavaScript (static/lib is where Odoo modules keep other people's code). */
static bool is_skipped_folder(const char *name, const char *parent)
{
    return name[0] == '.' || strcmp(name, "__pycache__") == 0 ||
           strcmp(name, "node_modules") == 0 ||
           (strcmp(name, "lib") == 0 && ends_with(parent, "/static"));
}

/* A folder, or a link to one. */
static bool is_folder(const char *path)
{
    struct stat status;
    return stat(path, &status) == 0 && S_ISDIR(status.st_mode);
}

/* OCA's packaging folder (setup/MODULE/odoo/addons/MODULE links back to
 * each module): walking it would find every module twice. */
static bool is_packaging_folder(const char *name)
{
    return strcmp(name, "setup") == 0;
}

/* ---- counting lines ----------------------------------------------------- */

static unsigned long count_lines_of(const char *path)
{
    FILE *file = fopen(path, "rb");
    if (!file)
        return 0;
    unsigned long lines = 0;
    char chunk[65536];
    size_t got;
    int last = '\n';
    while ((got = fread(chunk, 1, sizeof chunk, file)) > 0) {
        for (size_t index = 0; index < got; index++)
            lines += chunk[index] == '\n';
        last = (unsigned char)chunk[got - 1];
    }
    fclose(file);
    return lines + (last != '\n');
}

static int language_of(const char *name)
{
    if (ends_with(name, ".py"))
        return LINES_PYTHON;
    if (ends_with(name, ".xml"))
        return LINES_XML;
    if (ends_with(name, ".js"))
        return LINES_JAVASCRIPT;
    return -1;
}

struct walk {
    char **paths;
    unsigned *depths;
    size_t count, capacity;
};

static void walk_push(struct walk *walk, char *path, unsigned depth)
{
    size_t capacity = walk->capacity; /* the two arrays grow together */
    walk->paths = xgrow(walk->paths, &capacity, walk->count + 1, sizeof(char *));
    walk->depths = xgrow(walk->depths, &walk->capacity, walk->count + 1, sizeof(unsigned));
    walk->paths[walk->count] = path;
    walk->depths[walk->count++] = depth;
}

static void walk_free(struct walk *walk)
{
    for (size_t index = 0; index < walk->count; index++)
        free(walk->paths[index]);
    free(walk->paths);
    free(walk->depths);
}

/* Lines of Python, XML and JavaScript in the module's folder. Deeper than
 * LIMIT_ADDONS_DEPTH is not counted. */
static void count_module_lines(struct import_module *module)
{
    struct walk walk = {0};
    walk_push(&walk, xstrdup(module->path), 0);
    while (walk.count > 0) {
        char *folder = walk.paths[--walk.count];
        unsigned depth = walk.depths[walk.count];
        struct entry_list entries = list_folder(folder);
        for (size_t index = 0; index < entries.count; index++) {
            char *path = join(folder, entries.names[index]);
            int language = language_of(entries.names[index]);
            if (is_real_folder(path) && depth < LIMIT_ADDONS_DEPTH &&
                !is_skipped_folder(entries.names[index], folder)) {
                walk_push(&walk, path, depth + 1);
                continue;
            }
            if (language >= 0 && is_regular(path))
                module->lines[language] += count_lines_of(path);
            free(path);
        }
        entry_list_free(&entries);
        free(folder);
    }
    walk_free(&walk);
}

/* ---- manifests ---------------------------------------------------------- */

/* A text value of the manifest, or NULL; reports one that is not text. */
static char *manifest_text(const struct node *manifest, const char *key, bool *ok,
                           struct diag_sink *sink)
{
    const struct node *value = node_mapping_find(manifest, key);
    if (!value || (node_kind(value) == NODE_SCALAR && node_scalar_type(value) == SCALAR_NULL))
        return NULL;
    if (node_kind(value) != NODE_SCALAR || node_scalar_type(value) != SCALAR_STRING) {
        diag(sink, DIAG_MANIFEST_SHAPE, node_position(value),
             "the manifest's '%s' must be a string", key);
        *ok = false;
        return NULL;
    }
    return xstrdup(node_scalar_text(value));
}

static void manifest_depends(const struct node *manifest, struct import_module *module, bool *ok,
                             struct diag_sink *sink)
{
    const struct node *list = node_mapping_find(manifest, "depends");
    if (!list)
        return;
    if (node_kind(list) != NODE_SEQUENCE) {
        diag(sink, DIAG_MANIFEST_SHAPE, node_position(list),
             "the manifest's 'depends' must be a list of module names");
        *ok = false;
        return;
    }
    module->depends.items = xcalloc(node_count(list) + 1, sizeof(char *));
    for (size_t index = 0; index < node_count(list); index++) {
        const struct node *item = node_sequence_item(list, index);
        if (node_kind(item) != NODE_SCALAR || node_scalar_type(item) != SCALAR_STRING ||
            !import_is_module_name(node_scalar_text(item))) {
            diag(sink, DIAG_MANIFEST_SHAPE, node_position(item),
                 "each of 'depends' must be a module's technical name (such as 'sale_stock')");
            *ok = false;
            continue;
        }
        module->depends.items[module->depends.count++] = xstrdup(node_scalar_text(item));
    }
}

static bool manifest_fields(const struct node *manifest, struct import_module *module,
                            struct diag_sink *sink)
{
    bool ok = true;
    if (node_kind(manifest) != NODE_MAPPING) {
        diag(sink, DIAG_MANIFEST_SHAPE, node_position(manifest),
             "a manifest must be a dictionary ({'name': ..., 'depends': [...]})");
        return false;
    }
    module->title = manifest_text(manifest, "name", &ok, sink);
    module->version = manifest_text(manifest, "version", &ok, sink);
    module->author = manifest_text(manifest, "author", &ok, sink);
    module->license = manifest_text(manifest, "license", &ok, sink);
    module->website = manifest_text(manifest, "website", &ok, sink);
    manifest_depends(manifest, module, &ok, sink);
    const struct node *installable = node_mapping_find(manifest, "installable");
    if (installable && node_kind(installable) == NODE_SCALAR &&
        node_scalar_type(installable) == SCALAR_BOOL)
        module->installable = node_scalar_is_true(installable);
    else if (installable) {
        diag(sink, DIAG_MANIFEST_SHAPE, node_position(installable),
             "the manifest's 'installable' must be True or False");
        ok = false;
    }
    return ok;
}

/* Reads the manifest at path into module. A manifest that is not UTF-8 is
 * a warning: the module is listed by its folder's name, marked unreadable. */
static bool read_manifest(const char *path, struct import_module *module, struct diag_sink *sink)
{
    char *text;
    size_t length;
    if (!file_read(path, source_position_of_file(path), sink, &text, &length))
        return false;
    bool ok = true;
    if (!utf8_valid(text, length)) {
        diag(sink, DIAG_MODULE_NOT_UTF8, source_position_of_file(path),
             "this manifest is not UTF-8; module '%s' is listed without its details", module->name);
        module->unreadable = true;
    } else {
        struct node *manifest = python_literal_parse(path, text, length, sink);
        ok = manifest && manifest_fields(manifest, module, sink);
        node_free(manifest);
    }
    free(text);
    return ok;
}

/* ---- the walk ----------------------------------------------------------- */

struct addons_walk {
    struct import_set *set;
    struct diag_sink *sink;
    bool count_lines;
    bool ok;
    size_t tree;
};

/* A folder with a manifest: a module. */
static void add_module(struct addons_walk *walk, const char *folder, const char *name,
                       const char *manifest)
{
    const struct import_module *earlier = import_set_find(walk->set, name);
    if (earlier) {
        diag(walk->sink, DIAG_MODULE_DUPLICATE, source_position_of_file(manifest),
             "module '%s' was found first in '%s'; this copy is left out", name, earlier->path);
        return;
    }
    if (walk->set->count >= LIMIT_IMPORT_MODULES) {
        if (walk->ok)
            diag(walk->sink, DIAG_ADDONS_TOO_MANY, source_position_of_file(folder),
                 "more than %u modules: name the addons folders themselves", LIMIT_IMPORT_MODULES);
        walk->ok = false;
        return;
    }
    struct import_module *module = import_set_add(walk->set, name);
    module->path = xstrdup(folder);
    module->tree = walk->tree;
    if (!read_manifest(manifest, module, walk->sink))
        walk->ok = false;
    if (walk->count_lines)
        count_module_lines(module);
}

/* Looks at one folder: a module, or a folder to walk into. Returns the
 * manifest's path when it is a module (caller frees), NULL otherwise. */
static char *manifest_of(struct addons_walk *walk, const char *folder)
{
    char *manifest = join(folder, "__manifest__.py");
    char *openerp = join(folder, "__openerp__.py");
    bool has_manifest = is_regular(manifest), has_openerp = is_regular(openerp);
    if (has_manifest && has_openerp)
        diag(walk->sink, DIAG_MODULE_TWO_MANIFESTS, source_position_of_file(openerp),
             "this folder also holds __manifest__.py, which is the one read");
    char *chosen = has_manifest ? manifest : has_openerp ? openerp : NULL;
    if (chosen == manifest)
        free(openerp);
    else
        free(manifest);
    if (!chosen)
        free(openerp);
    return chosen;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

static void visit_folder(struct addons_walk *walk, struct walk *stack, char *folder, unsigned depth)
{
    char *manifest = manifest_of(walk, folder);
    if (manifest) {
        add_module(walk, folder, base_name(folder), manifest);
        free(manifest);
        free(folder);
        return;
    }
    char *init = join(folder, "__init__.py");
    if (depth > 0 && is_regular(init))
        diag(walk->sink, DIAG_MODULE_NO_MANIFEST, source_position_of_file(folder),
             "this folder holds __init__.py but no __manifest__.py: Odoo does not load it as a "
             "module");
    free(init);
    struct entry_list entries = list_folder(folder);
    /* Pushed in reverse so that the walk visits names in order. */
    for (size_t index = entries.count; index-- > 0;) {
        char *path = join(folder, entries.names[index]);
        if (!is_folder(path) || is_skipped_folder(entries.names[index], folder) ||
            is_packaging_folder(entries.names[index])) {
            free(path);
        } else if (depth + 1 > LIMIT_ADDONS_DEPTH) {
            if (walk->ok)
                diag(walk->sink, DIAG_ADDONS_TOO_DEEP, source_position_of_file(path),
                     "folders nest deeper than %u levels below the tree given", LIMIT_ADDONS_DEPTH);
            walk->ok = false;
            free(path);
        } else {
            walk_push(stack, path, depth + 1);
        }
    }
    entry_list_free(&entries);
    free(folder);
}

/* A tree given on the command line must be a folder. */
static bool path_is_folder_or_report(const char *path, struct diag_sink *sink)
{
    struct stat status;
    if (stat(path, &status) != 0)
        diag(sink, DIAG_FILE_MISSING, source_position_of_file(path),
             "this addons tree does not exist");
    else if (!S_ISDIR(status.st_mode))
        diag(sink, DIAG_WRONG_FILE_KIND, source_position_of_file(path),
             "an addons tree must be a folder, and this is a file");
    else
        return true;
    return false;
}

static void walk_tree(struct addons_walk *walk, const char *tree)
{
    struct walk stack = {0};
    size_t length = strlen(tree);
    while (length > 1 && tree[length - 1] == '/')
        length--;
    walk_push(&stack, xstrndup(tree, length), 0);
    while (stack.count > 0 && walk->ok) {
        stack.count--;
        visit_folder(walk, &stack, stack.paths[stack.count], stack.depths[stack.count]);
    }
    walk_free(&stack);
}

bool import_addons_read(const char *const *trees, size_t tree_count, bool count_lines,
                        struct import_set *set, struct diag_sink *sink)
{
    struct addons_walk walk = {set, sink, count_lines, true, 0};
    for (size_t index = 0; index < tree_count && walk.ok; index++) {
        if (!path_is_folder_or_report(trees[index], sink)) {
            walk.ok = false;
            break;
        }
        walk.tree = index;
        walk_tree(&walk, trees[index]);
    }
    return walk.ok;
}
