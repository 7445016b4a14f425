/* The one place golive reads the clock: recording a result or a sign-off
 * stamps the current time into the run file. Nothing that writes a
 * document calls these; documents take their dates from the inputs or
 * SOURCE_DATE_EPOCH. */
#ifndef GOLIVE_CLOCK_H
#define GOLIVE_CLOCK_H

#include <stddef.h>

/* clock_now: the current local time as ISO 8601 with its UTC offset,
 * e.g. "2026-03-21T18:05:00+01:00", into out. */
void clock_now(char *out, size_t size);
/* clock_today: the current local date, "2026-03-21", into out. */
void clock_today(char *out, size_t size);

#endif
