/* Building the view and pointing it at the document being rendered. */
#include "view.h"

#include "schema.h"
#include "view_put.h"

#include <string.h>

struct node *view_build(const struct model *model, const struct view_options *options)
{
    struct node *view = node_new_mapping();
    view_put_project(view, model, options);
    view_put_checklists(view, model);
    view_put_audit(view, model->audit, model->project);
    view_put_closeout(view, model);
    view_put_conditions(view, model->project);
    view_put_language(view, options->words);
    return view;
}

/* Points the view at one document; its draft flag is the evaluator's
 * (struct approval_state). */
void view_set_artifact(struct node *view, const struct model *model, enum artifact artifact,
                       const struct archived_file *archive, size_t archive_count)
{
    const struct approval_state *approval = &model->project->approvals[artifact];
    if (artifact == ARTIFACT_SIGNOFF)
        approval = &model->project->approval_all;
    struct node *current = put_mapping(view, "artifact");
    put_text(current, "name", schema_artifacts[artifact]);
    put_flag_for(current, schema_artifacts[artifact]);
    put_bool(current, "draft", approval->draft);
    view_put_approval(put_mapping(current, "approval"), approval);
    view_put_issued(current, model, artifact);
    if (artifact != ARTIFACT_CLOSEOUT)
        return;
    struct node *closeout = node_mapping_find(view, "closeout");
    struct node *list = put_list(closeout, "archive");
    for (size_t index = 0; index < archive_count; index++) {
        struct node *entry = append_mapping(list);
        put_text(entry, "name", archive[index].name);
        put_text(entry, "sha256", archive[index].sha256);
        char short_hash[13];
        memcpy(short_hash, archive[index].sha256, 12);
        short_hash[12] = '\0';
        put_text(entry, "sha256_short", short_hash);
    }
    put_bool(closeout, "has_archive", archive_count > 0);
}
