/* golive sign's --owner and --due (cli_sign_conditions.h). */
#include "cli_sign_conditions.h"

#include "alloc.h"
#include "model_project.h"
#include "value.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct source_position nowhere = {0};

/* The --condition that stands before place, counted from 0, or -1. */
static long condition_before(const size_t *places, size_t count, size_t place)
{
    long found = -1;
    for (size_t index = 0; index < count && places[index] < place; index++)
        found = (long)index;
    return found;
}

/* Pairs the values of one of --owner and --due with their conditions. */
static const char *pair(const struct cli_invocation *invocation, const char *name,
                        const char **slots, char *message, size_t size)
{
    size_t condition_count, count;
    const size_t *conditions = cli_value_places(invocation, "condition", &condition_count);
    const size_t *places = cli_value_places(invocation, name, &count);
    const char *const *values = cli_values(invocation, name, &count);
    for (size_t index = 0; index < count; index++) {
        long condition = condition_before(conditions, condition_count, places[index]);
        if (condition < 0) {
            snprintf(message, size,
                     "--%s '%s' belongs to a condition: give it after the --condition TEXT it "
                     "is for",
                     name, values[index]);
            return message;
        }
        if (slots[condition]) {
            snprintf(message, size, "condition %ld has two --%s: '%s' and '%s'", condition + 1,
                     name, slots[condition], values[index]);
            return message;
        }
        slots[condition] = values[index];
    }
    return NULL;
}

const char *sign_conditions_read(const struct cli_invocation *invocation,
                                 struct sign_conditions *out, char *message, size_t size)
{
    cli_values(invocation, "condition", &out->count);
    out->owners = xcalloc(out->count + 1, sizeof(char *));
    out->dues = xcalloc(out->count + 1, sizeof(char *));
    const char *mistake = pair(invocation, "owner", out->owners, message, size);
    return mistake ? mistake : pair(invocation, "due", out->dues, message, size);
}

static bool check_owner(const char *owner, size_t number, const struct project *project,
                        struct diag_sink *sink)
{
    if (!owner || project_find_person(project, owner))
        return true;
    char hint[96];
    diag(sink, DIAG_UNKNOWN_REFERENCE, nowhere,
         "--owner '%s' of condition %zu is not a person id of the project%s", owner, number,
         project_person_hint(project, owner, hint, sizeof hint));
    return false;
}

static bool check_due(const char *due, size_t number, struct diag_sink *sink)
{
    struct date date;
    if (!due || value_parse_date(due, &date))
        return true;
    diag(sink, DIAG_BAD_DATE, nowhere,
         "--due '%s' of condition %zu is not a date: write it as YYYY-MM-DD, e.g. 2026-04-30", due,
         number);
    return false;
}

bool sign_conditions_check(const struct sign_conditions *conditions, const struct project *project,
                           struct diag_sink *sink)
{
    bool ok = true;
    for (size_t index = 0; index < conditions->count; index++) {
        ok = check_owner(conditions->owners[index], index + 1, project, sink) && ok;
        ok = check_due(conditions->dues[index], index + 1, sink) && ok;
    }
    return ok;
}

size_t sign_conditions_format(const struct sign_conditions *conditions,
                              const struct signoff_fields *signoff, struct buffer *out)
{
    size_t written = 0;
    for (size_t index = 0; index < conditions->count; index++) {
        if (!conditions->owners[index] && !conditions->dues[index])
            continue;
        struct buffer id = {0};
        buffer_printf(&id, "%s.%zu", signoff->signatory, index + 1);
        struct condition_fields fields = {.condition = buffer_text(&id),
                                          .state = "open",
                                          .owner = conditions->owners[index],
                                          .due = conditions->dues[index],
                                          .by = signoff->name,
                                          .at = signoff->at};
        run_format_condition(&out[written++], &fields);
        buffer_free(&id);
    }
    return written;
}

void sign_conditions_free(struct sign_conditions *conditions)
{
    free(conditions->owners);
    free(conditions->dues);
}
