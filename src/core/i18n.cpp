// Catalogue lookup (binary search over the sorted table) and placeholder substitution.
#include "core/i18n.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>

namespace debrief {
namespace {

constexpr std::size_t language_count = std::size(all_languages);

struct State {
    std::optional<Catalogue> override_catalogue;  // a test's pseudo-locale
    std::array<std::optional<Catalogue>, language_count> installed;
    Language interface = Language::en;
};

State& state() {
    static State s;
    return s;
}

std::size_t index_of(Language language) { return static_cast<std::size_t>(language); }

const CatalogueEntry* find_in(const Catalogue& catalogue, std::string_view key) {
    const CatalogueEntry* it = std::lower_bound(catalogue.begin(), catalogue.end(), key,
                                                [](const CatalogueEntry& e, std::string_view k) { return e.key < k; });
    return it != catalogue.end() && it->key == key ? it : nullptr;
}

const CatalogueEntry* find_entry(Language language, std::string_view key) {
    const State& s = state();
    if (language == s.interface && s.override_catalogue) {
        if (const CatalogueEntry* e = find_in(*s.override_catalogue, key)) return e;
    }
    if (language != Language::en && s.installed[index_of(language)]) {
        if (const CatalogueEntry* e = find_in(*s.installed[index_of(language)], key)) return e;
    }
    return find_in(english_catalogue(), key);
}

std::string_view first_form(std::string_view text) { return text.substr(0, text.find('\0')); }

std::string_view plural_form(std::string_view text, std::size_t index) {
    for (std::size_t i = 0; i < index; ++i) {
        const std::size_t nul = text.find('\0');
        if (nul == std::string_view::npos) break;  // fewer forms than the rule's index: the last one
        text.remove_prefix(nul + 1);
    }
    return first_form(text);
}

bool is_placeholder_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// Length of "{name}" starting at `pos`, or 0 when the brace does not open a placeholder.
std::size_t placeholder_length(std::string_view tmpl, std::size_t pos) {
    std::size_t end = pos + 1;
    while (end < tmpl.size() && is_placeholder_char(tmpl[end])) ++end;
    if (end == pos + 1 || end >= tmpl.size() || tmpl[end] != '}') return 0;
    return end - pos + 1;
}

const std::string_view* find_var(const TextVars& vars, std::string_view name) {
    for (const auto& [key, value] : vars) {
        if (key == name) return &value;
    }
    return nullptr;
}

}  // namespace

std::string_view language_code(Language language) {
    switch (language) {
        case Language::de: return "de";
        case Language::it: return "it";
        case Language::ar: return "ar";
        case Language::en: break;
    }
    return "en";
}

std::optional<Language> language_from_tag(std::string_view tag) {
    const std::size_t end = tag.find_first_of("-_");
    const std::string_view primary = tag.substr(0, end);
    if (primary.size() != 2) return std::nullopt;
    const char lower[2] = {static_cast<char>(primary[0] | 0x20), static_cast<char>(primary[1] | 0x20)};
    for (Language language : all_languages) {
        if (language_code(language) == std::string_view(lower, 2)) return language;
    }
    return std::nullopt;
}

std::string_view language_name(Language language) {
    switch (language) {
        case Language::de: return "Deutsch";
        case Language::it: return "Italiano";
        case Language::ar: return "\u0627\u0644\u0639\u0631\u0628\u064A\u0629";  // العربية
        case Language::en: break;
    }
    return "English";
}

bool is_right_to_left(Language language) { return language == Language::ar; }

std::size_t plural_index(Language language, long long n) {
    const long long abs_n = n < 0 ? -n : n;
    if (language != Language::ar) return abs_n == 1 ? 0 : 1;  // en, de, it: one, other
    const long long mod100 = abs_n % 100;
    if (abs_n == 0) return 0;                    // zero
    if (abs_n == 1) return 1;                    // one
    if (abs_n == 2) return 2;                    // two
    if (mod100 >= 3 && mod100 <= 10) return 3;   // few
    if (mod100 >= 11 && mod100 <= 99) return 4;  // many
    return 5;                                    // other
}

void install_catalogue(Language language, Catalogue catalogue) {
    if (language == Language::en) return;
    auto& slot = state().installed[index_of(language)];
    if (catalogue.size == 0)
        slot.reset();  // an empty catalogue is none: tests use it to start from "not installed"
    else
        slot = catalogue;
}

bool has_catalogue(Language language) {
    return language == Language::en || state().installed[index_of(language)].has_value();
}

void set_interface_language(Language language) { state().interface = language; }

Language interface_language() { return state().interface; }

void set_active_catalogue(std::optional<Catalogue> catalogue) { state().override_catalogue = catalogue; }

std::string_view tr_in(Language language, std::string_view key) {
    const CatalogueEntry* entry = find_entry(language, key);
    return entry ? first_form(entry->text) : key;
}

std::string_view tr(std::string_view key) { return tr_in(interface_language(), key); }

bool has_text(std::string_view key) { return find_entry(interface_language(), key) != nullptr; }

std::string format_text(std::string_view tmpl, const TextVars& vars) {
    std::string out;
    out.reserve(tmpl.size() + 32);
    std::size_t pos = 0;
    while (pos < tmpl.size()) {
        const std::size_t brace = tmpl.find('{', pos);
        if (brace == std::string_view::npos) break;
        out.append(tmpl.substr(pos, brace - pos));
        const std::size_t length = placeholder_length(tmpl, brace);
        const std::string_view* value = length ? find_var(vars, tmpl.substr(brace + 1, length - 2)) : nullptr;
        if (value) {
            out.append(*value);
            pos = brace + length;
        } else {
            out += '{';
            pos = brace + 1;
        }
    }
    if (pos < tmpl.size()) out.append(tmpl.substr(pos));
    return out;
}

namespace {

// In a right-to-left interface, each value between an isolate and U+2069 POP DIRECTIONAL ISOLATE (see
// tr_format); `kept` owns the texts the returned views point into. A value's own first strong letter
// sets its direction (U+2068 FIRST STRONG ISOLATE), unless the value is itself a sentence of the
// interface with isolated values in it ("Jörg Weiß، Müller GmbH" joined by join_parts): that one reads
// right to left whatever its first word (U+2067 RIGHT-TO-LEFT ISOLATE).
TextVars isolated_for_interface(const TextVars& vars, std::vector<std::string>& kept) {
    if (!is_right_to_left(interface_language())) return vars;
    kept.reserve(vars.size());  // no reallocation: the views below stay valid
    TextVars isolated;
    for (const auto& [name, value] : vars) {
        const bool composed = value.find("\u2069") != std::string_view::npos;
        kept.push_back((composed ? "\u2067" : "\u2068") + std::string(value) + "\u2069");
        isolated.emplace_back(name, kept.back());
    }
    return isolated;
}

}  // namespace

std::string tr_format(std::string_view key, const TextVars& vars) {
    std::vector<std::string> kept;
    return format_text(tr(key), isolated_for_interface(vars, kept));
}

std::string join_parts(std::string_view first, std::string_view second) {
    return tr_format("line.parts", {{"first", first}, {"second", second}});
}

std::string tr_plural_in(Language language, std::string_view key, long long n, const TextVars& vars) {
    const CatalogueEntry* entry = find_entry(language, key);
    const std::string_view tmpl = entry ? plural_form(entry->text, plural_index(language, n)) : key;
    const std::string number = format_number(language, n);
    TextVars all = vars;
    all.emplace_back("n", number);
    return format_text(tmpl, all);
}

std::string tr_plural(std::string_view key, long long n, const TextVars& vars) {
    std::vector<std::string> kept;
    return tr_plural_in(interface_language(), key, n, isolated_for_interface(vars, kept));
}

std::string join_list(Language language, const std::vector<std::string>& items, std::string_view last_key) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i == 0)
            out = items[i];
        else
            out = format_text(tr_in(language, i + 1 == items.size() ? last_key : "msg.list.more"),
                              {{"list", out}, {"item", items[i]}});
    }
    return out;
}

std::string format_number(Language language, long long n) {
    std::string digits = std::to_string(n);
    if (language != Language::ar) return digits;
    std::string out;
    for (char c : digits) {
        if (c >= '0' && c <= '9') {
            out += '\xD9';  // U+0660..U+0669, ARABIC-INDIC DIGIT ZERO..NINE
            out += static_cast<char>(0xA0 + (c - '0'));
        } else {
            out += c;
        }
    }
    return out;
}

std::string format_number(long long n) { return format_number(interface_language(), n); }

std::string format_long_date_in(Language language, const Date& date, int current_year) {
    const std::string month_key = "month." + std::to_string(date.month);
    const std::string day = format_number(language, date.day);
    const std::string year = format_number(language, date.year);
    const std::string_view tmpl =
        date.year == current_year ? tr_in(language, "date.long_same_year") : tr_in(language, "date.long");
    return format_text(tmpl, {{"month", tr_in(language, month_key)}, {"day", day}, {"year", year}});
}

std::string format_long_date(const Date& date, int current_year) {
    return format_long_date_in(interface_language(), date, current_year);
}

}  // namespace debrief
