/* PNG and JPEG headers: format and pixel size. */
#include "image_probe.h"

#include "alloc.h"
#include "golive_limits.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A JPEG's frame header (SOF) usually comes within the first few KiB, but
 * EXIF data and embedded thumbnails can push it further. */
#define PROBE_BYTES (256u * 1024u)

static uint32_t big_endian(const unsigned char *bytes, unsigned count)
{
    uint32_t value = 0;
    for (unsigned index = 0; index < count; index++)
        value = (value << 8) | bytes[index];
    return value;
}

static bool probe_png(const unsigned char *data, size_t length, struct image_info *info)
{
    static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (length < 24 || memcmp(data, signature, 8) != 0 || memcmp(data + 12, "IHDR", 4) != 0)
        return false;
    info->format = IMAGE_PNG;
    info->width = big_endian(data + 16, 4);
    info->height = big_endian(data + 20, 4);
    return true;
}

/* Walks the JPEG markers to the first start-of-frame. */
static bool probe_jpeg(const unsigned char *data, size_t length, struct image_info *info)
{
    if (length < 4 || data[0] != 0xFF || data[1] != 0xD8)
        return false;
    size_t at = 2;
    while (at + 9 < length) {
        if (data[at] != 0xFF)
            return false;
        unsigned marker = data[at + 1];
        if (marker == 0xFF) {
            at++;
            continue;
        }
        uint32_t segment = big_endian(data + at + 2, 2);
        bool frame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame) {
            info->format = IMAGE_JPEG;
            info->height = big_endian(data + at + 5, 2);
            info->width = big_endian(data + at + 7, 2);
            return true;
        }
        if (segment < 2)
            return false;
        at += 2 + segment;
    }
    return false;
}

enum image_probe_result image_probe(const char *path, struct image_info *info)
{
    struct stat status;
    if (stat(path, &status) != 0 || !S_ISREG(status.st_mode) ||
        (unsigned long long)status.st_size > LIMIT_FILE_SIZE)
        return IMAGE_PROBE_UNREADABLE;
    FILE *file = fopen(path, "rb");
    if (!file)
        return IMAGE_PROBE_UNREADABLE;
    unsigned char *data = xmalloc(PROBE_BYTES);
    size_t length = fread(data, 1, PROBE_BYTES, file);
    bool failed = ferror(file);
    fclose(file);
    bool known = !failed && (probe_png(data, length, info) || probe_jpeg(data, length, info));
    free(data);
    if (failed)
        return IMAGE_PROBE_UNREADABLE;
    if (!known)
        return IMAGE_PROBE_FORMAT;
    if (info->width == 0 || info->height == 0)
        return IMAGE_PROBE_FORMAT;
    if ((uint64_t)info->width * info->height > LIMIT_IMAGE_PIXELS)
        return IMAGE_PROBE_TOO_LARGE;
    return IMAGE_PROBE_OK;
}
