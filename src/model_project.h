/* Building the project (engagement) from its validated tree, checking its
 * own references: unique person and signatory ids, contacts and
 * signatories naming known people, a window that ends after it starts.
 * References to other files are checked by model_load. */
#ifndef GOLIVE_MODEL_PROJECT_H
#define GOLIVE_MODEL_PROJECT_H

#include "arena.h"
#include "buffer.h"
#include "diag.h"
#include "model.h"
#include "node.h"

struct project *project_build(struct arena *arena, const struct node *root, const char *path,
                              struct diag_sink *sink);

/* project_find_person: the person with this id, or NULL. */
const struct person *project_find_person(const struct project *project, const char *id);
/* project_signer_allowed: whether name may sign for signatory: the name of
 * its person (or its own name), or of one of its deputies (*deputy then
 * true). A signatory with neither person nor name accepts any name. */
bool project_signer_allowed(const struct project *project, const struct signatory *signatory,
                            const char *name, bool *deputy);
/* project_signer_names: "Petra Šťastná (or a deputy: Anna Berg)" into out. */
void project_signer_names(const struct project *project, const struct signatory *signatory,
                          char *out, size_t size);
const struct signatory *project_find_signatory(const struct project *project, const char *id);

/* project_name_initials: "LD" for Lukáš Dvořák, the first character of
 * each word of a name (NULL: none), appended to out: what the initials
 * column of a printed sheet shows, and what mark --from reads back. */
void project_name_initials(const char *name, struct buffer *out);

/* project_check_person_reference: reports id at position unless it names a
 * person of the project ("what" says what refers, for the message). */
/* project_person_hint: "; did you mean 'ID'?" naming the person id
 * nearest to word, or "" (suggest_hint), written into out. */
const char *project_person_hint(const struct project *project, const char *word, char *out,
                                size_t size);
void project_check_person_reference(const struct project *project, const char *id, const char *what,
                                    struct source_position position, struct diag_sink *sink);

#endif
