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

static void build_people(struct arena *arena, struct project *project, const struct node *root)
{
    const struct node *list = read_list(root, "people");
    size_t count = list ? node_count(list) : 0;
    project->people = arena_calloc(arena, count, sizeof(struct person));
    for (size_t index = 0; index < count; index++) {
        const struct node *node = node_sequence_item(list, index);
        if (node_kind(node) != NODE_MAPPING)
            continue;
        struct person *person = &project->people[project->person_count++];
        person->id = read_text(arena, node, "id");
        person->name = read_text(arena, node, "name");
        person->organisation = read_text(arena, node, "organisation");
        person->title = read_text(arena, node, "title");
        person->email = read_text(arena, node, "email");
        person->phone = read_text(arena, node, "phone");
        person->roles = read_text_list(arena, node, "roles");
        person->position = node_position(node);
    }
}

static void build_contacts(struct arena *arena, struct project *project, const struct node *root)
{
    const struct node *list = read_list(root, "contacts");
    size_t count = list ? node_count(list) : 0;
    project->contacts = arena_calloc(arena, count, sizeof(struct contact));
    for (size_t index = 0; index < count; index++) {
        const struct node *node = node_sequence_item(list, index);
        if (node_kind(node) != NODE_MAPPING)
            continue;
        struct contact *contact = &project->contacts[project->contact_count++];
        contact->person = read_text(arena, node, "person");
        contact->name = read_text(arena, node, "name");
        contact->role = read_text(arena, node, "role");
        contact->organisation = read_text(arena, node, "organisation");
        contact->phone = read_text(arena, node, "phone");
        contact->email = read_text(arena, node, "email");
        contact->availability = read_text(arena, node, "availability");
        contact->escalation = read_integer(node, "escalation", 0);
        contact->group = read_choice(node, "group", schema_contact_groups, -1);
        contact->deputy = read_text(arena, node, "deputy");
        contact->private_entry = read_bool_or_default(node, INPUT_PROJECT, "contacts.private");
        contact->position = node_position(node);
    }
}

static void build_signatories(struct arena *arena, struct project *project, const struct node *root)
{
    const struct node *list = read_list(root, "signatories");
    size_t count = list ? node_count(list) : 0;
    project->signatories = arena_calloc(arena, count, sizeof(struct signatory));
    for (size_t index = 0; index < count; index++) {
        const struct node *node = node_sequence_item(list, index);
        if (node_kind(node) != NODE_MAPPING)
            continue;
        struct signatory *signatory = &project->signatories[project->signatory_count++];
        signatory->id = read_text(arena, node, "id");
        signatory->role = read_text(arena, node, "role");
        signatory->person = read_text(arena, node, "person");
        signatory->name = read_text(arena, node, "name");
        signatory->key_file = read_text(arena, node, "key");
        signatory->key_position = read_position(node, "key");
        signatory->deputies = read_text_list(arena, node, "deputies");
        signatory->artifacts = read_set_or_default(node, INPUT_PROJECT, "signatories.artifacts");
        signatory->position = node_position(node);
    }
}

static void build_rehearsals(struct arena *arena, struct checklist_use *use,
                             const struct node *entry)
{
    const struct node *list = read_list(entry, "rehearsals");
    size_t count = list ? node_count(list) : 0;
    use->rehearsals = arena_calloc(arena, count, sizeof(struct rehearsal));
    for (size_t index = 0; index < count; index++) {
        const struct node *node = node_sequence_item(list, index);
        if (node_kind(node) != NODE_MAPPING)
            continue;
        struct rehearsal *rehearsal = &use->rehearsals[use->rehearsal_count++];
        rehearsal->name = read_text(arena, node, "name");
        rehearsal->start = read_timestamp(node, "start");
        rehearsal->position = node_position(node);
        rehearsal->use.file = use->file;
        rehearsal->use.run_file = read_text(arena, node, "run");
        rehearsal->use.position = node_position(node);
        rehearsal->use.rehearsal = rehearsal;
    }
}

static void build_uses(struct arena *arena, struct project *project, const struct node *root)
{
    const struct node *list = read_list(root, "checklists");
    size_t count = list ? node_count(list) : 0;
    project->uses = arena_calloc(arena, count, sizeof(struct checklist_use));
    for (size_t index = 0; index < count; index++) {
        const struct node *node = node_sequence_item(list, index);
        if (node_kind(node) != NODE_MAPPING)
            continue;
        struct checklist_use *use = &project->uses[project->use_count++];
        use->file = read_text(arena, node, "file");
        use->run_file = read_text(arena, node, "run");
        use->artifacts = read_set_or_default(node, INPUT_PROJECT, "checklists.artifacts");
        use->gate = read_bool_or_default(node, INPUT_PROJECT, "checklists.gate");
        use->position = node_position(node);
        build_rehearsals(arena, use, node);
    }
}

