/* Layout units: line breaking on measured widths, table column widths,
 * pagination (headings kept with what follows, table headers repeated,
 * rows kept whole), replacement of characters no face has. A fake
 * measurer makes every glyph half an em wide and a space a quarter, so the
 * expected positions can be worked out by hand. */
#include "test_support.h"

#include "display_list.h"
#include "layout.h"
#include "layout_internal.h"
#include "markdown.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GLYPH 500u      /* [1/1000 em] */
#define SPACE 250u      /* [1/1000 em] */
#define BODY_GLYPH 5.0f /* a glyph at the 10 pt body size [pt] */

/* Glyphs from U+3000 up are missing in every face, U+FFFD excepted. */
static struct glyph_metrics fake_glyph(void *context, enum font_face face, uint32_t code_point)
{
    (void)context;
    if (code_point >= 0x3000 && code_point != 0xFFFD)
        return (struct glyph_metrics){FACE_NONE, 0};
    return (struct glyph_metrics){face, (uint16_t)(code_point == ' ' ? SPACE : GLYPH)};
}

static const struct text_measurer fake = {NULL, fake_glyph};

struct laid_out {
    struct display_list list;
    struct diag_sink *sink;
    bool ok;
};

static struct laid_out lay_out(const char *markdown)
{
    struct laid_out result = {.sink = diag_sink_new()};
    struct layout_options options = {.paper = PAPER_A4,
                                     .accent_colour = 0x1F3A5F,
                                     .source_name = "t.md",
                                     .source_text = markdown,
                                     .source_length = strlen(markdown)};
    cmark_node *root = markdown_parse(markdown, strlen(markdown));
    result.ok = layout_document(root, &options, &fake, &result.list, result.sink);
    cmark_node_free(root);
    return result;
}

static void laid_out_free(struct laid_out *result)
{
    display_list_free(&result->list);
    diag_sink_free(result->sink);
}

static float text_left(void)
{
    return layout_margins.left;
}

static float text_right(void)
{
    return layout_papers[PAPER_A4].width - layout_margins.right;
}

/* The page and item of the first text run that starts with prefix. */
static const struct display_item *find_text(const struct laid_out *result, const char *prefix,
                                            size_t *page_of)
{
    for (size_t page = 0; page < result->list.page_count; page++) {
        for (size_t index = 0; index < result->list.pages[page].count; index++) {
            const struct display_item *item = &result->list.pages[page].items[index];
            if (item->kind == DISPLAY_TEXT && item->text_length >= strlen(prefix) &&
                memcmp(display_text(&result->list, item), prefix, strlen(prefix)) == 0) {
                if (page_of)
                    *page_of = page;
                return item;
            }
        }
    }
    return NULL;
}

static char *repeat_words(const char *word, size_t count)
{
    struct buffer out = {0};
    for (size_t index = 0; index < count; index++)
        buffer_printf(&out, "%s%s", index ? " " : "", word);
    return buffer_release(&out);
}

/* The width of a body-size run under the fake measurer [pt]. */
static float run_width(const struct laid_out *result, const struct display_item *item)
{
    const char *text = display_text(&result->list, item);
    float width = 0;
    for (uint32_t index = 0; index < item->text_length; index++) {
        unsigned char byte = (unsigned char)text[index];
        if ((byte & 0xC0) == 0x80)
            continue;
        width += (byte == ' ' ? SPACE : GLYPH) * item->size / 1000.0f;
    }
    return width;
}

static void assert_inside_text_area(const struct laid_out *result)
{
    for (size_t page = 0; page < result->list.page_count; page++) {
        for (size_t index = 0; index < result->list.pages[page].count; index++) {
            const struct display_item *item = &result->list.pages[page].items[index];
            if (item->kind != DISPLAY_TEXT)
                continue;
            assert_true(item->x >= text_left() - 0.01f);
            assert_true(item->x + run_width(result, item) <= text_right() + 0.01f);
        }
    }
}

