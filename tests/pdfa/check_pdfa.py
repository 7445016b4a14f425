#!/usr/bin/env python3
"""What ISO 19005-2 (PDF/A-2, level B) requires of a file, checked clause
by clause on the file's bytes and on qpdf's JSON view of its objects, since
no PDF/A validator (veraPDF) can be installed here. Each failure names its
clause. Usage: check_pdfa.py FILE.pdf... ; prints one line per failure and
exits with their count.

Covered (ISO 19005-2 clause numbers):
  6.1.2  header %PDF-1.n (n 0-7) and a comment of four bytes above 127
  6.1.3  trailer: /ID of two strings, no /Encrypt, nothing after %%EOF
         but an end of line
  6.1.4  the cross-reference table's keyword and subsection headers
  6.1.6  hexadecimal strings: even count of hex digits (as qpdf reads them)
  6.1.7  stream keywords and their ends of line; no /F, /FFilter,
         /FDecodeParms; no LZWDecode (6.1.7.2)
  6.1.8  "N G obj" and "endobj" each on their own line
  6.1.12 implementation limits: integers, names up to 127 bytes
  6.1.13 no optional content
  6.2.2  an output intent /GTS_PDFA1 with an ICC profile (version 2 or 4,
         device class mntr/prtr/scnr/spac, its colour space's component
         count equal to /N)
  6.2.4.3 device colour spaces: DeviceCMYK neither named nor set by k/K
         in a content stream, as the output intent is RGB
  6.2.8  images: no /Alternates, /OPI, /Interpolate true
  6.2.9  XObjects: no PostScript XObjects, no /Subtype2 /PS, no /Ref
  6.2.10 transparency: blend modes among the standard ones
  6.2.11.3 a Type0 font with Identity-H has a CIDFontType2 with
         /CIDToGIDMap
  6.2.11.4 every font but Type3 embeds its program (FontFile, 2 or 3)
  6.3.1  annotation types allowed; 6.3.2 /F with Print set and Hidden,
         Invisible, NoView, ToggleNoView clear; 6.3.3 an appearance for
         every annotation but Link and Popup
  6.5.1  no forbidden actions (Launch, JavaScript, ...), no /AA
  6.6.2.1 a /Metadata stream in the catalogue, /Type /Metadata
         /Subtype /XML, unfiltered, an xpacket header without bytes= or
         encoding=
  6.6.2.3 the document information's entries equal their XMP properties
  6.6.4  pdfaid:part 2 and pdfaid:conformance B in the XMP
  6.8    no embedded files; 6.9 no XFA, no NeedAppearances
  and golive's own promises: /Lang equals dc:language, bookmarks open
  (/PageMode /UseOutlines when there is an outline).

Not covered (a validator is needed): font programs' inner consistency
(6.2.11.5 widths against the program, 6.2.11.4.1 every glyph used present),
the ICC profile beyond its header, content streams' operators beyond
k/K (6.2.2 undefined operators, 6.2.5 graphics state /TR /HTP), XMP
against the schemas' value types (6.6.2.3.3) beyond the entries above,
the implementation limits on reals, string lengths and nesting.
"""
import base64
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from datetime import datetime, timedelta, timezone

FAILURES = []


def fail(path, clause, message):
    source = "golive's promise" if clause == "golive" else f"ISO 19005-2 {clause}"
    FAILURES.append(f"FAIL: {path}: {source}: {message}")


def load(path):
    output = subprocess.run(
        ["qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline",
         "--decode-level=generalized", path],
        check=True, capture_output=True).stdout
    objects = json.loads(output)["qpdf"][1]
    return objects


def resolve(objects, value):
    """The object a reference names, or the value itself."""
    if isinstance(value, str) and re.fullmatch(r"\d+ \d+ R", value):
        entry = objects.get("obj:" + value, {})
        if "stream" in entry:
            return entry["stream"]
        return entry.get("value")
    return value


