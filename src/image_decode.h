/* Decoding PNG (libpng) and JPEG (libjpeg) files into 8-bit pixels, for
 * the images libharu 2.3.0 draws wrong or not at all: every PNG (it
 * halves 16-bit ones and cannot read interlaced ones) and CMYK JPEGs
 * (which PDF/A-2b cannot hold with an sRGB output intent). Baseline and
 * progressive JPEGs in grey or RGB go to the PDF as they are. */
#ifndef GOLIVE_IMAGE_DECODE_H
#define GOLIVE_IMAGE_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct decoded_image {
    uint32_t width, height; /* [pixels] */
    unsigned channels;      /* 1: grey, 3: RGB (sRGB) */
    unsigned char *pixels;  /* width * height * channels, rows top down */
    unsigned char *alpha;   /* width * height opacities; NULL when opaque */
};

/* image_decode_png: the PNG file at path, any bit depth, colour type or
 * interlacing. False when libpng cannot read it (out->pixels NULL). */
bool image_decode_png(const char *path, struct decoded_image *out);

/* image_jpeg_is_cmyk: the JPEG at path has four colour components. */
bool image_jpeg_is_cmyk(const char *path);

/* image_decode_jpeg: the JPEG file at path as grey or RGB pixels (CMYK,
 * Adobe's inverted form included, converted to RGB). False when libjpeg
 * cannot read it. */
bool image_decode_jpeg(const char *path, struct decoded_image *out);

void decoded_image_free(struct decoded_image *image);

/* image_decodable: the PNG (png) or JPEG file at path decodes whole: the
 * layout asks before it reserves an image's place, so that a damaged file
 * gets its alt text instead, with a warning at its line. */
bool image_decodable(const char *path, bool png);

#endif
