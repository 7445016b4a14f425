/* Stream data the PDF device writes, compressed by golive with libdeflate
 * instead of by libharu with zlib at its fixed level: page contents as each
 * page ends (so finished pages are held compressed, not raw) and the font
 * objects once mended. The bytes are a zlib stream (what /FlateDecode
 * reads), the same for the same input: the level is fixed, here. Part of
 * the PDF device, with it the only code that knows libharu. */
#ifndef GOLIVE_PDF_STREAM_H
#define GOLIVE_PDF_STREAM_H

#include "buffer.h"

#include <hpdf.h>

struct pdf_compressor;

/* pdf_compressor_new: never NULL (out of memory is fatal). */
struct pdf_compressor *pdf_compressor_new(void);
void pdf_compressor_free(struct pdf_compressor *compressor);

/* pdf_stream_compress: replaces the data of the stream object with its
 * compressed form, marked /Filter [/FlateDecode]; libharu then writes the
 * data as it is. Nothing may be written to the object's stream afterwards.
 * Returns the object's new stream. An object already compressed, or empty,
 * is left as it is. */
HPDF_Stream pdf_stream_compress(struct pdf_compressor *compressor, HPDF_Dict object);

/* pdf_stream_writer: a stream that appends what is written to it to out
 * (NULL when libharu has no memory left). */
HPDF_Stream pdf_stream_writer(HPDF_MMgr mmgr, struct buffer *out);

/* pdf_stream_collect: replaces the data of the stream object with a stream
 * that gathers what is written to it in the compressor's own buffer, for
 * pdf_stream_compress to compress from there; returns it. One object at a
 * time: compress it before collecting the next. */
HPDF_Stream pdf_stream_collect(struct pdf_compressor *compressor, HPDF_Dict object);

/* pdf_stream_set_compressed: the same with data[0..length) as the
 * object's data, in place of what its stream holds. */
HPDF_Stream pdf_stream_set_compressed(struct pdf_compressor *compressor, HPDF_Dict object,
                                      const void *data, size_t length);

/* pdf_compressor_note: data[0..length) counts towards the identity as if
 * it had been compressed (what the PDF holds that is not compressed here). */
void pdf_compressor_note(struct pdf_compressor *compressor, const void *data, size_t length);

/* pdf_compressor_identity: the CRC-32 and Adler-32 of everything
 * compressed (as written) and noted so far, and its length: the
 * document's /ID, the same for the same content and, but for a chance of
 * about one in 2^64, different for different content. */
#define PDF_IDENTITY_SIZE 16
void pdf_compressor_identity(struct pdf_compressor *compressor,
                             unsigned char identity[PDF_IDENTITY_SIZE]);

/* pdf_stream_read: appends the stream's data to out. */
void pdf_stream_read(HPDF_Stream stream, struct buffer *out);

/* pdf_stream_fresh: replaces the data of a stream object with an empty
 * stream, to be written anew; returns it. */
HPDF_Stream pdf_stream_fresh(HPDF_Dict object);

#endif
