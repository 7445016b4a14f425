/* golive plan's proposal: for each phase and step of a checklist file, its
 * budget from a rehearsal's measured time plus a margin, and where the
 * file writes its budget value. The file is parsed again from the bytes
 * the model read, so that the byte spans and the model's phases and steps
 * are of the same text. */
#include "cli_plan.h"

#include "alloc.h"
#include "yaml_load.h"
#include "yaml_scalar_span.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int64_t plan_round_up(int64_t minutes, int margin)
{
    int64_t scaled = minutes * (100 + margin); /* hundredths of a minute */
    int64_t rounded = (scaled + 499) / 500 * 5;
    return rounded < 5 ? 5 : rounded;
}

void plan_format_budget(int64_t minutes, char *out, size_t size)
{
    long long hours = (long long)(minutes / 60), rest = (long long)(minutes % 60);
    if (hours && rest)
        snprintf(out, size, "%lldh%lldm", hours, rest);
    else if (hours)
        snprintf(out, size, "%lldh", hours);
    else
        snprintf(out, size, "%lldm", rest);
}

/* The index of the span that starts at position among count spans of
 * size bytes in the order written (each begins with its line and
 * column), by binary search; count when there is none. */
static size_t span_index(const void *spans, size_t count, size_t size,
                         struct source_position position)
{
    size_t low = 0, high = count;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        const unsigned *span = (const unsigned *)((const char *)spans + middle * size);
        if (span[0] == position.line && span[1] == position.column)
            return middle;
        bool before =
            span[0] < position.line || (span[0] == position.line && span[1] < position.column);
        if (before)
            low = middle + 1;
        else
            high = middle;
    }
    return count;
}

static const struct yaml_scalar_span *span_at(const struct yaml_scalar_span *spans, size_t count,
                                              struct source_position position)
{
    size_t index = span_index(spans, count, sizeof *spans, position);
    return index < count ? &spans[index] : NULL;
}

struct proposing {
    const struct yaml_scalar_span *spans;
    size_t span_count;
    const struct yaml_mapping_span *mappings;
    size_t mapping_count;
    int margin;
    struct plan_proposal *out;
    size_t capacity;
};

static bool old_value_differs(const struct plan_entry *entry, const char *text)
{
    char proposed[32];
    plan_format_budget(entry->proposed.minutes, proposed, sizeof proposed);
    size_t start = entry->start, end = entry->end;
    if (end - start >= 2 && (text[start] == '"' || text[start] == '\'')) {
        start++;
        end--;
    }
    return strlen(proposed) != end - start || memcmp(proposed, text + start, end - start) != 0;
}

/* Where a budget is added to a flow mapping: after its last value, before
 * the closing brace. */
static bool insert_into_flow(struct plan_entry *entry, const char *text,
                             const struct yaml_mapping_span *mapping)
{
    size_t at = mapping->end;
    if (at <= mapping->start || text[at - 1] != '}')
        return false;
    at--;
    while (at > mapping->start && (text[at - 1] == ' ' || text[at - 1] == '\t'))
        at--;
    entry->flow = true;
    entry->start = entry->end = at;
    entry->line = mapping->line;
    for (size_t index = mapping->start; index < at; index++)
        entry->line += text[index] == '\n';
    return true;
}

/* Where a budget is added to a block mapping: on a line of its own after
 * the line that ends key's value (its title), indented as that key. */
static bool insert_into_block(struct proposing *proposing, struct plan_entry *entry,
                              const char *text, size_t length, const struct node *value)
{
    size_t index = span_index(proposing->spans, proposing->span_count, sizeof *proposing->spans,
                              node_position(value));
    if (index == 0 || index >= proposing->span_count)
        return false;
    const struct yaml_scalar_span *key = &proposing->spans[index - 1];
    size_t at = proposing->spans[index].end;
    if (at > 0 && text[at - 1] == '\n') /* a block scalar ends after its line break */
        at--;
    while (at < length && text[at] != '\n')
        at++;
    entry->indent = key->column - 1;
    entry->start = entry->end = at;
    entry->line = proposing->spans[index].line;
    for (size_t offset = proposing->spans[index].start; offset < at; offset++)
        entry->line += text[offset] == '\n';
    return true;
}

