// Tests for ui/bidi_text: paragraph direction, wrapping on logical text, per-line reordering, and the
// Arabic letters, digits and punctuation the font subsets must hold.
#include "ui/bidi_text.h"

#include "core/i18n.h"
#include "real_catalogues.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <string>
#include <string_view>

using namespace debrief::ui;

namespace {
// Ten units per code point: widths without a font.
float ten_per_character(std::string_view utf8) {
    float width = 0.0f;
    for (const char c : utf8)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) width += 10.0f;
    return width;
}
// One face of the built Arabic collection (0 regular, 1 bold) with `ranges`, its atlas built.
ImFont* arabic_face(ImFontAtlas& atlas, int face, const ImWchar* ranges) {
    ImFontConfig config;
    config.FontNo = face;
    ImFont* font =
        atlas.AddFontFromFileTTF((std::string(DEBRIEF_FONTS_DIR) + "/arabic.ttc").c_str(), 20.0f, &config, ranges);
    return font != nullptr && atlas.Build() ? font : nullptr;
}
}  // namespace

// has_rtl decides from UTF-8 lead bytes which text goes through FriBidi (and brings the Arabic faces).
TEST_CASE("bidi_text: right-to-left text is told by its characters, emoji and ligatures are not") {
    CHECK(has_rtl("مرحبا"));
    CHECK(has_rtl("שלום"));
    CHECK(has_rtl("\uFB50"));                      // alef wasla, a presentation form
    CHECK(has_rtl("\uFEFB"));                      // the lam-alef ligature
    CHECK(has_rtl("\uFB1D"));                      // the first Hebrew presentation form
    CHECK_FALSE(has_rtl("Acme 😭 ❤️"));      // U+FE0F, the emoji form, sits between the Arabic forms
    CHECK_FALSE(has_rtl("\uFE0E \uFE30 \uFE6B"));  // text form, vertical and small forms
    CHECK_FALSE(has_rtl("\uFB01"));                // the fi ligature, before the Hebrew forms
    CHECK_FALSE(has_rtl("Łukasz Дом Σ"));
}

TEST_CASE("bidi_text: a paragraph takes its direction from its first strong character") {
    CHECK(paragraph_direction("مرحبا Debrief") == TextDirection::rtl);
    CHECK(paragraph_direction("Debrief مرحبا") == TextDirection::ltr);
    CHECK(paragraph_direction("« 42 » مرحبا") == TextDirection::rtl);
    CHECK(paragraph_direction("Acme GmbH") == TextDirection::ltr);
    CHECK(paragraph_direction("12:30 - 5%") == TextDirection::neutral);
    CHECK(paragraph_direction("") == TextDirection::neutral);
}

TEST_CASE("bidi_text: Latin text wraps at spaces and stays as written") {
    const auto lines = wrap_paragraph("one two three four", 90.0f, ten_per_character);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].text == "one two");
    CHECK(lines[0].width == 70.0f);
    CHECK(lines[1].text == "three");
    CHECK(lines[2].text == "four");
}

TEST_CASE("bidi_text: newlines end lines and a word too wide for the line gets one of its own") {
    const auto lines = wrap_paragraph("a\nextraordinarily b", 60.0f, ten_per_character);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].text == "a");
    CHECK(lines[1].text == "extraordinarily");
    CHECK(lines[2].text == "b");
}

TEST_CASE("bidi_text: a mixed right-to-left paragraph breaks in logical order, then each line reorders") {
    // Logical: [Arabic word] [Latin word] [Latin word]; an RTL paragraph. The first line holds the
    // Arabic word and "abc": read right to left, so "abc" is drawn to the Arabic word's left.
    const std::string arabic = "شكرا";
    const auto lines = wrap_paragraph(arabic + " abc def", 90.0f, ten_per_character);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].text.rfind("abc ", 0) == 0);  // visual order: "abc", a space, then the Arabic
    CHECK(lines[0].text != "abc " + arabic);     // ...shaped into presentation forms and reversed
    CHECK(lines[1].text == "def");               // the Latin line keeps the paragraph's order inside
    CHECK(lines[0].width == doctest::Approx(80.0f));
}

