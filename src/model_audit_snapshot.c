/* Writing and reading the findings snapshot of an issued audit report
 * (model_audit_snapshot.h). */
#include "model_audit_snapshot.h"

#include "arena.h"
#include "file_io.h"
#include "schema.h"
#include "sha256.h"
#include "yaml_load.h"
#include "yaml_scalar.h"

#include <stdlib.h>
#include <string.h>

static const char *const kind_words[] = {[FINDING_KIND_RISK] = "risk",
                                         [FINDING_KIND_CLEANUP] = "cleanup",
                                         [FINDING_KIND_MISSING] = "missing",
                                         NULL};

static struct snapshot_finding finding_of(enum finding_kind kind, const char *id, const char *title,
                                          enum finding_state state)
{
    return (struct snapshot_finding){.kind = kind,
                                     .id = (char *)id,
                                     .title = (char *)title,
                                     .severity = -1,
                                     .likelihood = -1,
                                     .state = state};
}

struct snapshot_finding *audit_findings_list(struct arena *arena, const struct audit *audit,
                                             size_t *count)
{
    *count = audit->risk_count + audit->cleanup_count + audit->missing_count;
    struct snapshot_finding *list = arena_calloc(arena, *count + 1, sizeof *list);
    size_t at = 0;
    for (size_t index = 0; index < audit->risk_count; index++, at++) {
        const struct risk *risk = &audit->risks[index];
        list[at] = finding_of(FINDING_KIND_RISK, risk->id, risk->title, risk->state);
        list[at].severity = risk->severity;
        list[at].likelihood = risk->likelihood;
    }
    for (size_t index = 0; index < audit->cleanup_count; index++, at++) {
        const struct cleanup_finding *finding = &audit->cleanup[index];
        list[at] = finding_of(FINDING_KIND_CLEANUP, finding->standing.id, finding->title,
                              finding->standing.state);
    }
    for (size_t index = 0; index < audit->missing_count; index++, at++) {
        const struct missing_item *missing = &audit->missing[index];
        list[at] = finding_of(FINDING_KIND_MISSING, missing->standing.id, missing->what,
                              missing->standing.state);
    }
    return list;
}

static void put_field(struct buffer *out, const char *key, const char *text)
{
    buffer_printf(out, "    %s: ", key);
    yaml_quote(out, text);
    buffer_append_text(out, "\n");
}

void audit_snapshot_format(struct arena *arena, const struct audit *audit, const char *version,
                           const char *date, struct buffer *out)
{
    size_t count;
    const struct snapshot_finding *list = audit_findings_list(arena, audit, &count);
    buffer_append_text(out, "# golive: the audit's findings as issued (golive issue). Never edit: "
                            "golive verify\n# checks this file, and the next version's report "
                            "compares its findings with it.\nkind: audit-findings\nversion: ");
    yaml_quote(out, version);
    buffer_append_text(out, "\ndate: ");
    yaml_quote(out, date);
    buffer_append_text(out, count ? "\nfindings:\n" : "\nfindings: []\n");
    for (size_t index = 0; index < count; index++) {
        const struct snapshot_finding *finding = &list[index];
        buffer_printf(out, "  - kind: %s\n", kind_words[finding->kind]);
        if (finding->id)
            put_field(out, "id", finding->id);
        put_field(out, "title", finding->title);
        if (finding->kind == FINDING_KIND_RISK)
            buffer_printf(out, "    severity: %s\n    likelihood: %s\n",
                          schema_severities[finding->severity],
                          schema_likelihoods[finding->likelihood]);
        buffer_printf(out, "    state: %s\n", schema_finding_states[finding->state]);
    }
}

/* Reading: each refusal names the place in the snapshot. */
struct reading {
    struct arena *arena;
    struct diag_sink *sink;
    bool ok;
};

static const struct node *text_at(struct reading *reading, const struct node *mapping,
                                  const char *key, bool required)
{
    const struct node *value = node_mapping_find(mapping, key);
    if (value && node_kind(value) == NODE_SCALAR)
        return value;
    if (value || required) {
        diag(reading->sink, DIAG_FINDINGS_SNAPSHOT,
             value ? node_position(value) : node_position(mapping),
             "the findings snapshot needs '%s' here, as text", key);
        reading->ok = false;
    }
    return NULL;
}

static int choice_at(struct reading *reading, const struct node *mapping, const char *key,
                     const char *const *choices)
{
    const struct node *value = text_at(reading, mapping, key, true);
    int index = value ? schema_choice_index(choices, node_scalar_text(value)) : -1;
    if (value && index < 0) {
        diag(reading->sink, DIAG_FINDINGS_SNAPSHOT, node_position(value),
             "'%s' is not a %s golive writes into a findings snapshot", node_scalar_text(value),
             key);
        reading->ok = false;
    }
    return index < 0 ? 0 : index;
}

static const char *const finding_keys[] = {"kind",       "id",    "title", "severity",
                                           "likelihood", "state", NULL};

