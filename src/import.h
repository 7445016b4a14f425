/* golive import: the modules of a client's Odoo, gathered from its addons
 * trees (import_addons.c) and its installed-module export (import_csv.c),
 * classified (import_classify.c) and written as the audit's inventory
 * (import_inventory.c). This header holds what those stages share. */
#ifndef GOLIVE_IMPORT_H
#define GOLIVE_IMPORT_H

#include "diag.h"
#include "model.h"
#include "name_table.h"

#include <stdbool.h>
#include <stddef.h>

enum import_origin {
    ORIGIN_STANDARD,    /* Odoo S.A., Community */
    ORIGIN_ENTERPRISE,  /* Odoo S.A., OEEL/OPL licence or the enterprise tree */
    ORIGIN_OCA,         /* Odoo Community Association */
    ORIGIN_THIRD_PARTY, /* another vendor */
    ORIGIN_CUSTOM,      /* the client's own (its authors, or no author) */
    ORIGIN_COUNT
};

enum import_action {
    ACTION_MIGRATE,
    ACTION_REPLACE,
    ACTION_DISABLE,
    ACTION_REMOVE,
    ACTION_REVIEW, /* golive cannot tell: the consultant decides */
    ACTION_COUNT
};

/* Whether the target trees hold the module at the target version. */
enum import_target {
    TARGET_UNKNOWN, /* no --target tree given, or a standard module */
    TARGET_FOUND,
    TARGET_MISSING,
};

enum import_language { LINES_PYTHON, LINES_XML, LINES_JAVASCRIPT, LINES_COUNT };

struct import_module {
    char *name;    /* technical name: the folder's name */
    char *title;   /* manifest or export 'name' */
    char *version; /* manifest version, or the export's installed version */
    char *author, *license, *website;
    char *path;       /* the module's folder, as found; NULL when in no tree */
    size_t tree;      /* index of the tree it was found in */
    bool installable; /* the manifest's, true when it says nothing */
    bool unreadable;  /* the manifest is not UTF-8 */
    bool in_export;   /* listed in the installed-module export */
    bool installed;   /* the export says installed (or no export given) */
    struct text_list depends;
    unsigned long lines[LINES_COUNT];
    /* classified */
    enum import_origin origin;
    char *series; /* "16.0" from "16.0.2.2.1"; NULL when the version has none */
    enum import_target target;
    char *target_version; /* the version found in the target trees */
    enum import_action action;
    struct text_list proposals; /* proposed findings, each one sentence */
};

/* Every module met, in the order first met; looked up by name. */
struct import_set {
    struct import_module *modules;
    size_t count, capacity;
    struct name_table index; /* name -> position + 1 in modules (number) */
};

/* import_set_find: the module called name, or NULL. */
struct import_module *import_set_find(const struct import_set *set, const char *name);
/* import_set_add: a new, empty module called name (which must be new). */
struct import_module *import_set_add(struct import_set *set, const char *name);
void import_set_free(struct import_set *set);

/* import_addons_read: adds every module under the trees to set, their
 * manifests read as data, code lines counted. Folders that look like
 * modules but are not, second manifests, non-UTF-8 manifests and second
 * copies are reported as warnings. Returns false when an error was
 * reported (a manifest that is not a literal, a tree past the limits). */
bool import_addons_read(const char *const *trees, size_t tree_count, bool count_lines,
                        struct import_set *set, struct diag_sink *sink);

/* import_csv_read: marks set's modules installed or not from an export of
 * Odoo's Apps list or of ir_module_module, adding those the export lists
 * as installed and no tree holds. Returns false after reporting. */
bool import_csv_read(const char *path, struct import_set *set, struct diag_sink *sink);

/* import_names_read: a list of technical names, one a line, '#' starting a
 * comment (the modules removed in the target version). Returns false after
 * reporting. */
bool import_names_read(const char *path, struct text_list *names, struct diag_sink *sink);

/* Settings of one import: versions, the client's own authors, removed
 * modules. Strings are borrowed. */
struct import_settings {
    const char *source_version; /* "16.0", or NULL */
    const char *target_version; /* "18.0", or NULL */
    const struct text_list *own_authors;
    const struct text_list *removed; /* may be NULL */
    bool have_target_trees;
    bool have_export;
};

/* import_classify: origin, series, target release, proposed action and
 * proposals of every module. target holds the target trees' modules. */
void import_classify(struct import_set *set, const struct import_set *target,
                     const struct import_settings *settings);

/* The names of origins and actions are schema_inventory_origins and
 * schema_inventory_actions (schema.h), in the order of the enums above. */

/* import_is_module_name: lower-case letters, digits, underscores. */
bool import_is_module_name(const char *name);

#endif
