/* Loading the engagement of a run, for golive mark and golive sign. */
#include "recording.h"

#include "file_io.h"
#include "model_load.h"
#include "model_read.h"
#include "node.h"
#include "model_truncation.h"
#include "path.h"
#include "schema_validate.h"
#include "utf8.h"
#include "yaml_load.h"
#include "yaml_scalar.h"
#include "text_check.h"

#include <stdlib.h>
#include <string.h>

/* The project a run names, resolved from the run's folder; NULL after
 * reporting when the run cannot be read. The run's document goes to *run
 * (the caller frees it), for the model to take instead of reading the run
 * again. */
static char *project_of_run(const char *run_path, struct yaml_document **run,
                            struct diag_sink *sink)
{
    struct yaml_document *document =
        yaml_load_file(run_path, source_position_of_file(run_path), sink);
    if (!document) {
        model_note_truncated_run(run_path, sink);
        return NULL;
    }
    const struct node *root = yaml_document_root(document);
    enum input_kind kind;
    char *project = NULL;
    if (schema_detect_kind(root, run_path, &kind, sink) && kind != INPUT_RUN)
        diag(sink, DIAG_WRONG_FILE_KIND, source_position_of_file(run_path),
             "this is %s file, not a run", schema_kind_name(kind));
    else if (kind == INPUT_RUN && !read_view(root, "project"))
        diag(sink, DIAG_MISSING_KEY, node_position(root),
             "this run lacks the required key 'project'");
    else if (kind == INPUT_RUN)
        project = path_join_relative(run_path, read_view(root, "project"));
    if (project)
        *run = document;
    else
        yaml_document_free(document);
    return project;
}

bool recording_load(const char *run_path, struct diag_sink *sink, struct recording *out)
{
    out->model = NULL;
    out->use = NULL;
    struct yaml_document *run = NULL;
    char *project = project_of_run(run_path, &run, sink);
    if (!project)
        return false;
    out->model = model_load_preloaded(project, run, sink);
    free(project);
    if (!out->model || diag_error_count(sink))
        return false;
    out->use = model_find_use_of_run(out->model, run_path);
    if (!out->use) {
        diag(sink, DIAG_RUN_MISMATCH, source_position_of_file(run_path),
             "the project '%s' does not list this run under any checklist's 'run'",
             out->model->project->path);
        return false;
    }
    if (!out->use->checklist)
        return false;
    return true;
}

void recording_free(struct recording *recording)
{
    model_free(recording->model);
    recording->model = NULL;
}

/* A value from the command line passes the same character rules as a file:
 * UTF-8, and no control characters but tab and newline. */
static bool check_characters(const char *text, const char *key, struct diag_sink *sink)
{
    size_t length = strlen(text);
    for (size_t offset = 0; offset < length;) {
        uint32_t code_point;
        size_t used = utf8_decode(text + offset, length - offset, &code_point);
        if (used == 0) {
            diag(sink, DIAG_INVALID_UTF8, (struct source_position){0},
                 "the value of '%s' is not valid UTF-8", key);
            return false;
        }
        if (utf8_is_control(code_point) && code_point != '\t' && code_point != '\n') {
            char description[48];
            text_describe_code_point(code_point, description, sizeof description);
            diag(sink, DIAG_CONTROL_CHARACTER, (struct source_position){0},
                 "the value of '%s' holds %s", key, description);
            return false;
        }
        offset += used;
    }
    return true;
}

bool recording_check_value(const char *text, const char *key, enum field_type type,
                           const char *const *choices, struct diag_sink *sink)
{
    if (!text)
        return true;
    if (!check_characters(text, key, sink))
        return false;
    struct node *value =
        node_new_scalar(text, strlen(text), yaml_resolve_plain(text, strlen(text)));
    bool ok = schema_check_value(value, key, type, choices, sink);
    node_free(value);
    return ok;
}
