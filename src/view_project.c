/* The view of the engagement: client, consultant, window, people,
 * contacts, signatories, approvals, readiness, timing, document control. */
#include "view.h"

#include "alloc.h"
#include "buffer.h"
#include "evaluate.h"
#include "model_checklist.h"
#include "model_project.h"
#include "schema.h"
#include "view_put.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *view_person_name(const struct project *project, const char *id)
{
    const struct person *person = project_find_person(project, id);
    return person ? person->name : NULL;
}

/* Link targets are built from the characters a dialler or mail client
 * needs and nothing else, so that a typo cannot smuggle markup into a
 * link written with {{{phone_href}}}. */
static void put_phone_href(struct node *mapping, const char *phone)
{
    if (!phone)
        return;
    struct buffer href = {0};
    buffer_append_text(&href, "tel:");
    for (const char *at = phone; *at; at++)
        if (isdigit((unsigned char)*at) || (*at == '+' && href.length == 4))
            buffer_append_char(&href, *at);
    if (href.length > 4)
        put_text(mapping, "phone_href", buffer_text(&href));
    buffer_free(&href);
}

static void put_email_href(struct node *mapping, const char *email)
{
    if (!email)
        return;
    struct buffer href = {0};
    buffer_append_text(&href, "mailto:");
    for (const unsigned char *at = (const unsigned char *)email; *at; at++) {
        if (isalnum(*at) || strchr("@._+-", *at))
            buffer_append_char(&href, (char)*at);
        else
            buffer_printf(&href, "%%%02X", *at);
    }
    put_text(mapping, "email_href", buffer_text(&href));
    buffer_free(&href);
}

/* The number with no-break spaces: a table cell then never splits it
 * across lines, which on a printed contact sheet invites misdialling. */
static void put_phone_nowrap(struct node *mapping, const char *phone)
{
    if (!phone)
        return;
    struct buffer text = {0};
    for (const char *at = phone; *at; at++)
        if (*at == ' ')
            buffer_append_text(&text, "\xC2\xA0");
        else
            buffer_append_char(&text, *at);
    put_text(mapping, "phone_nowrap", buffer_text(&text));
    buffer_free(&text);
}

static void put_contact_details(struct node *mapping, const char *phone, const char *email)
{
    put_text(mapping, "phone", phone);
    put_phone_nowrap(mapping, phone);
    put_phone_href(mapping, phone);
    put_text(mapping, "email", email);
    put_email_href(mapping, email);
}

/* Role titles come from the checklists; a role no checklist names keeps
 * its id. */
static const char *role_title(const struct model *model, const char *role)
{
    for (size_t index = 0; index < model->checklist_count; index++) {
        const char *title = text_map_find(&model->checklists[index]->roles, role);
        if (title)
            return title;
    }
    return role;
}

static void put_person(struct node *mapping, const struct model *model, const struct person *person)
{
    put_text(mapping, "id", person->id);
    put_text(mapping, "name", person->name);
    put_text(mapping, "organisation", person->organisation);
    put_text(mapping, "title", person->title);
    put_contact_details(mapping, person->phone, person->email);
    struct node *roles = put_list(mapping, "roles");
    for (size_t index = 0; index < person->roles.count; index++)
        node_sequence_append(roles, node_new_string(role_title(model, person->roles.items[index])));
    put_bool(mapping, "has_roles", person->roles.count > 0);
}

static void put_people(struct node *view, const struct model *model)
{
    struct node *people = put_list(view, "people");
    for (size_t index = 0; index < model->project->person_count; index++)
        put_person(append_mapping(people), model, &model->project->people[index]);
}

static int compare_escalation(const void *left, const void *right)
{
    const struct contact *a = *(const struct contact *const *)left;
    const struct contact *b = *(const struct contact *const *)right;
    if (a->escalation != b->escalation)
        return a->escalation < b->escalation ? -1 : 1;
    return a < b ? -1 : a > b; /* ties keep the project's order */
}

