/* The view of the audit findings. Risks are listed from the most severe
 * down, keeping the file's order among equals. */
#include "view.h"

#include "alloc.h"
#include "schema.h"
#include "view_audit_changes.h"
#include "view_inventory.h"
#include "view_put.h"

#include <stdio.h>
#include <stdlib.h>

/* key: the choice's word; flags_key: a mapping with one flag, true, named
 * after it ({{#action_is.remove}}). */
static void put_choice(struct node *mapping, const char *key, const char *flags_key,
                       const char *const *choices, int index)
{
    put_text(mapping, key, choices[index]);
    put_flag_for(put_mapping(mapping, flags_key), choices[index]);
}

static void put_components(struct node *view, const struct audit *audit)
{
    struct node *list = put_list(view, "components");
    for (size_t index = 0; index < audit->component_count; index++) {
        const struct component *component = &audit->components[index];
        struct node *mapping = append_mapping(list);
        put_text(mapping, "name", component->name);
        put_choice(mapping, "type", "type_is", schema_component_types, component->type);
        put_choice(mapping, "origin", "origin_is", schema_component_origins, component->origin);
        put_choice(mapping, "action", "action_is", schema_component_actions, component->action);
        put_text(mapping, "notes", component->notes);
        put_markdown_inline(mapping, "notes_inline", component->notes);
    }
    put_bool(view, "has_components", audit->component_count > 0);
}

/* A finding's state, date and note; settled: not open; standing: not
 * resolved (in the risk matrix). */
static void put_standing(struct node *mapping, const struct finding_standing *standing)
{
    put_choice(mapping, "state", "state_is", schema_finding_states, (int)standing->state);
    put_date(mapping, "state_date", standing->state_date);
    put_markdown_inline(mapping, "state_note_inline", standing->state_note);
    put_bool(mapping, "settled", standing->state != FINDING_OPEN);
    put_bool(mapping, "standing", standing->state != FINDING_RESOLVED);
}

static void put_cleanup_finding(struct node *list, const struct cleanup_finding *finding)
{
    struct node *mapping = append_mapping(list);
    put_text(mapping, "title", finding->title);
    put_choice(mapping, "kind", "kind_is", schema_cleanup_kinds, finding->kind);
    put_choice(mapping, "action", "action_is", schema_cleanup_actions, finding->action);
    put_text(mapping, "notes", finding->notes);
    put_markdown_inline(mapping, "notes_inline", finding->notes);
    put_standing(mapping, &finding->standing);
}

/* In the file's order, the resolved last. */
static void put_cleanup(struct node *view, const struct audit *audit)
{
    struct node *list = put_list(view, "cleanup");
    bool resolved = false;
    for (int pass = 0; pass < 2; pass++)
        for (size_t index = 0; index < audit->cleanup_count; index++) {
            const struct cleanup_finding *finding = &audit->cleanup[index];
            if ((finding->standing.state == FINDING_RESOLVED) == (pass == 1))
                put_cleanup_finding(list, finding);
            resolved = resolved || finding->standing.state == FINDING_RESOLVED;
        }
    put_bool(view, "has_cleanup", audit->cleanup_count > 0);
    put_bool(view, "has_resolved_cleanup", resolved);
}

