// Tests of journal and record documents: golden round trips, multi-script text, extras, and one test per kind of
// corruption.
#include <doctest/doctest.h>

#include <string>

#include "fixture_files.h"
#include "sample_journal.h"
#include "serialization/journal_json.h"

using namespace debrief;
using namespace debrief::samples;

namespace {

// Two journals are equal when every record has the same canonical text, in the same order.
void check_same_journal(const Journal& a, const Journal& b) {
    CHECK(canonical_record_text(a.settings) == canonical_record_text(b.settings));
    REQUIRE(a.reflections.size() == b.reflections.size());
    REQUIRE(a.contacts.size() == b.contacts.size());
    REQUIRE(a.messages.size() == b.messages.size());
    REQUIRE(a.reminders.size() == b.reminders.size());
    for (std::size_t i = 0; i < a.reflections.size(); ++i)
        CHECK(canonical_record_text(a.reflections[i]) == canonical_record_text(b.reflections[i]));
    for (std::size_t i = 0; i < a.contacts.size(); ++i)
        CHECK(canonical_record_text(a.contacts[i]) == canonical_record_text(b.contacts[i]));
    for (std::size_t i = 0; i < a.messages.size(); ++i)
        CHECK(canonical_record_text(a.messages[i]) == canonical_record_text(b.messages[i]));
    for (std::size_t i = 0; i < a.reminders.size(); ++i)
        CHECK(canonical_record_text(a.reminders[i]) == canonical_record_text(b.reminders[i]));
}

DecodedJournal decode_ok(std::string_view text) {
    auto result = decode_journal(text);
    if (!result) FAIL_CHECK(result.error().message);
    REQUIRE(result.ok());
    return std::move(result).value();
}

// Text that has broken exporters before: every script the users write, emoji sequences,
// JSON's special characters, C0 controls, NUL, DEL, and the JavaScript-hostile line separators.
const std::string tricky_text =
    "Grüße aus Köln – „Straße“ ß\n"
    "Perché così? È già l'una…\n"
    "\xD9\x85\xD9\x8E\xD8\xB1\xD9\x92\xD8\xAD\xD9\x8E\xD8\xA8\xD8\xA7\xD9\x8B "
    "\xE2\x80\x8F(\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7)\n"
    "👩🏽‍💻 🇩🇪🇮🇹 ❤️‍🔥\n"
    "quote \" backslash \\ slash / tab\t cr\r formfeed\f bell\x07 \x01 del\x7F nul" +
    std::string(1, '\0') + " ls\xE2\x80\xA8 ps\xE2\x80\xA9 bom\xEF\xBB\xBF end";

}  // namespace

TEST_CASE("golden v1 fixture: decoding and encoding again gives the same bytes") {
    const std::string text = read_fixture("journal-v1.json");
    REQUIRE_FALSE(text.empty());
    const DecodedJournal decoded = decode_ok(text);
    CHECK(decoded.warnings.empty());
    CHECK(decoded.source_version == 1);
    REQUIRE(decoded.exported_at.has_value());
    CHECK(encode_journal(decoded.journal, *decoded.exported_at) == text);
}

TEST_CASE("golden v1 fixture holds the sample journal") {
    const DecodedJournal decoded = decode_ok(read_fixture("journal-v1.json"));
    check_same_journal(decoded.journal, sample_journal());
    const Journal& j = decoded.journal;
    REQUIRE(j.reflections.size() == 3);
    CHECK(j.reflections[0].company == "Müller & Söhne GmbH");
    CHECK(j.reflections[0].stage == Stage::final_round);
    CHECK(j.reflections[0].vent.mood_before == 3);
    CHECK(j.reflections[0].applied_on == Date{2026, 10, 3});
    CHECK(j.reflections[0].meta.modified.unix_ms == 1795122312345);
    CHECK(j.reflections[0].meta.modified.utc_offset_minutes == 60);
    CHECK(j.reflections[0].steps[6] == StepState::skipped);
    CHECK(j.reflections[0].current_step == 7);
    CHECK(j.reflections[0].army[1].contact_id.empty());
    CHECK(j.reflections[1].meta.deleted.has_value());
    CHECK(j.reflections[1].vent.letter.back() == '\x01');
    CHECK(j.reflections[2].company == "شركة النور للتقنية");
    CHECK_FALSE(j.reflections[2].vent.mood_before.has_value());
    CHECK(j.reminders[1].meta.modified.utc_offset_minutes == 345);
    CHECK(j.reminders[1].meta.created.utc_offset_minutes == -300);
    CHECK(j.settings.search_location == "München");
}

