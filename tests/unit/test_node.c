/* The node tree's mappings: a lookup finds the first pair of a key in
 * order, whether the mapping is scanned or, once large and looked up
 * often, found through its index. */
#include "test_support.h"

#include "node.h"

#include <stdio.h>

static const char *text_of(const struct node *mapping, const char *key)
{
    const struct node *value = node_mapping_find(mapping, key);
    return value ? node_scalar_text(value) : NULL;
}

/* key0: value0, key1: value1, ... */
static struct node *numbered_mapping(size_t pairs)
{
    struct node *mapping = node_new_mapping();
    for (size_t index = 0; index < pairs; index++) {
        char key[32], value[32];
        snprintf(key, sizeof key, "key%zu", index);
        snprintf(value, sizeof value, "value%zu", index);
        node_mapping_append(mapping, node_new_string(key), node_new_string(value));
    }
    return mapping;
}

static void finds_every_key_of_a_large_mapping_often_looked_up(void **state)
{
    (void)state;
    struct node *mapping = numbered_mapping(1000);
    for (int round = 0; round < 3; round++) {
        for (size_t index = 0; index < 1000; index += 7) {
            char key[32], value[32];
            snprintf(key, sizeof key, "key%zu", index);
            snprintf(value, sizeof value, "value%zu", index);
            assert_string_equal(text_of(mapping, key), value);
        }
        assert_null(text_of(mapping, "key1000"));
        assert_null(text_of(mapping, "key"));
        assert_null(text_of(mapping, ""));
    }
    node_free(mapping);
}

static void finds_the_first_of_duplicate_keys(void **state)
{
    (void)state;
    struct node *mapping = numbered_mapping(20);
    node_mapping_append(mapping, node_new_string("key3"), node_new_string("second"));
    for (int round = 0; round < 20; round++) /* scanned, then through the index */
        assert_string_equal(text_of(mapping, "key3"), "value3");
    node_mapping_append(mapping, node_new_string("key5"), node_new_string("second"));
    node_mapping_append(mapping, node_new_string("late"), node_new_string("found"));
    node_mapping_append(mapping, node_new_string("late"), node_new_string("not found"));
    assert_string_equal(text_of(mapping, "key5"), "value5");
    assert_string_equal(text_of(mapping, "late"), "found");
    assert_int_equal(node_count(mapping), 24);
    node_free(mapping);
}

static void sets_a_key_in_place_and_appends_a_new_one(void **state)
{
    (void)state;
    struct node *mapping = numbered_mapping(40);
    for (int round = 0; round < 20; round++)
        assert_string_equal(text_of(mapping, "key39"), "value39");
    node_mapping_set(mapping, "key17", node_new_string("changed"));
    node_mapping_set(mapping, "new", node_new_string("added"));
    for (size_t index = 0; index < 200; index++) { /* the index grows */
        char key[32];
        snprintf(key, sizeof key, "more%zu", index);
        node_mapping_set(mapping, key, node_new_bool(true));
    }
    assert_int_equal(node_count(mapping), 241);
    assert_string_equal(node_scalar_text(node_mapping_key(mapping, 17)), "key17");
    assert_string_equal(node_scalar_text(node_mapping_value(mapping, 17)), "changed");
    assert_string_equal(text_of(mapping, "key17"), "changed");
    assert_string_equal(node_scalar_text(node_mapping_key(mapping, 40)), "new");
    assert_string_equal(text_of(mapping, "new"), "added");
    assert_string_equal(text_of(mapping, "more199"), "true");
    node_free(mapping);
}

static void skips_keys_that_are_not_text(void **state)
{
    (void)state;
    struct node *mapping = node_new_mapping();
    node_mapping_append(mapping, node_new_sequence(), node_new_string("list key"));
    struct node *filled = numbered_mapping(30);
    for (size_t index = 0; index < node_count(filled); index++)
        node_mapping_append(mapping, node_copy(node_mapping_key(filled, index)),
                            node_copy(node_mapping_value(filled, index)));
    node_free(filled);
    for (int round = 0; round < 20; round++) {
        assert_string_equal(text_of(mapping, "key0"), "value0");
        assert_null(text_of(mapping, ""));
    }
    struct node *copy = node_copy(mapping);
    assert_string_equal(text_of(copy, "key29"), "value29");
    node_free(copy);
    node_free(mapping);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(finds_every_key_of_a_large_mapping_often_looked_up),
        cmocka_unit_test(finds_the_first_of_duplicate_keys),
        cmocka_unit_test(sets_a_key_in_place_and_appends_a_new_one),
        cmocka_unit_test(skips_keys_that_are_not_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
