/* Bidi reordering, Arabic shaping and NFC (text_shape.c, text_normalise.c). */
#include "test_support.h"

#include "text_normalise.h"
#include "text_shape.h"

#include <stdlib.h>
#include <string.h>

static void reorders_runs_by_level(void **state)
{
    (void)state;
    /* "abc DEF 12 GHI" with DEF..GHI right to left around an LTR number */
    const uint8_t levels[] = {0, 1, 1, 2, 1, 1, 0};
    size_t order[7];
    text_reorder(levels, 7, order);
    const size_t expected[] = {0, 5, 4, 3, 2, 1, 6};
    assert_memory_equal(order, expected, sizeof expected);
}

static void reverses_keeping_marks_on_their_letter(void **state)
{
    (void)state;
    struct buffer out = {0};
    text_append_reversed("\xD7\xA9\xD7\x81\xD7\x9C", 6, &out); /* shin, shin dot, lamed */
    assert_string_equal(buffer_text(&out), "\xD7\x9C\xD7\xA9\xD7\x81");
    buffer_free(&out);
}

static void a_line_is_shaped_and_drawn_right_to_left(void **state)
{
    (void)state;
    struct buffer out = {0};
    text_visual_line("id = \xD8\xB4\xD8\xB1\xD9\x83\xD8\xA9", 13, &out); /* id = شركة */
    /* ﺔﻛﺮﺷ: final teh marbuta, medial kaf, final reh, initial sheen */
    assert_string_equal(buffer_text(&out), "id = \xEF\xBA\x94\xEF\xBB\x9B\xEF\xBA\xAE\xEF\xBA\xB7");
    buffer_free(&out);
}

static void lam_alef_is_one_ligature_and_a_carrier(void **state)
{
    (void)state;
    const uint32_t salam[] = {0x0633, 0x0644, 0x0627, 0x0645}; /* سلام */
    struct text_shaping shaping = {0};
    text_shape(salam, 4, TEXT_SHAPE_LIGATURES, &shaping);
    assert_int_equal(shaping.count, 4);
    assert_true(shaping.right_to_left);
    assert_int_equal(shaping.text[1], TEXT_LIGATURE_LAM);
    assert_int_equal(shaping.text[2], 0xFEFC); /* lam-alef, final */
    for (size_t index = 0; index < 4; index++)
        assert_int_equal(shaping.levels[index], 1);
    text_shaping_free(&shaping);
}

static void left_to_right_text_wants_no_bidi(void **state)
{
    (void)state;
    assert_false(text_shape_wanted("Zürich Ёлка ά ế", strlen("Zürich Ёлка ά ế")));
    assert_true(text_shape_wanted("a \xD7\xA9", 4));
}

static void decomposed_text_becomes_nfc(void **state)
{
    (void)state;
    struct buffer out = {0};
    text_normalise_nfc("Zu\xCC\x88rich\xCD\x8F", 10, &out);
    assert_string_equal(buffer_text(&out), "Z\xC3\xBCrich"); /* and U+034F is gone */
    buffer_free(&out);
    /* composed text comes through as it is; a singleton does not */
    const char *composed = "Gr\xC3\xB6\xC3\x9F"
                           "e \xE2\x80\x94 \xCE\xAC";
    text_normalise_nfc(composed, strlen(composed), &out);
    assert_string_equal(buffer_text(&out), composed);
    buffer_truncate(&out, 0);
    text_normalise_nfc("\xE2\x84\xAB \xE1\xBD\xB1", 7, &out); /* ANGSTROM SIGN, alpha with oxia */
    assert_string_equal(buffer_text(&out), "\xC3\x85 \xCE\xAC");
    buffer_free(&out);
    uint32_t letters[TEXT_LETTERS_MAX];
    assert_int_equal(text_presentation_letters(0xFEB7, letters), 1);
    assert_int_equal(letters[0], 0x0634);
    assert_int_equal(text_presentation_letters(0xFEFC, letters), 2);
    assert_int_equal(text_presentation_letters(0x0041, letters), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reorders_runs_by_level),
        cmocka_unit_test(reverses_keeping_marks_on_their_letter),
        cmocka_unit_test(a_line_is_shaped_and_drawn_right_to_left),
        cmocka_unit_test(lam_alef_is_one_ligature_and_a_carrier),
        cmocka_unit_test(left_to_right_text_wants_no_bidi),
        cmocka_unit_test(decomposed_text_becomes_nfc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
