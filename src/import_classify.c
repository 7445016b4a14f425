/* Where each imported module comes from, which version series it is for,
 * whether the target trees hold a release for the target version, and what
 * golive proposes: an action and findings, each marked as a proposal in
 * the inventory. The rules are docs/importing.md's "How modules are
 * classified", in the same order. */
#include "import.h"

#include "alloc.h"
#include "buffer.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Case-insensitive: does text hold needle? */
static bool holds(const char *text, const char *needle)
{
    if (!text)
        return false;
    size_t length = strlen(needle);
    for (const char *at = text; *at; at++)
        if (strncasecmp(at, needle, length) == 0)
            return true;
    return false;
}

/* Is one of the comma-separated authors exactly one of names? */
static bool has_author(const char *author, const struct text_list *names)
{
    if (!author || !names)
        return false;
    for (const char *part = author; *part;) {
        while (*part == ' ' || *part == ',')
            part++;
        const char *end = strchr(part, ',');
        size_t length = end ? (size_t)(end - part) : strlen(part);
        while (length > 0 && part[length - 1] == ' ')
            length--;
        for (size_t index = 0; index < names->count; index++)
            if (length > 0 && strlen(names->items[index]) == length &&
                strncasecmp(part, names->items[index], length) == 0)
                return true;
        part += end ? (size_t)(end - part) : strlen(part);
    }
    return false;
}

static bool path_has_folder(const char *path, const char *folder)
{
    if (!path)
        return false;
    size_t length = strlen(folder);
    for (const char *at = path; (at = strstr(at, folder)) != NULL; at += length)
        if ((at == path || at[-1] == '/') && (at[length] == '/' || at[length] == '\0'))
            return true;
    return false;
}

static bool is_odoo_author(const char *author)
{
    return holds(author, "Odoo S.A") || holds(author, "Odoo SA") || holds(author, "OpenERP S") ||
           (author && strcasecmp(author, "Odoo") == 0);
}

static enum import_origin origin_of(const struct import_module *module,
                                    const struct import_settings *settings)
{
    if (has_author(module->author, settings->own_authors))
        return ORIGIN_CUSTOM;
    if (holds(module->author, "Odoo Community Association") ||
        holds(module->website, "github.com/OCA/") || path_has_folder(module->path, "OCA"))
        return ORIGIN_OCA;
    bool proprietary = module->license && (strcmp(module->license, "OEEL-1") == 0 ||
                                           strcmp(module->license, "OPL-1") == 0);
    if (path_has_folder(module->path, "enterprise") ||
        (is_odoo_author(module->author) && proprietary))
        return ORIGIN_ENTERPRISE;
    if (is_odoo_author(module->author) || path_has_folder(module->path, "odoo/addons"))
        return ORIGIN_STANDARD;
    if (!module->author || !module->author[0])
        return module->path ? ORIGIN_CUSTOM : ORIGIN_THIRD_PARTY;
    return ORIGIN_THIRD_PARTY;
}

/* "16.0" from "16.0.2.2.1" or "16.0.1.3": Odoo writes a module's version
 * after its series; a version of three parts or fewer ("1.0") names none. */
static char *series_of(const char *version)
{
    if (!version)
        return NULL;
    size_t parts = 1;
    for (const char *at = version; *at; at++)
        parts += *at == '.';
    const char *dot = strchr(version, '.');
    if (parts < 4 || !dot || dot == version || !isdigit((unsigned char)dot[1]))
        return NULL;
    for (const char *at = version; at < dot; at++)
        if (!isdigit((unsigned char)*at))
            return NULL;
    const char *end = dot + 1;
    while (isdigit((unsigned char)*end))
        end++;
    return xstrndup(version, (size_t)(end - version));
}

