/* The view of what a record adds to its step: the evidence files it
 * attaches (also all together for the close-out record) and corrections. */
#include "view.h"

#include "view_put.h"

#include <string.h>

static void put_attachment(struct node *mapping, const struct attachment *attachment)
{
    char short_hash[13];
    memcpy(short_hash, attachment->sha256, 12);
    short_hash[12] = '\0';
    put_text(mapping, "path", attachment->path);
    put_text(mapping, "sha256", attachment->sha256);
    put_text(mapping, "short", short_hash);
    put_bool(mapping, "intact", attachment->state == ATTACHMENT_INTACT);
}

void view_put_attachments(struct node *mapping, const struct result_record *record)
{
    struct node *list = put_list(mapping, "attachments");
    for (size_t index = 0; index < record->attachment_count; index++)
        put_attachment(append_mapping(list), &record->attachments[index]);
    put_bool(mapping, "has_attachments", record->attachment_count > 0);
}

void view_put_all_attachments(struct node *closeout, const struct model *model)
{
    struct node *list = put_list(closeout, "attachments");
    size_t count = 0;
    for (size_t index = 0; index < model->run_count; index++) {
        const struct run *run = model->runs[index];
        for (size_t record = 0; record < run->result_count; record++)
            for (size_t at = 0; at < run->results[record].attachment_count; at++, count++) {
                struct node *entry = append_mapping(list);
                put_attachment(entry, &run->results[record].attachments[at]);
                put_text(entry, "item", run->results[record].item_id);
            }
    }
    put_bool(closeout, "has_attachments", count > 0);
}

void view_put_correction(struct node *mapping, const struct result_record *record)
{
    if (record->corrects) {
        struct node *correction = put_mapping(mapping, "correction");
        put_int(correction, "line", record->corrects);
        put_text(correction, "reason", record->reason);
    }
    if (record->corrected_by) {
        struct node *corrected = put_mapping(mapping, "corrected");
        put_int(corrected, "line", record->corrected_by->position.line);
        put_text(corrected, "reason", record->corrected_by->reason);
    }
}
