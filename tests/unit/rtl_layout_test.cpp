// Paragraphs drawn by the widgets, through the real fonts and the right-to-left mirror: each aligns to
// its own start side in either interface, and a mirrored line keeps the visual order FriBidi gave it.
#include "scratch_folder.h"

#include "core/i18n.h"
#include "ui/draw_mirror.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

using namespace debrief;

namespace {

constexpr float width = 390.0f;
constexpr float padding = 16.0f;  // theme WindowPadding

struct Glyph {
    float x0, x1;
};

// Draws two frames in a full-screen window and returns the second one's glyph quads, mirrored when
// `mirror`. The fonts are loaded from `fonts[0]` before the first frame and, when given, from
// `fonts[1]` before the second.
std::vector<Glyph> draw_frame(const std::function<void()>& draw, Language language, bool mirror,
                              const std::array<std::string, 2>& fonts = {DEBRIEF_FONTS_DIR, ""}) {
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, 600);
    io.DeltaTime = 1.0f / 60.0f;
    ui::apply_theme(ui::ColorScheme::light, ui::Pointer::coarse);
    ui::want_arabic_glyphs();
    set_interface_language(language);
    for (const std::string& folder : fonts) {
        if (!folder.empty()) {
            REQUIRE(ui::load_fonts(folder, 1.0f, ui::theme_metrics().body_px, ui::theme_metrics().heading_px));
            unsigned char* pixels = nullptr;
            int w = 0, h = 0;
            io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
        }
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("page", nullptr, ImGuiWindowFlags_NoDecoration);
        draw();
        ImGui::End();
        ImGui::Render();
    }
    ImDrawData& data = *ImGui::GetDrawData();
    if (mirror) ui::mirror_draw_data(data, width, io.Fonts->TexUvWhitePixel, 8.0f);
    std::vector<Glyph> glyphs;
    const ImVec2 white = io.Fonts->TexUvWhitePixel;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        for (int i = 0; i + 4 <= list.VtxBuffer.Size;) {
            const ImDrawVert& v = list.VtxBuffer[i];
            if (v.uv.x == white.x && v.uv.y == white.y) {
                ++i;
                continue;
            }
            glyphs.push_back(
                {std::min(v.pos.x, list.VtxBuffer[i + 2].pos.x), std::max(v.pos.x, list.VtxBuffer[i + 2].pos.x)});
            i += 4;
        }
    }
    set_interface_language(Language::en);
    ImGui::DestroyContext(context);
    return glyphs;
}

std::vector<Glyph> draw_paragraph(const char* text, Language language, bool mirror) {
    return draw_frame([text] { ui::wrapped_text(text); }, language, mirror);
}

float left_of(const std::vector<Glyph>& g) {
    return std::min_element(g.begin(), g.end(), [](Glyph a, Glyph b) { return a.x0 < b.x0; })->x0;
}
float right_of(const std::vector<Glyph>& g) {
    return std::max_element(g.begin(), g.end(), [](Glyph a, Glyph b) { return a.x1 < b.x1; })->x1;
}

}  // namespace

TEST_CASE("rtl layout: an Arabic line in the Arabic interface lands right-aligned in FriBidi's order") {
    const char* text = "الخطوة 1 من 8";  // "step 1 of 8": visually 8, من, 1, الخطوة from the left
    const auto before = draw_paragraph(text, Language::ar, false);
    const auto after = draw_paragraph(text, Language::ar, true);
    REQUIRE(before.size() == after.size());
    REQUIRE(before.size() >= 8);
    CHECK(left_of(before) == doctest::Approx(padding).epsilon(0.2));           // drawn at the left edge...
    CHECK(right_of(after) == doctest::Approx(width - padding).epsilon(0.02));  // ...shown at the right
    for (std::size_t i = 1; i < after.size(); ++i) {
        CAPTURE(i);
        // One run moved as a whole: the glyphs keep their distances, so their order.
        CHECK(after[i].x0 - after[0].x0 == doctest::Approx(before[i].x0 - before[0].x0));
    }
}

TEST_CASE("rtl layout: a Latin paragraph in the Arabic interface aligns left") {
    const auto after = draw_paragraph("Studio Nord GmbH", Language::ar, true);
    REQUIRE(!after.empty());
    CHECK(left_of(after) < padding + 3.0f);
    CHECK(right_of(after) < width / 2);
}

TEST_CASE("rtl layout: an Arabic paragraph in the English interface aligns right, unmirrored") {
    const auto glyphs = draw_paragraph("مراجعة جديدة", Language::en, false);
    REQUIRE(!glyphs.empty());
    CHECK(right_of(glyphs) > width - padding - 3.0f);
    CHECK(left_of(glyphs) > width / 2);
}

TEST_CASE("rtl layout: a long Arabic paragraph wraps into lines that each align right") {
    const std::string word = "مراجعة ";
    std::string text;
    for (int i = 0; i < 30; ++i) text += word;
    const auto after = draw_paragraph(text.c_str(), Language::ar, true);
    REQUIRE(!after.empty());
    CHECK(right_of(after) == doctest::Approx(width - padding).epsilon(0.02));
    CHECK(left_of(after) > padding - 1.0f);
}

TEST_CASE("rtl layout: a harakat sits over its letter, not beside it") {
    const auto glyphs = draw_paragraph("حُ", Language::ar, true);  // hah with damma
    REQUIRE(glyphs.size() == 2);
    const Glyph letter = glyphs[0];
    const Glyph mark = glyphs[1];
    const float centre = (mark.x0 + mark.x1) * 0.5f;
    CHECK(centre > letter.x0);
    CHECK(centre < letter.x1);
}

