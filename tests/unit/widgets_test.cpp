// Widgets laid out by ImGui in a frame of their own, measured where they land.
#include "ui_test_support.h"

#include "core/i18n.h"
#include "core/people.h"
#include "ui/draw_mirror.h"
#include "ui/item_registry.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

using namespace debrief;

namespace {

// One frame with one phone-sized window to lay widgets out in. render() ends it (the destructor does,
// if the test did not) and gives its draw data.
class WidgetFrame {
public:
    WidgetFrame() {
        ImGui::NewFrame();
        ui::item_registry_begin_frame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(width, height));
        ImGui::Begin("widgets");
    }
    ~WidgetFrame() { render(); }
    WidgetFrame(const WidgetFrame&) = delete;
    WidgetFrame& operator=(const WidgetFrame&) = delete;

    ImDrawData& render() {
        if (!m_rendered) {
            ImGui::End();
            ImGui::Render();
            ui::item_registry_end_frame();
            m_rendered = true;
        }
        return *ImGui::GetDrawData();
    }

    static constexpr float width = 390.0f, height = 844.0f;

private:
    test::NullBackend m_ui{ImVec2(width, height)};
    bool m_rendered = false;
};

}  // namespace

TEST_CASE("widgets: a checkbox's label is centred on its box, on one line or wrapped") {
    // A label's text came a frame padding lower than the place set for it (a text after SameLine()
    // takes the line's baseline offset): a one-line label sat on the box's lower edge.
    const WidgetFrame frame;
    const float target = ui::theme_metrics().touch_target;
    const float line = ImGui::GetFontSize();
    for (const auto& [label, lines] : {std::pair<const char*, float>{"I have sent my reply", 1.0f},
                                       {"Is there a similar open role there you would like to ask about, "
                                        "now or the next time one comes up?",
                                        2.0f}}) {
        CAPTURE(label);
        const float box_top = ImGui::GetCursorScreenPos().y;
        bool sent = false;
        ui::checkbox(label, sent);
        const float top = ImGui::GetItemRectMin().y, bottom = ImGui::GetItemRectMax().y;
        CHECK(top == doctest::Approx(box_top + (target - line) * 0.5f));
        // Whole lines from the top set for the label: none pushed down by an offset.
        CHECK(std::fmod(bottom - top, line) == doctest::Approx(0.0f));
        CHECK(bottom - top >= line * lines);
    }
}

TEST_CASE("widgets: a label too long for a phone wraps inside its button, in either direction") {
    // An Arabic label was cut at the button's edge ("…سودة موجّهة إلى مسؤول التوظيف: رسالة شكر"):
    // only left-to-right labels wrapped.
    const std::pair<Language, const char*> labels[] = {
        {Language::en, "Draft for the hiring manager: Follow-up (2–3 weeks after the interview)"},
        {Language::ar, "مسودة موجّهة إلى المدير المسؤول عن الوظيفة: متابعة (بعد ٢–٣ أسابيع من المقابلة)"},
    };
    for (const auto& [language, label] : labels) {
        CAPTURE(language_code(language));
        set_interface_language(language);
        WidgetFrame frame;
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const int first = draw->VtxBuffer.Size;
        ui::button(label, ui::Emphasis::primary, true);
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
        float left = FLT_MAX, right = -FLT_MAX, top = FLT_MAX, bottom = -FLT_MAX;
        for (int i = first; i < draw->VtxBuffer.Size; ++i) {
            const ImDrawVert& v = draw->VtxBuffer[i];
            if (v.uv.x == white.x && v.uv.y == white.y) continue;  // the button's own shapes
            left = std::min(left, v.pos.x);
            right = std::max(right, v.pos.x);
            top = std::min(top, v.pos.y);
            bottom = std::max(bottom, v.pos.y);
        }
        REQUIRE(right > left);
        CHECK(left >= min.x);  // every glyph inside the button, none past its edges
        CHECK(right <= max.x);
        CHECK(bottom - top > ImGui::GetFontSize() * 1.5f);  // on more than one line
        CHECK(max.y - min.y >= bottom - top);
        frame.render();
    }
    set_interface_language(Language::en);
}

