// Tests for the chosen interface language: Settings.language through JSON, storage records and
// import, and the App intent that stores it.
#include "app/app.h"
#include "fixed_environment.h"
#include "sample_journal.h"
#include "serialization/journal_import.h"
#include "serialization/journal_json.h"

#include <doctest/doctest.h>

#include <string>

using namespace debrief;
using namespace debrief::samples;

TEST_CASE("language_settings: Settings.language round-trips through export and a settings record") {
    Journal journal = sample_journal();
    journal.settings.language = "ar";
    const std::string text = encode_journal(journal, sample_export_time());
    CHECK(text.find("\"language\": \"ar\"") != std::string::npos);
    const auto decoded = decode_journal(text);
    REQUIRE_MESSAGE(decoded.ok(), decoded.error().message);
    CHECK(decoded.value().journal.settings.language == "ar");

    const auto record = decode_record(encode_record(journal.settings));
    REQUIRE_MESSAGE(record.ok(), record.error().message);
    CHECK(std::get<Settings>(record.value().record).language == "ar");
}

TEST_CASE("language_settings: a file without the field follows the browser") {
    Journal journal = sample_journal();
    journal.settings.language = "de";
    std::string text = encode_journal(journal, sample_export_time());
    const std::string field = ",\n    \"language\": \"de\"";
    const std::size_t at = text.find(field);
    REQUIRE(at != std::string::npos);
    text.erase(at, field.size());
    const auto decoded = decode_journal(text);
    REQUIRE_MESSAGE(decoded.ok(), decoded.error().message);
    CHECK(decoded.value().journal.settings.language.empty());
}

TEST_CASE("language_settings: importing newer settings brings their language; older ones do not") {
    Journal current = sample_journal();
    current.settings.language = "it";
    Journal incoming = sample_journal();
    incoming.settings.language = "ar";
    incoming.settings.modified.unix_ms = current.settings.modified.unix_ms + 1;
    CHECK(merge_journals(current, incoming).settings.language == "ar");
    incoming.settings.modified.unix_ms = current.settings.modified.unix_ms - 1;
    CHECK(merge_journals(current, incoming).settings.language == "it");
}

TEST_CASE("language_settings: choose_language stores the code; chosen_language reads only known codes") {
    test::FixedEnvironment env;
    App app(env);
    CHECK_FALSE(app.chosen_language().has_value());
    app.take_dirty();
    app.choose_language(Language::it);
    CHECK(app.journal().settings.language == "it");
    CHECK(app.chosen_language() == Language::it);
    CHECK(app.take_dirty().size() == 1);
    app.choose_language(Language::it);  // the same choice again changes nothing
    CHECK(app.take_dirty().empty());
    app.update_settings([](Settings& s) { s.language = "de-AT"; });
    CHECK_FALSE(app.chosen_language().has_value());
    app.update_settings([](Settings& s) { s.language = "fr"; });
    CHECK_FALSE(app.chosen_language().has_value());
}

TEST_CASE("language_settings: language_from_tag takes a BCP 47 tag's primary language") {
    CHECK(language_from_tag("de-DE") == Language::de);
    CHECK(language_from_tag("de_AT") == Language::de);
    CHECK(language_from_tag("AR") == Language::ar);
    CHECK(language_from_tag("ar-EG") == Language::ar);
    CHECK(language_from_tag("it") == Language::it);
    CHECK(language_from_tag("en-GB") == Language::en);
    CHECK_FALSE(language_from_tag("fr-FR").has_value());
    CHECK_FALSE(language_from_tag("").has_value());
    CHECK_FALSE(language_from_tag("deu").has_value());
    CHECK_FALSE(language_from_tag("d").has_value());
    CHECK_FALSE(language_from_tag("zh-Hant").has_value());
}
