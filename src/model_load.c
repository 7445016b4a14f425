/* Loading the engagement: the project and every file it names. */
#include "model_load.h"

#include "alloc.h"
#include "attachment.h"
#include "file_io.h"
#include "image_probe.h"
#include "model_audit.h"
#include "model_audit_snapshot.h"
#include "model_checklist.h"
#include "model_criteria.h"
#include "model_inventory.h"
#include "model_project.h"
#include "model_read.h"
#include "model_run.h"
#include "model_truncation.h"
#include "path.h"
#include "record_chain.h"
#include "signoff_signature.h"
#include "schema_validate.h"
#include "suggest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *kind_article(enum input_kind kind)
{
    static const char *const articles[INPUT_KIND_COUNT] = {
        [INPUT_CHECKLIST] = "a checklist",
        [INPUT_PROJECT] = "a project",
        [INPUT_RUN] = "a run",
        [INPUT_AUDIT] = "an audit",
        [INPUT_INVENTORY] = "an inventory",
    };
    return articles[kind];
}

static void release_document(void *document)
{
    yaml_document_free(document);
}

/* Keeps a loaded document for the model's lifetime (positions point into
 * its path) and returns the path the model should use. */
static const char *keep_source(struct model *model, struct yaml_document *document,
                               enum input_kind kind)
{
    model->sources = arena_grow(model->arena, model->sources, &model->source_capacity,
                                model->source_count + 1, sizeof(struct source_file));
    struct source_file *source = &model->sources[model->source_count++];
    source->path = arena_strdup(model->arena, yaml_document_path(document));
    arena_on_free(model->arena, release_document, document);
    source->kind = kind;
    source->document = document;
    return yaml_document_path(document);
}

/* Loads path as a file of the expected kind, validated. Returns its root,
 * or NULL after reporting why not. */
static const struct node *load_kind(struct model *model, const char *path,
                                    struct source_position cited_at, enum input_kind expected,
                                    struct diag_sink *sink)
{
    struct yaml_document *document = NULL;
    if (model->preloaded && path_same_file(path, yaml_document_path(model->preloaded))) {
        document = model->preloaded; /* read once per command */
        model->preloaded = NULL;
    } else {
        document = yaml_load_file(path, cited_at, sink);
    }
    if (!document) {
        if (expected == INPUT_RUN)
            model_note_truncated_run(path, sink);
        return NULL;
    }
    const struct node *root = yaml_document_root(document);
    enum input_kind kind;
    if (!schema_detect_kind(root, path, &kind, sink)) {
        yaml_document_free(document);
        return NULL;
    }
    if (kind != expected) {
        diag(sink, DIAG_WRONG_FILE_KIND, cited_at, "'%s' is %s file; %s file is expected here",
             path, kind_article(kind), kind_article(expected));
        yaml_document_free(document);
        return NULL;
    }
    schema_validate(root, schema_for_kind(kind), sink);
    keep_source(model, document, kind);
    return root;
}

/* Resolves a path named at cited_at in naming_file, and checks it exists
 * inside the project's folder. Returns the resolved path (in the model's
 * arena) or NULL after reporting. */
static char *resolve_named(const struct model *model, const char *naming_file, const char *written,
                           struct source_position cited_at, struct diag_sink *sink)
{
    if (written[0] == '/')
        return NULL; /* the validator reported the absolute path */
    char *resolved = path_join_relative(naming_file, written);
    const char *kind = file_kind_of(resolved);
    if (!kind) {
        diag(sink, DIAG_FILE_MISSING, cited_at, "'%s' does not exist (looked for '%s')", written,
             resolved);
    } else if (!file_exists_regular(resolved) && !path_is_folder(resolved)) {
        diag(sink, DIAG_FILE_NOT_REGULAR, cited_at, "'%s' is %s; golive reads only regular files",
             written, kind);
    } else if (!path_is_inside(resolved, model->root)) {
        diag(sink, DIAG_PATH_OUTSIDE, cited_at, "'%s' lies outside the project's folder '%s'",
             written, model->root);
    } else {
        char *kept = arena_strdup(model->arena, resolved);
        free(resolved);
        return kept;
    }
    free(resolved);
    return NULL;
}

