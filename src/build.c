/* golive build: load, evaluate, render, typeset, then write everything at
 * once. See build.h. */
#include "build.h"

#include "alloc.h"
#include "buffer.h"
#include "attachment.h"
#include "build_folder.h"
#include "build_words.h"
#include "evaluate.h"
#include "file_io.h"
#include "font_fallback.h"
#include "language.h"
#include "manifest.h"
#include "model_load.h"
#include "model_project.h"
#include "node_dump.h"
#include "path.h"
#include "schema.h"
#include "sha256.h"
#include "tmpl.h"
#include "view.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* An input of the build: for the manifest (its path) and for the
 * fingerprint (a name that does not depend on where things are installed
 * or where the documents are written). */
struct input {
    char *path;
    char *stable_name;
    char sha256[65];
    artifact_set used_by; /* the documents whose fingerprint covers it */
};

struct output {
    char *name;
    struct buffer bytes;
    char sha256[65]; /* of bytes, once they are final */
};

struct build {
    const struct build_options *options;
    struct diag_sink *sink;
    struct model *model;
    struct input *inputs;
    size_t input_count, input_capacity;
    struct output *outputs;
    size_t output_count, output_capacity;
    char fingerprint[FINGERPRINT_LENGTH + 1];                  /* of every input: the manifest's */
    char fingerprints[ARTIFACT_COUNT][FINGERPRINT_LENGTH + 1]; /* each document's own */
    char accent[8];    /* "#RRGGBB", or "" for the typesetter's own */
    char *font_folder; /* data_folder/fonts */
    struct tmpl *templates[ARTIFACT_COUNT];
    char *template_paths[ARTIFACT_COUNT];
    struct date document_date;
    int64_t creation_time;
    struct language language;
    struct typeset_words words;            /* the typesetter's, from the language */
    unsigned faces_used;                   /* the fonts drawn into some PDF (typeset_options) */
    struct typeset_hyphenator *hyphenator; /* the language's patterns, shared by the PDFs */
    struct typeset_fonts *fonts;           /* the font files, read once for all the PDFs */
};

#define EVERY_DOCUMENT ((1u << ARTIFACT_COUNT) - 1u)

static void add_input(struct build *build, const char *path, const char *stable_name,
                      const char *text, size_t length, artifact_set used_by)
{
    for (size_t index = 0; index < build->input_count; index++)
        if (strcmp(build->inputs[index].path, path) == 0) {
            build->inputs[index].used_by |= used_by;
            return;
        }
    build->inputs =
        xgrow(build->inputs, &build->input_capacity, build->input_count + 1, sizeof(struct input));
    struct input *input = &build->inputs[build->input_count++];
    input->path = xstrdup(path);
    input->stable_name = xstrdup(stable_name);
    input->used_by = used_by;
    sha256_hex(text, length, input->sha256);
}

/* The name an input has in the fingerprint: its path from the project's
 * folder, or "golive:templates/NAME" for a shipped template. */
static char *stable_name_of(const struct build *build, const char *path)
{
    char *relative = path_relative(build->model->root, path);
    if (relative && strncmp(relative, "../", 3) != 0)
        return relative;
    free(relative);
    const char *slash = strrchr(path, '/');
    struct buffer name = {0};
    buffer_printf(&name, "golive:templates/%s", slash ? slash + 1 : path);
    return buffer_release(&name);
}

static void add_file_input(struct build *build, const char *path)
{
    char *text;
    size_t length;
    if (!file_read(path, source_position_of_file(path), build->sink, &text, &length))
        return;
    char *stable = stable_name_of(build, path);
    add_input(build, path, stable, text, length, EVERY_DOCUMENT);
    free(stable);
    free(text);
}

/* The documents that print what a run says: those of its checklist entry;
 * the runbook, which shows every checklist's roll-up; and,
 * for each sign-off it holds, the documents that sign-off approves (their
 * approval and DRAFT mark), with the sign-off sheet. */
