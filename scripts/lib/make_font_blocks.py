#!/usr/bin/env python3
"""Writes the fonts Debrief fetches only when one of their characters is drawn: one file per block
of 256 code points, named after the block (u1f400.ttc holds U+1F400-1F4FF), each a collection of a
regular and a bold face subset like the Latin one (make_font_collection.py).

Usage: make_font_blocks.py [--blank <unicodes>] <out dir> <unicodes> <regular.ttf> [<bold.ttf>]
  <unicodes>: the characters to keep, in pyftsubset's syntax; a block is written for each one they
  touch, even when the font has none of that block's characters, so that every file the app may
  ask for exists. Without a bold face the regular one is used twice (its tables are shared).
  --blank: characters kept with no outline and no width. Symbola draws the skin tone modifiers
  (U+1F3FB-1F3FF) as stippled squares, which in black and white read as a broken glyph after the
  hand they colour: blank, a "👍🏽" is drawn as the 👍 it is.

Why blocks (cmake/Fonts.cmake calls this at build time): a name in Polish or Turkish needs two or
three letters of Latin Extended-A, a journal entry one emoji, and Symbola's emoji alone are 290 KB
(brotli). A block is what one script or one kind of emoji takes (7-19 KB of letters, 31-87 KB of
emoji, brotli), and src/ui/fonts.cpp finds a character's file from its code point alone.
"""
import os
import sys

from fontTools.ttLib.tables._g_l_y_f import Glyph
from fontTools.ttLib.ttCollection import TTCollection

from make_font_collection import face, parse_unicodes

BLOCK = 256


def blanked(font, unicodes):
    """The font with the glyphs of these characters emptied: no outline, no advance."""
    cmap = font.getBestCmap()
    for name in {cmap[c] for c in unicodes if c in cmap}:
        font['glyf'][name] = Glyph()
        font['hmtx'][name] = (0, 0)
    return font


def main(argv):
    blank = []
    if len(argv) > 2 and argv[1] == '--blank':
        blank = parse_unicodes(argv[2])
        argv = argv[:1] + argv[3:]
    if len(argv) not in (4, 5):
        sys.exit(__doc__)
    out_dir, spec, regular = argv[1:4]
    bold = argv[4] if len(argv) == 5 else regular
    blocks = {}
    for code_point in parse_unicodes(spec):
        blocks.setdefault(code_point // BLOCK * BLOCK, []).append(code_point)
    os.makedirs(out_dir, exist_ok=True)
    for start, unicodes in sorted(blocks.items()):
        collection = TTCollection()
        collection.fonts = [blanked(face(path, unicodes), blank) for path in (regular, bold)]  # 0 regular, 1 bold
        collection.save(os.path.join(out_dir, f'u{start:04x}.ttc'), shareTables=True)


if __name__ == '__main__':
    main(sys.argv)