TEST_CASE("decode(encode(journal)) gives the journal back") {
    const Journal original = sample_journal();
    const std::string text = encode_journal(original, sample_export_time());
    const DecodedJournal decoded = decode_ok(text);
    check_same_journal(decoded.journal, original);
    CHECK(decoded.extras.empty());
    CHECK(decoded.exported_at == sample_export_time());
}

TEST_CASE("text in every script, emoji and control characters survive byte for byte") {
    Journal journal;
    Reflection r;
    r.meta.id = "6f1e2d3c-4b5a-4968-8776-655443322110";
    r.company = tricky_text;
    r.vent.letter = tricky_text + tricky_text;
    r.vent.emotions = {tricky_text, ""};
    r.wins.push_back(Win{tricky_text, tricky_text, true});
    r.army.push_back(ArmyMember{"m1", tricky_text, tricky_text, false});
    journal.reflections.push_back(r);
    journal.settings.profile_choices.push_back(ProfileChoice{tricky_text, CriterionKind::deal_breaker});

    const std::string text = encode_journal(journal, Timestamp{});
    CHECK(text.find("\\u0001") != std::string::npos);  // controls are escaped...
    CHECK(text.find("\\u0000") != std::string::npos);
    CHECK(text.find("\\t") != std::string::npos);
    CHECK(text.find("\xE2\x80\xA8") != std::string::npos);  // ...everything else stays raw UTF-8
    CHECK(text.find("👩🏽‍💻") != std::string::npos);

    const DecodedJournal decoded = decode_ok(text);
    const Reflection& back = decoded.journal.reflections.at(0);
    CHECK(back.company == tricky_text);
    CHECK(back.company.size() == tricky_text.size());
    CHECK(back.vent.letter == tricky_text + tricky_text);
    CHECK(back.vent.emotions == r.vent.emotions);
    CHECK(back.wins.at(0).text == tricky_text);
    CHECK(back.army.at(0).contact_id == tricky_text);
    CHECK(decoded.journal.settings.profile_choices.at(0).key == tricky_text);
    CHECK(encode_journal(decoded.journal, Timestamp{}) == text);
}

TEST_CASE("the canonical form: key order, indentation, nulls, final newline") {
    Journal journal;
    Contact c;
    c.meta.id = "c1";
    c.meta.created = Timestamp{0, 0};
    c.meta.modified = Timestamp{1500, -90};
    journal.contacts.push_back(c);
    const std::string text = encode_journal(journal, Timestamp{0, 60});
    CHECK(text ==
          "{\n"
          "  \"format\": \"debrief-journal\",\n"
          "  \"version\": 1,\n"
          "  \"exported_at\": \"1970-01-01T01:00:00.000+01:00\",\n"
          "  \"settings\": {\n"
          "    \"modified\": \"1970-01-01T00:00:00.000Z\",\n"
          "    \"profile_choices\": [],\n"
          "    \"profile_keywords\": [],\n"
          "    \"profile_merges\": [],\n"
          "    \"search_location\": \"\",\n"
          "    \"language\": \"\"\n"
          "  },\n"
          "  \"reflections\": [],\n"
          "  \"contacts\": [\n"
          "    {\n"
          "      \"id\": \"c1\",\n"
          "      \"created\": \"1970-01-01T00:00:00.000Z\",\n"
          "      \"modified\": \"1969-12-31T22:30:01.500-01:30\",\n"
          "      \"deleted\": null,\n"
          "      \"name\": \"\",\n"
          "      \"role\": \"\",\n"
          "      \"company\": \"\",\n"
          "      \"channel\": \"email\",\n"
          "      \"email\": \"\",\n"
          "      \"relationship\": \"\",\n"
          "      \"last_contact\": null,\n"
          "      \"reflection_id\": null,\n"
          "      \"notes\": \"\"\n"
          "    }\n"
          "  ],\n"
          "  \"messages\": [],\n"
          "  \"reminders\": []\n"
          "}\n");
}

