// Catalogue lookup (binary search over the sorted table) and placeholder substitution.
#include "core/i18n.h"

#include <algorithm>
#include <optional>

namespace debrief {
namespace {

std::optional<Catalogue>& active_catalogue() {
    static std::optional<Catalogue> active;
    return active;
}

const CatalogueEntry* find_entry(std::string_view key) {
    const Catalogue catalogue = active_catalogue().value_or(english_catalogue());
    const CatalogueEntry* it = std::lower_bound(catalogue.begin(), catalogue.end(), key,
                                                [](const CatalogueEntry& e, std::string_view k) { return e.key < k; });
    return it != catalogue.end() && it->key == key ? it : nullptr;
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

void set_active_catalogue(std::optional<Catalogue> catalogue) { active_catalogue() = catalogue; }

std::string_view tr(std::string_view key) {
    const CatalogueEntry* entry = find_entry(key);
    return entry ? entry->text : key;
}

bool has_text(std::string_view key) { return find_entry(key) != nullptr; }

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

std::string tr_format(std::string_view key, const TextVars& vars) { return format_text(tr(key), vars); }

std::string format_long_date(const Date& date, int current_year) {
    const std::string month_key = "month." + std::to_string(date.month);
    const std::string day = std::to_string(date.day);
    const std::string year = std::to_string(date.year);
    const std::string_view tmpl = date.year == current_year ? tr("date.long_same_year") : tr("date.long");
    return format_text(tmpl, {{"month", tr(month_key)}, {"day", day}, {"year", year}});
}

}  // namespace debrief
