/* Reading the clock, for golive mark and golive sign only. */
#include "clock.h"

#include "value.h"

#include <stdio.h>
#include <time.h>

/* The local offset is the difference between the local and the UTC
 * calendar reading of the same instant (tm_gmtoff is not standard C). */
static struct timestamp now_local(void)
{
    time_t now = time(NULL);
    struct tm local, utc;
    localtime_r(&now, &local);
    gmtime_r(&now, &utc);
    int64_t local_seconds = value_days_from_civil(local.tm_year + 1900, local.tm_mon + 1,
                                                  local.tm_mday) * 86400
                            + local.tm_hour * 3600 + local.tm_min * 60 + local.tm_sec;
    int64_t utc_seconds = value_days_from_civil(utc.tm_year + 1900, utc.tm_mon + 1,
                                                utc.tm_mday) * 86400
                          + utc.tm_hour * 3600 + utc.tm_min * 60 + utc.tm_sec;
    struct timestamp stamp = { true, (int64_t)now, (int)((local_seconds - utc_seconds) / 60) };
    return stamp;
}

void clock_now(char *out, size_t size)
{
    value_format_timestamp_iso(now_local(), out, size);
}

void clock_today(char *out, size_t size)
{
    struct timestamp stamp = now_local();
    struct date date = value_date_of_epoch(stamp.epoch + (int64_t)stamp.offset_minutes * 60);
    value_format_date(date, out, size);
}