TEST_CASE("impossible dates in the model are written as null rather than as an unreadable file") {
    Journal journal;
    Contact c;
    c.meta.id = "c1";
    c.last_contact = Date{2025, 2, 30};
    journal.contacts.push_back(c);
    const DecodedJournal decoded = decode_ok(encode_journal(journal, Timestamp{}));
    CHECK_FALSE(decoded.journal.contacts.at(0).last_contact.has_value());
}

TEST_CASE("only id, created and modified are required: other fields take the model's defaults") {
    const DecodedJournal decoded = decode_ok(R"({
      "format": "debrief-journal", "version": 1,
      "reflections": [{"id": "r1", "created": "2026-01-01T00:00:00Z", "modified": "2026-01-02T00:00:00.5+02:00"}]
    })");
    const Reflection& r = decoded.journal.reflections.at(0);
    const Reflection defaults;
    CHECK(r.stage == defaults.stage);
    CHECK(r.ending == defaults.ending);
    CHECK(r.company.empty());
    CHECK(r.steps[0] == StepState::untouched);
    CHECK(r.meta.modified.unix_ms == 1767304800500);
    CHECK_FALSE(decoded.exported_at.has_value());
    CHECK(decoded.journal.settings.profile_choices.empty());
}

TEST_CASE("null for unknown optional values; empty links read as none") {
    const DecodedJournal decoded = decode_ok(R"({
      "format": "debrief-journal", "version": 1,
      "messages": [{"id": "m1", "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z",
                    "reflection_id": null, "contact_id": "", "sent_on": null, "deleted": null}]
    })");
    const Message& m = decoded.journal.messages.at(0);
    CHECK(m.reflection_id.empty());
    CHECK(m.contact_id.empty());
    CHECK_FALSE(m.sent_on.has_value());
    CHECK_FALSE(m.meta.deleted.has_value());
}

TEST_CASE("unknown fields are kept at every level, reported, and written back unchanged") {
    const std::string text = read_fixture("journal-v1-unknown-fields.json");
    const DecodedJournal decoded = decode_ok(text);
    CHECK(decoded.warnings.size() == 14);
    CHECK(decoded.warnings.front() ==
          "Unknown field \"note\" at $.settings.profile_choices[0].note was kept unchanged (it may come from a newer "
          "version of Debrief)");
    CHECK(decoded.warnings.back() ==
          "Unknown field \"device\" at $.device was kept unchanged (it may come from a newer version of Debrief)");
    const auto& extras = decoded.extras.reflections.at("3f2b8c1e-6d4a-4f7b-9a21-5c8e0d7b1a42");
    CHECK(extras.at("") == R"({"color":"#ffcc00","tags":["wichtig","مهم","importante"]})");
    CHECK(extras.at("vent") == R"({"voice_memo":null})");
    CHECK(extras.at("steps") == R"({"celebrate":"done"})");
    CHECK(extras.at("wins/6513270e-269e-4d37-b2a7-4de452e6b438") ==
          R"({"photo":{"file":"präsentation.jpg","width":1280,"height":960}})");
    CHECK(decoded.extras.document == R"({"device":"Pixel 8 – شاشة"})");
    CHECK(encode_journal(decoded.journal, decoded.extras, *decoded.exported_at) == text);
    // Without the extras the known part is still the golden file's.
    CHECK(encode_journal(decoded.journal, *decoded.exported_at) == read_fixture("journal-v1.json"));
}

TEST_CASE("extras follow list items by id, not by position") {
    const DecodedJournal decoded = decode_ok(read_fixture("journal-v1-unknown-fields.json"));
    Journal journal = decoded.journal;
    auto& wins = journal.reflections.at(0).wins;
    std::swap(wins[0], wins[1]);
    const DecodedJournal again = decode_ok(encode_journal(journal, decoded.extras, Timestamp{}));
    CHECK(again.extras.reflections.at("3f2b8c1e-6d4a-4f7b-9a21-5c8e0d7b1a42")
              .at("wins/6513270e-269e-4d37-b2a7-4de452e6b438") ==
          R"({"photo":{"file":"präsentation.jpg","width":1280,"height":960}})");
}

TEST_CASE("a UTF-8 BOM is accepted and not written back") {
    const std::string text = read_fixture("journal-v1-bom.json");
    REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);
    const DecodedJournal decoded = decode_ok(text);
    CHECK(decoded.journal.reflections.at(0).role == "مهندسة برمجيات أولى");
    CHECK(encode_journal(decoded.journal, *decoded.exported_at) == text.substr(3));
}