static artifact_set run_users(const struct project *project, const struct checklist_use *use)
{
    artifact_set users = use->artifacts | 1u << ARTIFACT_RUNBOOK;
    for (size_t index = 0; use->run && index < use->run->signoff_count; index++) {
        const struct signatory *signatory =
            project_find_signatory(project, use->run->signoffs[index].signatory_id);
        users |= (signatory ? signatory->artifacts : 0u) | 1u << ARTIFACT_SIGNOFF;
    }
    return users;
}

/* The documents whose fingerprint covers a source file. The close-out
 * record, which sums up everything, covers every input. */
static artifact_set source_users(const struct model *model, const struct source_file *source)
{
    artifact_set users = 1u << ARTIFACT_CLOSEOUT;
    if (source->kind == INPUT_PROJECT)
        return EVERY_DOCUMENT;
    if (source->kind == INPUT_AUDIT)
        return users | 1u << ARTIFACT_AUDIT;
    for (size_t index = 0; index < model->project->use_count; index++) {
        const struct checklist_use *use = &model->project->uses[index];
        if (use->file_path && path_same_file(use->file_path, source->path))
            users |= use->artifacts | 1u << ARTIFACT_RUNBOOK;
        if (use->run_path && path_same_file(use->run_path, source->path))
            users |= run_users(model->project, use);
        for (size_t rehearsal = 0; rehearsal < use->rehearsal_count; rehearsal++)
            if (use->rehearsals[rehearsal].use.run_path &&
                path_same_file(use->rehearsals[rehearsal].use.run_path, source->path))
                users |= use->artifacts | 1u << ARTIFACT_RUNBOOK;
    }
    return users;
}

/* The register of issued documents: an input of each document it lists
 * (its version history) and of the close-out. */
static void add_register_input(struct build *build)
{
    const struct issued_register *issued = &build->model->issued;
    artifact_set users = 1u << ARTIFACT_CLOSEOUT;
    for (size_t index = 0; index < issued->count; index++)
        for (int artifact = 0; artifact < ARTIFACT_COUNT; artifact++)
            if (strcmp(issued->entries[index].document, schema_artifacts[artifact]) == 0)
                users |= 1u << artifact;
    char *text;
    size_t length;
    if (!file_read(issued->path, source_position_of_file(issued->path), build->sink, &text,
                   &length))
        return;
    char *stable = stable_name_of(build, issued->path);
    add_input(build, issued->path, stable, text, length, users);
    free(stable);
    free(text);
}

static void add_model_inputs(struct build *build)
{
    for (size_t index = 0; index < build->model->source_count; index++) {
        size_t length;
        const struct source_file *source = &build->model->sources[index];
        const char *text = yaml_document_bytes(source->document, &length);
        char *stable = stable_name_of(build, source->path);
        add_input(build, source->path, stable, text, length, source_users(build->model, source));
        free(stable);
    }
    if (build->model->project->logo_path)
        add_file_input(build, build->model->project->logo_path);
    if (file_exists_regular(build->model->issued.path))
        add_register_input(build);
}

static int compare_inputs(const void *left, const void *right)
{
    return strcmp(((const struct input *)left)->stable_name,
                  ((const struct input *)right)->stable_name);
}

/* The font files drawn into some PDF, for the manifest, so that golive
 * verify notices a changed font as it does a changed template. They are
 * golive's own, not the engagement's: no fingerprint covers them (used_by
 * is empty), and the documents print the same fingerprint as before. */
static void add_font_inputs(struct build *build)
{
    for (int face = 0; face < FACE_COUNT; face++) {
        const char *name = font_file_name((enum font_face)face);
        if (!(build->faces_used & 1u << face) || !name)
            continue;
        struct buffer path = {0}, stable = {0};
        buffer_printf(&path, "%s/%s", build->font_folder, name);
        buffer_printf(&stable, "golive:fonts/%s", name);
        char *text;
        size_t length;
        if (file_read(buffer_text(&path), source_position_of_file(buffer_text(&path)), build->sink,
                      &text, &length)) {
            add_input(build, buffer_text(&path), buffer_text(&stable), text, length, 0);
            free(text);
        }
        buffer_free(&path);
        buffer_free(&stable);
    }
    qsort(build->inputs, build->input_count, sizeof(struct input), compare_inputs);
}

