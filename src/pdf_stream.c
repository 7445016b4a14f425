/* Compressing libharu's stream objects with libdeflate (see pdf_stream.h).
 *
 * libharu 2.3.0 compresses a stream at saving when its filter says
 * FlateDecode, always with zlib at level 6, and names the filter in the
 * stream's dictionary only then. So the data is compressed here, the filter
 * set to none (libharu writes the bytes as they are and drops any /Filter
 * entry) and the dictionary's write hook adds /Filter [/FlateDecode] in the
 * very place and form libharu would: last, before ">>". */
#include "pdf_stream.h"

#include "alloc.h"
#include "buffer.h"
#include "pdf_libharu_private.h"

#include <libdeflate.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libdeflate's level, measured on the 541 streams (6.7 MB raw) of md2pdf's
 * 5,000-item benchmark PDF, one CPU:
 *   zlib 6 (libharu's):  1,062 KB in 101 ms
 *   libdeflate 1:        1,448 KB in  18 ms
 *   libdeflate 4:        1,109 KB in  34 ms
 *   libdeflate 6:        1,059 KB in  41 ms
 *   libdeflate 9:        1,021 KB in  97 ms
 *   libdeflate 12:         986 KB in 1,117 ms
 * 6 is as small as zlib's 6 in 40 % of its time; lower levels save a few
 * milliseconds for a PDF 5 to 37 % larger, higher ones cost twice to 27
 * times as much for 4 to 7 % less. */
#define COMPRESSION_LEVEL 6
#define STREAM_CHUNK 4096u /* libharu grows memory streams by this much [bytes] */

struct pdf_compressor {
    struct libdeflate_compressor *deflate;
    struct buffer raw;       /* a stream read back to be compressed */
    struct buffer collected; /* what pdf_stream_collect's stream gathers */
    uint8_t *packed;
    size_t packed_capacity;
    /* the identity: checksums and count of every byte compressed (as
     * written) and noted; two checksums of different kinds, as SHA-256
     * cost 4 % of a long document's time and an /ID needs no secrecy */
    uint32_t crc32, adler32;
    uint64_t identity_length;
};

struct pdf_compressor *pdf_compressor_new(void)
{
    struct pdf_compressor *compressor = xcalloc(1, sizeof *compressor);
    compressor->deflate = libdeflate_alloc_compressor(COMPRESSION_LEVEL);
    if (!compressor->deflate) {
        fprintf(stderr, "golive: out of memory\n");
        exit(70);
    }
    compressor->adler32 = 1;
    return compressor;
}

void pdf_compressor_free(struct pdf_compressor *compressor)
{
    if (!compressor)
        return;
    libdeflate_free_compressor(compressor->deflate);
    buffer_free(&compressor->raw);
    buffer_free(&compressor->collected);
    free(compressor->packed);
    free(compressor);
}

HPDF_Stream pdf_stream_fresh(HPDF_Dict object)
{
    HPDF_Stream_Free(object->stream);
    object->stream = HPDF_MemStream_New(object->mmgr, STREAM_CHUNK);
    return object->stream;
}

void pdf_stream_read(HPDF_Stream stream, struct buffer *out)
{
    if (stream->type != HPDF_STREAM_MEMORY) {
        HPDF_BYTE chunk[STREAM_CHUNK];
        HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET);
        for (HPDF_STATUS status = HPDF_OK; status == HPDF_OK;) {
            HPDF_UINT size = sizeof chunk;
            status = HPDF_Stream_Read(stream, chunk, &size);
            buffer_append(out, chunk, size);
        }
        return;
    }
    /* Straight from the chunks: HPDF_Stream_Read copies byte by byte. */
    HPDF_MemStreamAttr attr = (HPDF_MemStreamAttr)stream->attr;
    size_t left = stream->size;
    for (HPDF_UINT index = 0; index < attr->buf->count && left > 0; index++) {
        size_t size = left < attr->buf_siz ? left : attr->buf_siz;
        buffer_append(out, HPDF_List_ItemAt(attr->buf, index), size);
        left -= size;
    }
}

