#!/usr/bin/env python3
"""Checks that a PNG screenshot shows a rendered page: a valid PNG of a sensible size whose
pixels are not all one colour and whose non-background share is not trivial.

Usage: check-png.py FILE.png [--min-bytes N]
Prints what it found; exits 1 when the screenshot looks blank or broken. Standard library only
(zlib): it decodes 8-bit RGB/RGBA PNGs as headless Chromium writes them.
"""
import struct
import sys
import zlib


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    position, chunks, header = 8, [], None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, color, _, _, interlace = header
    if depth != 8 or color not in (2, 6) or interlace != 0:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {color}, interlace {interlace})")
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, previous, offset = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[offset], bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 255
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + predictor) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def main():
    path = sys.argv[1]
    minimum_bytes = int(sys.argv[sys.argv.index("--min-bytes") + 1]) if "--min-bytes" in sys.argv else 20000
    size = len(open(path, "rb").read())
    try:
        width, height, channels, rows = decode(path)
    except (ValueError, TypeError, struct.error, zlib.error) as error:
        print(f"check-png: {path} is not a readable PNG: {error}", file=sys.stderr)
        sys.exit(1)
    # Sample every 4th pixel of every 4th row: enough to tell a page from a blank.
    counts = {}
    for row in rows[::4]:
        for x in range(0, width * channels, 4 * channels):
            pixel = row[x:x + 3]
            counts[pixel] = counts.get(pixel, 0) + 1
    sampled = sum(counts.values())
    background, most = max(counts.items(), key=lambda item: item[1])
    inked = 1 - most / sampled
    print(f"{path}: {size} bytes, {width}x{height}, {len(counts)} colours sampled, "
          f"background #{background.hex()}, {inked:.1%} of pixels not background")
    problems = []
    if size < minimum_bytes:
        problems.append(f"file smaller than {minimum_bytes} bytes")
    if len(counts) < 8:
        problems.append("fewer than 8 colours: blank or nearly")
    if inked < 0.01:
        problems.append("less than 1% of pixels differ from the background")
    for problem in problems:
        print(f"check-png: {problem}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
