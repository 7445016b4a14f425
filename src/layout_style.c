/* The look of golive's documents, as data (see layout_style.h). Chosen for
 * paper: black text, greys that survive a black-and-white printer, the
 * accent colour only on headings and rules. */
#include "layout_style.h"

const struct paper_geometry layout_papers[PAPER_COUNT] = {
    [PAPER_A4] = {.name = "a4", .width = 595.28f, .height = 841.89f},       /* 210 x 297 mm */
    [PAPER_LETTER] = {.name = "letter", .width = 612.0f, .height = 792.0f}, /* 8.5 x 11 in */
};

/* Margins of 20 mm at the sides leave lines of about 85 characters of body
 * text on A4; header and footer sit in the top and bottom margins. */
const struct page_margins layout_margins = {
    .top = 70.0f,             /* [pt] ~24.7 mm */
    .bottom = 62.0f,          /* [pt] ~21.9 mm */
    .left = 56.7f,            /* [pt] 20 mm */
    .right = 56.7f,           /* [pt] 20 mm */
    .header_baseline = 40.0f, /* [pt] */
    .header_rule = 46.0f,     /* [pt] */
    .footer_baseline = 32.0f, /* [pt] */
    .footer_rule = 44.0f,     /* [pt] */
    .furniture_gap = 12.0f,   /* [pt] */
};

#define COLOUR_TEXT 0x1A1A1A  /* near-black: crisp on laser printers */
#define COLOUR_MUTED 0x5F6368 /* furniture, labels: a mid grey */

const struct text_style layout_styles[STYLE_COUNT] = {
    [STYLE_BODY] = {.size = 10.0f,
                    .leading = 14.0f,
                    .space_before = 0.0f,
                    .space_after = 7.0f,
                    .colour = COLOUR_TEXT},
    [STYLE_HEADING_1] = {.size = 20.0f,
                         .leading = 25.0f,
                         .space_before = 18.0f,
                         .space_after = 10.0f,
                         .bold = true,
                         .accent = true},
    [STYLE_HEADING_2] = {.size = 15.0f,
                         .leading = 19.0f,
                         .space_before = 16.0f,
                         .space_after = 7.0f,
                         .bold = true,
                         .accent = true},
    [STYLE_HEADING_3] = {.size = 12.5f,
                         .leading = 16.0f,
                         .space_before = 13.0f,
                         .space_after = 5.0f,
                         .bold = true,
                         .colour = COLOUR_TEXT},
    [STYLE_HEADING_4] = {.size = 11.0f,
                         .leading = 14.5f,
                         .space_before = 11.0f,
                         .space_after = 4.0f,
                         .bold = true,
                         .colour = COLOUR_TEXT},
    [STYLE_HEADING_5] = {.size = 10.0f,
                         .leading = 14.0f,
                         .space_before = 10.0f,
                         .space_after = 3.0f,
                         .bold = true,
                         .colour = COLOUR_TEXT},
    [STYLE_HEADING_6] = {.size = 10.0f,
                         .leading = 14.0f,
                         .space_before = 10.0f,
                         .space_after = 3.0f,
                         .bold = true,
                         .italic = true,
                         .colour = COLOUR_MUTED},
    [STYLE_CODE] = {.size = 8.5f,
                    .leading = 11.5f,
                    .space_before = 2.0f,
                    .space_after = 9.0f,
                    .mono = true,
                    .colour = COLOUR_TEXT},
    [STYLE_TABLE] = {.size = 9.0f,
                     .leading = 12.0f,
                     .space_before = 2.0f,
                     .space_after = 10.0f,
                     .colour = COLOUR_TEXT},
    [STYLE_TABLE_HEADER] = {.size = 9.0f, .leading = 12.0f, .bold = true, .colour = COLOUR_TEXT},
    [STYLE_FURNITURE] = {.size = 7.5f, .leading = 9.0f, .colour = COLOUR_MUTED},
    [STYLE_COVER_TITLE] =
        {.size = 28.0f, .leading = 34.0f, .space_after = 8.0f, .bold = true, .accent = true},
    [STYLE_COVER_SUBTITLE] = {.size = 15.0f, .leading = 20.0f, .colour = COLOUR_MUTED},
    [STYLE_COVER_FIELD] = {.size = 11.0f, .leading = 18.0f, .colour = COLOUR_TEXT},
    [STYLE_SIGNATURE_ROLE] = {.size = 10.5f,
                              .leading = 14.0f,
                              .space_before = 14.0f,
                              .space_after = 10.0f,
                              .bold = true,
                              .colour = COLOUR_TEXT},
    [STYLE_FORM_LABEL] = {.size = 7.5f, .leading = 10.0f, .colour = COLOUR_MUTED},
    [STYLE_FOOTNOTE] = {.size = 8.0f, .leading = 10.5f, .space_after = 3.0f, .colour = COLOUR_TEXT},
};

