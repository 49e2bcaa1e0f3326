// A translation catalogue as the app downloads it: assets/i18n/<code>.po, checked by Debian's msgfmt
// and packed by scripts/lib/po_to_catalogue.py at build time (docs/architecture.md "Languages"). The
// bytes come from the network or a cache, so nothing in them is trusted.
//
// The file holds only the translated texts, in the order of the built-in English keys; the keys are
// replaced by a checksum of that key list. A .mo file carries every key and two offset tables as
// well: 6.7 KB of the 17 KB (brotli) the Arabic catalogue cost in that form.
//
//   debrief-catalogue 1 <code> <plural forms> <entries> <key-list checksum, 16 hex digits>\n
//   <text of English key 0>\x1E<text of key 1>\x1E ... <text of the last key>\x1E
//
// Every text ends with the separator, so a file cut short anywhere has too few and is refused.
// A plural entry's forms are separated by '\0' (as core/i18n.h keeps them); an empty text is a key
// not translated yet, which falls back to English.
#pragma once

#include "core/i18n.h"
#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace debrief {

// Owns the texts its Catalogue points at (the keys are the English table's): keep it alive as long
// as the catalogue is installed.
class CatalogueFile {
public:
    // Sorted by key, as install_catalogue() expects; only the translated keys.
    Catalogue catalogue() const { return {m_entries.data(), m_entries.size()}; }
    Language language() const { return m_language; }

private:
    friend Result<std::unique_ptr<CatalogueFile>, std::string> read_catalogue_file(Language, std::string_view,
                                                                                   Catalogue);
    Language m_language = Language::en;
    std::unique_ptr<char[]> m_text;  // every text, NUL-terminated
    std::vector<CatalogueEntry> m_entries;
};

// How many plural forms `language`'s catalogue must have: what plural_index() can return, plus one.
std::size_t plural_form_count(Language language);

// FNV-1a (64 bits) over every key followed by '\0', in the catalogue's order: a file packed against
// another list of keys (another build of the app) is refused instead of showing texts under the
// wrong keys. The packer computes the same over en.po.
std::uint64_t key_list_checksum(Catalogue english);

// Reads a catalogue packed for `language` against `english` (english_catalogue() in the app).
// Refused, with a reason for the developer's console: another format or version, another language,
// another key list, a plural-form count other than plural_form_count(language), a number of texts
// other than the header says, text that is not UTF-8, a plural entry with another number of forms,
// a singular one holding a NUL.
Result<std::unique_ptr<CatalogueFile>, std::string> read_catalogue_file(Language language, std::string_view bytes,
                                                                        Catalogue english);

}  // namespace debrief
