// The import fuzzer's invariants (tests/fuzz/journal_checks.h) hold on every fixture, and every
// input the fuzzer ever broke something with stays here as a test named after what it found.
#include "journal_checks.h"

#include <filesystem>
#include <string>

#include <doctest/doctest.h>

#include "fixture_files.h"
#include "serialization/journal_json.h"
#include "serialization/json_text.h"
#include "serialization/markdown.h"

using namespace debrief;

namespace {
void check_holds(const std::string& bytes) {
    const auto failure = fuzz::check_journal_bytes(bytes);
    CHECK_MESSAGE(!failure, failure.value_or(""));
}
}  // namespace

TEST_CASE("the fuzzer's invariants hold on every fixture (its seed corpus)") {
    int files = 0;
    for (const char* folder : {"", "invalid"}) {
        for (const auto& entry :
             std::filesystem::directory_iterator(std::string(DEBRIEF_FIXTURES_DIR) + "/" + folder)) {
            if (!entry.is_regular_file()) continue;
            const std::string relative =
                (std::string(folder).empty() ? "" : std::string(folder) + "/") + entry.path().filename().string();
            CAPTURE(relative);
            check_holds(samples::read_fixture(relative));
            ++files;
        }
    }
    CHECK(files >= 25);
}

TEST_CASE("the invariants hold on hand-picked edge cases") {
    for (const char* bytes : {"",
                              " ",
                              "{}",
                              "[]",
                              "null",
                              "\xEF\xBB\xBF",
                              "\xEF\xBB\xBF{}",
                              "{\"a\":1,\"a\":2}",
                              "1e309",
                              "-1e309",
                              "123456789012345678901234567890",
                              "\"\\ud800\"",
                              "\"\\udc00\"",
                              "\"\\ud83d\\ude00\"",
                              "\"\xED\xA0\x80\"",
                              "[1,]",
                              "{\"a\":1,}",
                              "\"\t\"",
                              "0",
                              "-0",
                              "01",
                              "1.",
                              ".5",
                              "1e",
                              "tru",
                              "[[[[[[[[[[]]]]]]]]]]",
                              "# heading\n===\n- x\n```",
                              "BEGIN:VEVENT\r\nEND:VCALENDAR",
                              "\xC3",
                              "\xF4\x90\x80\x80"}) {
        CAPTURE(bytes);
        check_holds(bytes);
    }
    // Nesting at the limit is accepted by both parsers, one level more by neither.
    check_holds(std::string(64, '[') + std::string(64, ']'));
    check_holds(std::string(65, '[') + std::string(65, ']'));
    // A long title folds on a multi-byte character.
    check_holds(std::string(73, 'a') + "\xC3\xA4\xF0\x9F\x98\x80" + std::string(200, 'b'));
}

// ---- findings, one test each, named after what the fuzzer found ----------------------------------

// Finding 1 (crash-023f4f76…): "0.5", 59 zero bytes, "d_A". nlohmann's lexer takes a zero byte for
// the end of the input, so its parser accepted what our own parser refused, and the import said only
// "The file could not be read as JSON", the message for "the parsers disagree". Since nlohmann's SAX
// parser became the only reader, it would have accepted the file outright. A journal padded with
// zeros (a crash while saving, a copy cut short) got no place named either.
TEST_CASE("fuzz finding: a zero byte after a complete value is refused, and where it is is said") {
    const std::string finding = std::string("0.5") + std::string(59, '\0') + "d_A";
    check_holds(finding);
    const auto tree = read_json_tree(finding);
    REQUIRE_FALSE(tree);
    CHECK(tree.error().message.find("zero byte") != std::string::npos);
    CHECK(tree.error().message.find("line 1, column 4, byte offset 3") != std::string::npos);

    const std::string padded = samples::read_fixture("journal-v1.json") + std::string(4096, '\0');
    const auto journal = decode_journal(padded);
    REQUIRE_FALSE(journal);
    CHECK(journal.error().message.find("zero byte") != std::string::npos);
    CHECK(journal.error().message.find("could not be read") == std::string::npos);
    check_holds(padded);

    const auto inside = read_json_tree(std::string("{\"a\":") + '\0' + "1}");
    REQUIRE_FALSE(inside);
    CHECK(inside.error().message.find("zero byte (U+0000) at line 1, column 6") != std::string::npos);
    CHECK_FALSE(read_json_tree(std::string("\"a") + '\0' + "b\""));  // raw, inside a string
}

// Finding 2 (crash-f0f46194…): " \0\0\0\0#" as user text. The Markdown writer dropped control
// characters only after deciding which character opens the line, so the "#" behind them went out
// unescaped and " #" became a heading. A journal can hold such text: JSON writes it as \u0000.
TEST_CASE("fuzz finding: control characters before a # no longer turn user text into a heading") {
    const std::string finding = std::string(" ") + std::string(4, '\0') + "#";
    check_holds(finding);
    CHECK_FALSE(fuzz::check_writers_with_text(finding));
    Reflection r;
    r.meta.id = "a0000000-0000-4000-8000-000000000001";
    r.company = "Studio Nord";
    r.vent.letter = std::string("\x01# Not a heading\n") + '\0' + "1. not a list\n\x7F- nor this";
    r.steps[0] = StepState::done;
    const std::string markdown = reflection_to_markdown(r);
    CHECK(markdown.find("\n# Not") == std::string::npos);
    CHECK(markdown.find("\\# Not a heading") != std::string::npos);
    CHECK(markdown.find("1\\. not a list") != std::string::npos);
    CHECK(markdown.find("\\- nor this") != std::string::npos);
    CHECK(markdown.find('\x01') == std::string::npos);
    CHECK(markdown.find('\x7F') == std::string::npos);
}