static void load_run(struct model *model, struct checklist_use *use, const struct node *entry,
                     struct diag_sink *sink)
{
    struct source_position cited_at = read_position(entry, "run");
    use->run_path = resolve_named(model, model->project->path, use->run_file, cited_at, sink);
    const struct node *root =
        use->run_path ? load_kind(model, use->run_path, cited_at, INPUT_RUN, sink) : NULL;
    if (!root)
        return;
    struct run *run = run_build(model->arena, root, model->sources[model->source_count - 1].path);
    model->runs = arena_grow(model->arena, model->runs, &model->run_capacity, model->run_count + 1,
                             sizeof(struct run *));
    model->runs[model->run_count++] = run;
    use->run = run;
    char *named = run->project ? path_join_relative(run->path, run->project) : NULL;
    if (named && !path_same_file(named, model->project->path))
        diag(sink, DIAG_RUN_MISMATCH, read_position(root, "project"),
             "this run belongs to '%s', not to the project '%s' that names it", run->project,
             model->project->path);
    free(named);
    if (use->checklist && run->checklist_id && use->checklist->id &&
        strcmp(run->checklist_id, use->checklist->id) != 0)
        diag(sink, DIAG_RUN_MISMATCH, read_position(root, "checklist"),
             "this run records checklist '%s', but the project pairs it with '%s'",
             run->checklist_id, use->checklist->id);
    if (use->checklist)
        run_resolve(run, root, use->checklist, model->project, sink);
    size_t length;
    const char *bytes =
        yaml_document_bytes(model->sources[model->source_count - 1].document, &length);
    record_chain_check(bytes, length, read_list(root, "records"), sink);
    attachment_check_run(run, model->root, sink);
    struct signoff_context context = {model->project, model->root, run->path, bytes, length, 0};
    signoff_signature_check_run(&context, run, sink);
}

/* A run named twice (live and rehearsal, or two rehearsals) would be
 * recorded once and counted twice. */
static bool run_named_before(const struct checklist_use *use, size_t rehearsal)
{
    const char *path = use->rehearsals[rehearsal].use.run_path;
    if (use->run_path && path_same_file(use->run_path, path))
        return true;
    for (size_t index = 0; index < rehearsal; index++)
        if (use->rehearsals[index].use.run_path &&
            path_same_file(use->rehearsals[index].use.run_path, path))
            return true;
    return false;
}

/* Each rehearsal gets a checklist of its own, built from the same tree
 * (its messages were given for the live one), and its run loaded as the
 * live run is: a run of another checklist is refused the same way. */
static void load_rehearsals(struct model *model, struct checklist_use *use,
                            const struct node *checklist_root, const struct node *entry,
                            struct diag_sink *sink)
{
    const struct node *list = read_list(entry, "rehearsals");
    for (size_t index = 0; index < use->rehearsal_count; index++) {
        struct rehearsal *rehearsal = &use->rehearsals[index];
        const struct node *node = list ? node_sequence_item(list, index) : NULL;
        if (!node || !rehearsal->use.run_file)
            continue;
        rehearsal->use.file_path = use->file_path;
        if (checklist_root) {
            struct diag_sink *quiet = diag_sink_new();
            rehearsal->use.checklist =
                checklist_build(model->arena, checklist_root, use->checklist->path, quiet);
            diag_sink_free(quiet);
        }
        load_run(model, &rehearsal->use, node, sink);
        if (rehearsal->use.run_path && run_named_before(use, index))
            diag(sink, DIAG_RUN_MISMATCH, read_position(node, "run"),
                 "'%s' is named twice for checklist '%s': a rehearsal needs a run of its own",
                 rehearsal->use.run_file, use->checklist ? use->checklist->id : use->file);
    }
}