static void lines_fill_greedily(void **state)
{
    (void)state;
    char *text = repeat_words("abcd", 30);
    struct laid_out result = lay_out(text);
    assert_true(result.ok);
    const struct display_item *first = find_text(&result, "abcd", NULL);
    assert_non_null(first);
    /* 21 words take 21 * 20 + 20 * 2.5 = 470 pt of the 481.9 pt line; 22 do not fit. */
    assert_int_equal(first->text_length, 21 * 4 + 20);
    assert_float_equal(first->x, text_left(), 0.01);
    const struct display_item *second = first + 1;
    assert_int_equal(second->kind, DISPLAY_TEXT);
    assert_int_equal(second->text_length, 9 * 4 + 8);
    assert_float_equal(second->y - first->y, layout_styles[STYLE_BODY].leading, 0.01);
    laid_out_free(&result);
    free(text);
}

static void long_word_is_cut_to_fit(void **state)
{
    (void)state;
    char word[151];
    memset(word, 'x', 150);
    word[150] = '\0';
    struct laid_out result = lay_out(word);
    assert_true(result.ok);
    const struct display_item *first = find_text(&result, "xxx", NULL);
    /* 95 glyphs of 5 pt and a visible hyphen fill 480 pt of the 481.9 pt
     * line: a word cut between two letters is marked. */
    assert_int_equal(first->text_length, 95);
    assert_int_equal((first + 1)->text_length, 1);
    assert_float_equal((first + 1)->x, first->x + 95 * 5, 0.01);
    assert_int_equal((first + 2)->text_length, 55);
    assert_inside_text_area(&result);
    laid_out_free(&result);
}

static void url_is_cut_after_a_slash(void **state)
{
    (void)state;
    struct buffer text = {0};
    buffer_append_text(&text, "https://example.com/");
    for (int index = 0; index < 60; index++)
        buffer_append_char(&text, 'a');
    buffer_append_char(&text, '/');
    for (int index = 0; index < 60; index++)
        buffer_append_char(&text, 'b');
    struct laid_out result = lay_out(text.data);
    const struct display_item *first = find_text(&result, "https", NULL);
    assert_non_null(first);
    assert_int_equal(first->text_length, 81);
    assert_int_equal(display_text(&result.list, first)[80], '/');
    assert_inside_text_area(&result);
    laid_out_free(&result);
    buffer_free(&text);
}

static void column_widths_share_the_width(void **state)
{
    (void)state;
    float width[3];
    /* Everything fits on one line: stretched in proportion to the most. */
    table_column_widths(2, (const float[]){30, 30}, (const float[]){100, 300}, 480, width);
    assert_float_equal(width[0], 120, 0.01);
    assert_float_equal(width[1], 360, 0.01);
    /* Some must wrap: the least first, the rest by how much more each wants. */
    table_column_widths(3, (const float[]){50, 50, 50}, (const float[]){400, 100, 400}, 480, width);
    assert_float_equal(width[0], 204, 0.01);
    assert_float_equal(width[1], 72, 0.01);
    assert_float_equal(width[2], 204, 0.01);
    /* Even the longest words do not fit: shared by them. */
    table_column_widths(2, (const float[]){300, 300}, (const float[]){900, 900}, 480, width);
    assert_float_equal(width[0], 240, 0.01);
    assert_float_equal(width[1], 240, 0.01);
    /* Narrow columns keep their words; the widest gives way. */
    table_column_widths(3, (const float[]){20, 400, 30}, (const float[]){40, 900, 60}, 200, width);
    assert_float_equal(width[0], layout_measures.column_minimum, 0.01);
    assert_float_equal(width[1], 200 - layout_measures.column_minimum - 30, 0.01);
    assert_float_equal(width[2], 30, 0.01);
    /* An empty column still gets the floor. */
    table_column_widths(2, (const float[]){0, 100}, (const float[]){0, 1000}, 480, width);
    assert_float_equal(width[0], layout_measures.column_minimum, 0.01);
}