// Each invalid fixture pins one kind of corruption: the exact message a person sees and the path.
TEST_CASE("invalid fixtures fail with a clear message and the right JSON path") {
    struct Case {
        const char* file;
        const char* message;
        const char* path;
    };
    const Case cases[] = {
        {"truncated.json",
         "The file ends too early, at line 48, column 28, byte offset 1500: it looks cut off (was it copied or saved "
         "completely?)",
         "$.reflections[0].steps.resilience"},
        {"syntax-error.json",
         "The file is not valid JSON: unexpected \"company\" at line 10, column 7, byte offset 282, near "
         "$.reflections[0].modified; is a comma missing before it?",
         "$.reflections[0].modified"},
        {"not-json.json", "The file is not valid JSON: unexpected 'c' at line 1, column 1, byte offset 0, near $", "$"},
        {"empty.json", "The file is empty: there is no journal in it", "$"},
        {"wrong-type.json", "Expected text at $.reflections[0].company, found 42", "$.reflections[0].company"},
        {"mood-not-a-number.json",
         "Expected a number from 0 to 10 at $.reflections[3].vent.mood_before, found \"seven\"",
         "$.reflections[3].vent.mood_before"},
        {"mood-out-of-range.json", "Expected a number from 0 to 10 at $.reflections[0].resilience.mood_after, found 11",
         "$.reflections[0].resilience.mood_after"},
        {"weight-out-of-range.json", "Expected a number from 1 to 5 at $.reflections[0].loved[1].weight, found 9",
         "$.reflections[0].loved[1].weight"},
        {"huge-integer.json",
         "Expected a number from 1 to 5 at $.reflections[0].loved[0].weight, found 99999999999999999999",
         "$.reflections[0].loved[0].weight"},
        {"huge-number.json",
         "The number 1e400 is too large at $.reflections[0].vent.mood_before (line 12, column 24, byte offset 338)",
         "$.reflections[0].vent.mood_before"},
        {"invalid-date.json",
         "Expected a date as YYYY-MM-DD at $.reflections[0].applied_on, found \"2025-02-30\", which is not a day in "
         "the calendar",
         "$.reflections[0].applied_on"},
        {"invalid-timestamp.json",
         "Expected a date and time like 2026-11-21T21:41:00.000+01:00 at $.reflections[0].created, found \"gestern "
         "Abend\"",
         "$.reflections[0].created"},
        {"invalid-enum.json",
         "Expected one of applied, screen, interview, final_round, offer at $.reflections[0].stage, found \"Final "
         "round\"",
         "$.reflections[0].stage"},
        {"too-deep.json",
         "The file nests lists and objects more than 64 levels deep (at line 1, column 123, byte offset 122); a "
         "Debrief "
         "journal never does, so it is damaged or not a journal",
         "$"},
        {"invalid-utf8.json",
         "The file is not valid UTF-8 text: byte 0xFC at line 10, column 20, byte offset 296 cannot start or continue "
         "a "
         "character. Was it saved in another encoding?",
         "$"},
        {"future-version.json",
         "This file was made by a newer version of Debrief (format version 7); this version reads up to 1.",
         "$.version"},
        {"wrong-format.json",
         "This is not a Debrief journal: expected \"debrief-journal\" at $.format, found \"debrief-notes\"",
         "$.format"},
        {"record-not-journal.json",
         "This is a single Debrief record, not a journal export (\"format\" is \"debrief-record\" at $.format)",
         "$.format"},
        {"missing-format.json", "This is not a Debrief journal: the \"format\" field is missing at $", "$.format"},
        {"missing-required-field.json", "The required field \"id\" is missing at $.reflections[1]",
         "$.reflections[1].id"},
        {"duplicate-id.json",
         "The id \"00000000-0000-4000-8000-000000000001\" is used twice in reflections: at $.reflections[0].id and at "
         "$.reflections[2].id",
         "$.reflections[2].id"},
        {"duplicate-key.json",
         "The key \"company\" appears twice in the same object at $.reflections[0]; a key may appear only once",
         "$.reflections[0].company"},
        {"unsafe-id.json",
         "Expected an id (1 to 64 letters, digits, '-' or '_', such as a UUID) at $.reflections[0].id, found "
         "\"../../settings\"",
         "$.reflections[0].id"},
        {"not-an-object.json", "Expected a Debrief journal (a JSON object) at $, found a list", "$"},
        {"v0-invalid-date.json",
         "Expected a date as DD.MM.YYYY (a day in the calendar) at $.entries[2].applied, found \"31.02.2024\"",
         "$.entries[2].applied"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.file);
        const std::string text = read_fixture(std::string("invalid/") + c.file);
        REQUIRE((!text.empty() || std::string(c.file) == "empty.json"));
        auto result = decode_journal(text);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().message == c.message);
        CHECK(result.error().json_path == c.path);
    }
}