/* A fingerprint: the first digits of the SHA-256 over the names and hashes
 * of the inputs used by some document of users, in name order. */
static void fingerprint_of(const struct build *build, artifact_set users,
                           char fingerprint[FINGERPRINT_LENGTH + 1])
{
    struct sha256 hash;
    sha256_init(&hash);
    for (size_t index = 0; index < build->input_count; index++) {
        if (!(build->inputs[index].used_by & users))
            continue;
        sha256_update(&hash, build->inputs[index].sha256, 64);
        sha256_update(&hash, "  ", 2);
        sha256_update(&hash, build->inputs[index].stable_name,
                      strlen(build->inputs[index].stable_name));
        sha256_update(&hash, "\n", 1);
    }
    char hex[65];
    sha256_final(&hash, hex);
    memcpy(fingerprint, hex, FINGERPRINT_LENGTH);
    fingerprint[FINGERPRINT_LENGTH] = '\0';
}

/* The build's fingerprint covers every input (the manifest's); each
 * document's covers the inputs it uses, so that a record a document does
 * not print leaves its bytes as they were. */
static void compute_fingerprint(struct build *build)
{
    qsort(build->inputs, build->input_count, sizeof(struct input), compare_inputs);
    fingerprint_of(build, EVERY_DOCUMENT, build->fingerprint);
    for (int artifact = 0; artifact < ARTIFACT_COUNT; artifact++)
        fingerprint_of(build, 1u << artifact, build->fingerprints[artifact]);
}

/* The documents' date: the project's document date, else the UTC date of
 * SOURCE_DATE_EPOCH, else the window start's date where the window is. The
 * PDFs' creation time: SOURCE_DATE_EPOCH, else that date at 00:00 UTC. */
static void choose_dates(struct build *build)
{
    const struct project *project = build->model->project;
    const struct build_options *options = build->options;
    if (project->document_date.set)
        build->document_date = project->document_date;
    else if (options->has_source_date)
        build->document_date = value_date_of_epoch(options->source_date);
    else
        build->document_date = value_date_of_epoch(project->window_start.epoch +
                                                   project->window_start.offset_minutes * 60);
    struct date date = build->document_date;
    build->creation_time = options->has_source_date
                               ? options->source_date
                               : value_days_from_civil(date.year, date.month, date.day) * 86400;
}

/* The template for a document: the project's own NAME.md when its
 * templates folder has one, else the shipped one. */
static char *template_path(const struct build *build, enum artifact artifact)
{
    struct buffer path = {0};
    const char *overrides = build->model->project->templates_path;
    if (overrides) {
        buffer_printf(&path, "%s/%s.md", overrides, schema_artifacts[artifact]);
        if (file_exists_regular(buffer_text(&path)))
            return buffer_release(&path);
        buffer_truncate(&path, 0);
    }
    buffer_printf(&path, "%s/templates/%s.md", build->options->data_folder,
                  schema_artifacts[artifact]);
    return buffer_release(&path);
}

/* An output named BASE.EXTENSION; base is the artifact's name, or that of
 * its second copy (contacts-client). */
static struct output *add_output(struct build *build, const char *base, const char *extension)
{
    build->outputs = xgrow(build->outputs, &build->output_capacity, build->output_count + 1,
                           sizeof(struct output));
    struct output *output = &build->outputs[build->output_count++];
    struct buffer name = {0};
    buffer_printf(&name, "%s.%s", base, extension);
    output->name = buffer_release(&name);
    output->bytes = (struct buffer){0};
    return output;
}

