/* Building and checking checklists. */
#include "model_checklist.h"

#include "alloc.h"
#include "buffer.h"
#include "model_criteria.h"
#include "model_read.h"
#include "model_subcheck.h"
#include "schema.h"
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

static void build_item(struct arena *arena, struct item *item, const struct node *mapping)
{
    item->id = read_text(arena, mapping, "id");
    item->title = read_text(arena, mapping, "title");
    item->kind =
        (enum item_kind)read_choice_or_default(mapping, INPUT_CHECKLIST, "phases.items.kind");
    item->owner = read_text(arena, mapping, "owner");
    item->blocking = read_bool_or_default(mapping, INPUT_CHECKLIST, "phases.items.blocking");
    item->required = read_bool_or_default(mapping, INPUT_CHECKLIST, "phases.items.required");
    item->expected = read_text(arena, mapping, "expected");
    item->details = read_text(arena, mapping, "details");
    item->checks = read_text_list(arena, mapping, "checks");
    subchecks_build(arena, item, mapping);
    const struct node *rollback = read_mapping(mapping, "rollback");
    item->rollback_trigger = read_text(arena, rollback, "trigger");
    item->rollback_action = read_text(arena, rollback, "action");
    item->budget = read_duration(mapping, "budget");
    item->evidence = read_text_map(arena, mapping, "evidence");
    item->evidence_max_age = read_duration(mapping, "evidence_max_age");
    item->depends_on = read_text_list(arena, mapping, "depends_on");
    item->succeeds_by = read_text_map(arena, mapping, "succeeds_by");
    /* The default holds for decision points only, as the table says. */
    item->outcomes = item->kind == ITEM_DECISION
                         ? read_set_or_default(mapping, INPUT_CHECKLIST, "phases.items.outcomes")
                         : read_set(mapping, "outcomes", schema_outcomes, 0);
    item->downtime =
        (enum downtime_mark)read_choice(mapping, "downtime", schema_downtime_marks, DOWNTIME_NONE);
    item->pinned = read_window_offset(mapping, "at");
    item->position = node_position(mapping);
    item->state.status = STATUS_TODO;
    item->state.decision = OUTCOME_NONE;
}

static void build_phase(struct arena *arena, struct phase *phase, const struct node *mapping)
{
    phase->id = read_text(arena, mapping, "id");
    phase->title = read_text(arena, mapping, "title");
    phase->summary = read_text(arena, mapping, "summary");
    phase->budget = read_duration(mapping, "budget");
    phase->position = node_position(mapping);
    const struct node *items = read_list(mapping, "items");
    size_t count = items ? node_count(items) : 0;
    phase->items = arena_calloc(arena, count, sizeof(struct item));
    for (size_t index = 0; index < count; index++) {
        const struct node *item = node_sequence_item(items, index);
        if (node_kind(item) == NODE_MAPPING)
            build_item(arena, &phase->items[phase->item_count++], item);
    }
}

static void build_phases(struct arena *arena, struct checklist *checklist, const struct node *root)
{
    const struct node *phases = read_list(root, "phases");
    size_t count = phases ? node_count(phases) : 0;
    checklist->phases = arena_calloc(arena, count, sizeof(struct phase));
    for (size_t index = 0; index < count; index++) {
        const struct node *phase = node_sequence_item(phases, index);
        if (node_kind(phase) == NODE_MAPPING)
            build_phase(arena, &checklist->phases[checklist->phase_count++], phase);
    }
}

/* Indexes phases and steps by id, reporting ids used twice, and numbers the
 * steps. */
static void index_ids(struct checklist *checklist, struct diag_sink *sink)
{
    struct name_table phases = {0};
    size_t number = 0;
    for (struct phase *phase = checklist->phases;
         phase < checklist->phases + checklist->phase_count; phase++) {
        const struct name_entry *first = phase->id ? name_table_get(&phases, phase->id) : NULL;
        if (first)
            diag(sink, DIAG_DUPLICATE_ID, phase->position,
                 "duplicate phase id '%s' (first defined at line %u)", phase->id,
                 ((const struct phase *)first->value)->position.line);
        else if (phase->id)
            name_table_put(&phases, phase->id, phase, 0);
        for (struct item *item = phase->items; item < phase->items + phase->item_count; item++) {
            item->number = ++number;
            first = item->id ? name_table_get(&checklist->item_index, item->id) : NULL;
            if (first)
                diag(sink, DIAG_DUPLICATE_ID, item->position,
                     "duplicate step id '%s' (first defined at line %u)", item->id,
                     ((const struct item *)first->value)->position.line);
            else if (item->id)
                name_table_put(&checklist->item_index, item->id, item, number - 1);
        }
    }
    checklist->item_count = number;
    name_table_free(&phases);
}

