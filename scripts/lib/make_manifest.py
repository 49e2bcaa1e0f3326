#!/usr/bin/env python3
"""Writes the web app manifest for one interface language from web/manifest.webmanifest and <code>.po.

Usage: make_manifest.py <manifest template> <code>.po <output>

The installed app's name and description come from the manifest, which the browser reads without
running Debrief: each language gets its own (cmake/Catalogues.cmake), and web/shell.js points
<link rel="manifest"> at the one for the language shown. Keys a catalogue lacks keep their English.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from po_to_catalogue import PoError, catalogue_entries, parse_po  # noqa: E402

RIGHT_TO_LEFT = {'ar'}


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    template, po, target = argv[1:]
    code = os.path.splitext(os.path.basename(po))[0]
    try:
        with open(po, encoding='utf-8') as f:
            texts = dict(catalogue_entries(parse_po(f.read(), po), po))
    except (PoError, UnicodeDecodeError) as e:
        print(f"make_manifest: {e}", file=sys.stderr)
        return 1
    with open(template, encoding='utf-8') as f:
        manifest = json.load(f)
    manifest.pop('//', None)
    manifest['lang'] = code
    manifest['dir'] = 'rtl' if code in RIGHT_TO_LEFT else 'ltr'
    if 'page.description' in texts:
        manifest['description'] = texts['page.description']
    with open(target + '.tmp', 'w', encoding='utf-8') as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)
        f.write('\n')
    os.replace(target + '.tmp', target)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
