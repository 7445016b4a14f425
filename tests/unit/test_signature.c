/* Unit tests for minisign keys and signatures and for sign-off statements:
 * round trips, each kind of tampering, and each malformed file named at
 * its line. */
#include "test_support.h"

#include "signature_minisign.h"
#include "signoff_statement.h"

#include <stdlib.h>
#include <string.h>

static void expect_message(struct diag_sink *sink, const char *message)
{
    char *printed = diagnostics_text(sink);
    if (!strstr(printed, message))
        fail_msg("'%s' lacks '%s'", printed, message);
    free(printed);
}

static void a_signature_verifies_and_each_tampering_is_told_apart(void **state)
{
    (void)state;
    struct minisign_secret_key secret, other_secret;
    struct minisign_public_key key, other;
    minisign_key_pair_new(&secret, &key);
    minisign_key_pair_new(&other_secret, &other);
    struct buffer text = {0};
    const char message[] = "golive sign-off statement\nname: Jürgen Weiß\n";
    minisign_sign(&secret, message, strlen(message), "a trusted comment", &text);
    struct diag_sink *sink = diag_sink_new();
    struct minisign_signature signature;
    assert_true(
        minisign_signature_parse("s.minisig", buffer_text(&text), text.length, &signature, sink));
    assert_int_equal(minisign_verify(&key, message, strlen(message), &signature), MINISIGN_VALID);
    assert_int_equal(minisign_verify(&other, message, strlen(message), &signature),
                     MINISIGN_OTHER_KEY);
    char changed[sizeof message];
    memcpy(changed, message, sizeof message);
    changed[30] ^= 1;
    assert_int_equal(minisign_verify(&key, changed, strlen(changed), &signature),
                     MINISIGN_BAD_SIGNATURE);
    signature.trusted_comment[0] = 'A';
    assert_int_equal(minisign_verify(&key, message, strlen(message), &signature),
                     MINISIGN_BAD_COMMENT);
    minisign_signature_free(&signature);
    assert_int_equal(diag_count(sink), 0);
    diag_sink_free(sink);
    buffer_free(&text);
}

static void an_encrypted_secret_key_round_trips(void **state)
{
    (void)state;
    struct minisign_secret_key secret, read;
    struct minisign_public_key key, derived;
    minisign_key_pair_new(&secret, &key);
    struct buffer text = {0};
    minisign_secret_key_format(&secret, "correct horse", &text);
    struct diag_sink *sink = diag_sink_new();
    assert_true(minisign_secret_key_parse("k.key", buffer_text(&text), text.length, &read, sink));
    assert_true(read.encrypted);
    assert_false(minisign_secret_key_open(&read, "wrong horse"));
    assert_true(minisign_secret_key_open(&read, "correct horse"));
    minisign_public_key_of(&read, &derived);
    assert_memory_equal(&derived, &key, sizeof key);
    buffer_truncate(&text, 0);
    minisign_public_key_format(&key, &text);
    struct minisign_public_key parsed;
    assert_true(minisign_public_key_parse("k.pub", buffer_text(&text), text.length, &parsed, sink));
    assert_memory_equal(&parsed, &key, sizeof key);
    char hex[MINISIGN_KEY_ID_HEX];
    minisign_key_id_hex(key.key_id, hex);
    assert_non_null(strstr(buffer_text(&text), hex));
    diag_sink_free(sink);
    buffer_free(&text);
}

static void malformed_files_are_named_at_their_line(void **state)
{
    (void)state;
    struct diag_sink *sink = diag_sink_new();
    struct minisign_public_key key;
    struct minisign_signature signature;
    struct signoff_statement statement;
    assert_false(minisign_public_key_parse("a.pub", "hello\n", 6, &key, sink));
    expect_message(sink, "a.pub:1:1: error: this is not a minisign public key");
    const char *bad_base64 = "untrusted comment: x\nRWS!!!\n";
    assert_false(minisign_public_key_parse("b.pub", bad_base64, strlen(bad_base64), &key, sink));
    expect_message(sink, "b.pub:2:1: error: the second line must be the public key in base64");
    const char *short_signature = "untrusted comment: x\n"
                                  "RUSc6/b/52F1X49FsbJy/3hQK4LaiN8SGrlVTOSIArpHR8Ym0qmR9X//"
                                  "F+yYx+fW9ji/u/g2IrSGg6f9PD0Wtyp33Ia7oAphuQs=\n";
    assert_false(minisign_signature_parse("c.minisig", short_signature, strlen(short_signature),
                                          &signature, sink));
    expect_message(sink, "c.minisig:3:1: error: the third line must be 'trusted comment: ...'");
    const char *statement_text = "golive sign-off statement\nproject: x\nmood: fine\n";
    assert_false(
        signoff_statement_parse("d.txt", statement_text, strlen(statement_text), &statement, sink));
    expect_message(sink,
                   "d.txt:3:1: error: this line is not one a golive sign-off statement holds");
    const char *incomplete = "golive sign-off statement\nproject: x\n";
    assert_false(
        signoff_statement_parse("e.txt", incomplete, strlen(incomplete), &statement, sink));
    expect_message(sink, "e.txt:3:1: error: the statement lacks one of");
    diag_sink_free(sink);
}

static void a_statement_round_trips(void **state)
{
    (void)state;
    char *conditions[] = {"Invoices re-checked on Monday"};
    struct signoff_statement written = {.project = "P (C)",
                                        .signatory = "sponsor",
                                        .role = "Client sponsor",
                                        .name = "Petra",
                                        .decision = "conditional",
                                        .date = "2026-03-20",
                                        .time = "2026-03-20T10:00:00+01:00",
                                        .run = "runs/golive.yaml",
                                        .run_sha256 = "ab",
                                        .conditions = {.items = conditions, .count = 1},
                                        .run_lines = 41};
    struct buffer text = {0};
    signoff_statement_format(&written, &text);
    struct diag_sink *sink = diag_sink_new();
    struct signoff_statement read;
    assert_true(signoff_statement_parse("s.txt", buffer_text(&text), text.length, &read, sink));
    assert_string_equal(read.name, "Petra");
    assert_int_equal(read.run_lines, 41);
    assert_int_equal(read.conditions.count, 1);
    assert_string_equal(read.conditions.items[0], "Invoices re-checked on Monday");
    signoff_statement_free(&read);
    diag_sink_free(sink);
    buffer_free(&text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_signature_verifies_and_each_tampering_is_told_apart),
        cmocka_unit_test(an_encrypted_secret_key_round_trips),
        cmocka_unit_test(malformed_files_are_named_at_their_line),
        cmocka_unit_test(a_statement_round_trips),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
