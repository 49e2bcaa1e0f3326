// Tests for core/catalogue_file: files the build packed are read; damaged, foreign or stale ones are
// refused with a reason, and nothing outside the bytes is ever read.
#include "core/catalogue_file.h"

#include "test_files.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

using namespace debrief;
using namespace std::string_literals;
using namespace std::string_view_literals;

namespace {

using test::read_file;

// A test catalogue packed by the build from tests/fixtures/i18n/<code>.po.
std::string fixture(std::string_view code) {
    return read_file(std::string(DEBRIEF_FIXTURE_CATALOGUE_DIR) + "/" + std::string(code) + ".catalogue");
}

Result<std::unique_ptr<CatalogueFile>, std::string> read_app(Language language, std::string_view bytes) {
    return read_catalogue_file(language, bytes, english_catalogue());
}

// A small English table of our own: one plain key, one plural key.
constexpr CatalogueEntry tiny_entries[] = {{"a.key", "Text"}, {"k.plural", "one\0many"sv}};
const Catalogue tiny{tiny_entries, 2};

std::string hex(std::uint64_t value) {
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(value));
    return out;
}

// A file as the packer writes it, for `tiny`, with parts of the header replaceable.
std::string packed(const std::vector<std::string>& texts, std::string code = "de", std::string forms = "2",
                   std::string count = "2", std::string checksum = hex(key_list_checksum(tiny))) {
    std::string out = "debrief-catalogue 1 " + code + " " + forms + " " + count + " " + checksum + "\n";
    for (const std::string& text : texts) out += text + "\x1E";
    return out;
}

// Installs a catalogue for one test; afterwards an empty one (English fallback) takes its place, so
// no later test reads through a pointer into the freed file.
struct Installed {
    Language language;
    std::unique_ptr<CatalogueFile> file;
    Installed(Language l, std::unique_ptr<CatalogueFile> f) : language(l), file(std::move(f)) {
        install_catalogue(language, file->catalogue());
    }
    ~Installed() { install_catalogue(language, Catalogue{}); }
    Installed(const Installed&) = delete;
    Installed& operator=(const Installed&) = delete;
};

}  // namespace

TEST_CASE("catalogue_file: a packed file is read, sorted, plural forms separated by NUL") {
    const std::string bytes = fixture("de");
    REQUIRE_FALSE(bytes.empty());
    const auto read = read_app(Language::de, bytes);
    REQUIRE_MESSAGE(read.ok(), read.error());
    const Catalogue c = read.value()->catalogue();
    REQUIRE(c.size >= 5);
    CHECK(c.size < english_catalogue().size);  // the fixture translates a few keys; the rest stay out
    for (std::size_t i = 1; i < c.size; ++i) CHECK(c.entries[i - 1].key < c.entries[i].key);
    bool found_plural = false;
    for (const CatalogueEntry& e : c) {
        CHECK_FALSE(e.text.empty());
        CHECK(e.text.data()[e.text.size()] == '\0');  // tr() hands out .data() as a C string
        if (e.key == "home.count") {
            found_plural = true;
            CHECK(e.text == "{shown} von {n} Reflexion\0{shown} von {n} Reflexionen"s);
        }
    }
    CHECK(found_plural);
}

TEST_CASE("catalogue_file: an installed catalogue feeds tr_in and tr_plural_in, English fills the gaps") {
    auto read = read_app(Language::de, fixture("de"));
    REQUIRE(read.ok());
    const Installed installed(Language::de, std::move(read).value());
    CHECK(has_catalogue(Language::de));
    CHECK(tr_in(Language::de, "data.language") == "Sprache");
    CHECK(tr_plural_in(Language::de, "home.count", 1, {{"shown", "1"}}) == "1 von 1 Reflexion");
    CHECK(tr_plural_in(Language::de, "home.count", 7, {{"shown", "2"}}) == "2 von 7 Reflexionen");
    CHECK(tr_in(Language::de, "data.export") == tr_in(Language::en, "data.export"));
}

TEST_CASE("catalogue_file: Arabic's six plural forms are picked for 0, 1, 2, 3, 11 and 100") {
    auto read = read_app(Language::ar, fixture("ar"));
    REQUIRE_MESSAGE(read.ok(), read.error());
    const Installed installed(Language::ar, std::move(read).value());
    const std::vector<std::pair<long long, std::size_t>> cases{{0, 0}, {1, 1}, {2, 2}, {3, 3}, {11, 4}, {100, 5}};
    const std::vector<std::string> forms{"{shown} من دون تأملات", "{shown} من تأمل واحد", "{shown} من تأملين",
                                         "{shown} من {n} تأملات", "{shown} من {n} تأملًا", "{shown} من {n} تأمل"};
    for (const auto& [n, form] : cases) {
        CAPTURE(n);
        CHECK(plural_index(Language::ar, n) == form);
        CHECK(tr_plural_in(Language::ar, "home.count", n, {{"shown", "x"}}) ==
              format_text(forms[form], {{"shown", "x"}, {"n", format_number(Language::ar, n)}}));
    }
    CHECK(plural_form_count(Language::ar) == 6);
    CHECK(plural_form_count(Language::de) == 2);
    CHECK(plural_form_count(Language::it) == 2);
    CHECK(plural_form_count(Language::en) == 2);
}

