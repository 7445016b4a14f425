/* The re-audit: the audit's findings compared with those of its last
 * issued version (docs/format.md, "Finding identity and the re-audit"). */
#include "evaluate.h"

#include "alloc.h"
#include "arena.h"
#include "model_audit_snapshot.h"

#include <stdlib.h>
#include <string.h>

/* Two findings are one when of one kind and both ids are equal, or, when
 * either has none, both titles are. */
static bool same_finding(const struct snapshot_finding *now, const struct snapshot_finding *then)
{
    if (now->kind != then->kind)
        return false;
    if (now->id && then->id)
        return strcmp(now->id, then->id) == 0;
    return strcmp(now->title, then->title) == 0;
}

/* The snapshot's finding that is now's, preferring one matched by id. */
static size_t match_of(const struct snapshot_finding *now, const struct audit_snapshot *then,
                       const bool *taken)
{
    size_t by_title = then->count;
    for (size_t index = 0; index < then->count; index++) {
        const struct snapshot_finding *old = &then->findings[index];
        if (taken[index] || !same_finding(now, old))
            continue;
        if (now->id && old->id)
            return index;
        if (by_title == then->count)
            by_title = index;
    }
    return by_title;
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
    bool *taken = xcalloc(then->count + 1, sizeof *taken);
    for (size_t index = 0; index < count; index++) {
        size_t match = match_of(&now[index], then, taken);
        if (match == then->count) {
            add(&changes, CHANGE_NEW, &now[index], 0, 0);
            continue;
        }
        taken[match] = true;
        compare(&changes, &now[index], &then->findings[match]);
    }
    for (size_t index = 0; index < then->count; index++)
        if (!taken[index])
            add(&changes, CHANGE_REMOVED, &then->findings[index], 0, 0);
    free(taken);
    group(arena, audit);
}
