/* GFM tables: column widths shared by content, cells wrapped, each row one
 * box that is never split unless it is taller than a page, the header row
 * repeated at the top of each page the table continues on. */
#include "layout_internal.h"

#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct table_cell {
    size_t first_span, end_span;    /* its inline content */
    float widest_word, widest_line; /* [pt], padding included */
    float widest_piece;             /* [pt] widest_word after hyphenation, padding included */
    size_t image;                   /* a cell holding an image alone: its span + 1; else 0 */
};

struct table {
    size_t columns, rows;
    struct table_cell *cells; /* rows * columns, row by row */
    uint8_t *alignments;      /* 'l', 'c', 'r' or 0, per column */
    float *width, *x;         /* per column [pt] */
    bool header;              /* row 0 is the header */
    bool blank_column;        /* some column's body cells are all empty: a form */
    float scale;              /* [ratio] of the usual text size */
    bool compact;             /* a sheet kept to one page: tight rows, addresses whole */
    float padding_y;          /* [pt] above and below each cell's text */
    float leading;            /* [pt] of the body rows' text */
    float image_cap;          /* [pt] the tallest an image in a cell is drawn */
};

/* A cell that starts with "[ ]" or "[x]" shows a checkbox there: the
 * pre-flight sheet's tick column. */
static void cell_checkbox(struct layout *layout, struct table_cell *cell)
{
    if (cell->first_span == cell->end_span)
        return;
    struct inline_span *span = &layout->spans[cell->first_span];
    const char *text = buffer_text(&layout->scratch) + span->offset;
    bool empty = span->length >= 3 && strncmp(text, "[ ]", 3) == 0;
    bool ticked =
        span->length >= 3 && (strncmp(text, "[x]", 3) == 0 || strncmp(text, "[X]", 3) == 0);
    if (span->kind != SPAN_TEXT || !(empty || ticked) || (span->length > 3 && text[3] != ' '))
        return;
    uint32_t skip = span->length > 3 ? 4 : 3;
    span->offset += skip;
    span->length -= skip;
    LAYOUT_GROW(layout->spans, layout->span_count, layout->span_capacity);
    memmove(&layout->spans[cell->first_span + 1], &layout->spans[cell->first_span],
            (layout->span_count - cell->first_span) * sizeof *layout->spans);
    layout->span_count++;
    layout->spans[cell->first_span] = (struct inline_span){
        .kind = (uint8_t)(ticked ? SPAN_CHECKBOX_TICKED : SPAN_CHECKBOX_EMPTY)};
    cell->end_span++;
}

static struct run_style cell_style(const struct layout *layout, const struct table *table,
                                   size_t row)
{
    enum text_style_kind kind = table->header && row == 0 ? STYLE_TABLE_HEADER : STYLE_TABLE;
    const struct text_style *style = &layout_styles[kind];
    return (struct run_style){.size = style->size * table->scale,
                              .leading = table->compact ? style->size * table->scale *
                                                              layout_measures.compact_leading
                                                        : style->leading * table->scale,
                              .colour = layout_colour(layout, style),
                              .base = style->bold ? SPAN_BOLD : 0};
}

/* Reads every cell's inlines into the scratch spans (cells index into
 * them); cells a short row lacks stay empty. */
static void collect_cells(struct layout *layout, cmark_node *node, struct table *table)
{
    size_t row = 0;
    for (cmark_node *row_node = cmark_node_first_child(node); row_node;
         row_node = cmark_node_next(row_node), row++) {
        size_t column = 0;
        uint8_t base = table->header && row == 0 ? SPAN_BOLD : 0;
        for (cmark_node *cell_node = cmark_node_first_child(row_node);
             cell_node && column < table->columns; cell_node = cmark_node_next(cell_node)) {
            struct table_cell *cell = &table->cells[row * table->columns + column++];
            cell->first_span = layout->span_count;
            inline_collect(layout, cell_node, base);
            cell->end_span = layout->span_count;
            cell_checkbox(layout, cell);
            cell->image = layout_cell_image(layout, cell->first_span, cell->end_span);
        }
        for (; column < table->columns; column++) {
            struct table_cell *cell = &table->cells[row * table->columns + column];
            cell->first_span = cell->end_span = layout->span_count;
        }
    }
}