static void put_contact(struct node *mapping, const struct project *project,
                        const struct contact *contact)
{
    const struct person *person = project_find_person(project, contact->person);
    put_int(mapping, "escalation", contact->escalation);
    put_text(mapping, "name", person ? person->name : contact->name);
    put_text(mapping, "role", contact->role);
    put_text(mapping, "organisation",
             contact->organisation ? contact->organisation
             : person              ? person->organisation
                                   : NULL);
    put_contact_details(mapping,
                        contact->phone ? contact->phone
                        : person       ? person->phone
                                       : NULL,
                        contact->email ? contact->email
                        : person       ? person->email
                                       : NULL);
    put_text(mapping, "availability", contact->availability);
    put_text(mapping, "deputy", contact->deputy);
    put_bool(mapping, "private", contact->private_entry);
    if (contact->group >= 0) {
        put_text(mapping, "group", schema_contact_groups[contact->group]);
        put_flag_for(put_mapping(mapping, "group_is"), schema_contact_groups[contact->group]);
    }
}

/* The contacts by group (client, consultancy, vendors, hosting, then those
 * of no group), each in escalation order; the client's copy leaves out the
 * private entries. */
static void put_contact_groups(struct node *view, const struct project *project,
                               const struct contact *const *sorted, bool client_copy)
{
    struct node *groups = put_list(view, "contact_groups");
    for (int group = 0; group <= 4; group++) {
        int wanted = group < 4 ? group : -1;
        struct node *entry = NULL, *list = NULL;
        for (size_t index = 0; index < project->contact_count; index++) {
            const struct contact *contact = sorted[index];
            if (contact->group != wanted || (client_copy && contact->private_entry))
                continue;
            if (!entry) {
                entry = append_mapping(groups);
                const char *name = wanted >= 0 ? schema_contact_groups[wanted] : "other";
                put_text(entry, "group", name);
                put_flag_for(put_mapping(entry, "group_is"), name);
                list = put_list(entry, "contacts");
            }
            put_contact(append_mapping(list), project, contact);
        }
    }
    put_bool(view, "has_contact_groups", node_count(groups) > 0);
}

static const struct contact **contacts_in_order(const struct project *project);

void view_put_contacts_copy(struct node *view, const struct model *model, bool client_copy)
{
    const struct contact **sorted = contacts_in_order(model->project);
    put_contact_groups(view, model->project, sorted, client_copy);
    free(sorted);
    put_bool(node_mapping_find(view, "artifact"), "client_copy", client_copy);
}

static const struct contact **contacts_in_order(const struct project *project)
{
    const struct contact **sorted = xcalloc(project->contact_count + 1, sizeof(struct contact *));
    for (size_t index = 0; index < project->contact_count; index++)
        sorted[index] = &project->contacts[index];
    qsort(sorted, project->contact_count, sizeof(struct contact *), compare_escalation);
    return sorted;
}

static void put_communication(struct node *view, const struct project *project)
{
    struct node *communication = put_mapping(view, "channels");
    put_text(communication, "bridge", project->bridge);
    put_text(communication, "status_channel", project->status_channel);
    put_text_list(communication, "triggers", &project->escalation_triggers);
    put_bool(communication, "has_triggers", project->escalation_triggers.count > 0);
}

static void put_contacts(struct node *view, const struct project *project)
{
    const struct contact **sorted = contacts_in_order(project);
    put_communication(view, project);
    put_contact_groups(view, project, sorted, false);
    bool any_private = false;
    for (size_t index = 0; index < project->contact_count; index++)
        any_private = any_private || project->contacts[index].private_entry;
    put_bool(view, "has_private_contacts", any_private);
    struct node *contacts = put_list(view, "contacts");
    for (size_t index = 0; index < project->contact_count; index++)
        put_contact(append_mapping(contacts), project, sorted[index]);
    put_bool(view, "has_contacts", project->contact_count > 0);
    free(sorted);
}

static void put_signoff(struct node *mapping, const struct signoff_record *record)
{
    put_bool(mapping, "signed", record != NULL);
    if (!record)
        return;
    struct node *signoff = put_mapping(mapping, "signoff");
    put_text(signoff, "name", record->name);
    put_bool(signoff, "deputy", record->deputy);
    put_timestamp(signoff, "signed_at", record->signed_at);
    put_text(signoff, "decision", schema_signoff_decisions[record->decision]);
    put_flag_for(signoff, schema_signoff_decisions[record->decision]);
    put_text_list(signoff, "conditions", &record->conditions);
    put_bool(signoff, "has_conditions", record->conditions.count > 0);
    put_date(signoff, "date", record->date);
    put_timestamp(signoff, "recorded", record->at);
    put_text(signoff, "note", record->note);
    put_bool(signoff, "electronic", record->signature_verified);
    if (record->signature_verified)
        put_text(signoff, "key_id", record->key_id);
}

