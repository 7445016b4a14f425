/* The sheet code of a checklist of an engagement (view_sheet_code.h). */
#include "view_sheet_code.h"

#include "sha256.h"

#include <string.h>

/* Up to three ASCII letters or digits of name, in capitals. */
static size_t engagement_letters(const char *name, char *out)
{
    size_t count = 0;
    for (const char *at = name ? name : ""; *at && count < 3; at++) {
        char letter = *at;
        if (letter >= 'a' && letter <= 'z')
            letter = (char)(letter - 'a' + 'A');
        if ((letter >= 'A' && letter <= 'Z') || (letter >= '0' && letter <= '9'))
            out[count++] = letter;
    }
    return count;
}

static void hash_text(struct sha256 *hash, const char *text)
{
    if (text)
        sha256_update(hash, text, strlen(text));
    sha256_update(hash, "\n", 1);
}

void view_sheet_code(const struct project *project, const struct checklist *checklist,
                     char out[VIEW_SHEET_CODE_SIZE])
{
    const char *name =
        project->client_short_name ? project->client_short_name : project->client_name;
    size_t length = engagement_letters(name, out);
    if (length == 0)
        out[length++] = 'X';
    out[length++] = '-';
    struct sha256 hash;
    sha256_init(&hash);
    hash_text(&hash, project->title);
    hash_text(&hash, project->reference);
    hash_text(&hash, checklist->id);
    hash_text(&hash, checklist->version);
    char hex[65];
    sha256_final(&hash, hex);
    memcpy(out + length, hex, 6);
    out[length + 6] = '\0';
}

static void append_field(struct buffer *out, const char *text)
{
    buffer_append_char(out, ';');
    for (const char *at = text ? text : ""; *at; at++)
        buffer_append_char(out, *at == ';' ? ',' : *at);
}

void view_sheet_identification(const struct project *project, const struct checklist *checklist,
                               struct buffer *out)
{
    char code[VIEW_SHEET_CODE_SIZE];
    view_sheet_code(project, checklist, code);
    buffer_append_text(out, "golive:");
    buffer_append_text(out, code);
    append_field(out,
                 project->reference && *project->reference ? project->reference : project->title);
    append_field(out, checklist->id);
    append_field(out, checklist->version);
}