const struct layout_measures layout_measures = {
    .baseline = 0.8f,              /* [em] clears accents on capitals */
    .descent = 0.25f,              /* [em] clears descenders */
    .list_indent = 18.0f,          /* [pt] */
    .marker_gap = 5.0f,            /* [pt] */
    .quote_indent = 14.0f,         /* [pt] */
    .quote_bar = 2.5f,             /* [pt] */
    .code_padding_x = 9.0f,        /* [pt] leaves room for the wrap mark on the right */
    .code_padding_y = 5.0f,        /* [pt] */
    .inline_code_padding = 1.5f,   /* [pt] */
    .cell_padding_x = 4.5f,        /* [pt] */
    .cell_padding_y = 3.5f,        /* [pt] */
    .column_minimum = 28.0f,       /* [pt] about four characters */
    .column_word_cap = 150.0f,     /* [pt] a long URL is broken rather than widen its column */
    .blank_column = 56.0f,         /* [pt] ~20 mm: initials or a time written by hand */
    .blank_row = 24.0f,            /* [pt] ~8.5 mm: room for a hand, not only for type */
    .grid_line = 0.5f,             /* [pt] */
    .header_line = 1.0f,           /* [pt] */
    .rule_line = 0.75f,            /* [pt] */
    .rule_space = 8.0f,            /* [pt] */
    .underline_line = 0.5f,        /* [pt] */
    .underline_offset = 0.14f,     /* [em] */
    .strike_offset = 0.3f,         /* [em] */
    .checkbox_side = 0.82f,        /* [em] */
    .checkbox_min_side = 11.34f,   /* [pt] 4 mm */
    .tight_item_space = 2.5f,      /* [pt] */
    .checkbox_line = 0.8f,         /* [pt] */
    .checkbox_drop = 0.06f,        /* [em] */
    .inline_code_scale = 0.9f,     /* [em] DejaVu Sans Mono runs large beside Noto Sans */
    .checkbox_gap = 4.0f,          /* [pt] */
    .wrap_mark_side = 5.0f,        /* [pt] */
    .image_space = 6.0f,           /* [pt] */
    .signature_padding = 8.0f,     /* [pt] */
    .signature_line_width = 0.55f, /* of the text width */
    .signature_gap = 50.0f,        /* [pt] about 18 mm to sign in */
    .signature_space = 24.0f,      /* [pt] */
    .signature_choice_gap = 16.0f, /* [pt] */
    .form_line = 0.6f,             /* [pt] */
    .notes_spacing = 22.0f,        /* [pt] a comfortable handwriting line */
    .notes_default_lines = 5,
    .table_large_scale = 12.0f / 9.0f,  /* 9 pt table text set at 12 pt: read at arm's length */
    .table_small_scale = 7.0f / 9.0f,   /* 9 pt table text set at 7 pt: document control */
    .table_compact_scale = 8.0f / 9.0f, /* 8 pt: fifteen contacts on one page */
    .compact_padding_y = 1.5f,          /* [pt] rows close enough for fifteen contacts on a page */
    .compact_leading = 1.15f, /* [em] 9.2 pt lines for 8 pt text, each row framed by the grid */
    .compact_blank_row =
        20.0f,                 /* [pt] ~7 mm: a ruled line's height, room for initials and a time */
    .cover_title_top = 0.30f,  /* of the page height */
    .cover_fields_top = 0.62f, /* of the page height */
    .cover_label_width = 110.0f, /* [pt] */
    .cover_rule = 3.0f,          /* [pt] */
    .cover_bar_width = 64.0f,    /* [pt] */
    .cover_bar_space = 14.0f,    /* [pt] */
    .cover_field_space = 10.0f,  /* [pt] */
    .logo_height = 56.0f,        /* [pt] ~20 mm */
    .watermark_size = 110.0f,    /* [pt] */
    .watermark_angle = 54.0f,    /* [degrees] about the A4 diagonal */
    .watermark_height = 1.2f,    /* [em] 0.6 em either side of mid-capital: É above, g below */
    .watermark_margin = 42.5f,   /* [pt] 15 mm */
    .colour_text = COLOUR_TEXT,
    .colour_muted = COLOUR_MUTED,
    .colour_rule = 0x9AA0A6,        /* thematic breaks, form lines */
    .colour_grid = 0xB0B4B9,        /* table grid: visible, not heavy */
    .colour_code_fill = 0xF1F3F4,   /* ~5% grey: prints as a faint band */
    .colour_header_fill = 0xE8EAED, /* table header, ~9% grey */
    .colour_quote_bar = 0xBDC1C6,
    .colour_watermark = 0xE3E3E3, /* light enough to read the page through */
};
