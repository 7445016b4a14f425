/* Parsing Markdown with cmark-gfm's GFM extensions. */
#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <string.h>

static const char *const extension_names[] = {"table", "strikethrough", "autolink", "tasklist"};

cmark_node *markdown_parse(const char *text, size_t length)
{
    cmark_gfm_core_extensions_ensure_registered();
    /* CMARK_OPT_UNSAFE keeps raw HTML in the tree: golive shows it as
     * literal text and reads its own directives from HTML comments.
     * CMARK_OPT_FOOTNOTES: references numbered in order, their definitions
     * moved to the end in that order (unreferenced ones dropped). No
     * CMARK_OPT_VALIDATE_UTF8: the text is valid UTF-8 (text_check refuses
     * anything else first), and cmark-gfm's second check of every line
     * would change nothing. */
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES);
    for (size_t index = 0; index < sizeof extension_names / sizeof extension_names[0]; index++)
        cmark_parser_attach_syntax_extension(parser,
                                             cmark_find_syntax_extension(extension_names[index]));
    cmark_parser_feed(parser, text, length);
    cmark_node *root = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    return root;
}

int markdown_is_task_item(cmark_node *node)
{
    const char *type = cmark_node_get_type_string(node);
    return type && strcmp(type, "tasklist") == 0;
}