static void measure_cells(struct layout *layout, struct table *table)
{
    float padding = 2 * layout_measures.cell_padding_x;
    float fair = frame_top(layout)->width / (float)table->columns;
    if (fair < layout_measures.column_minimum)
        fair = layout_measures.column_minimum;
    for (size_t row = 0; row < table->rows; row++) {
        struct run_style style = cell_style(layout, table, row);
        for (size_t column = 0; column < table->columns; column++) {
            struct table_cell *cell = &table->cells[row * table->columns + column];
            if (cell->image) {
                /* An image alone wants its own width (or less, when its
                 * height is capped) and shrinks to a thumbnail. */
                float natural, height;
                layout_cell_image_fit(&layout->spans[cell->image - 1], INFINITY, table->image_cap,
                                      &natural, &height);
                cell->widest_line = natural + padding;
                cell->widest_word =
                    (natural < CELL_IMAGE_LEAST ? natural : CELL_IMAGE_LEAST) + padding;
                cell->widest_piece = cell->widest_word;
                continue;
            }
            inline_measure(layout, cell->first_span, cell->end_span, &style);
            inline_widths(layout, table->compact, &cell->widest_word, &cell->widest_line);
            /* A word that may be hyphenated needs only its widest part;
             * one within its column's fair share stays whole (and the
             * patterns are loaded only for longer words). */
            cell->widest_piece = table->compact
                                     ? cell->widest_word
                                     : inline_widest_piece(layout, &style, fair - padding);
            if (!table->compact && cell->widest_word > layout_measures.column_word_cap)
                cell->widest_word = layout_measures.column_word_cap;
            if (cell->widest_piece > cell->widest_word)
                cell->widest_piece = cell->widest_word;
            cell->widest_word += padding;
            cell->widest_piece += padding;
            cell->widest_line += padding;
        }
    }
}

/* The width above which columns are cut down when even the longest words
 * do not fit: the cap such that min(least, cap), but at least lowest (when
 * given), over the columns fills the available width. Narrow columns keep
 * their words whole; only the widest (long identifiers, URLs) have theirs
 * broken. */
#define WATER_LEVEL_STEPS 40 /* halvings of the width: far finer than a point */

static float capped(float least, float cap, const float *lowest, size_t column)
{
    float width = least < cap ? least : cap;
    return lowest && lowest[column] > width ? lowest[column] : width;
}

static float water_level(size_t columns, const float *least, const float *lowest, float available)
{
    float low = 0, high = available;
    for (int step = 0; step < WATER_LEVEL_STEPS; step++) {
        float cap = (low + high) / 2, used = 0;
        for (size_t column = 0; column < columns; column++)
            used += capped(least[column], cap, lowest, column);
        if (used > available)
            high = cap;
        else
            low = cap;
    }
    return low;
}

#define SETTLE_SLACK 0.01f /* [pt]: the cell's words summed again in another order may be wider */

/* Column widths from content: every column gets at least its longest word
 * (capped) and a floor; the rest of the width goes to the columns whose
 * text would wrap, in proportion to how much more they want. A table whose
 * text fits on one line per cell is stretched to the full width. When not
 * even the longest words fit, the widest columns give way first. */
void table_column_widths(size_t columns, const float *least, const float *most, float available,
                         float *width)
{
    float floor = layout_measures.column_minimum;
    if (floor * (float)columns > available)
        floor = available / (float)columns;
    float sum_least = 0, sum_most = 0;
    for (size_t column = 0; column < columns; column++) {
        float low = least[column] > floor ? least[column] : floor;
        float high = most[column] > low ? most[column] : low;
        width[column] = low;
        sum_least += low;
        sum_most += high;
    }
    float cap = sum_least > available ? water_level(columns, width, NULL, available) : 0;
    for (size_t column = 0; column < columns; column++) {
        float low = width[column];
        float high = most[column] > low ? most[column] : low;
        if (sum_most <= available)
            width[column] = high * available / sum_most;
        else if (sum_least <= available)
            width[column] = low + (available - sum_least) * (high - low) / (sum_most - sum_least);
        else
            width[column] = low < cap ? low : cap;
    }
}

/* The height in lines of an image alone in a cell at a column width. */
static float image_lines(const struct layout *layout, const struct table *table,
                         const struct table_cell *cell, float width)
{
    const struct inline_span *span = &layout->spans[cell->image - 1];
    float drawn_width, drawn_height;
    layout_cell_image_fit(span, width - 2 * layout_measures.cell_padding_x, table->image_cap,
                          &drawn_width, &drawn_height);
    return drawn_height > table->leading ? drawn_height / table->leading : 1;
}

/* The lines a cell takes at a column width, estimated from the width of
 * its text unbroken (an image: from its height there). */
