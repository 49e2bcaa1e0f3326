// The import fuzzer's invariants (tests/fuzz/journal_checks.h) hold on every fixture, and every
// input the fuzzer ever broke something with stays here as a test named after what it found.
#include "journal_checks.h"

#include <filesystem>
#include <string>

#include <doctest/doctest.h>

#include "fixture_files.h"

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
        for (const auto& entry : std::filesystem::directory_iterator(std::string(DEBRIEF_FIXTURES_DIR) + "/" + folder)) {
            if (!entry.is_regular_file()) continue;
            const std::string relative = (std::string(folder).empty() ? "" : std::string(folder) + "/") +
                                         entry.path().filename().string();
            CAPTURE(relative);
            check_holds(samples::read_fixture(relative));
            ++files;
        }
    }
    CHECK(files >= 25);
}

TEST_CASE("the invariants hold on hand-picked edge cases") {
    for (const char* bytes : {"", " ", "{}", "[]", "null", "\xEF\xBB\xBF", "\xEF\xBB\xBF{}", "{\"a\":1,\"a\":2}",
                              "1e309", "-1e309", "123456789012345678901234567890", "\"\\ud800\"", "\"\\udc00\"",
                              "\"\\ud83d\\ude00\"", "\"\xED\xA0\x80\"", "[1,]", "{\"a\":1,}", "\"\t\"", "0", "-0",
                              "01", "1.", ".5", "1e", "tru", "[[[[[[[[[[]]]]]]]]]]", "# heading\n===\n- x\n```",
                              "BEGIN:VEVENT\r\nEND:VCALENDAR", "\xC3", "\xF4\x90\x80\x80"}) {
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
