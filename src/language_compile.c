/* The generator of language_compiled_data.c: the shipped catalogs as C
 * data (language_compiled.h), each read by golive's own loader. Run by the
 * build (src/CMakeLists.txt), never installed.
 *
 * Usage: golive_language_compile OUTPUT.c REFERENCE.yaml [CATALOG.yaml...]
 * A catalog that golive would refuse stops the build with its
 * diagnostics. */
#include "alloc.h"
#include "buffer.h"
#include "diag.h"
#include "file_io.h"
#include "language_catalog.h"
#include "yaml_load.h"

#include <stdio.h>
#include <stdlib.h>

struct catalog {
    char *bytes;
    size_t length;
    struct yaml_document *document;
    struct node *root;
};

static bool read_catalog(struct catalog *catalog, const char *path, struct diag_sink *sink)
{
    if (!file_read(path, source_position_of_file(NULL), sink, &catalog->bytes, &catalog->length))
        return false;
    catalog->root =
        language_catalog_parse(path, catalog->bytes, catalog->length, &catalog->document, sink);
    return catalog->root != NULL;
}

/* An array of bytes; C has no empty arrays, so none is empty. */
static void put_bytes(struct buffer *out, const char *name, size_t which, const void *data,
                      size_t length)
{
    const unsigned char *bytes = data;
    buffer_printf(out, "static const unsigned char %s_%zu[] = {", name, which);
    for (size_t index = 0; index < length; index++)
        buffer_printf(out, "%s%u,", index % 16 ? " " : "\n    ", bytes[index]);
    buffer_printf(out, "%s};\n\n", length ? "\n" : "0");
}

static void put_scalar(struct buffer *out, struct buffer *text, const struct node *scalar)
{
    struct source_position position = node_position(scalar);
    buffer_printf(out, "    {%zu, %zu, %u, %u, %d},\n", text->length, node_scalar_length(scalar),
                  position.line, position.column, (int)node_scalar_type(scalar));
    buffer_append(text, node_scalar_text(scalar), node_scalar_length(scalar) + 1);
}

/* The catalog's file bytes, texts and scalars; the pool of texts is
 * written after the scalars that point into it are known. */
static void put_catalog(struct buffer *out, const struct catalog *catalog, size_t which)
{
    struct buffer scalars = {0}, text = {0};
    for (size_t index = 0; index < node_count(catalog->root); index++) {
        put_scalar(&scalars, &text, node_mapping_key(catalog->root, index));
        put_scalar(&scalars, &text, node_mapping_value(catalog->root, index));
    }
    put_bytes(out, "bytes", which, catalog->bytes, catalog->length);
    put_bytes(out, "text", which, text.data, text.length);
    buffer_printf(out, "static const struct language_compiled_scalar scalars_%zu[] = {\n%s%s};\n\n",
                  which, buffer_text(&scalars), scalars.length ? "" : "    {0},\n");
    buffer_free(&scalars);
    buffer_free(&text);
}

static void put_entry(struct buffer *out, const struct catalog *catalogs, size_t which)
{
    struct diag_sink *quiet = diag_sink_new();
    const struct catalog *catalog = &catalogs[which];
    bool same_keys = language_catalog_check_keys(catalogs[0].root, catalog->root, quiet);
    struct source_position position = node_position(catalog->root);
    buffer_printf(out, "    {bytes_%zu, %zu, text_%zu, scalars_%zu, %zu, %u, %u, %s},\n", which,
                  catalog->length, which, which, 2 * node_count(catalog->root), position.line,
                  position.column, same_keys ? "true" : "false");
    diag_sink_free(quiet);
}

static void write_source(struct buffer *out, const struct catalog *catalogs, size_t count)
{
    buffer_printf(out, "/* Written by golive_language_compile (src/language_compile.c) from the\n"
                       " * shipped catalogs: do not edit. */\n"
                       "#include \"language_compiled.h\"\n\n");
    for (size_t which = 0; which < count; which++)
        put_catalog(out, &catalogs[which], which);
    buffer_printf(out, "const struct language_compiled_catalog language_compiled_catalogs[] = {\n");
    for (size_t which = 0; which < count; which++)
        put_entry(out, catalogs, which);
    buffer_printf(out, "};\n\nconst size_t language_compiled_catalog_count = %zu;\n", count);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr,
                "usage: golive_language_compile OUTPUT.c REFERENCE.yaml [CATALOG.yaml...]\n");
        return 2;
    }
    size_t count = (size_t)argc - 2;
    struct catalog *catalogs = xcalloc(count, sizeof *catalogs);
    struct diag_sink *sink = diag_sink_new();
    bool ok = true;
    for (size_t which = 0; ok && which < count; which++)
        ok = read_catalog(&catalogs[which], argv[which + 2], sink);
    struct buffer out = {0};
    if (ok) {
        write_source(&out, catalogs, count);
        ok = file_write_atomic(argv[1], out.data, out.length, sink);
    }
    diag_print(sink, stderr);
    for (size_t which = 0; which < count; which++) {
        node_free(catalogs[which].root);
        yaml_document_free(catalogs[which].document);
        free(catalogs[which].bytes);
    }
    free(catalogs);
    buffer_free(&out);
    diag_sink_free(sink);
    return ok ? 0 : 1;
}
