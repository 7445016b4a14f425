/* Hyphenation with libhyphen and the system's pattern files (Debian's
 * hyphen-en-us, hyphen-de, hyphen-fr under /usr/share/hyphen). The patterns
 * are read when a word first needs them, once for every document typeset
 * with the same hyphenator (loading German's takes about a second of work).
 * Only words made of letters are hyphenated: never a number, a number with
 * its unit, an identifier, an e-mail address or a URL. */
#include "layout_internal.h"

#include "alloc.h"
#include "buffer.h"
#include "typeset.h"
#include "utf8.h"

#include <hyphen.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define HYPHEN_FOLDER "/usr/share/hyphen"
/* The fewest characters left before a hyphen and carried after it. */
#define HYPHEN_LEFT_MIN 2
#define HYPHEN_RIGHT_MIN 3
/* Longer words are not looked up (none in the patterns' languages is). */
#define HYPHEN_WORD_MAX 63

struct typeset_hyphenator {
    char *path;             /* the pattern file */
    HyphenDict *dictionary; /* NULL until loaded, or when it cannot be */
    bool tried;
};

/* A code names a file: letters, digits and '-' alone ("de", "pt-BR"). */
static bool code_is_plain(const char *code)
{
    for (const char *at = code; *at; at++)
        if (!((*at | 0x20) >= 'a' && (*at | 0x20) <= 'z') && !(*at >= '0' && *at <= '9') &&
            *at != '-')
            return false;
    return *code != '\0';
}

struct typeset_hyphenator *typeset_hyphenator_new(const char *language)
{
    struct typeset_hyphenator *hyphenator = xcalloc(1, sizeof *hyphenator);
    if (language && !code_is_plain(language)) {
        hyphenator->tried = true; /* no file: no hyphenation */
        return hyphenator;
    }
    struct buffer path = {0};
    buffer_printf(&path, HYPHEN_FOLDER "/hyph_");
    for (const char *at = language && *language ? language : "en"; *at; at++)
        buffer_append_char(&path, *at == '-' ? '_' : *at);
    buffer_append_text(&path, ".dic");
    hyphenator->path = xstrdup(buffer_text(&path));
    buffer_free(&path);
    return hyphenator;
}

void typeset_hyphenator_free(struct typeset_hyphenator *hyphenator)
{
    if (!hyphenator)
        return;
    if (hyphenator->dictionary)
        hnj_hyphen_free(hyphenator->dictionary);
    /* free(NULL) is fine for a hyphenator without a file */
    free(hyphenator->path);
    free(hyphenator);
}

/* libhyphen 2.8.8's hnj_hyphen_load loses a few of the strings it reads
 * from the German and French pattern files (hnj_hyphen_free does not find
 * them again); the leak is the library's, once per hyphenator, so a
 * sanitizer build tells LeakSanitizer to leave it out. libhyphen has no
 * frame pointers: its allocator (hnj_malloc) is the frame LeakSanitizer
 * sees, so what the library allocates is left out as a whole (golive
 * loads one dictionary per hyphenator and frees it with it). */
#if defined(__SANITIZE_ADDRESS__)
#define GOLIVE_LEAK_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GOLIVE_LEAK_CHECKED 1
#endif
#endif
#ifdef GOLIVE_LEAK_CHECKED
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:hnj_malloc\n";
}
/* and not to list the suppression used on standard error, which tests read */
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
    return "print_suppressions=0";
}
#endif

static HyphenDict *dictionary_of(struct typeset_hyphenator *hyphenator)
{
    if (!hyphenator->tried) {
        hyphenator->tried = true;
        hyphenator->dictionary = hnj_hyphen_load(hyphenator->path);
    }
    return hyphenator->dictionary;
}

bool layout_hyphen_loaded(const struct typeset_hyphenator *hyphenator)
{
    return hyphenator && hyphenator->dictionary;
}

