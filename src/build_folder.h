/* The output folder of golive build: which folders a build may write into,
 * and cleaning up after one that was interrupted.
 *
 * A build writes only into a folder that does not exist, an empty one, or
 * one holding a golive build (its MANIFEST). It never replaces a file that
 * MANIFEST does not list, nor anything that is not a regular file. A folder
 * it had to create is removed again when the build fails. A commit killed
 * part-way is undone by the next build or verify (file_journal.h). docs/build.md
 * gives the whole design. */
#ifndef GOLIVE_BUILD_FOLDER_H
#define GOLIVE_BUILD_FOLDER_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

struct build_folder;

/* build_folder_open: locks folder (one command writes into it at a time),
 * undoes a commit that was interrupted there and removes what an
 * interrupted build left (build_folder_recover), then checks that a build
 * may write names[0..count) (file names, MANIFEST among them) into it;
 * reports each file that stops it and returns NULL. Creates nothing. */
struct build_folder *build_folder_open(const char *folder, const char *const *names, size_t count,
                                       struct diag_sink *sink);

/* build_folder_prepare: creates the folder when missing (and locks it).
 * Returns false after a diagnostic. */
bool build_folder_prepare(struct build_folder *folder, struct diag_sink *sink);

/* build_folder_recover: for golive verify: when folder holds the journal
 * of an interrupted commit, puts its files back as they were before it
 * (a warning says so), and removes the staged and kept files an
 * interrupted build left, so that the folder holds one whole build.
 * Leaves the folder alone while another command writes into it. Returns
 * false after a diagnostic when the journal cannot be undone. */
bool build_folder_recover(const char *folder, struct diag_sink *sink);

/* build_folder_close: when the build failed, removes the folders that
 * build_folder_prepare created (they are empty: nothing was committed).
 * Frees folder. */
void build_folder_close(struct build_folder *folder, bool succeeded);

#endif