def dicts(objects):
    """Every dictionary in the file (direct ones inside others too), with
    its stream data when it is a stream's."""
    for key, entry in objects.items():
        if not key.startswith("obj:"):
            continue
        stack = []
        if "stream" in entry:
            yield entry["stream"]["dict"], entry["stream"].get("data")
            stack.extend(entry["stream"]["dict"].values())
        else:
            stack.append(entry.get("value"))
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                yield item, None
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)


def data_of(stream):
    return base64.b64decode(stream.get("data") or "")


def check_bytes(path, raw):
    header = re.match(rb"%PDF-1\.([0-7])(\r\n|\r|\n)%([^\r\n]*)(\r\n|\r|\n)", raw)
    if not header:
        fail(path, "6.1.2", "the header is not %PDF-1.n and a comment line")
    elif sum(1 for byte in header.group(3)[:4] if byte > 127) < 4:
        fail(path, "6.1.2", "the comment after the header has fewer than four bytes above 127")
    if not re.search(rb"%%EOF(\r\n|\r|\n)?$", raw):
        fail(path, "6.1.3", "bytes follow the last %%EOF")
    for match in re.finditer(rb"(?<=[\r\n])xref(\r\n|\r|\n)(\d+)( +)(\d+)(\r\n|\r|\n)", raw):
        if match.group(3) != b" ":
            fail(path, "6.1.4", "a cross-reference subsection header has more than one space")
    if not re.search(rb"(?<=[\r\n])xref(\r\n|\r|\n)\d+ \d+(\r\n|\r|\n)", raw):
        fail(path, "6.1.4", "no cross-reference table of the required form")
    for match in re.finditer(rb"stream(\r\n|\n|\r)?", raw):
        before = raw[max(0, match.start() - 3):match.start()]
        if before.endswith(b"end"):
            if raw[match.start() - 4:match.start() - 3] not in (b"\r", b"\n"):
                fail(path, "6.1.7.1", "endstream does not follow an end of line")
        elif match.group(1) not in (b"\r\n", b"\n"):
            fail(path, "6.1.7.1", "the stream keyword is not followed by CRLF or LF")
    for match in re.finditer(rb"(\d+) (\d+) obj", raw):
        following = raw[match.end():match.end() + 1]
        preceding = raw[match.start() - 1:match.start()] if match.start() else b"\n"
        if following not in (b"\r", b"\n") or preceding not in (b"\r", b"\n"):
            fail(path, "6.1.8", f"object {match.group(1).decode()} is not on its own line")
    for match in re.finditer(rb"endobj", raw):
        if raw[match.start() - 1:match.start()] not in (b"\r", b"\n"):
            fail(path, "6.1.8", "endobj does not follow an end of line")


def check_trailer(path, objects):
    trailer = objects["trailer"]["value"]
    identifier = trailer.get("/ID")
    if not (isinstance(identifier, list) and len(identifier) == 2
            and all(isinstance(part, str) and part[:2] in ("b:", "u:") for part in identifier)):
        fail(path, "6.1.3", "the trailer has no /ID of two strings")
    if "/Encrypt" in trailer:
        fail(path, "6.1.3", "the file is encrypted")


STANDARD_BLEND_MODES = {"/Normal", "/Compatible", "/Multiply", "/Screen", "/Overlay",
                        "/Darken", "/Lighten", "/ColorDodge", "/ColorBurn", "/HardLight",
                        "/SoftLight", "/Difference", "/Exclusion", "/Hue", "/Saturation",
                        "/Color", "/Luminosity"}
FORBIDDEN_ACTIONS = {"/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/Hide",
                     "/SetOCGState", "/Rendition", "/Trans", "/GoTo3DView", "/JavaScript"}
ALLOWED_ANNOTATIONS = {"/Text", "/Link", "/FreeText", "/Line", "/Square", "/Circle",
                       "/Polygon", "/PolyLine", "/Highlight", "/Underline", "/Squiggly",
                       "/StrikeOut", "/Stamp", "/Caret", "/Ink", "/Popup", "/Widget",
                       "/PrinterMark", "/TrapNet", "/Watermark", "/Redact"}