static HPDF_STATUS write_filter(HPDF_Dict object, HPDF_Stream stream)
{
    (void)object;
    return HPDF_Stream_WriteStr(stream, "/Filter [/FlateDecode]\012");
}

/* The write function of pdf_stream_writer's streams: one memcpy, where
 * libharu's memory stream copies byte by byte into 4 KB chunks. */
static HPDF_STATUS append_to_buffer(HPDF_Stream stream, const HPDF_BYTE *data, HPDF_UINT size)
{
    buffer_append(stream->attr, data, size);
    return HPDF_OK;
}

HPDF_Stream pdf_stream_writer(HPDF_MMgr mmgr, struct buffer *out)
{
    return HPDF_CallbackWriter_New(mmgr, append_to_buffer, out);
}

HPDF_Stream pdf_stream_collect(struct pdf_compressor *compressor, HPDF_Dict object)
{
    buffer_truncate(&compressor->collected, 0);
    HPDF_Stream stream = pdf_stream_writer(object->mmgr, &compressor->collected);
    if (!stream)
        return object->stream; /* libharu's memory stream serves as before */
    HPDF_Stream_Free(object->stream);
    object->stream = stream;
    return stream;
}

HPDF_Stream pdf_stream_compress(struct pdf_compressor *compressor, HPDF_Dict object)
{
    if (object->stream && object->stream->write_fn == append_to_buffer &&
        object->stream->attr == &compressor->collected) {
        if (compressor->collected.length == 0) /* nothing drawn: empty, as libharu's */
            return pdf_stream_fresh(object);
        return pdf_stream_set_compressed(compressor, object, compressor->collected.data,
                                         compressor->collected.length);
    }
    if (object->write_fn == write_filter || !object->stream ||
        object->stream->type != HPDF_STREAM_MEMORY || object->stream->size == 0)
        return object->stream;
    buffer_truncate(&compressor->raw, 0);
    pdf_stream_read(object->stream, &compressor->raw);
    return pdf_stream_set_compressed(compressor, object, compressor->raw.data,
                                     compressor->raw.length);
}

HPDF_Stream pdf_stream_set_compressed(struct pdf_compressor *compressor, HPDF_Dict object,
                                      const void *data, size_t length)
{
    size_t bound = libdeflate_zlib_compress_bound(compressor->deflate, length);
    compressor->packed = xgrow(compressor->packed, &compressor->packed_capacity, bound, 1);
    size_t size =
        libdeflate_zlib_compress(compressor->deflate, data, length, compressor->packed, bound);
    pdf_compressor_note(compressor, compressor->packed, size);
    HPDF_Stream_Free(object->stream);
    object->stream = HPDF_MemStream_New(object->mmgr, (HPDF_UINT)(size ? size : 1));
    HPDF_Stream_Write(object->stream, compressor->packed, (HPDF_UINT)size);
    object->filter = HPDF_STREAM_FILTER_NONE;
    object->write_fn = write_filter;
    return object->stream;
}

void pdf_compressor_note(struct pdf_compressor *compressor, const void *data, size_t length)
{
    compressor->crc32 = libdeflate_crc32(compressor->crc32, data, length);
    compressor->adler32 = libdeflate_adler32(compressor->adler32, data, length);
    compressor->identity_length += length;
}

void pdf_compressor_identity(struct pdf_compressor *compressor,
                             unsigned char identity[PDF_IDENTITY_SIZE])
{
    uint64_t parts[2] = {(uint64_t)compressor->crc32 << 32 | compressor->adler32,
                         compressor->identity_length};
    for (size_t index = 0; index < PDF_IDENTITY_SIZE; index++)
        identity[index] = (unsigned char)(parts[index / 8] >> (56 - 8 * (index % 8)));
}
