# Draws Debrief's app icons (an open book on a rounded accent square) in code and writes the PNGs at build time.
# Usage: /usr/bin/python3 scripts/lib/make_icons.py <output dir>
# Standard library only (zlib + struct): no binary icons in git, and no PIL to install.
import math
import os
import struct
import sys
import zlib

ACCENT = (0x2E, 0x6F, 0x68)  # --accent of the light theme (web/shell.css)
PAPER = (0xF8, 0xF6, 0xF2)   # --bg of the light theme
SAMPLES = 4                  # 4x4 supersampling, only on pixels an edge passes through
BLOCK = 8                    # pixels per side of the blocks that are classified whole when far from any edge


# ---- shapes as signed distance functions (negative inside), in icon units where the icon is 1x1 ----
# Every function returns a true (or under-estimated) distance, which is what lets the rasteriser
# skip whole blocks: a block whose centre is farther from the edge than its half-diagonal is uniform.

def rounded_square(half, radius, cx=0.5, cy=0.5):
    def sdf(x, y):
        qx = abs(x - cx) - half + radius
        qy = abs(y - cy) - half + radius
        return math.hypot(max(qx, 0.0), max(qy, 0.0)) + min(max(qx, qy), 0.0) - radius
    return sdf


def polygon(points, rounding):
    """A simple polygon grown by `rounding` (which rounds its corners): even-odd inside test plus the
    distance to the nearest edge."""
    edges = [(ax, ay, bx - ax, by - ay) for (ax, ay), (bx, by) in zip(points, points[1:] + points[:1])]

    def sdf(x, y):
        best = float('inf')
        inside = False
        for ax, ay, ex, ey in edges:
            t = max(0.0, min(1.0, ((x - ax) * ex + (y - ay) * ey) / (ex * ex + ey * ey)))
            best = min(best, math.hypot(x - ax - ex * t, y - ay - ey * t))
            if (ay > y) != (ay + ey > y) and x < ax + (y - ay) * ex / ey:
                inside = not inside
        return (-best if inside else best) - rounding
    return sdf


def capsule(ax, ay, bx, by, radius):
    ex, ey = bx - ax, by - ay

    def sdf(x, y):
        t = max(0.0, min(1.0, ((x - ax) * ex + (y - ay) * ey) / (ex * ex + ey * ey)))
        return math.hypot(x - ax - ex * t, y - ay - ey * t) - radius
    return sdf


def union(*shapes):
    return lambda x, y: min(shape(x, y) for shape in shapes)


def arc(u0, v0, u1, v1, lift, steps=12):
    """Points along a gentle arc from (u0, v0) to (u1, v1), bowed upwards by `lift` in the middle."""
    return [(u0 + (u1 - u0) * i / steps, v0 + (v1 - v0) * i / steps - lift * math.sin(math.pi * i / steps))
            for i in range(steps + 1)]


def book(box_x, box_y, box_size):
    """The motif: an open book, two curved pages with a gap at the spine and three lines of writing on
    each. Returns (pages, writing) as distance functions; the motif fits the given square box."""
    def at(u, v):
        return (box_x + u * box_size, box_y + v * box_size)

    pages = []
    for side in (-1, 1):
        spine, outer = 0.5 + side * 0.035, 0.5 + side * 0.47
        outline = arc(spine, 0.25, outer, 0.17, 0.05) + arc(outer, 0.78, spine, 0.86, -0.05)
        pages.append(polygon([at(u, v) for u, v in outline], 0.012 * box_size))
    # The pages rise towards their outer edges; the writing follows that slope.
    rise = 0.08 / 0.435
    writing = []
    for start in (0.10, 0.60):  # left-aligned on both pages
        for row, length in enumerate((0.30, 0.30, 0.19)):
            ends = [(u, 0.40 + row * 0.13 - rise * abs(u - 0.5)) for u in (start, start + length)]
            (ax, ay), (bx, by) = (at(u, v) for u, v in ends)
            writing.append(capsule(ax, ay, bx, by, 0.018 * box_size))
    return union(*pages), union(*writing)


