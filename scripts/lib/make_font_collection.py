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
- Debrief draws Arabic from its presentation forms, which browsers and HarfBuzz never use, and some of
  Noto Sans Arabic's are wider than they look: a lam-alef ligature with a madda or hamza (U+FEF5-FEFA)
  is the bare ligature plus the mark, but U+FEF5 advances 96 units (regular; 100 bold) further than the
  bare U+FEFB, so "الآن" read "ا لآن". Each takes its bare ligature's place and width here.
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


# The lam-alef ligatures with a mark, each with the bare ligature it is built on.
LAM_ALEF_WITH_MARK = {0xFEF5: 0xFEFB, 0xFEF6: 0xFEFC, 0xFEF7: 0xFEFB, 0xFEF8: 0xFEFC, 0xFEF9: 0xFEFB,
                      0xFEFA: 0xFEFC}


def fit_lam_alef_marks(font):
    """Places each lam-alef-with-mark glyph like its bare ligature: the ligature component at 0 (the
    marks moved with it) and the bare ligature's advance."""
    cmap = font.getBestCmap() or {}
    glyf = font['glyf']
    hmtx = font['hmtx']
    for ligature, bare in LAM_ALEF_WITH_MARK.items():
        name, bare_name = cmap.get(ligature), cmap.get(bare)
        if name is None or bare_name is None or not glyf[name].isComposite():
            continue
        glyph = glyf[name]
        shift = next((c.x for c in glyph.components if c.glyphName == bare_name), None)
        if shift is None:
            continue
        for component in glyph.components:
            component.x -= shift
        glyph.recalcBounds(glyf)
        hmtx[name] = (hmtx[bare_name][0], glyph.xMin)


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
    fit_lam_alef_marks(font)
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
