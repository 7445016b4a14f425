/* Building the audit findings from their validated tree. */
#ifndef GOLIVE_MODEL_AUDIT_H
#define GOLIVE_MODEL_AUDIT_H

#include "arena.h"
#include "diag.h"
#include "model.h"
#include "node.h"

/* audit_build: always returns the findings, complete as far as the input
 * allows. */
struct audit *audit_build(struct arena *arena, const struct node *root, const char *path);

/* audit_resolve: reports auditor and risk owners that are not people of the
 * project. root is the audit's tree (for positions). */
void audit_resolve(const struct audit *audit, const struct node *root,
                   const struct project *project, struct diag_sink *sink);

#endif