static bool is_letter(uint32_t code_point)
{
    utf8proc_category_t category = utf8proc_category((utf8proc_int32_t)code_point);
    return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
}

/* The word's letters in lower case as the patterns are written (UTF-8, or
 * ISO 8859-1 for German's), and the byte offset after each; false for a
 * word that is not letters alone or that the file's encoding cannot hold. */
static bool word_for_patterns(const char *word, size_t length, bool latin1, char *out,
                              size_t *out_length, size_t *ends, size_t *count)
{
    size_t used = 0, characters = 0;
    for (size_t offset = 0; offset < length;) {
        uint32_t code_point;
        offset += utf8_decode_lossy(word + offset, length - offset, &code_point);
        if (!is_letter(code_point) || characters >= HYPHEN_WORD_MAX)
            return false;
        utf8proc_int32_t lower = utf8proc_tolower((utf8proc_int32_t)code_point);
        if (latin1 && lower > 0xFF)
            return false;
        if (latin1)
            out[used++] = (char)lower;
        else
            used += (size_t)utf8proc_encode_char(lower, (utf8proc_uint8_t *)out + used);
        ends[characters++] = offset;
    }
    *out_length = used;
    *count = characters;
    return true;
}

static void free_replacements(char **rep, int *pos, int *cut, size_t size)
{
    if (rep)
        for (size_t index = 0; index < size; index++)
            free(rep[index]);
    free(rep);
    free(pos);
    free(cut);
}

/* Whether word is letters alone: only such a word loads the patterns. */
static bool letters_alone(const char *word, size_t length)
{
    for (size_t offset = 0; offset < length;) {
        uint32_t code_point;
        offset += utf8_decode_lossy(word + offset, length - offset, &code_point);
        if (!is_letter(code_point))
            return false;
    }
    return true;
}

/* The word's length without the punctuation that closes a clause after it
 * ("Projektleitung." is hyphenated as "Projektleitung"). */
static size_t without_closing_punctuation(const char *word, size_t length)
{
    while (length > 0 && word[length - 1] != '\0' && strchr(".,;:!?", word[length - 1]))
        length--;
    return length;
}

size_t layout_hyphen_points(struct typeset_hyphenator *hyphenator, const char *word, size_t length,
                            size_t *points, size_t room)
{
    length = without_closing_punctuation(word, length);
    HyphenDict *dictionary =
        hyphenator && length <= HYPHEN_WORD_MAX * 4 && letters_alone(word, length)
            ? dictionary_of(hyphenator)
            : NULL;
    char lowered[HYPHEN_WORD_MAX * 4 + 1], hyphens[HYPHEN_WORD_MAX * 4 + 5];
    size_t ends[HYPHEN_WORD_MAX], lowered_length, characters, count = 0;
    if (!dictionary || length > HYPHEN_WORD_MAX * 4 ||
        !word_for_patterns(word, length, !dictionary->utf8, lowered, &lowered_length, ends,
                           &characters) ||
        characters < HYPHEN_LEFT_MIN + HYPHEN_RIGHT_MIN)
        return 0;
    lowered[lowered_length] = '\0';
    memset(hyphens, 0, sizeof hyphens);
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    if (hnj_hyphen_hyphenate3(dictionary, lowered, (int)lowered_length, hyphens, NULL, &rep, &pos,
                              &cut, HYPHEN_LEFT_MIN, HYPHEN_RIGHT_MIN, 0, 0) == 0) {
        /* hyphens[i] is odd where a hyphen may follow character i; a
         * pattern that changes letters (German's old "Schiff-fahrt") is
         * not taken. */
        for (size_t index = HYPHEN_LEFT_MIN - 1;
             index + HYPHEN_RIGHT_MIN < characters && count < room; index++)
            if ((hyphens[index] & 1) && !(rep && rep[index]))
                points[count++] = ends[index];
    }
    free_replacements(rep, pos, cut, lowered_length);
    return count;
}
