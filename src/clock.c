/* Reading the clock, for golive mark and golive sign only. The time is
 * given in the project's zone, so a record reads as the window does;
 * the environment's TZ plays no part (a POSIX TZ such as "XXX-25" once
 * shifted stamps by a day). */
#include "clock.h"

#include "value.h"

#include <time.h>

static struct timestamp now_in(const struct zone *zone)
{
    int64_t now = (int64_t)time(NULL);
    return (struct timestamp){
        .set = true, .epoch = now, .offset_minutes = zone_offset_at(zone, now)};
}

void clock_now(const struct zone *zone, char *out, size_t size)
{
    value_format_timestamp_iso(now_in(zone), out, size);
}

void clock_today(const struct zone *zone, char *out, size_t size)
{
    struct timestamp stamp = now_in(zone);
    struct date date = value_date_of_epoch(stamp.epoch + (int64_t)stamp.offset_minutes * 60);
    value_format_date(date, out, size);
}
