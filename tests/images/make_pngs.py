#!/usr/bin/env python3
"""Writes one PNG file of each kind the PNG standard allows into FOLDER,
with Python's zlib alone, and prints for each "NAME R G B R G B R G B R G
B": the colours its four quadrants (top left, top right, bottom left,
bottom right) must show on a white page. Kinds: grey at 1, 2, 4, 8 and 16
bits, RGB at 8 and 16, palette at 1, 2, 4 and 8 bits (one with a
transparent entry), grey with alpha at 8 and 16, RGBA at 8 and 16, and
Adam7-interlaced RGB and palette. A fully transparent quadrant must show
the page's white. Usage: make_pngs.py FOLDER"""
import struct
import sys
import zlib

SIDE = 64  # pixels; each quadrant is 32 x 32


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def pack_row(samples, depth):
    """Samples (ints) packed at depth bits, big-endian, rows padded to bytes."""
    if depth == 16:
        return b"".join(struct.pack(">H", sample) for sample in samples)
    if depth == 8:
        return bytes(samples)
    out, accumulator, bits = bytearray(), 0, 0
    for sample in samples:
        accumulator = (accumulator << depth) | sample
        bits += depth
        if bits == 8:
            out.append(accumulator)
            accumulator, bits = 0, 0
    if bits:
        out.append(accumulator << (8 - bits))
    return bytes(out)


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
         (0, 1, 1, 2)]


def image_data(pixels, depth, interlaced):
    """pixels: rows of lists of samples per pixel. Filter 0 on every row."""
    raw = bytearray()
    passes = ADAM7 if interlaced else [(0, 0, 1, 1)]
    for x0, y0, dx, dy in passes:
        for y in range(y0, SIDE, dy):
            samples = [sample for x in range(x0, SIDE, dx) for sample in pixels[y][x]]
            if samples:
                raw += b"\0" + pack_row(samples, depth)
    return zlib.compress(bytes(raw), 9)


def write_png(path, colour_type, depth, pixels, palette=None, transparency=None,
              interlaced=False):
    header = struct.pack(">IIBBBBB", SIDE, SIDE, depth, colour_type, 0, 0, 1 if interlaced else 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
    if palette:
        data += chunk(b"PLTE", b"".join(bytes(entry) for entry in palette))
    if transparency:
        data += chunk(b"tRNS", transparency)
    data += chunk(b"IDAT", image_data(pixels, depth, interlaced)) + chunk(b"IEND", b"")
    with open(path, "wb") as handle:
        handle.write(data)


def quadrants(values):
    """Rows of pixels taking values[0..3] in the four quadrants."""
    half = SIDE // 2
    return [[values[(y >= half) * 2 + (x >= half)] for x in range(SIDE)] for y in range(SIDE)]


def main():
    folder = sys.argv[1]
    expected = {}
    colours = [(230, 20, 30), (20, 160, 60), (30, 60, 220), (250, 200, 40)]
    for depth in (1, 2, 4, 8, 16):
        top = (1 << depth) - 1
        levels = [0, top, top // 3 if depth > 1 else top, 2 * top // 3 if depth > 1 else 0]
        name = f"grey{depth}"
        write_png(f"{folder}/{name}.png", 0, depth, quadrants([[level] for level in levels]))
        expected[name] = [(round(255 * level / top),) * 3 for level in levels]
    for depth in (8, 16):
        scale = 257 if depth == 16 else 1
        name = f"rgb{depth}"
        write_png(f"{folder}/{name}.png", 2, depth,
                  quadrants([[channel * scale for channel in colour] for colour in colours]))
        expected[name] = colours
    for depth in (1, 2, 4, 8):
        count = min(4, 1 << depth)
        name = f"palette{depth}"
        write_png(f"{folder}/{name}.png", 3, depth,
                  quadrants([[index % count] for index in range(4)]), palette=colours[:count])
        expected[name] = [colours[index % count] for index in range(4)]
    write_png(f"{folder}/palette-trns.png", 3, 8, quadrants([[0], [1], [2], [3]]),
              palette=colours, transparency=bytes([255, 255, 255, 0]))
    expected["palette-trns"] = colours[:3] + [(255, 255, 255)]
    for depth in (8, 16):
        top = (1 << depth) - 1
        name = f"greyalpha{depth}"
        write_png(f"{folder}/{name}.png", 4, depth,
                  quadrants([[0, top], [top, top], [top // 2, top], [0, 0]]))
        expected[name] = [(0, 0, 0), (255, 255, 255), (127, 127, 127), (255, 255, 255)]
        name = f"rgba{depth}"
        scale = 257 if depth == 16 else 1
        write_png(f"{folder}/{name}.png", 6, depth,
                  quadrants([[channel * scale for channel in colour] + [top]
                             for colour in colours[:3]] + [[0, 0, 0, 0]]))
        expected[name] = colours[:3] + [(255, 255, 255)]
    write_png(f"{folder}/interlaced-rgb.png", 2, 8, quadrants([list(colour) for colour in colours]),
              interlaced=True)
    expected["interlaced-rgb"] = colours
    write_png(f"{folder}/interlaced-palette.png", 3, 2, quadrants([[0], [1], [2], [3]]),
              palette=colours, interlaced=True)
    expected["interlaced-palette"] = colours
    for name, values in expected.items():
        print(name, " ".join(str(channel) for colour in values for channel in colour))


if __name__ == "__main__":
    main()