static void build_parts(struct arena *arena, struct project *project, const struct node *root)
{
    const struct node *client = read_mapping(root, "client");
    project->client_name = read_text(arena, client, "name");
    project->client_short_name = read_text(arena, client, "short_name");
    const struct node *consultant = read_mapping(root, "consultant");
    project->consultant_name = read_text(arena, consultant, "name");
    project->consultant_lead = read_text(arena, consultant, "lead");
    project->logo = read_text(arena, consultant, "logo");
    project->accent = read_colour(consultant, "accent");
    const struct node *system = read_mapping(root, "system");
    project->system_from = read_text(arena, system, "from");
    project->system_to = read_text(arena, system, "to");
    project->hosting = read_text(arena, system, "hosting");
    const struct node *window = read_mapping(root, "window");
    project->window_start = read_timestamp(window, "start");
    project->window_end = read_timestamp(window, "end");
    project->rollback_deadline = read_timestamp(window, "rollback_deadline");
    project->timezone = read_text(arena, window, "timezone");
    const struct node *document = read_mapping(root, "document");
    project->document_version = read_text(arena, document, "version");
    project->document_date = read_date(document, "date");
    project->classification =
        read_text_or_default(arena, document, INPUT_PROJECT, "document.classification");
    project->distribution = read_text_list(arena, document, "distribution");
    project->next_review = read_date(document, "next_review");
    const struct node *closeout = read_mapping(root, "closeout");
    project->closeout_status = read_choice(closeout, "status", schema_closeout_statuses, -1);
    project->closeout_completed = read_timestamp(closeout, "completed");
    project->hypercare_until = read_date(closeout, "hypercare_until");
    project->closeout_issues = read_text_list(arena, closeout, "issues");
    project->closeout_notes = read_text(arena, closeout, "notes");
    project->closeout_lessons = read_text_list(arena, closeout, "lessons");
    const struct node *issues = read_list(closeout, "known_issues");
    project->known_issue_count = issues ? node_count(issues) : 0;
    project->known_issues =
        arena_calloc(arena, project->known_issue_count + 1, sizeof(struct known_issue));
    for (size_t index = 0; index < project->known_issue_count; index++) {
        const struct node *entry = node_sequence_item(issues, index);
        struct known_issue *issue = &project->known_issues[index];
        issue->title = read_text(arena, entry, "title");
        issue->owner = read_text(arena, entry, "owner");
        issue->notes = read_text(arena, entry, "notes");
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

static const char *registered_name(const struct project *project, const struct signatory *signatory)
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
        const struct person *person =
            project_find_person(project, signatory->deputies.items[index]);
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
        const struct person *person =
            project_find_person(project, signatory->deputies.items[index]);
        used += (size_t)snprintf(out + used, size - used, "%s%s", index ? ", " : " (or a deputy: ",
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

void project_check_person_reference(const struct project *project, const char *id, const char *what,
                                    struct source_position position, struct diag_sink *sink)
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
    if (project->window_start.set && project->window_end.set &&
        project->window_end.epoch <= project->window_start.epoch)
        diag(sink, DIAG_WINDOW_ORDER, read_position(read_mapping(root, "window"), "end"),
             "the window ends before it starts");
}

static void read_communication(struct arena *arena, struct project *project,
                               const struct node *root)
{
    const struct node *communication = read_mapping(root, "communication");
    if (!communication)
        return;
    project->bridge = read_text(arena, communication, "bridge");
    project->status_channel = read_text(arena, communication, "status_channel");
    project->escalation_triggers = read_text_list(arena, communication, "triggers");
}

static void read_language(struct arena *arena, struct project *project, const struct node *root)
{
    project->language = read_text(arena, root, "language");
    project->language_position = read_position(root, "language");
    project->words = read_text_map(arena, root, "words");
    project->word_positions =
        arena_calloc(arena, project->words.count + 1, sizeof(struct source_position));
    const struct node *words = read_mapping(root, "words");
    for (size_t index = 0; index < project->words.count; index++)
        project->word_positions[index] = read_position(words, project->words.pairs[index].key);
}

struct project *project_build(struct arena *arena, const struct node *root, const char *path,
                              struct diag_sink *sink)
{
    struct project *project = arena_calloc(arena, 1, sizeof *project);
    project->arena = arena;
    project->title = read_text(arena, root, "title");
    project->reference = read_text(arena, root, "reference");
    project->audit_file = read_text(arena, root, "audit");
    project->templates = read_text(arena, root, "templates");
    read_language(arena, project, root);
    read_communication(arena, project, root);
    project->artifacts = read_set_or_default(root, INPUT_PROJECT, "artifacts");
    project->path = path;
    project->position = node_position(root);
    build_parts(arena, project, root);
    build_people(arena, project, root);
    build_contacts(arena, project, root);
    build_signatories(arena, project, root);
    build_uses(arena, project, root);
    check_unique_ids(project, sink);
    check_references(project, root, sink);
    check_window(project, root, sink);
    return project;
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
