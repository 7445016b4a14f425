/* Where something came from: file, 1-based line and 1-based column.
 *
 * Columns count characters (Unicode code points), as libyaml does, so a
 * column matches what an editor shows for the line. A line of 0 means the
 * position names a whole file; a NULL file means no file at all. */
#ifndef GOLIVE_SOURCE_POSITION_H
#define GOLIVE_SOURCE_POSITION_H

struct source_position {
    const char *file; /* not owned: points into the loaded document's path */
    unsigned line;
    unsigned column;
};

static inline struct source_position source_position_of_file(const char *file)
{
    struct source_position position = {file, 0, 0};
    return position;
}

#endif
