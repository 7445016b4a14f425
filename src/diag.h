/* Diagnostics: every message golive prints about its inputs goes through here.
 *
 * A diagnostic has a code (one per distinct failure, never two failures with
 * the same words), a severity and a position. The sink collects them while a
 * command runs; the command prints them once, sorted into file order and
 * capped at LIMIT_DIAGNOSTICS, and its exit status is the worst one seen.
 * A sink holds all the state: tests create one per case, nothing is global. */
#ifndef GOLIVE_DIAG_H
#define GOLIVE_DIAG_H

#include "source_position.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum diag_severity {
    DIAG_NOTE,    /* more about the diagnostic printed before it */
    DIAG_WARNING, /* printed, but the command still succeeds */
    DIAG_ERROR,   /* the command fails with the code's exit status */
};

/* One code per failure. The table in diag.c gives each its severity, exit
 * status, name and the fix that golive(1) documents. */
enum diag_code {
    /* reading files */
    DIAG_FILE_OPEN,         /* cannot open or stat a file */
    DIAG_FILE_READ,         /* read error part way */
    DIAG_FILE_WRITE,        /* cannot write an output */
    DIAG_FILE_NOT_REGULAR,  /* directory, device, FIFO, socket */
    DIAG_FILE_TOO_LARGE,    /* over LIMIT_FILE_SIZE */
    DIAG_OUTPUT_TARGET,     /* -o names a folder, a socket or a dangling link */
    DIAG_INVALID_UTF8,      /* bytes that are not UTF-8 */
    DIAG_CONTROL_CHARACTER, /* NUL, escape, C1 ... in the text */
    /* YAML structure */
    DIAG_YAML_SYNTAX,          /* libyaml's own parse error */
    DIAG_YAML_TAB_INDENTATION, /* libyaml failed on a line indented with a tab */
    DIAG_YAML_EMPTY,           /* no document, or an empty one */
    DIAG_YAML_MULTIPLE_DOCUMENTS,
    DIAG_YAML_DUPLICATE_KEY,
    DIAG_YAML_COMPLEX_KEY, /* a mapping or sequence used as a key */
    DIAG_YAML_UNKNOWN_TAG,
    DIAG_YAML_TAG_MISMATCH, /* !!int on text that is not an integer */
    DIAG_YAML_UNKNOWN_ALIAS,
    DIAG_YAML_ALIAS_EXPANSION,
    DIAG_YAML_TOO_DEEP,
    DIAG_YAML_TOO_MANY_NODES,
    DIAG_YAML_CONTROL_IN_VALUE, /* an escape such as "\0" produced a control character */
    /* schemas: the shape of each input kind */
    DIAG_KIND_MISSING, /* no top-level "kind" */
    DIAG_KIND_UNKNOWN, /* kind: something else */
    DIAG_UNKNOWN_KEY,
    DIAG_MISSING_KEY,
    DIAG_EXPECTED_MAPPING,
    DIAG_EXPECTED_LIST,
    DIAG_EXPECTED_SCALAR,
    DIAG_EMPTY_VALUE,
    DIAG_MULTILINE_TEXT,
    DIAG_TEXT_TOO_LONG, /* over LIMIT_TEXT_LENGTH or LIMIT_MARKDOWN_LENGTH */
    DIAG_EXPECTED_BOOL,
    DIAG_EXPECTED_INTEGER,
    DIAG_UNKNOWN_CHOICE,
    DIAG_BAD_DURATION,
    DIAG_BAD_DATE,
    DIAG_BAD_TIMESTAMP,
    DIAG_BAD_COLOUR,
    DIAG_BAD_IDENTIFIER,
    DIAG_BAD_PATH,
    DIAG_UNKNOWN_RECORD, /* a run record that is neither result nor sign-off */
    /* meaning: ids, references, consistency */
    DIAG_DUPLICATE_ID,
    DIAG_UNKNOWN_REFERENCE,
    DIAG_DEPENDENCY_CYCLE,
    DIAG_OUTCOMES_NOT_DECISION, /* outcomes on a step that is not a decision */
    DIAG_DECISION_NOT_ALLOWED,  /* a recorded outcome the step does not allow */
    DIAG_DECISION_MISSING,      /* a decision point closed without an outcome */
    DIAG_SKIP_WITHOUT_REASON,
    DIAG_CONDITIONS_MISSING,    /* conditional approval without conditions */
    DIAG_CONDITIONS_UNEXPECTED, /* conditions on a plain approval or rejection */
    DIAG_WAIVER_WITHOUT_REASON, /* a condition waived without a note */
    DIAG_UNKNOWN_EVIDENCE,      /* evidence key the step does not ask for */
    DIAG_WINDOW_ORDER,          /* window ends before it starts */
    DIAG_NOTHING_TO_DO,         /* a checklist or phase without steps */
    DIAG_CONTACT_UNNAMED,       /* neither person nor name */
    DIAG_PATH_OUTSIDE,          /* a path leading out of the project's folder */
    DIAG_FILE_MISSING,          /* a named file that does not exist */
    DIAG_WRONG_FILE_KIND,       /* e.g. a run file where a checklist was expected */
    DIAG_RUN_MISMATCH,          /* a run that belongs to another project or checklist */
    DIAG_ARTIFACT_NEEDS_INPUT,  /* audit requested but no audit file */
    DIAG_ROLE_UNASSIGNED,       /* warning: a role nobody in the project holds */
    DIAG_VERDICT_OPTIMISTIC,    /* warning: an audit verdict better than its findings */
    DIAG_SIGNER_NOT_SIGNATORY, /* a sign-off by someone who is neither the signatory nor a deputy */
    DIAG_OUT_OF_ORDER,         /* warning: a step closed while a step it depends on is open */
    DIAG_SUBCHECK_OPEN,        /* warning: a step done while a required sub-check is open */
    DIAG_DOWNTIME_NEGATIVE,    /* warning: the downtime ends before it starts */
    DIAG_RECORD_FAR_FROM_WINDOW, /* warning: a record dated long after the window */
    DIAG_ZONE_UNKNOWN,           /* warning: a window time zone the system does not know */
    /* recording: golive mark and golive sign */
    DIAG_RUN_NOT_APPENDABLE, /* records is not the last key, or not a block list */
    DIAG_MISSING_VALUE,      /* a required command-line value such as --by */
    DIAG_BY_NOT_A_PERSON,    /* warning: mark --by a name close to a person id */
    DIAG_TRANSCRIPTION_LINE, /* mark --from: a line that is not STEP STATUS TIME INITIALS */
    DIAG_TRANSCRIPTION_TIME, /* mark --from: a time that is no HH:MM, or runs backwards */
    DIAG_INITIALS_UNKNOWN,   /* mark --from: initials of nobody in the project */
    DIAG_INITIALS_AMBIGUOUS, /* mark --from: initials of several people */
    DIAG_SHEET_MISMATCH,     /* mark --from: the sheet code of another engagement or version */
    /* build and verify */
    DIAG_OUTPUT_FOLDER,         /* the output folder cannot be created or is a file */
    DIAG_DATA_MISSING,          /* golive's templates/, checklists/, fonts/ are nowhere */
    DIAG_FOLDER_NOT_EMPTY,      /* golive new: the folder already holds files */
    DIAG_OUTPUT_FOLDER_FOREIGN, /* golive build: a file no golive build wrote is in the way */
    DIAG_MANIFEST_MALFORMED,
    DIAG_VERIFY_CHANGED,       /* a document differs from its manifest */
    DIAG_VERIFY_MISSING,       /* a document of the manifest is gone */
    DIAG_VERIFY_EXTRA,         /* a file the manifest does not list */
    DIAG_VERIFY_LEFTOVER,      /* a staged or kept file of an interrupted build */
    DIAG_BUILD_ROLLED_BACK,    /* warning: an interrupted build was undone */
    DIAG_JOURNAL_MALFORMED,    /* an interrupted build's journal cannot be undone */
    DIAG_VERIFY_INPUT_CHANGED, /* an input differs from when it was built */
    DIAG_VERIFY_INPUT_MISSING, /* warning: an input is not where it was */
    /* languages: the catalogs of words */
    DIAG_LANGUAGE_UNKNOWN,      /* no catalog for the language asked for */
    DIAG_LANGUAGE_WORD_MISSING, /* a catalog lacks a key the English one has */
    DIAG_LANGUAGE_WORD_UNKNOWN, /* a key the English catalog does not have */
    DIAG_LANGUAGE_NOT_TEXT,     /* a catalog value that is not text */
    /* planning the window */
    DIAG_BAD_WINDOW_OFFSET, /* at: not T-48h, T+0:30 */
    /* templates */
    DIAG_TEMPLATE_UNCLOSED_TAG,           /* '{{' with no closing delimiter */
    DIAG_TEMPLATE_EMPTY_TAG,              /* '{{}}', '{{#}}' */
    DIAG_TEMPLATE_NAME_SPACE,             /* '{{first name}}' */
    DIAG_TEMPLATE_NAME_EMPTY_PART,        /* '{{client.}}', '{{a..b}}' */
    DIAG_TEMPLATE_UNCLOSED_SECTION,       /* '{{#x}}' with no '{{/x}}' */
    DIAG_TEMPLATE_MISMATCHED_CLOSE,       /* '{{/y}}' while 'x' is open */
    DIAG_TEMPLATE_UNOPENED_CLOSE,         /* '{{/x}}' with no section open */
    DIAG_TEMPLATE_DELIMITER_UNTERMINATED, /* '{{=<% %>}}': no final '=' */
    DIAG_TEMPLATE_DELIMITER_COUNT,        /* not exactly two delimiters */
    DIAG_TEMPLATE_DELIMITER_EQUALS,       /* a delimiter holding '=' */
    DIAG_TEMPLATE_DELIMITER_LENGTH,       /* over LIMIT_TEMPLATE_DELIMITER_LENGTH */
    DIAG_TEMPLATE_PARTIAL_ABSOLUTE,       /* '{{> /etc/passwd}}' */
    DIAG_TEMPLATE_PARTIAL_SEPARATOR,      /* '{{> parts/cover}}' */
    DIAG_TEMPLATE_PARTIAL_PARENT,         /* '{{> ..}}', '{{> a..b}}' */
    DIAG_TEMPLATE_UNKNOWN_PARTIAL,        /* no NAME.md beside the template */
    DIAG_TEMPLATE_TOO_MANY_PARTIALS,      /* over LIMIT_TEMPLATE_PARTIALS */
    DIAG_TEMPLATE_PARTIAL_DEPTH,          /* over LIMIT_TEMPLATE_PARTIAL_DEPTH */
    DIAG_TEMPLATE_OUTPUT_SIZE,            /* over LIMIT_TEMPLATE_OUTPUT */
    DIAG_TEMPLATE_STEPS,                  /* over LIMIT_TEMPLATE_STEPS */
    DIAG_TEMPLATE_NOT_A_SCALAR,           /* '{{x}}' where x is a list or mapping */
    DIAG_RENDER_DATA_NOT_MAPPING,         /* golive render: data files to merge must be mappings */
    /* typesetting */
    DIAG_TYPESET_FONT_MISSING,        /* a font file under fonts/ cannot be opened */
    DIAG_TYPESET_FONT_INVALID,        /* a font file libharu's definition cannot be made of */
    DIAG_TYPESET_PDF,                 /* libharu failed while writing the PDF */
    DIAG_TYPESET_LINK_TOO_LONG,       /* warning: a link target over LIMIT_LINK_LENGTH */
    DIAG_TYPESET_TOO_MANY_PAGES,      /* over LIMIT_PDF_PAGES */
    DIAG_TYPESET_ACCENT_COLOUR,       /* an accent colour that is not #RRGGBB */
    DIAG_TYPESET_MISSING_GLYPH,       /* characters no font has, drawn as U+FFFD */
    DIAG_TYPESET_MISSING_CJK,         /* Chinese, Japanese, Korean no font has */
    DIAG_TYPESET_TOO_MANY_BOOKMARKS,  /* headings past LIMIT_BOOKMARKS get no bookmark */
    DIAG_TYPESET_DIRECTIVE_UNKNOWN,   /* <!-- golive:NAME --> with an unknown NAME */
    DIAG_TYPESET_DIRECTIVE_KEY,       /* a key the directive does not take */
    DIAG_TYPESET_DIRECTIVE_DUPLICATE, /* a key given twice */
    DIAG_TYPESET_DIRECTIVE_SYNTAX,    /* a malformed directive */
    DIAG_TYPESET_DIRECTIVE_VALUE,     /* a value out of range */
    DIAG_TYPESET_DIRECTIVE_INLINE,    /* a directive inside a paragraph */
    DIAG_TYPESET_LINK_DEAD,           /* a #anchor link no heading of the document has */
    DIAG_TYPESET_IMAGE_REMOTE,        /* an image URL golive will not fetch */
    DIAG_TYPESET_IMAGE_OUTSIDE,       /* an image path outside the document's folder */
    DIAG_TYPESET_IMAGE_UNREADABLE,    /* an image file that cannot be read */
    DIAG_TYPESET_IMAGE_FORMAT,        /* neither PNG nor JPEG */
    DIAG_TYPESET_IMAGE_TOO_LARGE,     /* over LIMIT_IMAGE_PIXELS */
    DIAG_TYPESET_IMAGE_DECODE,        /* libpng, libjpeg or libharu cannot decode it */
    /* records, keys and signatures (docs/signing.md) */
    DIAG_RUN_REPLACED,           /* a run replaced by rename over and over while mark waited */
    DIAG_RECORD_CHAIN_BROKEN,    /* a record's chain does not match the lines above it */
    DIAG_RECORD_CHAIN_MALFORMED, /* a 'chain' that is not a SHA-256 */
    DIAG_KEY_MALFORMED,          /* a file that is not a minisign key */
    DIAG_SIGNATURE_MALFORMED,    /* a file that is not a minisign signature */
    DIAG_PASSPHRASE,             /* no passphrase, or a wrong one */
    DIAG_STATEMENT_MALFORMED,    /* a file that is not a golive sign-off statement */
    DIAG_SIGNATURE_INVALID,      /* a signature that does not verify with the declared key */
    DIAG_SIGNATURE_MISMATCH,     /* a valid signature of a statement that does not fit the record */
    DIAG_SIGNATURE_MISSING,      /* a signatory with a key, a sign-off without signature */
    DIAG_SIGNATURE_NO_KEY,       /* a signature for a signatory who declares no key */
    DIAG_ATTACHMENT_CHANGED,     /* warning: an attachment changed or is gone (build) */
    DIAG_VERIFY_ATTACHMENT,      /* the same, in golive verify: an error */
    DIAG_ATTACHMENT_UNREADABLE,  /* mark --attach: the file cannot be attached */
    DIAG_ISSUED_MALFORMED,       /* a line of issued/ISSUED golive cannot read */
    DIAG_ISSUE_CONFLICT,         /* a version issued again with other content */
    DIAG_VERIFY_ISSUED,          /* an issued document changed or is gone */
    DIAG_FINDINGS_SNAPSHOT,      /* an issued audit's findings snapshot changed or unreadable */
    DIAG_CORRECTION_TARGET,      /* a correction of no record, another step's, or an old one */
    DIAG_PLAN_NO_REHEARSAL,      /* golive plan: no checklist names a rehearsal */
    DIAG_PLAN_FILE_CHANGED,      /* golive plan --write: the checklist changed since it was read */
    /* golive import: manifests, addons trees, module exports, inventories */
    DIAG_PYTHON_SYNTAX,           /* a manifest that is not a well-formed literal */
    DIAG_PYTHON_NOT_LITERAL,      /* a name, a call, an expression, an f-string */
    DIAG_PYTHON_BAD_ESCAPE,       /* \x1, \N{NO SUCH NAME}, a surrogate */
    DIAG_PYTHON_CONTROL_IN_VALUE, /* a control character in a manifest string */
    DIAG_PYTHON_TOO_DEEP,         /* over LIMIT_PYTHON_DEPTH */
    DIAG_MANIFEST_SHAPE,          /* not a dictionary, or a key of the wrong type */
    DIAG_MODULE_NO_MANIFEST,      /* warning: a folder with __init__.py and no manifest */
    DIAG_MODULE_TWO_MANIFESTS,    /* warning: __manifest__.py and __openerp__.py */
    DIAG_MODULE_NOT_UTF8,         /* warning: a manifest that is not UTF-8 */
    DIAG_MODULE_DUPLICATE,        /* warning: one technical name in two places */
    DIAG_ADDONS_TOO_DEEP,         /* over LIMIT_ADDONS_DEPTH */
    DIAG_ADDONS_TOO_MANY,         /* over LIMIT_IMPORT_MODULES */
    DIAG_CSV_SYNTAX,              /* a quote left open, text after a closing quote */
    DIAG_CSV_COLUMN_MISSING,      /* no technical-name column */
    DIAG_MODULE_NAME,             /* a technical name that is not [a-z0-9_] */
    /* notes */
    DIAG_RECORD_TRUNCATED, /* the last record of a run was cut short */
    DIAG_NOTE_PREVIOUS,    /* "first defined here" and similar */
    DIAG_CODE_COUNT
};