TEST_CASE("versions that are not whole numbers, or too old for the format, are refused") {
    auto text_version = decode_journal(R"({"format": "debrief-journal", "version": "1"})");
    REQUIRE_FALSE(text_version.ok());
    CHECK(text_version.error().message ==
          "Expected a format version (a whole number from 1 to 1) at $.version, found \"1\"");
    auto zero = decode_journal(R"({"format": "debrief-journal", "version": 0})");
    REQUIRE_FALSE(zero.ok());
    CHECK(zero.error().json_path == "$.version");
    auto huge = decode_journal(R"({"format": "debrief-journal", "version": 18446744073709551615})");
    REQUIRE_FALSE(huge.ok());
    CHECK(huge.error().message ==
          "This file was made by a newer version of Debrief (format version 18446744073709551615); this version reads "
          "up to 1.");
    auto missing = decode_journal(R"({"format": "debrief-journal"})");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == "The required field \"version\" is missing at $");
}

// Files from other journaling apps, and zip archives, are named for what they are rather than reported as
// a journal with a missing field or as mis-encoded text.
TEST_CASE("Day One and jrnl exports and zip archives are recognised and told apart") {
    const std::string day_one = R"({
  "metadata": {"version": "1.0"},
  "entries": [{"uuid": "5F2C0A9B8E7D4C3B", "text": "Interview went well", "creationDate": "2024-03-01T09:00:00Z",
               "starred": false, "timeZone": "Europe/Berlin"}]
})";
    auto d = decode_journal(day_one);
    REQUIRE_FALSE(d.ok());
    CHECK(d.error().message ==
          "This looks like a Day One export; Debrief imports its own journals only. Choose a file made with Export on "
          "Debrief's \"Your data\" screen");
    CHECK(d.error().json_path == "$");

    const std::string jrnl = R"({
  "tags": {"@work": 1},
  "entries": [{"date": "2024-03-01", "time": "09:00", "title": "Rejected.", "body": "By @work.", "tags": ["@work"],
               "starred": false}]
})";
    auto j = decode_journal(jrnl);
    REQUIRE_FALSE(j.ok());
    CHECK(j.error().message ==
          "This looks like a jrnl export; Debrief imports its own journals only. Choose a file made with Export on "
          "Debrief's \"Your data\" screen");
    CHECK(j.error().json_path == "$");

    // Empty journals of either app are still recognised; an "entries" list alone is not enough to guess.
    CHECK(decode_journal(R"({"metadata": {"version": "1.0"}, "entries": []})").error().message.find("Day One") !=
          std::string::npos);
    CHECK(decode_journal(R"({"tags": {}, "entries": []})").error().message.find("jrnl") != std::string::npos);
    CHECK(decode_journal(R"({"entries": []})").error().message ==
          "This is not a Debrief journal: the \"format\" field is missing at $");
    CHECK(decode_journal(R"({"metadata": {}, "entries": []})").error().message ==
          "This is not a Debrief journal: the \"format\" field is missing at $");
    // A Debrief journal that happens to carry such keys is still read as a Debrief journal.
    auto ours = decode_journal(R"({"format": "debrief-journal", "version": 1, "tags": {}, "entries": []})");
    CHECK(ours.ok());

    // A zip archive: the local file header signature, then binary data that is not UTF-8.
    const std::string zip = std::string("PK\x03\x04\x14\x00\x00\x00\x08\x00", 10) + "\xFC\xFD\x80" + "Journal.json";
    auto z = decode_journal(zip);
    REQUIRE_FALSE(z.ok());
    CHECK(z.error().message ==
          "This is a zip archive, not a Debrief journal. If it holds a journal you exported, unzip it and import the "
          ".json file inside");
    CHECK(z.error().json_path == "$");
    // Text that merely starts with "PK" is still reported as what it is.
    CHECK(decode_journal("PKZIP").error().message.find("zip archive") == std::string::npos);
}

