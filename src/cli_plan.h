/* golive plan's parts: the proposal (cli_plan_propose.c) and the command
 * that shows it as a diff and writes it back (cli_plan.c). */
#ifndef GOLIVE_CLI_PLAN_H
#define GOLIVE_CLI_PLAN_H

#include "diag.h"
#include "model.h"

#include <stdbool.h>
#include <stddef.h>

/* The budget golive plan proposes for one phase or step of the checklist
 * file. */
struct plan_entry {
    const char *what; /* "phase" or "step" */
    const char *id;
    struct duration measured; /* in the rehearsal; unset: not measured */
    struct duration proposed; /* measured plus the margin, rounded up to 5 minutes */
    bool has_line;            /* the file writes a budget for it */
    size_t start, end;        /* the bytes of its budget value, quotes included */
    unsigned line;            /* 1-based */
    bool inserts;             /* measured, no budget line: one is added at start (== end) */
    bool flow;                /* added into a flow mapping, before its closing brace */
    unsigned indent;          /* else on a line of its own, indented as its sibling keys */
    bool changes;             /* measured, and the proposal changes or adds its budget */
    size_t order;             /* where it is written: its budget value or insertion, else its id */
};

struct plan_proposal {
    struct plan_entry *entries; /* in file order */
    size_t count;
    size_t changes; /* entries that change */
};

/* plan_round_up: minutes plus margin percent, rounded up to a multiple of
 * 5 minutes, at least 5 (docs/rules.md, "Planning from a rehearsal"). */
int64_t plan_round_up(int64_t minutes, int margin);

/* plan_format_budget: minutes as a budget is written: "45m", "2h", "1h10m". */
void plan_format_budget(int64_t minutes, char *out, size_t size);

/* plan_propose: the proposal for checklist file text[0..length) (path for
 * messages) from the rehearsal measured, a checklist evaluated against
 * that rehearsal's run. Returns false, after reporting, when the text no
 * longer parses. Free with plan_proposal_free. */
bool plan_propose(const char *path, const char *text, size_t length,
                  const struct checklist *measured, int margin, struct plan_proposal *out,
                  struct diag_sink *sink);
void plan_proposal_free(struct plan_proposal *proposal);

struct buffer;

/* plan_apply: text[from..to) with every change of the proposal inside it,
 * appended to out (cli_plan_write.c). */
void plan_apply(const struct plan_proposal *proposal, const char *text, size_t from, size_t to,
                struct buffer *out);

/* plan_write: writes path (named written in messages) as text with the
 * proposal applied, unless the file no longer holds exactly
 * text[0..length): then nothing is written (DIAG_PLAN_FILE_CHANGED).
 * Returns whether it was written. */
bool plan_write(const char *path, const char *written, const struct plan_proposal *proposal,
                const char *text, size_t length, struct diag_sink *sink);

#endif
