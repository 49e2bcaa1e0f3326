// Tests of the format migrations: the version 0 golden file, determinism, carried-over unknown keys, v0 errors.
#include <doctest/doctest.h>

#include "core/dates.h"
#include "fixture_files.h"
#include "serialization/journal_json.h"
#include "serialization/migrations.h"

using namespace debrief;
using namespace debrief::samples;

namespace {

DecodedJournal decode_v0_fixture() {
    auto result = decode_journal(read_fixture("journal-v0.json"));
    if (!result) FAIL_CHECK(result.error().message);
    REQUIRE(result.ok());
    return std::move(result).value();
}

Error migration_error(const std::string& v0_text) {
    auto result = decode_journal(v0_text);
    REQUIRE_FALSE(result.ok());
    return result.error();
}

}  // namespace

TEST_CASE("golden v0 fixture: reflections are migrated field by field") {
    const DecodedJournal decoded = decode_v0_fixture();
    CHECK(decoded.source_version == 0);
    CHECK(decoded.warnings.empty());
    REQUIRE(decoded.exported_at.has_value());
    CHECK(*decoded.exported_at == Timestamp{1731190800000, 0});
    const Journal& j = decoded.journal;
    REQUIRE(j.reflections.size() == 3);

    const Reflection& a = j.reflections[0];
    CHECK(a.meta.id == "0b6c1f0e-2a4d-4c59-9e3f-7d81a2b4c6e8");
    CHECK(a.meta.created == Timestamp{1730487600000, 0});
    CHECK(a.meta.modified == Timestamp{1730574000000, 0});
    CHECK_FALSE(a.meta.deleted.has_value());
    CHECK(a.company == "Müller & Söhne GmbH");
    CHECK(a.role == "Werkstudentin Datenanalyse");
    CHECK(a.location == "Köln");
    CHECK(a.stage == Stage::final_round);
    CHECK(a.ending == Ending::rejected);
    CHECK(a.applied_on == Date{2024, 10, 3});
    CHECK(a.last_interview_on == Date{2024, 10, 28});
    CHECK(a.rejected_on == Date{2024, 11, 1});
    CHECK(
        a.rejection_message ==
        "Liebe Frau Schäfer,\nleider müssen wir Ihnen mitteilen, dass wir uns anders entschieden haben.\nViele Grüße");
    CHECK(a.vent.mood_before == 2);  // "mood" became vent.mood_before
    CHECK(a.vent.letter == "Ich bin enttäuscht 😞 – aber auch stolz auf die Präsentation.");
    REQUIRE(a.wins.size() == 2);
    CHECK(a.wins[0].id == "0b6c1f0e-2a4d-4c59-9e3f-7d81a2b4c6e8-win-1");
    CHECK(a.wins[1].text == "Feedback zum Portfolio: „sehr überzeugend“");
    REQUIRE(a.loved.size() == 2);
    CHECK(a.loved[1].id == "0b6c1f0e-2a4d-4c59-9e3f-7d81a2b4c6e8-loved-2");
    CHECK(a.loved[1].tag == LovedTag::other);
    CHECK(a.loved[1].weight == 3);
    CHECK(a.resilience.lesson == "Nächstes Mal früher nach dem Budget fragen.");
    CHECK(a.resilience.mood_after == 6);
    CHECK(a.steps[0] == StepState::done);
    CHECK(a.steps[1] == StepState::done);
    CHECK(a.steps[2] == StepState::untouched);
    CHECK(a.steps[7] == StepState::done);
    CHECK(a.current_step == 2);  // the first step not done

    const Reflection& b = j.reflections[1];
    CHECK(b.meta.deleted == b.meta.modified);  // "trashed" at the last update
    CHECK(b.stage == Stage::screen);
    CHECK(b.ending == Ending::ghosted);
    CHECK_FALSE(b.last_interview_on.has_value());  // "" became null
    CHECK_FALSE(b.vent.mood_before.has_value());
    CHECK(b.vent.letter == "Nessuna risposta… peccato, l'atmosfera sembrava perfetta! 🤷‍♀️");
    CHECK(b.current_step == 0);

    const Reflection& c = j.reflections[2];
    CHECK(c.company == "مجموعة الأفق");
    CHECK(c.location == "عمّان");
    CHECK(c.ending == Ending::withdrew);
    CHECK(c.applied_on == Date{2024, 2, 29});
    CHECK_FALSE(c.meta.deleted.has_value());  // "trashed" absent
    CHECK(c.resilience.lesson.empty());       // "lesson" absent
    CHECK(c.current_step == 7);               // every step done: resume at the last
}

TEST_CASE("golden v0 fixture: people become contacts, settings start at the epoch") {
    const DecodedJournal decoded = decode_v0_fixture();
    const Journal& j = decoded.journal;
    REQUIRE(j.contacts.size() == 2);
    CHECK(j.contacts[0].name == "Jörg Weiß");
    CHECK(j.contacts[0].notes == "Hat mir den Tipp gegeben.\tDanke!");
    CHECK(j.contacts[0].reflection_id == "0b6c1f0e-2a4d-4c59-9e3f-7d81a2b4c6e8");
    CHECK(j.contacts[0].channel == Channel::email);
    CHECK(j.contacts[1].name == "سارة العلي");
    CHECK(j.contacts[1].reflection_id.empty());
    CHECK(j.messages.empty());
    CHECK(j.reminders.empty());
    CHECK(j.settings.modified == Timestamp{});
}

