/* Layout of what #13 added to the typesetter: the matrix directive (each
 * mark in its cell, drawn as shapes), the timeline directive (bars at the
 * places their times give, coordinates computed by hand), QR codes (their
 * module grid, side and quiet zone), small-print tables, the caller's own
 * words for page numbers, the draft mark and signature blocks, and
 * conditions one per line. A fake measurer makes every glyph half an em. */
#include "test_support.h"

#include "display_list.h"
#include "layout.h"
#include "layout_internal.h"
#include "layout_qr.h"
#include "layout_timeline.h"
#include "markdown.h"

#include <stdlib.h>
#include <string.h>

static struct glyph_metrics fake_glyph(void *context, enum font_face face, uint32_t code_point)
{
    (void)context;
    return (struct glyph_metrics){face, (uint16_t)(code_point == ' ' ? 250 : 500)};
}

static const struct text_measurer fake = {NULL, fake_glyph};

struct laid_out {
    struct display_list list;
    struct diag_sink *sink;
};

static struct laid_out lay_out(const char *markdown, const struct typeset_words *words, bool draft)
{
    struct laid_out result = {.sink = diag_sink_new()};
    struct layout_options options = {.paper = PAPER_A4,
                                     .accent_colour = 0x1F3A5F,
                                     .source_name = "t.md",
                                     .words = words,
                                     .draft = draft};
    cmark_node *root = markdown_parse(markdown, strlen(markdown));
    assert_true(layout_document(root, &options, &fake, &result.list, result.sink));
    cmark_node_free(root);
    return result;
}

static void laid_out_free(struct laid_out *result)
{
    display_list_free(&result->list);
    diag_sink_free(result->sink);
}

static const struct display_item *find_text(const struct laid_out *result, const char *text)
{
    for (size_t page = 0; page < result->list.page_count; page++)
        for (size_t index = 0; index < result->list.pages[page].count; index++) {
            const struct display_item *item = &result->list.pages[page].items[index];
            if ((item->kind == DISPLAY_TEXT || item->kind == DISPLAY_WATERMARK) &&
                item->text_length == strlen(text) &&
                memcmp(display_text(&result->list, item), text, strlen(text)) == 0)
                return item;
        }
    return NULL;
}

static size_t count_kind(const struct laid_out *result, enum display_kind kind)
{
    size_t count = 0;
    for (size_t index = 0; index < result->list.pages[0].count; index++)
        count += result->list.pages[0].items[index].kind == kind;
    return count;
}

static const char matrix[] =
    "<!-- golive:matrix rows=\"Critical|High|Low\" columns=\"Low|High\" row-label=\"Severity\" "
    "column-label=\"Likelihood\" cells=\"0,1,R1 2,0,R2 0,1,R3\" -->\n";

static void matrix_marks_sit_in_their_cells(void **state)
{
    (void)state;
    struct laid_out result = lay_out(matrix, NULL, false);
    const struct display_item *top_right = find_text(&result, "R1 R3");
    const struct display_item *bottom_left = find_text(&result, "R2");
    const struct display_item *low = find_text(&result, "Low");
    assert_non_null(top_right);
    assert_non_null(bottom_left);
    assert_non_null(low);
    assert_true(top_right->x > bottom_left->x + 50); /* second column, first */
    assert_true(top_right->y + 50 < bottom_left->y); /* first row, last */
    assert_true(find_text(&result, "Critical")->y < find_text(&result, "High")->y);
    assert_int_equal(count_kind(&result, DISPLAY_FILL), 6); /* one per cell, vector */
    assert_int_equal(diag_count(result.sink), 0);
    laid_out_free(&result);
}

static void a_small_table_is_small_print(void **state)
{
    (void)state;
    struct laid_out result = lay_out("<!-- golive:table size=\"small\" -->\n\n"
                                     "| a |\n|---|\n| tiny |\n\n| b |\n|---|\n| usual |\n",
                                     NULL, false);
    assert_float_equal(find_text(&result, "tiny")->size, 7.0f, 0.01f);
    assert_float_equal(find_text(&result, "usual")->size, 9.0f, 0.01f);
    laid_out_free(&result);
}