/* A measured phase or step with no budget line gets one. */
static void plan_insertion(struct proposing *proposing, struct plan_entry *entry, const char *text,
                           size_t length, const struct node *mapping)
{
    size_t index = span_index(proposing->mappings, proposing->mapping_count,
                              sizeof *proposing->mappings, node_position(mapping));
    if (index >= proposing->mapping_count)
        return;
    const struct yaml_mapping_span *span = &proposing->mappings[index];
    const struct node *title = node_mapping_find(mapping, "title");
    const struct node *after = title ? title : node_mapping_find(mapping, "id");
    bool placed = span->flow ? insert_into_flow(entry, text, span)
                             : after && insert_into_block(proposing, entry, text, length, after);
    if (!placed)
        return;
    entry->inserts = entry->changes = true;
    entry->order = entry->start;
    proposing->out->changes++;
}

static void add_entry(struct proposing *proposing, const char *text, size_t length,
                      const char *what, const char *id, const struct node *mapping,
                      struct duration measured)
{
    struct plan_proposal *out = proposing->out;
    out->entries = xgrow(out->entries, &proposing->capacity, out->count + 1, sizeof *out->entries);
    struct plan_entry *entry = &out->entries[out->count++];
    *entry = (struct plan_entry){.what = what, .id = id, .measured = measured};
    if (measured.set)
        entry->proposed =
            (struct duration){true, plan_round_up(measured.minutes, proposing->margin)};
    const struct node *id_node = node_mapping_find(mapping, "id");
    const struct yaml_scalar_span *id_span =
        id_node ? span_at(proposing->spans, proposing->span_count, node_position(id_node)) : NULL;
    entry->order = id_span ? id_span->start : 0;
    const struct node *budget = node_mapping_find(mapping, "budget");
    const struct yaml_scalar_span *span =
        budget ? span_at(proposing->spans, proposing->span_count, node_position(budget)) : NULL;
    if (!span) {
        if (measured.set)
            plan_insertion(proposing, entry, text, length, mapping);
        return;
    }
    entry->order = span->start;
    entry->has_line = true;
    entry->start = span->start;
    entry->end = span->end;
    entry->line = span->line;
    entry->changes = measured.set && old_value_differs(entry, text);
    out->changes += entry->changes;
}

/* The tree's phases and steps are the checklist's, in the same order
 * (it was built from the same bytes). */
static void propose_all(struct proposing *proposing, const char *text, size_t length,
                        const struct node *root, const struct checklist *measured)
{
    const struct node *phases = node_mapping_find(root, "phases");
    for (size_t index = 0; phases && index < measured->phase_count; index++) {
        const struct phase *phase = &measured->phases[index];
        const struct node *phase_node = node_sequence_item(phases, index);
        if (!phase_node)
            return;
        add_entry(proposing, text, length, "phase", phase->id, phase_node, phase->timing.measured);
        const struct node *items = node_mapping_find(phase_node, "items");
        for (size_t item = 0; items && item < phase->item_count; item++)
            add_entry(proposing, text, length, "step", phase->items[item].id,
                      node_sequence_item(items, item), phase->items[item].state.measured);
    }
}

/* A phase may write its budget after its steps. */
static int in_file_order(const void *left, const void *right)
{
    const struct plan_entry *a = left, *b = right;
    return (a->order > b->order) - (a->order < b->order);
}

bool plan_propose(const char *path, const char *text, size_t length,
                  const struct checklist *measured, int margin, struct plan_proposal *out,
                  struct diag_sink *sink)
{
    *out = (struct plan_proposal){0};
    struct yaml_document *document = yaml_load_text(path, text, length, sink);
    struct yaml_scalar_span *spans = NULL;
    struct yaml_mapping_span *mappings = NULL;
    size_t span_count = 0, mapping_count = 0;
    bool ok = document && yaml_scalar_spans(text, length, &spans, &span_count) &&
              yaml_mapping_spans(text, length, &mappings, &mapping_count);
    if (ok) {
        struct proposing proposing = {spans, span_count, mappings, mapping_count, margin, out, 0};
        propose_all(&proposing, text, length, yaml_document_root(document), measured);
        qsort(out->entries, out->count, sizeof *out->entries, in_file_order);
    }
    free(spans);
    free(mappings);
    yaml_document_free(document);
    return ok;
}

void plan_proposal_free(struct plan_proposal *proposal)
{
    free(proposal->entries);
    *proposal = (struct plan_proposal){0};
}