static void load_checklist(struct model *model, struct checklist_use *use, const struct node *entry,
                           struct diag_sink *sink)
{
    struct source_position cited_at = read_position(entry, "file");
    use->file_path = resolve_named(model, model->project->path, use->file, cited_at, sink);
    const struct node *root =
        use->file_path ? load_kind(model, use->file_path, cited_at, INPUT_CHECKLIST, sink) : NULL;
    if (root) {
        struct checklist *checklist =
            checklist_build(model->arena, root, model->sources[model->source_count - 1].path, sink);
        for (size_t index = 0; index < model->checklist_count; index++)
            if (checklist->id && model->checklists[index]->id &&
                strcmp(checklist->id, model->checklists[index]->id) == 0)
                diag(sink, DIAG_DUPLICATE_ID, cited_at, "the project uses checklist '%s' twice",
                     checklist->id);
        model->checklists = arena_grow(model->arena, model->checklists, &model->checklist_capacity,
                                       model->checklist_count + 1, sizeof(struct checklist *));
        model->checklists[model->checklist_count++] = checklist;
        use->checklist = checklist;
    }
    if (use->run_file)
        load_run(model, use, entry, sink);
    load_rehearsals(model, use, root, entry, sink);
}

/* Each signatory's public key must be a file inside the project. */
static void load_keys(struct model *model, struct diag_sink *sink)
{
    for (size_t index = 0; index < model->project->signatory_count; index++) {
        struct signatory *signatory = &model->project->signatories[index];
        if (signatory->key_file)
            signatory->key_path = resolve_named(model, model->project->path, signatory->key_file,
                                                signatory->key_position, sink);
    }
}

static void load_uses(struct model *model, const struct node *project_root, struct diag_sink *sink)
{
    const struct node *entries = read_list(project_root, "checklists");
    size_t use = 0;
    for (size_t index = 0; entries && index < node_count(entries); index++) {
        const struct node *entry = node_sequence_item(entries, index);
        if (node_kind(entry) == NODE_MAPPING && use < model->project->use_count &&
            model->project->uses[use].file)
            load_checklist(model, &model->project->uses[use++], entry, sink);
        else if (node_kind(entry) == NODE_MAPPING)
            use++;
    }
}

/* The inventory an audit names, relative to the audit file. */
static void load_inventory(struct model *model, struct audit *audit, const struct node *audit_root,
                           struct diag_sink *sink)
{
    if (!audit->inventory_file)
        return;
    struct source_position cited_at = read_position(audit_root, "inventory");
    char *path = resolve_named(model, audit->path, audit->inventory_file, cited_at, sink);
    const struct node *root = path ? load_kind(model, path, cited_at, INPUT_INVENTORY, sink) : NULL;
    if (root)
        audit->inventory =
            inventory_build(model->arena, root, model->sources[model->source_count - 1].path);
}

static void load_audit(struct model *model, const struct node *project_root, struct diag_sink *sink)
{
    struct project *project = model->project;
    struct source_position cited_at = read_position(project_root, "audit");
    if (!project->audit_file)
        return;
    char *path = resolve_named(model, project->path, project->audit_file, cited_at, sink);
    const struct node *root = path ? load_kind(model, path, cited_at, INPUT_AUDIT, sink) : NULL;
    if (!root)
        return;
    model->audit = audit_build(model->arena, root, model->sources[model->source_count - 1].path);
    project->audit = model->audit;
    audit_resolve(model->audit, root, project, sink);
    load_inventory(model, model->audit, root, sink);
}

/* A logo must be an image the typesetter will embed: checked by the very
 * probe the typesetter uses (image_probe.h), so that a logo `check` accepts
 * is one `build` prints. */
static void check_logo(struct project *project, struct source_position at, struct diag_sink *sink)
{
    struct image_info info;
    enum image_probe_result probe = image_probe(project->logo_path, &info);
    if (probe == IMAGE_PROBE_OK)
        return;
    if (probe == IMAGE_PROBE_TOO_LARGE)
        diag(sink, DIAG_WRONG_FILE_KIND, at,
             "the logo '%s' has %u x %u pixels, more than golive embeds", project->logo,
             (unsigned)info.width, (unsigned)info.height);
    else if (probe == IMAGE_PROBE_UNREADABLE)
        diag(sink, DIAG_WRONG_FILE_KIND, at, "the logo '%s' cannot be read as a file",
             project->logo);
    else
        diag(sink, DIAG_WRONG_FILE_KIND, at,
             "the logo '%s' is not a PNG or JPEG image golive can read", project->logo);
    project->logo_path = NULL;
}

