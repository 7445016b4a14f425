/* <!-- golive:toc -->: each entry's page number is the page its heading
 * lands on, numbers flush right, headings before the directive left out.
 * A fake measurer makes every glyph half an em. */
#include "test_support.h"

#include "display_list.h"
#include "layout.h"
#include "markdown.h"

#include <string.h>

static struct glyph_metrics fake_glyph(void *context, enum font_face face, uint32_t code_point)
{
    (void)context;
    return (struct glyph_metrics){face, (uint16_t)(code_point == ' ' ? 250 : 500)};
}

static const struct text_measurer fake = {NULL, fake_glyph};

static void lay_out(const char *markdown, struct display_list *list)
{
    struct diag_sink *sink = diag_sink_new();
    struct layout_options options = {
        .paper = PAPER_A4, .accent_colour = 0x1F3A5F, .source_name = "t.md"};
    cmark_node *root = markdown_parse(markdown, strlen(markdown));
    *list = (struct display_list){0};
    assert_true(layout_document(root, &options, &fake, list, sink));
    assert_int_equal(diag_count(sink), 0);
    cmark_node_free(root);
    diag_sink_free(sink);
}

static bool is_text(const struct display_list *list, const struct display_item *item,
                    const char *text)
{
    return item->kind == DISPLAY_TEXT && item->text_length == strlen(text) &&
           memcmp(display_text(list, item), text, strlen(text)) == 0;
}

/* The first text item that reads text, on page 0 (the contents). */
static const struct display_item *entry(const struct display_list *list, const char *text)
{
    for (size_t index = 0; index < list->pages[0].count; index++)
        if (is_text(list, &list->pages[0].items[index], text))
            return &list->pages[0].items[index];
    return NULL;
}

/* The text right of title's entry on its line: the page number. */
static const struct display_item *number_of(const struct display_list *list, const char *title)
{
    const struct display_item *left = entry(list, title);
    assert_non_null(left);
    for (size_t index = 0; index < list->pages[0].count; index++) {
        const struct display_item *item = &list->pages[0].items[index];
        if (item->kind == DISPLAY_TEXT && item != left && item->y == left->y && item->x > left->x)
            return item;
    }
    return NULL;
}

/* The page (1-based) where the heading's bookmark sits. */
static size_t heading_page(const struct display_list *list, const char *title)
{
    for (size_t page = 0; page < list->page_count; page++)
        for (size_t index = 0; index < list->pages[page].count; index++) {
            const struct display_item *item = &list->pages[page].items[index];
            if (item->kind == DISPLAY_BOOKMARK && item->text_length == strlen(title) &&
                memcmp(display_text(list, item), title, strlen(title)) == 0)
                return page + 1;
        }
    return 0;
}

static void expect_number(const struct display_list *list, const char *title, const char *page)
{
    const struct display_item *number = number_of(list, title);
    assert_non_null(number);
    char text[16];
    snprintf(text, sizeof text, "%.*s", (int)number->text_length, display_text(list, number));
    assert_string_equal(text, page);
    char landed[16];
    snprintf(landed, sizeof landed, "%zu", heading_page(list, title));
    assert_string_equal(text, landed);
}

static void each_entry_names_the_page_of_its_heading(void **state)
{
    (void)state;
    struct buffer markdown = {0};
    buffer_append_text(&markdown, "## Contents\n\n<!-- golive:toc -->\n\n## Alpha\n\nOne.\n\n"
                                  "<!-- golive:pagebreak -->\n\n## Beta\n\n### Beta detail\n\n");
    /* enough paragraphs to run Beta over nine pages, so Gamma's number has two digits */
    for (int paragraph = 0; paragraph < 400; paragraph++)
        buffer_append_text(&markdown, "A paragraph that fills the page line by line.\n\n");
    buffer_append_text(&markdown, "## Gamma\n\nLast.\n");
    struct display_list list;
    lay_out(buffer_text(&markdown), &list);
    expect_number(&list, "Alpha", "1");
    expect_number(&list, "Beta", "2");
    assert_true(heading_page(&list, "Gamma") >= 10);
    char gamma[16];
    snprintf(gamma, sizeof gamma, "%zu", heading_page(&list, "Gamma"));
    expect_number(&list, "Gamma", gamma);
    /* numbers end at one right edge, whatever their width */
    const struct display_item *one = number_of(&list, "Alpha"), *many = number_of(&list, "Gamma");
    assert_true(many->x < one->x);
    assert_null(entry(&list, "Beta detail"));  /* level 3: not listed */
    assert_null(number_of(&list, "Contents")); /* headings before the directive: not listed */
    display_list_free(&list);
    buffer_free(&markdown);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_entry_names_the_page_of_its_heading),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
