// Reading a packed catalogue (core/catalogue_file.h). Everything is checked before a text is kept:
// the header against the app's own key list and the language's plural rules, then each text.
#include "core/catalogue_file.h"

#include "core/text.h"

#include <algorithm>
#include <cstring>

namespace debrief {
namespace {

constexpr std::string_view magic = "debrief-catalogue";
constexpr std::string_view version = "1";
constexpr char separator = '\x1E';           // ASCII record separator: never in a translation (the packer checks)
constexpr std::size_t longest_header = 128;  // the real one is under 60 bytes

using Failure = std::string;

std::vector<std::string_view> split(std::string_view text, char by) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const std::size_t end = text.find(by, start);
        parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

// A decimal or (base 16) hexadecimal number made of digits only; false for anything else or overflow.
bool parse_number(std::string_view digits, int base, std::uint64_t& out) {
    if (digits.empty() || digits.size() > 16) return false;
    out = 0;
    for (const char c : digits) {
        int value = -1;
        if (c >= '0' && c <= '9') value = c - '0';
        if (base == 16 && c >= 'a' && c <= 'f') value = c - 'a' + 10;
        if (value < 0 || value >= base) return false;
        out = out * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(value);
    }
    return true;
}

std::size_t form_count(std::string_view text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\0')) + 1;
}

Failure check_header(Language language, std::string_view header, Catalogue english) {
    const std::vector<std::string_view> fields = split(header, ' ');
    if (fields.size() != 6 || fields[0] != magic) return "the file is not a Debrief catalogue";
    if (fields[1] != version) return "unsupported catalogue version " + std::string(fields[1]);
    const std::string code(language_code(language));
    if (fields[2] != code) return "the catalogue is for \"" + std::string(fields[2]) + "\", not \"" + code + "\"";
    std::uint64_t forms = 0;
    std::uint64_t entries = 0;
    std::uint64_t checksum = 0;
    if (!parse_number(fields[3], 10, forms) || !parse_number(fields[4], 10, entries) || fields[5].size() != 16 ||
        !parse_number(fields[5], 16, checksum))
        return "the catalogue's header is damaged";
    if (forms != plural_form_count(language))
        return "the catalogue declares " + std::to_string(forms) + " plural forms, but " + code + " has " +
               std::to_string(plural_form_count(language));
    if (entries != english.size || checksum != key_list_checksum(english))
        return "the catalogue was packed for another version of the app (its keys differ)";
    return {};
}

}  // namespace

std::size_t plural_form_count(Language language) {
    std::size_t most = 0;
    for (const long long n : {0LL, 1LL, 2LL, 3LL, 11LL, 100LL}) most = std::max(most, plural_index(language, n));
    return most + 1;
}

std::uint64_t key_list_checksum(Catalogue english) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    const auto add = [&hash](unsigned char byte) {
        hash ^= byte;
        hash *= 0x100000001b3ULL;
    };
    for (const CatalogueEntry& e : english) {
        for (const char c : e.key) add(static_cast<unsigned char>(c));
        add(0);
    }
    return hash;
}

Result<std::unique_ptr<CatalogueFile>, std::string> read_catalogue_file(Language language, std::string_view bytes,
                                                                        Catalogue english) {
    const std::size_t newline = bytes.substr(0, longest_header).find('\n');
    if (newline == std::string_view::npos) return Failure("the file is not a Debrief catalogue");
    if (Failure failure = check_header(language, bytes.substr(0, newline), english); !failure.empty()) return failure;
    std::vector<std::string_view> texts = split(bytes.substr(newline + 1), separator);
    // Every text ends with a separator: the last part of the split is empty in a whole file.
    if (texts.back().empty())
        texts.pop_back();
    else
        return Failure("the catalogue ends in the middle of a text (a download cut short?)");
    if (texts.size() != english.size)
        return Failure("the catalogue holds " + std::to_string(texts.size()) + " texts, its header says " +
                       std::to_string(english.size));

    std::size_t total = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::string_view text = texts[i];
        if (text.empty()) continue;  // not translated yet: English shows
        const std::string key(english.entries[i].key);
        if (!is_valid_utf8(text)) return Failure("the text of \"" + key + "\" is not valid UTF-8");
        const bool plural = form_count(english.entries[i].text) > 1;
        const std::size_t forms = form_count(text);
        if (plural && forms != plural_form_count(language))
            return Failure("\"" + key + "\" has " + std::to_string(forms) + " plural forms, expected " +
                           std::to_string(plural_form_count(language)));
        if (!plural && forms != 1) return Failure("\"" + key + "\" holds a NUL character");
        total += text.size() + 1;
    }

    auto catalogue = std::make_unique<CatalogueFile>();
    catalogue->m_language = language;
    catalogue->m_text = std::make_unique<char[]>(total ? total : 1);
    catalogue->m_entries.reserve(texts.size());
    char* out = catalogue->m_text.get();
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (texts[i].empty()) continue;
        std::memcpy(out, texts[i].data(), texts[i].size());
        out[texts[i].size()] = '\0';  // tr() hands out .data() as a C string
        catalogue->m_entries.push_back({english.entries[i].key, std::string_view(out, texts[i].size())});
        out += texts[i].size() + 1;
    }
    return catalogue;
}

}  // namespace debrief