def walk(value, action):
    stack = [value]
    while stack:
        item = stack.pop()
        action(item)
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def check_values(path, objects):
    def limits(item):
        if isinstance(item, int) and not -2**31 <= item <= 2**31 - 1:
            fail(path, "6.1.12", f"the integer {item} is out of range")
        if isinstance(item, str) and item.startswith("/") and len(item.encode()) - 1 > 127:
            fail(path, "6.1.12", f"a name of more than 127 bytes: {item[:40]}...")
        if isinstance(item, str) and item.startswith("b:") and len(item) % 2:
            fail(path, "6.1.6", "a hexadecimal string of an odd count of digits")
    for key, entry in objects.items():
        walk(entry["stream"]["dict"] if "stream" in entry else entry, limits)


def check_dictionaries(path, objects):
    for dictionary, data in dicts(objects):
        for key in ("/F", "/FFilter", "/FDecodeParms"):
            if key in dictionary and "/Length" in dictionary:
                fail(path, "6.1.7.1", f"a stream dictionary has {key}")
        filters = dictionary.get("/Filter", [])
        if "/LZWDecode" in (filters if isinstance(filters, list) else [filters]):
            fail(path, "6.1.7.2", "a stream is LZW-compressed")
        kind, subtype = dictionary.get("/Type"), dictionary.get("/Subtype")
        if subtype == "/Image":
            for key in ("/Alternates", "/OPI"):
                if key in dictionary:
                    fail(path, "6.2.8", f"an image has {key}")
            if dictionary.get("/Interpolate") is True:
                fail(path, "6.2.8", "an image has /Interpolate true")
        if subtype == "/PS" or dictionary.get("/Subtype2") == "/PS":
            fail(path, "6.2.9", "a PostScript XObject")
        if subtype == "/Form" and ("/Ref" in dictionary or "/OPI" in dictionary):
            fail(path, "6.2.9", "a form XObject with /Ref or /OPI")
        blend = dictionary.get("/BM")
        for mode in (blend if isinstance(blend, list) else [blend] if blend else []):
            if mode not in STANDARD_BLEND_MODES:
                fail(path, "6.2.10", f"the blend mode {mode}")
        if dictionary.get("/S") in FORBIDDEN_ACTIONS:
            fail(path, "6.5.1", f"the action {dictionary['/S']}")
        if dictionary.get("/S") == "/Named" and dictionary.get("/N") not in (
                "/NextPage", "/PrevPage", "/FirstPage", "/LastPage"):
            fail(path, "6.5.1", f"the named action {dictionary.get('/N')}")
        if "/AA" in dictionary and kind in (None, "/Catalog", "/Page", "/Annot"):
            fail(path, "6.5.2", "additional actions (/AA)")
        if kind == "/Annot" or (subtype in ALLOWED_ANNOTATIONS and "/Rect" in dictionary):
            check_annotation(path, dictionary)
        if kind == "/Font":
            check_font(path, objects, dictionary)
        if "/DeviceCMYK" in json.dumps(dictionary.get("/ColorSpace", "")):
            fail(path, "6.2.4.3", "DeviceCMYK named without a CMYK output intent")
        if "/EmbeddedFiles" in dictionary:
            fail(path, "6.8", "embedded files")


def check_annotation(path, annotation):
    subtype = annotation.get("/Subtype")
    if subtype not in ALLOWED_ANNOTATIONS:
        fail(path, "6.3.1", f"the annotation type {subtype}")
    flags = annotation.get("/F")
    if not isinstance(flags, int) or not flags & 4 or flags & (1 | 2 | 32 | 256):
        fail(path, "6.3.2", f"a {subtype} annotation's /F is {flags}, not Print without Hidden")
    if subtype not in ("/Link", "/Popup") and "/AP" not in annotation:
        fail(path, "6.3.3", f"a {subtype} annotation without an appearance")
    if annotation.get("/CA", 1.0) != 1.0:
        fail(path, "6.3.1", "an annotation with /CA other than 1")


