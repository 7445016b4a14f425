/* <!-- golive:timeline --> read and drawn (layout_timeline.c): planned
 * against actual times per row on one time axis. */
#ifndef GOLIVE_LAYOUT_TIMELINE_H
#define GOLIVE_LAYOUT_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TIMELINE_MAX_ROWS 30       /* the chart is one box: it must fit a page */
#define TIMELINE_MAX_TICKS 49      /* hourly over two days */
#define TIMELINE_MAX_MARKERS 6     /* each takes a label line above the chart */
#define TIMELINE_MAX_MINUTES 99999 /* over two months: no window is longer */

struct timeline_measures {
    float label_width;    /* [pt] the column of the row labels */
    float row_height;     /* [pt] */
    float planned_height; /* [pt] the outlined planned bar */
    float actual_height;  /* [pt] the solid actual bar inside it */
    float padding;        /* [pt] */
    float rule;           /* [pt] outlines, the axis and markers */
    float dash;           /* [pt] dash and gap of a marker's line */
    uint32_t colour_planned_fill, colour_actual, colour_marker;
};
extern const struct timeline_measures timeline_measures;

struct timeline_range {
    bool present;
    long from, to; /* [min] */
};

struct timeline_row {
    const char *label; /* into the chart's own copy of the directive's text */
    struct timeline_range planned, actual;
};

struct timeline_mark { /* a tick or a marker */
    long at;           /* [min] */
    const char *label;
};

struct timeline {
    struct timeline_row rows[TIMELINE_MAX_ROWS];
    size_t row_count;
    struct timeline_mark ticks[TIMELINE_MAX_TICKS], markers[TIMELINE_MAX_MARKERS];
    size_t tick_count, marker_count;
    bool has_range;
    long from, to;                          /* the axis [min] */
    char *texts[3];                         /* the copies the labels point into (owned) */
    char tick_text[TIMELINE_MAX_TICKS][48]; /* labels of ticks drawn without ticks="" */
};

struct layout;
struct directive;

/* timeline_read: the directive's data, with a warning for each entry left
 * out; the axis runs over every time given. */
void timeline_read(struct layout *layout, const struct directive *directive,
                   struct timeline *chart);
/* timeline_x: where time at lies on an axis drawn from left, width wide. */
void timeline_free(struct timeline *chart);
float timeline_x(const struct timeline *chart, float left, float width, long at);
void layout_timeline(struct layout *layout, const struct directive *directive);

#endif