static void load_assets(struct model *model, const struct node *project_root,
                        struct diag_sink *sink)
{
    struct project *project = model->project;
    if (project->logo) {
        struct source_position at = read_position(read_mapping(project_root, "consultant"), "logo");
        project->logo_path = resolve_named(model, project->path, project->logo, at, sink);
        if (project->logo_path)
            check_logo(project, at, sink);
    }
    if (project->templates) {
        struct source_position at = read_position(project_root, "templates");
        project->templates_path = resolve_named(model, project->path, project->templates, at, sink);
        if (project->templates_path && !path_is_folder(project->templates_path)) {
            diag(sink, DIAG_WRONG_FILE_KIND, at,
                 "'templates' must name a folder, and '%s' is not one", project->templates);
            project->templates_path = NULL;
        }
    }
}

static bool some_checklist_has_role(const struct model *model, const char *role)
{
    for (size_t index = 0; index < model->checklist_count; index++)
        if (text_map_find(&model->checklists[index]->roles, role))
            return true;
    return false;
}

static bool someone_holds_role(const struct project *project, const char *role)
{
    for (size_t person = 0; person < project->person_count; person++)
        for (size_t index = 0; index < project->people[person].roles.count; index++)
            if (strcmp(project->people[person].roles.items[index], role) == 0)
                return true;
    return false;
}

static void report_unknown_role(const struct model *model, const struct node *entry,
                                struct diag_sink *sink)
{
    const char *role = node_scalar_text(entry);
    const char *names[256];
    size_t count = 0;
    for (size_t index = 0; index < model->checklist_count; index++)
        for (size_t pair = 0; pair < model->checklists[index]->roles.count && count < 256; pair++)
            names[count++] = model->checklists[index]->roles.pairs[pair].key;
    char hint[96];
    diag(sink, DIAG_UNKNOWN_REFERENCE, node_position(entry),
         "role '%s' is not a role of any checklist the project uses%s", role,
         suggest_hint(role, names, count, hint, sizeof hint));
}

/* People's roles must be roles of the checklists; a role that owns steps
 * but that nobody holds earns a warning. */
static void check_roles(const struct model *model, const struct node *project_root,
                        struct diag_sink *sink)
{
    /* With a checklist that did not load, its roles are unknown: saying a
     * role is undefined would only repeat that error. */
    for (size_t index = 0; index < model->project->use_count; index++)
        if (!model->project->uses[index].checklist)
            return;
    const struct node *people = read_list(project_root, "people");
    for (size_t person = 0; people && person < node_count(people); person++) {
        const struct node *roles = read_list(node_sequence_item(people, person), "roles");
        for (size_t index = 0; roles && index < node_count(roles); index++) {
            const struct node *entry = node_sequence_item(roles, index);
            if (node_kind(entry) == NODE_SCALAR &&
                !some_checklist_has_role(model, node_scalar_text(entry)))
                report_unknown_role(model, entry, sink);
        }
    }
    struct name_table warned = {0};
    for (size_t index = 0; index < model->checklist_count; index++) {
        CHECKLIST_FOR_EACH_ITEM(model->checklists[index], phase, item)
        {
            if (!item->owner_title || someone_holds_role(model->project, item->owner) ||
                name_table_get(&warned, item->owner))
                continue;
            name_table_put(&warned, item->owner, NULL, 0);
            diag(sink, DIAG_ROLE_UNASSIGNED, read_position(project_root, "people"),
                 "nobody in the project holds role '%s', owner of step %s of checklist '%s'",
                 item->owner, item->id, model->checklists[index]->id);
        }
    }
    name_table_free(&warned);
}

static bool some_use_prints(const struct project *project, enum artifact artifact)
{
    for (size_t index = 0; index < project->use_count; index++)
        if (SET_HAS(project->uses[index].artifacts, artifact))
            return true;
    return false;
}