static void propose(struct import_module *module, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

static void propose(struct import_module *module, const char *format, ...)
{
    struct buffer text = {0};
    va_list arguments;
    va_start(arguments, format);
    buffer_vprintf(&text, format, arguments);
    va_end(arguments);
    struct text_list *list = &module->proposals;
    list->items = xgrow(list->items, &list->capacity, list->count + 1, sizeof(char *));
    list->items[list->count++] = buffer_release(&text);
}

static bool is_odoo_made(enum import_origin origin)
{
    return origin == ORIGIN_STANDARD || origin == ORIGIN_ENTERPRISE;
}

static bool listed(const struct text_list *list, const char *name)
{
    for (size_t index = 0; list && index < list->count; index++)
        if (strcmp(list->items[index], name) == 0)
            return true;
    return false;
}

/* A release in the target trees: the module, installable, and of the
 * target series when its version names one. */
static void find_target_release(struct import_module *module, const struct import_set *target,
                                const struct import_settings *settings)
{
    const struct import_module *release = import_set_find(target, module->name);
    char *series = release ? series_of(release->version) : NULL;
    bool right_series =
        !series || !settings->target_version || strcmp(series, settings->target_version) == 0;
    module->target =
        release && release->installable && right_series ? TARGET_FOUND : TARGET_MISSING;
    if (release && release->version)
        module->target_version = xstrdup(release->version);
    if (release && !release->installable)
        propose(module, "The target trees hold it with 'installable': False: its migration is "
                        "not finished.");
    else if (release && !right_series)
        propose(module, "The target trees hold version %s, which is for %s.", release->version,
                series);
    free(series);
}

static void propose_target(struct import_module *module, const struct import_settings *settings)
{
    const char *version =
        settings->target_version ? settings->target_version : "the target version";
    if (module->origin == ORIGIN_CUSTOM) {
        propose(module,
                "Custom module with no %s release in the target trees: port it "
                "(%lu lines of Python, %lu of XML, %lu of JavaScript).",
                version, module->lines[LINES_PYTHON], module->lines[LINES_XML],
                module->lines[LINES_JAVASCRIPT]);
    } else {
        propose(module,
                "No %s release in the target trees: wait for one, replace the module or "
                "port it.",
                version);
        module->action = ACTION_REVIEW;
    }
}

static void propose_removed(struct import_module *module, const struct import_settings *settings)
{
    const char *version =
        settings->target_version ? settings->target_version : "the target version";
    if (listed(settings->removed, module->name)) {
        propose(module, "Removed in %s: replace what it does or drop it.", version);
        module->action = ACTION_REPLACE;
    }
    for (size_t index = 0; index < module->depends.count; index++)
        if (listed(settings->removed, module->depends.items[index])) {
            propose(module, "Depends on `%s`, removed in %s.", module->depends.items[index],
                    version);
            if (module->action == ACTION_MIGRATE)
                module->action = ACTION_REVIEW;
        }
}

static void classify_one(struct import_module *module, const struct import_set *target,
                         const struct import_settings *settings)
{
    module->origin = origin_of(module, settings);
    free(module->series);
    module->series = series_of(module->version);
    module->action = ACTION_MIGRATE;
    if (module->unreadable) {
        propose(module, "The manifest is not UTF-8: read it by hand.");
        module->action = ACTION_REVIEW;
    }
    if (!module->path && !is_odoo_made(module->origin)) {
        propose(module, "Installed, no source found: get its code from the client or plan to "
                        "uninstall it.");
        module->action = ACTION_REVIEW;
    }
    if (module->path && !module->installable)
        propose(module, "Installed although its manifest says 'installable': False.");
    if (module->path && module->series && settings->source_version &&
        strcmp(module->series, settings->source_version) != 0)
        propose(module, "Its version %s is for %s, not for the system's %s.", module->version,
                module->series, settings->source_version);
    if (settings->have_target_trees && module->path && !is_odoo_made(module->origin)) {
        find_target_release(module, target, settings);
        if (module->target == TARGET_MISSING)
            propose_target(module, settings);
    }
    propose_removed(module, settings);
}

void import_classify(struct import_set *set, const struct import_set *target,
                     const struct import_settings *settings)
{
    for (size_t index = 0; index < set->count; index++)
        if (set->modules[index].installed)
            classify_one(&set->modules[index], target, settings);
}
