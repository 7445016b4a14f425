#!/usr/bin/env python3
"""Compares the four quadrants of each image on md2pdf's pages with the
colours they must show. Reads the layout dump (where each image lies, in
points) and the pages rendered at 72 dpi by pdftoppm (one pixel a point).
Usage: compare.py EXPECTED.txt LAYOUT_DUMP PAGE_PREFIX; prints a line per
wrong image and exits with their count."""
import re
import sys

TOLERANCE = 24  # per channel: JPEG's loss and the renderer's smoothing


def read_ppm(path):
    with open(path, "rb") as handle:
        data = handle.read()
    fields, at = [], 0
    while len(fields) < 4:
        while data[at:at + 1].isspace():
            at += 1
        start = at
        while not data[at:at + 1].isspace():
            at += 1
        fields.append(data[start:at])
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[at + 1:]


def main():
    expected = {}
    for line in open(sys.argv[1]):
        name, *values = line.split()
        numbers = list(map(int, values))
        expected[name] = [tuple(numbers[index:index + 3]) for index in range(0, 12, 3)]
    places, page = {}, 0
    for line in open(sys.argv[2], encoding="utf-8"):
        if line.startswith("page "):
            page = int(line.split()[1])
        match = re.match(r'\s+image ([\d.]+) ([\d.]+) ([\d.]+)x([\d.]+) "(?:.*/)?([^/"]+)\.\w+"', line)
        if match:
            x, y, width, height = map(float, match.groups()[:4])
            places[match.group(5)] = (page, x, y, width, height)
    failures = 0
    pages = {}
    for name, colours in expected.items():
        if name not in places:
            print(f"FAIL: {name}: not laid out as an image")
            failures += 1
            continue
        page, x, y, width, height = places[name]
        if page not in pages:
            digits = len(str(max(place[0] for place in places.values())))
            pages[page] = read_ppm(f"{sys.argv[3]}-{page:0{digits}d}.ppm")
        page_width, _, data = pages[page]
        seen = []
        for quadrant in range(4):
            px = int(x + width * (0.25 + 0.5 * (quadrant % 2)))
            py = int(y + height * (0.25 + 0.5 * (quadrant // 2)))
            at = 3 * (py * page_width + px)
            seen.append(tuple(data[at:at + 3]))
        if any(abs(a - b) > TOLERANCE for got, want in zip(seen, colours) for a, b in zip(got, want)):
            print(f"FAIL: {name}: quadrants show {seen}, not {colours}")
            failures += 1
    if not failures:
        print(f"PASS: {len(expected)} images show their colours")
    return failures


if __name__ == "__main__":
    sys.exit(main())