/* The close-out record lists the documents built before it. */
static struct archived_file *archive_list(const struct build *build)
{
    struct archived_file *archive = xcalloc(build->output_count + 1, sizeof *archive);
    for (size_t index = 0; index < build->output_count; index++) {
        archive[index].name = build->outputs[index].name;
        memcpy(archive[index].sha256, build->outputs[index].sha256, 65);
    }
    return archive;
}

static void seal_output(struct output *output)
{
    sha256_hex(buffer_text(&output->bytes), output->bytes.length, output->sha256);
}

static void typeset_options_for(const struct build *build, bool draft, const char *source_name,
                                struct typeset_options *options, struct buffer *footer)
{
    const struct project *project = build->model->project;
    typeset_options_init(options);
    options->paper = build->options->paper;
    options->subtitle = project->title;
    options->client = project->client_name;
    options->version = project->document_version;
    options->classification = project->classification;
    /* The footer names the engagement's reference, not golive's inner
     * workings: the fingerprint is in each document's control block. */
    if (project->reference)
        buffer_append_text(footer, project->reference);
    options->footer_note = buffer_text(footer);
    options->author = project->consultant_name;
    options->subject = project->title;
    options->creator = "golive";
    options->language = build->language.code;
    options->creation_time = build->creation_time;
    options->source_name = source_name;
    options->base_folder = build->model->root;
    options->font_folder = build->font_folder;
    options->logo_path = project->logo_path;
    options->draft = draft;
    options->words = &build->words;
    options->hyphenator = build->hyphenator;
    options->fonts = build->fonts;
}

/* Whether path is one of the project's own templates (from its templates
 * folder), which must stay inside the project like every other input. */
static bool is_project_template(const struct build *build, const char *path)
{
    const char *overrides = build->model->project->templates_path;
    size_t length = overrides ? strlen(overrides) : 0;
    return overrides && strncmp(path, overrides, length) == 0 && path[length] == '/';
}

/* Loads the template of each document asked for, listing every template
 * and partial read among the inputs. */
static void load_templates(struct build *build, artifact_set artifacts)
{
    for (int artifact = 0; artifact < ARTIFACT_COUNT; artifact++) {
        if (!SET_HAS(artifacts, artifact))
            continue;
        char *path = template_path(build, (enum artifact)artifact);
        struct tmpl *loaded = tmpl_load_file(path, source_position_of_file(path), build->sink);
        build->templates[artifact] = loaded;
        build->template_paths[artifact] = path;
        bool own = is_project_template(build, path);
        for (size_t index = 0; loaded && index < tmpl_source_count(loaded); index++) {
            const char *text;
            size_t length;
            const char *source = tmpl_source(loaded, index, &text, &length);
            if (own && !path_is_inside(source, build->model->root)) {
                diag(build->sink, DIAG_PATH_OUTSIDE, source_position_of_file(source),
                     "this template is a link to a file outside the project's folder '%s'; "
                     "golive reads only files inside it",
                     build->model->root);
                continue;
            }
            char *stable = stable_name_of(build, source);
            add_input(build, source, stable, text, length, 1u << artifact);
            free(stable);
        }
    }
}

/* Whether a note's Markdown writes url as a link or image destination. */
static bool note_cites(const char *note, const char *url)
{
    size_t length = strlen(url);
    for (const char *at = strstr(note, url); length && at; at = strstr(at + 1, url))
        if (at > note && (at[-1] == '(' || at[-1] == '<') && at[length] != '\0' &&
            strchr(")> \t\"'", at[length]))
            return true;
    return false;
}

/* Where a run's note wrote an image's URL: its record's line in the run
 * file, so that a warning about the image points where the user can fix it
 * (typeset_options.image_origin). */
