// Tests for core/i18n: lookup, fallback and placeholder substitution.
#include "core/i18n.h"

#include "real_catalogues.h"

#include <doctest/doctest.h>

#include <cstring>
#include <string>

using namespace debrief;

TEST_CASE("i18n: tr finds catalogue texts and falls back to the key") {
    CHECK(tr("stage.final_round") == "Final round");
    CHECK(tr("no.such.key") == "no.such.key");
    CHECK(has_text("emotion.hopeful"));
    CHECK_FALSE(has_text("emotion.ecstatic"));
    CHECK_FALSE(has_text(""));
}

TEST_CASE("i18n: catalogue texts are NUL-terminated for C APIs") {
    const std::string_view text = tr("channel.email");
    CHECK(std::strlen(text.data()) == text.size());
}

TEST_CASE("i18n: format_text replaces known placeholders") {
    CHECK(format_text("Hello {name}!", {{"name", "Lina"}}) == "Hello Lina!");
    CHECK(format_text("{a}{b}{a}", {{"a", "1"}, {"b", "2"}}) == "121");
    CHECK(format_text("{name} — {role}", {{"role", "Designerin"}, {"name", "Jürgen"}}) == "Jürgen — Designerin");
    CHECK(format_text("مرحبا {name}", {{"name", "سارة"}}) == "مرحبا سارة");
}

TEST_CASE("i18n: format_text leaves unknown or malformed placeholders visible") {
    CHECK(format_text("Hi {missing}", {}) == "Hi {missing}");
    CHECK(format_text("{ spaced }", {{" spaced ", "x"}}) == "{ spaced }");
    CHECK(format_text("open { brace", {}) == "open { brace");
    CHECK(format_text("trailing {", {}) == "trailing {");
    CHECK(format_text("{}", {{"", "x"}}) == "{}");
    CHECK(format_text("{a}", {{"a", "{b}"}, {"b", "no"}}) == "{b}");  // values are not re-expanded
}

TEST_CASE("i18n: tr_format and format_long_date") {
    CHECK(tr_format("msg.greeting.named", {{"name", "Amira"}}) == "Dear Amira,");
    CHECK(format_long_date(Date{2026, 11, 12}) == "November 12, 2026");
    CHECK(format_long_date(Date{2026, 3, 1}, 2026) == "March 1");
    CHECK(format_long_date(Date{2025, 3, 1}, 2026) == "March 1, 2025");
}

TEST_CASE("i18n: in a right-to-left interface tr_format isolates each value, and only there") {
    // A Latin value in an Arabic sentence pulled the Arabic comma around it into its own direction:
    // "Jörg Weiß، Müller GmbH" read company first (ui/bidi_text.cpp draws and drops the marks).
    const debrief::test::RealCatalogues catalogues;
    debrief::set_interface_language(debrief::Language::ar);
    const std::string tmpl(debrief::tr("line.parts"));
    const std::string joined = debrief::tr_format("line.parts", {{"first", "Jörg"}, {"second", "Müller"}});
    CHECK(joined == debrief::format_text(tmpl, {{"first", "\u2068Jörg\u2069"}, {"second", "\u2068Müller\u2069"}}));
    // A value that is itself a sentence of the interface reads right to left whatever its first word.
    const std::string nested = debrief::join_parts(joined, "jorg@example.de");
    CHECK(nested.rfind("\u2067" + joined + "\u2069", 0) == 0);
    // A text in a chosen language (a draft's) carries no marks.
    CHECK(debrief::tr_plural_in(debrief::Language::ar, "home.count", 2, {{"shown", "Jörg"}}).find("\u2068") ==
          std::string::npos);
    debrief::set_interface_language(debrief::Language::en);
    CHECK(debrief::tr_format("line.parts", {{"first", "Jörg"}, {"second", "Müller"}}).find("\u2068") ==
          std::string::npos);
}
