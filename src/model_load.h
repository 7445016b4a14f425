/* Loading an engagement: the project file and every file it names, each
 * validated against its schema, built into the model and cross-checked.
 * Also what `golive check` does for a single file of any kind. */
#ifndef GOLIVE_MODEL_LOAD_H
#define GOLIVE_MODEL_LOAD_H

#include "diag.h"
#include "model.h"
#include "yaml_load.h"

/* model_load: loads the project at path and everything it names, reporting
 * every problem to sink. Returns NULL when the project file itself cannot be
 * read or is not a project; otherwise a model, which is complete and
 * trustworthy only when no error was reported. */
struct model *model_load(const char *path, struct diag_sink *sink);
/* model_load_preloaded: the same, with a file the caller has loaded already
 * (a project or a run; owned from here on, freed with the model or at once
 * if unused) taken instead of reading that file a second time. */
struct model *model_load_preloaded(const char *path, struct yaml_document *preloaded,
                                   struct diag_sink *sink);
void model_free(struct model *model);

/* model_check_project: validates one file of any kind (a project with all
 * it names; a run within its project; a checklist or audit on its own),
 * and for a project file keeps the
 * model when it loaded without errors (the caller evaluates it, for the
 * warnings evaluation gives, and frees it); NULL for other files. */
struct model *model_check_project(const char *path, struct diag_sink *sink);

/* model_find_use: the project's checklist entry whose run file is run_path,
 * or NULL. */
const struct checklist_use *model_find_use_of_run(const struct model *model, const char *run_path);

#endif
