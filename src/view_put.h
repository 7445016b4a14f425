/* Putting model values into the view's node tree, already formatted for
 * print: a missing value is left out (so that {{#key}} tests it), times are
 * given as text and in parts, flags as booleans for sections. */
#ifndef GOLIVE_VIEW_PUT_H
#define GOLIVE_VIEW_PUT_H

#include "model.h"
#include "node.h"

#include <stdbool.h>

void put_text(struct node *mapping, const char *key, const char *text);
void put_bool(struct node *mapping, const char *key, bool value);
void put_int(struct node *mapping, const char *key, long long value);
/* put_date: "2026-03-21". */
void put_date(struct node *mapping, const char *key, struct date date);
/* put_timestamp: {text: "2026-03-21 18:00 +01:00", date, time: "18:00",
 * iso: "2026-03-21T18:00:00+01:00"}, in the timestamp's own offset. */
void put_timestamp(struct node *mapping, const char *key, struct timestamp timestamp);
/* put_duration: {text: "1 h 30 min", minutes: 90}. */
void put_duration(struct node *mapping, const char *key, struct duration duration);
/* put_markdown_inline: Markdown text made one line, for a table cell:
 * each line break and the blanks around it become one space (a hard
 * break's backslash is dropped), the ends are trimmed, and a '|' that is
 * not escaped yet gets a backslash, so that it does not end the cell. */
void put_markdown_inline(struct node *mapping, const char *key, const char *text);
void put_text_list(struct node *mapping, const char *key, const struct text_list *list);
/* put_text_joined: the list's texts in one, separator between them and
 * none after the last ("10, 20, 30"); nothing when the list is empty. */
void put_text_joined(struct node *mapping, const char *key, const struct text_list *list,
                     const char *separator);
/* put_mapping / put_list: a new empty one under key, returned for filling. */
struct node *put_mapping(struct node *mapping, const char *key);
struct node *put_list(struct node *mapping, const char *key);
/* append_mapping: a new empty mapping at the end of list, returned. */
struct node *append_mapping(struct node *list);
/* put_flags: key_name: true for the one choice that holds, e.g. the status
 * "in-progress" gives in_progress: true (dashes become underscores). */
void put_flag_for(struct node *mapping, const char *choice);
/* put_flag: the same key, with value. */
void put_flag(struct node *mapping, const char *choice, bool value);

/* view_put_attachments: a record's attachments as "attachments" (path,
 * sha256, short: its first 12 hex digits) and "has_attachments". */
void view_put_attachments(struct node *mapping, const struct result_record *record);

/* view_put_correction: "correction" (line corrected, reason) on a record
 * that corrects another, "corrected" (by the record of line, reason) on a
 * record corrected. */
void view_put_correction(struct node *mapping, const struct result_record *record);

/* view_put_plan: "plan" (the timetable: start, end, duration, steps and
 * alternatives in planned order) and "forecast" (as of the last record)
 * of a checklist whose steps have budgets (view_plan.c). */
void view_put_plan(struct node *mapping, const struct checklist *checklist,
                   const struct project *project);
/* view_put_timeline: "timeline" (rows: label, downtime, planned and actual
 * as "FROM..TO" minutes from the window start or ""; ticks: at, label;
 * window_end, rollback_deadline in minutes) for the timeline directive
 * (view_timeline.c). */
void view_put_timeline(struct node *mapping, const struct checklist *checklist,
                       const struct project *project);
/* view_put_forecast_branch: into the "forecast" view_put_plan put,
 * "planned_end" (*timestamp*: of the main line, or of the branch) and
 * "branch" (title, step, outcome) when a decision chose the branch the
 * window ends with (view_forecast_branch.c). */
void view_put_forecast_branch(struct node *mapping, const struct checklist *checklist,
                              const struct project *project);

/* view_clock_time: a minute offset from the window start as the clock
 * time it is, in the project's zone (view_plan.c). */
struct timestamp view_clock_time(const struct project *project, int64_t minutes);

/* view_put_phase_plan: "phase_plan", each phase on the main line with its
 * planned start and end and, once timed, its actual ones and how much
 * later or earlier it ended (view_plan_phases.c). */
void view_put_phase_plan(struct node *mapping, const struct checklist *checklist,
                         const struct project *project);

/* view_put_rehearsals: "comparison" of a checklist that has rehearsals:
 * columns (each rehearsal's name), phases with their steps, and a total,
 * each row with estimate, cells (each rehearsal's measured), live and
 * difference (view_rehearsal.c). */
void view_put_rehearsals(struct node *mapping, const struct checklist_use *use);

#endif
