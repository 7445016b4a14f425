/* The one place golive reads the clock: recording a result or a sign-off
 * stamps the current time into the run file. Nothing that writes a
 * document calls these; documents take their dates from the inputs or
 * SOURCE_DATE_EPOCH. */
#ifndef GOLIVE_CLOCK_H
#define GOLIVE_CLOCK_H

#include "zone.h"

#include <stddef.h>

/* clock_now: the current time in zone (the project's: never the
 * environment's TZ) as ISO 8601 with its UTC offset, e.g.
 * "2026-03-21T18:05:00+01:00", into out. */
void clock_now(const struct zone *zone, char *out, size_t size);
/* clock_today: the current date in zone, "2026-03-21", into out. */
void clock_today(const struct zone *zone, char *out, size_t size);

#endif