def check_font(path, objects, font):
    subtype = font.get("/Subtype")
    if subtype == "/Type3":
        return
    if subtype == "/Type0":
        for descendant in font.get("/DescendantFonts", []):
            descendant = resolve(objects, descendant)
            if font.get("/Encoding") == "/Identity-H" and (
                    descendant.get("/Subtype") == "/CIDFontType2"
                    and "/CIDToGIDMap" not in descendant):
                fail(path, "6.2.11.3.2", "a CIDFontType2 without /CIDToGIDMap")
        return
    descriptor = resolve(objects, font.get("/FontDescriptor"))
    if not isinstance(descriptor, dict) or not any(
            key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
        fail(path, "6.2.11.4.1", f"the font {font.get('/BaseFont')} is not embedded")


def check_contents(path, objects):
    for dictionary, data in dicts(objects):
        if data is None or "/Type" in dictionary or "/Subtype" in dictionary:
            continue
        if "/Length1" in dictionary or "/N" in dictionary:
            continue  # font programs, ICC profiles
        text = base64.b64decode(data)
        if re.search(rb"(^|[\s])[-\d.]+\s+[-\d.]+\s+[-\d.]+\s+[-\d.]+\s+[kK]\b", text):
            fail(path, "6.2.4.3", "a content stream sets a CMYK colour (k or K)")


def check_output_intent(path, objects, catalog):
    intents = resolve(objects, catalog.get("/OutputIntents")) or []
    chosen = [resolve(objects, intent) for intent in intents]
    chosen = [intent for intent in chosen if intent.get("/S") == "/GTS_PDFA1"]
    if len(chosen) != 1:
        fail(path, "6.2.3", f"{len(chosen)} output intents /GTS_PDFA1, not one")
        return
    profile = resolve(objects, chosen[0].get("/DestOutputProfile"))
    if not isinstance(profile, dict) or "dict" not in profile:
        fail(path, "6.2.3", "the output intent has no ICC profile stream")
        return
    icc = data_of(profile)
    components = {b"RGB ": 3, b"GRAY": 1, b"CMYK": 4}.get(icc[16:20])
    if len(icc) < 128 or icc[36:40] != b"acsp":
        fail(path, "6.2.3", "the output profile is not an ICC profile")
    elif icc[8] not in (2, 4) or icc[12:16] not in (b"mntr", b"prtr", b"scnr", b"spac"):
        fail(path, "6.2.3", "the output profile's version or device class is not allowed")
    elif components != profile["dict"].get("/N"):
        fail(path, "6.2.3", "the output profile's /N does not match its colour space")
    elif icc[16:20] != b"RGB ":
        fail(path, "6.2.4.3", "DeviceRGB is used but the output intent is not RGB")


XMP = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
       "dc": "http://purl.org/dc/elements/1.1/", "xmp": "http://ns.adobe.com/xap/1.0/",
       "pdf": "http://ns.adobe.com/pdf/1.3/", "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
       "xml": "http://www.w3.org/XML/1998/namespace"}


def xmp_value(root, name):
    """The text of property name (prefix:local), first list item for
    arrays; None when absent."""
    prefix, local = name.split(":")
    for description in root.iter(f"{{{XMP['rdf']}}}Description"):
        attribute = description.get(f"{{{XMP[prefix]}}}{local}")
        if attribute is not None:
            return attribute
        element = description.find(f"{{{XMP[prefix]}}}{local}")
        if element is not None:
            item = element.find(f".//{{{XMP['rdf']}}}li")
            return (item.text if item is not None else element.text) or ""
    return None


def pdf_date(text):
    match = re.fullmatch(r"D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?"
                         r"(Z|[+-]\d\d'?\d\d'?)?(Z?00'?00'?)?", text or "")
    if not match:
        return None
    parts = [int(part) if part else default for part, default in
             zip(match.groups()[:6], (0, 1, 1, 0, 0, 0))]
    offset = match.group(7) or "Z"
    moment = datetime(*parts, tzinfo=timezone.utc)
    if offset != "Z":
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace("'", "")
        moment -= sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4]))
    return moment


def xmp_date(text):
    try:
        return datetime.fromisoformat((text or "").replace("Z", "+00:00"))
    except ValueError:
        return None


