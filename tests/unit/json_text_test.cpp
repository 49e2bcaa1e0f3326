// Tests of the raw-text stage: size, BOM, UTF-8, nesting depth, syntax errors and their positions.
#include <doctest/doctest.h>

#include <string>

#include "serialization/json_text.h"

using namespace debrief;

namespace {

Error parse_error_of(std::string_view text, const DecodeLimits& limits = {}) {
    auto result = read_json_tree(text, limits);
    REQUIRE_FALSE(result.ok());
    return result.error();
}

}  // namespace

TEST_CASE("positions count lines from 1 and columns in characters, not bytes") {
    const std::string text = "{\n  \"a\": \"äö\", x";
    CHECK(describe_text_position(text, 0) == "line 1, column 1, byte offset 0");
    // 'x' is byte 17 but column 14: "ä" and "ö" take two bytes each.
    CHECK(describe_text_position(text, text.size() - 1) == "line 2, column 14, byte offset 17");
}

TEST_CASE("a UTF-8 byte order mark is skipped") {
    auto result = read_json_tree("\xEF\xBB\xBF{\"a\": 1}");
    REQUIRE(result.ok());
    CHECK(result.value().root().find("a")->as_int64() == 1);
}

TEST_CASE("a second BOM is refused (nlohmann alone would skip it)") {
    const Error error = parse_error_of("\xEF\xBB\xBF\xEF\xBB\xBF{\"a\": 1}");
    CHECK(error.message ==
          "The file is not valid JSON: unexpected U+FEFF (a second byte order mark) at line 1, "
          "column 2, byte offset 3, near $");
    CHECK(error.json_path == "$");
    CHECK_FALSE(read_json_tree("\xEF\xBB\xBF{\"a\": 1}").value().root().empty());
    CHECK_FALSE(read_json_tree("\xEF\xBB\xBF\xEF\xBB\xBF").ok());
}

TEST_CASE("positions after a BOM count from the start of the file") {
    const Error error = parse_error_of("\xEF\xBB\xBF{\"a\": x}");
    CHECK(error.message == "The file is not valid JSON: unexpected 'x' at line 1, column 8, byte offset 9, near $.a");
    CHECK(error.json_path == "$.a");
}

TEST_CASE("empty and whitespace-only files") {
    CHECK(parse_error_of("").message == "The file is empty: there is no journal in it");
    CHECK(parse_error_of(" \n\t").message == "The file is empty: there is no journal in it");
    CHECK(parse_error_of("\xEF\xBB\xBF").json_path == "$");
}

TEST_CASE("documents larger than the limit are refused before parsing, with their size") {
    DecodeLimits limits;
    limits.max_bytes = 1024 * 1024;
    const std::string big(1024 * 1024 + 1, ' ');
    const Error error = parse_error_of(big, limits);
    CHECK(error.message ==
          "This file is 1.0 MB (1048577 bytes); Debrief reads journals up to 1.0 MB. Is it really a Debrief export?");
    CHECK(error.json_path == "$");
    CHECK(read_json_tree("{}" + std::string(1024 * 1024 - 2, ' '), limits).ok());  // exactly at the limit
}

TEST_CASE("the default limit is 50 MB") {
    const std::string huge(50u * 1024u * 1024u + 100u, ' ');
    const Error error = parse_error_of(huge);
    CHECK(
        error.message ==
        "This file is 50.0 MB (52428900 bytes); Debrief reads journals up to 50.0 MB. Is it really a Debrief export?");
}

TEST_CASE("invalid UTF-8 is reported with the byte and its position") {
    SUBCASE("a Latin-1 byte") {
        const Error error = parse_error_of("{\"company\": \"M\xFCller\"}");
        CHECK(
            error.message ==
            "The file is not valid UTF-8 text: byte 0xFC at line 1, column 15, byte offset 14 cannot start or continue "
            "a character. Was it saved in another encoding?");
        CHECK(error.json_path == "$");
    }
    SUBCASE("an overlong encoding of '/'") {
        CHECK(parse_error_of("[\"\xC0\xAF\"]").message.find("byte 0xC0") != std::string::npos);
    }
    SUBCASE("a UTF-16 surrogate") {
        CHECK(parse_error_of("[\"\xED\xA0\x80\"]").message.find("byte 0xED at line 1, column 3") != std::string::npos);
    }
    SUBCASE("a sequence cut off at the end") {
        CHECK(parse_error_of("[\"\xF0\x9F\x98").message.find("byte 0xF0") != std::string::npos);
    }
    SUBCASE("above U+10FFFF") {
        CHECK(parse_error_of("[\"\xF4\x90\x80\x80\"]").message.find("byte 0xF4") != std::string::npos);
    }
}

