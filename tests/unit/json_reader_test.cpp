// Tests of JSON paths, "found ..." descriptions and typed field reads used by every decoder.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "serialization/json_reader.h"
#include "serialization/json_text.h"

using namespace debrief;

namespace {

JsonTree tree(std::string_view literal) {
    auto parsed = read_json_tree(literal);
    REQUIRE(parsed.ok());
    return std::move(parsed).value();
}

}  // namespace

TEST_CASE("paths use dots for identifiers and brackets for anything else") {
    CHECK(path_key("$", "reflections") == "$.reflections");
    CHECK(path_index("$.reflections", 3) == "$.reflections[3]");
    CHECK(path_key("$", "two words") == "$[\"two words\"]");
    CHECK(path_key("$", "9lives") == "$[\"9lives\"]");
    CHECK(path_key("$", "") == "$[\"\"]");
    CHECK(path_key("$", "a\"b") == "$[\"a\\\"b\"]");
}

TEST_CASE("found values are described the way a person would read them, numbers as the file writes them") {
    const JsonTree document = tree(
        R"(["seven", 11, -3, 7.5, 1E3, null, true, [], [1], {}, {"a": 1}, "tab\there", -0, 1e20, 18446744073709551615,)"
        R"( 18446744073709551616, 0.1, 1.50])");
    const std::vector<std::string> expected = {"\"seven\"",
                                               "11",
                                               "-3",
                                               "7.5",
                                               "1E3",
                                               "null",
                                               "true",
                                               "an empty list",
                                               "a list",
                                               "an empty object",
                                               "an object",
                                               "\"tab\\there\"",
                                               "-0",
                                               "1e20",
                                               "18446744073709551615",
                                               "18446744073709551616",
                                               "0.1",
                                               "1.50"};
    REQUIRE(document.root().size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) CHECK(describe_found(document.root()[i]) == expected[i]);
}

TEST_CASE("long texts are shortened by characters, never inside one") {
    const std::string short_text(30, 'x');
    CHECK(quote_for_message(short_text) == "\"" + short_text + "\"");
    std::string long_text;
    for (int i = 0; i < 50; ++i) long_text += "\xC3\xA4";  // "ä" x 50
    std::string expected = "\"";
    for (int i = 0; i < 40; ++i) expected += "\xC3\xA4";
    CHECK(quote_for_message(long_text) == expected + "\"\xE2\x80\xA6");
    CHECK(quote_for_message("tab\there") == "\"tab\\there\"");
}

TEST_CASE("field reads report the first error with its path") {
    const JsonTree document = tree(R"({"text": 5, "mood": 4, "flag": "yes", "day": "2024-02-29", "list": ["a", 2]})");
    const JsonNode& object = document.root();
    JsonReader reader;
    FieldReader fields(reader, object, "$.x", SchemaObject::vent);
    std::string text;
    CHECK_FALSE(fields.text("text", text));
    int mood = 0;
    CHECK_FALSE(fields.number("mood", mood, 0, 3));  // a later error does not replace the first
    REQUIRE(reader.failed());
    CHECK(reader.error().message == "Expected text at $.x.text, found 5");
    CHECK(reader.error().json_path == "$.x.text");
}

TEST_CASE("field reads accept valid values and leave absent optional fields alone") {
    const JsonTree document = tree(R"({"letter": "hi", "mood_before": 10, "emotions": ["anger"]})");
    const JsonNode& object = document.root();
    JsonReader reader;
    FieldReader fields(reader, object, "$.vent", SchemaObject::vent);
    std::string letter;
    std::optional<int> mood;
    std::vector<std::string> emotions;
    CHECK(fields.text("letter", letter));
    CHECK(fields.optional_number("mood_before", mood, 0, 10));
    CHECK(fields.text_list("emotions", emotions));
    std::string absent = "unchanged";
    CHECK(fields.text("not_there", absent));
    CHECK(absent == "unchanged");
    CHECK(letter == "hi");
    CHECK(mood == 10);
    CHECK(emotions == std::vector<std::string>{"anger"});
    CHECK_FALSE(reader.failed());
}

