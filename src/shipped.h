/* The checklists and templates golive ships, found in the data folder:
 * what golive list shows and golive new copies. */
#ifndef GOLIVE_SHIPPED_H
#define GOLIVE_SHIPPED_H

#include "diag.h"
#include "model.h"

#include <stddef.h>

struct shipped_checklist {
    char *name; /* the file name without .yaml */
    char *path;
    struct checklist *checklist; /* NULL when the file is not a valid checklist */
    struct arena *arena;         /* the checklist's */
    struct yaml_document *document;
};

/* shipped_checklists: every data_folder/checklists/NAME.yaml, by name,
 * loaded and built (problems go to sink). Free with shipped_free. */
struct shipped_checklist *shipped_checklists(const char *data_folder, size_t *count,
                                             struct diag_sink *sink);
void shipped_free(struct shipped_checklist *checklists, size_t count);

/* shipped_names: the names of the files in folder ending in suffix,
 * sorted, without the suffix. Caller frees each and the array. */
char **shipped_names(const char *folder, const char *suffix, size_t *count);

#endif
