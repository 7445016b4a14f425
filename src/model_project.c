/* Building and checking the project file. */
#include "model_project.h"

#include "alloc.h"
#include "model_read.h"
#include "schema.h"
#include "suggest.h"
#include "utf8.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static void build_people(struct project *project, const struct node *root)
{
    const struct node *list = read_list(root, "people");
    size_t count = list ? node_count(list) : 0;
    project->people = xcalloc(count, sizeof(struct person));
    for (size_t index = 0; index < count; index++) {
        const struct node *node = node_sequence_item(list, index);
        if (node_kind(node) != NODE_MAPPING)
            continue;
        struct person *person = &project->people[project->person_count++];
        person->id = read_text(node, "id");
        person->name = read_text(node, "name");
        person->organisation = read_text(node, "organisation");
        person->title = read_text(node, "title");
        person->email = read_text(node, "email");
        person->phone = read_text(node, "phone");
        person->roles = read_text_list(node, "roles");
        person->position = node_position(node);
    }
}

static void build_contacts(struct project *project, const struct node *root)
{
    const struct node *list = read_list(root, "contacts");
    size_t count = list ? node_count(list) : 0;
    project->contacts = xcalloc(count, sizeof(struct contact));
    for (size_t index = 0; index < count; index++) {
        const struct node *node = node_sequence_item(list, index);
        if (node_kind(node) != NODE_MAPPING)
            continue;
        struct contact *contact = &project->contacts[project->contact_count++];
        contact->person = read_text(node, "person");
        contact->name = read_text(node, "name");
        contact->role = read_text(node, "role");
        contact->organisation = read_text(node, "organisation");
        contact->phone = read_text(node, "phone");
        contact->email = read_text(node, "email");
        contact->availability = read_text(node, "availability");
        contact->escalation = read_integer(node, "escalation", 0);
        contact->group = read_choice(node, "group", schema_contact_groups, -1);
        contact->deputy = read_text(node, "deputy");
        contact->private_entry = read_bool_or_default(node, INPUT_PROJECT, "contacts.private");
        contact->position = node_position(node);
    }
}

static void build_signatories(struct project *project, const struct node *root)
{
    const struct node *list = read_list(root, "signatories");
    size_t count = list ? node_count(list) : 0;
    project->signatories = xcalloc(count, sizeof(struct signatory));
    for (size_t index = 0; index < count; index++) {
        const struct node *node = node_sequence_item(list, index);
        if (node_kind(node) != NODE_MAPPING)
            continue;
        struct signatory *signatory = &project->signatories[project->signatory_count++];
        signatory->id = read_text(node, "id");
        signatory->role = read_text(node, "role");
        signatory->person = read_text(node, "person");
        signatory->name = read_text(node, "name");
        signatory->key_file = read_text(node, "key");
        signatory->key_position = read_position(node, "key");
        signatory->deputies = read_text_list(node, "deputies");
        signatory->artifacts = read_set_or_default(node, INPUT_PROJECT, "signatories.artifacts");
        signatory->position = node_position(node);
    }
}

static void build_uses(struct project *project, const struct node *root)
{
    const struct node *list = read_list(root, "checklists");
    size_t count = list ? node_count(list) : 0;
    project->uses = xcalloc(count, sizeof(struct checklist_use));
    for (size_t index = 0; index < count; index++) {
        const struct node *node = node_sequence_item(list, index);
        if (node_kind(node) != NODE_MAPPING)
            continue;
        struct checklist_use *use = &project->uses[project->use_count++];
        use->file = read_text(node, "file");
        use->run_file = read_text(node, "run");
        use->artifacts = read_set_or_default(node, INPUT_PROJECT, "checklists.artifacts");
        use->gate = read_bool_or_default(node, INPUT_PROJECT, "checklists.gate");
        use->position = node_position(node);
    }
}

