/* The findings of an issued audit report, kept beside it as
 * issued/audit-VERSION.findings.yaml (docs/build.md, "Issued documents"):
 * written by golive issue, listed with its SHA-256 in issued/ISSUED, and
 * read by the next version's build to say what changed since. */
#ifndef GOLIVE_MODEL_AUDIT_SNAPSHOT_H
#define GOLIVE_MODEL_AUDIT_SNAPSHOT_H

#include "buffer.h"
#include "diag.h"
#include "model.h"

#define AUDIT_SNAPSHOT_SUFFIX ".findings.yaml"

/* audit_findings_list: every finding of the audit (risks, cleanup, missing
 * items, in file order) in the form a snapshot keeps; count in *count. */
struct snapshot_finding *audit_findings_list(struct arena *arena, const struct audit *audit,
                                             size_t *count);

/* audit_snapshot_format: the snapshot of audit's findings, issued as
 * version on date (YYYY-MM-DD). */
void audit_snapshot_format(struct arena *arena, const struct audit *audit, const char *version,
                           const char *date, struct buffer *out);

/* audit_snapshot_load: when an earlier version of the audit report was
 * issued with a snapshot, reads the latest one into audit->previous,
 * after checking its SHA-256 against the register; a changed or unreadable
 * snapshot is an error, never read. */
void audit_snapshot_load(struct model *model, struct diag_sink *sink);

#endif
