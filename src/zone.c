/* Reading a TZif file (RFC 8536): the version 1 block's transitions and
 * their offsets are enough for every date golive meets (1901 to 2037),
 * and every version of the format starts with that block. */
#include "zone.h"

#include "alloc.h"
#include "golive_limits.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int64_t big_endian(const unsigned char *bytes)
{
    uint32_t value = ((uint32_t)bytes[0] << 24) | ((uint32_t)bytes[1] << 16) |
                     ((uint32_t)bytes[2] << 8) | bytes[3];
    return (int32_t)value;
}

/* A name as tzdata spells them: letters, digits, '_', '-', '+' and '/',
 * never "..", never absolute. */
static bool plain_zone_name(const char *name)
{
    if (!name || !name[0] || name[0] == '/' || strstr(name, ".."))
        return false;
    for (const char *at = name; *at; at++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+/", *at))
            return false;
    return true;
}

static unsigned char *read_zone_file(const char *folder, const char *name, size_t *length)
{
    char path[512];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", folder, name) >= sizeof path)
        return NULL;
    FILE *file = fopen(path, "rb");
    if (!file)
        return NULL;
    unsigned char *data = xmalloc(LIMIT_ZONE_FILE_SIZE);
    *length = fread(data, 1, LIMIT_ZONE_FILE_SIZE, file);
    fclose(file);
    return data;
}

/* Fills zone from the version 1 block; false when it does not add up. */
static bool parse_tzif(struct zone *zone, const unsigned char *data, size_t length)
{
    if (length < 44 || memcmp(data, "TZif", 4) != 0)
        return false;
    int64_t counts[6];
    for (int index = 0; index < 6; index++)
        counts[index] = big_endian(data + 20 + 4 * index);
    int64_t transitions = counts[3], types = counts[4];
    if (transitions < 0 || types <= 0 || types > 256 || transitions > 100000 ||
        (size_t)(44 + transitions * 5 + types * 6) > length)
        return false;
    const unsigned char *times = data + 44, *indexes = times + transitions * 4;
    const unsigned char *infos = indexes + transitions;
    zone->transitions = xcalloc((size_t)transitions + 1, sizeof(int64_t));
    zone->offsets = xcalloc((size_t)transitions + 1, sizeof(int));
    for (int64_t index = 0; index < transitions; index++) {
        if (indexes[index] >= types)
            return false;
        zone->transitions[index] = big_endian(times + 4 * index);
        zone->offsets[index] = (int)(big_endian(infos + 6 * indexes[index]) / 60);
    }
    zone->count = (size_t)transitions;
    zone->base_offset = (int)(big_endian(infos) / 60);
    return true;
}

bool zone_load(struct zone *zone, const char *folder, const char *name, int fallback_offset)
{
    *zone = (struct zone){.base_offset = fallback_offset};
    if (!plain_zone_name(name) || !folder)
        return false;
    size_t length = 0;
    unsigned char *data = read_zone_file(folder, name, &length);
    bool ok = data && parse_tzif(zone, data, length);
    free(data);
    if (!ok) {
        zone_free(zone);
        *zone = (struct zone){.base_offset = fallback_offset};
        return false;
    }
    zone->from_data = true;
    return true;
}

int zone_offset_at(const struct zone *zone, int64_t epoch)
{
    size_t low = 0, high = zone->count; /* the first transition after epoch */
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        if (zone->transitions[middle] <= epoch)
            low = middle + 1;
        else
            high = middle;
    }
    return low == 0 ? zone->base_offset : zone->offsets[low - 1];
}

void zone_free(struct zone *zone)
{
    free(zone->transitions);
    free(zone->offsets);
    zone->transitions = NULL;
    zone->offsets = NULL;
    zone->count = 0;
}