static void the_callers_words_are_printed(void **state)
{
    (void)state;
    const struct typeset_words german = {
        .page_of = "Seite {page} von {pages}",
        .draft = "ENTWURF",
        .signature = "Unterschrift",
        .place_and_date = "Ort, Datum",
        .approved = "Freigegeben",
        .conditions = "Auflagen",
        .name = "Name",
    };
    struct laid_out result = lay_out("Text\n\n<!-- golive:signature role=\"Sponsor\" name=\"Ana\" "
                                     "conditions=\"• first • second\" -->\n",
                                     &german, true);
    assert_non_null(find_text(&result, "Seite 1 von 1"));
    assert_non_null(find_text(&result, "ENTWURF"));
    assert_non_null(find_text(&result, "Unterschrift"));
    assert_non_null(find_text(&result, "Ort, Datum"));
    assert_non_null(find_text(&result, "Freigegeben"));
    assert_null(find_text(&result, "Page 1 of 1"));
    assert_null(find_text(&result, "DRAFT"));
    /* Conditions one per line, under their label. */
    const struct display_item *first = find_text(&result, "• first");
    const struct display_item *second = find_text(&result, "• second");
    assert_non_null(find_text(&result, "Auflagen:"));
    assert_non_null(first);
    assert_non_null(second);
    assert_true(second->y > first->y);
    laid_out_free(&result);
}

static void without_words_the_typesetter_writes_english(void **state)
{
    (void)state;
    struct laid_out result = lay_out("Text\n", NULL, true);
    assert_non_null(find_text(&result, "Page 1 of 1"));
    assert_non_null(find_text(&result, "DRAFT"));
    laid_out_free(&result);
}

/* Every box, in a list, a table cell or a signature block, takes a pen. */
static void checkboxes_are_at_least_four_millimetres(void **state)
{
    (void)state;
    struct laid_out result = lay_out("- [ ] item\n\n| ✓ | Step |\n|---|---|\n| [ ] | one |\n\n"
                                     "<!-- golive:signature role=\"Sponsor\" -->\n",
                                     NULL, false);
    size_t boxes = 0;
    for (size_t index = 0; index < result.list.pages[0].count; index++) {
        const struct display_item *item = &result.list.pages[0].items[index];
        if (item->kind != DISPLAY_CHECKBOX)
            continue;
        boxes++;
        assert_true(item->width >= 4.0f / 25.4f * 72.0f - 0.01f);
    }
    assert_int_equal(boxes, 5); /* list, cell, three decisions */
    laid_out_free(&result);
}

/* The n-th item of kind on the first page (0-based), or NULL. */
static const struct display_item *nth(const struct laid_out *result, enum display_kind kind,
                                      size_t n)
{
    const struct display_page *page = &result->list.pages[0];
    for (size_t index = 0; index < page->count; index++)
        if (page->items[index].kind == kind && n-- == 0)
            return &page->items[index];
    return NULL;
}

/* The chart's bars are the frames and dark fills whose height is a bar's. */
static const struct display_item *bar(const struct laid_out *result, enum display_kind kind,
                                      float height, size_t n)
{
    const struct display_item *item;
    for (size_t index = 0; (item = nth(result, kind, index)) != NULL; index++)
        if (item->height > height - 0.01f && item->height < height + 0.01f && n-- == 0)
            return item;
    return NULL;
}

/* A4: text from 56.7 pt, 481.88 pt wide; the plot starts after the
 * 110 pt label column: 166.7 pt, 371.88 pt wide. Axis 0..120 min. */
static const char chart[] =
    "<!-- golive:timeline rows=\"Cutover|Checks\" planned=\"0..60|1:00..2:00\" "
    "actual=\"0..30|\" ticks=\"0=18:00|60=19:00|120=20:00\" markers=\"90=Window end\" "
    "legend=\"Geplant|Ist\" -->\n";

