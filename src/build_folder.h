/* The output folder of golive build: which folders a build may write into,
 * and cleaning up after one that was interrupted.
 *
 * A build writes only into a folder that does not exist, an empty one, or
 * one holding a golive build (its MANIFEST). It never replaces a file that
 * MANIFEST does not list, nor anything that is not a regular file. A folder
 * it had to create is removed again when the build fails. docs/build.md
 * gives the whole design. */
#ifndef GOLIVE_BUILD_FOLDER_H
#define GOLIVE_BUILD_FOLDER_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

struct build_folder;

/* build_folder_open: checks that a build may write names[0..count) (file
 * names, MANIFEST among them) into folder; reports the first file that
 * stops it and returns NULL. Creates nothing. */
struct build_folder *build_folder_open(const char *folder, const char *const *names,
                                       size_t count, struct diag_sink *sink);

/* build_folder_prepare: creates the folder when missing and removes what an
 * interrupted build left in it. Returns false after a diagnostic. */
bool build_folder_prepare(struct build_folder *folder, struct diag_sink *sink);

/* build_folder_close: when the build failed, removes the folders that
 * build_folder_prepare created (they are empty: nothing was committed).
 * Frees folder. */
void build_folder_close(struct build_folder *folder, bool succeeded);

#endif
