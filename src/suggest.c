/* Edit distance and closest-word suggestions. */
#include "suggest.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define WORD_MAX 64 /* longer words are compared by their first 64 bytes */

static unsigned minimum3(unsigned first, unsigned second, unsigned third)
{
    unsigned least = first < second ? first : second;
    return least < third ? least : third;
}

/* The edit distance between two words (optimal string alignment), capped
 * at 255 for long inputs. */
static unsigned suggest_distance(const char *left, const char *right)
{
    size_t rows = strlen(left), columns = strlen(right);
    if (rows > WORD_MAX)
        rows = WORD_MAX;
    if (columns > WORD_MAX)
        columns = WORD_MAX;
    unsigned table[WORD_MAX + 1][WORD_MAX + 1];
    for (size_t row = 0; row <= rows; row++)
        table[row][0] = (unsigned)row;
    for (size_t column = 0; column <= columns; column++)
        table[0][column] = (unsigned)column;
    for (size_t row = 1; row <= rows; row++) {
        for (size_t column = 1; column <= columns; column++) {
            unsigned cost =
                tolower((unsigned char)left[row - 1]) == tolower((unsigned char)right[column - 1])
                    ? 0
                    : 1;
            unsigned best = minimum3(table[row - 1][column] + 1, table[row][column - 1] + 1,
                                     table[row - 1][column - 1] + cost);
            if (row > 1 && column > 1 && left[row - 1] == right[column - 2] &&
                left[row - 2] == right[column - 1] && table[row - 2][column - 2] + 1 < best)
                best = table[row - 2][column - 2] + 1;
            table[row][column] = best;
        }
    }
    return table[rows][columns] > 255 ? 255 : table[rows][columns];
}

const char *suggest_closest(const char *word, const char *const *candidates, size_t count)
{
    const char *best = NULL;
    unsigned best_distance = 0;
    for (size_t index = 0; index < count; index++) {
        if (!candidates[index])
            continue;
        size_t longer =
            strlen(word) > strlen(candidates[index]) ? strlen(word) : strlen(candidates[index]);
        unsigned allowed = (unsigned)(longer / 3);
        if (allowed < 1)
            allowed = 1;
        unsigned distance = suggest_distance(word, candidates[index]);
        if (distance <= allowed && (!best || distance < best_distance)) {
            best = candidates[index];
            best_distance = distance;
        }
    }
    return best;
}

const char *suggest_hint(const char *word, const char *const *candidates, size_t count, char *out,
                         size_t size)
{
    const char *closest = suggest_closest(word, candidates, count);
    if (closest)
        snprintf(out, size, "; did you mean '%s'?", closest);
    else if (size)
        out[0] = '\0';
    return out;
}
