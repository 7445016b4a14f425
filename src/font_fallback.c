/* Fallback faces by script (see font_fallback.h). */
#include "font_fallback.h"

#include "file_io.h"

#include <stdbool.h>

static const char *const face_files[FACE_COUNT] = {
    [FACE_SANS] = "NotoSans-Regular.ttf",
    [FACE_SANS_BOLD] = "NotoSans-Bold.ttf",
    [FACE_SANS_ITALIC] = "NotoSans-Italic.ttf",
    [FACE_SANS_BOLD_ITALIC] = "NotoSans-BoldItalic.ttf",
    [FACE_MONO] = "DejaVuSansMono.ttf",
    [FACE_MONO_BOLD] = "DejaVuSansMono-Bold.ttf",
    [FACE_SYMBOL] = "DejaVuSans.ttf",
    [FACE_ARABIC] = "NotoSansArabic-Regular.ttf",
    [FACE_ARABIC_BOLD] = "NotoSansArabic-Bold.ttf",
    [FACE_HEBREW] = "NotoSansHebrew-Regular.ttf",
    [FACE_HEBREW_BOLD] = "NotoSansHebrew-Bold.ttf",
    [FACE_CJK] = NULL,
};

/* Where Debian puts the CJK faces golive can use, best first. */
static const char *const cjk_files[] = {
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", /* fonts-droid-fallback */
};

const char *font_file_name(enum font_face face)
{
    return face < FACE_COUNT ? face_files[face] : NULL;
}

const char *font_system_path(enum font_face face)
{
    if (face != FACE_CJK)
        return NULL;
    for (size_t index = 0; index < sizeof cjk_files / sizeof *cjk_files; index++)
        if (file_exists_regular(cjk_files[index]))
            return cjk_files[index];
    return NULL;
}

static bool is_arabic(uint32_t code_point)
{
    return (code_point >= 0x0600 && code_point <= 0x06FF) ||
           (code_point >= 0x0750 && code_point <= 0x077F) ||
           (code_point >= 0x08A0 && code_point <= 0x08FF) ||
           (code_point >= 0xFB50 && code_point <= 0xFDFF) ||
           (code_point >= 0xFE70 && code_point <= 0xFEFE);
}

static bool is_hebrew(uint32_t code_point)
{
    return (code_point >= 0x0590 && code_point <= 0x05FF) ||
           (code_point >= 0xFB1D && code_point <= 0xFB4F);
}

static bool is_bold(enum font_face face)
{
    return face == FACE_SANS_BOLD || face == FACE_SANS_BOLD_ITALIC || face == FACE_MONO_BOLD ||
           face == FACE_ARABIC_BOLD || face == FACE_HEBREW_BOLD;
}

size_t font_fallback_faces(enum font_face face, uint32_t code_point,
                           enum font_face out[FONT_FALLBACK_MAX])
{
    size_t count = 0;
    bool bold = is_bold(face);
    if (is_arabic(code_point))
        out[count++] = bold ? FACE_ARABIC_BOLD : FACE_ARABIC;
    else if (is_hebrew(code_point))
        out[count++] = bold ? FACE_HEBREW_BOLD : FACE_HEBREW;
    if (face != FACE_SYMBOL)
        out[count++] = FACE_SYMBOL;
    if (!is_arabic(code_point) && !is_hebrew(code_point))
        out[count++] = FACE_CJK;
    return count;
}
