// GNU .mo reading (gettext manual, "The Format of GNU MO Files"): a header of 32-bit words in the
// writer's byte order, then two tables of (length, offset) pairs, one for the keys and one for their
// texts. Every length and offset is checked against the file's size before it is followed.
#include "core/mo_catalogue.h"

#include "core/text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace debrief {
namespace {

constexpr std::uint32_t mo_magic = 0x950412de;
constexpr std::size_t header_words = 7;  // magic, revision, count, keys at, texts at, hash size, hash at

using Failure = std::string;

struct Reader {
    std::string_view bytes;
    bool swapped = false;  // the file was written on a machine of the other byte order

    std::uint32_t word(std::size_t at) const {  // the caller has checked at + 4 <= size
        const auto b = [&](std::size_t i) {
            return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i]));
        };
        return swapped ? (b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3)) : (b(3) << 24 | b(2) << 16 | b(1) << 8 | b(0));
    }

    // The string a table entry points at, or nothing when it is out of bounds or not NUL-terminated.
    bool string_at(std::uint64_t table, std::uint64_t index, std::string_view& out) const {
        const std::uint64_t entry = table + index * 8;
        if (entry + 8 > bytes.size()) return false;
        const std::uint64_t length = word(static_cast<std::size_t>(entry));
        const std::uint64_t offset = word(static_cast<std::size_t>(entry) + 4);
        if (offset + length + 1 > bytes.size() || bytes[static_cast<std::size_t>(offset + length)] != '\0')
            return false;
        out = bytes.substr(static_cast<std::size_t>(offset), static_cast<std::size_t>(length));
        return true;
    }
};

std::string_view header_field(std::string_view header, std::string_view name) {
    std::size_t pos = 0;
    while (pos < header.size()) {
        std::size_t end = header.find('\n', pos);
        if (end == std::string_view::npos) end = header.size();
        const std::string_view line = header.substr(pos, end - pos);
        if (line.size() > name.size() && line.substr(0, name.size()) == name && line[name.size()] == ':')
            return trim(line.substr(name.size() + 1));
        pos = end + 1;
    }
    return {};
}

// "nplurals=6; plural=..." -> 6; 0 when absent or not a small number.
std::size_t nplurals_of(std::string_view plural_forms) {
    const std::size_t at = plural_forms.find("nplurals=");
    if (at == std::string_view::npos) return 0;
    std::size_t n = 0;
    std::size_t digits = 0;
    for (std::size_t i = at + 9; i < plural_forms.size() && plural_forms[i] >= '0' && plural_forms[i] <= '9'; ++i) {
        if (++digits > 2) return 0;
        n = n * 10 + static_cast<std::size_t>(plural_forms[i] - '0');
    }
    return n;
}

std::size_t form_count(std::string_view text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\0')) + 1;
}

Failure check_header(Language language, std::string_view header) {
    const std::string code(language_code(language));
    const std::string_view declared = header_field(header, "Language");
    if (!declared.empty() && language_from_tag(declared) != language)
        return "the catalogue is for \"" + std::string(declared) + "\", not \"" + code + "\"";
    const std::string_view content_type = header_field(header, "Content-Type");
    if (!content_type.empty() && content_type.find("charset=UTF-8") == std::string_view::npos)
        return "the catalogue is not in UTF-8 (" + std::string(content_type) + ")";
    const std::size_t expected = plural_form_count(language);
    const std::size_t declared_forms = nplurals_of(header_field(header, "Plural-Forms"));
    if (declared_forms != expected)
        return "Plural-Forms declares nplurals=" + std::to_string(declared_forms) + ", but " + code + " has " +
               std::to_string(expected) + " plural forms";
    return {};
}

}  // namespace

std::size_t plural_form_count(Language language) {
    std::size_t most = 0;
    for (const long long n : {0LL, 1LL, 2LL, 3LL, 11LL, 100LL}) most = std::max(most, plural_index(language, n));
    return most + 1;
}

Result<std::unique_ptr<MoCatalogue>, std::string> read_mo_catalogue(Language language, std::string_view bytes) {
    Reader r{bytes};
    if (bytes.size() < header_words * 4) return Failure("the file is too short to be a .mo catalogue");
    if (r.word(0) != mo_magic) {
        r.swapped = true;
        if (r.word(0) != mo_magic) return Failure("the file is not a .mo catalogue (wrong magic number)");
    }
    if ((r.word(4) >> 16) != 0) return Failure("unsupported .mo revision " + std::to_string(r.word(4) >> 16));
    const std::uint64_t count = r.word(8);
    const std::uint64_t keys_at = r.word(12);
    const std::uint64_t texts_at = r.word(16);
    if (keys_at + count * 8 > bytes.size() || texts_at + count * 8 > bytes.size())
        return Failure("the string tables run past the end of the file");

    struct Found {
        std::string_view key;
        std::string_view text;
    };
    std::vector<Found> found;
    found.reserve(static_cast<std::size_t>(count));
    bool has_header = false;
    std::size_t total = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
        std::string_view key;
        std::string_view text;
        if (!r.string_at(keys_at, i, key) || !r.string_at(texts_at, i, text))
            return Failure("string " + std::to_string(i) + " points outside the file");
        if (!is_valid_utf8(key) || !is_valid_utf8(text))
            return Failure("string " + std::to_string(i) + " is not valid UTF-8");
        if (key.find('\x04') != std::string_view::npos)
            return Failure("\"" + std::string(key) + "\" has a message context, which Debrief does not use");
        if (key.empty()) {
            if (Failure failure = check_header(language, text); !failure.empty()) return failure;
            has_header = true;
            continue;
        }
        // A plural entry's key is "msgid\0msgid_plural": Debrief looks it up by msgid alone.
        const bool plural = key.find('\0') != std::string_view::npos;
        key = key.substr(0, key.find('\0'));
        const std::size_t forms = form_count(text);
        if (plural && forms != plural_form_count(language))
            return Failure("\"" + std::string(key) + "\" has " + std::to_string(forms) + " plural forms, expected " +
                           std::to_string(plural_form_count(language)));
        if (!plural && forms != 1) return Failure("\"" + std::string(key) + "\" holds a NUL character");
        found.push_back({key, text});
        total += key.size() + text.size() + 2;
    }
    if (!has_header) return Failure("the catalogue has no header (msgid \"\"), so its plural forms are unknown");

    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.key < b.key; });
    for (std::size_t i = 1; i < found.size(); ++i) {
        if (found[i - 1].key == found[i].key) return Failure("\"" + std::string(found[i].key) + "\" appears twice");
    }

    auto catalogue = std::make_unique<MoCatalogue>();
    catalogue->m_language = language;
    catalogue->m_text = std::make_unique<char[]>(total ? total : 1);
    catalogue->m_entries.reserve(found.size());
    char* out = catalogue->m_text.get();
    const auto copy = [&out](std::string_view s) {
        std::memcpy(out, s.data(), s.size());
        out[s.size()] = '\0';
        const std::string_view kept(out, s.size());
        out += s.size() + 1;
        return kept;
    };
    for (const Found& f : found) {
        const std::string_view key = copy(f.key);
        catalogue->m_entries.push_back({key, copy(f.text)});
    }
    return catalogue;
}

}  // namespace debrief
