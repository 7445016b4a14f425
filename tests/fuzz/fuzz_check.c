/* libFuzzer target: a YAML text through the whole single-file check: kind
 * detection, schema validation and the checklist, run and audit builders.
 * It must never crash, leak or hang. */
#include "diag.h"
#include "model_audit.h"
#include "model_checklist.h"
#include "model_run.h"
#include "schema_validate.h"
#include "yaml_load.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct diag_sink *sink = diag_sink_new();
    struct yaml_document *document = yaml_load_text("fuzz.yaml", (const char *)data, size, sink);
    enum input_kind kind;
    if (document && schema_detect_kind(yaml_document_root(document), "fuzz.yaml", &kind, sink)) {
        const struct node *root = yaml_document_root(document);
        schema_validate(root, schema_for_kind(kind), sink);
        struct arena *arena = arena_new();
        if (kind == INPUT_CHECKLIST)
            checklist_build(arena, root, "fuzz.yaml", sink);
        else if (kind == INPUT_AUDIT)
            audit_build(arena, root, "fuzz.yaml");
        else if (kind == INPUT_RUN)
            run_build(arena, root, "fuzz.yaml");
        arena_free(arena);
    }
    yaml_document_free(document);
    diag_sink_free(sink);
    return 0;
}
