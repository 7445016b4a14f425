#!/usr/bin/env python3
"""Prints a PDF written by `qpdf --qdf --object-streams=disable --static-id`
with what a change of font subsetter changes masked: the data of each
embedded TrueType program (the streams with /Length1), its /Length1 and
the object holding its length, qpdf's notes of the original object numbers,
and the cross-reference table (offsets). What is left is every other object
as it is: pages, text, fonts' widths, glyph maps and ToUnicode CMaps.
Usage: mask_font_programs.py FILE.qdf"""
import re
import sys


def masked(data):
    data = re.sub(rb"%% Original object ID: \d+ \d+\n", b"", data)
    data = data[: data.rfind(b"\nxref\n")] if b"\nxref\n" in data else data
    objects = re.split(rb"(?<=\nendobj\n)", data)
    lengths = set()
    for index, text in enumerate(objects):
        if b"/Length1 " not in text or b"\nstream\n" not in text:
            continue
        found = re.search(rb"/Length (\d+) 0 R", text)
        if found:
            lengths.add(found.group(1))
        head = text[: text.index(b"\nstream\n")]
        head = re.sub(rb"/Length1 \d+", b"/Length1 <masked>", head)
        objects[index] = head + b"\nstream\n<font program>\nendstream\nendobj\n"
    for index, text in enumerate(objects):
        found = re.search(rb"(?:^|\n)(\d+) 0 obj\n(\d+)\nendobj\n$", text)
        if found and found.group(1) in lengths:
            objects[index] = text[: found.start(2)] + b"<length>\nendobj\n"
    return b"".join(objects)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], "rb") as source:
        sys.stdout.buffer.write(masked(source.read()))