struct diag_sink;

struct diag_sink *diag_sink_new(void);
void diag_sink_free(struct diag_sink *sink);

/* diag: records one diagnostic. The message is formatted, then any control
 * character or invalid UTF-8 in it (it may quote the input) is written as a
 * visible \xNN escape, so a message never carries raw control bytes. */
void diag(struct diag_sink *sink, enum diag_code code, struct source_position position,
          const char *format, ...) __attribute__((format(printf, 4, 5)));
/* diag_sink_set_fallback: the position given to diagnostics recorded
 * without a file (mark's checks, when mark --from runs them for one line
 * of a transcription); a position without a file turns it off. */
void diag_sink_set_fallback(struct diag_sink *sink, struct source_position position);

void diag_v(struct diag_sink *sink, enum diag_code code, struct source_position position,
            const char *format, va_list arguments) __attribute__((format(printf, 4, 0)));

size_t diag_error_count(const struct diag_sink *sink);
size_t diag_count(const struct diag_sink *sink);

/* diag_exit_status: EXIT_STATUS_OK when no error was recorded, otherwise the
 * most serious error's exit status (I/O failure over invalid input). */
int diag_exit_status(const struct diag_sink *sink);

/* diag_print: writes every diagnostic as "file:line:column: severity: message",
 * in file order (files in the order first reported, then line, column), up to
 * LIMIT_DIAGNOSTICS, then a line counting those left out. */
void diag_print(const struct diag_sink *sink, FILE *stream);

/* diag_code_name / diag_code_fix: the stable name golive(1) lists a code under,
 * and the one-line fix it gives. */
const char *diag_code_name(enum diag_code code);
const char *diag_code_fix(enum diag_code code);

#endif