/* Each document asked for needs something to print. */
static void check_artifact_inputs(const struct project *project, const struct node *root,
                                  struct diag_sink *sink)
{
    struct source_position at = read_position(root, "artifacts");
    if (SET_HAS(project->artifacts, ARTIFACT_AUDIT) && !project->audit_file)
        diag(sink, DIAG_ARTIFACT_NEEDS_INPUT, at,
             "the audit report needs the audit findings: add 'audit: FILE' to the project");
    if (SET_HAS(project->artifacts, ARTIFACT_PREFLIGHT) &&
        !some_use_prints(project, ARTIFACT_PREFLIGHT))
        diag(sink, DIAG_ARTIFACT_NEEDS_INPUT, at,
             "the pre-flight sheet needs a checklist with 'artifacts: [preflight]'");
    if (SET_HAS(project->artifacts, ARTIFACT_RUNBOOK) &&
        !some_use_prints(project, ARTIFACT_RUNBOOK))
        diag(sink, DIAG_ARTIFACT_NEEDS_INPUT, at,
             "the runbook needs a checklist with 'artifacts: [runbook]'");
    if (SET_HAS(project->artifacts, ARTIFACT_SIGNOFF) && project->signatory_count == 0)
        diag(sink, DIAG_ARTIFACT_NEEDS_INPUT, at,
             "the sign-off sheet needs at least one entry under 'signatories'");
    if (SET_HAS(project->artifacts, ARTIFACT_CONTACTS) && project->contact_count == 0)
        diag(sink, DIAG_ARTIFACT_NEEDS_INPUT, at,
             "the emergency contacts sheet needs at least one entry under 'contacts'");
}

#ifndef GOLIVE_ZONEINFO
#define GOLIVE_ZONEINFO "/usr/share/zoneinfo"
#endif

static void release_zone(void *zone)
{
    zone_free(zone);
}

/* The project's time zone, from the system's time zone data; a name it
 * does not know is said, and the window start's offset used instead. */
static void load_zone(struct model *model, const struct node *root, struct diag_sink *sink)
{
    struct project *project = model->project;
    arena_on_free(model->arena, release_zone, &project->zone);
    int fallback = project->window_start.set ? project->window_start.offset_minutes : 0;
    if (!zone_load(&project->zone, GOLIVE_ZONEINFO, project->timezone, fallback) &&
        project->timezone)
        diag(sink, DIAG_ZONE_UNKNOWN, read_position(read_mapping(root, "window"), "timezone"),
             "'%s' is not a time zone of this system's time zone data (%s); times are printed "
             "in the window start's offset",
             project->timezone, GOLIVE_ZONEINFO);
}

static void release_issued(void *issued)
{
    issued_free(issued);
}

/* model_folder_of: path_folder_of (path.h), kept in arena. */
static char *model_folder_of(struct arena *arena, const char *path)
{
    char *folder = path_folder_of(path);
    char *kept = arena_strdup(arena, folder);
    free(folder);
    return kept;
}

struct model *model_load(const char *path, struct diag_sink *sink)
{
    return model_load_preloaded(path, NULL, sink);
}

struct model *model_load_preloaded(const char *path, struct yaml_document *preloaded,
                                   struct diag_sink *sink)
{
    struct arena *arena = arena_new();
    struct model *model = arena_calloc(arena, 1, sizeof *model);
    model->arena = arena;
    model->root = model_folder_of(arena, path);
    model->preloaded = preloaded;
    const struct node *root =
        load_kind(model, path, source_position_of_file(path), INPUT_PROJECT, sink);
    if (!root) {
        yaml_document_free(model->preloaded);
        model_free(model);
        return NULL;
    }
    model->project = project_build(arena, root, model->sources[0].path, sink);
    load_keys(model, sink);
    load_zone(model, root, sink);
    load_uses(model, root, sink);
    success_criteria_assess(model, root, sink);
    load_audit(model, root, sink);
    load_assets(model, root, sink);
    check_roles(model, root, sink);
    check_artifact_inputs(model->project, root, sink);
    arena_on_free(arena, release_issued, &model->issued);
    issued_load(model->root, &model->issued, sink);
    audit_snapshot_load(model, sink);
    /* The model holds what it needs: the trees can go (a large engagement's
     * are tens of megabytes); the documents keep their text and paths. */
    for (size_t index = 0; index < model->source_count; index++)
        node_free(yaml_document_take_root(model->sources[index].document));
    yaml_document_free(model->preloaded);
    model->preloaded = NULL;
    return model;
}

