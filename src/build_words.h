/* The typesetter's own words (page numbers, the draft mark, the labels of
 * signature blocks and the cover) taken from a language's catalog, for
 * golive build and golive md2pdf alike. */
#ifndef GOLIVE_BUILD_WORDS_H
#define GOLIVE_BUILD_WORDS_H

#include "language.h"
#include "typeset_words.h"

/* build_words: the catalog's pdf_* words (and label_colon); the strings
 * stay owned by language. */
struct typeset_words build_words(const struct language *language);

#endif
