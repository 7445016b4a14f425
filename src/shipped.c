/* Finding and loading the shipped checklists and templates. */
#include "shipped.h"

#include "alloc.h"
#include "buffer.h"
#include "model_checklist.h"
#include "schema_validate.h"
#include "yaml_load.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

static int compare_names(const void *left, const void *right)
{
    return strcmp(*(char *const *)left, *(char *const *)right);
}

char **shipped_names(const char *folder, const char *suffix, size_t *count)
{
    char **names = NULL;
    size_t capacity = 0;
    *count = 0;
    DIR *directory = opendir(folder);
    if (!directory)
        return NULL;
    size_t suffix_length = strlen(suffix);
    for (struct dirent *entry; (entry = readdir(directory)) != NULL;) {
        size_t length = strlen(entry->d_name);
        if (length <= suffix_length ||
            strcmp(entry->d_name + length - suffix_length, suffix) != 0 || entry->d_name[0] == '.')
            continue;
        names = xgrow(names, &capacity, *count + 1, sizeof(char *));
        names[(*count)++] = xstrndup(entry->d_name, length - suffix_length);
    }
    closedir(directory);
    if (*count > 1)
        qsort(names, *count, sizeof(char *), compare_names);
    return names;
}

struct shipped_checklist *shipped_checklists(const char *data_folder, size_t *count,
                                             struct diag_sink *sink)
{
    struct buffer folder = {0};
    buffer_printf(&folder, "%s/checklists", data_folder);
    char **names = shipped_names(buffer_text(&folder), ".yaml", count);
    struct shipped_checklist *checklists = xcalloc(*count + 1, sizeof *checklists);
    for (size_t index = 0; index < *count; index++) {
        struct shipped_checklist *shipped = &checklists[index];
        struct buffer path = {0};
        buffer_printf(&path, "%s/%s.yaml", buffer_text(&folder), names[index]);
        shipped->name = names[index];
        shipped->path = buffer_release(&path);
        shipped->document =
            yaml_load_file(shipped->path, source_position_of_file(shipped->path), sink);
        const struct node *root = shipped->document ? yaml_document_root(shipped->document) : NULL;
        if (root && schema_validate(root, schema_for_kind(INPUT_CHECKLIST), sink))
            shipped->checklist = checklist_build(shipped->arena = arena_new(), root,
                                                 yaml_document_path(shipped->document), sink);
    }
    free(names);
    buffer_free(&folder);
    return checklists;
}

void shipped_free(struct shipped_checklist *checklists, size_t count)
{
    for (size_t index = 0; index < count; index++) {
        free(checklists[index].name);
        free(checklists[index].path);
        arena_free(checklists[index].arena);
        yaml_document_free(checklists[index].document);
    }
    free(checklists);
}
