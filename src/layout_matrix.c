/* <!-- golive:matrix --> : a grid drawn from data, such as a risk matrix
 * (severity by likelihood) with each finding's mark in its cell:
 *
 *   <!-- golive:matrix rows="Critical|High|Medium|Low" columns="Low|Medium|High"
 *        row-label="Severity" column-label="Likelihood" cells="0,2,R1 1,1,R2" -->
 *
 * rows run top to bottom, columns left to right; each cell entry is
 * "ROW,COLUMN,MARK" (0-based), entries separated by blanks. A cell is
 * tinted by how far it lies towards the top right, the corner of the worst
 * risks. The whole grid is one box: it never breaks across pages. */
#include "layout_internal.h"

#include "layout_directive.h"

#include <stdlib.h>
#include <string.h>

#define MATRIX_MAX 8 /* rows or columns: a risk grid has 3 to 5 */

static const struct {
    float axis_width;                          /* [pt] the column of the rows' axis label */
    float label_width;                         /* [pt] the column of the row names */
    float cell_height;                         /* [pt] */
    float cell_padding;                        /* [pt] around the marks of a cell */
    float rule;                                /* [pt] grid lines */
    uint32_t tint_low, tint_medium, tint_high; /* cell fills, light enough for text */
    float medium_from, high_from;              /* [ratio of the way to the worst corner] */
} matrix = {
    .axis_width = 14.0f,
    .label_width = 72.0f,
    .cell_height = 36.0f,
    .cell_padding = 4.0f,
    .rule = 0.6f,
    .tint_low = 0xDCEFD8,
    .tint_medium = 0xFBEBC5,
    .tint_high = 0xF6CFCB,
    .medium_from = 0.4f,
    .high_from = 0.75f,
};

/* Splits text at '|' into at most MATRIX_MAX names, in place. */
static size_t split_names(char *text, char **names)
{
    size_t count = 0;
    for (char *at = text; at && count < MATRIX_MAX;) {
        names[count++] = at;
        at = strchr(at, '|');
        if (at)
            *at++ = '\0';
    }
    return count;
}

static uint32_t cell_tint(size_t row, size_t column, size_t rows, size_t columns)
{
    float up = rows > 1 ? (float)(rows - 1 - row) / (float)(rows - 1) : 1.0f;
    float right = columns > 1 ? (float)column / (float)(columns - 1) : 1.0f;
    float way = (up + right) / 2.0f;
    return way >= matrix.high_from     ? matrix.tint_high
           : way >= matrix.medium_from ? matrix.tint_medium
                                       : matrix.tint_low;
}

/* The marks of one cell, blank-separated, from the cells="..." value. */
static void cell_marks(const char *cells, size_t row, size_t column, struct buffer *out)
{
    buffer_truncate(out, 0);
    for (const char *at = cells; at && *at;) {
        while (*at == ' ')
            at++;
        char *end;
        long entry_row = strtol(at, &end, 10);
        long entry_column = *end == ',' ? strtol(end + 1, &end, 10) : -1;
        size_t length = strcspn(at, " ");
        const char *mark = *end == ',' ? end + 1 : NULL;
        if (mark && mark < at + length && entry_row == (long)row && entry_column == (long)column) {
            if (out->length)
                buffer_append_text(out, " ");
            buffer_append(out, mark, (size_t)(at + length - mark));
        }
        at += length;
    }
}

static void draw_grid(struct layout *layout, float left, float top, float width, size_t rows,
                      size_t columns, float header)
{
    uint32_t colour = layout_measures.colour_grid;
    float height = (float)rows * matrix.cell_height;
    for (size_t row = 0; row <= rows; row++)
        box_add_shape(layout, DISPLAY_LINE, left, top + (float)row * matrix.cell_height, width, 0,
                      matrix.rule, colour);
    for (size_t column = 0; column <= columns; column++)
        box_add_shape(layout, DISPLAY_LINE, left + (float)column * width / (float)columns, top, 0,
                      height + header, matrix.rule, colour);
}

