/* Diagnostics: the code table, the sink, sorting and printing. */
#include "diag.h"

#include "alloc.h"
#include "buffer.h"
#include "exit_status.h"
#include "golive_limits.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

struct diag_info {
    const char *name; /* stable identifier, listed in golive(1) */
    enum diag_severity severity;
    int exit_status; /* for errors */
    const char *fix; /* what the user should do, for golive(1) */
};

static const struct diag_info diag_table[DIAG_CODE_COUNT] = {
    [DIAG_FILE_OPEN] = {"file-open", DIAG_ERROR, EXIT_STATUS_IO_FAILURE,
                        "Check the path and that you may read it."},
    [DIAG_FILE_READ] = {"file-read", DIAG_ERROR, EXIT_STATUS_IO_FAILURE,
                        "The file could not be read to its end; check the disk or mount."},
    [DIAG_FILE_WRITE] =
        {"file-write", DIAG_ERROR, EXIT_STATUS_IO_FAILURE,
         "Check free space and permissions of the output folder; nothing was replaced."},
    [DIAG_FILE_NOT_REGULAR] = {"file-not-regular", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                               "Name a regular file, not a folder, device or pipe."},
    [DIAG_FILE_TOO_LARGE] = {"file-too-large", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                             "Split the file; golive reads inputs of at most 16 MiB."},
    [DIAG_OUTPUT_TARGET] = {"output-target", DIAG_ERROR, EXIT_STATUS_IO_FAILURE,
                            "Name a regular file, a device or a pipe (or '-' for standard output); "
                            "golive replaces no folder, socket or link to nothing."},
    [DIAG_INVALID_UTF8] = {"invalid-utf8", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                           "Save the file as UTF-8 (not Latin-1 or UTF-16)."},
    [DIAG_CONTROL_CHARACTER] = {"control-character", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                "Delete the invisible character; only tab and newline may appear."},
    [DIAG_YAML_SYNTAX] =
        {"yaml-syntax", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Fix the YAML at the position given; indentation and quotes are the usual cause."},
    [DIAG_YAML_TAB_INDENTATION] = {"yaml-tab-indentation", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                   "Indent with spaces: YAML allows no tab in indentation (set the "
                                   "editor to insert spaces)."},
    [DIAG_YAML_EMPTY] =
        {"yaml-empty", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "The file holds no data; write its content or remove it from the project."},
    [DIAG_YAML_MULTIPLE_DOCUMENTS] = {"yaml-multiple-documents", DIAG_ERROR,
                                      EXIT_STATUS_INVALID_INPUT,
                                      "Keep one document per file; remove the second '---'."},
    [DIAG_YAML_DUPLICATE_KEY] = {"yaml-duplicate-key", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                 "Remove or rename one of the two keys; YAML keeps only one."},
    [DIAG_YAML_COMPLEX_KEY] = {"yaml-complex-key", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                               "Use plain text as the key of a mapping."},
    [DIAG_YAML_UNKNOWN_TAG] = {"yaml-unknown-tag", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                               "Remove the tag; golive understands only !!str, !!int, !!float, "
                               "!!bool, !!null, !!seq and !!map."},
    [DIAG_YAML_TAG_MISMATCH] = {"yaml-tag-mismatch", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                "Make the value match its tag, or remove the tag."},
    [DIAG_YAML_UNKNOWN_ALIAS] =
        {"yaml-unknown-alias", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Define the anchor (&name) before the alias (*name) that uses it."},
    [DIAG_YAML_ALIAS_EXPANSION] = {"yaml-alias-expansion", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                   "Write the values out instead of nesting aliases of aliases."},
    [DIAG_YAML_TOO_DEEP] = {"yaml-too-deep", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                            "Flatten the data; golive reads at most 64 levels of nesting."},
    [DIAG_YAML_TOO_MANY_NODES] =
        {"yaml-too-many-nodes", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Split the file; it holds more values than golive reads from one file."},
    [DIAG_YAML_CONTROL_IN_VALUE] =
        {"yaml-control-in-value", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Remove the escape (such as \\0 or \\e) that makes a control character."},
    [DIAG_KIND_MISSING] = {"kind-missing", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                           "Start the file with 'kind: checklist', 'kind: project', 'kind: run', "
                           "'kind: audit' or 'kind: inventory'."},
    [DIAG_KIND_UNKNOWN] = {"kind-unknown", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                           "Use one of the five kinds: checklist, project, run, audit, inventory."},
    [DIAG_UNKNOWN_KEY] = {"unknown-key", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                          "Fix the key's spelling (see the suggestion) or remove it; "
                          "docs/format.md lists every key."},
    [DIAG_MISSING_KEY] = {"missing-key", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                          "Add the required key."},
    [DIAG_EXPECTED_MAPPING] = {"expected-mapping", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                               "Write 'key: value' lines here, indented under the key."},
    [DIAG_EXPECTED_LIST] = {"expected-list", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                            "Write a list here: one '- ' line per entry, or [a, b]."},
    [DIAG_EXPECTED_SCALAR] = {"expected-scalar", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                              "Write a single value here, not a list or mapping."},
    [DIAG_EMPTY_VALUE] = {"empty-value", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                          "Give the key a value, or remove the key if it is optional."},
    [DIAG_MULTILINE_TEXT] =
        {"multiline-text", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Keep this value on one line; titles and names cannot hold line breaks."},
    [DIAG_TEXT_TOO_LONG] = {"text-too-long", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                            "Shorten the text: one line holds at most 1000 characters, Markdown "
                            "65536; move long material into a Markdown field such as details."},
    [DIAG_EXPECTED_BOOL] = {"expected-bool", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                            "Write true or false (YAML 1.2 reads yes/no/on/off as text)."},
    [DIAG_EXPECTED_INTEGER] = {"expected-integer", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                               "Write a whole number such as 1 or 48."},
    [DIAG_UNKNOWN_CHOICE] = {"unknown-choice", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                             "Use one of the values listed in the message."},
    [DIAG_BAD_DURATION] = {"bad-duration", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                           "Write a duration as days, hours and minutes: 30m, 2h, 1h30m, 7d."},
    [DIAG_BAD_DATE] = {"bad-date", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                       "Write a real date as YYYY-MM-DD."},
    [DIAG_BAD_TIMESTAMP] =
        {"bad-timestamp", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Write YYYY-MM-DDTHH:MM:SS with its UTC offset, e.g. 2026-03-21T18:00:00+01:00."},
    [DIAG_BAD_COLOUR] =
        {"bad-colour", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Write a colour as #RRGGBB, e.g. \"#1F3A5F\" (quoted: # starts a YAML comment)."},
    [DIAG_BAD_IDENTIFIER] = {"bad-identifier", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                             "Use letters, digits, '.', '_' and '-', starting with a letter or "
                             "digit, at most 64 characters."},
    [DIAG_BAD_PATH] = {"bad-path", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                       "Write a relative path such as runs/golive.yaml."},
    [DIAG_UNKNOWN_RECORD] = {"unknown-record", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                             "Start a record with 'item:' (a result) or 'signoff:' (a sign-off)."},
    [DIAG_DUPLICATE_ID] = {"duplicate-id", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                           "Give each one its own id."},
    [DIAG_UNKNOWN_REFERENCE] = {"unknown-reference", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                "Name an id that is defined (see the suggestion), or define it."},
    [DIAG_DEPENDENCY_CYCLE] = {"dependency-cycle", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                               "Remove one depends_on link of the cycle printed."},
    [DIAG_OUTCOMES_NOT_DECISION] =
        {"outcomes-not-decision", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Give outcomes only to steps of kind decision, or make the step a decision."},
    [DIAG_DECISION_NOT_ALLOWED] =
        {"decision-not-allowed", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Record one of the outcomes the step allows, on a decision step."},
    [DIAG_DECISION_MISSING] =
        {"decision-missing", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Add 'decision:' with the outcome to the record that closes a decision point."},
    [DIAG_SKIP_WITHOUT_REASON] = {"skip-without-reason", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                  "Say why the step was skipped in the record's note."},
    [DIAG_CONDITIONS_MISSING] =
        {"conditions-missing", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "List the conditions of a conditional approval under 'conditions:'."},
    [DIAG_CONDITIONS_UNEXPECTED] = {"conditions-unexpected", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                    "Use decision: conditional when the approval has conditions."},
    [DIAG_WAIVER_WITHOUT_REASON] =
        {"waiver-without-reason", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Say why the condition was waived in the record's note (golive mark --note)."},
    [DIAG_UNKNOWN_EVIDENCE] = {"unknown-evidence", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                               "Record the evidence keys the step asks for (see the suggestion)."},
    [DIAG_WINDOW_ORDER] = {"window-order", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                           "Make the window end after it starts."},
    [DIAG_NOTHING_TO_DO] =
        {"nothing-to-do", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Give the checklist at least one phase, and each phase at least one step."},
    [DIAG_CONTACT_UNNAMED] = {"contact-unnamed", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                              "Give the contact 'person:' (a person id) or 'name:'."},
    [DIAG_PATH_OUTSIDE] = {"path-outside", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                           "Keep every file of an engagement inside the project file's folder."},
    [DIAG_FILE_MISSING] =
        {"file-missing", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Fix the path (it is relative to the file that names it) or create the file."},
    [DIAG_WRONG_FILE_KIND] = {"wrong-file-kind", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                              "Name a file of the kind expected here."},
    [DIAG_RUN_MISMATCH] =
        {"run-mismatch", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Make the run's 'project' and 'checklist' name this project and checklist."},
    [DIAG_ARTIFACT_NEEDS_INPUT] =
        {"artifact-needs-input", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Add the input the document is built from, or leave the document out of 'artifacts'."},
    [DIAG_ROLE_UNASSIGNED] = {"role-unassigned", DIAG_WARNING, EXIT_STATUS_OK,
                              "Give the role to a person of the project (their 'roles:' list)."},
    [DIAG_VERDICT_OPTIMISTIC] =
        {"verdict-optimistic", DIAG_WARNING, EXIT_STATUS_OK,
         "Check the stated verdict against the critical and high risks and the missing items."},
    [DIAG_SIGNER_NOT_SIGNATORY] = {"signer-not-signatory", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                   "Record the name of the signatory's person, or name the person "
                                   "who signed under the signatory's 'deputies'."},
    [DIAG_OUT_OF_ORDER] =
        {"out-of-order", DIAG_WARNING, EXIT_STATUS_OK,
         "Close the step it depends on, or correct the record; the go gates stay shut until then."},
    [DIAG_SUBCHECK_OPEN] = {"subcheck-open", DIAG_WARNING, EXIT_STATUS_OK,
                            "Record the sub-check (golive mark RUN STEP.ID done), or correct the "
                            "step's record; the go gates stay shut until then."},
    [DIAG_DOWNTIME_NEGATIVE] = {"downtime-negative", DIAG_WARNING, EXIT_STATUS_OK,
                                "Correct the time or UTC offset of one of the two records named (a "
                                "repeated hour of a DST night is the usual cause)."},
    [DIAG_RECORD_FAR_FROM_WINDOW] =
        {"record-far-from-window", DIAG_WARNING, EXIT_STATUS_OK,
         "Check the record's date (a typo in the year or month is the usual cause)."},
    [DIAG_ZONE_UNKNOWN] =
        {"zone-unknown", DIAG_WARNING, EXIT_STATUS_OK,
         "Write an IANA time zone name such as Europe/Berlin, or install the tzdata package."},
    [DIAG_RUN_NOT_APPENDABLE] =
        {"run-not-appendable", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Move 'records:' to the end of the run file and write its entries as '- ' lines."},
    [DIAG_MISSING_VALUE] = {"missing-value", DIAG_ERROR, EXIT_STATUS_USAGE,
                            "Give the value the message names (see golive COMMAND --help)."},
    [DIAG_BY_NOT_A_PERSON] =
        {"by-not-a-person", DIAG_WARNING, EXIT_STATUS_OK,
         "Write the person's id as the project's people list has it; to correct the record, mark "
         "the step again with --corrects LINE and --reason."},
    [DIAG_TRANSCRIPTION_LINE] = {"transcription-line", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                 "Write each ticked line as STEP STATUS TIME INITIALS [NOTE], e.g. "
                                 "'20 done 18:42 JW backup verified'."},
    [DIAG_TRANSCRIPTION_TIME] = {"transcription-time", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                 "Write the time as HH:MM, with the lines in the order the times "
                                 "were written on the sheet."},
    [DIAG_INITIALS_UNKNOWN] =
        {"initials-unknown", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Write the initials of a person of the project's people list, or the person's id."},
    [DIAG_INITIALS_AMBIGUOUS] =
        {"initials-ambiguous", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Write the person's id instead of initials that several people share."},
    [DIAG_SHEET_MISMATCH] = {"sheet-mismatch", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                             "Transcribe the sheet into the run of the engagement and checklist "
                             "version it was printed from, or print the sheet again."},
    /* records, keys and signatures */
    [DIAG_RUN_REPLACED] =
        {"run-replaced", DIAG_ERROR, EXIT_STATUS_IO_FAILURE,
         "Stop whatever keeps replacing the run (a sync tool, an editor) and record again."},
    [DIAG_RECORD_CHAIN_BROKEN] = {"record-chain-broken", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                  "Restore the run from its archive or version control; correct a "
                                  "record by appending a new one."},
    [DIAG_RECORD_CHAIN_MALFORMED] = {"record-chain-malformed", DIAG_ERROR,
                                     EXIT_STATUS_INVALID_INPUT,
                                     "Restore the record as golive wrote it; 'chain' is written by "
                                     "golive mark and sign, never by hand."},
    [DIAG_KEY_MALFORMED] = {"key-malformed", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                            "Name a key file written by golive key new or minisign -G, unchanged."},
    [DIAG_SIGNATURE_MALFORMED] =
        {"signature-malformed", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Name the .minisig file minisign -S or golive sign wrote, unchanged."},
    [DIAG_PASSPHRASE] =
        {"passphrase", DIAG_ERROR, EXIT_STATUS_USAGE,
         "Type the key's passphrase at the prompt, or pass it as one line on --passphrase-fd N."},
    [DIAG_STATEMENT_MALFORMED] = {"statement-malformed", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                  "Name the statement golive sign --request wrote, unchanged."},
    [DIAG_SIGNATURE_INVALID] =
        {"signature-invalid", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Have the signatory sign the statement again with the key the project declares."},
    [DIAG_SIGNATURE_MISMATCH] =
        {"signature-mismatch", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Request a new statement (golive sign --request) for this sign-off and have it signed."},
    [DIAG_SIGNATURE_MISSING] =
        {"signature-missing", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Record the sign-off with golive sign --key, or --request then --signature."},
    [DIAG_SIGNATURE_NO_KEY] = {"signature-no-key", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                               "Add the signatory's public key to project.yaml ('key: FILE.pub')."},
    [DIAG_ATTACHMENT_CHANGED] = {"attachment-changed", DIAG_WARNING, EXIT_STATUS_OK,
                                 "Put the file back as it was attached (from the archive); a new "
                                 "version is attached by a new record."},
    [DIAG_VERIFY_ATTACHMENT] = {"verify-attachment", DIAG_ERROR, EXIT_STATUS_MISMATCH,
                                "Put the file back as it was attached (from the archive); a new "
                                "version is attached by a new record."},
    [DIAG_ATTACHMENT_UNREADABLE] = {"attachment-unreadable", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                    "Attach an existing regular file inside the project's folder."},
    [DIAG_ISSUED_MALFORMED] =
        {"issued-malformed", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Restore issued/ISSUED from the archive; golive issue writes it, never a person."},
    [DIAG_ISSUE_CONFLICT] =
        {"issue-conflict", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Raise document.version in the project, build, then issue the new version."},
    [DIAG_VERIFY_ISSUED] =
        {"verify-issued", DIAG_ERROR, EXIT_STATUS_MISMATCH,
         "Restore the issued document from the archive: an issued version never changes."},
    [DIAG_FINDINGS_SNAPSHOT] =
        {"findings-snapshot", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Restore issued/audit-VERSION.findings.yaml from the archive; golive issue writes it, "
         "never a person."},
    [DIAG_CORRECTION_TARGET] =
        {"correction-target", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Name the line of the step's latest record with --corrects, and say why with --reason."},
    [DIAG_PLAN_NO_REHEARSAL] =
        {"plan-no-rehearsal", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "List the rehearsal under its checklist's 'rehearsals' in the project, with its run."},
    [DIAG_PLAN_FILE_CHANGED] = {"plan-file-changed", DIAG_ERROR, EXIT_STATUS_IO_FAILURE,
                                "Run golive plan again: it proposes from the file as it is now."},
    /* golive import */
    [DIAG_PYTHON_SYNTAX] = {"python-syntax", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                            "Fix the manifest at the position given; Odoo reads it with "
                            "ast.literal_eval and would refuse it too."},
    [DIAG_PYTHON_NOT_LITERAL] = {"python-not-literal", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                 "Write the value out as a literal (string, number, list, "
                                 "dictionary); golive never runs manifest code."},
    [DIAG_PYTHON_BAD_ESCAPE] =
        {"python-bad-escape", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Correct the escape: \\xHH, \\uHHHH, \\UHHHHHHHH or \\N{NAME} naming a real character."},
    [DIAG_PYTHON_CONTROL_IN_VALUE] =
        {"python-control-in-value", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Remove the control character (or the escape making it) from the string."},
    [DIAG_PYTHON_TOO_DEEP] = {"python-too-deep", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                              "Flatten the manifest; golive reads at most 64 levels of brackets."},
    [DIAG_MANIFEST_SHAPE] = {"manifest-shape", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                             "Make the manifest a dictionary whose name, version, author and "
                             "license are strings and depends a list of names."},
    [DIAG_MODULE_NO_MANIFEST] = {"module-no-manifest", DIAG_WARNING, EXIT_STATUS_OK,
                                 "The folder has __init__.py but no __manifest__.py: Odoo does not "
                                 "see it as a module; add the manifest or remove the folder."},
    [DIAG_MODULE_TWO_MANIFESTS] =
        {"module-two-manifests", DIAG_WARNING, EXIT_STATUS_OK,
         "Delete __openerp__.py; Odoo reads __manifest__.py, and so does golive."},
    [DIAG_MODULE_NOT_UTF8] =
        {"module-not-utf8", DIAG_WARNING, EXIT_STATUS_OK,
         "Save the manifest as UTF-8; the module is listed with its folder name only until then."},
    [DIAG_MODULE_DUPLICATE] = {"module-duplicate", DIAG_WARNING, EXIT_STATUS_OK,
                               "Keep one copy of the module in the trees; like Odoo's addons path, "
                               "the first tree given wins."},
    [DIAG_ADDONS_TOO_DEEP] =
        {"addons-too-deep", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Name the addons folders themselves; golive looks at most 16 folders deep."},
    [DIAG_ADDONS_TOO_MANY] = {"addons-too-many", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                              "Name the addons folders themselves, not a folder above them all; "
                              "one import reads at most 50,000 modules."},
    [DIAG_CSV_SYNTAX] = {"csv-syntax", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                         "Export the list again; a quote opened in this field is not closed, or "
                         "text follows a closing quote."},
    [DIAG_CSV_COLUMN_MISSING] = {"csv-column-missing", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                 "Export the technical name and the status: 'Technical Name' and "
                                 "'Status' from Apps, or name and state from ir_module_module."},
    [DIAG_MODULE_NAME] =
        {"module-name", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Write the module's technical name: lower-case letters, digits and underscores."},
    [DIAG_RECORD_TRUNCATED] =
        {"record-truncated", DIAG_NOTE, EXIT_STATUS_OK,
         "Delete the cut-short last line of the run; the records before it are intact."},
    /* templates */
    [DIAG_TEMPLATE_UNCLOSED_TAG] =
        {"template-unclosed-tag", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Close the tag; to write '{{' as text, change the delimiters with {{=<% %>=}}."},
    [DIAG_TEMPLATE_EMPTY_TAG] = {"template-empty-tag", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                 "Write the name of a value inside the tag, or delete the tag."},
    [DIAG_TEMPLATE_NAME_SPACE] =
        {"template-name-space", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Names hold no spaces; write the key exactly as it is in the data."},
    [DIAG_TEMPLATE_NAME_EMPTY_PART] =
        {"template-name-empty-part", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Remove the stray dot: a dotted name is keys joined by single dots, as in client.name."},
    [DIAG_TEMPLATE_UNCLOSED_SECTION] = {"template-unclosed-section", DIAG_ERROR,
                                        EXIT_STATUS_INVALID_INPUT,
                                        "Close the section with {{/name}} where it should end."},
    [DIAG_TEMPLATE_MISMATCHED_CLOSE] =
        {"template-mismatched-close", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Close the inner section before the outer one; sections nest, they do not overlap."},
    [DIAG_TEMPLATE_UNOPENED_CLOSE] = {"template-unopened-close", DIAG_ERROR,
                                      EXIT_STATUS_INVALID_INPUT,
                                      "Remove the {{/name}} tag or add the {{#name}} it closes."},
    [DIAG_TEMPLATE_DELIMITER_UNTERMINATED] =
        {"template-delimiter-unterminated", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "End a set-delimiter tag with '=' before its closing delimiter: {{=<% %>=}}."},
    [DIAG_TEMPLATE_DELIMITER_COUNT] =
        {"template-delimiter-count", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Give exactly two delimiters, opening and closing, separated by a space: {{=<% %>=}}."},
    [DIAG_TEMPLATE_DELIMITER_EQUALS] = {"template-delimiter-equals", DIAG_ERROR,
                                        EXIT_STATUS_INVALID_INPUT,
                                        "Choose delimiters without '=', such as <% and %>."},
    [DIAG_TEMPLATE_DELIMITER_LENGTH] =
        {"template-delimiter-length", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Choose delimiters of at most 16 bytes, such as <% and %>."},
    [DIAG_TEMPLATE_PARTIAL_ABSOLUTE] = {"template-partial-absolute", DIAG_ERROR,
                                        EXIT_STATUS_INVALID_INPUT,
                                        "Name the partial by its file name without '.md'; it is "
                                        "read from the template's own folder."},
    [DIAG_TEMPLATE_PARTIAL_SEPARATOR] =
        {"template-partial-separator", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Move the partial into the template's folder and name it without a folder."},
    [DIAG_TEMPLATE_PARTIAL_PARENT] =
        {"template-partial-parent", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Partials cannot come from another folder; copy the partial beside the template."},
    [DIAG_TEMPLATE_UNKNOWN_PARTIAL] =
        {"template-unknown-partial", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Create NAME.md beside the template, or correct the name in {{> NAME}}."},
    [DIAG_TEMPLATE_TOO_MANY_PARTIALS] =
        {"template-too-many-partials", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Merge partials; one template may use at most 1000 different ones."},
    [DIAG_TEMPLATE_PARTIAL_DEPTH] = {"template-partial-depth", DIAG_ERROR,
                                     EXIT_STATUS_INVALID_INPUT,
                                     "A partial that includes itself must do so inside a section "
                                     "that ends; partials nest at most 64 deep."},
    [DIAG_TEMPLATE_OUTPUT_SIZE] = {"template-output-size", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                   "The output would exceed 16 MiB; look for a section repeated "
                                   "over a list more often than meant."},
    [DIAG_TEMPLATE_STEPS] = {"template-steps", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                             "Sections nested over long lists multiply the work; nest fewer of "
                             "them or give the template less data."},
    [DIAG_TEMPLATE_NOT_A_SCALAR] =
        {"template-not-a-scalar", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Go through a list or mapping with {{#name}}...{{/name}} and interpolate its fields."},
    [DIAG_RENDER_DATA_NOT_MAPPING] =
        {"render-data-not-mapping", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Only mappings merge: make the file's top level key: value pairs, or give it alone."},
    [DIAG_OUTPUT_FOLDER] =
        {"output-folder", DIAG_ERROR, EXIT_STATUS_IO_FAILURE,
         "Name a folder that can be created, or an existing folder you may write to."},
    [DIAG_DATA_MISSING] =
        {"data-missing", DIAG_ERROR, EXIT_STATUS_IO_FAILURE,
         "Install golive with its data (cmake --install, or the .deb), or set GOLIVE_DATADIR to "
         "the folder holding templates/, checklists/ and fonts/."},
    [DIAG_FOLDER_NOT_EMPTY] = {"folder-not-empty", DIAG_ERROR, EXIT_STATUS_USAGE,
                               "Name a new or empty folder: golive new never overwrites a file."},
    [DIAG_OUTPUT_FOLDER_FOREIGN] = {"output-folder-foreign", DIAG_ERROR, EXIT_STATUS_USAGE,
                                    "Build into a new or empty folder, or one holding only a "
                                    "golive build; move away the file named."},
    [DIAG_MANIFEST_MALFORMED] =
        {"manifest-malformed", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Point golive verify at a folder written by golive build; do not edit its MANIFEST."},
    [DIAG_VERIFY_CHANGED] =
        {"verify-changed", DIAG_ERROR, EXIT_STATUS_MISMATCH,
         "The document was changed after the build: rebuild it, or restore the archived copy."},
    [DIAG_VERIFY_MISSING] =
        {"verify-missing", DIAG_ERROR, EXIT_STATUS_MISMATCH,
         "A document of the build is gone: restore it from the archive, or rebuild."},
    [DIAG_VERIFY_EXTRA] =
        {"verify-extra", DIAG_ERROR, EXIT_STATUS_MISMATCH,
         "A file that is not part of the build is in the folder: remove it, or rebuild."},
    [DIAG_VERIFY_LEFTOVER] =
        {"verify-leftover", DIAG_ERROR, EXIT_STATUS_MISMATCH,
         "A build was interrupted here and golive could not remove what it left (a folder it may "
         "not write to?): make it writable and run golive verify or build again."},
    [DIAG_BUILD_ROLLED_BACK] = {"build-rolled-back", DIAG_WARNING, EXIT_STATUS_OK,
                                "A build into this folder was interrupted; golive put back the "
                                "build before it. Build again if you wanted the new one."},
    [DIAG_JOURNAL_MALFORMED] = {"journal-malformed", DIAG_ERROR, EXIT_STATUS_IO_FAILURE,
                                "Make the folder writable and run golive verify or build again; if "
                                "the journal was edited, build into a new folder."},
    [DIAG_VERIFY_INPUT_CHANGED] =
        {"verify-input-changed", DIAG_ERROR, EXIT_STATUS_MISMATCH,
         "An input changed since the build: the documents no longer show it; rebuild."},
    [DIAG_VERIFY_INPUT_MISSING] =
        {"verify-input-missing", DIAG_WARNING, EXIT_STATUS_OK,
         "The input is not where the build found it (the folder was moved?); it was not checked."},
    /* typesetting */
    [DIAG_TYPESET_FONT_MISSING] =
        {"typeset-font-missing", DIAG_ERROR, EXIT_STATUS_IO_FAILURE,
         "Reinstall golive: its fonts/ folder must hold the font files docs/typesetting.md lists."},
    [DIAG_TYPESET_FONT_INVALID] = {"typeset-font-invalid", DIAG_ERROR, EXIT_STATUS_IO_FAILURE,
                                   "Replace the damaged font file with the one golive ships."},
    [DIAG_TYPESET_PDF] =
        {"typeset-pdf", DIAG_ERROR, EXIT_STATUS_INTERNAL,
         "A bug in golive or libharu: report it with the Markdown that causes it."},
    [DIAG_TYPESET_LINK_TOO_LONG] = {"typeset-link-too-long", DIAG_WARNING, EXIT_STATUS_OK,
                                    "Shorten the link target (at most 32768 bytes); the text is "
                                    "printed, only the click is missing."},
    [DIAG_TYPESET_TOO_MANY_PAGES] = {"typeset-too-many-pages", DIAG_ERROR,
                                     EXIT_STATUS_INVALID_INPUT,
                                     "Split the document; golive writes at most 10,000 pages."},
    [DIAG_TYPESET_ACCENT_COLOUR] = {"typeset-accent-colour", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                    "Write the accent colour as #RRGGBB, such as #1F3A5F."},
    [DIAG_TYPESET_MISSING_GLYPH] =
        {"typeset-missing-glyph", DIAG_WARNING, EXIT_STATUS_OK,
         "Replace the character (emoji, a script docs/typesetting.md does not list) with words, "
         "or accept the visible U+FFFD mark."},
    [DIAG_TYPESET_MISSING_CJK] =
        {"typeset-missing-cjk", DIAG_WARNING, EXIT_STATUS_OK,
         "Install a font for Chinese and Japanese (Debian: fonts-droid-fallback, which has no "
         "Korean Hangul) and typeset again."},
    [DIAG_TYPESET_TOO_MANY_BOOKMARKS] =
        {"typeset-too-many-bookmarks", DIAG_WARNING, EXIT_STATUS_OK,
         "Use fewer headings (lists or bold text for items), or split the document."},
    [DIAG_TYPESET_DIRECTIVE_UNKNOWN] = {"typeset-directive-unknown", DIAG_WARNING, EXIT_STATUS_OK,
                                        "Use one of golive:pagebreak, signature, cover, draft, "
                                        "notes, table, matrix, timeline, qr, keep, keep-end, toc."},
    [DIAG_TYPESET_DIRECTIVE_KEY] =
        {"typeset-directive-key", DIAG_WARNING, EXIT_STATUS_OK,
         "Use a key the directive takes; docs/typesetting.md lists them."},
    [DIAG_TYPESET_DIRECTIVE_DUPLICATE] = {"typeset-directive-duplicate", DIAG_WARNING,
                                          EXIT_STATUS_OK, "Give each key once."},
    [DIAG_TYPESET_DIRECTIVE_SYNTAX] =
        {"typeset-directive-syntax", DIAG_WARNING, EXIT_STATUS_OK,
         "Write the directive as <!-- golive:NAME key=\"value\" -->, with "
         "\\\" for a quote inside a value."},
    [DIAG_TYPESET_DIRECTIVE_VALUE] = {"typeset-directive-value", DIAG_WARNING, EXIT_STATUS_OK,
                                      "Give the value in the range the message names."},
    [DIAG_TYPESET_DIRECTIVE_INLINE] =
        {"typeset-directive-inline", DIAG_WARNING, EXIT_STATUS_OK,
         "Put the directive on a line of its own, with a blank line before it."},
    [DIAG_TYPESET_LINK_DEAD] =
        {"typeset-link-dead", DIAG_WARNING, EXIT_STATUS_OK,
         "Link to a heading of the document by its anchor name (lower case, spaces as hyphens: "
         "docs/typesetting.md), or remove the link."},
    [DIAG_TYPESET_IMAGE_REMOTE] =
        {"typeset-image-remote", DIAG_WARNING, EXIT_STATUS_OK,
         "Download the image next to the Markdown file and link it by a relative path."},
    [DIAG_TYPESET_IMAGE_OUTSIDE] =
        {"typeset-image-outside", DIAG_WARNING, EXIT_STATUS_OK,
         "Copy the image into the Markdown file's folder (or below) and use a relative path."},
    [DIAG_TYPESET_IMAGE_UNREADABLE] = {"typeset-image-unreadable", DIAG_WARNING, EXIT_STATUS_OK,
                                       "Check the image's path and that you may read it."},
    [DIAG_TYPESET_IMAGE_FORMAT] = {"typeset-image-format", DIAG_WARNING, EXIT_STATUS_OK,
                                   "Convert the image to PNG or JPEG."},
    [DIAG_TYPESET_IMAGE_TOO_LARGE] = {"typeset-image-too-large", DIAG_WARNING, EXIT_STATUS_OK,
                                      "Scale the image down to at most 25 megapixels."},
    [DIAG_TYPESET_IMAGE_DECODE] = {"typeset-image-decode", DIAG_WARNING, EXIT_STATUS_OK,
                                   "The file is damaged or not the PNG or JPEG it seems: open it "
                                   "in an image editor and save it again."},
    [DIAG_LANGUAGE_UNKNOWN] = {"language-unknown", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                               "Write en, de or fr, or put a catalog lang/CODE.yaml into the "
                               "project's templates folder."},
    [DIAG_LANGUAGE_WORD_MISSING] = {"language-word-missing", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                    "Add the key to the catalog with its words in that language; "
                                    "templates/lang/en.yaml has every key."},
    [DIAG_LANGUAGE_WORD_UNKNOWN] = {"language-word-unknown", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                    "Use a key of templates/lang/en.yaml; golive prints no other."},
    [DIAG_LANGUAGE_NOT_TEXT] = {"language-not-text", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
                                "Write each catalog entry as key: text on one level, quoting text "
                                "that YAML would read otherwise."},
    [DIAG_BAD_WINDOW_OFFSET] =
        {"bad-window-offset", DIAG_ERROR, EXIT_STATUS_INVALID_INPUT,
         "Write T, a sign and a duration or hours:minutes: T-48h, T+0:30, T+1h30m."},
    [DIAG_NOTE_PREVIOUS] = {"note", DIAG_NOTE, EXIT_STATUS_OK, ""},
};

/* Diagnostics sort by file (in the order files were first reported), line,
 * column, then the order they were recorded. A note sorts with the
 * diagnostic it explains but prints its own position. */
struct sort_key {
    size_t file_rank; /* 0 for no file */
    unsigned line, column;
    size_t sequence;
};

struct diagnostic {
    enum diag_code code;
    struct sort_key key;
    char *file;            /* NULL for a message about no file */
    unsigned line, column; /* as printed */
    char *message;
};

struct diag_sink {
    struct diagnostic *items;
    size_t count, capacity;
    size_t errors;
    int exit_status;
    char **files; /* distinct file names, in order first seen */
    size_t file_count, file_capacity;
    size_t dropped;                  /* not stored: past LIMIT_DIAGNOSTICS_STORED */
    struct source_position fallback; /* for diagnostics without a file */
};

struct diag_sink *diag_sink_new(void)
{
    return xcalloc(1, sizeof(struct diag_sink));
}

void diag_sink_free(struct diag_sink *sink)
{
    if (!sink)
        return;
    for (size_t index = 0; index < sink->count; index++) {
        free(sink->items[index].file);
        free(sink->items[index].message);
    }
    for (size_t index = 0; index < sink->file_count; index++)
        free(sink->files[index]);
    free(sink->items);
    free(sink->files);
    free(sink);
}

/* Appends text to out with every control character and invalid byte shown as
 * \xNN, so that neither input quoted in a message nor a hostile file name
 * can put escape sequences on the user's terminal. */
static void append_visible(struct buffer *out, const char *text)
{
    size_t length = strlen(text), offset = 0;
    while (offset < length) {
        uint32_t code_point;
        size_t used = utf8_decode(text + offset, length - offset, &code_point);
        if (used == 0 || utf8_is_control(code_point)) {
            if (used == 0)
                used = 1;
            for (size_t index = 0; index < used; index++)
                buffer_printf(out, "\\x%02X", (unsigned char)text[offset + index]);
        } else {
            buffer_append(out, text + offset, used);
        }
        offset += used;
    }
}

static size_t file_rank(struct diag_sink *sink, const char *file)
{
    for (size_t index = 0; index < sink->file_count; index++)
        if (strcmp(sink->files[index], file) == 0)
            return index;
    sink->files = xgrow(sink->files, &sink->file_capacity, sink->file_count + 1, sizeof(char *));
    sink->files[sink->file_count] = xstrdup(file);
    return sink->file_count++;
}

void diag_sink_set_fallback(struct diag_sink *sink, struct source_position position)
{
    sink->fallback = position;
}

void diag_v(struct diag_sink *sink, enum diag_code code, struct source_position position,
            const char *format, va_list arguments)
{
    if (!position.file && sink->fallback.file)
        position = sink->fallback;
    const struct diag_info *info = &diag_table[code];
    if (info->severity == DIAG_ERROR) {
        sink->errors++;
        if (sink->exit_status != EXIT_STATUS_IO_FAILURE)
            sink->exit_status = info->exit_status;
    }
    if (sink->count >= LIMIT_DIAGNOSTICS_STORED) {
        sink->dropped += info->severity != DIAG_NOTE;
        return;
    }
    struct buffer raw = {0}, visible = {0};
    buffer_vprintf(&raw, format, arguments);
    append_visible(&visible, buffer_text(&raw));
    buffer_free(&raw);

    sink->items = xgrow(sink->items, &sink->capacity, sink->count + 1, sizeof(struct diagnostic));
    struct diagnostic *item = &sink->items[sink->count];
    item->code = code;
    item->message = buffer_release(&visible);
    item->file = NULL;
    item->line = position.line;
    item->column = position.column;
    item->key = (struct sort_key){0, position.line, position.column, sink->count};
    if (position.file) {
        struct buffer name = {0};
        append_visible(&name, position.file);
        item->file = buffer_release(&name);
        item->key.file_rank = file_rank(sink, item->file) + 1;
    }
    if (info->severity == DIAG_NOTE && sink->count > 0) {
        struct sort_key parent = sink->items[sink->count - 1].key;
        item->key.file_rank = parent.file_rank;
        item->key.line = parent.line;
        item->key.column = parent.column;
    }
    sink->count++;
}

void diag(struct diag_sink *sink, enum diag_code code, struct source_position position,
          const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    diag_v(sink, code, position, format, arguments);
    va_end(arguments);
}

size_t diag_error_count(const struct diag_sink *sink)
{
    return sink->errors;
}

size_t diag_count(const struct diag_sink *sink)
{
    return sink->count;
}

int diag_exit_status(const struct diag_sink *sink)
{
    return sink->errors ? sink->exit_status : EXIT_STATUS_OK;
}

static int compare_diagnostics(const void *left_pointer, const void *right_pointer)
{
    const struct sort_key *left = &((const struct diagnostic *)left_pointer)->key;
    const struct sort_key *right = &((const struct diagnostic *)right_pointer)->key;
    if (left->file_rank != right->file_rank)
        return left->file_rank < right->file_rank ? -1 : 1;
    if (left->line != right->line)
        return left->line < right->line ? -1 : 1;
    if (left->column != right->column)
        return left->column < right->column ? -1 : 1;
    return left->sequence < right->sequence ? -1 : left->sequence > right->sequence;
}

static const char *severity_word(enum diag_severity severity)
{
    switch (severity) {
    case DIAG_NOTE: return "note";
    case DIAG_WARNING: return "warning";
    case DIAG_ERROR: return "error";
    }
    return "error";
}

static bool same_text(const char *left, const char *right)
{
    return (!left && !right) || (left && right && strcmp(left, right) == 0);
}

static bool same_diagnostic(const struct diagnostic *left, const struct diagnostic *right)
{
    return left->code == right->code && left->line == right->line &&
           left->column == right->column && same_text(left->file, right->file) &&
           same_text(left->message, right->message);
}

static void print_one(const struct diagnostic *item, FILE *stream)
{
    const char *severity = severity_word(diag_table[item->code].severity);
    if (!item->file)
        fprintf(stream, "golive: %s: %s\n", severity, item->message);
    else if (item->line == 0)
        fprintf(stream, "%s: %s: %s\n", item->file, severity, item->message);
    else
        fprintf(stream, "%s:%u:%u: %s: %s\n", item->file, item->line, item->column, severity,
                item->message);
}

void diag_print(const struct diag_sink *sink, FILE *stream)
{
    if (sink->count == 0)
        return;
    struct diagnostic *sorted = xreallocarray(NULL, sink->count, sizeof(struct diagnostic));
    memcpy(sorted, sink->items, sink->count * sizeof(struct diagnostic));
    qsort(sorted, sink->count, sizeof(struct diagnostic), compare_diagnostics);

    size_t shown = 0, left_out = sink->dropped;
    bool parent_shown = false;
    for (size_t index = 0; index < sink->count; index++) {
        const struct diagnostic *item = &sorted[index];
        /* A file reached twice (a run checked with its project) reports
         * the same problem twice: print it once. */
        if (index > 0 && same_diagnostic(item, &sorted[index - 1]))
            continue;
        if (diag_table[item->code].severity != DIAG_NOTE) {
            parent_shown = shown < LIMIT_DIAGNOSTICS;
            if (parent_shown)
                shown++;
            else
                left_out++;
        }
        if (parent_shown)
            print_one(item, stream);
    }
    if (left_out)
        fprintf(stream, "golive: %zu more diagnostic%s not shown (golive prints at most %u)\n",
                left_out, left_out == 1 ? "" : "s", LIMIT_DIAGNOSTICS);
    free(sorted);
}

const char *diag_code_name(enum diag_code code)
{
    return diag_table[code].name;
}

const char *diag_code_fix(enum diag_code code)
{
    return diag_table[code].fix;
}