static void put_signatories(struct node *view, const struct project *project)
{
    struct node *list = put_list(view, "signatories");
    for (size_t index = 0; index < project->signatory_count; index++) {
        const struct signatory *signatory = &project->signatories[index];
        struct node *mapping = append_mapping(list);
        put_text(mapping, "id", signatory->id);
        put_text(mapping, "role", signatory->role);
        /* The name printed is the name that signed. */
        const char *registered =
            signatory->person ? view_person_name(project, signatory->person) : signatory->name;
        const struct signoff_record *record = signatory->latest;
        put_text(mapping, "registered_name", registered);
        put_text(mapping, "name", record ? record->name : registered);
        struct buffer signed_as = {0};
        buffer_printf(&signed_as, "%s%s%s",
                      record       ? record->name
                      : registered ? registered
                                   : "",
                      record && record->deputy ? ", for " : "",
                      record && record->deputy ? signatory->role : "");
        put_text(mapping, "signed_as", buffer_text(&signed_as));
        buffer_free(&signed_as);
        struct node *documents = put_mapping(mapping, "documents");
        for (int artifact = 0; artifact < ARTIFACT_COUNT; artifact++)
            if (SET_HAS(signatory->artifacts, artifact))
                put_bool(documents, schema_artifacts[artifact], true);
        put_signoff(mapping, signatory->latest);
    }
}

void view_put_approval(struct node *mapping, const struct approval_state *state)
{
    static const char *const codes[] = {[APPROVAL_NOT_REQUIRED] = "not-required",
                                        [APPROVAL_PENDING] = "pending",
                                        [APPROVAL_APPROVED] = "approved",
                                        [APPROVAL_REJECTED] = "rejected"};
    /* The flag goes under status_is: the counts "approved" and "rejected"
     * below have the flags' names. */
    put_text(mapping, "status", codes[state->approval]);
    put_flag_for(put_mapping(mapping, "status_is"), codes[state->approval]);
    put_int(mapping, "required", (long long)state->required);
    put_int(mapping, "signed", (long long)(state->required - state->missing));
    put_int(mapping, "approved", (long long)state->approved);
    put_int(mapping, "conditional", (long long)state->conditional);
    put_int(mapping, "rejected", (long long)state->rejected);
    put_int(mapping, "missing", (long long)state->missing);
    put_bool(mapping, "has_conditions", state->conditional > 0);
}

static void put_approvals(struct node *view, const struct project *project)
{
    struct node *approvals = put_mapping(view, "approvals");
    for (int artifact = 0; artifact < ARTIFACT_COUNT; artifact++)
        view_put_approval(put_mapping(approvals, schema_artifacts[artifact]),
                          &project->approvals[artifact]);
    view_put_approval(put_mapping(approvals, "all"), &project->approval_all);
}

static const char *const readiness_codes[] = {
    [READINESS_READY] = "ready", [READINESS_NOT_READY] = "not-ready", [READINESS_NO_GO] = "no-go"};

