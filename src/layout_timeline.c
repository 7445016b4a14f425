/* <!-- golive:timeline --> : planned against actual times per row (a
 * phase of a go-live, its downtime) on one time axis, drawn from data:
 *
 *   <!-- golive:timeline rows="Execution|Validation|Downtime"
 *        planned="0..210|210..270|10..330" actual="5..240|240..330|"
 *        ticks="0=18:00|60=19:00|120=20:00" markers="480=Window end"
 *        legend="Planned|Actual" -->
 *
 * Times are minutes or H:MM from any zero the writer chooses ("-0:45",
 * "90", "3:30"); a range is FROM..TO. The lists of rows, planned and
 * actual ranges, ticks and markers are separated by '|'; an empty entry
 * draws no bar and a trailing '|' is ignored. A tick or marker is
 * TIME=LABEL. Without ticks, one is drawn each hour, labelled by its time.
 *
 * Printed in black and white it still reads: a planned bar is an outline,
 * an actual bar solid and thinner inside it, a marker a dashed line with
 * its label above the chart. The whole chart is one box. */
#include "layout_internal.h"

#include "layout_directive.h"
#include "layout_timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct timeline_measures timeline_measures = {
    .label_width = 110.0f,
    .row_height = 18.0f,
    .planned_height = 12.0f,
    .actual_height = 5.0f,
    .padding = 4.0f,
    .rule = 0.8f,
    .dash = 3.0f,
    .colour_planned_fill = 0xFFFFFF,
    .colour_actual = 0x262626,
    .colour_marker = 0x1A1A1A,
};

/* A time: [-]MINUTES or [-]H:MM. */
static bool parse_time(const char *text, size_t length, long *minutes)
{
    char buffer[24];
    if (length == 0 || length >= sizeof buffer)
        return false;
    memcpy(buffer, text, length);
    buffer[length] = '\0';
    bool negative = buffer[0] == '-';
    const char *at = buffer + negative;
    if (*at < '0' || *at > '9')
        return false;
    char *end;
    long value = strtol(at, &end, 10);
    if (*end == ':') {
        if (end[1] < '0' || end[1] > '5' || end[2] < '0' || end[2] > '9' || end[3])
            return false;
        value = value * 60 + (end[1] - '0') * 10 + (end[2] - '0');
    } else if (*end) {
        return false;
    }
    if (value > TIMELINE_MAX_MINUTES)
        return false;
    *minutes = negative ? -value : value;
    return true;
}

static bool parse_range(const char *text, size_t length, struct timeline_range *range)
{
    const char *dots = NULL;
    for (size_t at = 0; at + 1 < length && !dots; at++)
        if (text[at] == '.' && text[at + 1] == '.')
            dots = text + at;
    if (!dots)
        return false;
    size_t first = (size_t)(dots - text);
    if (!parse_time(text, first, &range->from) ||
        !parse_time(dots + 2, length - first - 2, &range->to) || range->to < range->from)
        return false;
    range->present = true;
    return true;
}

/* The entries of a '|' list, in place; a trailing '|' ends the list. */
static size_t split_list(char *text, char **entries, size_t most)
{
    size_t count = 0;
    for (char *at = text; at && *at && count < most;) {
        entries[count++] = at;
        at = strchr(at, '|');
        if (at)
            *at++ = '\0';
    }
    return count;
}

static void warn(struct layout *layout, const char *key, const char *entry, const char *expected)
{
    diag(layout->sink, DIAG_TYPESET_DIRECTIVE_VALUE, layout->current_position,
         "%s entry \"%s\" in 'golive:timeline' is not %s; it is left out", key, entry, expected);
}

