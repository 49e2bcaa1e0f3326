#!/usr/bin/env python3
"""Turns the gettext catalogues in assets/i18n/ into what the app reads (cmake/Catalogues.cmake).

Usage: po_to_catalogue.py english <en.po> <output.cpp>
       po_to_catalogue.py pack <en.po> <translation.po> <output.catalogue>

english: the built-in English table (C++). en.po is the file translators start from, so the English
the app shows is generated from it at build time instead of being kept twice.
pack: a translation as the app downloads it (the format is described in src/core/catalogue_file.h):
its texts in the order of the English keys, the keys replaced by a checksum of their list. The build
runs msgfmt --check on the translation first; this adds Debrief's own rules (no texts for keys
English lacks, no U+001E inside a text, the number of forms of each plural entry).

msgid is the key; a plural entry (msgid_plural) becomes one text with its forms separated by '\\0'
(core/i18n.h). Python's standard library only: the build needs nothing beyond Debian's python3.
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


def catalogue_entries(entries, name, untranslated_allowed=False):
    """(key, text) pairs sorted by key bytes, the header and fuzzy entries left out (and, in a
    translation, entries with an empty msgstr: gettext's "not translated yet")."""
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
        if all(form == '' for form in forms) and untranslated_allowed:
            continue
        if any(form == '' for form in forms):
            raise PoError(f"{name}: {key!r} has an empty text")
        table[key] = '\0'.join(forms)
    return sorted(table.items(), key=lambda kv: kv[0].encode('utf-8'))


HEADER = """\
// Generated by scripts/lib/po_to_catalogue.py from assets/i18n/en.po: do not edit; change en.po.
// The built-in English catalogue, sorted by key (byte order) so tr() can binary-search it.
//
// Kept as one run of text plus the length of each key and text, not as a table of string views: a
// table of 2 pointers and 2 sizes per entry was 16 bytes an entry of the wasm's data, which brotli
// barely shrinks. The entries are made from the lengths at the first lookup.
#include "core/i18n.h"

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <vector>

namespace debrief {
namespace {

// Each key and each text followed by '\\0' (a plural text's forms are separated by '\\0' as well).
constexpr char english_strings[] =
"""

MIDDLE = """\
    ;

// The length of each key and each text, in the same order.
constexpr std::uint16_t english_lengths[] = {
"""

FOOTER = """\
};

// Calls visit(key, text) for each entry in order; returns the bytes walked.
template <class Visit>
constexpr std::size_t for_each_entry(Visit visit) {
    std::size_t at = 0;
    for (std::size_t i = 0; i < std::size(english_lengths); i += 2) {
        const std::string_view key(english_strings + at, english_lengths[i]);
        at += key.size() + 1;
        const std::string_view text(english_strings + at, english_lengths[i + 1]);
        at += text.size() + 1;
        visit(key, text);
    }
    return at;
}

constexpr bool strictly_sorted_and_complete() {
    bool sorted = true, first = true;
    std::string_view previous;
    const std::size_t walked = for_each_entry([&](std::string_view key, std::string_view) {
        if (!first && !(previous < key)) sorted = false;
        first = false;
        previous = key;
    });
    return sorted && walked + 1 == sizeof english_strings;  // + the literal's own final '\\0'
}
static_assert(strictly_sorted_and_complete(), "the English keys must be sorted with no duplicates");

}  // namespace

Catalogue english_catalogue() {
    static const std::vector<CatalogueEntry> entries = [] {
        std::vector<CatalogueEntry> out;
        out.reserve(std::size(english_lengths) / 2);
        for_each_entry([&](std::string_view key, std::string_view text) { out.push_back({key, text}); });
        return out;
    }();
    return {entries.data(), entries.size()};
}

}  // namespace debrief
"""


def write_replacing(target, text):
    """Write then rename: an interrupted build never leaves half a file behind."""
    with open(target + '.tmp', 'w', encoding='utf-8', newline='') as f:
        f.write(text)
    os.replace(target + '.tmp', target)


def english_table(english):
    lines = [HEADER]
    for key, text in english:
        lines.append(f"    {cpp_literal(key + chr(0))} {cpp_literal(text + chr(0))}\n")
    lines.append(MIDDLE)
    for key, text in english:
        sizes = [len(key.encode('utf-8')), len(text.encode('utf-8'))]
        if max(sizes) > 0xFFFF:
            raise PoError(f"en.po: {key!r} is longer than 65,535 bytes")
        lines.append(f"    {sizes[0]}, {sizes[1]},\n")
    lines.append(FOOTER)
    return ''.join(lines)


def header_field(entries, name, field):
    """A field of the .po header (the msgstr of msgid "")."""
    for e in entries:
        if e['msgid'] == '':
            for line in e['msgstr'][0].split('\n'):
                label, _, value = line.partition(':')
                if label.strip() == field:
                    return value.strip()
    raise PoError(f"{name}: the header has no {field} field")


def key_list_checksum(keys):
    """FNV-1a, 64 bits, over every key followed by a NUL: core/catalogue_file.cpp computes the same."""
    value = 0xcbf29ce484222325
    for key in keys:
        for byte in key.encode('utf-8') + b'\0':
            value = ((value ^ byte) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return value


SEPARATOR = '\x1e'  # after each text; forms of a plural entry are separated by '\0'


def packed_translation(english, entries, name):
    code = header_field(entries, name, 'Language')
    plural_forms = header_field(entries, name, 'Plural-Forms')
    nplurals = plural_forms.partition('nplurals=')[2].partition(';')[0].strip()
    if not nplurals.isdigit():
        raise PoError(f"{name}: Plural-Forms has no nplurals")
    translated = dict(catalogue_entries(entries, name, untranslated_allowed=True))
    english_texts = dict(english)
    for key, text in translated.items():
        if key not in english_texts:
            raise PoError(f"{name}: {key!r} is not a key of en.po (remove it, or add it to en.po)")
        forms = text.count('\0') + 1
        expected = int(nplurals) if '\0' in english_texts[key] else 1
        if forms != expected:
            raise PoError(f"{name}: {key!r} has {forms} forms where en.po and the header want {expected}")
        if SEPARATOR in text:
            raise PoError(f"{name}: {key!r} holds the control character U+001E")
    texts = [translated.get(key, '') for key, _ in english]
    header = f"debrief-catalogue 1 {code} {nplurals} {len(english)} {key_list_checksum(k for k, _ in english):016x}\n"
    return header + ''.join(text + SEPARATOR for text in texts)  # each text ends with one


def read_po(path):
    with open(path, encoding='utf-8') as f:
        return parse_po(f.read(), path)


def main(argv):
    try:
        if len(argv) == 4 and argv[1] == 'english':
            english = catalogue_entries(read_po(argv[2]), argv[2])
            write_replacing(argv[3], english_table(english))
        elif len(argv) == 5 and argv[1] == 'pack':
            english = catalogue_entries(read_po(argv[2]), argv[2])
            write_replacing(argv[4], packed_translation(english, read_po(argv[3]), argv[3]))
        else:
            print(__doc__.strip().split('\n\n')[1], file=sys.stderr)
            return 2
    except (PoError, UnicodeDecodeError) as e:
        print(f"po_to_catalogue: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