static void put_reason(struct node *mapping, const struct reason *reason)
{
    const char *code = evaluate_rules[reason->kind].code;
    put_text(mapping, "kind", code);
    put_text(mapping, "code", code);
    /* Every kind's flag, false but its own: a {{#no_go}} inside a reason
     * must not find the verdict's own no_go flag around it. */
    for (int kind = 0; kind < REASON_KIND_COUNT; kind++)
        put_flag(mapping, evaluate_rules[kind].code, kind == (int)reason->kind);
    put_text(mapping, "text", reason->text);
    if (reason->signatory) {
        struct node *signatory = put_mapping(mapping, "signatory");
        put_text(signatory, "id", reason->signatory->id);
        put_text(signatory, "role", reason->signatory->role);
        if (reason->signatory->latest)
            put_text(signatory, "signed_by", reason->signatory->latest->name);
    }
    if (reason->dependency) {
        struct node *dependency = put_mapping(mapping, "dependency");
        put_text(dependency, "id", reason->dependency->id);
        put_text(dependency, "title", reason->dependency->title);
        put_text(dependency, "status", schema_statuses[reason->dependency->state.status]);
    }
    if (!reason->item)
        return;
    if (reason->kind == REASON_SUBCHECK_OPEN && reason->item->state.subcheck_open) {
        struct node *subcheck = put_mapping(mapping, "subcheck");
        put_text(subcheck, "id", reason->item->state.subcheck_open->id);
        put_text(subcheck, "title", reason->item->state.subcheck_open->title);
    }
    put_text(mapping, "checklist", reason->checklist->title);
    struct node *step = put_mapping(mapping, "step");
    put_text(step, "id", reason->item->id);
    put_text(step, "title", reason->item->title);
    put_text(step, "status", schema_statuses[reason->item->state.status]);
    if (reason->item->state.decision != OUTCOME_NONE)
        put_text(step, "decision", schema_outcomes[reason->item->state.decision]);
    put_duration(mapping, "evidence_age", reason->item->state.evidence_age);
    put_duration(mapping, "evidence_limit", reason->item->evidence_max_age);
}

void view_put_readiness(struct node *mapping, const struct verdict *verdict)
{
    put_text(mapping, "status", readiness_codes[verdict->readiness]);
    put_flag_for(mapping, readiness_codes[verdict->readiness]);
    struct node *reasons = put_list(mapping, "reasons");
    for (size_t index = 0; index < verdict->reason_count; index++)
        put_reason(append_mapping(reasons), &verdict->reasons[index]);
    put_bool(mapping, "has_reasons", verdict->reason_count > 0);
}

static void put_gate(struct node *mapping, const char *name, const struct verdict *gate)
{
    view_put_readiness(mapping, gate);
    put_text(mapping, "name", name);
    put_flag_for(put_mapping(mapping, "moment_is"), name);
    put_int(mapping, "exit", evaluate_exit_status(gate->readiness));
}

/* What golive status --gate MOMENT answers, for each moment: the gate's
 * readiness and its exit status. */
static void put_gates(struct node *view, const struct project *project)
{
    struct node *gates = put_mapping(view, "gates");
    static const char *const keys[GATE_MOMENT_COUNT] = {[GATE_BEFORE_WINDOW] = "before_window",
                                                        [GATE_DECISION] = "decision",
                                                        [GATE_CLOSE_OUT] = "close_out",
                                                        [GATE_GO_LIVE] = "go_live"};
    struct node *list = put_list(gates, "list");
    for (int moment = 0; moment < GATE_MOMENT_COUNT; moment++) {
        put_gate(put_mapping(gates, keys[moment]), evaluate_gate_names[moment],
                 &project->gates[moment]);
        put_gate(append_mapping(list), evaluate_gate_names[moment], &project->gates[moment]);
    }
}

static void put_order_entry(struct node *mapping, const struct checklist *checklist,
                            const struct item *item, const struct item *dependency)
{
    put_text(mapping, "checklist", checklist->title);
    struct node *step = put_mapping(mapping, "step");
    put_text(step, "id", item->id);
    put_text(step, "title", item->title);
    put_text(step, "status", schema_statuses[item->state.status]);
    struct node *other = put_mapping(mapping, "dependency");
    put_text(other, "id", dependency->id);
    put_text(other, "title", dependency->title);
    put_text(other, "status", schema_statuses[dependency->state.status]);
    put_bool(mapping, "open", !dependency->state.closed);
}

/* A step done while a required sub-check of it is open. */
static void put_subcheck_entry(struct node *mapping, const struct checklist *checklist,
                               const struct item *item)
{
    put_text(mapping, "checklist", checklist->title);
    struct node *step = put_mapping(mapping, "step");
    put_text(step, "id", item->id);
    put_text(step, "title", item->title);
    struct node *subcheck = put_mapping(mapping, "subcheck");
    put_text(subcheck, "id", item->state.subcheck_open->id);
    put_text(subcheck, "title", item->state.subcheck_open->title);
}

/* Steps closed while a step they depend on was open: still open (the go
 * gates refuse), or closed only later; and steps done while a required
 * sub-check of theirs is open (the go gates refuse). */
