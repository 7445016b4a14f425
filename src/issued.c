/* Reading the register of issued documents (issued.h). */
#include "issued.h"

#include "alloc.h"
#include "buffer.h"
#include "file_io.h"

#include <stdlib.h>
#include <string.h>

static bool is_hex64(const char *text)
{
    if (strlen(text) != 64)
        return false;
    for (const char *at = text; *at; at++)
        if (!((*at >= '0' && *at <= '9') || (*at >= 'a' && *at <= 'f')))
            return false;
    return true;
}

/* One line: five fields separated by single spaces. */
static bool parse_line(char *line, struct issued_entry *entry)
{
    char *fields[5];
    size_t count = 0;
    for (char *field = line; field && count < 5; count++) {
        fields[count] = field;
        char *space = strchr(field, ' ');
        if (space)
            *space = '\0';
        field = space ? space + 1 : NULL;
        if (count == 4 && space)
            return false;
    }
    if (count != 5 || !is_hex64(fields[3]) || strchr(fields[4], '/') || fields[4][0] == '.')
        return false;
    entry->document = xstrdup(fields[0]);
    entry->version = xstrdup(fields[1]);
    entry->date = xstrdup(fields[2]);
    memcpy(entry->sha256, fields[3], 65);
    entry->file = xstrdup(fields[4]);
    return true;
}

bool issued_load(const char *root, struct issued_register *out, struct diag_sink *sink)
{
    memset(out, 0, sizeof *out);
    struct buffer path = {0};
    buffer_printf(&path, "%s/%s/%s", root, ISSUED_FOLDER, ISSUED_REGISTER);
    out->path = buffer_release(&path);
    if (!file_exists_regular(out->path))
        return true;
    char *text;
    size_t length;
    if (!file_read(out->path, source_position_of_file(out->path), sink, &text, &length))
        return false;
    bool ok = true;
    unsigned number = 0;
    for (char *line = text, *next; ok && line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        number++;
        if (line[0] == '#' || line[0] == '\0')
            continue;
        struct issued_entry entry = {.line = number};
        ok = parse_line(line, &entry);
        if (!ok) {
            diag(sink, DIAG_ISSUED_MALFORMED, (struct source_position){out->path, number, 1},
                 "this line is not 'DOCUMENT VERSION DATE SHA-256 FILE'");
            break;
        }
        out->entries = xgrow(out->entries, &out->capacity, out->count + 1, sizeof entry);
        out->entries[out->count++] = entry;
    }
    free(text);
    return ok;
}

void issued_free(struct issued_register *issued)
{
    for (size_t index = 0; index < issued->count; index++) {
        struct issued_entry *entry = &issued->entries[index];
        free(entry->document);
        free(entry->version);
        free(entry->date);
        free(entry->file);
    }
    free(issued->entries);
    free(issued->path);
    memset(issued, 0, sizeof *issued);
}

const struct issued_entry *issued_find(const struct issued_register *issued, const char *file)
{
    for (size_t index = 0; index < issued->count; index++)
        if (strcmp(issued->entries[index].file, file) == 0)
            return &issued->entries[index];
    return NULL;
}
