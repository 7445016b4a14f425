/* Finding dependency cycles among a checklist's steps.
 *
 * A depth-first search with an explicit stack (no recursion, so thousands of
 * chained steps cannot exhaust the C stack). A step met again while still on
 * the path closes a cycle; the path from it is the cycle, printed in order. */
#include "model_checklist.h"

#include "alloc.h"
#include "buffer.h"

#include <stdlib.h>

enum visit { UNSEEN, ON_PATH, FINISHED };

struct frame {
    const struct item *item;
    size_t next_dependency;
};

struct search {
    const struct checklist *checklist;
    enum visit *visits;
    struct frame *path;
    size_t depth;
    struct diag_sink *sink;
};

static size_t index_of(const struct item *item)
{
    return item->number - 1;
}

static void report_cycle(struct search *search, const struct item *again)
{
    size_t start = search->depth;
    while (start > 0 && search->path[start - 1].item != again)
        start--;
    struct buffer cycle = {0};
    for (size_t at = start - 1; at < search->depth; at++)
        buffer_printf(&cycle, "%s -> ", search->path[at].item->id);
    buffer_append_text(&cycle, again->id);
    diag(search->sink, DIAG_DEPENDENCY_CYCLE, again->position,
         "steps depend on each other in a cycle: %s", buffer_text(&cycle));
    buffer_free(&cycle);
}

/* The next dependency of the frame on top that resolves to a step. */
static const struct item *next_dependency(struct search *search, struct frame *frame)
{
    while (frame->next_dependency < frame->item->depends_on.count) {
        const char *id = frame->item->depends_on.items[frame->next_dependency++];
        const struct item *target = checklist_find_item(search->checklist, id);
        if (target)
            return target;
    }
    return NULL;
}

static void search_from(struct search *search, const struct item *start)
{
    search->path[search->depth++] = (struct frame){start, 0};
    search->visits[index_of(start)] = ON_PATH;
    while (search->depth) {
        struct frame *top = &search->path[search->depth - 1];
        const struct item *target = next_dependency(search, top);
        if (!target) {
            search->visits[index_of(top->item)] = FINISHED;
            search->depth--;
        } else if (search->visits[index_of(target)] == ON_PATH) {
            report_cycle(search, target);
        } else if (search->visits[index_of(target)] == UNSEEN) {
            search->visits[index_of(target)] = ON_PATH;
            search->path[search->depth++] = (struct frame){target, 0};
        }
    }
}

void checklist_check_cycles(const struct checklist *checklist, struct diag_sink *sink)
{
    struct search search = {checklist, NULL, NULL, 0, sink};
    size_t count = checklist->item_count;
    search.visits = xcalloc(count + 1, sizeof(enum visit));
    search.path = xcalloc(count + 1, sizeof(struct frame));
    CHECKLIST_FOR_EACH_ITEM(checklist, phase, item)
    if (item->id && checklist_find_item(checklist, item->id) == item &&
        search.visits[index_of(item)] == UNSEEN)
        search_from(&search, item);
    free(search.visits);
    free(search.path);
}