static void heading_at_the_foot_moves_on(void **state)
{
    (void)state;
    /* 32 one-line paragraphs end at 735 pt; the heading would fit below them
     * (751 to 770 pt of 779.9), the paragraph after it would not. */
    struct buffer text = {0};
    for (int index = 0; index < 32; index++)
        buffer_printf(&text, "para%d\n\n", index);
    /* (two more lines after it, so that the last page is no remainder the
     * page before would give a line to) */
    buffer_append_text(&text, "## Heading\n\nafter\n\nmore\n\nmore\n");
    struct laid_out result = lay_out(text.data);
    size_t heading_page, last_page, after_page;
    assert_non_null(find_text(&result, "Heading", &heading_page));
    assert_non_null(find_text(&result, "para31", &last_page));
    assert_non_null(find_text(&result, "after", &after_page));
    assert_int_equal(last_page, 0);
    assert_int_equal(heading_page, 1);
    assert_int_equal(after_page, 1);
    laid_out_free(&result);
    buffer_free(&text);
}

static void item_title_moves_with_its_details(void **state)
{
    (void)state;
    /* 33 paragraphs end at 756 pt; the item's title would end at 777 pt of
     * 779.9, its details at 798. */
    struct buffer text = {0};
    for (int index = 0; index < 33; index++)
        buffer_printf(&text, "para%d\n\n", index);
    buffer_append_text(&text, "- [ ] **Title**\n\n  details\n");
    struct laid_out result = lay_out(text.data);
    size_t title_page, details_page;
    assert_non_null(find_text(&result, "Title", &title_page));
    assert_non_null(find_text(&result, "details", &details_page));
    assert_int_equal(title_page, 1);
    assert_int_equal(details_page, 1);
    laid_out_free(&result);
    buffer_free(&text);
}

static void a_lead_in_paragraph_moves_with_its_list(void **state)
{
    (void)state;
    /* Like the item title above: 33 paragraphs, then "Then:" would end the
     * page and its list start the next. */
    struct buffer text = {0};
    for (int index = 0; index < 33; index++)
        buffer_printf(&text, "para%d\n\n", index);
    buffer_append_text(&text, "Then:\n\n1. first\n2. second\n");
    struct laid_out result = lay_out(text.data);
    size_t lead_page, list_page;
    assert_non_null(find_text(&result, "Then:", &lead_page));
    assert_non_null(find_text(&result, "first", &list_page));
    assert_int_equal(lead_page, list_page);
    laid_out_free(&result);
    buffer_free(&text);
}

static void a_large_table_sets_only_the_next_table_larger(void **state)
{
    (void)state;
    struct laid_out result = lay_out("<!-- golive:table size=\"large\" -->\n\n"
                                     "| a |\n|---|\n| big |\n\n| b |\n|---|\n| usual |\n");
    const struct display_item *big = find_text(&result, "big", NULL);
    const struct display_item *usual = find_text(&result, "usual", NULL);
    assert_non_null(big);
    assert_non_null(usual);
    assert_float_equal(big->size, 12.0f, 0.01f);
    assert_float_equal(usual->size, 9.0f, 0.01f);
    assert_int_equal(diag_count(result.sink), 0);
    laid_out_free(&result);
}

static void heading_stays_when_it_fits_with_the_next_line(void **state)
{
    (void)state;
    struct laid_out result = lay_out("para\n\n## Heading\n\nafter\n");
    size_t heading_page;
    assert_non_null(find_text(&result, "Heading", &heading_page));
    assert_int_equal(heading_page, 0);
    assert_int_equal(result.list.page_count, 1);
    laid_out_free(&result);
}

static void table_header_repeats_after_a_page_break(void **state)
{
    (void)state;
    struct buffer text = {0};
    buffer_append_text(&text, "| Head A | Head B |\n|---|---|\n");
    for (int index = 0; index < 100; index++)
        buffer_printf(&text, "| row%d | x |\n", index);
    struct laid_out result = lay_out(text.data);
    assert_true(result.list.page_count >= 3);
    for (size_t page = 0; page < result.list.page_count; page++) {
        float header_y = -1, first_row_y = -1;
        for (size_t index = 0; index < result.list.pages[page].count; index++) {
            const struct display_item *item = &result.list.pages[page].items[index];
            const char *run = display_text(&result.list, item);
            if (item->kind != DISPLAY_TEXT)
                continue;
            if (strncmp(run, "Head A", 6) == 0)
                header_y = item->y;
            if (strncmp(run, "row", 3) == 0 && first_row_y < 0)
                first_row_y = item->y;
        }
        if (first_row_y < 0)
            continue;
        assert_true(header_y >= 0);          /* every page of rows has the header */
        assert_true(header_y < first_row_y); /* above them */
    }
    laid_out_free(&result);
    buffer_free(&text);
}