const struct item *checklist_find_item(const struct checklist *checklist, const char *id)
{
    const struct name_entry *entry = name_table_get(&checklist->item_index, id);
    return entry ? entry->value : NULL;
}

const char **checklist_item_ids(const struct checklist *checklist)
{
    const char **ids = xcalloc(checklist->item_count + 1, sizeof(char *));
    size_t count = 0;
    CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
    ids[count++] = item->id;
    return ids;
}

/* The node of each step, in checklist order, for the positions of its keys. */
static const struct node **item_nodes(const struct node *root, size_t count)
{
    const struct node **nodes = xcalloc(count + 1, sizeof(struct node *));
    size_t at = 0;
    const struct node *phases = read_list(root, "phases");
    for (size_t phase = 0; phases && phase < node_count(phases); phase++) {
        const struct node *items = read_list(node_sequence_item(phases, phase), "items");
        for (size_t item = 0; items && item < node_count(items); item++)
            if (node_kind(node_sequence_item(items, item)) == NODE_MAPPING && at < count)
                nodes[at++] = node_sequence_item(items, item);
    }
    return nodes;
}

static void check_owner(const struct checklist *checklist, struct item *item,
                        const struct node *node, struct diag_sink *sink)
{
    if (!item->owner)
        return;
    item->owner_title = text_map_find(&checklist->roles, item->owner);
    if (item->owner_title)
        return;
    const char **roles = xcalloc(checklist->roles.count + 1, sizeof(char *));
    for (size_t index = 0; index < checklist->roles.count; index++)
        roles[index] = checklist->roles.pairs[index].key;
    char hint[96];
    diag(sink, DIAG_UNKNOWN_REFERENCE, read_position(node, "owner"),
         "owner '%s' is not one of the checklist's roles%s", item->owner,
         suggest_hint(item->owner, roles, checklist->roles.count, hint, sizeof hint));
    free(roles);
}

static void check_dependencies(const struct checklist *checklist, const struct item *item,
                               const struct node *node, const char **ids, struct diag_sink *sink)
{
    const struct node *list = read_list(node, "depends_on");
    for (size_t index = 0; list && index < node_count(list); index++) {
        const struct node *entry = node_sequence_item(list, index);
        const char *id = node_scalar_text(entry);
        if (node_kind(entry) != NODE_SCALAR || !*id || checklist_find_item(checklist, id))
            continue;
        char hint[96];
        diag(sink, DIAG_UNKNOWN_REFERENCE, node_position(entry),
             "step %s depends on '%s', which is not a step of this checklist%s",
             item->id ? item->id : "?", id,
             suggest_hint(id, ids, checklist->item_count, hint, sizeof hint));
    }
}

static bool has_phase(const struct checklist *checklist, const char *id)
{
    for (size_t index = 0; index < checklist->phase_count; index++)
        if (checklist->phases[index].id && strcmp(checklist->phases[index].id, id) == 0)
            return true;
    return false;
}

static void report_unknown_phase(const struct checklist *checklist, const char *phase,
                                 struct source_position position, struct diag_sink *sink)
{
    const char **ids = xcalloc(checklist->phase_count + 1, sizeof(char *));
    size_t count = 0;
    for (size_t index = 0; index < checklist->phase_count; index++)
        if (checklist->phases[index].id)
            ids[count++] = checklist->phases[index].id;
    char hint[96];
    diag(sink, DIAG_UNKNOWN_REFERENCE, position, "'%s' is not a phase of this checklist%s", phase,
         suggest_hint(phase, ids, count, hint, sizeof hint));
    free(ids);
}

