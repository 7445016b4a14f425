/* PDF/A-2b over libharu 2.3.0 (see pdf_archive.h). libharu's own PDF/A
 * support writes PDF/A-1 metadata with an /ID from the clock; golive
 * writes its own objects instead: the XMP packet, the output intent, the
 * /ID and the dates, each the same for the same input. */
#include "pdf_archive.h"

#include "buffer.h"
#include "pdf_libharu_private.h"

#include <stdbool.h>
#include <string.h>
#include <time.h>

/* The name under which the output intent's condition is registered. */
#define SRGB_CONDITION "sRGB IEC61966-2.1"

/* Text as XML character data: the five reserved characters escaped and
 * the control characters XML 1.0 forbids left out. */
static void append_xml(struct buffer *out, const char *text)
{
    for (const char *at = text; *at; at++) {
        unsigned char byte = (unsigned char)*at;
        if (byte == '&')
            buffer_append_text(out, "&amp;");
        else if (byte == '<')
            buffer_append_text(out, "&lt;");
        else if (byte == '>')
            buffer_append_text(out, "&gt;");
        else if (byte == '"')
            buffer_append_text(out, "&quot;");
        else if (byte >= 0x20 || byte == '\t' || byte == '\n' || byte == '\r')
            buffer_append_char(out, (char)byte);
    }
}

static bool present(const char *text)
{
    return text && *text;
}

static void append_property(struct buffer *out, const char *name, const char *open,
                            const char *close, const char *value)
{
    if (!present(value))
        return;
    buffer_printf(out, "   <%s>%s", name, open);
    append_xml(out, value);
    buffer_printf(out, "%s</%s>\n", close, name);
}

/* The XMP packet (ISO 16684-1) whose entries repeat the information
 * dictionary's, as ISO 19005-2 6.6.2.3 requires, and name the level. */
static void xmp_packet(const struct pdf_archive_fields *fields, const char *date,
                       struct buffer *out)
{
    static const char *alt_open = "<rdf:Alt><rdf:li xml:lang=\"x-default\">",
                      *alt_close = "</rdf:li></rdf:Alt>";
    buffer_append_text(out, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                            " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                            "  <rdf:Description rdf:about=\"\"\n"
                            "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
                            "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                            "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                            "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                            "   <pdfaid:part>2</pdfaid:part>\n"
                            "   <pdfaid:conformance>B</pdfaid:conformance>\n"
                            "   <dc:format>application/pdf</dc:format>\n");
    append_property(out, "dc:title", alt_open, alt_close, fields->title);
    append_property(out, "dc:creator", "<rdf:Seq><rdf:li>", "</rdf:li></rdf:Seq>", fields->author);
    append_property(out, "dc:description", alt_open, alt_close, fields->subject);
    append_property(out, "dc:language", "<rdf:Bag><rdf:li>", "</rdf:li></rdf:Bag>",
                    fields->language);
    append_property(out, "xmp:CreatorTool", "", "", fields->creator);
    append_property(out, "xmp:CreateDate", "", "", date);
    append_property(out, "xmp:ModifyDate", "", "", date);
    append_property(out, "xmp:MetadataDate", "", "", date);
    append_property(out, "pdf:Producer", "", "", fields->producer);
    buffer_append_text(out, "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
                            "<?xpacket end=\"w\"?>");
}

/* The creation time as PDF (D:YYYYMMDDHHmmSSZ) and XMP (ISO 8601) dates,
 * in UTC: both name the same moment. */
static bool format_dates(int64_t creation_time, char pdf[24], char xmp[24])
{
    time_t seconds = (time_t)creation_time;
    struct tm broken;
    if (!gmtime_r(&seconds, &broken))
        return false;
    strftime(pdf, 24, "D:%Y%m%d%H%M%SZ", &broken);
    strftime(xmp, 24, "%Y-%m-%dT%H:%M:%SZ", &broken);
    return true;
}