static void draw_cells(struct layout *layout, const char *cells, float left, float top, float width,
                       size_t rows, size_t columns)
{
    struct buffer marks = {0};
    float cell_width = width / (float)columns;
    for (size_t row = 0; row < rows; row++)
        for (size_t column = 0; column < columns; column++) {
            float x = left + (float)column * cell_width, y = top + (float)row * matrix.cell_height;
            box_add_shape(layout, DISPLAY_FILL, x, y, cell_width, matrix.cell_height, 0,
                          cell_tint(row, column, rows, columns));
            cell_marks(cells ? cells : "", row, column, &marks);
            if (marks.length)
                layout_form_text(layout, buffer_text(&marks), STYLE_TABLE, SPAN_BOLD,
                                 x + matrix.cell_padding, y + matrix.cell_padding,
                                 cell_width - 2 * matrix.cell_padding, ALIGN_CENTER);
        }
    buffer_free(&marks);
}

static void draw_names(struct layout *layout, char **row_names, size_t rows, char **column_names,
                       size_t columns, float left, float top, float width)
{
    float cell_width = width / (float)columns;
    float leading = layout_styles[STYLE_TABLE].leading;
    for (size_t row = 0; row < rows; row++)
        layout_form_text(layout, row_names[row], STYLE_TABLE, SPAN_BOLD, left - matrix.label_width,
                         top + (float)row * matrix.cell_height + (matrix.cell_height - leading) / 2,
                         matrix.label_width - matrix.cell_padding, ALIGN_RIGHT);
    float below = top + (float)rows * matrix.cell_height + matrix.cell_padding;
    for (size_t column = 0; column < columns; column++)
        layout_form_text(layout, column_names[column], STYLE_TABLE, SPAN_BOLD,
                         left + (float)column * cell_width, below, cell_width, ALIGN_CENTER);
}

void layout_matrix(struct layout *layout, const struct directive *directive)
{
    char *row_text = xstrdup(directive->values[KEY_ROWS] ? directive->values[KEY_ROWS] : "");
    char *column_text =
        xstrdup(directive->values[KEY_COLUMNS] ? directive->values[KEY_COLUMNS] : "");
    char *row_names[MATRIX_MAX], *column_names[MATRIX_MAX];
    size_t rows = split_names(row_text, row_names);
    size_t columns = split_names(column_text, column_names);
    const struct layout_frame *frame = frame_top(layout);
    float leading = layout_styles[STYLE_TABLE].leading;
    float left = frame->x + matrix.axis_width + matrix.label_width;
    float width = frame->width - matrix.axis_width - matrix.label_width;
    const char *row_label = directive->values[KEY_ROW_LABEL];
    float top = 0;
    box_space(layout, layout_styles[STYLE_BODY].space_before);
    if (row_label) /* above the row names */
        top = layout_form_text(layout, row_label, STYLE_FORM_LABEL, 0, frame->x, 0,
                               matrix.axis_width + matrix.label_width - matrix.cell_padding,
                               ALIGN_RIGHT) +
              matrix.cell_padding;
    draw_cells(layout, directive->values[KEY_CELLS], left, top, width, rows, columns);
    draw_grid(layout, left, top, width, rows, columns, 0);
    draw_names(layout, row_names, rows, column_names, columns, left, top, width);
    float bottom = top + (float)rows * matrix.cell_height + matrix.cell_padding + leading;
    if (directive->values[KEY_COLUMN_LABEL])
        bottom += layout_form_text(layout, directive->values[KEY_COLUMN_LABEL], STYLE_FORM_LABEL, 0,
                                   left, bottom, width, ALIGN_CENTER);
    box_finish(layout, bottom, text_baseline(layout_styles[STYLE_TABLE].size, leading), 0);
    box_space(layout, layout_styles[STYLE_BODY].space_after);
    free(row_text);
    free(column_text);
}
