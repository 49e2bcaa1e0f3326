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

// The interface languages (enum in core/journal.h). English is built in; the others are installed
// when chosen.
inline constexpr Language all_languages[] = {Language::en, Language::de, Language::it, Language::ar};

// "en", "de", "it", "ar": the catalogue's file name, <html lang> and the stored setting.
std::string_view language_code(Language language);
// The best interface language for a BCP 47 tag ("de-AT" -> de, "AR" -> ar), or nothing.
std::optional<Language> language_from_tag(std::string_view tag);
// Each language named in itself, for the picker ("Deutsch", "العربية").
std::string_view language_name(Language language);
bool is_right_to_left(Language language);

// CLDR cardinal plural rules, as the index into a plural entry's forms. The forms are in the
// order of each catalogue's Plural-Forms header (Arabic: zero, one, two, few, many, other).
std::size_t plural_index(Language language, long long n);

Catalogue english_catalogue();

// Makes a language's catalogue available to tr_in() and the interface. Entries sorted by key, each
// text NUL-terminated and alive until replaced; a plural entry holds its forms separated by '\0'.
// An empty catalogue removes the language's (has_catalogue() is false again).
void install_catalogue(Language language, Catalogue catalogue);
bool has_catalogue(Language language);

// The language tr() reads. Keys its catalogue lacks fall back to English.
void set_interface_language(Language language);
Language interface_language();

// Test hook: a catalogue (a pseudo-locale) that tr() reads before any other; nullopt removes it.
void set_active_catalogue(std::optional<Catalogue> catalogue);

// The text for `key` in the interface language, else in English, else `key` itself (a visible,
// harmless fallback). Catalogue texts are NUL-terminated and live as long as their catalogue, so
// `.data()` is a C string; for an unknown key the view is the caller's own argument. For a plural
// entry this is its first form.
std::string_view tr(std::string_view key);
// The same in a given language (a draft's language may differ from the interface's).
std::string_view tr_in(Language language, std::string_view key);

bool has_text(std::string_view key);

using TextVars = std::vector<std::pair<std::string_view, std::string_view>>;

// Replaces each "{name}" with its value. Unknown placeholders stay as written, so a missing
// value is visible in a draft instead of silently vanishing.
std::string format_text(std::string_view tmpl, const TextVars& vars);

// format_text(tr(key), vars). In a right-to-left interface each value is isolated (U+2068 … U+2069,
// UAX #9): a company name, a path or a date typed in Latin letters keeps its own order and cannot
// pull the Arabic words or commas around it into its direction. The drawing code drops the two marks
// once the line is ordered (ui/bidi_text.cpp). Text in a chosen language (tr_in, tr_plural_in: the
// drafts) and stored or exported text (format_text) never carry them.
std::string tr_format(std::string_view key, const TextVars& vars);

// The plural form of `key` for `n`, with "{n}" filled by format_number and the other vars (isolated
// as tr_format's).
std::string tr_plural(std::string_view key, long long n, const TextVars& vars = {});
std::string tr_plural_in(Language language, std::string_view key, long long n, const TextVars& vars = {});

// "a", "a and b", "a, b and c" in the language's own words: the catalogue says how a list grows
// ("msg.list.more") and how its last item joins (`last_key`: "msg.list.last" for "and",
// "profile.list.or_end" for "or"), so another language changes the word or the comma ("a, b und c",
// Arabic "أ، ب وج" where و joins the word after it).
std::string join_list(Language language, const std::vector<std::string>& items,
                      std::string_view last_key = "msg.list.last");

// Two parts of one line side by side, set apart as the interface language does: "Rejected · 1 December",
// "Anna Berg · Interviewer". Arabic uses its comma: a middle dot beside its digits reads as a zero (٠).
std::string join_parts(std::string_view first, std::string_view second);

// A whole number in the language's digits (CLDR's default numbering: Arabic-Indic for ar).
std::string format_number(Language language, long long n);
std::string format_number(long long n);  // in the interface language

// "November 12, 2026", or "November 12" when the year is `current_year` (the catalogue's pattern).
std::string format_long_date(const Date& date, int current_year = 0);
std::string format_long_date_in(Language language, const Date& date, int current_year = 0);

}  // namespace debrief
