/* Building and resolving audit findings. */
#include "model_audit.h"

#include "alloc.h"
#include "model_project.h"
#include "model_inventory.h"
#include "model_read.h"
#include "name_table.h"
#include "schema.h"

#include <stdio.h>
#include <stdlib.h>

static void build_components(struct arena *arena, struct audit *audit, const struct node *root)
{
    const struct node *list = read_list(root, "components");
    size_t count = list ? node_count(list) : 0;
    audit->components = arena_calloc(arena, count, sizeof(struct component));
    for (size_t index = 0; index < count; index++) {
        const struct node *node = node_sequence_item(list, index);
        if (node_kind(node) != NODE_MAPPING)
            continue;
        struct component *component = &audit->components[audit->component_count++];
        component->name = read_text(arena, node, "name");
        component->type = read_choice_or_default(node, INPUT_AUDIT, "components.type");
        component->origin = read_choice(node, "origin", schema_component_origins, 0);
        component->action = read_choice(node, "action", schema_component_actions, 0);
        component->notes = read_text(arena, node, "notes");
    }
}

/* A finding's state, date, note and id; prefix names its list in the
 * schema ("cleanup", "missing"). */
static struct finding_standing read_standing(struct arena *arena, const struct node *node,
                                             const char *prefix)
{
    char key[32];
    snprintf(key, sizeof key, "%s.state", prefix);
    return (struct finding_standing){
        .id = read_text(arena, node, "id"),
        .id_position = read_position(node, "id"),
        .state = (enum finding_state)read_choice_or_default(node, INPUT_AUDIT, key),
        .state_date = read_date(node, "state_date"),
        .state_note = read_text(arena, node, "state_note")};
}

static void build_cleanup(struct arena *arena, struct audit *audit, const struct node *root)
{
    const struct node *list = read_list(root, "cleanup");
    size_t count = list ? node_count(list) : 0;
    audit->cleanup = arena_calloc(arena, count, sizeof(struct cleanup_finding));
    for (size_t index = 0; index < count; index++) {
        const struct node *node = node_sequence_item(list, index);
        if (node_kind(node) != NODE_MAPPING)
            continue;
        struct cleanup_finding *finding = &audit->cleanup[audit->cleanup_count++];
        finding->title = read_text(arena, node, "title");
        finding->kind = read_choice_or_default(node, INPUT_AUDIT, "cleanup.kind");
        finding->action = read_choice(node, "action", schema_cleanup_actions, 0);
        finding->notes = read_text(arena, node, "notes");
        finding->standing = read_standing(arena, node, "cleanup");
    }
}

static void build_risks(struct arena *arena, struct audit *audit, const struct node *root)
{
    const struct node *list = read_list(root, "risks");
    size_t count = list ? node_count(list) : 0;
    audit->risks = arena_calloc(arena, count, sizeof(struct risk));
    for (size_t index = 0; index < count; index++) {
        const struct node *node = node_sequence_item(list, index);
        if (node_kind(node) != NODE_MAPPING)
            continue;
        struct risk *risk = &audit->risks[audit->risk_count++];
        risk->title = read_text(arena, node, "title");
        risk->severity = read_choice(node, "severity", schema_severities, 0);
        risk->likelihood = read_choice(node, "likelihood", schema_likelihoods, 0);
        risk->mitigation = read_text(arena, node, "mitigation");
        risk->owner = read_text(arena, node, "owner");
        risk->position = read_position(node, "owner");
        risk->state = (enum finding_state)read_choice_or_default(node, INPUT_AUDIT, "risks.state");
        risk->state_date = read_date(node, "state_date");
        risk->state_note = read_text(arena, node, "state_note");
        risk->id = read_text(arena, node, "id");
        risk->id_position = read_position(node, "id");
    }
}

static void build_missing(struct arena *arena, struct audit *audit, const struct node *root)
{
    const struct node *list = read_list(root, "missing");
    size_t count = list ? node_count(list) : 0;
    audit->missing = arena_calloc(arena, count, sizeof(struct missing_item));
    for (size_t index = 0; index < count; index++) {
        const struct node *node = node_sequence_item(list, index);
        if (node_kind(node) != NODE_MAPPING)
            continue;
        struct missing_item *missing = &audit->missing[audit->missing_count++];
        missing->what = read_text(arena, node, "what");
        missing->from = read_text(arena, node, "from");
        missing->blocking = read_bool_or_default(node, INPUT_AUDIT, "missing.blocking");
        missing->notes = read_text(arena, node, "notes");
        missing->standing = read_standing(arena, node, "missing");
    }
}

