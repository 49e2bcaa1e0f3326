// A translation catalogue read from a compiled gettext file (.mo, as Debian's msgfmt writes it), for
// install_catalogue(). The bytes come from the network or a cache, so nothing in them is trusted.
#pragma once

#include "core/i18n.h"
#include "core/result.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace debrief {

// Owns the keys and texts its Catalogue points at: keep it alive as long as the catalogue is installed.
class MoCatalogue {
public:
    // Sorted by key (byte order); a plural entry's forms are separated by '\0', as core/i18n.h expects.
    Catalogue catalogue() const { return {m_entries.data(), m_entries.size()}; }
    Language language() const { return m_language; }

private:
    friend Result<std::unique_ptr<MoCatalogue>, std::string> read_mo_catalogue(Language, std::string_view);
    Language m_language = Language::en;
    std::unique_ptr<char[]> m_text;  // every key and text, each NUL-terminated
    std::vector<CatalogueEntry> m_entries;
};

// How many plural forms `language`'s catalogue must have: what plural_index() can return, plus one.
std::size_t plural_form_count(Language language);

// Reads a .mo file meant for `language`. Refused, with a reason for the developer's console: a file
// that is truncated or points outside itself, text that is not UTF-8, a missing header, a
// Plural-Forms header whose nplurals differs from plural_form_count(language) or a plural entry
// with another number of forms, a Language header naming another language, duplicate keys, and
// message contexts (Debrief's catalogues use none).
Result<std::unique_ptr<MoCatalogue>, std::string> read_mo_catalogue(Language language, std::string_view bytes);

}  // namespace debrief
