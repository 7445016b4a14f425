#!/usr/bin/python3
"""Writes accented.md: every accented letter of Latin Extended-A and -B,
Latin Extended Additional (Vietnamese), Greek and Cyrillic -- each letter
whose canonical decomposition holds a combining mark and that is its own
NFC form -- in body text, bold,
italic and a code block, 24 to a line. Run it again only when the choice of
letters changes; the file is committed."""
import unicodedata

BLOCKS = [
    ("Latin Extended-A", 0x0100, 0x017F),
    ("Latin Extended-B", 0x0180, 0x024F),
    ("Latin Extended Additional", 0x1E00, 0x1EFF),
    ("Greek", 0x0370, 0x03FF),
    ("Greek Extended", 0x1F00, 0x1FFF),
    ("Cyrillic", 0x0400, 0x04FF),
]
PER_LINE = 24


def accented(first, last):
    for code in range(first, last + 1):
        char = chr(code)
        if not unicodedata.category(char).startswith("L"):
            continue
        if unicodedata.normalize("NFC", char) != char:
            continue  # set as its NFC form, which is listed already
        parts = unicodedata.normalize("NFD", char)
        if any(unicodedata.combining(part) for part in parts[1:]):
            yield char


def lines(chars):
    for start in range(0, len(chars), PER_LINE):
        yield " ".join(chars[start:start + PER_LINE])


def main():
    out = ["# Every accented letter", ""]
    for name, first, last in BLOCKS:
        chars = list(accented(first, last))
        out += ["## " + name, ""]
        for label, wrap in (("body", "{}"), ("bold", "**{}**"), ("italic", "*{}*")):
            out += [label + ":", ""]
            out += [wrap.format(line) + "\\" for line in lines(chars)]
            out[-1] = out[-1][:-1]
            out += [""]
        out += ["```"] + list(lines(chars)) + ["```", ""]
    with open("accented.md", "w", encoding="utf-8") as file:
        file.write("\n".join(out))


main()