static void table_rows_are_never_split(void **state)
{
    (void)state;
    struct buffer text = {0};
    buffer_append_text(&text, "| Id | Notes |\n|---|---|\n");
    for (int row = 0; row < 40; row++) {
        buffer_printf(&text, "| r%d |", row);
        for (int word = 0; word < 50; word++)
            buffer_printf(&text, " q%d", row);
        buffer_append_text(&text, " |\n");
    }
    struct laid_out result = lay_out(text.data);
    assert_true(result.list.page_count >= 2);
    int page_of_row[40];
    for (int row = 0; row < 40; row++)
        page_of_row[row] = -1;
    for (size_t page = 0; page < result.list.page_count; page++) {
        for (size_t index = 0; index < result.list.pages[page].count; index++) {
            const struct display_item *item = &result.list.pages[page].items[index];
            int row;
            if (item->kind != DISPLAY_TEXT ||
                sscanf(display_text(&result.list, item), "q%d", &row) != 1)
                continue;
            if (page_of_row[row] < 0)
                page_of_row[row] = (int)page;
            assert_int_equal(page_of_row[row], (int)page);
        }
    }
    laid_out_free(&result);
    buffer_free(&text);
}

static void expect_warnings(const char *markdown, const char *expected)
{
    struct laid_out result = lay_out(markdown);
    assert_true(result.ok);
    assert_non_null(find_text(&result, "\xEF\xBF\xBD", NULL));
    char *printed = diagnostics_text(result.sink);
    assert_string_equal(printed, expected);
    free(printed);
    laid_out_free(&result);
}

/* Each character no face has: one warning, where it first occurs, with how
 * often; a table cell's text is counted once although cells are measured
 * twice. The fake measurer has nothing from U+3000 up. */
static void each_missing_character_is_warned_once_with_its_count(void **state)
{
    (void)state;
    expect_warnings("a \xEA\x80\x80 b\n\n| h | \xEA\x80\x80 |\n|---|---|\n| \xEA\x80\x80 | x |\n\n"
                    "```\ny \xF0\x9F\x98\x80\n```\n",
                    "t.md:1:3: warning: U+A000 '\xEA\x80\x80' is in none of the fonts: shown as "
                    "U+FFFD (3 times, the first here)\n"
                    "t.md:8:3: warning: U+1F600 '\xF0\x9F\x98\x80' is above U+FFFF, where golive "
                    "draws nothing: shown as U+FFFD (once)\n");
}

/* Chinese and Japanese want a font package: one warning for them all. */
static void missing_cjk_is_one_warning_naming_the_first(void **state)
{
    (void)state;
    expect_warnings(
        "Kunde \xE4\xB8\xAD\xE6\x96\x87 und\n\xE6\x97\xA5\xE6\x9C\xAC \xE4\xB8\xAD\n",
        "t.md:1:7: warning: 5 Chinese, Japanese or Korean characters (4 different, the "
        "first U+4E2D '\xE4\xB8\xAD' here) are in none of the fonts: shown as U+FFFD\n");
}

static void code_lines_wrap_with_a_mark(void **state)
{
    (void)state;
    struct buffer text = {0};
    buffer_append_text(&text, "```\n");
    for (int index = 0; index < 200; index++)
        buffer_append_char(&text, (char)('a' + index % 26));
    buffer_append_text(&text, "\n```\n");
    struct laid_out result = lay_out(text.data);
    size_t marks = 0, runs = 0;
    const struct display_page *page = &result.list.pages[0];
    for (size_t index = 0; index < page->count; index++) {
        marks += page->items[index].kind == DISPLAY_WRAP_MARK;
        runs += page->items[index].kind == DISPLAY_TEXT && page->items[index].face == FACE_MONO;
    }
    /* 200 glyphs of 4.25 pt in a 463.9 pt band: 109 + 91. */
    assert_int_equal(runs, 2);
    assert_int_equal(marks, 1);
    assert_inside_text_area(&result);
    laid_out_free(&result);
    buffer_free(&text);
}