static void build_parts(struct project *project, const struct node *root)
{
    const struct node *client = read_mapping(root, "client");
    project->client_name = read_text(client, "name");
    project->client_short_name = read_text(client, "short_name");
    const struct node *consultant = read_mapping(root, "consultant");
    project->consultant_name = read_text(consultant, "name");
    project->consultant_lead = read_text(consultant, "lead");
    project->logo = read_text(consultant, "logo");
    project->accent = read_colour(consultant, "accent");
    const struct node *system = read_mapping(root, "system");
    project->system_from = read_text(system, "from");
    project->system_to = read_text(system, "to");
    project->hosting = read_text(system, "hosting");
    const struct node *window = read_mapping(root, "window");
    project->window_start = read_timestamp(window, "start");
    project->window_end = read_timestamp(window, "end");
    project->rollback_deadline = read_timestamp(window, "rollback_deadline");
    project->timezone = read_text(window, "timezone");
    const struct node *document = read_mapping(root, "document");
    project->document_version = read_text(document, "version");
    project->document_date = read_date(document, "date");
    project->classification = read_text_or_default(document, INPUT_PROJECT,
                                                   "document.classification");
    project->distribution = read_text_list(document, "distribution");
    project->next_review = read_date(document, "next_review");
    const struct node *closeout = read_mapping(root, "closeout");
    project->closeout_status = read_choice(closeout, "status", schema_closeout_statuses, -1);
    project->closeout_completed = read_timestamp(closeout, "completed");
    project->hypercare_until = read_date(closeout, "hypercare_until");
    project->closeout_issues = read_text_list(closeout, "issues");
    project->closeout_notes = read_text(closeout, "notes");
    project->closeout_lessons = read_text_list(closeout, "lessons");
    const struct node *issues = read_list(closeout, "known_issues");
    project->known_issue_count = issues ? node_count(issues) : 0;
    project->known_issues = xcalloc(project->known_issue_count + 1, sizeof(struct known_issue));
    for (size_t index = 0; index < project->known_issue_count; index++) {
        const struct node *entry = node_sequence_item(issues, index);
        struct known_issue *issue = &project->known_issues[index];
        issue->title = read_text(entry, "title");
        issue->owner = read_text(entry, "owner");
        issue->notes = read_text(entry, "notes");
        issue->due = read_date(entry, "due");
    }
}

const struct person *project_find_person(const struct project *project, const char *id)
{
    for (size_t index = 0; id && index < project->person_count; index++)
        if (project->people[index].id && strcmp(project->people[index].id, id) == 0)
            return &project->people[index];
    return NULL;
}

static const char *registered_name(const struct project *project,
                                   const struct signatory *signatory)
{
    const struct person *person = project_find_person(project, signatory->person);
    return person ? person->name : signatory->name;
}

bool project_signer_allowed(const struct project *project, const struct signatory *signatory,
                            const char *name, bool *deputy)
{
    const char *registered = registered_name(project, signatory);
    *deputy = false;
    if (!registered || (name && strcmp(name, registered) == 0))
        return true;
    for (size_t index = 0; name && index < signatory->deputies.count; index++) {
        const struct person *person = project_find_person(project,
                                                          signatory->deputies.items[index]);
        if (person && person->name && strcmp(person->name, name) == 0) {
            *deputy = true;
            return true;
        }
    }
    return false;
}

void project_signer_names(const struct project *project, const struct signatory *signatory,
                          char *out, size_t size)
{
    const char *registered = registered_name(project, signatory);
    size_t used = (size_t)snprintf(out, size, "%s", registered ? registered : "");
    for (size_t index = 0; index < signatory->deputies.count && used < size; index++) {
        const struct person *person = project_find_person(project,
                                                          signatory->deputies.items[index]);
        used += (size_t)snprintf(out + used, size - used, "%s%s",
                                 index ? ", " : " (or a deputy: ",
                                 person && person->name ? person->name : "?");
    }
    if (signatory->deputies.count && used < size)
        snprintf(out + used, size - used, ")");
}

