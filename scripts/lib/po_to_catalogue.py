#!/usr/bin/env python3
"""Writes the built-in English catalogue (C++) from assets/i18n/en.po, the source of English text.

Usage: po_to_catalogue.py <en.po> <output.cpp>

en.po is the file translators start from, so the English the app shows is generated from it at build
time (cmake/Catalogues.cmake) instead of being kept twice. msgid is the key; a plural entry
(msgid_plural) becomes one text with its forms separated by '\\0' (core/i18n.h). Python's standard
library only: the build must not need anything beyond Debian's python3.
"""
import os
import sys


class PoError(Exception):
    pass


def unquote(token, where):
    """The value of one C-style quoted .po string."""
    if len(token) < 2 or token[0] != '"' or token[-1] != '"':
        raise PoError(f"{where}: expected a quoted string, found {token!r}")
    out = []
    body = token[1:-1]
    i = 0
    escapes = {'n': '\n', 't': '\t', '"': '"', '\\': '\\', 'r': '\r', 'a': '\a', 'b': '\b', 'f': '\f', 'v': '\v'}
    while i < len(body):
        c = body[i]
        if c == '\\':
            if i + 1 >= len(body) or body[i + 1] not in escapes:
                raise PoError(f"{where}: unknown escape in {token!r}")
            out.append(escapes[body[i + 1]])
            i += 2
        elif c == '"':
            raise PoError(f"{where}: unescaped quote in {token!r}")
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def parse_po(text, name):
    """Entries as a list of dicts {msgid, msgid_plural?, msgstr: [forms], fuzzy} (the header included)."""
    entries = []
    current = None
    field = None  # the keyword a continuation line appends to: ('msgid',) or ('msgstr', index)
    fuzzy = False

    def finish():
        nonlocal current
        if current is not None:
            if 'msgid' not in current or not current['msgstr']:
                raise PoError(f"{name}: an entry without msgid or msgstr near {current.get('msgid')!r}")
            entries.append(current)
        current = None

    for number, raw in enumerate(text.splitlines(), start=1):
        where = f"{name}:{number}"
        line = raw.strip()
        if not line:
            finish()
            field = None
            continue
        if line.startswith('#'):
            if current is not None and field is not None and field[0] == 'msgstr':
                finish()
                field = None
            if line.startswith('#,') and 'fuzzy' in line[2:].split(','):
                fuzzy = True
            continue
        if line.startswith('"'):
            if current is None or field is None:
                raise PoError(f"{where}: a string continues nothing")
            value = unquote(line, where)
            if field[0] == 'msgstr':
                current['msgstr'][field[1]] += value
            else:
                current[field[0]] += value
            continue
        keyword, _, rest = line.partition(' ')
        rest = rest.strip()
        if keyword == 'msgid':
            finish()
            current = {'msgid': unquote(rest, where), 'msgstr': {}, 'fuzzy': fuzzy}
            fuzzy = False
            field = ('msgid',)
        elif keyword == 'msgid_plural':
            if current is None:
                raise PoError(f"{where}: msgid_plural without msgid")
            current['msgid_plural'] = unquote(rest, where)
            field = ('msgid_plural',)
        elif keyword == 'msgstr' or (keyword.startswith('msgstr[') and keyword.endswith(']')):
            if current is None:
                raise PoError(f"{where}: msgstr without msgid")
            index = 0 if keyword == 'msgstr' else int(keyword[7:-1])
            if index in current['msgstr']:
                raise PoError(f"{where}: {keyword} given twice")
            current['msgstr'][index] = unquote(rest, where)
            field = ('msgstr', index)
        elif keyword == 'msgctxt':
            raise PoError(f"{where}: msgctxt is not used by Debrief's catalogues")
        else:
            raise PoError(f"{where}: unknown keyword {keyword!r}")
    finish()
    for e in entries:
        forms = e['msgstr']
        if sorted(forms) != list(range(len(forms))):
            raise PoError(f"{name}: {e['msgid']!r} has msgstr forms {sorted(forms)}")
        e['msgstr'] = [forms[i] for i in range(len(forms))]
    return entries


def cpp_literal(text):
    """A C++ string literal for UTF-8 text: control characters (the '\\0' separators too) as 3-digit
    octal escapes, which cannot swallow a following digit; everything else as written."""
    out = ['"']
    for c in text:
        if c == '"':
            out.append('\\"')
        elif c == '\\':
            out.append('\\\\')
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append(f'\\{ord(c):03o}')
        else:
            out.append(c)
    out.append('"')
    return ''.join(out)


def catalogue_entries(entries, name):
    """(key, text) pairs sorted by key bytes, the header and fuzzy entries left out."""
    table = {}
    for e in entries:
        key = e['msgid']
        if key == '' or e['fuzzy']:
            continue
        if key in table:
            raise PoError(f"{name}: {key!r} appears twice")
        forms = e['msgstr']
        if 'msgid_plural' not in e and len(forms) != 1:
            raise PoError(f"{name}: {key!r} has plural forms but no msgid_plural")
        if any(form == '' for form in forms):
            raise PoError(f"{name}: {key!r} has an empty text")
        table[key] = '\0'.join(forms)
    return sorted(table.items(), key=lambda kv: kv[0].encode('utf-8'))


HEADER = """\
// Generated by scripts/lib/po_to_catalogue.py from assets/i18n/en.po: do not edit; change en.po.
// The built-in English catalogue, sorted by key (byte order) so tr() can binary-search it.
#include "core/i18n.h"

#include <iterator>
#include <string_view>

namespace debrief {
namespace {
using namespace std::string_view_literals;  // plural entries hold their forms separated by '\\0'

constexpr CatalogueEntry english_entries[] = {
"""

FOOTER = """\
};

constexpr bool strictly_sorted(const CatalogueEntry* entries, std::size_t size) {
    for (std::size_t i = 1; i < size; ++i) {
        if (!(entries[i - 1].key < entries[i].key)) return false;
    }
    return true;
}
static_assert(strictly_sorted(english_entries, std::size(english_entries)),
              "english_entries must be sorted by key with no duplicates");

}  // namespace

Catalogue english_catalogue() { return {english_entries, std::size(english_entries)}; }

}  // namespace debrief
"""


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    source, target = argv[1], argv[2]
    try:
        with open(source, encoding='utf-8') as f:
            entries = catalogue_entries(parse_po(f.read(), source), source)
    except (PoError, UnicodeDecodeError) as e:
        print(f"po_to_catalogue: {e}", file=sys.stderr)
        return 1
    lines = [HEADER]
    for key, text in entries:
        # The "sv" suffix keeps the whole text, '\0' separators included (a plain literal would stop
        # at the first one).
        lines.append(f"    {{{cpp_literal(key)}, {cpp_literal(text)}sv}},\n")
    lines.append(FOOTER)
    # Write then rename: an interrupted build never leaves half a table behind.
    with open(target + '.tmp', 'w', encoding='utf-8') as f:
        f.write(''.join(lines))
    os.replace(target + '.tmp', target)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