TEST_CASE("rtl layout: a notice's Arabic lines come in reading order") {
    // The notice was shaped as one visual line and then wrapped by ImGui, so its lines read bottom to
    // top: "نُقلت" (moved), the first word, stood alone on the last line.
    const std::string text = "نُقلت إلى المهملات، ويمكن استعادتها من هناك";
    constexpr float room = 180.0f;
    ui::TextBlock block;
    draw_frame([&] { block = ui::lay_out_block(text.c_str(), room); }, Language::ar, false);
    REQUIRE(block.lines.size() >= 2);
    // A right-to-left line in visual order ends with its first word and starts with its last.
    const std::string& first_line = block.lines.front().text;
    const std::string& last_line = block.lines.back().text;
    const std::string first_word = ui::display_line_in("نُقلت", ui::TextDirection::rtl);
    const std::string last_word = ui::display_line_in("هناك", ui::TextDirection::rtl);
    CHECK(first_line.compare(first_line.size() - first_word.size(), first_word.size(), first_word) == 0);
    CHECK(last_line.compare(0, last_word.size(), last_word) == 0);
    for (const ui::VisualLine& line : block.lines) CHECK(line.width <= room);
    CHECK(block.size.x <= room);
    CHECK(block.size.y == doctest::Approx(block.line_height * static_cast<float>(block.lines.size())));
    // Drawn from the left before the mirror, so it starts at the right on screen.
    CHECK_FALSE(block.against_right);
}

TEST_CASE("rtl layout: a Latin line in a clipped card of the Arabic interface is whole, at the card's start") {
    // A line narrowed by a clip rectangle and no wrap position (widgets.cpp paragraph()) must align
    // within it, or ImGui culls the glyphs past the clip and the mirror moves what is left.
    constexpr float card_right = 250.0f;
    const auto draw = [] {
        ImGui::PushClipRect(ImVec2(padding, 0), ImVec2(card_right, 600), true);
        ui::user_text_line("Studio Nord");
        ImGui::PopClipRect();
    };
    const auto before = draw_frame(draw, Language::ar, false);
    const auto after = draw_frame(draw, Language::ar, true);
    REQUIRE(before.size() == 10);  // every letter of "Studio Nord" drawn
    CHECK(right_of(before) <= card_right + 1.0f);
    CHECK(right_of(before) > card_right - 4.0f);
    CHECK(left_of(after) == doctest::Approx(width - card_right).epsilon(0.05));
}

TEST_CASE("rtl layout: a Latin line in a card of the Arabic interface stays inside the card") {
    // The profile's cards set a wrap position, not a clip rectangle: an unwrapped line must align
    // within it too, or it ends past the card's edge once the frame is mirrored.
    float card_right = 0.0f;
    const auto draw = [&card_right] {
        card_right = ImGui::GetCursorScreenPos().x + ImGui::CalcItemWidth();
        ui::begin_card("card");
        ui::user_text_line("il team creativo");
        ui::end_card();
    };
    const auto after = draw_frame(draw, Language::ar, true);
    REQUIRE_FALSE(after.empty());
    REQUIRE(card_right < width - padding - 20.0f);  // the card is narrower than the column
    CHECK(left_of(after) >= width - card_right);    // the mirrored card's inner start
}

TEST_CASE("rtl layout: an Arabic line cut to a card in a left-to-right interface ends at the card's edge") {
    constexpr float card_right = 250.0f;
    const auto draw = [] {
        ImGui::PushTextWrapPos(card_right);
        ui::one_line("منسقة مشاريع");
        ui::one_line("شركة النور للتقنية والاستشارات الهندسية والإدارية");
        ImGui::PopTextWrapPos();
    };
    for (const Language language : {Language::de, Language::ar}) {
        const auto glyphs = draw_frame(draw, language, false);
        REQUIRE_FALSE(glyphs.empty());
        CHECK(right_of(glyphs) <= card_right + 0.5f);
        CHECK(right_of(glyphs) > card_right - 4.0f);
        CHECK(left_of(glyphs) >= padding);
    }
}

TEST_CASE("rtl layout: an Arabic line measured before its glyphs came is measured again once they are in") {
    // The web build draws Arabic first with the Latin atlas ('?' in its place), then rebuilds the
    // atlas with Arabic. The layout measured with the '?' glyphs was kept: the line then ended past
    // its card in the German interface: a rebuilt font can take the address of the one it replaced
    // (with glibc here, one of the three does), so the cache could not tell them apart.
    samples::ScratchFolder latin_only;
    std::filesystem::copy_file(std::filesystem::path(DEBRIEF_FONTS_DIR) / "latin.ttc", latin_only.path() / "latin.ttc");
    constexpr float card_right = 250.0f;
    const auto draw = [] {
        ImGui::PushTextWrapPos(card_right);
        for (ImFont* font : {ui::fonts().body, ui::fonts().heading, ui::fonts().small}) {
            ImGui::PushFont(font);
            ui::one_line("منسقة مشاريع");
            ImGui::PopFont();
        }
        ImGui::PopTextWrapPos();
    };
    const auto glyphs = draw_frame(draw, Language::de, false, {latin_only.path().string(), DEBRIEF_FONTS_DIR});
    REQUIRE_FALSE(glyphs.empty());
    CHECK(right_of(glyphs) > card_right - 4.0f);
    CHECK(right_of(glyphs) <= card_right + 0.5f);
}