static void bars_sit_at_their_times(void **state)
{
    (void)state;
    struct laid_out result = lay_out(chart, NULL, false);
    const float left = 166.7f, width = 595.28f - 2 * 56.7f - 110.0f;
    const struct display_item *first = bar(&result, DISPLAY_FRAME, 12.0f, 0);
    const struct display_item *second = bar(&result, DISPLAY_FRAME, 12.0f, 1);
    assert_non_null(first);
    assert_non_null(second);
    assert_float_equal(first->x, left, 0.05f);
    assert_float_equal(first->width, width / 2, 0.05f);     /* 0..60 of 0..120 */
    assert_float_equal(second->x, left + width / 2, 0.05f); /* 1:00..2:00 */
    assert_float_equal(second->width, width / 2, 0.05f);
    assert_float_equal(second->y - first->y, 18.0f, 0.01f); /* one row lower */
    const struct display_item *actual = bar(&result, DISPLAY_FILL, 5.0f, 0);
    assert_non_null(actual);
    assert_float_equal(actual->x, left, 0.05f);
    assert_float_equal(actual->width, width / 4, 0.05f);          /* 0..30 */
    assert_float_equal(actual->y + 2.5f, first->y + 6.0f, 0.01f); /* centred in the outline */
    assert_null(bar(&result, DISPLAY_FILL, 5.0f, 1));             /* Checks has no actual span */
    laid_out_free(&result);
}

static void labels_are_text_on_the_axis(void **state)
{
    (void)state;
    struct laid_out result = lay_out(chart, NULL, false);
    const float left = 166.7f, width = 595.28f - 2 * 56.7f - 110.0f;
    const struct display_item *cutover = find_text(&result, "Cutover");
    const struct display_item *checks = find_text(&result, "Checks");
    assert_non_null(cutover);
    assert_non_null(checks);
    assert_true(cutover->y < checks->y);
    assert_true(cutover->x < left);
    const struct display_item *tick = find_text(&result, "19:00");
    assert_non_null(tick); /* centred under its time: 7.5 pt text, 5 glyphs of 3.75 pt */
    assert_float_equal(tick->x, left + width / 2 - 5 * 3.75f / 2, 0.05f);
    assert_true(tick->y > checks->y);
    const struct display_item *marker = find_text(&result, "Window end");
    assert_non_null(marker);
    assert_true(marker->y < cutover->y); /* above the rows, left of its line (right half) */
    assert_true(marker->x < left + width * 0.75f);
    assert_non_null(find_text(&result, "Geplant"));
    assert_non_null(find_text(&result, "Ist"));
    assert_int_equal(diag_count(result.sink), 0);
    laid_out_free(&result);
}

static void without_ticks_each_hour_is_labelled(void **state)
{
    (void)state;
    struct laid_out result =
        lay_out("<!-- golive:timeline rows=\"A\" planned=\"-0:30..2:00\" -->\n", NULL, false);
    assert_non_null(find_text(&result, "0:00"));
    assert_non_null(find_text(&result, "1:00"));
    assert_non_null(find_text(&result, "2:00"));
    assert_non_null(find_text(&result, "Planned"));
    laid_out_free(&result);
}

static void malformed_data_is_reported_where_it_is(void **state)
{
    (void)state;
    struct laid_out result = lay_out("Text.\n\n<!-- golive:timeline rows=\"A|B\" planned=\"0..x|"
                                     "9..3\" actual=\"0..1|0..2|0..3\" markers=\"90\" -->\n",
                                     NULL, false);
    assert_int_equal(diag_count(result.sink), 4);
    char *printed = diagnostics_text(result.sink);
    assert_non_null(strstr(printed, "t.md:3:1: warning: planned entry \"0..x\" in "
                                    "'golive:timeline' is not a range FROM..TO"));
    assert_non_null(strstr(printed, "planned entry \"9..3\""));
    assert_non_null(strstr(printed, "actual has 3 entries in 'golive:timeline' but rows has 2"));
    assert_non_null(strstr(printed, "markers entry \"90\" in 'golive:timeline' is not TIME=LABEL"));
    free(printed);
    assert_null(bar(&result, DISPLAY_FRAME, 12.0f, 0)); /* neither planned bar is drawn */
    laid_out_free(&result);
}

