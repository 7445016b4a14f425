/* Python literals read as data: what an Odoo manifest (__manifest__.py,
 * __openerp__.py) is. Nothing is ever run: dictionaries, lists, tuples,
 * strings (every escape, every prefix but f, implicit concatenation),
 * numbers, True, False and None become a node tree; a name, a call or an
 * expression is refused with its file, line and column. */
#ifndef GOLIVE_PYTHON_LITERAL_H
#define GOLIVE_PYTHON_LITERAL_H

#include "diag.h"
#include "node.h"

#include <stddef.h>

/* python_literal_parse: parses text[0..length), the whole of the file at
 * path, as one Python literal. Dictionaries become mappings (a repeated key
 * keeps its last value, as in Python), lists and tuples sequences, strings
 * and bytes SCALAR_STRING, numbers SCALAR_INT or SCALAR_FLOAT, True and
 * False SCALAR_BOOL, None SCALAR_NULL; each node has its position. Returns
 * the tree (caller frees), or NULL after reporting why to sink. The path
 * must outlive the tree (positions point to it). */
struct node *python_literal_parse(const char *path, const char *text, size_t length,
                                  struct diag_sink *sink);

#endif
