/* Core schema resolution of plain scalars (YAML 1.2, section 10.3.2). */
#include "yaml_scalar.h"

#include <stdbool.h>
#include <string.h>

static bool equals_any(const char *text, size_t length, const char *const *words)
{
    for (; *words; words++)
        if (strlen(*words) == length && memcmp(text, *words, length) == 0)
            return true;
    return false;
}

static size_t count_digits(const char *text, size_t length, const char *allowed)
{
    size_t count = 0;
    while (count < length && text[count] && strchr(allowed, text[count]))
        count++;
    return count;
}

static bool is_integer(const char *text, size_t length)
{
    if (length > 2 && text[0] == '0' && (text[1] == 'o' || text[1] == 'x')) {
        const char *allowed = text[1] == 'o' ? "01234567" : "0123456789abcdefABCDEF";
        return count_digits(text + 2, length - 2, allowed) == length - 2;
    }
    size_t start = (length > 0 && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
    return length > start &&
           count_digits(text + start, length - start, "0123456789") == length - start;
}

/* [-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE] [-+]? [0-9]+ )? */
static bool is_decimal_float(const char *text, size_t length)
{
    size_t at = (length > 0 && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
    size_t whole = count_digits(text + at, length - at, "0123456789");
    at += whole;
    size_t fraction = 0;
    if (at < length && text[at] == '.') {
        at++;
        fraction = count_digits(text + at, length - at, "0123456789");
        at += fraction;
    }
    if (whole == 0 && fraction == 0)
        return false;
    if (at < length && (text[at] == 'e' || text[at] == 'E')) {
        at++;
        if (at < length && (text[at] == '-' || text[at] == '+'))
            at++;
        size_t exponent = count_digits(text + at, length - at, "0123456789");
        if (exponent == 0)
            return false;
        at += exponent;
    }
    return at == length;
}

static bool is_float(const char *text, size_t length)
{
    static const char *const specials[] = {".inf",  ".Inf",  ".INF",  "+.inf", "+.Inf",
                                           "+.INF", "-.inf", "-.Inf", "-.INF", ".nan",
                                           ".NaN",  ".NAN",  NULL};
    return equals_any(text, length, specials) || is_decimal_float(text, length);
}

enum scalar_type yaml_resolve_plain(const char *text, size_t length)
{
    /* Most plain scalars are words: only these first characters can start
     * a null, a boolean or a number. */
    if (length > 0 && !strchr("~nNtTfF0123456789+-.", text[0]))
        return SCALAR_STRING;
    static const char *const nulls[] = {"", "~", "null", "Null", "NULL", NULL};
    static const char *const booleans[] = {"true", "True", "TRUE", "false", "False", "FALSE", NULL};
    if (equals_any(text, length, nulls))
        return SCALAR_NULL;
    if (equals_any(text, length, booleans))
        return SCALAR_BOOL;
    if (is_integer(text, length))
        return SCALAR_INT;
    if (is_float(text, length))
        return SCALAR_FLOAT;
    return SCALAR_STRING;
}

void yaml_quote(struct buffer *out, const char *text)
{
    buffer_append_char(out, '"');
    for (const char *at = text; *at; at++) {
        unsigned char byte = (unsigned char)*at;
        if (byte == '"' || byte == '\\')
            buffer_printf(out, "\\%c", byte);
        else if (byte == '\n')
            buffer_append_text(out, "\\n");
        else if (byte == '\t')
            buffer_append_text(out, "\\t");
        else if (byte < 0x20 || byte == 0x7F)
            buffer_printf(out, "\\x%02X", byte);
        else
            buffer_append_char(out, (char)byte);
    }
    buffer_append_char(out, '"');
}