/* Byte capacity at level M: version 1 holds 14 bytes (21 modules),
 * version 2 26 (25), version 4 62 (33). */
static void the_grid_grows_with_the_text(void **state)
{
    (void)state;
    struct qr_grid grid;
    assert_true(qr_grid_encode("HOL-09d2de", &grid));
    assert_int_equal(grid.width, 21);
    qr_grid_free(&grid);
    assert_true(qr_grid_encode("golive:HOL-09d2de;NRS", &grid));
    assert_int_equal(grid.width, 25);
    qr_grid_free(&grid);
    assert_true(qr_grid_encode("golive:HOL-46fb6b;NRS-2025-041;golive-runbook;1.0", &grid));
    assert_int_equal(grid.width, 33);
    assert_int_equal(grid.dark[0], 1); /* the finder pattern's corner */
    assert_int_equal(grid.dark[7], 0); /* its separator */
    qr_grid_free(&grid);
    assert_false(qr_grid_encode("", &grid));
    assert_float_equal(qr_module_size(21) * 21, 42.52f, 0.01f); /* 15 mm */
    assert_float_equal(qr_module_size(33), 1.42f, 0.001f);      /* 0.5 mm at least */
}

/* The notes block leaves the right to the code: its finder corner four
 * modules in from the quiet zone's edge, the symbol 15 mm or more. */
static void the_code_stands_beside_the_notes(void **state)
{
    (void)state;
    struct laid_out result = lay_out(
        "<!-- golive:notes lines=\"2\" label=\"Notes\" qr=\"HOL-09d2de\" -->\n", NULL, false);
    const float module = 42.52f / 21, right = 595.28f - 56.7f;
    const float side = 29 * module; /* 21 modules and a quiet zone of 4 on each side */
    float left = 1e9f, top = 1e9f, far = 0;
    const struct display_item *item;
    for (size_t index = 0; (item = nth(&result, DISPLAY_FILL, index)) != NULL; index++) {
        left = item->x < left ? item->x : left;
        top = item->y < top ? item->y : top;
        far = item->x + item->width > far ? item->x + item->width : far;
    }
    assert_float_equal(left, right - side + 4 * module, 0.05f);
    assert_float_equal(far - left, 21 * module, 0.05f);
    const struct display_item *line = nth(&result, DISPLAY_LINE, 0);
    assert_non_null(line);
    assert_float_equal(line->width, 595.28f - 2 * 56.7f - side, 0.05f); /* lines end before it */
    assert_true(find_text(&result, "Notes")->y < top + 21 * module);
    assert_int_equal(diag_count(result.sink), 0);
    laid_out_free(&result);
}

static void a_qr_directive_prints_its_label_beside_it(void **state)
{
    (void)state;
    struct laid_out result =
        lay_out("<!-- golive:qr text=\"HOL-09d2de\" label=\"Sheet code HOL-09d2de\" -->\n\n"
                "<!-- golive:qr text=\"\" -->\n",
                NULL, false);
    const struct display_item *label = find_text(&result, "Sheet code HOL-09d2de");
    assert_non_null(label);
    assert_float_equal(label->x, 56.7f + 29 * 42.52f / 21, 0.05f);
    assert_int_equal(diag_count(result.sink), 1); /* the empty one */
    laid_out_free(&result);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(matrix_marks_sit_in_their_cells),
        cmocka_unit_test(a_small_table_is_small_print),
        cmocka_unit_test(the_callers_words_are_printed),
        cmocka_unit_test(without_words_the_typesetter_writes_english),
        cmocka_unit_test(checkboxes_are_at_least_four_millimetres),
        cmocka_unit_test(bars_sit_at_their_times),
        cmocka_unit_test(labels_are_text_on_the_axis),
        cmocka_unit_test(without_ticks_each_hour_is_labelled),
        cmocka_unit_test(malformed_data_is_reported_where_it_is),
        cmocka_unit_test(the_grid_grows_with_the_text),
        cmocka_unit_test(the_code_stands_beside_the_notes),
        cmocka_unit_test(a_qr_directive_prints_its_label_beside_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