static float estimated_lines(const struct layout *layout, const struct table *table,
                             const struct table_cell *cell, float width)
{
    if (cell->image)
        return image_lines(layout, table, cell, width);
    float padding = 2 * layout_measures.cell_padding_x;
    float inner = width - padding, text = cell->widest_line - padding;
    if (text <= inner + SETTLE_SLACK || inner <= 0)
        return 1;
    return ceilf(text / inner);
}

/* The table's height in lines, estimated: each row as tall as its tallest
 * cell. */
static float estimated_height(const struct layout *layout, const struct table *table,
                              const float *width)
{
    float total = 0;
    for (size_t row = 0; row < table->rows; row++) {
        float tallest = 1;
        for (size_t column = 0; column < table->columns; column++) {
            float lines = estimated_lines(
                layout, table, &table->cells[row * table->columns + column], width[column]);
            if (lines > tallest)
                tallest = lines;
        }
        total += tallest;
    }
    return total;
}

/* Widths with the settled columns at their most and the others sharing
 * the rest as table_column_widths does; false when the others would not
 * keep their longest words. */
static bool widths_with_settled(size_t columns, const float *least, const float *most,
                                float available, const bool *settled, float *width)
{
    float *open_least = xcalloc(columns, sizeof *open_least);
    float *open_most = xcalloc(columns, sizeof *open_most);
    float *open_width = xcalloc(columns, sizeof *open_width);
    size_t open = 0;
    float rest = available, need = 0;
    for (size_t column = 0; column < columns; column++) {
        if (settled[column]) {
            width[column] = most[column] + SETTLE_SLACK;
            rest -= width[column];
            continue;
        }
        open_least[open] = least[column];
        open_most[open++] = most[column];
        need += least[column] > layout_measures.column_minimum ? least[column]
                                                               : layout_measures.column_minimum;
    }
    bool fits = open > 0 && need <= rest;
    if (fits) {
        table_column_widths(open, open_least, open_most, rest, open_width);
        for (size_t column = 0, index = 0; column < columns; column++)
            if (!settled[column])
                width[column] = open_width[index++];
    }
    free(open_least);
    free(open_most);
    free(open_width);
    return fits;
}

/* A column whose text would wrap is given its whole natural width when
 * that makes the table shorter: a column of names ("Owner 3") squeezed to
 * its longest word makes every row two lines tall, while the notes column
 * that took the width wraps anyway. One column at a time, the one that
 * saves most, until none saves a line. */
static void settle_where_it_pays(const struct layout *layout, const struct table *table,
                                 const float *least, const float *most, float available)
{
    size_t columns = table->columns;
    bool *settled = xcalloc(columns, sizeof *settled);
    float *trial = xcalloc(columns, sizeof *trial), *best_widths = xcalloc(columns, sizeof *trial);
    float best = estimated_height(layout, table, table->width);
    for (;;) {
        size_t chosen = columns;
        for (size_t column = 0; column < columns; column++) {
            if (settled[column] || most[column] <= table->width[column] + SETTLE_SLACK)
                continue;
            settled[column] = true;
            float height;
            if (widths_with_settled(columns, least, most, available, settled, trial) &&
                (height = estimated_height(layout, table, trial)) < best - 0.5f) {
                best = height;
                chosen = column;
                memcpy(best_widths, trial, columns * sizeof *trial);
            }
            settled[column] = false;
        }
        if (chosen == columns)
            break;
        settled[chosen] = true;
        memcpy(table->width, best_widths, columns * sizeof *trial);
    }
    free(settled);
    free(trial);
    free(best_widths);
}

/* When the columns' longest words do not fit side by side, the words that
 * may be hyphenated give way first, the longest first: each column keeps
 * its longest word up to a common cap, but at least its longest piece
 * after hyphenation, so a long compound is hyphenated before an address,
 * an identifier or a shorter word is cut. */
static void least_after_hyphenation(size_t columns, float *least, const float *piece,
                                    float available)
{
    float floor = layout_measures.column_minimum, whole = 0, pieces = 0;
    for (size_t column = 0; column < columns; column++) {
        whole += least[column] > floor ? least[column] : floor;
        pieces += piece[column] > floor ? piece[column] : floor;
    }
    if (whole <= available || pieces >= available)
        return;
    float cap = water_level(columns, least, piece, available);
    for (size_t column = 0; column < columns; column++)
        least[column] = capped(least[column], cap, piece, column);
}

