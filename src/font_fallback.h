/* Which faces stand in for a face that lacks a character, in order: the
 * face made for the character's script (Arabic, Hebrew, CJK) in the same
 * weight, then DejaVu Sans for symbols, then the rest. And where the CJK
 * face, which golive does not ship, is found on the system. */
#ifndef GOLIVE_FONT_FALLBACK_H
#define GOLIVE_FONT_FALLBACK_H

#include "font_face.h"

#include <stddef.h>
#include <stdint.h>

#define FONT_FALLBACK_MAX 4u

/* font_fallback_faces: the faces to ask for code_point after face, best
 * first, into out[0..FONT_FALLBACK_MAX); returns how many. */
size_t font_fallback_faces(enum font_face face, uint32_t code_point,
                           enum font_face out[FONT_FALLBACK_MAX]);

/* font_file_name: face's file under golive's fonts/ folder; NULL for the
 * CJK face, which comes from the system (font_system_path). */
const char *font_file_name(enum font_face face);

/* font_system_path: the first of the files Debian's font packages install
 * for face that exists (fonts-droid-fallback for CJK), or NULL. */
const char *font_system_path(enum font_face face);

#endif
