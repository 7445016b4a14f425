/* Reading the size and format of a PNG or JPEG file from its header, so
 * that the layout can size an image without decoding it (the PDF device
 * embeds it later). */
#ifndef GOLIVE_IMAGE_PROBE_H
#define GOLIVE_IMAGE_PROBE_H

#include <stdbool.h>
#include <stdint.h>

enum image_format { IMAGE_PNG, IMAGE_JPEG };

enum image_probe_result {
    IMAGE_PROBE_OK,
    IMAGE_PROBE_UNREADABLE, /* cannot open or read the file */
    IMAGE_PROBE_FORMAT,     /* neither PNG nor baseline/progressive JPEG */
    IMAGE_PROBE_TOO_LARGE,  /* over LIMIT_IMAGE_PIXELS */
};

struct image_info {
    enum image_format format;
    uint32_t width, height; /* [pixels] */
};

enum image_probe_result image_probe(const char *path, struct image_info *info);

#endif