static void compute_widths(struct layout *layout, struct table *table)
{
    float *least = xcalloc(table->columns, sizeof *least);
    float *most = xcalloc(table->columns, sizeof *most);
    float *piece = xcalloc(table->columns, sizeof *piece);
    for (size_t row = 0; row < table->rows; row++) {
        for (size_t column = 0; column < table->columns; column++) {
            const struct table_cell *cell = &table->cells[row * table->columns + column];
            if (cell->widest_piece > piece[column])
                piece[column] = cell->widest_piece;
            if (cell->widest_word > least[column])
                least[column] = cell->widest_word;
            if (cell->widest_line > most[column])
                most[column] = cell->widest_line;
        }
    }
    /* A column whose body is blank is there to be written in by hand. */
    for (size_t column = 0; column < table->columns; column++) {
        bool blank = table->rows > (table->header ? 1u : 0u);
        for (size_t row = table->header ? 1 : 0; row < table->rows && blank; row++) {
            const struct table_cell *cell = &table->cells[row * table->columns + column];
            blank = cell->first_span == cell->end_span;
        }
        if (blank && least[column] < layout_measures.blank_column)
            least[column] = layout_measures.blank_column;
        if (blank && most[column] < layout_measures.blank_column)
            most[column] = layout_measures.blank_column;
        table->blank_column = table->blank_column || blank;
    }
    const struct layout_frame *frame = frame_top(layout);
    least_after_hyphenation(table->columns, least, piece, frame->width);
    table_column_widths(table->columns, least, most, frame->width, table->width);
    settle_where_it_pays(layout, table, least, most, frame->width);
    float x = frame->x;
    for (size_t column = 0; column < table->columns; column++) {
        table->x[column] = x;
        x += table->width[column];
    }
    free(least);
    free(most);
    free(piece);
}

static enum line_align column_align(const struct table *table, size_t column)
{
    uint8_t align = table->alignments ? table->alignments[column] : 0;
    return align == 'c' ? ALIGN_CENTER : align == 'r' ? ALIGN_RIGHT : ALIGN_LEFT;
}

/* The image alone in a cell, scaled to the column's width (no wider than
 * its own, no taller than the table's cap) at the top of the row box, set
 * as the column is aligned; returns its height [pt]. */
static float emit_cell_image(struct layout *layout, const struct table *table,
                             const struct table_cell *cell, size_t column, bool draw)
{
    const struct inline_span *span = &layout->spans[cell->image - 1];
    float padding_x = layout_measures.cell_padding_x;
    float inner = table->width[column] - 2 * padding_x, width, height;
    layout_cell_image_fit(span, inner, table->image_cap, &width, &height);
    enum line_align align = column_align(table, column);
    float slack = inner - width;
    float x = table->x[column] + padding_x +
              (align == ALIGN_CENTER  ? slack / 2
               : align == ALIGN_RIGHT ? slack
                                      : 0);
    if (draw)
        layout_image_inline_emit(layout, span, x, table->padding_y + height, width);
    return height;
}

/* The tallest image alone in a cell of the row [pt]; 0 for none. */
static float row_image_height(struct layout *layout, const struct table *table, size_t row)
{
    float tallest = 0;
    for (size_t column = 0; column < table->columns; column++) {
        const struct table_cell *cell = &table->cells[row * table->columns + column];
        float height = cell->image ? emit_cell_image(layout, table, cell, column, false) : 0;
        if (height > tallest)
            tallest = height;
    }
    return tallest;
}

/* Lines [from, to) of one cell, placed at top in the row box; returns how
 * many lines the whole cell has (an image alone: one, drawn with the first
 * lines of its row). */
static size_t emit_cell(struct layout *layout, const struct table *table, size_t row, size_t column,
                        size_t from, size_t to)
{
    const struct table_cell *cell = &table->cells[row * table->columns + column];
    if (cell->image) {
        if (from == 0)
            emit_cell_image(layout, table, cell, column, true);
        return 1;
    }
    struct run_style style = cell_style(layout, table, row);
    float padding_x = layout_measures.cell_padding_x, padding_y = table->padding_y;
    float inner = table->width[column] - 2 * padding_x;
    inline_measure(layout, cell->first_span, cell->end_span, &style);
    /* The width was summed from the same words in another order: a word
     * exactly as wide as its column ("18 min") still fits. */
    inline_break(layout, inner + SETTLE_SLACK, &style);
    float baseline = text_baseline(style.size, style.leading);
    enum line_align align = column_align(table, column);
    if (!table->alignments || !table->alignments[column])
        align = layout_bidi_align(layout, align); /* right-to-left cells flush right */
    for (size_t index = from; index < to && index < layout->line_count; index++) {
        float slack = inner - layout->lines[index].width;
        float x = table->x[column] + padding_x +
                  (align == ALIGN_CENTER  ? slack / 2
                   : align == ALIGN_RIGHT ? slack
                                          : 0);
        inline_emit_line(layout, index, x,
                         padding_y + baseline + (float)(index - from) * style.leading, &style);
    }
    return layout->line_count;
}