const struct signatory *project_find_signatory(const struct project *project, const char *id)
{
    for (size_t index = 0; id && index < project->signatory_count; index++)
        if (project->signatories[index].id && strcmp(project->signatories[index].id, id) == 0)
            return &project->signatories[index];
    return NULL;
}

void project_check_person_reference(const struct project *project, const char *id,
                                    const char *what, struct source_position position,
                                    struct diag_sink *sink)
{
    if (!id || project_find_person(project, id))
        return;
    char hint[96];
    diag(sink, DIAG_UNKNOWN_REFERENCE, position, "%s '%s' is not a person of the project%s", what,
         id, project_person_hint(project, id, hint, sizeof hint));
}

const char *project_person_hint(const struct project *project, const char *word, char *out,
                                size_t size)
{
    const char **ids = xcalloc(project->person_count + 1, sizeof(char *));
    for (size_t index = 0; index < project->person_count; index++)
        ids[index] = project->people[index].id;
    suggest_hint(word, ids, project->person_count, out, size);
    free(ids);
    return out;
}

/* People and signatories are few (tens): a quadratic scan for duplicates is
 * bounded by the file size limit and stays simple. */
static void check_unique_ids(const struct project *project, struct diag_sink *sink)
{
    for (size_t index = 0; index < project->person_count; index++) {
        const struct person *person = &project->people[index];
        const struct person *first = project_find_person(project, person->id);
        if (first && first != person)
            diag(sink, DIAG_DUPLICATE_ID, person->position,
                 "duplicate person id '%s' (first defined at line %u)", person->id,
                 first->position.line);
    }
    for (size_t index = 0; index < project->signatory_count; index++) {
        const struct signatory *signatory = &project->signatories[index];
        const struct signatory *first = project_find_signatory(project, signatory->id);
        if (first && first != signatory)
            diag(sink, DIAG_DUPLICATE_ID, signatory->position,
                 "duplicate signatory id '%s' (first defined at line %u)", signatory->id,
                 first->position.line);
    }
}

static void check_references(const struct project *project, const struct node *root,
                             struct diag_sink *sink)
{
    project_check_person_reference(project, project->consultant_lead, "the lead consultant",
                                   read_position(read_mapping(root, "consultant"), "lead"), sink);
    const struct node *contacts = read_list(root, "contacts");
    for (size_t index = 0; index < project->contact_count; index++) {
        const struct contact *contact = &project->contacts[index];
        const struct node *node = node_sequence_item(contacts, index);
        project_check_person_reference(project, contact->person, "contact",
                                       read_position(node, "person"), sink);
        if (!contact->person && !contact->name)
            diag(sink, DIAG_CONTACT_UNNAMED, contact->position,
                 "this contact has neither 'person' nor 'name'");
    }
    const struct node *signatories = read_list(root, "signatories");
    for (size_t index = 0; index < project->signatory_count; index++) {
        const struct signatory *signatory = &project->signatories[index];
        const struct node *node = node_sequence_item(signatories, index);
        project_check_person_reference(project, signatory->person, "signatory",
                                       read_position(node, "person"), sink);
        const struct node *deputies = read_list(node, "deputies");
        for (size_t at = 0; at < signatory->deputies.count; at++)
            project_check_person_reference(project, signatory->deputies.items[at], "deputy",
                                           node_position(node_sequence_item(deputies, at)), sink);
    }
}

static void check_window(const struct project *project, const struct node *root,
                         struct diag_sink *sink)
{
    if (project->window_start.set && project->window_end.set
        && project->window_end.epoch <= project->window_start.epoch)
        diag(sink, DIAG_WINDOW_ORDER, read_position(read_mapping(root, "window"), "end"),
             "the window ends before it starts");
}

static void read_communication(struct project *project, const struct node *root)
{
    const struct node *communication = read_mapping(root, "communication");
    if (!communication)
        return;
    project->bridge = read_text(communication, "bridge");
    project->status_channel = read_text(communication, "status_channel");
    project->escalation_triggers = read_text_list(communication, "triggers");
}