static void read_finding(struct reading *reading, const struct node *node,
                         struct snapshot_finding *finding)
{
    if (node_kind(node) != NODE_MAPPING) {
        diag(reading->sink, DIAG_FINDINGS_SNAPSHOT, node_position(node),
             "each finding of a findings snapshot is a mapping");
        reading->ok = false;
        return;
    }
    for (size_t index = 0; index < node_count(node); index++) {
        const struct node *key = node_mapping_key(node, index);
        if (schema_choice_index(finding_keys, node_scalar_text(key)) < 0) {
            diag(reading->sink, DIAG_FINDINGS_SNAPSHOT, node_position(key),
                 "'%s' is not a key golive writes into a findings snapshot", node_scalar_text(key));
            reading->ok = false;
        }
    }
    enum finding_kind kind = (enum finding_kind)choice_at(reading, node, "kind", kind_words);
    const struct node *id = text_at(reading, node, "id", false);
    const struct node *title = text_at(reading, node, "title", true);
    *finding =
        finding_of(kind, id ? arena_strdup(reading->arena, node_scalar_text(id)) : NULL,
                   title ? arena_strdup(reading->arena, node_scalar_text(title)) : "",
                   (enum finding_state)choice_at(reading, node, "state", schema_finding_states));
    if (kind == FINDING_KIND_RISK) {
        finding->severity = choice_at(reading, node, "severity", schema_severities);
        finding->likelihood = choice_at(reading, node, "likelihood", schema_likelihoods);
    }
}

static struct audit_snapshot *read_snapshot(struct reading *reading, const struct node *root,
                                            const struct issued_entry *entry)
{
    const struct node *kind =
        node_kind(root) == NODE_MAPPING ? text_at(reading, root, "kind", true) : NULL;
    const struct node *list = kind ? node_mapping_find(root, "findings") : NULL;
    if (!kind || strcmp(node_scalar_text(kind), "audit-findings") != 0 || !list ||
        node_kind(list) != NODE_SEQUENCE) {
        diag(reading->sink, DIAG_FINDINGS_SNAPSHOT, node_position(root),
             "this is not a findings snapshot as golive issue writes it");
        return NULL;
    }
    struct audit_snapshot *snapshot = arena_calloc(reading->arena, 1, sizeof *snapshot);
    snapshot->version = arena_strdup(reading->arena, entry->version);
    snapshot->date = arena_strdup(reading->arena, entry->date);
    snapshot->count = node_count(list);
    snapshot->findings =
        arena_calloc(reading->arena, snapshot->count + 1, sizeof *snapshot->findings);
    for (size_t index = 0; index < snapshot->count; index++)
        read_finding(reading, node_sequence_item(list, index), &snapshot->findings[index]);
    return reading->ok ? snapshot : NULL;
}

/* The latest snapshot in the register of a version other than this one. */
static const struct issued_entry *latest_snapshot(const struct model *model)
{
    const char *version = model->project->document_version;
    const struct issued_entry *latest = NULL;
    size_t suffix = strlen(AUDIT_SNAPSHOT_SUFFIX);
    for (size_t index = 0; index < model->issued.count; index++) {
        const struct issued_entry *entry = &model->issued.entries[index];
        size_t length = strlen(entry->file);
        if (strcmp(entry->document, "audit") == 0 && length > suffix &&
            strcmp(entry->file + length - suffix, AUDIT_SNAPSHOT_SUFFIX) == 0 &&
            (!version || strcmp(entry->version, version) != 0))
            latest = entry;
    }
    return latest;
}

void audit_snapshot_load(struct model *model, struct diag_sink *sink)
{
    const struct issued_entry *entry = model->audit ? latest_snapshot(model) : NULL;
    if (!entry)
        return;
    struct buffer path = {0};
    buffer_printf(&path, "%s/%s/%s", model->root, ISSUED_FOLDER, entry->file);
    struct source_position listed = {model->issued.path, entry->line, 1};
    char *text = NULL, hex[65] = "";
    size_t length;
    if (file_read(buffer_text(&path), listed, sink, &text, &length)) {
        sha256_hex(text, length, hex);
        if (strcmp(hex, entry->sha256) != 0)
            diag(sink, DIAG_FINDINGS_SNAPSHOT, (struct source_position){buffer_text(&path), 1, 1},
                 "the findings snapshot changed since version %s was issued: its SHA-256 is %s, "
                 "issued/ISSUED line %u says %s",
                 entry->version, hex, entry->line, entry->sha256);
    }
    struct yaml_document *document = text && strcmp(hex, entry->sha256) == 0
                                         ? yaml_load_text(buffer_text(&path), text, length, sink)
                                         : NULL;
    struct reading reading = {model->arena, sink, true};
    if (document)
        model->audit->previous = read_snapshot(&reading, yaml_document_root(document), entry);
    yaml_document_free(document);
    free(text);
    buffer_free(&path);
}
