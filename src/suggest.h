/* "Did you mean ...?": the closest of a set of known words to a mistyped one. */
#ifndef GOLIVE_SUGGEST_H
#define GOLIVE_SUGGEST_H

#include <stddef.h>

/* suggest_closest: the candidate nearest to word by edit distance (letters
 * inserted, deleted, replaced or swapped), if it is near enough to be a
 * plausible typo: at most a third of the longer word's letters, at least 1.
 * NULL when none is. Ties go to the earlier candidate. */
const char *suggest_closest(const char *word, const char *const *candidates, size_t count);

/* suggest_hint: "; did you mean 'WORD'?" naming the closest candidate, or ""
 * when none is close; written into out (at least 96 bytes is enough for
 * identifiers), which it returns. */
const char *suggest_hint(const char *word, const char *const *candidates, size_t count, char *out,
                         size_t size);

#endif