static void put_out_of_order(struct node *view, const struct project *project)
{
    struct node *list = put_list(view, "steps_out_of_order");
    struct node *subchecks = put_list(view, "steps_subcheck_open");
    for (size_t use = 0; use < project->use_count; use++) {
        const struct checklist *checklist = project->uses[use].checklist;
        if (!checklist)
            continue;
        CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
        {
            const struct item *dependency =
                item->state.open_dependency ? item->state.open_dependency : item->state.early_of;
            if (dependency)
                put_order_entry(append_mapping(list), checklist, item, dependency);
            if (item->state.subcheck_open)
                put_subcheck_entry(append_mapping(subchecks), checklist, item);
        }
    }
    put_bool(view, "has_steps_out_of_order", node_count(list) > 0);
    put_bool(view, "has_steps_subcheck_open", node_count(subchecks) > 0);
}

static void put_timing(struct node *view, const struct project *project)
{
    struct node *window = put_mapping(view, "window");
    put_timestamp(window, "start", project->window_start);
    put_timestamp(window, "end", project->window_end);
    put_duration(window, "duration", project->timing.window);
    put_text(window, "timezone", project->timezone);
    put_timestamp(window, "rollback_deadline", project->rollback_deadline);
    const struct project_timing *timing = &project->timing;
    struct node *actual = put_mapping(view, "timing");
    put_bool(actual, "started", timing->started);
    if (timing->started) {
        put_timestamp(actual, "first_record", timing->first);
        put_timestamp(actual, "last_record", timing->last);
        put_duration(actual, "elapsed",
                     (struct duration){true, (timing->last.epoch - timing->first.epoch) / 60});
    }
    struct node *downtime = put_mapping(actual, "downtime");
    put_bool(downtime, "started", timing->downtime_started);
    put_bool(downtime, "ended", timing->downtime_ended);
    put_bool(downtime, "ongoing", timing->downtime_started && !timing->downtime_ended);
    put_bool(downtime, "inverted", timing->downtime_inverted);
    if (timing->downtime_started) {
        put_timestamp(downtime, "start", timing->downtime_start);
        put_timestamp(downtime, "end", timing->downtime_end);
        put_duration(downtime, "duration", timing->downtime);
    }
}

static void put_parties(struct node *view, const struct model *model)
{
    const struct project *project = model->project;
    struct node *engagement = put_mapping(view, "project");
    put_text(engagement, "title", project->title);
    put_text(engagement, "reference", project->reference);
    struct node *client = put_mapping(view, "client");
    put_text(client, "name", project->client_name);
    put_text(client, "short_name",
             project->client_short_name ? project->client_short_name : project->client_name);
    struct node *consultant = put_mapping(view, "consultant");
    put_text(consultant, "name", project->consultant_name);
    const struct person *lead = project_find_person(project, project->consultant_lead);
    if (lead)
        put_person(put_mapping(consultant, "lead"), model, lead);
    struct node *system = put_mapping(view, "system");
    put_text(system, "from", project->system_from);
    put_text(system, "to", project->system_to);
    put_text(system, "hosting", project->hosting);
}

static void put_document(struct node *view, const struct project *project,
                         const struct view_options *options)
{
    struct node *document = put_mapping(view, "document");
    put_text(document, "version", project->document_version);
    put_date(document, "date", options->document_date);
    put_text(document, "classification", project->classification);
    put_text_list(document, "distribution", &project->distribution);
    put_bool(document, "has_distribution", project->distribution.count > 0);
    put_text_joined(document, "distribution_text", &project->distribution, "; ");
    put_date(document, "next_review", project->next_review);
    struct node *build = put_mapping(view, "build");
    put_text(build, "fingerprint", options->fingerprint);
    put_text(build, "golive_version", options->version);
}

void view_put_project(struct node *view, const struct model *model,
                      const struct view_options *options)
{
    const struct project *project = model->project;
    put_parties(view, model);
    put_document(view, project, options);
    put_timing(view, project);
    put_people(view, model);
    put_contacts(view, project);
    put_signatories(view, project);
    put_bool(view, "has_signatories", project->signatory_count > 0);
    put_approvals(view, project);
    view_put_readiness(put_mapping(view, "readiness"), &project->verdict);
    put_gates(view, project);
    put_out_of_order(view, project);
    view_put_outcome(view, project);
    put_bool(view, "rollback_required", project->rollback_required);
}