static size_t count_checkboxes(const struct laid_out *result, bool ticked)
{
    size_t count = 0;
    const struct display_page *page = &result->list.pages[0];
    for (size_t index = 0; index < page->count; index++)
        count += page->items[index].kind == DISPLAY_CHECKBOX && page->items[index].level == ticked;
    return count;
}

static void task_items_and_cells_draw_checkboxes(void **state)
{
    (void)state;
    struct laid_out result = lay_out("- [x] done\n- [ ] open\n\n| Tick | Item |\n|---|---|\n"
                                     "| [ ] | restore test |\n| [x] | staging |\n");
    assert_int_equal(count_checkboxes(&result, true), 2);
    assert_int_equal(count_checkboxes(&result, false), 2);
    assert_null(find_text(&result, "[ ]", NULL));
    laid_out_free(&result);
}

static void newline_references_break_lines(void **state)
{
    (void)state;
    struct laid_out result = lay_out("# One&#10;Two\n\n| Cell |\n|---|\n| first&#10;second |\n");
    const struct display_item *one = find_text(&result, "One", NULL);
    const struct display_item *two = find_text(&result, "Two", NULL);
    const struct display_item *first = find_text(&result, "first", NULL);
    const struct display_item *second = find_text(&result, "second", NULL);
    assert_non_null(one);
    assert_non_null(two);
    assert_true(two->y > one->y);
    assert_float_equal(two->x, one->x, 0.01);
    assert_non_null(first);
    assert_non_null(second);
    assert_float_equal(second->y - first->y, layout_styles[STYLE_TABLE].leading, 0.01);
    laid_out_free(&result);
}

static void blank_columns_leave_room_to_write(void **state)
{
    (void)state;
    struct laid_out result = lay_out("| Item | Initials | Time |\n|---|---|---|\n| a | | |\n"
                                     "| b | | |\n");
    const struct display_item *initials = find_text(&result, "Initials", NULL);
    const struct display_item *time = find_text(&result, "Time", NULL);
    const struct display_item *a = find_text(&result, "a", NULL);
    const struct display_item *b = find_text(&result, "b", NULL);
    assert_true(time->x - initials->x >= layout_measures.blank_column);
    assert_true(b->y - a->y >= layout_measures.blank_row - 0.01f);
    laid_out_free(&result);
}

static void raw_html_is_shown_as_text(void **state)
{
    (void)state;
    struct laid_out result = lay_out("<div onclick=\"x\">hello</div>\n\nand <b>bold</b> here\n");
    assert_non_null(find_text(&result, "<div onclick=\"x\">hello</div>", NULL));
    assert_non_null(find_text(&result, "and <b>bold</b> here", NULL));
    laid_out_free(&result);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lines_fill_greedily),
        cmocka_unit_test(long_word_is_cut_to_fit),
        cmocka_unit_test(url_is_cut_after_a_slash),
        cmocka_unit_test(column_widths_share_the_width),
        cmocka_unit_test(heading_at_the_foot_moves_on),
        cmocka_unit_test(heading_stays_when_it_fits_with_the_next_line),
        cmocka_unit_test(a_lead_in_paragraph_moves_with_its_list),
        cmocka_unit_test(a_large_table_sets_only_the_next_table_larger),
        cmocka_unit_test(item_title_moves_with_its_details),
        cmocka_unit_test(table_header_repeats_after_a_page_break),
        cmocka_unit_test(table_rows_are_never_split),
        cmocka_unit_test(each_missing_character_is_warned_once_with_its_count),
        cmocka_unit_test(missing_cjk_is_one_warning_naming_the_first),
        cmocka_unit_test(code_lines_wrap_with_a_mark),
        cmocka_unit_test(task_items_and_cells_draw_checkboxes),
        cmocka_unit_test(newline_references_break_lines),
        cmocka_unit_test(blank_columns_leave_room_to_write),
        cmocka_unit_test(raw_html_is_shown_as_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