TEST_CASE("bidi_text: a paragraph given its direction keeps it, whatever its first word") {
    // "Lumen — Designer، مقابلة": a Latin name first would make it left to right; the Arabic
    // interface composes it, so it is given right to left: the name at the right end.
    const std::string text = "Lumen — Designer، مقابلة";
    const auto own = wrap_paragraph(text, 1000.0f, ten_per_character);
    const auto given = wrap_paragraph(text, 1000.0f, ten_per_character, TextDirection::rtl);
    REQUIRE(own.size() == 1);
    REQUIRE(given.size() == 1);
    CHECK(own[0].text.rfind("Lumen", 0) == 0);
    CHECK(given[0].text.substr(given[0].text.size() - 8) == "Designer");
}

TEST_CASE("bidi_text: a line of an RTL paragraph keeps the paragraph's direction") {
    // "abc 12 سلام" alone would be LTR; inside an RTL paragraph the Arabic word goes to the left end.
    const std::string alone = display_line_in("abc شكرا", TextDirection::ltr);
    const std::string in_rtl = display_line_in("abc شكرا", TextDirection::rtl);
    CHECK(alone.rfind("abc ", 0) == 0);
    CHECK(in_rtl.size() == alone.size());
    CHECK(in_rtl.substr(in_rtl.size() - 3) == "abc");
}

TEST_CASE("bidi_text: the Arabic fonts hold the Arabic-Indic digits and Arabic punctuation") {
    for (const int face : {0, 1}) {  // regular, bold
        CAPTURE(face);
        ImFontAtlas atlas;
        static const ImWchar ranges[] = {0x060C, 0x0671, 0xFE70, 0xFEFF, 0};
        const ImFont* font = arabic_face(atlas, face, ranges);
        REQUIRE(font != nullptr);
        for (const unsigned c :
             {0x060C /* ، */, 0x061B /* ؛ */, 0x061F /* ؟ */, 0x0660, 0x0665, 0x0669, 0x0627, 0xFEDF})
            CHECK_MESSAGE(font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr, "missing code point " << c);
    }
}

// Noto Sans Arabic's U+FEF5 (lam-alef with madda) advanced like a wider glyph than it is, so "الآن"
// showed a gap, "ا لآن" (scripts/lib/make_font_collection.py). A ligature with a mark is exactly as
// wide as the bare ligature it is drawn on.
TEST_CASE("bidi_text: the lam-alef ligatures with a mark are as wide as the bare ligature") {
    for (const int face : {0, 1}) {  // regular, bold
        CAPTURE(face);
        ImFontAtlas atlas;
        static const ImWchar ranges[] = {0xFEF5, 0xFEFC, 0};
        const ImFont* font = arabic_face(atlas, face, ranges);
        REQUIRE(font != nullptr);
        for (unsigned c = 0xFEF5; c <= 0xFEFA; ++c) {
            CAPTURE(c);
            const unsigned bare = c % 2 == 1 ? 0xFEFB : 0xFEFC;  // isolated forms are odd, final forms even
            const ImFontGlyph* ligature = font->FindGlyphNoFallback(static_cast<ImWchar>(c));
            const ImFontGlyph* plain = font->FindGlyphNoFallback(static_cast<ImWchar>(bare));
            REQUIRE(ligature != nullptr);
            REQUIRE(plain != nullptr);
            CHECK(ligature->AdvanceX == plain->AdvanceX);
        }
    }
}

