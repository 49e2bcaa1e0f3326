// Issue #16 item 1: unknown fields are kept byte for byte as the file wrote them (numbers, escapes, key
// order, nested values), at every level, through decode, storage, reload and export; list items whose
// ids collide each keep their own; refusals quote what is in the file.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fixture_files.h"
#include "scratch_folder.h"
#include "serialization/journal_json.h"
#include "serialization/json_text.h"
#include "serialization/json_tree.h"
#include "serialization/json_writer.h"
#include "storage/journal_store.h"

using namespace debrief;
using namespace debrief::samples;

namespace {

// Values a parser would write back differently: -0, an underflowing and an overflowing number, a
// redundant fraction, escapes (one of them a surrogate pair), a key with an escape, nested values.
const std::string odd_value =
    R"({"n0":-0,"n1":1e-400,"n2":12345678901234567890123,"n3":1.0,"s":"caf\u00e9 \ud83d\ude0a \/","o":{"z":[1.50,{"e":-0.0E+0}],"a":null},"caf\u00e9":true})";

// The same members as a file may space them: only this whitespace between tokens is not kept.
const std::string odd_value_spaced =
    "{ \"n0\" : -0 ,\n  \"n1\":1e-400,\"n2\":12345678901234567890123,\"n3\":1.0,"
    "\"s\":\"caf\\u00e9 \\ud83d\\ude0a \\/\",\"o\":{ \"z\":[ 1.50 , { \"e\":-0.0E+0 } ], \"a\":null "
    "},\"caf\\u00e9\":true }";

const std::string created = R"("2026-11-14T21:41:00.000+01:00")";

// A journal with unknown keys at every level: the document, the settings and a settings list item, a
// record, its step object and its list items (two of them sharing an id).
std::string odd_journal(const std::string& value) {
    return "{\"format\":\"debrief-journal\",\"version\":1,\"x_top\":" + value +
           ",\n \"settings\":{\"modified\":" + created + ",\"x_settings\":" + value +
           ",\"profile_choices\":[{\"key\":\"remote\",\"kind\":\"must_have\",\"x_choice\":" + value +
           "}]},\n \"reflections\":[{\"id\":\"r1\",\"created\":" + created + ",\"modified\":" + created +
           ",\"company\":\"Lumen\",\"x_record\":" + value + ",\"vent\":{\"letter\":\"hi\",\"x_vent\":" + value +
           "},\"wins\":[{\"id\":\"w1\",\"text\":\"first\",\"x_win\":1e-400},{\"id\":\"w1\",\"text\":\"second\","
           "\"x_win\":-0},{\"id\":\"w2\",\"text\":\"third\"},{\"id\":\"w1\",\"text\":\"fourth\",\"x_win\":\"\\u0034\"}]"
           "}],"
           "\n \"x_last\" : [ 1.0 , -0 ] }";
}

DecodedJournal decode_ok(const std::string& text) {
    auto decoded = decode_journal(text);
    if (!decoded) FAIL(decoded.error().message);
    return std::move(decoded).value();
}

void check_odd_extras(const JournalExtras& extras) {
    const std::string member = odd_value;
    CHECK(extras.document == "{\"x_top\":" + member + ",\"x_last\":[1.0,-0]}");
    CHECK(extras.settings.at("") == "{\"x_settings\":" + member + "}");
    CHECK(extras.settings.at("profile_choices/remote") == "{\"x_choice\":" + member + "}");
    const RecordExtras& record = extras.reflections.at("r1");
    CHECK(record.at("") == "{\"x_record\":" + member + "}");
    CHECK(record.at("vent") == "{\"x_vent\":" + member + "}");
    // Three items named w1: each keeps its own, matched by position among them.
    CHECK(record.at("wins/w1") == R"({"x_win":1e-400})");
    CHECK(record.at("wins#2/w1") == R"({"x_win":-0})");
    CHECK(record.at("wins#3/w1") == R"({"x_win":"\u0034"})");
    CHECK(record.count("wins/w2") == 0);
}

constexpr Timestamp export_time{1795338000000, 60};

}  // namespace

