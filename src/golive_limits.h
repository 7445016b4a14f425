/* Every limit golive enforces, in one place.
 *
 * Each limit exists so that no input can crash golive, hang it, or make it
 * use unbounded memory. Each is far above what a real engagement needs and
 * each breach has its own diagnostic (see diag.h), so a user who reaches one
 * learns which, and where. */
#ifndef GOLIVE_LIMITS_H
#define GOLIVE_LIMITS_H

/* Largest input file we read [bytes]. A generated engagement of 2,000 items
 * with a full run log stays under 1 MiB; 16 MiB leaves a wide margin while
 * keeping what a hostile file can make us hold small. */
#define LIMIT_FILE_SIZE (16u * 1024u * 1024u)

/* Deepest YAML nesting (mappings and sequences inside one another). The
 * deepest golive schema needs 7 levels; 64 leaves room for hand-written
 * template data and is still far from any stack or time concern. */
#define LIMIT_YAML_DEPTH 64u

/* Most nodes that alias expansion may add to one document. Aliases may share
 * a value a few times; a "billion laughs" file needs exponentially many
 * copies and fails at this bound before any copy is made. */
#define LIMIT_ALIAS_EXPANSION 10000u

/* Most nodes in one document, counting expansions. A 16 MiB file of one-byte
 * scalars would hold about 8 million; real inputs hold a few thousand. */
#define LIMIT_YAML_NODES 2000000u

/* Most diagnostics printed in one run. Beyond this the same mistake is
 * usually repeating, and a screenful is what a person reads; the count of
 * the rest is still reported. */
#define LIMIT_DIAGNOSTICS 50u

/* Longest identifier (checklist, phase, item, person, role ids) [bytes]. */
#define LIMIT_ID_LENGTH 64u

/* Deepest nesting of block quotes and lists that still indents. Deeper
 * content keeps its parent's column: 12 levels take about half an A4 line,
 * and no real document nests that deep. Nesting itself is not limited (the
 * layout walks the tree without recursion). */
#define LIMIT_LAYOUT_INDENT 12u

/* Most pages one PDF may have. A 5,000-item runbook is about 520 pages; a
 * document that would run past this is refused rather than let a hostile
 * input make golive hold hundreds of megabytes of pages. */
#define LIMIT_PDF_PAGES 10000u

/* Most bookmarks (PDF outline entries) one PDF gets. libharu holds some
 * 3 KB per entry; a runbook's phases and items need a few hundred. Later
 * headings are still typeset, without a bookmark, and a warning says so. */
#define LIMIT_BOOKMARKS 5000u

/* Most ruled lines one notes directive draws (two A4 pages). */
#define LIMIT_NOTES_LINES 60u

/* Largest image golive embeds [pixels]: libharu decodes an image whole, so
 * this bounds the memory one image can take (~100 MB as RGBA); a 24-megapixel
 * camera photo still fits. */
#define LIMIT_IMAGE_PIXELS (25u * 1000u * 1000u)

#endif
