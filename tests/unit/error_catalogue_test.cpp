// Import refusals, storage problems and the warnings-cap line come entirely from the catalogue: with a
// pseudo-locale active (every catalogue letter replaced by its fullwidth form), no ASCII word may be left
// except the data the message quotes (paths, file names, ids). An English fragment glued in code shows.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/i18n.h"
#include "sample_journal.h"
#include "scratch_folder.h"
#include "serialization/journal_json.h"
#include "serialization/json_reader.h"
#include "serialization/json_text.h"
#include "storage/file_store.h"
#include "storage/journal_store.h"

using namespace debrief;
using namespace debrief::samples;

namespace {

// 'a' -> U+FF41 (fullwidth), {placeholders} kept as they are so the values still fill in.
std::string pseudo(std::string_view text) {
    std::string out;
    bool in_placeholder = false;
    for (const char c : text) {
        if (c == '{') in_placeholder = true;
        if (c == '}') in_placeholder = false;
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letter || in_placeholder) {
            out += c;
            continue;
        }
        const unsigned cp = 0xFF21u + static_cast<unsigned>(c >= 'a' ? c - 'a' + 0x20 : c - 'A');
        out += static_cast<char>(0xE0u | (cp >> 12));
        out += static_cast<char>(0x80u | ((cp >> 6) & 0x3Fu));
        out += static_cast<char>(0x80u | (cp & 0x3Fu));
    }
    return out;
}

// Installs the pseudo-locale for one test; every text keeps its NUL terminator and plural forms.
class PseudoLocale {
public:
    PseudoLocale() {
        const Catalogue english = english_catalogue();
        m_texts.reserve(english.size);
        for (const CatalogueEntry& e : english) m_texts.push_back(pseudo(e.text));
        for (std::size_t i = 0; i < english.size; ++i) m_entries.push_back({english.entries[i].key, m_texts[i]});
        set_active_catalogue(Catalogue{m_entries.data(), m_entries.size()});
    }
    ~PseudoLocale() { set_active_catalogue(std::nullopt); }
    PseudoLocale(const PseudoLocale&) = delete;
    PseudoLocale& operator=(const PseudoLocale&) = delete;

private:
    std::vector<std::string> m_texts;
    std::vector<CatalogueEntry> m_entries;
};

// The ASCII letters left once the quoted data is taken out: "" when the message is all catalogue.
std::string english_left(std::string message, const std::vector<std::string>& data = {}) {
    for (const std::string& part : data) {
        for (std::size_t at; (at = message.find(part)) != std::string::npos;) message.erase(at, part.size());
    }
    std::string letters;
    for (const char c : message) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) letters += c;
    }
    return letters;
}

}  // namespace

TEST_CASE("pseudo-locale: import refusals have no English left") {
    PseudoLocale locale;
    // What the whole file is, and what was found instead (a catalogue noun phrase).
    const auto not_object = decode_journal("[1, 2]");
    REQUIRE_FALSE(not_object.ok());
    CHECK(english_left(not_object.error().message) == "");
    CHECK(not_object.error().message.find("$") != std::string::npos);

    // A field of the wrong kind: "Expected a list at $.reflections, found an empty object".
    const auto wrong_kind = decode_journal(R"({"format": "debrief-journal", "version": 1, "reflections": {}})");
    REQUIRE_FALSE(wrong_kind.ok());
    CHECK(wrong_kind.error().json_path == "$.reflections");
    CHECK(english_left(wrong_kind.error().message, {"$.reflections"}) == "");

    // A syntax error: the place ("line 1, column 4 …") and the comma hint are catalogue text too.
    const auto syntax = decode_journal("[1 2]");
    REQUIRE_FALSE(syntax.ok());
    CHECK(english_left(syntax.error().message) == "");

    // A plural refusal with a count.
    DecodeLimits shallow;
    shallow.max_depth = 2;
    const auto deep = decode_journal("[[[[]]]]", shallow);
    REQUIRE_FALSE(deep.ok());
    CHECK(english_left(deep.error().message) == "");

    // Sizes: the megabytes' unit and the byte count's plural.
    DecodeLimits tiny;
    tiny.max_bytes = 2;
    const auto large = decode_journal("[1, 2]", tiny);
    REQUIRE_FALSE(large.ok());
    CHECK(english_left(large.error().message) == "");

    // Another app's export names the app (data) and this app's own labels (catalogue).
    const auto foreign = decode_journal(R"({"entries": [], "tags": {}})");
    REQUIRE_FALSE(foreign.ok());
    CHECK(english_left(foreign.error().message, {"jrnl"}) == "");
}

TEST_CASE("pseudo-locale: storage problems have no English left") {
    PseudoLocale locale;
    ScratchFolder folder;
    FileStore files(folder.path());
    const auto missing = files.read("1.json");
    REQUIRE_FALSE(missing.ok());
    CHECK(english_left(missing.error().message, {"1.json"}) == "");

    // A line holding the wrong kind of record, set aside with its line number and both records' kinds.
    const Journal journal = sample_journal();
    const Contact& contact = journal.contacts[0];
    const std::string shard = JournalStore::record_path(RecordType::reflection, contact.meta.id);
    folder.put(shard, encode_record(contact, {}, TextLayout::line) + "\n");
    JournalStore store(folder.path());
    const LoadResult loaded = store.load_journal();
    REQUIRE(loaded.quarantined.size() == 1);
    CHECK(english_left(loaded.quarantined[0].reason) == "");

    // An id that is unsafe as a file name.
    Journal unsafe = journal;
    unsafe.reflections[0].meta.id = "../7";
    const BatchSaveResult saved = store.save_records(unsafe, {RecordKey{RecordType::reflection, "../7"}});
    REQUIRE(saved.first_error);
    CHECK(english_left(saved.first_error->message, {"../7"}) == "");
}

TEST_CASE("pseudo-locale: the warnings-cap line has no English left, plural and digits included") {
    PseudoLocale locale;
    CHECK(english_left(more_warnings_line(1)) == "");
    const std::string many = more_warnings_line(99950);
    CHECK(english_left(many) == "");
    CHECK(many.find("99,950") != std::string::npos);

    // From a real decode: 60 unknown keys give 50 warnings and the line for the other 10.
    std::string text = R"({"format": "debrief-journal", "version": 1)";
    for (int i = 0; i < 60; ++i) text += ", \"" + std::to_string(i) + "\": 0";
    text += "}";
    const auto decoded = decode_journal(text);
    REQUIRE(decoded.ok());
    REQUIRE(decoded.value().warnings.size() == JsonReader::max_warnings + 1);
    const std::string& last = decoded.value().warnings.back();
    CHECK(english_left(last) == "");
    CHECK(last.find("10") != std::string::npos);
    // The warnings themselves name the key and path as data: nothing else is English.
    CHECK(english_left(decoded.value().warnings[0]) == "");
}

TEST_CASE("English messages keep their wording") {
    CHECK(more_warnings_line(1) ==
          "\xE2\x80\xA6"
          "and 1 more warning like these");
    CHECK(more_warnings_line(99950) ==
          "\xE2\x80\xA6"
          "and 99,950 more warnings like these");
    const auto wrong_kind = decode_journal(R"({"format": "debrief-journal", "version": 1, "reflections": {}})");
    REQUIRE_FALSE(wrong_kind.ok());
    CHECK(wrong_kind.error().message == "Expected a list at $.reflections, found an empty object");
}