static void read_ranges(struct layout *layout, struct timeline *chart, const char *text,
                        const char *key, bool actual)
{
    char *copy = xstrdup(text ? text : "");
    char *entries[TIMELINE_MAX_ROWS];
    size_t count = split_list(copy, entries, TIMELINE_MAX_ROWS);
    if (count > chart->row_count)
        diag(layout->sink, DIAG_TYPESET_DIRECTIVE_VALUE, layout->current_position,
             "%s has %zu entries in 'golive:timeline' but rows has %zu; the extra ones are "
             "left out",
             key, count, chart->row_count);
    for (size_t row = 0; row < count && row < chart->row_count; row++) {
        struct timeline_range *range =
            actual ? &chart->rows[row].actual : &chart->rows[row].planned;
        if (*entries[row] && !parse_range(entries[row], strlen(entries[row]), range))
            warn(layout, key, entries[row], "a range FROM..TO of minutes or H:MM");
    }
    free(copy);
}

static size_t read_marks(struct layout *layout, char *copy, const char *key,
                         struct timeline_mark *marks, size_t most)
{
    char *entries[TIMELINE_MAX_TICKS];
    size_t count = split_list(copy, entries, most), kept = 0;
    for (size_t index = 0; index < count; index++) {
        char *equals = strchr(entries[index], '=');
        struct timeline_mark *mark = &marks[kept];
        if (equals && parse_time(entries[index], (size_t)(equals - entries[index]), &mark->at)) {
            mark->label = equals + 1;
            kept++;
        } else {
            warn(layout, key, entries[index], "TIME=LABEL");
        }
    }
    return kept;
}

/* Without ticks: one each hour (or each few hours on a long axis),
 * labelled H:MM from the zero. */
static void default_ticks(struct timeline *chart)
{
    long span = chart->to - chart->from, step = 60;
    while (span / step > 12)
        step *= 2;
    long first = chart->from / step * step;
    if (first < chart->from)
        first += step;
    for (long at = first; at <= chart->to && chart->tick_count < TIMELINE_MAX_TICKS; at += step) {
        char *label = chart->tick_text[chart->tick_count];
        long size = at < 0 ? -at : at;
        snprintf(label, sizeof chart->tick_text[0], "%s%ld:%02ld", at < 0 ? "-" : "", size / 60,
                 size % 60);
        chart->ticks[chart->tick_count++] = (struct timeline_mark){at, label};
    }
}

static void widen(struct timeline *chart, long at)
{
    if (!chart->has_range || at < chart->from)
        chart->from = at;
    if (!chart->has_range || at > chart->to)
        chart->to = at;
    chart->has_range = true;
}

/* The axis runs from the earliest to the latest time given, ticks and
 * markers included; with no time at all it is one hour long. */
static void find_range(struct timeline *chart)
{
    for (size_t row = 0; row < chart->row_count; row++) {
        const struct timeline_row *line = &chart->rows[row];
        if (line->planned.present)
            widen(chart, line->planned.from), widen(chart, line->planned.to);
        if (line->actual.present)
            widen(chart, line->actual.from), widen(chart, line->actual.to);
    }
    for (size_t index = 0; index < chart->marker_count; index++)
        widen(chart, chart->markers[index].at);
    for (size_t index = 0; index < chart->tick_count; index++)
        widen(chart, chart->ticks[index].at);
    if (!chart->has_range)
        chart->from = 0, chart->to = 60;
    if (chart->to == chart->from)
        chart->to = chart->from + 60;
}

void timeline_read(struct layout *layout, const struct directive *directive, struct timeline *chart)
{
    memset(chart, 0, sizeof *chart);
    const enum directive_field owned[3] = {KEY_ROWS, KEY_MARKERS, KEY_TICKS};
    for (size_t index = 0; index < 3; index++)
        chart->texts[index] =
            xstrdup(directive->values[owned[index]] ? directive->values[owned[index]] : "");
    char *names[TIMELINE_MAX_ROWS];
    chart->row_count = split_list(chart->texts[0], names, TIMELINE_MAX_ROWS);
    for (size_t row = 0; row < chart->row_count; row++)
        chart->rows[row].label = names[row];
    read_ranges(layout, chart, directive->values[KEY_PLANNED], "planned", false);
    read_ranges(layout, chart, directive->values[KEY_ACTUAL], "actual", true);
    chart->marker_count =
        read_marks(layout, chart->texts[1], "markers", chart->markers, TIMELINE_MAX_MARKERS);
    chart->tick_count =
        read_marks(layout, chart->texts[2], "ticks", chart->ticks, TIMELINE_MAX_TICKS);
    find_range(chart);
    if (!chart->tick_count)
        default_ticks(chart);
}