# ---- rasterising ----

def raster(sdf, size):
    """Coverage (0..1) of every pixel of a size x size image by the shape, row by row."""
    pixel = 1.0 / size
    step = pixel / SAMPLES
    out = [0.0] * (size * size)
    half_diagonal = BLOCK * pixel * math.sqrt(0.5)
    for by in range(0, size, BLOCK):
        for bx in range(0, size, BLOCK):
            d = sdf((bx + BLOCK / 2) * pixel, (by + BLOCK / 2) * pixel)
            if d > half_diagonal:
                continue
            full = d < -half_diagonal
            for py in range(by, min(by + BLOCK, size)):
                for px in range(bx, min(bx + BLOCK, size)):
                    if full:
                        out[py * size + px] = 1.0
                        continue
                    x, y = px * pixel, py * pixel
                    d = sdf(x + pixel / 2, y + pixel / 2)
                    if d > pixel:
                        continue
                    if d < -pixel:
                        out[py * size + px] = 1.0
                        continue
                    hits = sum(1 for j in range(SAMPLES) for i in range(SAMPLES)
                               if sdf(x + (i + 0.5) * step, y + (j + 0.5) * step) <= 0)
                    out[py * size + px] = hits / (SAMPLES * SAMPLES)
    return out


def render(size, maskable):
    if maskable:
        # Full-bleed background; the motif stays inside the central 80% "safe zone" circle
        # (radius 0.4): a 0.5 box centred has its corners 0.354 from the centre.
        alpha = [1.0] * (size * size)
        pages, writing = book(0.25, 0.25, 0.5)
    else:
        alpha = raster(rounded_square(0.5, 0.22), size)
        pages, writing = book(0.19, 0.19, 0.62)
    paper = raster(pages, size)
    ink = raster(writing, size)
    # 4x4 supersampling gives coverages in steps of 1/16, so the icon has a few dozen distinct
    # colours: an indexed PNG (1 byte per pixel, palette + tRNS) holds it exactly, at a fraction of
    # the size of RGBA.
    palette = {}
    raw = bytearray()
    for py in range(size):
        raw.append(0)  # PNG filter type 0 (none): compresses indexed rows best here
        for i in range(py * size, (py + 1) * size):
            mix = max(0.0, paper[i] - ink[i])  # the writing lies inside the pages
            colour = tuple(round(a + (b - a) * mix) for a, b in zip(ACCENT, PAPER)) + (round(alpha[i] * 255),)
            raw.append(palette.setdefault(colour, len(palette)))
    if len(palette) > 256:
        raise SystemExit(f'{len(palette)} colours do not fit a PNG palette')
    return png(size, size, bytes(raw), list(palette))


def png(width, height, raw, palette):
    def chunk(kind, data):
        body = kind + data
        return struct.pack('>I', len(data)) + body + struct.pack('>I', zlib.crc32(body) & 0xFFFFFFFF)
    header = struct.pack('>IIBBBBB', width, height, 8, 3, 0, 0, 0)  # 8-bit palette indices, no interlace
    plte = b''.join(bytes(c[:3]) for c in palette)
    alphas = bytes(c[3] for c in palette)
    trns = chunk(b'tRNS', alphas.rstrip(b'\xff')) if alphas.rstrip(b'\xff') else b''
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'PLTE', plte) + trns
            + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


ICONS = (('icon-192.png', 192, False), ('icon-512.png', 512, False), ('icon-maskable-512.png', 512, True))


def main(argv):
    if len(argv) != 2:
        sys.exit('usage: make_icons.py <output dir>')
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    for name, size, maskable in ICONS:
        data = render(size, maskable)
        # Write then rename, so an interrupted build never leaves a truncated icon behind.
        tmp = os.path.join(out, name + '.tmp')
        with open(tmp, 'wb') as f:
            f.write(data)
        os.replace(tmp, os.path.join(out, name))


if __name__ == '__main__':
    main(sys.argv)
