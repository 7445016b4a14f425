/* YAML rules about indentation and comments that libyaml does not enforce.
 *
 * libyaml accepts a few inputs that YAML 1.2 forbids, and each is a way for a
 * typo to change meaning silently. This pass, run over libyaml's tokens and
 * the raw text, refuses them:
 *   - a comment not separated from what precedes it by a space (`"x"# y`);
 *   - a continuation line of a flow collection or quoted text that is not
 *     indented past the block collection holding it;
 *   - a flow entry that is a lone `-`, `?` or `:`;
 *   - a block scalar whose leading blank lines hold more spaces than its
 *     first line of text. */
#ifndef GOLIVE_YAML_LEXICAL_CHECK_H
#define GOLIVE_YAML_LEXICAL_CHECK_H

#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

/* yaml_lexical_tab_indentation: whether the 0-based line of text has a tab
 * among the white space it starts with, and then the tab's 0-based column
 * (characters, a leading byte-order mark not counted). For the message
 * when libyaml fails on such a line. */
bool yaml_lexical_tab_indentation(const char *text, size_t length, size_t line, size_t *column);

/* The same checks on the tokens of the parse itself, so that a file is
 * scanned once (the loader's parse), not twice. After each
 * yaml_parser_parse, and before the event is used, yaml_lexical_watch
 * checks the tokens that call consumed; it returns false once a violation
 * is recorded in sink. yaml_lexical_watch_end finishes: the checks that
 * need every token, or, when the parse did not complete (complete false)
 * or some tokens could not be watched, the whole of yaml_lexical_check. It
 * returns false when a violation was recorded; the caller then reports
 * nothing of its own, as when yaml_lexical_check runs first. */
struct yaml_lexical_watch;
struct yaml_parser_s;

struct yaml_lexical_watch *yaml_lexical_watch_new(const char *name, const char *text, size_t length,
                                                  struct diag_sink *sink);
bool yaml_lexical_watch(struct yaml_lexical_watch *watch, struct yaml_parser_s *parser);
bool yaml_lexical_watch_end(struct yaml_lexical_watch *watch, bool complete);
void yaml_lexical_watch_free(struct yaml_lexical_watch *watch);

#endif
