/* The parts of a filled-in sheet (view_sheet_entry.h). */
#include "view_sheet_entry.h"

#include "model_checklist.h"
#include "value.h"
#include "view_put.h"

#include <stdbool.h>
#include <string.h>

/* The local calendar day of a timestamp, "2026-03-19", into day. */
static void local_day(struct timestamp at, char day[11])
{
    char text[40];
    value_format_timestamp(at, text, sizeof text);
    memcpy(day, text, 10);
    day[10] = '\0';
}

void view_put_check_date(struct node *mapping, const struct checklist *checklist)
{
    struct timestamp latest = {0};
    for (size_t phase = 0; phase < checklist->phase_count; phase++)
        for (size_t index = 0; index < checklist->phases[phase].item_count; index++) {
            const struct result_record *record = checklist->phases[phase].items[index].state.latest;
            if (record && record->at.set && (!latest.set || record->at.epoch > latest.epoch))
                latest = record->at;
        }
    if (!latest.set)
        return;
    char last_day[11], day[11];
    local_day(latest, last_day);
    bool one_day = true;
    for (size_t phase = 0; phase < checklist->phase_count; phase++)
        for (size_t index = 0; index < checklist->phases[phase].item_count; index++) {
            const struct result_record *record = checklist->phases[phase].items[index].state.latest;
            if (!record || !record->at.set)
                continue;
            local_day(record->at, day);
            one_day = one_day && strcmp(day, last_day) == 0;
        }
    put_timestamp(mapping, "checked_at", latest);
    put_bool(mapping, "checked_one_day", one_day);
}

void view_put_evidence_values(struct node *mapping, const struct item *item)
{
    struct node *list = put_list(mapping, "evidence_values");
    for (size_t index = 0; item->state.evidence && index < item->evidence.count; index++) {
        const char *value = item->state.evidence[index].value;
        if (!value || !*value)
            continue;
        struct node *entry = append_mapping(list);
        put_bool(entry, "first", node_count(list) == 1);
        put_text(entry, "value", value);
    }
    put_bool(mapping, "has_evidence_values", node_count(list) > 0);
}
