/* libFuzzer target: the Python literal parser (Odoo manifests) on arbitrary
 * bytes. It must never crash, leak or hang, whatever the input. */
#include "diag.h"
#include "node.h"
#include "python_literal.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct diag_sink *sink = diag_sink_new();
    node_free(python_literal_parse("__manifest__.py", (const char *)data, size, sink));
    diag_sink_free(sink);
    return 0;
}