TEST_CASE("errors inside list items and nested objects name the full path") {
    auto result = decode_journal(R"({"format": "debrief-journal", "version": 1, "reflections": [
      {"id": "r1", "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z",
       "wins": [{"id": "w1"}, {"text": "no id"}]}]})");
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message == "The required field \"id\" is missing at $.reflections[0].wins[1]");
    CHECK(result.error().json_path == "$.reflections[0].wins[1].id");

    auto steps = decode_journal(R"({"format": "debrief-journal", "version": 1, "reflections": [
      {"id": "r1", "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z", "steps": {"vent": "finished"}}]})");
    REQUIRE_FALSE(steps.ok());
    CHECK(steps.error().message ==
          "Expected one of untouched, skipped, done at $.reflections[0].steps.vent, found \"finished\"");

    auto settings = decode_journal(R"({"format": "debrief-journal", "version": 1, "settings": []})");
    REQUIRE_FALSE(settings.ok());
    CHECK(settings.error().message == "Expected an object at $.settings, found an empty list");

    auto reminder = decode_journal(R"({"format": "debrief-journal", "version": 1, "reminders": [
      {"id": "x1", "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z"}]})");
    REQUIRE_FALSE(reminder.ok());
    CHECK(reminder.error().message == "The required field \"due\" is missing at $.reminders[0]");
}

TEST_CASE("record documents round-trip for every record type") {
    const Journal journal = sample_journal();
    const std::vector<AnyRecord> records = {journal.reflections[0], journal.contacts[1], journal.messages[0],
                                            journal.reminders[1], journal.settings};
    for (const AnyRecord& record : records) {
        const std::string text = encode_record(record);
        CAPTURE(text);
        auto decoded = decode_record(text);
        REQUIRE(decoded.ok());
        CHECK(record_type_of(decoded.value().record) == record_type_of(record));
        CHECK(encode_record(decoded.value().record, decoded.value().extras) == text);
        CHECK(decoded.value().warnings.empty());
    }
    const std::string contact_text = encode_record(journal.contacts[0]);
    CHECK(contact_text.rfind(
              "{\n  \"format\": \"debrief-record\",\n  \"version\": 1,\n  \"type\": \"contact\",\n  \"record\": {\n",
              0) == 0);
}

TEST_CASE("the line layout is one compact line that decodes to the same record") {
    const Journal journal = sample_journal();
    const std::vector<AnyRecord> records = {journal.reflections[0], journal.contacts[1], journal.messages[0],
                                            journal.reminders[1], journal.settings};
    for (const AnyRecord& record : records) {
        const std::string line = encode_record(record, {}, TextLayout::line);
        CAPTURE(line);
        CHECK(line.find('\n') == std::string::npos);
        CHECK(line.rfind("{\"format\":\"debrief-record\",\"version\":1,", 0) == 0);
        auto decoded = decode_record(line);
        REQUIRE(decoded.ok());
        CHECK(encode_record(decoded.value().record) == encode_record(record));
    }
}

