/* Small functions over the model's own types: text lists and maps. The
 * free functions serve lists built outside the model (import, signing);
 * the model's own live in its arena. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

void free_each(char *const *strings, size_t count)
{
    for (size_t index = 0; index < count; index++)
        free(strings[index]);
}

void text_list_free(struct text_list *list)
{
    for (size_t index = 0; index < list->count; index++)
        free(list->items[index]);
    free(list->items);
    *list = (struct text_list){0};
}

void text_map_free(struct text_map *map)
{
    for (size_t index = 0; index < map->count; index++) {
        free(map->pairs[index].key);
        free(map->pairs[index].text);
    }
    free(map->pairs);
    map->pairs = NULL;
    map->count = 0;
}

const char *text_map_find(const struct text_map *map, const char *key)
{
    for (size_t index = 0; index < map->count; index++)
        if (strcmp(map->pairs[index].key, key) == 0)
            return map->pairs[index].text;
    return NULL;
}
