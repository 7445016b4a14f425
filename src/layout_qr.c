/* QR codes as vector squares (layout_qr.h): libqrencode makes the grid of
 * modules at error correction level M; each row's runs of dark modules
 * become filled rectangles, so the code prints sharp at any resolution. */
#include "layout_internal.h"

#include "layout_directive.h"
#include "layout_qr.h"

#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

bool qr_grid_encode(const char *text, struct qr_grid *grid)
{
    memset(grid, 0, sizeof *grid);
    size_t length = text ? strlen(text) : 0;
    if (length == 0 || length > QR_MOST_TEXT)
        return false;
    QRcode *code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
    if (!code)
        return false;
    grid->width = (size_t)code->width;
    grid->dark = xcalloc(grid->width * grid->width, 1);
    for (size_t index = 0; index < grid->width * grid->width; index++)
        grid->dark[index] = code->data[index] & 1;
    QRcode_free(code);
    return true;
}

void qr_grid_free(struct qr_grid *grid)
{
    free(grid->dark);
    grid->dark = NULL;
}

float qr_module_size(size_t width)
{
    float module = QR_LEAST_SIDE / (float)width;
    return module > QR_LEAST_MODULE ? module : QR_LEAST_MODULE;
}

/* Rows overlap by a hair, so that no viewer shows seams between them. */
#define ROW_OVERLAP 0.05f

/* The side of the symbol of grid with its quiet zone [pt]. */
static float grid_side(const struct qr_grid *grid)
{
    return (float)(grid->width + 2 * QR_QUIET_MODULES) * qr_module_size(grid->width);
}

static void draw_grid(struct layout *layout, const struct qr_grid *grid, float x, float top)
{
    float module = qr_module_size(grid->width);
    float left = x + QR_QUIET_MODULES * module, first = top + QR_QUIET_MODULES * module;
    for (size_t row = 0; row < grid->width; row++)
        for (size_t column = 0; column < grid->width;) {
            if (!grid->dark[row * grid->width + column]) {
                column++;
                continue;
            }
            size_t end = column;
            while (end < grid->width && grid->dark[row * grid->width + end])
                end++;
            box_add_shape(layout, DISPLAY_FILL, left + (float)column * module,
                          first + (float)row * module, (float)(end - column) * module,
                          module + (row + 1 < grid->width ? ROW_OVERLAP : 0), 0, 0x000000);
            column = end;
        }
}

static bool encode_or_warn(struct layout *layout, const char *text, struct qr_grid *grid)
{
    if (qr_grid_encode(text, grid))
        return true;
    diag(layout->sink, DIAG_TYPESET_DIRECTIVE_VALUE, layout->current_position,
         "the QR code's text is empty or longer than %d bytes; no code is drawn", QR_MOST_TEXT);
    return false;
}

float layout_qr_draw(struct layout *layout, const char *text, float x, float top)
{
    struct qr_grid grid;
    if (!encode_or_warn(layout, text, &grid))
        return 0;
    draw_grid(layout, &grid, x, top);
    float side = grid_side(&grid);
    qr_grid_free(&grid);
    return side;
}

void layout_qr(struct layout *layout, const struct directive *directive)
{
    const struct layout_frame *frame = frame_top(layout);
    box_space(layout, layout_styles[STYLE_BODY].space_before);
    float side = layout_qr_draw(layout, directive->values[KEY_TEXT], frame->x, 0);
    float height = side;
    const char *label = directive->values[KEY_LABEL];
    if (label && *label) {
        float used = layout_form_text(layout, label, STYLE_BODY, 0, frame->x + side,
                                      (side - layout_styles[STYLE_BODY].leading) / 2,
                                      frame->width - side, ALIGN_LEFT);
        height = used > height ? used : height;
    }
    box_finish(layout, height,
               text_baseline(layout_styles[STYLE_BODY].size, layout_styles[STYLE_BODY].leading), 0);
    box_space(layout, layout_styles[STYLE_BODY].space_after);
}

void layout_notes_beside_qr(struct layout *layout, const char *label, long count, const char *text)
{
    const struct layout_frame *frame = frame_top(layout);
    box_space(layout, layout_styles[STYLE_BODY].space_after);
    struct qr_grid grid;
    bool drawn = encode_or_warn(layout, text, &grid);
    float side = drawn ? grid_side(&grid) : 0, width = frame->width - side;
    if (drawn)
        draw_grid(layout, &grid, frame->x + width, 0);
    qr_grid_free(&grid);
    float y =
        layout_form_text(layout, label, STYLE_BODY, SPAN_BOLD, frame->x, 0, width, ALIGN_LEFT);
    for (long index = 0; index < count; index++) {
        y += layout_measures.notes_spacing;
        box_add_shape(layout, DISPLAY_LINE, frame->x, y, width, 0, layout_measures.form_line,
                      layout_measures.colour_rule);
    }
    box_finish(layout, y > side ? y : side,
               text_baseline(layout_styles[STYLE_BODY].size, layout_styles[STYLE_BODY].leading), 0);
    box_space(layout, layout_styles[STYLE_BODY].space_after);
}
