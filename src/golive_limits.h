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

/* Most times golive mark or sign reopens a run that was replaced by rename
 * while it waited for the lock. An editor's save or a sync replaces a file
 * once; a file replaced again and again is being fought over. */
#define LIMIT_APPEND_REOPENS 10u

/* Most diagnostics printed in one run. Beyond this the same mistake is
 * usually repeating, and a screenful is what a person reads; the count of
 * the rest is still reported. */
#define LIMIT_DIAGNOSTICS 50u

/* Most diagnostics kept in memory for sorting. A hostile file can provoke
 * one per line; past this bound they are only counted. */
#define LIMIT_DIAGNOSTICS_STORED 10000u

/* Longest identifier (checklist, phase, item, person, role ids) [bytes]. */
#define LIMIT_ID_LENGTH 64u

/* Longest one-line text value (a title, a name, a role, a note)
 * [characters]. Titles become headings, PDF bookmarks and running heads;
 * a PDF text string holds at most 65,535 bytes (libharu's
 * HPDF_LIMIT_MAX_STRING_LEN), and a character may take 4 bytes of UTF-8,
 * twice over once escaped. 1,000 characters is a paragraph, far past any
 * real title, and leaves that bound eight times over. */
#define LIMIT_TEXT_LENGTH 1000u

/* Longest Markdown value (details, summaries, findings) [characters].
 * Twenty printed pages in one field; no stage below has a tighter bound
 * (headings in it get bookmarks cut to LIMIT_PDF_STRING), and the bound
 * keeps a single field from filling the 16 MiB of rendered output. */
#define LIMIT_MARKDOWN_LENGTH 65536u

/* Longest text golive hands libharu as one PDF string: a bookmark or the
 * document's title [characters]. Longer ones are cut there (the heading
 * itself is typeset whole), because libharu fails on strings over 65,535
 * bytes and then writes no PDF at all; same reasoning as
 * LIMIT_TEXT_LENGTH. */
#define LIMIT_PDF_STRING LIMIT_TEXT_LENGTH

/* Longest link target the PDF gets as a clickable link [bytes]: a URI is a
 * PDF string (65,535 bytes at most, see LIMIT_TEXT_LENGTH); browsers stop
 * near 64 KiB as well. A longer target is still printed, not linked, and a
 * warning names it. */
#define LIMIT_LINK_LENGTH 32768u

/* Deepest chain of partials while rendering (a partial including a partial
 * ...). Shipped templates nest three or four deep. A partial may include
 * itself to walk nested data, and data nests at most LIMIT_YAML_DEPTH
 * levels, so the same bound serves; a partial that includes itself with no
 * section to stop it fails here at once instead of running away. */
#define LIMIT_TEMPLATE_PARTIAL_DEPTH LIMIT_YAML_DEPTH

/* Most distinct partials one template may pull in, counting those its
 * partials pull in. A set of artifact templates uses a few dozen; the bound
 * keeps a hostile template from making golive open thousands of files. */
#define LIMIT_TEMPLATE_PARTIALS 1000u

/* Longest delimiter a template may set with {{=... ...=}} [bytes]. Real
 * delimiters are two or three characters ('<% %>'); the bound keeps the
 * search for them linear in the template's size. */
#define LIMIT_TEMPLATE_DELIMITER_LENGTH 16u

/* Largest rendered output [bytes]. What golive writes it must be able to
 * read back (golive md2pdf reads at most LIMIT_FILE_SIZE), and a runbook of
 * 2,000 items renders to well under 2 MiB. */
#define LIMIT_TEMPLATE_OUTPUT LIMIT_FILE_SIZE

/* Most rendering steps (a tag or text visited, a list item entered) for one
 * output. Nested sections over long lists can multiply work without writing
 * anything, so output size alone does not bound time. A 2,000-item runbook
 * takes about 200,000 steps; 10 million leave fifty times that and stop a
 * runaway template in about a tenth of a second, with a message. */
#define LIMIT_TEMPLATE_STEPS 10000000u
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

/* Most bytes golive reads of a time zone file [bytes]: the largest of
 * tzdata's (fat, with every transition to 2037) is under 5 KB; a bigger
 * file is read only this far, and fails to parse if it is cut. */
#define LIMIT_ZONE_FILE_SIZE 65536u
/* Deepest nesting of brackets in a Python manifest. Odoo's manifests nest
 * three levels ('assets': {'bundle': [('include', ...)]}); Python itself
 * stops near 200. */
#define LIMIT_PYTHON_DEPTH 64u

/* Deepest folder golive import walks under an addons tree. Modules sit one
 * or two levels down (tree/module, tree/repository/module); 16 leaves room
 * for nested checkouts while stopping a link loop early. */
#define LIMIT_ADDONS_DEPTH 16u

/* Most modules one import reads (trees and export together). A large
 * client runs 1,500 modules counting Odoo's own; the bound keeps a wrongly
 * given root folder (/) from running for hours. */
#define LIMIT_IMPORT_MODULES 50000u

/* The condition ids a hint chooses from: the conditions of the last sign-offs
 * of a run; a run has a handful of signatories with a few conditions each. */
#define LIMIT_CONDITION_IDS_SHOWN 32u

#endif