static struct source_position note_image_origin(void *context, const char *url)
{
    const struct project *project = context;
    for (size_t use = 0; use < project->use_count; use++) {
        const struct run *run = project->uses[use].run;
        for (size_t index = 0; run && index < run->result_count; index++)
            if (run->results[index].note && note_cites(run->results[index].note, url))
                return run->results[index].position;
        for (size_t index = 0; run && index < run->signoff_count; index++)
            if (run->signoffs[index].note && note_cites(run->signoffs[index].note, url))
                return run->signoffs[index].position;
    }
    return (struct source_position){0};
}

static void typeset(struct build *build, enum artifact artifact, const char *base,
                    const struct buffer *markdown, bool draft)
{
    struct typeset_options options;
    struct buffer footer = {0};
    typeset_options_for(build, draft, build->template_paths[artifact], &options, &footer);
    options.accent_colour = build->accent[0] ? build->accent : NULL;
    struct output *pdf = add_output(build, base, "pdf");
    options.output_name = pdf->name;
    options.faces_used = &build->faces_used;
    options.image_origin = note_image_origin;
    options.image_origin_context = build->model->project;
    typeset_pdf(buffer_text(markdown), markdown->length, &options, &pdf->bytes, build->sink);
    seal_output(pdf);
    buffer_free(&footer);
}

/* Renders one document from its template, then typesets it, as base.md
 * and base.pdf. */
static void render_document(struct build *build, struct node *view, enum artifact artifact,
                            const char *base)
{
    struct buffer markdown = {0};
    if (tmpl_render(build->templates[artifact], view, TMPL_ESCAPE_MARKDOWN, &markdown,
                    build->sink)) {
        bool draft = build->model->project->approvals[artifact].draft;
        if (build->options->markdown) {
            struct output *md = add_output(build, base, "md");
            buffer_append(&md->bytes, buffer_text(&markdown), markdown.length);
            seal_output(md);
        }
        /* No watermark runs across the blocks a client signs in ink: the
         * sign-off sheet says it is a draft in its own words. */
        if (build->options->pdf)
            typeset(build, artifact, base, &markdown, draft && artifact != ARTIFACT_SIGNOFF);
    }
    buffer_free(&markdown);
}

/* One document; the contacts sheet also as the client's copy when some
 * entries are private (consultancy-internal numbers, for instance). */
static void build_artifact(struct build *build, struct node *view, enum artifact artifact)
{
    struct archived_file *archive = artifact == ARTIFACT_CLOSEOUT ? archive_list(build) : NULL;
    view_set_artifact(view, build->model, artifact, archive, archive ? build->output_count : 0);
    free(archive);
    struct node *facts = (struct node *)node_mapping_find(view, "build");
    if (facts)
        node_mapping_set(facts, "fingerprint", node_new_string(build->fingerprints[artifact]));
    if (artifact != ARTIFACT_CONTACTS) {
        render_document(build, view, artifact, schema_artifacts[artifact]);
        return;
    }
    view_put_contacts_copy(view, build->model, false);
    render_document(build, view, artifact, schema_artifacts[artifact]);
    if (node_scalar_is_true(node_mapping_find(view, "has_private_contacts"))) {
        view_put_contacts_copy(view, build->model, true);
        render_document(build, view, artifact, "contacts-client");
        view_put_contacts_copy(view, build->model, false);
    }
}

/* The documents to build: those asked for, each of which the project must
 * list (its inputs were checked for those only). */
static artifact_set requested_artifacts(struct build *build)
{
    artifact_set listed = build->model->project->artifacts;
    artifact_set only = build->options->only ? build->options->only : listed;
    for (int artifact = 0; artifact < ARTIFACT_COUNT; artifact++)
        if (SET_HAS(only, artifact) && !SET_HAS(listed, artifact))
            diag(build->sink, DIAG_ARTIFACT_NEEDS_INPUT,
                 source_position_of_file(build->model->project->path),
                 "'%s' is not among the project's artifacts; add it there to build it",
                 schema_artifacts[artifact]);
    return only & listed;
}