TEST_CASE("numbers: whole numbers in range only") {
    const JsonTree document = tree(R"({"a": 7.0, "b": -1, "c": 18446744073709551615, "d": 5})");
    const JsonNode& object = document.root();
    for (const char* key : {"a", "b", "c"}) {
        JsonReader reader;
        FieldReader fields(reader, object, "$", SchemaObject::loved_item);
        int value = 0;
        CHECK_FALSE(fields.number(key, value, 1, 5));
        CHECK(reader.error().message.rfind("Expected a number from 1 to 5 at $.", 0) == 0);
    }
    JsonReader reader;
    FieldReader fields(reader, object, "$", SchemaObject::loved_item);
    int value = 0;
    CHECK(fields.number("d", value, 1, 5));
    CHECK(value == 5);
}

TEST_CASE("unknown keys are collected in file order with a warning each") {
    const JsonTree document = tree(R"({"zeta": 1, "letter": "", "alpha": {"x": [1, 2]}})");
    const JsonNode& object = document.root();
    JsonReader reader;
    FieldReader fields(reader, object, "$.reflections[0].vent", SchemaObject::vent);
    CHECK(fields.unknown_keys() == R"({"zeta":1,"alpha":{"x":[1,2]}})");
    REQUIRE(reader.warnings().size() == 2);
    CHECK(reader.warnings()[0] ==
          "Unknown field \"zeta\" at $.reflections[0].vent.zeta was kept unchanged (it may come from a newer version "
          "of Debrief)");
}

TEST_CASE("an unknown key is found even after known keys were looked up more than once") {
    const JsonTree document = tree(R"({"mood_before": 4, "letter": "x", "zeta": true})");
    JsonReader reader;
    FieldReader fields(reader, document.root(), "$.vent", SchemaObject::vent);
    std::optional<int> mood;
    std::string letter;
    CHECK(fields.optional_number("mood_before", mood, 0, 10));  // looks "mood_before" up twice
    CHECK(fields.optional_number("mood_before", mood, 0, 10));
    CHECK(fields.text("letter", letter));
    CHECK(fields.unknown_keys() == R"({"zeta":true})");
}

TEST_CASE("warnings are capped: the first ones are kept and the rest counted in a last line") {
    JsonReader reader;
    int made = 0;
    for (int i = 0; i < 100000; ++i) {
        reader.warn_with([&] {
            ++made;
            return "warning " + std::to_string(i);
        });
    }
    CHECK(made == static_cast<int>(JsonReader::max_warnings));  // the rest were never built
    CHECK(reader.warning_count() == 100000);
    const std::vector<std::string> warnings = reader.take_warnings();
    REQUIRE(warnings.size() == JsonReader::max_warnings + 1);
    CHECK(warnings.front() == "warning 0");
    CHECK(warnings[JsonReader::max_warnings - 1] == "warning 49");
    CHECK(warnings.back() ==
          "\xE2\x80\xA6"
          "and 99,950 more warnings like these");
}

TEST_CASE("a single warning past the cap reads in the singular and none past it adds no line") {
    JsonReader reader;
    for (std::size_t i = 0; i < JsonReader::max_warnings; ++i) reader.warn("w");
    CHECK(reader.take_warnings().size() == JsonReader::max_warnings);
    for (std::size_t i = 0; i <= JsonReader::max_warnings; ++i) reader.warn("w");
    CHECK(reader.take_warnings().back() ==
          "\xE2\x80\xA6"
          "and 1 more warning like these");
    CHECK(format_count(0) == "0");
    CHECK(format_count(999) == "999");
    CHECK(format_count(1000) == "1,000");
    CHECK(format_count(1234567) == "1,234,567");
}
