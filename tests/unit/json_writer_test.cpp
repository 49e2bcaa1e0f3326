// Tests of the streaming JSON writer, differential against nlohmann::json's dump (the writer replaced a tree
// and dump(), and every byte of what Debrief writes must stay the same): strings of every byte, code point,
// script and kind of broken UTF-8, generated trees in both layouts, and whole record documents.
#include <doctest/doctest.h>
#include <cmath>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sample_journal.h"
#include "serialization/journal_json.h"
#include "serialization/json_writer.h"

using namespace debrief;
using Json = nlohmann::ordered_json;

namespace {

// What Debrief wrote before the writer existed: dump with ensure_ascii=false and invalid UTF-8 replaced.
std::string nlohmann_text(const Json& value, JsonLayout layout) {
    return value.dump(layout == JsonLayout::pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

std::string writer_string(std::string_view text) {
    std::string out;
    append_json_string(out, text);
    return out;
}

// Compares one string; reports the input as hex so a failure shows the bytes that broke.
void check_string(const std::string& text) {
    const std::string expected = nlohmann_text(Json(text), JsonLayout::compact);
    const std::string actual = writer_string(text);
    if (actual != expected) {
        std::string hex;
        for (unsigned char c : text) {
            constexpr char digits[] = "0123456789ABCDEF";
            hex += digits[c >> 4];
            hex += digits[c & 0xF];
            hex += ' ';
        }
        CAPTURE(hex);
        CHECK(actual == expected);
    }
}

void append_utf8(std::string& out, std::uint32_t cp) {
    // Deliberately no checks: surrogates are encoded too, which makes them ill-formed UTF-8 (ED A0..BF xx).
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Pieces that strings are generated from: text people write, JSON's special characters, and every kind of
// ill-formed UTF-8 (lone continuation bytes, truncated sequences, overlong forms, surrogates, > U+10FFFF).
const std::vector<std::string> pieces = {
    "a",
    "Hello, world",
    " ",
    "/",
    "\"",
    "\\",
    "\\u0041",
    "\n",
    "\r\n",
    "\t",
    "\b",
    "\f",
    std::string(1, '\0'),
    "\x01",
    "\x1F",
    "\x7F",
    "ü",
    "ß",
    "Straße",
    "È",
    "ç",
    "Ωμέγα",
    "Привет",
    "שָׁלוֹם",
    "مرحبا",
    "\xE2\x80\x8F",
    "नमस्ते",
    "ধন্যবাদ",
    "สวัสดี",
    "日本語",
    "中文",
    "한국어",
    "ქართული",
    "Ꭰ",
    "𝄞",
    "😀",
    "👩🏽‍💻",
    "🇩🇪",
    "❤️‍🔥",
    "\xEF\xBB\xBF",
    "\xE2\x80\xA8",
    "\xE2\x80\xA9",
    "\xEF\xBF\xBD",
    "\xF4\x8F\xBF\xBF",
    "\xEF\xBF\xBF",
    "\x80",
    "\xBF",
    "\xC0",
    "\xC1",
    "\xC2",
    "\xDF",
    "\xE0",
    "\xE0\xA0",
    "\xE0\x80",
    "\xE0\x9F\xBF",
    "\xED\xA0\x80",
    "\xED\x9F\xBF",
    "\xED\xBF\xBF",
    "\xEF\xBF",
    "\xF0",
    "\xF0\x90",
    "\xF0\x90\x80",
    "\xF0\x8F\xBF\xBF",
    "\xF4\x90\x80\x80",
    "\xF5\x80\x80\x80",
    "\xF8\x88\x80\x80\x80",
    "\xFE",
    "\xFF",
    "\xC0\xAF",
    "\xE0\x80\xAF",
    "\xC3\x28",
    "\xE2\x82\x28",
    "\xF0\x28\x8C\xBC",
    "\xF0\x9F\x98",
    "\xF0\x9F\x98\x41",
};

// A number below `n` (modulo rather than a distribution: the same sequence with every standard library).
unsigned below(std::mt19937& rng, std::size_t n) { return static_cast<unsigned>(rng() % n); }

std::string random_string(std::mt19937& rng) {
    std::string text;
    const unsigned count = below(rng, 12);
    for (unsigned i = 0; i < count; ++i) {
        if (below(rng, 5) == 0) {
            text += static_cast<char>(below(rng, 256));  // any byte at all
        } else {
            text += pieces[below(rng, pieces.size())];
        }
    }
    return text;
}

// A random tree: objects (insertion ordered), arrays, empty containers, every scalar kind Debrief writes.
Json random_tree(std::mt19937& rng, int depth) {
    const unsigned kind = depth >= 4 ? 3 + below(rng, 5) : below(rng, 8);
    switch (kind) {
        case 0:
        case 1: {
            Json object = Json::object();
            const unsigned n = below(rng, 4);
            for (unsigned i = 0; i < n; ++i)
                object[random_string(rng) + std::to_string(i)] = random_tree(rng, depth + 1);
            return object;
        }
        case 2: {
            Json array = Json::array();
            const unsigned n = below(rng, 4);
            for (unsigned i = 0; i < n; ++i) array.push_back(random_tree(rng, depth + 1));
            return array;
        }
        case 3: return Json(random_string(rng));
        case 4: return Json(static_cast<std::int64_t>(rng()) - static_cast<std::int64_t>(rng()) * 4096);
        case 5: return Json(below(rng, 2) == 0);
        case 6: return Json(nullptr);
        default: return Json(static_cast<int>(below(rng, 11)));
    }
}

// Streams a tree through the writer, the way the encoders do (key before each member value).
void write_tree(JsonWriter& w, const Json& value) {
    if (value.is_object()) {
        w.begin_object();
        for (auto it = value.begin(); it != value.end(); ++it) {
            w.key(it.key());
            write_tree(w, it.value());
        }
        w.end_object();
    } else if (value.is_array()) {
        w.begin_array();
        for (const Json& element : value) write_tree(w, element);
        w.end_array();
    } else if (value.is_string()) {
        w.string(value.get_ref<const std::string&>());
    } else if (value.is_boolean()) {
        w.boolean(value.get<bool>());
    } else if (value.is_null()) {
        w.null();
    } else {
        w.number(value.get<std::int64_t>());
    }
}

std::string writer_text(const Json& value, JsonLayout layout) {
    std::string out;
    JsonWriter w(out, layout);
    write_tree(w, value);
    w.flush();
    return out;
}

// A canonical text is a fixed point of parse and dump: what nlohmann would write for the same tree.
void check_canonical(const std::string& text, JsonLayout layout) {
    const Json parsed = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    REQUIRE_FALSE(parsed.is_discarded());
    CHECK(nlohmann_text(parsed, layout) == text);
}

}  // namespace

TEST_CASE("json writer: every single byte, alone and between text, is written as nlohmann writes it") {
    for (int b = 0; b < 256; ++b) {
        check_string(std::string(1, static_cast<char>(b)));
        check_string("ab" + std::string(1, static_cast<char>(b)) + "cd");
    }
}

TEST_CASE("json writer: every pair of bytes, and every lead byte followed by every two bytes of interest") {
    for (int a = 0; a < 256; ++a)
        for (int b = 0; b < 256; ++b) check_string({static_cast<char>(a), static_cast<char>(b)});
    const int interesting[] = {0x00, 0x22, 0x41, 0x5C, 0x7F, 0x80, 0x8F, 0x90, 0x9F,
                               0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xFF};
    for (int lead = 0xC0; lead < 0x100; ++lead)
        for (int second = 0; second < 256; ++second)
            for (int third : interesting)
                for (int fourth : {0x41, 0x80, 0xBF, 0xC0}) {
                    check_string({static_cast<char>(lead), static_cast<char>(second), static_cast<char>(third),
                                  static_cast<char>(fourth), 'z'});
                    check_string({static_cast<char>(lead), static_cast<char>(second), static_cast<char>(third)});
                }
}

TEST_CASE("json writer: every code point of every script (and encoded surrogates) in runs of 64") {
    for (std::uint32_t start = 0; start <= 0x10FFFF; start += 64) {
        std::string text;
        for (std::uint32_t cp = start; cp < start + 64 && cp <= 0x10FFFF; ++cp) append_utf8(text, cp);
        check_string(text);
    }
}

TEST_CASE("json writer: generated strings of text, controls and broken UTF-8") {
    std::mt19937 rng(20261122);
    for (int i = 0; i < 20000; ++i) check_string(random_string(rng));
    for (const std::string& piece : pieces) check_string(piece);
}

TEST_CASE("json writer: generated trees in the pretty and the compact layout") {
    std::mt19937 rng(7);
    for (int i = 0; i < 3000; ++i) {
        const Json tree = random_tree(rng, 0);
        CHECK(writer_text(tree, JsonLayout::pretty) == nlohmann_text(tree, JsonLayout::pretty));
        CHECK(writer_text(tree, JsonLayout::compact) == nlohmann_text(tree, JsonLayout::compact));
    }
    // The edge cases by name: empty containers at the top and nested, and extreme numbers.
    for (const char* text : {"{}", "[]", "[[]]", "{\"a\":{}}", "{\"a\":[{}],\"b\":[[],[1]]}", "[null,true,false]",
                             "[-9223372036854775808,9223372036854775807,0,-1]"}) {
        const Json tree = Json::parse(text);
        CHECK(writer_text(tree, JsonLayout::pretty) == nlohmann_text(tree, JsonLayout::pretty));
        CHECK(writer_text(tree, JsonLayout::compact) == nlohmann_text(tree, JsonLayout::compact));
    }
}

TEST_CASE("json writer: long strings and deep nesting cross the writer's buffer and indentation blocks") {
    std::mt19937 rng(3);
    for (int i = 0; i < 20; ++i) {
        std::string text;
        while (text.size() < 20000) text += random_string(rng);
        check_string(text);
        check_string(std::string(5000 + static_cast<std::size_t>(i), 'x') + "\n\xFF" + std::string(9000, 'y'));
    }
    Json deep = Json::array({"leaf", Json::object()});
    for (int depth = 0; depth < 100; ++depth)
        deep = Json::object({{"level" + std::to_string(depth), Json::array({deep, depth})}});
    CHECK(writer_text(deep, JsonLayout::pretty) == nlohmann_text(deep, JsonLayout::pretty));
    CHECK(writer_text(deep, JsonLayout::compact) == nlohmann_text(deep, JsonLayout::compact));
}

TEST_CASE("json writer: whole record documents are canonical in both layouts, with generated text") {
    using namespace debrief::samples;
    std::mt19937 rng(99);
    const Journal sample = sample_journal();
    for (int round = 0; round < 50; ++round) {
        Journal journal = sample;
        for (Reflection& r : journal.reflections) {
            r.company = random_string(rng);
            r.vent.letter = random_string(rng) + random_string(rng);
            r.vent.emotions = {random_string(rng), ""};
            for (Win& w : r.wins) w.text = random_string(rng);
            r.resilience.lesson = random_string(rng);
            if (round % 2 == 0) r.army.clear();
        }
        for (Message& m : journal.messages) m.body = random_string(rng);
        if (round % 3 == 0) journal.settings.profile_choices.clear();
        const std::vector<AnyRecord> records = {journal.reflections[0], journal.reflections[1], journal.contacts[0],
                                                journal.messages[0],    journal.reminders[1],   journal.settings};
        for (const AnyRecord& record : records) {
            check_canonical(encode_record(record, {}, TextLayout::line), JsonLayout::compact);
            const std::string pretty = encode_record(record);
            REQUIRE(pretty.back() == '\n');
            check_canonical(pretty.substr(0, pretty.size() - 1), JsonLayout::pretty);
        }
        check_canonical(canonical_record_text(journal.reflections[2]), JsonLayout::compact);
        const std::string whole = encode_journal(journal, sample_export_time());
        check_canonical(whole.substr(0, whole.size() - 1), JsonLayout::pretty);
    }
}

TEST_CASE("json writer: kept unknown keys are indented like the rest and never repeat a known key") {
    const Reflection reflection = samples::sample_journal().reflections[0];
    const RecordExtras extras = {
        // Numbers in nlohmann's form, so the text is canonical: kept numbers go out as they came
        // (raw_extras_test.cpp has the forms nlohmann would change).
        {"", R"({"company":"not twice","color":"#fc0","nested":{"a":[1,2.5,{"b":[]}],"e":{}},"x":1.5e+300})"},
        {"vent", R"({"voice_memo":null,"letter":"no"})"},
        {"steps", R"({"celebrate":"done"})"},
        {"wins/" + reflection.wins.at(0).id, R"({"photo":{"file":"präsentation.jpg","w":1280}})"},
        {"resilience", "not json"},
    };
    for (TextLayout layout : {TextLayout::pretty, TextLayout::line}) {
        std::string text = encode_record(reflection, extras, layout);
        if (layout == TextLayout::pretty) text.pop_back();
        CAPTURE(text);
        check_canonical(text, layout == TextLayout::pretty ? JsonLayout::pretty : JsonLayout::compact);
        const Json parsed = Json::parse(text);
        const Json& record = parsed.at("record");
        CHECK(record.at("company") == reflection.company);
        CHECK(record.at("nested").dump() == R"({"a":[1,2.5,{"b":[]}],"e":{}})");
        CHECK(record.back().is_number());  // "x", last, as the parser read it
        CHECK(record.at("vent").at("letter") == reflection.vent.letter);
        CHECK(record.at("vent").back().is_null());
        CHECK(record.at("steps").back() == "done");
        CHECK(record.at("wins").at(0).back().at("w") == 1280);
    }
}

TEST_CASE("fractional numbers for the page: two decimals, null when not finite") {
    std::string out;
    {
        JsonWriter w(out, JsonLayout::compact);
        w.begin_array();
        for (const double v : {12.5, static_cast<double>(0.1f), -3.0, -0.004, 1234.567, -7.05, 0.0}) w.decimal(v);
        w.decimal(std::nan(""));
        w.decimal(HUGE_VAL);
        w.end_array();
    }
    CHECK(out == "[12.5,0.1,-3,0,1234.57,-7.05,0,null,null]");
}
