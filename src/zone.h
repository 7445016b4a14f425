/* The project's time zone: the UTC offset in force at any instant, from the
 * system's time zone data (TZif files under /usr/share/zoneinfo, or
 * $TZDIR as the command passes it), else one fixed offset (the window
 * start's). Every time golive prints, and every time mark and sign stamp,
 * is in this zone. Pure once loaded: no clock, no environment. */
#ifndef GOLIVE_ZONE_H
#define GOLIVE_ZONE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct zone {
    int64_t *transitions; /* instants at which the offset changes, ascending */
    int *offsets;         /* [minutes east of UTC] from each transition on */
    size_t count;
    int base_offset; /* before the first transition, or always when fixed */
    bool from_data;  /* read from the time zone data */
};

/* zone_load: the zone called name (an IANA name such as Europe/Berlin)
 * from the TZif file in folder; fixed at fallback_offset when name is NULL,
 * not a plain zone name, or its file is missing or malformed (returns
 * false then, for a caller that wants to say so). */
bool zone_load(struct zone *zone, const char *folder, const char *name, int fallback_offset);
/* zone_offset_at: the offset [minutes] in force at epoch. */
int zone_offset_at(const struct zone *zone, int64_t epoch);
void zone_free(struct zone *zone);

#endif
