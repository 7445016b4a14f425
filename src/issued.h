/* The archive of issued documents: ISSUED_FOLDER beside the project holds
 * each document as delivered (golive issue), never rewritten, and the
 * register ISSUED_FOLDER/ISSUED lists them, one line each:
 *
 *     audit 1.0 2026-03-21 SHA-256 audit-1.0.pdf
 *
 * (document, version, date, the file's SHA-256, its name in the folder).
 * The documents' control block lists these versions; golive verify checks
 * every file against the register. */
#ifndef GOLIVE_ISSUED_H
#define GOLIVE_ISSUED_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

#define ISSUED_FOLDER "issued"
#define ISSUED_REGISTER "ISSUED"

struct issued_entry {
    char *document, *version, *date, *file;
    char sha256[65];
    unsigned line;
};

struct issued_register {
    struct issued_entry *entries;
    size_t count, capacity;
    char *path; /* the register's path */
};

/* issued_load: reads root/issued/ISSUED when it exists (an empty register
 * otherwise); reports a malformed line and returns false. */
bool issued_load(const char *root, struct issued_register *out, struct diag_sink *sink);
void issued_free(struct issued_register *issued);

/* issued_find: the entry for document's file name, or NULL. */
const struct issued_entry *issued_find(const struct issued_register *issued, const char *file);

#endif
