/* The re-audit: the audit's findings compared with those of its last
 * issued version (docs/format.md, "Finding identity and the re-audit"). */
#include "evaluate.h"

#include "alloc.h"
#include "arena.h"
#include "buffer.h"
#include "model_audit_snapshot.h"
#include "name_table.h"

#include <stdlib.h>
#include <string.h>

#define NONE ((size_t)-1)

/* The snapshot's findings looked up by kind and id, and by kind and title
 * (those of one title chained in the snapshot's order), so that matching
 * costs linear time however many findings there are. */
struct lookup {
    struct name_table by_id, by_title;
    size_t *next; /* the next finding of the same kind and title, or NONE */
    bool *taken;
};

static void key_of(struct buffer *key, enum finding_kind kind, const char *text)
{
    key->length = 0;
    buffer_printf(key, "%d:%s", (int)kind, text);
}

static void lookup_build(struct lookup *lookup, const struct audit_snapshot *then)
{
    memset(lookup, 0, sizeof *lookup);
    lookup->next = xcalloc(then->count + 1, sizeof *lookup->next);
    lookup->taken = xcalloc(then->count + 1, sizeof *lookup->taken);
    struct buffer key = {0};
    for (size_t index = then->count; index-- > 0;) {
        const struct snapshot_finding *old = &then->findings[index];
        key_of(&key, old->kind, old->title);
        const struct name_entry *later = name_table_get(&lookup->by_title, buffer_text(&key));
        lookup->next[index] = later ? later->number : NONE;
        name_table_put(&lookup->by_title, buffer_text(&key), NULL, index);
        if (old->id) {
            key_of(&key, old->kind, old->id);
            name_table_put(&lookup->by_id, buffer_text(&key), NULL, index);
        }
    }
    buffer_free(&key);
}

static void lookup_free(struct lookup *lookup)
{
    name_table_free(&lookup->by_id);
    name_table_free(&lookup->by_title);
    free(lookup->next);
    free(lookup->taken);
}

/* The snapshot's finding that is now's, or NONE: two findings are one when
 * of one kind and both ids are equal, or, when either has none, both
 * titles are. */
static size_t match_of(struct lookup *lookup, const struct snapshot_finding *now,
                       const struct audit_snapshot *then)
{
    struct buffer key = {0};
    size_t match = NONE;
    if (now->id) {
        key_of(&key, now->kind, now->id);
        const struct name_entry *entry = name_table_get(&lookup->by_id, buffer_text(&key));
        if (entry && !lookup->taken[entry->number])
            match = entry->number;
    }
    key_of(&key, now->kind, now->title);
    const struct name_entry *entry =
        match == NONE ? name_table_get(&lookup->by_title, buffer_text(&key)) : NULL;
    for (size_t index = entry ? entry->number : NONE; index != NONE && match == NONE;
         index = lookup->next[index])
        if (!lookup->taken[index] && !(now->id && then->findings[index].id))
            match = index;
    buffer_free(&key);
    if (match != NONE)
        lookup->taken[match] = true;
    return match;
}

struct changes {
    struct arena *arena;
    struct audit *audit;
    size_t capacity;
};

static void add(struct changes *changes, enum finding_change change,
                const struct snapshot_finding *finding, int from, int to)
{
    struct audit *audit = changes->audit;
    audit->changes = arena_grow(changes->arena, audit->changes, &changes->capacity,
                                audit->change_count + 1, sizeof *audit->changes);
    audit->changes[audit->change_count++] = (struct change){
        .change = change, .kind = finding->kind, .title = finding->title, .from = from, .to = to};
    audit->changes_by_kind[change]++;
}

static void compare(struct changes *changes, const struct snapshot_finding *now,
                    const struct snapshot_finding *then)
{
    if (now->state != then->state) {
        if (now->state == FINDING_RESOLVED)
            add(changes, CHANGE_RESOLVED, now, 0, 0);
        else if (now->state == FINDING_ACCEPTED)
            add(changes, CHANGE_ACCEPTED, now, 0, 0);
        else
            add(changes, CHANGE_REOPENED, now, 0, 0);
    }
    if (now->severity != then->severity)
        add(changes, CHANGE_SEVERITY, now, then->severity, now->severity);
    if (now->likelihood != then->likelihood)
        add(changes, CHANGE_LIKELIHOOD, now, then->likelihood, now->likelihood);
}

/* The changes grouped by kind of change, each group in the order found. */
static void group(struct arena *arena, struct audit *audit)
{
    struct change *grouped = arena_calloc(arena, audit->change_count + 1, sizeof *grouped);
    size_t at = 0;
    for (int change = 0; change < CHANGE_COUNT; change++)
        for (size_t index = 0; index < audit->change_count; index++)
            if (audit->changes[index].change == (enum finding_change)change)
                grouped[at++] = audit->changes[index];
    audit->changes = grouped;
}

void evaluate_changes(struct arena *arena, struct audit *audit)
{
    const struct audit_snapshot *then = audit->previous;
    audit->change_count = 0;
    memset(audit->changes_by_kind, 0, sizeof audit->changes_by_kind);
    if (!then)
        return;
    struct changes changes = {arena, audit, 0};
    size_t count;
    const struct snapshot_finding *now = audit_findings_list(arena, audit, &count);
    struct lookup lookup;
    lookup_build(&lookup, then);
    for (size_t index = 0; index < count; index++) {
        size_t match = match_of(&lookup, &now[index], then);
        if (match == NONE)
            add(&changes, CHANGE_NEW, &now[index], 0, 0);
        else
            compare(&changes, &now[index], &then->findings[match]);
    }
    for (size_t index = 0; index < then->count; index++)
        if (!lookup.taken[index])
            add(&changes, CHANGE_REMOVED, &then->findings[index], 0, 0);
    lookup_free(&lookup);
    group(arena, audit);
}