TEST_CASE("the tree gives every value's source text, and each member's key as written") {
    const std::string text = "{ \"caf\\u00e9\" :\t-0 , \"s\":\"a\\\"\\\\\",\"o\":{ \"k\" : [ 1.0 ] },\"t\":true}";
    const auto tree = read_json_tree(text);
    REQUIRE(tree);
    const JsonNode& root = tree.value().root();
    CHECK(root.raw() == text);
    CHECK(root[0].raw() == "-0");
    CHECK(root[0].text() == "-0");
    CHECK(root[0].as_int64() == 0);
    CHECK(root[0].raw_key() == "\"caf\\u00e9\"");
    CHECK(root[0].key() == "caf\xC3\xA9");
    CHECK(root[1].raw() == "\"a\\\"\\\\\"");
    CHECK(root[1].text() == "a\"\\");
    CHECK(root[2].raw() == "{ \"k\" : [ 1.0 ] }");
    CHECK(root[2][0].raw() == "[ 1.0 ]");
    CHECK(root[2][0][0].text() == "1.0");
    CHECK(root[3].raw() == "true");
    CHECK(root[3].raw_key() == "\"t\"");
}

TEST_CASE("compact JSON keeps every token and drops only the whitespace between them") {
    std::string out;
    append_compact_json(out, odd_value_spaced);
    CHECK(out == odd_value);
    std::string pretty;
    JsonWriter w(pretty, JsonLayout::pretty);
    w.begin_object();
    w.raw_key("\"caf\\u00e9\"");
    w.raw_json(odd_value_spaced);
    w.end_object();
    w.flush();
    CHECK(pretty.find("\"caf\\u00e9\": {\n    \"n0\": -0,\n    \"n1\": 1e-400,") != std::string::npos);
    CHECK(pretty.find("\"e\": -0.0E+0") != std::string::npos);
    std::string back;
    append_compact_json(back, pretty);
    CHECK(back == "{\"caf\\u00e9\":" + odd_value + "}");
}

TEST_CASE("unknown values at every level come back byte for byte through decode and export") {
    const DecodedJournal decoded = decode_ok(odd_journal(odd_value_spaced));
    check_odd_extras(decoded.extras);
    REQUIRE(decoded.journal.reflections.size() == 1);
    CHECK(decoded.journal.reflections[0].wins.size() == 4);

    const std::string exported = encode_journal(decoded.journal, decoded.extras, export_time);
    for (const char* written : {"\"n0\": -0,", "\"n1\": 1e-400,", "\"n2\": 12345678901234567890123,", "\"n3\": 1.0,",
                                "\"s\": \"caf\\u00e9 \\ud83d\\ude0a \\/\",", "1.50,", "\"e\": -0.0E+0",
                                "\"caf\\u00e9\": true", "\"x_win\": \"\\u0034\""}) {
        CAPTURE(written);
        CHECK(exported.find(written) != std::string::npos);
    }
    // Exported and read again: the same extras, and the same bytes once more.
    const DecodedJournal again = decode_ok(exported);
    CHECK(again.extras == decoded.extras);
    CHECK(encode_journal(again.journal, again.extras, export_time) == exported);
    // The items sharing an id are written back each with its own unknown keys, in order.
    const std::size_t first = exported.find("\"text\": \"first\"");
    const std::size_t second = exported.find("\"text\": \"second\"");
    const std::size_t fourth = exported.find("\"text\": \"fourth\"");
    REQUIRE(first != std::string::npos);
    CHECK(exported.find("\"x_win\": 1e-400", first) < second);
    CHECK(exported.find("\"x_win\": -0", second) < exported.find("\"text\": \"third\""));
    CHECK(exported.find("\"x_win\": \"\\u0034\"", fourth) != std::string::npos);
}

