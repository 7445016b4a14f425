/* Unit tests for typed values: durations, dates, timestamps, colours, ids. */
#include "test_support.h"

#include "value.h"

static void parses_durations(void **state)
{
    (void)state;
    struct duration duration;
    assert_true(value_parse_duration("30m", &duration));
    assert_int_equal(duration.minutes, 30);
    assert_true(value_parse_duration("2h", &duration));
    assert_int_equal(duration.minutes, 120);
    assert_true(value_parse_duration("1h30m", &duration));
    assert_int_equal(duration.minutes, 90);
    assert_true(value_parse_duration("7d", &duration));
    assert_int_equal(duration.minutes, 7 * 24 * 60);
    assert_true(value_parse_duration("1d2h", &duration));
    assert_int_equal(duration.minutes, 26 * 60);
    const char *refused[] = {"",     "30",  "m",    "2 hours",  "30m2h",
                             "1h1h", "-5m", "1.5h", "1234567m", "2H"};
    for (size_t index = 0; index < sizeof refused / sizeof refused[0]; index++)
        assert_false(value_parse_duration(refused[index], &duration));
}

/* at: T-48h, T+0:30, T+1h30m; minutes from the window start. */
static void parses_window_offsets(void **state)
{
    (void)state;
    struct duration offset;
    static const struct {
        const char *text;
        int64_t minutes;
    } accepted[] = {
        {"T-48h", -2880}, {"T+0:30", 30}, {"T+1h30m", 90}, {"T+72:00", 4320}, {"T-0:45", -45},
    };
    for (size_t index = 0; index < sizeof accepted / sizeof accepted[0]; index++) {
        assert_true(value_parse_window_offset(accepted[index].text, &offset));
        assert_int_equal(offset.minutes, accepted[index].minutes);
    }
    const char *refused[] = {"T-1:75", "T48h", "t+1h", "T+", "T+1:5", "T+:30", "T+1h 30m", "-48h"};
    for (size_t index = 0; index < sizeof refused / sizeof refused[0]; index++)
        assert_false(value_parse_window_offset(refused[index], &offset));
}

static void parses_real_dates_only(void **state)
{
    (void)state;
    struct date date;
    assert_true(value_parse_date("2028-02-29", &date));
    assert_int_equal(date.day, 29);
    assert_false(value_parse_date("2026-02-29", &date));
    assert_false(value_parse_date("2026-13-01", &date));
    assert_false(value_parse_date("2026-3-1", &date));
    assert_false(value_parse_date("21.03.2026", &date));
}

static void parses_timestamps_with_their_offset(void **state)
{
    (void)state;
    struct timestamp local, utc;
    assert_true(value_parse_timestamp("2026-03-21T18:00:00+01:00", &local));
    assert_true(value_parse_timestamp("2026-03-21T17:00Z", &utc));
    assert_int_equal(local.epoch, utc.epoch);
    assert_int_equal(local.offset_minutes, 60);
    char text[40];
    assert_string_equal(value_format_timestamp(local, text, sizeof text),
                        "2026-03-21 18:00 +01:00");
    assert_string_equal(value_format_timestamp_iso(local, text, sizeof text),
                        "2026-03-21T18:00:00+01:00");
    struct timestamp west;
    assert_true(value_parse_timestamp("2026-01-01T00:30:00-05:30", &west));
    assert_string_equal(value_format_timestamp_iso(west, text, sizeof text),
                        "2026-01-01T00:30:00-05:30");
    assert_string_equal(value_format_timestamp(west, text, sizeof text), "2026-01-01 00:30 -05:30");
    struct timestamp seconds;
    assert_true(value_parse_timestamp("2026-12-31T23:59:07Z", &seconds));
    assert_string_equal(value_format_timestamp_iso(seconds, text, sizeof text),
                        "2026-12-31T23:59:07Z");
    assert_string_equal(value_format_timestamp(seconds, text, sizeof text),
                        "2026-12-31 23:59 +00:00");
    char cut[11]; /* a short buffer gets the start, as snprintf gives it */
    assert_string_equal(value_format_timestamp(seconds, cut, sizeof cut), "2026-12-31");
    assert_false(value_parse_timestamp("2026-03-21T18:00:00", &local)); /* no offset */
    assert_false(value_parse_timestamp("2026-03-21 18:00:00+01:00", &local));
    assert_false(value_parse_timestamp("2026-03-21T25:00:00+01:00", &local));
}

static void converts_calendar_days_both_ways(void **state)
{
    (void)state;
    assert_int_equal(value_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(value_days_from_civil(2000, 3, 1), 11017);
    for (int64_t day = -1000; day < 30000; day += 37) {
        struct date date = value_date_of_epoch(day * 86400);
        assert_int_equal(value_days_from_civil(date.year, date.month, date.day), day);
    }
}

static void formats_durations_for_people(void **state)
{
    (void)state;
    char text[32];
    assert_string_equal(value_format_duration(0, text, sizeof text), "0 min");
    assert_string_equal(value_format_duration(45, text, sizeof text), "45 min");
    assert_string_equal(value_format_duration(90, text, sizeof text), "1 h 30 min");
    assert_string_equal(value_format_duration(120, text, sizeof text), "2 h");
    assert_string_equal(value_format_duration(7 * 1440, text, sizeof text), "7 d");
    assert_string_equal(value_format_duration(2 * 1440 + 240, text, sizeof text), "2 d 4 h");
    assert_string_equal(value_format_duration(-30, text, sizeof text), "-30 min");
}

static void reads_colours_and_identifiers(void **state)
{
    (void)state;
    struct colour colour;
    assert_true(value_parse_colour("#1F3a5F", &colour));
    assert_int_equal(colour.red, 0x1F);
    assert_int_equal(colour.blue, 0x5F);
    assert_false(value_parse_colour("1F3A5F", &colour));
    assert_false(value_parse_colour("#1F3A5", &colour));
    assert_false(value_parse_colour("#GGGGGG", &colour));
    assert_true(value_is_identifier("10"));
    assert_true(value_is_identifier("backup-verified"));
    assert_true(value_is_identifier("odoo_19.upgrade"));
    assert_false(value_is_identifier("-leading"));
    assert_false(value_is_identifier("with space"));
    assert_false(value_is_identifier("Müller"));
    assert_false(value_is_identifier(""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parses_durations),
        cmocka_unit_test(parses_window_offsets),
        cmocka_unit_test(parses_real_dates_only),
        cmocka_unit_test(parses_timestamps_with_their_offset),
        cmocka_unit_test(converts_calendar_days_both_ways),
        cmocka_unit_test(formats_durations_for_people),
        cmocka_unit_test(reads_colours_and_identifiers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