def check_metadata(path, objects, catalog, trailer):
    metadata = resolve(objects, catalog.get("/Metadata"))
    if not isinstance(metadata, dict) or "dict" not in metadata:
        fail(path, "6.6.2.1", "the catalogue has no /Metadata stream")
        return None
    dictionary = metadata["dict"]
    if dictionary.get("/Type") != "/Metadata" or dictionary.get("/Subtype") != "/XML":
        fail(path, "6.6.2.1", "the metadata stream is not /Type /Metadata /Subtype /XML")
    if "/Filter" in dictionary:
        fail(path, "6.6.2.1", "the metadata stream is filtered")
    packet = data_of(metadata)
    header = re.match(rb"<\?xpacket ([^?]*)\?>", packet)
    if not header or b"bytes=" in header.group(1) or b"encoding=" in header.group(1):
        fail(path, "6.6.2.1", "the xpacket header is missing or has bytes= or encoding=")
    try:
        root = ElementTree.fromstring(packet.decode("utf-8"))
    except (ElementTree.ParseError, UnicodeDecodeError) as error:
        fail(path, "6.6.2.1", f"the XMP is not well-formed UTF-8 XML: {error}")
        return None
    if xmp_value(root, "pdfaid:part") != "2" or xmp_value(root, "pdfaid:conformance") != "B":
        fail(path, "6.6.4", "the XMP does not identify PDF/A-2 level B")
    info = resolve(objects, trailer.get("/Info")) or {}
    pairs = [("/Title", "dc:title"), ("/Author", "dc:creator"), ("/Subject", "dc:description"),
             ("/Creator", "xmp:CreatorTool"), ("/Producer", "pdf:Producer"),
             ("/Keywords", "pdf:Keywords")]
    for key, name in pairs:
        value = info.get(key)
        value = value[2:] if isinstance(value, str) else None
        if value is not None and xmp_value(root, name) != value:
            fail(path, "6.6.2.3.1", f"{key} '{value}' differs from {name} "
                 f"'{xmp_value(root, name)}'")
    for key, name in [("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")]:
        if key in info and pdf_date(info[key][2:]) != xmp_date(xmp_value(root, name)):
            fail(path, "6.6.2.3.1", f"{key} {info[key][2:]} is not {name} "
                 f"{xmp_value(root, name)}")
    return root


def check_catalog(path, objects):
    trailer = objects["trailer"]["value"]
    catalog = resolve(objects, trailer.get("/Root"))
    check_output_intent(path, objects, catalog)
    root = check_metadata(path, objects, catalog, trailer)
    if "/OCProperties" in catalog:
        fail(path, "6.1.13", "optional content")
    form = resolve(objects, catalog.get("/AcroForm"))
    if isinstance(form, dict) and ("/XFA" in form or form.get("/NeedAppearances") is True):
        fail(path, "6.9", "an XFA form or NeedAppearances true")
    language = catalog.get("/Lang", "")
    if not re.fullmatch(r"u:[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", language):
        fail(path, "golive", f"no /Lang with a language tag in the catalogue ({language})")
    elif root is not None and xmp_value(root, "dc:language") != language[2:]:
        fail(path, "golive", "/Lang differs from the XMP's dc:language")
    if "/Outlines" in catalog and catalog.get("/PageMode") != "/UseOutlines":
        fail(path, "golive", "there are bookmarks but the panel does not open (/PageMode)")


def main():
    for path in sys.argv[1:]:
        with open(path, "rb") as handle:
            raw = handle.read()
        check_bytes(path, raw)
        objects = load(path)
        check_trailer(path, objects)
        check_values(path, objects)
        check_dictionaries(path, objects)
        check_contents(path, objects)
        check_catalog(path, objects)
    for line in FAILURES:
        print(line)
    if not FAILURES:
        print(f"PASS: {len(sys.argv) - 1} PDFs meet the PDF/A-2b clauses checked")
    return min(len(FAILURES), 100)


if __name__ == "__main__":
    sys.exit(main())