static void emit_grid(struct layout *layout, const struct table *table, bool header, float height)
{
    float left = table->x[0];
    float right = table->x[table->columns - 1] + table->width[table->columns - 1];
    const struct layout_measures *measures = &layout_measures;
    if (header) {
        box_add_shape(layout, DISPLAY_FILL, left, 0, right - left, height, 0,
                      measures->colour_header_fill);
        box_add_shape(layout, DISPLAY_LINE, left, 0, right - left, 0, measures->grid_line,
                      measures->colour_grid);
    }
    for (size_t column = 0; column <= table->columns; column++) {
        float x = column < table->columns ? table->x[column] : right;
        box_add_shape(layout, DISPLAY_LINE, x, 0, 0, height, measures->grid_line,
                      measures->colour_grid);
    }
    box_add_shape(layout, DISPLAY_LINE, left, height, right - left, 0,
                  header ? measures->header_line : measures->grid_line,
                  header ? measures->colour_text : measures->colour_grid);
}

/* The height of the boxes kept with what comes next at the end of the
 * list (the header row, a heading before the table), with the gap owed. */
float layout_kept_before(const struct layout *layout)
{
    float height = layout->pending_space;
    for (size_t index = layout->box_count; index > 0; index--) {
        const struct layout_box *box = &layout->boxes[index - 1];
        if (!(box->flags & BOX_KEEP_WITH_NEXT))
            break;
        height += box->height + (index < layout->box_count ? layout->boxes[index].space_before : 0);
    }
    return height;
}

/* One row, or for a row taller than a page, one page-sized slice of it at
 * a time; returns the index of its (first) box. The first slice leaves room
 * for what is kept with it (a heading, the header row) on the same page. */
static size_t emit_row(struct layout *layout, const struct table *table, size_t row,
                       size_t header_box)
{
    bool header = table->header && row == 0;
    struct run_style style = cell_style(layout, table, row);
    float padding_y = table->padding_y;
    float page = layout->text_bottom - layout->text_top - 2 * padding_y, tallest = page;
    if (header_box)
        tallest -= layout->boxes[header_box - 1].height;
    size_t per_box = tallest > style.leading ? (size_t)(tallest / style.leading) : 1;
    float first_room = page - layout_kept_before(layout);
    size_t per_first =
        first_room > 3 * style.leading ? (size_t)(first_room / style.leading) : per_box;
    /* Images make the row as tall as the tallest; text keeps its lines'
     * baselines from the row's top, as in any row. */
    float image_height = row_image_height(layout, table, row);
    if (per_first > per_box || image_height > first_room)
        per_first = per_box;
    size_t first_box = layout->box_count;
    for (size_t from = 0, count = per_first;; from += count, count = per_box) {
        size_t lines = 0;
        for (size_t column = 0; column < table->columns; column++) {
            size_t cell_lines = emit_cell(layout, table, row, column, from, from + count);
            if (cell_lines > lines)
                lines = cell_lines;
        }
        size_t shown = lines - from < count ? lines - from : count;
        float content = (float)(shown ? shown : 1) * style.leading;
        if (from == 0 && image_height > content)
            content = image_height;
        float height = content + 2 * padding_y;
        float blank_row =
            table->compact ? layout_measures.compact_blank_row : layout_measures.blank_row;
        if (table->blank_column && !header && height < blank_row)
            height = blank_row;
        emit_grid(layout, table, header, height);
        box_finish(layout, height, padding_y + text_baseline(style.size, style.leading),
                   header ? BOX_TABLE_HEADER | BOX_KEEP_WITH_NEXT : 0);
        layout->boxes[layout->box_count - 1].header_box = (uint32_t)header_box;
        if (from + count >= lines)
            break;
    }
    return first_box;
}

/* <!-- golive:table widths="shared" -->: the table and the tables after it
 * among its siblings with as many columns (up to one with another count)
 * get one set of widths, computed as for one table holding all their
 * rows, in the first table's text size. */