static void format_manifest(const struct build *build, struct buffer *out)
{
    struct manifest manifest = {0};
    manifest.version = (char *)build->options->version;
    memcpy(manifest.fingerprint, build->fingerprint, sizeof manifest.fingerprint);
    /* Relative paths, so that a copy of the project with its archive, or
     * the archive alone, still verifies (docs/build.md). */
    char *project = path_relative(build->options->output_folder, build->model->root);
    manifest.project = project ? project : xstrdup(build->model->root);
    size_t length = strlen(manifest.project);
    if (length > 1 && manifest.project[length - 1] == '/')
        manifest.project[length - 1] = '\0';
    for (size_t index = 0; index < build->input_count; index++) {
        const struct input *input = &build->inputs[index];
        /* golive's own files by their path within its data folder. */
        char *within = strncmp(input->stable_name, "golive:", 7) == 0
                           ? path_relative(build->options->data_folder, input->path)
                           : NULL;
        struct buffer name = {0};
        if (within && strncmp(within, "../", 3) != 0)
            buffer_printf(&name, "golive:%s", within);
        else
            buffer_append_text(&name, input->stable_name);
        manifest_add_input_hash(&manifest, buffer_text(&name), input->sha256);
        buffer_free(&name);
        free(within);
    }
    for (size_t index = 0; index < build->output_count; index++)
        manifest_add_output_hash(&manifest, build->outputs[index].name,
                                 build->outputs[index].sha256);
    manifest_format(&manifest, out);
    manifest.version = NULL; /* not ours to free */
    manifest_free(&manifest);
}

/* The folder is checked before anything is written; every file is staged
 * first, and only when all are staged are they renamed (see
 * file_batch_commit and docs/build.md). */
static bool write_outputs(const struct build *build)
{
    const char *folder = build->options->output_folder;
    const char **names = xcalloc(build->output_count + 1, sizeof(char *));
    for (size_t index = 0; index < build->output_count; index++)
        names[index] = build->outputs[index].name;
    names[build->output_count] = MANIFEST_NAME;
    struct build_folder *target =
        build_folder_open(folder, names, build->output_count + 1, build->sink);
    free(names);
    if (!target || !build_folder_prepare(target, build->sink)) {
        build_folder_close(target, false);
        return false;
    }
    struct buffer manifest = {0};
    format_manifest(build, &manifest);
    struct file_batch *batch = file_batch_new();
    file_batch_journal(batch, folder);
    bool ok = true;
    for (size_t index = 0; ok && index <= build->output_count; index++) {
        bool last = index == build->output_count;
        struct buffer path = {0};
        buffer_printf(&path, "%s/%s", folder, last ? MANIFEST_NAME : build->outputs[index].name);
        const struct buffer *bytes = last ? &manifest : &build->outputs[index].bytes;
        ok = file_batch_stage(batch, buffer_text(&path), buffer_text(bytes), bytes->length,
                              build->sink);
        buffer_free(&path);
    }
    ok = ok && file_batch_commit(batch, build->sink);
    file_batch_free(batch);
    build_folder_close(target, ok);
    buffer_free(&manifest);
    return ok;
}

/* The language: --language, else the project's, else English; its
 * catalogs count among the inputs. */
static bool load_language(struct build *build)
{
    const struct project *project = build->model->project;
    const struct build_options *options = build->options;
    struct buffer shipped = {0}, own = {0};
    buffer_printf(&shipped, "%s/templates/lang", options->data_folder);
    if (project->templates_path)
        buffer_printf(&own, "%s/lang", project->templates_path);
    struct language_request request = {
        .code = options->language ? options->language : project->language,
        .code_position =
            options->language ? source_position_of_file(NULL) : project->language_position,
        .shipped_folder = buffer_text(&shipped),
        .project_folder = project->templates_path ? buffer_text(&own) : NULL,
        .words = &project->words,
        .word_positions = project->word_positions,
    };
    bool ok = language_load(&build->language, &request, build->sink);
    buffer_free(&shipped);
    buffer_free(&own);
    for (int which = 0; ok && which < 2; which++)
        if (build->language.paths[which])
            add_file_input(build, build->language.paths[which]);
    if (ok) {
        build->words = build_words(&build->language);
        build->hyphenator = typeset_hyphenator_new(build->language.code);
        build->fonts = typeset_fonts_new();
    }
    return ok;
}

