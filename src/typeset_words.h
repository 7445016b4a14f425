/* The few words the typesetter itself prints (page numbers, the draft
 * mark, the labels of signature blocks, notes and the cover), given by
 * whoever calls it so that a document is in one language throughout.
 * A field left NULL or "" takes the English word. */
#ifndef GOLIVE_TYPESET_WORDS_H
#define GOLIVE_TYPESET_WORDS_H

#include "buffer.h"

#include <stddef.h>

struct typeset_words {
    const char *page_of;   /* "Page {page} of {pages}" */
    const char *draft;     /* the watermark */
    const char *version;   /* the footer's "Version 1.2" */
    const char *signatory; /* a signature block without a role */
    const char *name, *decision, *conditions, *date;
    const char *place_and_date; /* beside the signature line */
    const char *signature, *name_and_signature;
    const char *approved, *approved_with_conditions, *rejected;  /* boxes to tick */
    const char *notes;                                           /* a notes block without a label */
    const char *client, *project, *prepared_by, *classification; /* cover labels */
    const char *colon; /* after a label: ":", or in French a no-break space and ":" */
};

/* typeset_words_complete: given (or NULL) with every missing word English. */
struct typeset_words typeset_words_complete(const struct typeset_words *given);

/* typeset_words_page: format with {page} and {pages} replaced, into out. */
void typeset_words_page(const char *format, size_t page, size_t pages, struct buffer *out);

#endif
