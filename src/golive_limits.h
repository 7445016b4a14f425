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

/* Most diagnostics kept in memory for sorting. A hostile file can provoke
 * one per line; past this bound they are only counted. */
#define LIMIT_DIAGNOSTICS_STORED 10000u

/* Longest identifier (checklist, phase, item, person, role ids) [bytes]. */
#define LIMIT_ID_LENGTH 64u

#endif
