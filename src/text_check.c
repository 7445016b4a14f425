/* Character-level checks on input text: UTF-8 validity, control characters. */
#include "text_check.h"

#include "utf8.h"

#include <stdio.h>

void text_describe_code_point(unsigned long code_point, char *out, size_t size)
{
    const char *name = NULL;
    switch (code_point) {
    case 0x00: name = "NUL"; break;
    case 0x07: name = "bell"; break;
    case 0x08: name = "backspace"; break;
    case 0x0B: name = "vertical tab"; break;
    case 0x0C: name = "form feed"; break;
    case 0x0D: name = "carriage return"; break;
    case 0x1B: name = "escape"; break;
    case 0x7F: name = "delete"; break;
    default: break;
    }
    if (name)
        snprintf(out, size, "%s (U+%04lX)", name, code_point);
    else
        snprintf(out, size, "control character U+%04lX", code_point);
}

bool text_check(const char *name, const char *text, size_t length, struct diag_sink *sink)
{
    struct source_position position = {name, 1, 1};
    size_t offset = 0;
    while (offset < length) {
        unsigned char byte = (unsigned char)text[offset];
        if (byte >= 0x20 && byte < 0x7F) { /* printable ASCII: most of any file */
            position.column++;
            offset++;
            continue;
        }
        uint32_t code_point;
        size_t used = utf8_decode(text + offset, length - offset, &code_point);
        if (used == 0) {
            diag(sink, DIAG_INVALID_UTF8, position,
                 "invalid UTF-8 byte 0x%02X; the file must be saved as UTF-8",
                 (unsigned char)text[offset]);
            return false;
        }
        bool line_end = code_point == '\n' ||
                        (code_point == '\r' && offset + 1 < length && text[offset + 1] == '\n');
        if (utf8_is_control(code_point) && code_point != '\t' && !line_end) {
            char description[48];
            text_describe_code_point(code_point, description, sizeof description);
            diag(sink, DIAG_CONTROL_CHARACTER, position, "%s is not allowed in the text",
                 description);
            return false;
        }
        if (code_point == '\n') {
            position.line++;
            position.column = 1;
        } else if (code_point != '\r') {
            position.column++;
        }
        offset += used;
    }
    return true;
}
