// Tests for core/i18n: lookup, fallback and placeholder substitution.
#include "core/i18n.h"

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
