/* golive build: the engagement's documents in Markdown and PDF, and the
 * manifest beside them.
 *
 * Everything is loaded, validated, evaluated, rendered and typeset in
 * memory first; only then are the files written, each to a temporary file
 * in the output folder, and renamed into place together. On any error no
 * file in the output folder changes. */
#ifndef GOLIVE_BUILD_H
#define GOLIVE_BUILD_H

#include "buffer.h"
#include "diag.h"
#include "model.h"
#include "typeset.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct build_options {
    const char *project_path;
    const char *output_folder;
    artifact_set only;  /* the documents asked for; the project's when 0 */
    bool markdown, pdf; /* the formats to write */
    enum typeset_paper paper;
    bool has_source_date;          /* SOURCE_DATE_EPOCH was given */
    int64_t source_date;           /* its value [s since 1970-01-01 UTC] */
    const char *data_folder;       /* the shipped templates/ and fonts/ */
    const char *version;           /* golive's version, for the manifest */
    const char *language;          /* --language, over the project's; or NULL */
    struct buffer *dump_view;      /* when set: the view as YAML goes here, nothing is written */
    struct build_summary *summary; /* when set: filled in when the files were written */
};

/* What a successful build wrote, for the command's one-line summary. */
struct build_summary {
    size_t files; /* documents written, not counting MANIFEST */
    char fingerprint[13];
};

/* build_engagement: does the whole build; reports every problem to sink.
 * Returns true when the files were written. */
bool build_engagement(const struct build_options *options, struct diag_sink *sink);

#endif
