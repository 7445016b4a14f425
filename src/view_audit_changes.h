/* The view of the re-audit: what changed in the findings since the audit
 * report's last issued version, as audit.changes_since in the template
 * data (docs/templates.md). */
#ifndef GOLIVE_VIEW_AUDIT_CHANGES_H
#define GOLIVE_VIEW_AUDIT_CHANGES_H

#include "model.h"
#include "node.h"

/* view_put_audit_changes: puts has_changes_since, and changes_since when an
 * earlier version was issued. */
void view_put_audit_changes(struct node *audit_view, const struct audit *audit);

#endif
