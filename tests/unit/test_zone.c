/* Unit tests for zone.c: offsets from a TZif file, before and after its
 * transitions, and the fixed fallback for names and files it refuses. */
#include "test_support.h"

#include "zone.h"

#include <stdio.h>
#include <string.h>

static void put32(unsigned char *at, int32_t value)
{
    uint32_t bits = (uint32_t)value;
    at[0] = (unsigned char)(bits >> 24);
    at[1] = (unsigned char)(bits >> 16);
    at[2] = (unsigned char)(bits >> 8);
    at[3] = (unsigned char)bits;
}

/* A zone with +01:00 before 2026-03-29T01:00Z and +02:00 from then on. */
static void write_zone(const char *name)
{
    unsigned char data[44 + 4 + 1 + 12 + 8] = {'T', 'Z', 'i', 'f', '2'};
    put32(data + 20 + 12, 1); /* timecnt */
    put32(data + 20 + 16, 2); /* typecnt */
    put32(data + 20 + 20, 8); /* charcnt */
    put32(data + 44, 1774746000);
    data[48] = 1;
    put32(data + 49, 3600);
    put32(data + 55, 7200);
    data[59] = 1;
    FILE *file = fopen(scratch_path(name), "wb");
    assert_non_null(file);
    fwrite(data, 1, sizeof data, file);
    fclose(file);
}

static void offsets_follow_the_transitions(void **state)
{
    (void)state;
    write_zone("Test_Zone");
    struct zone zone;
    assert_true(zone_load(&zone, scratch_folder, "Test_Zone", 0));
    assert_int_equal(zone_offset_at(&zone, 1774746000 - 1), 60);
    assert_int_equal(zone_offset_at(&zone, 1774746000), 120);
    assert_int_equal(zone_offset_at(&zone, 1900000000), 120);
    zone_free(&zone);
}

static void refused_names_and_files_keep_the_fallback(void **state)
{
    (void)state;
    static const char *const names[] = {"../Test_Zone", "/etc/passwd", "", "No_Such_Zone",
                                        "Bad name"};
    FILE *file = fopen(scratch_path("Cut_Zone"), "wb");
    assert_non_null(file);
    fputs("TZif2", file);
    fclose(file);
    struct zone zone;
    for (size_t index = 0; index < sizeof names / sizeof *names; index++) {
        assert_false(zone_load(&zone, scratch_folder, names[index], 90));
        assert_int_equal(zone_offset_at(&zone, 1774746000), 90);
        zone_free(&zone);
    }
    assert_false(zone_load(&zone, scratch_folder, "Cut_Zone", -300));
    assert_int_equal(zone_offset_at(&zone, 0), -300);
    assert_false(zone_load(&zone, scratch_folder, NULL, 60));
    assert_int_equal(zone_offset_at(&zone, 0), 60);
    zone_free(&zone);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(offsets_follow_the_transitions),
        cmocka_unit_test(refused_names_and_files_keep_the_fallback),
    };
    return cmocka_run_group_tests(tests, scratch_setup, scratch_teardown);
}
