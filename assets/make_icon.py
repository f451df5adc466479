#!/usr/bin/env python3
"""Draws the application icon — a blue rounded tile, a white envelope, a green tick — at every
size a desktop asks for, and packs the multi-size files the installers need.

Writes (run from anywhere; paths are relative to the repository root):

- assets/icon.png: 256x256, the window icon (src/gui includes it);
- assets/icons/<N>x<N>.png for N in 16 24 32 48 64 128 256 512 1024 (hicolor icons in the
  .deb, the .app bundle);
- assets/icons/mailsetup.ico: 16..256, PNG-compressed entries (Windows Vista and later), for
  the .exe resources and the MSI's shortcut and Add/Remove Programs entry;
- assets/icons/mailsetup.icns: 16..1024 incl. the @2x variants, PNG entries (macOS 10.7+).

Plain Python (zlib + struct), no Pillow: every size is drawn from the vector shapes below
with supersampling (about 1000x1000 samples per size), not scaled down from another PNG.
One command regenerates all of them: python3 assets/make_icon.py
"""
import math
import os
import struct
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
# (ICNS type, pixel size): the PNG-bearing types; ic11..ic14 are the @2x variants.
ICNS_TYPES = [
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
]


def inside_rounded(x, y, x0, y0, x1, y1, r):
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def near_segment(px, py, ax, ay, bx, by, width):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    qx, qy = ax + t * dx, ay + t * dy
    return (px - qx) ** 2 + (py - qy) ** 2 <= (width / 2) ** 2


def colour(x, y):
    """Colour (r, g, b, a) at a point in 0..256 design coordinates."""
    if not inside_rounded(x, y, 8, 8, 248, 248, 48):
        return (0, 0, 0, 0)
    # Background: vertical blue gradient.
    t = (y - 8) / 240
    bg = (int(40 + 20 * t), int(110 - 30 * t), int(205 - 35 * t), 255)
    px = bg
    # Envelope body.
    ex0, ey0, ex1, ey1 = 44, 70, 212, 182
    if inside_rounded(x, y, ex0, ey0, ex1, ey1, 10):
        px = (250, 250, 252, 255)
        # Flap lines.
        if near_segment(x, y, ex0 + 6, ey0 + 6, 128, 134, 9) or near_segment(
            x, y, ex1 - 6, ey0 + 6, 128, 134, 9
        ):
            px = (bg[0], bg[1], bg[2], 255)
    # Tick badge.
    cx, cy, r = 190, 186, 44
    d = math.hypot(x - cx, y - cy)
    if d <= r + 6:
        px = (255, 255, 255, 255)
    if d <= r:
        px = (30, 150, 70, 255)
        if near_segment(x, y, 168, 188, 184, 204, 13) or near_segment(x, y, 184, 204, 213, 169, 13):
            px = (255, 255, 255, 255)
    return px


def supersampling(n):
    """Samples per pixel edge: 4 at 256 (as the window icon always was), about 1000 samples
    across for the small sizes, at least 2."""
    if n == 256:
        return 4
    return max(2, 1024 // n)


def render(n):
    """RGBA rows (each with PNG's filter byte 0) of the icon at n x n pixels."""
    s = supersampling(n)
    scale = 256 / n
    rows = []
    for j in range(n):
        row = bytearray([0])
        for i in range(n):
            acc = [0, 0, 0, 0]
            for sj in range(s):
                for si in range(s):
                    c = colour((i + (si + 0.5) / s) * scale, (j + (sj + 0.5) / s) * scale)
                    a = c[3]
                    if a:
                        acc[0] += c[0] * a
                        acc[1] += c[1] * a
                        acc[2] += c[2] * a
                        acc[3] += a
            a = acc[3]
            if a == 0:
                row += bytes(4)
            else:
                row += bytes([acc[0] // a, acc[1] // a, acc[2] // a, a // (s * s)])
        rows.append(bytes(row))
    return b"".join(rows)


def png(n, raw):
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    out = b"\x89PNG\r\n\x1a\n"
    out += chunk(b"IHDR", struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0))
    out += chunk(b"IDAT", zlib.compress(raw, 9))
    out += chunk(b"IEND", b"")
    return out


def ico(pngs):
    """ICONDIR + one ICONDIRENTRY per size, each image stored as PNG."""
    header = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    offset = len(header) + 16 * len(ICO_SIZES)
    entries, images = b"", b""
    for n in ICO_SIZES:
        data = pngs[n]
        side = 0 if n >= 256 else n  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns(pngs):
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[n])) + pngs[n] for kind, n in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write(path, data):
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data)
    print(f"{path} ({len(data)} bytes)")


def main():
    pngs = {}
    for n in SIZES:
        pngs[n] = png(n, render(n))
        write(f"assets/icons/{n}x{n}.png", pngs[n])
    write("assets/icon.png", pngs[256])
    write("assets/icons/mailsetup.ico", ico(pngs))
    write("assets/icons/mailsetup.icns", icns(pngs))


if __name__ == "__main__":
    main()
