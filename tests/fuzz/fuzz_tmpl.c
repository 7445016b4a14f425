/* libFuzzer target: the template parser and renderer on arbitrary bytes.
 *
 * The input is parsed as a template and rendered over fixed data in every
 * escape mode. It is also the partial "self" (so it may include itself, and
 * through "each", once per list item) and a value in the data (so the
 * escapers see arbitrary bytes). Nothing may crash, leak or hang. */
#include "buffer.h"
#include "diag.h"
#include "node.h"
#include "tmpl.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct node *fuzz_data(const char *text, size_t size)
{
    struct node *root = node_new_mapping();
    node_mapping_set(root, "text", node_new_scalar(text, size, SCALAR_STRING));
    node_mapping_set(root, "name", node_new_string("*ACME* | [x](y) <b>"));
    node_mapping_set(root, "number", node_new_scalar("1.210", 5, SCALAR_FLOAT));
    node_mapping_set(root, "flag", node_new_bool(true));
    node_mapping_set(root, "none", node_new_scalar("~", 1, SCALAR_NULL));
    struct node *list = node_new_sequence();
    for (int index = 0; index < 3; index++) {
        struct node *item = node_new_mapping();
        node_mapping_set(item, "name", node_new_string(index ? "a\nb" : "# x"));
        node_mapping_set(item, "list", node_new_sequence());
        node_sequence_append(list, item);
    }
    node_mapping_set(root, "list", list);
    return root;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    struct node *root = fuzz_data(text, size);
    struct node *partials = node_new_mapping();
    node_mapping_set(partials, "self", node_new_scalar(text, size, SCALAR_STRING));
    node_mapping_set(partials, "each", node_new_string("{{#list}}\n  {{> self}}\n{{/list}}"));
    struct diag_sink *sink = diag_sink_new();
    struct tmpl *loaded =
        tmpl_load_text("fuzz.md", text, size, partials, TMPL_MISSING_PARTIAL_ERROR, sink);
    static const enum tmpl_escape modes[] = {TMPL_ESCAPE_MARKDOWN, TMPL_ESCAPE_HTML,
                                             TMPL_ESCAPE_NONE};
    for (size_t mode = 0; loaded && mode < sizeof modes / sizeof modes[0]; mode++) {
        struct buffer out = {0};
        tmpl_render(loaded, root, modes[mode], &out, sink);
        buffer_free(&out);
    }
    tmpl_free(loaded);
    diag_sink_free(sink);
    node_free(partials);
    node_free(root);
    return 0;
}
