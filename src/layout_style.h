/* How golive's documents look, as data: page sizes and margins, one text
 * style per kind of block, and the measures and colours of everything drawn
 * around text. Every length is in points (1/72 inch); the layout code holds
 * no number of its own. */
#ifndef GOLIVE_LAYOUT_STYLE_H
#define GOLIVE_LAYOUT_STYLE_H

#include <stdbool.h>
#include <stdint.h>

enum paper_size { PAPER_A4, PAPER_LETTER, PAPER_COUNT };

struct paper_geometry {
    const char *name;
    float width, height; /* [pt] */
};

struct page_margins {
    float top, bottom, left, right; /* edges of the text area from the page edges [pt] */
    float header_baseline;          /* running header's baseline from the page top [pt] */
    float header_rule;              /* rule under the header, from the page top [pt] */
    float footer_baseline;          /* running footer's baseline from the page bottom [pt] */
    float footer_rule;              /* rule over the footer, from the page bottom [pt] */
    float furniture_gap;            /* least space between header or footer fields [pt] */
};

enum text_style_kind {
    STYLE_BODY,
    STYLE_HEADING_1,
    STYLE_HEADING_2,
    STYLE_HEADING_3,
    STYLE_HEADING_4,
    STYLE_HEADING_5,
    STYLE_HEADING_6,
    STYLE_CODE,         /* code blocks and raw HTML blocks */
    STYLE_TABLE,        /* table body cells */
    STYLE_TABLE_HEADER, /* the header row */
    STYLE_FURNITURE,    /* running header and footer */
    STYLE_COVER_TITLE,
    STYLE_COVER_SUBTITLE,
    STYLE_COVER_FIELD,
    STYLE_SIGNATURE_ROLE, /* the role heading of a signature block */
    STYLE_FORM_LABEL,     /* labels under signature and notes lines */
    STYLE_FOOTNOTE,       /* footnotes at a page's foot */
    STYLE_COUNT
};

struct text_style {
    float size;         /* font size [pt] */
    float leading;      /* baseline to baseline [pt] */
    float space_before; /* [pt] */
    float space_after;  /* [pt] */
    bool bold, italic, mono;
    bool accent;     /* drawn in the accent colour instead of colour */
    uint32_t colour; /* 0xRRGGBB */
};

struct layout_measures {
    float baseline;               /* baseline below the top of a line's em box [em] */
    float descent;                /* shading and link areas reach below the baseline [em] */
    float list_indent;            /* least width of a list's marker column [pt] */
    float marker_gap;             /* between a list marker and the item text [pt] */
    float quote_indent;           /* text indent inside a block quote [pt] */
    float quote_bar;              /* width of the bar left of a block quote [pt] */
    float code_padding_x;         /* code band's inner margin left and right [pt] */
    float code_padding_y;         /* code band's inner margin top and bottom [pt] */
    float inline_code_padding;    /* shading beyond an inline code run's ends [pt] */
    float cell_padding_x;         /* table cell's inner margin left and right [pt] */
    float cell_padding_y;         /* table cell's inner margin top and bottom [pt] */
    float column_minimum;         /* narrowest a table column is squeezed to [pt] */
    float column_word_cap;        /* longest word that still widens a column [pt] */
    float blank_column;           /* least width of a column left blank to write in [pt] */
    float blank_row;              /* least height of the rows of a table with such a column [pt] */
    float grid_line;              /* table grid [pt] */
    float header_line;            /* rule under a table's header row [pt] */
    float rule_line;              /* thematic break [pt] */
    float rule_space;             /* space above and below a thematic break [pt] */
    float underline_line;         /* link underline [pt] */
    float underline_offset;       /* link underline below the baseline [em] */
    float strike_offset;          /* strikethrough above the baseline [em] */
    float checkbox_side;          /* a checkbox's side [em] */
    float checkbox_min_side;      /* but never smaller [pt]: 4 mm to tick with a pen */
    float tight_item_space;       /* between the items of a tight list [pt] */
    float checkbox_line;          /* a checkbox's outline [pt] */
    float checkbox_drop;          /* a checkbox's bottom below the baseline [em] */
    float inline_code_scale;      /* inline code's size against the text around it [em] */
    float checkbox_gap;           /* after a checkbox in a table cell [pt] */
    float wrap_mark_side;         /* the mark of a wrapped code line [pt] */
    float image_space;            /* above and below a block image [pt] */
    float signature_padding;      /* between a signature block's top rule and its role [pt] */
    float signature_line_width;   /* the line signed on, as a share of the text width */
    float signature_gap;          /* room above the signature line for the hand [pt] */
    float signature_space;        /* between the signature line and the date line [pt] */
    float signature_choice_gap;   /* between the decisions to tick [pt] */
    float form_line;              /* signature, date and notes lines [pt] */
    float notes_spacing;          /* between ruled notes lines [pt] */
    unsigned notes_default_lines; /* lines a notes directive draws unless told */
    float table_large_scale; /* [ratio] text of a table after <!-- golive:table size="large" --> */
    float table_small_scale; /* [ratio] the same for size="small": small print */
    float table_compact_scale; /* [ratio] size="compact": a full sheet on one page */
    float compact_padding_y;   /* [pt] size="compact": a cell's inner margin top and bottom */
    float compact_leading;     /* [em] size="compact": line spacing */
    float compact_blank_row;   /* [pt] size="compact": least height of a form's row */
    float cover_title_top;     /* cover title's top, as a share of the page height */
    float cover_fields_top;    /* cover fields' top, as a share of the page height */
    float cover_label_width;   /* the label column of the cover fields [pt] */
    float cover_rule;          /* the accent bar above the cover title, thickness [pt] */
    float cover_bar_width;     /* the accent bar's length [pt] */
    float cover_bar_space;     /* the accent bar's height above the title [pt] */
    float cover_field_space;   /* between the rule and the first cover field [pt] */
    float logo_height;         /* cover logo's greatest height [pt] */
    float watermark_size;      /* DRAFT watermark's font size [pt] */
    float watermark_angle;     /* DRAFT watermark's slope [degrees] */
    float watermark_height;    /* its letters' height, accents and descenders included [em] */
    float watermark_margin;    /* least room between it and the page edges [pt] */
    uint32_t colour_text, colour_muted, colour_rule, colour_grid;
    uint32_t colour_code_fill, colour_header_fill, colour_quote_bar;
    uint32_t colour_watermark;
};

extern const struct paper_geometry layout_papers[PAPER_COUNT];
extern const struct page_margins layout_margins;
extern const struct text_style layout_styles[STYLE_COUNT];
extern const struct layout_measures layout_measures;

#endif
