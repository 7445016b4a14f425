/* The commit journal of a set of files written into one folder together
 * (golive build's documents and MANIFEST), so that a commit killed at any
 * point (kill -9, power cut) can be undone by the next command.
 *
 * Before the first staged file is renamed over its target, the journal
 * names each target with its staged file and the second name that keeps
 * its previous version. It is removed once the last rename is done: that
 * removal is the commit. A folder found holding a journal had a commit
 * interrupted, and file_journal_roll_back puts every target back as it
 * was. docs/build.md gives the whole design. */
#ifndef GOLIVE_FILE_JOURNAL_H
#define GOLIVE_FILE_JOURNAL_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

/* The journal's name in its folder. */
#define FILE_JOURNAL_NAME ".golive-journal"

/* One file of a commit; all three in the journal's folder. */
struct file_journal_entry {
    const char *target; /* the file the commit replaces or creates */
    const char *staged; /* its new version, under a staging name */
    const char *kept;   /* a second name of its previous version; NULL when there was none */
};

/* file_journal_write: writes the journal for entries[0..count) into folder
 * atomically and flushes it. Returns false after a diagnostic; then no
 * journal is there. */
bool file_journal_write(const char *folder, const struct file_journal_entry *entries, size_t count,
                        struct diag_sink *sink);

/* file_journal_remove: removes folder's journal and flushes the folder:
 * the commit is done. */
void file_journal_remove(const char *folder);

/* file_journal_roll_back: when folder holds a journal, puts each of its
 * targets back as it was before that commit, removes its staged and kept
 * files and the journal, and sets *rolled_back. Safe to run again after
 * being interrupted itself. Returns false after a diagnostic when the
 * journal cannot be read or a file cannot be put back. */
bool file_journal_roll_back(const char *folder, bool *rolled_back, struct diag_sink *sink);

#endif
