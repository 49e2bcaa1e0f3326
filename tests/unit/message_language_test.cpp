// Message.language: written, read back, and English for files written before drafts had one.
#include "core/i18n.h"
#include "core/journal.h"
#include "sample_journal.h"
#include "serialization/journal_json.h"

#include <doctest/doctest.h>

#include <string>
#include <variant>

namespace debrief {

TEST_CASE("message language: every language round-trips through a record document") {
    for (const Language language : all_languages) {
        Message m = samples::sample_journal().messages[0];
        m.language = language;
        const std::string text = encode_record(m);
        CAPTURE(text);
        CHECK(text.find("\"language\": \"" + std::string(language_code(language)) + "\"") != std::string::npos);
        auto decoded = decode_record(text);
        REQUIRE(decoded.ok());
        REQUIRE(std::holds_alternative<Message>(decoded.value().record));
        CHECK(std::get<Message>(decoded.value().record).language == language);
        CHECK(decoded.value().warnings.empty());
    }
}

TEST_CASE("message language: absent in an older file means English") {
    Message m = samples::sample_journal().messages[1];
    m.language = Language::en;
    std::string text = encode_record(m, {}, TextLayout::line);
    const std::string field = ",\"language\":\"en\"";
    const std::size_t at = text.find(field);
    REQUIRE(at != std::string::npos);
    text.erase(at, field.size());
    auto decoded = decode_record(text);
    REQUIRE(decoded.ok());
    CHECK(std::get<Message>(decoded.value().record).language == Language::en);
    CHECK(decoded.value().warnings.empty());
}

TEST_CASE("message language: an unknown code is refused, not silently read as another language") {
    Message m = samples::sample_journal().messages[1];
    m.language = Language::ar;
    std::string text = encode_record(m, {}, TextLayout::line);
    const std::string field = "\"language\":\"ar\"";
    const std::size_t at = text.find(field);
    REQUIRE(at != std::string::npos);
    text.replace(at, field.size(), "\"language\":\"fr\"");
    auto decoded = decode_record(text);
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().message.find("language") != std::string::npos);
    CHECK(decoded.error().message.find("en, de, it, ar") != std::string::npos);
}

}  // namespace debrief
