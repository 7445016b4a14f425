/* The hash chain of a run's records.
 *
 * Each record golive mark or golive sign appends carries 'chain': the
 * SHA-256 of every byte of the run file before the line the record starts
 * on. Editing, deleting, inserting or moving any line above a chained record
 * changes that hash, so the record names the break. Records without
 * 'chain' (runs written before chaining, or by hand) are not checked
 * themselves but are covered by the next chained record after them. */
#ifndef GOLIVE_RECORD_CHAIN_H
#define GOLIVE_RECORD_CHAIN_H

#include "diag.h"
#include "node.h"

#include <stdbool.h>
#include <stddef.h>

#define RECORD_CHAIN_KEY "chain"

/* record_chain_of: the chain a record carries when it starts right after
 * text[0..length): the SHA-256 of those bytes, as 64 hex digits. */
void record_chain_of(const char *text, size_t length, char hex[65]);

/* record_chain_check: checks the chain of every record of records (the
 * run's 'records' list, parsed from text[0..length)). Reports the
 * first record whose chain is malformed or does not match, and returns
 * false; true when every chained record holds. */
bool record_chain_check(const char *text, size_t length, const struct node *records,
                        struct diag_sink *sink);

/* record_chain_line_offset: the offset of the start of 1-based line in
 * text[0..length), or length when the text has fewer lines. */
size_t record_chain_line_offset(const char *text, size_t length, unsigned line);

#endif
