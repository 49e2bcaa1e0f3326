// Tests for core/mo_catalogue: files msgfmt wrote are read; damaged or foreign ones are refused, and
// nothing outside the bytes is ever read.
#include "core/mo_catalogue.h"

#include "test_files.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace debrief;

namespace {

using test::read_file;

// A test catalogue compiled by Debian's msgfmt from tests/fixtures/i18n/<code>.po.
std::string fixture_mo(std::string_view code) {
    return read_file(std::string(DEBRIEF_FIXTURE_MO_DIR) + "/" + std::string(code) + ".mo");
}

const std::string german_header =
    "Language: de\nContent-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n";

void put_word(std::string& out, std::uint32_t w, bool big_endian) {
    for (int i = 0; i < 4; ++i) {
        const int shift = big_endian ? 24 - 8 * i : 8 * i;
        out += static_cast<char>((w >> shift) & 0xFF);
    }
}

// A .mo file as the gettext manual describes it (no hash table), strings in the given order.
std::string make_mo(const std::vector<std::pair<std::string, std::string>>& entries, bool big_endian = false) {
    const auto n = static_cast<std::uint32_t>(entries.size());
    const std::uint32_t keys_at = 28;
    const std::uint32_t texts_at = keys_at + 8 * n;
    std::uint32_t data_at = texts_at + 8 * n;
    std::string head;
    std::string data;
    for (const std::uint32_t w : {0x950412deU, 0U, n, keys_at, texts_at, 0U, 0U}) put_word(head, w, big_endian);
    std::string key_table;
    std::string text_table;
    for (const auto& [key, text] : entries) {
        put_word(key_table, static_cast<std::uint32_t>(key.size()), big_endian);
        put_word(key_table, data_at + static_cast<std::uint32_t>(data.size()), big_endian);
        data += key;
        data += '\0';
    }
    for (const auto& [key, text] : entries) {
        put_word(text_table, static_cast<std::uint32_t>(text.size()), big_endian);
        put_word(text_table, data_at + static_cast<std::uint32_t>(data.size()), big_endian);
        data += text;
        data += '\0';
    }
    return head + key_table + text_table + data;
}

using namespace std::string_literals;

// Installs a catalogue for one test; afterwards an empty one (English fallback) takes its place, so
// no later test reads through a pointer into the freed file.
struct Installed {
    Language language;
    std::unique_ptr<MoCatalogue> file;
    Installed(Language l, std::unique_ptr<MoCatalogue> f) : language(l), file(std::move(f)) {
        install_catalogue(language, file->catalogue());
    }
    ~Installed() { install_catalogue(language, Catalogue{}); }
    Installed(const Installed&) = delete;
    Installed& operator=(const Installed&) = delete;
};

}  // namespace

TEST_CASE("mo_catalogue: a file msgfmt compiled is read, sorted, plural forms separated by NUL") {
    const std::string bytes = fixture_mo("de");
    REQUIRE_FALSE(bytes.empty());
    const auto read = read_mo_catalogue(Language::de, bytes);
    REQUIRE_MESSAGE(read.ok(), read.error());
    const Catalogue c = read.value()->catalogue();
    REQUIRE(c.size >= 5);
    for (std::size_t i = 1; i < c.size; ++i) CHECK(c.entries[i - 1].key < c.entries[i].key);
    bool found_plural = false;
    for (const CatalogueEntry& e : c) {
        CHECK(e.text.data()[e.text.size()] == '\0');  // tr() hands out .data() as a C string
        if (e.key == "home.count") {
            found_plural = true;
            CHECK(e.text == "{shown} von {n} Reflexion\0{shown} von {n} Reflexionen"s);
        }
    }
    CHECK(found_plural);
}

TEST_CASE("mo_catalogue: an installed catalogue feeds tr_in and tr_plural_in, English fills the gaps") {
    auto read = read_mo_catalogue(Language::de, fixture_mo("de"));
    REQUIRE(read.ok());
    const Installed installed(Language::de, std::move(read).value());
    CHECK(has_catalogue(Language::de));
    CHECK(tr_in(Language::de, "data.language") == "Sprache");
    CHECK(tr_plural_in(Language::de, "home.count", 1, {{"shown", "1"}}) == "1 von 1 Reflexion");
    CHECK(tr_plural_in(Language::de, "home.count", 7, {{"shown", "2"}}) == "2 von 7 Reflexionen");
    CHECK(tr_in(Language::de, "data.export") == tr_in(Language::en, "data.export"));
}