TEST_CASE("catalogue_file: every truncation of a real file is refused") {
    const std::string bytes = fixture("it");
    REQUIRE(read_app(Language::it, bytes).ok());
    for (std::size_t size = 0; size < bytes.size(); ++size) {
        CAPTURE(size);
        // A copy of exactly `size` bytes, so a read past the end is a sanitizer finding, not luck.
        const std::string cut = bytes.substr(0, size);
        CHECK_FALSE(read_app(Language::it, cut).ok());
    }
}

TEST_CASE("catalogue_file: the header must match the language, its plural forms and the app's keys") {
    const auto reason = [](Language language, const std::string& bytes) {
        const auto read = read_catalogue_file(language, bytes, tiny);
        return read.ok() ? std::string("accepted") : read.error();
    };
    CHECK(reason(Language::de, packed({"Text", "eins\0viele"s})) == "accepted");
    CHECK(reason(Language::de, "\x95\x04\x12\xde" + packed({"", ""})).find("not a Debrief catalogue") !=
          std::string::npos);
    CHECK(reason(Language::de, std::string(200, 'x')).find("not a Debrief catalogue") !=
          std::string::npos);  // no header line
    CHECK(reason(Language::it, packed({"Text", ""})).find("for \"de\", not \"it\"") != std::string::npos);
    CHECK(reason(Language::de, packed({"", ""}, "de", "3")).find("3 plural forms") != std::string::npos);
    CHECK(reason(Language::de, packed({"", ""}, "de", "2", "3")).find("another version") != std::string::npos);
    CHECK(reason(Language::de, packed({"", ""}, "de", "2", "2", hex(1))).find("another version") != std::string::npos);
    CHECK(reason(Language::de, packed({"", ""}, "de", "2", "2", "12345")).find("damaged") != std::string::npos);
    CHECK(reason(Language::de, packed({"", ""}, "de", "x2")).find("damaged") != std::string::npos);
    std::string other_version = packed({"", ""});
    other_version.replace(18, 1, "2");
    CHECK(reason(Language::de, other_version) == "unsupported catalogue version 2");
}

TEST_CASE("catalogue_file: the texts must be as many as the keys, UTF-8, with the right forms") {
    const auto accepted = [](const std::string& bytes) { return read_catalogue_file(Language::de, bytes, tiny).ok(); };
    CHECK(accepted(packed({"", ""})));  // nothing translated: English everywhere
    CHECK_FALSE(accepted(packed({"Text"})));
    CHECK_FALSE(accepted(packed({"Text", "", ""})));
    CHECK_FALSE(accepted(packed({"Text", ""}) + "extra"));  // ends inside a text
    CHECK_FALSE(accepted(packed({"Gr\xFC\xDF", ""})));      // Latin-1, not UTF-8
    CHECK_FALSE(accepted(packed({"\xED\xA0\x80", ""})));    // an encoded surrogate
    CHECK_FALSE(accepted(packed({"a\0b"s, ""})));           // a singular text with two forms
    CHECK_FALSE(accepted(packed({"", "eins"})));            // a plural text with one form
    CHECK_FALSE(accepted(packed({"", "a\0b\0c"s})));        // ... or three
    const auto read = read_catalogue_file(Language::de, packed({"", "eins\0viele"s}), tiny);
    REQUIRE(read.ok());
    REQUIRE(read.value()->catalogue().size == 1);
    CHECK(read.value()->catalogue().entries[0].key == "k.plural");
}

TEST_CASE("catalogue_file: the checksum covers every key and its order") {
    constexpr CatalogueEntry swapped[] = {{"k.plural", "one\0many"sv}, {"a.key", "Text"}};
    constexpr CatalogueEntry renamed[] = {{"a.kez", "Text"}, {"k.plural", "one\0many"sv}};
    CHECK(key_list_checksum(tiny) != key_list_checksum({swapped, 2}));
    CHECK(key_list_checksum(tiny) != key_list_checksum({renamed, 2}));
    CHECK(key_list_checksum(tiny) != key_list_checksum({tiny_entries, 1}));
}