void timeline_free(struct timeline *chart)
{
    for (size_t index = 0; index < 3; index++)
        free(chart->texts[index]);
}

float timeline_x(const struct timeline *chart, float left, float width, long at)
{
    return left + width * (float)(at - chart->from) / (float)(chart->to - chart->from);
}

/* ---- drawing ----------------------------------------------------------- */

struct plot {
    float left, width, top, bottom; /* the bars' area [pt] */
};

static void dashed_line(struct layout *layout, float x, float top, float bottom)
{
    for (float y = top; y < bottom; y += 2 * timeline_measures.dash)
        box_add_shape(layout, DISPLAY_LINE, x, y, 0,
                      y + timeline_measures.dash < bottom ? timeline_measures.dash : bottom - y,
                      timeline_measures.rule, timeline_measures.colour_marker);
}

static void draw_bars(struct layout *layout, const struct timeline *chart, const struct plot *plot,
                      const struct timeline_row *row, float middle)
{
    const struct timeline_range *planned = &row->planned, *actual = &row->actual;
    if (planned->present) {
        float x = timeline_x(chart, plot->left, plot->width, planned->from);
        float end = timeline_x(chart, plot->left, plot->width, planned->to);
        float height = timeline_measures.planned_height;
        box_add_shape(layout, DISPLAY_FILL, x, middle - height / 2, end - x, height, 0,
                      timeline_measures.colour_planned_fill);
        box_add_shape(layout, DISPLAY_FRAME, x, middle - height / 2, end - x, height,
                      timeline_measures.rule, timeline_measures.colour_marker);
    }
    if (actual->present) {
        float x = timeline_x(chart, plot->left, plot->width, actual->from);
        float end = timeline_x(chart, plot->left, plot->width, actual->to);
        float height = timeline_measures.actual_height;
        box_add_shape(layout, DISPLAY_FILL, x, middle - height / 2, end > x ? end - x : 0.5f,
                      height, 0, timeline_measures.colour_actual);
    }
}

/* One row per entry, as high as its label takes (a long one wraps);
 * returns the bottom of the last. */
static float draw_rows(struct layout *layout, const struct timeline *chart, const struct plot *plot,
                       float label_left)
{
    float top = plot->top;
    float gap = (timeline_measures.row_height - layout_styles[STYLE_TABLE].leading) / 2;
    for (size_t index = 0; index < chart->row_count; index++) {
        const struct timeline_row *row = &chart->rows[index];
        box_add_shape(layout, DISPLAY_LINE, plot->left, top, plot->width, 0, 0.3f,
                      layout_measures.colour_grid);
        float height = layout_form_text(layout, row->label, STYLE_TABLE, 0, label_left, top + gap,
                                        timeline_measures.label_width - timeline_measures.padding,
                                        ALIGN_LEFT) +
                       2 * gap;
        height = height > timeline_measures.row_height ? height : timeline_measures.row_height;
        draw_bars(layout, chart, plot, row, top + height / 2);
        top += height;
    }
    box_add_shape(layout, DISPLAY_LINE, plot->left, top, plot->width, 0, timeline_measures.rule,
                  timeline_measures.colour_marker);
    return top;
}

/* Tick lines through the rows, their labels under the axis (those that
 * would overlap the one before are left out). */
static float draw_ticks(struct layout *layout, const struct timeline *chart,
                        const struct plot *plot)
{
    float height = 0, last_end = -1e9f, size = layout_styles[STYLE_FORM_LABEL].size;
    for (size_t index = 0; index < chart->tick_count; index++) {
        const struct timeline_mark *tick = &chart->ticks[index];
        float x = timeline_x(chart, plot->left, plot->width, tick->at);
        box_add_shape(layout, DISPLAY_LINE, x, plot->top, 0, plot->bottom - plot->top + 2, 0.3f,
                      layout_measures.colour_grid);
        float width = measure_text(layout, FACE_SANS, size, tick->label, strlen(tick->label));
        if (x - width / 2 < last_end + timeline_measures.padding)
            continue;
        float used = layout_form_text(layout, tick->label, STYLE_FORM_LABEL, 0, x - width / 2 - 1,
                                      plot->bottom + 3, width + 2, ALIGN_CENTER);
        height = used > height ? used : height;
        last_end = x + width / 2;
    }
    return plot->bottom + 3 + height;
}