TEST_CASE("bidi_text: a line too wide for its room is cut with an ellipsis, never before a mark") {
    CHECK(fit_on_one_line("Acme GmbH", 90.0f, ten_per_character) == "Acme GmbH");
    // "Acme" + "…" is 50 units; the space before the cut is dropped.
    CHECK(fit_on_one_line("Acme GmbH Berlin", 60.0f, ten_per_character) == "Acme\u2026");
    CHECK(fit_on_one_line("Acme GmbH Berlin", 80.0f, ten_per_character) == "Acme Gm\u2026");
    CHECK(fit_on_one_line("Acme", 5.0f, ten_per_character) == "\u2026");
    // Arabic: measured shaped, and a harakat (U+064E, fatha) stays with its letter.
    const std::string arabic = "\u0645\u064E\u0631\u0652\u062D\u064E\u0628\u064B\u0627";  // مَرْحَبًا
    const std::string cut = fit_on_one_line(arabic, 40.0f, ten_per_character);
    REQUIRE(cut.size() < arabic.size());
    CHECK(cut.substr(cut.size() - 3) == "\u2026");
    const std::string kept = cut.substr(0, cut.size() - 3);
    CHECK(arabic.compare(0, kept.size(), kept) == 0);
    // The letter before the cut keeps its mark: the kept text never ends on a bare letter whose mark
    // was cut off.
    CHECK(arabic.compare(kept.size(), 2, "\u064E") != 0);
    CHECK(arabic.compare(kept.size(), 2, "\u0652") != 0);
    CHECK(arabic.compare(kept.size(), 2, "\u064B") != 0);
    // An emoji keeps its skin tone, and a joined one (woman + joiner + laptop) stays whole.
    CHECK(fit_on_one_line("Hi 👍🏽👍🏽!", 70.0f, ten_per_character) == "Hi 👍🏽\u2026");
    CHECK(fit_on_one_line("A 👩\u200D💻👩\u200D💻", 60.0f, ten_per_character) == "A 👩\u200D💻\u2026");
    CHECK(fit_on_one_line("A 👩\u200D💻👩\u200D💻", 50.0f, ten_per_character) == "A\u2026");
    CHECK(fit_on_one_line("Love ❤\uFE0F❤\uFE0F!", 90.0f, ten_per_character) == "Love ❤\uFE0F\u2026");
}

// tr_format isolates each value in a right-to-left interface (core/i18n.h): a line joined from Latin
// parts with the Arabic comma reads right to left, part by part, and the marks are not drawn.
TEST_CASE("bidi_text: Latin parts joined in the Arabic interface keep the sentence's order") {
    const debrief::test::RealCatalogues catalogues;
    debrief::set_interface_language(debrief::Language::ar);
    const std::string line = debrief::join_parts("Jörg Weiß", "Müller & Söhne GmbH");
    debrief::set_interface_language(debrief::Language::en);
    // The Arabic comma is not a strong character: the sentence has none outside its values, so it
    // takes the interface's direction.
    CHECK(paragraph_direction(line) == TextDirection::neutral);
    const std::string shown = display_line_in(line, TextDirection::rtl);
    CAPTURE(shown);
    // Without the isolates the comma between two Latin words turned left-to-right and the whole line
    // read "Jörg Weiß، Müller & Söhne GmbH" from the left: the company first for an Arabic reader.
    CHECK(shown.rfind("Müller & Söhne GmbH", 0) == 0);
    CHECK(shown.size() > std::string("Jörg Weiß").size());
    CHECK(shown.compare(shown.size() - std::string("Jörg Weiß").size(), std::string::npos, "Jörg Weiß") == 0);
    CHECK(shown.find("\u2068") == std::string::npos);
    CHECK(shown.find("\u2069") == std::string::npos);
    // An English line is joined as before, with nothing added.
    CHECK(debrief::join_parts("Jörg Weiß", "Müller") == "Jörg Weiß\u00A0· Müller");
}

TEST_CASE("bidi_text: a joined line wrapped in the Arabic interface reads right to left on every line") {
    // An import preview's person: name, company and email joined, wrapped on a phone. Each line was
    // ordered alone, so an isolate opened on the first line and closed on the second turned the first
    // line's parts left to right.
    const debrief::test::RealCatalogues catalogues;
    debrief::set_interface_language(debrief::Language::ar);
    const std::string line =
        debrief::join_parts(debrief::join_parts("Jörg Weiß", "Müller & Söhne GmbH"), "joerg.weiss@example.de");
    debrief::set_interface_language(debrief::Language::en);
    const auto lines = wrap_paragraph(line, 330.0f, ten_per_character, TextDirection::rtl);
    REQUIRE(lines.size() == 2);
    CAPTURE(lines[0].text);
    CAPTURE(lines[1].text);
    // First line, read from the right: the name, the company, and the comma before the email, which
    // ends the line on its left.
    const std::string name = "Jörg Weiß";
    CHECK(lines[0].text.compare(lines[0].text.size() - name.size(), name.size(), name) == 0);
    CHECK(lines[0].text.rfind("\u060CMüller & Söhne GmbH", 0) == 0);
    CHECK(lines[1].text.find("joerg.weiss@example.de") != std::string::npos);
    for (const VisualLine& l : lines) CHECK(l.text.find("\xE2\x81") == std::string::npos);  // no isolate left
}
