/* The typesetter's words from a language's catalog. */
#include "build_words.h"

struct typeset_words build_words(const struct language *language)
{
    return (struct typeset_words){
        .page_of = language_word(language, "pdf_page_of"),
        .draft = language_word(language, "pdf_draft"),
        .version = language_word(language, "pdf_version"),
        .signatory = language_word(language, "pdf_signatory"),
        .name = language_word(language, "pdf_name"),
        .decision = language_word(language, "pdf_decision"),
        .conditions = language_word(language, "pdf_conditions"),
        .date = language_word(language, "pdf_date"),
        .place_and_date = language_word(language, "pdf_place_and_date"),
        .signature = language_word(language, "pdf_signature"),
        .name_and_signature = language_word(language, "pdf_name_and_signature"),
        .approved = language_word(language, "pdf_approved"),
        .approved_with_conditions = language_word(language, "pdf_approved_with_conditions"),
        .rejected = language_word(language, "pdf_rejected"),
        .notes = language_word(language, "pdf_notes"),
        .client = language_word(language, "pdf_client"),
        .project = language_word(language, "pdf_project"),
        .prepared_by = language_word(language, "pdf_prepared_by"),
        .classification = language_word(language, "pdf_classification"),
        .colon = language_word(language, "label_colon"),
    };
}