/* Each marker's label on a line of its own above the rows, beside its
 * dashed line (left of it in the right half of the axis), which runs from
 * the label down through the rows. */
static void draw_markers(struct layout *layout, const struct timeline *chart,
                         const struct plot *plot)
{
    float size = layout_styles[STYLE_FORM_LABEL].size;
    float leading = layout_styles[STYLE_FORM_LABEL].leading;
    for (size_t index = 0; index < chart->marker_count; index++) {
        const struct timeline_mark *marker = &chart->markers[index];
        float x = timeline_x(chart, plot->left, plot->width, marker->at);
        float width =
            measure_text(layout, FACE_SANS, size, marker->label, strlen(marker->label)) + 2;
        bool right_half = x > plot->left + plot->width / 2;
        float top = (float)index * leading;
        layout_form_text(layout, marker->label, STYLE_FORM_LABEL, 0,
                         right_half ? x - width - 2 : x + 2, top, width,
                         right_half ? ALIGN_RIGHT : ALIGN_LEFT);
        dashed_line(layout, x, top, plot->bottom);
    }
}

static float draw_legend(struct layout *layout, const struct directive *directive, float left,
                         float top)
{
    char *text = xstrdup(directive->values[KEY_LEGEND] ? directive->values[KEY_LEGEND] : "");
    char *words[2] = {NULL, NULL};
    split_list(text, words, 2);
    const char *fallback[2] = {"Planned", "Actual"};
    float size = layout_styles[STYLE_FORM_LABEL].size, swatch = 16.0f, x = left, height = 0;
    for (size_t index = 0; index < 2; index++) {
        const char *word = words[index] && *words[index] ? words[index] : fallback[index];
        float middle = top + layout_styles[STYLE_FORM_LABEL].leading / 2;
        float bar = index ? timeline_measures.actual_height : timeline_measures.planned_height;
        box_add_shape(layout, index ? DISPLAY_FILL : DISPLAY_FRAME, x, middle - bar / 2 + 1, swatch,
                      bar * 0.6f, index ? 0 : timeline_measures.rule,
                      index ? timeline_measures.colour_actual : timeline_measures.colour_marker);
        float width = measure_text(layout, FACE_SANS, size, word, strlen(word)) + 2;
        float used = layout_form_text(layout, word, STYLE_FORM_LABEL, 0, x + swatch + 4, top, width,
                                      ALIGN_LEFT);
        height = used > height ? used : height;
        x += swatch + 4 + width + 14;
    }
    free(text);
    return top + height;
}

void layout_timeline(struct layout *layout, const struct directive *directive)
{
    struct timeline *chart = xcalloc(1, sizeof *chart);
    timeline_read(layout, directive, chart);
    const struct layout_frame *frame = frame_top(layout);
    box_space(layout, layout_styles[STYLE_BODY].space_before);
    struct plot plot = {.left = frame->x + timeline_measures.label_width,
                        .width = frame->width - timeline_measures.label_width};
    plot.top = (float)chart->marker_count * layout_styles[STYLE_FORM_LABEL].leading + 2;
    plot.bottom = draw_rows(layout, chart, &plot, frame->x);
    draw_markers(layout, chart, &plot);
    float bottom = draw_ticks(layout, chart, &plot) + timeline_measures.padding;
    bottom = draw_legend(layout, directive, plot.left, bottom);
    box_finish(layout, bottom,
               text_baseline(layout_styles[STYLE_FORM_LABEL].size,
                             layout_styles[STYLE_FORM_LABEL].leading),
               0);
    box_space(layout, layout_styles[STYLE_BODY].space_after);
    timeline_free(chart);
    free(chart);
}