static void build_free(struct build *build)
{
    for (size_t index = 0; index < build->input_count; index++) {
        free(build->inputs[index].path);
        free(build->inputs[index].stable_name);
    }
    for (size_t index = 0; index < build->output_count; index++) {
        free(build->outputs[index].name);
        buffer_free(&build->outputs[index].bytes);
    }
    for (int artifact = 0; artifact < ARTIFACT_COUNT; artifact++) {
        tmpl_free(build->templates[artifact]);
        free(build->template_paths[artifact]);
    }
    free(build->inputs);
    free(build->outputs);
    free(build->font_folder);
    language_free(&build->language);
    typeset_hyphenator_free(build->hyphenator);
    typeset_fonts_free(build->fonts);
    model_free(build->model);
}

/* Renders every document in order, the close-out record last so that it
 * can list the others with their SHA-256. */
static void render_all(struct build *build, artifact_set artifacts)
{
    struct view_options view_options = {build->document_date, build->fingerprint,
                                        build->options->version, build->language.words};
    struct node *view = view_build(build->model, &view_options);
    for (int artifact = 0; artifact < ARTIFACT_COUNT; artifact++)
        if (SET_HAS(artifacts, artifact) && build->templates[artifact])
            build_artifact(build, view, (enum artifact)artifact);
    node_free(view);
}

/* --dump view: the data a template sees, as the first document would. */
static void dump_view(struct build *build, struct buffer *out)
{
    struct view_options view_options = {build->document_date, build->fingerprint,
                                        build->options->version, build->language.words};
    struct node *view = view_build(build->model, &view_options);
    node_dump_yaml(view, out);
    node_free(view);
}

bool build_engagement(const struct build_options *options, struct diag_sink *sink)
{
    struct build build = {.options = options, .sink = sink};
    struct buffer fonts = {0};
    buffer_printf(&fonts, "%s/fonts", options->data_folder);
    build.font_folder = buffer_release(&fonts);
    build.model = model_load(options->project_path, sink);
    bool ok = false;
    if (!build.model || diag_error_count(sink))
        goto cleanup;
    attachment_report(build.model, false, sink);
    evaluate_model(build.model, sink);
    const struct colour *accent = &build.model->project->accent;
    if (accent->set)
        snprintf(build.accent, sizeof build.accent, "#%02X%02X%02X", accent->red, accent->green,
                 accent->blue);
    choose_dates(&build);
    artifact_set artifacts = requested_artifacts(&build);
    add_model_inputs(&build);
    if (!load_language(&build))
        goto cleanup;
    if (options->dump_view) {
        /* The data does not need the templates; they count in the
         * fingerprint when they can be read. */
        struct diag_sink *quiet = diag_sink_new();
        build.sink = quiet;
        load_templates(&build, artifacts);
        build.sink = sink;
        diag_sink_free(quiet);
        compute_fingerprint(&build);
        dump_view(&build, options->dump_view);
        ok = !diag_error_count(sink);
        goto cleanup;
    }
    load_templates(&build, artifacts);
    if (diag_error_count(sink))
        goto cleanup;
    compute_fingerprint(&build);
    render_all(&build, artifacts);
    add_font_inputs(&build);
    ok = !diag_error_count(sink) && write_outputs(&build);
    if (ok && options->summary) {
        options->summary->files = build.output_count;
        memcpy(options->summary->fingerprint, build.fingerprint, sizeof build.fingerprint);
    }
cleanup:
    build_free(&build);
    return ok;
}