static void set_information(HPDF_Doc document, const struct pdf_archive_fields *fields,
                            const char *date)
{
    const struct {
        HPDF_InfoType type;
        const char *value;
    } entries[] = {
        {HPDF_INFO_PRODUCER, fields->producer}, {HPDF_INFO_TITLE, fields->title},
        {HPDF_INFO_AUTHOR, fields->author},     {HPDF_INFO_SUBJECT, fields->subject},
        {HPDF_INFO_CREATOR, fields->creator},
    };
    for (size_t index = 0; index < sizeof entries / sizeof *entries; index++)
        if (present(entries[index].value))
            HPDF_SetInfoAttr(document, entries[index].type, entries[index].value);
    if (!document->info || !present(date))
        return;
    HPDF_Dict_Add(document->info, "CreationDate", HPDF_String_New(document->mmgr, date, NULL));
    HPDF_Dict_Add(document->info, "ModDate", HPDF_String_New(document->mmgr, date, NULL));
}

/* The metadata stream: uncompressed, so that any tool finds the packet. */
static void add_metadata(HPDF_Doc document, const struct buffer *packet)
{
    HPDF_Dict metadata = HPDF_DictStream_New(document->mmgr, document->xref);
    if (!metadata)
        return;
    HPDF_Dict_AddName(metadata, "Type", "Metadata");
    HPDF_Dict_AddName(metadata, "Subtype", "XML");
    HPDF_Stream_Write(metadata->stream, (const HPDF_BYTE *)packet->data, (HPDF_UINT)packet->length);
    HPDF_Dict_Add(document->catalog, "Metadata", metadata);
}

/* The output intent that gives DeviceRGB its meaning (ISO 19005-2
 * 6.2.3, 6.2.4.3): sRGB, as every colour golive draws is. */
static void add_output_intent(HPDF_Doc document, struct pdf_compressor *compressor)
{
    HPDF_Dict profile = HPDF_DictStream_New(document->mmgr, document->xref);
    HPDF_Dict intent = HPDF_Dict_New(document->mmgr);
    HPDF_Array intents = HPDF_Array_New(document->mmgr);
    if (!profile || !intent || !intents)
        return;
    HPDF_Dict_AddNumber(profile, "N", 3);
    pdf_stream_set_compressed(compressor, profile, pdf_srgb_profile, (size_t)pdf_srgb_profile_size);
    HPDF_Dict_AddName(intent, "Type", "OutputIntent");
    HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
    HPDF_Dict_Add(intent, "OutputConditionIdentifier",
                  HPDF_String_New(document->mmgr, SRGB_CONDITION, NULL));
    HPDF_Dict_Add(intent, "Info", HPDF_String_New(document->mmgr, SRGB_CONDITION, NULL));
    HPDF_Dict_Add(intent, "DestOutputProfile", profile);
    HPDF_Array_Add(intents, intent);
    HPDF_Dict_Add(document->catalog, "OutputIntents", intents);
}

/* The trailer's /ID (ISO 19005-2 6.1.3): both halves the content's
 * identity, as for a file not yet changed since it was made. */
static void add_identifier(HPDF_Doc document, const unsigned char *identity)
{
    HPDF_Array identifier = HPDF_Array_New(document->mmgr);
    if (!identifier)
        return;
    for (int half = 0; half < 2; half++)
        HPDF_Array_Add(identifier,
                       HPDF_Binary_New(document->mmgr, (HPDF_BYTE *)identity, PDF_IDENTITY_SIZE));
    HPDF_Dict_Add(document->trailer, "ID", identifier);
}

void pdf_archive_mark(HPDF_Doc document, struct pdf_compressor *compressor,
                      const struct pdf_archive_fields *fields)
{
    struct pdf_archive_fields chosen = *fields;
    if (!present(chosen.language))
        chosen.language = "en";
    char pdf_date[24] = "", xmp_date[24] = "";
    format_dates(chosen.creation_time, pdf_date, xmp_date);
    set_information(document, &chosen, pdf_date);
    struct buffer packet = {0};
    xmp_packet(&chosen, xmp_date, &packet);
    add_metadata(document, &packet);
    buffer_free(&packet);
    add_output_intent(document, compressor);
    add_identifier(document, chosen.identity);
    HPDF_Dict_Add(document->catalog, "Lang",
                  HPDF_String_New(document->mmgr, chosen.language, NULL));
    /* PDF/A-2 rests on PDF 1.7 (ISO 32000-1); libharu writes the binary
     * comment ISO 19005-2 6.1.2 asks for after the header. */
    document->pdf_version = HPDF_VER_17;
}