TEST_CASE("widgets: a line the interface composes takes the interface's direction") {
    // In the Arabic interface "Lumen — Designer، مقابلة، رفض" (a reflection's summary) was laid out
    // left to right from its first word: against the far edge, the parts in the wrong order. Drawn in
    // the interface's direction it starts at the column's start (left here: the frame is mirrored later).
    set_interface_language(Language::ar);
    WidgetFrame frame;
    const float start = ImGui::GetCursorScreenPos().x;
    const auto leftmost = [](ui::Direction direction) {
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const int first = draw->VtxBuffer.Size;
        ui::muted_text("Lumen — Designer، مقابلة، رفض", direction);
        float x = FLT_MAX;
        for (int i = first; i < draw->VtxBuffer.Size; ++i) x = std::min(x, draw->VtxBuffer[i].pos.x);
        return x;
    };
    const float own = leftmost(ui::Direction::own), composed = leftmost(ui::Direction::interface);
    CHECK(own > start + 40.0f);
    CHECK(composed == doctest::Approx(start).epsilon(0.02));
    frame.render();
    set_interface_language(Language::en);
}

namespace {

// Whether the shape drawn in `rgb` (the first one from the top, when several are) reads as a tick:
// its short stroke first, so its lowest point in the left part of it. Glyphs of that colour are left
// out, and so are a stroke's transparent fringes.
bool reads_as_tick(const ImDrawData& data, ImU32 rgb) {
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    const auto drawn = [&](const ImDrawVert& v) {
        return (v.col & ~IM_COL32_A_MASK) == rgb && (v.col & IM_COL32_A_MASK) != 0 && v.uv.x == white.x &&
               v.uv.y == white.y;
    };
    float top = FLT_MAX;
    for (int l = 0; l < data.CmdListsCount; ++l)
        for (const ImDrawVert& v : data.CmdLists[l]->VtxBuffer)
            if (drawn(v)) top = std::min(top, v.pos.y);
    float left = FLT_MAX, right = -FLT_MAX, lowest_y = -FLT_MAX, lowest_x = 0.0f;
    for (int l = 0; l < data.CmdListsCount; ++l)
        for (const ImDrawVert& v : data.CmdLists[l]->VtxBuffer) {
            if (!drawn(v) || v.pos.y > top + ImGui::GetFontSize()) continue;
            left = std::min(left, v.pos.x);
            right = std::max(right, v.pos.x);
            if (v.pos.y > lowest_y) lowest_y = v.pos.y, lowest_x = v.pos.x;
        }
    REQUIRE(left < right);
    return lowest_x - left < (right - left) * 0.45f;
}

void mirror_if_rtl(ImDrawData& data) {
    if (ui::interface_is_rtl())
        ui::mirror_draw_data(data, ImGui::GetIO().DisplaySize.x, ImGui::GetIO().Fonts->TexUvWhitePixel, 8.0f);
}

}  // namespace

// A tick says "done", not a direction (SAP/ui5-webcomponents#1831 keeps theirs unmirrored too), but
// the right-to-left interface is the whole frame mirrored: in Arabic every tick stood reversed.
TEST_CASE("widgets: a checked box shows a tick, not its mirror image, in the mirrored interface") {
    for (const Language language : {Language::en, Language::ar}) {
        CAPTURE(language_code(language));
        set_interface_language(language);
        WidgetFrame frame;
        bool sent = true;
        ui::checkbox("I have sent my reply", sent);
        const ImU32 tick = ImGui::GetColorU32(ImGuiCol_CheckMark) & ~IM_COL32_A_MASK;
        ImDrawData& data = frame.render();
        mirror_if_rtl(data);
        CHECK(reads_as_tick(data, tick));
    }
    set_interface_language(Language::en);
}

TEST_CASE("widgets: a draft's checklist ticks what it does, unmirrored in the mirrored interface") {
    for (const Language language : {Language::en, Language::ar}) {
        CAPTURE(language_code(language));
        set_interface_language(language);
        test::AppOnScreen s(ImVec2(390, 4000));  // tall: the checklist under the draft is on screen
        Reflection r;
        r.company = "Lumen";
        r.role = "Designer";
        r.feedback.recruiter_name = "Jana Weber";
        DraftContext ctx;
        ctx.language = Language::en;
        s.app.open_message(
            s.app.create_message(draft_to_person(MessageKind::feedback_reply, r, "recruiter", Settings{}, ctx)));
        s.frame();
        s.frame();
        mirror_if_rtl(*ImGui::GetDrawData());
        CHECK(reads_as_tick(*ImGui::GetDrawData(), ImGui::GetColorU32(ui::palette().good) & ~IM_COL32_A_MASK));
    }
    set_interface_language(Language::en);
}
