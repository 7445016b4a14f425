/* The typesetter's own words, English unless the caller gives others. */
#include "typeset_words.h"

#include <string.h>

static const struct typeset_words english = {
    .page_of = "Page {page} of {pages}",
    .draft = "DRAFT",
    .version = "Version",
    .signatory = "Signatory",
    .name = "Name",
    .decision = "Decision",
    .conditions = "Conditions",
    .date = "Date",
    .place_and_date = "Place, date",
    .signature = "Signature",
    .name_and_signature = "Name and signature",
    .approved = "Approved",
    .approved_with_conditions = "Approved with conditions",
    .rejected = "Rejected",
    .notes = "Notes",
    .client = "Client",
    .project = "Project",
    .prepared_by = "Prepared by",
    .classification = "Classification",
    .colon = ":",
};

static const char *pick(const char *given, const char *fallback)
{
    return given && *given ? given : fallback;
}

struct typeset_words typeset_words_complete(const struct typeset_words *given)
{
    if (!given)
        return english;
    struct typeset_words words = {
        .page_of = pick(given->page_of, english.page_of),
        .draft = pick(given->draft, english.draft),
        .version = pick(given->version, english.version),
        .signatory = pick(given->signatory, english.signatory),
        .name = pick(given->name, english.name),
        .decision = pick(given->decision, english.decision),
        .conditions = pick(given->conditions, english.conditions),
        .date = pick(given->date, english.date),
        .place_and_date = pick(given->place_and_date, english.place_and_date),
        .signature = pick(given->signature, english.signature),
        .name_and_signature = pick(given->name_and_signature, english.name_and_signature),
        .approved = pick(given->approved, english.approved),
        .approved_with_conditions =
            pick(given->approved_with_conditions, english.approved_with_conditions),
        .rejected = pick(given->rejected, english.rejected),
        .notes = pick(given->notes, english.notes),
        .client = pick(given->client, english.client),
        .project = pick(given->project, english.project),
        .prepared_by = pick(given->prepared_by, english.prepared_by),
        .classification = pick(given->classification, english.classification),
        .colon = pick(given->colon, english.colon),
    };
    return words;
}

void typeset_words_page(const char *format, size_t page, size_t pages, struct buffer *out)
{
    for (const char *at = format; *at;) {
        if (strncmp(at, "{page}", 6) == 0) {
            buffer_printf(out, "%zu", page);
            at += 6;
        } else if (strncmp(at, "{pages}", 7) == 0) {
            buffer_printf(out, "%zu", pages);
            at += 7;
        } else {
            buffer_append_char(out, *at++);
        }
    }
}
