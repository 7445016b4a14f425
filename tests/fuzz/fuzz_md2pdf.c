/* libFuzzer target: any bytes as Markdown through the whole typesetter,
 * layout and PDF. Nothing may crash, leak or hang; the output is thrown
 * away. Images resolve in a folder that holds none. */
#include "buffer.h"
#include "diag.h"
#include "typeset.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct typeset_options options;
    typeset_options_init(&options);
    options.source_name = "fuzz.md";
    options.base_folder = "/nonexistent";
    options.title = "Fuzz";
    options.client = "Zürich Ölwerke AG";
    options.version = "1.0";
    options.footer_note = "fuzz";
    struct diag_sink *sink = diag_sink_new();
    struct buffer pdf = {0};
    typeset_pdf((const char *)data, size, &options, &pdf, sink);
    buffer_free(&pdf);
    diag_sink_free(sink);
    return 0;
}
