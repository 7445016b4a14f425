/* PNG and JPEG decoding (see image_decode.h). PNG through libpng, which
 * reads every valid PNG (1 to 16 bits, palette, transparency chunk, Adam7
 * interlacing), JPEG through libjpeg; the errors of both return here by
 * longjmp instead of ending golive. */
#include "image_decode.h"

#include "alloc.h"

#include <stdio.h> /* before jpeglib.h, which uses FILE */

#include <jpeglib.h>
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

void decoded_image_free(struct decoded_image *image)
{
    free(image->pixels);
    free(image->alpha);
    *image = (struct decoded_image){0};
}

/* Moves the alpha channel of pixels (channels + 1 per pixel) into its own
 * plane; drops it when every pixel is opaque. */
static void split_alpha(struct decoded_image *out, unsigned char *mixed)
{
    size_t count = (size_t)out->width * out->height, stride = out->channels + 1;
    bool opaque = true;
    out->pixels = xreallocarray(NULL, count ? count : 1, out->channels);
    out->alpha = xreallocarray(NULL, count ? count : 1, 1);
    for (size_t pixel = 0; pixel < count; pixel++) {
        memcpy(out->pixels + pixel * out->channels, mixed + pixel * stride, out->channels);
        out->alpha[pixel] = mixed[pixel * stride + out->channels];
        opaque = opaque && out->alpha[pixel] == 0xFF;
    }
    if (opaque) {
        free(out->alpha);
        out->alpha = NULL;
    }
}

/* libpng's messages: none printed (the device warns in golive's words);
 * an error returns to read_png_rows's setjmp. */
static void png_fail(png_structp png, png_const_charp message)
{
    (void)message;
    png_longjmp(png, 1);
}

static void png_quiet(png_structp png, png_const_charp message)
{
    (void)png;
    (void)message;
}

/* The PNG's rows as 8-bit samples as stored (no gamma applied, as
 * browsers show untagged files): 16 bits scaled, palettes and small
 * depths expanded, tRNS made an alpha channel, Adam7 passes merged. */
/* What read_png_rows allocates, kept by its caller, which frees it
 * whether or not libpng jumped out half-way. */
struct png_memory {
    unsigned char *mixed; /* the rows, back to back */
    png_bytep *rows;      /* where each row starts */
};

static bool read_png_rows(png_structp png, png_infop info, FILE *file, struct decoded_image *out,
                          struct png_memory *memory)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    png_init_io(png, file);
    png_set_benign_errors(png, 0); /* a damaged file is refused, not drawn in part */
    png_read_info(png, info);
    png_set_scale_16(png);
    png_set_expand(png); /* palette to RGB, grey below 8 bits to 8, tRNS to alpha */
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    unsigned channels = png_get_channels(png, info);
    out->width = png_get_image_width(png, info);
    out->height = png_get_image_height(png, info);
    out->channels = channels >= 3 ? 3 : 1;
    size_t row_bytes = png_get_rowbytes(png, info);
    memory->mixed = xreallocarray(NULL, out->height ? out->height : 1, row_bytes);
    memory->rows = xreallocarray(NULL, out->height ? out->height : 1, sizeof *memory->rows);
    for (uint32_t row = 0; row < out->height; row++)
        memory->rows[row] = memory->mixed + row * row_bytes;
    png_read_image(png, memory->rows);
    return channels == out->channels + 1 || channels == out->channels;
}

bool image_decode_png(const char *path, struct decoded_image *out)
{
    *out = (struct decoded_image){0};
    FILE *file = fopen(path, "rb");
    if (!file)
        return false;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, png_fail, png_quiet);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    struct png_memory memory = {0};
    bool ok = info && read_png_rows(png, info, file, out, &memory);
    bool alpha = ok && png_get_channels(png, info) == out->channels + 1;
    png_destroy_read_struct(&png, &info, NULL);
    fclose(file);
    free(memory.rows);
    if (!ok) {
        free(memory.mixed);
        *out = (struct decoded_image){0};
        return false;
    }
    if (alpha) {
        split_alpha(out, memory.mixed);
        free(memory.mixed);
    } else {
        out->pixels = memory.mixed;
    }
    return true;
}

