#!/usr/bin/env python3
"""Writes one TrueType collection (.ttc) holding the regular and the bold face of a Noto family,
subset to the characters Debrief draws and stripped to what stb_truetype reads.

Usage: make_font_collection.py <out.ttc> <unicodes> <regular.ttf> <bold.ttf>
  <unicodes>: pyftsubset's syntax, e.g. "U+0020-007E,U+00A0-00FF".

Why a collection at 128 units per em (cmake/Fonts.cmake calls this at build time):
- One file per script instead of two: one request, and brotli compresses both faces in one window
  (the faces share their structure; -1.9 KB for the Arabic pair, -2.5 KB for the Latin pair).
- Noto's 1000-unit em rescaled to 128: glyph coordinates then fit in one byte each (-1.8 KB brotli
  per face against 1000 units, -0.7 KB against 256). The largest em Debrief draws is the Arabic
  heading's, 18 px: one unit is 0.14 px there, and a point moves by half of that at most, which
  anti-aliasing does not show (compared side by side at 2x device pixels). ImGui places glyphs by
  whole pixels anyway (PixelSnapH).
- stb_truetype reads only cmap, glyf/loca, hmtx/hhea, head and maxp: the layout tables (it ignores
  GSUB/GPOS; FriBidi shapes Arabic before drawing), the hinting and the names are dropped.
Debian's fontTools (python3-fonttools), as a module: it ships no pyftsubset command.
"""
import sys

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem
from fontTools.ttLib.ttCollection import TTCollection

UNITS_PER_EM = 128
DROPPED_TABLES = ['GSUB', 'GPOS', 'GDEF', 'DSIG', 'MATH', 'OS/2', 'post', 'name', 'gasp']


def parse_unicodes(spec):
    """Code points from "U+0020-007E,U+00A0" style ranges."""
    points = []
    for part in spec.split(','):
        first, _, last = part.strip().removeprefix('U+').partition('-')
        points.extend(range(int(first, 16), int(last or first, 16) + 1))
    return points


def face(path, unicodes):
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.desubroutinize = True
    options.notdef_outline = True
    options.drop_tables += DROPPED_TABLES
    font = TTFont(path)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    scale_upem(font, UNITS_PER_EM)
    return font


def main(argv):
    if len(argv) != 5:
        sys.exit(__doc__)
    out, spec, regular, bold = argv[1:]
    unicodes = parse_unicodes(spec)
    collection = TTCollection()
    collection.fonts = [face(regular, unicodes), face(bold, unicodes)]  # font 0 regular, 1 bold
    collection.save(out, shareTables=True)


if __name__ == '__main__':
    main(sys.argv)