static void read_language(struct project *project, const struct node *root)
{
    project->language = read_text(root, "language");
    project->language_position = read_position(root, "language");
    project->words = read_text_map(root, "words");
    project->word_positions = xcalloc(project->words.count + 1, sizeof(struct source_position));
    const struct node *words = read_mapping(root, "words");
    for (size_t index = 0; index < project->words.count; index++)
        project->word_positions[index] = read_position(words, project->words.pairs[index].key);
}

struct project *project_build(const struct node *root, const char *path, struct diag_sink *sink)
{
    struct project *project = xcalloc(1, sizeof *project);
    project->title = read_text(root, "title");
    project->reference = read_text(root, "reference");
    project->audit_file = read_text(root, "audit");
    project->templates = read_text(root, "templates");
    read_language(project, root);
    read_communication(project, root);
    project->artifacts = read_set_or_default(root, INPUT_PROJECT, "artifacts");
    project->path = path;
    project->position = node_position(root);
    build_parts(project, root);
    build_people(project, root);
    build_contacts(project, root);
    build_signatories(project, root);
    build_uses(project, root);
    check_unique_ids(project, sink);
    check_references(project, root, sink);
    check_window(project, root, sink);
    return project;
}

void project_free(struct project *project)
{
    if (!project)
        return;
    FREE_EACH(project->title, project->reference, project->client_name,
              project->client_short_name, project->consultant_name, project->consultant_lead,
              project->logo, project->system_from, project->system_to, project->hosting,
              project->timezone, project->document_version, project->classification,
              project->audit_file, project->closeout_notes, project->templates,
              project->templates_path, project->logo_path, project->language);
    text_map_free(&project->words);
    FREE_EACH(project->bridge, project->status_channel);
    text_list_free(&project->escalation_triggers);
    free(project->word_positions);
    for (size_t index = 0; index < project->person_count; index++) {
        struct person *person = &project->people[index];
        FREE_EACH(person->id, person->name, person->organisation, person->title, person->email,
                  person->phone);
        text_list_free(&person->roles);
    }
    for (size_t index = 0; index < project->contact_count; index++) {
        struct contact *contact = &project->contacts[index];
        FREE_EACH(contact->person, contact->name, contact->role, contact->organisation,
                  contact->phone, contact->email, contact->availability, contact->deputy);
    }
    for (size_t index = 0; index < project->signatory_count; index++) {
        struct signatory *signatory = &project->signatories[index];
        FREE_EACH(signatory->id, signatory->role, signatory->person, signatory->name,
                  signatory->key_file, signatory->key_path);
        text_list_free(&signatory->deputies);
    }
    for (size_t index = 0; index < project->use_count; index++) {
        struct checklist_use *use = &project->uses[index];
        FREE_EACH(use->file, use->run_file, use->file_path, use->run_path);
    }
    free(project->people);
    free(project->contacts);
    free(project->signatories);
    free(project->uses);
    text_list_free(&project->distribution);
    text_list_free(&project->closeout_issues);
    text_list_free(&project->closeout_lessons);
    for (size_t index = 0; index < project->known_issue_count; index++)
        FREE_EACH(project->known_issues[index].title, project->known_issues[index].owner,
                  project->known_issues[index].notes);
    free(project->known_issues);
    zone_free(&project->zone);
    verdict_free(&project->verdict);
    free(project->conditions);
    for (int moment = 0; moment < GATE_MOMENT_COUNT; moment++)
        verdict_free(&project->gates[moment]);
    free(project);
}

void project_name_initials(const char *name, struct buffer *out)
{
    size_t length = name ? strlen(name) : 0;
    bool word_start = true;
    for (size_t offset = 0; offset < length;) {
        uint32_t code_point;
        size_t used = utf8_decode(name + offset, length - offset, &code_point);
        used = used ? used : 1;
        if (word_start && name[offset] != ' ')
            buffer_append(out, name + offset, used);
        word_start = name[offset] == ' ';
        offset += used;
    }
}