/* libjpeg's error handler: back to the caller's setjmp. */
struct jpeg_failure {
    struct jpeg_error_mgr manager;
    jmp_buf back;
};

static void jpeg_fail(j_common_ptr info)
{
    longjmp(((struct jpeg_failure *)info->err)->back, 1);
}

static void jpeg_quiet(j_common_ptr info, int level)
{
    (void)info;
    (void)level;
}

/* One CMYK pixel as RGB; Adobe's files store the inks inverted. */
static void cmyk_to_rgb(const unsigned char *cmyk, unsigned char *rgb, bool inverted)
{
    unsigned black = inverted ? cmyk[3] : 255u - cmyk[3];
    for (int channel = 0; channel < 3; channel++) {
        unsigned ink = inverted ? cmyk[channel] : 255u - cmyk[channel];
        rgb[channel] = (unsigned char)((ink * black + 127) / 255);
    }
}

/* Reads the decompressor's scanlines into out (grey, RGB, or CMYK made RGB). */
static void read_scanlines(struct jpeg_decompress_struct *info, struct decoded_image *out,
                           unsigned char *row)
{
    bool cmyk = info->out_color_components == 4;
    bool inverted = cmyk && info->saw_Adobe_marker;
    size_t width = info->output_width;
    while (info->output_scanline < info->output_height) {
        size_t line = info->output_scanline;
        unsigned char *target = out->pixels + line * width * out->channels;
        JSAMPROW rows[1] = {cmyk ? row : target};
        jpeg_read_scanlines(info, rows, 1);
        for (size_t pixel = 0; cmyk && pixel < width; pixel++)
            cmyk_to_rgb(row + 4 * pixel, target + 3 * pixel, inverted);
    }
}

static bool decode_jpeg_file(FILE *file, struct decoded_image *out, bool header_only, bool *is_cmyk)
{
    struct jpeg_decompress_struct info;
    struct jpeg_failure failure;
    unsigned char *volatile row = NULL;
    info.err = jpeg_std_error(&failure.manager);
    failure.manager.error_exit = jpeg_fail;
    failure.manager.emit_message = jpeg_quiet;
    if (setjmp(failure.back)) {
        jpeg_destroy_decompress(&info);
        free(row);
        decoded_image_free(out);
        return false;
    }
    jpeg_create_decompress(&info);
    jpeg_stdio_src(&info, file);
    jpeg_read_header(&info, TRUE);
    *is_cmyk = info.num_components == 4;
    if (header_only) {
        jpeg_destroy_decompress(&info);
        return true;
    }
    if (info.jpeg_color_space != JCS_GRAYSCALE && !*is_cmyk)
        info.out_color_space = JCS_RGB;
    jpeg_start_decompress(&info);
    out->width = info.output_width;
    out->height = info.output_height;
    out->channels = info.out_color_components == 1 ? 1 : 3;
    size_t count = (size_t)out->width * out->height;
    out->pixels = xreallocarray(NULL, count ? count : 1, out->channels);
    row = xreallocarray(NULL, (size_t)out->width + 1, 4);
    read_scanlines(&info, out, row);
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    free(row);
    return true;
}

static bool read_jpeg(const char *path, struct decoded_image *out, bool header_only, bool *is_cmyk)
{
    *out = (struct decoded_image){0};
    *is_cmyk = false;
    FILE *file = fopen(path, "rb");
    if (!file)
        return false;
    bool ok = decode_jpeg_file(file, out, header_only, is_cmyk);
    fclose(file);
    return ok;
}

bool image_jpeg_is_cmyk(const char *path)
{
    struct decoded_image none;
    bool cmyk;
    return read_jpeg(path, &none, true, &cmyk) && cmyk;
}

bool image_decode_jpeg(const char *path, struct decoded_image *out)
{
    bool cmyk;
    return read_jpeg(path, out, false, &cmyk);
}

bool image_decodable(const char *path, bool png)
{
    struct decoded_image image;
    bool ok = png ? image_decode_png(path, &image) : image_decode_jpeg(path, &image);
    decoded_image_free(&image);
    return ok;
}