/* succeeds_by: outcomes the step allows, each carried out by a phase. */
static void check_succeeds_by(const struct checklist *checklist, const struct item *item,
                              const struct node *node, struct diag_sink *sink)
{
    const struct node *map = read_mapping(node, "succeeds_by");
    for (size_t index = 0; map && index < node_count(map); index++) {
        const struct node *key = node_mapping_key(map, index);
        int outcome = schema_choice_index(schema_outcomes, node_scalar_text(key));
        const char *phase = text_map_find(&item->succeeds_by, node_scalar_text(key));
        if (outcome < 0 || !SET_HAS(item->outcomes, outcome))
            diag(sink, DIAG_DECISION_NOT_ALLOWED, node_position(key),
                 "step %s does not allow the outcome '%s' that succeeds_by names",
                 item->id ? item->id : "?", node_scalar_text(key));
        else if (phase && !has_phase(checklist, phase))
            report_unknown_phase(checklist, phase, node_position(node_mapping_value(map, index)),
                                 sink);
    }
}

static void check_outcomes(const struct checklist *checklist, const struct item *item,
                           const struct node *node, struct diag_sink *sink)
{
    if (item->kind != ITEM_DECISION && node_mapping_find(node, "outcomes"))
        diag(sink, DIAG_OUTCOMES_NOT_DECISION, read_position(node, "outcomes"),
             "step %s lists outcomes but is not a decision point (kind: decision)",
             item->id ? item->id : "?");
    if (item->kind != ITEM_DECISION && node_mapping_find(node, "succeeds_by"))
        diag(sink, DIAG_OUTCOMES_NOT_DECISION, read_position(node, "succeeds_by"),
             "step %s lists succeeds_by but is not a decision point (kind: decision)",
             item->id ? item->id : "?");
    else
        check_succeeds_by(checklist, item, node, sink);
}

static void check_items(struct checklist *checklist, const struct node *root,
                        struct diag_sink *sink)
{
    const struct node **nodes = item_nodes(root, checklist->item_count);
    const char **ids = checklist_item_ids(checklist);
    size_t index = 0;
    CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
    {
        const struct node *node = nodes[index++];
        if (!node)
            continue;
        check_owner(checklist, item, node, sink);
        check_dependencies(checklist, item, node, ids, sink);
        check_outcomes(checklist, item, node, sink);
        subchecks_check_ids(item, sink);
    }
    free(ids);
    free(nodes);
}

/* Only a list that is present and empty is reported here: a missing or
 * malformed one was reported by the validator already. */
static bool is_empty_list(const struct node *mapping, const char *key)
{
    const struct node *value = node_mapping_find(mapping, key);
    return value && ((node_kind(value) == NODE_SEQUENCE && node_count(value) == 0) ||
                     (node_kind(value) == NODE_SCALAR && node_scalar_type(value) == SCALAR_NULL));
}

static void check_not_empty(const struct node *root, struct diag_sink *sink)
{
    if (is_empty_list(root, "phases"))
        diag(sink, DIAG_NOTHING_TO_DO, read_position(root, "phases"),
             "the checklist has no phases");
    const struct node *phases = read_list(root, "phases");
    for (size_t index = 0; phases && index < node_count(phases); index++) {
        const struct node *phase = node_sequence_item(phases, index);
        if (node_kind(phase) == NODE_MAPPING && is_empty_list(phase, "items"))
            diag(sink, DIAG_NOTHING_TO_DO, node_position(phase), "phase '%s' has no steps",
                 read_view(phase, "id") ? read_view(phase, "id") : "?");
    }
}

static void release_index(void *table)
{
    name_table_free(table);
}

struct checklist *checklist_build(struct arena *arena, const struct node *root, const char *path,
                                  struct diag_sink *sink)
{
    struct checklist *checklist = arena_calloc(arena, 1, sizeof *checklist);
    checklist->id = read_text(arena, root, "id");
    checklist->title = read_text(arena, root, "title");
    checklist->version = read_text(arena, root, "version");
    checklist->revised = read_date(root, "revised");
    checklist->summary = read_text(arena, root, "summary");
    checklist->roles = read_text_map(arena, root, "roles");
    checklist->arena = arena;
    checklist->path = path;
    checklist->position = node_position(root);
    arena_on_free(arena, release_index, &checklist->item_index);
    build_phases(arena, checklist, root);
    success_criteria_build(arena, checklist, root, sink);
    check_not_empty(root, sink);
    index_ids(checklist, sink);
    check_items(checklist, root, sink);
    checklist_check_cycles(checklist, sink);
    return checklist;
}