void model_free(struct model *model)
{
    if (model)
        arena_free(model->arena);
}

const struct checklist_use *model_find_use_of_run(const struct model *model, const char *run_path)
{
    for (size_t index = 0; index < model->project->use_count; index++) {
        const struct checklist_use *use = &model->project->uses[index];
        if (use->run_path && path_same_file(use->run_path, run_path))
            return use;
        for (size_t rehearsal = 0; rehearsal < use->rehearsal_count; rehearsal++)
            if (use->rehearsals[rehearsal].use.run_path &&
                path_same_file(use->rehearsals[rehearsal].use.run_path, run_path))
                return &use->rehearsals[rehearsal].use;
    }
    return NULL;
}

/* A run is checked within its project, which must list it. */
/* Checks a run within its project; takes the run's document. */
static void check_run_file(const char *path, struct yaml_document *document, struct diag_sink *sink)
{
    const struct node *root = yaml_document_root(document);
    struct source_position at = read_position(root, "project");
    at.file = path; /* the document may be gone when the message is given */
    const char *written = read_view(root, "project");
    char *project_written = written && written[0] ? xstrdup(written) : NULL;
    if (!project_written) {
        yaml_document_free(document);
        return;
    }
    char *project_path = path_join_relative(path, project_written);
    if (!file_exists_regular(project_path)) {
        diag(sink, DIAG_FILE_MISSING, at, "'%s' does not exist (looked for '%s')", project_written,
             project_path);
    } else {
        struct model *model = model_load_preloaded(project_path, document, sink);
        document = NULL;
        if (model && !model_find_use_of_run(model, path))
            diag(sink, DIAG_RUN_MISMATCH, at,
                 "the project '%s' does not list this run under any checklist's 'run'",
                 project_written);
        model_free(model);
    }
    free(project_path);
    free(project_written);
    yaml_document_free(document);
}

/* An audit on its own is checked with the inventory it names. */
static void check_audit_file(const char *path, const struct node *root, struct diag_sink *sink)
{
    struct model scratch = {0};
    scratch.arena = arena_new();
    scratch.root = model_folder_of(scratch.arena, path);
    struct audit *audit = audit_build(scratch.arena, root, path);
    load_inventory(&scratch, audit, root, sink);
    arena_free(scratch.arena);
}

struct model *model_check_project(const char *path, struct diag_sink *sink)
{
    struct model *model = NULL;
    struct yaml_document *document = yaml_load_file(path, source_position_of_file(path), sink);
    if (!document) {
        model_note_truncated_run(path, sink);
        return NULL;
    }
    const struct node *root = yaml_document_root(document);
    enum input_kind kind;
    if (!schema_detect_kind(root, path, &kind, sink)) {
        yaml_document_free(document);
        return NULL;
    }
    if (kind == INPUT_PROJECT) {
        size_t errors = diag_error_count(sink);
        model = model_load_preloaded(path, document, sink);
        if (model && diag_error_count(sink) > errors) {
            model_free(model);
            model = NULL;
        }
        return model;
    }
    schema_validate(root, schema_for_kind(kind), sink);
    if (kind == INPUT_RUN) {
        check_run_file(path, document, sink);
        return NULL;
    }
    struct arena *arena = arena_new();
    if (kind == INPUT_CHECKLIST)
        checklist_build(arena, root, path, sink);
    else if (kind == INPUT_AUDIT)
        check_audit_file(path, root, sink);
    else if (kind == INPUT_INVENTORY)
        inventory_build(arena, root, path);
    arena_free(arena);
    yaml_document_free(document);
    return model;
}
