// The one door for user-visible text: key lookup in a sorted catalogue, plus {placeholder} filling.
#pragma once

#include "core/journal.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace debrief {

struct CatalogueEntry {
    std::string_view key;
    std::string_view text;
};

// A static table sorted by key (byte order), keys unique; checked at compile time and in tests.
struct Catalogue {
    const CatalogueEntry* entries = nullptr;
    std::size_t size = 0;

    const CatalogueEntry* begin() const { return entries; }
    const CatalogueEntry* end() const { return entries + size; }
};

Catalogue english_catalogue();

// The catalogue tr() reads: English unless another language (or a test's pseudo-locale) is set.
// Its entries must be sorted by key and their texts NUL-terminated, as the English ones are.
void set_active_catalogue(std::optional<Catalogue> catalogue);

// The text for `key`, or `key` itself when the catalogue lacks it (a visible, harmless fallback).
// Catalogue texts are string literals, so `.data()` is NUL-terminated and lives forever; for an
// unknown key the view is the caller's own argument.
std::string_view tr(std::string_view key);

bool has_text(std::string_view key);

using TextVars = std::vector<std::pair<std::string_view, std::string_view>>;

// Replaces each "{name}" with its value. Unknown placeholders stay as written, so a missing
// value is visible in a draft instead of silently vanishing.
std::string format_text(std::string_view tmpl, const TextVars& vars);

// format_text(tr(key), vars).
std::string tr_format(std::string_view key, const TextVars& vars);

// "November 12, 2026", or "November 12" when the year is `current_year`.
std::string format_long_date(const Date& date, int current_year = 0);

}  // namespace debrief
