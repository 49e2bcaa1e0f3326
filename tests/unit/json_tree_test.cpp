// The flat tree must hold exactly the values nlohmann's own DOM parser (the test oracle) reads, and
// refuse only what it refuses plus duplicate keys and excess depth: checked on edge cases and on
// thousands of mutated journals.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fixture_files.h"
#include "serialization/json_reader.h"
#include "serialization/json_text.h"
#include "serialization/json_tree.h"

using namespace debrief;
using Json = nlohmann::ordered_json;

namespace {

// The tree rebuilt as an nlohmann value, to compare with nlohmann's own parse.
Json to_nlohmann(const JsonNode& node) {
    switch (node.kind()) {
        case JsonKind::null: return Json(nullptr);
        case JsonKind::boolean: return Json(node.boolean());
        case JsonKind::number: return Json::parse(node.text());
        case JsonKind::string: return Json(std::string(node.text()));
        case JsonKind::array: {
            Json out = Json::array();
            for (const JsonNode& item : node) out.push_back(to_nlohmann(item));
            return out;
        }
        case JsonKind::object: {
            Json out = Json::object();
            for (const JsonNode& member : node) out[std::string(member.key())] = to_nlohmann(member);
            return out;
        }
    }
    return Json();
}

// Both agree on `text`: equal values when the tree accepts it; when it refuses, nlohmann refuses too
// or the refusal is one of ours (empty, duplicate key, depth).
void check_agreement(const std::string& text) {
    const auto tree = read_json_tree(text);
    const Json reference = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    CAPTURE(text);
    if (tree.ok()) {
        REQUIRE_FALSE(reference.is_discarded());
        CHECK(to_nlohmann(tree.value().root()) == reference);
    } else if (!reference.is_discarded()) {
        const std::string& message = tree.error().message;
        CHECK((message.find("appears twice") != std::string::npos || message.find("levels deep") != std::string::npos ||
               message.find("is empty") != std::string::npos));
    }
}

}  // namespace

TEST_CASE("the tree accepts and refuses exactly what nlohmann does, edge by edge") {
    const std::vector<std::string> cases = {
        "",
        " ",
        "{}",
        "[]",
        "\xEF\xBB\xBF{}",
        "\xEF\xBB\xBF",
        "{} x",
        "{}}",
        "[1,]",
        "[,1]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{a:1}",
        "{'a':1}",
        "[1 2]",
        "[true, false, null]",
        "[tru]",
        "[nul]",
        "[True]",
        "0",
        "-0",
        "-",
        "01",
        "1.",
        ".5",
        "1e",
        "1e+",
        "1E-7",
        "-12.5e3",
        "1e400",
        "-1e400",
        "1e-400",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "18446744073709551615",
        "18446744073709551616",
        "123456789012345678901234567890",
        "\"\\u00e4\\u0000\\n\\t\\\"\\\\\\/\\b\\f\\r\"",
        "\"\\ud83d\\ude0a\"",
        "\"\\ud83d\"",
        "\"\\ude0a\"",
        "\"\\ud83d\\u0041\"",
        "\"\\uZZZZ\"",
        "\"\\x\"",
        "\"\\u12\"",
        "\"tab\there\"",
        "\"line\nbreak\"",
        "\"\x7f\"",
        "\"Grüße – perché – مرحبا – 😊\"",
        "\"\xC3\"",
        "\"\xC0\xAF\"",
        "\"\xED\xA0\x80\"",
        "\"\xF4\x90\x80\x80\"",
        "\xC3\xA4",
        "\"unterminated",
        "{\"a\":1,\"a\":2}",
        "{\"a\":{\"b\":1,\"b\":1}}",
        "{\"a\":1,\"A\":2}",
        "[\"\\u0061\", {\"\\u0061\":1,\"a\":2}]",
        "\t\r\n [ ] \n",
        "[\f]",
        "{\"k\":[{\"k\":[{}]}]}",
        "[1]\x00",
    };
    for (const std::string& text : cases) check_agreement(text);

    std::string many_keys = "{";
    for (int i = 0; i < 100; ++i) many_keys += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
    check_agreement(many_keys + "}");
    check_agreement(many_keys + ",\"k57\":0}");

    const int limit = DecodeLimits{}.max_depth;
    check_agreement(std::string(limit, '[') + std::string(limit, ']'));
    check_agreement(std::string(limit + 1, '[') + std::string(limit + 1, ']'));
}

TEST_CASE("the tree agrees with nlohmann on thousands of damaged journals") {
    const std::string journal = samples::read_fixture("journal-v1.json");
    REQUIRE_FALSE(journal.empty());
    check_agreement(journal);
    // Mutations a damaged or hand-edited file shows: a byte lost, a stray JSON character, a cut, a
    // doubled span, a byte that is not UTF-8.
    const std::string inserts = "{}[],:\"\\ 0-.eE\x01\xC3\xFF";
    std::mt19937 random(20261122);
    const auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
    for (int round = 0; round < 3000; ++round) {
        std::string text = journal;
        const int edits = 1 + static_cast<int>(pick(3));
        for (int e = 0; e < edits && !text.empty(); ++e) {
            const std::size_t at = pick(text.size());
            switch (pick(4)) {
                case 0: text.erase(at, 1); break;
                case 1: text.insert(at, 1, inserts[pick(inserts.size())]); break;
                case 2: text.resize(at); break;
                default: text.insert(at, text.substr(pick(text.size()), 1 + pick(12)));
            }
        }
        check_agreement(text);
    }
}

TEST_CASE("the tree owns its strings, decoded, and outlives its source") {
    std::string text = R"({"plain": "Grüße", "escaped": "a\nb\u00e4", "n": -42})";
    auto parsed = read_json_tree(text);
    REQUIRE(parsed.ok());
    text.assign(text.size(), ' ');
    const JsonTree tree = std::move(parsed).value();
    const JsonNode& root = tree.root();
    REQUIRE(root.find("plain") != nullptr);
    CHECK(root.find("plain")->text() == "Grüße");
    CHECK(root.find("escaped")->text() == "a\nb\xC3\xA4");
    CHECK(root.find("n")->as_int64() == -42);
    CHECK(root.find("missing") == nullptr);
    CHECK(root[1].key() == "escaped");
}

TEST_CASE("a borrowing tree reads the same values, viewing the caller's text instead of a copy") {
    const std::string text =
        "\xEF\xBB\xBF"
        R"({"plain": "Grüße", "escaped": "a\nb\u00e4", "n": -0, "list": [1e-400, true]})";
    auto copied = read_json_tree(text);
    auto borrowed = read_json_tree(text, {}, JsonSource::borrow);
    REQUIRE(copied.ok());
    REQUIRE(borrowed.ok());
    CHECK(to_nlohmann(borrowed.value().root()) == to_nlohmann(copied.value().root()));
    const JsonNode& root = borrowed.value().root();
    // Unescaped values and raw texts view `text` itself (after its byte order mark).
    const std::string_view plain = root.find("plain")->text();
    CHECK(plain == "Grüße");
    CHECK(plain.data() > text.data());
    CHECK(plain.data() < text.data() + text.size());
    CHECK(root.find("n")->raw() == "-0");
    CHECK(root.find("list")->raw() == "[1e-400, true]");
    CHECK(root.find("list")->raw().data() == text.data() + text.find("[1e-400"));
    // What had escapes is unescaped into the tree's own buffer.
    CHECK(root.find("escaped")->text() == "a\nb\xC3\xA4");
    // Refusals are the same.
    CHECK_FALSE(read_json_tree(R"({"a": 1,})", {}, JsonSource::borrow).ok());
}