static int compare_severity(const void *left, const void *right)
{
    const struct risk *a = *(const struct risk *const *)left;
    const struct risk *b = *(const struct risk *const *)right;
    bool a_resolved = a->state == FINDING_RESOLVED, b_resolved = b->state == FINDING_RESOLVED;
    if (a_resolved != b_resolved)
        return a_resolved ? 1 : -1; /* the resolved after those that stand */
    if (a->severity != b->severity)
        return a->severity > b->severity ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* Where a risk sits in the matrix: its mark (R1, in the order printed),
 * its row (the most severe on top) and its column (the least likely on
 * the left), as the matrix directive counts them. */
static void put_risk_place(struct node *mapping, const struct risk *risk, size_t index)
{
    char mark[24];
    snprintf(mark, sizeof mark, "R%zu", index + 1);
    put_text(mapping, "mark", mark);
    put_int(mapping, "matrix_row",
            (long long)schema_choice_count(schema_severities) - 1 - (long long)risk->severity);
    put_int(mapping, "matrix_column", (long long)risk->likelihood);
}

/* How many risks of each severity, and components of each origin, as the
 * evaluation counted them. */
static void put_risk_counts(struct node *view, const struct audit *audit)
{
    struct node *mapping = put_mapping(view, "risk_counts");
    for (size_t severity = 0; schema_severities[severity]; severity++)
        put_int(mapping, schema_severities[severity],
                (long long)audit->risks_by_severity[severity]);
    put_int(mapping, "total",
            (long long)(audit->risk_count - audit->risks_by_state[FINDING_RESOLVED]));
    put_int(mapping, "open", (long long)audit->risks_by_state[FINDING_OPEN]);
    put_int(mapping, "resolved", (long long)audit->risks_by_state[FINDING_RESOLVED]);
    put_int(mapping, "accepted_risk", (long long)audit->risks_by_state[FINDING_ACCEPTED]);
    put_bool(mapping, "has_settled", audit->risks_by_state[FINDING_OPEN] < audit->risk_count);
    put_bool(mapping, "has_resolved", audit->risks_by_state[FINDING_RESOLVED] > 0);
}

static void put_component_counts(struct node *view, const struct audit *audit)
{
    struct node *mapping = put_mapping(view, "component_counts");
    for (size_t origin = 0; schema_component_origins[origin]; origin++) {
        char key[32];
        snprintf(key, sizeof key, "%s", schema_component_origins[origin]);
        for (char *at = key; *at; at++)
            if (*at == '-')
                *at = '_';
        put_int(mapping, key, (long long)audit->components_by_origin[origin]);
    }
    put_int(mapping, "total", (long long)audit->component_count);
}

static void put_risks(struct node *view, const struct audit *audit, const struct project *project)
{
    const struct risk **sorted = xcalloc(audit->risk_count + 1, sizeof(struct risk *));
    for (size_t index = 0; index < audit->risk_count; index++)
        sorted[index] = &audit->risks[index];
    qsort(sorted, audit->risk_count, sizeof(struct risk *), compare_severity);
    struct node *list = put_list(view, "risks");
    for (size_t index = 0; index < audit->risk_count; index++) {
        const struct risk *risk = sorted[index];
        struct node *mapping = append_mapping(list);
        put_text(mapping, "title", risk->title);
        put_choice(mapping, "severity", "severity_is", schema_severities, risk->severity);
        put_choice(mapping, "likelihood", "likelihood_is", schema_likelihoods, risk->likelihood);
        put_text(mapping, "mitigation", risk->mitigation);
        put_markdown_inline(mapping, "mitigation_inline", risk->mitigation);
        put_text(mapping, "owner", view_person_name(project, risk->owner));
        put_risk_place(mapping, risk, index);
        put_standing(mapping, &(struct finding_standing){.state = risk->state,
                                                         .state_date = risk->state_date,
                                                         .state_note = risk->state_note});
    }
    put_bool(view, "has_risks", audit->risk_count > 0);
    free(sorted);
    put_risk_counts(view, audit);
}

/* How the audit was made and from what; and the way to the go-live,
 * milestone by milestone, with the effort each takes. */
static void put_method_and_timeline(struct node *view, const struct audit *audit)
{
    put_text(view, "method", audit->method);
    put_text_list(view, "sources", &audit->sources);
    put_bool(view, "has_method", audit->method || audit->sources.count > 0);
    put_bool(view, "has_sources", audit->sources.count > 0);
    struct node *list = put_list(view, "timeline");
    for (size_t index = 0; index < audit->milestone_count; index++) {
        const struct milestone *milestone = &audit->timeline[index];
        struct node *mapping = append_mapping(list);
        put_text(mapping, "milestone", milestone->milestone);
        put_bool(mapping, "has_date", milestone->date.set);
        put_date(mapping, "date", milestone->date);
        put_bool(mapping, "has_effort", milestone->effort != NULL);
        put_text(mapping, "effort", milestone->effort);
        put_bool(mapping, "has_notes", milestone->notes != NULL);
        put_markdown_inline(mapping, "notes", milestone->notes);
    }
    put_bool(view, "has_timeline", audit->milestone_count > 0);
}

/* Where a missing item is listed: the open blocking ones first, then the
 * other open ones, the accepted, and the resolved last. */
static int missing_group(const struct missing_item *missing)
{
    if (missing->standing.state == FINDING_RESOLVED)
        return 3;
    if (missing->standing.state == FINDING_ACCEPTED)
        return 2;
    return missing->blocking ? 0 : 1;
}

static void put_missing_item(struct node *list, const struct missing_item *missing)
{
    struct node *mapping = append_mapping(list);
    put_text(mapping, "what", missing->what);
    put_text(mapping, "from", missing->from);
    put_bool(mapping, "blocking", missing->blocking);
    put_bool(mapping, "blocks", missing_group(missing) == 0);
    put_text(mapping, "notes", missing->notes);
    put_markdown_inline(mapping, "notes_inline", missing->notes);
    put_standing(mapping, &missing->standing);
}

static void put_missing(struct node *view, const struct audit *audit)
{
    struct node *list = put_list(view, "missing");
    bool blocking = false, resolved = false;
    for (int group = 0; group < 4; group++)
        for (size_t index = 0; index < audit->missing_count; index++) {
            const struct missing_item *missing = &audit->missing[index];
            if (missing_group(missing) != group)
                continue;
            put_missing_item(list, missing);
            blocking = blocking || group == 0;
            resolved = resolved || group == 3;
        }
    put_bool(view, "has_missing", audit->missing_count > 0);
    put_bool(view, "has_blocking_missing", blocking);
    put_bool(view, "has_resolved_missing", resolved);
}

static void put_system(struct node *view, const struct audit *audit)
{
    struct node *system = put_mapping(view, "current_system");
    put_text(system, "version", audit->system_version);
    put_text(system, "hosting", audit->system_hosting);
    put_text_list(system, "apps", &audit->apps);
    put_bool(system, "has_apps", audit->apps.count > 0);
    if (audit->users >= 0)
        put_int(system, "users", audit->users);
    put_text(system, "database_size", audit->database_size);
    put_text(system, "constraints", audit->constraints);
    put_text(system, "state", audit->state);
}

static void put_scope(struct node *view, const struct audit *audit)
{
    struct node *scope = put_mapping(view, "scope");
    put_text_list(scope, "migrate", &audit->scope_migrate);
    put_text_list(scope, "review", &audit->scope_review);
    put_text_list(scope, "drop", &audit->scope_drop);
    put_bool(scope, "has_migrate", audit->scope_migrate.count > 0);
    put_bool(scope, "has_review", audit->scope_review.count > 0);
    put_bool(scope, "has_drop", audit->scope_drop.count > 0);
}

void view_put_audit(struct node *view, const struct audit *audit, const struct project *project)
{
    if (!audit)
        return;
    struct node *mapping = put_mapping(view, "audit");
    put_date(mapping, "date", audit->date);
    put_text(mapping, "auditor", view_person_name(project, audit->auditor));
    struct node *verdict = put_mapping(mapping, "verdict");
    put_text(verdict, "status", schema_audit_verdicts[audit->verdict]);
    put_flag_for(verdict, schema_audit_verdicts[audit->verdict]);
    put_bool(verdict, "stated", audit->stated_verdict != VERDICT_NONE);
    put_choice(verdict, "computed", "computed_is", schema_audit_verdicts, audit->computed_verdict);
    put_text(mapping, "summary", audit->summary);
    put_system(mapping, audit);
    put_text_list(mapping, "critical_workflows", &audit->critical_workflows);
    put_bool(mapping, "has_critical_workflows", audit->critical_workflows.count > 0);
    put_scope(mapping, audit);
    put_components(mapping, audit);
    put_component_counts(mapping, audit);
    put_cleanup(mapping, audit);
    put_risks(mapping, audit, project);
    put_missing(mapping, audit);
    put_text(mapping, "next_step", audit->next_step);
    put_method_and_timeline(mapping, audit);
    view_put_inventory(mapping, audit->inventory);
    view_put_audit_changes(mapping, audit);
}