TEST_CASE("valid multi-byte text of every length parses") {
    auto result = read_json_tree("[\"\xC3\xA4\", \"\xD8\xB9\", \"\xE2\x80\xA8\", \"\xF0\x9F\x98\x80\"]");
    REQUIRE(result.ok());
    CHECK(result.value().root()[3].text() == "\xF0\x9F\x98\x80");
}

TEST_CASE("nesting is limited before the recursive parts run") {
    DecodeLimits limits;
    limits.max_depth = 3;
    CHECK(read_json_tree("[[[1]]]", limits).ok());
    const Error error = parse_error_of("[[[[1]]]]", limits);
    CHECK(error.message ==
          "The file nests lists and objects more than 3 levels deep (at line 1, column 4, byte offset 3); a Debrief "
          "journal never does, so it is damaged or not a journal");
    CHECK(error.json_path == "$");
    SUBCASE("brackets inside strings do not count") {
        CHECK(read_json_tree("[\"[[[[[[\", \"\\\"[[[[\"]", limits).ok());
    }
}

TEST_CASE("a 100,000-deep document fails cleanly instead of overflowing the stack") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const Error error = parse_error_of(deep);
    CHECK(error.message.rfind(
              "The file nests lists and objects more than 64 levels deep (at line 1, column 65, byte offset 64)", 0) ==
          0);
}

TEST_CASE("syntax errors name the position and the JSON path being read") {
    const Error error = parse_error_of("{\n  \"reflections\": [\n    {\"company\": \"A\" \"role\": \"B\"}\n  ]\n}");
    CHECK(error.message ==
          "The file is not valid JSON: unexpected \"role\" at line 3, column 21, byte offset 41, near "
          "$.reflections[0].company; is a comma missing before it?");
    CHECK(error.json_path == "$.reflections[0].company");
}

TEST_CASE("a truncated document says it looks cut off") {
    const Error error = parse_error_of("{\"reflections\": [{\"company\": \"Bottega");
    CHECK(error.message ==
          "The file ends too early, at line 1, column 38, byte offset 37: it looks cut off (was it copied or saved "
          "completely?)");
    CHECK(error.json_path == "$.reflections[0].company");
}

TEST_CASE("raw control characters inside text are explained") {
    const Error error = parse_error_of("{\"letter\": \"line one\nline two\"}");
    CHECK(error.message ==
          "The file is not valid JSON: a raw control character (U+000A) inside text, where an escape like \\n is "
          "expected, at line 1, column 21, byte offset 20, near $.letter");
}

TEST_CASE("text after the document is an error") {
    const Error error = parse_error_of("{} {}");
    CHECK(error.message == "The file is not valid JSON: unexpected '{' at line 1, column 4, byte offset 3, near $");
}

TEST_CASE("a misplaced closing bracket is not mistaken for a missing comma") {
    const Error error = parse_error_of("{\"a\": [1, 2}");
    CHECK(error.message ==
          "The file is not valid JSON: unexpected '}' at line 1, column 12, byte offset 11, near $.a[2]");
}

TEST_CASE("duplicate keys are refused instead of silently keeping one") {
    const Error error = parse_error_of("{\"a\": {\"b\": 1, \"b\": 2}}");
    CHECK(error.message == "The key \"b\" appears twice in the same object at $.a; a key may appear only once");
    CHECK(error.json_path == "$.a.b");
}

TEST_CASE("numbers beyond double's range are reported, not thrown") {
    const Error error = parse_error_of("{\"x\": [1, -1e999]}");
    CHECK(error.message == "The number -1e999 is too large at $.x[1] (line 1, column 11, byte offset 10)");
    CHECK(error.json_path == "$.x[1]");
}

TEST_CASE("key order is preserved") {
    auto result = read_json_tree("{\"z\": 1, \"a\": 2, \"m\": 3}");
    REQUIRE(result.ok());
    const JsonNode& root = result.value().root();
    REQUIRE(root.size() == 3);
    CHECK(root[0].key() == "z");
    CHECK(root[1].key() == "a");
    CHECK(root[2].key() == "m");
}

TEST_CASE("a file with more values than a journal could hold is refused while it is read") {
    DecodeLimits limits;
    limits.max_values = 4;
    CHECK(read_json_tree("[0, 0, 0]", limits));  // three numbers and the list: four values
    const auto refused = read_json_tree(R"({"a": [0, 0, 0, 0, 0]})", limits);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message ==
          "The file holds more than 4 values (the last read at $.a[4]), far more than a Debrief journal of its "
          "size would (about one per 20 bytes), so it is damaged or not a journal");
    CHECK(refused.error().json_path == "$.a[4]");
}
