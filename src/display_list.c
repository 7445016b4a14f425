/* The display list: storage, and the text dump golden tests read. */
#include "display_list.h"

#include "alloc.h"

#include <stdlib.h>
#include <string.h>

size_t display_list_add_page(struct display_list *list)
{
    list->pages =
        xgrow(list->pages, &list->page_capacity, list->page_count + 1, sizeof *list->pages);
    list->pages[list->page_count] = (struct display_page){0};
    return list->page_count++;
}

struct display_item *display_add(struct display_list *list, size_t page,
                                 const struct display_item *item)
{
    struct display_page *target = &list->pages[page];
    target->items =
        xgrow(target->items, &target->capacity, target->count + 1, sizeof *target->items);
    target->items[target->count] = *item;
    return &target->items[target->count++];
}

void display_text_store(struct display_list *list, struct display_item *item, const char *text,
                        size_t length)
{
    item->text_offset = (uint32_t)list->text.length;
    item->text_length = (uint32_t)length;
    buffer_append(&list->text, text, length);
}

const char *display_text(const struct display_list *list, const struct display_item *item)
{
    return buffer_text(&list->text) + item->text_offset;
}

static const char *const kind_names[] = {
    [DISPLAY_TEXT] = "text",           [DISPLAY_FILL] = "fill",
    [DISPLAY_LINE] = "line",           [DISPLAY_FRAME] = "frame",
    [DISPLAY_CHECKBOX] = "checkbox",   [DISPLAY_WRAP_MARK] = "wrap-mark",
    [DISPLAY_IMAGE] = "image",         [DISPLAY_LINK] = "link",
    [DISPLAY_ANCHOR] = "anchor",       [DISPLAY_BOOKMARK] = "bookmark",
    [DISPLAY_WATERMARK] = "watermark",
};

static const char *const face_names[] = {
    [FACE_SANS] = "sans",
    [FACE_SANS_BOLD] = "sans-bold",
    [FACE_SANS_ITALIC] = "sans-italic",
    [FACE_SANS_BOLD_ITALIC] = "sans-bold-italic",
    [FACE_MONO] = "mono",
    [FACE_MONO_BOLD] = "mono-bold",
    [FACE_SYMBOL] = "symbol",
    [FACE_ARABIC] = "arabic",
    [FACE_ARABIC_BOLD] = "arabic-bold",
    [FACE_HEBREW] = "hebrew",
    [FACE_HEBREW_BOLD] = "hebrew-bold",
    [FACE_CJK] = "cjk",
    [FACE_NONE] = "none",
};

static void dump_item(const struct display_list *list, const struct display_item *item,
                      struct buffer *out)
{
    buffer_printf(out, "  %s %.1f %.1f", kind_names[item->kind], (double)item->x, (double)item->y);
    if (item->kind != DISPLAY_TEXT && item->kind != DISPLAY_ANCHOR &&
        item->kind != DISPLAY_BOOKMARK)
        buffer_printf(out, " %.1fx%.1f", (double)item->width, (double)item->height);
    if (item->kind == DISPLAY_TEXT)
        buffer_printf(out, " %s %.1f", face_names[item->face], (double)item->size);
    if (item->kind == DISPLAY_BOOKMARK)
        buffer_printf(out, " level %u", item->level);
    if (item->kind == DISPLAY_CHECKBOX)
        buffer_append_text(out, item->level ? " ticked" : " empty");
    if (item->colour)
        buffer_printf(out, " #%06X", (unsigned)item->colour);
    if (item->text_length) {
        buffer_append_text(out, " \"");
        buffer_append(out, display_text(list, item), item->text_length);
        buffer_append_char(out, '"');
    }
    buffer_append_char(out, '\n');
}

void display_list_dump(const struct display_list *list, struct buffer *out)
{
    buffer_printf(out, "paper %.1fx%.1f, %zu page%s\n", (double)list->page_width,
                  (double)list->page_height, list->page_count, list->page_count == 1 ? "" : "s");
    for (size_t page = 0; page < list->page_count; page++) {
        const struct display_page *current = &list->pages[page];
        buffer_printf(out, "page %zu%s\n", page + 1, current->cover ? " (cover)" : "");
        for (size_t index = 0; index < current->count; index++)
            dump_item(list, &current->items[index], out);
    }
}

void display_list_free(struct display_list *list)
{
    for (size_t page = 0; page < list->page_count; page++)
        free(list->pages[page].items);
    free(list->pages);
    buffer_free(&list->text);
    memset(list, 0, sizeof *list);
}
