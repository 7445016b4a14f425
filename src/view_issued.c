/* The view of a document's issued versions, for its control block. */
#include "view.h"

#include "schema.h"
#include "view_put.h"

#include <string.h>

void view_put_issued(struct node *current, const struct model *model, enum artifact artifact)
{
    struct node *list = put_list(current, "issued");
    size_t count = 0;
    for (size_t index = 0; index < model->issued.count; index++) {
        const struct issued_entry *entry = &model->issued.entries[index];
        size_t length = strlen(entry->file);
        if (strcmp(entry->document, schema_artifacts[artifact]) != 0 || length < 4 ||
            strcmp(entry->file + length - 4, ".pdf") != 0)
            continue;
        struct node *version = append_mapping(list);
        put_text(version, "version", entry->version);
        put_text(version, "date", entry->date);
        put_text(version, "sha256", entry->sha256);
        put_text(version, "file", entry->file);
        count++;
    }
    put_bool(current, "has_issued", count > 0);
}