TEST_CASE("a migrated journal is a normal version 1 journal") {
    const DecodedJournal decoded = decode_v0_fixture();
    const std::string v1 = encode_journal(decoded.journal, *decoded.exported_at);
    auto again = decode_journal(v1);
    REQUIRE(again.ok());
    CHECK(again.value().source_version == 1);
    CHECK(encode_journal(again.value().journal, *again.value().exported_at) == v1);
}

TEST_CASE("migration is deterministic: the same file gives the same journal twice") {
    const DecodedJournal first = decode_v0_fixture();
    const DecodedJournal second = decode_v0_fixture();
    CHECK(encode_journal(first.journal, Timestamp{}) == encode_journal(second.journal, Timestamp{}));
}

TEST_CASE("unknown version 0 keys are carried over as extras and reported") {
    auto result = decode_journal(R"({"schema": 0, "pinned": [1],
      "entries": [{"uuid": "e1", "created": 0, "updated": 0, "color": "blue"}]})");
    REQUIRE(result.ok());
    CHECK(result.value().extras.reflections.at("e1").at("") == R"({"color":"blue"})");
    CHECK(result.value().extras.document == R"({"pinned":[1]})");
    REQUIRE(result.value().warnings.size() == 2);
    CHECK(result.value().warnings[0] ==
          "Unknown field \"color\" at $.reflections[0].color was kept unchanged (it may come from a newer version of "
          "Debrief)");
}

TEST_CASE("version 0 errors name the version 0 path") {
    SUBCASE("missing id") {
        const Error e = migration_error(R"({"schema": 0, "entries": [{"created": 0, "updated": 0}]})");
        CHECK(e.message == "The required field \"uuid\" is missing at $.entries[0]");
        CHECK(e.json_path == "$.entries[0].uuid");
    }
    SUBCASE("unknown stage spelling") {
        const Error e = migration_error(
            R"({"schema": 0, "entries": [{"uuid": "e1", "created": 0, "updated": 0, "stage": "final_round"}]})");
        CHECK(e.message ==
              "Expected one of applied, screening, interview, final-round, offer at $.entries[0].stage, found "
              "\"final_round\"");
    }
    SUBCASE("a time that is not milliseconds") {
        const Error e =
            migration_error(R"({"schema": 0, "people": [{"uuid": "p1", "created": "yesterday", "updated": 0}]})");
        CHECK(
            e.message ==
            "Expected a time in milliseconds since 1970 (years 1 to 9999) at $.people[0].created, found \"yesterday\"");
        CHECK(e.json_path == "$.people[0].created");
    }
    SUBCASE("a time beyond year 9999") {
        const Error e = migration_error(R"({"schema": 0, "saved": 253402300800000})");
        CHECK(e.json_path == "$.saved");
    }
    SUBCASE("an ISO date where the prototype wrote DD.MM.YYYY") {
        const Error e = migration_error(
            R"({"schema": 0, "entries": [{"uuid": "e1", "created": 0, "updated": 0, "applied": "2024-10-03"}]})");
        CHECK(e.message ==
              "Expected a date as DD.MM.YYYY (a day in the calendar) at $.entries[0].applied, found \"2024-10-03\"");
    }
    SUBCASE("a step number out of range") {
        const Error e = migration_error(
            R"({"schema": 0, "entries": [{"uuid": "e1", "created": 0, "updated": 0, "done_steps": [1, 9]}]})");
        CHECK(e.message == "Expected a step number from 1 to 8 at $.entries[0].done_steps[1], found 9");
    }
    SUBCASE("entries that are not a list") {
        const Error e = migration_error(R"({"schema": 0, "entries": {}})");
        CHECK(e.message == "Expected a list at $.entries, found an empty object");
    }
    SUBCASE("a schema number that is not 0 is not a Debrief file") {
        const Error e = migration_error(R"({"schema": 3})");
        CHECK(e.message == "This is not a Debrief journal: the \"format\" field is missing at $");
    }
}

TEST_CASE("migrate_journal applies nothing to a current document") {
    const auto document = read_json_tree(R"({"format": "debrief-journal", "version": 1})");
    REQUIRE(document.ok());
    JsonReader reader;
    std::string out = "untouched";
    CHECK(migrate_journal(document.value().root(), current_format_version, reader, out));
    CHECK(out == "untouched");
}

TEST_CASE("migrate_v0_to_v1 produces a complete version 1 document") {
    const auto document = read_json_tree(R"({"schema": 0})");
    REQUIRE(document.ok());
    JsonReader reader;
    std::string out;
    REQUIRE(migrate_v0_to_v1(document.value().root(), reader, out));
    CHECK(
        out ==
        R"({"format":"debrief-journal","version":1,"exported_at":null,"settings":{"modified":"1970-01-01T00:00:00.000Z",)"
        R"("profile_choices":[],"search_location":""},"reflections":[],"contacts":[],"messages":[],"reminders":[]})");
}