TEST_CASE("unknown values survive storage and a reload, the document's own keys with the settings") {
    const DecodedJournal decoded = decode_ok(odd_journal(odd_value));
    ScratchFolder folder;
    {
        JournalStore store(folder.path());
        store.set_extras(decoded.extras);
        const std::vector<RecordKey> keys = {{RecordType::settings, ""}, {RecordType::reflection, "r1"}};
        const BatchSaveResult saved = store.save_records(decoded.journal, keys);
        REQUIRE_FALSE(saved.first_error);
    }
    CHECK(folder.get("settings.json").find("\"journal\": {\n    \"x_top\": {") != std::string::npos);
    JournalStore reloaded(folder.path());
    const LoadResult loaded = reloaded.load_journal();
    REQUIRE(loaded.errors.empty());
    REQUIRE(loaded.quarantined.empty());
    check_odd_extras(loaded.extras);
    CHECK(loaded.extras == decoded.extras);
    CHECK(encode_journal(loaded.journal, loaded.extras, export_time) ==
          encode_journal(decoded.journal, decoded.extras, export_time));
}

TEST_CASE("a settings document keeps the journal's unknown keys only for settings") {
    Settings settings;
    const std::string text = encode_record(settings, {}, TextLayout::line, R"({"x":-0})");
    CHECK(text.find(R"("journal":{"x":-0})") != std::string::npos);
    const auto decoded = decode_record(text);
    REQUIRE(decoded);
    CHECK(decoded.value().journal_extras == R"({"x":-0})");
    CHECK(decoded.value().warnings.empty());
    CHECK(encode_record(settings).find("journal") == std::string::npos);  // none: no member
    // Another record's document never reads it.
    Reflection r;
    r.meta.id = "r1";
    std::string reflection = encode_record(r, {}, TextLayout::line);
    reflection.insert(reflection.size() - 1, R"(,"journal":5)");
    const auto other = decode_record(reflection);
    REQUIRE(other);
    CHECK(other.value().journal_extras.empty());
}

TEST_CASE("refusals quote numbers as the file writes them") {
    std::string text = odd_journal(odd_value);
    const std::string anchor = "\"letter\":\"hi\"";
    text.replace(text.find(anchor), anchor.size(), "\"letter\":\"hi\",\"mood_before\":1e-400");
    const auto refused = decode_journal(text);
    REQUIRE_FALSE(refused);
    CAPTURE(refused.error().message);
    CHECK(refused.error().message.find("found 1e-400") != std::string::npos);
    CHECK(refused.error().message.find("0.0") == std::string::npos);
    CHECK(refused.error().json_path == "$.reflections[0].vent.mood_before");

    std::string negative_zero = odd_journal(odd_value);
    negative_zero.replace(negative_zero.find(anchor), anchor.size(), "\"letter\":-0");
    const auto text_refused = decode_journal(negative_zero);
    REQUIRE_FALSE(text_refused);
    CHECK(text_refused.error().message.find("found -0") != std::string::npos);

    std::string long_number = odd_journal(odd_value);
    long_number.replace(long_number.find(anchor), anchor.size(),
                        "\"letter\":\"hi\",\"mood_before\":123456789012345678901234567890123456789012345678901");
    const auto long_refused = decode_journal(long_number);
    REQUIRE_FALSE(long_refused);
    CHECK(long_refused.error().message.find("found 1234567890123456789012345678901234567890\xE2\x80\xA6") !=
          std::string::npos);
}

TEST_CASE("a valid journal followed by one zero byte is refused with its place") {
    const std::string journal = read_fixture("journal-v1.json");
    const auto refused = decode_journal(journal + '\0');
    REQUIRE_FALSE(refused);
    CAPTURE(refused.error().message);
    CHECK(refused.error().message.find("zero byte") != std::string::npos);
    CHECK(refused.error().message.find("byte offset " + std::to_string(journal.size())) != std::string::npos);
    CHECK(refused.error().message.find("could not be read") == std::string::npos);
}
