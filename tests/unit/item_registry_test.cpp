// Tests for ui/item_registry: what set_next_item_* says belongs to the next item added, even when that
// item is scrolled out of view (it is added but never reports its label).
#include "ui/item_registry.h"

#include "ui/fonts.h"
#include "ui/theme.h"

#include <doctest/doctest.h>
#include <imgui.h>

using namespace debrief;

TEST_CASE("item_registry: a hidden item's name and role do not pass to the next item") {
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(390, 300);
    io.DeltaTime = 1.0f / 60.0f;
    ui::apply_theme(ui::ColorScheme::light, ui::Pointer::fine);
    REQUIRE(ui::load_fonts(DEBRIEF_FONTS_DIR, 1.0f, 16.0f, 22.0f));
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    for (int frame = 0; frame < 2; ++frame) {
        ImGui::NewFrame();
        ui::item_registry_begin_frame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("page", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::Button("First");                 // ImGui's navigation starts here (a nav target is never clipped)
        ImGui::SetCursorPos(ImVec2(10, 2000));  // far below the window: added, clipped, no ItemInfo
        ui::set_next_item_role(ui::Role::tab);
        ui::set_next_item_name("Hidden");
        ImGui::Button("Below the fold");
        ImGui::SetCursorPos(ImVec2(10, 100));
        ImGui::Button("Visible");
        ImGui::End();
        ImGui::Render();
        ui::item_registry_end_frame();
    }
    const auto& items = ui::item_registry_items();
    // The clipped item stays in the mirror (scrolled away, with its own name and role) ...
    REQUIRE(items.size() == 3);
    CHECK(items[1].name == "Hidden");
    CHECK(items[1].role == ui::Role::tab);
    CHECK(items[1].offscreen);
    // ... and its name and role did not pass to the next item.
    CHECK(items[2].name == "Visible");
    CHECK(items[2].role == ui::Role::button);
    CHECK(!items[2].offscreen);
    ImGui::DestroyContext(context);
}
