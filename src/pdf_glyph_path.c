/* TrueType contours to PDF paths (see pdf_glyph_path.h). A contour is a
 * closed chain of on-curve points and quadratic control points; two
 * control points in a row have an implied on-curve point half-way. */
#include "pdf_glyph_path.h"

struct spot {
    float x, y;
};

static struct spot spot_of(const struct truetype_point *point, float pen)
{
    return (struct spot){point->x + pen, point->y};
}

static struct spot middle(struct spot a, struct spot b)
{
    return (struct spot){(a.x + b.x) / 2, (a.y + b.y) / 2};
}

static void move_to(struct buffer *out, struct spot to)
{
    buffer_printf(out, "%.1f %.1f m\n", to.x, to.y);
}

static void line_to(struct buffer *out, struct spot to)
{
    buffer_printf(out, "%.1f %.1f l\n", to.x, to.y);
}

/* The quadratic curve from, control, to as the cubic curve it is. */
static void curve_to(struct buffer *out, struct spot from, struct spot control, struct spot to)
{
    struct spot first = {from.x + 2 * (control.x - from.x) / 3,
                         from.y + 2 * (control.y - from.y) / 3};
    struct spot second = {to.x + 2 * (control.x - to.x) / 3, to.y + 2 * (control.y - to.y) / 3};
    buffer_printf(out, "%.1f %.1f %.1f %.1f %.1f %.1f c\n", first.x, first.y, second.x, second.y,
                  to.x, to.y);
}

/* One contour, points[0..count): started on an on-curve point (the first,
 * else the last, else the one implied between them). */
static void contour(struct buffer *out, const struct truetype_point *points, size_t count,
                    float pen)
{
    size_t from = 0, to = count;
    struct spot start;
    if (points[0].on_curve) {
        start = spot_of(&points[0], pen);
        from = 1;
    } else if (points[count - 1].on_curve) {
        start = spot_of(&points[count - 1], pen);
        to = count - 1;
    } else {
        start = middle(spot_of(&points[0], pen), spot_of(&points[count - 1], pen));
    }
    move_to(out, start);
    struct spot current = start, control = start;
    int pending = 0;
    for (size_t index = from; index < to; index++) {
        struct spot point = spot_of(&points[index], pen);
        if (points[index].on_curve) {
            if (pending)
                curve_to(out, current, control, point);
            else
                line_to(out, point);
            current = point;
            pending = 0;
        } else {
            if (pending) {
                struct spot implied = middle(control, point);
                curve_to(out, current, control, implied);
                current = implied;
            }
            control = point;
            pending = 1;
        }
    }
    if (pending)
        curve_to(out, current, control, start);
    buffer_append_text(out, "h\n");
}

void pdf_glyph_path(struct buffer *out, const struct truetype_point *points, size_t count,
                    float pen)
{
    size_t first = 0;
    for (size_t index = 0; index < count; index++) {
        if (!points[index].contour_end)
            continue;
        contour(out, points + first, index + 1 - first, pen);
        first = index + 1;
    }
}
