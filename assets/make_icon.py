#!/usr/bin/env python3
"""Draws assets/icon.png (256x256): a blue rounded tile, a white envelope, a green tick.

Plain Python (zlib + struct), 4x supersampling for smooth edges. Run from the repository
root: python3 assets/make_icon.py
"""
import math
import struct
import zlib

N = 256
S = 4  # supersampling
W = N * S


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
    """Colour (r, g, b, a) at a point in 0..256 coordinates."""
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


def main():
    rows = []
    for j in range(N):
        row = bytearray([0])
        for i in range(N):
            acc = [0, 0, 0, 0]
            for sj in range(S):
                for si in range(S):
                    c = colour(i + (si + 0.5) / S, j + (sj + 0.5) / S)
                    a = c[3]
                    acc[0] += c[0] * a
                    acc[1] += c[1] * a
                    acc[2] += c[2] * a
                    acc[3] += a
            a = acc[3]
            if a == 0:
                row += bytes(4)
            else:
                row += bytes([acc[0] // a, acc[1] // a, acc[2] // a, a // (S * S)])
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9))
    png += chunk(b"IEND", b"")
    with open("assets/icon.png", "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main()
