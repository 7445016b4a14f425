/* Checking and linking corrections (record_correction.h). */
#include "record_correction.h"

#include <string.h>

static bool same_text(const char *left, const char *right)
{
    return left && right && strcmp(left, right) == 0;
}

const struct result_record *record_correction_target(const struct run *run, const char *item_id,
                                                     unsigned line, unsigned at_line,
                                                     struct source_position where,
                                                     struct diag_sink *sink)
{
    const struct result_record *target = NULL;
    for (size_t index = 0; index < run->result_count; index++) {
        const struct result_record *record = &run->results[index];
        if (at_line && record->position.line >= at_line)
            break;
        if (record->position.line == line)
            target = record;
        else if (target && same_text(record->item_id, item_id) &&
                 same_text(target->item_id, item_id) && !record->corrects) {
            diag(sink, DIAG_CORRECTION_TARGET, where,
                 "line %u is no longer step %s's latest record (line %u followed it): only the "
                 "latest record of a step can be corrected",
                 line, item_id, record->position.line);
            return NULL;
        }
    }
    const char *problem = !target ? "holds no earlier result of this run"
                          : !same_text(target->item_id, item_id) ? "records another step"
                          : target->corrected_by                 ? "is corrected already"
                                                                 : NULL;
    if (problem) {
        diag(sink, DIAG_CORRECTION_TARGET, where,
             "line %u %s; a correction names the line of "
             "the record it corrects, of the same step",
             line, problem);
        return NULL;
    }
    return target;
}

void record_correction_resolve(struct run *run, struct diag_sink *sink)
{
    for (size_t index = 0; index < run->result_count; index++) {
        struct result_record *record = &run->results[index];
        if (!record->corrects)
            continue;
        if (!record->reason)
            diag(sink, DIAG_CORRECTION_TARGET, record->position, "a correction needs its 'reason'");
        const struct result_record *target = record_correction_target(
            run, record->item_id, record->corrects, record->position.line, record->position, sink);
        if (target)
            ((struct result_record *)target)->corrected_by = record;
    }
}
