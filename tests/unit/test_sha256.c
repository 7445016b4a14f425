/* SHA-256 against the FIPS 180-4 examples and sha256sum's answers. */
#include "test_support.h"

#include "sha256.h"

#include <string.h>

static void matches_the_standard_examples(void **state)
{
    (void)state;
    char hex[65];
    sha256_hex("", 0, hex);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha256_hex("abc", 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha256_hex(two_blocks, strlen(two_blocks), hex);
    assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void hashes_in_pieces_as_in_one(void **state)
{
    (void)state;
    /* One million 'a' (the FIPS 180-4 example), fed in uneven pieces. */
    static char block[1000];
    memset(block, 'a', sizeof block);
    struct sha256 hash;
    sha256_init(&hash);
    size_t fed = 0, piece = 1;
    while (fed < 1000000) {
        size_t take = piece < 1000000 - fed ? piece : 1000000 - fed;
        take = take < sizeof block ? take : sizeof block;
        sha256_update(&hash, block, take);
        fed += take;
        piece = piece * 7 % 997 + 1;
    }
    char hex[65];
    sha256_final(&hash, hex);
    assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void pads_at_the_block_boundaries(void **state)
{
    (void)state;
    char hex[65], text[64];
    memset(text, 'x', sizeof text);
    sha256_hex(text, 55, hex); /* the length still fits this block */
    assert_string_equal(hex, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072");
    sha256_hex(text, 56, hex); /* it does not */
    assert_string_equal(hex, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e");
    sha256_hex(text, 64, hex);
    assert_string_equal(hex, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(matches_the_standard_examples),
        cmocka_unit_test(hashes_in_pieces_as_in_one),
        cmocka_unit_test(pads_at_the_block_boundaries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
