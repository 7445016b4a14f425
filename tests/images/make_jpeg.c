/* Writes a 64 x 64 JPEG of four coloured quadrants, for tests/images:
 * make_jpeg OUT.jpg baseline|progressive|grey|cmyk. The colours are those
 * make_pngs.py gives its RGB images; the CMYK file stores its inks
 * inverted behind an Adobe marker, as Photoshop writes them. */
#include <stdio.h>

#include <jpeglib.h>
#include <string.h>

#define SIDE 64

static const unsigned char colours[4][3] = {
    {230, 20, 30}, {20, 160, 60}, {30, 60, 220}, {250, 200, 40}};

int main(int argc, char **argv)
{
    if (argc != 3)
        return 2;
    FILE *file = fopen(argv[1], "wb");
    if (!file)
        return 1;
    const char *mode = argv[2];
    int grey = strcmp(mode, "grey") == 0, cmyk = strcmp(mode, "cmyk") == 0;
    struct jpeg_compress_struct info;
    struct jpeg_error_mgr errors;
    info.err = jpeg_std_error(&errors);
    jpeg_create_compress(&info);
    jpeg_stdio_dest(&info, file);
    info.image_width = info.image_height = SIDE;
    info.input_components = grey ? 1 : cmyk ? 4 : 3;
    info.in_color_space = grey ? JCS_GRAYSCALE : cmyk ? JCS_CMYK : JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, 95, TRUE);
    if (strcmp(mode, "progressive") == 0)
        jpeg_simple_progression(&info);
    jpeg_start_compress(&info, TRUE);
    unsigned char row[SIDE * 4];
    while (info.next_scanline < SIDE) {
        for (int x = 0; x < SIDE; x++) {
            const unsigned char *colour =
                colours[(info.next_scanline >= SIDE / 2) * 2 + (x >= SIDE / 2)];
            if (grey) {
                row[x] = colour[1];
            } else if (cmyk) { /* inverted inks: C = 255 - R stored as R */
                memcpy(row + 4 * x, colour, 3);
                row[4 * x + 3] = 255;
            } else {
                memcpy(row + 3 * x, colour, 3);
            }
        }
        JSAMPROW rows[1] = {row};
        jpeg_write_scanlines(&info, rows, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    fclose(file);
    return 0;
}
