// WCAG 2.1 contrast of the theme's palette, light and dark: text 4.5:1 on every background it is drawn
// on (1.4.3), outlines of controls 3:1 against what surrounds them (1.4.11).
#include "ui/theme.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace {

using debrief::ui::ColorScheme;

double channel(float c) {
    const double v = static_cast<double>(c);
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double luminance(const ImVec4& c) { return 0.2126 * channel(c.x) + 0.7152 * channel(c.y) + 0.0722 * channel(c.z); }

double contrast(const ImVec4& a, const ImVec4& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Pair {
    std::string what;
    ImVec4 fg;
    ImVec4 bg;
};

// Every pairing the views draw: text colours on the backgrounds they sit on.
std::vector<Pair> text_pairs() {
    const ImGuiStyle& s = ImGui::GetStyle();
    const debrief::ui::Palette& p = debrief::ui::palette();
    const std::pair<const char*, ImVec4> backgrounds[] = {
        {"window", s.Colors[ImGuiCol_WindowBg]}, {"card", p.card}, {"field", s.Colors[ImGuiCol_FrameBg]}};
    const std::pair<const char*, ImVec4> texts[] = {{"text", s.Colors[ImGuiCol_Text]},
                                                    {"disabled", s.Colors[ImGuiCol_TextDisabled]},
                                                    {"muted", p.muted_text},
                                                    {"accent", p.accent},
                                                    {"good", p.good},
                                                    {"warn", p.warn},
                                                    {"danger", p.danger}};
    std::vector<Pair> pairs;
    for (const auto& [tn, tc] : texts)
        for (const auto& [bn, bc] : backgrounds) pairs.push_back({std::string(tn) + " on " + bn, tc, bc});
    // Buttons: their own text in every state, danger text on a plain button, the selected chip.
    for (const ImGuiCol b : {ImGuiCol_Button, ImGuiCol_ButtonHovered, ImGuiCol_ButtonActive})
        pairs.push_back({"text on button state " + std::to_string(b), s.Colors[ImGuiCol_Text], s.Colors[b]});
    pairs.push_back({"danger on button", p.danger, s.Colors[ImGuiCol_Button]});
    pairs.push_back({"text on selected chip", s.Colors[ImGuiCol_Text], p.accent_soft});
    pairs.push_back({"text on header", s.Colors[ImGuiCol_Text], s.Colors[ImGuiCol_Header]});
    // The primary button (widgets.cpp): white on the light accent, near-black on the dark one.
    const bool dark = debrief::ui::theme_metrics().scheme == ColorScheme::dark;
    pairs.push_back({"primary button text", dark ? ImVec4(0.08f, 0.1f, 0.1f, 1) : ImVec4(1, 1, 1, 1), p.accent});
    // The notice (home_view.cpp): the window colour on the text colour.
    pairs.push_back({"notice", s.Colors[ImGuiCol_WindowBg], s.Colors[ImGuiCol_Text]});
    return pairs;
}

// Outlines of fields, checkboxes, chips and mood buttons against what they are drawn on.
std::vector<Pair> outline_pairs() {
    const ImGuiStyle& s = ImGui::GetStyle();
    const debrief::ui::Palette& p = debrief::ui::palette();
    return {{"border on window", s.Colors[ImGuiCol_Border], s.Colors[ImGuiCol_WindowBg]},
            {"border on card", s.Colors[ImGuiCol_Border], p.card},
            {"border on field", s.Colors[ImGuiCol_Border], s.Colors[ImGuiCol_FrameBg]},
            {"border on chip", s.Colors[ImGuiCol_Border], s.Colors[ImGuiCol_Button]},
            {"control border on card", p.control_border, p.card},
            {"control border on window", p.control_border, s.Colors[ImGuiCol_WindowBg]},
            {"check mark on field", s.Colors[ImGuiCol_CheckMark], s.Colors[ImGuiCol_FrameBg]},
            {"selected outline on window", p.accent, s.Colors[ImGuiCol_WindowBg]},
            {"selected outline on card", p.accent, p.card}};
}

struct Context {
    Context() { ImGui::CreateContext(); }
    ~Context() { ImGui::DestroyContext(); }
};

}  // namespace

TEST_CASE("theme: text and control outlines contrast enough in light and dark") {
    Context context;
    for (const ColorScheme scheme : {ColorScheme::light, ColorScheme::dark}) {
        CAPTURE(scheme == ColorScheme::dark ? "dark" : "light");
        debrief::ui::apply_theme(scheme, debrief::ui::Pointer::coarse);
        for (const Pair& pair : text_pairs()) {
            CAPTURE(pair.what);
            CHECK(contrast(pair.fg, pair.bg) >= 4.5);
        }
        for (const Pair& pair : outline_pairs()) {
            CAPTURE(pair.what);
            CHECK(contrast(pair.fg, pair.bg) >= 3.0);
        }
    }
}

TEST_CASE("theme: every pointer gets 44 px targets and outlined controls") {
    Context context;
    for (const debrief::ui::Pointer pointer : {debrief::ui::Pointer::fine, debrief::ui::Pointer::coarse}) {
        debrief::ui::apply_theme(ColorScheme::light, pointer);
        CHECK(debrief::ui::theme_metrics().touch_target >= 44.0f);
        CHECK(ImGui::GetStyle().FrameBorderSize >= 1.0f);
    }
}

TEST_CASE("contrast: the formula matches WCAG's known values") {
    CHECK(contrast(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(21.0));
    CHECK(contrast(ImVec4(1, 1, 1, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(1.0));
    // #767676 on white is the classic lightest grey that passes 4.5:1.
    const float g = 118.0f / 255.0f;
    CHECK(contrast(ImVec4(g, g, g, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(4.54).epsilon(0.01));
}