static void share_widths(struct layout *layout, cmark_node *node, const struct table *first)
{
    struct table merged = {.columns = first->columns,
                           .header = first->header,
                           .scale = first->scale,
                           .leading = first->leading,
                           .image_cap = first->image_cap};
    size_t capacity = 0;
    for (cmark_node *next = node; next; next = cmark_node_next(next)) {
        if (cmark_node_get_type(next) != CMARK_NODE_TABLE)
            continue;
        if ((size_t)cmark_gfm_extensions_get_table_columns(next) != first->columns)
            break;
        struct table one = {.columns = first->columns,
                            .scale = first->scale,
                            .leading = first->leading,
                            .image_cap = first->image_cap};
        for (cmark_node *row = cmark_node_first_child(next); row; row = cmark_node_next(row))
            one.rows++;
        one.header = first->header;
        one.cells = xcalloc(one.rows * one.columns + 1, sizeof *one.cells);
        inline_reset(layout);
        collect_cells(layout, next, &one);
        measure_cells(layout, &one);
        merged.cells = xgrow(merged.cells, &capacity, (merged.rows + one.rows) * one.columns,
                             sizeof *merged.cells);
        memcpy(merged.cells + merged.rows * one.columns, one.cells,
               one.rows * one.columns * sizeof *one.cells);
        merged.rows += one.rows;
        free(one.cells);
        layout->shared_last = next;
    }
    merged.width = xcalloc(merged.columns, sizeof *merged.width);
    merged.x = xcalloc(merged.columns, sizeof *merged.x);
    compute_widths(layout, &merged);
    free(layout->shared_widths);
    layout->shared_widths = merged.width;
    layout->shared_columns = merged.columns;
    free(merged.x);
    free(merged.cells);
}

/* The shared widths in place of the table's own. */
static void use_shared_widths(struct layout *layout, struct table *table, cmark_node *node)
{
    if (layout->shared_widths && layout->shared_columns == table->columns) {
        float x = frame_top(layout)->x;
        for (size_t column = 0; column < table->columns; column++) {
            table->width[column] = layout->shared_widths[column];
            table->x[column] = x;
            x += table->width[column];
        }
    }
    if (node == layout->shared_last) {
        free(layout->shared_widths);
        layout->shared_widths = NULL;
        layout->shared_last = NULL;
    }
}

void layout_table(struct layout *layout, cmark_node *node)
{
    struct table table = {.columns = cmark_gfm_extensions_get_table_columns(node)};
    for (cmark_node *row = cmark_node_first_child(node); row; row = cmark_node_next(row))
        table.rows++;
    if (table.columns == 0 || table.rows == 0)
        return;
    cmark_node *first_row = cmark_node_first_child(node);
    table.header = cmark_gfm_extensions_get_table_row_is_header(first_row);
    table.scale = layout->next_table_scale > 0 ? layout->next_table_scale : 1.0f;
    layout->next_table_scale = 0;
    table.compact = table.scale == layout_measures.table_compact_scale;
    table.padding_y =
        table.compact ? layout_measures.compact_padding_y : layout_measures.cell_padding_y;
    table.alignments = cmark_gfm_extensions_get_table_alignments(node);
    table.leading = cell_style(layout, &table, table.header ? 1 : 0).leading;
    table.image_cap = (layout->text_bottom - layout->text_top) * CELL_IMAGE_CAP;
    table.cells = xcalloc(table.rows * table.columns, sizeof *table.cells);
    table.width = xcalloc(table.columns, sizeof *table.width);
    table.x = xcalloc(table.columns, sizeof *table.x);
    if (layout->next_table_shared)
        share_widths(layout, node, &table);
    layout->next_table_shared = false;
    inline_reset(layout);
    collect_cells(layout, node, &table);
    measure_cells(layout, &table);
    compute_widths(layout, &table);
    use_shared_widths(layout, &table, node);
    box_space(layout, layout_styles[STYLE_TABLE].space_before);
    size_t header_box = 0, first_box = layout->box_count;
    for (size_t row = 0; row < table.rows; row++) {
        size_t box = emit_row(layout, &table, row, header_box);
        if (table.header && row == 0)
            header_box = box + 1;
    }
    layout_keep_together(layout, table.header ? first_box + 1 : first_box, layout->box_count);
    box_space(layout, layout_styles[STYLE_TABLE].space_after);
    free(table.cells);
    free(table.width);
    free(table.x);
}