TEST_CASE("record documents: wrong kinds of file are explained") {
    auto journal = decode_record(read_fixture("journal-v1.json"));
    REQUIRE_FALSE(journal.ok());
    CHECK(
        journal.error().message ==
        "This is a whole journal export, not a single Debrief record (\"format\" is \"debrief-journal\" at $.format)");

    auto type = decode_record(R"({"format": "debrief-record", "version": 1, "type": "diary", "record": {}})");
    REQUIRE_FALSE(type.ok());
    CHECK(type.error().message ==
          "Expected one of reflection, contact, message, reminder, settings at $.type, found \"diary\"");
    CHECK(type.error().json_path == "$.type");

    auto future = decode_record(R"({"format": "debrief-record", "version": 2, "type": "contact", "record": {}})");
    REQUIRE_FALSE(future.ok());
    CHECK(future.error().message ==
          "This file was made by a newer version of Debrief (format version 2); this version reads up to 1.");

    auto bad_record =
        decode_record(R"({"format": "debrief-record", "version": 1, "type": "contact", "record": {"id": "c1"}})");
    REQUIRE_FALSE(bad_record.ok());
    CHECK(bad_record.error().message == "The required field \"created\" is missing at $.record");
    CHECK(bad_record.error().json_path == "$.record.created");

    auto missing = decode_record(R"({"format": "debrief-record", "version": 1, "type": "contact"})");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().json_path == "$.record");
}

TEST_CASE("record documents keep the record's unknown keys and warn about the envelope's") {
    auto decoded = decode_record(R"({"format": "debrief-record", "version": 1, "type": "settings", "checksum": "abc",
      "record": {"modified": "2026-01-01T00:00:00.000Z", "theme": "dark"}})");
    REQUIRE(decoded.ok());
    CHECK(decoded.value().extras.at("") == R"({"theme":"dark"})");
    REQUIRE(decoded.value().warnings.size() == 2);
    CHECK(decoded.value().warnings[1] ==
          "Unknown field \"checksum\" at $.checksum was ignored (it may come from a newer version of Debrief)");
    CHECK(encode_record(decoded.value().record, decoded.value().extras).find("\"theme\": \"dark\"") !=
          std::string::npos);
}

TEST_CASE("canonical record text tells equal records from different ones") {
    Reflection a = sample_journal().reflections[0];
    Reflection b = a;
    CHECK(canonical_record_text(a) == canonical_record_text(b));
    b.wins[0].really_helped = !b.wins[0].really_helped;
    CHECK(canonical_record_text(a) != canonical_record_text(b));
}

TEST_CASE("kept extras go into a stored line as they are and read back the same") {
    const Reflection r = sample_journal().reflections[0];
    // Strings holding brackets, commas, quotes and escapes; nested lists and objects.
    const std::string kept = R"({"zeta":1,"nested":{"a":[1,"b,}]\"q",{"c":null}],"d":true},"emoji":"😤\n"})";
    const std::string line = encode_record(r, {{"", kept}}, TextLayout::line);
    CHECK(line.find(kept.substr(1, kept.size() - 2) + "}}") != std::string::npos);
    const auto decoded = decode_record(line);
    REQUIRE(decoded);
    CHECK(decoded.value().extras.at("") == kept);
    CHECK(encode_record(decoded.value().record, decoded.value().extras, TextLayout::line) == line);
    // The same members through the pretty (member by member) path.
    const auto pretty = decode_record(encode_record(r, {{"", kept}}, TextLayout::pretty));
    REQUIRE(pretty);
    CHECK(pretty.value().extras.at("") == kept);
}

TEST_CASE("extras holding a known key or spaces are written without them, numbers as they were") {
    const Reflection r = sample_journal().reflections[0];
    // A known key (never written twice), spaces, and numbers a parser would write differently.
    const std::string odd = R"({"company": "x", "zeta": 1E3, "n": -0, "f": 1.50})";
    const std::string line = encode_record(r, {{"", odd}}, TextLayout::line);
    const auto decoded = decode_record(line);
    REQUIRE(decoded);  // no duplicate "company"
    CHECK(decoded.value().extras.at("") == R"({"zeta":1E3,"n":-0,"f":1.50})");
}
