/* The view of the re-audit (view_audit_changes.h). */
#include "view_audit_changes.h"

#include "schema.h"
#include "value.h"
#include "view_put.h"

static const char *const change_words[] = {
    [CHANGE_NEW] = "new",           [CHANGE_RESOLVED] = "resolved",
    [CHANGE_ACCEPTED] = "accepted", [CHANGE_REOPENED] = "reopened",
    [CHANGE_SEVERITY] = "severity", [CHANGE_LIKELIHOOD] = "likelihood",
    [CHANGE_REMOVED] = "removed",   [CHANGE_COUNT] = NULL};

static const char *const kind_words[] = {[FINDING_KIND_RISK] = "risk",
                                         [FINDING_KIND_CLEANUP] = "cleanup",
                                         [FINDING_KIND_MISSING] = "missing"};

static void put_change(struct node *list, const struct change *change)
{
    struct node *mapping = append_mapping(list);
    put_text(mapping, "title", change->title);
    put_flag_for(put_mapping(mapping, "kind_is"), kind_words[change->kind]);
    put_flag_for(put_mapping(mapping, "change_is"), change_words[change->change]);
    if (change->change != CHANGE_SEVERITY && change->change != CHANGE_LIKELIHOOD)
        return;
    const char *const *words =
        change->change == CHANGE_SEVERITY ? schema_severities : schema_likelihoods;
    put_flag_for(put_mapping(mapping, "from_is"), words[change->from]);
    put_flag_for(put_mapping(mapping, "to_is"), words[change->to]);
}

/* The summary's one line: how many of each kind of change, in order. */
static void put_counts(struct node *since, const struct audit *audit)
{
    struct node *list = put_list(since, "counts");
    bool first = true;
    for (int change = 0; change < CHANGE_COUNT; change++) {
        if (!audit->changes_by_kind[change])
            continue;
        struct node *mapping = append_mapping(list);
        put_int(mapping, "count", (long long)audit->changes_by_kind[change]);
        /* the word's singular or plural (changes_count_KIND_one/_other) */
        put_bool(mapping, "one", audit->changes_by_kind[change] == 1);
        put_flag_for(put_mapping(mapping, "change_is"), change_words[change]);
        put_bool(mapping, "first", first);
        first = false;
    }
}

void view_put_audit_changes(struct node *audit_view, const struct audit *audit)
{
    const struct audit_snapshot *previous = audit->previous;
    put_bool(audit_view, "has_changes_since", previous != NULL);
    if (!previous)
        return;
    struct node *since = put_mapping(audit_view, "changes_since");
    put_text(since, "version", previous->version);
    struct date date = {0};
    if (value_parse_date(previous->date, &date))
        put_date(since, "date", date);
    else
        put_text(since, "date", previous->date);
    put_bool(since, "has_changes", audit->change_count > 0);
    struct node *list = put_list(since, "changes");
    for (size_t index = 0; index < audit->change_count; index++)
        put_change(list, &audit->changes[index]);
    put_counts(since, audit);
}
