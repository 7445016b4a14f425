/* Unicode normalisation and character classes for the typesetter, through
 * utf8proc. Text is set in Normalization Form C: "u" followed by a
 * combining diaeresis becomes the one letter "ü" the fonts draw whole, as
 * the same text typed on another system would be. */
#ifndef GOLIVE_TEXT_NORMALISE_H
#define GOLIVE_TEXT_NORMALISE_H

#include "buffer.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* text_normalise_nfc: text[0..length), valid UTF-8, in NFC and without
 * U+034F (the combining grapheme joiner, which draws nothing), appended to
 * out. Text that is not valid UTF-8 is appended unchanged. */
void text_normalise_nfc(const char *text, size_t length, struct buffer *out);

/* text_fold: text (NUL-terminated UTF-8) without accents and in case-folded
 * form, appended to out, for matching what people type against names
 * ("Åsa" and "asa" fold alike; letters that are no letter plus accent,
 * such as "Ł" or "ø", stay as they are). Invalid UTF-8 is appended as is. */
void text_fold(const char *text, struct buffer *out);

/* text_is_combining_mark: a mark that sits on the character before it
 * (Unicode categories Mn and Me: accents, Hebrew points, Arabic vowels). */
bool text_is_combining_mark(uint32_t code_point);

/* text_draws_nothing: characters that draw nothing by definition (soft
 * hyphen, zero-width spaces and joiners, direction marks, word joiner,
 * byte order mark, variation selectors): left out when a face lacks them,
 * never shown as U+FFFD. */
bool text_draws_nothing(uint32_t code_point);

/* TEXT_LETTERS_MAX: the most letters one presentation form stands for
 * (U+FDFA, an Arabic phrase, stands for 18). */
#define TEXT_LETTERS_MAX 18u

/* text_presentation_letters: for an Arabic presentation form (U+FB50 to
 * U+FDFF, U+FE70 to U+FEFE), the letters it is a shape of (NFKC, in
 * logical order) into out; returns how many, 0 for any other character. */
size_t text_presentation_letters(uint32_t code_point, uint32_t out[TEXT_LETTERS_MAX]);

#endif
