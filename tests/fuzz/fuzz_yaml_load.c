/* libFuzzer target: the YAML loader on arbitrary bytes. It must never
 * crash, leak or hang, whatever the input. */
#include "diag.h"
#include "yaml_load.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct diag_sink *sink = diag_sink_new();
    struct yaml_document *document = yaml_load_text("fuzz.yaml", (const char *)data, size, sink);
    yaml_document_free(document);
    diag_sink_free(sink);
    return 0;
}