TEST_CASE("mo_catalogue: Arabic's six plural forms are picked for 0, 1, 2, 3, 11 and 100") {
    auto read = read_mo_catalogue(Language::ar, fixture_mo("ar"));
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

TEST_CASE("mo_catalogue: every truncation of a real file is refused") {
    const std::string bytes = fixture_mo("it");
    REQUIRE(bytes.size() > 28);
    REQUIRE(read_mo_catalogue(Language::it, bytes).ok());
    for (std::size_t size = 0; size < bytes.size(); ++size) {
        CAPTURE(size);
        // A copy of exactly `size` bytes, so a read past the end is a sanitizer finding, not luck.
        const std::string cut = bytes.substr(0, size);
        CHECK_FALSE(read_mo_catalogue(Language::it, cut).ok());
    }
}

TEST_CASE("mo_catalogue: offsets and lengths that point outside the file are refused") {
    const std::string good = make_mo({{"", german_header}, {"a.key", "Text"}});
    REQUIRE(read_mo_catalogue(Language::de, good).ok());
    const auto patched = [&](std::size_t at, std::uint32_t value) {
        std::string bytes = good;
        std::string word;
        put_word(word, value, false);
        bytes.replace(at, 4, word);
        return bytes;
    };
    CHECK_FALSE(read_mo_catalogue(Language::de, patched(8, 1000000)).ok());                // more strings than fit
    CHECK_FALSE(read_mo_catalogue(Language::de, patched(12, 0xFFFFFFF0)).ok());            // key table past the end
    CHECK_FALSE(read_mo_catalogue(Language::de, patched(16, 0xFFFFFFF8)).ok());            // text table past the end
    CHECK_FALSE(read_mo_catalogue(Language::de, patched(28 + 8, 0xFFFFFFFF)).ok());        // a key's length
    CHECK_FALSE(read_mo_catalogue(Language::de, patched(28 + 12, 0xFFFFFFFE)).ok());       // a key's offset
    CHECK_FALSE(read_mo_catalogue(Language::de, patched(28 + 16 + 12, 0xFFFFFFF0)).ok());  // a text's offset
    CHECK_FALSE(read_mo_catalogue(Language::de, patched(28 + 16 + 8, 2)).ok());            // a length missing its NUL
    CHECK_FALSE(read_mo_catalogue(Language::de, patched(0, 0x12345678)).ok());             // not a .mo file
    CHECK_FALSE(read_mo_catalogue(Language::de, patched(4, 0x00010000)).ok());             // a revision we do not know
}

TEST_CASE("mo_catalogue: either byte order is read") {
    const auto big = read_mo_catalogue(Language::de, make_mo({{"", german_header}, {"a.key", "Text"}}, true));
    REQUIRE_MESSAGE(big.ok(), big.error());
    REQUIRE(big.value()->catalogue().size == 1);
    CHECK(big.value()->catalogue().entries[0].text == "Text");
}

TEST_CASE("mo_catalogue: text that is not UTF-8 is refused") {
    CHECK_FALSE(read_mo_catalogue(Language::de, make_mo({{"", german_header}, {"a.key", "Gr\xFC\xDF"}})).ok());
    CHECK_FALSE(read_mo_catalogue(Language::de, make_mo({{"", german_header}, {"a.k\xC3", "Text"}})).ok());
    CHECK_FALSE(read_mo_catalogue(Language::de, make_mo({{"", german_header}, {"a.key", "\xED\xA0\x80"}})).ok());
}

TEST_CASE("mo_catalogue: the header must be there and declare the language's number of plural forms") {
    CHECK_FALSE(read_mo_catalogue(Language::de, make_mo({{"a.key", "Text"}})).ok());
    const std::string six =
        "Language: ar\nPlural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
        "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);\n";
    const std::string two = "Language: ar\nPlural-Forms: nplurals=2; plural=(n != 1);\n";
    CHECK(read_mo_catalogue(Language::ar, make_mo({{"", six}, {"a.key", "نص"}})).ok());
    const auto wrong = read_mo_catalogue(Language::ar, make_mo({{"", two}, {"a.key", "نص"}}));
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().find("nplurals=2") != std::string::npos);
    CHECK_FALSE(read_mo_catalogue(Language::de, make_mo({{"", "Plural-Forms: nplurals=3; plural=n;\n"}})).ok());
    CHECK_FALSE(read_mo_catalogue(Language::de, make_mo({{"", "Language: de\n"}})).ok());  // no Plural-Forms
    // A German file offered as Italian.
    CHECK_FALSE(read_mo_catalogue(Language::it, make_mo({{"", german_header}})).ok());
}

TEST_CASE("mo_catalogue: plural entries need every form; other entries hold one text") {
    CHECK(read_mo_catalogue(Language::de, make_mo({{"", german_header}, {"k\0k"s, "eins\0viele"s}})).ok());
    CHECK_FALSE(read_mo_catalogue(Language::de, make_mo({{"", german_header}, {"k\0k"s, "eins"}})).ok());
    CHECK_FALSE(read_mo_catalogue(Language::de, make_mo({{"", german_header}, {"k\0k"s, "a\0b\0c"s}})).ok());
    CHECK_FALSE(read_mo_catalogue(Language::de, make_mo({{"", german_header}, {"k", "a\0b"s}})).ok());
}

TEST_CASE("mo_catalogue: duplicate keys and message contexts are refused") {
    CHECK_FALSE(read_mo_catalogue(Language::de, make_mo({{"", german_header}, {"k", "a"}, {"k", "b"}})).ok());
    CHECK_FALSE(read_mo_catalogue(Language::de, make_mo({{"", german_header}, {"menu\x04k", "a"}})).ok());
}