struct audit *audit_build(struct arena *arena, const struct node *root, const char *path)
{
    struct audit *audit = arena_calloc(arena, 1, sizeof *audit);
    audit->date = read_date(root, "date");
    audit->auditor = read_text(arena, root, "auditor");
    audit->stated_verdict =
        (enum audit_verdict)read_choice(root, "verdict", schema_audit_verdicts, VERDICT_NONE);
    audit->stated_verdict_position = read_position(root, "verdict");
    audit->summary = read_text(arena, root, "summary");
    const struct node *system = read_mapping(root, "current_system");
    audit->system_version = read_text(arena, system, "version");
    audit->system_hosting = read_text(arena, system, "hosting");
    audit->apps = read_text_list(arena, system, "apps");
    audit->users = read_integer(system, "users", -1);
    audit->database_size = read_text(arena, system, "database_size");
    audit->constraints = read_text(arena, system, "constraints");
    audit->state = read_text(arena, system, "state");
    audit->critical_workflows = read_text_list(arena, root, "critical_workflows");
    const struct node *scope = read_mapping(root, "scope");
    audit->scope_migrate = read_text_list(arena, scope, "migrate");
    audit->scope_review = read_text_list(arena, scope, "review");
    audit->scope_drop = read_text_list(arena, scope, "drop");
    build_components(arena, audit, root);
    build_cleanup(arena, audit, root);
    build_risks(arena, audit, root);
    build_missing(arena, audit, root);
    audit->next_step = read_text(arena, root, "next_step");
    audit->inventory_file = read_text(arena, root, "inventory");
    audit->method = read_text(arena, root, "method");
    audit->sources = read_text_list(arena, root, "sources");
    const struct node *timeline = read_list(root, "timeline");
    audit->milestone_count = timeline ? node_count(timeline) : 0;
    audit->timeline = arena_calloc(arena, audit->milestone_count + 1, sizeof(struct milestone));
    for (size_t index = 0; index < audit->milestone_count; index++) {
        const struct node *entry = node_sequence_item(timeline, index);
        struct milestone *milestone = &audit->timeline[index];
        milestone->milestone = read_text(arena, entry, "milestone");
        milestone->effort = read_text(arena, entry, "effort");
        milestone->notes = read_text(arena, entry, "notes");
        milestone->date = read_date(entry, "date");
    }
    audit->path = path;
    audit->position = node_position(root);
    audit->verdict = audit->computed_verdict = VERDICT_NONE;
    return audit;
}

/* Each finding id once in the audit, over risks, cleanup and missing
 * items alike: a re-audit matches findings by it. */
static void check_finding_id(struct name_table *seen, const char *id, struct source_position at,
                             struct diag_sink *sink)
{
    if (!id)
        return;
    const struct name_entry *earlier = name_table_get(seen, id);
    if (earlier)
        diag(sink, DIAG_DUPLICATE_ID, at,
             "the finding id '%s' is already used at line %zu; each finding needs its own", id,
             earlier->number);
    else
        name_table_put(seen, id, NULL, at.line);
}

static void check_finding_ids(const struct audit *audit, struct diag_sink *sink)
{
    struct name_table seen = {0};
    for (size_t index = 0; index < audit->risk_count; index++)
        check_finding_id(&seen, audit->risks[index].id, audit->risks[index].id_position, sink);
    for (size_t index = 0; index < audit->cleanup_count; index++)
        check_finding_id(&seen, audit->cleanup[index].standing.id,
                         audit->cleanup[index].standing.id_position, sink);
    for (size_t index = 0; index < audit->missing_count; index++)
        check_finding_id(&seen, audit->missing[index].standing.id,
                         audit->missing[index].standing.id_position, sink);
    name_table_free(&seen);
}

void audit_resolve(const struct audit *audit, const struct node *root,
                   const struct project *project, struct diag_sink *sink)
{
    project_check_person_reference(project, audit->auditor, "the auditor",
                                   read_position(root, "auditor"), sink);
    for (size_t index = 0; index < audit->risk_count; index++)
        project_check_person_reference(project, audit->risks[index].owner, "risk owner",
                                       audit->risks[index].position, sink);
    check_finding_ids(audit, sink);
}
