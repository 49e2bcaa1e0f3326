// Widgets laid out by ImGui in a frame of their own, measured where they land.
#include "ui_test_support.h"

#include "core/i18n.h"
#include "ui/item_registry.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

using namespace debrief;

TEST_CASE("widgets: a checkbox's label is centred on its box, on one line or wrapped") {
    // A label's text came a frame padding lower than the place set for it (a text after SameLine()
    // takes the line's baseline offset): a one-line label sat on the box's lower edge.
    test::NullBackend ui(ImVec2(390, 844));
    const float target = ui::theme_metrics().touch_target;
    ImGui::NewFrame();
    ui::item_registry_begin_frame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(390, 844));
    ImGui::Begin("widgets");
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
    ImGui::End();
    ImGui::Render();
    ui::item_registry_end_frame();
}

TEST_CASE("widgets: a line the interface composes takes the interface's direction") {
    // In the Arabic interface "Lumen — Designer، مقابلة، رفض" (a reflection's summary) was laid out
    // left to right from its first word: against the far edge, the parts in the wrong order. Drawn in
    // the interface's direction it starts at the column's start (left here: the frame is mirrored later).
    set_interface_language(Language::ar);
    test::NullBackend ui(ImVec2(390, 844));
    ImGui::NewFrame();
    ui::item_registry_begin_frame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(390, 844));
    ImGui::Begin("widgets");
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
    ImGui::End();
    ImGui::Render();
    ui::item_registry_end_frame();
    set_interface_language(Language::en);
}
