/* What makes the PDF device's documents PDF/A-2b (ISO 19005-2, level B):
 * the document information and the same fields as XMP metadata, the
 * language, the sRGB output intent, a file identifier derived from the
 * content, and the PDF version. Part of the PDF device: with it the only
 * code that knows libharu. See docs/typesetting.md, "Archive-grade PDF". */
#ifndef GOLIVE_PDF_ARCHIVE_H
#define GOLIVE_PDF_ARCHIVE_H

#include "pdf_stream.h"

#include <hpdf.h>
#include <stdint.h>

/* The sRGB IEC 61966-2.1 profile (profiles/sRGB.icc), compiled in. */
extern const unsigned char pdf_srgb_profile[];
extern const unsigned long pdf_srgb_profile_size;

struct pdf_archive_fields {
    /* UTF-8, already cut to what a PDF string may hold; NULL or "": left out */
    const char *title, *author, *subject, *creator, *producer;
    const char *language;                      /* a BCP 47 tag such as "de"; NULL or "": "en" */
    int64_t creation_time;                     /* [s since 1970-01-01 UTC] */
    unsigned char identity[PDF_IDENTITY_SIZE]; /* the /ID, from the content */
};

/* pdf_archive_mark: writes the fields into the document's information
 * dictionary and its XMP metadata, and adds what PDF/A-2b asks of the
 * catalogue and the trailer. Called once, before saving. */
void pdf_archive_mark(HPDF_Doc document, struct pdf_compressor *compressor,
                      const struct pdf_archive_fields *fields);

#endif
